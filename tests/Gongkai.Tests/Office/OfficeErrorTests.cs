using System.IO.Compression;
using System.Text;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Tests.Office;

/// <summary>Unreadable Word/Excel input ends in one ReadException with a clear Chinese message, never anything else.</summary>
public sealed class OfficeErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-err-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Zip(string name, Action<ZipArchive> fill)
    {
        var path = Path.Combine(_dir, name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create)) fill(zip);
        return path;
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open());
        w.Write(content);
    }

    private static ReadException Fails(string path) => Assert.Throws<ReadException>(() => new DisclosureReader().Read(path));

    private string Ole(string name, params string[] streams)
    {
        var bytes = new List<byte> { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        bytes.AddRange(new byte[504]);
        foreach (var s in streams) { bytes.AddRange(Encoding.Unicode.GetBytes(s)); bytes.AddRange(new byte[64]); }
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    [Fact]
    public void Zip_bomb_entry_is_refused_before_opening()
    {
        var path = Zip("bomb.docx", zip =>
        {
            Entry(zip, "[Content_Types].xml", "<Types/>");
            using var s = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 12; i++) s.Write(zeros); // 12 MB of zeros compress far beyond 100:1
        });
        Assert.True(new FileInfo(path).Length < 200 * 1024);
        var e = Fails(path);
        Assert.Equal(ReadFailure.TooLarge, e.Failure);
        Assert.Contains("压缩", e.Message);
        Assert.Contains("bomb.docx", e.Message);
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var path = Zip("many.xlsx", zip =>
        {
            Entry(zip, "[Content_Types].xml", "<Types/>");
            for (int i = 0; i < 10_001; i++) zip.CreateEntry($"xl/x{i}.xml");
        });
        var e = Fails(path);
        Assert.Equal(ReadFailure.TooLarge, e.Failure);
        Assert.Contains("10000", e.Message);
    }

    [Fact]
    public void Truncated_zip_is_corrupt()
    {
        var good = Zip("good.docx", zip => { Entry(zip, "[Content_Types].xml", "<Types/>"); Entry(zip, "word/document.xml", new string('x', 5000)); });
        var bytes = File.ReadAllBytes(good);
        var path = Path.Combine(_dir, "truncated.docx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Equal(ReadFailure.Corrupt, Fails(path).Failure);
    }

    [Fact]
    public void Package_with_broken_xml_is_corrupt()
    {
        var path = Zip("broken.docx", zip =>
        {
            Entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
            Entry(zip, "word/document.xml", "<w:document><w:body><w:p>");
        });
        var e = Fails(path);
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
        Assert.Contains("Word", e.Message);
    }

    [Fact]
    public void Zip_that_is_not_an_office_document_is_unsupported()
    {
        var path = Zip("files.zip", zip => Entry(zip, "a.txt", "hello"));
        Assert.Equal(ReadFailure.Unsupported, Fails(path).Failure);
    }

    [Fact]
    public void Password_protected_office_file_is_encrypted()
    {
        var e = Fails(Ole("secret.xlsx", "EncryptionInfo", "EncryptedPackage"));
        Assert.Equal(ReadFailure.Encrypted, e.Failure);
        Assert.Contains("密码", e.Message);
    }

    [Theory]
    [InlineData("broken.xls", "Workbook")]
    [InlineData("broken.et", "Book")]
    public void Legacy_excel_container_that_cannot_be_parsed_is_corrupt(string name, string stream)
    {
        var e = Fails(Ole(name, stream));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
        Assert.Contains(name, e.Message);
        Assert.Contains("Excel 97-2003", e.Message);
    }

    [Fact]
    public void Ole_file_naming_a_word_stream_without_a_valid_container_is_corrupt()
    {
        var e = Fails(Ole("old.doc", "WordDocument"));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
        Assert.Contains("已损坏", e.Message);
        Assert.Contains("old.doc", e.Message);
    }

    [Fact]
    public void Docx_without_text_is_empty()
    {
        var path = Path.Combine(_dir, "empty.docx");
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(new DocumentFormat.OpenXml.Wordprocessing.Paragraph()));
        }
        Assert.Equal(ReadFailure.Empty, Fails(path).Failure);
    }

    [Fact]
    public void Without_the_office_reader_the_core_refuses_zip_content()
    {
        var path = Zip("plain.docx", zip => Entry(zip, "word/document.xml", "<x/>"));
        var e = Assert.Throws<ReadException>(() => new DocumentReader().Read(path));
        Assert.Equal(ReadFailure.Unsupported, e.Failure);
    }
}
