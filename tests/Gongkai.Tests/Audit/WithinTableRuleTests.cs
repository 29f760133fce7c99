using Gongkai.Audit;
using Gongkai.Audit.Rules.WithinTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class WithinTableRuleTests
{
    private static readonly ColumnKey T = Measure.Total, B = Measure.Basic, P = Measure.Project;

    /// <summary>F3 in the CQ24F shape: 208 = 20805 (= three 项), 210 = 21011.</summary>
    private static DocBuilder F3(decimal item3 = 16.54m, decimal total = 145.04m) => DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t
        .Columns(T, B, P)
        .Total(total, 103.03m, 42.01m)
        .Row("208", "社会保障和就业支出", 145.04m, 103.03m, 42.01m)
        .Row("20805", "行政事业单位养老支出", 103.03m, 103.03m, 0m)
        .Row("2080505", "机关事业单位基本养老保险缴费支出", 57.66m, 57.66m, 0m)
        .Row("2080506", "机关事业单位职业年金缴费支出", 28.83m, 28.83m, 0m)
        .Row("2080599", "其他行政事业单位养老支出", item3, 16.54m, 0m)
        .Row("20899", "其他社会保障和就业支出", 42.01m, 0m, 42.01m));

    [Fact]
    public void GK201_fires_when_a_section_differs_from_its_items()
    {
        var b = F3(item3: 17.54m);
        var f = Single<ParentEqualsSumOfChildren>(b, expected: 104.03m, found: 103.03m);
        Assert.Equal(-1.00m, f.Difference);
        Assert.Equal(Cell(b, TableKind.FinalExpenditure, "20805", T), f.Locations[0]);
        Assert.Contains("20805", f.Message);
        Assert.Equal(TableKind.FinalExpenditure, f.Table);
    }

    [Fact]
    public void GK201_stays_silent_on_consistent_table() => Silent<ParentEqualsSumOfChildren>(F3());

    [Fact]
    public void GK201_reports_one_cent_as_rounding_info()
    {
        var b = F3(item3: 16.55m);
        var all = Run<ParentEqualsSumOfChildren>(b);
        var f = Assert.Single(all);
        Assert.True(f.IsRoundingDifference);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.StartsWith("尾差", f.Message);
        Assert.Empty(Run<ParentEqualsSumOfChildren>(b, new AuditOptions { ReportRoundingDifferences = false }));
    }

    [Fact]
    public void GK202_fires_when_total_differs_from_classes()
    {
        var b = F3(total: 150.04m);
        var f = Single<TotalEqualsSumOfClasses>(b, expected: 145.04m, found: 150.04m);
        Assert.Equal(Cell(b, TableKind.FinalExpenditure, null, T), f.Locations[0]);
    }

    [Fact]
    public void GK202_stays_silent_on_consistent_table() => Silent<TotalEqualsSumOfClasses>(F3());

    [Fact]
    public void GK203_fires_when_row_total_is_not_basic_plus_project()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T, B, P)
            .Row("210", "卫生健康支出", 3427.65m, 607.52m, 2810.13m));
        var f = Single<ExpenditureRowTotal>(b, expected: 3417.65m, found: 3427.65m);
        Assert.Equal(Cell(b, TableKind.FinalExpenditure, "210", T), f.Locations[0]);
    }

    [Fact]
    public void GK203_accepts_rounding_and_stays_silent()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(T, B, P)
            .Row("210", "卫生健康支出", 3427.65m, 607.52m, 2820.12m));
        Silent<ExpenditureRowTotal>(b);
        Assert.True(Assert.Single(Run<ExpenditureRowTotal>(b)).IsRoundingDifference);
    }

    [Fact]
    public void GK204_fires_on_F5_row()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalGeneralExpenditure, t => t.Columns(T, B, P)
            .Row("2010101", "行政运行", 1511.89m, 1503.52m, 18.37m));
        Single<BasicPlusProjectTotal>(b, expected: 1521.89m, found: 1511.89m);
    }

    [Fact]
    public void GK204_uses_personnel_public_project_when_no_basic_column()
    {
        var ok = DocBuilder.Budget().Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, Measure.Personnel, Measure.Public, P)
            .Total(1172.35m, 998.12m, 12.39m, 161.84m));
        Silent<BasicPlusProjectTotal>(ok);
    }

    [Fact]
    public void GK205_fires_when_basic_is_not_personnel_plus_public()
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, B, Measure.Personnel, Measure.Public, P)
            .Row("210", "卫生健康支出", 177.24m, 177.24m, 154.83m, 12.41m, 0m));
        Single<BasicEqualsPersonnelPlusPublic>(b, expected: 167.24m, found: 177.24m);
    }

    [Fact]
    public void GK205_stays_silent()
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, B, Measure.Personnel, Measure.Public, P)
            .Row("210", "卫生健康支出", 177.24m, 177.24m, 154.83m, 22.41m, 0m));
        Silent<BasicEqualsPersonnelPlusPublic>(b);
    }

    [Fact]
    public void GK206_fires_and_stays_silent_on_B6_rows()
    {
        var bad = DocBuilder.Budget().Table(TableKind.BudgetGeneralBasic, t => t.Columns(T, Measure.Personnel, Measure.Public)
            .Total(776.02m, 683.28m, 82.74m));
        Single<EconomicRowTotal>(bad, expected: 766.02m, found: 776.02m);
        var ok = DocBuilder.Budget().Table(TableKind.BudgetGeneralBasic, t => t.Columns(T, Measure.Personnel, Measure.Public)
            .Total(776.02m, 683.28m, 92.74m));
        Silent<EconomicRowTotal>(ok);
    }

    [Fact]
    public void GK207_fires_when_revenue_row_misses_a_source()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalRevenue, t => t.Columns(T, Measure.FiscalGrant, Measure.BusinessIncome, Measure.EducationFees, Measure.OtherIncome)
            .Row("2010101", "行政运行", 1511.90m, 1511.89m, 0m, 0m, 1.01m));
        Single<RevenueRowTotal>(b, expected: 1512.90m, found: 1511.90m);
    }

    [Fact]
    public void GK207_does_not_add_the_education_fee_subitem()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalRevenue, t => t.Columns(T, Measure.FiscalGrant, Measure.BusinessIncome, Measure.EducationFees, Measure.OtherIncome)
            .Row("2010101", "行政运行", 1521.90m, 1511.89m, 10m, 10m, 0.01m));
        Silent<RevenueRowTotal>(b);
    }

    private static DocBuilder F1(decimal incomeTotal = 2995.39m, decimal expenseTotal = 2995.39m, decimal carryIn = 49.14m,
        decimal carryOut = 55.34m, decimal otherIncome = 6.20m, decimal cls = 445.69m) =>
        DocBuilder.Final().Table(TableKind.FinalSummary, t => t
            .Income(SummaryLine.GeneralBudgetGrant, 2940.05m)
            .Income(SummaryLine.GovernmentFundGrant, (decimal?)null)
            .Income(SummaryLine.OtherIncome, otherIncome)
            .Income(SummaryLine.TotalIncomeThisYear, 2946.25m)
            .Income(SummaryLine.UseOfNonFiscalBalance, 0m)
            .Income(SummaryLine.CarryIn, carryIn)
            .Income(SummaryLine.GrandTotalIncome, incomeTotal)
            .ExpenseClass("201", "一般公共服务支出", 2106.66m)
            .ExpenseClass("208", "社会保障和就业支出", 326.71m)
            .ExpenseClass("210", "卫生健康支出", 60.99m)
            .ExpenseClass("221", "住房保障支出", cls)
            .Expense(SummaryLine.TotalExpenditureThisYear, 2940.05m)
            .Expense(SummaryLine.BalanceDistribution, (decimal?)null)
            .Expense(SummaryLine.CarryOut, carryOut)
            .Expense(SummaryLine.GrandTotalExpenditure, expenseTotal));

    [Fact]
    public void GK210_fires_when_sides_do_not_balance()
    {
        var b = F1(expenseTotal: 2985.39m, carryOut: 45.34m);
        var f = Single<GrandTotalsBalance>(b, expected: 2995.39m, found: 2985.39m);
        Assert.Equal(Line(b, TableKind.FinalSummary, SummaryLine.GrandTotalExpenditure), f.Locations[0]);
    }

    [Fact]
    public void GK210_to_GK214_stay_silent_on_SH24F_figures()
    {
        var b = F1();
        Silent<GrandTotalsBalance>(b);
        Silent<IncomeGrandTotal>(b);
        Silent<ExpenditureGrandTotal>(b);
        Silent<IncomeItemsSum>(b);
        Silent<ClassLinesSum>(b);
    }

    [Fact]
    public void GK211_fires_when_carry_in_does_not_add_up()
    {
        var b = F1(carryIn: 39.14m);
        var f = Single<IncomeGrandTotal>(b, expected: 2985.39m, found: 2995.39m);
        Assert.Contains(Line(b, TableKind.FinalSummary, SummaryLine.CarryIn), f.Locations);
    }

    [Fact]
    public void GK212_fires_when_carry_out_does_not_add_up() =>
        Single<ExpenditureGrandTotal>(F1(carryOut: 65.34m), expected: 3005.39m, found: 2995.39m);

    [Fact]
    public void GK213_fires_when_income_items_do_not_add_up() =>
        Single<IncomeItemsSum>(F1(otherIncome: 16.20m), expected: 2956.25m, found: 2946.25m);

    [Fact]
    public void GK213_counts_the_fiscal_group_line_once()
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetSummary, t => t
            .Income(SummaryLine.FiscalGrant, 1172.35m)
            .Income(SummaryLine.GeneralBudgetGrant, 1172.35m)
            .Income(SummaryLine.TotalIncomeThisYear, 1172.35m));
        Silent<IncomeItemsSum>(b);
    }

    [Fact]
    public void GK214_fires_when_classes_do_not_add_up()
    {
        var b = F1(cls: 455.69m);
        var f = Single<ClassLinesSum>(b, expected: 2950.05m, found: 2940.05m);
        Assert.Contains(Line(b, TableKind.FinalSummary, SummaryLine.TotalExpenditureThisYear), f.Locations);
    }

    private static DocBuilder F4(decimal gb208 = 326.71m, decimal carryOutGb = 21.63m) =>
        DocBuilder.Final().Table(TableKind.FinalFiscalSummary, t => t
            .Columns(Measure.Amount)
            .Income(SummaryLine.GeneralBudgetGrant, 2940.05m)
            .Income(SummaryLine.GovernmentFundGrant, 0m)
            .Income(SummaryLine.TotalIncomeThisYear, 2940.05m)
            .Income(SummaryLine.CarryInGeneralBudget, 21.63m)
            .Columns(T, Measure.GeneralBudget, Measure.GovernmentFund, Measure.StateCapital)
            .ExpenseClass("208", "社会保障和就业支出", 326.71m, gb208, 0m, 0m)
            .Expense(SummaryLine.TotalExpenditureThisYear, 2940.05m, 2940.05m, 0m, 0m)
            .Expense(SummaryLine.CarryOut, carryOutGb, carryOutGb, 0m, 0m));

    [Fact]
    public void GK215_fires_when_fund_columns_do_not_add_up()
    {
        var b = F4(gb208: 316.71m);
        var f = Single<FiscalFundColumns>(b, expected: 316.71m, found: 326.71m);
        Assert.Contains("208", f.Message);
    }

    [Fact]
    public void GK215_stays_silent() => Silent<FiscalFundColumns>(F4());

    [Fact]
    public void GK216_fires_when_fund_roll_forward_breaks()
    {
        var b = F4(carryOutGb: 31.63m);
        var f = Single<FundRollForward>(b, expected: 21.63m, found: 31.63m);
        Assert.Contains("一般公共预算", f.Message);
    }

    [Fact]
    public void GK216_stays_silent() => Silent<FundRollForward>(F4());

    [Fact]
    public void GK217_fires_and_stays_silent_on_F8_rows()
    {
        DocBuilder F8(decimal carryOut) => DocBuilder.Final().Table(TableKind.FinalGovFund, t => t
            .Columns(Measure.CarryIn, Measure.IncomeThisYear, T, B, P, Measure.CarryOut)
            .Total(5m, 120m, 100m, 0m, 100m, carryOut));
        Single<FundTableRollForward>(F8(20m), expected: 25m, found: 20m);
        Silent<FundTableRollForward>(F8(25m));
    }

    private static DocBuilder ThreePublicTable(decimal total, decimal vehicle, decimal purchase = 0m) =>
        DocBuilder.Final().Table(TableKind.FinalThreePublic, t => t
            .Columns(new ColumnKey(Measure.ThreePublicTotal, Basis.Budget), new ColumnKey(Measure.Abroad, Basis.Budget),
                new ColumnKey(Measure.VehicleTotal, Basis.Budget), new ColumnKey(Measure.VehiclePurchase, Basis.Budget),
                new ColumnKey(Measure.VehicleOperation, Basis.Budget), new ColumnKey(Measure.Reception, Basis.Budget),
                new ColumnKey(Measure.ThreePublicTotal, Basis.Final), new ColumnKey(Measure.Abroad, Basis.Final),
                new ColumnKey(Measure.VehicleTotal, Basis.Final), new ColumnKey(Measure.VehiclePurchase, Basis.Final),
                new ColumnKey(Measure.VehicleOperation, Basis.Final), new ColumnKey(Measure.Reception, Basis.Final))
            .Plain("", 3.02m, 0m, 1.95m, 0m, 1.95m, 1.07m, total, 0m, vehicle, purchase, 1.95m, 1.07m));

    [Fact]
    public void GK220_fires_on_the_final_basis()
    {
        var b = ThreePublicTable(total: 4.02m, vehicle: 1.95m);
        var f = Single<ThreePublicTotal>(b, expected: 3.02m, found: 4.02m);
        Assert.Contains("决算数", f.Message);
        Assert.Equal(b.Doc.Table(TableKind.FinalThreePublic)!.Rows[0][new ColumnKey(Measure.ThreePublicTotal, Basis.Final)]!.Source, f.Locations[0]);
    }

    [Fact]
    public void GK220_GK221_stay_silent()
    {
        Silent<ThreePublicTotal>(ThreePublicTable(3.02m, 1.95m));
        Silent<VehicleSubtotal>(ThreePublicTable(3.02m, 1.95m));
    }

    private static DocBuilder Combined(decimal total) =>
        DocBuilder.Budget().Table(TableKind.BudgetThreePublic, t => t
            .Columns(Measure.Total, Measure.ThreePublicTotal, Measure.Abroad, Measure.VehicleTotal, Measure.Reception, Measure.Meeting, Measure.Training)
            .Plain("", total, 833.60m, 222.50m, 183.60m, 427.50m, 1305.25m, 403.75m));

    [Fact] public void GK226_outer_total_of_the_combined_table_fires() => Single<CombinedThreePublicTotal>(Combined(2452.60m), expected: 2542.60m, found: 2452.60m);
    [Fact] public void GK226_outer_total_adding_up_is_silent() => Silent<CombinedThreePublicTotal>(Combined(2542.60m));

    [Fact]
    public void GK221_fires_when_vehicle_subtotal_differs() =>
        Single<VehicleSubtotal>(ThreePublicTable(3.02m, 1.95m, purchase: 1m), expected: 2.95m, found: 1.95m);

    private static DocBuilder F6(decimal personnel = 2152.26m, decimal pub = 184.65m, decimal c30101 = 1000m) =>
        DocBuilder.Final().Table(TableKind.FinalGeneralBasic, t => t
            .Columns(T)
            .Row("301", "工资福利支出", 2082.85m)
            .Row("30101", "基本工资", c30101)
            .Row("30199", "其他工资福利支出", 1082.85m)
            .Row("302", "商品和服务支出", 171.07m)
            .Row("303", "对个人和家庭的补助", 69.41m)
            .Row("310", "资本性支出", 13.58m)
            .Columns(Measure.Personnel, Measure.Public)
            .Total(personnel, pub));

    [Fact]
    public void GK222_fires_when_personnel_total_is_not_301_plus_303()
    {
        var b = F6(personnel: 2150.26m);
        var f = Single<FinalPersonnelTotal>(b, expected: 2152.26m, found: 2150.26m);
        Assert.Equal(Cell(b, TableKind.FinalGeneralBasic, null, Measure.Personnel), f.Locations[0]);
    }

    [Fact]
    public void GK222_GK223_stay_silent_on_SH24F_figures()
    {
        Silent<FinalPersonnelTotal>(F6());
        Silent<FinalPublicTotal>(F6());
    }

    [Fact]
    public void GK223_fires_when_public_total_differs() =>
        Single<FinalPublicTotal>(F6(pub: 194.65m), expected: 184.65m, found: 194.65m);

    private static DocBuilder B6(decimal personnel) => DocBuilder.Budget().Table(TableKind.BudgetGeneralBasic, t => t
        .Columns(T, Measure.Personnel, Measure.Public)
        .Total(776.02m, personnel, 776.02m - personnel)
        .Row("301", "工资福利支出", 683.23m, 683.23m, 0m)
        .Row("302", "商品和服务支出", 92.74m, 0m, 92.74m)
        .Row("303", "对个人和家庭的补助", 0.05m, 0.05m, 0m));

    [Fact]
    public void GK224_fires_as_warning_and_is_info_for_Shaanxi()
    {
        var b = B6(personnel: 690.96m);
        var fs = Run<BudgetPersonnelColumn>(b);
        Assert.Equal(2, fs.Count);
        Assert.Equal(683.28m, fs[0].Expected);
        Assert.Equal(690.96m, fs[0].Found);
        Assert.Equal(Severity.Warning, fs[0].Severity);
        b.Profile(RegionProfile.Shaanxi);
        var report = Auditor.Audit(b.Doc);
        Assert.All(report.ByRule("GK224"), f => Assert.Equal(Severity.Info, f.Severity));
        Assert.NotEmpty(report.ByRule("GK224"));
    }

    [Fact]
    public void GK224_stays_silent() => Silent<BudgetPersonnelColumn>(B6(683.28m));

    [Fact]
    public void GK225_fires_when_econ_class_differs_from_sections()
    {
        var b = F6(c30101: 1010m);
        var f = Single<EconomicClassSums>(b, expected: 2092.85m, found: 2082.85m);
        Assert.Equal(Cell(b, TableKind.FinalGeneralBasic, "301", T), f.Locations[0]);
    }

    [Fact]
    public void GK225_stays_silent() => Silent<EconomicClassSums>(F6());

    [Fact]
    public void GK230_GK231_fire_and_stay_silent()
    {
        var bad = DocBuilder.Final().Procurement(260m, 4.79m, 0m, 246.47m, sme: 270m, micro: 280m);
        Single<ProcurementTotal>(bad, expected: 251.26m, found: 260m);
        var sme = Run<ProcurementSmeShare>(bad);
        Assert.Equal(2, sme.Count);
        Assert.Equal(260m, sme[0].Expected);
        Assert.Equal(270m, sme[0].Found);
        Assert.Equal(Severity.Error, sme[0].Severity);

        var ok = DocBuilder.Final().Procurement(251.25m, 4.79m, 0m, 246.47m, sme: 251.25m, micro: 100m);
        Silent<ProcurementTotal>(ok);
        Assert.True(Assert.Single(Run<ProcurementTotal>(ok)).IsRoundingDifference);
        Silent<ProcurementSmeShare>(ok);
    }

    [Fact]
    public void GK232_fires_and_stays_silent()
    {
        var b = DocBuilder.Final();
        b.Doc.Assets = new AssetSummary { VehicleCount = b.Fig(3m, ValueUnit.Count, 0) };
        b.Doc.Assets.VehiclesByType["应急保障用车"] = b.Fig(1m, ValueUnit.Count, 0);
        b.Doc.Assets.VehiclesByType["执法执勤用车"] = b.Fig(1m, ValueUnit.Count, 0);
        var f = Single<VehicleCountTotal>(b, expected: 2m, found: 3m);
        Assert.Equal(b.Doc.Assets.VehicleCount.Source, f.Locations[0]);
        b.Doc.Assets.VehicleCount = b.Fig(2m, ValueUnit.Count, 0);
        Silent<VehicleCountTotal>(b);
    }

    [Fact]
    public void GK220_GK221_also_read_the_three_public_summary_when_no_table()
    {
        var b = DocBuilder.Final();
        var tp = new ThreePublicExpenses();
        tp.Final.Total = b.Fig(5m); tp.Final.Abroad = b.Fig(0m); tp.Final.VehicleTotal = b.Fig(1.95m);
        tp.Final.VehiclePurchase = b.Fig(0m); tp.Final.VehicleOperation = b.Fig(1.95m); tp.Final.Reception = b.Fig(1.07m);
        b.Doc.ThreePublic = tp;
        var f = Single<ThreePublicTotal>(b, expected: 3.02m, found: 5m);
        Assert.Equal(tp.Final.Total.Source, f.Locations[0]);
        Silent<VehicleSubtotal>(b);
    }
}
