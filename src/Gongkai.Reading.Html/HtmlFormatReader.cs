using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Model;

namespace Gongkai.Reading.Html;

/// <summary>
/// Reads HTML pages (a disclosure published on a government website, or saved from Word/Excel as a web page).
/// <list type="bullet">
/// <item>Encoding: a byte order mark, else the charset the page declares (&lt;meta charset&gt; or http-equiv
/// Content-Type; GB2312/GBK are read as GB18030, their superset), else UTF-8, else GB18030.</item>
/// <item>Headings h1–h6 carry their level; p, div, li, br and the other block elements end a line; scripts,
/// styles and the head are not read.</item>
/// <item>Tables are expanded to a grid with colspan/rowspan: the text stays in the first cell (with ColSpan and
/// RowSpan), covered cells are empty so that columns align. A caption becomes a TextBlock before the table.
/// Nested tables become tables of their own after the table that holds them (as for Word).</item>
/// </list>
/// Provenance: <c>Line</c> is the line of the element in the HTML source.
/// </summary>
public sealed partial class HtmlFormatReader : IFormatReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math",
        "select", "button", "canvas", "audio", "video",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "aside", "header", "footer", "nav", "main",
        "blockquote", "center", "address", "figure", "figcaption", "form", "fieldset", "legend", "details", "summary",
        "tr", "td", "th", "caption", "body", "html", "hr",
    };

    public bool CanRead(ReadOnlySpan<byte> content)
    {
        var head = Head(content);
        int i = 0;
        while (true)
        {
            while (i < head.Length && char.IsWhiteSpace(head[i])) i++;
            if (Starts(head, i, "<!--"))
            {
                int end = head.IndexOf("-->", i, StringComparison.Ordinal);
                if (end < 0) return false;
                i = end + 3;
                continue;
            }
            if (Starts(head, i, "<?xml"))
            {
                int end = head.IndexOf("?>", i, StringComparison.Ordinal);
                if (end < 0) return false;
                i = end + 2;
                continue;
            }
            break;
        }
        if (i >= head.Length || head[i] != '<') return false;
        if (Starts(head, i, "<!doctype html") || Starts(head, i, "<html") || Starts(head, i, "<head") || Starts(head, i, "<body")
            || Starts(head, i, "<meta")) return true;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || Starts(head, i, "<table");
    }

    private static bool Starts(string s, int i, string prefix) => string.Compare(s, i, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>The first 4 KB as text, enough to see the markup (UTF-16 with BOM decoded, else byte for byte).</summary>
    private static string Head(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, 4096)];
        if (sample.Length >= 2 && sample[0] == 0xFF && sample[1] == 0xFE) return Encoding.Unicode.GetString(sample[2..]);
        if (sample.Length >= 2 && sample[0] == 0xFE && sample[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(sample[2..]);
        if (sample.Length >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF) sample = sample[3..];
        return Encoding.Latin1.GetString(sample);
    }

    public SourceDocument Read(string path, byte[] bytes)
    {
        var problems = new List<SourceProblem>();
        var html = Decode(path, bytes, problems);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        IDocument dom;
        try
        {
            dom = parser.ParseDocument(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ReadException(path, ReadFailure.Corrupt, $"无法解析网页：{path} 的 HTML 内容有误。请在浏览器中打开确认后另存再读取。", e);
        }
        var walker = new Walker(path);
        if (dom.Body is { } body) walker.Walk(body);
        walker.Flush();
        if (walker.Blocks.Count == 0)
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path} 网页中没有可读取的文字或表格。");
        return new SourceDocument(path, SourceFormat.Html, walker.Blocks, problems: problems);
    }

    /// <summary>Decode by BOM, declared charset, UTF-8, then GB18030.</summary>
    public static string Decode(string path, byte[] bytes, List<SourceProblem>? problems = null)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var declared = DeclaredCharset(bytes);
        if (declared is not null && !declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !declared.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            var enc = ResolveEncoding(declared);
            if (enc is not null) return enc.GetString(bytes);
            problems?.Add(new SourceProblem($"网页声明的字符编码“{declared}”无法识别，已按 UTF-8/GB18030 读取。", new Provenance(path, Text: declared)));
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            if (declared is not null)
                problems?.Add(new SourceProblem($"网页声明为 {declared} 编码，但内容不是有效的 UTF-8，已按 GB18030 读取。", new Provenance(path, Text: declared)));
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string? DeclaredCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static Encoding? ResolveEncoding(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        if (n is "gb2312" or "gbk" or "x-gbk" or "gb18030" or "cp936" or "windows-936" or "ms936" or "gb_2312-80" or "csgb2312" or "euc-cn")
            return Encoding.GetEncoding("GB18030");
        try
        {
            return Encoding.GetEncoding(n);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"[ \t\n\r\f]+")]
    private static partial Regex Whitespace();

    private sealed class Walker(string path)
    {
        public List<SourceBlock> Blocks { get; } = [];
        private readonly StringBuilder _line = new();
        private int _lineNo;
        private int _tables;

        private static int LineOf(INode node)
        {
            for (var n = node; n is not null; n = n.Parent)
                if (n is IElement e && e.SourceReference is { } sr) return sr.Position.Line;
            return 0;
        }

        public void Flush()
        {
            var text = Numbers.CleanCellText(Whitespace().Replace(_line.ToString(), " ").Replace('\u00a0', ' '));
            if (text.Length > 0) Blocks.Add(new TextBlock(text, new Provenance(path, _lineNo > 0 ? _lineNo : null, Text: text)));
            _line.Clear();
        }

        private void Append(string text, INode at)
        {
            if (_line.Length == 0)
            {
                if (string.IsNullOrWhiteSpace(text)) return;
                _lineNo = LineOf(at);
            }
            _line.Append(text);
        }

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes) Visit(child);
        }

        private void Visit(INode node)
        {
            if (node is IText t) { Append(t.Data, node); return; }
            if (node is not IElement e) return;
            var name = e.LocalName;
            if (Skipped.Contains(name)) return;
            if (name.Length == 2 && (name[0] == 'h' || name[0] == 'H') && name[1] is >= '1' and <= '6')
            {
                Flush();
                var pieces = new List<string>();
                CollectText(e, pieces, null);
                var text = Numbers.CleanCellText(TextPieces.Join(pieces).Replace('\u00a0', ' '));
                if (text.Length > 0) Blocks.Add(new TextBlock(text, new Provenance(path, LineOf(e) is int l and > 0 ? l : null, Text: text), name[1] - '0'));
                return;
            }
            switch (name.ToLowerInvariant())
            {
                case "table":
                    Flush();
                    ReadTable(e);
                    return;
                case "br":
                    Flush();
                    return;
                case "pre" or "textarea":
                    Flush();
                    foreach (var l in e.TextContent.Replace("\r\n", "\n").Split('\n'))
                    {
                        var text = Numbers.CleanCellText(l);
                        if (text.Length > 0) Blocks.Add(new TextBlock(text, new Provenance(path, LineOf(e), Text: text)));
                    }
                    return;
            }
            bool block = BlockElements.Contains(name);
            if (block) Flush();
            Walk(e);
            if (block) Flush();
        }

        /// <summary>Text of an element as lines (split at br and block elements); tables inside go to <paramref name="nested"/>.</summary>
        private static void CollectText(INode node, List<string> pieces, List<IElement>? nested)
        {
            var sb = new StringBuilder();
            void Visit(INode n)
            {
                foreach (var child in n.ChildNodes)
                {
                    if (child is IText t) { sb.Append(t.Data); continue; }
                    if (child is not IElement e || Skipped.Contains(e.LocalName)) continue;
                    var name = e.LocalName.ToLowerInvariant();
                    if (name == "table" && nested is not null) { nested.Add(e); continue; }
                    bool brk = name == "br" || BlockElements.Contains(name) || name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "table";
                    if (brk) { pieces.Add(Whitespace().Replace(sb.ToString(), " ")); sb.Clear(); }
                    Visit(e);
                    if (brk) { pieces.Add(Whitespace().Replace(sb.ToString(), " ")); sb.Clear(); }
                }
            }
            Visit(node);
            pieces.Add(Whitespace().Replace(sb.ToString(), " "));
        }

        private static IEnumerable<IElement> RowsOf(IElement table)
        {
            foreach (var child in table.Children)
            {
                var n = child.LocalName.ToLowerInvariant();
                if (n == "tr") yield return child;
                else if (n is "thead" or "tbody" or "tfoot")
                    foreach (var tr in child.Children)
                        if (tr.LocalName.Equals("tr", StringComparison.OrdinalIgnoreCase)) yield return tr;
            }
        }

        private static int Span(IElement cell, string attribute, int max, int zero)
        {
            var v = cell.GetAttribute(attribute);
            if (v is null || !int.TryParse(v.Trim(), out int n)) return 1;
            if (n == 0) return zero;
            return Math.Clamp(n, 1, max);
        }

        private void ReadTable(IElement table)
        {
            foreach (var caption in table.Children.Where(c => c.LocalName.Equals("caption", StringComparison.OrdinalIgnoreCase)))
            {
                var pieces = new List<string>();
                CollectText(caption, pieces, null);
                var text = Numbers.CleanCellText(TextPieces.Join(pieces));
                if (text.Length > 0) Blocks.Add(new TextBlock(text, new Provenance(path, LineOf(caption), Text: text)));
            }
            int tableIndex = _tables++;
            var nested = new List<IElement>();
            var trs = RowsOf(table).ToList();
            var grid = new List<SourceCell?[]>();
            var occupied = new HashSet<(int, int)>();
            SourceCell?[] Row(int r)
            {
                while (grid.Count <= r) grid.Add([]);
                return grid[r];
            }
            void Put(int r, int c, SourceCell cell)
            {
                var row = Row(r);
                if (row.Length <= c) { Array.Resize(ref row, c + 1); grid[r] = row; }
                row[c] = cell;
                occupied.Add((r, c));
            }
            for (int r = 0; r < trs.Count; r++)
            {
                Row(r);
                int c = 0;
                foreach (var td in trs[r].Children)
                {
                    var n = td.LocalName.ToLowerInvariant();
                    if (n is not ("td" or "th")) continue;
                    while (occupied.Contains((r, c))) c++;
                    int colSpan = Span(td, "colspan", 1000, 1);
                    int rowSpan = Math.Min(Span(td, "rowspan", 65534, trs.Count - r), trs.Count - r);
                    var pieces = new List<string>();
                    CollectText(td, pieces, nested);
                    var text = Numbers.CleanCellText(TextPieces.Join(pieces).Replace('\u00a0', ' '));
                    int line = LineOf(td);
                    Put(r, c, new SourceCell(text, c, new Provenance(path, line > 0 ? line : null, TableIndex: tableIndex, Row: r, Column: c, Text: text), colSpan, rowSpan));
                    for (int dr = 0; dr < rowSpan; dr++)
                        for (int dc = 0; dc < colSpan; dc++)
                            if (dr != 0 || dc != 0)
                                Put(r + dr, c + dc, new SourceCell("", c + dc,
                                    new Provenance(path, line > 0 ? line : null, TableIndex: tableIndex, Row: r + dr, Column: c + dc)));
                    c += colSpan;
                }
            }
            var rows = new List<SourceRow>();
            for (int r = 0; r < grid.Count; r++)
            {
                var line = r < trs.Count ? LineOf(trs[r]) : 0;
                var cells = new List<SourceCell>(grid[r].Length);
                for (int c = 0; c < grid[r].Length; c++)
                    cells.Add(grid[r][c] ?? new SourceCell("", c, new Provenance(path, line > 0 ? line : null, TableIndex: tableIndex, Row: r, Column: c)));
                var rowText = string.Join(" | ", cells.Where(x => !x.IsEmpty).Select(x => x.Text));
                rows.Add(new SourceRow(cells, new Provenance(path, line > 0 ? line : null, TableIndex: tableIndex, Row: r, Text: rowText)));
            }
            if (rows.Count > 0)
                Blocks.Add(new TableBlock(rows, TableSyntax.Html, new Provenance(path, rows[0].Source.Line, TableIndex: tableIndex, Text: rows[0].Source.Text), tableIndex));
            else _tables--;
            foreach (var n in nested) ReadTable(n);
        }
    }
}
