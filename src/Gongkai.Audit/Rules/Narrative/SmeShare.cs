using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK415 the stated 中小企业 share equals 中小企业 ÷ 采购总额.</summary>
public sealed class SmeShare : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK415", "中小企业份额占比计算正确", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "所述中小企业占比 = 中小企业金额 ÷ 政府采购总额 × 100%（同句或采购表的金额）",
        "授予中小企业合同金额的占比由两个金额算出，应与所述百分比相符。",
        "授予中小企业 50 万元，占政府采购总额 200 万元的 30%（应为 25%）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in DepartmentClaims(ctx).Where(c => c.SharePercent is not null && c.Subject.Contains("中小企业")))
        {
            // every amount in 万元 with the decimals it was printed with: the sentence's (in its own unit) or the 采购表's
            // (a table printed in 元 is converted), and the share judged at its printed precision
            (decimal Value, int Scale)? part = c.Amount is decimal a ? Wan(a, c.AmountScale, c.Unit) : null;
            var wholeClaim = DepartmentClaims(ctx).FirstOrDefault(o => o.Sentence == c.Sentence && o.Amount is not null && o.Subject.Contains("采购") && !o.Subject.Contains("中小"));
            (decimal Value, int Scale)? whole = wholeClaim is not null ? Wan(wholeClaim.Amount!.Value, wholeClaim.AmountScale, wholeClaim.Unit)
                : ctx.Disclosure.Procurement?.Total is { IsNumber: true } t ? (X.Wan(t).Value, X.Wan(t).Scale) : null;
            part ??= ctx.Disclosure.Procurement?.Sme is { IsNumber: true } s ? (X.Wan(s).Value, X.Wan(s).Scale) : null;
            if (part is not { } p || whole is not { } w || w.Value == 0m) continue;
            var scale = Math.Min(Tolerance.NarrativeScale(p.Scale), Tolerance.NarrativeScale(w.Scale));
            var f = Judge(ctx, Tolerance.Percent(c.SharePercent!.Value, p.Value, w.Value, scale, c.SharePercentScale), $"情况说明{Quote(c)}", "中小企业占比应等于中小企业金额 ÷ 采购总额",
                new[] { c.Source }, TableKind.Procurement, "按金额重新计算占比。", "%");
            if (f is not null) yield return f;
        }
    }
}
