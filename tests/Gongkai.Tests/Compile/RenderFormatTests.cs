using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Xunit.Abstractions;

namespace Gongkai.Tests.Compile;

/// <summary>Each output format is well-formed and carries the package: headings, tables, print set-up, fonts.</summary>
public class RenderFormatTests(ITestOutputHelper output)
{
    private static CompiledPackage Seed003() => PackageAssert.Build(CompileSeedTests.Load("seed003-final-2024.json"));
    private static CompiledPackage Seed004() => PackageAssert.Build(CompileSeedTests.Load("seed004-budget-2023.json"));

    [Fact]
    public void Xlsx_is_valid_with_one_sheet_per_table_and_print_titles()
    {
        foreach (var p in new[] { Seed003(), Seed004() })
        {
            var bytes = new XlsxRenderer().RenderToBytes(p);
            using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var errors = new OpenXmlValidator().Validate(doc).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
            Assert.Equal("情况说明", sheets[0]);
            Assert.Equal(p.Tables.Count() + 1, sheets.Count);
            Assert.Contains(p.Tables.First().Label, sheets);
            var titles = doc.WorkbookPart.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToList();
            Assert.Equal(p.Tables.Count(), titles.Count);
            var firstTable = doc.WorkbookPart.WorksheetParts.Select(w => w.Worksheet).First(w => w.Descendants<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().Any(ps => ps.PaperSize?.Value == 9)
                && w.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Any());
            Assert.NotNull(firstTable);
        }
    }

    [Fact]
    public void Docx_is_valid_with_real_headings_and_tables()
    {
        var p = Seed003();
        var bytes = new DocxRenderer().RenderToBytes(p);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = doc.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(x => x.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading") == true).ToList();
        Assert.Equal(p.Blocks.OfType<HeadingBlock>().Count(h => h.Level > 1), headings.Count);
        var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Equal(p.Tables.Count(), tables.Count);
        // core tables repeat their header rows on each page; a 绩效 table's first row is its 项目名称 row and is not repeated
        static bool Repeats(DocumentFormat.OpenXml.Wordprocessing.Table t) =>
            t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Any(r => r.TableRowProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableHeader>() is not null);
        Assert.All(tables.Zip(p.Tables), x => Assert.Equal(!x.Second.NoModel, Repeats(x.First)));
        Assert.Contains("3,925.66", body.InnerText);
    }

    [Fact]
    public void Html_has_every_table_and_heading()
    {
        var p = Seed004();
        var html = HtmlRenderer.ToText(p);
        Assert.Equal(p.Tables.Count(), System.Text.RegularExpressions.Regex.Matches(html, "<table>").Count);
        Assert.Matches("<h2( id=\"b\\d+\")?>一、部门基本情况</h2>", html);
        Assert.Contains("colspan=\"3\"", html); // merged header cells of the 三公 table
        Assert.Contains("@page{size:A4", html);
    }

    [Fact]
    public void Pdf_embeds_a_cjk_font_and_keeps_the_text()
    {
        if (!CjkFont.Available)
        {
            output.WriteLine("跳过：本机没有可嵌入的中文 TrueType 字体（安装 fonts-droid-fallback 后运行）。");
            return;
        }
        var p = Seed003();
        var bytes = new PdfRenderer().RenderToBytes(p);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages > 10);
        foreach (var page in pdf.GetPages()) Assert.Equal(595, Math.Min(page.Width, page.Height), 0);
        var text = string.Concat(pdf.GetPages().Select(pg => string.Concat(pg.Letters.Select(l => l.Value))));
        Assert.Contains("收入支出决算总表", text);
        Assert.Contains("3,925.66", text);
        Assert.Contains("（续）", text); // a table continued on a second page repeats its caption and header
        Assert.All(pdf.GetPages().SelectMany(pg => pg.Letters).Select(l => l.FontName).Distinct(), n => Assert.False(string.IsNullOrEmpty(n)));
    }
}
