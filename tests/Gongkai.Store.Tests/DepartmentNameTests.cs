namespace Gongkai.Store.Tests;

/// <summary>Which recognized names a document is filed under (names as printed in corpus documents' titles).</summary>
public sealed class DepartmentNameTests
{
    [Theory]
    [InlineData("北京市司法局", "北京市司法局")]
    [InlineData("北京市统计局部门", "北京市统计局")]
    [InlineData("西安市公安局(汇总)", "西安市公安局")]
    [InlineData("西安市审计局（汇总）", "西安市审计局")]
    [InlineData("中共重庆市委宣传部", "中共重庆市委宣传部")]
    [InlineData("重庆市商务委员会", "重庆市商务委员会")]
    [InlineData("长沙职业教育基地综合协调办公室", "长沙职业教育基地综合协调办公室")]
    [InlineData("青川区医疗保障局", "青川区医疗保障局")]
    [InlineData("江苏省人大常委会办公厅", "江苏省人大常委会办公厅")]
    [InlineData(" 上海市普陀区 财政局 ", "上海市普陀区财政局")]
    public void NamesOfBodiesAreKept(string printed, string expected) => Assert.Equal(expected, DepartmentNames.Clean(printed));

    [Theory]
    [InlineData("第二部分")]
    [InlineData("第一部分单位概况......................1一、单位主要职责")]
    [InlineData("1.")]
    [InlineData("上海市XX局")]
    [InlineData("纳入本部门")]
    [InlineData("2026年部门预算")]
    [InlineData("")]
    [InlineData(null)]
    public void TextThatIsNoNameIsRefused(string? printed) => Assert.Null(DepartmentNames.Clean(printed));
}
