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
            decimal? part = c.Amount;
            var whole = DepartmentClaims(ctx).Where(o => o.Sentence == c.Sentence && o.Amount is not null && o.Subject.Contains("采购") && !o.Subject.Contains("中小"))
                .Select(o => o.Amount).FirstOrDefault() ?? ctx.Disclosure.Procurement?.Total?.Value;
            part ??= ctx.Disclosure.Procurement?.Sme?.Value;
            if (part is not decimal p || whole is not decimal w || w == 0m) continue;
            var f = Judge(ctx, Tolerance.Percent(c.SharePercent!.Value, p, w), $"情况说明{Quote(c)}", "中小企业占比应等于中小企业金额 ÷ 采购总额",
                new[] { c.Source }, TableKind.Procurement, "按金额重新计算占比。", "%");
            if (f is not null) yield return f;
        }
    }
}
