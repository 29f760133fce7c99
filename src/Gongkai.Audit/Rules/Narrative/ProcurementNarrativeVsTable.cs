using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK414 the narrative 政府采购 total equals the procurement table.</summary>
public sealed partial class ProcurementNarrativeVsTable : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK414", "政府采购叙述总额与采购表一致", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "叙述“政府采购（预算）总额/共/合计 X 万元”= 政府采购表合计",
        "情况说明中的政府采购总额应与政府采购表合计一致。",
        "说明写政府采购预算共 92 万元，政府采购表合计 81.20");

    [GeneratedRegex("政府采购.{0,8}(总额|合计|共计?)$|纳入政府采购.{0,10}合计$")]
    private static partial Regex TotalSubject();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Procurement?.Total is not { IsNumber: true } total) yield break;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Amount && c.Amount is not null && TotalSubject().IsMatch(SubjectResolver.Normalize(c.Subject))))
        {
            if (c.Sentence.Contains("上年") || c.Sentence.Contains("结转")) continue;
            var (v, scale) = Wan(c.Amount!.Value, c.AmountScale, c.Unit);
            var f = Judge(ctx, Tolerance.Printed(total.Value, total.Scale, v, scale), $"情况说明{Quote(c)}",
                "政府采购总额应与政府采购表合计一致", new[] { c.Source, total.Source }, TableKind.Procurement, "核对叙述或采购表。", "万元");
            if (f is not null) yield return f;
        }
    }
}
