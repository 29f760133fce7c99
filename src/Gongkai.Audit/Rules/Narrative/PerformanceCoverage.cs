using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK418 the money covered by 绩效目标管理 does not exceed the total and matches 项目支出 when it says 项目.</summary>
public sealed partial class PerformanceCoverage : NarrativeRule
{
    [GeneratedRegex("运转类|特定目标类|部分项目|重点项目")]
    private static partial Regex ProjectCategories();

    /// <summary>The 一般公共预算 项目支出 (B5/F5) is the whole 项目支出 (B3/F3): every project is paid from it.</summary>
    private static bool GeneralProjectsAreAll(AuditContext ctx, Figure all)
    {
        var k = ctx.Disclosure.Kind == DocumentKind.FinalAccount ? TableKind.FinalGeneralExpenditure : TableKind.BudgetGeneralExpenditure;
        if (ctx.Disclosure.Table(k)?.TotalRow?[Measure.Project] is not { IsNumber: true } g) return false;
        var gw = g.Unit == ValueUnit.Yuan ? g.ToWanYuan() : g;
        return Tolerance.Printed(all.Value, all.Scale, gw.Value, gw.Scale).Verdict != Verdict.Mismatch;
    }

    /// <summary>
    /// The money of the projects the document publishes one by one: Σ 项目绩效目标表 年度资金 (when every project table
    /// has one) and Σ the listed rows of the 项目支出表, in 万元.
    /// </summary>
    private static IEnumerable<decimal> PublishedProjects(AuditContext ctx)
    {
        var targets = ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall).ToList();
        if (targets.Count > 0 && targets.All(p => p.Amount is { IsNumber: true } a && a.Unit is ValueUnit.WanYuan or ValueUnit.Yuan))
            yield return targets.Sum(p => X.Wan(p.Amount!).Value);
        if (ctx.Disclosure.Table(TableKind.ProjectList) is { HasGrid: true } list)
        {
            var rows = list.Rows.Where(r => !r.IsTotal && !r.IsSubItem && r.UnitCode is null)
                .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(f => f is { IsNumber: true }).Select(f => X.Wan(f!).Value).ToList();
            if (rows.Count > 0 && !NestedLists.HasSubtotalRows(rows)) yield return rows.Sum();
        }
    }

    public override RuleDescriptor Descriptor { get; } = new(
        "GK418", "绩效目标覆盖金额与项目支出一致", Severity.Warning, Applicability.Budget, RuleCategory.Narrative,
        "“项目支出均实行绩效目标管理，涉及 X 万元”⇒ X = 项目支出（B3/B5 合计行）",
        "所有项目支出都实行绩效目标管理时，所称涉及金额应等于项目支出预算；只与同一资金口径的表格比较（全部资金对支出总表，" +
        "一般公共预算对一般公共预算支出表），只列部分类别（运转类、特定目标类）的说法不比较。未写“项目支出”而金额等于全部支出" +
        "（政策和项目全面实施，基本支出也按预算项目管理）、金额等于逐项公开的项目（绩效目标表或项目支出表所列，其余未公开）之和、" +
        "或称 0 个项目实行绩效目标管理的，不比较。",
        "涉及一般公共预算当年财政拨款 6387.35 万元，项目支出 6387.35 万元（一致）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (X.ProjectTotal(ctx) is not var (projPrinted, table)) yield break;
        var proj = projPrinted.Unit == ValueUnit.Yuan ? projPrinted.ToWanYuan() : projPrinted;
        bool general = table is TableKind.BudgetGeneralExpenditure or TableKind.FinalGeneralExpenditure;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Amount && c.Amount is not null && c.Sentence.Contains("绩效目标管理") && c.Sentence.Contains("项目")))
        {
            // only a statement about the projects as a whole (not "其他运转类项目和特定目标类项目"), of the money the table
            // holds: all funds for B3/F3, 一般公共预算 for B5/F5 (财政拨款 too when no other fund is spent)
            if (ProjectCategories().IsMatch(c.Sentence)) continue;
            var (v, scale) = Wan(c.Amount!.Value, c.AmountScale, c.Unit);
            bool fiscal = c.Scope == FundScope.GeneralBudget || c.Scope == FundScope.FiscalGrant && X.GeneralOnly(ctx);
            bool sameMoney = general ? fiscal
                : c.Scope is FundScope.All or FundScope.Unknown || fiscal && GeneralProjectsAreAll(ctx, proj);
            // "共0个项目实行绩效目标管理，涉及…0万元": no project has targets set — a statement of fact, not a sum to check
            if (v == 0m && ctx.Disclosure.Claims.Any(o => o.Sentence == c.Sentence && o.Counts.Any(n => n.Value == 0m && n.Word.Contains('个')))) continue;
            // "涉及 0 万元" for projects that have targets, beside a 项目支出, is wrong whatever money it speaks of
            if (!sameMoney && !(v == 0m && proj.Value != 0m)) continue;
            // a sentence that covers the whole budget (整体支出, or 政策和项目 where every budget line is a 预算项目, 基本支出
            // included) may give the whole budget; only one that names 项目支出 must give 项目支出
            if ((c.Sentence.Contains("整体") || !c.Sentence.Contains("项目支出")) && X.SpendingTotal(ctx) is var (allPrinted, _)
                && X.Wan(allPrinted) is var all && Tolerance.Printed(all.Value, all.Scale, v, scale).Verdict != Verdict.Mismatch) continue;
            // the projects published one by one (others withheld, e.g. 涉密): the sentence may count only those
            if (PublishedProjects(ctx).Any(sum => Tolerance.Printed(sum, 2, v, scale).Verdict != Verdict.Mismatch)) continue;
            var f = Judge(ctx, Tolerance.Printed(proj.Value, proj.Scale, v, scale), $"情况说明{Quote(c)}",
                $"绩效目标管理涉及金额应等于{table.Describe()}项目支出", new[] { c.Source, proj.Source }, table, "核对涉及金额。", "万元");
            if (f is not null) yield return f;
        }
    }
}
