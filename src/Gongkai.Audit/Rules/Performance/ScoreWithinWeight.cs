using Gongkai.Model;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>
/// GK623 a 自评 score above its maximum: an indicator's 指标得分 above its 指标权重, or the 执行率得分 above the 执行率权重.
/// Only where the score cannot be recomputed (no 得分系数 / 执行率 printed): there GK605 / GK602 already check it.
/// </summary>
public sealed class ScoreWithinWeight : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK623", "得分不超过权重", Severity.Warning, Applicability.FinalAccount, RuleCategory.Performance,
        "自评表 指标得分 ≤ 指标权重，执行率得分 ≤ 执行率权重（未列得分系数或执行率、无法逐项重算时）",
        "每项得分以其权重为满分；得分超过权重，说明得分或权重填错，或两列错位。",
        "指标权重 20，指标得分 25");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        {
            foreach (var i in s.Indicators)
            {
                if (i.Coefficient is not null || i.Score is not decimal score || i.Weight is not decimal w || w <= 0m) continue;
                var f = Judge(ctx, Tolerance.AtMost(score, w), $"{Scoring.Name(s)}指标「{i.Name}」",
                    $"指标得分不应超过指标权重 {Tolerance.Format(w)}（应为不超过）", new[] { Scoring.Loc(i, "Score"), Scoring.Loc(i, "Weight") },
                    suggestion: "核对指标得分与指标权重两列。");
                if (f is not null) yield return f;
            }
            foreach (var line in s.Funds)
            {
                if (line.ExecutionRate is not null || line.Score is not { } score || line.Weight is not { Value: > 0m } w) continue;
                var f = Judge(ctx, Tolerance.AtMost(score.Value, w.Value), $"{Scoring.Name(s)}「{line.Label}」",
                    $"执行率得分不应超过执行率权重 {Tolerance.Format(w.Value)}（应为不超过）", new[] { score.Source, w.Source },
                    suggestion: "核对执行率得分与执行率权重。");
                if (f is not null) yield return f;
            }
        }
    }
}
