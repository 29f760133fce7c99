using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;

namespace Gongkai.Reports;

/// <summary>
/// The findings as a workbook reviewers filter and pass around: sheet 问题清单 (one row per finding, header
/// frozen, autofilter, amounts as numbers with two decimals), sheet 汇总 (counts by severity and by rule) and
/// sheet 规则 (the rule catalogue with formulas). Written with the Open XML SDK; no Excel needed.
/// </summary>
public sealed class XlsxReportRenderer
{
    public string Extension => "xlsx";

    public const string FindingsSheet = "问题清单";
    public const string SummarySheet = "汇总";
    public const string RulesSheet = "规则";

    /// <summary>The columns of 问题清单, in order.</summary>
    public static readonly string[] Columns =
        ["序号", "严重程度", "规则编号", "规则名称", "类别", "表格", "说明", "应为", "实为", "差额", "文件", "页码", "行号", "表格序号", "行", "列", "原文", "建议"];

    private static readonly Dictionary<string, double> MaxWidth = new()
    {
        ["规则名称"] = 30, ["表格"] = 28, ["说明"] = 70, ["文件"] = 28, ["原文"] = 30, ["建议"] = 50,
    };

    // style indexes of the stylesheet built in Styles()
    private const uint StyleHeader = 1, StyleAmount = 2, StyleInteger = 3, StyleWrap = 4, StyleTitle = 5, StyleText = 6;

    public void Render(ReadResult read, AuditReport report, string path)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheets = wb.Workbook.AppendChild(new Sheets());

        var findings = FindingRows(report);
        int lastRow = findings.Count + 1;
        AddSheet(wb, sheets, 1, FindingsSheet, findings, header: Columns, freeze: true, autoFilter: $"A1:{ColumnName(Columns.Length - 1)}{lastRow}");
        AddSheet(wb, sheets, 2, SummarySheet, SummaryRows(read, report), header: null, freeze: false, autoFilter: null);
        var rules = RuleRows(report);
        AddSheet(wb, sheets, 3, RulesSheet, rules.Rows, header: rules.Header, freeze: true, autoFilter: $"A1:{ColumnName(rules.Header.Length - 1)}{rules.Rows.Count + 1}");

        wb.Workbook.AppendChild(new DefinedNames(
            new DefinedName { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true, Text = $"'{FindingsSheet}'!$A$1:${ColumnName(Columns.Length - 1)}${lastRow}" },
            new DefinedName { Name = "_xlnm._FilterDatabase", LocalSheetId = 2, Hidden = true, Text = $"'{RulesSheet}'!$A$1:${ColumnName(rules.Header.Length - 1)}${rules.Rows.Count + 1}" }));
        wb.Workbook.Save();
    }

    /// <summary>
    /// A plain one-sheet workbook of any table (analysis downloads): the header bold and frozen, autofilter, decimal
    /// cells as numbers with two decimals, integers as integers, everything else as text.
    /// </summary>
    public static void WriteTable(Stream output, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheets = wb.Workbook.AppendChild(new Sheets());
        var values = rows.Select(r => r.Select(v => v switch
        {
            null => Value.Of(""),
            decimal d => Value.Num(d, StyleAmount),
            int i => Value.Int(i),
            long l => new Value(null, l, StyleInteger),
            double x => Value.Num((decimal)x, StyleAmount),
            _ => Value.Of(v.ToString(), StyleText),
        }).ToArray()).ToList();
        var name = new string(sheetName.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).Take(31).ToArray());
        AddSheet(wb, sheets, 1, name.Length == 0 ? "Sheet1" : name, values, header: header.ToArray(), freeze: true,
            autoFilter: header.Count == 0 ? null : $"A1:{ColumnName(header.Count - 1)}{values.Count + 1}");
        wb.Workbook.Save();
    }

    // ---------------------------------------------------------------- content

    /// <summary>A cell to write: text, a number with a style, or nothing.</summary>
    private readonly record struct Value(string? Text, decimal? Number, uint Style)
    {
        public static Value Of(string? s, uint style = 0) => new(s ?? "", null, style);
        public static Value Num(decimal? d, uint style) => d is null ? new("", null, 0) : new(null, d, style);
        public static Value Int(int? i) => i is null ? new("", null, 0) : new(null, i, StyleInteger);
    }

    private static List<Value[]> FindingRows(AuditReport report)
    {
        var rows = new List<Value[]>();
        foreach (var (no, f) in ReportFacts.Numbered(report))
        {
            var rule = ReportFacts.Rule(f.RuleId);
            var loc = f.PrimaryLocation;
            uint amount = ReportFacts.IsWhole(f) ? StyleInteger : StyleAmount;
            rows.Add(
            [
                Value.Int(no),
                Value.Of(f.Severity.Chinese() + (f.IsRoundingDifference ? "（尾差）" : "")),
                Value.Of(f.RuleId),
                Value.Of(rule?.Title),
                Value.Of(f.Category.Chinese()),
                Value.Of(ReportFacts.TableName(f.Table)),
                Value.Of(f.Message, StyleWrap),
                Value.Num(f.Expected, amount),
                Value.Num(f.Found, amount),
                Value.Num(f.Difference, amount),
                Value.Of(loc is null || loc.File.Length == 0 ? Path.GetFileName(report.File) : Path.GetFileName(loc.File)),
                Value.Int(loc?.Page),
                Value.Int(loc?.Line),
                Value.Int(loc?.TableIndex),
                Value.Int(loc?.Row),
                Value.Int(loc?.Column),
                Value.Of(loc?.Text, StyleText),
                Value.Of(f.Suggestion, StyleWrap),
            ]);
        }
        return rows;
    }

    private static List<Value[]> SummaryRows(ReadResult read, AuditReport report)
    {
        var d = read.Disclosure;
        var rows = new List<Value[]>
        {
            new[] { Value.Of("审核报告汇总", StyleTitle) },
            new[] { Value.Of("文件"), Value.Of(Path.GetFileName(string.IsNullOrEmpty(d.File) ? report.File : d.File)) },
            new[] { Value.Of("部门"), Value.Of(d.DepartmentName ?? "（未识别）") },
            new[] { Value.Of("年度"), d.Year is int y ? Value.Int(y) : Value.Of("（未识别）") },
            new[] { Value.Of("类型"), Value.Of(ReportFacts.KindName(d.Kind)) },
            new[] { Value.Of("运行规则"), Value.Int(report.RulesRun.Count) },
            Array.Empty<Value>(),
            new[] { Value.Of("严重程度", StyleHeader), Value.Of("条数", StyleHeader) },
        };
        foreach (var s in ReportFacts.Severities) rows.Add([Value.Of(s.Chinese()), Value.Int(report.Count(s))]);
        rows.Add([Value.Of("其中尾差"), Value.Int(report.RoundingCount)]);
        rows.Add([Value.Of("合计"), Value.Int(report.Findings.Count)]);
        rows.Add([]);
        rows.Add([Value.Of("规则编号", StyleHeader), Value.Of("规则名称", StyleHeader), Value.Of("类别", StyleHeader),
                  Value.Of("错误", StyleHeader), Value.Of("警告", StyleHeader), Value.Of("提示", StyleHeader), Value.Of("合计", StyleHeader)]);
        foreach (var g in report.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = ReportFacts.Rule(g.Key);
            rows.Add([Value.Of(g.Key), Value.Of(rule?.Title), Value.Of((rule?.Category ?? g.First().Category).Chinese()),
                      Value.Int(g.Count(f => f.Severity == Severity.Error)), Value.Int(g.Count(f => f.Severity == Severity.Warning)),
                      Value.Int(g.Count(f => f.Severity == Severity.Info)), Value.Int(g.Count())]);
        }
        return rows;
    }

    private static (string[] Header, List<Value[]> Rows) RuleRows(AuditReport report)
    {
        string[] header = ["规则编号", "规则名称", "严重程度", "类别", "适用", "公式", "本文件", "发现条数"];
        var ran = report.RulesRun.ToHashSet(StringComparer.Ordinal);
        var rows = RuleRegistry.Default.Descriptors.Select(r => new[]
        {
            Value.Of(r.Id), Value.Of(r.Title), Value.Of(r.Severity.Chinese()), Value.Of(r.Category.Chinese()),
            Value.Of(r.AppliesTo.Chinese()), Value.Of(r.Formula, StyleWrap), Value.Of(ran.Contains(r.Id) ? "已运行" : "未运行"),
            Value.Int(report.ByRule(r.Id).Count()),
        }).ToList();
        return (header, rows);
    }

    // ---------------------------------------------------------------- sheets

    private static void AddSheet(WorkbookPart wb, Sheets sheets, uint id, string name, List<Value[]> rows,
        string[]? header, bool freeze, string? autoFilter)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        var ws = new Worksheet();
        int ncol = Math.Max(header?.Length ?? 0, rows.Count == 0 ? 0 : rows.Max(r => r.Length));

        var view = new SheetView { WorkbookViewId = 0, TabSelected = id == 1 };
        if (freeze)
        {
            view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        }
        ws.Append(new SheetViews(view));

        var cols = new DocumentFormat.OpenXml.Spreadsheet.Columns();
        for (int c = 0; c < ncol; c++)
        {
            var name0 = header is not null && c < header.Length ? header[c] : "";
            double w = DisplayWidth(name0) + 3;
            foreach (var r in rows)
                if (c < r.Length) w = Math.Max(w, (r[c].Number is decimal d ? d.ToString("#,##0.00").Length : DisplayWidth(r[c].Text ?? "")) + 2);
            w = Math.Min(w, MaxWidth.GetValueOrDefault(name0, header is null ? 40 : 24));
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Max(6, w), CustomWidth = true });
        }
        if (ncol > 0) ws.Append(cols);

        var data = new SheetData();
        uint rowNo = 1;
        if (header is not null) data.Append(MakeRow(rowNo++, header.Select(h => Value.Of(h, StyleHeader)).ToArray()));
        foreach (var r in rows) data.Append(MakeRow(rowNo++, r));
        ws.Append(data);
        if (autoFilter is not null) ws.Append(new AutoFilter { Reference = autoFilter });
        part.Worksheet = ws;
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row MakeRow(uint rowNo, Value[] values)
    {
        var row = new Row { RowIndex = rowNo };
        for (int c = 0; c < values.Length; c++)
        {
            var v = values[c];
            var cell = new Cell { CellReference = ColumnName(c) + rowNo };
            if (v.Style != 0) cell.StyleIndex = v.Style;
            if (v.Number is decimal d)
            {
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(d);
            }
            else if (!string.IsNullOrEmpty(v.Text))
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(Clean(v.Text)) { Space = SpaceProcessingModeValues.Preserve });
            }
            else if (v.Style == 0) continue;
            row.Append(cell);
        }
        return row;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "等线" })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE3EA" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            // 1 header: bold, shaded, centred
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            // 2 amount: #,##0.00 (built-in format 4)
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
            // 3 integer: 0 (built-in format 1)
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
            // 4 wrapped text
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
            // 5 title
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            // 6 text kept as text (原文 such as "0.50" or "2109999" must not turn into numbers)
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true }) { Count = 7 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    // ---------------------------------------------------------------- helpers

    /// <summary>Column letters of a zero-based index: 0 → A, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var s = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>Characters XML cannot hold are dropped; Excel's cell limit is 32,767 characters.</summary>
    private static string Clean(string s)
    {
        var chars = s.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).Where(c => c is not ('\uFFFE' or '\uFFFF')).ToArray();
        var t = new string(chars);
        return t.Length > 32767 ? t[..32766] + "…" : t;
    }

    private static double DisplayWidth(string s) => s.Sum(c => c >= 0x2E80 ? 2.0 : 1.0) * 1.05;
}
