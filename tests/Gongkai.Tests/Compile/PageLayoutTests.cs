using DocumentFormat.OpenXml.Packaging;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Page layout of the PDF and DOCX (third pass): labels merged down their rows in the PDF and repeated on a continued
/// page, balanced header lines, a form that runs a few rows past a page set smaller, code columns wide enough for a
/// code in a substitute font, rows kept together in the DOCX, and the 尾数 note under summary tables that print a 尾差.
/// </summary>
public class PageLayoutTests
{
    private static readonly Lazy<CompiledPackage> _seed003 = new(() => PackageAssert.Build(CompileSeedTests.Load("seed003-final-2024.json")));
    private static readonly Lazy<CompiledPackage> _seed004 = new(() => PackageAssert.Build(CompileSeedTests.Load("seed004-budget-2023.json")));

    private static void CjkFontGuard() => Assert.True(CjkFont.AllPreferred, CjkFont.MissingHint());

    private static List<Gongkai.Reading.TableBlock> ReadTables(byte[] pdf) =>
        new DocumentReader([new PdfDocumentReader()]).Read("package.pdf", pdf).Blocks.OfType<Gongkai.Reading.TableBlock>().ToList();

    [Fact]
    public void Pdf_merges_form_labels_down_their_rows_and_repeats_them_on_a_continued_page()
    {
        CjkFontGuard();
        var tables = ReadTables(new PdfRenderer().RenderToBytes(_seed004.Value));
        var merged = tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells)).Where(c => c.Column == 0 && c.RowSpan >= 3 && !c.IsEmpty).Select(c => c.Text).ToList();
        // read back from the rules: one ruled cell over the indicator rows, not a label and empty cells under it
        Assert.Contains("年度绩效目标", merged);
        Assert.Contains("长期绩效目标", merged);
        // a label whose rows go on past the page foot opens the continued page again
        int repeated = 0;
        for (int k = 0; k + 1 < tables.Count; k++)
        {
            var (a, b) = (tables[k], tables[k + 1]);
            if (a.Source.Page is not { } pa || b.Source.Page != pa + 1 || b.Rows.Count == 0) continue;
            var open = a.Rows.SelectMany((r, i) => r.Cells.Where(c => c.Column == 0 && c.RowSpan > 1 && i + c.RowSpan == a.Rows.Count && !c.IsEmpty)).Select(c => c.Text);
            if (open.Contains(b.Rows[0][0])) repeated++;
        }
        Assert.True(repeated >= 1, "no merged label repeated on a continued page");
    }

    [Fact]
    public void Pdf_balances_header_lines_so_that_none_holds_a_single_character()
    {
        CjkFontGuard();
        var p = PackageAssert.Build(CompileSeedTests.Load("seed004-budget-2023.json"));
        var t = new RenderTable { Kind = TableKind.Unknown, Label = "测试", Title = "表头换行", NoModel = true };
        // headers of 5 to 13 characters over columns of figures: some wrap with one character left over when not balanced
        string[] heads = ["对附属单位补助支出", "经济分类科目编码", "上缴上级支出", "事业单位经营支出", "一般公共预算拨款收入", "国有资本经营预算拨款收入",
            "财政专户管理资金收入", "附属单位上缴收入", "其他收入", "用事业基金弥补收支差额", "年初结转和结余", "政府性基金预算财政拨款收入"];
        foreach (var h in heads) t.Columns.Add(new RenderColumn([h], ColumnRole.Label));
        for (int r = 0; r < 3; r++) t.Rows.Add(new RenderRow(heads.Select((_, c) => ((r + 1) * 1000 + c * 7.25m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture)).ToArray()));
        p.Blocks.Add(new Gongkai.Compile.TableBlock(t));
        using var doc = UglyToad.PdfPig.PdfDocument.Open(new PdfRenderer().RenderToBytes(p));
        var page = doc.GetPages().Last(pg => string.Concat(pg.Letters.Select(l => l.Value)).Contains("表头换行"));
        // the header cells are drawn in the 黑体 face (regular): their letters by baseline, split where a gap separates two cells
        var letters = page.Letters.Where(l => l.FontName.Contains("Hei", StringComparison.OrdinalIgnoreCase) && !l.FontName.Contains("Bold", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(letters);
        var lines = new List<string>();
        foreach (var g in letters.GroupBy(l => Math.Round(l.StartBaseLine.Y * 2) / 2))
        {
            var run = new System.Text.StringBuilder();
            double end = double.NegativeInfinity;
            foreach (var l in g.OrderBy(l => l.StartBaseLine.X))
            {
                if (run.Length > 0 && l.StartBaseLine.X - end > 2) { lines.Add(run.ToString()); run.Clear(); }
                run.Append(l.Value);
                end = l.EndBaseLine.X;
            }
            lines.Add(run.ToString());
        }
        Assert.True(lines.Count > heads.Length, string.Join(" / ", lines));
        Assert.DoesNotContain(lines, x => x.Length == 1 && x[0] > 0x2E80);
    }

    [Fact]
    public void Pdf_sets_a_form_a_few_rows_longer_than_a_page_smaller_instead_of_leaving_them_alone()
    {
        CjkFontGuard();
        // the 重庆 决算's forms: no page of a form holds only one or two of its rows
        using var doc = UglyToad.PdfPig.PdfDocument.Open(new PdfRenderer().RenderToBytes(_seed003.Value));
        var tables = ReadTables(new PdfRenderer().RenderToBytes(_seed003.Value));
        var continued = doc.GetPages().Where(pg => string.Concat(pg.Letters.Select(l => l.Value)).Contains("（续）")).Select(pg => pg.Number).ToHashSet();
        foreach (var t in tables.Where(t => t.Source.Page is { } n && continued.Contains(n)))
            Assert.True(t.Rows.Count >= 2, $"page {t.Source.Page}: a continued table with {t.Rows.Count} row");
    }

    private static List<W.Table> DocxTables(CompiledPackage p)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(new DocxRenderer().RenderToBytes(p)), false);
        return doc.MainDocumentPart!.Document.Body!.Elements<W.Table>().Select(t => (W.Table)t.CloneNode(true)).ToList();
    }

    [Fact]
    public void Docx_code_columns_hold_a_seven_digit_code_in_a_substitute_sans_font()
    {
        // 7 digits at 0.64 em (DejaVu Sans, which LibreOffice draws where 宋体 is missing) at 10 pt, plus Word's cell padding
        const int sevenDigits = (int)(7 * 0.64 * 200) + 2 * 108;
        int checkedTables = 0;
        foreach (var p in new[] { _seed003.Value, _seed004.Value })
            foreach (var t in DocxTables(p))
            {
                var rows = t.Elements<W.TableRow>().ToList();
                if (!rows.Take(3).Any(r => r.InnerText.Contains("编码"))) continue;
                if (!rows.Skip(1).Any(r => r.Elements<W.TableCell>().FirstOrDefault()?.InnerText is { Length: 7 } s && s.All(char.IsAsciiDigit))) continue;
                var grid = t.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
                Assert.True(grid[0] >= sevenDigits, $"code column {grid[0]} twips < {sevenDigits}");
                checkedTables++;
            }
        Assert.True(checkedTables >= 3);
    }

    private static bool KeptWithNext(W.TableRow r) =>
        r.Descendants<W.Paragraph>().All(p => p.ParagraphProperties?.KeepNext is not null);

    [Fact]
    public void Docx_keeps_a_table_s_last_row_with_the_one_before_and_its_notes_and_a_form_that_fits_a_page_whole()
    {
        foreach (var p in new[] { _seed003.Value, _seed004.Value })
        {
            var rendered = p.Tables.ToList();
            var docx = DocxTables(p);
            Assert.Equal(rendered.Count, docx.Count);
            for (int k = 0; k < docx.Count; k++)
            {
                var rows = docx[k].Elements<W.TableRow>().ToList();
                int body = rendered[k].Rows.Count, head = rows.Count - body;
                if (body < 3) continue;
                Assert.True(KeptWithNext(rows[^2]), $"{rendered[k].Label}: the row before the last is not kept with it");
                // the last row goes with the notes under the table, and with nothing else
                Assert.True(KeptWithNext(rows[^1]) == rendered[k].Notes.Count > 0, $"{rendered[k].Label}: the last row is kept with what follows the table");
                Assert.True(rows.Take(head + 2).All(KeptWithNext), $"{rendered[k].Label}: the header and first rows are not kept together");
                // a form that fits a page is kept whole
                if (rendered[k].NoModel && rendered[k].Notes.Count == 0) Assert.Equal(DocxRenderer.FitsPage(rendered[k]), rows.Take(rows.Count - 1).All(KeptWithNext));
                Assert.Contains(DocxRenderer.TableSize(rendered[k]), new[] { 16, 18, 20 });
            }
        }
        // the 重庆 决算's 收入决算表 cut to its first r rows: short, it keeps 10 pt; a few rows past a page, it is set at 9 or 8 pt
        var income = _seed003.Value.Tables.First(t => t.Kind == TableKind.FinalRevenue);
        var sizes = Enumerable.Range(3, income.Rows.Count - 2).Select(r =>
        {
            var cut = new RenderTable { Kind = income.Kind, Label = income.Label, Title = income.Title, UnitLine = income.UnitLine, UnitNameLine = income.UnitNameLine, ColumnNumbers = income.ColumnNumbers, Landscape = income.Landscape, SegmentsAreBlocks = income.SegmentsAreBlocks };
            cut.Columns.AddRange(income.Columns);
            cut.Rows.AddRange(income.Rows.Take(r));
            cut.Notes.AddRange(income.Notes);
            return DocxRenderer.TableSize(cut);
        }).ToList();
        Assert.Equal(20, sizes[0]);
        Assert.Contains(sizes, x => x < 20);
    }

    [Fact]
    public void Rounding_note_under_a_summary_table_whose_total_differs_from_its_classes_by_a_tail()
    {
        // seed 004's three classes add up to 982.98; the data gives 本年支出合计 as the official system printed it, 982.99
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Totals = [new GivenTotal { Code = "合计", Total = 982.99m }];
        var p = PackageBuilder.Build(data);
        var summary = p.Tables.First(t => t.Kind == TableKind.BudgetSummary);
        Assert.True(RoundingNote.PrintsTailDifference(PackageBuilder.ToModel(summary)));
        Assert.Contains(summary.Notes, RoundingNote.IsRoundingNote);
        // without the given total the summary adds up and carries no note
        var plain = PackageAssert.Build(CompileSeedTests.Load("seed004-budget-2023.json")).Tables.First(t => t.Kind == TableKind.BudgetSummary);
        Assert.DoesNotContain(plain.Notes, RoundingNote.IsRoundingNote);
    }
}
