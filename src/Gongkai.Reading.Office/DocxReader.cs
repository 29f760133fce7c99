using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Model;

namespace Gongkai.Reading.Office;

/// <summary>
/// Reads a Word document (.docx) into a <see cref="SourceDocument"/>: body paragraphs in order (with heading
/// levels from the paragraph style — Heading 1…/标题 1… — or the outline level), and tables with horizontal
/// (gridSpan) and vertical (vMerge) merges expanded to a grid: the text stays in the first cell, which carries
/// ColSpan/RowSpan, and covered cells are empty so that columns align.
/// <para>
/// Nested tables become TableBlocks of their own, right after the table that holds them; the holding cell keeps
/// only its own paragraphs. The numbers of a nested table thus stay addressable by row and column.
/// </para>
/// <para>Provenance: <c>Line</c> is the 1-based index of the paragraph in document order (paragraphs in table
/// cells counted too); tables carry their index, row and column.</para>
/// Text boxes, headers, footers, footnotes, deleted revisions and hidden runs (w:vanish) are not read.
/// </summary>
public sealed partial class DocxReader
{
    public SourceDocument Read(string path, Stream stream, OpenSettings settings)
    {
        using var doc = WordprocessingDocument.Open(stream, false, settings);
        var main = doc.MainDocumentPart ?? throw new ReadException(path, ReadFailure.Corrupt,
            $"文件已损坏：{path} 缺少正文部分，不是有效的 Word 文档。请用 Word 打开并另存为 .docx 后重试。");
        var body = main.Document?.Body ?? throw new ReadException(path, ReadFailure.Corrupt,
            $"文件已损坏：{path} 缺少正文部分，不是有效的 Word 文档。请用 Word 打开并另存为 .docx 后重试。");
        var state = new State(path, new StyleLevels(main.StyleDefinitionsPart?.Styles));
        ReadBlocks(body, state);
        if (state.Blocks.Count == 0)
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path} 中没有可读取的文字或表格。");
        return new SourceDocument(path, SourceFormat.Docx, state.Blocks, problems: state.Problems);
    }

    private sealed class State(string path, StyleLevels styles)
    {
        public string Path { get; } = path;
        public StyleLevels Styles { get; } = styles;
        public List<SourceBlock> Blocks { get; } = [];
        public List<SourceProblem> Problems { get; } = [];
        public int Paragraphs;
        public int Tables;
    }

    private static void ReadBlocks(OpenXmlElement container, State s)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph p:
                    ReadParagraph(p, s);
                    break;
                case Table t:
                    ReadTable(t, s);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadBlocks(content, s);
                    break;
                case CustomXmlBlock cx:
                    ReadBlocks(cx, s);
                    break;
            }
        }
    }

    private static void ReadParagraph(Paragraph p, State s)
    {
        int index = ++s.Paragraphs;
        int? level = s.Styles.LevelOf(p);
        foreach (var line in Lines(p))
        {
            var text = Numbers.CleanCellText(line);
            if (text.Length > 0) s.Blocks.Add(new TextBlock(text, new Provenance(s.Path, index, Text: line), level));
        }
    }

    /// <summary>The lines of a paragraph: its text split at line breaks (w:br, w:cr); tabs become spaces.</summary>
    internal static List<string> Lines(Paragraph p)
    {
        var lines = new List<string>();
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case Text t when !Skipped(t, p):
                    sb.Append(t.Text);
                    break;
                case TabChar or PositionalTab when !Skipped(e, p):
                    sb.Append(' ');
                    break;
                case NoBreakHyphen when !Skipped(e, p):
                    sb.Append('-');
                    break;
                case Break or CarriageReturn when !Skipped(e, p):
                    lines.Add(sb.ToString());
                    sb.Clear();
                    break;
            }
        }
        lines.Add(sb.ToString());
        return lines;
    }

    /// <summary>
    /// Text in text boxes, in the fallback copy of alternate content, in deleted revisions or in hidden runs
    /// (w:vanish set directly on the run, as the page does not show it) is not read.
    /// </summary>
    private static bool Skipped(OpenXmlElement e, Paragraph p)
    {
        // up to the paragraph being read: a text box's own paragraphs lie inside it
        for (var a = e.Parent; a is not null && a != p; a = a.Parent)
        {
            if (a is TextBoxContent or DocumentFormat.OpenXml.AlternateContentFallback or DeletedRun or Deleted) return true;
            if (a is Run { RunProperties.Vanish: { } vanish } && (vanish.Val is null || vanish.Val.Value)) return true;
        }
        return false;
    }

    private static void ReadTable(Table table, State s)
    {
        int tableIndex = s.Tables++;
        var nested = new List<Table>();
        var rows = new List<(List<WordTable.RawCell> Cells, int Line)>();
        foreach (var tr in RowsOf(table))
        {
            int col = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            var cells = new List<WordTable.RawCell>();
            int rowLine = s.Paragraphs + 1;
            foreach (var tc in CellsOf(tr))
            {
                var props = tc.TableCellProperties;
                int span = Math.Clamp(props?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                var merge = WordTable.MergeState.None;
                if (props?.VerticalMerge is { } vm)
                    merge = vm.Val?.Value == MergedCellValues.Restart ? WordTable.MergeState.Restart : WordTable.MergeState.Continue;
                bool hContinue = props?.HorizontalMerge is { } hm && hm.Val?.Value != MergedCellValues.Restart;
                int line = s.Paragraphs + 1;
                var pieces = new List<string>();
                CellParagraphs(tc, pieces, nested, s);
                var text = Numbers.CleanCellText(TextPieces.Join(pieces));
                if (hContinue && cells.Count > 0)
                {
                    // legacy horizontal merge: widen the previous cell
                    var prev = cells[^1];
                    cells[^1] = prev with { ColSpan = prev.ColSpan + span, Text = TextPieces.Join([prev.Text, text]) };
                }
                else cells.Add(new WordTable.RawCell(text, col, span, merge, line));
                col += span;
            }
            rows.Add((cells, rowLine));
        }

        var sourceRows = WordTable.Grid(rows, s.Path, tableIndex);
        if (sourceRows.Count > 0)
        {
            var first = sourceRows[0].Source;
            s.Blocks.Add(new TableBlock(sourceRows, TableSyntax.Docx, new Provenance(s.Path, first.Line, TableIndex: tableIndex, Text: first.Text), tableIndex));
        }
        else s.Tables--;
        foreach (var n in nested) ReadTable(n, s);
    }

    private static IEnumerable<TableRow> RowsOf(OpenXmlElement table)
    {
        foreach (var child in table.ChildElements)
        {
            if (child is TableRow tr) yield return tr;
            else if (child is SdtRow sr && sr.SdtContentRow is { } content) foreach (var r in RowsOf(content)) yield return r;
            else if (child is CustomXmlRow cx) foreach (var r in RowsOf(cx)) yield return r;
        }
    }

    private static IEnumerable<TableCell> CellsOf(OpenXmlElement row)
    {
        foreach (var child in row.ChildElements)
        {
            if (child is TableCell tc) yield return tc;
            else if (child is SdtCell sc && sc.SdtContentCell is { } content) foreach (var c in CellsOf(content)) yield return c;
            else if (child is CustomXmlCell cx) foreach (var c in CellsOf(cx)) yield return c;
        }
    }

    /// <summary>The lines of a cell's own paragraphs; tables inside the cell are collected into <paramref name="nested"/>.</summary>
    private static void CellParagraphs(OpenXmlElement container, List<string> pieces, List<Table> nested, State s)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph p:
                    s.Paragraphs++;
                    pieces.AddRange(Lines(p));
                    break;
                case Table t:
                    nested.Add(t);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    CellParagraphs(content, pieces, nested, s);
                    break;
                case CustomXmlBlock cx:
                    CellParagraphs(cx, pieces, nested, s);
                    break;
            }
        }
    }

    /// <summary>Heading levels from paragraph styles (by name, following basedOn) and outline levels.</summary>
    private sealed partial class StyleLevels
    {
        private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int?> _cache = new(StringComparer.Ordinal);

        public StyleLevels(Styles? styles)
        {
            if (styles is null) return;
            foreach (var st in styles.Elements<Style>())
                if (st.StyleId?.Value is { } id) _styles.TryAdd(id, st);
        }

        public int? LevelOf(Paragraph p)
        {
            var pPr = p.ParagraphProperties;
            if (pPr?.OutlineLevel?.Val?.Value is int ol) return ol < 9 ? ol + 1 : null;
            return pPr?.ParagraphStyleId?.Val?.Value is { } id ? StyleLevel(id, 0) : null;
        }

        private int? StyleLevel(string id, int depth)
        {
            if (_cache.TryGetValue(id, out var cached)) return cached;
            int? level = null;
            if (_styles.TryGetValue(id, out var st))
            {
                var name = st.StyleName?.Val?.Value ?? "";
                var m = HeadingName().Match(name);
                if (m.Success) level = int.Parse(m.Groups[1].Value);
                else if (st.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int ol) level = ol < 9 ? ol + 1 : null;
                else if (depth < 10 && st.BasedOn?.Val?.Value is { } basedOn) level = StyleLevel(basedOn, depth + 1);
            }
            else
            {
                var m = HeadingName().Match(id);
                if (m.Success) level = int.Parse(m.Groups[1].Value);
            }
            _cache[id] = level;
            return level;
        }

        [GeneratedRegex(@"^\s*(?:heading|标题)\s*([1-9])\s*$", RegexOptions.IgnoreCase)]
        private static partial Regex HeadingName();
    }
}
