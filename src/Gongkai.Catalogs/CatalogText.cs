using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Catalogs;

/// <summary>Text helpers for comparing printed classification names (科目名称) with catalog names.</summary>
public static partial class CatalogText
{
    /// <summary>
    /// Normalise a name for comparison: full-width ASCII (（）０-９Ａ-Ｚ，：) becomes half-width, every kind of space
    /// (incl. 全角空格 and no-break space) and zero-width character is removed, and quotation marks
    /// (“ ” ‘ ’ " ' 「 」 『 』) are dropped.
    /// </summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            var c = ch;
            if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF') continue;
            if (c is '"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' or '〝' or '〞') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Remove leading ordinals of every style used in disclosures: <c>一、</c> <c>十九、</c> <c>廿五、</c> <c>（十一）</c>
    /// <c>(3)</c> <c>1、</c> <c>1.</c> <c>1．</c> <c>1)</c> <c>①</c>, repeated (<c>一、（一）</c>), plus surrounding spaces.
    /// </summary>
    public static string StripOrdinal(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text;
        while (true)
        {
            var m = OrdinalPattern().Match(s);
            if (!m.Success || m.Length == 0) return s.Trim();
            s = s[m.Length..];
        }
    }

    [GeneratedRegex(
        @"^[\s\u3000]*(?:" +
        @"第?[一二三四五六七八九十廿卅百零〇两]+[\s\u3000]*[、.．,，]" +
        @"|[（(][\s\u3000]*(?:[一二三四五六七八九十廿卅百零〇两]+|\d+|[０-９]+)[\s\u3000]*[）)][\s\u3000]*[、.．]?" +
        @"|(?:\d+|[０-９]+)[\s\u3000]*(?:[、,，)）]|[.．](?![\d０-９]))" +
        @"|[\u2460-\u2473\u2474-\u2487]" +
        @")[\s\u3000]*")]
    private static partial Regex OrdinalPattern();
}
