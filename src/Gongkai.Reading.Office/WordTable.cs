using Gongkai.Model;

namespace Gongkai.Reading.Office;

/// <summary>
/// The grid of a Word table (.docx or .doc) from its rows of cells with grid column, column span and vertical merge
/// state: text in the first cell of a merge, which carries ColSpan/RowSpan; covered cells are empty so that
/// column indices align across rows.
/// </summary>
internal static class WordTable
{
    internal sealed record RawCell(string Text, int Column, int ColSpan, MergeState Merge, int Line);

    internal enum MergeState { None, Restart, Continue }

    public static List<SourceRow> Grid(List<(List<RawCell> Cells, int Line)> rows, string path, int tableIndex)
    {
        var grid = new List<SourceCell?[]>();
        var continued = new List<bool[]>();
        var rowSpans = new Dictionary<(int Row, int Col), int>();
        for (int r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Cells;
            int width = cells.Count == 0 ? 0 : cells.Max(c => c.Column + c.ColSpan);
            var line = new SourceCell?[width];
            var marks = new bool[width];
            foreach (var c in cells)
            {
                int? anchor = c.Merge == MergeState.Continue ? AnchorAbove(grid, continued, r, c.Column) : null;
                var text = anchor is null ? c.Text : "";
                line[c.Column] = new SourceCell(text, c.Column,
                    new Provenance(path, c.Line, TableIndex: tableIndex, Row: r, Column: c.Column, Text: text), anchor is null ? c.ColSpan : 1);
                if (anchor is int a)
                {
                    marks[c.Column] = true;
                    rowSpans[(a, c.Column)] = rowSpans.GetValueOrDefault((a, c.Column), 1) + 1;
                }
            }
            grid.Add(line);
            continued.Add(marks);
        }

        var sourceRows = new List<SourceRow>(grid.Count);
        for (int r = 0; r < grid.Count; r++)
        {
            var line = grid[r];
            var cells = new List<SourceCell>(line.Length);
            for (int c = 0; c < line.Length; c++)
            {
                var cell = line[c] ?? new SourceCell("", c, new Provenance(path, rows[r].Line, TableIndex: tableIndex, Row: r, Column: c));
                if (rowSpans.TryGetValue((r, c), out int rs)) cell = cell with { RowSpan = rs };
                cells.Add(cell);
            }
            var rowText = string.Join(" | ", cells.Where(x => !x.IsEmpty).Select(x => x.Text));
            sourceRows.Add(new SourceRow(cells, new Provenance(path, rows[r].Line, TableIndex: tableIndex, Row: r, Text: rowText)));
        }
        return sourceRows;
    }

    /// <summary>The row of the first cell of the vertical merge that a continuing cell at (row, col) belongs to.</summary>
    private static int? AnchorAbove(List<SourceCell?[]> grid, List<bool[]> continued, int row, int col)
    {
        for (int r = row - 1; r >= 0; r--)
        {
            if (col >= grid[r].Length || grid[r][col] is null) return null;
            if (!continued[r][col]) return r;
        }
        return null;
    }
}
