using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK609 一级/二级 indicator names from the allowed sets.</summary>
public sealed partial class IndicatorLevelNames : Rule
{
    [GeneratedRegex("^(数量|质量|时效)指标$")]
    private static partial Regex OutputL2();

    [GeneratedRegex("^(经济效益|社会效益|生态效益|可持续影响)指标$")]
    private static partial Regex BenefitL2();

    public override RuleDescriptor Descriptor { get; } = new(
        "GK609", "一级、二级指标名称规范", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "一级 ∈ {产出, 效益, 成本, 满意度, 决策, 过程, 履职效能, 管理效率, 社会效应…}指标；二级 ∈ {数量, 质量, 时效, 成本, 经济/社会/生态效益, 可持续影响, 服务对象满意度…}指标；数量/质量/时效 ∈ 产出，经济/社会/生态效益、可持续影响 ∈ 效益",
        "绩效指标体系的一、二级指标名称由财政部门统一规定，自拟名称说明指标层级错位或串列。",
        "一级指标写“数量指标”（应为产出指标）");

    private static readonly string[] L1 = { "产出", "效益", "成本", "满意度", "决策", "过程", "履职", "效能", "管理", "效率", "社会效应", "运行", "能力", "效果", "影响" };
    private static readonly string[] L2 = { "数量", "质量", "时效", "成本", "经济", "社会", "生态", "可持续", "满意度", "效益", "履职", "目标", "预算", "管理", "财务", "资产", "人员", "业务", "投入", "执行", "效率", "效果", "公众", "服务对象", "环境", "运行", "能力", "制度", "信息" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var seen = new HashSet<string>();
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            foreach (var (level, name, allowed) in new[] { ("一级", i.Level1, L1), ("二级", i.Level2, L2) })
            {
                var n = Whitespace.Squeeze(name);
                // only names that look like level names; values or shifted cells (=100%, /, 指标1：…) are a recognition matter
                if (!Regex.IsMatch(n, "^[\u4e00-\u9fa5]{2,8}指标$") || L1.Any(n.Contains) || L2.Any(n.Contains) || !seen.Add(level + n)) continue;
                yield return Report($"{table}{level}指标「{n}」不在规定的{level}指标名称中", new[] { i.Source },
                    suggestion: "按财政部门规定的指标体系填写一、二级指标。");
            }
            // a 二级 of one 一级 family under another standard 一级 (数量指标 under 效益指标, 社会效益指标 under 产出指标);
            // 满意度 under 效益 is the older national system and not reported
            var l1 = Whitespace.Squeeze(i.Level1);
            var l2 = Whitespace.Squeeze(i.Level2);
            var family = OutputL2().IsMatch(l2) ? "产出指标" : BenefitL2().IsMatch(l2) ? "效益指标" : null;
            if (family is not null && l1 is "产出指标" or "效益指标" or "满意度指标" && l1 != family && seen.Add("pair" + l1 + l2))
                yield return Report($"{table}二级指标「{l2}」应属一级指标“{family}”，实列在“{l1}”下", new[] { i.Source },
                    suggestion: $"将“{l2}”移到“{family}”下，或更正一级指标。");
        }
    }
}
