using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>Indicators of every 绩效目标 and 自评 table, with the table's name.</summary>
internal static class Perf
{
    public static IEnumerable<(string Table, bool Overall, Indicator Indicator)> Indicators(AuditContext ctx) =>
        ctx.Disclosure.PerformanceTargets.SelectMany(p => p.Indicators.Select(i => (Name(p.IsOverall, p.ProjectName), p.IsOverall, i)))
            .Concat(ctx.Disclosure.SelfEvaluations.SelectMany(s => s.Indicators.Select(i => (Name(s.IsOverall, s.ProjectName), s.IsOverall, i))));

    public static string Name(bool overall, string project) => overall ? "部门整体绩效表" : $"项目绩效表「{project}」";
}
