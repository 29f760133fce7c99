using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Tests.Catalogs;

/// <summary>
/// The built-in catalog answers for every year 2017–2026 of the three classifications, and each edition boundary it
/// knows (function 2018|2019 renames, 2020|2021 扶贫, economic 2017|2018 reform) gives the name of the right side.
/// </summary>
public class EditionBoundaryTests
{
    private static ClassificationCatalog Catalog => ClassificationCatalog.BuiltIn;

    public static IEnumerable<object[]> Years() => Enumerable.Range(2017, 10).Select(y => new object[] { y });

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_year_has_an_edition_of_each_classification(int year)
    {
        Assert.Equal(NameMatchKind.Exact, Catalog.Compare("201", CodeScheme.Function, "一般公共服务支出", year).Kind);
        Assert.Equal(NameMatchKind.Exact, Catalog.Compare("301", CodeScheme.DepartmentEconomic, "工资福利支出", year).Kind);
        Assert.Equal(NameMatchKind.Exact, Catalog.Compare("30101", CodeScheme.DepartmentEconomic, "基本工资", year).Kind);
        Assert.NotNull(Catalog.Find("50101", CodeScheme.GovernmentEconomic, year));
        Assert.True(Catalog.Exists("2010101", CodeScheme.Function, year));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Function_classes_renamed_in_2019_take_the_name_of_their_side(int year)
    {
        bool old = year <= 2018;
        Assert.Equal(old ? "文化体育与传媒支出" : "文化旅游体育与传媒支出", Catalog.Find("207", CodeScheme.Function, year)!.Name);
        Assert.Equal(old ? "医疗卫生与计划生育支出" : "卫生健康支出", Catalog.Find("210", CodeScheme.Function, year)!.Name);
        Assert.Equal(old ? "国土海洋气象等支出" : "自然资源海洋气象等支出", Catalog.Find("220", CodeScheme.Function, year)!.Name);
        var other = old ? "卫生健康支出" : "医疗卫生与计划生育支出";
        Assert.Equal(NameMatchKind.MatchesOtherEdition, Catalog.Compare("210", CodeScheme.Function, other, year).Kind);
    }

    [Fact]
    public void Boundary_2020_2021_poverty_relief_section()
    {
        Assert.Equal("扶贫", Catalog.Find("21305", CodeScheme.Function, 2020)!.Name);
        Assert.Equal("巩固脱贫衔接乡村振兴", Catalog.Find("21305", CodeScheme.Function, 2021)!.Name);
        Assert.Equal(NameMatchKind.MatchesOtherEdition, Catalog.Compare("21305", CodeScheme.Function, "扶贫", 2021).Kind);
        Assert.Equal("巩固脱贫攻坚成果衔接乡村振兴", Catalog.Find("21305", CodeScheme.Function, 2026)!.Name);
        // 2023 lies between two recorded names: either is accepted, neither is reported as wrong
        Assert.True(Catalog.Compare("21305", CodeScheme.Function, "巩固脱贫攻坚成果衔接乡村振兴", 2023).IsAcceptable);
        Assert.True(Catalog.Compare("21305", CodeScheme.Function, "巩固脱贫衔接乡村振兴", 2023).IsAcceptable);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Economic_reform_of_2018_moves_the_housing_fund(int year)
    {
        bool pre = year < ClassificationCatalog.EconomicReformYear;
        var e = Catalog.Find("30311", CodeScheme.DepartmentEconomic, year)!;
        Assert.Equal(pre ? "住房公积金" : "代缴社会保险费", e.Name);
        Assert.True(e.Verified);
        Assert.Equal(pre ? NameMatchKind.Exact : NameMatchKind.MatchesOtherEdition,
            Catalog.Compare("30311", CodeScheme.DepartmentEconomic, "住房公积金", year).Kind);
        // the pre-2018 classes are recalled, so never authoritative
        var cls = Catalog.Find("310", CodeScheme.DepartmentEconomic, year)!;
        Assert.Equal(pre ? "其他资本性支出" : "资本性支出", cls.Name);
        if (pre) Assert.False(cls.Verified);
    }

    [Fact]
    public void The_shared_economic_rows_are_the_2018_edition()
    {
        var e = Catalog.Find("30113", CodeScheme.DepartmentEconomic, 2019)!;
        Assert.Equal(2018, e.Editions.Single().FirstYear);
        Assert.Null(e.Editions.Single().LastYear);
        Assert.Equal(2018, Catalog.Find("50101", CodeScheme.GovernmentEconomic, 2024)!.Editions.Single().FirstYear);
        Assert.Equal(11, Catalog.Loads.Single(l => l.Source == "econ_dept_codes_pre2018.csv").RowsLoaded);
    }
}
