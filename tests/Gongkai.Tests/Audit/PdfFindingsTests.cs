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
