using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Office;

/// <summary>
/// The main acceptance test of the Word, Excel and HTML readers: a seed's text version is written out in each
/// format, read back through the whole pipeline, and must give the same disclosure model as the text.
/// </summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-rt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in new[] { "000", "003", "004" })
            foreach (var format in new[] { "docx", "xlsx", "html" })
                data.Add(seed, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seed_written_as_office_or_html_reads_back_to_the_same_model(string seed, string format)
    {
        var text = new DisclosureReader().Read(Shared.Seed(seed));
        Assert.NotEmpty(text.Disclosure.Tables);
        var path = Path.Combine(_dir, $"{seed}.{format}");
        switch (format)
        {
            case "docx": SourceWriters.WriteDocx(text.Source, path); break;
            case "xlsx": SourceWriters.WriteXlsx(text.Source, path); break;
            default: SourceWriters.WriteHtml(text.Source, path); break;
        }

        var read = new DisclosureReader().Read(path);

        Assert.Equal(format switch { "docx" => SourceFormat.Docx, "xlsx" => SourceFormat.Xlsx, _ => SourceFormat.Html }, read.Source.Format);
        Assert.Empty(read.Source.Problems);
        ModelComparer.AssertSame(text.Disclosure, read.Disclosure, $"{seed} as {format}");
        Assert.Equal(text.NumericCells, read.NumericCells);
        Assert.Equal(text.BoundCells, read.BoundCells);
    }
}
