using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK619 a project target without 产出 or 效益 indicators.</summary>
public sealed class TargetHasOutputAndOutcome : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK619", "项目绩效目标含产出和效益指标", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "项目绩效目标表至少各有一个产出指标和效益指标",
        "绩效目标须同时说明做什么（产出）和达到什么效果（效益），缺一类目标就不完整。",
        "项目只列了产出指标");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // a table continued over pages may be read as several pieces with the same name: judge the project as a whole
        foreach (var piece in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall).GroupBy(p => p.ProjectName))
        {
            var p = piece.First();
            var indicators = piece.SelectMany(x => x.Indicators).ToList();
            if (indicators.Count == 0 || !indicators.All(i => Regex.IsMatch(i.Level1, "^(产出|效益|成本|满意度)指标$"))) continue;
            var missing = new[] { "产出", "效益" }.Where(w => !indicators.Any(i => i.Level1.Contains(w))).ToList();
            if (missing.Count == 0) continue;
            yield return Report($"{Perf.Name(false, p.ProjectName)}缺少{string.Join("、", missing)}指标（应至少各 1 个，实为 0 个）",
                new[] { p.Source }, 1m, 0m, "补充缺少的一级指标。");
        }
    }
}
