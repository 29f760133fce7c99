using Gongkai.Audit;
using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Audit.Rules.WithinTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Row identities run only on columns whose meaning is known (GK200 says when not), and the policies that keep a layout
/// variant from becoming an 错误: the table's own 人员/公用 split (GK224), a summary without a 本年收入合计 line (GK211),
/// a 部门 class repeated under several 政府 classes (GK225), a one-column 财政拨款 summary with other funds (GK305).
/// </summary>
public class TableConfidenceRuleTests
{
    private static readonly ColumnKey T = Measure.Total, B = Measure.Basic, P = Measure.Project;

    /// <summary>B3 with an extra column of unknown meaning (an Extras number, as the recognizer keeps it).</summary>
    private static DocBuilder B3WithUnknownColumn(decimal unknown)
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetExpenditure, t => t.Columns(T, B, P)
            .Row("201", "一般公共服务支出", 130m, 100m, 20m));
        var table = b.Doc.Tables[0];
        table.Columns.Add(new TableColumn(2, "合计", T));
        table.Columns.Add(new TableColumn(3, "基本支出", B));
        table.Columns.Add(new TableColumn(4, "项目支出", P));
        table.Columns.Add(new TableColumn(5, "基本支出/人员类", null));
        table.Rows[0].Extras["基本支出/人员类"] = b.Fig(unknown);
        return b;
    }

    [Fact]
    public void GK203_does_not_run_on_a_table_with_an_unmapped_value_column_and_GK200_names_it()
    {
        var b = B3WithUnknownColumn(10m);
        Silent<ExpenditureRowTotal>(b);
        var f = Assert.Single(Run<UnmappedColumns>(b));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("基本支出/人员类", f.Message);
        Assert.Equal(TableKind.BudgetExpenditure, f.Table);
    }

    [Fact]
    public void GK203_runs_when_the_unmapped_column_is_empty_and_GK200_stays_silent()
    {
        var b = B3WithUnknownColumn(0m);
        Single<ExpenditureRowTotal>(b, expected: 120m, found: 130m);
        Silent<UnmappedColumns>(b);
    }

    [Fact]
    public void A_detail_column_does_not_stop_the_identity()
    {
        var b = B3WithUnknownColumn(10m);
        var table = b.Doc.Tables[0];
        table.Columns[3] = table.Columns[3] with { Detail = true };
        Single<ExpenditureRowTotal>(b, expected: 120m, found: 130m);
        Silent<UnmappedColumns>(b);
    }

    [Fact]
    public void GK203_adds_personnel_and_public_when_basic_is_printed_only_as_its_parts()
    {
        var ok = DocBuilder.Budget().Table(TableKind.BudgetExpenditure, t => t.Columns(T, Measure.Personnel, Measure.Public, P)
            .Row("205", "教育支出", 4673.98m, 3431.90m, 935.68m, 306.40m));
        Silent<ExpenditureRowTotal>(ok);
        var bad = DocBuilder.Budget().Table(TableKind.BudgetExpenditure, t => t.Columns(T, Measure.Personnel, Measure.Public, P)
            .Row("205", "教育支出", 4683.98m, 3431.90m, 935.68m, 306.40m));
        Single<ExpenditureRowTotal>(bad, expected: 4673.98m, found: 4683.98m);
    }

    /// <summary>CQ-style B6: 303 医疗费补助 printed partly under 公用经费 on its own row.</summary>
    private static DocBuilder B6Split(decimal rowPublic303 = 80.75m, decimal row303Total = 1532.07m) =>
        DocBuilder.Budget().Table(TableKind.BudgetGeneralBasic, t => t
            .Columns(T, Measure.Personnel, Measure.Public)
            .Total(43436.09m, 34411.11m, 9024.98m)
            .Row("301", "工资福利支出", 32959.79m, 32959.79m, 0m)
            .Row("302", "商品和服务支出", 8876.23m, 0m, 8876.23m)
            .Row("303", "对个人和家庭的补助", row303Total, 1451.32m, rowPublic303)
            .Row("310", "资本性支出", 68m, 0m, 68m));

    [Fact]
    public void GK224_is_a_hint_when_the_class_rows_state_the_split_themselves()
    {
        var fs = Run<BudgetPersonnelColumn>(B6Split());
        Assert.Equal(2, fs.Count);
        Assert.All(fs, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.All(fs, f => Assert.Contains("表内各类级行已按此口径列示", f.Message));
    }

    [Fact]
    public void GK224_stays_a_warning_when_a_class_row_is_not_its_own_split()
    {
        // 303 prints 1532.07 but 人员 1451.32 + 公用 90.75 = 1542.07
        var fs = Run<BudgetPersonnelColumn>(B6Split(rowPublic303: 90.75m));
        Assert.Contains(fs, f => f.Severity == Severity.Warning);
    }

    [Fact]
    public void GK211_takes_the_income_items_when_no_this_year_line_is_printed()
    {
        // HZ B4: 一、财政拨款 636376.38 … 二、上年结转结余 17858.84 … 收入总计 654235.22
        var ok = DocBuilder.Budget().Table(TableKind.BudgetFiscalSummary, t => t
            .Income(SummaryLine.FiscalGrant, 636376.38m)
            .Income(SummaryLine.GeneralBudgetGrant, 414883.38m)
            .Income(SummaryLine.GovernmentFundGrant, 221493.00m)
            .Income(SummaryLine.CarryIn, 17858.84m)
            .Income(SummaryLine.GrandTotalIncome, 654235.22m));
        Silent<IncomeGrandTotal>(ok);
        var bad = DocBuilder.Budget().Table(TableKind.BudgetFiscalSummary, t => t
            .Income(SummaryLine.FiscalGrant, 636376.38m)
            .Income(SummaryLine.CarryIn, 17858.84m)
            .Income(SummaryLine.GrandTotalIncome, 664235.22m));
        Single<IncomeGrandTotal>(bad, expected: 654235.22m, found: 664235.22m);
    }

    [Fact]
    public void GK225_adds_children_under_the_paired_class_they_belong_to()
    {
        // YT B6: 301|501 = 30101|50101 + 30102|50101; 301|505 = 30101|50501 + 30107|50501
        DocBuilder Build(decimal second)
        {
            var b = DocBuilder.Budget().Table(TableKind.BudgetGeneralBasic, t => t.Columns(T));
            var table = b.Doc.Tables[0];
            void Add(string code, string paired, decimal v) => table.Rows.Add(new DataRow
            {
                Label = code, Code = ClassificationCode.TryCreate(code), PairedCode = ClassificationCode.TryCreate(paired),
                Source = b.Next(code, 1, table.Rows.Count + 1), Values = { [T] = b.Fig(v) },
            });
            Add("301", "501", 299.30m);
            Add("30101", "50101", 145.81m);
            Add("30102", "50101", 153.49m);
            Add("301", "505", second);
            Add("30101", "50501", 105.33m);
            Add("30107", "50501", 83.78m);
            return b;
        }
        Silent<EconomicClassSums>(Build(189.11m));
        Single<EconomicClassSums>(Build(199.11m), expected: 189.11m, found: 199.11m);
    }

    [Fact]
    public void GK305_does_not_compare_a_one_column_fiscal_summary_that_holds_fund_money()
    {
        DocBuilder Build(decimal fund, decimal general) => DocBuilder.Budget()
            .Table(TableKind.BudgetFiscalSummary, t => t
                .Income(SummaryLine.GeneralBudgetGrant, 100m)
                .Income(SummaryLine.GovernmentFundGrant, fund)
                .Expense(SummaryLine.TotalExpenditureThisYear, 100m + fund))
            .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T).Total(general));
        Silent<GeneralExpenditureMatchesFiscal>(Build(50m, 100m));
        // without fund money the one column is all 一般公共预算, and a difference is an error
        var f = Single<GeneralExpenditureMatchesFiscal>(Build(0m, 90m));
        Assert.Equal(Severity.Error, f.Severity);
    }

    [Fact]
    public void Income_items_printed_below_the_this_year_total_add_to_the_grand_total()
    {
        // YT 公开表1: 财政拨款 45832.29 + 其他收入 75 = 本年收入合计 45907.29; 上级补助收入 60 below it; 收入总计 45967.29
        DocBuilder Build(decimal grand) => DocBuilder.Budget().Table(TableKind.BudgetSummary, t => t
            .Income(SummaryLine.FiscalGrant, 45832.29m)
            .Income(SummaryLine.OtherIncome, 75m)
            .Income(SummaryLine.TotalIncomeThisYear, 45907.29m)
            .Income(SummaryLine.SuperiorSubsidy, 60m)
            .Income(SummaryLine.CarryIn, (decimal?)null)
            .Income(SummaryLine.GrandTotalIncome, grand));
        Silent<IncomeItemsSum>(Build(45967.29m));
        Silent<IncomeGrandTotal>(Build(45967.29m));
        Single<IncomeGrandTotal>(Build(45907.29m), expected: 45967.29m, found: 45907.29m);
    }

    [Fact]
    public void A_this_year_heading_line_keeps_the_items_below_it()
    {
        // B4 "一、本年收入 17552.65 / （一）一般公共预算资金 17552.65 … 收入合计"
        var b = DocBuilder.Budget().Table(TableKind.BudgetFiscalSummary, t => t
            .Income(SummaryLine.TotalIncomeThisYear, 17552.65m)
            .Income(SummaryLine.GeneralBudgetGrant, 17552.65m)
            .Income(SummaryLine.CarryIn, 865.06m)
            .Income(SummaryLine.GrandTotalIncome, 18417.71m));
        Silent<IncomeGrandTotal>(b);
        Silent<IncomeItemsSum>(b);
    }

    [Fact]
    public void GK304_matches_whole_fund_lines_with_this_year_plus_carry_over()
    {
        // CQ: 表一 一般公共预算资金 18417.70 (no 上年结转 line); 表四 本年 17552.65 + 上年结转·一般公共预算 865.06
        DocBuilder Build(decimal whole) => DocBuilder.Budget()
            .Table(TableKind.BudgetSummary, t => t
                .Income(SummaryLine.GeneralBudgetGrant, whole)
                .Income(SummaryLine.GrandTotalIncome, whole))
            .Table(TableKind.BudgetFiscalSummary, t => t
                .Income(SummaryLine.TotalIncomeThisYear, 17552.65m)
                .Income(SummaryLine.GeneralBudgetGrant, 17552.65m)
                .Income(SummaryLine.CarryIn, 865.06m)
                .Income(SummaryLine.CarryInGeneralBudget, 865.06m)
                .Income(SummaryLine.GrandTotalIncome, 18417.71m));
        Assert.DoesNotContain(Run<FiscalIncomeMatchesSummary>(Build(18417.70m)), f => f.Severity == Severity.Error);
        Single<FiscalIncomeMatchesSummary>(Build(18517.70m), expected: 18417.71m, found: 18517.70m);
    }
}
