using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Compile.Render;

/// <summary>
/// XLSX: a 情况说明 sheet, then one formatted sheet per table (label as the sheet name; title, unit line, merged
/// header cells, numbers as numbers with #,##0.00, borders, notes) with print set-up: A4, fit to page width, header
/// rows repeated on every printed page.
/// </summary>
public sealed class XlsxRenderer : IPackageRenderer
{
    public string Format => "xlsx";
    public string Extension => "xlsx";

    private const uint StyleTitle = 1, StyleUnit = 2, StyleHeader = 3, StyleText = 4, StyleNumber = 5, StyleHeading = 6, StyleParagraph = 7, StyleNote = 8, StyleUnitName = 9;

    public void Render(CompiledPackage package, Stream output)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wbPart = doc.AddWorkbookPart();
        wbPart.Workbook = new Workbook();
        var styles = wbPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = wbPart.Workbook.AppendChild(new Sheets());
        var names = new DefinedNames();
        uint id = 1;

        // 情况说明
        var narrative = new List<(string Text, uint Style)>();
        foreach (var b in package.Blocks)
        {
            if (b is HeadingBlock h) narrative.Add((h.Text, h.Level == 1 ? StyleTitle : StyleHeading));
            else if (b is ParagraphBlock p) narrative.Add((p.Text, StyleParagraph));
        }
        AddSheet(wbPart, sheets, id++, "情况说明", ws =>
        {
            var data = new SheetData();
            uint r = 1;
            foreach (var (text, style) in narrative) data.Append(Row(r++, [Text("A", r - 1, text, style)]));
            ws.Append(new Columns(new Column { Min = 1, Max = 1, Width = 100, CustomWidth = true }));
            ws.Append(data);
            ws.Append(PageSetup(false));
        });

        var usedNames = new HashSet<string>(StringComparer.Ordinal) { "情况说明" };
        foreach (var t in package.Tables)
        {
            var name = SheetName(t, usedNames);
            var sheetIndex = id - 1;
            int cols = t.Columns.Count;
            int headerRows = t.HeaderRowCount;
            uint firstHeader = 4;
            AddSheet(wbPart, sheets, id++, name, ws =>
            {
                var single = BodyLayout.Cells(t).SelectMany(x => x).Where(x => x.ColSpan == 1).ToLookup(x => x.Column, x => x.Text);
                var widths = Enumerable.Range(0, cols).Select(c => Math.Max(8.0, Math.Min(40.0,
                    single[c].Select(Width).Concat(Enumerable.Range(0, headerRows).Select(h => Width(t.HeaderRow(h)[c]) / 1.5)).DefaultIfEmpty(8).Max() + 2))).ToList();
                ws.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
                var data = new SheetData();
                var merges = new List<string>();
                string last = Col(Math.Max(cols, 1) - 1);
                data.Append(Row(1, [Text("A", 1, t.Label, StyleUnit)]));
                data.Append(Row(2, [Text("A", 2, t.Title, StyleTitle)]));
                merges.Add($"A2:{last}2");
                // the 编制单位 line on the left of the unit line, as the regions print it (on a row of its own for a one-column table)
                if (t.UnitNameLine is { } unitName && cols >= 2)
                {
                    data.Append(Row(3, [Text("A", 3, unitName, StyleUnitName), Text(last, 3, t.UnitLine, StyleUnit)]));
                    if (cols > 2) merges.Add($"A3:{Col(cols - 2)}3");
                }
                else
                {
                    data.Append(Row(3, [Text("A", 3, t.UnitNameLine is { } un ? un + "　" + t.UnitLine : t.UnitLine, StyleUnit)]));
                    merges.Add($"A3:{last}3");
                }
                var header = HeaderLayout.Cells(t);
                for (int h = 0; h < headerRows; h++)
                {
                    uint rr = firstHeader + (uint)h;
                    var cells = new List<Cell>();
                    for (int c = 0; c < cols; c++) cells.Add(Text(Col(c), rr, "", StyleHeader));
                    foreach (var hc in header[h])
                    {
                        cells[hc.Column] = Text(Col(hc.Column), rr, hc.Text, StyleHeader);
                        if (hc.RowSpan > 1 || hc.ColSpan > 1)
                            merges.Add($"{Col(hc.Column)}{rr}:{Col(hc.Column + hc.ColSpan - 1)}{rr + (uint)hc.RowSpan - 1}");
                    }
                    data.Append(Row(rr, cells));
                }
                uint row = firstHeader + (uint)headerRows;
                uint firstBody = row;
                // merged body cells (绩效 forms: spans, section rows, labels down their rows)
                foreach (var bc in BodyLayout.Cells(t).SelectMany(x => x).Where(x => x.ColSpan > 1 || x.RowSpan > 1))
                    merges.Add($"{Col(bc.Column)}{firstBody + (uint)bc.Row}:{Col(bc.Column + bc.ColSpan - 1)}{firstBody + (uint)(bc.Row + bc.RowSpan - 1)}");
                foreach (var r in t.Rows)
                {
                    var cells = new List<Cell>();
                    for (int c = 0; c < cols; c++)
                    {
                        var v = r.Cells[c];
                        if (t.IsNumeric(c) && decimal.TryParse(v.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                            cells.Add(new Cell { CellReference = $"{Col(c)}{row}", StyleIndex = StyleNumber, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number });
                        else cells.Add(Text(Col(c), row, v, t.IsNumeric(c) && v == "—" ? StyleNumber : StyleText));
                    }
                    data.Append(Row(row++, cells));
                }
                foreach (var n in t.Notes)
                {
                    data.Append(Row(row, [Text("A", row, n, StyleNote)]));
                    merges.Add($"A{row}:{last}{row}");
                    row++;
                }
                ws.Append(data);
                var mc = new MergeCells();
                foreach (var m in merges.Distinct()) mc.Append(new MergeCell { Reference = m });
                ws.Append(mc);
                ws.Append(PageSetup(cols > 6));
            });
            names.Append(new DefinedName($"'{name}'!${firstHeader}:${firstHeader + (uint)headerRows - 1}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetIndex });
        }
        wbPart.Workbook.Append(names);
        wbPart.Workbook.Save();
    }

    private static double Width(string s) => s.Sum(ch => ch > 0x2E80 ? 2.0 : 1.1);

    private static string SheetName(RenderTable t, HashSet<string> used)
    {
        var baseName = (t.Label.Length > 0 ? t.Label : t.Title);
        foreach (var bad in new[] { '\\', '/', '?', '*', '[', ']', ':' }) baseName = baseName.Replace(bad, '_');
        if (baseName.Length > 28) baseName = baseName[..28];
        var name = baseName;
        for (int i = 2; !used.Add(name); i++) name = $"{baseName}_{i}";
        return name;
    }

    private static void AddSheet(WorkbookPart wb, Sheets sheets, uint id, string name, Action<Worksheet> fill)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        var ws = new Worksheet();
        fill(ws);
        part.Worksheet = ws;
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static OpenXmlElement[] PageSetup(bool landscape) =>
    [
        new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
        new PageSetup { PaperSize = 9, Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 },
    ];

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var r = new Row { RowIndex = index };
        foreach (var c in cells) r.Append(c);
        return r;
    }

    private static Cell Text(string col, uint row, string text, uint style) => new()
    {
        CellReference = $"{col}{row}",
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    public static string Col(int index)
    {
        var s = "";
        for (int i = index + 1; i > 0; i = (i - 1) / 26) s = (char)('A' + (i - 1) % 26) + s;
        return s;
    }

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "宋体" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid }));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        var numFmts = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" });
        CellFormat F(uint font, uint fill, uint border, uint numFmt, HorizontalAlignmentValues? h, bool wrap, VerticalAlignmentValues? v = null)
        {
            var cf = new CellFormat { FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt, ApplyFont = true, ApplyFill = fill > 0, ApplyBorder = border > 0, ApplyNumberFormat = numFmt > 0 };
            cf.Append(new Alignment { Horizontal = h, WrapText = wrap, Vertical = v ?? VerticalAlignmentValues.Center });
            cf.ApplyAlignment = true;
            return cf;
        }
        var formats = new CellFormats(
            new CellFormat(),
            F(2, 0, 0, 0, HorizontalAlignmentValues.Center, false),       // title
            F(0, 0, 0, 0, HorizontalAlignmentValues.Right, false),        // unit / label
            F(1, 2, 1, 0, HorizontalAlignmentValues.Center, true),        // header
            F(0, 0, 1, 0, HorizontalAlignmentValues.Left, true),          // text cell
            F(0, 0, 1, 164, HorizontalAlignmentValues.Right, false),      // number cell
            F(1, 0, 0, 0, HorizontalAlignmentValues.Left, false),         // narrative heading
            F(0, 0, 0, 0, HorizontalAlignmentValues.Left, true, VerticalAlignmentValues.Top), // paragraph
            F(0, 0, 0, 0, HorizontalAlignmentValues.Left, true, VerticalAlignmentValues.Top), // note
            F(0, 0, 0, 0, HorizontalAlignmentValues.Left, false));        // 编制单位
        return new Stylesheet(numFmts, fonts, fills, borders, formats);
    }
}
