using Gongkai.Model;
using Gongkai.Recognition;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// The five seeds read into the model: the standard tables recognized (kind and title), hand-checked
/// values (as printed in the seed), and every numeric cell of the source tables accounted for.
/// </summary>
public class SeedTablesTests
{
    private static ColumnKey K(Measure m, Basis b = Basis.Default) => new(m, b);

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Every_numeric_cell_is_bound_or_structural(string seed)
    {
        var r = Seeds.Read(seed);
        Assert.True(r.NumericCells > 100, $"{seed}: only {r.NumericCells} numeric cells found");
        Assert.Equal(0, r.UnplacedCells);
        Assert.Equal(r.NumericCells, r.BoundCells + r.StructuralCells + r.ReportedCells);
        // what is reported rather than read is small and each note names its cell
        Assert.True(r.ReportedCells * 20 < r.NumericCells, $"{seed}: {r.ReportedCells} of {r.NumericCells} numbers only reported");
    }

    [Fact]
    public void Seed_003_final_accounts_tables_and_values()
    {
        var d = Seeds.Read("003").Disclosure;
        Assert.Equal(DocumentKind.FinalAccount, d.Kind);
        Assert.Equal(2024, d.Year);
        Assert.Equal("重庆市潼南区医疗保障局", d.DepartmentName);
        Assert.Equal(RegionProfile.Chongqing, d.Profile);
        var expected = new (TableKind Kind, string Label, string Title)[]
        {
            (TableKind.FinalSummary, "公开01表", "收入支出决算总表"),
            (TableKind.FinalRevenue, "公开02表", "收入决算表"),
            (TableKind.FinalExpenditure, "公开03表", "支出决算表"),
            (TableKind.FinalFiscalSummary, "公开04表", "财政拨款收入支出决算总表"),
            (TableKind.FinalGeneralExpenditure, "公开05表", "一般公共预算财政拨款支出决算表"),
            (TableKind.FinalGeneralBasic, "公开06表", "一般公共预算财政拨款基本支出决算表"),
            (TableKind.FinalGovFund, "公开07表", "政府性基金预算财政拨款" + "收入支出决算表"),
            (TableKind.FinalStateCapital, "公开08表", "国有资本经营预算财政拨款支出决算表"),
            (TableKind.InstitutionOperation, "公开09表", "机构运行信息表"),
        };
        var standard = d.Tables.Where(t => t.Kind != TableKind.Unknown).Select(t => (t.Kind, t.Label ?? "", t.Title)).ToList();
        Assert.Equal(expected, standard);

        var f1 = d.Table(TableKind.FinalSummary);
        Assert.Equal("3925.66", f1.Cell("line:GeneralBudgetGrant", K(Measure.Amount)));
        Assert.Equal("3925.66", f1.Cell("line:TotalIncomeThisYear", K(Measure.Amount)));
        Assert.Equal("145.04", f1.Cell("208", K(Measure.Amount)));
        Assert.Equal("300.00", f1.Cell("213", K(Measure.Amount)));
        Assert.Equal("52.98", f1.Cell("221", K(Measure.Amount)));
        Assert.Equal("3925.66", f1.Cell("line:GrandTotalExpenditure", K(Measure.Amount)));
        Assert.Equal(26, f1.Rows.Count(r => r.Line == SummaryLine.ExpenditureClass));
        Assert.Equal(8, f1.Rows.Count(r => r.Side == Side.Income && r.Line is >= SummaryLine.GeneralBudgetGrant and <= SummaryLine.OtherIncome));

        var f2 = d.Table(TableKind.FinalRevenue);
        Assert.Equal("3925.66", f2.Cell("total", K(Measure.FiscalGrant)));
        Assert.Equal("33.48", f2.Cell("2101399", K(Measure.Total)));
        Assert.Equal("0.00", f2.Cell("2101399", K(Measure.EducationFees)));
        Assert.Equal("121.52", f2.Cell("2101550", K(Measure.FiscalGrant))); // after the blank line of the page break

        var f3 = d.Table(TableKind.FinalExpenditure);
        Assert.Equal("763.52", f3.Cell("total", K(Measure.Basic)));
        Assert.Equal("3162.14", f3.Cell("total", K(Measure.Project)));
        Assert.Equal("2820.13", f3.Cell("210", K(Measure.Project)));
        Assert.Equal("569.30", f3.Cell("21015", K(Measure.Basic)));
        Assert.Equal("300.00", f3.Cell("2101101", K(Measure.Project)));

        var f4 = d.Table(TableKind.FinalFiscalSummary);
        Assert.Equal("3425.64".Replace("3425", "3427"), f4.Cell("210", K(Measure.GeneralBudget)));
        Assert.Equal("3925.66", f4.Cell("line:TotalExpenditureThisYear", K(Measure.Total)));
        Assert.Equal("(空)", f4.Cell("line:CarryInGeneralBudget", K(Measure.Amount)));
        Assert.Equal("3925.66", f4.Cell("line:GrandTotalIncome", K(Measure.Amount)));

        var f5 = d.Table(TableKind.FinalGeneralExpenditure);
        Assert.Equal("2383.34", f5.Cell("21013", K(Measure.Project)));
        Assert.Equal("447.78", f5.Cell("2101501", K(Measure.Basic)));
        Assert.Equal("52.98", f5.Cell("2210201", K(Measure.Total)));

        // 公开06: three side-by-side blocks unpivoted
        var f6 = d.Table(TableKind.FinalGeneralBasic);
        Assert.Equal("621.86", f6.Cell("301", K(Measure.Total)));
        Assert.Equal("153.76", f6.Cell("30103", K(Measure.Total)));
        Assert.Equal("125.12", f6.Cell("302", K(Measure.Total)));
        Assert.Equal("19.82", f6.Cell("30239", K(Measure.Total)));
        Assert.Equal("13.30", f6.Cell("30305", K(Measure.Total)));
        Assert.Equal("(空)", f6.Cell("31013", K(Measure.Total)));
        Assert.Equal("638.40", f6.Cell("total", K(Measure.Personnel)));
        Assert.Equal("125.12", f6.Cell("total", K(Measure.Public)));
        Assert.Equal(3, f6.Rows.Select(r => r.Block).Distinct().Count());

        Assert.True(d.Table(TableKind.FinalGovFund).IsEmpty);
        Assert.Contains(d.Table(TableKind.FinalGovFund).Notes, n => n.Contains("无政府性基金"));

        // 公开09 机构运行信息表 → typed topics
        Assert.Equal(3.02m, d.ThreePublic!.Final.Total!.Value);
        Assert.Equal(3.02m, d.ThreePublic.Budget.Total!.Value);
        Assert.Equal(1.95m, d.ThreePublic.Final.VehicleOperation!.Value);
        Assert.Equal(1.07m, d.ThreePublic.Final.Reception!.Value);
        Assert.Equal(111m, d.ThreePublic.Statistics.Single(kv => kv.Key.StartsWith("国内公务接待人次")).Value.Value);
        Assert.Equal(0.48m, d.ThreePublic.Meeting!.Value);
        Assert.Equal(7.37m, d.ThreePublic.Travel!.Value);
        Assert.Equal(102.59m, d.OperatingCosts!.Value);
        Assert.Equal(1m, d.Assets!.VehicleCount!.Value);
        Assert.Equal(1m, d.Assets.VehiclesByType.Single(kv => kv.Key.Contains("应急保障用车")).Value.Value);
        Assert.Equal(0.96m, d.Procurement!.Total!.Value);
        Assert.Equal(0.96m, d.Procurement.SmallMicro!.Value);
        var nine = d.Table(TableKind.InstitutionOperation);
        Assert.Equal("—", nine.Cell("label:国内接待费", K(Measure.Amount, Basis.Budget)));
    }

    [Fact]
    public void Seed_000_chongqing_budget_tables_and_values()
    {
        var d = Seeds.Read("000").Disclosure;
        Assert.Equal(DocumentKind.Budget, d.Kind);
        Assert.Equal(2022, d.Year);
        Assert.Equal("重庆市綦江区医疗保障局", d.DepartmentName);
        var kinds = d.Tables.Where(t => t.Kind != TableKind.Unknown).Select(t => t.Kind).ToList();
        Assert.Equal(new[]
        {
            TableKind.BudgetFiscalSummary, TableKind.BudgetGeneralExpenditure, TableKind.BudgetGeneralBasic, TableKind.BudgetThreePublic,
            TableKind.BudgetGovFund, TableKind.BudgetSummary, TableKind.BudgetRevenue, TableKind.BudgetExpenditure, TableKind.PerformanceProjectIndex,
        }, kinds);
        var b4 = d.Table(TableKind.BudgetFiscalSummary);
        Assert.Equal("7163.37", b4.Cell("line:TotalIncomeThisYear", K(Measure.Amount)));
        Assert.Equal("7163.37", b4.Cell("line:GeneralBudgetGrant", K(Measure.Amount)));
        Assert.Equal("6958.11", b4.Cell("210", K(Measure.GeneralBudget)));
        Assert.Equal("35.09", b4.Cell("221", K(Measure.Total)));
        Assert.Equal("7163.37", b4.Cell("line:GrandTotalIncome", K(Measure.Amount)));

        var b5 = d.Table(TableKind.BudgetGeneralExpenditure);
        Assert.Equal("附件3-2", b5.Label);
        Assert.Equal("7163.37", b5.Cell("total", K(Measure.Total)));
        Assert.Equal("6387.35", b5.Cell("total", K(Measure.Project)));
        Assert.Equal("595.50", b5.Cell("2101501", K(Measure.Basic)));
        Assert.Equal("335.00", b5.Cell("2109999", K(Measure.Project)));
        Assert.Equal("2104.00", b5.Cell("2101103", K(Measure.Total)));

        // 基本支出表 split over two blocks: one table
        var b6 = d.Table(TableKind.BudgetGeneralBasic);
        Assert.Equal(2, b6.SourceTables.Count);
        Assert.Single(d.Tables, t => t.Kind == TableKind.BudgetGeneralBasic);
        Assert.Equal("683.73", b6.Cell("total", K(Measure.Personnel)));
        Assert.Equal("149.46", b6.Cell("30101", K(Measure.Total)));
        Assert.Equal("102.50", b6.Cell("30199", K(Measure.Personnel)));
        Assert.Equal("30.43", b6.Cell("30228", K(Measure.Public))); // second block
        Assert.Equal("0.50", b6.Cell("30309", K(Measure.Personnel)));

        var b7 = d.Table(TableKind.BudgetThreePublic);
        Assert.Equal("4.50", b7.Rows.Single().ToString().Split(' ').First(s => s.StartsWith("ThreePublicTotal="))[17..]);
        Assert.Equal(3.50m, d.ThreePublic!.Budget.VehicleOperation!.Value);
        Assert.Equal(1.00m, d.ThreePublic.Budget.Reception!.Value);

        Assert.True(d.Table(TableKind.BudgetGovFund).IsEmpty);
        Assert.Contains(d.Table(TableKind.BudgetGovFund).Notes, n => n.Contains("无政府性基金"));

        var b1 = d.Table(TableKind.BudgetSummary);
        Assert.Equal("70.17", b1.Cell("208", K(Measure.Amount))); // truncated class name "社会保障和就业支"
        Assert.Equal("7163.37", b1.Cell("line:GrandTotalExpenditure", K(Measure.Amount)));

        var b2 = d.Table(TableKind.BudgetRevenue);
        Assert.Equal("7163.37", b2.Cell("total", K(Measure.GeneralBudget)));
        Assert.Equal("(空)", b2.Cell("2080109", K(Measure.Total)));
        Assert.Equal("扶贫", b2.Row("21305")!.Label);

        var b3 = d.Table(TableKind.BudgetExpenditure);
        Assert.Equal("776.02", b3.Cell("total", K(Measure.Basic)));
        Assert.Equal("41.72", b3.Cell("2101550", K(Measure.Basic)));
        Assert.Equal("(空)", b3.Cell("total", K(Measure.SubsidyToSubordinate)));

        var index = d.Table(TableKind.PerformanceProjectIndex);
        Assert.Equal("6387.35", index.Cell("total", K(Measure.Amount)));
        Assert.Equal(16, index.Rows.Count(r => !r.IsTotal));

        Assert.Contains(d.Staffing, s => s.Category == "行政编制" && s.Authorized == 8m);
        Assert.Contains(d.Staffing, s => s.Category == "事业编制" && s.Authorized == 25m);
    }

    [Fact]
    public void Seed_002_xian_comprehensive_budget_tables_and_values()
    {
        var d = Seeds.Read("002").Disclosure;
        Assert.Equal(2022, d.Year);
        Assert.Equal(RegionProfile.Shaanxi, d.Profile);
        var labelled = d.Tables.Where(t => t.Label is not null && t.Label.StartsWith("表") && !t.Label.StartsWith("表14") && t.Label != "表15")
            .Select(t => (t.Label, t.Kind, t.HasGrid)).ToList();
        Assert.Equal(new (string?, TableKind, bool)[]
        {
            ("表1", TableKind.BudgetSummary, true), ("表2", TableKind.BudgetRevenue, false), ("表3", TableKind.BudgetExpenditure, false),
            ("表4", TableKind.BudgetFiscalSummary, true), ("表5", TableKind.BudgetGeneralExpenditure, true), ("表6", TableKind.BudgetGeneralByEconomic, true),
            ("表7", TableKind.BudgetGeneralBasicByFunction, true), ("表8", TableKind.BudgetGeneralBasic, true), ("表9", TableKind.BudgetGovFund, true),
            ("表10", TableKind.ProjectList, true), ("表11", TableKind.CarryOverExpenditure, false), ("表12", TableKind.Procurement, false),
            ("表13", TableKind.BudgetThreePublic, false),
        }, labelled);

        // 表1: four side-by-side blocks (income, function, 部门经济, 政府经济)
        var b1 = d.Table(TableKind.BudgetSummary);
        Assert.Equal("1172.35", b1.Cell("line:GeneralBudgetGrant", K(Measure.Amount), block: 0));
        Assert.Equal("1120.81", b1.Cell("210", K(Measure.Amount), block: 1));
        Assert.Equal("32.34", b1.Cell("221", K(Measure.Amount), block: 1));
        Assert.Equal("784.92", b1.Cell("303", K(Measure.Amount), block: 2));
        Assert.Equal("235.81", b1.Cell("505", K(Measure.Amount), block: 3));
        Assert.Equal("1172.35", b1.Cell("line:GrandTotalExpenditure", K(Measure.Amount), block: 3));
        Assert.Equal("1172.35", b1.Cell("line:GrandTotalIncome", K(Measure.Amount), block: 0));

        var b5 = d.Table(TableKind.BudgetGeneralExpenditure);
        Assert.Equal("1172.36", b5.Cell("total", K(Measure.Total)));
        Assert.Equal("998.12", b5.Cell("total", K(Measure.Personnel)));
        Assert.Equal("156.84", b5.Cell("2101599", K(Measure.Project)));
        Assert.Equal("0.12", b5.Cell("2089999", K(Measure.Total)));
        Assert.Equal("6.59", b5.Cell("2101501", K(Measure.Public)));

        // 表6: 部门 and 政府 economic codes on one row
        var t6 = d.Table(TableKind.BudgetGeneralByEconomic);
        var pair = t6.Rows.Single(r => r.Code?.Value == "30101" && r.PairedCode?.Value == "50501");
        Assert.Equal(31.92m, pair[Measure.Total]!.Value);
        Assert.Equal("工资福利支出", pair.PairedLabel);
        Assert.Equal("109.8", t6.Cell("30299", K(Measure.Total)));

        var t8 = d.Table(TableKind.BudgetGeneralBasic);
        Assert.Equal("1010.52", t8.Cell("total", K(Measure.Total)));
        Assert.Equal("20.07", t8.Cell("302", K(Measure.Total)));

        var t7 = d.Table(TableKind.BudgetGeneralBasicByFunction);
        Assert.Equal("958.98", t7.Cell("210", K(Measure.Total)));

        var t10 = d.Table(TableKind.ProjectList);
        Assert.Equal("161.84", t10.Cell("total", K(Measure.Amount)));
        Assert.Equal("72", t10.Cell("label:双定机构费用审核", K(Measure.Amount)));

        Assert.Equal(15, d.TableOfContents.Count);
        Assert.Equal(true, d.TableOfContents.Single(x => x.Title.Contains("政府性基金收支表")).Empty);
        Assert.Equal(2, d.Units.Count);
        Assert.Contains(d.Staffing, s => s.Category == "事业编制" && s.Authorized == 12m);
    }

    [Fact]
    public void Seed_004_wuhan_budget_tables_and_values()
    {
        var d = Seeds.Read("004").Disclosure;
        Assert.Equal(2023, d.Year);
        Assert.Equal(RegionProfile.Hubei, d.Profile);
        var kinds = d.Tables.Where(t => t.Kind != TableKind.Unknown).Select(t => t.Kind).ToList();
        Assert.Equal(new[]
        {
            TableKind.BudgetSummary, TableKind.BudgetExpenditure, TableKind.BudgetFiscalSummary, TableKind.BudgetGeneralExpenditure,
            TableKind.GeneralExpenditureByUnit, TableKind.BudgetGeneralBasic, TableKind.BudgetThreePublic, TableKind.BudgetGovFund,
            TableKind.Procurement, TableKind.PurchaseOfServices,
        }, kinds);
        var b1 = d.Table(TableKind.BudgetSummary);
        Assert.Equal("982.98", b1.Cell("line:GeneralBudgetGrant", K(Measure.Amount)));
        Assert.Equal("955.44", b1.Cell("210", K(Measure.Amount)));
        Assert.Equal("0.00", b1.Cell("203", K(Measure.Amount))); // 国防 printed last (廿五)
        Assert.Equal("0.00", b1.Cell("line:CarryOut", K(Measure.Amount)));

        var b3 = d.Table(TableKind.BudgetExpenditure);
        Assert.Equal("778.20", b3.Cell("2101502", K(Measure.Project)));
        Assert.Equal("3.19", b3.Cell("2210202", K(Measure.Basic)));

        var b4 = d.Table(TableKind.BudgetFiscalSummary);
        Assert.Equal("20.76", b4.Cell("221", K(Measure.Amount)));
        Assert.Equal("(空)", b4.Cell("line:CarryInGeneralBudget", K(Measure.Amount)));

        var b5 = d.Table(TableKind.BudgetGeneralExpenditure);
        Assert.Equal("204.78", b5.Cell("total", K(Measure.Basic)));
        Assert.Equal("182.37", b5.Cell("total", K(Measure.Personnel)));
        Assert.Equal("142.30", b5.Cell("2101501", K(Measure.Personnel)));
        Assert.Equal("22.41", b5.Cell("21015", K(Measure.Public)));

        var byUnit = d.Table(TableKind.GeneralExpenditureByUnit);
        Assert.Equal("205001", byUnit.Rows.Last().UnitCode);
        Assert.Null(byUnit.Rows.Last().Code);

        var b6 = d.Table(TableKind.BudgetGeneralBasic);
        Assert.Equal("69.47", b6.Cell("30103", K(Measure.Total)));
        Assert.Equal("6.08", b6.Cell("30239", K(Measure.Public))); // after the repeated header
        Assert.Equal("0.00", b6.Cell("30307", K(Measure.Total)));

        Assert.Equal(0m, d.ThreePublic!.Budget.Total!.Value);
        Assert.Equal("预算08表", d.Table(TableKind.BudgetThreePublic).Label);

        var proc = d.Table(TableKind.Procurement);
        Assert.Equal("81.20", proc.Cell("total", K(Measure.Total)));
        Assert.Equal("81.20", proc.Cell("total", K(Measure.SmeShare)));
        Assert.Equal(81.20m, d.Procurement!.Total!.Value);
        Assert.Equal("63.20", d.Table(TableKind.PurchaseOfServices).Cell("total", K(Measure.Total)));
    }

    [Fact]
    public void Seed_001_hebei_budget_assets_units_and_empty_procurement()
    {
        var d = Seeds.Read("001").Disclosure;
        Assert.Equal(2022, d.Year);
        Assert.Equal("大城县医疗保障局", d.DepartmentName);
        Assert.Equal(RegionProfile.Hebei, d.Profile);
        Assert.Equal("大城县医疗保障局", d.Units.Single().Name);
        var proc = d.Table(TableKind.Procurement);
        Assert.True(proc.IsEmpty);
        Assert.Contains(proc.Notes, n => n.Contains("空表"));
        Assert.Equal(98.452062m, d.Assets!.Values["资产总额"].Value);
        Assert.Equal(6, d.Assets.Values["资产总额"].Scale);
        Assert.Equal(66.732062m, d.Assets.Values["其他固定资产"].Value);
        Assert.Equal(31.72m, d.Assets.Values["车辆(台、辆)"].Value);
        Assert.Equal(2m, d.Assets.VehicleCount!.Value);
    }
}
