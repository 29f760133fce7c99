using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Tables;

namespace Gongkai.Recognition;

/// <summary>Document kind, year, department, regional profile, units and staffing.</summary>
public static partial class MetadataRecognizer
{
    public static void Recognize(SourceDocument doc, Disclosure d)
    {
        var texts = doc.Texts.Take(12).ToList();
        for (int i = 0; i < texts.Count; i++)
        {
            var t = texts[i].Text.Trim();
            var c = TextNormalizer.Compact(t);
            if (c.Contains("目录")) continue;
            var m = TitleRegex().Match(c);
            if (!m.Success) continue;
            d.Year = int.Parse(m.Groups["year"].Value);
            d.Kind = m.Groups["kind"].Value.Contains("决算") ? DocumentKind.FinalAccount : DocumentKind.Budget;
            var name = m.Groups["name"].Value;
            if (name.Length < 2 && i > 0) name = TextNormalizer.Compact(texts[i - 1].Text);
            d.DepartmentName = name.Length >= 2 ? name : null;
            d.Title = (i > 0 && m.Groups["name"].Value.Length < 2 ? texts[i - 1].Text.Trim() + " " : "") + t;
            break;
        }
        if (d.DepartmentName is string dn)
            d.Scope = dn.EndsWith("本级", StringComparison.Ordinal) || dn.Contains("单位") && !dn.Contains("部门") ? DocumentScope.Unit : DocumentScope.Department;
        // "…2024年单位预算" / "…单位决算": a 单位 document whatever its name
        if (d.Title is string title && UnitTitleRegex().IsMatch(TextNormalizer.Compact(title))) d.Scope = DocumentScope.Unit;
        d.Profile = GuessProfile(doc, d);
        Staffing(doc, d);
    }

    /// <summary>
    /// A blank template: the department is a placeholder (XX局, ×× 单位) or the tables carry no figure at all while the
    /// text is full of placeholders (XX, XXX, ××).
    /// </summary>
    public static bool LooksLikeBlankTemplate(Disclosure d)
    {
        var name = d.DepartmentName ?? "";
        bool placeholderName = name.Contains("XX", StringComparison.OrdinalIgnoreCase) || name.Contains("××", StringComparison.Ordinal) || name.Contains("xx", StringComparison.Ordinal);
        var tables = d.Tables.Where(t => t.Kind != TableKind.Unknown && t.HasGrid).ToList();
        bool noFigures = tables.Count > 0 && tables.All(t => t.IsEmpty);
        int placeholders = d.Sentences.Count(s => s.Text.Contains("XX", StringComparison.Ordinal) || s.Text.Contains("××", StringComparison.Ordinal));
        return placeholderName && (noFigures || placeholders >= 3) || noFigures && placeholders >= 10;
    }

    [GeneratedRegex(@"(?:19|20)\d\d年度?单位(?:预算|决算)")]
    private static partial Regex UnitTitleRegex();

    [GeneratedRegex(@"^(?<name>.*?)(?<year>20\d\d)年度?(?<kind>部门综合预算|部门预算|部门决算|单位预算|单位决算|预算|决算)")]
    private static partial Regex TitleRegex();

    private static RegionProfile GuessProfile(SourceDocument doc, Disclosure d)
    {
        var head = string.Join("", doc.Texts.Take(20).Select(t => t.Text));
        var all = string.Join("", doc.Texts.Select(t => t.Text));
        var name = d.DepartmentName ?? "";
        if (name.Contains("重庆") || head.Contains("重庆")) return RegionProfile.Chongqing;
        if (name.Contains("上海") || head.Contains("上海")) return RegionProfile.Shanghai;
        if (name.Contains("江苏") || head.Contains("江苏")) return RegionProfile.Jiangsu;
        if (name.Contains("西安") || name.Contains("陕西") || head.Contains("陕西") || head.Contains("部门综合预算")) return RegionProfile.Shaanxi;
        if (name.Contains("武汉") || name.Contains("湖北") || head.Contains("武汉") || head.Contains("湖北") || all.Contains("武汉市")) return RegionProfile.Hubei;
        if (name.Contains("河北") || head.Contains("河北") || head.Contains("廊坊")) return RegionProfile.Hebei;
        return RegionProfile.National;
    }

    /// <summary>编制 and 实有 counts stated in the 概况 ("行政编制 8 名", "实有人员 18 人，其中行政 9 人、事业 9 人").</summary>
    private static void Staffing(SourceDocument doc, Disclosure d)
    {
        foreach (var t in doc.Texts)
        {
            var s = Numbers.ToHalfWidth(t.Text);
            if (!s.Contains("编制") && !s.Contains("实有")) continue;
            foreach (Match m in AuthorizedRegex().Matches(s))
                d.Staffing.Add(new StaffingEntry(m.Groups["cat"].Value.Length > 0 ? m.Groups["cat"].Value + "编制" : "编制",
                    decimal.Parse(m.Groups["n"].Value), null, t.Source with { Text = m.Value }));
            foreach (Match m in ActualRegex().Matches(s))
                d.Staffing.Add(new StaffingEntry("实有", null, decimal.Parse(m.Groups["n"].Value), t.Source with { Text = m.Value }));
        }
    }

    [GeneratedRegex(@"(?<cat>行政|事业|参公|机关)?编制\s*(?<n>\d+)\s*[名人]")]
    private static partial Regex AuthorizedRegex();

    [GeneratedRegex(@"实有(?:工作人员|人员|人数|数)?\s*(?<n>\d+)\s*[名人]")]
    private static partial Regex ActualRegex();
}
