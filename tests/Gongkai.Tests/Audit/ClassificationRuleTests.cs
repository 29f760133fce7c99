using Gongkai.Audit;
using Gongkai.Audit.Rules.Classification;
using Gongkai.Audit.Rules.WithinTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class ClassificationRuleTests
{
    private static readonly ColumnKey T = Measure.Total;

    /// <summary>2109999 printed under 21015 and counted in its subtotal; no 21099 row.</summary>
    private static DocBuilder Misplaced() => DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T)
        .Total(718.09m)
        .Row("210", "卫生健康支出", 718.09m)
        .Row("21015", "医疗保障管理事务", 718.09m)
        .Row("2101501", "行政运行", 600.00m)
        .Row("2101599", "其他医疗保障管理事务支出", 106.09m)
        .Row("2109999", "其他卫生健康支出", 12.00m));

    [Fact]
    public void GK501_names_the_misplaced_row_with_expected_found_and_difference()
    {
        var b = Misplaced();
        var f = Single<MisplacedChild>(b, expected: 706.09m, found: 718.09m);
        Assert.Equal(12.00m, f.Difference);
        Assert.Contains("2109999", f.Message);
        Assert.Contains("21015", f.Message);
        Assert.Equal(b.Doc.Table(TableKind.FinalExpenditure)!.Row("2109999")!.Source, f.Locations[0]);
        Assert.Contains(Cell(b, TableKind.FinalExpenditure, "21015", T), f.Locations);
        Assert.Contains("21099", f.Suggestion);
    }

    [Fact]
    public void GK501_is_the_only_report_for_the_misplaced_row()
    {
        var b = Misplaced();
        Silent<ParentEqualsSumOfChildren>(b);
        Silent<TotalEqualsSumOfClasses>(b);
        Silent<MissingParentRow>(b);
    }

    [Fact]
    public void GK501_stays_silent_when_the_99_section_is_listed()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T)
            .Row("210", "卫生健康支出", 718.09m)
            .Row("21015", "医疗保障管理事务", 706.09m)
            .Row("2101501", "行政运行", 600.00m)
            .Row("2101599", "其他医疗保障管理事务支出", 106.09m)
            .Row("21099", "其他卫生健康支出", 12.00m)
            .Row("2109999", "其他卫生健康支出", 12.00m));
        Silent<MisplacedChild>(b);
        Silent<MissingParentRow>(b);
        Silent<ParentEqualsSumOfChildren>(b);
    }

    [Fact]
    public void GK502_fires_when_a_section_row_is_missing_and_class_still_adds_up()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T)
            .Total(103.03m)
            .Row("208", "社会保障和就业支出", 103.03m)
            .Row("2080505", "机关事业单位基本养老保险缴费支出", 57.66m)
            .Row("2080506", "机关事业单位职业年金缴费支出", 45.37m));
        var fs = Run<MissingParentRow>(b);
        Assert.Equal(2, fs.Count);
        Assert.Contains("20805", fs[0].Message);
        Assert.Equal(b.Doc.Table(TableKind.FinalExpenditure)!.Row("2080505")!.Source, fs[0].Locations[0]);
        Silent<ParentEqualsSumOfChildren>(b);
    }

    [Fact]
    public void GK503_fires_on_six_digit_code_and_stays_silent_on_good_codes()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("210110", "行政事业单位医疗", 1m));
        var f = Single<MalformedCode>(b);
        Assert.Contains("210110", f.Message);
        Silent<MalformedCode>(Misplaced());
    }

    [Fact]
    public void GK504_fires_on_reversed_order_and_stays_silent_in_order()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T)
            .Row("21011", "行政事业单位医疗", 3m).Row("2101102", "事业单位医疗", 1m).Row("2101101", "行政单位医疗", 2m));
        var f = Single<CodeOrder>(b);
        Assert.Contains("2101101", f.Message);
        Silent<CodeOrder>(Misplaced());
    }

    [Fact]
    public void GK505_fires_when_one_code_has_two_names()
    {
        var b = DocBuilder.Final()
            .Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("210", "卫生健康支出", 1m))
            .Table(TableKind.FinalGeneralExpenditure, t => t.Columns(T).Row("210", "医疗卫生与计划生育支出", 1m));
        var f = Single<OneCodeTwoNames>(b, expected: 1m, found: 2m);
        Assert.Equal(b.Doc.Table(TableKind.FinalExpenditure)!.Row("210")!.Source, f.Locations[0]);
        Assert.Contains("医疗卫生与计划生育支出", f.Message);
    }

    [Fact]
    public void GK505_stays_silent_when_names_agree_up_to_spacing()
    {
        var b = DocBuilder.Final()
            .Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("210", "卫生健康支出", 1m))
            .Table(TableKind.FinalGeneralExpenditure, t => t.Columns(T).Row("210", "卫生 健康支出", 1m));
        Silent<OneCodeTwoNames>(b);
    }

    [Fact]
    public void GK505_ignores_ordinals_and_reports_truncation_only_as_hint()
    {
        var b = DocBuilder.Budget(2022)
            .Table(TableKind.BudgetSummary, t => t.ExpenseClass("208", "八、 社会保障和就业支", 70.17m).ExpenseClass("210", "十、 卫生健康支出", 1m))
            .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T).Row("208", "社会保障和就业支出", 70.17m).Row("210", "卫生健康支出", 1m));
        var hints = Run<OneCodeTwoNames>(b);
        var h = Assert.Single(hints);
        Assert.Equal(Severity.Info, h.Severity);
        Assert.Contains("截断", h.Message);
        Assert.Empty(Run<OneCodeTwoNames>(b, new AuditOptions { Catalog = CatalogAdapter.Instance })); // GK506 reports it then
    }

    private sealed class FakeCatalog : ICodeCatalog
    {
        public bool Contains(ClassificationCode code) => code.Value is "207" or "210";
        public string? NameOf(ClassificationCode code, int? year) => code.Value switch
        {
            "207" => year >= 2019 ? "文化旅游体育与传媒支出" : "文化体育与传媒支出",
            "210" => "卫生健康支出",
            _ => null,
        };
    }

    private static readonly AuditOptions Real = new() { Catalog = CatalogAdapter.Instance };

    [Fact]
    public void GK506_fires_on_old_edition_name_without_a_full_catalog()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T)
            .Row("207", "文化体育与传媒支出", 1m).Row("210", "卫生健康支出", 1m).Row("299", "不存在", 1m));
        var f = Single<CatalogName>(b, options: new AuditOptions { Catalog = new FakeCatalog() });
        Assert.Contains("文化旅游体育与传媒支出", f.Message);
    }

    [Fact]
    public void GK506_with_the_real_catalog_warns_on_an_other_edition_name()
    {
        var b = DocBuilder.Budget(2022).Table(TableKind.BudgetRevenue, t => t.Columns(T).Row("21305", "扶贫", 1m));
        var f = Single<CatalogName>(b, options: Real);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("巩固脱贫衔接乡村振兴", f.Message);
    }

    [Fact]
    public void GK506_ordinals_are_not_a_different_name_and_truncation_is_a_hint()
    {
        var b = DocBuilder.Budget(2022).Table(TableKind.BudgetSummary, t => t
            .ExpenseClass("210", "十、 卫生健康支出", 1m).ExpenseClass("208", "八、 社会保障和就业支", 1m));
        var f = Assert.Single(Run<CatalogName>(b, Real)); // 210 with its ordinal is not reported
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("不完整", f.Message);
    }

    [Fact]
    public void GK506_against_an_unverified_catalog_row_is_at_most_a_hint()
    {
        // 202 外交支出 is in the catalog but not verified
        var b = DocBuilder.Final(2024).Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("202", "外事支出", 1m));
        var f = Assert.Single(Run<CatalogName>(b, Real));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("未核实", f.Message);
    }

    [Fact]
    public void GK506_economic_names_before_the_2018_edition_follow_the_pre_2018_edition()
    {
        // 30311 was 住房公积金 in the economic classification before the 2018 reform (JS17B prints it so)
        DocBuilder MakeDoc(int year) => DocBuilder.Budget(year).Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Row("30311", "住房公积金", 1m));
        Assert.Empty(Run<CatalogName>(MakeDoc(2017), Real));
        // a pre-2018 name the built-in edition knows only from memory is at most a hint
        var old = Assert.Single(Run<CatalogName>(DocBuilder.Budget(2017).Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Row("30113", "购房补贴", 1m)), Real));
        Assert.Equal(Severity.Info, old.Severity);
        Assert.Contains("2018 年起的版本", old.Message);
        var current = Single<CatalogName>(MakeDoc(2024), options: Real);
        Assert.Equal(Severity.Warning, current.Severity);
        Assert.Contains("代缴社会保险费", current.Message);
    }

    [Fact]
    public void GK507_fires_on_a_code_unknown_to_the_year_and_stays_silent_on_known_ones()
    {
        var b = DocBuilder.Final(2024).Table(TableKind.FinalExpenditure, t => t.Columns(T)
            .Row("210", "卫生健康支出", 1m).Row("234", "抗疫特别国债安排的支出", 1m).Row("2109998", "不存在的项", 1m));
        var all = Run<CodeExistsInYear>(b, Real);
        var f = Assert.Single(all);
        Assert.Contains("2109998", f.Message);
        Assert.Equal(Severity.Info, f.Severity); // unknown to the built-in catalog: ask a human
        var ok = DocBuilder.Final(2024).Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("210", "卫生健康支出", 1m));
        Assert.Empty(Run<CodeExistsInYear>(ok, Real));
        Assert.Empty(Run<CodeExistsInYear>(b)); // no catalog, no check
    }

    /// <summary>The same 项 printed in two function tables: 2010102 in the 支出决算表, <paramref name="code"/> in the 一般公共预算财政拨款支出决算表.</summary>
    private static DocBuilder TwoTables(string code, string name = "一般行政管理事务", decimal amount = 5m, string other = "2010102") =>
        DocBuilder.Final(2024)
            .Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("201", "一般公共服务支出", 5m).Row("20101", "人大事务", 5m).Row(other, "一般行政管理事务", 5m))
            .Table(TableKind.FinalGeneralExpenditure, t => t.Columns(T).Row("201", "一般公共服务支出", 5m).Row("20101", "人大事务", 5m).Row(code, name, amount));

    [Fact]
    public void GK507_is_a_warning_when_another_table_prints_the_same_subject_under_a_catalog_code()
    {
        // 2010187 is in no catalog; the 支出表 prints 一般行政管理事务 of the same 款 as 2010102 (known): the two tables disagree
        var f = Assert.Single(Run<CodeExistsInYear>(TwoTables("2010187"), Real));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("2010187", f.Message);
        Assert.Contains("2010102", f.Message);
        Assert.Equal(2, f.Locations.Count);
        // another 款, but the same name and amount: the same subject
        var g = Assert.Single(Run<CodeExistsInYear>(TwoTables("2019987"), Real));
        Assert.Equal(Severity.Warning, g.Severity);
    }

    [Fact]
    public void GK507_stays_a_hint_without_evidence_from_the_document()
    {
        // another name: two subjects, nothing says which code is meant
        Assert.Equal(Severity.Info, Assert.Single(Run<CodeExistsInYear>(TwoTables("2010187", "代表工作"), Real)).Severity);
        // another 款 and another amount
        Assert.Equal(Severity.Info, Assert.Single(Run<CodeExistsInYear>(TwoTables("2019987", amount: 4m), Real)).Severity);
        // both tables print the unknown code: they agree; only the catalog does not know it
        var both = Run<CodeExistsInYear>(TwoTables("2010187", other: "2010187"), Real);
        Assert.NotEmpty(both);
        Assert.All(both, x => Assert.Equal(Severity.Info, x.Severity));
    }

    [Fact]
    public void GK225_adds_up_the_class_rows_of_a_fiscal_grant_basic_table_per_column()
    {
        var P = (ColumnKey)Measure.Personnel;
        var G = (ColumnKey)Measure.Public;
        DocBuilder Basic(decimal personnel, decimal pub) => DocBuilder.Budget().Table(TableKind.FiscalGrantBasic, t => t.Columns(T, P, G)
            .Total(200m, 150m, 50m)
            .Row("301", "工资福利支出", 150m, 150m, 0m)
            .Row("30102", "津贴补贴", 150m, personnel, pub)
            .Row("302", "商品和服务支出", 50m, 0m, 50m)
            .Row("30201", "办公费", 50m, 0m, 50m));
        Silent<EconomicClassSums>(Basic(150m, 0m));
        // 30102 written in the 公用经费 column: 301 人员经费 150 ≠ 0
        var f = Assert.Single(Run<EconomicClassSums>(Basic(0m, 150m)).Where(x => x.Message.Contains("人员")));
        Assert.Contains("工资福利支出", f.Message);
    }

    [Fact]
    public void GK506_stays_silent_without_catalog_or_with_current_names()
    {
        var old = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("207", "文化体育与传媒支出", 1m));
        Silent<CatalogName>(old);
        var ok = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T).Row("207", "文化旅游体育与传媒支出", 1m));
        Silent<CatalogName>(ok, new AuditOptions { Catalog = new FakeCatalog() });
    }
}
