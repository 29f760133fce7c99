using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK411 the stated change equals current − stated base (N10).</summary>
public sealed class ChangeAmountMatchesBase : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK411", "增减额等于本期数与基数之差", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "|本期 − 基数| = 增减额",
        "句中同时给出本期数、基数和增减额时，增减额应等于两者之差。",
        "年初预算 6201.55、决算 3925.66，减少 2275.89");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Amount is not decimal a || c.BaseAmount is not decimal b || c.ChangeAmount is not decimal delta) continue;
            var scale = new[] { c.AmountScale, c.BaseAmountScale, c.ChangeScale }.Select(Tolerance.NarrativeScale).Min();
            var f = Judge(ctx, Tolerance.Sum(delta, a >= b ? new[] { a, -b } : new[] { b, -a }, scale), $"情况说明{Quote(c)}",
                $"「{c.Subject}」增减额应等于本期 {Tolerance.Format(a)} 与基数 {Tolerance.Format(b)} 之差", new[] { c.Source }, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}
