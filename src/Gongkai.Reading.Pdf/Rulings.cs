using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace Gongkai.Reading.Pdf;

/// <summary>A horizontal (<see cref="Horizontal"/>) or vertical ruling in reading space: Pos is its Y (or X), A..B its extent.</summary>
internal sealed record Segment(bool Horizontal, double Pos, double A, double B);

/// <summary>A table grid found from rulings: column edges Xs, row edges Ys (reading space) and the segments that drew it.</summary>
internal sealed class RuledGrid
{
    public required double[] Xs { get; init; }
    public required double[] Ys { get; init; }
    public required List<Segment> H { get; init; }
    public required List<Segment> V { get; init; }
    public Rect Bounds => new(Xs[0], Ys[0], Xs[^1], Ys[^1]);

    /// <summary>Is a vertical ruling drawn at x between y0 and y1 (most of the band)?</summary>
    public bool HasVertical(double x, double y0, double y1) => Covers(V, x, y0, y1);

    /// <summary>Is a horizontal ruling drawn at y between x0 and x1 (most of the band)?</summary>
    public bool HasHorizontal(double y, double x0, double x1) => Covers(H, y, x0, x1);

    private static bool Covers(List<Segment> segs, double pos, double a, double b)
    {
        double len = b - a, need = len * 0.6, got = 0;
        foreach (var s in segs)
        {
            if (Math.Abs(s.Pos - pos) > Rulings.Tolerance) continue;
            double lo = Math.Max(a, s.A), hi = Math.Min(b, s.B);
            if (hi > lo) got += hi - lo;
            if (got >= need) return true;
        }
        return false;
    }
}

/// <summary>Collects the ruling lines drawn on a page (stroked lines, rectangle edges, thin filled bars) and clusters them into table grids.</summary>
internal static class Rulings
{
    public const double Tolerance = 2.0;

    public static List<Segment> Collect(IReadOnlyList<PdfPath> paths, PageTransform t)
    {
        var segs = new List<Segment>();
        foreach (var path in paths)
        {
            if (path.IsClipping || !path.IsFilled && !path.IsStroked) continue;
            bool stroked = path.IsStroked && !IsWhite(path.StrokeColor);
            bool filled = path.IsFilled && !IsWhite(path.FillColor);
            if (!stroked && !filled) continue;
            foreach (var sub in path)
            {
                var pts = new List<(double X, double Y)>();
                PdfPoint? start = null, cur = null;
                bool curves = false;
                foreach (var cmd in sub.Commands)
                {
                    switch (cmd)
                    {
                        case PdfSubpath.Move m:
                            start = cur = m.Location;
                            pts.Add(t.Map(m.Location));
                            break;
                        case PdfSubpath.Line l:
                            if (stroked && cur is PdfPoint c0) Add(segs, t.Map(c0), t.Map(l.To));
                            if (cur is null) start = l.From;
                            cur = l.To;
                            pts.Add(t.Map(l.To));
                            break;
                        case PdfSubpath.Close:
                            if (stroked && cur is PdfPoint c1 && start is PdfPoint s0) Add(segs, t.Map(c1), t.Map(s0));
                            cur = start;
                            break;
                        case PdfSubpath.CubicBezierCurve bc:
                            curves = true;
                            cur = bc.EndPoint;
                            break;
                        default:
                            curves = true;
                            break;
                    }
                }
                if (!filled || curves || pts.Count < 3) continue;
                // a filled thin bar is a ruling; larger filled shapes are cell shading, not rulings
                double x0 = pts.Min(p => p.X), x1 = pts.Max(p => p.X), y0 = pts.Min(p => p.Y), y1 = pts.Max(p => p.Y);
                double w = x1 - x0, h = y1 - y0;
                if (h <= 3 && w > 3) segs.Add(new Segment(true, (y0 + y1) / 2, x0, x1));
                else if (w <= 3 && h > 3) segs.Add(new Segment(false, (x0 + x1) / 2, y0, y1));
            }
        }
        // only what is on the page: drawings outside the media box are not printed
        var onPage = new List<Segment>(segs.Count);
        foreach (var sg in segs)
        {
            double lim = sg.Horizontal ? t.Width : t.Height, posLim = sg.Horizontal ? t.Height : t.Width;
            if (sg.Pos < -1 || sg.Pos > posLim + 1) continue;
            double a = Math.Max(sg.A, 0), b = Math.Min(sg.B, lim);
            if (b - a >= 1) onPage.Add(sg with { A = a, B = b });
        }
        return Merge(onPage);
    }

    private static bool IsWhite(UglyToad.PdfPig.Graphics.Colors.IColor? color)
    {
        if (color is null) return false;
        try
        {
            var (r, g, b) = color.ToRGBValues();
            return r > 0.94 && g > 0.94 && b > 0.94;
        }
        catch (Exception) { return false; }
    }

    private static void Add(List<Segment> segs, (double X, double Y) a, (double X, double Y) b)
    {
        double dx = Math.Abs(a.X - b.X), dy = Math.Abs(a.Y - b.Y);
        if (dy <= 0.5 && dx >= 1) segs.Add(new Segment(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (dx <= 0.5 && dy >= 1) segs.Add(new Segment(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }

    /// <summary>Join collinear segments that touch or overlap (a ruling is often drawn cell by cell).</summary>
    private static List<Segment> Merge(List<Segment> segs)
    {
        var result = new List<Segment>();
        foreach (var group in segs.GroupBy(s => s.Horizontal))
        {
            var sorted = group.OrderBy(s => s.Pos).ThenBy(s => s.A).ToList();
            // cluster by position, then merge extents inside each cluster
            int i = 0;
            while (i < sorted.Count)
            {
                int j = i;
                double sum = 0;
                while (j < sorted.Count && sorted[j].Pos - sorted[i].Pos <= 1.0) { sum += sorted[j].Pos; j++; }
                double pos = sum / (j - i);
                var spans = sorted.Skip(i).Take(j - i).OrderBy(s => s.A).ToList();
                double a = spans[0].A, b = spans[0].B;
                foreach (var s in spans.Skip(1))
                {
                    if (s.A <= b + Tolerance) b = Math.Max(b, s.B);
                    else { result.Add(new Segment(group.Key, pos, a, b)); a = s.A; b = s.B; }
                }
                result.Add(new Segment(group.Key, pos, a, b));
                i = j;
            }
        }
        return result;
    }

    /// <summary>
    /// Connected groups of crossing horizontal and vertical rulings, each as a grid. A group needs at least two
    /// rulings each way and at least two cells (a single framed box is not a table).
    /// </summary>
    public static List<RuledGrid> Grids(List<Segment> segs)
    {
        var h = segs.Where(s => s.Horizontal).ToList();
        var v = segs.Where(s => !s.Horizontal).ToList();
        int n = h.Count + v.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int i = 0; i < h.Count; i++)
            for (int j = 0; j < v.Count; j++)
            {
                var a = h[i]; var b = v[j];
                if (b.Pos >= a.A - Tolerance && b.Pos <= a.B + Tolerance && a.Pos >= b.A - Tolerance && a.Pos <= b.B + Tolerance)
                {
                    int ra = Find(i), rb = Find(h.Count + j);
                    if (ra != rb) parent[ra] = rb;
                }
            }
        var grids = new List<RuledGrid>();
        foreach (var comp in Enumerable.Range(0, n).GroupBy(Find))
        {
            var hs = comp.Where(k => k < h.Count).Select(k => h[k]).ToList();
            var vs = comp.Where(k => k >= h.Count).Select(k => v[k - h.Count]).ToList();
            if (hs.Count < 2 || vs.Count < 2) continue;
            var xs = Cluster(vs.Select(s => s.Pos).Concat(hs.SelectMany(s => new[] { s.A, s.B })).ToList(), vs.Select(s => s.Pos).ToList());
            var ys = Cluster(hs.Select(s => s.Pos).Concat(vs.SelectMany(s => new[] { s.A, s.B })).ToList(), hs.Select(s => s.Pos).ToList());
            if (xs.Length < 2 || ys.Length < 2) continue;
            if ((xs.Length - 1) * (ys.Length - 1) < 2) continue;
            if (xs[^1] - xs[0] < 20 || ys[^1] - ys[0] < 8) continue;
            grids.Add(new RuledGrid { Xs = xs, Ys = ys, H = hs, V = vs });
        }
        return grids;
    }

    /// <summary>
    /// Edge positions: the rulings' own positions clustered within the tolerance, limited to the extent of the
    /// crossing rulings (outer edges of a frame drawn slightly long are trimmed to where rulings end).
    /// </summary>
    private static double[] Cluster(List<double> extent, List<double> positions)
    {
        double lo = positions.Count > 0 ? Math.Min(positions.Min(), extent.Min()) : extent.Min();
        double hi = positions.Count > 0 ? Math.Max(positions.Max(), extent.Max()) : extent.Max();
        var all = positions.Append(lo).Append(hi).OrderBy(p => p).ToList();
        var result = new List<double>();
        int i = 0;
        while (i < all.Count)
        {
            int j = i;
            double sum = 0;
            while (j < all.Count && all[j] - all[i] <= Tolerance * 1.5) { sum += all[j]; j++; }
            result.Add(sum / (j - i));
            i = j;
        }
        return result.ToArray();
    }
}
