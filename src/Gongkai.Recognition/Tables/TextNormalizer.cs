using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>Normalisation of titles and labels before matching: quotes, parentheses, spaces, ordinals.</summary>
public static partial class TextNormalizer
{
    /// <summary>Remove spaces (incl. justified CJK spacing), unify quotes and parentheses, half-width digits.</summary>
    public static string Compact(string s)
    {
        s = Numbers.ToHalfWidth(Numbers.CleanCellText(s));
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case ' ' or '\t' or '\u3000' or '\n' or '\r': break;
                case '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」': break;
                case '（': sb.Append('('); break;
                case '）': sb.Append(')'); break;
                case '：': sb.Append(':'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Strip a leading ordinal of any style: 一、 十九、 廿五、 （十一） (3) 1、 1. 11-1 and a following space.</summary>
    public static string StripOrdinal(string s)
    {
        var t = Compact(s);
        t = OrdinalRegex().Replace(t, "");
        return t;
    }

    [GeneratedRegex(@"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十廿]+[、.．]|[(][一二三四五六七八九十廿\d]+[)]|\d+[、.．](?!\d)|\d+-\d+)+")]
    private static partial Regex OrdinalRegex();

    /// <summary>A year such as 2024 mentioned as "2024年" / "2024 年度".</summary>
    public static int? FindYear(string s)
    {
        var m = YearRegex().Match(Numbers.ToHalfWidth(s));
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"(20\d\d)\s*年")]
    private static partial Regex YearRegex();
}
