using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Reports;

/// <summary>Something printed on a PDF page with its box: a table cell or a text block.</summary>
public readonly record struct PageItem(BoundingBox Box, string Text, bool IsCell);

/// <summary>A text block of a paragraph shown around a sentence, with the highlighted range of its text.</summary>
public sealed record ParagraphLine(TextBlock Block, string Text, int HighlightStart, int HighlightLength);

/// <summary>
/// Lookups into a <see cref="SourceDocument"/> for the places findings point at: tables by
/// <see cref="Provenance.TableIndex"/>, text blocks by line (and page), the items printed on a page.
/// </summary>
public sealed class SourceIndex
{
    private readonly Dictionary<int, TableBlock> _tables = new();
    private readonly List<SourceBlock> _blocks;
    private readonly Dictionary<(int? Page, int? Line), int> _textAt = new();
    private readonly Dictionary<int, List<PageItem>> _pages = new();

    public SourceIndex(SourceDocument source)
    {
        Source = source;
        _blocks = source.Blocks.ToList();
        for (int i = 0; i < _blocks.Count; i++)
        {
            switch (_blocks[i])
            {
                case TableBlock t:
                    _tables.TryAdd(t.Index, t);
                    foreach (var row in t.Rows)
                        foreach (var cell in row.Cells)
                            if (cell.Source is { Page: int p, Box: BoundingBox b } && !cell.IsEmpty) Page(p).Add(new PageItem(b, cell.Text, true));
                    break;
                case TextBlock tb:
                    _textAt.TryAdd((tb.Source.Page, tb.Source.Line), i);
                    if (tb.Source.Line is not null) _textAt.TryAdd((null, tb.Source.Line), i);
                    if (tb.Source is { Page: int pg, Box: BoundingBox bx }) Page(pg).Add(new PageItem(bx, tb.Text, false));
                    break;
            }
        }
    }

    public SourceDocument Source { get; }

    private List<PageItem> Page(int page) => _pages.TryGetValue(page, out var l) ? l : _pages[page] = new List<PageItem>();

    public TableBlock? Table(int index) => _tables.GetValueOrDefault(index);

    /// <summary>The cell at a table location, or null when the source has no such cell.</summary>
    public SourceCell? Cell(Provenance p) =>
        p is { TableIndex: int t, Row: int r, Column: int c } && Table(t) is { } tb && r >= 0 && r < tb.Rows.Count
            ? tb.Rows[r].Cells.FirstOrDefault(x => c >= x.Column && c < x.Column + Math.Max(1, x.ColSpan))
            : null;

    /// <summary>Everything printed on a page that has a box.</summary>
    public IReadOnlyList<PageItem> OnPage(int page) => _pages.GetValueOrDefault(page) ?? (IReadOnlyList<PageItem>)Array.Empty<PageItem>();

    /// <summary>
    /// The paragraph holding a sentence location: the text block at its line (and page), continued over the
    /// following text blocks as far as the sentence runs, with the sentence's range marked in each block.
    /// Empty when no text block is at that place.
    /// </summary>
    public IReadOnlyList<ParagraphLine> Paragraph(Provenance p)
    {
        if (p.Line is null && p.Page is null) return [];
        if (!_textAt.TryGetValue((p.Page, p.Line), out int start) && !(p.Line is not null && _textAt.TryGetValue((null, p.Line), out start)))
            return [];
        // a sentence is cut from the trimmed texts of consecutive blocks joined without separator
        var parts = new List<TextBlock>();
        for (int i = start; i < _blocks.Count && parts.Count < 8; i++)
        {
            if (_blocks[i] is not TextBlock tb) break;
            if (parts.Count > 0 && tb.HeadingLevel is not null) break;
            parts.Add(tb);
        }
        var texts = parts.Select(b => b.Text.Trim()).ToList();
        var joined = string.Concat(texts);
        var sentence = p.Text.Trim();
        int at = sentence.Length == 0 ? -1 : joined.IndexOf(sentence, StringComparison.Ordinal);
        if (at < 0 && sentence.EndsWith('…')) at = joined.IndexOf(sentence = sentence.TrimEnd('…'), StringComparison.Ordinal);
        int end = at < 0 ? -1 : at + sentence.Length;
        var lines = new List<ParagraphLine>();
        int offset = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            var text = texts[i];
            int s = Math.Max(at, offset), e = Math.Min(end, offset + text.Length);
            bool hit = at >= 0 && s < e;
            if (i > 0 && (at < 0 || offset >= end)) break;
            lines.Add(new ParagraphLine(parts[i], text, hit ? s - offset : 0, hit ? e - s : 0));
            offset += text.Length;
        }
        return lines;
    }

    /// <summary>
    /// Leading rows of a table that are headings (no number in any cell), at most four; the column
    /// numbers line and the first data row end it.
    /// </summary>
    public static int HeaderRowCount(TableBlock t)
    {
        int n = 0;
        while (n < t.Rows.Count && n < 4 && !t.Rows[n].Cells.Any(c => Numbers.Parse(c.Text).IsNumeric)) n++;
        return n;
    }
}
