using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Reading;

/// <summary>What a table cell holds once parsed.</summary>
public enum CellValueKind { Blank, Number, Percent, Dash, Text }

/// <summary>A parsed cell value: an exact decimal with its printed scale.</summary>
public readonly record struct CellValue(CellValueKind Kind, decimal Value, int Scale)
{
    public bool IsNumeric => Kind is CellValueKind.Number or CellValueKind.Percent;
}

/// <summary>
/// Number forms of published disclosures: thousands separators, full-width digits, blanks, dashes,
/// percentages, digits split by stray spaces ("62,015,542.5 0"), and HTML emphasis left by conversion.
/// </summary>
public static partial class Numbers
{
    /// <summary>Full-width to half-width for digits, punctuation used in numbers, and the ideographic space.</summary>
    public static string ToHalfWidth(string s)
    {
        if (string.IsNullOrEmpty(s)) return s;
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            char r = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '，' when i > 0 && i + 1 < s.Length && IsDigitLike(s[i - 1]) && IsDigitLike(s[i + 1]) => ',',
                '％' => '%',
                '－' => '-',
                '＋' => '+',
                '\u3000' => ' ',
                '\u00a0' => ' ',
                _ => c,
            };
            if (r != c)
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
            }
            sb?.Append(r);
        }
        return sb?.ToString() ?? s;
    }

    private static bool IsDigitLike(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    /// <summary>Strip markup left by conversions (&lt;b&gt;, &lt;p&gt;, &lt;input …/&gt;) and collapse whitespace.</summary>
    public static string CleanCellText(string s)
    {
        if (s.IndexOf('<') >= 0) s = MarkupRegex().Replace(s, " ");
        if (s.IndexOf('&') >= 0) s = s.Replace("&nbsp;", " ").Replace("&amp;", "&").Replace("&lt;", "<").Replace("&gt;", ">");
        return s.Trim();
    }

    /// <summary>Parse a table cell. Never throws.</summary>
    public static CellValue Parse(string? raw)
    {
        if (raw is null) return new(CellValueKind.Blank, 0, 0);
        var s = ToHalfWidth(CleanCellText(raw)).Trim();
        if (s.Length == 0) return new(CellValueKind.Blank, 0, 0);
        if (s is "-" or "—" or "——" or "--" or "–" or "/" or "－" or "―" or "─") return new(CellValueKind.Dash, 0, 0);
        bool percent = false;
        if (s.EndsWith('%'))
        {
            percent = true;
            s = s[..^1].TrimEnd();
        }
        // digits split by spaces ("62,015,542.5 0", "50015224T00000423582 0" is text): remove spaces only
        // when every character is part of a number.
        if (s.IndexOf(' ') >= 0)
        {
            var compact = s.Replace(" ", "");
            if (NumberRegex().IsMatch(compact)) s = compact; else return new(CellValueKind.Text, 0, 0);
        }
        if (!NumberRegex().IsMatch(s)) return new(CellValueKind.Text, 0, 0);
        bool negative = false;
        if (s.StartsWith('(') && s.EndsWith(')')) { negative = true; s = s[1..^1]; }
        s = s.Replace(",", "");
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            return new(CellValueKind.Text, 0, 0);
        if (negative) v = -v;
        int dot = s.IndexOf('.');
        int scale = dot < 0 ? 0 : s.Length - dot - 1;
        return new(percent ? CellValueKind.Percent : CellValueKind.Number, v, scale);
    }

    /// <summary>Parse an amount written in running text ("3,925.66", "6.2", "810").</summary>
    public static bool TryParseDecimal(string s, out decimal value, out int scale)
    {
        var cv = Parse(s);
        value = cv.Value;
        scale = cv.Scale;
        return cv.IsNumeric;
    }

    /// <summary>Normalise comparison operators: \geq, ≧, &gt;= → ≥; \leq, ≦, &lt;= → ≤; ＜ → &lt;; ＞ → &gt;; ＝ → =.</summary>
    public static string NormalizeOperator(string s)
    {
        var t = CleanCellText(s).Replace("\\geq", "≥").Replace("\\leq", "≤").Replace("≧", "≥").Replace("≦", "≤")
            .Replace(">=", "≥").Replace("<=", "≤").Replace("＜", "<").Replace("＞", ">").Replace("＝", "=").Trim();
        return t;
    }

    [GeneratedRegex(@"^[-+]?\(?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?$")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex MarkupRegex();
}
