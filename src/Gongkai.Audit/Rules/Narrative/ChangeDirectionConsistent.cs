using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK403 the direction word agrees with the percent word and with the sign of (current − base).</summary>
public sealed class ChangeDirectionConsistent : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK403", "增减方向表述正确", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "增加/增长 ⇔ 本期 > 基数；减少/下降 ⇔ 本期 < 基数",
        "“增加……增长”“减少……下降”应成对使用；句中同时给出本期数和基数时，方向词应与两者之差的正负一致。",
        "本期 2940.05、上年 3052.34，应写“减少”而非“增加”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Direction is not ChangeDirection d) continue;
            if (c.PercentDirection is ChangeDirection pd && d != ChangeDirection.Flat && pd != ChangeDirection.Flat && pd != d)
                yield return Report($"情况说明{Quote(c)}：金额表述为“{DirectionWord(d)}”，百分比却表述为“{(pd == ChangeDirection.Increase ? "增长" : "下降")}”，方向矛盾",
                    new[] { c.Source }, suggestion: "统一增减方向。");
            if (c.Amount is decimal a && c.BaseAmount is decimal b && d != ChangeDirection.Flat)
            {
                var eq = Tolerance.Printed(b, Tolerance.NarrativeScale(c.BaseAmountScale), a, Tolerance.NarrativeScale(c.AmountScale));
                var actual = eq.Verdict != Verdict.Mismatch ? ChangeDirection.Flat : a > b ? ChangeDirection.Increase : ChangeDirection.Decrease;
                if (actual != d)
                    yield return Report($"情况说明{Quote(c)}：本期 {Tolerance.Format(a)} 万元、基数 {Tolerance.Format(b)} 万元，应为“{DirectionWord(actual)}”，实为“{DirectionWord(d)}”",
                        new[] { c.Source }, b, a, "按本期数与基数之差改正方向词。");
            }
        }
    }
}
