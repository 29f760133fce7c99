using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Gongkai.Compile.Render;

/// <summary>No CJK TrueType font could be found for the PDF.</summary>
public sealed class CjkFontNotFoundException(string message) : Exception(message);

/// <summary>Finds a TrueType (glyf) font with Chinese glyphs that PdfPig can embed.</summary>
public static class CjkFont
{
    /// <summary>Environment variable naming a .ttf file to use instead of the system search.</summary>
    public const string EnvironmentVariable = "GONGKAI_CJK_FONT";

    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",      // Debian fonts-arphic-gbsn00lp (宋体, GB 2312)
        "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",      // Debian fonts-arphic-gkai00mp (楷体, GB 2312)
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",   // fonts-droid-fallback (PdfPig 0.1.16 cannot subset it: skipped by the trial)
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttf",
        "/usr/share/fonts/truetype/msttcorefonts/simsun.ttf",
        @"C:\Windows\Fonts\simhei.ttf",
        @"C:\Windows\Fonts\simfang.ttf",
        @"C:\Windows\Fonts\simkai.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    ];

    private static readonly Lazy<(string Path, byte[] Bytes)?> _found = new(Search);

    public static (string Path, byte[] Bytes) Load() =>
        _found.Value ?? throw new CjkFontNotFoundException(
            "生成 PDF 需要一种含中文字形、可嵌入的 TrueType 字体，但本机没有找到。请安装 fonts-arphic-gbsn00lp（Debian/Ubuntu：" +
            "apt-get install fonts-arphic-gbsn00lp），或用环境变量 " + EnvironmentVariable + " 指定一个 .ttf 字体文件（如黑体 simhei.ttf）。" +
            "其余格式不受影响。");

    public static bool Available => _found.Value is not null;

    /// <summary>TrueType fonts for Latin letters, digits and general punctuation (CJK fallback fonts often lack them).</summary>
    public static readonly string[] LatinCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        @"C:\Windows\Fonts\arial.ttf",
        "/Library/Fonts/Arial.ttf",
    ];

    private static readonly Lazy<byte[]?> _latin = new(() =>
    {
        foreach (var path in LatinCandidates)
        {
            try
            {
                if (!File.Exists(path)) continue;
                var bytes = File.ReadAllBytes(path);
                if (Works(bytes, "Aa1,.%")) return bytes;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return null;
    });

    /// <summary>A Latin TrueType font, or null (then the standard Helvetica is used for ASCII).</summary>
    public static byte[]? Latin => _latin.Value;

    private static (string, byte[])? Search()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        foreach (var path in (env is { Length: > 0 } ? new[] { env } : []).Concat(Candidates))
        {
            try
            {
                if (!File.Exists(path)) continue;
                var bytes = File.ReadAllBytes(path);
                if (Works(bytes, "汇编公开表")) return (path, bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return null;
    }

    /// <summary>Whether PdfPig can embed (subset) the font and draw the sample text with it.</summary>
    private static bool Works(byte[] bytes, string sample)
    {
        try
        {
            using var probe = new PdfDocumentBuilder();
            if (!probe.CanUseTrueTypeFont(bytes, out _)) return false;
            var f = probe.AddTrueTypeFont(bytes);
            probe.AddPage(PageSize.A4).AddText(sample, 10, new PdfPoint(50, 700), f);
            probe.Build();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}

/// <summary>
/// PDF (A4) with an embedded CJK TrueType font: the narrative, then each table on its own pages (landscape when
/// wide), font size reduced and text wrapped until the table fits the page width, header rows repeated on every
/// continued page, page numbers in the footer.
/// </summary>
public sealed class PdfRenderer : IPackageRenderer
{
    public string Format => "pdf";
    public string Extension => "pdf";

    public void Render(CompiledPackage package, Stream output)
    {
        var (_, fontBytes) = CjkFont.Load();
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = package.Title;
        builder.DocumentInformation.Producer = "Gongkai";
        var latin = CjkFont.Latin is { } lb ? builder.AddTrueTypeFont(lb) : builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        new Layout(builder, () => builder.AddTrueTypeFont(fontBytes), latin).Run(package);
        var bytes = builder.Build();
        output.Write(bytes, 0, bytes.Length);
    }

    /// <summary>
    /// PdfPig 0.1.16 writes TrueType fonts as simple fonts of at most 255 characters each, so the CJK font is added
    /// once per 250 distinct characters ("slots"); every slot is subset on its own.
    /// </summary>
    private sealed class Layout(PdfDocumentBuilder builder, Func<PdfDocumentBuilder.AddedFont> addCjk, PdfDocumentBuilder.AddedFont latin)
    {
        private const int SlotSize = 250;
        private readonly Dictionary<char, PdfDocumentBuilder.AddedFont> _fontOf = new();
        private readonly List<(PdfDocumentBuilder.AddedFont Font, int Count)> _slots = new();
        private int _latinCount;

        private PdfDocumentBuilder.AddedFont CjkSlot()
        {
            if (_slots.Count == 0 || _slots[^1].Count >= SlotSize) _slots.Add((addCjk(), 0));
            return _slots[^1].Font;
        }
        private const double Margin = 50, Pad = 2.5;
        private readonly Dictionary<char, double> _widths = new();
        private PdfPageBuilder _page = null!;
        private double _y, _width, _height;
        private int _pages;

        public void Run(CompiledPackage p)
        {
            NewPage(false);
            foreach (var b in p.Blocks)
            {
                switch (b)
                {
                    case HeadingBlock h:
                        var size = h.Level switch { 1 => 17.0, 2 => 13.5, _ => 11.5 };
                        Paragraph(h.Text, size, h.Level == 1 ? Align.Center : Align.Left, indent: false, spaceBefore: h.Level == 1 ? 0 : size * 0.6, keepWithNext: true);
                        break;
                    case ParagraphBlock para:
                        Paragraph(para.Text, 10.5, Align.Left, indent: true, spaceBefore: 2);
                        break;
                    case TableBlock { Table: var t }:
                        Table(t);
                        break;
                }
            }
        }

        private enum Align { Left, Center, Right }

        /// <summary>The font that draws a character: Latin font below U+2E80 when it has the glyph, else the CJK font.</summary>
        private PdfDocumentBuilder.AddedFont FontOf(char c)
        {
            if (_fontOf.TryGetValue(c, out var f)) return f;
            bool latinFirst = c < 0x2E80 && _latinCount < SlotSize;
            for (int attempt = 0; attempt < 2; attempt++)
            {
                bool useLatin = attempt == 0 ? latinFirst : !latinFirst && _latinCount < SlotSize;
                var candidate = useLatin ? latin : CjkSlot();
                try
                {
                    var letters = _page.MeasureText(c.ToString(), 1, new PdfPoint(0, 0), candidate);
                    var w = letters.Count == 0 ? 0 : letters[0].EndBaseLine.X - letters[0].StartBaseLine.X;
                    _widths[c] = w > 0 ? w : c > 0x2E80 ? 1 : 0.5;
                    _fontOf[c] = candidate;
                    if (useLatin) _latinCount++;
                    else _slots[^1] = (_slots[^1].Font, _slots[^1].Count + 1);
                    return candidate;
                }
                catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException) { }
            }
            throw new CjkFontNotFoundException($"字体中没有字符“{c}”（U+{(int)c:X4}），无法写入 PDF。请用环境变量 {CjkFont.EnvironmentVariable} 指定字形更全的中文 TrueType 字体。");
        }

        private double W(char c, double size)
        {
            if (!_widths.ContainsKey(c)) FontOf(c);
            return _widths[c] * size;
        }

        private double Width(string s, double size) => s.Sum(c => W(c, size));

        private void NewPage(bool landscape)
        {
            _page = landscape ? builder.AddPage(842, 595) : builder.AddPage(PageSize.A4);
            _width = landscape ? 842 : 595;
            _height = landscape ? 595 : 842;
            _y = _height - Margin;
            _pages++;
            var footer = $"第 {_pages} 页";
            Text(footer, 9, (_width - Width(footer, 9)) / 2, Margin / 2);
        }

        /// <summary>Draw text, switching fonts between runs of Latin and CJK characters.</summary>
        private void Text(string s, double size, double x, double baseline)
        {
            int i = 0;
            while (i < s.Length)
            {
                var f = FontOf(s[i]);
                int j = i + 1;
                while (j < s.Length && ReferenceEquals(FontOf(s[j]), f)) j++;
                var run = s[i..j];
                if (!string.IsNullOrWhiteSpace(run)) _page.AddText(run, size, new PdfPoint(x, baseline), f);
                x += Width(run, size);
                i = j;
            }
        }

        /// <summary>Break text into lines no wider than the width (character by character; digits, Latin and closing punctuation stay together unless the run alone is wider than a line).</summary>
        private List<string> Wrap(string text, double size, double width, double firstIndent = 0)
        {
            var lines = new List<string>();
            var line = new System.Text.StringBuilder();
            double w = firstIndent, limit = width;
            int i = 0;
            while (i < text.Length)
            {
                int j = i + 1;
                if (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or ',' or '%')
                    while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '.' or ',' or '%')) j++;
                // a run wider than the whole line (a long project code) is cut where it must be, never left to overflow
                while (j - i > 1 && Width(text[i..j], size) > limit) j--;
                var token = text[i..j];
                var tw = Width(token, size);
                bool closing = token.Length == 1 && "，。；：、）”％".Contains(token[0]);
                if (w + tw > limit && line.Length > 0 && !closing)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    w = 0;
                }
                line.Append(token);
                w += tw;
                i = j;
            }
            if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
            return lines;
        }

        private void Paragraph(string text, double size, Align align, bool indent, double spaceBefore, bool keepWithNext = false)
        {
            double lh = size * 1.6;
            double usable = _width - 2 * Margin;
            var lines = Wrap(text, size, usable, indent ? 2 * size : 0);
            _y -= spaceBefore;
            if (_y - lh * (keepWithNext ? lines.Count + 2 : 1) < Margin) NewPage(false);
            for (int k = 0; k < lines.Count; k++)
            {
                if (_y - lh < Margin) NewPage(false);
                _y -= lh;
                double x = Margin + (k == 0 && indent ? 2 * size : 0);
                if (align == Align.Center) x = (_width - Width(lines[k], size)) / 2;
                Text(lines[k], size, x, _y + size * 0.3);
            }
        }

        private void Table(RenderTable t)
        {
            int cols = t.Columns.Count;
            // natural widths at 9 pt; shrink the font (down to 6 pt), then wrap text columns, until the table fits
            double size = 9;
            double[] natural(double s) => Enumerable.Range(0, cols).Select(c =>
            {
                double body = t.Rows.Select(r => Width(r.Cells[c], s)).DefaultIfEmpty(0).Max();
                double head = Enumerable.Range(0, t.HeaderRowCount).Select(h => Width(t.HeaderRow(h)[c], s)).DefaultIfEmpty(0).Max();
                return Math.Max(body, Math.Min(head, 4 * s)) + 2 * Pad;
            }).ToArray();
            var widths = natural(size);
            bool landscape = widths.Sum() > 595 - 2 * Margin && cols > 5;
            NewPage(landscape);
            double usable = _width - 2 * Margin;
            while (widths.Sum() > usable && size > 6) widths = natural(size -= 0.5);
            if (widths.Sum() > usable)
            {
                // give numeric columns their natural width, share the rest among the text columns
                double numeric = Enumerable.Range(0, cols).Where(t.IsNumeric).Sum(c => widths[c]);
                var text = Enumerable.Range(0, cols).Where(c => !t.IsNumeric(c)).ToList();
                double rest = Math.Max(usable - numeric, text.Count * 30);
                double textTotal = text.Sum(c => widths[c]);
                foreach (var c in text) widths[c] = rest * widths[c] / textTotal;
                if (widths.Sum() > usable) { var k = usable / widths.Sum(); for (int c = 0; c < cols; c++) widths[c] *= k; }
            }
            else
            {
                // spread the spare width over the columns, in proportion to their widths
                double spare = usable - widths.Sum(), total = widths.Sum();
                for (int c = 0; c < cols; c++) widths[c] += spare * widths[c] / total;
            }
            var x0 = new double[cols + 1];
            x0[0] = Margin;
            for (int c = 0; c < cols; c++) x0[c + 1] = x0[c] + widths[c];
            double lh = size * 1.35;

            void Caption(bool continued)
            {
                Text(t.Label, 9, _width - Margin - Width(t.Label, 9), _y - 9);
                _y -= 16;
                var title = continued ? t.Title + "（续）" : t.Title;
                Text(title, 13, (_width - Width(title, 13)) / 2, _y - 13);
                _y -= 22;
                Text(t.UnitLine, 9, _width - Margin - Width(t.UnitLine, 9), _y - 9);
                _y -= 14;
                if (t.UnitNameLine is { } un)
                {
                    Text(un, 9, Margin, _y - 9);
                    _y -= 14;
                }
            }

            // header layout
            var header = HeaderLayout.Cells(t);
            int hr = t.HeaderRowCount;
            var rowH = new double[hr];
            for (int h = 0; h < hr; h++)
                rowH[h] = header[h].Where(c => c.RowSpan == 1).Select(c => Wrap(c.Text, size, Span(c) - 2 * Pad).Count * lh + 2 * Pad).DefaultIfEmpty(lh + 2 * Pad).Max();
            foreach (var c in header.SelectMany(x => x).Where(c => c.RowSpan > 1))
            {
                double need = Wrap(c.Text, size, Span(c) - 2 * Pad).Count * lh + 2 * Pad;
                double have = Enumerable.Range(c.Row, c.RowSpan).Sum(i => rowH[i]);
                if (need > have) rowH[c.Row + c.RowSpan - 1] += need - have;
            }
            double Span(HeaderCell c) => x0[c.Column + c.ColSpan] - x0[c.Column];

            void Header()
            {
                double top = _y;
                var rowTop = new double[hr + 1];
                rowTop[0] = top;
                for (int h = 0; h < hr; h++) rowTop[h + 1] = rowTop[h] - rowH[h];
                foreach (var c in header.SelectMany(x => x))
                {
                    double y1 = rowTop[c.Row], y2 = rowTop[c.Row + c.RowSpan];
                    double x1 = x0[c.Column], w = Span(c);
                    _page.SetTextAndFillColor(235, 235, 235);
                    _page.DrawRectangle(new PdfPoint(x1, y2), w, y1 - y2, 0.5, true);
                    _page.ResetColor();
                    _page.DrawRectangle(new PdfPoint(x1, y2), w, y1 - y2, 0.5, false);
                    var lines = Wrap(c.Text, size, w - 2 * Pad);
                    double textTop = (y1 + y2) / 2 + lines.Count * lh / 2;
                    for (int k = 0; k < lines.Count; k++)
                        Text(lines[k], size, x1 + (w - Width(lines[k], size)) / 2, textTop - (k + 1) * lh + size * 0.3);
                }
                _y = rowTop[hr];
            }

            Caption(false);
            Header();
            foreach (var r in t.Rows)
            {
                var cellLines = Enumerable.Range(0, cols).Select(c => t.IsNumeric(c) ? [r.Cells[c]] : Wrap(r.Cells[c], size, widths[c] - 2 * Pad)).ToArray();
                double h = cellLines.Max(l => l.Count) * lh + 2 * Pad;
                if (_y - h < Margin)
                {
                    NewPage(landscape);
                    Caption(true);
                    Header();
                }
                for (int c = 0; c < cols; c++)
                {
                    _page.DrawRectangle(new PdfPoint(x0[c], _y - h), widths[c], h, 0.5, false);
                    for (int k = 0; k < cellLines[c].Count; k++)
                    {
                        var s = cellLines[c][k];
                        double x = t.IsNumeric(c) ? x0[c + 1] - Pad - Width(s, size) : x0[c] + Pad;
                        Text(s, size, x, _y - Pad - (k + 1) * lh + size * 0.3);
                    }
                }
                _y -= h;
            }
            _y -= 6;
            foreach (var n in t.Notes)
            {
                foreach (var line in Wrap(n, 9, usable))
                {
                    if (_y - 14 < Margin) NewPage(landscape);
                    _y -= 14;
                    Text(line, 9, Margin, _y + 3);
                }
            }
        }
    }
}
