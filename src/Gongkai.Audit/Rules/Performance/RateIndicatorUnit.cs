using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK620 a rate indicator (…率) whose value or unit is not a percentage.</summary>
public sealed class RateIndicatorUnit : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK620", "比率类指标的值或单位不是百分比", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "三级指标名称以“率”结尾 → 计量单位应为 % / 百分数 / 百分比，指标值不应是年份",
        "比率类指标（到位率、覆盖率、救助率……）以百分比衡量；单位写成人次、年，或指标值填了年份，说明指标填错列或照抄了模板。",
        "居民医疗县级财政补助到位率：指标值 2021，单位 年");

    private static readonly string[] PercentUnits = { "%", "％", "百分数", "百分比", "百分率", "‰", "‱", "千分比", "千分率", "万分比", "万分率" };
    private static readonly string[] NotRates = { "效率", "频率", "税率", "汇率", "利率", "功率" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets)
            foreach (var i in p.Indicators)
            {
                var name = i.Name.Trim();
                if (!name.EndsWith('率') || NotRates.Any(n => name.EndsWith(n, StringComparison.Ordinal))) continue;
                var unit = i.Unit.Trim();
                bool yearValue = i.Target is decimal t && t >= 2000 && t <= 2100 && t == decimal.Truncate(t);
                bool badUnit = unit.Length > 0 && !PercentUnits.Any(u => unit.Contains(u, StringComparison.Ordinal)) && !unit.StartsWith("百分之", StringComparison.Ordinal);
                if (!yearValue && !badUnit) continue;
                var what = yearValue ? $"指标值 {i.TargetText} 是一个年份" : $"计量单位为“{unit}”";
                yield return Report($"{(p.IsOverall ? "整体绩效" : "项目“" + p.ProjectName + "”")}指标“{name}”是比率，但{what}",
                    new[] { i.Figures.TryGetValue("Target", out var f) ? f.Source : i.Source },
                    found: i.Target, suggestion: "比率类指标以百分比填写指标值和单位，或改用与单位相符的指标名称。");
            }
    }
}
