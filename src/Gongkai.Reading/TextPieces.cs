namespace Gongkai.Reading;

/// <summary>Joins the lines of one cell or paragraph (Word paragraphs, HTML &lt;br&gt;) into one line of text.</summary>
public static class TextPieces
{
    /// <summary>
    /// Join trimmed, non-empty pieces: without a separator where either side is Chinese (a heading wrapped in
    /// a narrow cell, "基本" + "支出"), with one space otherwise ("2024" + "年" stays "2024年", "A" + "B" is "A B").
    /// </summary>
    public static string Join(IEnumerable<string> pieces)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var raw in pieces)
        {
            var p = raw.Trim();
            if (p.Length == 0) continue;
            if (sb.Length > 0 && !IsCjk(sb[^1]) && !IsCjk(p[0])) sb.Append(' ');
            sb.Append(p);
        }
        return sb.ToString();
    }

    /// <summary>CJK ideographs, CJK punctuation and full-width forms.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3000' and <= '\u303f' or >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff' or >= '\uff00' and <= '\uffef';
}
