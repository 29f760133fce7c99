using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Gongkai.Reading.Pdf;

/// <summary>An item of a page in reading order: a text line or a table.</summary>
internal sealed record PageItem(double Top, TextLine? Line, PageTable? Table);

/// <summary>A page laid out: its transform, items top to bottom and the body text margins.</summary>
internal sealed class LaidPage
{
    public required int Number { get; init; }
    public required PageTransform Transform { get; init; }
    public required List<PageItem> Items { get; init; }
    public required int GlyphCount { get; init; }
    /// <summary>Left and right edges of the body text (lines of many glyphs), or the page edges when there are none.</summary>
    public double BodyLeft { get; set; }
    public double BodyRight { get; set; }

    /// <summary>A line that reaches (within about two glyphs) the right edge of the body text.</summary>
    public bool IsFull(TextLine line) => line.Box.X1 >= BodyRight - 2.2 * line.Size;
}

internal static class BodyMargins
{
    /// <summary>
    /// The body text margins of pages of one size: the most common left and right edges (3 pt bins) of long lines
    /// over all those pages. Justified paragraphs share them; tables of contents and headings do not.
    /// </summary>
    public static void Set(List<LaidPage> pages)
    {
        foreach (var group in pages.GroupBy(p => ((int)Math.Round(p.Transform.Width / 10), (int)Math.Round(p.Transform.Height / 10))))
        {
            var lines = group.SelectMany(p => p.Items).Select(i => i.Line).OfType<TextLine>().Where(l => l.Glyphs.Count >= 15).ToList();
            double width = group.First().Transform.Width;
            double? right = Mode(lines.Select(l => l.Box.X1), takeMax: true);
            double? left = Mode(lines.Select(l => l.Box.X0), takeMax: false);
            foreach (var p in group)
            {
                p.BodyRight = right ?? width + 1000; // no body text: no line counts as full
                p.BodyLeft = left ?? 0;
            }
        }
    }

    private static double? Mode(IEnumerable<double> values, bool takeMax)
    {
        var bins = values.GroupBy(v => (int)Math.Floor(v / 3)).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (bins is null || bins.Count() < 3) return null;
        return takeMax ? bins.Max() : bins.Min();
    }
}

/// <summary>Lays out one page: glyphs, rulings → ruled tables, remaining glyphs → lines, unruled tables by alignment.</summary>
internal static class PageLayout
{
    public static LaidPage Lay(Page page)
    {
        var letters = page.Letters;
        // PdfPig gives letters and paths in the page as displayed (its /Rotate already applied), origin bottom-left,
        // page.Width × page.Height; what is left to undo is text drawn sideways on the page itself
        var transform = new PageTransform(new PdfRectangle(0, 0, page.Width, page.Height), PageTransform.DominantTurns(letters, 0));
        var glyphs = transform.Glyphs(letters);
        int glyphCount = glyphs.Count;
        var items = new List<PageItem>();
        if (glyphs.Count > 0)
        {
            var segments = Rulings.Collect(page.Paths, transform);
            foreach (var grid in Rulings.Grids(segments).OrderBy(g => g.Bounds.Y0))
                if (TableBuilder.FromGrid(grid, glyphs) is PageTable t) items.Add(new PageItem(t.Bounds.Y0, null, t));
        }
        var lines = TextJoin.Lines(glyphs);
        var consumed = new HashSet<TextLine>();
        foreach (var (table, used) in TableBuilder.FromAlignment(lines))
        {
            items.Add(new PageItem(table.Bounds.Y0, null, table));
            consumed.UnionWith(used);
        }
        foreach (var l in lines) if (!consumed.Contains(l)) items.Add(new PageItem(l.Box.Y0, l, null));
        items.Sort((a, b) => a.Top.CompareTo(b.Top));
        return new LaidPage
        {
            Number = page.Number, Transform = transform, Items = items, GlyphCount = glyphCount,
            BodyLeft = 0, BodyRight = transform.Width,
        };
    }
}
