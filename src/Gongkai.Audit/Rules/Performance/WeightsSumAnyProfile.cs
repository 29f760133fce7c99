using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK608 indicator weights add up to 90 (project) or 100 (整体) wherever weights are printed (all profiles but CQ, which GK607 covers).</summary>
public sealed class WeightsSumAnyProfile : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK608", "绩效指标权重合计为 90 或 100", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "印有权重的绩效表：Σ 指标权重 ∈ {90（另 10 分为预算执行率）, 100}",
        "各地的指标权重满分为 100 分（或 90 分加执行率 10 分），合计既非 90 也非 100 说明权重填错或漏列指标。",
        "项目绩效目标表权重合计 95") { };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Profile == RegionProfile.Chongqing) yield break; // GK607
        var tables = ctx.Disclosure.PerformanceTargets.Select(p => (Perf.Name(p.IsOverall, p.ProjectName), p.Indicators, p.Source))
            .Concat(ctx.Disclosure.SelfEvaluations.Select(s => (Perf.Name(s.IsOverall, s.ProjectName), s.Indicators, s.Source)));
        foreach (var (name, inds, src) in tables)
        {
            var w = inds.Where(i => i.Weight is not null).ToList();
            if (w.Count == 0 || w.Count < inds.Count) continue;
            var sum = w.Sum(i => i.Weight!.Value);
            if (sum is 90m or 100m) continue;
            var expected = Math.Abs(sum - 90m) < Math.Abs(sum - 100m) ? 90m : 100m;
            yield return Report($"{name}指标权重合计应为 {expected:0}，实为 {Tolerance.Format(sum)}，差额 {Tolerance.FormatSigned(sum - expected)}",
                new[] { src }, expected, sum, "核对各指标权重。");
        }
    }
}
