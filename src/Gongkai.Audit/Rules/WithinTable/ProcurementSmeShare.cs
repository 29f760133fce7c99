using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>GK231 中小企业 ≤ 合计; 小微企业 ≤ 中小企业 (P17, Q15).</summary>
public sealed class ProcurementSmeShare : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK231", "授予中小企业金额不超过采购总额", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "小微企业 ≤ 中小企业 ≤ 政府采购合计",
        "授予（面向）中小企业的合同金额是采购总额的一部分，其中小微企业又是中小企业的一部分。",
        "中小企业 0.96 ≤ 合计 0.96");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Procurement is not { } p) yield break;
        if (p.Sme is { } sme && p.Total is { } total)
        {
            var f = Judge(ctx, Tolerance.AtMost(sme.Value, total.Value, Tolerance.ScaleOf(new[] { sme, total })), "政府采购",
                "授予中小企业金额不应超过采购合计（应为不超过）", new[] { sme.Source, total.Source }, TableKind.Procurement);
            if (f is not null) yield return f;
        }
        if (p.SmallMicro is { } sm && p.Sme is { } sme2)
        {
            var f = Judge(ctx, Tolerance.AtMost(sm.Value, sme2.Value, Tolerance.ScaleOf(new[] { sm, sme2 })), "政府采购",
                "授予小微企业金额不应超过授予中小企业金额（应为不超过）", new[] { sm.Source, sme2.Source }, TableKind.Procurement);
            if (f is not null) yield return f;
        }
    }
}
