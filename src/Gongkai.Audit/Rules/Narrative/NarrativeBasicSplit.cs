using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK421 人员经费 + 公用经费 stated in the narrative equals the 基本支出 stated there.</summary>
public sealed class NarrativeBasicSplit : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK421", "叙述的人员经费与公用经费之和等于基本支出", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "同一段落中：人员经费 + 公用经费 = 基本支出",
        "基本支出由人员经费和公用经费构成，三个数同时出现在说明中时应能相加。",
        "基本支出 763.52 万元，人员经费 683.73 万元，公用经费 92.74 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var g in Claims(ctx).Where(c => c.Kind == ClaimKind.Amount && c.Amount is not null).GroupBy(c => c.Section))
        {
            Claim? Of(string s) => g.FirstOrDefault(c => SubjectResolver.Normalize(c.Subject) is var n && (n == s || n == s + "支出"));
            if (Of("基本支出") is not { } basic || Of("人员经费") is not { } pers || Of("公用经费") is not { } pub) continue;
            var scale = new[] { basic.AmountScale, pers.AmountScale, pub.AmountScale }.Select(Tolerance.NarrativeScale).Min();
            var f = Judge(ctx, Tolerance.Sum(basic.Amount!.Value, new[] { pers.Amount!.Value, pub.Amount!.Value }, scale),
                $"情况说明{Quote(basic)}", "基本支出应等于人员经费 + 公用经费", new[] { basic.Source, pers.Source, pub.Source }, null,
                "核对三个金额。", "万元");
            if (f is not null) yield return f;
        }
    }
}
