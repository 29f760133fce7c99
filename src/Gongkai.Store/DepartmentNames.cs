using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Store;

/// <summary>
/// The name a department is filed under, from the name the recognizer read. A document is only filed under a name
/// that has the form of a Chinese government body — Chinese characters ending in the word for an organ (局, 委员会,
/// 厅, 办公室, 中心 …); a section heading (第二部分), a table-of-contents line, a placeholder (XX局) or a number is no
/// name, and the document waits for details instead of being filed under a guess. Qualifiers that do not change
/// which body it is — a trailing （汇总）/（本级） or the word 部门 after the organ — are dropped so the same body matches
/// across years.
/// </summary>
public static partial class DepartmentNames
{
    private static readonly string[] OrganEndings =
    [
        "局", "委员会", "委", "会", "厅", "办公室", "办", "室", "院", "中心", "部", "署", "馆", "站", "所", "队", "处",
        "校", "学", "社", "府", "团", "宫", "台", "狱", "司", "联", "协", "盟", "园", "库", "场", "科", "组",
    ];

    [GeneratedRegex(@"[（(][^（()）]*[)）]$")]
    private static partial Regex TrailingParenthetical();

    [GeneratedRegex(@"^第[一二三四五六七八九十0-9]+(部分|章|节|篇)")]
    private static partial Regex SectionHeading();

    /// <summary>The name to file under, or null when the text is not a department's name.</summary>
    public static string? Clean(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        var sb = new StringBuilder(printed.Length);
        foreach (var ch in printed) if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        var name = sb.ToString();
        if (name.Length > 60 || name.Contains("..") || name.Contains('…') || name.Contains('·') && name.Count(c => c == '·') > 2) return null;
        if (SectionHeading().IsMatch(name)) return null;
        while (TrailingParenthetical().Match(name) is { Success: true } m && m.Index > 0) name = name[..m.Index];
        foreach (var word in new[] { "部门", "单位" })
            if (name.Length > word.Length + 1 && name.EndsWith(word, StringComparison.Ordinal) && EndsWithOrgan(name[..^word.Length]))
                name = name[..^word.Length];
        if (name.Any(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '０' and <= '９' or >= 'Ａ' and <= 'ｚ')) return null;
        if (name.Count(c => c is >= '\u4e00' and <= '\u9fff') < 3 || !EndsWithOrgan(name)) return null;
        return name;
    }

    private static bool EndsWithOrgan(string name) => OrganEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal));
}
