using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Gongkai.Model;

namespace Gongkai.Reading.Office;

/// <summary>
/// Reads a legacy Excel 97–2003 workbook (.xls, BIFF2–8) or a WPS spreadsheet (.et, the same OLE/BIFF container)
/// with ExcelDataReader into the same <see cref="SourceDocument"/> as <see cref="XlsxReader"/>: every sheet fills a
/// <see cref="SheetGrid"/>, which cuts it into tables and text lines exactly as for .xlsx.
/// <list type="bullet">
/// <item>Values: strings, numbers printed with the cell's number format, booleans (TRUE/FALSE), dates (which the
/// library hands over as dates) printed with their format. Formulas are read by their cached result, which BIFF
/// always stores.</item>
/// <item>What the library does not give is read from the BIFF8 records by <see cref="BiffSheetInfo"/>: cell
/// borders (so that a ruled table's header lines are found as in .xlsx), error values (#DIV/0!, #N/A, #REF! …:
/// kept as their text and reported, never a number) and hidden rows and columns.</item>
/// <item>Hidden and very hidden sheets are skipped and reported; hidden rows and columns are not read (as in
/// .xlsx: they are not on the page).</item>
/// <item>A file with an open password (FILEPASS) is <see cref="ReadFailure.Encrypted"/>; a damaged one
/// <see cref="ReadFailure.Corrupt"/>.</item>
/// </list>
/// Provenance: <c>Page</c> is the sheet's position (1-based, hidden sheets counted), <c>Line</c> the row number.
/// </summary>
public sealed class XlsReader
{
    /// <summary>Sheets whose used area exceeds this many cells are refused.</summary>
    public long MaxCellsPerSheet { get; init; } = 4_000_000;

    static XlsReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public SourceDocument Read(string path, byte[] bytes)
    {
        var blocks = new List<SourceBlock>();
        var problems = new List<SourceProblem>();
        int sheets = 0;
        var extras = BiffSheetInfo.Scan(bytes);
        try
        {
            // BIFF8 keeps its strings in UTF-16; the code page (GBK for Chinese Excel) only matters for BIFF5 and
            // older files, and files without a CODEPAGE record are read as GB18030 (GBK's superset)
            var config = new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding("GB18030") };
            using var reader = ExcelReaderFactory.CreateBinaryReader(new MemoryStream(bytes, writable: false), config);
            // a workbook always has a sheet: none means the workbook globals are damaged
            if (reader.ResultsCount == 0) throw new InvalidDataException("no worksheet");
            int tableIndex = 0;
            do
            {
                sheets++;
                var name = string.IsNullOrEmpty(reader.Name) ? $"Sheet{sheets}" : reader.Name;
                if (!string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new SourceProblem($"已跳过隐藏的工作表“{name}”。如其中有需要读取的表格，请在 Excel 中取消隐藏后另存。",
                        new Provenance(path, Page: sheets, Text: name)));
                    continue;
                }
                var grid = new SheetGrid(path, name, sheets, problems, MaxCellsPerSheet);
                grid.CheckSize(reader.RowCount, reader.FieldCount);
                Load(grid, reader, extras.GetValueOrDefault(reader.Name ?? ""));
                grid.Complete();
                grid.Emit(blocks, ref tableIndex);
            }
            while (reader.NextResult());
        }
        catch (InvalidPasswordException e)
        {
            throw new ReadException(path, ReadFailure.Encrypted,
                $"文件已加密：{path} 设有打开密码，无法读取。请在 Excel 中输入密码打开，取消密码（文件→信息→保护工作簿→用密码进行加密，清空）后另存，再读取。", e);
        }
        catch (ReadException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // the library's own exceptions (ExcelReaderException, CompoundDocumentException, HeaderException) and
            // whatever a damaged record makes it trip over
            throw new ReadException(path, ReadFailure.Corrupt,
                $"文件已损坏：{path} 不是有效的 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et），无法解析其内容。请用 Excel 或 WPS 打开，确认内容完整后另存为 .xlsx，再读取。", e);
        }
        if (blocks.Count == 0)
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path} 的工作表中没有可读取的内容。");
        return new SourceDocument(path, SourceFormat.Xls, blocks, pageCount: sheets, problems: problems);
    }

    private static void Load(SheetGrid grid, IExcelDataReader reader, BiffSheetInfo? extra)
    {
        var formats = new Dictionary<(int Index, string Code), ExcelNumberFormat>();
        int row = 0;
        while (reader.Read())
        {
            row++;
            for (int i = 0; i < reader.FieldCount; i++)
            {
                int col = i + 1;
                if (extra is not null && extra.Errors.TryGetValue((row, col), out var error))
                {
                    grid.SetError(row, col, error, null);
                    continue;
                }
                var value = reader.GetValue(i);
                if (value is null) continue;
                switch (value)
                {
                    case string s:
                        grid.Set(row, col, GridCell.OfText(s));
                        break;
                    case bool b:
                        grid.Set(row, col, GridCell.OfText(b ? "TRUE" : "FALSE"));
                        break;
                    case double d when double.IsFinite(d):
                        grid.Set(row, col, GridCell.OfNumber(ToDecimal(d), Format(reader, i, formats)));
                        break;
                    case DateTime t:
                        grid.Set(row, col, GridCell.OfNumber(ToDecimal(t.ToOADate()), Format(reader, i, formats)));
                        break;
                    case TimeSpan span:
                        grid.Set(row, col, GridCell.OfNumber(ToDecimal(span.TotalDays), Format(reader, i, formats)));
                        break;
                    case IConvertible other when other.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal:
                        grid.Set(row, col, GridCell.OfNumber(other.ToDecimal(CultureInfo.InvariantCulture), Format(reader, i, formats)));
                        break;
                    default:
                        grid.Set(row, col, GridCell.OfText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                        break;
                }
            }
        }
        foreach (var m in reader.MergeCells ?? [])
            grid.Merge(m.FromRow + 1, m.FromColumn + 1, m.ToRow + 1, m.ToColumn + 1);
        if (extra is null) return;
        foreach (var (r, c) in extra.Bordered) grid.SetBordered(r, c);
        grid.Hide(extra.HiddenRows, extra.HiddenCols);
    }

    /// <summary>
    /// A double as the decimal Excel shows: the shortest text that reads back as the same double (the .xlsx file
    /// stores the same digits), so that 3925.66 stays 3925.66.
    /// </summary>
    private static decimal ToDecimal(double d) =>
        decimal.TryParse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : (decimal)d;

    private static ExcelNumberFormat Format(IExcelDataReader reader, int i, Dictionary<(int, string), ExcelNumberFormat> cache)
    {
        int index = reader.GetNumberFormatIndex(i);
        var code = reader.GetNumberFormatString(i) ?? "";
        if (cache.TryGetValue((index, code), out var format)) return format;
        // the format's code as the file (or, for built-in ids without a FORMAT record, the library) gives it; the
        // built-in date formats, whose code depends on the Excel locale, print as the .xlsx reader prints them
        var builtIn = index is >= 0 and < 164 ? ExcelNumberFormat.BuiltIn((uint)index) : null;
        format = builtIn is { IsDate: true } || code.Length == 0 && builtIn is not null ? builtIn!
            : code.Length > 0 ? new ExcelNumberFormat(code) : ExcelNumberFormat.General;
        cache[(index, code)] = format;
        return format;
    }
}
