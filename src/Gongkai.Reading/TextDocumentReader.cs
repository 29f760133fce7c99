using System.Text;
using Gongkai.Model;

namespace Gongkai.Reading;

/// <summary>
/// Reads plain text and Markdown conversions of disclosures. Three table syntaxes are recognised:
/// markdown pipe tables; tab-separated rows (several side-by-side blocks may share a row); and the
/// Word export with one cell per line (each cell line starts with a TAB, rows separated by blank lines,
/// lines without a TAB continue the previous cell).
/// </summary>
public sealed class TextDocumentReader
{
    /// <summary>Text files above this size are refused (a disclosure is well under 1 MB of text).</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    public SourceDocument Read(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new ReadException(path, ReadFailure.NotFound, $"文件不存在：{path}。请检查路径是否正确。");
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
            throw new ReadException(path, ReadFailure.TooLarge,
                $"文件过大：{path}（{info.Length / 1024 / 1024} MB，文本文件上限 {MaxBytes / 1024 / 1024} MB）。请确认这是一份预决算公开文档，或拆分后再读取。");
        return Read(path, System.IO.File.ReadAllBytes(path));
    }

    public SourceDocument Read(string path, byte[] bytes)
    {
        if (bytes.LongLength > MaxBytes)
            throw new ReadException(path, ReadFailure.TooLarge,
                $"文件过大：{path}（{bytes.LongLength / 1024 / 1024} MB，文本文件上限 {MaxBytes / 1024 / 1024} MB）。请确认这是一份预决算公开文档，或拆分后再读取。");
        var text = Decode(path, bytes);
        if (string.IsNullOrWhiteSpace(text))
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path}。没有可读取的文字内容。");
        return Parse(path, text);
    }

    /// <summary>Decode UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; refuse binary content.</summary>
    public static string Decode(string path, byte[] bytes)
    {
        if (bytes.Length == 0) return "";
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        int nul = 0, ctrl = 0, sample = Math.Min(bytes.Length, 64 * 1024);
        for (int i = 0; i < sample; i++)
        {
            byte b = bytes[i];
            if (b == 0) nul++;
            else if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) ctrl++;
        }
        if (nul > 0 || ctrl > sample / 100 + 2)
            throw new ReadException(path, ReadFailure.Binary,
                $"无法读取：{path} 不是文本文件（含二进制内容）。请提供 PDF、Word、Excel、HTML 或文本格式的公开文档。");
        try
        {
            var s = new UTF8Encoding(false, true).GetString(bytes);
            return s.Length > 0 && s[0] == '\uFEFF' ? s[1..] : s;
        }
        catch (DecoderFallbackException)
        {
            try
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            }
            catch (Exception e) when (e is DecoderFallbackException or ArgumentException or NotSupportedException)
            {
                throw new ReadException(path, ReadFailure.Binary,
                    $"无法读取：{path} 的文字编码无法识别（既不是 UTF-8 也不是 GB18030）。请另存为 UTF-8 文本后重试。", e);
            }
        }
    }

    public static SourceDocument Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var blocks = new List<SourceBlock>();
        int tableIndex = 0;
        bool markdown = false;
        int i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (IsBlank(line) || line.Trim().Length == 0 && !IsCellPerLineGroup(lines, i, out _)) { i++; continue; }
            if (IsPipeRow(line))
            {
                markdown = true;
                int start = i;
                var rows = new List<SourceRow>();
                while (i < lines.Length && IsPipeRow(lines[i]))
                {
                    if (!IsPipeSeparator(lines[i])) rows.Add(PipeRow(path, lines[i], i + 1, tableIndex, rows.Count));
                    i++;
                }
                blocks.Add(new TableBlock(rows, TableSyntax.Pipe, new Provenance(path, start + 1, TableIndex: tableIndex, Text: lines[start]), tableIndex));
                tableIndex++;
                continue;
            }
            if (StartsCellPerLineTable(lines, i))
            {
                int start = i;
                var rows = new List<SourceRow>();
                while (i < lines.Length)
                {
                    if (IsBlank(lines[i]))
                    {
                        int j = i;
                        while (j < lines.Length && IsBlank(lines[j])) j++;
                        if (j < lines.Length && IsCellPerLineGroup(lines, j, out _, 1)) { i = j; continue; }
                        break;
                    }
                    if (!IsCellPerLineGroup(lines, i, out int end, 1)) break;
                    rows.Add(CellPerLineRow(path, lines, i, end, tableIndex, rows.Count));
                    i = end;
                }
                blocks.Add(new TableBlock(rows, TableSyntax.CellPerLine, new Provenance(path, start + 1, TableIndex: tableIndex, Text: lines[start]), tableIndex));
                tableIndex++;
                continue;
            }
            if (line.IndexOf('\t') >= 0)
            {
                int start = i;
                var rows = new List<SourceRow>();
                while (i < lines.Length)
                {
                    if (lines[i].IndexOf('\t') >= 0 && !IsCellPerLineGroup(lines, i, out _))
                    {
                        rows.Add(TabRow(path, lines[i], i + 1, tableIndex, rows.Count));
                        i++;
                        continue;
                    }
                    if (string.IsNullOrWhiteSpace(lines[i]))
                    {
                        // a blank line inside a tab table (page break of the conversion): continue if the next
                        // non-blank line is another tab row.
                        int j = i;
                        while (j < lines.Length && string.IsNullOrWhiteSpace(lines[j])) j++;
                        if (j < lines.Length && j - i <= 2 && lines[j].IndexOf('\t') >= 0 && !IsCellPerLineGroup(lines, j, out _)) { i = j; continue; }
                    }
                    break;
                }
                blocks.Add(new TableBlock(rows, TableSyntax.Tab, new Provenance(path, start + 1, TableIndex: tableIndex, Text: lines[start]), tableIndex));
                tableIndex++;
                continue;
            }
            int? heading = null;
            var t = line.Trim();
            if (t.StartsWith('#'))
            {
                int h = 0;
                while (h < t.Length && t[h] == '#') h++;
                heading = h;
                t = t[h..].Trim();
                markdown = true;
            }
            else if (t.StartsWith("- ", StringComparison.Ordinal) || t.StartsWith("* ", StringComparison.Ordinal)) t = t[2..].Trim();
            t = Numbers.CleanCellText(t);
            if (t.Length > 0) blocks.Add(new TextBlock(t, new Provenance(path, i + 1, Text: line), heading));
            i++;
        }
        return new SourceDocument(path, markdown ? SourceFormat.Markdown : SourceFormat.Text, blocks);
    }

    private static bool IsPipeRow(string line)
    {
        var t = line.TrimStart();
        return t.Length >= 2 && t[0] == '|' && t.TrimEnd().EndsWith('|');
    }

    private static bool IsPipeSeparator(string line)
    {
        foreach (var c in line) if (c is not ('|' or '-' or ':' or ' ' or '\t')) return false;
        return true;
    }

    private static SourceRow PipeRow(string path, string line, int lineNo, int table, int row)
    {
        var t = line.Trim();
        var parts = t[1..^1].Split('|');
        var cells = new List<SourceCell>(parts.Length);
        for (int c = 0; c < parts.Length; c++)
        {
            var text = Numbers.CleanCellText(parts[c]);
            cells.Add(new SourceCell(text, c, new Provenance(path, lineNo, TableIndex: table, Row: row, Column: c, Text: text)));
        }
        return new SourceRow(cells, new Provenance(path, lineNo, TableIndex: table, Row: row, Text: line));
    }

    private static SourceRow TabRow(string path, string line, int lineNo, int table, int row)
    {
        var parts = line.Split('\t');
        var cells = new List<SourceCell>(parts.Length);
        for (int c = 0; c < parts.Length; c++)
        {
            var text = Numbers.CleanCellText(parts[c]);
            cells.Add(new SourceCell(text, c, new Provenance(path, lineNo, TableIndex: table, Row: row, Column: c, Text: text)));
        }
        return new SourceRow(cells, new Provenance(path, lineNo, TableIndex: table, Row: row, Text: line));
    }

    /// <summary>
    /// A group of consecutive non-blank lines is one row of the Word export when at least two of its lines
    /// start with a single TAB (one cell each) and no line holds more than one TAB.
    /// </summary>
    private static bool IsCellPerLineGroup(string[] lines, int start, out int end, int minCells = 2)
    {
        end = start;
        if (start >= lines.Length || !lines[start].StartsWith('\t')) return false;
        int cellLines = 0;
        int i = start;
        while (i < lines.Length && !IsBlank(lines[i]))
        {
            var l = lines[i];
            int tabs = 0;
            foreach (var ch in l) if (ch == '\t') tabs++;
            if (tabs > 1) return false;
            if (l.StartsWith('\t')) cellLines++;
            else if (tabs == 1) return false;
            i++;
        }
        end = i;
        return cellLines >= minCells;
    }

    /// <summary>A Word-export table starts with a row of two or more cells, or a one-cell row followed by more rows.</summary>
    private static bool StartsCellPerLineTable(string[] lines, int i)
    {
        if (IsCellPerLineGroup(lines, i, out _)) return true;
        if (!IsCellPerLineGroup(lines, i, out int end, 1)) return false;
        int j = end;
        while (j < lines.Length && IsBlank(lines[j])) j++;
        return j < lines.Length && IsCellPerLineGroup(lines, j, out _);
    }

    /// <summary>A blank line: nothing but spaces. A line holding a TAB is an (empty) cell or row, not blank.</summary>
    private static bool IsBlank(string line)
    {
        foreach (var c in line) if (c is not (' ' or '\u3000' or '\r' or '\u00a0')) return false;
        return true;
    }

    private static SourceRow CellPerLineRow(string path, string[] lines, int start, int end, int table, int row)
    {
        var cells = new List<SourceCell>();
        var sb = new StringBuilder();
        int cellLine = start;
        void Flush()
        {
            var text = Numbers.CleanCellText(sb.ToString());
            cells.Add(new SourceCell(text, cells.Count, new Provenance(path, cellLine + 1, TableIndex: table, Row: row, Column: cells.Count, Text: text)));
            sb.Clear();
        }
        for (int i = start; i < end; i++)
        {
            var l = lines[i];
            if (l.StartsWith('\t'))
            {
                if (i > start) Flush();
                cellLine = i;
                sb.Append(l.AsSpan(1));
            }
            else
            {
                sb.Append(l.Trim());
            }
        }
        Flush();
        return new SourceRow(cells, new Provenance(path, start + 1, TableIndex: table, Row: row, Text: lines[start]));
    }
}
