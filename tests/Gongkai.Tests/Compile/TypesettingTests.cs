using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Letter = UglyToad.PdfPig.Content.Letter;
using Page = UglyToad.PdfPig.Content.Page;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Typesetting of the compiled PDF and DOCX: the chosen faces embedded, CJK line breaking, headings kept with what
/// follows, landscape pages for wide tables, amounts right-aligned, section rows merged, DOCX sections, footers and
/// the official East Asian font names.
/// </summary>
public class TypesettingTests
{
    private static readonly Lazy<CompiledPackage> _seed003 = new(() => PackageAssert.Build(CompileSeedTests.Load("seed003-final-2024.json")));
    private static readonly Lazy<CompiledPackage> _seed004 = new(() => PackageAssert.Build(CompileSeedTests.Load("seed004-budget-2023.json")));
    private static readonly Lazy<byte[]> _pdf003 = new(() => new PdfRenderer().RenderToBytes(_seed003.Value));
    private static readonly Lazy<byte[]> _pdf004 = new(() => new PdfRenderer().RenderToBytes(_seed004.Value));

    /// <summary>The official faces are installed (CI installs them); the message names what is missing.</summary>
    private static void RequireFaces() => Assert.True(CjkFont.AllPreferred, CjkFont.MissingHint());

    private static List<Page> Pages(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return doc.GetPages().ToList();
    }

    /// <summary>Printed lines of a page: letters grouped by baseline, left to right.</summary>
    private static List<List<Letter>> Lines(Page page, Func<Letter, bool> filter) =>
        page.Letters.Where(filter).Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(l => l.StartBaseLine.X).ToList()).ToList();

    private static bool Body(Letter l) => l.FontName.Contains("FandolFang") && Math.Abs(l.PointSize - 12) < 0.5;

    [Fact]
    public void Pdf_embeds_the_chosen_faces_and_reads_back_with_correct_unicode()
    {
        RequireFaces();
        var pages = Pages(_pdf004.Value);
        var fonts = pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.Contains(fonts, f => f.Contains("FandolFang-Regular"));   // body 仿宋
        Assert.Contains(fonts, f => f.Contains("FandolHei-Bold"));       // headings 黑体
        Assert.Contains(fonts, f => f.Contains("FandolSong-Bold"));      // title 标宋 style
        Assert.DoesNotContain(fonts, f => f.Contains("DejaVu") || f.Contains("Helvetica")); // digits from the same family
        var text = string.Concat(pages.SelectMany(p => p.Letters).Select(l => l.Value));
        Assert.Contains("一般公共预算", text);
        Assert.Contains("收入预算总表", text);
        // no Kangxi radical or compatibility ideograph stands in for a unified ideograph in the text layer
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF');
        // the body's figures are in the body face
        var first = pages[0].Letters.Where(l => char.IsAsciiDigit(l.Value[0]) && Math.Abs(l.PointSize - 12) < 0.5).ToList();
        Assert.NotEmpty(first);
        Assert.All(first, l => Assert.Contains("FandolFang", l.FontName));
    }

    [Fact]
    public void Pdf_lines_follow_the_cjk_line_breaking_rules()
    {
        RequireFaces();
        int lines = 0;
        foreach (var pdf in new[] { _pdf003.Value, _pdf004.Value })
            foreach (var page in Pages(pdf))
                foreach (var line in Lines(page, Body))
                {
                    lines++;
                    Assert.False(PdfRenderer.NoLineStart.Contains(line[0].Value[0]), $"第 {page.Number} 页有一行以“{line[0].Value}”开头：{string.Concat(line.Select(l => l.Value))}");
                    Assert.False(PdfRenderer.NoLineEnd.Contains(line[^1].Value[0]), $"第 {page.Number} 页有一行以“{line[^1].Value}”结尾：{string.Concat(line.Select(l => l.Value))}");
                }
        Assert.True(lines > 100, $"only {lines} body lines found");
    }

    [Fact]
    public void Pdf_never_leaves_a_heading_at_a_page_foot_nor_a_blank_page()
    {
        RequireFaces();
        foreach (var pdf in new[] { _pdf003.Value, _pdf004.Value })
        {
            foreach (var page in Pages(pdf))
            {
                var all = Lines(page, l => l.StartBaseLine.Y > 40); // above the footer
                Assert.True(all.Count > 0, $"第 {page.Number} 页是空白页");
                var last = all[^1];
                Assert.False(last.All(l => l.FontName.Contains("FandolHei-Bold")), $"第 {page.Number} 页页脚处是标题“{string.Concat(last.Select(l => l.Value))}”");
            }
        }
    }

    [Fact]
    public void Pdf_prints_a_wide_table_on_a_landscape_page_and_right_aligns_amounts()
    {
        RequireFaces();
        var pages = Pages(_pdf004.Value);
        // 收入预算总表 has 13 columns: it cannot fit a portrait page at a legible size
        // (the table's page, not the 目录's line)
        var income = pages.First(p => string.Concat(p.Letters.Select(l => l.Value)) is var s && s.Contains("收入预算总表") && !s.Contains("......"));
        Assert.True(income.Width > income.Height, "收入预算总表应横向排版");
        // the narrative pages stay portrait
        Assert.True(pages[0].Height > pages[0].Width);
        // amounts of a column end at the same x (right-aligned): the 合计 figures 982.98 and 6.78 of the table
        var words = income.GetWords().ToList();
        var total = words.First(w => w.Text == "982.98");
        var small = words.First(w => w.Text == "6.78" && Math.Abs(w.BoundingBox.Right - total.BoundingBox.Right) < 40);
        Assert.Equal(total.BoundingBox.Right, small.BoundingBox.Right, 0.5);
    }

    [Fact]
    public void Section_rows_are_recognised_only_before_sub_headings()
    {
        var t = new RenderTable { NoModel = true };
        for (int c = 0; c < 5; c++) t.Columns.Add(new RenderColumn([$"列{c}"], ColumnRole.Label));
        t.Rows.Add(new RenderRow(["项目编码", "", "", "", ""]));            // a label whose value is empty
        t.Rows.Add(new RenderRow(["项目类型", "经常性项目", "", "", ""]));
        t.Rows.Add(new RenderRow(["绩效指标", "", "", "", ""]));            // a section: sub-headings follow
        t.Rows.Add(new RenderRow(["指标名称", "计量单位", "指标性质", "指标值", "说明"]));
        t.Rows.Add(new RenderRow(["资金情况", "", "", "", ""]));            // followed by figures: not a section
        t.Rows.Add(new RenderRow(["年度总金额", "1,000.00", "900.00", "90.00%", ""]));
        t.Rows.Add(new RenderRow(["其他", "", "", "", ""]) { Section = true }); // the hint wins
        Assert.Equal([false, false, true, false, false, false, true], Enumerable.Range(0, t.Rows.Count).Select(t.IsSectionRow));
        Assert.True(t.IsAmountCell(1, "1,000.00"));
        Assert.True(t.IsAmountCell(3, "90.00%"));
        Assert.False(t.IsAmountCell(1, "经常性项目"));
        Assert.False(t.IsAmountCell(1, "20250101001")); // a long digit string is a code
    }

    private static WordprocessingDocument Docx(CompiledPackage p) =>
        WordprocessingDocument.Open(new MemoryStream(new DocxRenderer().RenderToBytes(p)), false);

    [Fact]
    public void Docx_has_landscape_sections_page_breaks_and_footer_page_numbers()
    {
        using var doc = Docx(_seed004.Value);
        var main = doc.MainDocumentPart!;
        var sections = main.Document.Body!.Descendants<SectionProperties>().ToList();
        Assert.True(sections.Count >= 3, $"{sections.Count} sections");
        Assert.Contains(sections, s => s.GetFirstChild<PageSize>()?.Orient?.Value == PageOrientationValues.Landscape);
        Assert.Contains(sections, s => s.GetFirstChild<PageSize>()?.Orient is null);
        // every section has the footer, and the footer holds a PAGE field
        Assert.All(sections, s => Assert.NotNull(s.GetFirstChild<FooterReference>()));
        var footers = main.FooterParts.ToList();
        Assert.NotEmpty(footers);
        Assert.All(footers, f => Assert.Contains(f.Footer.Descendants<FieldCode>(), c => c.Text.Trim() == "PAGE"));
        // each core table starts a page: its label (or the part heading before it) breaks the page or opens a section
        var breaks = main.Document.Body!.Descendants<PageBreakBefore>().Count() + sections.Count;
        Assert.True(breaks >= _seed004.Value.Tables.Count(t => !t.NoModel), $"{breaks} page starts");
        // 收入预算总表 (13 columns) sits in a landscape section: the first section break after its title is landscape
        var body = main.Document.Body!.Elements().ToList();
        int title = body.FindIndex(e => e is Paragraph p && p.InnerText == "2023年收入预算总表");
        Assert.True(title >= 0);
        var after = body.Skip(title).SelectMany(e => e is SectionProperties s ? [s] : e.Descendants<SectionProperties>()).First();
        Assert.Equal(PageOrientationValues.Landscape, after.GetFirstChild<PageSize>()!.Orient!.Value);
    }

    [Fact]
    public void Docx_tables_right_align_amounts_merge_section_rows_and_size_columns_from_content()
    {
        using var doc = Docx(_seed003.Value);
        var body = doc.MainDocumentPart!.Document.Body!;
        var amount = body.Descendants<TableCell>().First(c => c.InnerText == "3,925.66");
        Assert.Equal(JustificationValues.Right, amount.Descendants<Justification>().First().Val!.Value);
        var label = body.Descendants<TableCell>().First(c => c.InnerText == "社会保障和就业支出");
        Assert.Equal(JustificationValues.Left, label.Descendants<Justification>().First().Val!.Value);
        // a 绩效 section row (资金情况) spans the whole table
        var section = body.Descendants<TableCell>().First(c => c.InnerText == "资金情况");
        Assert.NotEmpty(section.Descendants<KeepNext>()); // and stays with the row after it
        var grid = section.Ancestors<Table>().First().GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count();
        Assert.Equal(grid, section.TableCellProperties!.GetFirstChild<GridSpan>()!.Val!.Value);
        // widths from the content: the 科目名称 column of 收入决算表 is wider than each of its amount columns,
        // and an amount column is wide enough for its widest figure (one em per CJK character, 0.6 em per figure at 10 pt)
        var income = _seed003.Value.Tables.First(t => t.Title.Contains("收入决算表"));
        var widths = DocxRenderer.ColumnWidths(income);
        int name = income.Columns.FindIndex(c => c.Role == ColumnRole.Label);
        var amounts = Enumerable.Range(0, income.Columns.Count).Where(income.IsNumeric).ToList();
        Assert.All(amounts, c => Assert.True(widths[name] > widths[c]));
        Assert.All(amounts, c => Assert.True(widths[c] >= "3,925.66".Length * 0.6 * 200, $"column {c}: {widths[c]} twips"));
    }

    [Fact]
    public void Docx_declares_the_official_east_asian_faces_and_no_indent_in_cells()
    {
        using var doc = Docx(_seed004.Value);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        string EastAsia(string id) => styles[id].StyleRunProperties!.GetFirstChild<RunFonts>()!.EastAsia!.Value!;
        Assert.Equal("仿宋_GB2312", EastAsia("Normal"));
        Assert.Equal("黑体", EastAsia("Heading1"));
        Assert.Equal("黑体", EastAsia("Heading2"));
        Assert.Equal("方正小标宋简体", EastAsia("Title"));
        Assert.Equal("方正小标宋简体", EastAsia("TableTitle"));
        // the body's first-line indent stays out of the table cells
        Assert.Equal(200, styles["Normal"].StyleParagraphProperties!.GetFirstChild<Indentation>()!.FirstLineChars!.Value);
        foreach (var id in new[] { "TableText", "TableHeader" })
        {
            var ind = styles[id].StyleParagraphProperties!.GetFirstChild<Indentation>()!;
            Assert.Equal(0, ind.FirstLineChars!.Value);
            Assert.Equal("0", ind.FirstLine!.Value);
        }
        // titles and table captions keep with the next paragraph
        foreach (var id in new[] { "Title", "Heading1", "Heading2", "Heading3", "TableLabel", "TableTitle", "TableUnit" })
            Assert.NotNull(styles[id].StyleParagraphProperties!.GetFirstChild<KeepNext>());
        var cells = doc.MainDocumentPart.Document.Body!.Descendants<TableCell>().SelectMany(c => c.Descendants<ParagraphStyleId>()).Select(s => s.Val!.Value).Distinct().ToList();
        Assert.All(cells, s => Assert.StartsWith("Table", s));
    }
}
