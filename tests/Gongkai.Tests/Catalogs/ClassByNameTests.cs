using Gongkai.Catalogs;

namespace Gongkai.Tests.Catalogs;

public class ClassByNameTests
{
    private static ClassificationCatalog Catalog => ClassificationCatalog.BuiltIn;

    [Theory]
    [InlineData("八、社会保障和就业支出", "208")]
    [InlineData("十、 卫生健康支出", "210")]
    [InlineData("（六）社会保障和就业支出", "208")]
    [InlineData("(6)社会保障和就业支出", "208")]
    [InlineData("廿一、其他支出", "229")]
    [InlineData("廿五、国防支出", "203")]
    [InlineData("二十四、债务还本支出", "231")]
    [InlineData("十九、住房保障支出", "221")]
    [InlineData("（十一）农林水支出", "213")]
    [InlineData("8、社会保障和就业支出", "208")]
    [InlineData("29、债务发行费用支出", "233")]
    [InlineData("1.一般公共服务支出", "201")]
    [InlineData("1．一般公共服务支出", "201")]
    [InlineData("3) 教育支出", "205")]
    [InlineData("①科学技术支出", "206")]
    [InlineData("一、（一）一般公共服务支出", "201")]
    [InlineData("一般公共服务支出", "201")] // no ordinal, name starts with 一
    [InlineData("  二十二、灾害防治及应急管理支出  ", "224")]
    [InlineData("八、卫生健康支出", "210")] // the ordinal says 8, the name says 210: the name wins
    [InlineData("八、 社会保障和就业支", "208")] // truncated
    [InlineData("十四、资源勘探工业信息等支出", "215")]
    [InlineData("十四、资源勘探", "215")] // prefix of both names of 215
    [InlineData("十八、自然资源海洋气象等支出", "220")]
    [InlineData("二十六、抗疫特别国债安排的支出", "234")] // from the project supplement (seed 003)
    public void Class_lines_are_matched_by_name(string printed, string code)
    {
        var entry = Catalog.FindClassByName(printed, 2024);
        Assert.NotNull(entry);
        Assert.Equal(code, entry.Code.Value);
    }

    [Theory]
    [InlineData("五、文化体育与传媒支出", "207")]
    [InlineData("七、医疗卫生与计划生育支出", "210")]
    [InlineData("十六、资源勘探信息等支出", "215")]
    [InlineData("十九、国土海洋气象等支出", "220")]
    public void Older_class_names_are_recognised_but_flagged_as_unverified(string printed, string code)
    {
        var entry = Catalog.FindClassByName(printed, 2017)!;
        Assert.Equal(code, entry.Code.Value);
        Assert.False(entry.Verified);
        Assert.Equal(code, Catalog.FindClassByName(printed)!.Code.Value); // without a year too
    }

    [Theory]
    [InlineData("本年支出合计")]
    [InlineData("支出合计")]
    [InlineData("合计")]
    [InlineData("一般公共预算支出")]
    [InlineData("八、")]
    [InlineData("八、本年收入")]
    [InlineData("(6)资本性支出")]
    [InlineData("二十四、债务")] // too short a prefix, fits three classes
    [InlineData("廿一、其他")] // too short a prefix to trust, though only 其他支出 starts so
    [InlineData("预备")]
    [InlineData("行政运行")]
    [InlineData("")]
    public void Non_class_lines_give_null(string printed)
    {
        Assert.Null(Catalog.FindClassByName(printed, 2024));
    }

    [Theory]
    [InlineData("十九、住房保障支出", "住房保障支出")]
    [InlineData("廿一、其他支出", "其他支出")]
    [InlineData("（十一）农林水支出", "农林水支出")]
    [InlineData("(3) 教育支出", "教育支出")]
    [InlineData("12、城乡社区支出", "城乡社区支出")]
    [InlineData("1.5万元", "1.5万元")] // a decimal is not an ordinal
    [InlineData("一般公共服务支出", "一般公共服务支出")]
    [InlineData("十、 卫生健康支出", "卫生健康支出")]
    public void Ordinals_of_every_style_are_stripped(string text, string expected)
    {
        Assert.Equal(expected, CatalogText.StripOrdinal(text));
    }
}
