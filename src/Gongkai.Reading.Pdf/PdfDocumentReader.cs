using System.Text.RegularExpressions;
using Gongkai.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Gongkai.Reading.Pdf;

/// <summary>
/// Reads a PDF with a text layer into a <see cref="SourceDocument"/>: text blocks (paragraphs and headings, running
/// headers and page numbers removed) and tables rebuilt from the ruling lines drawn on each page (column alignment
/// where a table has none), in reading order, each with page and box provenance in PDF points.
/// </summary>
public sealed partial class PdfDocumentReader : IFormatReader
{
    /// <summary>Documents with more pages are refused (a disclosure has a few dozen).</summary>
    public int MaxPages { get; init; } = 500;

    public bool CanRead(ReadOnlySpan<byte> content) => DocumentReader.Sniff(content) == SourceFormat.Pdf;

    public SourceDocument Read(string path, byte[] bytes)
    {
        // first without the font programs PdfPig does not need (see FontProgramSkipper); the file as it is when that
        // fails. A file with nothing to skip is read from the document already opened to look.
        PdfDocument? opened = null;
        if (!KeepFontPrograms)
        {
            try { opened = PdfDocument.Open(bytes, Options); }
            catch (Exception e) when (e is not OutOfMemoryException) { opened = null; } // reported by the read below
            if (opened is { IsEncrypted: false } && FontProgramSkipper.Strip(bytes, opened) is var lean && !ReferenceEquals(lean, bytes))
            {
                opened.Dispose();
                opened = null;
                try { return ReadPdf(path, lean); }
                catch (ReadException e) when (e.Failure is ReadFailure.Corrupt or ReadFailure.NoTextLayer) { }
            }
        }
        return ReadPdf(path, bytes, opened);
    }

    private static ParsingOptions Options => new() { UseLenientParsing = true, SkipMissingFonts = true };

    /// <summary>Parse every embedded font program as PdfPig does by default (slower; for comparison in tests).</summary>
    public bool KeepFontPrograms { get; init; }

    private SourceDocument ReadPdf(string path, byte[] bytes, PdfDocument? opened = null)
    {
        try
        {
            using var doc = opened ?? PdfDocument.Open(bytes, Options);
            if (doc.IsEncrypted && !CanReadText(doc))
                throw Encrypted(path, null);
            int pages = doc.NumberOfPages;
            if (pages == 0)
                throw new ReadException(path, ReadFailure.Corrupt, $"无法读取 PDF：{path} 没有任何页面，文件可能已损坏。请重新下载或导出后再试。");
            if (pages > MaxPages)
                throw new ReadException(path, ReadFailure.TooLarge,
                    $"PDF 页数过多：{path} 共 {pages} 页，上限 {MaxPages} 页。请确认这是一份预决算公开文档，或拆分后再读取。");
            var laid = new List<LaidPage>(pages);
            for (int p = 1; p <= pages; p++)
            {
                UglyToad.PdfPig.Content.Page page;
                try { page = doc.GetPage(p); }
                catch (Exception e) when (e is not ReadException and not OutOfMemoryException)
                {
                    throw new ReadException(path, ReadFailure.Corrupt, $"无法读取 PDF：{path} 第 {p} 页已损坏，无法解析。请重新下载或导出后再试。", e);
                }
                laid.Add(PageLayout.Lay(page));
            }
            if (laid.Sum(l => l.GlyphCount) < 10)
                throw new ReadException(path, ReadFailure.NoTextLayer,
                    $"无法读取 PDF：{path} 无文本层，可能为扫描件，需要先进行 OCR（文字识别）后再读取。");
            return Assemble(path, laid);
        }
        catch (ReadException) { throw; }
        catch (PdfDocumentEncryptedException e) { throw Encrypted(path, e); }
        catch (OutOfMemoryException) { throw; }
        catch (Exception e)
        {
            if (e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
                throw Encrypted(path, e);
            throw new ReadException(path, ReadFailure.Corrupt,
                $"无法读取 PDF：{path} 文件已损坏或不完整，无法解析。请重新下载或导出后再试。", e);
        }
    }

    private static bool CanReadText(PdfDocument doc)
    {
        try { _ = doc.GetPage(1).Letters.Count; return true; }
        catch (Exception) { return false; }
    }

    private static ReadException Encrypted(string path, Exception? inner) =>
        new(path, ReadFailure.Encrypted, $"无法读取 PDF：{path} 已加密（设有打开密码），请提供未加密的文件。", inner);

    /// <summary>Page items in reading order → blocks; running headers, footers and page numbers dropped; paragraphs joined across lines and pages.</summary>
    private static SourceDocument Assemble(string path, List<LaidPage> pages)
    {
        var running = RunningLines(pages);
        foreach (var page in pages)
            page.Items.RemoveAll(i => i.Line is TextLine l && (running.Contains(l) || IsPageNumber(page, l)));
        BodyMargins.Set(pages);
        var blocks = new List<SourceBlock>();
        int tableIndex = 0;
        Paragraph? open = null;
        void Flush()
        {
            if (open is null) return;
            blocks.Add(open.ToBlock(path));
            open = null;
        }
        foreach (var page in pages)
        {
            foreach (var item in page.Items)
            {
                if (item.Table is PageTable t)
                {
                    Flush();
                    blocks.Add(ToTableBlock(path, page, t, tableIndex++));
                    continue;
                }
                var line = item.Line!;
                if (open is not null && open.Accepts(page, line)) { open.Add(page, line); continue; }
                Flush();
                open = new Paragraph(page, line);
            }
            // a paragraph that fills its last line may continue on the next page; anything else ends here
            if (open is not null && !open.EndsFull) Flush();
        }
        Flush();
        return new SourceDocument(path, SourceFormat.Pdf, blocks, pages.Count);
    }

    private static TableBlock ToTableBlock(string path, LaidPage page, PageTable t, int index)
    {
        var rows = new List<SourceRow>(t.Rows.Count);
        for (int r = 0; r < t.Rows.Count; r++)
        {
            var cells = new List<SourceCell>(t.Rows[r].Length);
            Rect rowBox = t.Rows[r][0].Box;
            for (int c = 0; c < t.Rows[r].Length; c++)
            {
                var pc = t.Rows[r][c];
                rowBox = rowBox.Union(pc.Box);
                var prov = new Provenance(path, Page: page.Number, Box: page.Transform.ToPdf(pc.Box), TableIndex: index, Row: r, Column: c, Text: pc.Text);
                cells.Add(new SourceCell(pc.Text, c, prov, pc.ColSpan, pc.RowSpan));
            }
            var rowText = string.Join(" | ", cells.Select(x => x.Text));
            rows.Add(new SourceRow(cells, new Provenance(path, Page: page.Number, Box: page.Transform.ToPdf(rowBox), TableIndex: index, Row: r, Text: rowText)));
        }
        var first = rows.Count > 0 ? rows[0].Source.Text : "";
        return new TableBlock(rows, TableSyntax.Pdf, new Provenance(path, Page: page.Number, Box: page.Transform.ToPdf(t.Bounds), TableIndex: index, Text: first), index);
    }

    /// <summary>
    /// Lines repeated at the same place on most pages of the same size near the top or bottom (running headers and
    /// footers; digits are ignored when comparing, so "第 3 页" and "第 4 页" match).
    /// </summary>
    private static HashSet<TextLine> RunningLines(List<LaidPage> pages)
    {
        var result = new HashSet<TextLine>();
        foreach (var group in pages.GroupBy(p => ((int)Math.Round(p.Transform.Width / 10), (int)Math.Round(p.Transform.Height / 10))))
        {
            int n = group.Count();
            if (n < 3) continue;
            var byKey = new Dictionary<(string, int), List<(LaidPage Page, TextLine Line)>>();
            foreach (var page in group)
                foreach (var item in page.Items)
                {
                    if (item.Line is not TextLine l) continue;
                    double h = page.Transform.Height;
                    if (l.Box.Y1 > h * 0.12 && l.Box.Y0 < h * 0.88) continue;
                    // a table label printed at the same place on every page (公开05表, 预算03表, 表7) names its table
                    // so do a table's title and unit line repeated on a run of one-page tables (附表1…n: 项目绩效自评表, 单位：元)
                    var compact = l.Text.Replace(" ", "");
                    if (TableLabelRegex().IsMatch(compact) || TableCaptionRegex().IsMatch(compact)) continue;
                    var key = (DigitsRegex().Replace(l.Text, "#").Replace(" ", ""), (int)Math.Round(l.Box.CenterY / 4));
                    if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new();
                    list.Add((page, l));
                }
            foreach (var (_, list) in byKey)
                if (list.Select(x => x.Page.Number).Distinct().Count() >= Math.Max(3, n * 0.5))
                    foreach (var (_, l) in list) result.Add(l);
        }
        return result;
    }

    /// <summary>A lone page number in the top or bottom margin: "3", "- 3 -", "— 3 —", "第 3 页", "第3页 共25页", "3/25".</summary>
    private static bool IsPageNumber(LaidPage page, TextLine line)
    {
        double h = page.Transform.Height;
        if (line.Box.Y0 < h * 0.9 && line.Box.Y1 > h * 0.08) return false;
        var t = line.Text.Replace(" ", "");
        return PageNumberRegex().IsMatch(t);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRegex();

    [GeneratedRegex(@"^(公开|预算)?\d{1,2}表$|^表\d{1,2}(-\d{1,2})?$|^附[件表]\d+(-\d+)?$")]
    private static partial Regex TableLabelRegex();

    [GeneratedRegex(@"表(（续）|\(续\))?$|^单位[:：]")]
    private static partial Regex TableCaptionRegex();

    [GeneratedRegex(@"^([-—–－~·•]*\d{1,4}[-—–－~·•]*|第\d{1,4}页(,?共\d{1,4}页)?|\d{1,4}/\d{1,4}|共\d{1,4}页第\d{1,4}页|[Pp]age\d{1,4}(of\d{1,4})?)$")]
    private static partial Regex PageNumberRegex();

    /// <summary>Consecutive lines of one paragraph.</summary>
    private sealed class Paragraph
    {
        private readonly List<(LaidPage Page, TextLine Line)> _lines = new();

        public Paragraph(LaidPage page, TextLine line) => _lines.Add((page, line));

        private (LaidPage Page, TextLine Line) Last => _lines[^1];

        /// <summary>The last line reaches the page's right text margin (the paragraph may go on).</summary>
        public bool EndsFull => Last.Page.IsFull(Last.Line);

        public bool Accepts(LaidPage page, TextLine next)
        {
            var (lp, last) = Last;
            if (page == lp && IsCentredContinuation(page, last, next)) return true;
            if (!lp.IsFull(last)) return false;
            if (Math.Abs(last.Size - next.Size) > 0.6) return false;
            if (TextJoin.Runs(next.Glyphs, next.Size).Count > 1) return false;
            if (page != lp)
            {
                // continuing on the next page: the page's first item, starting at the left margin, after a line
                // that stops mid-sentence (a page break after a full stop is taken as a paragraph end)
                if (last.Text.Length > 0 && last.Text[^1] is '。' or '！' or '？' or '.' or '!' or '?' or '：' or ':') return false;
                return page.Items.Count > 0 && page.Items[0].Line == next && next.Box.X0 <= page.BodyLeft + next.Size;
            }
            double gap = next.Box.Y0 - last.Box.Y1;
            if (gap < -0.3 * next.Size || gap > 1.2 * next.Size) return false;
            // a first-line indent starts a new paragraph
            return next.Box.X0 <= lp.BodyLeft + 1.2 * next.Size;
        }

        /// <summary>A title wrapped over centred lines of one size, set close together (江苏省…2018年度部门 / 预算公开).</summary>
        private static bool IsCentredContinuation(LaidPage page, TextLine last, TextLine next)
        {
            double mid = page.Transform.Width / 2, tol = 1.5 * next.Size;
            if (Math.Abs(last.Size - next.Size) > 0.3 || next.Size < 13) return false;
            if (Math.Abs(last.Box.CenterX - mid) > tol || Math.Abs(next.Box.CenterX - mid) > tol) return false;
            if (last.Text.Length > 0 && last.Text[^1] is '。' or '：' or ':') return false;
            double gap = next.Box.Y0 - last.Box.Y1;
            return gap > -0.3 * next.Size && gap < 0.8 * next.Size;
        }

        public void Add(LaidPage page, TextLine line) => _lines.Add((page, line));

        public TextBlock ToBlock(string path)
        {
            var text = TextJoin.JoinLines(_lines.Select(l => l.Line.Text));
            var (page, first) = _lines[0];
            var box = first.Box;
            foreach (var (p, l) in _lines) if (p == page) box = box.Union(l.Box);
            var raw = string.Join("\n", _lines.Select(l => l.Line.Text));
            return new TextBlock(Numbers.CleanCellText(text), new Provenance(path, Page: page.Number, Box: page.Transform.ToPdf(box), Text: raw));
        }
    }
}
