namespace Gongkai.Compile.Render;

/// <summary>
/// Where a line may break: between CJK characters and at spaces, never inside a run of ASCII letters, digits and the
/// marks that belong to a figure or code (97%-100%, 1,234.56, +5.2%, 2024-2026, A01/02) — such a run is one word.
/// </summary>
public static class TextBreaks
{
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '%' or '-' or '+' or '_' or '/' or '‰';

    /// <summary>The text as break units: each word whole, every other character alone (a space is a unit of its own).</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            int j = i + 1;
            if (IsWordChar(text[i]))
                while (j < text.Length && IsWordChar(text[j])) j++;
            tokens.Add(text[i..j]);
            i = j;
        }
        return tokens;
    }

    /// <summary>The unbreakable words of a text (runs of two or more word characters).</summary>
    public static IEnumerable<string> Words(string text) => Tokens(text).Where(t => t.Length > 1);
}

/// <summary>Column widths shared by the PDF and DOCX renderers.</summary>
public static class ColumnFit
{
    /// <summary>
    /// Widths within the usable width: every column what it wants and the spare in proportion when all wants fit; else
    /// every column its need and the spare in proportion to what each wants beyond it; else the needs scaled down.
    /// </summary>
    public static double[] Distribute(IReadOnlyList<double> need, IReadOnlyList<double> want, double usable)
    {
        int cols = need.Count;
        var widths = new double[cols];
        double wantSum = want.Sum(), needSum = need.Sum();
        if (wantSum <= usable)
            for (int c = 0; c < cols; c++) widths[c] = want[c] + (wantSum > 0 ? (usable - wantSum) * want[c] / wantSum : 0);
        else if (needSum <= usable)
        {
            double extra = Enumerable.Range(0, cols).Sum(c => want[c] - need[c]);
            for (int c = 0; c < cols; c++) widths[c] = need[c] + (extra > 0 ? (usable - needSum) * (want[c] - need[c]) / extra : 0);
        }
        else
            for (int c = 0; c < cols; c++) widths[c] = need[c] * usable / needSum;
        return widths;
    }
}
