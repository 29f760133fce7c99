using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Recognition.Tables;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// Two layouts of other regions (first seen in a 重庆 2026 budget): a column of the year before printed beside this year's
/// columns (2025年预算数 | 2026年预算数/总计 | …), read as 上年数 and kept out of this year's sums; and economic codes refined
/// one level below the 款 (3010201 规范性津补贴 under 30102 津贴补贴), read as sub-items whose sums are their 款; and a 决算
/// table printing the year's budgets beside its final figures (年初预算数 | 全年预算数 | 决算数/合计 …), read on its 决算
/// columns with the budgets kept aside.
/// </summary>
public class PriorYearAndSubItemTests
{
    private static Disclosure Recognize(string text) => new DisclosureReader().Recognize(TextDocumentReader.Parse("t.md", text)).Disclosure;

    private static ColumnMap[] Map(TableKind kind, int? year, params string[] paths) => ColumnMeaning.MapAll(paths, kind, year);

    private static AuditReport Audit(Disclosure d) =>
        Auditor.Audit(d, new AuditOptions { Catalog = CatalogAdapter.Instance });

    private static List<Finding> Raised(AuditReport r, string rule) =>
        r.ByRule(rule).Where(f => f.Severity is Severity.Error or Severity.Warning && !f.IsRoundingDifference).ToList();

    [Fact]
    public void The_one_amount_of_the_year_before_is_the_prior_year_measure_and_stands_aside()
    {
        var m = Map(TableKind.BudgetGeneralExpenditure, null, "2025年预算数", "2026年预算数/总计", "2026年预算数/基本支出/小计", "2026年预算数/项目支出");
        Assert.Equal(new ColumnKey?[] { Measure.PriorYear, Measure.Total, Measure.Basic, Measure.Project }, m.Select(x => x.Key));
        Assert.True(m[0].Detail); // not a part of the row's total
        Assert.True(new ColumnKey(Measure.PriorYear).IsComparison);
        Assert.False(new ColumnKey(Measure.Total).IsComparison);
    }

    [Theory]
    [InlineData("上年预算数")]
    [InlineData("上年数")]
    [InlineData("上年/合计")]
    [InlineData("2025年决算数")]
    [InlineData("2025年执行数")]
    public void Other_wordings_of_the_year_before(string header)
    {
        var m = Map(TableKind.BudgetExpenditure, null, header, "2026年预算数/合计", "2026年预算数/基本支出", "2026年预算数/项目支出");
        Assert.Equal(Measure.PriorYear, m[0].Key?.Measure);
        Assert.Equal(Measure.Total, m[1].Key?.Measure);
    }

    [Fact]
    public void A_prior_block_split_into_parts_gives_its_total_and_leaves_the_parts_aside()
    {
        var m = Map(TableKind.BudgetExpenditure, null, "2025年预算数/合计", "2025年预算数/基本支出", "2025年预算数/项目支出",
            "2026年预算数/合计", "2026年预算数/基本支出", "2026年预算数/项目支出", "增减/金额");
        Assert.Equal(new ColumnKey?[] { Measure.PriorYear, null, null, Measure.Total, Measure.Basic, Measure.Project, null }, m.Select(x => x.Key));
        Assert.True(m[1].Detail && m[2].Detail && m[6].Detail);
    }

    [Fact]
    public void Only_the_year_just_before_is_the_prior_year_and_a_change_column_never_is()
    {
        // 2024 is two years back: another period, but not 上年数
        var m = Map(TableKind.BudgetExpenditure, null, "2024年决算数", "2025年预算数", "2026年预算数");
        Assert.Equal(new ColumnKey?[] { null, Measure.PriorYear, Measure.Amount }, m.Select(x => x.Key));
        var c = Map(TableKind.BudgetExpenditure, null, "2026年预算数", "比上年增减");
        Assert.Null(c[1].Key);
        Assert.True(c[1].Detail);
    }

    [Fact]
    public void The_title_year_dates_a_column_printed_without_a_year()
    {
        // 2025年预算数 | 预算数 in a table titled 2026年…: the undated column is this year's
        var m = Map(TableKind.BudgetGeneralExpenditure, 2026, "2025年预算数", "预算数");
        Assert.Equal(new ColumnKey?[] { Measure.PriorYear, Measure.Amount }, m.Select(x => x.Key));
        // a title year never turns every column into another period (a header with a wrong year stays this year's)
        var only = Map(TableKind.BudgetGeneralExpenditure, 2026, "2025年预算数/合计", "2025年预算数/基本支出");
        Assert.Equal(Measure.Total, only[0].Key?.Measure);
        Assert.Equal(2026, ColumnMeaning.TitleYear("2026年一般公共预算支出情况表"));
        Assert.Null(ColumnMeaning.TitleYear("一般公共预算支出表"));
    }

    // last year's parent 20103 held 2010304, no longer printed: its prior-year figure is not the sum of this year's rows
    private const string GeneralWithPriorYear = """
        某局2026年部门预算

        2026年一般公共预算支出情况表

        单位：万元

        | 科目编码 | 科目名称 | 2025年预算数 | 2026年预算数 | 2026年预算数 | 2026年预算数 |
        | 科目编码 | 科目名称 | 2025年预算数 | 总计 | 基本支出 | 项目支出 |
        |---|---|---|---|---|---|
        |  | 合计 | 150.00 | 130.00 | 100.00 | 30.00 |
        | 201 | 一般公共服务支出 | 150.00 | 130.00 | 100.00 | 30.00 |
        | 20103 | 政府办公厅（室）及相关机构事务 | 150.00 | 130.00 | 100.00 | 30.00 |
        | 2010301 | 行政运行 | 90.00 | 100.00 | 100.00 |  |
        | 2010302 | 一般行政管理事务 | 40.00 | ITEM |  | 30.00 |
        """;

    [Fact]
    public void A_prior_year_column_is_read_and_kept_out_of_this_years_hierarchy_sums()
    {
        var d = Recognize(GeneralWithPriorYear.Replace("ITEM", "30.00"));
        var t = d.Table(TableKind.BudgetGeneralExpenditure)!;
        Assert.Equal("150.00", t.Cell("total", Measure.PriorYear));
        Assert.Equal("90.00", t.Cell("2010301", Measure.PriorYear));
        Assert.Equal("130.00", t.Cell("20103", Measure.Total));
        Assert.Contains(t.Columns, c => c.Key == Measure.PriorYear && !c.IsUnmapped);
        Assert.Empty(t.UnmappedValueColumns);
        var report = Audit(d);
        // 20103 上年 150.00 ≠ 90.00 + 40.00: last year's rows are not all printed — no finding
        Assert.Empty(Raised(report, "GK201"));
        Assert.Empty(Raised(report, "GK202"));
        Assert.Empty(Raised(report, "GK204"));
    }

    [Fact]
    public void This_years_columns_beside_a_prior_year_column_are_still_checked()
    {
        var d = Recognize(GeneralWithPriorYear.Replace("ITEM", "31.00"));
        var report = Audit(d);
        // 2010302 合计 31.00 ≠ 基本 0 + 项目 30.00; 20103 合计 130.00 ≠ 100.00 + 31.00
        Assert.Contains(Raised(report, "GK204"), f => f.Message.Contains("2010302"));
        Assert.Contains(Raised(report, "GK201"), f => f.Message.Contains("20103") && !f.Message.Contains("上年"));
    }

    private const string BasicWithSubItems = """
        某局2026年部门预算

        2026年一般公共预算基本支出情况表

        单位：万元

        | 科目编码 | 科目名称 | 总计 | 人员经费 | 公用经费 |
        |---|---|---|---|---|
        |  | 合计 | 1079.49 | 1069.49 | 10.00 |
        | 301 | 工资福利支出 | 1069.49 | 1069.49 |  |
        | 30101 | 基本工资 | 110.00 | 110.00 |  |
        | 30102 | 津贴补贴 | 959.49 | 959.49 |  |
        | 3010201 | 规范性津补贴 | SUB | SUB |  |
        | 3010202 | 其他津补贴 | 55.01 | 55.01 |  |
        | 302 | 商品和服务支出 | 10.00 |  | 10.00 |
        | 30201 | 办公费 | 10.00 |  | 10.00 |
        """;

    [Fact]
    public void Seven_digit_economic_codes_are_sub_items_of_their_section()
    {
        var d = Recognize(BasicWithSubItems.Replace("SUB", "904.48"));
        var t = d.Table(TableKind.BudgetGeneralBasic)!;
        var sub = t.Row("3010201")!;
        Assert.Equal(CodeScheme.DepartmentEconomic, sub.Code!.Value.Scheme);
        Assert.Equal(CodeLevel.SubItem, sub.Code!.Value.Level);
        Assert.True(sub.Code!.Value.IsWellFormed);
        Assert.Equal("30102", sub.Code!.Value.Parent!.Value.Value);
        Assert.Equal("904.48", t.Cell("3010201", Measure.Total));
        var h = new CodeHierarchy(t, CodeScheme.DepartmentEconomic);
        Assert.Equal(["3010201", "3010202"], h.Children[t.Row("30102")!].Select(r => r.Code!.Value.Value));
        Assert.Equal(["30101", "30102"], h.Children[t.Row("301")!].Select(r => r.Code!.Value.Value));
        Assert.Equal(["301", "302"], h.TopLevel.Select(r => r.Code!.Value.Value));
        // sums right: no hierarchy, code-length, missing-parent or catalog finding
        var report = Audit(d);
        foreach (var rule in new[] { "GK225", "GK501", "GK502", "GK503", "GK504", "GK507" })
            Assert.True(Raised(report, rule).Count == 0, rule + ": " + string.Join(" | ", Raised(report, rule).Select(f => f.Message)));
        Assert.DoesNotContain(report.ByRule("GK507"), f => f.Message.Contains("3010201"));
    }

    [Fact]
    public void A_section_that_is_not_the_sum_of_its_sub_items_is_reported()
    {
        var d = Recognize(BasicWithSubItems.Replace("SUB", "900.48"));
        var report = Audit(d);
        // 30102 = 3010201 + 3010202 fails in 合计 and 人员经费; 301 = 30101 + 30102 still holds
        var fs = Raised(report, "GK225");
        Assert.Equal(2, fs.Count);
        Assert.All(fs, f =>
        {
            Assert.Contains("30102", f.Message);
            Assert.Contains("目级", f.Message);
            Assert.Equal(955.49m, f.Expected);
            Assert.Equal(959.49m, f.Found);
        });
    }

    [Fact]
    public void A_final_table_reads_its_final_columns_and_keeps_the_budget_beside_them_aside()
    {
        var m = Map(TableKind.FinalGeneralExpenditure, null, "年初预算数", "全年预算数", "决算数/合计", "决算数/基本支出", "决算数/项目支出", "决算数为年初预算数的%");
        Assert.Equal(new ColumnKey?[] { Measure.InitialBudget, Measure.AdjustedBudget, Measure.Total, Measure.Basic, Measure.Project, null }, m.Select(x => x.Key));
        Assert.True(m[0].Detail && m[1].Detail && m[5].Detail);
        // a budget block split into parts before the final block: the final 合计 is the table's total, not the budget's
        var b = Map(TableKind.FinalExpenditure, null, "年初预算数/合计", "年初预算数/基本支出", "年初预算数/项目支出", "决算数/合计", "决算数/基本支出", "决算数/项目支出");
        Assert.Equal(new ColumnKey?[] { Measure.InitialBudget, null, null, Measure.Total, Measure.Basic, Measure.Project }, b.Select(x => x.Key));
        Assert.True(b[1].Detail && b[2].Detail);
        Assert.True(new ColumnKey(Measure.InitialBudget).IsComparison);
        // a budget table's 预算数 is its own figure, and a final table without 决算 columns is left as printed
        Assert.Equal(Measure.Amount, Map(TableKind.BudgetGeneralExpenditure, null, "预算数")[0].Key?.Measure);
        Assert.Equal(Measure.Total, Map(TableKind.FinalGeneralExpenditure, null, "合计", "基本支出", "项目支出")[0].Key?.Measure);
    }

    // a 决算 公开05 with the year's budgets beside the final figures; 2010302 was budgeted but nothing was spent, so it is
    // not listed, and 20103's budget is more than the listed rows' budgets
    private const string FinalWithBudget = """
        某局2024年度部门决算

        一般公共预算财政拨款支出决算表

        公开05表

        单位：万元

        | 科目编码 | 科目名称 | 年初预算数 | 全年预算数 | 决算数 | 决算数 | 决算数 |
        | 科目编码 | 科目名称 | 年初预算数 | 全年预算数 | 合计 | 基本支出 | 项目支出 |
        |---|---|---|---|---|---|---|
        |  | 合计 | 100.00 | 110.00 | 85.00 | 65.00 | 20.00 |
        | 201 | 一般公共服务支出 | 100.00 | 110.00 | 85.00 | 65.00 | 20.00 |
        | 20103 | 政府办公厅（室）及相关机构事务 | 100.00 | 110.00 | 85.00 | 65.00 | 20.00 |
        | 2010301 | 行政运行 | 60.00 | 65.00 | 65.00 | 65.00 |  |
        | 2010350 | 事业运行 | 20.00 | 20.00 | ITEM |  | 20.00 |
        """;

    [Fact]
    public void A_final_table_with_budget_columns_is_checked_on_its_final_figures_only()
    {
        var d = Recognize(FinalWithBudget.Replace("ITEM", "20.00"));
        var t = d.Table(TableKind.FinalGeneralExpenditure)!;
        Assert.Equal("85.00", t.Cell("total", Measure.Total));
        Assert.Equal("100.00", t.Cell("total", Measure.InitialBudget));
        Assert.Equal("65.00", t.Cell("2010301", Measure.AdjustedBudget));
        Assert.Empty(t.UnmappedValueColumns); // the identities run (no GK200)
        var report = Audit(d);
        Assert.Empty(Raised(report, "GK201"));
        Assert.Empty(Raised(report, "GK204"));
        Assert.Empty(report.ByRule("GK200"));
        var wrong = Audit(Recognize(FinalWithBudget.Replace("ITEM", "21.00")));
        Assert.Contains(Raised(wrong, "GK204"), f => f.Message.Contains("2010350"));
    }

    [Theory]
    [InlineData("3010201", CodeScheme.DepartmentEconomic)]
    [InlineData("5010101", CodeScheme.GovernmentEconomic)]
    [InlineData("2010301", CodeScheme.Function)]
    public void Seven_digit_codes_of_every_scheme_are_well_formed(string code, CodeScheme scheme)
    {
        var c = ClassificationCode.TryCreate(code)!.Value;
        Assert.Equal(scheme, c.Scheme);
        Assert.True(c.IsWellFormed);
        Assert.Equal(code[..5], c.Parent!.Value.Value);
        Assert.Null(ClassificationCode.TryCreate("301010"));
    }
}
