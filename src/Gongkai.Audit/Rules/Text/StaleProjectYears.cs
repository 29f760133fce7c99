using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK711 a project table prints years that do not belong to the budget year.</summary>
public sealed class StaleProjectYears : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK711", "项目表中的年度与预算年度不符", Severity.Warning, Applicability.Budget, RuleCategory.Text,
        "项目年度/起始年度/终止年度/“YYYY年预算申报” = 文档年度 Y；“前两年预算”只应涉及 Y−2、Y−1",
        "绩效目标申报表常沿用上一年的表格，年度栏和“前两年预算情况”未随之更新，说明表格内容可能也未更新。",
        "2023 年预算的项目表写“起始年度 2022年1月”，前两年情况写 2020、2021 年");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (d.Year is not int y) yield break;
        foreach (var p in d.PerformanceTargets)
        {
            var seen = new HashSet<(string, int)>();
            foreach (var m in p.YearMentions)
            {
                bool wrong = m.IsCurrent ? m.Year != y : m.Year < y - 2 || m.Year >= y;
                if (!wrong || !seen.Add((m.Label, m.Year))) continue;
                yield return m.IsCurrent
                    ? Report($"项目“{p.ProjectName}”的“{m.Label}”为 {m.Year} 年，与 {y} 年预算不符", new[] { m.Source },
                        y, m.Year, suggestion: $"改为 {y} 年，并核对该表其余内容是否沿用了旧表。")
                    : Report($"项目“{p.ProjectName}”的“{m.Label}”写到 {m.Year} 年；{y} 年预算的前两年应为 {y - 2}、{y - 1} 年", new[] { m.Source },
                        y - 2, m.Year, suggestion: $"按 {y - 2}、{y - 1} 年的预算和执行情况更新。");
            }
        }
    }
}
