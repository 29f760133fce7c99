using System.Text.RegularExpressions;
using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static Gongkai.Tests.Reading.PdfSamples;

namespace Gongkai.Tests.Reading;

/// <summary>Text blocks of the sample PDFs: reading order, titles before their tables, paragraphs, no running headers or page numbers.</summary>
public class PdfTextTests
{
    [Theory]
    [InlineData(SH24F, 6, "收入支出决算总表")]
    [InlineData(SH24F, 10, "支出决算表")]
    [InlineData(SH24F, 18, "财政拨款“三公”经费支出决算表")]
    [InlineData(TPL24F, 12, "财政拨款“三公”经费支出决算表")]
    [InlineData(JS17B, 11, "财政拨款支出预算表")]
    [InlineData(JS18B, 16, "一般公共预算机关运行经费支出预算表")]
    public void Table_title_and_unit_line_come_right_before_the_table(string name, int page, string title)
    {
        var doc = Source(name);
        var blocks = doc.Blocks.ToList();
        var table = doc.TablesOn(page).First();
        var before = blocks.Take(blocks.IndexOf(table)).Reverse().Take(3).OfType<TextBlock>().Select(b => b.Text).ToList();
        Assert.Contains(title, before);
        Assert.Contains(before, t => t.Contains("单位：万元") || t.Contains("单位:万元"));
    }

    [Fact]
    public void Letter_spaced_heading_is_joined()
    {
        // the title is printed with wide letter spacing (收 入 支 出 决 算 总 表 in pdftotext)
        Assert.Contains(Source(SH24F).Texts, t => t.Text == "收入支出决算总表" && t.Source.Page == 6);
    }

    [Fact]
    public void Lines_of_a_paragraph_are_joined_without_spaces()
    {
        var texts = Source(SH24F).Texts.Select(t => t.Text).ToList();
        // printed as "…方针、政策；研" / "究拟订本区财政发展战略…" on page 4
        Assert.Contains(texts, t => t.StartsWith("（一）贯彻执行国家和本市有关财政工作") && t.Contains("政策；研究拟订本区财政发展战略") && t.EndsWith("组织实施。"));
        // a heading stays its own block
        Assert.Contains("二、部门决算单位构成", texts);
    }

    [Fact]
    public void Paragraph_continues_across_a_page_break()
    {
        // JS19B page 4 ends mid-sentence ("…本部门下属单位包括：江苏") and page 5 goes on ("省人大常委会研究室…")
        var block = Source(JS19B).Texts.Single(t => t.Text.Contains("本部门下属单位包括"));
        Assert.Equal(4, block.Source.Page);
        Assert.Contains("刊物编辑室", block.Text);
    }

    [Theory]
    [InlineData(JS18B)] // page numbers "1", "2" … centred at the foot of each page
    [InlineData(JS19B)] // "─ 1 ─"
    public void Page_numbers_are_removed(string name)
    {
        var doc = Source(name);
        Assert.DoesNotContain(doc.Texts, t => Regex.IsMatch(t.Text.Replace(" ", ""), @"^[─—-]*\d{1,3}[─—-]*$"));
        // and the numbers were really printed: pdftotext shows them at the bottom of the narrative pages
        Assert.True(doc.PageCount > 10);
    }

    [Fact]
    public void Running_header_and_page_footer_of_a_built_pdf_are_removed()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (int p = 1; p <= 4; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText("Gongkai Budget Report 2024", 9, new PdfPoint(72, 800), font);
            page.AddText($"Body text of page {p} goes here.", 11, new PdfPoint(72, 600), font);
            page.AddText($"- {p} -", 9, new PdfPoint(290, 30), font);
        }
        var doc = new DocumentReader([new PdfDocumentReader()]).Read("built.pdf", builder.Build());
        Assert.Equal(new[] { "Body text of page 1 goes here.", "Body text of page 2 goes here.", "Body text of page 3 goes here.", "Body text of page 4 goes here." },
            doc.Texts.Select(t => t.Text));
        Assert.Equal(new[] { 1, 2, 3, 4 }, doc.Texts.Select(t => t.Source.Page!.Value));
    }

    [Fact]
    public void Ruled_table_of_a_built_pdf_with_a_merged_header_cell()
    {
        // a 3 × 3 grid whose first row has one cell spanning all columns (no inner vertical rulings there)
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        double x0 = 100, x1 = 400, top = 700;
        double[] ys = [top, top - 20, top - 40, top - 60];
        double[] xs = [x0, 200, 300, x1];
        foreach (var y in ys) page.DrawLine(new PdfPoint(x0, y), new PdfPoint(x1, y));
        page.DrawLine(new PdfPoint(x0, ys[0]), new PdfPoint(x0, ys[^1]));
        page.DrawLine(new PdfPoint(x1, ys[0]), new PdfPoint(x1, ys[^1]));
        foreach (var x in xs[1..^1]) page.DrawLine(new PdfPoint(x, ys[1]), new PdfPoint(x, ys[^1]));
        page.AddText("Title above", 12, new PdfPoint(x0, top + 20), font);
        page.AddText("Header", 10, new PdfPoint(220, ys[1] + 6), font);
        string[][] cells = [["Item", "Budget", "Final"], ["Total", "12.50", "13.75"]];
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 3; c++)
                page.AddText(cells[r][c], 10, new PdfPoint(xs[c] + 5, ys[r + 2] + 6), font);
        var doc = new DocumentReader([new PdfDocumentReader()]).Read("grid.pdf", builder.Build());
        Assert.Equal("Title above", ((TextBlock)doc.Blocks[0]).Text);
        var t = Assert.IsType<TableBlock>(doc.Blocks[1]);
        Assert.Equal(3, t.Rows.Count);
        Assert.Equal(new[] { "Header", "", "" }, t.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(3, t.Rows[0].Cells[0].ColSpan);
        Assert.Equal(new[] { "Total", "12.50", "13.75" }, t.Rows[2].Cells.Select(c => c.Text));
        var box = t.Rows[2].Cells[1].Source.Box!.Value;
        Assert.Equal((200d, 640d, 300d, 660d), (Math.Round(box.Left), Math.Round(box.Bottom), Math.Round(box.Right), Math.Round(box.Top)));
    }
}

/// <summary>Pages drawn sideways and tables without rulings, on small hand-made PDFs.</summary>
public class PdfLayoutEdgeTests
{
    private static SourceDocument Read(byte[] bytes) => new DocumentReader([new PdfDocumentReader()]).Read("edge.pdf", bytes);

    [Fact]
    public void Text_drawn_sideways_on_a_rotated_page_reads_in_order_with_boxes_as_displayed()
    {
        // a landscape page stored as portrait + /Rotate 90, its text drawn running up the stored page (so it reads
        // left to right once the page is turned); the next line is to the right in the stored page
        var content = string.Join("\n",
            "BT /F1 12 Tf 0 1 -1 0 100 100 Tm (First line of the landscape page) Tj ET",
            "BT /F1 12 Tf 0 1 -1 0 130 100 Tm (Second line) Tj ET",
            "BT /F1 12 Tf 0 1 -1 0 160 100 Tm (Third) Tj ET");
        var doc = Read(Gongkai.Tests.Support.MiniPdf.OnePage(content, "/Rotate 90"));
        Assert.Equal(new[] { "First line of the landscape page", "Second line", "Third" }, doc.Texts.Select(t => t.Text));
        // boxes are in the page as displayed (842 × 595): stored (x 100, y 100) shows at (100, 595 - 100)
        var box = doc.Texts.First().Source.Box!.Value;
        Assert.InRange(box.Left, 99, 101);
        Assert.InRange(box.Right, 250, 300);
        Assert.InRange(box.Bottom, 490, 495);
        Assert.InRange(box.Top, 500, 510);
    }

    [Fact]
    public void Text_drawn_sideways_on_an_unrotated_page_is_turned_to_read_left_to_right()
    {
        // no /Rotate: the generator drew a landscape table sideways on a portrait page (text runs up the page)
        var content = string.Join("\n",
            "BT /F1 12 Tf 0 1 -1 0 100 100 Tm (Sideways heading) Tj ET",
            "BT /F1 12 Tf 0 1 -1 0 130 100 Tm (Sideways body) Tj ET");
        var doc = Read(Gongkai.Tests.Support.MiniPdf.OnePage(content));
        Assert.Equal(new[] { "Sideways heading", "Sideways body" }, doc.Texts.Select(t => t.Text));
        var box = doc.Texts.First().Source.Box!.Value; // in the page as stored: a tall, narrow box left of x = 100
        Assert.InRange(box.Left, 88, 100);
        Assert.InRange(box.Right, 100, 103); // the baseline at x = 100 plus the descent
        Assert.InRange(box.Bottom, 99, 101);
        Assert.True(box.Top > 180, $"box={box}");
    }

    [Fact]
    public void Table_without_rulings_is_rebuilt_from_column_alignment()
    {
        string Row(double y, string a, string b, string c) =>
            $"BT /F1 10 Tf 72 {y} Td ({a}) Tj ET\nBT /F1 10 Tf 300 {y} Td ({b}) Tj ET\nBT /F1 10 Tf 420 {y} Td ({c}) Tj ET";
        var content = string.Join("\n",
            "BT /F1 14 Tf 72 760 Td (Expenditure summary) Tj ET",
            Row(720, "Item", "Budget", "Final"),
            Row(705, "Wages", "1,200.50", "1,180.25"),
            Row(690, "Office costs", "80.00", "95.10"),
            Row(675, "Total", "1,280.50", "1,275.35"),
            "BT /F1 10 Tf 72 640 Td (A closing sentence of ordinary body text follows the table.) Tj ET");
        var doc = Read(Gongkai.Tests.Support.MiniPdf.OnePage(content));
        Assert.Equal("Expenditure summary", ((TextBlock)doc.Blocks[0]).Text);
        var t = Assert.IsType<TableBlock>(doc.Blocks[1]);
        Assert.Equal(4, t.Rows.Count);
        Assert.Equal(new[] { "Item", "Budget", "Final" }, t.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "Office costs", "80.00", "95.10" }, t.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "Total", "1,280.50", "1,275.35" }, t.Rows[3].Cells.Select(c => c.Text));
        Assert.Equal("A closing sentence of ordinary body text follows the table.", ((TextBlock)doc.Blocks[2]).Text);
    }
}
