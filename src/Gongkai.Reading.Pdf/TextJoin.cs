using System.Text;

namespace Gongkai.Reading.Pdf;

/// <summary>A line of glyphs in reading space (left to right), with its box and text.</summary>
internal sealed class TextLine
{
    public TextLine(List<Glyph> glyphs)
    {
        Glyphs = glyphs;
        var b = glyphs[0].Box;
        foreach (var g in glyphs) b = b.Union(g.Box);
        Box = b;
        Size = Median(glyphs.Select(g => g.Size));
        Text = TextJoin.Line(glyphs, Size);
    }

    public List<Glyph> Glyphs { get; }
    public Rect Box { get; }
    public double Size { get; }
    public string Text { get; }

    private static double Median(IEnumerable<double> xs)
    {
        var a = xs.OrderBy(x => x).ToList();
        return a.Count == 0 ? 0 : a[a.Count / 2];
    }
}

/// <summary>Groups glyphs into lines and lines into text, joining CJK without spaces.</summary>
internal static class TextJoin
{
    /// <summary>CJK ideographs, CJK punctuation and full-width forms: never separated by a space.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F'
            or '“' or '”' or '‘' or '’' or '—' or '…' or '·';

    /// <summary>
    /// Glyphs → lines: glyphs whose vertical centres lie within half a glyph height of a line's centre belong to
    /// it. Lines come out top to bottom, glyphs left to right.
    /// </summary>
    public static List<TextLine> Lines(IEnumerable<Glyph> glyphs)
    {
        var sorted = glyphs.OrderBy(g => g.Cy).ThenBy(g => g.Box.X0).ToList();
        var lines = new List<List<Glyph>>();
        var centres = new List<double>();
        var heights = new List<double>();
        foreach (var g in sorted)
        {
            int best = -1;
            // only the last few lines can take a glyph (sorted by centre)
            for (int i = lines.Count - 1; i >= 0 && i >= lines.Count - 3; i--)
            {
                double tol = Math.Min(heights[i], g.Box.Height) * 0.5;
                if (Math.Abs(centres[i] - g.Cy) <= tol) { best = i; break; }
            }
            if (best < 0)
            {
                lines.Add(new List<Glyph> { g });
                centres.Add(g.Cy);
                heights.Add(g.Box.Height);
            }
            else
            {
                var l = lines[best];
                l.Add(g);
                centres[best] += (g.Cy - centres[best]) / l.Count;
                heights[best] = Math.Max(heights[best], g.Box.Height);
            }
        }
        var result = new List<TextLine>(lines.Count);
        foreach (var l in lines)
        {
            l.Sort((a, b) => a.Box.X0.CompareTo(b.Box.X0));
            result.Add(new TextLine(l));
        }
        result.Sort((a, b) => a.Box.CenterY.CompareTo(b.Box.CenterY));
        return result;
    }

    /// <summary>
    /// Split a line where a gap is wide both absolutely (more than 1.8 glyph sizes) and relative to the line's usual
    /// spacing; letter-spaced headings (收 入 支 出 …) have uniform wide gaps and stay one run.
    /// </summary>
    public static List<List<Glyph>> Runs(List<Glyph> glyphs, double size)
    {
        var runs = new List<List<Glyph>>();
        if (glyphs.Count == 0) return runs;
        double median = MedianGap(glyphs);
        var cur = new List<Glyph> { glyphs[0] };
        for (int i = 1; i < glyphs.Count; i++)
        {
            double gap = glyphs[i].Box.X0 - glyphs[i - 1].Box.X1;
            if (gap > 1.8 * size && gap > 2.5 * Math.Max(median, 0.1 * size)) { runs.Add(cur); cur = new List<Glyph>(); }
            cur.Add(glyphs[i]);
        }
        runs.Add(cur);
        return runs;
    }

    private static double MedianGap(List<Glyph> glyphs)
    {
        if (glyphs.Count < 2) return 0;
        var gaps = new double[glyphs.Count - 1];
        for (int i = 1; i < glyphs.Count; i++) gaps[i - 1] = Math.Max(0, glyphs[i].Box.X0 - glyphs[i - 1].Box.X1);
        Array.Sort(gaps);
        return gaps[gaps.Length / 2];
    }

    /// <summary>The text of a line: runs joined by one space; inside a run, a space only between Latin letters or digits that are visibly apart.</summary>
    public static string Line(List<Glyph> glyphs, double size)
    {
        var sb = new StringBuilder();
        double median = MedianGap(glyphs);
        var runs = Runs(glyphs, size);
        foreach (var run in runs)
        {
            if (sb.Length > 0) sb.Append(' ');
            for (int i = 0; i < run.Count; i++)
            {
                if (i > 0)
                {
                    double gap = run[i].Box.X0 - run[i - 1].Box.X1;
                    char a = run[i - 1].Text[^1], b = run[i].Text[0];
                    if (!IsCjk(a) && !IsCjk(b) ? gap > 0.25 * size
                        : run[i].SpaceBefore && gap > 0.8 * size && gap > 2 * median + 0.1 * size) sb.Append(' '); // 第一部分 概况, not 收 入 支 出
                }
                sb.Append(run[i].Text);
            }
        }
        return sb.ToString();
    }

    /// <summary>Join the lines of one cell or paragraph: CJK on either side of the break joins directly, otherwise with a space.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var raw in lines)
        {
            var l = raw.Trim();
            if (l.Length == 0) continue;
            if (sb.Length > 0)
            {
                char a = sb[^1], b = l[0];
                if (!IsCjk(a) && !IsCjk(b) && !(a == '-' && char.IsAsciiDigit(b)) && !(char.IsAsciiDigit(a) && (b is '.' or ',' || char.IsAsciiDigit(b))))
                    sb.Append(' ');
            }
            sb.Append(l);
        }
        return sb.ToString();
    }
}
