using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Gongkai.Compile.Render;

/// <summary>
/// PDF (A4) with embedded, subset CJK faces (see <see cref="CjkFont"/>): a 标宋-style title, 黑体 headings, 仿宋 body,
/// digits from the same family. Narrative paragraphs are justified and broken by the CJK rules (no closing punctuation
/// at a line start, no opening one at a line end); a heading never stays at a page foot (it moves with the table or the
/// lines that follow). Core tables start on their own page (landscape when they do not fit portrait); tables without a
/// model (绩效) follow each other when they fit. Columns are measured: amounts get the width of their widest figure
/// and are right-aligned; text columns share the rest and wrap (balanced, no line of one character where it can be
/// avoided); section rows span the table, a form's labels are merged down their rows (and repeated on a continued
/// page); a form a few rows longer than a page is set smaller to fit it; the caption and header
/// rows repeat on continued pages; page numbers in the footer. Pages are created on first use, so none is blank.
/// </summary>
public sealed class PdfRenderer : IPackageRenderer
{
    public string Format => "pdf";
    public string Extension => "pdf";

    public void Render(CompiledPackage package, Stream output)
    {
        CjkFont.Face(FaceRole.Body); // throws the Chinese message when there is no face at all
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = package.Title;
        builder.DocumentInformation.Producer = "Gongkai";
        new Layout(builder).Run(package);
        var bytes = builder.Build();
        output.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Characters that must not start a line.</summary>
    internal const string NoLineStart = "，。、；：？！）》”’】〕」』％…,.;:?!)%";
    /// <summary>Characters that must not end a line.</summary>
    internal const string NoLineEnd = "（《“‘【〔「『(";

    /// <summary>
    /// Lays out and draws. PdfPig 0.1.16 writes TrueType fonts as simple fonts of at most 255 characters each, so a
    /// face is added once per 250 distinct characters ("slots"); every slot is subset on its own.
    /// </summary>
    private sealed class Layout(PdfDocumentBuilder builder)
    {
        private const int SlotSize = 250;
        private const double Margin = 56, Pad = 2.5, BodySize = 12, LineFactor = 1.6;

        /// <summary>A face's slots in the document, its characters, and a scratch document to measure glyphs in.</summary>
        private sealed class FaceSlots(PdfFace face)
        {
            public PdfFace Face { get; } = face;
            public List<(PdfDocumentBuilder.AddedFont Font, int Count)> Slots { get; } = new();
            public Dictionary<char, (PdfDocumentBuilder.AddedFont Font, double Width)> Chars { get; } = new();
            private PdfDocumentBuilder? _scratch;
            private PdfDocumentBuilder.AddedFont? _scratchFont;
            private PdfPageBuilder? _scratchPage;

            private readonly FontMetrics? _metrics = FontMetrics.Of(face);

            /// <summary>The face with only the outlines of the document's characters (all of them when its tables cannot be read).</summary>
            public byte[] Pruned(HashSet<char> chars) =>
                _metrics is null ? Face.Bytes : GlyphPruner.Keep(Face.Bytes, chars.Select(_metrics.GlyphOf).OfType<int>());

            /// <summary>The advance width of a character at 1 pt, or null when the face lacks it.</summary>
            public double? Measure(char c)
            {
                if (_metrics is not null)
                {
                    if (_metrics.Advance(c) is not { } a) return null;
                    return a > 0 ? a : char.IsWhiteSpace(c) ? 0.25 : null;
                }
                if (_scratch is null)
                {
                    _scratch = new PdfDocumentBuilder();
                    _scratchFont = _scratch.AddTrueTypeFont(Face.Bytes);
                    _scratchPage = _scratch.AddPage(PageSize.A4);
                }
                try
                {
                    var letters = _scratchPage!.MeasureText(c.ToString(), 1, new PdfPoint(0, 0), _scratchFont!);
                    var w = letters.Count == 0 ? 0 : letters[0].EndBaseLine.X - letters[0].StartBaseLine.X;
                    if (w <= 0 && !char.IsWhiteSpace(c)) return null;
                    return w > 0 ? w : 0.5;
                }
                catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or KeyNotFoundException)
                {
                    return null;
                }
            }
        }

        private readonly Dictionary<string, FaceSlots> _faces = new();
        private readonly Dictionary<(FaceRole, char), (PdfDocumentBuilder.AddedFont Font, double Width)> _glyph = new();

        private PdfPageBuilder? _page;
        private bool _landscape;
        private double _y, _width = 595, _height = 842;
        private int _pages;

        /// <summary>Every character the document may draw: the package's texts and the renderer's own.</summary>
        private readonly HashSet<char> _chars = new();

        private void CollectCharacters(CompiledPackage p)
        {
            void Add(string? s) { if (s is not null) foreach (var c in s) _chars.Add(c); }
            for (char c = ' '; c <= '~'; c++) _chars.Add(c);
            Add("（续）—第页，。、；：？！（）《》“”‘’％…·" + Contents.Heading);
            foreach (var e in Contents.Entries(p)) Add(e.Text);
            foreach (var b in p.Blocks)
            {
                switch (b)
                {
                    case HeadingBlock h: Add(h.Text); break;
                    case ParagraphBlock para: Add(para.Text); break;
                    case TableBlock { Table: var t }:
                        Add(t.Label); Add(t.Title); Add(t.UnitLine); Add(t.UnitNameLine);
                        foreach (var c in t.Columns) foreach (var h in c.Header) Add(h);
                        foreach (var r in t.Rows) foreach (var cell in r.Cells) Add(cell);
                        foreach (var n in t.Notes) Add(n);
                        break;
                }
            }
        }

        /// <summary>The page each block starts on (headings and tables), for the 目录.</summary>
        private readonly Dictionary<int, int> _pageOf = new();
        /// <summary>The page on which the last table drawn starts.</summary>
        private int _tableStart;
        /// <summary>The 目录 lines reserved after the title, drawn once every page number is known.</summary>
        private readonly List<(ContentsEntry Entry, PdfPageBuilder Page, double Baseline)> _contents = new();

        public void Run(CompiledPackage p)
        {
            CollectCharacters(p);
            StartPage(false);
            var blocks = p.Blocks;
            int start = 0;
            var entries = Contents.Entries(p);
            if (entries.Count > 0)
            {
                // the title, then the 目录 (its page numbers filled in at the end); the parts start on a new page
                Heading((HeadingBlock)blocks[0]);
                _pageOf[0] = _pages;
                ReserveContents(entries);
                StartPage(false);
                start = 1;
            }
            for (int i = start; i < blocks.Count; i++)
            {
                switch (blocks[i])
                {
                    case HeadingBlock h:
                        // keep with next: the headings of a run move with the table or the first lines that follow them
                        int j = i;
                        while (j < blocks.Count && blocks[j] is HeadingBlock) j++;
                        var run = blocks.Skip(i).Take(j - i).Cast<HeadingBlock>().ToList();
                        if (j < blocks.Count && blocks[j] is TableBlock { Table: var next })
                        {
                            var plan = Plan(next);
                            if (StartsOwnPage(next) || _landscape != plan.Landscape || !Fits(HeadingsHeight(run) + plan.MinHeight)) StartPage(plan.Landscape);
                            for (int k = 0; k < run.Count; k++) { Heading(run[k]); _pageOf[i + k] = _pages; }
                            Table(next, plan, headed: true);
                            _pageOf[j] = _tableStart;
                            i = j;
                            break;
                        }
                        double after = j < blocks.Count && blocks[j] is ParagraphBlock para ? Math.Min(2, Wrap(para.Text, FaceRole.Body, BodySize, Usable, 2 * BodySize).Count) * BodySize * LineFactor : 0;
                        _previousFlows = false;
                        if (!Fits(HeadingsHeight(run) + after)) StartPage(false);
                        for (int k = 0; k < run.Count; k++) { Heading(run[k]); _pageOf[i + k] = _pages; }
                        i = j - 1;
                        break;
                    case ParagraphBlock body:
                        _previousFlows = false;
                        Paragraph(body.Text);
                        break;
                    case TableBlock { Table: var t }:
                        Table(t, Plan(t), headed: false);
                        _pageOf[i] = _tableStart;
                        break;
                }
            }
            DrawContents();
        }

        // ---- 目录 ------------------------------------------------------------------------------------------------

        private const double ContentsSize = 12;

        /// <summary>The 目录 heading and one line per entry, reserved on as many pages as it takes.</summary>
        private void ReserveContents(List<ContentsEntry> entries)
        {
            double size = HeadingSize(2), lh = ContentsSize * LineFactor;
            _y -= size * 1.2;
            if (!Fits(size * LineFactor + lh)) StartPage(false);
            _y -= size * LineFactor;
            DrawText(Contents.Heading, FaceRole.Heading, size, (_width - Width(Contents.Heading, FaceRole.Heading, size)) / 2, _y + size * 0.35);
            _y -= size * 0.4;
            foreach (var e in entries)
            {
                if (!Fits(lh)) StartPage(false);
                var page = Page;
                _y -= lh;
                _contents.Add((e, page, _y + ContentsSize * 0.3));
            }
        }

        /// <summary>Each 目录 line in the body face: the entry (a section or table indented two characters), dot leaders, its page number on the right.</summary>
        private void DrawContents()
        {
            const double size = ContentsSize;
            double right = 595 - Margin;
            foreach (var (e, page, baseline) in _contents)
            {
                if (!_pageOf.TryGetValue(e.Block, out var number)) continue;
                var role = FaceRole.Body;
                var num = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                double left = Margin + e.Level * 2 * size, numW = Width(num, FaceRole.Body, size), dot = Width(".", FaceRole.Body, size);
                double room = right - numW - left - 4 * dot;
                var text = e.Text;
                double textSize = Width(text, role, size) > room ? size * room / Width(text, role, size) : size;
                _page = page;
                DrawText(text, role, textSize, left, baseline);
                double from = left + Width(text, role, textSize) + dot, to = right - numW - dot;
                int dots = (int)Math.Floor((to - from) / dot);
                if (dots > 0) DrawText(new string('.', dots), FaceRole.Body, size, to - dots * dot, baseline);
                DrawText(num, FaceRole.Body, size, right - numW, baseline);
            }
            _page = null;
        }

        private double Usable => _width - 2 * Margin;
        private bool Fits(double height) => _y - height >= Margin;

        // ---- pages -------------------------------------------------------------------------------------------------

        /// <summary>Starts a new page of the orientation; the page itself is created when something is drawn on it.</summary>
        private void StartPage(bool landscape)
        {
            if (_page is null && _pages > 0 && _landscape == landscape && _y == _height - Margin) return;
            _page = null;
            _landscape = landscape;
            _width = landscape ? 842 : 595;
            _height = landscape ? 595 : 842;
            _y = _height - Margin;
        }

        private PdfPageBuilder Page
        {
            get
            {
                if (_page is not null) return _page;
                _page = _landscape ? builder.AddPage(842, 595) : builder.AddPage(PageSize.A4);
                _pages++;
                var footer = $"— {_pages} —";
                DrawText(footer, FaceRole.Body, 10.5, (_width - Width(footer, FaceRole.Body, 10.5)) / 2, Margin / 2);
                return _page;
            }
        }

        private bool PageIsFresh => _y >= _height - Margin - 0.01;

        // ---- glyphs ------------------------------------------------------------------------------------------------

        private FaceSlots SlotsOf(PdfFace face)
        {
            if (!_faces.TryGetValue(face.Path, out var s)) _faces[face.Path] = s = new FaceSlots(face);
            return s;
        }

        /// <summary>The faces to try for a character of a role: the role's face, the body face, the fallback CJK font, the Latin font.</summary>
        private static IEnumerable<PdfFace> Chain(FaceRole role)
        {
            var seen = new HashSet<string>();
            foreach (var f in new[] { CjkFont.Preferred(role), CjkFont.Preferred(FaceRole.Body), CjkFont.Fallback, CjkFont.Latin })
                if (f is not null && seen.Add(f.Path)) yield return f;
        }

        private (PdfDocumentBuilder.AddedFont Font, double Width) Glyph(FaceRole role, char c)
        {
            if (_glyph.TryGetValue((role, c), out var g)) return g;
            foreach (var face in Chain(role))
            {
                var slots = SlotsOf(face);
                if (slots.Chars.TryGetValue(c, out g)) return _glyph[(role, c)] = g;
                if (slots.Measure(c) is not { } w) continue;
                // a character outside the document's set (not expected) gets a slot whose font keeps its outline
                bool unforeseen = _chars.Add(c);
                if (slots.Slots.Count == 0 || slots.Slots[^1].Count >= SlotSize || unforeseen) slots.Slots.Add((builder.AddTrueTypeFont(slots.Pruned(_chars)), 0));
                var font = slots.Slots[^1].Font;
                slots.Slots[^1] = (font, slots.Slots[^1].Count + 1);
                return _glyph[(role, c)] = slots.Chars[c] = (font, w);
            }
            throw new CjkFontNotFoundException($"字体中没有字符“{c}”（U+{(int)c:X4}），无法写入 PDF。请用环境变量 {CjkFont.EnvironmentVariable} 指定字形更全的中文 TrueType 字体。");
        }

        private double Width(string s, FaceRole role, double size) => s.Sum(c => Glyph(role, c).Width) * size;

        /// <summary>Draws text at a baseline (PDF coordinates), switching fonts between runs; extra space after each character justifies a line.</summary>
        private void DrawText(string s, FaceRole role, double size, double x, double baseline, double spacing = 0)
        {
            var page = Page;
            int i = 0;
            while (i < s.Length)
            {
                var f = Glyph(role, s[i]).Font;
                int j = i + 1;
                if (spacing == 0)
                    while (j < s.Length && Glyph(role, s[j]).Font.Equals(f)) j++;
                var run = s[i..j];
                if (!string.IsNullOrWhiteSpace(run)) page.AddText(run, size, new PdfPoint(x, baseline), f);
                x += Width(run, role, size) + spacing * run.Length;
                i = j;
            }
        }

        // ---- text --------------------------------------------------------------------------------------------------

        /// <summary>
        /// Breaks text into lines no wider than the width, only at spaces and CJK boundaries: a word of ASCII letters,
        /// digits and figure marks (<see cref="TextBreaks"/>) stays whole — wider than the line it has a line of its own,
        /// split only where <paramref name="split"/> allows (narrative; a table cell shrinks its font instead). A closing
        /// punctuation mark never starts a line (the character before it moves down with it) and an opening one never
        /// ends a line.
        /// </summary>
        private List<string> Wrap(string text, FaceRole role, double size, double width, double firstIndent = 0, bool split = true)
        {
            var tokens = new List<string>();
            foreach (var word in TextBreaks.Tokens(text))
            {
                var rest = word;
                while (split && rest.Length > 1 && Width(rest, role, size) > width)
                {
                    int j = rest.Length - 1;
                    while (j > 1 && Width(rest[..j], role, size) > width) j--;
                    tokens.Add(rest[..j]);
                    rest = rest[j..];
                }
                tokens.Add(rest);
            }
            var lines = new List<string>();
            var cur = new List<string>();
            double w = firstIndent;
            foreach (var tok in tokens)
            {
                double tw = Width(tok, role, size);
                if (cur.Count > 0 && w + tw > width + 0.01 && !(tok == " "))
                {
                    var carry = new List<string>();
                    if (NoLineStart.Contains(tok[0]))
                        while (cur.Count > 1 && (carry.Count == 0 || NoLineStart.Contains(carry[0][0]))) { carry.Insert(0, cur[^1]); cur.RemoveAt(cur.Count - 1); }
                    while (cur.Count > 1 && NoLineEnd.Contains(cur[^1][^1])) { carry.Insert(0, cur[^1]); cur.RemoveAt(cur.Count - 1); }
                    lines.Add(string.Concat(cur).TrimEnd());
                    cur = carry;
                    w = carry.Sum(x => Width(x, role, size));
                }
                cur.Add(tok);
                w += tw;
            }
            if (cur.Count > 0 || lines.Count == 0) lines.Add(string.Concat(cur).TrimEnd());
            return lines;
        }

        /// <summary>
        /// A table cell's lines: as <see cref="Wrap"/> without splitting words, but when the last line would hold a single
        /// character (对附属单位补助支 / 出) the lines are balanced — broken at the narrowest width that keeps their number —
        /// so that no line is left with one character where it can be avoided.
        /// </summary>
        private List<string> CellLines(string text, FaceRole role, double size, double width)
        {
            var lines = Wrap(text, role, size, width, split: false);
            if (lines.Count < 2 || Visible(lines[^1]) > 1) return lines;
            // the same number of lines, each within the width, with the least squared slack (so the lines come out
            // even: 4 + 3 + 3 + 3 rather than 4 + 4 + 4 + 1), breaking only where the CJK rules allow
            var tokens = TextBreaks.Tokens(text).ToList();
            int m = tokens.Count, n = lines.Count;
            string Line(int j, int i) => string.Concat(tokens.Skip(j).Take(i - j)).Trim();
            bool BreakBefore(int j) => j == 0 || tokens[j] != " " && !NoLineStart.Contains(tokens[j][0]) && !NoLineEnd.Contains(tokens[j - 1][^1]);
            var cost = new double[n + 1, m + 1];
            var from = new int[n + 1, m + 1];
            for (int k = 0; k <= n; k++) for (int i = 0; i <= m; i++) cost[k, i] = double.PositiveInfinity;
            cost[0, 0] = 0;
            for (int k = 1; k <= n; k++)
                for (int i = 1; i <= m; i++)
                    for (int j = i - 1; j >= 0; j--)
                    {
                        double lw = Width(Line(j, i), role, size);
                        if (lw > width + 0.01) break;
                        if (double.IsPositiveInfinity(cost[k - 1, j]) || !BreakBefore(j)) continue;
                        double c = cost[k - 1, j] + (width - lw) * (width - lw);
                        if (c < cost[k, i]) { cost[k, i] = c; from[k, i] = j; }
                    }
            if (double.IsPositiveInfinity(cost[n, m])) return lines;
            var balanced = new List<string>();
            for (int k = n, i = m; k > 0; i = from[k, i], k--) balanced.Insert(0, Line(from[k, i], i));
            return Visible(balanced[^1]) > 1 && balanced.All(l => l.Length > 0) ? balanced : lines;
        }

        /// <summary>The characters of a line that are not punctuation.</summary>
        private static int Visible(string line) => line.Count(c => !char.IsWhiteSpace(c) && !NoLineStart.Contains(c) && !NoLineEnd.Contains(c) && c != '：' && c != ':');

        /// <summary>Draws one line of a table cell; a line wider than the room (an unbreakable word in a column that
        /// could not be made wide enough) is drawn in a smaller size rather than split or clipped.</summary>
        private void DrawCellLine(string s, FaceRole role, double size, double left, double room, double baseline, bool right, bool centre = false)
        {
            double w = Width(s, role, size);
            if (w > room + 0.01) { size *= room / w; w = room; }
            double x = right ? left + room - w : centre ? left + (room - w) / 2 : left;
            DrawText(s, role, size, x, baseline);
        }

        private double HeadingSize(int level) => level switch { 1 => 20, 2 => 15, _ => 13 };
        private static FaceRole HeadingRole(int level) => level == 1 ? FaceRole.Title : FaceRole.Heading;

        private double HeadingsHeight(IEnumerable<HeadingBlock> run) =>
            run.Sum(h => Wrap(h.Text, HeadingRole(h.Level), HeadingSize(h.Level), Usable).Count * HeadingSize(h.Level) * LineFactor + HeadingSize(h.Level) * 0.6);

        private void Heading(HeadingBlock h)
        {
            double size = HeadingSize(h.Level);
            var role = HeadingRole(h.Level);
            var lines = Wrap(h.Text, role, size, Usable);
            if (!PageIsFresh) _y -= size * (h.Level == 1 ? 0.3 : 0.6);
            double lh = size * LineFactor;
            foreach (var line in lines)
            {
                if (!Fits(lh)) StartPage(_landscape);
                _y -= lh;
                double x = h.Level == 1 ? (_width - Width(line, role, size)) / 2 : Margin;
                DrawText(line, role, size, x, _y + size * 0.35);
            }
            if (h.Level == 1) _y -= size * 0.8;
        }

        /// <summary>A justified body paragraph with a two-character first-line indent; at least two lines stay together at a page foot.</summary>
        private void Paragraph(string text)
        {
            double size = BodySize, lh = size * LineFactor, indent = 2 * size;
            var lines = Wrap(text, FaceRole.Body, size, Usable, indent);
            _y -= 2;
            if (!Fits(lh * Math.Min(2, lines.Count))) StartPage(_landscape);
            for (int k = 0; k < lines.Count; k++)
            {
                if (!Fits(lh)) StartPage(_landscape);
                _y -= lh;
                double x = Margin + (k == 0 ? indent : 0);
                double spacing = 0;
                if (k < lines.Count - 1 && lines[k].Length > 1)
                {
                    double free = Margin + Usable - x - Width(lines[k], FaceRole.Body, size);
                    if (free > 0 && free < size * 2) spacing = free / (lines[k].Length - 1);
                }
                DrawText(lines[k], FaceRole.Body, size, x, _y + size * 0.3, spacing);
            }
        }

        // ---- tables ------------------------------------------------------------------------------------------------

        private sealed record TablePlan(double Size, double[] Widths, bool Landscape, double MinHeight);

        private static bool StartsOwnPage(RenderTable t) => !t.NoModel;

        /// <summary>The block before is a table without a model (绩效): the next such table may follow it on the page.</summary>
        private bool _previousFlows;

        /// <summary>
        /// Column widths: each amount column gets its widest figure; a text column wants its longest text but needs at
        /// least its widest unbreakable word and its header's longest word (up to four characters); the font shrinks from 9 pt until the needs fit, the
        /// text columns share what is left in proportion to what they want. Landscape when a portrait page cannot hold
        /// the figures at 8 pt (or when the table says so).
        /// </summary>
        private TablePlan Plan(RenderTable t, double maxSize = 9)
        {
            int cols = t.Columns.Count;
            bool Amount(int c) => t.IsNumeric(c) || t.Rows.Where((r, i) => !t.IsSectionRow(i) && r.Cells[c].Length > 0).All(r => t.IsAmountCell(c, r.Cells[c])) && t.Rows.Any(r => r.Cells[c].Length > 0);
            var amount = Enumerable.Range(0, cols).Select(Amount).ToArray();
            // a merged cell (span of several columns) asks nothing of any one column
            var single = BodyLayout.Cells(t, mergeDown: false).SelectMany(x => x).Where(x => x.ColSpan == 1 && !t.IsSectionRow(x.Row)).ToLookup(x => x.Column, x => t.Rows[x.Row]);
            (double[] Want, double[] Need) Measure(double s)
            {
                var want = new double[cols];
                var need = new double[cols];
                for (int c = 0; c < cols; c++)
                {
                    var rows = single[c].ToList();
                    double body = rows.Select(r => Width(r.Cells[c], FaceRole.TableText, s)).DefaultIfEmpty(0).Max();
                    double word = rows.SelectMany(r => TextBreaks.Words(r.Cells[c])).Select(x => Width(x, FaceRole.TableText, s)).DefaultIfEmpty(0).Max();
                    var headTexts = Enumerable.Range(0, t.HeaderRowCount).Select(h => t.HeaderRow(h)[c]).ToList();
                    double headWord = headTexts.Select(h => Width(h.Length > 4 ? h[..4] : h, FaceRole.TableHeader, s)).DefaultIfEmpty(0).Max();
                    double head = headTexts.Select(h => Width(h, FaceRole.TableHeader, s)).DefaultIfEmpty(0).Max();
                    bool code = t.Columns[c].Role == ColumnRole.Code;
                    double figures = rows.Where(r => code || t.IsAmountCell(c, r.Cells[c])).Select(r => Width(r.Cells[c], FaceRole.TableText, s)).DefaultIfEmpty(0).Max();
                    need[c] = Math.Max(Math.Max(amount[c] || code ? body : Math.Max(figures, Math.Min(body, 4 * s)), headWord), word) + 2 * Pad;
                    want[c] = Math.Max(Math.Max(body, Math.Min(head, (amount[c] || code ? 4 : 8) * s)), need[c] - 2 * Pad) + 2 * Pad;
                }
                return (want, need);
            }
            double size = maxSize;
            var (w9, n9) = Measure(size);
            double portrait = 595 - 2 * Margin;
            bool landscape = t.Landscape ?? (cols > 4 && (Measure(8).Need.Sum() > portrait || Measure(9).Want.Sum() > portrait * 1.15));
            double usable = (landscape ? 842 : 595) - 2 * Margin;
            var (want, need) = (w9, n9);
            while (need.Sum() > usable && size > 6.5) (want, need) = Measure(size -= 0.5);
            var widths = ColumnFit.Distribute(need, want, usable);
            double lh = size * 1.35;
            double captionHeight = 16 + 26 + 14;
            double minHeight = captionHeight + t.HeaderRowCount * (lh + 2 * Pad) * 1.5 + Math.Min(3, t.Rows.Count) * (lh + 2 * Pad);
            return new TablePlan(size, widths, landscape, minHeight);
        }

        private void Table(RenderTable t, TablePlan plan, bool headed)
        {
            int cols = t.Columns.Count;
            double size = plan.Size, lh = size * 1.35;
            var widths = plan.Widths;

            var x0 = new double[cols + 1];
            double left = (_width - widths.Sum()) / 2;
            void Columns()
            {
                left = (_width - widths.Sum()) / 2;
                x0[0] = left;
                for (int c = 0; c < cols; c++) x0[c + 1] = x0[c] + widths[c];
            }

            // the merged cells and the lines of every cell, measured once; a label merged down its rows (资金来源, 年度绩效目标)
            // asks its rows together for its height, the last of them grows when they are not high enough
            var body = BodyLayout.Cells(t);
            var covered = BodyLayout.Covering(t, body);
            double CellWidth(BodyCell c) => widths.Skip(c.Column).Take(c.ColSpan).Sum();
            var rowLines = body.Select(row => row.Select(c => t.IsSectionRow(c.Row)
                ? Wrap(c.Text, FaceRole.TableHeader, size, CellWidth(c) - 2 * Pad)
                : t.IsAmountCell(t.Rows[c.Row], c.Column) ? [c.Text] : CellLines(c.Text, FaceRole.TableText, size, CellWidth(c) - 2 * Pad)).ToArray()).ToList();
            var rowHeight = rowLines.Select((l, i) => l.Where((x, k) => body[i][k].RowSpan == 1).Select(x => x.Count).DefaultIfEmpty(1).Max() * lh + 2 * Pad).ToList();
            for (int i = 0; i < body.Count; i++)
                for (int k = 0; k < body[i].Count; k++)
                {
                    var bc = body[i][k];
                    if (bc.RowSpan < 2) continue;
                    double need = rowLines[i][k].Count * lh + 2 * Pad, have = Enumerable.Range(i, bc.RowSpan).Sum(m => rowHeight[m]);
                    if (need > have) rowHeight[i + bc.RowSpan - 1] += need - have;
                }

            var header = HeaderLayout.Cells(t);
            int hr = t.HeaderRowCount;
            double Span(HeaderCell c) => widths.Skip(c.Column).Take(c.ColSpan).Sum();
            var rowH = new double[hr];
            for (int h = 0; h < hr; h++)
                rowH[h] = header[h].Where(c => c.RowSpan == 1).Select(c => CellLines(c.Text, FaceRole.TableHeader, size, Span(c) - 2 * Pad).Count * lh + 2 * Pad).DefaultIfEmpty(lh + 2 * Pad).Max();
            foreach (var c in header.SelectMany(x => x).Where(c => c.RowSpan > 1))
            {
                double need = CellLines(c.Text, FaceRole.TableHeader, size, Span(c) - 2 * Pad).Count * lh + 2 * Pad;
                double have = Enumerable.Range(c.Row, c.RowSpan).Sum(i => rowH[i]);
                if (need > have) rowH[c.Row + c.RowSpan - 1] += need - have;
            }
            double headerHeight = rowH.Sum();
            const double captionHeight = 16 + 26 + 14;

            // where the table starts: a core table on its own page; a 绩效 table after the previous one when it fits whole
            double whole = captionHeight + headerHeight + rowHeight.Sum() + t.Notes.Count * 14 + 8;
            // a form (绩效) that runs a few rows past one page is set smaller to fit it, rather than leave those rows on a
            // page of their own
            double pageRoom = (plan.Landscape ? 595 : 842) - 2 * Margin - (headed ? _height - Margin - _y : 0);
            if (t.NoModel && whole > pageRoom && whole <= pageRoom * 1.3 && plan.Size > 7)
            {
                Table(t, Plan(t, plan.Size - 0.5), headed);
                return;
            }
            if (!headed)
            {
                bool own = StartsOwnPage(t) || !_previousFlows || _landscape != plan.Landscape || !Fits(whole + 12);
                if (own) StartPage(plan.Landscape);
                else if (!PageIsFresh) _y -= 18;
            }
            else if (_landscape != plan.Landscape) StartPage(plan.Landscape);
            Columns();

            void Caption(bool continued)
            {
                double right = left + widths.Sum();
                DrawText(t.Label, FaceRole.Body, 9, right - Width(t.Label, FaceRole.Body, 9), _y - 9);
                _y -= 16;
                var title = continued ? t.Title + "（续）" : t.Title;
                foreach (var line in Wrap(title, FaceRole.Title, 14, widths.Sum()))
                {
                    DrawText(line, FaceRole.Title, 14, (_width - Width(line, FaceRole.Title, 14)) / 2, _y - 15);
                    _y -= 24;
                }
                _y -= 2;
                // the 编制单位 line on the left of the unit line, as the regions print it
                if (t.UnitNameLine is { } un) DrawText(un, FaceRole.Body, 9, left, _y - 9);
                DrawText(t.UnitLine, FaceRole.Body, 9, right - Width(t.UnitLine, FaceRole.Body, 9), _y - 9);
                _y -= 14;
            }

            void Header()
            {
                var rowTop = new double[hr + 1];
                rowTop[0] = _y;
                for (int h = 0; h < hr; h++) rowTop[h + 1] = rowTop[h] - rowH[h];
                var page = Page;
                foreach (var c in header.SelectMany(x => x))
                {
                    double y1 = rowTop[c.Row], y2 = rowTop[c.Row + c.RowSpan];
                    double x1 = x0[c.Column], w = Span(c);
                    page.SetTextAndFillColor(238, 238, 238);
                    page.DrawRectangle(new PdfPoint(x1, y2), w, y1 - y2, 0.5, true);
                    page.ResetColor();
                    page.DrawRectangle(new PdfPoint(x1, y2), w, y1 - y2, 0.5, false);
                    var lines = CellLines(c.Text, FaceRole.TableHeader, size, w - 2 * Pad);
                    double textTop = (y1 + y2) / 2 + lines.Count * lh / 2;
                    for (int k = 0; k < lines.Count; k++)
                        DrawCellLine(lines[k], FaceRole.TableHeader, size, x1 + Pad, w - 2 * Pad, textTop - (k + 1) * lh + size * 0.3, right: false, centre: true);
                }
                _y = rowTop[hr];
            }

            Caption(false);
            _tableStart = _pages;
            Header();
            double topOfRows = _y;
            int n = t.Rows.Count, onPage = 0;
            // a form's runs of rows that belong together (a merged label with its rows, a section), by first row: those that
            // fit a continued page are kept whole, so a section that does not fit the rest of a page starts the next one
            double freshRoom = (plan.Landscape ? 595 : 842) - 2 * Margin - captionHeight - (t.NoModel ? 0 : headerHeight);
            var units = BodyLayout.KeepUnits(t, body)
                .Select(u => (u.Start, Height: Enumerable.Range(u.Start, u.End - u.Start + 1).Sum(m => rowHeight[m])))
                .Where(u => u.Height <= freshRoom).ToLookup(u => u.Start, u => u.Height);
            // whether row i moves to a new page when it would start at y with `before` rows already on the page: it does
            // not fit; a section row does not fit with the row after it; a run that belongs together does not fit; the last
            // row would be left alone on the next page
            bool Breaks(int i, double y, int before)
            {
                double room = y - Margin, h = rowHeight[i];
                if (h > room) return true;
                if (t.IsSectionRow(i) && i + 1 < n && i > 0 && h + rowHeight[i + 1] > room) return true;
                if (before >= 1 && units[i].Any(u => u > room)) return true;
                return i == n - 2 && before >= 2 && h + rowHeight[n - 1] > room;
            }
            // the merged cells open on this page, with the top of their part on it: their label is drawn centred in
            // that part when it ends (the span's last row, or the page foot), so a continued page repeats it
            var open = new List<(BodyCell Cell, int Index, double Top)>();
            void DrawMerged(BodyCell bc, int index, double top, double bottom)
            {
                double w = CellWidth(bc) - 2 * Pad, s2 = size;
                var lines = rowLines[bc.Row][index];
                while (lines.Count * s2 * 1.35 > top - bottom - 2 * Pad + 0.01 && s2 > 5)
                {
                    s2 -= 0.5;
                    lines = CellLines(bc.Text, FaceRole.TableText, s2, w);
                }
                double l2 = s2 * 1.35, textTop = (top + bottom) / 2 + lines.Count * l2 / 2;
                for (int k = 0; k < lines.Count; k++)
                    DrawCellLine(lines[k], FaceRole.TableText, s2, x0[bc.Column] + Pad, w, textTop - (k + 1) * l2 + s2 * 0.3, right: false);
            }
            for (int i = 0; i < n; i++)
            {
                var r = t.Rows[i];
                double h = rowHeight[i];
                if (Breaks(i, _y, onPage))
                {
                    // the merged labels going on past the page foot are printed in their part on this page
                    foreach (var (bc, index, top) in open) DrawMerged(bc, index, top, _y);
                    StartPage(plan.Landscape);
                    Columns();
                    Caption(true);
                    // a 绩效 table's "header" is its 项目名称 row: printed once, or the continued page reads as another project
                    if (!t.NoModel) Header();
                    topOfRows = _y;
                    onPage = 0;
                    for (int k = 0; k < open.Count; k++) open[k] = open[k] with { Top = _y };
                }
                var page = Page;
                bool pageTop = PageIsFresh || _y >= topOfRows - 0.01;
                onPage++;
                if (t.IsSectionRow(i))
                {
                    double w = widths.Sum();
                    page.SetTextAndFillColor(248, 248, 248);
                    page.DrawRectangle(new PdfPoint(x0[0], _y - h), w, h, 0.5, true);
                    page.ResetColor();
                    page.DrawRectangle(new PdfPoint(x0[0], _y - h), w, h, 0.5, false);
                    var lines = rowLines[i][0];
                    for (int k = 0; k < lines.Count; k++) DrawCellLine(lines[k], FaceRole.TableHeader, size, x0[0] + Pad, w - 2 * Pad, _y - Pad - (k + 1) * lh + size * 0.3, right: false);
                    _y -= h;
                    continue;
                }
                for (int k2 = 0; k2 < body[i].Count; k2++)
                {
                    var bc = body[i][k2];
                    double w = CellWidth(bc), x1 = x0[bc.Column];
                    if (bc.RowSpan == 1) page.DrawRectangle(new PdfPoint(x1, _y - h), w, h, 0.5, false);
                    else
                    {
                        // the top and the sides of a cell merged down: no rule between its rows
                        page.DrawLine(new PdfPoint(x1, _y), new PdfPoint(x1 + w, _y), 0.5);
                        page.DrawLine(new PdfPoint(x1, _y), new PdfPoint(x1, _y - h), 0.5);
                        page.DrawLine(new PdfPoint(x1 + w, _y), new PdfPoint(x1 + w, _y - h), 0.5);
                        open.Add((bc, k2, _y));
                        continue;
                    }
                    bool right = t.IsAmountCell(r, bc.Column);
                    var lines = rowLines[i][k2];
                    for (int k = 0; k < lines.Count; k++)
                        DrawCellLine(lines[k], FaceRole.TableText, size, x1 + Pad, w - 2 * Pad, _y - Pad - (k + 1) * lh + size * 0.3, right);
                }
                for (int c = 0; c < cols; c++)
                {
                    if (covered[i, c] is not { } above) continue;
                    double w = CellWidth(above), x1 = x0[c];
                    bool last = i == above.Row + above.RowSpan - 1;
                    page.DrawLine(new PdfPoint(x1, _y), new PdfPoint(x1, _y - h), 0.5);
                    page.DrawLine(new PdfPoint(x1 + w, _y), new PdfPoint(x1 + w, _y - h), 0.5);
                    if (pageTop) page.DrawLine(new PdfPoint(x1, _y), new PdfPoint(x1 + w, _y), 0.5);
                    if (last) page.DrawLine(new PdfPoint(x1, _y - h), new PdfPoint(x1 + w, _y - h), 0.5);
                }
                // a merged cell that goes on past this row closes at the page foot when the next row moves on
                if (i + 1 < n && Breaks(i + 1, _y - h, onPage))
                    foreach (var bc in body[i].Where(x => x.RowSpan > 1).Concat(Enumerable.Range(0, cols).Select(c => covered[i, c]).OfType<BodyCell>().Where(x => x.Row + x.RowSpan - 1 > i)))
                        page.DrawLine(new PdfPoint(x0[bc.Column], _y - h), new PdfPoint(x0[bc.Column] + CellWidth(bc), _y - h), 0.5);
                _y -= h;
                for (int k = open.Count - 1; k >= 0; k--)
                {
                    if (open[k].Cell.Row + open[k].Cell.RowSpan - 1 != i) continue;
                    DrawMerged(open[k].Cell, open[k].Index, open[k].Top, _y);
                    open.RemoveAt(k);
                }
            }
            _previousFlows = t.NoModel;
            _y -= 6;
            foreach (var note in t.Notes)
            {
                foreach (var line in Wrap(note, FaceRole.Body, 9, widths.Sum()))
                {
                    if (!Fits(14)) StartPage(plan.Landscape);
                    _y -= 14;
                    DrawText(line, FaceRole.Body, 9, x0[0], _y + 3);
                }
            }
        }
    }
}
