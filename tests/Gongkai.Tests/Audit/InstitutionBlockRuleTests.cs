using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Audit;

/// <summary>
/// The identities of the “三公”, 车辆 and 政府采购 rows of a 机构运行信息表 (CQ 公开09: items as labelled rows under
/// 预算数 | 决算数, 资产 and 采购 blocks beside them), on the 潼南 2024 决算 seed: the table as published stays silent,
/// one cell keyed wrong fires the rule of its block.
/// </summary>
public class InstitutionBlockRuleTests
{
    private static readonly Lazy<string> Seed = new(() => File.ReadAllText(Shared.Seed("003")));

    private static List<Finding> Check(string text, params string[] rules) =>
        Auditor.Audit(new DisclosureReader().Read("003.txt", Encoding.UTF8.GetBytes(text)).Disclosure, PackageAssert.Options)
            .Findings.Where(f => rules.Contains(f.RuleId) && f.Severity != Severity.Info).ToList();

    private static string Replace(string line, string with)
    {
        Assert.Contains(line, Seed.Value);
        return Seed.Value.Replace(line, with);
    }

    [Fact]
    public void The_published_table_adds_up()
    {
        Assert.Empty(Check(Seed.Value, "GK220", "GK221", "GK230", "GK232"));
        var d = new DisclosureReader().Read("003.txt", Encoding.UTF8.GetBytes(Seed.Value)).Disclosure;
        Assert.Equal(3.02m, d.ThreePublic!.Final.Total!.Value);
        Assert.Equal(1m, d.Assets!.VehicleCount!.Value);
    }

    [Fact]
    public void GK220_reads_the_three_public_rows_of_the_institution_table()
    {
        var f = Assert.Single(Check(Replace("（一）支出合计\t3.02\t3.02", "（一）支出合计\t3.02\t4.02"), "GK220"));
        Assert.Equal(TableKind.InstitutionOperation, f.Table);
        Assert.Equal(3.02m, f.Expected);
        Assert.Equal(4.02m, f.Found);
    }

    [Fact]
    public void GK221_reads_the_vehicle_rows_of_the_institution_table()
    {
        var f = Assert.Single(Check(Replace("2.公务用车购置及运行维护费\t1.95\t1.95", "2.公务用车购置及运行维护费\t1.95\t2.95"), "GK221"));
        Assert.Equal(1.95m, f.Expected);
        Assert.Equal(2.95m, f.Found);
    }

    [Fact]
    public void GK230_reads_the_procurement_rows_of_the_institution_table()
    {
        var f = Assert.Single(Check(Replace("1.政府采购货物支出\t0.96", "1.政府采购货物支出\t0.69"), "GK230"));
        Assert.Equal(0.69m, f.Expected);
        Assert.Equal(0.96m, f.Found);
    }

    [Fact]
    public void GK232_reads_the_vehicle_rows_of_the_institution_table()
    {
        var f = Assert.Single(Check(Replace("4.应急保障用车\t1", "4.应急保障用车\t2"), "GK232"));
        Assert.Equal(2m, f.Expected);
        Assert.Equal(1m, f.Found);
    }
}
