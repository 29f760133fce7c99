using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Rendering mechanisms: unbreakable words in table cells, merged cells (spans, section rows, labels merged down their
/// rows) in every format, the 目录 after the title, and the 尾数误差 note only where a 尾差 is printed.
/// </summary>
public class MergedCellsAndContentsTests
{
    private static readonly Lazy<CompiledPackage> _seed003 = new(() => PackageAssert.Build(CompileSeedTests.Load("seed003-final-2024.json")));
    private static readonly Lazy<CompiledPackage> _seed004 = new(() => PackageAssert.Build(CompileSeedTests.Load("seed004-budget-2023.json")));
    private static readonly Lazy<byte[]> _pdf004 = new(() => new PdfRenderer().RenderToBytes(_seed004.Value));

    private static List<UglyToad.PdfPig.Content.Page> Pages(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return doc.GetPages().ToList();
    }

    /// <summary>Printed lines of a page: letters grouped by baseline, left to right, as text.</summary>
    private static List<string> Lines(UglyToad.PdfPig.Content.Page page) =>
        page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 0)).OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))).ToList();

    [Fact]
    public void Break_units_keep_figures_and_codes_whole()
    {
        Assert.Equal(["97%-100%"], TextBreaks.Words("完成率97%-100%"));
        Assert.Equal(["完", "成", "97%-100%", " ", "+5.2%"], TextBreaks.Tokens("完成97%-100% +5.2%"));
        Assert.Equal(["1,234.56", "2024-2026"], TextBreaks.Words("合计1,234.56元，2024-2026年"));
    }

    [Fact]
    public void Pdf_never_splits_an_unbreakable_word_in_a_table_cell()
    {
        CjkFontGuard();
        // the seed's 绩效 indicator value 97%-100% is read back whole, on one line
        var words = Pages(_pdf004.Value).SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("97%-100%", words);
        // a column of eight where one word is far wider than the column can be: the word is printed whole (smaller), not split
        var p = PackageAssert.Build(CompileSeedTests.Load("seed004-budget-2023.json"));
        var t = new RenderTable { Kind = TableKind.Unknown, Label = "测试", Title = "不可断开的词", NoModel = true };
        for (int c = 0; c < 8; c++) t.Columns.Add(new RenderColumn([$"列{c}"], ColumnRole.Label));
        const string word = "2024-2026-ABCDEFGHIJKLMNOPQRSTUVWXYZ-97%-100%";
        for (int r = 0; r < 3; r++) t.Rows.Add(new RenderRow(Enumerable.Range(0, 8).Select(c => c == 3 ? word : $"第{r}行文字说明较长的内容{c}").ToArray()));
        p.Blocks.Add(new TableBlock(t));
        var pages = Pages(new PdfRenderer().RenderToBytes(p));
        var last = pages.Where(pg => string.Concat(pg.Letters.Select(l => l.Value)).Contains("不可断开的词")).Last();
        Assert.Equal(3, last.GetWords().Count(w => w.Text == word));
    }

    private static void CjkFontGuard() => Assert.True(CjkFont.AllPreferred, CjkFont.MissingHint());

    [Fact]
    public void Body_layout_merges_spans_section_rows_and_labels_down_their_rows()
    {
        var t = new RenderTable { NoModel = true };
        for (int c = 0; c < 4; c++) t.Columns.Add(new RenderColumn([$"列{c}"], ColumnRole.Label));
        t.Rows.Add(PerformanceTables.Spanned(4, ("项目主管部门", 1), ("某局", 3)));
        t.Rows.Add(new RenderRow(["资金来源", "财政拨款", "100.00", ""]));
        t.Rows.Add(new RenderRow(["", "其他资金", "0.00", ""]));
        t.Rows.Add(new RenderRow(["绩效指标", "", "", ""]) { Section = true });
        t.Rows.Add(new RenderRow(["", "产出指标", "数量", "3"]));
        var cells = BodyLayout.Cells(t);
        Assert.Equal([(0, 1, 1), (1, 1, 3)], cells[0].Select(c => (c.Column, c.RowSpan, c.ColSpan)));
        Assert.Equal((0, 2, 1), (cells[1][0].Column, cells[1][0].RowSpan, cells[1][0].ColSpan)); // 资金来源 over its two lines
        Assert.Equal(3, cells[2].Count);                                                          // its first cell is covered
        Assert.Equal((0, 1, 4), (cells[3][0].Column, cells[3][0].RowSpan, cells[3][0].ColSpan));  // the section row spans the table
        Assert.Equal(4, cells[4].Count);                                                          // a section row is not a label to merge into
        // a table with a model never merges rows (its empty first cell is a blank code)
        var core = new RenderTable();
        for (int c = 0; c < 3; c++) core.Columns.Add(new RenderColumn([$"列{c}"], c == 2 ? ColumnRole.Value : ColumnRole.Label));
        core.Rows.Add(new RenderRow(["201", "一般公共服务支出", "1.00"]));
        core.Rows.Add(new RenderRow(["", "合计", "1.00"]));
        Assert.All(BodyLayout.Cells(core), r => Assert.All(r, c => Assert.Equal((1, 1), (c.RowSpan, c.ColSpan))));
    }

    [Fact]
    public void Xlsx_docx_and_html_print_the_merged_cells()
    {
        var p = _seed004.Value;
        var form = p.Tables.First(t => t.NoModel && t.Rows.Any(r => r.Spans is not null));
        var layout = BodyLayout.Cells(form).SelectMany(x => x).ToList();
        Assert.Contains(layout, c => c.RowSpan > 1);
        Assert.Contains(layout, c => c.ColSpan > 1 && c.ColSpan < form.Columns.Count);

        // XLSX: the form's sheet has the body merges (a vertical and a horizontal one), and every sheet has the 编制单位 line
        using (var x = SpreadsheetDocument.Open(new MemoryStream(new XlsxRenderer().RenderToBytes(p)), false))
        {
            var sheets = x.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().ToList();
            var sheet = (WorksheetPart)x.WorkbookPart.GetPartById(sheets.First(s => s.Name == form.Label).Id!);
            var refs = sheet.Worksheet.Descendants<X.MergeCell>().Select(m => m.Reference!.Value!).ToList();
            static (string C1, int R1, string C2, int R2) Parse(string r)
            {
                var m = Regex.Match(r, @"^([A-Z]+)(\d+):([A-Z]+)(\d+)$");
                return (m.Groups[1].Value, int.Parse(m.Groups[2].Value), m.Groups[3].Value, int.Parse(m.Groups[4].Value));
            }
            Assert.Contains(refs, r => Parse(r) is var q && q.C1 == q.C2 && q.R2 > q.R1);
            Assert.Contains(refs, r => Parse(r) is var q && q.C1 != q.C2 && q.R1 == q.R2 && q.R1 > 4);
            if (p.Tables.First().UnitNameLine is { } line)
            {
                var core = (WorksheetPart)x.WorkbookPart.GetPartById(sheets[1].Id!);
                Assert.Contains(core.Worksheet.Descendants<X.InlineString>(), s => s.InnerText == line);
            }
            // a core table's multi-level header is merged too
            Assert.Contains(sheets.Skip(1).Select(s => (WorksheetPart)x.WorkbookPart.GetPartById(s.Id!)),
                w => w.Worksheet.Descendants<X.MergeCell>().Any(m => Parse(m.Reference!.Value!) is var q && q.R1 == 4 && q.C1 != q.C2));
        }
        // DOCX: gridSpan and vMerge in the body of the form
        using (var d = WordprocessingDocument.Open(new MemoryStream(new DocxRenderer().RenderToBytes(p)), false))
        {
            var cells = d.MainDocumentPart!.Document.Body!.Descendants<W.TableCell>().ToList();
            var down = layout.First(c => c.RowSpan > 1);
            var restart = cells.First(c => c.InnerText == down.Text && c.TableCellProperties!.GetFirstChild<W.VerticalMerge>() is not null);
            Assert.Equal(W.MergedCellValues.Restart, restart.TableCellProperties!.GetFirstChild<W.VerticalMerge>()!.Val!.Value);
            Assert.True(cells.Count(c => c.TableCellProperties!.GetFirstChild<W.VerticalMerge>()?.Val?.Value == W.MergedCellValues.Continue) >= down.RowSpan - 1);
            var across = layout.First(c => c.ColSpan > 1 && c.ColSpan < form.Columns.Count && c.Text.Length > 0);
            Assert.Contains(cells, c => c.InnerText == across.Text && c.TableCellProperties!.GetFirstChild<W.GridSpan>()?.Val?.Value == across.ColSpan);
        }
        // HTML: rowspan and colspan in the body
        var html = HtmlRenderer.ToText(p);
        Assert.Matches("<td rowspan=\"\\d+\"", html);
        Assert.Matches("<td colspan=\"\\d+\"", html);
    }

    [Fact]
    public void Pdf_contents_lists_every_part_and_table_with_the_page_it_starts_on()
    {
        CjkFontGuard();
        var p = _seed004.Value;
        var entries = Contents.Entries(p);
        Assert.Equal(p.Tables.Count() + p.Blocks.Count(b => b is HeadingBlock { Level: 2 }), entries.Count);
        Assert.Equal(2, entries.Count(e => e.Level == 0)); // 第一部分, 第二部分
        var pages = Pages(_pdf004.Value);
        Assert.Contains(Contents.Heading, Lines(pages[0]));
        var lines = pages.Take(4).SelectMany(Lines).ToList();
        foreach (var e in entries.Where(e => p.Blocks[e.Block] is TableBlock).Take(12))
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(e.Text[..Math.Min(12, e.Text.Length)], StringComparison.Ordinal));
            Assert.True(line is not null, $"目录中没有“{e.Text}”");
            var number = int.Parse(Regex.Match(line!, @"(\d+)$").Groups[1].Value);
            var title = ((TableBlock)p.Blocks[e.Block]).Table.Title;
            Assert.Contains(title, string.Concat(pages[number - 1].Letters.Select(l => l.Value)));
        }
    }

    [Fact]
    public void Docx_and_html_contents_point_at_every_part_and_table()
    {
        var p = _seed003.Value;
        var entries = Contents.Entries(p);
        using (var d = WordprocessingDocument.Open(new MemoryStream(new DocxRenderer().RenderToBytes(p)), false))
        {
            var body = d.MainDocumentPart!.Document.Body!;
            var marks = body.Descendants<W.BookmarkStart>().Select(b => b.Name!.Value!).ToHashSet();
            var refs = body.Descendants<W.FieldCode>().Select(f => Regex.Match(f.Text, @"PAGEREF (\S+)")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(entries.Count, refs.Count);
            Assert.All(refs, r => Assert.Contains(r, marks));
        }
        var html = HtmlRenderer.ToText(p);
        foreach (var e in entries)
        {
            Assert.Contains($"href=\"#b{e.Block}\"", html);
            Assert.Contains($"id=\"b{e.Block}\"", html);
        }
    }

    [Fact]
    public void Rounding_note_only_under_tables_that_print_a_tail_difference()
    {
        // the 重庆 决算 prints given totals with their 尾差 (328.13 against parts adding to 328.12)
        var p = _seed003.Value;
        var core = p.Tables.Where(t => !t.NoModel).ToList();
        int with = 0;
        foreach (var t in core)
        {
            bool tail = RoundingNote.PrintsTailDifference(PackageBuilder.ToModel(t));
            Assert.True(tail == t.Notes.Any(RoundingNote.IsRoundingNote), $"{t.Label} {t.Title}：尾差 {tail}，注 {string.Join(" / ", t.Notes)}");
            if (tail) with++;
        }
        Assert.InRange(with, 1, core.Count - 1);
        // data without given totals prints no 尾差 and no note
        for (int seed = 1; seed <= 20; seed++)
            Assert.DoesNotContain(PackageAssert.Build(RandomData.Create(seed)).Tables.SelectMany(t => t.Notes), RoundingNote.IsRoundingNote);
        // a small model: a class printed 0.01 above its items is a 尾差; one equal to them is not
        var m = new RenderTable();
        m.Columns.Add(new RenderColumn(["科目编码"], ColumnRole.Code));
        m.Columns.Add(new RenderColumn(["科目名称"], ColumnRole.Label));
        m.Columns.Add(new RenderColumn(["合计"], ColumnRole.Value, new ColumnKey(Measure.Total)));
        m.Rows.Add(new RenderRow(["201", "一般公共服务支出", "10.01"]));
        m.Rows.Add(new RenderRow(["20101", "人大事务", "4.00"]));
        m.Rows.Add(new RenderRow(["20103", "政府办公厅（室）及相关机构事务", "6.00"]));
        m.Rows.Add(new RenderRow(["", "合计", "10.01"], new RowMeta(IsTotal: true)));
        Assert.True(RoundingNote.PrintsTailDifference(PackageBuilder.ToModel(m)));
        m.Rows[0].Cells[2] = "10.00";
        m.Rows[3].Cells[2] = "10.00";
        Assert.False(RoundingNote.PrintsTailDifference(PackageBuilder.ToModel(m)));
        m.Rows[3].Cells[2] = "10.01"; // the 合计 against the class
        Assert.True(RoundingNote.PrintsTailDifference(PackageBuilder.ToModel(m)));
    }
}
