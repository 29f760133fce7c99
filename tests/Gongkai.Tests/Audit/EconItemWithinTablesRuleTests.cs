using Gongkai.Audit;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using Gongkai.Tests.Reading;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>GK436: a 财政拨款 委托业务费 / 会议费 / 培训费 of the narrative between the basic line and basic line + 项目支出.</summary>
public class EconItemWithinTablesRuleTests
{
    private static DocBuilder Doc(decimal stated, FundScope scope = FundScope.FiscalGrant, string subject = "委托业务费财政拨款预算",
        decimal consigned = 0m, decimal projects = 4.50m, bool itemised = true)
    {
        var b = DocBuilder.Budget(2026)
            .Table(TableKind.BudgetGeneralBasic, t =>
            {
                t.Columns(Measure.Total).Total(300m).Row("302", "商品和服务支出", 300m);
                if (itemised) t.Row("30201", "办公费", 300m - consigned);
                if (itemised && consigned > 0m) t.Row("30227", "委托业务费", consigned);
            })
            .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(Measure.Total, Measure.Basic, Measure.Project).Total(300m + projects, 300m, projects))
            .Claim(subject, stated, sentence: $"2026年本单位{subject}为{stated}万元，比上年减少12万元。");
        b.LastClaim!.Scope = scope;
        return b;
    }

    [Fact] // 烟台 审计局 p. 28: 99 万元 against no 30227 in the basic table and 4.50 of 项目支出
    public void More_than_basic_line_and_all_projects_fires() => Single<EconItemWithinTables>(Doc(99m), expected: 4.50m, found: 99m);

    [Fact]
    public void Less_than_the_basic_line_fires() => Single<EconItemWithinTables>(Doc(100m, consigned: 120m, projects: 500m), expected: 120m, found: 100m);

    [Theory]
    [InlineData(4.50, 0)]     // all of it in the projects
    [InlineData(124.50, 120)] // basic 120 + projects 4.50
    [InlineData(120, 120)]    // the basic line alone
    public void Within_the_range_is_silent(double stated, double basic) => Silent<EconItemWithinTables>(Doc((decimal)stated, consigned: (decimal)basic));

    [Fact] public void Unknown_or_all_funds_scope_is_silent() => Silent<EconItemWithinTables>(Doc(99m, FundScope.Unknown));
    [Fact] public void A_basic_table_without_items_is_silent() => Silent<EconItemWithinTables>(Doc(99m, itemised: false));
    [Fact] public void A_rate_or_a_part_is_silent() => Silent<EconItemWithinTables>(Doc(99m, subject: "委托业务费财政拨款项目支出"));

    [Fact]
    public void Fund_spending_besides_the_general_budget_leaves_the_upper_bound_open()
    {
        var b = Doc(99m).Table(TableKind.BudgetGovFund, t => t.Columns(Measure.Total, Measure.Basic, Measure.Project).Total(500m, 0m, 500m));
        Silent<EconItemWithinTables>(b);
    }

    private static AuditReport Check(string file) =>
        Auditor.Audit(PdfSamples.ReadCorpus(file).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    [Fact] // PDF p. 28: "委托业务费财政拨款预算为99万元"; B6 (公开表6) has no 30227, B5 (公开表5) 项目支出 4.50
    public void Yantai_audit_bureau_consigned_services_above_what_the_tables_hold_fires()
    {
        var f = Assert.Single(Check("025-烟台-2026年烟台市审计局部门预算.pdf").ByRule("GK436"));
        Assert.Equal((4.50m, 99m, Severity.Warning), (f.Expected, f.Found, f.Severity));
        Assert.Equal(28, f.Locations[0].Page);
    }

    [Theory] // the same statement within the tables: 委托业务费 169.88 = 39.03 basic + 130.85 of the 1497.06 projects;
             // 1914.85 财政拨款 against 309.02 basic + 21118.51 projects
    [InlineData("005-广州-政府办公厅_2026年部门预算.pdf")]
    [InlineData("008-杭州-司法局_2026年部门预算.pdf")]
    [InlineData("025-烟台-2026年烟台市民政局部门预算.pdf")]
    public void Statements_within_the_tables_are_silent(string file) => Assert.Empty(Check(file).ByRule("GK436"));
}
