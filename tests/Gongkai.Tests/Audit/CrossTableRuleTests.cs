using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class CrossTableRuleTests
{
    private static readonly ColumnKey T = Measure.Total, B = Measure.Basic, P = Measure.Project;

    /// <summary>A consistent SH24F-like 决算 set; parameters break one figure at a time.</summary>
    private static DocBuilder Set(decimal f2Total = 2946.25m, decimal f2Fiscal = 2940.05m, decimal f3Total = 2940.05m,
        decimal f3Class208 = 326.71m, decimal f4Gb = 2940.05m, decimal f5Total = 2940.05m, decimal f5Basic = 2336.91m,
        decimal f5Class208 = 326.71m, decimal f6Personnel = 2152.26m, decimal f8Total = 0m, decimal f4CarryOut = 21.63m,
        decimal f3Row2010101 = 1511.89m)
    {
        var b = DocBuilder.Final()
            .Table(TableKind.FinalSummary, t => t
                .Income(SummaryLine.GeneralBudgetGrant, 2940.05m)
                .Income(SummaryLine.OtherIncome, 6.20m)
                .Income(SummaryLine.TotalIncomeThisYear, 2946.25m)
                .Income(SummaryLine.CarryIn, 49.14m)
                .ExpenseClass("201", "一般公共服务支出", 2613.34m)
                .ExpenseClass("208", "社会保障和就业支出", 326.71m)
                .Expense(SummaryLine.TotalExpenditureThisYear, 2940.05m)
                .Expense(SummaryLine.CarryOut, 55.34m))
            .Table(TableKind.FinalRevenue, t => t.Columns(T, Measure.FiscalGrant, Measure.OtherIncome)
                .Total(f2Total, f2Fiscal, 6.20m))
            .Table(TableKind.FinalExpenditure, t => t.Columns(T, B, P)
                .Total(f3Total, 2336.91m, 603.14m)
                .Row("201", "一般公共服务支出", 2613.34m, 2000m, 613.34m)
                .Row("2010101", "行政运行", f3Row2010101, 1503.52m, 8.37m)
                .Row("208", "社会保障和就业支出", f3Class208, 326.71m, 0m))
            .Table(TableKind.FinalFiscalSummary, t => t
                .Income(SummaryLine.GeneralBudgetGrant, f4Gb)
                .Income(SummaryLine.TotalIncomeThisYear, 2940.05m)
                .Income(SummaryLine.CarryIn, 21.63m)
                .Columns(T, Measure.GeneralBudget, Measure.GovernmentFund, Measure.StateCapital)
                .ExpenseClass("201", "一般公共服务支出", 2613.34m, 2613.34m, 0m, 0m)
                .ExpenseClass("208", "社会保障和就业支出", 326.71m, 326.71m, 0m, 0m)
                .Expense(SummaryLine.TotalExpenditureThisYear, 2940.05m, 2940.05m, 0m, 0m)
                .Expense(SummaryLine.CarryOut, f4CarryOut, f4CarryOut, 0m, 0m))
            .Table(TableKind.FinalGeneralExpenditure, t => t.Columns(T, B, P)
                .Total(f5Total, f5Basic, 603.14m)
                .Row("201", "一般公共服务支出", 2613.34m, 2000m, 613.34m)
                .Row("2010101", "行政运行", 1511.89m, 1503.52m, 8.37m)
                .Row("208", "社会保障和就业支出", f5Class208, 326.71m, 0m))
            .Table(TableKind.FinalGeneralBasic, t => t.Columns(Measure.Personnel, Measure.Public).Total(f6Personnel, 184.65m))
            .Table(TableKind.FinalGovFund, t => t.Columns(T).Total(f8Total));
        return b;
    }

    [Fact]
    public void All_cross_table_rules_stay_silent_on_a_consistent_set()
    {
        var b = Set();
        b.Doc.OperatingCosts = b.Fig(184.65m);
        Silent<RevenueTotalMatchesSummary>(b);
        Silent<RevenueColumnsMatchSummary>(b);
        Silent<ExpenditureMatchesSummary>(b);
        Silent<FiscalIncomeMatchesSummary>(b);
        Silent<GeneralExpenditureMatchesFiscal>(b);
        Silent<FundTablesMatchFiscal>(b);
        Silent<BasicByEconomicMatchesFunction>(b);
        Silent<CarryOverCoversFiscal>(b);
        Silent<GeneralWithinTotalExpenditure>(b);
        Silent<OperatingCostsWithinPublic>(b);
    }

    [Fact]
    public void GK301_fires_when_revenue_total_differs()
    {
        var b = Set(f2Total: 2956.25m);
        var f = Single<RevenueTotalMatchesSummary>(b, expected: 2946.25m, found: 2956.25m);
        Assert.Equal(Cell(b, TableKind.FinalRevenue, null, T), f.Locations[0]);
        Assert.Contains(Line(b, TableKind.FinalSummary, SummaryLine.TotalIncomeThisYear), f.Locations);
    }

    [Fact]
    public void GK302_fires_when_fiscal_grant_column_differs() =>
        Single<RevenueColumnsMatchSummary>(Set(f2Fiscal: 2930.05m), expected: 2940.05m, found: 2930.05m);

    [Fact]
    public void GK303_fires_on_total_and_on_class_row()
    {
        Single<ExpenditureMatchesSummary>(Set(f3Total: 2950.05m), expected: 2940.05m, found: 2950.05m);
        var b = Set(f3Class208: 316.71m);
        var f = Single<ExpenditureMatchesSummary>(b, expected: 326.71m, found: 316.71m);
        Assert.Equal(Cell(b, TableKind.FinalExpenditure, "208", T), f.Locations[0]);
    }

    [Fact]
    public void GK303_one_cent_between_tables_is_rounding()
    {
        var fs = Run<ExpenditureMatchesSummary>(Set(f3Class208: 326.72m));
        Assert.True(Assert.Single(fs).IsRoundingDifference);
    }

    [Fact]
    public void GK304_fires_when_fiscal_income_differs() =>
        Single<FiscalIncomeMatchesSummary>(Set(f4Gb: 2930.05m), expected: 2940.05m, found: 2930.05m);

    [Fact]
    public void GK305_fires_on_F5_total_and_class()
    {
        Single<GeneralExpenditureMatchesFiscal>(Set(f5Total: 2941.05m), expected: 2940.05m, found: 2941.05m);
        var b = Set(f5Class208: 300m);
        var f = Single<GeneralExpenditureMatchesFiscal>(b, expected: 326.71m, found: 300m);
        Assert.Equal(Cell(b, TableKind.FinalGeneralExpenditure, "208", T), f.Locations[0]);
    }

    [Fact]
    public void GK306_fires_when_fund_table_differs_from_F4() =>
        Single<FundTablesMatchFiscal>(Set(f8Total: 120m), expected: 0m, found: 120m);

    [Fact]
    public void GK307_fires_when_econ_total_differs_from_function_basic()
    {
        var b = Set(f6Personnel: 2052.26m);
        var f = Single<BasicByEconomicMatchesFunction>(b, expected: 2236.91m, found: 2336.91m);
        Assert.Equal(Cell(b, TableKind.FinalGeneralExpenditure, null, B), f.Locations[0]);
    }

    [Fact]
    public void GK307_budget_B6_total_equals_B5_basic()
    {
        var b = DocBuilder.Budget()
            .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, B, P).Total(7163.37m, 776.02m, 6387.35m))
            .Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Total(786.02m));
        Single<BasicByEconomicMatchesFunction>(b, expected: 776.02m, found: 786.02m);
    }

    [Fact]
    public void GK308_fires_when_fiscal_carry_out_exceeds_all()
    {
        var f = Single<CarryOverCoversFiscal>(Set(f4CarryOut: 60m), expected: 55.34m, found: 60m);
        Assert.Equal(4.66m, f.Difference);
    }

    [Fact]
    public void GK309_fires_when_general_row_exceeds_all_funds()
    {
        var b = Set(f3Row2010101: 1411.89m);
        var f = Single<GeneralWithinTotalExpenditure>(b, expected: 1411.89m, found: 1511.89m);
        Assert.Equal(Gongkai.Audit.Severity.Warning, f.Severity);
        Assert.Equal(Cell(b, TableKind.FinalGeneralExpenditure, "2010101", T), f.Locations[0]);
    }

    [Fact]
    public void GK310_fires_when_operating_costs_exceed_public()
    {
        var b = Set();
        b.Doc.OperatingCosts = b.Fig(200m);
        var f = Single<OperatingCostsWithinPublic>(b, expected: 184.65m, found: 200m);
        Assert.Equal(b.Doc.OperatingCosts.Source, f.Locations[0]);
    }

    private static Claim OperatingClaim(string subject, decimal amount, string? entity = null) =>
        new() { Kind = ClaimKind.Amount, Subject = subject, Amount = amount, AmountScale = 2, Sentence = subject + amount + "万元。", Entity = entity };

    [Fact]
    public void GK310_in_a_final_account_without_its_table_takes_the_one_narrative_amount()
    {
        // 决算 with no 机关运行经费 table: the narrative's 机关运行经费支出决算 above F6 公用经费合计 184.65
        var b = Set();
        b.Doc.Claims.Add(OperatingClaim("机关运行经费支出决算", 200m));
        Single<OperatingCostsWithinPublic>(b, expected: 184.65m, found: 200m);

        var equal = Set();
        equal.Doc.Claims.Add(OperatingClaim("机关运行经费支出", 184.65m));
        Silent<OperatingCostsWithinPublic>(equal);

        // a budget figure, a unit's own section, or two different amounts: nothing is guessed
        var budget = Set();
        budget.Doc.Claims.Add(OperatingClaim("机关运行经费年初预算", 200m));
        Silent<OperatingCostsWithinPublic>(budget);
        var unit = Set();
        unit.Doc.Claims.Add(OperatingClaim("机关运行经费支出", 200m, entity: "某中心"));
        Silent<OperatingCostsWithinPublic>(unit);
        var two = Set();
        two.Doc.Claims.Add(OperatingClaim("机关运行经费支出", 200m));
        two.Doc.Claims.Add(OperatingClaim("机关运行经费支出", 150m));
        Silent<OperatingCostsWithinPublic>(two);
    }

    [Fact]
    public void GK310_in_a_budget_does_not_read_the_narrative()
    {
        var b = DocBuilder.Budget()
            .Table(TableKind.BudgetGeneralBasic, t => t.Columns(T, Measure.Personnel, Measure.Public).Total(300m, 200m, 100m));
        b.Doc.Claims.Add(OperatingClaim("机关运行经费", 150m));
        Silent<OperatingCostsWithinPublic>(b);
    }

    [Fact]
    public void GK310_in_a_budget_that_defines_it_as_the_basic_public_funds_reads_the_narrative()
    {
        const string definition = "机关运行经费：本文件中指机关和参公管理事业单位的一般公共预算基本支出里的公用经费部分。";
        DocBuilder Budget(decimal amount, string def = definition)
        {
            var b = DocBuilder.Budget()
                .Table(TableKind.BudgetGeneralBasic, t => t.Columns(T, Measure.Personnel, Measure.Public).Total(300m, 200m, 100m))
                .Sentence(def, "名词解释");
            b.Doc.Claims.Add(OperatingClaim("机关运行经费预算", amount));
            return b;
        }
        // the document's own definition makes 机关运行经费 a part of the 基本支出 公用经费: 150 above 100 cannot be
        Single<OperatingCostsWithinPublic>(Budget(150m), expected: 100m, found: 150m);
        Silent<OperatingCostsWithinPublic>(Budget(95.5m));
        // the older definition (the money spent on running the office, project 运行经费 included) gives no bound
        Silent<OperatingCostsWithinPublic>(Budget(150m, "机关运行经费：本文件中指机关日常运转所花的钱，基本支出和项目支出中的公用经费都算在内。"));
        Silent<OperatingCostsWithinPublic>(Budget(150m, "机关运行经费：本文件中指机关（参公单位在内）日常运转购买商品和服务所花的全部资金。"));
    }

    [Fact]
    public void GK306_checks_F8_carry_and_income_against_F4()
    {
        var b = DocBuilder.Final()
            .Table(TableKind.FinalFiscalSummary, t => t
                .Income(SummaryLine.GovernmentFundGrant, 120m)
                .Income(SummaryLine.CarryInGovernmentFund, 5m)
                .Columns(T, Measure.GeneralBudget, Measure.GovernmentFund, Measure.StateCapital)
                .Expense(SummaryLine.TotalExpenditureThisYear, 100m, 0m, 100m, 0m)
                .Expense(SummaryLine.CarryOut, 25m, 0m, 25m, 0m))
            .Table(TableKind.FinalGovFund, t => t.Columns(Measure.CarryIn, Measure.IncomeThisYear, T, Measure.CarryOut)
                .Total(5m, 110m, 100m, 25m));
        var f = Single<FundTablesMatchFiscal>(b, expected: 120m, found: 110m);
        Assert.Equal(Cell(b, TableKind.FinalGovFund, null, Measure.IncomeThisYear), f.Locations[0]);
    }

    [Fact]
    public void GK311_fires_on_budget_revenue_row_differing_from_expenditure_row_and_stays_silent()
    {
        DocBuilder Make(decimal rev) => DocBuilder.Budget()
            .Table(TableKind.BudgetRevenue, t => t.Columns(T).Row("2101101", "行政单位医疗", rev))
            .Table(TableKind.BudgetExpenditure, t => t.Columns(T).Row("2101101", "行政单位医疗", 27.50m));
        var f = Single<RevenueRowMatchesExpenditureRow>(Make(28.50m), expected: 28.50m, found: 27.50m);
        Assert.Equal(Gongkai.Audit.Severity.Warning, f.Severity);
        Silent<RevenueRowMatchesExpenditureRow>(Make(27.50m));
    }
}
