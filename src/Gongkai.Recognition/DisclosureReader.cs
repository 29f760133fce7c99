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
    /// <summary>Numeric cells a recognizer reported in a note (identifiers such as 联系电话, template residue, conversion noise).</summary>
    public int ReportedCells { get; init; }
    /// <summary>Numeric cells neither bound, structural nor reported (each then reported as 未归入模型的数字).</summary>
    public int UnplacedCells { get; init; }
}

/// <summary>
/// The read pipeline: reader (by content) → source document → recognizers (metadata, performance,
/// tables, topics, narrative and claims) → disclosure model.
/// </summary>
public sealed class DisclosureReader
{
    public DocumentReader Reader { get; init; } = DocumentReaders.CreateDefault();

    /// <summary>
    /// Whether <see cref="Read(string)"/> refuses a file that is not a 部门预算/决算 disclosure (a notice, a policy, a
    /// report) with <see cref="ReadFailure.NotADisclosure"/>, as it refuses a file that cannot be read.
    /// </summary>
    public bool RejectNonDisclosures { get; init; } = true;

    /// <summary>
    /// Read and recognize a file. Throws <see cref="ReadException"/> for unreadable input and, when
    /// <see cref="RejectNonDisclosures"/>, for a file that is not a disclosure.
    /// </summary>
    public ReadResult Read(string path) => Verified(Recognize(Reader.Read(path)));

    public ReadResult Read(string path, byte[] bytes) => Verified(Recognize(Reader.Read(path, bytes)));

    private ReadResult Verified(ReadResult r)
    {
        if (RejectNonDisclosures && DisclosureEvidence.NotADisclosure(r.Source, r.Disclosure) is string what)
            throw new ReadException(r.Source.File, ReadFailure.NotADisclosure,
                $"不是部门预算/决算公开文档：{r.Source.File} 看起来是{what}，其中没有预算或决算公开的标题、标准表格和章节，未予审核。" +
                "请确认选择的文件；公开材料若分为多个文件，请审核含情况说明和公开表格的文件。");
        return r;
    }

    public ReadResult Recognize(SourceDocument source)
    {
        var d = new Disclosure { File = source.File };
        foreach (var p in source.Problems) d.Notes.Add(new ReadNote(p.Message, p.Source));
        MetadataRecognizer.Recognize(source, d);
        var performance = new Performance.PerformanceRecognizer().Recognize(source, d);
        var consumed = performance.ConsumedRows;
        var ledger = new RecognitionLedger();
        // identifiers and placeholder values the performance readers read without making them figures
        foreach (var (t, r, c) in performance.UsedCells) ledger.MarkStructural(t, r, c);
        new TableRecognizer(ledger).Recognize(source, d, consumed);
        foreach (var (ti, row) in ledger.Misaligned)
            if (d.Tables.FirstOrDefault(t => t.SourceTables.Contains(ti)) is { } owner && !owner.MisalignedCodes.Contains(row))
                owner.MisalignedCodes.Add(row);
        TopicRecognizer.Recognize(d);
        Narrative.NarrativeRecognizer.Recognize(source, d);
        d.IsBlankTemplate = MetadataRecognizer.LooksLikeBlankTemplate(d);
        return Account(source, d, ledger);
    }

    /// <summary>Every numeric cell is bound to a figure, marked structural, or reported — nothing is silently dropped.</summary>
    private static ReadResult Account(SourceDocument source, Disclosure d, RecognitionLedger ledger)
    {
        var bound = new HashSet<(int, int, int)>();
        foreach (var f in d.AllTableFigures())
            if (f.Source.TableIndex is int t && f.Source.Row is int r && f.Source.Column is int c && f.IsNumber) bound.Add((t, r, c));
        var reported = new HashSet<(int, int, int)>();
        foreach (var n in d.Notes)
            if (n.Source.TableIndex is int t && n.Source.Row is int r && n.Source.Column is int c) reported.Add((t, r, c));
        var owner = new Dictionary<int, DisclosureTable>();
        foreach (var t in d.Tables)
            foreach (var i in t.SourceTables) owner.TryAdd(i, t);
        int numeric = 0, boundCount = 0, structural = 0, noted = 0, unplaced = 0;
        foreach (var tb in source.Tables)
            for (int r = 0; r < tb.Rows.Count; r++)
                foreach (var cell in tb.Rows[r].Cells)
                {
                    if (!Numbers.Parse(cell.Text).IsNumeric) continue;
                    numeric++;
                    if (bound.Contains((tb.Index, r, cell.Column))) { boundCount++; continue; }
                    if (ledger.IsStructural(tb.Index, r, cell.Column)) { structural++; continue; }
                    if (reported.Contains((tb.Index, r, cell.Column))) { noted++; continue; }
                    unplaced++;
                    if (owner.TryGetValue(tb.Index, out var table)) table.UnplacedCells++;
                    d.Notes.Add(new ReadNote($"未归入模型的数字：{cell.Text}", cell.Source));
                }
        d.Recognition = new RecognitionSummary
        {
            NumericCells = numeric, BoundCells = boundCount, StructuralCells = structural, ReportedCells = noted, UnplacedCells = unplaced,
            Tables = d.Tables.Select(t => new RecognizedTable(t.Kind, t.Title, t.Source.Page, t.Rows.Count,
                t.Kind == TableKind.Unknown ? [] : t.UnmappedColumns.Select(h => h.Length > 0 ? h : "（无表头）").Distinct().ToList(),
                t.UnplacedCells)).ToList(),
        };
        return new ReadResult(d, source) { NumericCells = numeric, BoundCells = boundCount, StructuralCells = structural, ReportedCells = noted, UnplacedCells = unplaced };
    }
}
