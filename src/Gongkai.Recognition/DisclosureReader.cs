using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using Gongkai.Recognition.Tables;

namespace Gongkai.Recognition;

/// <summary>The result of reading one file: the format-neutral source, the disclosure model and the number ledger.</summary>
public sealed record ReadResult(Disclosure Disclosure, SourceDocument Source)
{
    /// <summary>Numeric cells of the source tables.</summary>
    public int NumericCells { get; init; }
    /// <summary>Numeric cells read into the model as figures.</summary>
    public int BoundCells { get; init; }
    /// <summary>Numeric cells that are identifiers (codes, 序号, column numbers), deliberately not values.</summary>
    public int StructuralCells { get; init; }
    /// <summary>Numeric cells neither bound nor structural (each also reported in <see cref="Disclosure.Notes"/>).</summary>
    public int UnplacedCells { get; init; }
}

/// <summary>
/// The read pipeline: reader (by content) → source document → recognizers (metadata, performance,
/// tables, topics, narrative and claims) → disclosure model.
/// </summary>
public sealed class DisclosureReader
{
    /// <summary>The reader by content; PDF is read by <see cref="PdfDocumentReader"/>.</summary>
    public DocumentReader Reader { get; init; } = new([new PdfDocumentReader()]);

    /// <summary>Read and recognize a file. Throws <see cref="ReadException"/> for unreadable input.</summary>
    public ReadResult Read(string path) => Recognize(Reader.Read(path));

    public ReadResult Read(string path, byte[] bytes) => Recognize(Reader.Read(path, bytes));

    public ReadResult Recognize(SourceDocument source)
    {
        var d = new Disclosure { File = source.File };
        MetadataRecognizer.Recognize(source, d);
        var consumed = new HashSet<(int Table, int Row)>();
        var ledger = new RecognitionLedger();
        new TableRecognizer(ledger).Recognize(source, d, consumed);
        TopicRecognizer.Recognize(d);
        Narrative.NarrativeRecognizer.Recognize(source, d);
        return Account(source, d, ledger);
    }

    /// <summary>Every numeric cell is bound to a figure, marked structural, or reported — nothing is silently dropped.</summary>
    private static ReadResult Account(SourceDocument source, Disclosure d, RecognitionLedger ledger)
    {
        var bound = new HashSet<(int, int, int)>();
        foreach (var f in d.AllTableFigures())
            if (f.Source.TableIndex is int t && f.Source.Row is int r && f.Source.Column is int c && f.IsNumber) bound.Add((t, r, c));
        int numeric = 0, structural = 0, unplaced = 0;
        foreach (var tb in source.Tables)
            for (int r = 0; r < tb.Rows.Count; r++)
                foreach (var cell in tb.Rows[r].Cells)
                {
                    if (!Numbers.Parse(cell.Text).IsNumeric) continue;
                    numeric++;
                    if (bound.Contains((tb.Index, r, cell.Column))) continue;
                    if (ledger.IsStructural(tb.Index, r, cell.Column)) { structural++; continue; }
                    unplaced++;
                    d.Notes.Add(new ReadNote($"未归入模型的数字：{cell.Text}", cell.Source));
                }
        return new ReadResult(d, source) { NumericCells = numeric, BoundCells = bound.Count, StructuralCells = structural, UnplacedCells = unplaced };
    }
}
