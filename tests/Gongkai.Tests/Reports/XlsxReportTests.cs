using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Reports;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Reports;

public sealed class XlsxReportTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly SpreadsheetDocument _doc;

    public XlsxReportTests()
    {
        var path = Path.Combine(_tmp.Path, "r.xlsx");
        new XlsxReportRenderer().Render(Seed000.Read, Seed000.Report, path);
        _doc = SpreadsheetDocument.Open(path, false);
    }

    public void Dispose()
    {
        _doc.Dispose();
        _tmp.Dispose();
    }

    private Worksheet Sheet(string name)
    {
        var sheet = _doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)_doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static List<Row> Rows(Worksheet ws) => ws.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    private static Cell? At(Row row, int column) =>
        row.Elements<Cell>().FirstOrDefault(c => c.CellReference == XlsxReportRenderer.ColumnName(column) + row.RowIndex!.Value);

    private static string Text(Cell? c) => c is null ? "" : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";

    private static int Col(string name) => Array.IndexOf(XlsxReportRenderer.Columns, name);

    [Fact]
    public void Workbook_has_the_three_sheets()
    {
        var names = _doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["问题清单", "汇总", "规则"], names);
    }

    [Fact]
    public void One_row_per_finding_under_a_frozen_filtered_header()
    {
        var ws = Sheet("问题清单");
        var rows = Rows(ws);
        Assert.Equal(Seed000.Report.Findings.Count + 1, rows.Count);
        Assert.Equal(XlsxReportRenderer.Columns, rows[0].Elements<Cell>().Select(Text).ToArray());
        Assert.Equal(18, XlsxReportRenderer.Columns.Length);
        var pane = ws.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal($"A1:R{rows.Count}", ws.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal(18, ws.Descendants<Column>().Count());
        for (int i = 1; i < rows.Count; i++)
        {
            Assert.Equal(i.ToString(), Text(At(rows[i], 0)));
            Assert.Equal(Seed000.Report.Findings[i - 1].RuleId, Text(At(rows[i], Col("规则编号"))));
        }
    }

    [Fact]
    public void Amounts_and_positions_are_numeric_cells()
    {
        var (no, f) = Seed000.Row303;
        var row = Rows(Sheet("问题清单"))[no];
        foreach (var (name, expected) in new[] { ("应为", 0.50m), ("实为", 0.05m), ("差额", -0.45m) })
        {
            var cell = At(row, Col(name))!;
            Assert.Equal(CellValues.Number, cell.DataType!.Value);
            Assert.Equal(expected, decimal.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2u, cell.StyleIndex!.Value); // #,##0.00
        }
        foreach (var (name, expected) in new[] { ("行号", f.PrimaryLocation!.Line), ("表格序号", f.PrimaryLocation.TableIndex), ("行", 10), ("列", 2) })
        {
            var cell = At(row, Col(name))!;
            Assert.Equal(CellValues.Number, cell.DataType!.Value);
            Assert.Equal(expected.ToString(), cell.CellValue!.Text);
        }
        Assert.Equal("错误", Text(At(row, Col("严重程度"))));
        Assert.Equal("GK206", Text(At(row, Col("规则编号"))));
        Assert.Equal("0.05", Text(At(row, Col("原文"))));
        Assert.Equal(CellValues.InlineString, At(row, Col("原文"))!.DataType!.Value);
        Assert.StartsWith("000_", Text(At(row, Col("文件"))));
        Assert.Contains("一般公共预算基本支出表", Text(At(row, Col("表格"))));
    }

    [Fact]
    public void Summary_counts_by_severity_and_rule()
    {
        var rows = Rows(Sheet("汇总"));
        string? Count(string label) => rows.FirstOrDefault(r => Text(At(r, 0)) == label) is { } r ? Text(At(r, 1)) : null;
        Assert.Equal(Seed000.Report.ErrorCount.ToString(), Count("错误"));
        Assert.Equal(Seed000.Report.WarningCount.ToString(), Count("警告"));
        Assert.Equal(Seed000.Report.Findings.Count.ToString(), Count("合计"));
        var gk206 = rows.Single(r => Text(At(r, 0)) == "GK206");
        Assert.Equal(Seed000.Report.ByRule("GK206").Count().ToString(), Text(At(gk206, 6)));
    }

    [Fact]
    public void Rules_sheet_lists_the_catalogue_with_formulas()
    {
        var rows = Rows(Sheet("规则"));
        var all = Gongkai.Audit.RuleRegistry.Default.Descriptors.ToList();
        Assert.Equal(all.Count + 1, rows.Count);
        var gk206 = rows.Single(r => Text(At(r, 0)) == "GK206");
        var d = all.Single(x => x.Id == "GK206");
        Assert.Equal(d.Title, Text(At(gk206, 1)));
        Assert.Equal(d.Formula, Text(At(gk206, 5)));
        Assert.Equal("已运行", Text(At(gk206, 6)));
    }
}

public sealed class XlsxValidityTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Workbook_of_every_seed_is_valid_open_xml(string seed)
    {
        var read = new Gongkai.Recognition.DisclosureReader().Read(Shared.Seed(seed));
        var report = Gongkai.Audit.Auditor.Audit(read.Disclosure, new Gongkai.Audit.AuditOptions { Catalog = Gongkai.Audit.CatalogAdapter.Instance });
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.Path, "r.xlsx");
        new XlsxReportRenderer().Render(read, report, path);
        using var doc = SpreadsheetDocument.Open(path, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        var ws = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        Assert.Equal(report.Findings.Count + 1, ws.GetFirstChild<SheetData>()!.Elements<Row>().Count());
    }
}
