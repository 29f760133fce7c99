using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK620 a rate indicator (…率, …满意度) whose value or unit is not a percentage.</summary>
public sealed class RateIndicatorUnit : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK620", "比率类指标的值或单位不是百分比", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "三级指标名称以“率”结尾 → 计量单位应为 % / 百分数 / 百分比，指标值不应是年份；以“满意度”结尾 → 计量单位不应是货币（元、万元）；绩效目标表和自评表都查",
        "比率类指标（到位率、覆盖率、救助率……）以百分比衡量；单位写成人次、年，或指标值填了年份，说明指标填错列或照抄了模板。" +
        "满意度也可以用“分”计，但不会以元或万元计。",
        "居民医疗县级财政补助到位率：指标值 2021，单位 年；群众满意度 ≥ 90，单位 元");

    private static readonly string[] PercentUnits = { "%", "％", "百分数", "百分比", "百分率", "‰", "‱", "千分比", "千分率", "万分比", "万分率" };
    private static readonly string[] NotRates = { "效率", "频率", "税率", "汇率", "利率", "功率" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var name = i.Name.Trim();
            var unit = i.Unit.Trim();
            bool rate = name.EndsWith('率') && !NotRates.Any(n => name.EndsWith(n, StringComparison.Ordinal));
            // a 满意度 may be scored (分) or counted, but never in money
            bool satisfaction = name.EndsWith("满意度", StringComparison.Ordinal);
            if (!rate && !satisfaction) continue;
            bool yearValue = rate && i.Target is decimal t && t >= 2000 && t <= 2100 && t == decimal.Truncate(t);
            bool badUnit = rate
                ? unit.Length > 0 && !PercentUnits.Any(u => unit.Contains(u, StringComparison.Ordinal)) && !unit.StartsWith("百分之", StringComparison.Ordinal)
                : unit is "元" or "万元" or "千元" or "亿元";
            if (!yearValue && !badUnit) continue;
            var what = yearValue ? $"指标值 {i.TargetText} 是一个年份" : $"计量单位为“{unit}”";
            yield return Report($"{table}指标“{name}”是{(rate ? "比率" : "满意度")}，但{what}",
                new[] { i.Figures.TryGetValue("Target", out var f) ? f.Source : i.Source },
                found: i.Target, suggestion: "比率类指标以百分比填写指标值和单位，或改用与单位相符的指标名称。");
        }
    }
}
