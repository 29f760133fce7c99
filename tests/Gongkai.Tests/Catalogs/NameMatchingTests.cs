using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Tests.Catalogs;

public class NameMatchingTests
{
    private static ClassificationCatalog Catalog => ClassificationCatalog.BuiltIn;

    [Theory]
    [InlineData("2101501", "行政运行", 2024)]
    [InlineData("2080505", "机关事业单位基本养老保险缴费支出", 2024)]
    [InlineData("20103", "政府办公厅(室)及相关机构事务", 2024)] // half-width parentheses
    [InlineData("20103", "政府办公厅（ 室 ）及相关机构事务", 2024)] // spaces inside
    [InlineData("2130508", "\"三西\"农业建设专项补助", 2024)] // straight quotes
    [InlineData("2130508", "三西农业建设专项补助", 2024)] // quotes dropped
    [InlineData("208", "社会保障和就业支出　", 2024)] // ideographic space
    [InlineData("2101501", "[2101501]行政运行", 2024)] // code copied into the cell
    [InlineData("21305", "扶贫", 2019)]
    [InlineData("21305", "扶贫", null)] // no year: any edition counts
    public void Same_name_after_normalising_is_exact(string code, string printed, int? year)
    {
        var m = Catalog.Compare(code, CodeScheme.Function, printed, year);
        Assert.Equal(NameMatchKind.Exact, m.Kind);
        Assert.True(m.IsAcceptable);
    }

    [Fact]
    public void Name_of_another_edition_is_reported_with_that_edition()
    {
        var m = Catalog.Compare("21305", CodeScheme.Function, "扶贫", 2024);
        Assert.Equal(NameMatchKind.MatchesOtherEdition, m.Kind);
        Assert.Equal("扶贫", m.Entry!.Name);
        Assert.True(m.Verified);
        Assert.Contains("另一版本", m.Describe());

        var old = Catalog.Compare("210", CodeScheme.Function, "医疗卫生与计划生育支出", 2024);
        Assert.Equal(NameMatchKind.MatchesOtherEdition, old.Kind);
        Assert.False(old.Verified); // the old name row is unverified
        Assert.Contains("（未核实）", old.Describe());
    }

    [Theory]
    [InlineData("208", "社会保障和就业支", "社会保障和就业支出")]
    [InlineData("2080505", "机关事业单位基本养老保险", "机关事业单位基本养老保险缴费支出")]
    [InlineData("30108", "机关事业单位基本养老保险", "机关事业单位基本养老保险缴费")]
    [InlineData("21305", "巩固脱贫攻坚成果衔接", "巩固脱贫攻坚成果衔接乡村振兴")]
    public void Cut_off_names_are_truncated(string code, string printed, string full)
    {
        var scheme = ClassificationCode.TryCreate(code)!.Value.Scheme;
        var m = Catalog.Compare(code, scheme, printed, 2024);
        Assert.Equal(NameMatchKind.Truncated, m.Kind);
        Assert.Equal(full, m.Entry!.Name);
        Assert.True(m.Verified);
    }

    [Fact]
    public void Truncated_older_name_is_found_on_its_edition()
    {
        var m = Catalog.Compare("20805", CodeScheme.Function, "行政事业单位离", 2024);
        Assert.Equal(NameMatchKind.Truncated, m.Kind);
        Assert.Equal("行政事业单位离退休", m.Entry!.Name);
    }

    [Theory]
    [InlineData("2101501", "一般行政管理事务")]
    [InlineData("2080505", "机关事业单位基本养老保险缴费支出合计")] // longer, not a prefix
    [InlineData("208", "社")] // too short to call truncated
    [InlineData("208", "")]
    public void Other_names_are_different(string code, string printed)
    {
        var m = Catalog.Compare(code, CodeScheme.Function, printed, 2024);
        Assert.Equal(NameMatchKind.Different, m.Kind);
        Assert.False(m.IsAcceptable);
        Assert.NotNull(m.Entry);
        Assert.Equal(Catalog.Find(code, CodeScheme.Function, 2024), m.Entry);
        Assert.Contains("不符", m.Describe());
    }

    [Fact]
    public void Unknown_code_is_reported_as_such()
    {
        var m = Catalog.Compare("2999901", CodeScheme.Function, "行政运行", 2024);
        Assert.Equal(NameMatchKind.UnknownCode, m.Kind);
        Assert.Null(m.Entry);
        Assert.False(m.Verified);
        Assert.Contains("没有编码 2999901", m.Describe());
        Assert.Equal(NameMatchKind.UnknownCode, Catalog.Compare("50101", CodeScheme.Function, "工资奖金津补贴", 2024).Kind);
    }

    [Fact]
    public void Exact_match_with_an_unverified_row_is_not_authoritative()
    {
        var m = Catalog.Compare("2010103", CodeScheme.Function, "机关服务", 2024);
        Assert.Equal(NameMatchKind.Exact, m.Kind);
        Assert.False(m.Verified);
        Assert.Contains("（未核实）", m.Describe());
    }

    [Fact]
    public void Economic_names_compare_in_their_scheme()
    {
        Assert.Equal(NameMatchKind.Exact, Catalog.Compare("30113", CodeScheme.DepartmentEconomic, "住房公积金", 2024).Kind);
        Assert.Equal(NameMatchKind.Exact, Catalog.Compare("50207", CodeScheme.GovernmentEconomic, "因公出国(境)费用", 2024).Kind);
        Assert.Equal(NameMatchKind.Different, Catalog.Compare("50101", CodeScheme.GovernmentEconomic, "基本工资", 2024).Kind);
    }
}
