using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK508 a 部门经济分类 code reported under a 政府经济分类 code the mapping does not allow.</summary>
public sealed class EconomicPairAllowed : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK508", "部门经济分类与政府经济分类对应关系正确", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "(部门编码, 政府编码) ∈ 部门→政府经济分类对照表；对照表未核实的只作提示",
        "同一笔支出按部门经济分类和政府经济分类各列一次，两者须符合财政部的对照关系。仅在提供科目表且对照表含该部门编码时检查。",
        "30101 基本工资 对应 50201 办公经费");

    /// <summary>Which payer a 政府经济分类 code is for: 机关 (501–504), 事业单位 (505–506), or the code's class otherwise.</summary>
    internal static string PayerGroup(string governmentCode) =>
        governmentCode.Length < 3 ? governmentCode
        : governmentCode[..3] switch { "501" or "502" or "503" or "504" => "机关", "505" or "506" => "事业单位", var c => c };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Catalog is not { } catalog) yield break;
        foreach (var t in ctx.Disclosure.Tables)
            foreach (var r in t.Rows)
            {
                if (r.Code is not { Scheme: CodeScheme.DepartmentEconomic } dc || r.PairedCode is not { Scheme: CodeScheme.GovernmentEconomic } gc) continue;
                if (catalog.IsPairAllowed(dc.Value, gc.Value) is not false) continue;
                var allowed = catalog.Catalog?.GovernmentCodesFor(dc.Value).Select(m => m.GovernmentCode.Value).Distinct().ToList() ?? new();
                var f = Report($"{t.Kind.Describe()}「{r.Name()}」对应政府经济分类应为 {string.Join("/", allowed)}，实为 {gc.Value} {r.PairedLabel}",
                    new[] { r.Source }, suggestion: "按部门→政府经济分类对照表更正政府经济分类编码。", table: t.Kind);
                // the pairing depends on who pays (机关: 501–504, 事业单位: 505–506); a mapping that holds no verified row for
                // the payer the printed code belongs to cannot judge it
                var payer = PayerGroup(gc.Value);
                var verified = catalog.Catalog?.GovernmentCodesFor(dc.Value).Any(m => m.Verified && PayerGroup(m.GovernmentCode.Value) == payer) ?? false;
                yield return verified ? f : Soften(f, Severity.Info);
            }
    }
}
