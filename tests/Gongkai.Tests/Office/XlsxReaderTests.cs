using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Reading;
using Gongkai.Reading.Office;
using Gongkai.Recognition;
using Gongkai.Tests.Support;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Gongkai.Tests.Office;

public sealed class XlsxReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Cell S(string r, string text, uint style = 0) =>
        new() { CellReference = r, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Cell N(string r, string value, uint style = 1) => new() { CellReference = r, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell F(string r, string formula, string? cached = null, uint style = 1) =>
        new() { CellReference = r, CellFormula = new CellFormula(formula), CellValue = cached is null ? null : new CellValue(cached), StyleIndex = style };

    private static Row R(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    /// <summary>
    /// A sheet with a merged title, a unit line, a table with cached and uncached formulas, and a second table
    /// to the right beyond an empty column; a hidden second sheet.
    /// </summary>
    private string Fixture()
    {
        var path = Path.Combine(_dir, "formulas.xlsx");
        using var xl = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = xl.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        // style 1: 0.00 (custom 164) with borders; 2: #,##0.00 (built-in 4) with borders; 3: 0.0% ; 4: date (built-in 14); 5: General with borders
        styles.Stylesheet = SourceWriters.Stylesheet(["0.00", "#,##0.00", "0.0%", "General", "General"]);
        var xfs = styles.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        xfs[2].NumberFormatId = 4;
        xfs[4].NumberFormatId = 14;
        var ws = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData(
            R(1, S("A1", "收入支出决算总表")),
            R(2, S("D2", "单位：万元")),
            R(3, S("A3", "项目", 5), S("B3", "金额", 5), S("C3", "占比", 5), S("D3", "日期", 5), S("F3", "序号", 5), S("G3", "名称", 5)),
            R(4, S("A4", "行政运行", 5), N("B4", "3925.6599999999999"), N("C4", "0.125", 3), N("D4", "45292", 4), N("F4", "1", 5), S("G4", "甲", 5)),
            R(5, S("A5", "事业运行", 5), N("B5", "1234.5", 2), new Cell { CellReference = "C5", DataType = CellValues.Boolean, CellValue = new CellValue("1"), StyleIndex = 5 },
                N("F5", "2", 5), S("G5", "乙", 5)),
            R(6, S("A6", "合计（有缓存）", 5), F("B6", "SUM(B4:B5)", "5160.16")),
            R(7, S("A7", "合计（无缓存）", 5), F("B7", "SUM(B4:B5)")),
            R(8, S("A8", "差额（无缓存）", 5), F("B8", "B4-B5+0")),
            R(9, S("A9", "查找（无缓存）", 5), F("B9", "VLOOKUP(A4,A4:B5,2,FALSE)")),
            R(10, S("A10", "错误值", 5), new Cell { CellReference = "B10", DataType = CellValues.Error, CellValue = new CellValue("#DIV/0!"), CellFormula = new CellFormula("1/0"), StyleIndex = 1 }));
        ws.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = "A1:D1" }));
        var hidden = wb.AddNewPart<WorksheetPart>();
        hidden.Worksheet = new Worksheet(new SheetData(R(1, S("A1", "隐藏"), S("B1", "1"))));
        wb.Workbook.AppendChild(new Sheets(
            new Sheet { Name = "公开01表", SheetId = 1, Id = wb.GetIdOfPart(ws) },
            new Sheet { Name = "底稿", SheetId = 2, Id = wb.GetIdOfPart(hidden), State = SheetStateValues.Hidden }));
        return path;
    }

    private static SourceDocument Read(string path) => new DocumentReader([new OfficeFormatReader()]).Read(path);

    [Fact]
    public void Title_and_unit_lines_become_text_before_the_table_and_tables_split_at_empty_columns()
    {
        var doc = Read(Fixture());
        Assert.Equal(SourceFormat.Xlsx, doc.Format);
        var blocks = doc.Blocks.ToList();
        Assert.Equal("收入支出决算总表", ((TextBlock)blocks[0]).Text);
        Assert.Equal("单位：万元", ((TextBlock)blocks[1]).Text);
        var tables = doc.Tables.ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["项目", "金额", "占比", "日期"], tables[0].Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["序号", "名称"], tables[1].Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(3, tables[1].Rows.Count);
        // provenance: sheet position as page, Excel row as line, sheet and range as text
        var b4 = tables[0].Rows[1].Cells[1];
        Assert.Equal((1, 4, 0, 1, 1), (b4.Source.Page, b4.Source.Line, b4.Source.TableIndex, b4.Source.Row, b4.Source.Column));
        Assert.Equal("公开01表!A3:D10", tables[0].Source.Text);
    }

    [Fact]
    public void Values_are_printed_with_the_cell_number_format()
    {
        var t = Read(Fixture()).Tables.First();
        Assert.Equal("3925.66", t.Rows[1][1]);   // 0.00 clears the binary noise
        Assert.Equal("12.5%", t.Rows[1][2]);     // 0.0%
        Assert.Equal("2024-01-01", t.Rows[1][3]); // date serial 45292
        Assert.Equal("1,234.50", t.Rows[2][1]);  // #,##0.00
        Assert.Equal("TRUE", t.Rows[2][2]);
        Assert.Equal("5160.16", t.Rows[3][1]);   // cached formula result
    }

    [Fact]
    public void Formulas_without_stored_result_are_computed_when_simple_and_reported_otherwise_never_zero()
    {
        var doc = Read(Fixture());
        var t = doc.Tables.First();
        Assert.Equal("5160.16", t.Rows[4][1]);   // SUM(B4:B5) computed from the cells
        Assert.Equal("2691.16", t.Rows[5][1]);   // B4-B5+0
        Assert.Equal("", t.Rows[6][1]);          // VLOOKUP: not computed, not 0
        Assert.Equal("#DIV/0!", t.Rows[7][1]);
        Assert.Contains(doc.Problems, p => p.Message.Contains("B7") && p.Message.Contains("5160.16"));
        Assert.Contains(doc.Problems, p => p.Message.Contains("B9") && p.Message.Contains("无法自动计算") && p.Source.Line == 9);
        Assert.Contains(doc.Problems, p => p.Message.Contains("#DIV/0!"));
        Assert.Contains(doc.Problems, p => p.Message.Contains("隐藏") && p.Message.Contains("底稿"));
        Assert.DoesNotContain(doc.Blocks.OfType<TextBlock>(), b => b.Text == "隐藏");
    }

    [Fact]
    public void Reader_problems_become_notes_of_the_disclosure()
    {
        var r = new DisclosureReader().Read(Fixture());
        Assert.Contains(r.Disclosure.Notes, n => n.Message.Contains("B9") && n.Message.Contains("无法自动计算"));
    }

    [Theory]
    [InlineData("0.00", "3925.6599999999999", "3925.66")]
    [InlineData("#,##0.00", "1234567.891", "1,234,567.89")]
    [InlineData("#,##0", "-1234.5", "-1,235")]
    [InlineData("0.00;(0.00)", "-3.5", "(3.50)")]
    [InlineData("0.00;[Red]0.00", "-3.5", "-3.50")]
    [InlineData("#,##0.00_);\\(#,##0.00\\)", "-1234.5", "(1,234.50)")]   // parentheses escaped, as Excel and LibreOffice save them
    [InlineData("#,##0.00_);[Red]\"(\"#,##0.00\")\"", "-2", "(2.00)")]
    [InlineData("#,##0.00_);\\(#,##0.00\\)", "5", "5.00")]
    [InlineData("_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * \"-\"??_ ;_ @_ ", "0", "-")]
    [InlineData("0%", "0.855", "86%")]
    [InlineData("0.00\"万元\"", "2.5", "2.50")]
    [InlineData("0.0#", "2.456", "2.46")]
    [InlineData("0.0#", "2.4", "2.4")]
    [InlineData("General", "0.30000000000000004", "0.3")]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", "45292", "2024年1月1日")]
    public void Number_formats(string code, string value, string printed)
    {
        var v = decimal.Parse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(printed, new ExcelNumberFormat(code).Format(v));
    }

    [Theory]
    [InlineData("SUM(A1:A3)", "6")]
    [InlineData("A1+A2-A3", "0")]
    [InlineData("SUM(A1,A3)*2", "8")]
    [InlineData("-(A1+A2)/A3", "-1")]
    [InlineData("SUM(A1:B3)", "6")] // text and blanks are skipped by SUM
    public void Simple_formulas_evaluate(string formula, string expected)
    {
        FormulaOperand? Cell(int r, int c) => c == 1 ? FormulaOperand.Of(r) : c == 2 && r == 1 ? FormulaOperand.Text : FormulaOperand.Blank;
        Assert.True(SimpleFormula.TryEvaluate(formula, Cell, out var v));
        Assert.Equal(decimal.Parse(expected), v);
    }

    [Theory]
    [InlineData("VLOOKUP(A1,A1:B3,2,FALSE)")]
    [InlineData("Sheet2!A1+1")]
    [InlineData("A1+B1")] // text operand
    [InlineData("A1/0")]
    public void Other_formulas_are_not_evaluated(string formula)
    {
        FormulaOperand? Cell(int r, int c) => c == 1 ? FormulaOperand.Of(r) : FormulaOperand.Text;
        Assert.False(SimpleFormula.TryEvaluate(formula, Cell, out _));
    }

    [Fact]
    public void Shared_formulas_shift_relative_references()
    {
        Assert.Equal("SUM(C4:C5)+$B$1", SimpleFormula.Shift("SUM(B4:B5)+$B$1", 0, 1));
        Assert.Equal("D7-$A8", SimpleFormula.Shift("D6-$A7", 1, 0));
    }
}
