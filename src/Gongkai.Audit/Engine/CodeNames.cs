using System.Text.RegularExpressions;
using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// The one normaliser of printed classification names (科目名称) used by every classification rule: leading
/// ordinals of any style (八、 （六） (3) 1、), a leading copy of the code ([2101502] / 2101502), the （类）/（款）/（项）
/// markers, spaces, full-width forms and quotes are removed, so "八、 社会保障和就业支出" and "社会保障和就业支出"
/// compare equal. Built on <see cref="CatalogText"/>, the same helpers the catalog's <c>Compare</c> uses.
/// </summary>
public static partial class CodeNames
{
    [GeneratedRegex(@"^[\[【(（]?\d{3,7}[\]】)）]?\s*")]
    private static partial Regex LeadingCode();

    [GeneratedRegex(@"[(（][类款项][)）]$")]
    private static partial Regex LevelMarker();

    /// <summary>The comparable form of a printed name.</summary>
    public static string Clean(string? printed)
    {
        if (printed is null) return CleanUncached(printed);
        if (Cache.TryGetValue(printed, out var hit)) return hit;
        if (Cache.Count > 50_000) Cache.Clear();
        return Cache[printed] = CleanUncached(printed);
    }

    // rules clean the same printed names many times per audit
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    private static string CleanUncached(string? printed)
    {
        var s = CatalogText.Normalize(CatalogText.StripOrdinal(CatalogText.Normalize(printed)));
        s = LeadingCode().Replace(s, "");
        s = LevelMarker().Replace(s, "");
        return s.Trim('：', ':', '，', ',', '。');
    }

    /// <summary>Whether one cleaned name is a cut-off prefix of the other (名称截断, e.g. 社会保障和就业支).</summary>
    public static bool IsTruncationOf(string shorter, string longer) =>
        shorter.Length >= 2 && shorter.Length < longer.Length && longer.StartsWith(shorter, StringComparison.Ordinal);

    /// <summary>
    /// False when the recognizer derived the row's code from its name (summary-table class lines print no code):
    /// comparing such a name with the catalog only tests the recognizer's own synonym list.
    /// </summary>
    public static bool CodeIsPrinted(DataRow row) =>
        row.Code is { } c && (row.Line != SummaryLine.ExpenditureClass && row.Line != SummaryLine.EconomicLine || row.Source.Text.Contains(c.Value));
}
