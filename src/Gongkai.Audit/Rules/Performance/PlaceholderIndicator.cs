using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK616 placeholder indicators left in (指标1：, empty names with values).</summary>
public sealed class PlaceholderIndicator : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK616", "绩效指标不应留模板占位", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "绩效表中没有未填写的模板行（“指标1：”“指标2：XX”“……”），三级、二级指标栏不为这类空占位；每张表一条（“指标1：评审次数”这类带内容的编号指标不算）",
        "模板占位行未删除或未填写，说明绩效目标表没有认真编制。",
        "三级指标“指标1：”，指标值空白");

    internal static bool IsPlaceholder(string text) =>
        Regex.IsMatch(text, @"^指标\s*\d*\s*[:：]?\s*(X+|x+|×+|…+|\.{2,}|[(（]?[待请]填[写报]?[)）]?)?$");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // unfilled template rows the reader skipped: one finding per table, however many rows were left
        var seen = new HashSet<string>();
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => p.PlaceholderRows.Count > 0))
        {
            var table = Perf.Name(p.IsOverall, p.ProjectName);
            if (!seen.Add(table)) continue;
            var sample = p.PlaceholderRows[0].Text.Split(['\t', ' ', '|'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "指标1：";
            yield return Report($"{table}未填写的模板占位行应删除或填写（应为 0 行，实为 {p.PlaceholderRows.Count} 行，如「{sample}」）",
                p.PlaceholderRows.Take(5).Select(x => (Provenance?)x), 0m, p.PlaceholderRows.Count, "删除未填写的占位行，或补填指标。");
        }
        // an indicator read with a placeholder name; a numbered indicator with content (指标1：评审次数) is filled in
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var n = i.Name.Trim();
            var l2 = i.Level2.Trim();
            var hit = IsPlaceholder(n) ? n : IsPlaceholder(l2) && Regex.IsMatch(l2, @"^指标\s*\d") ? l2 : null;
            if (hit is null || !seen.Add(table)) continue;
            yield return Report($"{table}指标留有模板占位「{hit}」，应填写实际指标", new[] { i.Source },
                suggestion: "填写指标或删除占位行。");
        }
    }
}
