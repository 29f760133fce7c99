using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;

namespace Gongkai.Tests.Audit;

/// <summary>
/// The spending side of a recognized summary table is its own block (block 1, or 1–3 for XA); the summary-line rules
/// must find its lines there. Regression: they only looked at block 0 (the income side), so a 支出总计 that differs
/// from 收入总计 went unreported on every real table.
/// </summary>
public class SummarySideBlockTests
{
    [Theory]
    [InlineData("national")]
    [InlineData("shaanxi")]
    public void Unbalanced_grand_total_on_the_spending_side_is_reported(string profile)
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = profile;
        ShaanxiData.NameUnverifiedPair(data);
        var md = MarkdownRenderer.ToText(PackageAssert.Build(data));
        var line = md.Split('\n').First(l => l.StartsWith("| 收入总计 | 982.98 | 支出总计 | 982.98 |", StringComparison.Ordinal));
        var bad = md.Replace(line, line.Replace("| 支出总计 | 982.98 |", "| 支出总计 | 992.98 |"));
        var read = new DisclosureReader().Read("bad.md", System.Text.Encoding.UTF8.GetBytes(bad)).Disclosure;
        var report = Auditor.Audit(read, new AuditOptions { Catalog = CatalogAdapter.Instance });
        var f = Assert.Single(report.ByRule("GK210"), x => x.Table == TableKind.BudgetSummary);
        Assert.Equal((982.98m, 992.98m), (f.Expected, f.Found));
        Assert.Contains(report.ByRule("GK212"), x => x.Table == TableKind.BudgetSummary && x.Found == 992.98m);
    }
}
