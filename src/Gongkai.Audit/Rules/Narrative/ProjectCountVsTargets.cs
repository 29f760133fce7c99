using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK417 the number of projects said to have 绩效目标 equals the number of project 绩效 tables.</summary>
public sealed class ProjectCountVsTargets : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK417", "绩效项目个数与绩效表数一致", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "绩效段落所称项目个数 = 项目绩效目标表（或自评表）张数",
        "说明称 N 个项目编制了绩效目标（或开展了自评），公开的项目绩效表应有 N 张。",
        "说明写 16 个项目，公开项目绩效目标表 15 张");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var tables = d.Kind == DocumentKind.FinalAccount ? d.SelfEvaluations.Count(s => !s.IsOverall) : d.PerformanceTargets.Count(p => !p.IsOverall);
        if (tables == 0) yield break;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Count && c.Sentence.Contains("绩效")
            // “对部门整体支出和 4 个项目开展了绩效自评”: the counted word names the projects; a count of projects chosen
            // for a 重点绩效评价 (“拟对…等1个项目开展部门重点绩效评价”) is not the number of target or 自评 tables
            && (c.Subject.Contains("项目") || (c.Counts.Any(x => x.Word.Contains("项目")) && Regex.IsMatch(c.Sentence, "自评|绩效目标") && !c.Sentence.Contains("评价")))))
        {
            var n = c.Counts.FirstOrDefault(x => x.Word is "个" or "项" or "个项目" or "项项目");
            if (n.Word is null || n.Value == tables) continue;
            // "一级项目 10 个": the tables may be published per 二级 project — fewer 一级 projects than tables is no contradiction
            if (n.Value < tables && c.Sentence.Contains("一级")) continue;
            yield return Report($"情况说明{Quote(c)}：项目个数应为 {tables} 个（公开的项目绩效表张数），实为 {n.Value:0} 个，差额 {n.Value - tables:+0;-0}",
                new[] { c.Source }, tables, n.Value, "核对项目个数或补齐绩效表。");
        }
    }
}
