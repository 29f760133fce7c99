using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.More;

/// <summary>GK708 a column header names a year other than the document's (000: "2021年基本支出" in a 2022 budget).</summary>
public sealed partial class ColumnHeaderYear : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK708", "表头年份与文件年度一致", Severity.Error, Applicability.Both, RuleCategory.Text,
        "表头“YYYY年…数/支出”中的 YYYY = 文件年度（标明上年/前年的列除外）",
        "套用上年表格未改表头，读者会以为表中是上年的数据。",
        "2022 年预算的基本支出表表头为“2021年基本支出”");

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex Year();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Year is not int year) yield break;
        foreach (var t in ctx.Disclosure.Tables)
        {
            var seen = new HashSet<string>();
            // a two-year table prints the comparison year next to the document year (2025年预算数 | 2026年预算数):
            // an earlier year is then the comparison column, not a header left unchanged
            bool hasOwnYear = t.Columns.Any(c => Year().Matches(c.Header).Any(m => int.Parse(m.Groups[1].Value) == year));
            foreach (var c in t.Columns)
            {
                if (c.Header.Contains("上年") || c.Header.Contains("前年") || c.Header.Contains("去年") || c.Header.Contains("结转")) continue;
                foreach (Match m in Year().Matches(c.Header))
                {
                    var y = int.Parse(m.Groups[1].Value);
                    if (y == year || (hasOwnYear && y < year && y >= year - 2) || !seen.Add(m.Value)) continue;
                    yield return Report($"{t.Kind.Describe()}表头「{c.Header}」年份应为 {year}，实为 {y}，相差 {y - year:+0;-0} 年",
                        new[] { t.Source }, year, y, "更正表头年份。", t.Kind);
                }
            }
        }
    }
}

/// <summary>GK709 the 截至 dates of the document differ.</summary>
public sealed partial class CutOffDates : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK709", "截至日期前后一致", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "文中所有“截至 YYYY年M月D日”相同；资产情况的截至年份 ≥ 决算年度 Y（预算：≥ Y − 1）",
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
        }
        if (dates.Count < 2) yield break;
        var first = dates[0];
        foreach (var d in dates.Skip(1).Where(d => d.Date != first.Date).DistinctBy(d => d.Date))
            yield return Report($"截至日期应与前文一致（{first.Date}），实为 {d.Date}", new[] { d.s.Source, first.s.Source },
                suggestion: "统一截至日期。");
    }
}

/// <summary>GK710 the stated reason says the opposite of the stated direction (提示).</summary>
public sealed partial class ReasonContradictsDirection : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK710", "增减原因与增减方向相符", Severity.Info, Applicability.Both, RuleCategory.Text,
        "增加的原因不只写“减少/压减/下降”；减少的原因不只写“增加/新增/上升”",
        "原因与方向相反，多半是复制了另一项的原因；原因措辞多样，只作提示。",
        "“比上年增加 5 万元，主要原因是压减会议费”");

    [GeneratedRegex("减少|压减|压缩|下降|缩减|降低|取消")]
    private static partial Regex Down();

    [GeneratedRegex("增加|新增|增长|上升|提高|增设|扩大")]
    private static partial Regex Up();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in ctx.Disclosure.Claims.Where(c => c.Reason is { Length: > 0 } && c.Direction is ChangeDirection.Increase or ChangeDirection.Decrease))
        {
            var up = Up().IsMatch(c.Reason!);
            var down = Down().IsMatch(c.Reason!);
            if (c.Direction == ChangeDirection.Increase ? !(down && !up) : !(up && !down)) continue;
            yield return Report($"「{c.Subject}」{(c.Direction == ChangeDirection.Increase ? "增加" : "减少")}，所述原因却是「{c.Reason}」，方向相反",
                new[] { c.Source }, suggestion: "核对原因说明。");
        }
    }
}
