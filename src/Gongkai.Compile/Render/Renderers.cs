using System.Text;

namespace Gongkai.Compile.Render;

/// <summary>Writes a compiled package in one output format.</summary>
public interface IPackageRenderer
{
    /// <summary>Format name on the command line (md, html, xlsx, docx, pdf).</summary>
    string Format { get; }
    string Extension { get; }
    void Render(CompiledPackage package, Stream output);
}

public static class PackageRenderers
{
    public static IReadOnlyList<IPackageRenderer> All { get; } =
        [new MarkdownRenderer(), new HtmlRenderer(), new XlsxRenderer(), new DocxRenderer(), new PdfRenderer()];

    public static IPackageRenderer? Find(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Extension, format, StringComparison.OrdinalIgnoreCase));

    public static byte[] RenderToBytes(this IPackageRenderer r, CompiledPackage p)
    {
        using var ms = new MemoryStream();
        r.Render(p, ms);
        return ms.ToArray();
    }
}

/// <summary>Markdown: headings, paragraphs, and pipe tables (label + title heading, 单位 line, extra header rows after the separator).</summary>
public sealed class MarkdownRenderer : IPackageRenderer
{
    public string Format => "md";
    public string Extension => "md";

    public void Render(CompiledPackage package, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        w.NewLine = "\n";
        w.Write(ToText(package));
    }

    public static string ToText(CompiledPackage package)
    {
        var sb = new StringBuilder();
        foreach (var b in package.Blocks)
        {
            switch (b)
            {
                case HeadingBlock h:
                    sb.Append('#', Math.Min(h.Level, 4)).Append(' ').Append(h.Text).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    sb.Append(p.Text).Append("\n\n");
                    break;
                case TableBlock { Table: var t }:
                    sb.Append("### ").Append(t.Title).Append("\n\n");
                    sb.Append(t.Label).Append("\n\n");
                    sb.Append(t.UnitLine).Append("\n\n");
                    if (t.UnitNameLine is { } un) sb.Append(un).Append("\n\n");
                    if (t.Columns.Count > 0)
                    {
                        int hr = t.HeaderRowCount;
                        Row(sb, t.HeaderRow(0));
                        sb.Append('|').Append(string.Concat(Enumerable.Repeat("---|", t.Columns.Count))).Append('\n');
                        for (int r = 1; r < hr; r++) Row(sb, t.HeaderRow(r));
                        foreach (var row in t.Rows) Row(sb, row.Cells);
                        sb.Append('\n');
                    }
                    foreach (var n in t.Notes) sb.Append(n).Append("\n\n");
                    break;
            }
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string[] cells)
    {
        sb.Append('|');
        foreach (var c in cells) sb.Append(' ').Append(c.Replace('|', '｜')).Append(" |");
        sb.Append('\n');
    }
}

/// <summary>A standalone HTML page: headings, paragraphs, tables with merged header cells, print CSS (A4).</summary>
public sealed class HtmlRenderer : IPackageRenderer
{
    public string Format => "html";
    public string Extension => "html";

    public void Render(CompiledPackage package, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        w.Write(ToText(package));
    }

    private static string E(string s) => System.Net.WebUtility.HtmlEncode(s);

    public static string ToText(CompiledPackage package)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(package.Title)).Append("</title>\n");
        sb.Append("""
<style>
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;max-width:60em;margin:2em auto;line-height:1.8;color:#111}
h1{text-align:center;font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em}h3{font-size:1.05em}
p{text-indent:2em;margin:.4em 0}
.tbl{margin:2em 0;page-break-inside:auto}
.tbl .label{text-align:right;font-size:.9em}.tbl .title{text-align:center;font-weight:bold;font-size:1.1em}.tbl .unit{text-align:right;font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.85em}
th,td{border:1px solid #333;padding:2px 4px}th{background:#f2f2f2;font-weight:bold;text-align:center}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
thead{display:table-header-group}tr{page-break-inside:avoid}
.note{text-indent:0;font-size:.85em}
.toc{margin:1.5em 0 2.5em;page-break-after:always}.toc-title{text-align:center;font-weight:bold;font-size:1.25em}
.toc ul{list-style:none;padding:0}.toc li{margin:.15em 0 .15em 2em}.toc li.part{margin-left:0;font-weight:bold}.toc a{color:inherit;text-decoration:none}
@page{size:A4;margin:18mm 15mm}
</style>
</head>
<body>

""");
        var entries = Contents.Entries(package);
        var targets = entries.Select(e => e.Block).ToHashSet();
        string Id(int block) => targets.Contains(block) ? $" id=\"b{block}\"" : "";
        for (int i = 0; i < package.Blocks.Count; i++)
        {
            var b = package.Blocks[i];
            switch (b)
            {
                case HeadingBlock h:
                    var lv = Math.Min(h.Level, 4);
                    sb.Append($"<h{lv}{Id(i)}>").Append(E(h.Text)).Append($"</h{lv}>\n");
                    if (i == 0 && entries.Count > 0)
                    {
                        // the 目录 after the title: a link to every part and table
                        sb.Append("<nav class=\"toc\">\n<div class=\"toc-title\">").Append(Contents.Heading).Append("</div>\n<ul>\n");
                        foreach (var e in entries)
                            sb.Append(e.Level == 0 ? "<li class=\"part\">" : "<li>").Append($"<a href=\"#b{e.Block}\">").Append(E(e.Text)).Append("</a></li>\n");
                        sb.Append("</ul>\n</nav>\n");
                    }
                    break;
                case ParagraphBlock p:
                    sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case TableBlock { Table: var t }:
                    sb.Append($"<section class=\"tbl\"{Id(i)}>\n<div class=\"label\">").Append(E(t.Label)).Append("</div>\n<div class=\"title\">").Append(E(t.Title))
                      .Append("</div>\n<div class=\"unit\">").Append(E(t.UnitLine)).Append("</div>\n");
                    if (t.UnitNameLine is { } un) sb.Append("<div class=\"unit\">").Append(E(un)).Append("</div>\n");
                    if (t.Columns.Count > 0)
                    {
                        sb.Append("<table>\n<thead>\n");
                        foreach (var row in HeaderLayout.Cells(t))
                        {
                            sb.Append("<tr>");
                            foreach (var c in row)
                                sb.Append("<th").Append(c.ColSpan > 1 ? $" colspan=\"{c.ColSpan}\"" : "").Append(c.RowSpan > 1 ? $" rowspan=\"{c.RowSpan}\"" : "").Append('>').Append(E(c.Text)).Append("</th>");
                            sb.Append("</tr>\n");
                        }
                        sb.Append("</thead>\n<tbody>\n");
                        foreach (var row in BodyLayout.Cells(t))
                        {
                            sb.Append("<tr>");
                            foreach (var c in row)
                                sb.Append("<td").Append(c.ColSpan > 1 ? $" colspan=\"{c.ColSpan}\"" : "").Append(c.RowSpan > 1 ? $" rowspan=\"{c.RowSpan}\"" : "")
                                  .Append(c.ColSpan < t.Columns.Count && t.IsAmountCell(t.Rows[c.Row], c.Column) ? " class=\"num\">" : ">")
                                  .Append(E(c.Text)).Append("</td>");
                            sb.Append("</tr>\n");
                        }
                        sb.Append("</tbody>\n</table>\n");
                    }
                    foreach (var n in t.Notes) sb.Append("<p class=\"note\">").Append(E(n)).Append("</p>\n");
                    sb.Append("</section>\n");
                    break;
            }
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }
}

/// <summary>A merged header cell: its text, position and spans.</summary>
public sealed record HeaderCell(string Text, int Row, int Column, int RowSpan, int ColSpan);

/// <summary>Merges the header grid: equal text repeated down a column merges vertically, then equal neighbours in a row
/// merge horizontally; in a form's single header row an empty cell joins the text on its left.</summary>
public static class HeaderLayout
{
    public static List<List<HeaderCell>> Cells(RenderTable t)
    {
        int rows = t.HeaderRowCount, cols = t.Columns.Count;
        var grid = Enumerable.Range(0, rows).Select(t.HeaderRow).ToArray();
        var taken = new bool[rows, cols];
        var result = Enumerable.Range(0, rows).Select(_ => new List<HeaderCell>()).ToList();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (taken[r, c]) continue;
                var text = grid[r][c];
                int cs = 1;
                while (c + cs < cols && !taken[r, c + cs] && grid[r][c + cs] == text && text.Length > 0 && SameAbove(grid, r, c, c + cs)) cs++;
                int rs = 1;
                while (r + rs < rows && Enumerable.Range(c, cs).All(k => grid[r + rs][k] == text && !taken[r + rs, k])) rs++;
                for (int i = 0; i < rs; i++) for (int k = 0; k < cs; k++) taken[r + i, c + k] = true;
                result[r].Add(new HeaderCell(text, r, c, rs, cs));
            }
        }
        // a form's one header row (项目名称 | name | | | 项目代码 | code | |): an empty cell belongs to the text on its left
        if (t.NoModel && rows == 1)
        {
            var merged = new List<HeaderCell>();
            foreach (var c in result[0])
                if (c.Text.Trim().Length == 0 && merged.Count > 0 && merged[^1].Text.Trim().Length > 0)
                    merged[^1] = merged[^1] with { ColSpan = merged[^1].ColSpan + c.ColSpan };
                else merged.Add(c);
            result[0] = merged;
        }
        return result;
    }

    private static bool SameAbove(string[][] grid, int r, int c1, int c2)
    {
        for (int i = 0; i < r; i++) if (grid[i][c1] != grid[i][c2]) return false;
        return true;
    }
}

/// <summary>A printed body cell: its text, position (row index in <see cref="RenderTable.Rows"/>, column) and spans.</summary>
public sealed record BodyCell(string Text, int Row, int Column, int RowSpan, int ColSpan);

/// <summary>
/// The merged cells of a table's body, shared by every renderer: a section row is one cell across the table; a row
/// with <see cref="RenderRow.Spans"/> has a cell per span (a covered position belongs to the cell on its left); in a
/// label-layout table (绩效) a first-column label runs down the rows below it whose first cell is empty (当年绩效指标
/// over its indicators, 资金来源 over its lines), as the regions' forms print it. A covered position has no cell.
/// </summary>
public static class BodyLayout
{
    /// <param name="mergeDown">Merge first-column labels down their rows (every renderer; off only to measure the
    /// columns cell by cell).</param>
    public static List<List<BodyCell>> Cells(RenderTable t, bool mergeDown = true)
    {
        int cols = t.Columns.Count, n = t.Rows.Count;
        var result = new List<List<BodyCell>>(n);
        for (int i = 0; i < n; i++)
        {
            var r = t.Rows[i];
            var row = new List<BodyCell>();
            if (cols > 0 && t.IsSectionRow(i)) row.Add(new BodyCell(r.Cells[0], i, 0, 1, cols));
            else
            {
                var spans = r.Spans is { } s && s.Length == cols ? s : null;
                for (int c = 0; c < cols;)
                {
                    int span = spans is null || spans[c] < 1 ? 1 : Math.Min(spans[c], cols - c);
                    row.Add(new BodyCell(r.Cells[c], i, c, 1, span));
                    c += span;
                }
            }
            result.Add(row);
        }
        if (!t.NoModel || !mergeDown) return result;
        for (int i = 0; i < n; i++)
        {
            if (result[i].Count == 0 || result[i][0] is not { Column: 0, ColSpan: 1 } first || first.Text.Trim().Length == 0 || t.IsSectionRow(i)) continue;
            int k = i + 1;
            while (k < n && !t.IsSectionRow(k) && result[k].Count > 1 && result[k][0] is { Column: 0, ColSpan: 1 } below && below.Text.Trim().Length == 0) k++;
            if (k - i < 2) continue;
            result[i][0] = first with { RowSpan = k - i };
            for (int m = i + 1; m < k; m++) result[m].RemoveAt(0);
            i = k - 1;
        }
        return result;
    }

    /// <summary>
    /// The runs of rows of a form (绩效) that belong together on a page, first and last row: a label merged down its rows
    /// (资金来源, 年度绩效目标 over its indicators) and a section (its section row up to the next one: 年度绩效目标表 with its
    /// sub-header and indicators). A renderer keeps a run whole on one page when it fits one, so that a label is never cut
    /// from part of its rows and a continued page starts at a section boundary rather than with a few rows of a section.
    /// Core tables have none (their header rows repeat on a continued page).
    /// </summary>
    public static List<(int Start, int End)> KeepUnits(RenderTable t, List<List<BodyCell>> cells)
    {
        var units = new List<(int Start, int End)>();
        if (!t.NoModel) return units;
        foreach (var c in cells.SelectMany(x => x))
            if (c.RowSpan > 1) units.Add((c.Row, c.Row + c.RowSpan - 1));
        int n = t.Rows.Count;
        for (int i = 0; i < n; i++)
        {
            if (!t.IsSectionRow(i)) continue;
            int e = i + 1;
            while (e < n && !t.IsSectionRow(e)) e++;
            if (e - 1 > i) units.Add((i, e - 1));
            // a section too long for a page still keeps its head (section row, sub-header) with its largest merged label
            var body = cells.Skip(i + 1).Take(e - i - 1).SelectMany(x => x).Where(c => c.RowSpan > 1).MaxBy(c => c.RowSpan);
            if (body is not null && body.Row + body.RowSpan - 1 < e - 1) units.Add((i, body.Row + body.RowSpan - 1));
        }
        return units;
    }

    /// <summary>Whether position (row, column) is covered by a cell that starts above it.</summary>
    public static BodyCell?[,] Covering(RenderTable t, List<List<BodyCell>> cells)
    {
        var covered = new BodyCell?[t.Rows.Count, t.Columns.Count];
        foreach (var c in cells.SelectMany(x => x))
            for (int i = 1; i < c.RowSpan; i++) covered[c.Row + i, c.Column] = c;
        return covered;
    }
}

/// <summary>An entry of the 目录: the block it points to, its level (0 a part, 1 a section or a table) and its text.</summary>
public sealed record ContentsEntry(int Block, int Level, string Text);

/// <summary>
/// The 目录 printed after the title (PDF with page numbers, DOCX with page references, HTML with links): the parts
/// (第一部分 …), the sections of the narrative (一、…) and every table, by label and title (a 绩效 form also by its project). Nothing when the package has no
/// table or does not open with its title.
/// </summary>
public static partial class Contents
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial System.Text.RegularExpressions.Regex PartHeading();

    public const string Heading = "目录";

    public static List<ContentsEntry> Entries(CompiledPackage p)
    {
        var list = new List<ContentsEntry>();
        if (p.Blocks.Count == 0 || p.Blocks[0] is not HeadingBlock { Level: 1 } || !p.Blocks.OfType<TableBlock>().Any()) return list;
        for (int i = 1; i < p.Blocks.Count; i++)
        {
            if (p.Blocks[i] is HeadingBlock { Level: 2 } h) list.Add(new ContentsEntry(i, PartHeading().IsMatch(h.Text) ? 0 : 1, h.Text));
            else if (p.Blocks[i] is TableBlock { Table: var t }) list.Add(new ContentsEntry(i, 1, TableEntry(t)));
        }
        return list;
    }

    /// <summary>Label and title; a 绩效 form whose first header is 项目名称 adds the project's name.</summary>
    public static string TableEntry(RenderTable t)
    {
        var text = t.Label.Length > 0 ? $"{t.Label}　{t.Title}" : t.Title;
        if (t.NoModel && t.Columns.Count > 1 && t.Columns[0].Header.LastOrDefault() == "项目名称" && t.Columns[1].Header.LastOrDefault() is { Length: > 0 } name)
            text += $"（{name}）";
        return text;
    }
}
