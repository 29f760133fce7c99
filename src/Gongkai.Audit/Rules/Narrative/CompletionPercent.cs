using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK409 完成 W% = 决算 ÷ 预算 × 100 (N7, N12).</summary>
public sealed class CompletionPercent : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK409", "预算完成率与金额相符", Severity.Error, Applicability.FinalAccount, RuleCategory.Narrative,
        "完成率 = 决算数 ÷ 预算数 × 100（预算数取句中所称年初或全年预算）",
        "“完成年初预算的 w%”应能由句中的决算数和预算数重新算出；预算数为 0 时完成率没有意义。",
        "2940.05 ÷ 2993.92 × 100 = 98.20%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.CompletionPercent is not decimal w || c.Amount is not decimal a || c.BaseAmount is not decimal b) continue;
            if (b == 0m)
            {
                yield return Report($"情况说明{Quote(c)}：预算数为 0，完成率 {Tolerance.Format(w)}% 无法成立", new[] { c.Source }, null, w,
                    "预算数为 0 时不应表述完成率，改用全年（调整）预算或说明未安排预算。");
                continue;
            }
            var scale = Math.Min(Tolerance.NarrativeScale(c.AmountScale), Tolerance.NarrativeScale(c.BaseAmountScale));
            var f = Judge(ctx, Tolerance.Percent(w, a, b, scale, c.CompletionPercentScale), $"情况说明{Quote(c)}",
                $"「{c.Subject}」完成率（{Tolerance.Format(a)} ÷ {Tolerance.Format(b)}）", new[] { c.Source }, unit: "%");
            if (f is not null) yield return f;
        }
    }
}
