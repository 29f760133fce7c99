using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Model;

namespace Gongkai.Reading.Office;

/// <summary>
/// Reads an Excel workbook (.xlsx) into a <see cref="SourceDocument"/>, sheet by sheet in workbook order.
/// <list type="bullet">
/// <item>A sheet may hold several tables: it is cut at fully empty rows and at fully empty columns (recursively,
/// like an XY cut); each piece is a table. A merged cell occupies its whole area.</item>
/// <item>Lines above a table that hold a single cell (a title merged across the table, "公开01表", "单位：万元"),
/// or only unit/department lines, become TextBlocks before the table; so does a last row merged across the whole
/// width (a note below the table). A piece without any row of two or more cells is text only.</item>
/// <item>Merged cells give the first cell ColSpan/RowSpan; covered cells are empty.</item>
/// <item>Values: shared and inline strings, booleans (TRUE/FALSE), numbers printed with the cell's number format
/// (0.00 → "3925.66", #,##0.00 → "3,925.66", 0.00% → "12.50%"), dates as text. Formulas use the stored result;
/// where none is stored, simple formulas (SUM, + − × ÷ of same-sheet cells) are computed, others are left blank
/// and reported in <see cref="SourceDocument.Problems"/> — never read as 0.</item>
/// </list>
/// Provenance: <c>Page</c> is the sheet's position (1-based) in the workbook, <c>Line</c> the Excel row number;
/// a table's provenance text names the sheet and range ("收支总表!A3:F20"). Hidden sheets are skipped and reported.
/// </summary>
public sealed partial class XlsxReader
{
    /// <summary>Sheets whose used area exceeds this many cells are refused.</summary>
    public long MaxCellsPerSheet { get; init; } = 4_000_000;

    public SourceDocument Read(string path, Stream stream, OpenSettings settings)
    {
        using var doc = SpreadsheetDocument.Open(stream, false, settings);
        var wb = doc.WorkbookPart ?? throw Corrupt(path);
        var sheets = wb.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? throw Corrupt(path);
        var shared = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(RichText).ToList() ?? [];
        var formats = new StyleFormats(wb.WorkbookStylesPart?.Stylesheet);
        var blocks = new List<SourceBlock>();
        var problems = new List<SourceProblem>();
        int tableIndex = 0;
        for (int i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var name = sheet.Name?.Value ?? $"Sheet{i + 1}";
            if (sheet.State?.Value is { } st && st != SheetStateValues.Visible)
            {
                problems.Add(new SourceProblem($"已跳过隐藏的工作表“{name}”。如其中有需要读取的表格，请在 Excel 中取消隐藏后另存。",
                    new Provenance(path, Page: i + 1, Text: name)));
                continue;
            }
            if (sheet.Id?.Value is not { } rid || !wb.TryGetPartById(rid, out var part) || part is not WorksheetPart wsp) continue;
            var grid = new SheetGrid(path, name, i + 1, shared, formats, problems, MaxCellsPerSheet);
            grid.Load(wsp);
            grid.Emit(blocks, ref tableIndex);
        }
        if (blocks.Count == 0)
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path} 的工作表中没有可读取的内容。");
        return new SourceDocument(path, SourceFormat.Xlsx, blocks, pageCount: sheets.Count, problems: problems);
    }

    private static ReadException Corrupt(string path) => new(path, ReadFailure.Corrupt,
        $"文件已损坏：{path} 缺少工作簿部分，不是有效的 Excel 文件。请用 Excel 打开并另存为 .xlsx 后重试。");

    /// <summary>The text of a shared or inline string: its plain text or the concatenated runs (phonetic guides left out).</summary>
    private static string RichText(OpenXmlElement item)
    {
        var plain = item.GetFirstChild<Text>();
        if (plain is not null) return plain.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    /// <summary>Number formats and borders by cell style index.</summary>
    private sealed class StyleFormats
    {
        private readonly List<ExcelNumberFormat> _byStyle = [];
        private readonly List<bool> _bordered = [];

        public StyleFormats(Stylesheet? styles)
        {
            var custom = new Dictionary<uint, string>();
            if (styles?.NumberingFormats is { } nfs)
                foreach (var nf in nfs.Elements<NumberingFormat>())
                    if (nf.NumberFormatId?.Value is uint id && nf.FormatCode?.Value is { } code) custom[id] = code;
            var borders = styles?.Borders?.Elements<Border>().Select(b =>
                new BorderPropertiesType?[] { b.LeftBorder, b.RightBorder, b.TopBorder, b.BottomBorder }
                    .Any(e => e?.Style?.Value is { } st && st != BorderStyleValues.None)).ToList() ?? [];
            if (styles?.CellFormats is { } xfs)
                foreach (var xf in xfs.Elements<CellFormat>())
                {
                    _bordered.Add(xf.BorderId?.Value is uint bid && bid < borders.Count && borders[(int)bid]);
                    uint id = xf.NumberFormatId?.Value ?? 0;
                    _byStyle.Add(custom.TryGetValue(id, out var code) ? new ExcelNumberFormat(code)
                        : ExcelNumberFormat.BuiltIn(id) ?? ExcelNumberFormat.General);
                }
        }

        public bool Bordered(uint? styleIndex) => styleIndex is uint i && i < _bordered.Count && _bordered[(int)i];

        public ExcelNumberFormat Of(uint? styleIndex) =>
            styleIndex is uint i && i < _byStyle.Count ? _byStyle[(int)i] : ExcelNumberFormat.General;
    }

    private enum ValueKind { Blank, Number, Text, Pending, Failed }

    /// <summary>One cell as stored. Pending: a formula without stored result, not yet evaluated.</summary>
    private sealed class XCell
    {
        public ValueKind Kind;
        public decimal Number;
        public string Text = "";
        public string? Formula;
        public ExcelNumberFormat Format = ExcelNumberFormat.General;
    }

    private sealed class SheetGrid(string path, string name, int page, List<string> shared, StyleFormats formats,
        List<SourceProblem> problems, long maxCells)
    {
        private readonly Dictionary<(int Row, int Col), XCell> _cells = [];
        private readonly HashSet<(int Row, int Col)> _bordered = [];
        private readonly Dictionary<(int Row, int Col), (int Rows, int Cols)> _merges = [];
        private readonly Dictionary<(int Row, int Col), (int Row, int Col)> _coveredBy = [];
        private int _maxRow, _maxCol;

        public void Load(WorksheetPart wsp)
        {
            var ws = wsp.Worksheet;
            if (ws is null) return;
            var sharedFormulas = new Dictionary<uint, (string Text, int Row, int Col)>();
            var data = ws.GetFirstChild<SheetData>();
            int rowNo = 0;
            foreach (var row in data?.Elements<Row>() ?? [])
            {
                rowNo = row.RowIndex?.Value is uint ri ? (int)ri : rowNo + 1;
                int colNo = 0;
                foreach (var c in row.Elements<Cell>())
                {
                    if (c.CellReference?.Value is { } reference && CellRef().IsMatch(reference))
                        (_, colNo) = SimpleFormula.Ref(reference);
                    else colNo++;
                    if (formats.Bordered(c.StyleIndex?.Value)) _bordered.Add((rowNo, colNo));
                    var x = ReadCell(c, rowNo, colNo, sharedFormulas);
                    if (x is null) continue;
                    _cells[(rowNo, colNo)] = x;
                    _maxRow = Math.Max(_maxRow, rowNo);
                    _maxCol = Math.Max(_maxCol, colNo);
                }
            }
            foreach (var mc in ws.Descendants<MergeCell>())
            {
                var m = RangeRef().Match(mc.Reference?.Value ?? "");
                if (!m.Success) continue;
                var (r1, c1) = SimpleFormula.Ref(m.Groups[1].Value);
                var (r2, c2) = SimpleFormula.Ref(m.Groups[2].Value);
                if (r2 < r1) (r1, r2) = (r2, r1);
                if (c2 < c1) (c1, c2) = (c2, c1);
                if ((long)(r2 - r1 + 1) * (c2 - c1 + 1) > maxCells) continue;
                if (_merges.ContainsKey((r1, c1)) || _coveredBy.ContainsKey((r1, c1))) continue;
                _merges[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1);
                for (int r = r1; r <= r2; r++)
                    for (int c = c1; c <= c2; c++)
                        if (r != r1 || c != c1) _coveredBy[(r, c)] = (r1, c1);
                // a merge only extends the used area when its first cell holds something
                if (_cells.TryGetValue((r1, c1), out var anchor) && anchor.Kind != ValueKind.Blank)
                {
                    _maxRow = Math.Max(_maxRow, r2);
                    _maxCol = Math.Max(_maxCol, c2);
                }
            }
            if ((long)_maxRow * _maxCol > maxCells)
                throw new ReadException(path, ReadFailure.TooLarge,
                    $"工作表过大：{path} 的工作表“{name}”使用了 {_maxRow} 行 × {_maxCol} 列，超过读取上限。请删除多余的行列后另存再读取。");
            foreach (var key in _cells.Keys.ToList())
                if (_cells[key].Kind == ValueKind.Pending) Resolve(key, 0);
        }

        private XCell? ReadCell(Cell c, int row, int col, Dictionary<uint, (string Text, int Row, int Col)> sharedFormulas)
        {
            var x = new XCell { Format = formats.Of(c.StyleIndex?.Value) };
            var raw = c.CellValue?.Text;
            var f = c.CellFormula;
            if (f is not null)
            {
                var text = f.Text;
                if (f.FormulaType?.Value == CellFormulaValues.Shared && f.SharedIndex?.Value is uint si)
                {
                    if (!string.IsNullOrWhiteSpace(text)) sharedFormulas[si] = (text, row, col);
                    else if (sharedFormulas.TryGetValue(si, out var master)) text = SimpleFormula.Shift(master.Text, row - master.Row, col - master.Col);
                }
                x.Formula = string.IsNullOrWhiteSpace(text) ? null : text;
            }
            var type = c.DataType?.Value;
            if (type == CellValues.InlineString)
            {
                x.Text = c.InlineString is { } inl ? RichText(inl) : raw ?? "";
                x.Kind = x.Text.Length == 0 ? ValueKind.Blank : ValueKind.Text;
                return x;
            }
            if (raw is null || raw.Length == 0 && type != CellValues.String)
            {
                if (f is null) return null;
                x.Kind = ValueKind.Pending;
                return x;
            }
            if (type == CellValues.SharedString)
            {
                x.Text = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int idx) && idx >= 0 && idx < shared.Count ? shared[idx] : "";
                x.Kind = x.Text.Length == 0 ? ValueKind.Blank : ValueKind.Text;
            }
            else if (type == CellValues.Boolean)
            {
                x.Text = raw.Trim() is "1" or "true" ? "TRUE" : "FALSE";
                x.Kind = ValueKind.Text;
            }
            else if (type == CellValues.Error)
            {
                x.Text = raw;
                x.Kind = ValueKind.Failed;
                problems.Add(new SourceProblem($"工作表“{name}”单元格 {A1(row, col)} 的值是错误值 {raw}{(x.Formula is null ? "" : $"（公式 ={x.Formula}）")}，未作为数字读取。请在 Excel 中修正后另存。",
                    Where(row, col, raw)));
            }
            else if (type == CellValues.String || type == CellValues.Date)
            {
                x.Text = raw;
                x.Kind = raw.Length == 0 ? ValueKind.Blank : ValueKind.Text;
            }
            else if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                x.Number = number;
                x.Kind = ValueKind.Number;
                x.Text = x.Format.Format(number);
            }
            else
            {
                x.Text = raw;
                x.Kind = ValueKind.Text;
            }
            return x;
        }

        /// <summary>Compute a formula without stored result, or report it. Never reads it as 0.</summary>
        private void Resolve((int Row, int Col) key, int depth)
        {
            var x = _cells[key];
            if (x.Kind != ValueKind.Pending) return;
            x.Kind = ValueKind.Failed; // guards against cycles while evaluating
            if (x.Formula is not null && depth < 200 && SimpleFormula.TryEvaluate(x.Formula, (r, c) => Operand((r, c), depth), out var value))
            {
                x.Kind = ValueKind.Number;
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
            if (x.Kind == ValueKind.Pending) Resolve(key, depth + 1);
            return x.Kind switch
            {
                ValueKind.Blank => FormulaOperand.Blank,
                ValueKind.Number => FormulaOperand.Of(x.Number),
                ValueKind.Text => FormulaOperand.Text,
                _ => null,
            };
        }

        private Provenance Where(int row, int col, string text) =>
            new(path, Line: row, Page: page, Text: $"{name}!{A1(row, col)} {text}".TrimEnd());

        private static string A1(int row, int col) => SimpleFormula.ColumnName(col) + row.ToString(CultureInfo.InvariantCulture);

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
                blocks.Add(new TextBlock(text, new Provenance(path, Line: r, Page: page, Text: text)));
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
                        new Provenance(path, Line: r, Page: page, TableIndex: tableIndex, Row: r - r1, Column: column, Text: text), colSpan, rowSpan));
                }
                var rowText = $"{name}!{A1(r, c1)}:{A1(r, c2)}";
                rows.Add(new SourceRow(cells, new Provenance(path, Line: r, Page: page, TableIndex: tableIndex, Row: r - r1, Text: rowText)));
            }
            blocks.Add(new TableBlock(rows, TableSyntax.Xlsx,
                new Provenance(path, Line: r1, Page: page, TableIndex: tableIndex, Text: $"{name}!{A1(r1, c1)}:{A1(r2, c2)}"), tableIndex));
        }
    }

    [GeneratedRegex(@"^\$?[A-Za-z]{1,3}\$?\d{1,7}$")]
    private static partial Regex CellRef();

    [GeneratedRegex(@"^(\$?[A-Za-z]{1,3}\$?\d{1,7}):(\$?[A-Za-z]{1,3}\$?\d{1,7})$")]
    private static partial Regex RangeRef();

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
