using DocumentFormat.OpenXml.Packaging;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using W = DocumentFormat.OpenXml.Wordprocessing;
using MergedCellValues = DocumentFormat.OpenXml.Wordprocessing.MergedCellValues;

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

    /// <summary>Seed 004 with the first project's 年度 indicators listed five times: a label merged down more rows than a page.</summary>
    private static readonly Lazy<CompiledPackage> _longLabel = new(() =>
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        var p = data.Projects[0];
        var annual = p.Indicators.Where(i => i.LongTerm != true).ToList();
        for (int k = 0; k < 4; k++) p.Indicators.AddRange(annual);
        return PackageAssert.Build(data);
    });

    [Fact]
    public void Pdf_merges_form_labels_down_their_rows_and_repeats_them_on_a_continued_page()
    {
        CjkFontGuard();
        var tables = ReadTables(new PdfRenderer().RenderToBytes(_seed004.Value));
        var merged = tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells)).Where(c => c.Column == 0 && c.RowSpan >= 3 && !c.IsEmpty).Select(c => c.Text).ToList();
        // read back from the rules: one ruled cell over the indicator rows, not a label and empty cells under it
        Assert.Contains("年度绩效目标", merged);
        Assert.Contains("长期绩效目标", merged);
        // a label whose rows go on past the page foot (longer than a page: it cannot be kept whole) opens the continued page again
        tables = ReadTables(new PdfRenderer().RenderToBytes(_longLabel.Value));
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
        // 7 digits at 0.64 em (DejaVu Sans, which LibreOffice draws where 宋体 is missing) at the table's size (10 pt, or 9 / 8
        // pt where that keeps the names on one line), plus Word's cell padding
        int checkedTables = 0;
        foreach (var p in new[] { _seed003.Value, _seed004.Value })
            foreach (var (t, rendered) in DocxTables(p).Zip(p.Tables))
            {
                int sevenDigits = (int)(7 * 0.64 * DocxRenderer.TableSize(rendered) * 10) + 2 * 108;
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

    /// <summary>Per page of a PDF: whether it continues a table (（续）) and how much of the page body its text takes
    /// (from the top of the first line to the foot of the last, the page number left out), 0–1.</summary>
    private static List<(int Page, string Label, bool Continued, double Filled)> PageFill(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var result = new List<(int, string, bool, double)>();
        foreach (var page in doc.GetPages())
        {
            var words = page.GetWords().Where(w => !System.Text.RegularExpressions.Regex.IsMatch(w.Text, "^[—\\d\\s]+$")).ToList();
            if (words.Count == 0) continue;
            var text = string.Concat(page.Letters.Select(l => l.Value));
            var label = text.Contains("目录") ? "" : System.Text.RegularExpressions.Regex.Match(text, "附表\\d+").Value;
            double top = words.Max(w => w.BoundingBox.Top), bottom = words.Min(w => w.BoundingBox.Bottom);
            result.Add((page.Number, label, text.Contains("（续）"), (top - bottom) / (page.Height - 2 * 56)));
        }
        return result;
    }

    [Fact]
    public void Pdf_forms_longer_than_a_page_break_at_a_section_and_end_on_a_page_that_is_not_a_stub()
    {
        CjkFontGuard();
        // the 武汉 申报表 run over 2–4 pages; each ended with 1–5 indicator rows of its 年度绩效目标表 on a page of their own
        // (17–30 % of the page, the repeated caption included); the section now moves whole to the continued page
        var pages = PageFill(new PdfRenderer().RenderToBytes(_seed004.Value));
        var forms = pages.Where(p => p.Label.Length > 0).GroupBy(p => p.Label).Where(g => g.Count() > 1).ToList();
        Assert.True(forms.Count >= 4, $"{forms.Count} forms over several pages");
        foreach (var g in forms)
        {
            var last = g.Last();
            Assert.True(last.Continued);
            Assert.True(last.Filled >= 0.3, $"{g.Key}: the last page (p. {last.Page}) is filled {last.Filled:P0}");
        }
        // and a continued page opens with a section row (长期绩效目标表 / 年度绩效目标表) or a merged label whole
        var tables = ReadTables(new PdfRenderer().RenderToBytes(_seed004.Value));
        var continued = pages.Where(p => p.Continued && p.Label.Length > 0).Select(p => p.Page).ToHashSet();
        foreach (var t in tables.Where(t => t.Source.Page is { } n && continued.Contains(n) && t.Rows.Count > 0))
        {
            var first = t.Rows[0].Cells.First(c => c.Column == 0);
            Assert.True(t.Rows[0].Cells.Count(c => !c.IsEmpty) == 1 || first.RowSpan > 1 && first.Text.Length > 0,
                $"page {t.Source.Page}: the continued form opens with {string.Join(" | ", t.Rows[0].Cells.Select(c => c.Text))}");
        }
    }

    /// <summary>The rows of each DOCX table with, per row, the text of its first cell and whether it starts or continues a
    /// vertical merge there.</summary>
    private static List<List<(string Text, MergedCellValues? Merge, bool Kept)>> DocxFirstCells(CompiledPackage p) =>
        DocxTables(p).Select(t => t.Elements<W.TableRow>().Select(r =>
        {
            var c = r.Elements<W.TableCell>().First();
            var m = c.TableCellProperties?.GetFirstChild<W.VerticalMerge>();
            MergedCellValues? merge = m is null ? null : m.Val?.Value ?? MergedCellValues.Continue;
            return (c.InnerText, merge, KeptWithNext(r));
        }).ToList()).ToList();

    [Fact]
    public void Docx_keeps_a_merged_label_with_its_rows_and_a_form_s_sections_whole_and_repeats_a_label_longer_than_a_page()
    {
        // LibreOffice and Word do not repeat a merged cell's text on a continued page: a label is kept on one page with all
        // of its rows (资金来源, 项目支出明细, 长期/年度绩效目标), a section of a form (年度绩效目标表 with its sub-header and
        // indicators) stays whole, so a long form breaks at a section boundary
        int groups = 0;
        foreach (var table in DocxFirstCells(_seed004.Value))
            for (int i = 0; i < table.Count; i++)
            {
                if (table[i].Merge != MergedCellValues.Restart) continue;
                int end = i + 1;
                while (end < table.Count && table[end].Merge == MergedCellValues.Continue) end++;
                if (end - i < 3) continue;
                for (int k = i; k < end - 1; k++) Assert.True(table[k].Kept, $"{table[i].Text}: row {k - i + 1} of {end - i} is not kept with the next");
                groups++;
            }
        Assert.True(groups >= 15, $"{groups} merged labels");
        // the 年度绩效目标表 sections that fit a page are kept whole (by the estimate, at least four of the five)
        int whole = 0, annual = 0;
        foreach (var t in DocxTables(_seed004.Value))
        {
            var rows = t.Elements<W.TableRow>().ToList();
            int s = rows.FindIndex(r => r.InnerText == "年度绩效目标表");
            if (s < 0) continue;
            annual++;
            if (rows.Skip(s).SkipLast(1).All(KeptWithNext)) whole++;
        }
        Assert.Equal(5, annual);
        Assert.True(whole >= 4, $"{whole} of the 年度绩效目标表 sections kept whole");
        // a label merged down more rows than a page holds is cut into parts of at most about half a page that each print it, each kept whole
        var longForm = DocxFirstCells(_longLabel.Value).First(t => t.Count(x => x.Text == "年度绩效目标" && x.Merge == MergedCellValues.Restart) >= 2);
        var parts = longForm.Select((x, i) => (x, i)).Where(x => x.x.Text == "年度绩效目标" && x.x.Merge == MergedCellValues.Restart).Select(x => x.i).ToList();
        Assert.InRange(parts.Count, 2, 15);
        foreach (var start in parts)
        {
            int end = start + 1;
            while (end < longForm.Count && longForm[end].Merge == MergedCellValues.Continue) end++;
            Assert.True(end - start >= 4, $"a part of {end - start} rows");
            for (int k = start; k < end - 1; k++) Assert.True(longForm[k].Kept);
        }
    }

    [Fact]
    public void Docx_names_of_summary_tables_fit_on_one_line_or_the_table_turns_landscape()
    {
        // 科目名称 such as 机关事业单位基本养老保险缴费支出 (15 characters) wrapped in the 收入预算总表 (13 columns, landscape)
        // and in the portrait 支出预算总表: the name column now gets its longest name, at 10, 9 or 8 pt, landscape where needed
        foreach (var p in new[] { _seed003.Value, _seed004.Value })
            foreach (var t in p.Tables.Where(t => !t.NoModel))
            {
                int name = t.Columns.FindIndex(c => c.Role == ColumnRole.Label);
                if (name < 0 || t.Columns.Count < 6 || !t.Columns[name].Header.Any(h => h.Contains("科目"))) continue;
                var longest = t.Rows.Select(r => r.Cells[name].Trim()).Where(s => s.Length <= 24).DefaultIfEmpty("").MaxBy(s => s.Length)!;
                if (longest.Length < 10) continue;
                int size = DocxRenderer.TableSize(t), width = DocxRenderer.ColumnWidths(t)[name];
                // one em per CJK character at the table's size, plus Word's cell padding on each side
                Assert.True(width >= longest.Length * size * 10 + 2 * 108, $"{t.Label} {t.Title}: 科目名称 column {width} twips < {longest}（{longest.Length} 字，{size / 2.0} pt）");
            }
        var income = _seed004.Value.Tables.First(t => t.Title.Contains("收入预算总表"));
        Assert.True(DocxRenderer.Landscape(income));
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
