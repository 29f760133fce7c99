using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

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
