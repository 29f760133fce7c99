using Gongkai.Audit;
using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using Gongkai.Tests.Reading;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Comparisons that must use the same money on both sides: funds that are not this year's income (上年结转, 上年实户资金余额),
/// tables of 一般公共预算 only against tables of all money, a 专项资金 against one project, a department's target
/// against one unit's line, and a change stated after a 其中 item.
/// </summary>
public class FundScopeTests
{
    private static readonly ColumnKey T = Measure.Total;

    /// <summary>The 错误 and 警告 of one rule on a corpus file (尾差 提示 aside).</summary>
    private static List<Finding> Alarms(string file, string rule) =>
        Auditor.Audit(PdfSamples.ReadCorpus(file).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance })
            .ByRule(rule).Where(f => f.Severity != Severity.Info).ToList();

    // ------------------------------------------------------------------ GK301: 上年实户资金余额 is a fund row

    private static DocBuilder Revenue(decimal b2Total, bool balanceColumn = true) => DocBuilder.Budget(2026)
        .Table(TableKind.BudgetSummary, t => t
            .Income(SummaryLine.GeneralBudgetGrant, 4005.29m)
            .Income(SummaryLine.OtherIncome, 100m)
            .Income(SummaryLine.TotalIncomeThisYear, 4105.29m)
            .Income(SummaryLine.AccountBalanceIn, 98.18m)
            .Income(SummaryLine.CarryIn, 0m)
            .Income(SummaryLine.GrandTotalIncome, 4203.47m))
        .Table(TableKind.BudgetRevenue, t =>
        {
            if (balanceColumn)
                t.Columns(T, Measure.GeneralBudget, Measure.CarryIn, Measure.AccountBalanceIn, Measure.OtherIncome).Total(b2Total, 4005.29m, null, 98.18m, 100m);
            else
                t.Columns(T, Measure.GeneralBudget, Measure.OtherIncome).Total(b2Total, 4005.29m, 100m);
        });

    [Fact]
    public void GK301_a_revenue_table_with_an_account_balance_column_adds_that_line_of_the_summary()
    {
        Silent<RevenueTotalMatchesSummary>(Revenue(4203.47m));
        var f = Single<RevenueTotalMatchesSummary>(Revenue(4213.47m), expected: 4203.47m, found: 4213.47m);
        Assert.Contains("上年实户资金余额", f.Message);
        // without that column the 收入表 is this year's income alone
        Silent<RevenueTotalMatchesSummary>(Revenue(4105.29m, balanceColumn: false));
        Single<RevenueTotalMatchesSummary>(Revenue(4203.47m, balanceColumn: false), expected: 4105.29m, found: 4203.47m);
    }

    [Fact]
    public void GK301_money_in_a_fund_column_the_summary_does_not_show_is_not_compared()
    {
        var b = DocBuilder.Budget(2026)
            .Table(TableKind.BudgetSummary, t => t.Income(SummaryLine.GeneralBudgetGrant, 100m).Income(SummaryLine.TotalIncomeThisYear, 100m))
            .Table(TableKind.BudgetRevenue, t => t.Columns(T, Measure.GeneralBudget, Measure.AccountBalanceIn).Total(110m, 100m, 10m));
        Silent<RevenueTotalMatchesSummary>(b);
    }

    [Theory] // B2 合计 = 本年收入合计 + 上年实户资金余额 (+ 上年结转): 344447.70 = 328082.50 + 3262.49 + 13102.70; 4203.47 = 4105.29 + 98.18
    [InlineData("020-西安-2026年西安市公安局部门预算.pdf")]
    [InlineData("020-西安-2026年西安市审计局部门预算.pdf")]
    public void GK301_silent_where_the_revenue_table_holds_last_years_account_balance(string file) =>
        Assert.Empty(Alarms(file, "GK301"));

    // ------------------------------------------------------------------ GK305: B5 with or without carry-over

    private static DocBuilder Fiscal(decimal b5Total, decimal b5Class) => DocBuilder.Budget(2026)
        .Table(TableKind.BudgetFiscalSummary, t => t
            .Income(SummaryLine.GeneralBudgetGrant, 1000m)
            .Income(SummaryLine.TotalIncomeThisYear, 1000m)
            .Income(SummaryLine.CarryIn, 40m)
            .ExpenseClass("204", "公共安全支出", 840m)
            .ExpenseClass("208", "社会保障和就业支出", 200m)
            .Expense(SummaryLine.TotalExpenditureThisYear, 1040m))
        .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T)
            .Total(b5Total)
            .Row("204", "公共安全支出", b5Class)
            .Row("208", "社会保障和就业支出", 200m));

    [Fact]
    public void GK305_a_general_budget_table_without_carry_over_is_not_compared_with_spending_that_includes_it()
    {
        Silent<GeneralExpenditureMatchesFiscal>(Fiscal(1000m, 800m));   // 不含上年结转: = 本年一般公共预算拨款
        Silent<GeneralExpenditureMatchesFiscal>(Fiscal(1040m, 840m));   // 含上年结转: = 本年支出合计
        // with carry-over, its classes are compared as before
        Single<GeneralExpenditureMatchesFiscal>(Fiscal(1040m, 830m), expected: 840m, found: 830m);
        // a total of neither scope is reported
        var f = Single<GeneralExpenditureMatchesFiscal>(Fiscal(1020m, 820m), expected: 1040m, found: 1020m);
        Assert.Contains("不含上年结转", f.Message);
    }

    [Fact]
    public void GK305_silent_on_a_general_budget_table_printed_without_carry_over() =>
        Assert.Empty(Alarms("020-西安-2026年西安市公安局部门预算.pdf", "GK305"));

    // ------------------------------------------------------------------ GK314: list of all money vs a 一般公共预算 table

    private static DocBuilder GeneralOnlyProjects(decimal list) => DocBuilder.Budget(2026)
        .Table(TableKind.BudgetSummary, t => t.Expense(SummaryLine.TotalExpenditureThisYear, 1200m))
        .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, Measure.Basic, Measure.Project).Total(1000m, 800m, 200m))
        .Table(TableKind.ProjectList, t => t.Plain("项目甲", list));

    [Fact]
    public void GK314_a_list_of_all_money_lies_between_the_general_budget_projects_and_that_plus_other_money()
    {
        Silent<ProjectListSum>(GeneralOnlyProjects(200m));
        Silent<ProjectListSum>(GeneralOnlyProjects(320m));
        Silent<ProjectListSum>(GeneralOnlyProjects(400m));
        Single<ProjectListSum>(GeneralOnlyProjects(450m), expected: 400m, found: 450m);
        Single<ProjectListSum>(GeneralOnlyProjects(150m), expected: 200m, found: 150m);
    }

    [Fact]
    public void GK314_a_department_with_general_budget_money_only_is_compared_exactly()
    {
        var b = DocBuilder.Budget(2026)
            .Table(TableKind.BudgetSummary, t => t.Expense(SummaryLine.TotalExpenditureThisYear, 1000m))
            .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, Measure.Basic, Measure.Project).Total(1000m, 800m, 200m))
            .Table(TableKind.ProjectList, t => t.Plain("项目甲", 210m));
        Single<ProjectListSum>(b, expected: 200m, found: 210m);
    }

    [Theory] // the lists hold projects paid from 事业收入 (726.23) and 其他收入 (200.00) beside the 一般公共预算 ones
    [InlineData("020-西安-商务局_2026年部门预算.pdf")]
    [InlineData("020-西安-生态环境局_2026年部门预算.pdf")]
    public void GK314_silent_where_the_list_holds_projects_of_other_money(string file) =>
        Assert.Empty(Alarms(file, "GK314"));

    // ------------------------------------------------------------------ GK316: fund tables, projects shared by units

    private static DocBuilder Target(decimal amount, string? title = null, string name = "专用信息化运行维护")
    {
        var b = DocBuilder.Budget(2026).Table(TableKind.ProjectList, t => t.Columns(Measure.Amount)
            .Plain("专用信息化运行维护", 2384651.78m).Plain("办案费", 50000m).Plain("信息化运行维护项目", 4120m));
        b.Doc.PerformanceTargets.Add(new PerformanceTarget { ProjectName = name, Title = title, Amount = b.Fig(amount), Source = b.Next(name) });
        return b;
    }

    [Fact]
    public void GK316_a_department_target_covering_the_units_lines_of_one_project_is_consistent()
    {
        Silent<ProjectTargetVsList>(Target(2388771.78m));
        Silent<ProjectTargetVsList>(Target(2384651.78m));
        Single<ProjectTargetVsList>(Target(2390000m), expected: 2384651.78m, found: 2390000m);
        Single<ProjectTargetVsList>(Target(2380000m), expected: 2384651.78m, found: 2380000m);
    }

    [Fact]
    public void GK316_a_fund_target_table_is_not_one_project()
    {
        Silent<ProjectTargetVsList>(Target(2500000m, "专项资金总体绩效目标表"));
        Silent<ProjectTargetVsList>(Target(2500000m, "部门主管专项资金的绩效目标表"));
        Single<ProjectTargetVsList>(Target(2500000m, "菜篮子工程建设专项资金项目绩效目标表"), expected: 2384651.78m, found: 2500000m);
        Single<ProjectTargetVsList>(Target(2500000m, "部门专项业务经费绩效目标表"), expected: 2384651.78m, found: 2500000m);
    }

    [Theory]
    [InlineData("020-西安-2026年西安市公安局部门预算.pdf")] // 23887.72 = 23846.52 (本级) + 41.20 (a unit's 信息化运行维护项目)
    [InlineData("020-西安-商务局_2026年部门预算.pdf")]     // 表16 专项资金总体绩效目标表 of a fund of 18000.00
    public void GK316_silent_on_shared_projects_and_fund_tables(string file) => Assert.Empty(Alarms(file, "GK316"));

    // ------------------------------------------------------------------ GK407: a change after a 其中 item

    private const string Head = "本部门当年财政拨款支出13,650.79万元，其中：一般公共预算拨款支出13,650.79万元，较上年减少183.49万元，下降1.33%";
    private const string HeadWithChange = "本部门当年财政拨款支出13,650.79万元，较上年减少183.49万元，其中：一般公共预算拨款支出13,650.79万元，较上年减少183.49万元";
    private const string Own = "本部门当年一般公共预算拨款支出13,650.79万元，较上年减少99.00万元，下降0.72%";

    private static DocBuilder Changes(string first) => DocBuilder.Budget(2026)
        .Claim("一般公共预算拨款支出", 13650.79m, ClaimKind.Change, ChangeDirection.Decrease, 183.49m, @base: ComparisonBase.PriorYear, sentence: first)
        .Claim("一般公共预算拨款支出", 13650.79m, ClaimKind.Change, ChangeDirection.Decrease, 99.00m, @base: ComparisonBase.PriorYear, sentence: Own);

    [Fact]
    public void GK407_a_change_after_the_only_qizhong_item_may_be_the_totals_and_is_not_compared()
    {
        Silent<ConflictingChanges>(Changes(Head));
        // the total states its own change: the item's change is the item's, and the two statements disagree
        Single<ConflictingChanges>(Changes(HeadWithChange), expected: -183.49m, found: -99.00m);
        // several 其中 items, each compared with last year: each change is its item's
        Single<ConflictingChanges>(Changes("本部门当年财政拨款支出13,700.79万元，其中：一般公共预算拨款支出13,650.79万元，较上年减少183.49万元，"
                                           + "政府性基金预算拨款支出50.00万元，较上年增加50.00万元"), expected: -183.49m, found: -99.00m);
        // a 其中 opening the clause follows a total stated (with its change) in the sentence before
        Single<ConflictingChanges>(Changes("其中：一般公共预算拨款支出13,650.79万元，较上年减少183.49万元"), expected: -183.49m, found: -99.00m);
    }

    [Fact]
    public void GK407_silent_on_the_qizhong_statement_of_fiscal_grants() =>
        Assert.Empty(Alarms("020-西安-2026年西安市司法局部门预算.pdf", "GK407"));

    [Fact] // a real conflict of the same layout keeps firing: 对企业补助 +3310.05 (312) vs +47334.05 (507)
    public void GK407_still_fires_on_two_item_changes_of_one_subject() =>
        Assert.Single(Alarms("020-西安-商务局_2026年部门预算.pdf", "GK407"));
}
