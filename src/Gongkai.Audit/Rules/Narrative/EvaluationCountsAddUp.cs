using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK442 the 绩效自评 counts of the narrative add up: projects by grade (优/良/中/合格/差…) = the projects evaluated;
/// problems found = 已完成整改 + 正在整改 (domain N16).
/// </summary>
public sealed partial class EvaluationCountsAddUp : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK442", "绩效评级及整改个数之和等于总数", Severity.Warning, Applicability.FinalAccount, RuleCategory.Narrative,
        "同句：Σ 各评级（优、良、中、合格、不合格、差）项目个数 = 自评项目个数；发现问题个数 = 已完成整改个数 + 正在整改个数",
        "评级分布和整改进度是自评结果的分项，分项之和应等于所述总数，否则有项目或问题被漏计或重计。",
        "自评项目 4 个，其中评级为“优”的 3 个、“良”的 0 个（合计 3 个）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.Sentences)
        {
            var t = Whitespace.Squeeze(s.Text);
            if (!t.Contains("评") && !t.Contains("整改")) continue;
            var grades = Grade().Matches(t).Select(m => (m.Groups["g"].Value, N: ScopeWords.Digits(m.Groups["n"].Value))).ToList();
            var total = Total().Match(t);
            if (grades.Count >= 2 && grades.All(g => g.N is not null) && total.Success && grades.Select(g => g.Item1).Distinct().Count() == grades.Count
                && ScopeWords.Digits(total.Groups["n"].Value) is int all && total.Index < Grade().Match(t).Index)
            {
                var sum = grades.Sum(g => g.N!.Value);
                if (sum != all)
                    yield return Report($"情况说明「{Short(t)}」：各评级项目个数之和应等于自评项目 {all} 个，实为 {string.Join(" + ", grades.Select(g => g.N))} = {sum} 个，差额 {sum - all:+0;-0}",
                        new[] { s.Source }, all, sum, "核对自评项目个数和评级分布。");
            }
            var found = Found().Match(t);
            var done = Done().Match(t);
            var ongoing = Ongoing().Match(t);
            if (found.Success && done.Success && ongoing.Success && ScopeWords.Digits(found.Groups["n"].Value) is int f
                && ScopeWords.Digits(done.Groups["n"].Value) is int a && ScopeWords.Digits(ongoing.Groups["n"].Value) is int b && a + b != f)
                yield return Report($"情况说明「{Short(t)}」：发现问题 {f} 个，应等于已完成整改 {a} 个 + 正在整改 {b} 个 = {a + b} 个，差额 {a + b - f:+0;-0}",
                    new[] { s.Source }, f, a + b, "核对问题个数和整改进度。");
        }
    }

    private static string Short(string t) => t.Length > 40 ? t[..40] + "…" : t;

    private const string N = @"(?<n>[0-9０-９]+|[一二三四五六七八九十])";

    [GeneratedRegex(@"(?:评级|评价|等级)?为?[“""「]?(?<g>优秀|良好|优|良|中|合格|不合格|较差|差)[”""」]?(?:等级|级)?的?项目(?:有|共)?" + N + "个")]
    private static partial Regex Grade();

    [GeneratedRegex(@"(?:自评|评价)的?(?:(?:19|20)\d{2}年度?)?项目(?:共有?|合计)?" + N + "个")]
    private static partial Regex Total();

    [GeneratedRegex(@"发现(?:问题|共性问题)(?:共有?|合计)?" + N + "个")]
    private static partial Regex Found();

    [GeneratedRegex(@"(?:已经?|已)?完成整改的?(?:问题)?" + N + "个")]
    private static partial Regex Done();

    [GeneratedRegex(@"正在整改的?(?:问题)?" + N + "个")]
    private static partial Regex Ongoing();
}
