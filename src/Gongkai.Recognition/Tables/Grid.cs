using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>A source row with its index inside the source table.</summary>
public readonly record struct GridRow(int Index, SourceRow Row)
{
    public string this[int c] => Row[c];
    public int Width => Row.Width;
    public SourceCell? Cell(int c) => c < Row.Cells.Count ? Row.Cells[c] : null;
}

/// <summary>Header/data split and header paths for a grid of rows.</summary>
public static class Grid
{
    public static bool IsCode(string text) => text.Length is 3 or 5 or 7 && text.All(char.IsAsciiDigit) && text[0] is '2' or '3' or '5';

    /// <summary>
    /// A column-number row under a header: consecutive integers 1, 2, 3 … (or starting at 0), possibly after marker cells
    /// that stand where the label columns are (`栏次`, `行次`, `**`, `*`, `甲`, `乙`, `丙`, `—`).
    /// </summary>
    public static bool IsNumberingRow(SourceRow row)
    {
        var cells = row.NonEmpty.Select(c => TextNormalizer.Compact(c.Text)).ToList();
        int markers = 0;
        while (markers < cells.Count && IsMarker(cells[markers])) markers++;
        var numbers = cells.Skip(markers).ToList();
        // one value column (** | 1) is numbered too, but only after a marker that cannot be a label (not a dash)
        if (numbers.Count == 0 || markers == 0 && numbers.Count < 3) return false;
        if (numbers.Count == 1 && cells.Take(markers).All(m => m.All(ch => ch is '—' or '-' or '―'))) return false;
        if (!int.TryParse(numbers[0], out var first) || first is not (0 or 1)) return false;
        for (int i = 0; i < numbers.Count; i++)
            if (numbers[i] != (first + i).ToString()) return false;
        return true;
    }

    /// <summary>A cell that marks the label columns of a column-number row (栏次, 行次, **, 甲 …).</summary>
    public static bool IsMarker(string compact) =>
        compact.Length > 0 && (compact.All(ch => ch is '*' or '＊' or '—' or '-' or '―')
                               || compact is "栏次" or "行次" or "栏号" or "甲" or "乙" or "丙" or "丁" or "序号");

    /// <summary>A data row has a number (outside a numbering row), a code in its first cells, or a 合计/总计 label.</summary>
    public static bool IsDataRow(SourceRow row)
    {
        if (IsNumberingRow(row)) return false;
        for (int c = 0; c < row.Width; c++)
        {
            var t = row[c];
            if (t.Length == 0) continue;
            var v = Numbers.Parse(t);
            if (v.IsNumeric || v.Kind == CellValueKind.Dash && c > 0) return true;
            if (c <= 1 && IsCode(t)) return true;
        }
        var nonEmpty = row.NonEmpty.ToList();
        if (nonEmpty.Count == 0) return false;
        var f = TextNormalizer.Compact(nonEmpty[0].Text);
        // a 合计 row with nothing but blanks after it is data; "合计 | 因公出国（境）费 | …" is a header
        return f is "合计" or "总计" && nonEmpty.Count == 1;
    }

    /// <summary>Leading header rows (until the first data row) and the rest.</summary>
    public static (List<GridRow> Header, List<GridRow> Data) Split(IReadOnlyList<GridRow> rows)
    {
        var header = new List<GridRow>();
        int i = 0;
        while (i < rows.Count && !IsDataRow(rows[i].Row)) { header.Add(rows[i]); i++; }
        var data = new List<GridRow>();
        // compared without trailing empty cells: their number depends on the format (a TAB-ended text row, a spreadsheet)
        static string Key(SourceRow row) => string.Join("|", row.Cells.Select(c => TextNormalizer.Compact(c.Text))).TrimEnd('|');
        var headerTexts = header.Select(h => Key(h.Row)).ToHashSet();
        for (; i < rows.Count; i++)
        {
            var key = Key(rows[i].Row);
            if (headerTexts.Contains(key)) continue; // header repeated on a continued page
            if (rows[i].Row.IsBlank) continue;
            data.Add(rows[i]);
        }
        return (header, data);
    }

    /// <summary>
    /// Column header paths: each header row contributes its cell text; an empty cell in an upper row inherits
    /// the text to its left (a merged cell spanning right). The last header row does not inherit.
    /// </summary>
    public static string[] Paths(IReadOnlyList<GridRow> header, int width)
    {
        header = header.Where(h => !IsNumberingRow(h.Row) && !h.Row.IsBlank).ToList();
        var paths = new List<string>[width];
        for (int c = 0; c < width; c++) paths[c] = new List<string>();
        // where the reader knows merged cells (PDF), a header cell's text covers exactly its spans
        if (header.Any(h => h.Row.Cells.Any(c => c.ColSpan > 1 || c.RowSpan > 1)))
        {
            var text = new string?[header.Count, width];
            for (int h = 0; h < header.Count; h++)
                foreach (var cell in header[h].Row.Cells)
                {
                    var t = cell.Text.Trim();
                    if (t.Length == 0) continue;
                    for (int dh = 0; dh < cell.RowSpan && h + dh < header.Count; dh++)
                        for (int dc = 0; dc < cell.ColSpan && cell.Column + dc < width; dc++)
                            text[h + dh, cell.Column + dc] = t;
                }
            for (int c = 0; c < width; c++)
                for (int h = 0; h < header.Count; h++)
                    if (text[h, c] is string t && (paths[c].Count == 0 || paths[c][^1] != t)) paths[c].Add(t);
            return paths.Select(p => string.Join("/", p)).ToArray();
        }
        for (int h = 0; h < header.Count; h++)
        {
            bool last = h == header.Count - 1;
            string carry = "";
            for (int c = 0; c < width; c++)
            {
                var t = header[h][c].Trim();
                if (t.Length > 0) carry = t;
                else if (!last && c > 0) t = carry;
                if (t.Length > 0 && (paths[c].Count == 0 || paths[c][^1] != t)) paths[c].Add(t);
            }
        }
        return paths.Select(p => string.Join("/", p)).ToArray();
    }

    /// <summary>A cell of <paramref name="table"/> as a figure in the table's unit (a 千元 table's money read into 万元).</summary>
    public static Figure ToFigure(SourceCell cell, DisclosureTable table)
    {
        var f = ToFigure(cell, table.Unit);
        return table.InThousands && f.IsNumber && f.Unit == ValueUnit.WanYuan ? f with { Value = f.Value / 10m, Scale = f.Scale + 1 } : f;
    }

    public static Figure ToFigure(SourceCell cell, ValueUnit unit)
    {
        var v = Numbers.Parse(cell.Text);
        return v.Kind switch
        {
            CellValueKind.Number => new Figure(v.Value, v.Scale, unit, FigureKind.Number, cell.Source),
            CellValueKind.Percent => new Figure(v.Value, v.Scale, ValueUnit.Percent, FigureKind.Number, cell.Source),
            CellValueKind.Dash => new Figure(0m, 0, unit, FigureKind.NotApplicable, cell.Source),
            _ => new Figure(0m, 2, unit, FigureKind.Blank, cell.Source),
        };
    }
}
