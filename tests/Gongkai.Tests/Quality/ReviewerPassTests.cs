using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Tests.Reading;

namespace Gongkai.Tests.Quality;

/// <summary>
/// Defects found by hand in a reviewer's pass over corpus documents of six cities (docs/quality.md, “Reviewer pass on
/// corpus documents”) that the checker now reports, and the documents of the same form where it stays silent.
/// </summary>
public class ReviewerPassTests
{
    private static AuditReport Check(string file) =>
        Auditor.Audit(PdfSamples.ReadCorpus(file).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    [Fact] // PDF p. 28 (printed 27) of a 2026 预算: "截至2026年12月31日，本单位共有车辆0辆" — a date still to come when the budget is published
    public void Yantai_audit_bureau_asset_date_after_publication_fires()
    {
        var f = Assert.Single(Check("025-烟台-2026年烟台市审计局部门预算.pdf").ByRule("GK709"));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("2026-12-31", f.Message);
        Assert.Equal(28, f.Locations[0].Page);
    }

    [Theory] // 截至 the end of the year before, or early in the budget year (广州: 截至2026年1月31日)
    [InlineData("025-烟台-2026年烟台市信访局部门预算.pdf")]
    [InlineData("005-广州-政府办公厅_2026年部门预算.pdf")]
    [InlineData("001-上海-2026年上海市财政局_部门预算.pdf")]
    public void Asset_dates_before_publication_are_silent(string file) => Assert.Empty(Check(file).ByRule("GK709"));
}
