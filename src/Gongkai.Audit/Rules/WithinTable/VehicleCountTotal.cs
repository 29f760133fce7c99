using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

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
