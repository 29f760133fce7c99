using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK310 机关运行经费 ≤ F6/B6 公用经费合计 (Q30, P29, [U]).</summary>
public sealed class OperatingCostsWithinPublic : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK310", "机关运行经费不超过公用经费", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "机关运行经费 ≤ 基本支出表 公用经费合计",
        "机关运行经费是行政单位和参公事业单位的一般公共预算基本支出中的公用经费，一般不应超过公用经费合计。",
        "102.59 ≤ 125.12");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.OperatingCosts is not { } oc) yield break;
        var kind = K(ctx, TableKind.BudgetGeneralBasic, TableKind.FinalGeneralBasic);
        if (TotalOf(ctx, kind, Measure.Public) is not { } pub) yield break;
        var c = Tolerance.AtMost(Wan(oc).Value, Wan(pub.Figure).Value, Tolerance.ScaleOf(new[] { oc, pub.Figure }));
        var f = Judge(ctx, c, "机关运行经费", $"不应超过{pub.Describe()}（应为不超过）", new[] { oc.Source, pub.Figure.Source }, kind, unit: "万元");
        if (f is not null) yield return f;
    }
}
