using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK709 the 截至 dates of the document differ.</summary>
public sealed partial class CutOffDates : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK709", "截至日期前后一致", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "文中所有“截至 YYYY年M月D日”相同；资产情况的截至年份 ≥ 决算年度 Y（预算：≥ Y − 1），截至日期 ≤ 公开时间（预算：Y年6月30日；决算：Y+1年12月31日）",
        "资产、人员等统计的截止日期前后不一，数字之间就无法比较。",
        "一处“截至2023年12月31日”，另一处“截至2022年12月31日”");

    [GeneratedRegex(@"截[至止]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex Date();

    [GeneratedRegex("资产|车辆|房屋|设备")]
    private static partial Regex AssetWords();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var dates = ctx.Disclosure.Sentences.SelectMany(s => Date().Matches(s.Text).Select(m => (Date: $"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value):00}-{int.Parse(m.Groups[3].Value):00}", s))).ToList();
        // the 资产 statement of a 决算 counts at the end of the year reported (of a 预算, at the end of the year before
        // or later): a date before that is last year's figure left in
        if (ctx.Disclosure.Year is int y)
        {
            var latest = ctx.Disclosure.Kind == DocumentKind.FinalAccount ? y : y - 1;
            foreach (var d in dates.Where(d => int.Parse(d.Date[..4]) < latest && AssetWords().IsMatch(d.s.Text)).DistinctBy(d => d.Date))
                yield return Report($"资产情况的截至日期应不早于 {latest} 年末，实为 {d.Date}（{(latest == y ? "决算年度" : "预算年度的上一年")}）", new[] { d.s.Source },
                    latest, int.Parse(d.Date[..4]), "更新截至日期及相应的资产数据。");
            // nor after the document can have been published: a 预算 of Y is published in the first half of Y, a 决算 of Y
            // within Y + 1 ("截至2026年12月31日" in a 2026 预算 is a date still to come)
            var last = ctx.Disclosure.Kind == DocumentKind.FinalAccount ? $"{y + 1}-12-31" : $"{y}-06-30";
            foreach (var d in dates.Where(d => string.CompareOrdinal(d.Date, last) > 0 && AssetWords().IsMatch(d.s.Text)).DistinctBy(d => d.Date))
                yield return Report($"资产情况的截至日期不应晚于文件公开的时间（{(latest == y ? "决算公开于次年" : "预算公开于当年上半年")}，不晚于 {last}），实为 {d.Date}", new[] { d.s.Source },
                    suggestion: "核对截至日期的年份（多为上一年年末）。");
        }
        if (dates.Count < 2) yield break;
        var first = dates[0];
        foreach (var d in dates.Skip(1).Where(d => d.Date != first.Date).DistinctBy(d => d.Date))
            yield return Report($"截至日期应与前文一致（{first.Date}），实为 {d.Date}", new[] { d.s.Source, first.s.Source },
                suggestion: "统一截至日期。");
    }
}
