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

/// <summary>GK232 车辆数合计 = Σ 各类车辆 (Q15, N15).</summary>
public sealed class VehicleCountTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK232", "车辆总数等于各类车辆之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "车辆数合计 = Σ 各类型车辆数",
        "资产信息中车辆总数应等于按用途分类的各类车辆数之和；车辆数是整数，不存在尾差。",
        "共有车辆 1 辆 = 应急保障用车 1 辆");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Assets is not { VehicleCount: { } total } a || a.VehiclesByType.Count == 0) yield break;
        var sum = a.VehiclesByType.Values.Sum(v => v.Value);
        if (sum == total.Value) yield break;
        yield return Report($"资产信息：车辆数合计应等于各类车辆之和 {Tolerance.Format(sum)} 辆，实为 {Tolerance.Format(total.Value)} 辆，" +
                            $"差额 {Tolerance.FormatSigned(total.Value - sum)} 辆",
            new[] { total.Source }.Concat(a.VehiclesByType.Values.Select(v => v.Source)), sum, total.Value, table: TableKind.Assets);
    }
}
