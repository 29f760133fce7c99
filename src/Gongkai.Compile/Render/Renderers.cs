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
@page{size:A4;margin:18mm 15mm}
</style>
</head>
<body>

""");
        foreach (var b in package.Blocks)
        {
            switch (b)
            {
                case HeadingBlock h:
                    var lv = Math.Min(h.Level, 4);
                    sb.Append($"<h{lv}>").Append(E(h.Text)).Append($"</h{lv}>\n");
                    break;
                case ParagraphBlock p:
                    sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case TableBlock { Table: var t }:
                    sb.Append("<section class=\"tbl\">\n<div class=\"label\">").Append(E(t.Label)).Append("</div>\n<div class=\"title\">").Append(E(t.Title))
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
                        foreach (var row in t.Rows)
                        {
                            sb.Append("<tr>");
                            for (int c = 0; c < row.Cells.Length; c++)
                                sb.Append(t.IsNumeric(c) ? "<td class=\"num\">" : "<td>").Append(E(row.Cells[c])).Append("</td>");
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

/// <summary>Merges the header grid: equal text repeated down a column merges vertically, then equal neighbours in a row merge horizontally.</summary>
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
        return result;
    }

    private static bool SameAbove(string[][] grid, int r, int c1, int c2)
    {
        for (int i = 0; i < r; i++) if (grid[i][c1] != grid[i][c2]) return false;
        return true;
    }
}
