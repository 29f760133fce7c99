using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Tests.Reading;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Audit;

/// <summary>GK101 on a city's own table set: 深圳 publishes the 基本支出 by economic class inside its 表8.</summary>
public class RegionalTableSetTests
{
    [Theory] // 表8 一般公共预算支出表（按经济分类） has a 基本支出 column beside 项目支出: the content of B6 is published
    [InlineData("003-深圳-2026年深圳市审计局部门预算.pdf")]
    [InlineData("003-深圳-2026年深圳市水务局部门预算.pdf")]
    public void The_basic_spending_by_economic_class_in_another_table_is_not_missing(string file)
    {
        var d = PdfSamples.ReadCorpus(file).Disclosure;
        Assert.Null(d.Table(TableKind.BudgetGeneralBasic));
        Assert.Contains(d.Tables, t => t.Kind == TableKind.BudgetGeneralByEconomic && t.Rows.Any(r => r[Measure.Basic] is { IsNumber: true }));
        var r = Auditor.Audit(d, new AuditOptions { Catalog = CatalogAdapter.Instance });
        Assert.DoesNotContain(r.ByRule("GK101"), f => f.Table == TableKind.BudgetGeneralBasic);
    }

    [Fact] // without such a table, a budget that lacks B6 is still reported
    public void A_budget_without_any_basic_spending_table_still_misses_B6()
    {
        // a fresh read: the cached model of PdfSamples is shared by other tests and must not be changed
        var d = new Gongkai.Recognition.DisclosureReader().Read(Shared.Corpus("003-深圳-2026年深圳市审计局部门预算.pdf")).Disclosure;
        d.Tables.RemoveAll(t => t.Kind == TableKind.BudgetGeneralByEconomic);
        var r = Auditor.Audit(d, new AuditOptions { Catalog = CatalogAdapter.Instance });
        Assert.Contains(r.ByRule("GK101"), f => f.Table == TableKind.BudgetGeneralBasic);
    }
}
