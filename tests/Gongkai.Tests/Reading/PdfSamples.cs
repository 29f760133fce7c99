using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Reading;

/// <summary>The sample PDFs, each read once per test run (source document and recognized disclosure).</summary>
public static class PdfSamples
{
    public const string SH24F = "shanghai-putuo-finance-bureau-2024-final.pdf";
    public const string TPL24F = "national-final-template-2024.pdf";
    public const string JS17B = "jiangsu-npc-office-2017-budget.pdf";
    public const string JS18B = "jiangsu-npc-office-2018-budget.pdf";
    public const string JS19B = "jiangsu-npc-standing-committee-2019-budget.pdf";

    public static readonly string[] All = [SH24F, TPL24F, JS17B, JS18B, JS19B];

    private static readonly Dictionary<string, ReadResult> Cache = new();
    private static readonly object Gate = new();

    public static ReadResult Read(string name)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(name, out var r)) Cache[name] = r = new DisclosureReader().Read(Shared.Pdf(name));
            return r;
        }
    }

    public static SourceDocument Source(string name) => Read(name).Source;

    /// <summary>A published document of ../shared/corpus, read once per test run.</summary>
    public static ReadResult ReadCorpus(string file)
    {
        lock (Gate)
        {
            var key = "corpus/" + file;
            if (!Cache.TryGetValue(key, out var r)) Cache[key] = r = new DisclosureReader().Read(Shared.Corpus(file));
            return r;
        }
    }

    /// <summary>The tables of a page, top to bottom.</summary>
    public static List<TableBlock> TablesOn(this SourceDocument doc, int page) => doc.Tables.Where(t => t.Source.Page == page).ToList();

    /// <summary>The first row whose cells, compacted, include all the given texts.</summary>
    public static SourceRow RowWith(this TableBlock t, params string[] texts)
    {
        var row = t.Rows.FirstOrDefault(r => texts.All(x => r.Cells.Any(c => c.Text.Replace(" ", "") == x)));
        Assert.True(row is not null, $"第{t.Source.Page}页 表#{t.Index} 中找不到含 {string.Join("、", texts)} 的行");
        return row!;
    }

    public static PdfDocumentReader Reader => new();
}
