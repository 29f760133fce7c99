using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK404 持平 with a non-zero change.</summary>
public sealed class FlatWithChange : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK404", "“持平”不应伴随增减额", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "持平 ⇒ Δ = 0 且 百分比 = 0",
        "表述为持平时，增减额、增减幅度应为零，给出的本期数与基数应相等（“基本持平”除外）。",
        "“与上年持平，增加5.00万元”自相矛盾");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Direction != ChangeDirection.Flat || c.Sentence.Contains("基本持平")) continue;
            decimal? delta = c.ChangeAmount is > 0m ? c.ChangeAmount
                : c.Amount is decimal a && c.BaseAmount is decimal b && a != b ? a - b : null;
            if (delta is decimal dv)
                yield return Report($"情况说明{Quote(c)}：表述为“持平”，但变动额应为 0，实为 {Tolerance.Format(dv)} 万元",
                    new[] { c.Source }, 0m, dv, "改为“增加/减少”并说明原因，或更正金额。");
            else if (c.ChangePercent is > 0m)
                yield return Report($"情况说明{Quote(c)}：表述为“持平”，但变动幅度应为 0%，实为 {Tolerance.Format(c.ChangePercent.Value)}%",
                    new[] { c.Source }, 0m, c.ChangePercent, "改为“增长/下降”，或更正百分比。");
        }
    }
}
