using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Reading;
using Gongkai.Reading.Office;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Tests.Support;

/// <summary>
/// Writes a <see cref="SourceDocument"/> out as Word, Excel or HTML, the way an office would publish the same
/// content: paragraphs (with heading styles) and tables in Word; one sheet with text lines as single-cell rows
/// and tables below each other (a blank row after each) in Excel, numbers as numeric cells with a number format
/// that prints them as in the source (0.00, #,##0.00, 0.0%); p/h1–h6 and tables in HTML.
/// Cells are written one per grid position (merges are not reconstructed).
/// </summary>
public static class SourceWriters
{
    public static void WriteDocx(SourceDocument doc, string path)
    {
        using var word = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new W.Styles(Enumerable.Range(1, 6).Select(n =>
            new W.Style(new W.StyleName { Val = $"heading {n}" }, new W.BasedOn { Val = "Normal" },
                new W.StyleParagraphProperties(new W.OutlineLevel { Val = n - 1 }))
            { Type = W.StyleValues.Paragraph, StyleId = $"Heading{n}" }));
        var body = new W.Body();
        SourceBlock? previous = null;
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case TextBlock t:
                    var p = new W.Paragraph(new W.Run(new W.Text(t.Text) { Space = SpaceProcessingModeValues.Preserve }));
                    if (t.HeadingLevel is int h and >= 1 and <= 6)
                        p.PrependChild(new W.ParagraphProperties(new W.ParagraphStyleId { Val = $"Heading{h}" }));
                    body.Append(p);
                    break;
                case TableBlock tb:
                    if (previous is TableBlock) body.Append(new W.Paragraph()); // Word joins adjacent tables otherwise
                    var table = new W.Table(new W.TableProperties(new W.TableBorders(
                        new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                        new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })));
                    foreach (var row in tb.Rows)
                    {
                        var tr = new W.TableRow();
                        foreach (var cell in row.Cells)
                            tr.Append(new W.TableCell(new W.Paragraph(new W.Run(new W.Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve }))));
                        if (row.Cells.Count == 0) tr.Append(new W.TableCell(new W.Paragraph()));
                        table.Append(tr);
                    }
                    body.Append(table);
                    break;
            }
            previous = block;
        }
        body.Append(new W.SectionProperties());
        main.Document = new W.Document(body);
    }

    /// <summary>HTML-encode, keeping runs of spaces with &amp;nbsp; as a web page saved from Word does.</summary>
    private static string Html(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var sb = new StringBuilder(encoded.Length);
        for (int i = 0; i < encoded.Length; i++)
            sb.Append(encoded[i] == ' ' && i > 0 && encoded[i - 1] == ' ' ? "&nbsp;" : encoded[i].ToString());
        return sb.ToString();
    }

    public static void WriteHtml(SourceDocument doc, string path, Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(false);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"").Append(encoding.WebName).Append("\">\n<title>公开</title>\n")
          .Append("<style>td { border: 1px solid #000 }</style>\n<script>var x = '<p>not text</p>';</script>\n</head>\n<body>\n");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case TextBlock t when t.HeadingLevel is int h and >= 1 and <= 6:
                    sb.Append($"<h{h}>").Append(Html(t.Text)).Append($"</h{h}>\n");
                    break;
                case TextBlock t:
                    sb.Append("<p>").Append(Html(t.Text)).Append("</p>\n");
                    break;
                case TableBlock tb:
                    sb.Append("<table>\n");
                    foreach (var row in tb.Rows)
                    {
                        sb.Append("<tr>");
                        foreach (var cell in row.Cells) sb.Append("<td>").Append(Html(cell.Text)).Append("</td>");
                        sb.Append("</tr>\n");
                    }
                    sb.Append("</table>\n");
                    break;
            }
        }
        sb.Append("</body>\n</html>\n");
        File.WriteAllBytes(path, encoding.GetBytes(sb.ToString()));
    }

    public static void WriteXlsx(SourceDocument doc, string path, string sheetName = "公开")
    {
        var formats = new List<string>();
        var rows = new List<X.Row>();
        var shared = new List<string>();
        var sharedIndex = new Dictionary<string, int>();
        int r = 0;
        X.Cell TextCell(string reference, string text)
        {
            if (!sharedIndex.TryGetValue(text, out int i)) { i = shared.Count; shared.Add(text); sharedIndex[text] = i; }
            return new X.Cell { CellReference = reference, DataType = X.CellValues.SharedString, CellValue = new X.CellValue(i.ToString(CultureInfo.InvariantCulture)) };
        }
        // table cells are ruled: style 1 is General with borders, styles 2… are number formats with borders
        formats.Add("General");
        X.Cell ValueCell(string reference, string text)
        {
            if (text.Trim().Length == 0) return new X.Cell { CellReference = reference, StyleIndex = 1 };
            if (NumericForm(text) is { } numeric)
            {
                int style = formats.IndexOf(numeric.Format);
                if (style < 0) { formats.Add(numeric.Format); style = formats.Count - 1; }
                return new X.Cell
                {
                    CellReference = reference,
                    StyleIndex = (uint)(style + 1),
                    CellValue = new X.CellValue(numeric.Value.ToString(CultureInfo.InvariantCulture)),
                };
            }
            var cell = TextCell(reference, text);
            cell.StyleIndex = 1;
            return cell;
        }
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case TextBlock t:
                    r++;
                    rows.Add(new X.Row(TextCell("A" + r, t.Text)) { RowIndex = (uint)r });
                    break;
                case TableBlock tb:
                    foreach (var row in tb.Rows)
                    {
                        r++;
                        var xr = new X.Row { RowIndex = (uint)r };
                        foreach (var cell in row.Cells)
                            xr.Append(ValueCell(SimpleFormula.ColumnName(cell.Column + 1) + r, cell.Text));
                        rows.Add(xr);
                    }
                    r++; // a blank row after each table
                    break;
            }
        }
        using var xl = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = xl.AddWorkbookPart();
        wb.Workbook = new X.Workbook();
        var ws = wb.AddNewPart<WorksheetPart>();
        ws.Worksheet = new X.Worksheet(new X.SheetData(rows));
        var sst = wb.AddNewPart<SharedStringTablePart>();
        sst.SharedStringTable = new X.SharedStringTable(shared.Select(s => new X.SharedStringItem(new X.Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        var stylesPart = wb.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Stylesheet(formats);
        wb.Workbook.AppendChild(new X.Sheets(new X.Sheet { Name = sheetName, SheetId = 1, Id = wb.GetIdOfPart(ws) }));
    }

    /// <summary>
    /// A stylesheet with the default style 0 and one style per number format code (styles 1…), with thin borders
    /// where <paramref name="bordered"/>.
    /// </summary>
    public static X.Stylesheet Stylesheet(IReadOnlyList<string> formats, bool bordered = true)
    {
        var numFmts = new X.NumberingFormats(formats.Select((f, i) => new X.NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f }));
        var xfs = new X.CellFormats(new X.CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
        for (int i = 0; i < formats.Count; i++)
            xfs.Append(new X.CellFormat
            {
                NumberFormatId = formats[i] == "General" ? 0 : (uint)(164 + i), FontId = 0, FillId = 0, BorderId = bordered ? 1u : 0u,
                ApplyNumberFormat = true, ApplyBorder = bordered,
            });
        return new X.Stylesheet(
            numFmts,
            new X.Fonts(new X.Font()),
            new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }), new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 })),
            new X.Borders(new X.Border(), new X.Border(
                new X.LeftBorder { Style = X.BorderStyleValues.Thin }, new X.RightBorder { Style = X.BorderStyleValues.Thin },
                new X.TopBorder { Style = X.BorderStyleValues.Thin }, new X.BottomBorder { Style = X.BorderStyleValues.Thin }, new X.DiagonalBorder())),
            xfs);
    }

    /// <summary>
    /// The numeric value and number format that print <paramref name="text"/> exactly, or null where the text is
    /// not a plain number (codes with leading zeros, more than 15 digits, dashes, words).
    /// </summary>
    public static (decimal Value, string Format)? NumericForm(string text)
    {
        var v = Numbers.Parse(text);
        if (!v.IsNumeric) return null;
        var digits = text.Count(char.IsAsciiDigit);
        if (digits > 15) return null;
        bool percent = v.Kind == CellValueKind.Percent;
        var format = (text.Contains(',') ? "#,##0" : "0") + (v.Scale > 0 ? "." + new string('0', v.Scale) : "") + (percent ? "%" : "");
        var value = percent ? v.Value / 100 : v.Value;
        return new ExcelNumberFormat(format).Format(value) == text ? (value, format) : null;
    }
}
