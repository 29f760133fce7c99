using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Compile.Render;

/// <summary>
/// DOCX: an editable Word document — real Heading 1–3 styles, body paragraphs with first-line indent, and real tables
/// (merged header cells, header rows repeated on each page, numbers right-aligned), A4 with 2 cm margins.
/// </summary>
public sealed class DocxRenderer : IPackageRenderer
{
    public string Format => "docx";
    public string Extension => "docx";

    private const string Font = "宋体";
    private const string HeadingFont = "黑体";

    public void Render(CompiledPackage package, Stream output)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var body = new Body();
        foreach (var b in package.Blocks)
        {
            switch (b)
            {
                case HeadingBlock h:
                    body.Append(Para(h.Text, h.Level == 1 ? "Title" : $"Heading{Math.Min(h.Level - 1, 3)}"));
                    break;
                case ParagraphBlock p:
                    body.Append(Para(p.Text, null));
                    break;
                case TableBlock { Table: var t }:
                    body.Append(Para(t.Label, "TableLabel"));
                    body.Append(Para(t.Title, "TableTitle"));
                    body.Append(Para(t.UnitLine, "TableLabel"));
                    if (t.UnitNameLine is { } un) body.Append(Para(un, "TableLabel"));
                    body.Append(Table(t));
                    foreach (var n in t.Notes) body.Append(Para(n, "TableNote"));
                    break;
            }
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Para(string text, string? style)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static Table Table(RenderTable t)
    {
        const int usable = 11906 - 2 * 1134;
        int cols = t.Columns.Count;
        var weights = Enumerable.Range(0, cols).Select(c => Math.Max(4.0, t.Rows.Select(r => Len(r.Cells[c])).DefaultIfEmpty(4).Max())).ToArray();
        var sum = weights.Sum();
        var widths = weights.Select(w => (int)(usable * w / sum)).ToArray();
        var table = new Table();
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        table.Append(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border, new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var header = HeaderLayout.Cells(t);
        // covered[r, c]: part of a vertical merge started above
        var covered = new HeaderCell?[t.HeaderRowCount, cols];
        foreach (var row in header)
            foreach (var hc in row)
                for (int i = 1; i < hc.RowSpan; i++) covered[hc.Row + i, hc.Column] = hc;
        for (int h = 0; h < t.HeaderRowCount; h++)
        {
            var tr = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            var starts = header[h].ToDictionary(x => x.Column);
            for (int c = 0; c < cols;)
            {
                if (starts.TryGetValue(c, out var hc))
                {
                    tr.Append(Cell(hc.Text, widths.Skip(c).Take(hc.ColSpan).Sum(), true, false, hc.ColSpan, hc.RowSpan > 1 ? MergedCellValues.Restart : null));
                    c += hc.ColSpan;
                }
                else if (covered[h, c] is { } above)
                {
                    tr.Append(Cell("", widths.Skip(c).Take(above.ColSpan).Sum(), true, false, above.ColSpan, MergedCellValues.Continue));
                    c += above.ColSpan;
                }
                else c++;
            }
            table.Append(tr);
        }
        foreach (var r in t.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (int c = 0; c < cols; c++) tr.Append(Cell(r.Cells[c], widths[c], false, t.IsNumeric(c), 1, null));
            table.Append(tr);
        }
        return table;
    }

    private static double Len(string s) => s.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0);

    private static TableCell Cell(string text, int width, bool header, bool number, int span, MergedCellValues? vmerge)
    {
        var props = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString() });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (vmerge is not null) props.Append(new VerticalMerge { Val = vmerge.Value });
        if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "F2F2F2" });
        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var p = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = "TableText" },
            new Justification { Val = header ? JustificationValues.Center : number ? JustificationValues.Right : JustificationValues.Left }));
        var run = new Run();
        if (header) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        p.Append(run);
        return new TableCell(props, p);
    }

    private static Styles Styles()
    {
        Style S(string id, string name, string? basedOn, int halfPoints, bool bold, string font, JustificationValues? just = null, int? outline = null, bool indent = false)
        {
            var s = new Style { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = id.StartsWith("Table") };
            s.Append(new StyleName { Val = name });
            if (basedOn is not null) s.Append(new BasedOn { Val = basedOn });
            s.Append(new PrimaryStyle());
            var pp = new StyleParagraphProperties();
            if (outline is not null) pp.Append(new KeepNext());
            pp.Append(new SpacingBetweenLines { Before = outline is not null ? "240" : "0", After = id.StartsWith("Table") ? "0" : "120", Line = id.StartsWith("Table") ? "240" : "360", LineRule = LineSpacingRuleValues.Auto });
            if (indent) pp.Append(new Indentation { FirstLineChars = 200 });
            if (just is not null) pp.Append(new Justification { Val = just.Value });
            if (outline is not null) pp.Append(new OutlineLevel { Val = outline.Value });
            s.Append(pp);
            var rp = new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
            if (bold) rp.Append(new Bold());
            rp.Append(new FontSize { Val = halfPoints.ToString() });
            s.Append(rp);
            return s;
        }
        var normal = S("Normal", "Normal", null, 24, false, Font, indent: true);
        normal.Default = true;
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font }, new Languages { EastAsia = "zh-CN" }))),
            normal,
            S("Title", "Title", "Normal", 36, true, HeadingFont, JustificationValues.Center, 0),
            S("Heading1", "heading 1", "Normal", 32, true, HeadingFont, null, 0),
            S("Heading2", "heading 2", "Normal", 28, true, HeadingFont, null, 1),
            S("Heading3", "heading 3", "Normal", 24, true, Font, null, 2),
            S("TableTitle", "表格标题", "Normal", 28, true, HeadingFont, JustificationValues.Center),
            S("TableLabel", "表格标签", "Normal", 20, false, Font, JustificationValues.Right),
            S("TableText", "表格文字", "Normal", 18, false, Font),
            S("TableNote", "表格注释", "Normal", 18, false, Font));
    }
}
