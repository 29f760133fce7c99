using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK510 a 部门/政府 economic pair whose levels differ (类 paired with 款).</summary>
public sealed class EconomicPairLevel : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK510", "经济分类对应编码级次一致", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "部门经济分类编码位数 = 对应政府经济分类编码位数（类对类、款对款）",
        "并列的部门、政府经济分类应在同一级次对应；类级与款级错配说明串行或漏列。",
        "301 工资福利支出 对应 50101 工资奖金津补贴");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Disclosure.Tables)
            foreach (var r in t.Rows)
                if (r.Code is { Scheme: CodeScheme.DepartmentEconomic } dc && r.PairedCode is { Scheme: CodeScheme.GovernmentEconomic } gc
                    && dc.Value.Length != gc.Value.Length)
                    yield return Report($"{t.Kind.Describe()}「{r.Name()}」对应的政府经济分类 {gc.Value} 应为 {dc.Value.Length} 位，实为 {gc.Value.Length} 位",
                        new[] { r.Source }, dc.Value.Length, gc.Value.Length, "核对并列的政府经济分类编码是否串行。", t.Kind);
    }
}
