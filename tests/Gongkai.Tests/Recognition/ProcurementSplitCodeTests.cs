using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;
using Gongkai.Tests.Reading;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// 政府采购 tables by function subject whose code is printed over 类 | 款 | 项 cells (烟台 公开表12: 201 || ; | 40 | ; | | 01):
/// the parts are joined into one code, the name stays the row's label, and the rows add up like any function table.
/// </summary>
public class ProcurementSplitCodeTests
{
    private const string Civil = "025-烟台-2026年烟台市民政局部门预算.pdf";
    private const string Petition = "025-烟台-2026年烟台市信访局部门预算.pdf";

    private static DisclosureTable Procurement(string file) =>
        PdfSamples.ReadCorpus(file).Disclosure.Tables.Single(t => t.Kind == TableKind.Procurement);

    [Fact]
    public void The_split_codes_of_a_procurement_table_are_joined_and_the_names_kept()
    {
        var rows = Procurement(Civil).Rows.Where(r => !r.IsTotal).Select(r => (r.Code?.Value, r.Label, r.UnitCode, r[Measure.Total]?.Value)).ToList();
        Assert.Equal(new (string?, string, string?, decimal?)[]
        {
            ("208", "社会保障和就业支出", null, 49.75m), ("20802", "民政管理事务", null, 9.44m), ("2080201", "行政运行", null, 9.44m),
            ("20810", "社会福利", null, 1.60m), ("2081001", "儿童福利", null, 1.60m), ("20820", "临时救助", null, 38.71m),
            ("2082002", "流浪乞讨人员救助支出", null, 38.71m), ("229", "其他支出", null, 573.88m), ("22960", "彩票公益金安排的支出", null, 573.88m),
            ("2296002", "用于社会福利的彩票公益金支出", null, 573.88m),
        }, rows);
    }

    [Fact]
    public void A_procurement_table_that_adds_up_is_silent_and_a_款_without_its_项_rows_fires()
    {
        var options = PackageAssert.Options;
        Assert.DoesNotContain(Auditor.Audit(PdfSamples.ReadCorpus(Civil).Disclosure, options).Findings,
            f => f.RuleId is "GK201" or "GK202" && f.Table == TableKind.Procurement);
        // p25: 20140 信访事务 71.89 with a single 项 row 2014001 行政运行 1.56 (the 70.33 of 服务 has no 项 row)
        var fired = Auditor.Audit(PdfSamples.ReadCorpus(Petition).Disclosure, options).Findings
            .Where(f => f.RuleId == "GK201" && f.Table == TableKind.Procurement).ToList();
        Assert.Equal(3, fired.Count);
        Assert.All(fired, f => { Assert.Equal(1.56m, f.Expected); Assert.Equal(71.89m, f.Found); Assert.Equal(25, f.Locations[0].Page); });
    }
}
