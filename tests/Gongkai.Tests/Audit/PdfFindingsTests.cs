using Gongkai.Audit;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Audit;

/// <summary>Real findings of the published PDFs, with page and box.</summary>
public class PdfFindingsTests
{
    private static readonly Lazy<AuditReport> Putuo = new(() =>
        Auditor.Audit(new DisclosureReader().Read(Shared.Pdf("shanghai-putuo-finance-bureau-2024-final.pdf")).Disclosure,
            new AuditOptions { Catalog = CatalogAdapter.Instance }));

    [Fact] // page 21: 财政拨款收入支出总计 "0.3万元" while 公开04表 总计 is 2961.68 (2940.05 + 年初 21.63)
    public void Putuo_fiscal_total_in_the_narrative_is_wrong()
    {
        var f = Assert.Single(Putuo.Value.ByRule("GK401"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(2961.68m, f.Expected);
        Assert.Equal(0.30m, f.Found);
        Assert.Equal(21, f.PrimaryLocation!.Page);
        Assert.Contains(f.Locations, l => l.Page is int p && p != 21 && l.Box is not null); // the table cell, with its box
    }

    [Fact] // F2/F3 合计 2946.25 / 2940.05 vs Σ类 2946.26 / 2940.06: 尾差 only, pointing at boxes on the page
    public void Putuo_class_sums_differ_by_rounding_only()
    {
        var r = Putuo.Value;
        Assert.Equal(1, r.ErrorCount);
        var rounding = r.Findings.Where(f => f.IsRoundingDifference).ToList();
        Assert.True(rounding.Count >= 4);
        Assert.All(rounding, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(rounding, f => f.Expected == 2946.26m && f.Found == 2946.25m && f.PrimaryLocation!.Page == 8 && f.PrimaryLocation.Box is not null);
    }
}

/// <summary>Jiangsu's combined “三公”、会议费、培训费 table: the outer 合计 is not the 三公 total.</summary>
public class JiangsuThreePublicTests
{
    [Fact]
    public void Outer_total_and_three_public_subtotal_are_told_apart()
    {
        var d = new DisclosureReader().Read(Shared.Pdf("jiangsu-npc-office-2018-budget.pdf")).Disclosure;
        var t = d.Tables.Single(x => x.Kind == Gongkai.Model.TableKind.BudgetThreePublic && x.HasGrid);
        var row = t.Rows.Single();
        Assert.Equal(2542.60m, row[Gongkai.Model.Measure.Total]!.Value);            // page 15: 合计
        Assert.Equal(833.60m, row[Gongkai.Model.Measure.ThreePublicTotal]!.Value);  // “三公”经费 小计
        Assert.Equal(1305.25m, row[Gongkai.Model.Measure.Meeting]!.Value);
        Assert.Equal(833.60m, d.ThreePublic!.Budget.Total!.Value);
        Assert.Empty(Auditor.Audit(d).ByRule("GK220"));                              // 833.60 = 222.50 + 183.60 + 427.50
    }
}
