using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// A subject code printed with a digit too many or too few (<c>201010 | 一般行政管理事务</c> for 2010102,
/// <c>21203999 | 其他城乡社区公共设施支出</c> for 2120399) in the code column of a subject-coded table. It is kept as a
/// code of the wrong length (so that GK503 names it) only when the row is certainly a subject row:
/// <list type="bullet">
/// <item>the printed name is the catalog name of a code one digit away (a digit dropped or doubled anywhere), or</item>
/// <item>the code's first five digits are the 款 of the coded row above or below it and the printed name is a catalog
/// subject name of the same scheme.</item>
/// </list>
/// A unit code (<c>305002 | 中国企业管理无锡培训中心</c>, <c>101001 | 某某局本级</c>) never passes: a unit name is no subject
/// name, and a unit code's digits are no 款 of its neighbours. An 8-digit code of an economic scheme is left alone (some
/// regions refine the economic 款 further); only 6-digit economic codes are considered.
/// </summary>
public static class MistypedCodes
{
    /// <summary>
    /// The mistyped code of a row, or null. <paramref name="above"/> / <paramref name="below"/> are the nearest
    /// well-formed codes printed in the same code column (null when none).
    /// </summary>
    public static ClassificationCode? Read(string codeText, string name, string? above, string? below, ClassificationCatalog? catalog = null)
    {
        if (codeText.Length is not (6 or 8) || !codeText.All(char.IsAsciiDigit)) return null;
        CodeScheme? scheme = codeText[0] switch
        {
            '2' => CodeScheme.Function,
            '3' => CodeScheme.DepartmentEconomic,
            '5' => CodeScheme.GovernmentEconomic,
            _ => null,
        };
        if (scheme is not CodeScheme s) return null;
        if (s != CodeScheme.Function && codeText.Length == 8) return null;
        var printed = CatalogText.Normalize(CatalogText.StripOrdinal(name));
        if (printed.Length < 2) return null;
        catalog ??= ClassificationCatalog.BuiltIn;
        var code = new ClassificationCode(codeText, s);
        // the name of a code one digit away
        foreach (var near in OneDigitAway(codeText))
            if (catalog.EntriesOf(near, s).Any(e => SameOrCut(printed, CatalogText.Normalize(e.Name)))) return code;
        // the 款 of a neighbour, and a subject name
        bool neighbour = SameSection(codeText, above) || SameSection(codeText, below);
        return neighbour && IsSubjectName(catalog, s, printed) ? code : null;
    }

    /// <summary>The catalog name, or its first characters cut off by a narrow cell (at least four of them).</summary>
    private static bool SameOrCut(string printed, string official) =>
        printed == official || printed.Length >= MinCut && printed.Length < official.Length && official.StartsWith(printed, StringComparison.Ordinal);

    private const int MinCut = 4;

    private static bool SameSection(string code, string? other) =>
        other is { Length: >= 5 } o && o[0] == code[0] && string.CompareOrdinal(o, 0, code, 0, 5) == 0;

    /// <summary>Well-formed codes (3/5/7 digits) one digit away: a digit dropped (8 → 7, 6 → 5) or inserted (6 → 7).</summary>
    private static IEnumerable<string> OneDigitAway(string code)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < code.Length; i++)
        {
            var dropped = code.Remove(i, 1);
            if (seen.Add(dropped)) yield return dropped;
        }
        if (code.Length == 6)
            for (int i = 0; i <= code.Length; i++)
                for (char d = '0'; d <= '9'; d++)
                {
                    var inserted = code.Insert(i, d.ToString());
                    if (seen.Add(inserted)) yield return inserted;
                }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<CodeScheme, HashSet<string>> BuiltInNames = new();

    private static bool IsSubjectName(ClassificationCatalog catalog, CodeScheme scheme, string printed) =>
        ReferenceEquals(catalog, ClassificationCatalog.BuiltIn)
            ? Known(BuiltInNames.GetOrAdd(scheme, k => NamesOf(catalog, k)), printed)
            : Known(NamesOf(catalog, scheme), printed);

    private static bool Known(HashSet<string> names, string printed) =>
        names.Contains(printed) || printed.Length >= MinCut && names.Any(n => SameOrCut(printed, n));

    private static HashSet<string> NamesOf(ClassificationCatalog catalog, CodeScheme scheme) =>
        catalog.AllEntries(scheme).Select(e => CatalogText.Normalize(e.Name)).ToHashSet(StringComparer.Ordinal);
}
