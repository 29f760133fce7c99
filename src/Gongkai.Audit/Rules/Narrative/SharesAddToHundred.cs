using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK412 the shares of a complete breakdown add up to 100% (N6).</summary>
public sealed class SharesAddToHundred : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK412", "各部分占比合计为100%", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "Σ 占比 = 100%（分项完整分解总额时）",
        "分项金额之和等于总额时，各分项占比之和应为 100%，每项允许半个百分点单位的舍入。",
        "3.69% + 87.31% + 7.64% + 1.35% = 99.99%（尾差）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var claim in Claims(ctx))
        {
            if (claim.Amount is not decimal total || claim.Parts.Count < 2 || claim.Parts.Any(p => p.SharePercent is null)) continue;
            var scale = Tolerance.NarrativeScale(claim.AmountScale);
            if (Tolerance.Sum(total, claim.Parts.Select(p => p.Amount).ToList(), scale).Verdict == Verdict.Mismatch) continue;
            var f = Judge(ctx, Tolerance.SumTo(100m, claim.Parts.Select(p => p.SharePercent!.Value).ToList(), claim.Parts.Min(p => p.SharePercentScale)),
                $"情况说明{Quote(claim)}", $"「{claim.Subject}」各部分占比之和应为 100%", new[] { claim.Source }, unit: "%");
            if (f is not null) yield return f;
        }
    }
}
