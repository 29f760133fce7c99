using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Reading;

/// <summary>
/// Reading without the embedded font programs of composite fonts (ToUnicode + /W are enough for text and advances)
/// gives the same source document as PdfPig's full font parsing: every text block, table cell and box.
/// </summary>
public class FontProgramTests
{
    private static string Dump(SourceDocument doc) => string.Join("\n", doc.Blocks.Select(b => b switch
    {
        TextBlock t => $"T p{t.Source.Page} {t.Source.Box} {t.Text}",
        Gongkai.Reading.TableBlock t => $"G p{t.Source.Page} {t.Source.Box}\n" + string.Join("\n", t.Rows.Select(r =>
            string.Join(" | ", r.Cells.Select(c => $"{c.Column}/{c.ColSpan}x{c.RowSpan} {c.Text} {c.Source.Box}")))),
        _ => "?",
    }));

    [Theory]
    [InlineData(PdfSamples.SH24F)]
    [InlineData(PdfSamples.JS17B)]
    [InlineData(PdfSamples.TPL24F)]
    public void Same_source_document_with_and_without_font_programs(string name)
    {
        var path = Shared.Pdf(name);
        var bytes = File.ReadAllBytes(path);
        var lean = new PdfDocumentReader().Read(path, bytes);
        var full = new PdfDocumentReader { KeepFontPrograms = true }.Read(path, bytes);
        Assert.Equal(full.Blocks.Count, lean.Blocks.Count);
        Assert.Equal(Dump(full), Dump(lean));
    }

    [Fact]
    public void The_cff_program_of_the_putuo_pdf_is_skipped()
    {
        var bytes = File.ReadAllBytes(Shared.Pdf(PdfSamples.SH24F));
        using var doc = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var lean = FontProgramSkipper.Strip(bytes, doc);
        Assert.NotSame(bytes, lean);
        Assert.Equal(bytes.Length, lean.Length);
        int Count(byte[] b, string key) => System.Text.Encoding.Latin1.GetString(b).Split(key).Length - 1;
        // six composite fonts with ToUnicode, each descriptor's program renamed; nothing else changed
        Assert.Equal(6, Count(bytes, "/FontFile2"));
        Assert.Equal(0, Count(lean, "/FontFile2"));
        Assert.Equal(6, Count(lean, "/FontFileX"));
        Assert.Equal(6, bytes.Zip(lean).Count(p => p.First != p.Second));
    }
}
