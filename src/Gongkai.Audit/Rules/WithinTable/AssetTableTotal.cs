using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>GK233 固定资产占用情况表 资产总额 = 房屋 + 车辆 + 设备 + 其他固定资产 (value column; HB22B §2.4).</summary>
public sealed partial class AssetTableTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK233", "资产总额等于各类固定资产价值之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "资产总额 = Σ 编号行（房屋 + 车辆 + 单价 N 万元以上设备 + 其他固定资产）的价值",
        "固定资产占用情况表的资产总额应等于各类固定资产的价值之和；“其中”行（办公用房）是房屋的一部分，不另计。",
        "98.452062 = 0 + 31.72 + 0 + 66.732062");

    [GeneratedRegex(@"^\d+[、.．]")]
    private static partial Regex Numbered();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableKind.Assets))
        {
            if (t.TotalRow?[Measure.Amount] is not { IsNumber: true } total) continue;
            var parts = t.Rows.Where(r => !r.IsTotal && Numbered().IsMatch(r.Label.Trim())).Select(r => r[Measure.Amount]).ToList();
            if (parts.Count < 2 || parts.All(p => p is null)) continue;
            var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()} 资产总额", $"应等于 {parts.Count} 类固定资产的价值之和",
                new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind, "核对各类固定资产的价值和资产总额。");
            if (f is not null) yield return f;
        }
    }
}
