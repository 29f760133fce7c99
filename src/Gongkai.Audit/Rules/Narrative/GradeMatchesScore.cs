using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK426 a 绩效 grade that does not fit the score the same sentence gives: 优 ≥ 90, 良 80–90, 中 60–80, 差 &lt; 60
/// (the national grading of 绩效自评 and 绩效评价). Only the four-step grade words are read; 合格/不合格 scales differ
/// between regions and are left.
/// </summary>
public sealed partial class GradeMatchesScore : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK426", "评价等级与得分相符", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "同一句的得分 S 分与等级：优（优秀）S ≥ 90，良（良好）80 ≤ S < 90，中（中等）60 ≤ S < 80，差（较差）S < 60",
        "绩效自评和评价按百分制打分，90 分（含）以上为优、80（含）至 90 分为良、60（含）至 80 分为中、60 分以下为差；等级与得分不符，其中必有一处写错。",
        "“整体绩效自评得分 86.5 分，评价等级为优”");

    [GeneratedRegex(@"(?:得分|总分|评分|分数)(?:为|是|：|:)?(?<s>\d{1,3}(?:\.\d+)?)分")]
    private static partial Regex Score();

    [GeneratedRegex(@"(?:等级|等次|评级|评价结果|结果)(?:为|是|：|:|评定为|评为)?[“""「『]?(?<g>优秀|良好|中等|较差|优|良|中|差)(?=[”""」』，,。；;、）)]|等|级|$)")]
    private static partial Regex Grade();

    private static (decimal Min, decimal Max)? Band(string g) => g switch
    {
        "优" or "优秀" => (90m, 100m),
        "良" or "良好" => (80m, 90m),
        "中" or "中等" => (60m, 80m),
        "差" or "较差" => (0m, 60m),
        _ => null,
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var t = Whitespace.Squeeze(item.Text);
            var scores = Score().Matches(t).ToList();
            if (scores.Count == 0) continue;
            foreach (Match g in Grade().Matches(t))
            {
                var s = scores.LastOrDefault(m => m.Index < g.Index);
                if (s is null || g.Index - (s.Index + s.Length) > 30) continue;
                // another clause with its own subject between the score and the grade (“…95分，项目自评等级为良”) is not read
                var between = t[(s.Index + s.Length)..g.Index];
                if (between.Contains('；') || between.Contains('。') || between.Contains("项目") || between.Contains("整体")) continue;
                var score = decimal.Parse(s.Groups["s"].Value, CultureInfo.InvariantCulture);
                if (score > 100m || Band(g.Groups["g"].Value) is not { } band) continue;
                bool ok = band.Min == 90m ? score >= 90m : band.Min == 0m ? score < 60m : score >= band.Min && score < band.Max;
                if (ok) continue;
                yield return Report($"{item.Where}「{Excerpt(t, s.Index, g.Index + g.Length - s.Index)}」：得分 {s.Groups["s"].Value} 分" +
                                    $"对应的等级应为“{(score >= 90m ? "优" : score >= 80m ? "良" : score >= 60m ? "中" : "差")}”，文中为“{g.Groups["g"].Value}”",
                    new[] { item.Source }, found: score, suggestion: "核对得分与评价等级。");
            }
        }
    }
}
