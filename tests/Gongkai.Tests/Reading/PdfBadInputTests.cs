using System.Text;
using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using Gongkai.Recognition;
using Gongkai.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Gongkai.Tests.Reading;

/// <summary>Unreadable PDFs end in one <see cref="ReadException"/> with a clear Chinese message naming the file.</summary>
public class PdfBadInputTests
{
    private static readonly DocumentReader Reader = new([new PdfDocumentReader()]);

    private static ReadException Fails(string name, byte[] bytes, ReadFailure expected)
    {
        var e = Assert.Throws<ReadException>(() => Reader.Read(name, bytes));
        Assert.Equal(expected, e.Failure);
        Assert.Contains(Path.GetFileName(name), e.Message);
        Assert.Equal(name, e.File);
        return e;
    }

    [Fact]
    public void Encrypted_pdf_asks_for_an_unencrypted_file()
    {
        // standard security handler whose user password is not empty (the /U entry matches no empty password)
        var bytes = MiniPdf.Build(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                "<< /Length 0 >>\nstream\n\nendstream",
                "<< /Filter /Standard /V 1 /R 2 /O <" + new string('a', 64) + "> /U <" + new string('b', 64) + "> /P -4 >>",
            ],
            "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ");
        var e = Fails("secret.pdf", bytes, ReadFailure.Encrypted);
        Assert.Contains("已加密", e.Message);
        Assert.Contains("请提供未加密的文件", e.Message);
    }

    [Fact]
    public void Page_without_text_is_reported_as_needing_ocr()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600, 2, fill: true); // a scanned page: a picture, no text layer
        var e = Fails("scan.pdf", builder.Build(), ReadFailure.NoTextLayer);
        Assert.Contains("无文本层", e.Message);
        Assert.Contains("OCR", e.Message);
    }

    [Fact]
    public void Truncated_pdf_is_corrupt()
    {
        var bytes = File.ReadAllBytes(Shared.Pdf(PdfSamples.TPL24F));
        Fails("cut.pdf", bytes[..(bytes.Length / 3)], ReadFailure.Corrupt);
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj\n<< garbage")]
    [InlineData("%PDF-1.4\nthis is not a pdf at all\n%%EOF")]
    public void Garbage_after_the_signature_is_corrupt(string content)
    {
        var e = Fails("junk.pdf", Encoding.ASCII.GetBytes(content), ReadFailure.Corrupt);
        Assert.Contains("已损坏", e.Message);
    }

    [Fact]
    public void Too_many_pages_is_refused()
    {
        var reader = new DocumentReader([new PdfDocumentReader { MaxPages = 10 }]);
        var path = Shared.Pdf(PdfSamples.SH24F);
        var e = Assert.Throws<ReadException>(() => reader.Read(path));
        Assert.Equal(ReadFailure.TooLarge, e.Failure);
        Assert.Contains("25 页", e.Message);
    }

    [Fact]
    public void Junk_before_the_signature_is_still_read_as_pdf()
    {
        var bytes = File.ReadAllBytes(Shared.Pdf(PdfSamples.TPL24F));
        var withJunk = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\n").Concat(bytes).ToArray();
        Assert.Equal(SourceFormat.Pdf, DocumentReader.Sniff(withJunk));
        var doc = Reader.Read("junk-before.pdf", withJunk);
        Assert.Equal(SourceFormat.Pdf, doc.Format);
        Assert.Contains(doc.Texts, t => t.Text == "收入支出决算总表");
    }

    [Fact]
    public void Without_a_registered_pdf_reader_a_pdf_is_refused_clearly()
    {
        var e = Assert.Throws<ReadException>(() => new DocumentReader().Read(Shared.Pdf(PdfSamples.TPL24F)));
        Assert.Equal(ReadFailure.Unsupported, e.Failure);
        Assert.Contains("PDF", e.Message);
    }

    [Fact]
    public void The_pipeline_reads_pdf_by_default_and_never_leaks_a_library_exception()
    {
        Assert.Contains(new DisclosureReader().Reader.Formats, f => f is Gongkai.Reading.Pdf.PdfDocumentReader);
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read("x.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF")));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
    }
}
