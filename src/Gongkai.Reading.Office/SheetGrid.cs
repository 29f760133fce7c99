using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Reading.Office;

/// <summary>What a spreadsheet cell holds. Pending: a formula without stored result, not yet evaluated; Failed: an
/// error value or a formula that could not be evaluated (never read as 0).</summary>
internal enum GridValue { Blank, Number, Text, Pending, Failed }

/// <summary>One spreadsheet cell as stored, whatever the file format.</summary>
internal sealed class GridCell
{
    public GridValue Kind;
    public decimal Number;
    public string Text = "";
    public string? Formula;
    public ExcelNumberFormat Format = ExcelNumberFormat.General;

    public static GridCell OfNumber(decimal value, ExcelNumberFormat format) =>
        new() { Kind = GridValue.Number, Number = value, Format = format, Text = format.Format(value) };

    public static GridCell OfText(string text) => new() { Kind = text.Length == 0 ? GridValue.Blank : GridValue.Text, Text = text };
}

/// <summary>
/// One worksheet as a format-neutral grid, filled by a format reader (<see cref="XlsxReader"/> for .xlsx,
/// <see cref="XlsReader"/> for .xls/.et) and turned into blocks the same way for every format:
/// <list type="bullet">
/// <item>A sheet may hold several tables: it is cut at fully empty rows and at fully empty columns (recursively,
/// like an XY cut); each piece is a table. A merged cell occupies its whole area.</item>
/// <item>Lines above a table that hold a single cell (a title merged across the table, "公开01表", "单位：万元"),
/// or only unit/department lines, become TextBlocks before the table; so does a last row merged across the whole
/// width (a note below the table). A piece without any row of two or more cells is text only.</item>
/// <item>Merged cells give the first cell ColSpan/RowSpan; covered cells are empty.</item>
/// <item>Formulas without stored result: simple ones (SUM, + − × ÷ of same-sheet cells) are computed, others are
/// left blank and reported — never read as 0. Error values are reported.</item>
/// </list>
/// Provenance: <c>Page</c> is the sheet's position (1-based) in the workbook, <c>Line</c> the row number (1-based,
/// as Excel shows it); a table's provenance text names the sheet and range ("收支总表!A3:F20").
/// Rows and columns are 1-based throughout.
/// </summary>
internal sealed partial class SheetGrid(string path, string name, int page, List<SourceProblem> problems, long maxCells)
{
    private readonly Dictionary<(int Row, int Col), GridCell> _cells = [];
    private readonly HashSet<(int Row, int Col)> _bordered = [];
    private readonly Dictionary<(int Row, int Col), (int Rows, int Cols)> _merges = [];
    private readonly Dictionary<(int Row, int Col), (int Row, int Col)> _coveredBy = [];
    private readonly HashSet<int> _hiddenRows = [], _hiddenCols = [];
    private int[]? _rowOf, _colOf; // after hidden rows/columns are taken out: grid index → the sheet's row/column
    private int _maxRow, _maxCol;

    public string Name => name;

    /// <summary>Rows and columns hidden in the sheet: they are not on the page and are not read (see <see cref="Complete"/>).</summary>
    public void Hide(IEnumerable<int> rows, IEnumerable<int> cols)
    {
        _hiddenRows.UnionWith(rows.Where(r => r > 0));
        _hiddenCols.UnionWith(cols.Where(c => c > 0));
    }

    /// <summary>Sets a cell (a Blank cell only records that the cell exists, e.g. for its borders).</summary>
    public void Set(int row, int col, GridCell cell)
    {
        _cells[(row, col)] = cell;
        _maxRow = Math.Max(_maxRow, row);
        _maxCol = Math.Max(_maxCol, col);
    }

    /// <summary>The cell has a border (it is part of a ruled table grid).</summary>
    public void SetBordered(int row, int col) => _bordered.Add((row, col));

    /// <summary>An error value stored in a cell (#DIV/0!, #N/A …): kept as its text, reported, never a number.</summary>
    public void SetError(int row, int col, string error, string? formula)
    {
        Set(row, col, new GridCell { Kind = GridValue.Failed, Text = error, Formula = formula });
        problems.Add(new SourceProblem($"工作表“{name}”单元格 {A1(row, col)} 的值是错误值 {error}{(formula is null ? "" : $"（公式 ={formula}）")}，未作为数字读取。请在 Excel 中修正后另存。",
            Where(row, col, error)));
    }

    /// <summary>A merged area (inclusive bounds, any corner order). Overlapping or oversized merges are ignored.</summary>
    public void Merge(int r1, int c1, int r2, int c2)
    {
        if (r2 < r1) (r1, r2) = (r2, r1);
        if (c2 < c1) (c1, c2) = (c2, c1);
        if ((long)(r2 - r1 + 1) * (c2 - c1 + 1) > maxCells) return;
        if (_merges.ContainsKey((r1, c1)) || _coveredBy.ContainsKey((r1, c1))) return;
        _merges[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1);
        for (int r = r1; r <= r2; r++)
            for (int c = c1; c <= c2; c++)
                if (r != r1 || c != c1) _coveredBy[(r, c)] = (r1, c1);
        // a merge only extends the used area when its first cell holds something
        if (_cells.TryGetValue((r1, c1), out var anchor) && anchor.Kind != GridValue.Blank)
        {
            _maxRow = Math.Max(_maxRow, r2);
            _maxCol = Math.Max(_maxCol, c2);
        }
    }

    /// <summary>Refuses a sheet larger than the limit, then computes or reports formulas without stored result.</summary>
    public void Complete()
    {
        CheckSize(_maxRow, _maxCol);
        foreach (var key in _cells.Keys.ToList())
            if (_cells[key].Kind == GridValue.Pending) Resolve(key, 0);
        TakeOutHidden();
    }

    /// <summary>
    /// Hidden rows and columns are not on the printed page: they are taken out of the grid (after formulas are
    /// computed, as their cells count in them), so that the tables read as the page shows them and a hidden
    /// column does not split a table. Provenance keeps the sheet's own row numbers and column letters. Hidden
    /// rows or columns that held content are reported once per sheet.
    /// </summary>
    private void TakeOutHidden()
    {
        var rows = _hiddenRows.Where(r => r <= _maxRow).Order().ToList();
        var cols = _hiddenCols.Where(c => c <= _maxCol).Order().ToList();
        if (rows.Count == 0 && cols.Count == 0) return;
        var withContent = _cells.Where(kv => kv.Value.Kind != GridValue.Blank && Numbers.CleanCellText(kv.Value.Text).Length > 0).Select(kv => kv.Key).ToList();
        var lostRows = rows.Where(r => withContent.Any(k => k.Row == r)).ToList();
        var lostCols = cols.Where(c => withContent.Any(k => k.Col == c)).ToList();
        if (lostRows.Count > 0 || lostCols.Count > 0)
        {
            var parts = new List<string>();
            if (lostRows.Count > 0) parts.Add("隐藏的第 " + string.Join("、", lostRows.Take(10)) + (lostRows.Count > 10 ? " 等" : "") + " 行");
            if (lostCols.Count > 0) parts.Add("隐藏的 " + string.Join("、", lostCols.Take(10).Select(SimpleFormula.ColumnName)) + (lostCols.Count > 10 ? " 等" : "") + " 列");
            problems.Add(new SourceProblem($"工作表“{name}”中{string.Join("和", parts)}在页面上不显示，未读取。如其中有需要读取的内容，请在 Excel 中取消隐藏后另存。",
                new Provenance(path, Line: lostRows.Count > 0 ? lostRows[0] : null, Page: page, Text: name)));
        }
        var rowOf = new List<int> { 0 };
        var colOf = new List<int> { 0 };
        var newRow = new int[_maxRow + 1];
        var newCol = new int[_maxCol + 1];
        for (int r = 1; r <= _maxRow; r++)
            if (!_hiddenRows.Contains(r)) { newRow[r] = rowOf.Count; rowOf.Add(r); }
        for (int c = 1; c <= _maxCol; c++)
            if (!_hiddenCols.Contains(c)) { newCol[c] = colOf.Count; colOf.Add(c); }
        var cells = _cells.ToList();
        var bordered = _bordered.ToList();
        var merges = _merges.ToList();
        _cells.Clear();
        _bordered.Clear();
        _merges.Clear();
        _coveredBy.Clear();
        foreach (var (k, v) in cells)
            if (k.Row <= _maxRow && k.Col <= _maxCol && newRow[k.Row] > 0 && newCol[k.Col] > 0) _cells[(newRow[k.Row], newCol[k.Col])] = v;
        foreach (var k in bordered)
            if (k.Row <= _maxRow && k.Col <= _maxCol && newRow[k.Row] > 0 && newCol[k.Col] > 0) _bordered.Add((newRow[k.Row], newCol[k.Col]));
        _maxRow = rowOf.Count - 1;
        _maxCol = colOf.Count - 1;
        foreach (var ((r1, c1), (n, m)) in merges)
        {
            // the merge keeps its visible rows and columns; its text moves to its first visible cell
            var vr = Enumerable.Range(r1, n).Where(r => r < newRow.Length && newRow[r] > 0).Select(r => newRow[r]).ToList();
            var vc = Enumerable.Range(c1, m).Where(c => c < newCol.Length && newCol[c] > 0).Select(c => newCol[c]).ToList();
            if (vr.Count == 0 || vc.Count == 0) continue;
            var anchor = cells.FirstOrDefault(kv => kv.Key == (r1, c1)).Value;
            if (anchor is not null) _cells[(vr[0], vc[0])] = anchor;
            if (vr.Count > 1 || vc.Count > 1) Merge(vr[0], vc[0], vr[^1], vc[^1]);
        }
        _rowOf = [.. rowOf];
        _colOf = [.. colOf];
    }

    private int SheetRow(int r) => _rowOf is { } map && r < map.Length ? map[r] : r;

    private string SheetA1(int r, int c) => A1(SheetRow(r), _colOf is { } map && c < map.Length ? map[c] : c);

    /// <summary>Throws TooLarge when a sheet of this many rows and columns exceeds the limit.</summary>
    public void CheckSize(long rows, long cols)
    {
        if (rows * cols > maxCells)
            throw new ReadException(path, ReadFailure.TooLarge,
                $"工作表过大：{path} 的工作表“{name}”使用了 {rows} 行 × {cols} 列，超过读取上限。请删除多余的行列后另存再读取。");
    }

    /// <summary>Compute a formula without stored result, or report it. Never reads it as 0.</summary>
    private void Resolve((int Row, int Col) key, int depth)
    {
        var x = _cells[key];
        if (x.Kind != GridValue.Pending) return;
        x.Kind = GridValue.Failed; // guards against cycles while evaluating
        if (x.Formula is not null && depth < 200 && SimpleFormula.TryEvaluate(x.Formula, (r, c) => Operand((r, c), depth), out var value))
        {
            x.Kind = GridValue.Number;
            x.Number = value;
            x.Text = x.Format.Format(value);
            problems.Add(new SourceProblem(
                $"工作表“{name}”单元格 {A1(key.Row, key.Col)} 的公式 ={x.Formula} 没有保存计算结果，已按公式算得 {x.Text}。建议在 Excel 中打开、重新计算并保存。",
                Where(key.Row, key.Col, x.Text)));
        }
        else
        {
            x.Text = "";
            problems.Add(new SourceProblem(
                $"工作表“{name}”单元格 {A1(key.Row, key.Col)} 的公式 ={x.Formula} 没有保存计算结果，且无法自动计算，该单元格按空白读取（不是 0）。请在 Excel 中打开、重新计算并保存后再读取。",
                Where(key.Row, key.Col, "=" + x.Formula)));
        }
    }

    private FormulaOperand? Operand((int Row, int Col) key, int depth)
    {
        if (!_cells.TryGetValue(key, out var x)) return FormulaOperand.Blank;
        if (x.Kind == GridValue.Pending) Resolve(key, depth + 1);
        return x.Kind switch
        {
            GridValue.Blank => FormulaOperand.Blank,
            GridValue.Number => FormulaOperand.Of(x.Number),
            GridValue.Text => FormulaOperand.Text,
            _ => null,
        };
    }

    private Provenance Where(int row, int col, string text) =>
        new(path, Line: row, Page: page, Text: $"{name}!{A1(row, col)} {text}".TrimEnd());

    public static string A1(int row, int col) => SimpleFormula.ColumnName(col) + row.ToString(CultureInfo.InvariantCulture);

    private string TextAt(int r, int c) => _cells.TryGetValue((r, c), out var x) ? Numbers.CleanCellText(x.Text) : "";

    /// <summary>A cell holds something, or lies under a merge whose first cell does.</summary>
    private bool Occupied(int r, int c)
    {
        if (TextAt(r, c).Length > 0) return true;
        return _coveredBy.TryGetValue((r, c), out var a) && TextAt(a.Row, a.Col).Length > 0;
    }

    public void Emit(List<SourceBlock> blocks, ref int tableIndex)
    {
        if (_maxRow == 0) return;
        var regions = new List<(int R1, int C1, int R2, int C2)>();
        Cut(1, 1, _maxRow, _maxCol, regions, 0);
        // tables with nothing to their left keep the sheet's left edge, so that columns stay aligned
        // across tables of one sheet (a table continued below another keeps its empty first column)
        int left = regions.Min(x => x.C1);
        foreach (var region in regions)
        {
            bool leftmost = !regions.Any(o => o.C2 < region.C1 && o.R1 <= region.R2 && region.R1 <= o.R2);
            EmitRegion(leftmost ? region with { C1 = left } : region, blocks, ref tableIndex);
        }
    }

    /// <summary>Split a rectangle at fully empty rows, then at fully empty columns, recursively; trims empty margins.</summary>
    private void Cut(int r1, int c1, int r2, int c2, List<(int, int, int, int)> output, int depth)
    {
        var rowsUsed = new List<int>();
        for (int r = r1; r <= r2; r++)
            for (int c = c1; c <= c2; c++)
                if (Occupied(r, c)) { rowsUsed.Add(r); break; }
        if (rowsUsed.Count == 0) return;
        var rowBands = Bands(rowsUsed);
        foreach (var (br1, br2) in rowBands)
        {
            var colsUsed = new List<int>();
            for (int c = c1; c <= c2; c++)
                for (int r = br1; r <= br2; r++)
                    if (Occupied(r, c)) { colsUsed.Add(c); break; }
            var colBands = Bands(colsUsed);
            if (colBands.Count == 1 && (rowBands.Count == 1 || depth > 50))
            {
                output.Add((br1, colBands[0].From, br2, colBands[0].To));
                continue;
            }
            foreach (var (bc1, bc2) in colBands)
            {
                if (rowBands.Count == 1 && colBands.Count == 1) output.Add((br1, bc1, br2, bc2));
                else Cut(br1, bc1, br2, bc2, output, depth + 1);
            }
        }
    }

    private static List<(int From, int To)> Bands(List<int> used)
    {
        var bands = new List<(int, int)>();
        int i = 0;
        while (i < used.Count)
        {
            int j = i;
            while (j + 1 < used.Count && used[j + 1] == used[j] + 1) j++;
            bands.Add((used[i], used[j]));
            i = j + 1;
        }
        return bands;
    }

    private List<int> CellsInRow(int r, int c1, int c2)
    {
        var cols = new List<int>();
        for (int c = c1; c <= c2; c++)
            if (TextAt(r, c).Length > 0) cols.Add(c);
        return cols;
    }

    /// <summary>
    /// A line above a table: one cell reading like a table title ("…表", "…表（续）"), a table label
    /// ("公开01表", "附件3-4") or a unit line ("单位：万元"); or several cells that are all unit/department lines.
    /// A single cell that is none of these ("2021年预算数" over a table) is a header row of the table.
    /// </summary>
    private bool IsTextRow(int r, int c1, int c2)
    {
        var cols = CellsInRow(r, c1, c2);
        if (cols.Count == 1)
        {
            var text = Numbers.ToHalfWidth(TextAt(r, cols[0]));
            return UnitLine().IsMatch(text) || TitleLine().IsMatch(text) || LabelLine().IsMatch(text);
        }
        return cols.Count > 1 && cols.All(c => UnitLine().IsMatch(Numbers.ToHalfWidth(TextAt(r, c))));
    }

    /// <summary>Two or more cells of the row have borders (the row is part of a ruled table).</summary>
    private bool Ruled(int r, int c1, int c2)
    {
        int n = 0;
        for (int c = c1; c <= c2 && n < 2; c++)
            if (_bordered.Contains((r, c))) n++;
        return n >= 2;
    }

    private bool MergedAcross(int r, int c1, int c2)
    {
        var cols = CellsInRow(r, c1, c2);
        return cols.Count == 1 && _merges.TryGetValue((r, cols[0]), out var m) && m.Rows == 1 && cols[0] == c1 && c1 + m.Cols - 1 >= c2;
    }

    private void EmitRegion((int R1, int C1, int R2, int C2) region, List<SourceBlock> blocks, ref int tableIndex)
    {
        var (r1, c1, r2, c2) = region;
        if (Enumerable.Range(r1, r2 - r1 + 1).All(r => CellsInRow(r, c1, c2).Count <= 1))
        {
            // no row of two or more cells: lines of text
            for (int r = r1; r <= r2; r++) EmitText(r, c1, c2, blocks);
            return;
        }
        // lines above the first row of two or more cells are text, unless they lie in the table's ruled grid
        // (two or more bordered cells: a header line such as "2021年预算数" spanning the table). Sheets
        // without borders: up to two short lines right above that row that are neither titles, labels nor
        // unit lines are taken as header lines.
        int top = r1;
        while (top <= r2 && (CellsInRow(top, c1, c2).Count <= 1 || IsTextRow(top, c1, c2)) && !Ruled(top, c1, c2)) top++;
        if (_bordered.Count == 0)
            for (int k = 0; k < 2 && top - 1 >= r1 && !IsTextRow(top - 1, c1, c2) && CellsInRow(top - 1, c1, c2) is [var only]
                && TextAt(top - 1, only).Length <= 20; k++) top--;
        int bottom = r2;
        if (top <= r2)
            while (bottom > top && MergedAcross(bottom, c1, c2)) bottom--;
        for (int r = r1; r < top; r++) EmitText(r, c1, c2, blocks);
        if (top <= bottom) EmitTable(top, c1, bottom, c2, blocks, tableIndex++);
        for (int r = bottom + 1; r <= r2 && top <= r2; r++) EmitText(r, c1, c2, blocks);
    }

    private void EmitText(int r, int c1, int c2, List<SourceBlock> blocks)
    {
        foreach (var c in CellsInRow(r, c1, c2))
        {
            var text = TextAt(r, c);
            blocks.Add(new TextBlock(text, new Provenance(path, Line: SheetRow(r), Page: page, Text: text)));
        }
    }

    private void EmitTable(int r1, int c1, int r2, int c2, List<SourceBlock> blocks, int tableIndex)
    {
        // trim columns on the right that are empty within the table rows (a title above may be wider)
        while (c2 > c1 && Enumerable.Range(r1, r2 - r1 + 1).All(r => !Occupied(r, c2))) c2--;
        var rows = new List<SourceRow>();
        for (int r = r1; r <= r2; r++)
        {
            var cells = new List<SourceCell>(c2 - c1 + 1);
            for (int c = c1; c <= c2; c++)
            {
                int column = c - c1;
                var text = _coveredBy.ContainsKey((r, c)) ? "" : TextAt(r, c);
                int colSpan = 1, rowSpan = 1;
                if (_merges.TryGetValue((r, c), out var m))
                {
                    colSpan = Math.Min(m.Cols, c2 - c + 1);
                    rowSpan = Math.Min(m.Rows, r2 - r + 1);
                }
                cells.Add(new SourceCell(text, column,
                    new Provenance(path, Line: SheetRow(r), Page: page, TableIndex: tableIndex, Row: r - r1, Column: column, Text: text), colSpan, rowSpan));
            }
            var rowText = $"{name}!{SheetA1(r, c1)}:{SheetA1(r, c2)}";
            rows.Add(new SourceRow(cells, new Provenance(path, Line: SheetRow(r), Page: page, TableIndex: tableIndex, Row: r - r1, Text: rowText)));
        }
        blocks.Add(new TableBlock(rows, TableSyntax.Xlsx,
            new Provenance(path, Line: SheetRow(r1), Page: page, TableIndex: tableIndex, Text: $"{name}!{SheetA1(r1, c1)}:{SheetA1(r2, c2)}"), tableIndex));
    }

    /// <summary>A table title: ends with 表 (or 表（续）/一览表/明细), short, without sentence punctuation.</summary>
    [GeneratedRegex(@"^[^。，；]{0,60}(?:表|明细|情况)\s*(?:[（(](?:续|[一二三四五六七八九十\d]+)[)）])?\s*$")]
    private static partial Regex TitleLine();

    /// <summary>A table label: 附件3-4, 附表1, 表3, 公开01表, 预算02表.</summary>
    [GeneratedRegex(@"^\s*(?:附件|附表|表)\s*[\d一二三四五六七八九十]+(?:[-—–－.]\d+)*\s*[:：]?\s*$")]
    private static partial Regex LabelLine();

    /// <summary>Lines above a table such as "单位：万元", "金额单位：元", "部门：…", "编制单位：…".</summary>
    [GeneratedRegex(@"^\s*(?:(?:(?:金额|计量|编制|填报|预算)?单位|部门(?:（单位）|\(单位\))?(?:名称)?|填报日期)\s*[:：]|单位\s*(?:万元|元|千元)|(?:公开|预算|决算)?\s*\d{1,2}\s*表\s*$)")]
    private static partial Regex UnitLine();
}
