using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK402 a stated change % = Δ ÷ prior × 100, prior = current ∓ Δ (or the stated base).</summary>
public sealed class ChangePercent : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK402", "增减幅度与增减金额相符", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "p = Δ ÷ 基数 × 100，基数 = 本期 − Δ（增加）或 本期 + Δ（减少），句中写明基数时用所写基数（p 等于 |本期 − 基数| ÷ 基数 时不报，增减额之误归 GK411）；p = Δ ÷ 本期时注明“以本年数为基数”",
        "叙述中的增长（下降）百分比应能由本期金额和增减额重新算出；基数为 0 时增长率没有意义。",
        "3079.74 ÷ 7005.40 × 100 = 43.96%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Direction is not (ChangeDirection.Increase or ChangeDirection.Decrease) || c.ChangePercent is not decimal p
                || c.ChangeAmount is not decimal delta || (c.Amount is null && c.BaseAmount is null)) continue;
            var prior = c.BaseAmount ?? (c.Direction == ChangeDirection.Increase ? c.Amount!.Value - delta : c.Amount!.Value + delta);
            var scale = Math.Min(Tolerance.NarrativeScale(c.AmountScale), Tolerance.NarrativeScale(c.ChangeScale));
            if (prior <= 0m)
            {
                // "增加（减少）0万元，增长（减少）0%" on a zero base states no change at all: nothing to compute (the
                // template residue itself is GK701)
                if (delta == 0m && p == 0m) continue;
                yield return Report($"情况说明{Quote(c)}：比较基数为 {Tolerance.Format(prior)}，增减幅度 {Tolerance.Format(p)}% 无法成立",
                    new[] { c.Source }, null, p, "基数为 0 时不应表述增长百分比，改为说明新增情况。");
                continue;
            }
            // both figures printed ("本期 a 万元，比上年 b 万元增加 Δ，增长 p%"): a percent that the two figures give is right, and
            // a Δ that is not their difference is GK411's one finding
            if (c.Amount is decimal a && c.BaseAmount is decimal b && a != b
                && Tolerance.Percent(p, Math.Abs(a - b), b, Math.Min(scale, Tolerance.NarrativeScale(c.BaseAmountScale)), c.ChangePercentScale).Verdict != Verdict.Mismatch)
                continue;
            var f = Judge(ctx, Tolerance.Percent(p, delta, prior, scale, c.ChangePercentScale), $"情况说明{Quote(c)}",
                $"「{c.Subject}」{DirectionWord(c.Direction.Value)}幅度（{Tolerance.Format(delta)} ÷ {Tolerance.Format(prior)}）",
                new[] { c.Source }, suggestion: "核对增减额与基数，按 增减额 ÷ 上年数 × 100 重新计算。", unit: "%");
            // the classic slip: the change divided by this year's amount instead of last year's
            if (f is { IsRoundingDifference: false } && c.BaseAmount is null && c.Amount is decimal current && current > 0m
                && Tolerance.Percent(p, delta, current, scale, c.ChangePercentScale).Verdict != Verdict.Mismatch)
                f = f with { Message = f.Message + $"；所写幅度等于 {Tolerance.Format(delta)} ÷ 本年数 {Tolerance.Format(current)}，疑以本年数而非上年数为基数" };
            if (f is not null) yield return f;
        }
    }
}
