using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Tests.Office;

public sealed class DocxReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-docx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Paragraph P(string text, string? style = null, int? outline = null)
    {
        var p = new Paragraph(new Run(new Text(text)));
        if (style is not null || outline is not null)
        {
            var pPr = new ParagraphProperties();
            if (style is not null) pPr.Append(new ParagraphStyleId { Val = style });
            if (outline is not null) pPr.Append(new OutlineLevel { Val = outline });
            p.PrependChild(pPr);
        }
        return p;
    }

    private static TableCell Cell(string text, int span = 1, MergedCellValues? vMerge = null, bool continueMerge = false, params OpenXmlElement[] extra)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (vMerge is not null) props.Append(new VerticalMerge { Val = vMerge });
        else if (continueMerge) props.Append(new VerticalMerge());
        var cell = new TableCell(props);
        foreach (var line in text.Split('\n')) cell.Append(P(line));
        foreach (var e in extra) cell.Append(e);
        return cell;
    }

    /// <summary>A 支出决算表 with a header merged vertically (项目, 科目编码) and horizontally (本年支出 over three columns).</summary>
    private string Fixture()
    {
        var path = Path.Combine(_dir, "merged.docx");
        using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            // Chinese Word names its heading styles "heading 1" with the id "1"; a custom style is based on it
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "1" },
                new Style(new StyleName { Val = "标题 2" }) { Type = StyleValues.Paragraph, StyleId = "2" },
                new Style(new StyleName { Val = "我的标题" }, new BasedOn { Val = "2" }) { Type = StyleValues.Paragraph, StyleId = "a5" });
            var nested = new Table(new TableRow(Cell("内"), Cell("12.00")));
            var table = new Table(
                new TableRow(Cell("项目", vMerge: MergedCellValues.Restart), Cell("科目编码", vMerge: MergedCellValues.Restart), Cell("本年支出", span: 3)),
                new TableRow(Cell("", continueMerge: true), Cell("", continueMerge: true), Cell("合计"), Cell("基本\n支出"), Cell("项目支出")),
                new TableRow(Cell("行政运行"), Cell("2080501"), Cell("3,925.66"), Cell("3,000.00"), Cell("925.66")),
                new TableRow(Cell("其他", extra: nested), Cell("2089999"), Cell("1.00"), Cell(""), Cell("1.00")));
            var br = new Paragraph(new Run(new Text("第一行")), new Run(new Break(), new Text("第二行")));
            main.Document = new Document(new Body(
                P("重庆市某区医疗保障局2024年度部门决算", style: "1"),
                P("一、部门概况", style: "a5"),
                P("（一）职能职责", outline: 2),
                br,
                P("公开05表"),
                P("一般公共预算财政拨款支出决算表"),
                P("单位：万元"),
                table,
                P("正文", style: "Normal")));
        }
        return path;
    }

    [Fact]
    public void Paragraphs_keep_order_and_heading_levels_from_styles_and_outline_levels()
    {
        var doc = new DocumentReader([new Gongkai.Reading.Office.OfficeFormatReader()]).Read(Fixture());
        Assert.Equal(SourceFormat.Docx, doc.Format);
        var texts = doc.Texts.Select(t => (t.Text, t.HeadingLevel)).ToList();
        Assert.Equal(("重庆市某区医疗保障局2024年度部门决算", (int?)1), texts[0]);
        Assert.Equal(("一、部门概况", (int?)2), texts[1]); // based on 标题 2
        Assert.Equal(("（一）职能职责", (int?)3), texts[2]); // outline level 2 is the third level
        Assert.Equal(("第一行", (int?)null), texts[3]);
        Assert.Equal(("第二行", (int?)null), texts[4]);
        Assert.Equal(4, doc.Texts.ElementAt(3).Source.Line); // both lines come from paragraph 4
        Assert.Equal(4, doc.Texts.ElementAt(4).Source.Line);
        Assert.Equal("正文", texts[^1].Text);
        // the table comes after 单位：万元 and before 正文
        int tableAt = doc.Blocks.ToList().FindIndex(b => b is TableBlock);
        Assert.Equal("单位：万元", ((TextBlock)doc.Blocks[tableAt - 1]).Text);
    }

    [Fact]
    public void Merged_header_cells_keep_text_in_the_first_cell_and_columns_align()
    {
        var doc = new DocumentReader([new Gongkai.Reading.Office.OfficeFormatReader()]).Read(Fixture());
        var tables = doc.Tables.ToList();
        Assert.Equal(2, tables.Count); // the nested table follows its parent
        var t = tables[0];
        Assert.Equal(0, t.Index);
        Assert.Equal(["项目", "科目编码", "本年支出", "", ""], t.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(2, t.Rows[0].Cells[0].RowSpan);
        Assert.Equal(2, t.Rows[0].Cells[1].RowSpan);
        Assert.Equal(3, t.Rows[0].Cells[2].ColSpan);
        Assert.Equal(["", "", "合计", "基本支出", "项目支出"], t.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal("3,925.66", t.Rows[2][2]);
        Assert.Equal("925.66", t.Rows[2][4]);
        Assert.Equal("其他", t.Rows[3][0]); // the nested table's text is not in the cell
        var cell = t.Rows[2].Cells[4];
        Assert.Equal((0, 2, 4), (cell.Source.TableIndex, cell.Source.Row, cell.Source.Column));
        Assert.NotNull(cell.Source.Line);
        var inner = tables[1];
        Assert.Equal(1, inner.Index);
        Assert.Equal(["内", "12.00"], inner.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Docx_table_is_recognized_through_the_pipeline()
    {
        var r = new DisclosureReader().Read(Fixture());
        var table = r.Disclosure.Tables.First(t => t.Title.Contains("一般公共预算财政拨款支出决算表"));
        var row = table.Row("2080501");
        Assert.NotNull(row);
        Assert.Contains(row!.Values.Values, f => f.IsNumber && f.Value == 3000.00m && f.Scale == 2);
        Assert.Contains(row.Values.Values, f => f.IsNumber && f.Value == 925.66m && f.Source.Column == 4);
    }
}
