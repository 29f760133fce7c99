using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK615 the spending plan is cumulative: non-decreasing and ending at 100%.</summary>
public sealed class SpendingPlanCumulative : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK615", "资金支出计划逐期累计并达到 100%", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "支出进度 p1 ≤ p2 ≤ … ≤ pn = 100%",
        "分期支出计划是累计进度，应逐期不减并在年末达到 100%。",
        "3月 30%、6月 25%、12月 100%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => p.SpendingPlan.Count >= 2))
        {
            var v = p.SpendingPlan.Select(f => f.Value).ToList();
            for (int i = 1; i < v.Count; i++)
                if (v[i] < v[i - 1])
                    yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}支出计划第 {i + 1} 期应不小于 {v[i - 1]}%，实为 {v[i]}%",
                        new[] { p.SpendingPlan[i].Source }, v[i - 1], v[i], "支出计划填累计进度。");
            if (v[^1] != 100m)
                yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}支出计划末期应为 100%，实为 {v[^1]}%",
                    new[] { p.SpendingPlan[^1].Source }, 100m, v[^1], "末期累计进度应为 100%。");
        }
    }
}
