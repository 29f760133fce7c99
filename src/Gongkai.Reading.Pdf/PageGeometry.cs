using Gongkai.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Gongkai.Reading.Pdf;

/// <summary>
/// A box in reading space: X grows to the right, Y grows downwards from the top of the page as read
/// (after the page's /Rotate and any rotated drawing of its text have been undone).
/// </summary>
internal readonly record struct Rect(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;
    public double Height => Y1 - Y0;
    public double CenterX => (X0 + X1) / 2;
    public double CenterY => (Y0 + Y1) / 2;
    public Rect Union(Rect o) => new(Math.Min(X0, o.X0), Math.Min(Y0, o.Y0), Math.Max(X1, o.X1), Math.Max(Y1, o.Y1));
    public bool Contains(double x, double y, double tol = 0) => x >= X0 - tol && x <= X1 + tol && y >= Y0 - tol && y <= Y1 + tol;
}

/// <summary>One printed glyph in reading space. <see cref="Size"/> is the font size in points; <see cref="SpaceBefore"/>: a space character came just before it in the content.</summary>
internal sealed record Glyph(string Text, Rect Box, double Size, bool SpaceBefore = false)
{
    public double Cx => Box.CenterX;
    public double Cy => Box.CenterY;
}

/// <summary>
/// Maps page space (PDF points, origin bottom-left, the page as displayed: PdfPig has already applied /Rotate) to
/// reading space and back. The quarter turn is chosen so that the page's dominant text baseline runs left to right:
/// it undoes content drawn sideways (a landscape table printed rotated on a portrait page). Provenance boxes are
/// given in page space.
/// </summary>
internal sealed class PageTransform
{
    private readonly double _left, _bottom, _w, _h;

    public PageTransform(PdfRectangle bounds, int quarterTurns)
    {
        _left = bounds.Left;
        _bottom = bounds.Bottom;
        _w = bounds.Width;
        _h = bounds.Height;
        Turns = ((quarterTurns % 4) + 4) % 4;
        (Width, Height) = Turns % 2 == 0 ? (_w, _h) : (_h, _w);
    }

    public int Turns { get; }
    public double Width { get; }
    public double Height { get; }

    /// <summary>Page space → reading space (Y downwards).</summary>
    public (double X, double Y) Map(double ux, double uy)
    {
        double x = ux - _left, y = uy - _bottom;
        (double rx, double ry) = Turns switch
        {
            1 => (y, _w - x),       // text running up the page
            2 => (_w - x, _h - y),  // upside down
            3 => (_h - y, x),       // text running down the page
            _ => (x, y),
        };
        return (rx, Height - ry);
    }

    public (double X, double Y) Map(PdfPoint p) => Map(p.X, p.Y);

    /// <summary>Reading space → page space.</summary>
    public (double X, double Y) Unmap(double rx, double yDown)
    {
        double ry = Height - yDown;
        (double x, double y) = Turns switch
        {
            1 => (_w - ry, rx),
            2 => (_w - rx, _h - ry),
            3 => (ry, _h - rx),
            _ => (rx, ry),
        };
        return (x + _left, y + _bottom);
    }

    /// <summary>A reading-space box as a page-space box (points, origin bottom-left).</summary>
    public BoundingBox ToPdf(Rect r)
    {
        var (ax, ay) = Unmap(r.X0, r.Y0);
        var (bx, by) = Unmap(r.X1, r.Y1);
        return new BoundingBox(Math.Round(Math.Min(ax, bx), 2), Math.Round(Math.Min(ay, by), 2), Math.Round(Math.Max(ax, bx), 2), Math.Round(Math.Max(ay, by), 2));
    }

    /// <summary>The quarter turn that makes most letters' baselines run left to right; <paramref name="fallback"/> when there is no text.</summary>
    public static int DominantTurns(IReadOnlyList<Letter> letters, int fallback)
    {
        Span<int> votes = stackalloc int[4];
        foreach (var l in letters)
        {
            double dx = l.EndBaseLine.X - l.StartBaseLine.X, dy = l.EndBaseLine.Y - l.StartBaseLine.Y;
            if (Math.Abs(dx) < 1e-6 && Math.Abs(dy) < 1e-6) continue;
            int t = Math.Abs(dx) >= Math.Abs(dy) ? (dx > 0 ? 0 : 2) : (dy > 0 ? 1 : 3);
            votes[t]++;
        }
        int best = -1, bestVotes = 0;
        for (int i = 0; i < 4; i++) if (votes[i] > bestVotes) { best = i; bestVotes = votes[i]; }
        return best >= 0 ? best : fallback;
    }

    /// <summary>The non-blank letters of a page as glyphs in reading space; exact duplicates (fake bold) dropped.</summary>
    public List<Glyph> Glyphs(IReadOnlyList<Letter> letters)
    {
        var list = new List<Glyph>(letters.Count);
        bool space = false;
        foreach (var l in letters)
        {
            var v = l.Value;
            if (string.IsNullOrWhiteSpace(v)) { space = true; continue; }
            if (v.Length == 1 && char.IsControl(v[0])) continue;
            double size = l.PointSize > 0.5 ? l.PointSize : Math.Max(l.BoundingBox.Height, 1);
            var (sx, sy) = Map(l.StartBaseLine);
            var (ex, ey) = Map(l.EndBaseLine);
            Rect box;
            if (Math.Abs(ey - sy) < 0.01 * size + 0.01 && ex >= sx)
            {
                // a baseline running left to right: box from the advance and the font size
                double x1 = ex - sx < 0.05 ? sx + size * 0.5 : ex;
                box = new Rect(sx, sy - size * 0.8, x1, sy + size * 0.2);
            }
            else
            {
                // a glyph in another direction (vertical text in a narrow cell): its glyph box
                var g = l.BoundingBox;
                var (ax, ay) = Map(g.BottomLeft);
                var (bx, by) = Map(g.TopRight);
                box = new Rect(Math.Min(ax, bx), Math.Min(ay, by), Math.Max(ax, bx), Math.Max(ay, by));
                if (box.Width < 0.1 || box.Height < 0.1) box = new Rect(sx - size / 2, sy - size / 2, sx + size / 2, sy + size / 2);
                size = Math.Max(Math.Min(box.Width, box.Height), 1);
            }
            // glyphs outside the page are not printed (content clipped away by the generator)
            if (box.CenterX < 0 || box.CenterX > Width || box.CenterY < 0 || box.CenterY > Height) { space = false; continue; }
            list.Add(new Glyph(v, box, size, space));
            space = false;
        }
        // fake bold and shadows: the same glyph drawn twice at (almost) the same place. "Almost" is relative to the
        // glyph's advance: in a small font two equal digits in a row ("2433550") are closer than a point apart and
        // are both printed.
        var seen = new Dictionary<(string, int, int), List<Rect>>();
        var result = new List<Glyph>(list.Count);
        foreach (var g in list)
        {
            int gx = (int)Math.Floor(g.Box.X0), gy = (int)Math.Floor(g.Box.Y1);
            double tolX = Math.Min(1.5, Math.Max(0.05, 0.3 * g.Box.Width)), tolY = Math.Min(1.5, Math.Max(0.05, 0.3 * g.Size));
            bool dup = false;
            for (int dx = -1; dx <= 1 && !dup; dx++)
                for (int dy = -1; dy <= 1 && !dup; dy++)
                    if (seen.TryGetValue((g.Text, gx + dx, gy + dy), out var boxes))
                        dup = boxes.Any(b => Math.Abs(b.X0 - g.Box.X0) < tolX && Math.Abs(b.Y1 - g.Box.Y1) < tolY);
            if (dup) continue;
            if (!seen.TryGetValue((g.Text, gx, gy), out var list0)) seen[(g.Text, gx, gy)] = list0 = new List<Rect>();
            list0.Add(g.Box);
            result.Add(g);
        }
        return result;
    }
}
