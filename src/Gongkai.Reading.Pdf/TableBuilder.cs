using Gongkai.Model;

namespace Gongkai.Reading.Pdf;

/// <summary>A table laid out on one page: cells by grid position, before provenance is attached.</summary>
internal sealed class PageTable
{
    public required Rect Bounds { get; init; }
    public required List<PageCell[]> Rows { get; init; }
    public bool Ruled { get; init; }
}

/// <summary>One cell: text, box, and spans (covered positions are cells with <see cref="Covered"/> set and no text).</summary>
internal sealed record PageCell(string Text, Rect Box, int ColSpan = 1, int RowSpan = 1, bool Covered = false);

/// <summary>Builds tables from ruled grids (cells from rulings, merged cells where a ruling is missing) or from column alignment.</summary>
internal static class TableBuilder
{
    /// <summary>
    /// Fill a ruled grid with the glyphs whose centres fall inside it. Glyphs used are removed from
    /// <paramref name="glyphs"/>. Returns null when the grid holds no text.
    /// </summary>
    public static PageTable? FromGrid(RuledGrid grid, List<Glyph> glyphs)
    {
        var xs = grid.Xs;
        var ys = grid.Ys;
        int nr = ys.Length - 1, nc = xs.Length - 1;
        // merged cells: extend right while no vertical ruling separates, then down while no horizontal ruling does
        var owner = new (int R, int C)[nr, nc];
        var anchors = new List<(int R, int C, int Rs, int Cs)>();
        for (int r = 0; r < nr; r++) for (int c = 0; c < nc; c++) owner[r, c] = (-1, -1);
        for (int r = 0; r < nr; r++)
            for (int c = 0; c < nc; c++)
            {
                if (owner[r, c].R >= 0) continue;
                int cs = 1;
                while (c + cs < nc && owner[r, c + cs].R < 0 && !grid.HasVertical(xs[c + cs], ys[r], ys[r + 1])) cs++;
                int rs = 1;
                while (r + rs < nr)
                {
                    bool open = true;
                    for (int k = c; k < c + cs && open; k++)
                        if (owner[r + rs, k].R >= 0 || grid.HasHorizontal(ys[r + rs], xs[k], xs[k + 1])) open = false;
                    if (!open) break;
                    rs++;
                }
                for (int a = r; a < r + rs; a++) for (int b = c; b < c + cs; b++) owner[a, b] = (r, c);
                anchors.Add((r, c, rs, cs));
            }

        var bounds = grid.Bounds;
        var inCell = new Dictionary<(int, int), List<Glyph>>();
        int used = 0;
        for (int i = glyphs.Count - 1; i >= 0; i--)
        {
            var g = glyphs[i];
            if (!bounds.Contains(g.Cx, g.Cy)) continue;
            int c = Index(xs, g.Cx), r = Index(ys, g.Cy);
            var key = owner[r, c];
            if (!inCell.TryGetValue(key, out var list)) inCell[key] = list = new List<Glyph>();
            list.Add(g);
            glyphs.RemoveAt(i);
            used++;
        }
        if (used == 0) return null;

        var cells = new PageCell?[nr, nc];
        foreach (var (r, c, rs, cs) in anchors)
        {
            var box = new Rect(xs[c], ys[r], xs[c + cs], ys[r + rs]);
            var text = inCell.TryGetValue((r, c), out var gl) ? CellText(gl) : "";
            cells[r, c] = new PageCell(text, box, cs, rs);
            for (int a = r; a < r + rs; a++)
                for (int b = c; b < c + cs; b++)
                    if (a != r || b != c) cells[a, b] = new PageCell("", new Rect(xs[b], ys[a], xs[b + 1], ys[a + 1]), Covered: true);
        }
        var rows = new List<PageCell[]>();
        for (int r = 0; r < nr; r++)
        {
            var row = new PageCell[nc];
            bool anyText = false;
            for (int c = 0; c < nc; c++) { row[c] = cells[r, c]!; anyText |= row[c].Text.Length > 0; }
            // a sliver between two nearly coincident rulings carries no row
            if (!anyText && ys[r + 1] - ys[r] < 4 && !row.Any(x => x.RowSpan > 1)) continue;
            rows.Add(row);
        }
        return new PageTable { Bounds = bounds, Rows = rows, Ruled = true };
    }

    private static int Index(double[] edges, double v)
    {
        int i = Array.BinarySearch(edges, v);
        if (i < 0) i = ~i - 1;
        return Math.Clamp(i, 0, edges.Length - 2);
    }

    /// <summary>The text of a cell: its glyphs as lines, lines joined (CJK directly, otherwise with a space).</summary>
    public static string CellText(List<Glyph> glyphs)
    {
        var lines = TextJoin.Lines(glyphs);
        return Numbers.CleanCellText(TextJoin.JoinLines(lines.Select(l => l.Text)));
    }

    /// <summary>
    /// An unruled table: a run of lines that split into several runs, at least one of them numeric. Columns are the
    /// unions of overlapping run extents; each line is a row. Returns the tables and the lines they consumed.
    /// </summary>
    public static List<(PageTable Table, HashSet<TextLine> Lines)> FromAlignment(List<TextLine> lines)
    {
        var result = new List<(PageTable, HashSet<TextLine>)>();
        var runsOf = lines.Select(l => TextJoin.Runs(l.Glyphs, l.Size)).ToList();
        int i = 0;
        while (i < lines.Count)
        {
            if (!IsTabular(runsOf[i])) { i++; continue; }
            int j = i;
            int numeric = 0;
            while (j < lines.Count && IsTabular(runsOf[j]) && (j == i || lines[j].Box.Y0 - lines[j - 1].Box.Y1 < 2.5 * lines[j].Size))
            {
                if (runsOf[j].Any(r => IsNumber(r))) numeric++;
                j++;
            }
            if (j - i >= 3 && numeric >= 2)
            {
                var set = new HashSet<TextLine>();
                var intervals = new List<(double A, double B)>();
                for (int k = i; k < j; k++) foreach (var run in runsOf[k]) intervals.Add((run[0].Box.X0, run[^1].Box.X1));
                intervals.Sort();
                var cols = new List<(double A, double B)>();
                foreach (var iv in intervals)
                {
                    if (cols.Count > 0 && iv.A <= cols[^1].B + 1) cols[^1] = (cols[^1].A, Math.Max(cols[^1].B, iv.B));
                    else cols.Add(iv);
                }
                var rows = new List<PageCell[]>();
                Rect bounds = lines[i].Box;
                for (int k = i; k < j; k++)
                {
                    set.Add(lines[k]);
                    bounds = bounds.Union(lines[k].Box);
                    var parts = new List<Glyph>[cols.Count];
                    foreach (var run in runsOf[k])
                    {
                        double cx = (run[0].Box.X0 + run[^1].Box.X1) / 2;
                        int c = cols.FindIndex(col => cx >= col.A - 0.5 && cx <= col.B + 0.5);
                        if (c < 0) c = 0;
                        (parts[c] ??= new List<Glyph>()).AddRange(run);
                    }
                    var row = new PageCell[cols.Count];
                    for (int c = 0; c < cols.Count; c++)
                    {
                        var box = new Rect(cols[c].A, lines[k].Box.Y0, cols[c].B, lines[k].Box.Y1);
                        row[c] = parts[c] is { } gl ? new PageCell(CellText(gl), gl.Select(g => g.Box).Aggregate((a, b) => a.Union(b))) : new PageCell("", box);
                    }
                    rows.Add(row);
                }
                result.Add((new PageTable { Bounds = bounds, Rows = rows, Ruled = false }, set));
            }
            i = Math.Max(j, i + 1);
        }
        return result;
    }

    private static bool IsTabular(List<List<Glyph>> runs) => runs.Count >= 2;

    private static bool IsNumber(List<Glyph> run)
    {
        var s = string.Concat(run.Select(g => g.Text));
        return Numbers.Parse(s).IsNumeric;
    }
}
