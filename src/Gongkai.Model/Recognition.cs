namespace Gongkai.Model;

/// <summary>
/// The recognition report of one document: which tables were recognized as what, which tables and columns could not
/// be mapped, and what became of every numeric cell of the source tables. Filled by the reader; never guessed.
/// </summary>
public sealed class RecognitionSummary
{
    /// <summary>Numeric cells of the source tables.</summary>
    public int NumericCells { get; init; }
    /// <summary>Numeric cells read into the model as figures.</summary>
    public int BoundCells { get; init; }
    /// <summary>Numeric cells that are identifiers (codes, 序号, column numbers), deliberately not values.</summary>
    public int StructuralCells { get; init; }
    /// <summary>Numeric cells a recognizer reported in a note (identifiers, template residue, conversion noise).</summary>
    public int ReportedCells { get; init; }
    /// <summary>Numeric cells neither bound, structural nor reported (each also reported as 未归入模型的数字).</summary>
    public int UnplacedCells { get; init; }
    /// <summary>One entry per table of the model, in document order.</summary>
    public List<RecognizedTable> Tables { get; init; } = new();
}

/// <summary>
/// One table as recognized: its kind (Unknown when the title names no table the recognizers know), title and page,
/// the headers of the columns whose meaning could not be mapped, and its numeric cells left unplaced.
/// </summary>
public sealed record RecognizedTable(TableKind Kind, string Title, int? Page, int Rows, IReadOnlyList<string> UnmappedColumns, int UnplacedCells);
