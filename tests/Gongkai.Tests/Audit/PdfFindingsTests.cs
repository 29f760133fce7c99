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
        Assert.Equal(2, r.ErrorCount); // GK401 above and the GK405 share below
        var rounding = r.Findings.Where(f => f.IsRoundingDifference).ToList();
        Assert.True(rounding.Count >= 4);
        Assert.All(rounding, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(rounding, f => f.Expected == 2946.26m && f.Found == 2946.25m && f.PrimaryLocation!.Page == 8 && f.PrimaryLocation.Box is not null);
    }

    [Fact] // page 21: “一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%”
    public void Putuo_share_of_the_general_public_services_class_is_wrong()
    {
        // The whole is the total the paragraph opens with; 2106.66 ÷ 2940.05 = 71.65%, and 326.72 ÷ 2940.05 = 11.11%
        // (the next class, printed right) confirms it.
        var f = Assert.Single(Putuo.Value.ByRule("GK405"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(71.65m, f.Expected);
        Assert.Equal(71.73m, f.Found);
        Assert.Equal(21, f.PrimaryLocation!.Page);
    }
}

/// <summary>Real defects of the Jiangsu budget PDFs.</summary>
public class JiangsuFindingsTests
{
    private static readonly Lazy<AuditReport> Js18 = new(() =>
        Auditor.Audit(new DisclosureReader().Read(Shared.Pdf("jiangsu-npc-office-2018-budget.pdf")).Disclosure));

    [Fact] // page 21: 单位预留机动经费 增加 1557.29 万元 “增长 1312.56%”; 1557.29 ÷ 128.43 = 1212.56%
    public void Js18_reserve_growth_percent_is_off_by_100_points()
    {
        var f = Assert.Single(Js18.Value.ByRule("GK402"));
        Assert.Equal(1212.56m, f.Expected);
        Assert.Equal(1312.56m, f.Found);
        Assert.Equal(21, f.PrimaryLocation!.Page);
    }

    [Fact] // page 21: 本年支出预算合计 15897.44 万元，其中 基本支出 49.55%、项目支出 39.84%、单位预留机动经费 1685.72 万元 “占10.61%”
    public void Js18_last_share_was_pushed_to_make_the_list_add_up_to_100()
    {
        // 1685.72 ÷ 15897.44 = 10.60%; the author raised the last share by 0.01 so that the three add up to 100.00, a
        // practice the domain reference names (§1.5): 尾差, reported as 提示, not as an error.
        Assert.DoesNotContain(Js18.Value.ByRule("GK405"), f => f.Severity == Severity.Error);
        var f = Assert.Single(Js18.Value.ByRule("GK405"), f => f.Expected == 10.60m && f.Found == 10.61m);
        Assert.True(f.IsRoundingDifference);
        Assert.Equal(Severity.Info, f.Severity);
    }

    [Fact] // page 29: “共0个项目实行绩效目标管理，涉及财政性资金合计0万元” says no project had targets set (公开03 项目支出
           // is 6333.96): a statement that cannot be checked against the tables, not a sum that should equal 项目支出
    public void Js18_zero_projects_under_target_management_is_not_compared() => Assert.Empty(Js18.Value.ByRule("GK418"));

    [Fact] // page 8: 当年支出小计 is printed over the 功能分类 and 支出用途 blocks, its 15897.44 in the last column
    public void Js18_spending_totals_of_public_01_and_03_agree()
    {
        foreach (var rule in new[] { "GK210", "GK214", "GK303" })
            Assert.Empty(Js18.Value.ByRule(rule));
        Assert.DoesNotContain(Js18.Value.ByRule("GK405"), f => f.Message.Contains("本年支出合计")); // 财政拨款支出 占 100%
    }

    [Fact] // pages 7–10: the summary continued over two page breaks and the one-row 支出预算总表 add up
    public void Js17_summary_over_page_breaks_and_public_03_are_consistent()
    {
        var r = Auditor.Audit(new DisclosureReader().Read(Shared.Pdf("jiangsu-npc-office-2017-budget.pdf")).Disclosure);
        foreach (var rule in new[] { "GK203", "GK210", "GK214", "GK303" })
            Assert.Empty(r.ByRule(rule));
        // 八、社会保障和就 | 业支出 is one name wrapped over the page break, not a truncated one
        Assert.DoesNotContain(r.ByRule("GK506"), f => f.Message.Contains("社会保障和就"));
    }

    [Fact] // pages 19–20, 28–29: “增加（减少）0万元，增长（减少）0%” left from the template
    public void Js18_template_residue_is_reported_and_zero_changes_are_not_computed()
    {
        Assert.True(Js18.Value.ByRule("GK701").Count() >= 6);
        Assert.All(Js18.Value.ByRule("GK701"), f => Assert.Contains(f.PrimaryLocation!.Page!.Value, new[] { 19, 20, 28, 29 }));
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
