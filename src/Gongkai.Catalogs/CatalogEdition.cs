using System.Globalization;

namespace Gongkai.Catalogs;

/// <summary>
/// One edition (版本/年度) a catalog row applies to: a single year (<c>2024</c>), a range (<c>2021-2022</c>),
/// an open range (<c>≤2018(旧名,2019起更名)</c>, <c>≥2019</c>), optionally marked <c>(recalled)</c> when the row was
/// written from memory of that year's 《政府收支分类科目》 rather than read from a document of that year.
/// </summary>
public readonly record struct CatalogEdition
{
    /// <summary>First year covered, or null when open towards the past.</summary>
    public int? FirstYear { get; }

    /// <summary>Last year covered, or null when open towards the future.</summary>
    public int? LastYear { get; }

    /// <summary>The edition was recalled (凭记忆整理), not seen in a document of that year.</summary>
    public bool Recalled { get; }

    /// <summary>Free note in parentheses, e.g. <c>旧名,2019起更名</c>; null when none.</summary>
    public string? Note { get; }

    /// <summary>The token as written in the catalog file.</summary>
    public string Text { get; }

    public CatalogEdition(int? firstYear, int? lastYear, bool recalled = false, string? note = null, string? text = null)
    {
        if (firstYear is not null && lastYear is not null && firstYear > lastYear)
            throw new ArgumentException($"版本年度范围无效：{firstYear}–{lastYear}");
        FirstYear = firstYear;
        LastYear = lastYear;
        Recalled = recalled;
        Note = note;
        Text = text ?? Format(firstYear, lastYear, recalled, note);
    }

    /// <summary>An edition for exactly one year.</summary>
    public static CatalogEdition ForYear(int year, bool recalled = false) => new(year, year, recalled);

    public bool Contains(int year) => (FirstYear is null || year >= FirstYear) && (LastYear is null || year <= LastYear);

    /// <summary>How many years <paramref name="year"/> lies outside this edition (0 when inside).</summary>
    public int DistanceTo(int year) =>
        FirstYear is { } f && year < f ? f - year :
        LastYear is { } l && year > l ? year - l : 0;

    /// <summary>A year usable to order editions: the last year, or the first when open towards the future.</summary>
    internal int SortYear => LastYear ?? (FirstYear is { } f ? Math.Max(f, 9000) : 9999);

    public override string ToString() => Text;

    /// <summary>Parse one token such as <c>2024</c>, <c>2024(recalled)</c>, <c>2021-2022</c>, <c>≤2020(旧名)</c>, <c>≥2019</c>, <c>2019+</c>.</summary>
    public static bool TryParse(string? token, out CatalogEdition edition)
    {
        // Hand-written rather than a regex: this runs for every built-in row and must stay cheap at start-up.
        edition = default;
        if (string.IsNullOrWhiteSpace(token)) return false;
        var text = token.Trim();
        var s = text.AsSpan();

        string? note = null;
        if (s[^1] is ')' or '）')
        {
            int open = s.LastIndexOfAny('(', '（');
            if (open < 0) return false;
            note = s[(open + 1)..^1].Trim().ToString();
            s = s[..open].TrimEnd();
        }
        bool recalled = false;
        if (note is not null && note.Equals("recalled", StringComparison.OrdinalIgnoreCase))
        {
            recalled = true;
            note = null;
        }

        int op = 0; // -1 ≤, +1 ≥
        if (s.StartsWith("≤", StringComparison.Ordinal) || s.StartsWith("<=", StringComparison.Ordinal)) { op = -1; s = s[(s[0] == '≤' ? 1 : 2)..].TrimStart(); }
        else if (s.StartsWith("≥", StringComparison.Ordinal) || s.StartsWith(">=", StringComparison.Ordinal)) { op = 1; s = s[(s[0] == '≥' ? 1 : 2)..].TrimStart(); }

        if (!TryYear(ref s, out int a)) return false;
        int? first = a, last = a;
        s = s.TrimStart();
        if (op == -1) first = null;
        else if (op == 1) last = null;
        else if (s.Length > 0 && (s[0] == '+' || s[0] == '起')) { last = null; s = s[1..]; }
        else if (s.Length > 0 && s[0] is '-' or '–' or '—' or '~' or '至')
        {
            s = s[1..].TrimStart();
            if (!TryYear(ref s, out int b) || b < a) return false;
            last = b;
        }
        if (!s.Trim().IsEmpty) return false;
        edition = new CatalogEdition(first, last, recalled, note, text);
        return true;

        static bool TryYear(ref ReadOnlySpan<char> span, out int year)
        {
            year = 0;
            if (span.Length < 4) return false;
            for (int i = 0; i < 4; i++)
            {
                if (!char.IsAsciiDigit(span[i])) return false;
                year = year * 10 + (span[i] - '0');
            }
            if (span.Length > 4 && char.IsAsciiDigit(span[4])) return false;
            span = span[4..];
            return true;
        }
    }

    /// <summary>Parse a <c>|</c>-separated list (the <c>year_or_edition</c> column). Empty → no editions (all years).</summary>
    public static IReadOnlyList<CatalogEdition> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var list = new List<CatalogEdition>();
        foreach (var part in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var e))
                throw new FormatException($"无法识别的版本/年度：“{part}”");
            list.Add(e);
        }
        return list;
    }

    private static string Format(int? first, int? last, bool recalled, string? note)
    {
        string core = (first, last) switch
        {
            (null, null) => "全部年度",
            (null, { } l) => "≤" + l.ToString(CultureInfo.InvariantCulture),
            ({ } f, null) => "≥" + f.ToString(CultureInfo.InvariantCulture),
            ({ } f, { } l) when f == l => f.ToString(CultureInfo.InvariantCulture),
            ({ } f, { } l) => f.ToString(CultureInfo.InvariantCulture) + "-" + l.ToString(CultureInfo.InvariantCulture),
        };
        if (recalled) core += "(recalled)";
        if (note is not null) core += "(" + note + ")";
        return core;
    }
}
