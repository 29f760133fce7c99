using System.Globalization;
using System.Text;

namespace Gongkai.Reading.Office;

/// <summary>
/// Formats a numeric cell value the way Excel prints it, for the parts that matter to a disclosure: the number
/// of decimals (0.00 → "3925.66"), thousands separators, percentages, negative sections with parentheses, a
/// zero section printed as a dash, and dates (as yyyy-MM-dd, or yyyy年M月d日 where the format is Chinese).
/// Literal text, colours, padding and conditions of the format are not printed. Where a negative section hides
/// the minus sign (a red-only format), the sign is kept so that the value is not misread.
/// </summary>
public sealed class ExcelNumberFormat
{
    private enum Kind { General, Number, Percent, Date, Text }

    private readonly Kind _kind;
    private readonly int _minDecimals, _maxDecimals, _scaleThousands;
    private readonly bool _thousands, _dateTime, _dateChinese, _negativeParens;
    private readonly string? _zeroLiteral;

    public static ExcelNumberFormat General { get; } = new("General");

    public string Code { get; }

    public bool IsDate => _kind == Kind.Date;

    public ExcelNumberFormat(string code)
    {
        Code = code;
        var sections = SplitSections(code);
        var first = sections[0];
        if (first.Trim().Equals("General", StringComparison.OrdinalIgnoreCase) || first.Trim().Length == 0) { _kind = Kind.General; }
        else Analyse(first, out _kind, out _minDecimals, out _maxDecimals, out _thousands, out _scaleThousands, out _dateTime, out _dateChinese);
        // parentheses are usually written escaped (#,##0.00_);\(#,##0.00\), as Excel and LibreOffice save them) or quoted
        if (sections.Count > 1) _negativeParens = Strip(sections[1], keepLiterals: true).IndexOfAny(['(', '（']) >= 0;
        if (sections.Count > 2)
        {
            // a zero section such as _ * "-"??_ prints its literal; # and ? print nothing for zero
            var zero = Strip(sections[2], keepLiterals: true);
            var literal = zero.Replace("#", "").Replace("?", "").Replace(",", "").Trim();
            if (zero.IndexOf('0') < 0 && literal.Length > 0 && !zero.Contains('@')) _zeroLiteral = literal;
        }
    }

    /// <summary>The format of a built-in number format id, or null when the id is not built in.</summary>
    public static ExcelNumberFormat? BuiltIn(uint id) => id switch
    {
        0 => General,
        1 => new("0"),
        2 => new("0.00"),
        3 => new("#,##0"),
        4 => new("#,##0.00"),
        5 or 37 => new("#,##0;(#,##0)"),
        6 or 38 => new("#,##0;[Red](#,##0)"),
        7 or 39 => new("#,##0.00;(#,##0.00)"),
        8 or 40 => new("#,##0.00;[Red](#,##0.00)"),
        9 => new("0%"),
        10 => new("0.00%"),
        11 or 48 => General,
        12 or 13 => General,
        14 or 15 or 16 or 17 => new("yyyy-mm-dd"),
        18 or 19 or 20 or 21 or 45 or 46 or 47 => new("h:mm:ss"),
        22 => new("yyyy-mm-dd h:mm"),
        >= 27 and <= 36 or >= 50 and <= 58 => new("yyyy\"年\"m\"月\"d\"日\""),
        41 or 42 or 43 or 44 => new("#,##0.00;-#,##0.00;\"-\""),
        49 => new("@"),
        _ => null,
    };

    /// <summary>The printed text of a numeric value.</summary>
    public string Format(decimal value)
    {
        switch (_kind)
        {
            case Kind.General:
            case Kind.Text:
                return FormatGeneral(value);
            case Kind.Date:
                return FormatDate(value);
        }
        if (value == 0 && _zeroLiteral is not null) return _zeroLiteral;
        decimal v = _kind == Kind.Percent ? value * 100 : value;
        for (int i = 0; i < _scaleThousands; i++) v /= 1000;
        bool negative = v < 0;
        v = Math.Round(Math.Abs(v), _maxDecimals, MidpointRounding.AwayFromZero);
        if (v == 0) negative = false;
        var text = v.ToString((_thousands ? "#,##0" : "0") + (_maxDecimals > 0 ? "." + new string('0', _minDecimals) + new string('#', _maxDecimals - _minDecimals) : ""),
            CultureInfo.InvariantCulture);
        if (_kind == Kind.Percent) text += "%";
        if (negative) text = _negativeParens ? "(" + text + ")" : "-" + text;
        return text;
    }

    /// <summary>Excel's General: up to ten decimals, no trailing zeros (clears binary noise such as 3925.6599999999999).</summary>
    public static string FormatGeneral(decimal value)
    {
        var v = Math.Round(value, 10, MidpointRounding.AwayFromZero);
        return v.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private string FormatDate(decimal value)
    {
        if (value < -657435 || value > 2958465) return FormatGeneral(value);
        var dt = DateTime.FromOADate((double)value);
        if (_dateChinese) return dt.ToString(_dateTime ? "yyyy年M月d日 HH:mm" : "yyyy年M月d日", CultureInfo.InvariantCulture);
        if (_dateTime && value < 1 && value >= 0) return dt.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return dt.ToString(_dateTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static List<string> SplitSections(string code)
    {
        var sections = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < code.Length; i++)
        {
            char c = code[i];
            if (c == '"') quoted = !quoted;
            if (c == '\\' && i + 1 < code.Length && !quoted) { sb.Append(c).Append(code[++i]); continue; }
            if (c == ';' && !quoted) { sections.Add(sb.ToString()); sb.Clear(); continue; }
            sb.Append(c);
        }
        sections.Add(sb.ToString());
        return sections;
    }

    /// <summary>A section without quoted literals, escapes, padding (_x), fill (*x) and [..] brackets.</summary>
    private static string Strip(string section, bool keepLiterals = false)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < section.Length; i++)
        {
            char c = section[i];
            switch (c)
            {
                case '"':
                    int end = section.IndexOf('"', i + 1);
                    if (end < 0) end = section.Length;
                    if (keepLiterals) sb.Append(section, i + 1, end - i - 1);
                    i = end;
                    break;
                case '\\':
                    if (i + 1 < section.Length) { if (keepLiterals) sb.Append(section[i + 1]); i++; }
                    break;
                case '_' or '*':
                    i++;
                    break;
                case '[':
                    int close = section.IndexOf(']', i + 1);
                    if (close < 0) close = section.Length;
                    var inner = section[(i + 1)..close];
                    if (inner.Length > 0 && inner.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S')) sb.Append(inner);
                    i = close;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static void Analyse(string section, out Kind kind, out int minDecimals, out int maxDecimals, out bool thousands,
        out int scaleThousands, out bool dateTime, out bool dateChinese)
    {
        dateChinese = section.Contains('年') || section.Contains('月') || section.Contains('日');
        var s = Strip(section);
        minDecimals = maxDecimals = scaleThousands = 0;
        thousands = dateTime = false;
        bool digits = s.IndexOfAny(['0', '#', '?']) >= 0;
        if (!digits && s.Contains('@')) { kind = Kind.Text; return; }
        if (!digits && s.IndexOfAny(['y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S', 'e']) >= 0)
        {
            kind = Kind.Date;
            dateTime = s.IndexOfAny(['h', 'H', 's', 'S']) >= 0;
            return;
        }
        if (!digits || s.Contains('E') || s.Contains('e') || s.Contains('/')) { kind = Kind.General; return; }
        kind = s.Contains('%') ? Kind.Percent : Kind.Number;
        int dot = s.IndexOf('.');
        var integer = dot < 0 ? s : s[..dot];
        int lastPlaceholder = integer.LastIndexOfAny(['0', '#', '?']);
        int firstPlaceholder = integer.IndexOfAny(['0', '#', '?']);
        if (lastPlaceholder >= 0)
        {
            thousands = integer.IndexOf(',', firstPlaceholder) is int comma && comma >= 0 && comma < lastPlaceholder;
            for (int i = lastPlaceholder + 1; i < integer.Length && integer[i] == ','; i++) scaleThousands++;
        }
        if (dot >= 0)
        {
            for (int i = dot + 1; i < s.Length; i++)
            {
                if (s[i] == '0') { minDecimals = ++maxDecimals; }
                else if (s[i] is '#' or '?') maxDecimals++;
                else if (s[i] == ',') continue;
                else break;
            }
            if (dot + 1 < s.Length && scaleThousands == 0)
            {
                int j = dot + 1;
                while (j < s.Length && s[j] is '0' or '#' or '?') j++;
                while (j < s.Length && s[j] == ',') { scaleThousands++; j++; }
            }
        }
    }
}
