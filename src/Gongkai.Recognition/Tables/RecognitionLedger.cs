using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Bookkeeping of numeric cells: recognizers mark the numbers they deliberately do not read as values
/// (classification codes, unit codes, 序号, column-number rows). Every other numeric cell must be bound to a
/// figure of the model; what is neither is reported, never dropped silently.
/// </summary>
public sealed class RecognitionLedger
{
    private readonly HashSet<(int Table, int Row, int Column)> _structural = new();

    public void MarkStructural(SourceCell? cell)
    {
        if (cell is null) return;
        if (cell.Source.TableIndex is int t && cell.Source.Row is int r && cell.Source.Column is int c) _structural.Add((t, r, c));
    }

    public void MarkStructural(int table, int row, int column) => _structural.Add((table, row, column));

    public bool IsStructural(int table, int row, int column) => _structural.Contains((table, row, column));

    public int StructuralCount => _structural.Count;

    /// <summary>Split codes printed out of line (a 项 with its 款 blank), by source table; moved onto the tables they belong to.</summary>
    public List<(int Table, CodeMisalignment Row)> Misaligned { get; } = new();

    public void NoteMisaligned(SourceCell? code, string printed, string name)
    {
        if (code?.Source.TableIndex is not int t) return;
        MarkStructural(code);
        if (!Misaligned.Any(m => m.Table == t && ReferenceEquals(m.Row.Source, code.Source)))
            Misaligned.Add((t, new CodeMisalignment(printed, name, code.Source)));
    }
}
