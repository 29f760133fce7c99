using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Model;

namespace Gongkai.Reading.Office;

/// <summary>
/// Reads an Excel workbook (.xlsx) into a <see cref="SourceDocument"/>, sheet by sheet in workbook order: each
/// sheet fills a <see cref="SheetGrid"/> (cells, number formats, borders, merges), which cuts it into tables and
/// text the same way for every spreadsheet format (<see cref="XlsReader"/> fills it from .xls/.et).
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
/// a table's provenance text names the sheet and range ("收支总表!A3:F20"). Hidden sheets are skipped and reported;
/// hidden rows and columns are not read (they are not on the page; <see cref="SheetGrid"/> reports those that held content).
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
            var grid = new SheetGrid(path, name, i + 1, problems, MaxCellsPerSheet);
            Load(grid, wsp, shared, formats);
            grid.Complete();
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

    /// <summary>Fills the grid with the sheet's cells, borders and merged areas.</summary>
    private static void Load(SheetGrid grid, WorksheetPart wsp, List<string> shared, StyleFormats formats)
    {
        var ws = wsp.Worksheet;
        if (ws is null) return;
        var sharedFormulas = new Dictionary<uint, (string Text, int Row, int Col)>();
        var data = ws.GetFirstChild<SheetData>();
        int rowNo = 0;
        var hiddenRows = new List<int>();
        foreach (var row in data?.Elements<Row>() ?? [])
        {
            rowNo = row.RowIndex?.Value is uint ri ? (int)ri : rowNo + 1;
            if (row.Hidden?.Value == true) hiddenRows.Add(rowNo);
            int colNo = 0;
            foreach (var c in row.Elements<Cell>())
            {
                if (c.CellReference?.Value is { } reference && CellRef().IsMatch(reference))
                    (_, colNo) = SimpleFormula.Ref(reference);
                else colNo++;
                if (formats.Bordered(c.StyleIndex?.Value)) grid.SetBordered(rowNo, colNo);
                ReadCell(grid, c, rowNo, colNo, shared, formats, sharedFormulas);
            }
        }
        var hiddenCols = new List<int>();
        foreach (var col in ws.Elements<Columns>().SelectMany(c => c.Elements<Column>()))
            if (col.Hidden?.Value == true && col.Min?.Value is uint min && col.Max?.Value is uint max)
                for (uint c = min; c <= Math.Min(max, 16384u); c++) hiddenCols.Add((int)c);
        grid.Hide(hiddenRows, hiddenCols);
        foreach (var mc in ws.Descendants<MergeCell>())
        {
            var m = RangeRef().Match(mc.Reference?.Value ?? "");
            if (!m.Success) continue;
            var (r1, c1) = SimpleFormula.Ref(m.Groups[1].Value);
            var (r2, c2) = SimpleFormula.Ref(m.Groups[2].Value);
            grid.Merge(r1, c1, r2, c2);
        }
    }

    private static void ReadCell(SheetGrid grid, Cell c, int row, int col, List<string> shared, StyleFormats formats,
        Dictionary<uint, (string Text, int Row, int Col)> sharedFormulas)
    {
        var x = new GridCell { Format = formats.Of(c.StyleIndex?.Value) };
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
            x.Kind = x.Text.Length == 0 ? GridValue.Blank : GridValue.Text;
        }
        else if (raw is null || raw.Length == 0 && type != CellValues.String)
        {
            if (f is null) return;
            x.Kind = GridValue.Pending;
        }
        else if (type == CellValues.SharedString)
        {
            x.Text = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int idx) && idx >= 0 && idx < shared.Count ? shared[idx] : "";
            x.Kind = x.Text.Length == 0 ? GridValue.Blank : GridValue.Text;
        }
        else if (type == CellValues.Boolean)
        {
            x.Text = raw.Trim() is "1" or "true" ? "TRUE" : "FALSE";
            x.Kind = GridValue.Text;
        }
        else if (type == CellValues.Error)
        {
            grid.SetError(row, col, raw, x.Formula);
            return;
        }
        else if (type == CellValues.String || type == CellValues.Date)
        {
            x.Text = raw;
            x.Kind = raw.Length == 0 ? GridValue.Blank : GridValue.Text;
        }
        else if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            x.Number = number;
            x.Kind = GridValue.Number;
            x.Text = x.Format.Format(number);
        }
        else
        {
            x.Text = raw;
            x.Kind = GridValue.Text;
        }
        grid.Set(row, col, x);
    }

    [GeneratedRegex(@"^\$?[A-Za-z]{1,3}\$?\d{1,7}$")]
    private static partial Regex CellRef();

    [GeneratedRegex(@"^(\$?[A-Za-z]{1,3}\$?\d{1,7}):(\$?[A-Za-z]{1,3}\$?\d{1,7})$")]
    private static partial Regex RangeRef();
}
