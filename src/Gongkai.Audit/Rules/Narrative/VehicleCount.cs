using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK416 the narrative vehicle count equals the asset/statistics table.</summary>
public sealed class VehicleCount : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK416", "车辆数与表格一致", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "叙述“共有车辆 N 辆” = 资产表车辆数合计；“公务用车保有量 N 辆” = 机构运行信息表公务用车保有量",
        "情况说明中的车辆总数应与资产表或机构运行信息表一致（计数无尾差）。",
        "说明写车辆 3 辆，资产表车辆合计 2 辆");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        // two different counts: all vehicles (资产 车辆数合计) and official cars kept (三公 公务用车保有量)
        var all = d.Assets?.VehicleCount;
        var official = d.ThreePublic?.Statistics.FirstOrDefault(kv => kv.Key.Contains("保有")).Value;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Count && (c.Subject.EndsWith("车辆") || c.Subject.Contains("保有"))))
        {
            var n = c.Counts.FirstOrDefault(x => x.Word == "辆");
            if (n.Word is null) continue;
            var table = c.Subject.Contains("保有") || c.Subject.Contains("公务用车") ? official : all ?? official;
            if (table is not { IsNumber: true }) continue;
            if (n.Value == table.Value) continue;
            yield return Report($"情况说明{Quote(c)}：车辆数应为 {table.Value:0} 辆（表格），实为 {n.Value:0} 辆，差额 {n.Value - table.Value:+0;-0} 辆",
                new[] { c.Source, table.Source }, table.Value, n.Value, "核对车辆数。");
        }
    }
}
