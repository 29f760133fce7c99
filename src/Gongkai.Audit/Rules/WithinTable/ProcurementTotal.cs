using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>GK230 政府采购 合计 = 货物 + 工程 + 服务 (P17, Q15, N14).</summary>
public sealed class ProcurementTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK230", "政府采购合计等于货物、工程、服务之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "政府采购合计 = 货物 + 工程 + 服务",
        "政府采购总额应等于货物、工程、服务三类采购金额之和。",
        "251.25 = 4.79 + 0 + 246.47（差 0.01 为尾差）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Procurement is not { Total: { } total } p) yield break;
        var parts = new[] { p.Goods, p.Works, p.Services };
        if (parts.All(x => x is null)) yield break;
        var f = Judge(ctx, Tolerance.Sum(total, parts), "政府采购", "合计应等于货物 + 工程 + 服务",
            new[] { total.Source }.Concat(parts.Select(x => x?.Source)), TableKind.Procurement);
        if (f is not null) yield return f;
    }
}
