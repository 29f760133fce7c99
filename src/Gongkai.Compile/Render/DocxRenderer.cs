using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Compile.Render;

/// <summary>
/// DOCX: an editable Word document — real Title/Heading 1–3 styles (keep with next), justified body paragraphs with a
/// two-character first-line indent, and real tables: merged header cells repeated on each page, section rows merged
/// across the table, amounts right-aligned, column widths measured from the content, no body indent inside cells.
/// Text is in a portrait section, a table that does not fit portrait in a landscape section; every core table starts a
/// page (its heading moves with it); every section has a footer with the page number (a PAGE field). The fonts are the
/// names a finance office has installed: 仿宋_GB2312 body, 黑体 headings, 方正小标宋简体 titles, 宋体 table text.
/// </summary>
public sealed class DocxRenderer : IPackageRenderer
{
    public string Format => "docx";
    public string Extension => "docx";

    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string TitleFont = "方正小标宋简体";
    public const string TableFont = "宋体";

    private const int PortraitWidth = 11906, PortraitHeight = 16838, MarginTop = 1440, MarginBottom = 1304, MarginSide = 1247;
    /// <summary>Table text size in half-points (10 pt) and the cell padding (twips) Word adds on each side.</summary>
    private const int TableHalfPoints = 20, CellPad = 108;

    public void Render(CompiledPackage package, Stream output)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();
        var footerId = main.GetIdOfPart(footer);
        var body = new Body();
        bool landscape = false, any = false, previousFlows = false;
        // a new page for the paragraph: a section break when the orientation changes, else a page break before it
        void NewPage(bool wide, Paragraph first)
        {
            if (!any) landscape = wide;
            else if (wide != landscape)
            {
                body.Append(new Paragraph(new ParagraphProperties(Section(landscape, footerId))));
                landscape = wide;
            }
            else first.ParagraphProperties!.Append(new PageBreakBefore());
        }
        var blocks = package.Blocks;
        var entries = Contents.Entries(package);
        var estimate = entries.Count > 0 ? EstimatePages(package) : [];
        bool breakNext = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            // a run of headings followed by a table starts with the table: new page, the table's orientation
            int j = i;
            while (j < blocks.Count && blocks[j] is HeadingBlock) j++;
            if (j < blocks.Count && blocks[j] is TableBlock { Table: var t })
            {
                bool wide = Landscape(t);
                var heads = blocks.Skip(i).Take(j - i).Cast<HeadingBlock>().Select(Heading).ToList();
                for (int k = 0; k < heads.Count; k++) Mark(heads[k], i + k);
                var caption = TableCaption(t).ToList();
                Mark(caption[0], j);
                var paras = heads.Concat(caption).ToList();
                // 绩效 tables (no model) follow each other on a page; the first of them, like every core table, starts one
                // (a form longer than a page starts one too: it is split in any case, and so only once)
                if (!t.NoModel || j > i || wide != landscape || !previousFlows || !FitsPage(t)) NewPage(wide, paras[0]);
                previousFlows = t.NoModel;
                foreach (var x in paras) body.Append(x);
                body.Append(Table(t));
                for (int k = 0; k < t.Notes.Count; k++)
                {
                    var note = Para(t.Notes[k], "TableNote");
                    if (k < t.Notes.Count - 1) note.ParagraphProperties!.Append(new KeepNext());
                    body.Append(note);
                }
                any = true;
                i = j;
                continue;
            }
            var para = blocks[i] switch
            {
                HeadingBlock h => Heading(h),
                ParagraphBlock p => Para(p.Text, null),
                _ => null,
            };
            if (para is null) continue;
            if (blocks[i] is HeadingBlock) Mark(para, i);
            if (landscape) NewPage(false, para);
            else if (breakNext) para.ParagraphProperties!.Append(new PageBreakBefore());
            breakNext = false;
            body.Append(para);
            previousFlows = false;
            any = true;
            if (i == 0 && entries.Count > 0)
            {
                // the 目录 after the title; the parts start on a new page
                foreach (var x in ContentsParagraphs(entries, estimate)) body.Append(x);
                breakNext = true;
            }
        }
        body.Append(Section(landscape, footerId));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static string Bookmark(int block) => $"_Gk_{block}";

    /// <summary>A bookmark around the paragraph's text: the target of a 目录 entry.</summary>
    private static void Mark(Paragraph p, int block)
    {
        var id = (block + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        p.InsertAfter(new BookmarkStart { Id = id, Name = Bookmark(block) }, p.ParagraphProperties);
        p.Append(new BookmarkEnd { Id = id });
    }

    /// <summary>
    /// The 目录: a heading, then per entry its text, a dot-leader tab and a PAGEREF field to the entry's bookmark
    /// (LibreOffice and an update in Word give the laid-out page; the cached number is an estimate from the same flow).
    /// </summary>
    private static IEnumerable<Paragraph> ContentsParagraphs(List<ContentsEntry> entries, Dictionary<int, int> estimate)
    {
        yield return Para(Contents.Heading, "ContentsHeading");
        foreach (var e in entries)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = e.Level == 0 ? "Contents1" : "Contents2" }));
            p.Append(new Run(new Text(e.Text) { Space = SpaceProcessingModeValues.Preserve }));
            p.Append(new Run(new TabChar()));
            p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
            p.Append(new Run(new FieldCode($" PAGEREF {Bookmark(e.Block)} \\h ") { Space = SpaceProcessingModeValues.Preserve }));
            p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            p.Append(new Run(new Text(estimate.TryGetValue(e.Block, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1")));
            p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            yield return p;
        }
    }

    /// <summary>
    /// The page each heading and table is expected on, following the document's flow: the title and 目录 (one page per
    /// 35 entries), the parts from a new page, body lines of 16 pt on a 28 pt grid, a core table on a page of its own
    /// (rows of about 15 pt), 绩效 tables after one another.
    /// </summary>
    private static Dictionary<int, int> EstimatePages(CompiledPackage p)
    {
        var pages = new Dictionary<int, int>();
        var entries = Contents.Entries(p).Count;
        int page = 1 + Math.Max(0, entries - 1) / 35;
        double used = double.MaxValue; // the parts start on a new page
        double capacity = PortraitHeight - MarginTop - MarginBottom;
        bool wide = false;
        void Need(double h, bool newPage, bool landscape)
        {
            double cap = landscape ? PortraitWidth - 2 * MarginSide : capacity;
            if (newPage || landscape != wide || used + h > cap) { page++; used = 0; wide = landscape; }
            used += h;
        }
        for (int i = 1; i < p.Blocks.Count; i++)
        {
            switch (p.Blocks[i])
            {
                case HeadingBlock:
                    Need(700, false, false);
                    pages[i] = page;
                    break;
                case ParagraphBlock para:
                    int lines = Math.Max(1, (int)Math.Ceiling(Twips(para.Text, 32) / (double)PortraitUsable));
                    for (int k = 0; k < lines; k++) Need(560, false, false);
                    break;
                case TableBlock { Table: var t }:
                    bool l = Landscape(t);
                    Need(1600 + t.HeaderRowCount * 400, !t.NoModel || p.Blocks[i - 1] is not TableBlock { Table.NoModel: true }, l);
                    pages[i] = page;
                    // a heading just before moves with its table
                    for (int k = i - 1; k > 0 && p.Blocks[k] is HeadingBlock; k--) pages[k] = page;
                    foreach (var r in t.Rows) Need(300, false, l);
                    break;
            }
        }
        return pages;
    }

    private static Paragraph Heading(HeadingBlock h) => Para(h.Text, h.Level == 1 ? "Title" : $"Heading{Math.Min(h.Level - 1, 3)}");

    private static IEnumerable<Paragraph> TableCaption(RenderTable t)
    {
        yield return Para(t.Label, "TableLabel");
        yield return Para(t.Title, "TableTitle");
        if (t.UnitNameLine is { } un) yield return Para(un, "TableUnitName");
        yield return Para(t.UnitLine, "TableUnit");
    }

    /// <summary>Section properties: A4 portrait or landscape, margins, the page-number footer.</summary>
    private static SectionProperties Section(bool landscape, string footerId)
    {
        var s = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new SectionType { Val = SectionMarkValues.NextPage },
            landscape
                ? new PageSize { Width = PortraitHeight, Height = PortraitWidth, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PortraitWidth, Height = PortraitHeight },
            landscape
                ? new PageMargin { Top = MarginSide, Bottom = MarginSide, Left = MarginTop, Right = MarginBottom, Header = 567, Footer = 567 }
                : new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginSide, Right = MarginSide, Header = 851, Footer = 794 });
        return s;
    }

    /// <summary>A footer “— N —” with a PAGE field, centred.</summary>
    private static Footer PageNumberFooter()
    {
        var rp = () => new RunProperties(new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont }, new FontSize { Val = "28" });
        return new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
            new Run(rp(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(rp(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(rp(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(rp(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(rp(), new Text("1")),
            new Run(rp(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(rp(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }

    private static Paragraph Para(string text, string? style)
    {
        var p = new Paragraph();
        p.Append(style is not null ? new ParagraphProperties(new ParagraphStyleId { Val = style }) : new ParagraphProperties());
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    /// <summary>Text width in twips at the table size: a CJK character is one em, others 0.6 em (宋体's figures are half an
    /// em; the margin keeps a figure on one line where a wider substitute font is used).</summary>
    private static int Twips(string s, int halfPoints = TableHalfPoints) => (int)Math.Ceiling(s.Sum(ch => ch > 0x2E80 ? 1.0 : 0.6) * halfPoints * 10);

    /// <summary>The width of a figure or code: digits at 0.66 em, the width of the sans figures LibreOffice and WPS substitute
    /// where 宋体 is missing (DejaVu Sans: 0.64 em), so a 7-digit 项 code or an amount stays on one line there too.</summary>
    private static int FigureTwips(string s, int halfPoints = TableHalfPoints) =>
        (int)Math.Ceiling(s.Sum(ch => ch > 0x2E80 ? 1.0 : char.IsAsciiDigit(ch) ? 0.66 : ch is '.' or ',' ? 0.35 : 0.6) * halfPoints * 10);

    private static int PortraitUsable => PortraitWidth - 2 * MarginSide;
    private static int LandscapeUsable => PortraitHeight - MarginTop - MarginBottom;

    /// <summary>What each column needs (its widest figure, or its header's longest word / four characters of text) and wants (its longest text).</summary>
    private static (int[] Need, int[] Want) Measure(RenderTable t, int hp = TableHalfPoints)
    {
        int cols = t.Columns.Count;
        var need = new int[cols];
        var want = new int[cols];
        // a merged cell (span of several columns) asks nothing of any one column
        var single = BodyLayout.Cells(t).SelectMany(x => x).Where(x => x.ColSpan == 1 && !t.IsSectionRow(x.Row)).ToLookup(x => x.Column, x => t.Rows[x.Row]);
        for (int c = 0; c < cols; c++)
        {
            var bodyRows = single[c].ToList();
            bool amounts = t.IsNumeric(c) || t.Columns[c].Role == ColumnRole.Code;
            int figures = bodyRows.Where(r => t.IsAmountCell(c, r.Cells[c]) || t.Columns[c].Role == ColumnRole.Code).Select(r => FigureTwips(r.Cells[c], hp)).DefaultIfEmpty(0).Max();
            int text = bodyRows.Select(r => Twips(r.Cells[c], hp)).DefaultIfEmpty(0).Max();
            // the widest unbreakable word (97%-100%, a code) is never split
            int word = bodyRows.SelectMany(r => TextBreaks.Words(r.Cells[c])).Select(w => FigureTwips(w, hp)).DefaultIfEmpty(0).Max();
            var heads = Enumerable.Range(0, t.HeaderRowCount).Select(h => t.HeaderRow(h)[c]).ToList();
            int headWord = heads.Select(h => Twips(h.Length > 4 ? h[..4] : h, hp)).DefaultIfEmpty(0).Max();
            int head = heads.Select(h => Twips(h, hp)).DefaultIfEmpty(0).Max();
            need[c] = Math.Max(Math.Max(Math.Max(figures, Math.Min(text, Twips("四个汉字", hp))), headWord), word) + 2 * CellPad;
            want[c] = Math.Max(Math.Max(text, Math.Min(head, Twips(amounts ? "四个汉字" : "八个汉字八个汉字", hp))) + 2 * CellPad, need[c]);
        }
        return (need, want);
    }

    /// <summary>A table goes on a landscape page when it does not fit portrait (or says so), or when only a landscape page
    /// keeps its names (科目名称) on one line; see <see cref="Fit"/>.</summary>
    public static bool Landscape(RenderTable t) => Fit(t).Landscape;

    /// <summary>
    /// The name columns of a core table: label columns of names (科目名称, 项目名称 — no text longer than 24 characters), which
    /// should not wrap: a wrapped 科目名称 reads as two lines of the table.
    /// </summary>
    private static List<int> NameColumns(RenderTable t)
    {
        if (t.NoModel) return [];
        return Enumerable.Range(0, t.Columns.Count).Where(c => t.Columns[c].Role == ColumnRole.Label && !t.IsNumeric(c)
            && t.Rows.Where((_, i) => !t.IsSectionRow(i)).All(r => r.Cells[c].Trim().Length <= 24)).ToList();
    }

    /// <summary>Whether the name columns get their whole text while every other column gets what it needs.</summary>
    private static bool NamesFit(RenderTable t, List<int> names, bool landscape, int hp)
    {
        var (need, want) = Measure(t, hp);
        return Enumerable.Range(0, need.Length).Sum(c => names.Contains(c) ? want[c] : need[c]) <= (landscape ? LandscapeUsable : PortraitUsable);
    }

    /// <summary>
    /// Orientation and the largest text size (half-points) at which the columns fit: portrait unless the figures do not fit
    /// it (or the table says so); names kept on one line at 10 pt, else at 9 pt; a portrait table whose names fit neither
    /// goes landscape when they fit there (as the regions print their wide summary tables), at 10, 9 or, with many figure
    /// columns, 8 pt. Where names fit nowhere the table keeps 10 pt and its orientation, and the names wrap.
    /// </summary>
    private static (bool Landscape, int Size) Fit(RenderTable t)
    {
        bool wide;
        if (t.Landscape is { } hint) wide = hint;
        else
        {
            var (need, want) = Measure(t);
            wide = t.Columns.Count > 4 && (need.Sum() > PortraitUsable || want.Sum() > PortraitUsable * 1.15);
        }
        var names = NameColumns(t);
        if (names.Count == 0) return (wide, TableHalfPoints);
        foreach (var hp in new[] { TableHalfPoints, 18 })
            if (NamesFit(t, names, wide, hp)) return (wide, hp);
        bool mayTurn = !wide && t.Landscape is null && t.Columns.Count > 4;
        if (mayTurn)
            foreach (var hp in new[] { TableHalfPoints, 18 })
                if (NamesFit(t, names, true, hp)) return (true, hp);
        // a landscape table of many figure columns (收入预算总表, 13 columns) at 8 pt, as the regions print it
        if ((wide || mayTurn) && NamesFit(t, names, true, 16)) return (true, 16);
        return (wide, TableHalfPoints);
    }

    /// <summary>Column widths (twips) at the table's size: the names their whole text when that fits beside the other
    /// columns' needs, every column its need, the rest shared in proportion to what the columns want beyond their needs.</summary>
    public static int[] ColumnWidths(RenderTable t)
    {
        var (wide, hp) = Fit(t);
        return Widths(t, wide, hp);
    }

    private static int[] Widths(RenderTable t, bool wide, int hp)
    {
        int usable = wide ? LandscapeUsable : PortraitUsable;
        var (need, want) = Measure(t, hp);
        var names = NameColumns(t);
        if (names.Count > 0 && NamesFit(t, names, wide, hp))
            foreach (var c in names) need[c] = want[c];
        return ColumnFit.Distribute(need.Select(x => (double)x).ToList(), want.Select(x => (double)x).ToList(), usable).Select(w => (int)Math.Floor(w)).ToArray();
    }

    private static Table Table(RenderTable t)
    {
        int cols = t.Columns.Count;
        var widths = ColumnWidths(t);
        int size = TableSize(t);
        var table = new Table();
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        table.Append(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString() },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            border, new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var header = HeaderLayout.Cells(t);
        // covered[r, c]: part of a vertical merge started above
        var covered = new HeaderCell?[t.HeaderRowCount, cols];
        foreach (var row in header)
            foreach (var hc in row)
                for (int i = 1; i < hc.RowSpan; i++) covered[hc.Row + i, hc.Column] = hc;
        for (int h = 0; h < t.HeaderRowCount; h++)
        {
            // a 绩效 table's first row is its 项目名称 row, not a header to repeat on each page
            var tr = new TableRow(t.NoModel ? new TableRowProperties(new CantSplit()) : new TableRowProperties(new CantSplit(), new TableHeader()));
            var starts = header[h].ToDictionary(x => x.Column);
            for (int c = 0; c < cols;)
            {
                if (starts.TryGetValue(c, out var hc))
                {
                    tr.Append(Cell(hc.Text, widths.Skip(c).Take(hc.ColSpan).Sum(), CellKind.Header, hc.ColSpan, hc.RowSpan > 1 ? MergedCellValues.Restart : null, keepNext: true, size: size));
                    c += hc.ColSpan;
                }
                else if (covered[h, c] is { } above)
                {
                    tr.Append(Cell("", widths.Skip(c).Take(above.ColSpan).Sum(), CellKind.Header, above.ColSpan, MergedCellValues.Continue, keepNext: true, size: size));
                    c += above.ColSpan;
                }
                else c++;
            }
            table.Append(tr);
        }
        var body = BodyLayout.Cells(t);
        int n = t.Rows.Count;
        var heights = RowHeights(t, body, widths, size);
        // a continued page of a form has no caption (the 项目名称 row is not repeated): the whole page is room
        double room = Capacity(t);
        SplitLongMerges(body, heights, room);
        var below = BodyLayout.Covering(t, body);
        // rows kept with the next (keep-with-next on every paragraph of the row): a form that fits a page stays whole;
        // otherwise the caption and header with the first two rows, and the last row with the one before it
        bool whole = t.NoModel && FitsPage(t);
        // a form's merged label with its rows and each of its sections, when they fit a page: the label is printed with all
        // of its rows, and a section that does not fit the rest of a page starts the next one whole (no page of a few rows)
        var together = new bool[n];
        foreach (var (start, end) in BodyLayout.KeepUnits(t, body))
            if (Enumerable.Range(start, end - start + 1).Sum(i => heights[i]) <= room)
                for (int i = start; i < end; i++) together[i] = true;
        // (the last row stays with the notes under the table: no page holds only a note)
        bool Keep(int i) => i < n - 1 && (whole || i < 2 || i == n - 2 || together[i]) || i == n - 1 && t.Notes.Count > 0;
        for (int i = 0; i < n; i++)
        {
            var r = t.Rows[i];
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            bool keep = Keep(i);
            if (t.IsSectionRow(i))
                tr.Append(Cell(r.Cells[0], widths.Sum(), CellKind.Section, cols, null, size: size));
            else
            {
                var starts = body[i].ToDictionary(x => x.Column);
                for (int c = 0; c < cols;)
                {
                    if (starts.TryGetValue(c, out var bc))
                    {
                        var kind = t.IsAmountCell(r, c) ? CellKind.Amount : CellKind.Text;
                        tr.Append(Cell(bc.Text, widths.Skip(c).Take(bc.ColSpan).Sum(), kind, bc.ColSpan, bc.RowSpan > 1 ? MergedCellValues.Restart : null, keep, size));
                        c += bc.ColSpan;
                    }
                    else if (below[i, c] is { } above)
                    {
                        tr.Append(Cell("", widths.Skip(c).Take(above.ColSpan).Sum(), CellKind.Text, above.ColSpan, MergedCellValues.Continue, keep, size));
                        c += above.ColSpan;
                    }
                    else c++;
                }
            }
            table.Append(tr);
        }
        return table;
    }

    private enum CellKind { Header, Section, Text, Amount }

    /// <summary>The height a table may take on one page of its orientation (with a margin for the estimate).</summary>
    private static double Capacity(RenderTable t) => (Landscape(t) ? PortraitWidth - 2 * MarginSide : PortraitHeight - MarginTop - MarginBottom) * 0.95;

    /// <summary>The table's text size in half-points: 10 pt, or 9 / 8 pt when that fits a table running a few rows past
    /// a page onto one page (a finance office prints each table on a page where it can).</summary>
    public static int TableSize(RenderTable t)
    {
        var (wide, most) = Fit(t);
        var widths = Widths(t, wide, most);
        foreach (var hp in new[] { TableHalfPoints, 18, 16 }.Where(x => x <= most))
            if (EstimatedHeight(t, widths, hp) <= Capacity(t)) return hp;
        return most;
    }

    /// <summary>Whether the table, by <see cref="EstimatedHeight"/> at its size, fits one page of its orientation with a
    /// margin wide enough for the estimate: a form that does is kept whole (every row with the next); one that does not
    /// starts a page and may run on. A whole form the layout finds too long would leave its caption alone.</summary>
    public static bool FitsPage(RenderTable t) => EstimatedHeight(t, ColumnWidths(t), TableSize(t)) <= Capacity(t) * 0.8;

    /// <summary>The height of a table in twips as Word will lay it out, roughly: the caption, and per row its tallest cell
    /// (lines of the cell's text at its width).</summary>
    private static int EstimatedHeight(RenderTable t, int[] widths, int halfPoints)
    {
        // the caption (label, title, 编制单位 and unit lines) about 85 pt
        int total = 1700;
        var header = HeaderLayout.Cells(t);
        foreach (var row in header)
            total += RowHeight(row.Where(c => c.RowSpan == 1).Select(c => (c.Text, widths.Skip(c.Column).Take(c.ColSpan).Sum())), halfPoints);
        total += RowHeights(t, BodyLayout.Cells(t), widths, halfPoints).Sum();
        // the notes under it (10.5 pt on a 15 pt line)
        foreach (var n in t.Notes) total += 300 * Math.Max(1, (int)Math.Ceiling(Twips(n, 21) / (double)Math.Max(1, widths.Sum())));
        return total;
    }

    /// <summary>The estimated height (twips) of each body row: its tallest cell of one row (lines of its text at its width).</summary>
    private static int[] RowHeights(RenderTable t, List<List<BodyCell>> body, int[] widths, int halfPoints) =>
        body.Select(row => RowHeight(row.Where(c => c.RowSpan == 1).Select(c => (c.Text, widths.Skip(c.Column).Take(c.ColSpan).Sum())), halfPoints)).ToArray();

    /// <summary>One row's height: measured on LibreOffice's layout (CJK substitute faces have tall lines), a row of one line at
    /// 10 pt is 15 pt high.</summary>
    private static int RowHeight(IEnumerable<(string Text, int Width)> cells, int halfPoints)
    {
        int line = (int)(14.5 * halfPoints), rowPad = halfPoints / 2;
        return cells.Select(c => Math.Max(1, (int)Math.Ceiling(FigureTwips(c.Text, halfPoints) / (double)Math.Max(1, c.Width - 2 * CellPad)))).DefaultIfEmpty(1).Max() * line + rowPad;
    }

    /// <summary>
    /// A label merged down more rows than a page holds (a long list of indicators) is cut into parts of about equal height,
    /// none much longer than half a page, each a merged cell that prints the label again: Word and LibreOffice do not repeat a merged cell's text on a
    /// continued page, and a part kept whole on a page carries it there.
    /// </summary>
    private static void SplitLongMerges(List<List<BodyCell>> body, int[] heights, double room)
    {
        double limit = room * 0.5;
        foreach (var bc in body.SelectMany(x => x).Where(c => c.RowSpan > 1).ToList())
        {
            if (Enumerable.Range(bc.Row, bc.RowSpan).Sum(i => heights[i]) <= room) continue;
            // parts of about equal height (no part of a few rows)
            int end = bc.Row + bc.RowSpan, start = bc.Row;
            double total = Enumerable.Range(bc.Row, bc.RowSpan).Sum(i => heights[i]);
            double share = total / Math.Ceiling(total / limit);
            while (start < end)
            {
                int k = start;
                double h = 0;
                do h += heights[k++]; while (k < end && h + heights[k] <= share * 1.15);
                var part = bc with { Row = start, RowSpan = k - start };
                var row = body[start];
                if (start == bc.Row) row[row.IndexOf(bc)] = part;
                else row.Insert(row.Count(x => x.Column < bc.Column), part);
                start = k;
            }
        }
    }

    private static TableCell Cell(string text, int width, CellKind kind, int span, MergedCellValues? vmerge, bool keepNext = false, int size = TableHalfPoints)
    {
        var props = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString() });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (vmerge is not null) props.Append(new VerticalMerge { Val = vmerge.Value });
        if (kind is CellKind.Header or CellKind.Section) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = kind == CellKind.Header ? "F2F2F2" : "F8F8F8" });
        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var pp = new ParagraphProperties(new ParagraphStyleId { Val = kind is CellKind.Header or CellKind.Section ? "TableHeader" : "TableText" });
        // a section row (绩效指标, 长期绩效目标表) stays with the row after it
        if (kind == CellKind.Section || keepNext) pp.Append(new KeepNext());
        pp.Append(new Justification { Val = kind switch { CellKind.Header => JustificationValues.Center, CellKind.Amount => JustificationValues.Right, _ => JustificationValues.Left } });
        var p = new Paragraph(pp);
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (size != TableHalfPoints) run.PrependChild(new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        p.Append(run);
        return new TableCell(props, p);
    }

    /// <summary>A 目录 style: a right tab with dot leaders at the text width, the level's left indent.</summary>
    private static Style ContentsStyle(Style s, int indent)
    {
        var pp = s.GetFirstChild<StyleParagraphProperties>()!;
        pp.InsertAt(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = PortraitUsable }), 0);
        pp.GetFirstChild<Indentation>()!.Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return s;
    }

    private static Styles Styles()
    {
        Style S(string id, string name, string? basedOn, int halfPoints, bool bold, string font, JustificationValues? just = null, int? outline = null,
            bool indent = false, bool keepNext = false, string before = "0", string after = "0", string line = "560", LineSpacingRuleValues? rule = null)
        {
            var s = new Style { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = id.StartsWith("Table") };
            s.Append(new StyleName { Val = name });
            if (basedOn is not null) s.Append(new BasedOn { Val = basedOn });
            s.Append(new PrimaryStyle());
            var pp = new StyleParagraphProperties();
            if (keepNext || outline is not null) pp.Append(new KeepNext());
            if (keepNext || outline is not null) pp.Append(new KeepLines());
            pp.Append(new SpacingBetweenLines { Before = before, After = after, Line = line, LineRule = rule ?? LineSpacingRuleValues.Exact });
            pp.Append(indent ? new Indentation { FirstLineChars = 200, FirstLine = "640" } : new Indentation { FirstLineChars = 0, FirstLine = "0", Left = "0" });
            if (just is not null) pp.Append(new Justification { Val = just.Value });
            if (outline is not null) pp.Append(new OutlineLevel { Val = outline.Value });
            s.Append(pp);
            var rp = new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
            if (bold) rp.Append(new Bold());
            rp.Append(new FontSize { Val = halfPoints.ToString() });
            rp.Append(new FontSizeComplexScript { Val = halfPoints.ToString() });
            s.Append(rp);
            return s;
        }
        // 公文 sizes: title 二号 (22 pt) 方正小标宋简体, headings 三号 (16 pt) 黑体, body 三号 仿宋_GB2312 at a fixed 28 pt line
        var normal = S("Normal", "Normal", null, 32, false, BodyFont, JustificationValues.Both, indent: true);
        normal.Default = true;
        var table = TableHalfPoints.ToString();
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont }, new Languages { Val = "en-US", EastAsia = "zh-CN" }))),
            normal,
            S("Title", "Title", "Normal", 44, false, TitleFont, JustificationValues.Center, 0, before: "0", after: "560", line: "700"),
            S("Heading1", "heading 1", "Normal", 32, false, HeadingFont, JustificationValues.Left, 0, before: "280"),
            S("Heading2", "heading 2", "Normal", 32, false, HeadingFont, JustificationValues.Left, 1),
            S("Heading3", "heading 3", "Normal", 32, true, BodyFont, JustificationValues.Left, 2),
            S("TableLabel", "表格编号", "Normal", 21, false, BodyFont, JustificationValues.Right, keepNext: true, line: "300"),
            S("TableTitle", "表格标题", "Normal", 36, false, TitleFont, JustificationValues.Center, keepNext: true, before: "120", after: "120", line: "480"),
            S("TableUnit", "表格单位", "Normal", 21, false, BodyFont, JustificationValues.Right, keepNext: true, line: "300"),
            S("TableUnitName", "编制单位", "Normal", 21, false, BodyFont, JustificationValues.Left, keepNext: true, line: "300"),
            S("TableHeader", "表格表头", "Normal", 20, false, HeadingFont, JustificationValues.Center, line: "240", rule: LineSpacingRuleValues.Auto),
            S("TableText", "表格文字", "Normal", int.Parse(table), false, TableFont, JustificationValues.Left, line: "240", rule: LineSpacingRuleValues.Auto),
            S("TableNote", "表格注释", "Normal", 21, false, BodyFont, JustificationValues.Left, line: "300"),
            S("Footer", "footer", "Normal", 28, false, BodyFont, JustificationValues.Center, line: "240", rule: LineSpacingRuleValues.Auto),
            S("ContentsHeading", "目录标题", "Normal", 32, false, HeadingFont, JustificationValues.Center, before: "280", after: "280"),
            ContentsStyle(S("Contents1", "toc 1", "Normal", 32, false, HeadingFont, JustificationValues.Left), 0),
            ContentsStyle(S("Contents2", "toc 2", "Normal", 28, false, BodyFont, JustificationValues.Left, line: "480"), 640));
    }
}
