using System.Text;
using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Tests.Catalogs;

public sealed class UserEditionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gongkai-catalog-" + Guid.NewGuid().ToString("N"));

    public UserEditionTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private const string Edition2026 =
        "code,name,level,year_or_edition,source,verified\n" +
        "21305,乡村振兴衔接,款,,财政部2026科目,\n" +              // renamed code
        "2130510,防止返贫监测帮扶,项,,财政部2026科目,yes\n" +      // new code
        "2130511,试点科目,项,,个人整理,no\n";                       // user says it is not checked

    [Fact]
    public void User_edition_renames_adds_and_keeps_flags()
    {
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        var result = catalog.LoadEdition(Write("2026.csv", Edition2026), CodeScheme.Function, 2026);
        Assert.Equal(3, result.RowsLoaded);
        Assert.Empty(result.Skipped);
        Assert.Equal("2026.csv", result.Source);

        var renamed = catalog.Find("21305", CodeScheme.Function, 2026)!;
        Assert.Equal("乡村振兴衔接", renamed.Name);
        Assert.Equal(CatalogOrigin.User, renamed.Origin);
        Assert.True(renamed.Verified); // blank verified: the user holds the official catalog
        Assert.Equal("巩固脱贫攻坚成果衔接乡村振兴", catalog.Find("21305", CodeScheme.Function, 2024)!.Name); // other years untouched
        Assert.Equal(4, catalog.NamesOf("21305", CodeScheme.Function).Count);
        Assert.Equal(NameMatchKind.MatchesOtherEdition, catalog.Compare("21305", CodeScheme.Function, "巩固脱贫攻坚成果衔接乡村振兴", 2026).Kind);

        var added = catalog.Find("2130510", CodeScheme.Function, 2026)!;
        Assert.Equal("防止返贫监测帮扶", added.Name);
        Assert.True(catalog.Exists("2130510", CodeScheme.Function, 2026));
        Assert.Contains("2130510", catalog.Children("21305", CodeScheme.Function, 2026).Select(e => e.Code.Value));
        Assert.Equal("巩固脱贫攻坚成果衔接乡村振兴", catalog.Parent("2130510", CodeScheme.Function, 2024)!.Name);

        var unchecked_ = catalog.Find("2130511", CodeScheme.Function, 2026)!;
        Assert.False(unchecked_.Verified);
        Assert.Equal("2130511 试点科目（未核实）", unchecked_.Describe());

        // the shared built-in catalog did not change
        Assert.Null(ClassificationCatalog.BuiltIn.Find("2130510", CodeScheme.Function));
        Assert.Equal("巩固脱贫攻坚成果衔接乡村振兴", ClassificationCatalog.BuiltIn.Find("21305", CodeScheme.Function, 2026)!.Name);
    }

    [Fact]
    public void Later_load_overrides_earlier_for_the_same_code_and_year()
    {
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        Assert.False(catalog.IsVerified("2010103", CodeScheme.Function, 2024));

        catalog.LoadEdition(new StringReader("code,name\n2010103,机关服务\n2010304,专项服务（修订）\n"), CodeScheme.Function, 2024);
        Assert.True(catalog.IsVerified("2010103", CodeScheme.Function, 2024)); // confirmed by the official catalog
        Assert.Equal("专项服务（修订）", catalog.Find("2010304", CodeScheme.Function, 2024)!.Name);

        catalog.LoadEdition(new StringReader("code,name\n2010304,专项服务\n"), CodeScheme.Function, 2024, sourceName: "更正.csv");
        var e = catalog.Find("2010304", CodeScheme.Function, 2024)!;
        Assert.Equal("专项服务", e.Name);
        Assert.Equal("更正.csv", e.Source);
        Assert.Equal(8, catalog.Loads.Count); // 6 built-in files + 2 user loads
    }

    [Fact]
    public void Economic_edition_for_one_year_overrides_only_that_year()
    {
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        catalog.LoadEdition(new StringReader("code,name,level,source,verified\n30113,住房公积金（改）,款,,\n"), CodeScheme.DepartmentEconomic, 2025);
        Assert.Equal("住房公积金（改）", catalog.Find("30113", CodeScheme.DepartmentEconomic, 2025)!.Name);
        Assert.Equal("住房公积金", catalog.Find("30113", CodeScheme.DepartmentEconomic, 2024)!.Name);
        Assert.Equal("住房公积金（改）", catalog.Find("30113", CodeScheme.DepartmentEconomic)!.Name); // no year: the latest load
    }

    [Fact]
    public void Without_a_year_each_row_uses_its_edition_column()
    {
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        catalog.LoadEdition(new StringReader(
            "code,name,level,year_or_edition,source,verified\n" +
            "2080504,未归口管理的行政单位离退休,项,2019-2020,,yes\n" +
            "20805,行政事业单位养老支出,款,\"2019|2020\",,\n"), CodeScheme.Function, null);
        Assert.True(catalog.Exists("2080504", CodeScheme.Function, 2020));
        Assert.False(catalog.Exists("2080504", CodeScheme.Function, 2024));
        Assert.Equal("行政事业单位养老支出", catalog.Find("20805", CodeScheme.Function, 2019)!.Name);
        Assert.Equal("行政事业单位离退休", catalog.Find("20805", CodeScheme.Function, 2018)!.Name);
    }

    [Fact]
    public void Complete_edition_decides_which_codes_exist_in_its_year()
    {
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        Assert.True(catalog.Exists("2010103", CodeScheme.Function, 2025));
        catalog.LoadEdition(new StringReader("code,name\n201,一般公共服务支出\n20101,人大事务\n2010101,行政运行\n"), CodeScheme.Function, 2025, complete: true);
        Assert.True(catalog.Exists("2010101", CodeScheme.Function, 2025));
        Assert.False(catalog.Exists("2010103", CodeScheme.Function, 2025));
        Assert.False(catalog.Exists("208", CodeScheme.Function, 2025)); // the 2025 list holds only 201
        Assert.True(catalog.Exists("208", CodeScheme.Function, 2024));
        Assert.Throws<ArgumentException>(() =>
            catalog.LoadEdition(new StringReader("code,name\n201,x\n"), CodeScheme.Function, null, complete: true));
    }

    [Fact]
    public void Gbk_file_with_chinese_headers_and_tabs_is_read()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030");
        var path = Write("gbk.txt", "科目编码\t科目名称\t级次\n2130510\t防止返贫监测帮扶\t项\n213 05 12\t另一科目\t项\n", gbk);
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        var result = catalog.LoadEdition(path, CodeScheme.Function, 2026);
        Assert.Equal(2, result.RowsLoaded);
        Assert.Equal("防止返贫监测帮扶", catalog.Find("2130510", CodeScheme.Function, 2026)!.Name);
        Assert.Equal("另一科目", catalog.Find("2130512", CodeScheme.Function, 2026)!.Name);
    }

    [Fact]
    public void Stream_with_bom_is_read()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("code,name\n50101,工资奖金津补贴（新）\n")).ToArray();
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        catalog.LoadEdition(new MemoryStream(bytes), CodeScheme.GovernmentEconomic, 2026);
        Assert.Equal("工资奖金津补贴（新）", catalog.Find("50101", CodeScheme.GovernmentEconomic, 2026)!.Name);
    }

    [Fact]
    public void Bad_rows_are_skipped_with_chinese_reasons()
    {
        var catalog = new ClassificationCatalog();
        var result = catalog.LoadEdition(new StringReader(
            "code,name,level,year_or_edition\n" +
            "2101501,行政运行,项,\n" +
            "21015001,太长,项,\n" +       // 8 digits
            "2101502,,项,\n" +             // no name
            "21015,医疗保障管理事务,项,\n" + // level does not fit the code
            "2101550,事业运行,项,明年\n" +   // edition not understood
            ",,,\n"), CodeScheme.Function, null);
        Assert.Equal(1, result.RowsLoaded);
        Assert.Equal(new[] { 3, 4, 5, 6 }, result.Skipped.Select(s => s.Line));
        Assert.Contains("不是有效的支出功能分类编码", result.Skipped[0].Message);
        Assert.Contains("没有名称", result.Skipped[1].Message);
        Assert.Contains("级次", result.Skipped[2].Message);
        Assert.Contains("明年", result.Skipped[3].Message);
        Assert.True(catalog.Find("2101501", CodeScheme.Function)!.AppliesToAllYears);

        var ex = Assert.Throws<CatalogFormatException>(() =>
            catalog.LoadEdition(new StringReader("a,b\n1,2\n"), CodeScheme.Function, 2024));
        Assert.Contains("缺少编码列或名称列", ex.Message);
    }

    [Theory]
    [InlineData("2024", 2024, 2024, false)]
    [InlineData("2024(recalled)", 2024, 2024, true)]
    [InlineData("2021-2022", 2021, 2022, false)]
    [InlineData("≤2018(旧名,2019起更名)", null, 2018, false)]
    [InlineData("≥2019", 2019, null, false)]
    public void Edition_tokens_parse(string text, int? first, int? last, bool recalled)
    {
        Assert.True(CatalogEdition.TryParse(text, out var e));
        Assert.Equal(first, e.FirstYear);
        Assert.Equal(last, e.LastYear);
        Assert.Equal(recalled, e.Recalled);
        Assert.Equal(text, e.Text);
        Assert.False(CatalogEdition.TryParse("2024年以后", out _));
    }
}
