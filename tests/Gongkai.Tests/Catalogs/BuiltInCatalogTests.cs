using System.Diagnostics;
using Gongkai.Catalogs;
using Gongkai.Model;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Catalogs;

public class BuiltInCatalogTests
{
    private static ClassificationCatalog Catalog => ClassificationCatalog.BuiltIn;

    [Fact]
    public void Every_row_of_the_four_files_is_loaded_and_matches_the_shared_copy()
    {
        var loads = Catalog.Loads.ToDictionary(l => l.Source);
        Assert.Equal(752, loads["function_codes.csv"].RowsLoaded);
        Assert.Equal(116, loads["econ_dept_codes.csv"].RowsLoaded);
        Assert.Equal(80, loads["econ_gov_codes.csv"].RowsLoaded);
        Assert.Equal(168, loads["econ_mapping.csv"].RowsLoaded);
        Assert.Equal(2, loads["function_codes_supplement.csv"].RowsLoaded);
        Assert.All(loads.Values, l => Assert.Empty(l.Skipped));

        Assert.Equal(156, Catalog.AllEntries(CodeScheme.Function).Count(e => e.Verified));
        Assert.Equal(113, Catalog.AllEntries(CodeScheme.DepartmentEconomic).Count(e => e.Verified)); // 111 shared + 2 of the pre-2018 file
        Assert.Equal(16, Catalog.AllEntries(CodeScheme.GovernmentEconomic).Count(e => e.Verified));
        Assert.Equal(744, Catalog.CodeCount(CodeScheme.Function));

        // the embedded copy is the shared catalog, byte for byte
        foreach (var file in new[] { "function_codes.csv", "econ_dept_codes.csv", "econ_gov_codes.csv", "econ_mapping.csv" })
        {
            using var stream = typeof(ClassificationCatalog).Assembly.GetManifestResourceStream("Gongkai.Catalogs.Data." + file)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            Assert.Equal(File.ReadAllBytes(Shared.Catalog(file)), ms.ToArray());
        }
    }

    [Fact]
    public void Supplement_adds_the_classes_missing_from_the_shared_copy()
    {
        var e = Catalog.Find("234", CodeScheme.Function, 2024)!;
        Assert.Equal("抗疫特别国债安排的支出", e.Name);
        Assert.True(e.Verified);
        Assert.Equal("S003", e.Source);
        Assert.True(Catalog.Exists("234", CodeScheme.Function, 2024));
        Assert.Equal(NameMatchKind.Exact, Catalog.Compare("234", CodeScheme.Function, "抗疫特别国债安排的支出", 2024).Kind);
        Assert.False(Catalog.IsVerified("209", CodeScheme.Function, 2022));
    }

    [Theory]
    [InlineData("2101501", CodeScheme.Function, "行政运行", CodeLevel.Item)]
    [InlineData("2080505", CodeScheme.Function, "机关事业单位基本养老保险缴费支出", CodeLevel.Item)]
    [InlineData("21015", CodeScheme.Function, "医疗保障管理事务", CodeLevel.Section)]
    [InlineData("208", CodeScheme.Function, "社会保障和就业支出", CodeLevel.Class)]
    [InlineData("30113", CodeScheme.DepartmentEconomic, "住房公积金", CodeLevel.Section)]
    [InlineData("50101", CodeScheme.GovernmentEconomic, "工资奖金津补贴", CodeLevel.Section)]
    [InlineData("50501", CodeScheme.GovernmentEconomic, "工资福利支出", CodeLevel.Section)]
    public void Codes_seen_in_the_seeds_have_their_verified_names(string code, CodeScheme scheme, string name, CodeLevel level)
    {
        var entry = Catalog.Find(code, scheme, 2024);
        Assert.NotNull(entry);
        Assert.Equal(name, entry.Name);
        Assert.Equal(level, entry.Level);
        Assert.True(entry.Verified);
        Assert.True(Catalog.IsVerified(code, scheme, 2024));
        Assert.Equal(level, Catalog.Level(code, scheme));
        Assert.Equal($"{code} {name}", entry.Describe());
    }

    [Fact]
    public void Economic_codes_apply_from_the_2018_edition_on()
    {
        var e = Catalog.Find("30113", CodeScheme.DepartmentEconomic, 2019)!;
        Assert.False(e.AppliesToAllYears);
        Assert.True(e.AppliesTo(2018) && !e.AppliesTo(2017));
        Assert.Same(e, Catalog.Find("30113", CodeScheme.DepartmentEconomic, 2030));
        Assert.Same(e, Catalog.Find("30113", CodeScheme.DepartmentEconomic, 2017)); // nearest edition
        Assert.True(Catalog.Exists("30113", CodeScheme.DepartmentEconomic, 2017));
        // same digits, other scheme: not a function code
        Assert.Null(Catalog.Find("30113", CodeScheme.Function));
    }

    [Theory]
    [InlineData(2016, "扶贫")]
    [InlineData(2020, "扶贫")]
    [InlineData(2021, "巩固脱贫衔接乡村振兴")]
    [InlineData(2022, "巩固脱贫衔接乡村振兴")]
    [InlineData(2023, "巩固脱贫衔接乡村振兴")] // between editions: the earlier name holds until changed
    [InlineData(2024, "巩固脱贫攻坚成果衔接乡村振兴")]
    [InlineData(2030, "巩固脱贫攻坚成果衔接乡村振兴")] // nearest edition
    public void Renamed_code_21305_gives_the_name_of_the_year(int year, string name)
    {
        Assert.Equal(name, Catalog.Find("21305", CodeScheme.Function, year)!.Name);
    }

    [Fact]
    public void NamesOf_lists_every_name_of_a_renamed_code_oldest_first()
    {
        Assert.Equal(
            new[] { "扶贫", "巩固脱贫衔接乡村振兴", "巩固脱贫攻坚成果衔接乡村振兴" },
            Catalog.NamesOf("21305", CodeScheme.Function).Select(e => e.Name));
        Assert.Equal("巩固脱贫攻坚成果衔接乡村振兴", Catalog.Find("21305", CodeScheme.Function)!.Name); // no year: newest
        Assert.Equal(
            new[] { "行政事业单位离退休", "行政事业单位养老支出" },
            Catalog.NamesOf("20805", CodeScheme.Function).Select(e => e.Name));
        Assert.Equal(3, Catalog.NamesOf("2130599", CodeScheme.Function).Count);
        Assert.Empty(Catalog.NamesOf("2999901", CodeScheme.Function));
    }

    [Fact]
    public void Unverified_rows_are_marked_when_described()
    {
        var old = Catalog.Find("207", CodeScheme.Function, 2017)!;
        Assert.Equal("文化体育与传媒支出", old.Name);
        Assert.False(old.Verified);
        Assert.Equal("207 文化体育与传媒支出（未核实）", old.Describe());
        Assert.Equal(new int?[] { null }, old.Editions.Select(e => e.FirstYear));
        Assert.Equal(2018, old.Editions.Single().LastYear);

        var current = Catalog.Find("207", CodeScheme.Function, 2024)!;
        Assert.Equal("文化旅游体育与传媒支出", current.Name);
        Assert.True(current.Verified);
        Assert.DoesNotContain("未核实", current.Describe());

        var recalled = Catalog.Find("2010103", CodeScheme.Function, 2024)!;
        Assert.False(recalled.Verified);
        Assert.False(Catalog.IsVerified("2010103", CodeScheme.Function, 2024));
        Assert.EndsWith("（未核实）", recalled.Describe());
    }

    [Fact]
    public void Year_specific_published_row_beats_a_neighbouring_year()
    {
        Assert.Equal("公诉和审判监督", Catalog.Find("2040405", CodeScheme.Function, 2017)!.Name);
        Assert.Equal("公诉、审判、侦查、执行等检察监督支出", Catalog.Find("2040405", CodeScheme.Function, 2018)!.Name);
    }

    [Fact]
    public void Parent_and_children_follow_the_code_hierarchy()
    {
        Assert.Equal("医疗保障管理事务", Catalog.Parent("2101501", CodeScheme.Function)!.Name);
        Assert.Equal("卫生健康支出", Catalog.Parent("21015", CodeScheme.Function, 2024)!.Name);
        Assert.Null(Catalog.Parent("210", CodeScheme.Function));
        Assert.Equal("工资福利支出", Catalog.Parent("30113", CodeScheme.DepartmentEconomic)!.Name);

        var children2024 = Catalog.Children("20805", CodeScheme.Function, 2024).Select(e => e.Code.Value).ToList();
        Assert.Contains("2080505", children2024);
        Assert.DoesNotContain("2080504", children2024); // not in the 2024 lists
        Assert.Equal(children2024.Order(StringComparer.Ordinal), children2024);

        var children2018 = Catalog.Children("20805", CodeScheme.Function, 2018).Select(e => e.Code.Value).ToList();
        Assert.Contains("2080504", children2018);

        var all = Catalog.Children("20805", CodeScheme.Function).Select(e => e.Code.Value).ToList();
        Assert.Contains("2080504", all);
        Assert.Contains("30113", Catalog.Children("301", CodeScheme.DepartmentEconomic).Select(e => e.Code.Value));
    }

    [Fact]
    public void Exists_uses_editions_and_the_whole_catalog_of_the_nearest_year()
    {
        Assert.True(Catalog.Exists("2080504", CodeScheme.Function, 2017));
        Assert.False(Catalog.Exists("2080504", CodeScheme.Function, 2024));
        Assert.True(Catalog.Exists("21305", CodeScheme.Function, 2023));
        Assert.True(Catalog.Exists("2010101", CodeScheme.Function, 2019));
        Assert.True(Catalog.Exists("2080504", CodeScheme.Function));
        Assert.False(Catalog.Exists("2999901", CodeScheme.Function, 2024));
        Assert.False(Catalog.Exists("2999901", CodeScheme.Function));
    }

    [Fact]
    public void Unknown_code_finds_nothing()
    {
        Assert.Null(Catalog.Find("2999901", CodeScheme.Function, 2024));
        Assert.False(Catalog.IsVerified("2999901", CodeScheme.Function));
        Assert.Empty(Catalog.EntriesOf("2999901", CodeScheme.Function));
        Assert.Empty(Catalog.Children("2999901", CodeScheme.Function));
        Assert.Equal(CodeLevel.Item, Catalog.Level("2999901", CodeScheme.Function)); // from the code shape
        Assert.Null(Catalog.Level("2999", CodeScheme.Function)); // malformed
    }

    [Fact]
    public void Built_in_catalog_is_read_only()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            ClassificationCatalog.BuiltIn.LoadEdition(new StringReader("code,name\n2130510,新科目\n"), CodeScheme.Function, 2026));
        Assert.Contains("只读", ex.Message);
        Assert.Same(ClassificationCatalog.BuiltIn, ClassificationCatalog.BuiltIn);
    }

}
