using Gongkai.Audit.Rules.WithinTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>Rules of the regional tables: Hebei 固定资产占用情况表, Jiangsu 支出用途 block, 公开11, 单位预留机动经费.</summary>
public class RegionalRuleTests
{
    private static DocBuilder Assets(decimal total)
    {
        var b = DocBuilder.Budget().Profile(RegionProfile.Hebei);
        b.Table(TableKind.Assets, t => t.Columns(Measure.Quantity, Measure.Amount)
            .Plain("1、房屋（平方米）", null, null)
            .Plain("其中：办公用房（平方米）", null, null)
            .Plain("2、车辆（台、辆）", 2m, 31.72m)
            .Plain("3、单价在20万元以上的设备", 0m, 0m)
            .Plain("4、其他固定资产", 181m, 66.732062m));
        var table = b.Doc.Tables[^1];
        var row = new DataRow { Label = "资产总额", IsTotal = true, Source = b.Next("资产总额") };
        row.Values[Measure.Amount] = b.Fig(total, scale: 6);
        table.Rows.Insert(0, row);
        return b;
    }

    [Fact] // seed 001 (HB22B): 98.452062 = 31.72 + 66.732062; the 其中 row is not added
    public void GK233_asset_total_is_the_sum_of_the_numbered_rows()
    {
        Silent<AssetTableTotal>(Assets(98.452062m));
        var f = Single<AssetTableTotal>(Assets(99.452062m), expected: 98.452062m, found: 99.452062m);
        Assert.Equal(TableKind.Assets, f.Table);
    }

    private static DocBuilder Uses(decimal basic, decimal project, decimal reserve, decimal total)
    {
        var b = DocBuilder.Budget().Profile(RegionProfile.Jiangsu);
        b.Table(TableKind.BudgetSummary, t => t.Expense(SummaryLine.TotalExpenditureThisYear, total));
        var table = b.Doc.Tables[^1];
        foreach (var (label, v) in new[] { ("一、基本支出", basic), ("二、项目支出", project), ("三、单位预留机动经费", reserve) })
        {
            var row = new DataRow { Label = label, Side = Side.Expenditure, Block = 2, Source = b.Next(label) };
            row.Values[Measure.Amount] = b.Fig(v);
            table.Rows.Add(row);
        }
        return b;
    }

    [Fact] // JS17B 公开01: 7666.68 + 5853.96 + 128.43 = 13649.07
    public void GK234_uses_block_adds_up_to_the_year_spending()
    {
        Silent<SpendingUsesBlockTotal>(Uses(7666.68m, 5853.96m, 128.43m, 13649.07m));
        Single<SpendingUsesBlockTotal>(Uses(7666.68m, 5853.96m, 0m, 13649.07m), expected: 13520.64m, found: 13649.07m);
    }

    [Fact] // JS18B 公开11: 302 = Σ 款, 合计 = 302
    public void GK225_checks_the_operating_costs_table_too()
    {
        DocBuilder Oc(decimal office) => DocBuilder.Budget().Profile(RegionProfile.Jiangsu).Table(TableKind.OperatingCostsByEconomic, t => t.Columns(Measure.Total)
            .Total(1579.38m).Row("302", "商品和服务支出", 1579.38m).Row("30201", "办公费", office).Row("30205", "水费", 50m)
            .Row("30206", "电费", 350m).Row("30207", "邮电费", 45m).Row("30211", "差旅费", 230m).Row("30228", "工会经费", 33.7m)
            .Row("30229", "福利费", 50m).Row("30231", "公务用车运行维护费", 183.6m).Row("30239", "其他交通费用", 267.08m));
        Silent<EconomicClassSums>(Oc(370m));
        Single<EconomicClassSums>(Oc(380m), expected: 1589.38m, found: 1579.38m);
    }

    [Fact] // Jiangsu 单位预留机动经费 column: 合计 = 基本 + 项目 + 预留
    public void GK204_counts_the_reserve_column()
    {
        DocBuilder B5(decimal total) => DocBuilder.Budget().Profile(RegionProfile.Jiangsu).Table(TableKind.BudgetGeneralExpenditure,
            t => t.Columns(Measure.Total, Measure.Basic, Measure.Project, Measure.Reserve).Row("2010101", "行政运行", total, 100m, 20m, 5m));
        Silent<BasicPlusProjectTotal>(B5(125m));
        Single<BasicPlusProjectTotal>(B5(120m), expected: 125m, found: 120m);
    }
}
