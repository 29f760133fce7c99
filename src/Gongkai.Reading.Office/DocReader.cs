using System.Buffers.Binary;
using System.Text;
using Gongkai.Model;

namespace Gongkai.Reading.Office;

/// <summary>
/// Reads a Word 97–2003 document (.doc) or a WPS document (.wps: the same OLE container with a WordDocument
/// stream) into the same <see cref="SourceDocument"/> as <see cref="DocxReader"/> gives for .docx ([MS-DOC]).
/// <list type="bullet">
/// <item>Text: the main document's characters (CP 0 … ccpText) from the piece table (CLX) — 8-bit cp1252 pieces
/// and UTF-16 pieces. Fields keep their result and drop their instruction text; pictures and drawn objects (0x01,
/// 0x08) are dropped; text boxes, headers, footers and notes lie outside the main text and are not read.</item>
/// <item>Paragraphs end at 0x0D (paragraph mark) and 0x07 (cell and row end); 0x0B/0x0C/0x0E split lines like
/// w:br; tabs become spaces. <c>Line</c> is the 1-based paragraph index (cell paragraphs counted, row end marks
/// not), as for .docx.</item>
/// <item>Tables: from each paragraph's properties (PlcBtePapx → FKP → PAPX): sprmPFInTable/sprmPItap give the
/// table depth, 0x07 with sprmPFTtp (depth 1) or sprmPFInnerTableCell/sprmPFInnerTtp (nested) end cells and rows,
/// so empty cells keep their place. Column spans come from the cell boundaries of sprmTDefTable (the boundaries of
/// all rows form the grid, like w:tblGrid), plus the legacy horizontal merge flags; vertical merges from the TC80
/// flags and sprmTVertMerge. Nested tables become TableBlocks of their own after the holding table.</item>
/// <item>Heading levels: sprmPOutLvl, else the built-in heading styles (istd 1…9).</item>
/// <item>What the page does not show is not read: characters of deleted revisions (sprmCFRMarkDel) and hidden text
/// (sprmCFVanish, sprmCFFldVanish), from the character runs (PlcBteChpx → CHPX FKP) and the pieces' property
/// modifiers (Prm0, or a Prc grpprl by Prm1). Inserted revisions are read. Paragraph, cell and row marks are always
/// kept, so the table structure holds.</item>
/// </list>
/// </summary>
public sealed partial class DocReader
{
    private const int MaxDepth = 32;

    /// <summary>Reads the WordDocument stream of an OLE file whose root holds one; see the class summary.</summary>
    public SourceDocument Read(string path, CompoundFile cf)
    {
        var word = cf.Stream("WordDocument") ?? throw Corrupt("缺少 WordDocument 流");
        var fib = Fib.Parse(word);
        if (fib.Encrypted)
            throw new ReadException(path, ReadFailure.Encrypted,
                $"文件已加密：{path} 设有打开密码，无法读取。请在 Word 中输入密码打开，取消密码（文件→信息→保护文档→用密码进行加密，清空）后另存，再读取。");
        if (fib.NFib < 0xC0)
            throw new ReadException(path, ReadFailure.Unsupported,
                $"暂不支持 Word 95 及更早版本的文档：{path}。请用 Word 打开后“另存为”Word 文档（.docx），再读取。");
        var table = cf.Stream(fib.WhichTable ? "1Table" : "0Table") ?? throw Corrupt("缺少 Table 流");
        var data = cf.Stream("Data");
        var pieces = Pieces(table, fib, word.Length);
        var papx = new PapxIndex(word, table, data, fib);
        var chpx = new ChpxIndex(word, table, fib);
        var state = new State(path, new StyleLevels(table, fib));
        ReadText(word, pieces, fib.CcpText, papx, chpx, state);
        if (state.Blocks.Count == 0)
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path} 中没有可读取的文字或表格。");
        return new SourceDocument(path, SourceFormat.Doc, state.Blocks, problems: state.Problems);
    }

    internal static CompoundFileException Corrupt(string what) => new(what);

    // ── FIB ─────────────────────────────────────────────────────────────────────────────────────────────

    private sealed record Fib(int NFib, bool Encrypted, bool WhichTable, int CcpText, uint FcClx, uint LcbClx, uint FcBtePapx, uint LcbBtePapx,
        uint FcStshf = 0, uint LcbStshf = 0, uint FcBteChpx = 0, uint LcbBteChpx = 0)
    {
        public static Fib Parse(byte[] w)
        {
            if (w.Length < 34 || U16(w, 0) != 0xA5EC) throw Corrupt("文件信息块（FIB）无效");
            int nFib = U16(w, 2);
            int flags = U16(w, 0x0A);
            bool encrypted = (flags & 0x0100) != 0;
            bool which = (flags & 0x0200) != 0;
            if (encrypted || nFib < 0xC0) return new Fib(nFib, encrypted, which, 0, 0, 0, 0, 0);
            int pos = 32;
            int csw = U16(w, pos);
            pos += 2 + csw * 2;
            int cslw = U16(w, pos);
            int lw = pos + 2;
            if (cslw < 4) throw Corrupt("FIB 的 fibRgLw 过短");
            int ccpText = (int)U32(w, lw + 3 * 4);
            pos = lw + cslw * 4;
            int cbRgFcLcb = U16(w, pos);
            int fc = pos + 2;
            if (cbRgFcLcb < 34) throw Corrupt("FIB 的 fibRgFcLcb 过短");
            return new Fib(nFib, encrypted, which, ccpText,
                U32(w, fc + 33 * 8), U32(w, fc + 33 * 8 + 4), U32(w, fc + 13 * 8), U32(w, fc + 13 * 8 + 4), U32(w, fc + 8), U32(w, fc + 12),
                U32(w, fc + 12 * 8), U32(w, fc + 12 * 8 + 4));
        }
    }

    // ── piece table ─────────────────────────────────────────────────────────────────────────────────────

    private readonly record struct Piece(int CpStart, int CpEnd, int Fc, bool Compressed, Hide Hide = Hide.None);

    /// <summary>Why characters are not shown on the page: a deleted revision (sprmCFRMarkDel) or hidden text
    /// (sprmCFVanish, sprmCFFldVanish). Inserted revisions (sprmCFRMarkIns) are shown and read.</summary>
    [Flags]
    private enum Hide : byte { None = 0, Deleted = 1, Hidden = 2 }

    /// <summary>The pieces of the CLX (Prc entries skipped, then the Pcdt's PlcPcd), checked against the WordDocument stream.</summary>
    private static List<Piece> Pieces(byte[] table, Fib fib, int wordLength)
    {
        if (fib.CcpText < 0 || fib.CcpText > wordLength) throw Corrupt("正文长度超出文件");
        long pos = fib.FcClx, end = (long)fib.FcClx + fib.LcbClx;
        if (end > table.Length || fib.LcbClx == 0) throw Corrupt("片段表（CLX）超出 Table 流");
        var prcs = new List<Hide>(); // what each Prc's grpprl hides (pieces refer to them by index, Prm1)
        while (pos < end && table[pos] == 0x01)
        {
            if (pos + 3 > end) throw Corrupt("CLX 截断");
            int cb = (short)U16(table, (int)pos + 1);
            if (cb < 0 || pos + 3 + cb > end) throw Corrupt("CLX 无效");
            prcs.Add(HideOf(table, (int)pos + 3, (int)pos + 3 + cb, Hide.None));
            pos += 3 + cb;
        }
        if (pos + 5 > end || table[pos] != 0x02) throw Corrupt("片段表（Pcdt）无效");
        long lcb = U32(table, (int)pos + 1);
        long plc = pos + 5;
        if (plc + lcb > end || lcb < 16 || (lcb - 4) % 12 != 0) throw Corrupt("片段表（PlcPcd）长度无效");
        int n = (int)((lcb - 4) / 12);
        var pieces = new List<Piece>(n);
        for (int i = 0; i < n; i++)
        {
            int cpStart = (int)U32(table, (int)plc + 4 * i), cpEnd = (int)U32(table, (int)plc + 4 * i + 4);
            if (cpStart < 0 || cpEnd < cpStart) throw Corrupt("片段表的字符位置无效");
            uint fcRaw = U32(table, (int)plc + 4 * (n + 1) + 8 * i + 2);
            bool compressed = (fcRaw & 0x40000000) != 0;
            long fc = fcRaw & 0x3FFFFFFF;
            if (compressed) fc /= 2;
            long bytes = (long)(cpEnd - cpStart) * (compressed ? 1 : 2);
            if (cpStart >= fib.CcpText) break;
            if (fc + bytes > wordLength) throw Corrupt("片段超出 WordDocument 流");
            pieces.Add(new Piece(cpStart, cpEnd, (int)fc, compressed, PrmHide(U16(table, (int)plc + 4 * (n + 1) + 8 * i + 6), prcs)));
        }
        return pieces;
    }

    /// <summary>
    /// What a piece's property modifier (Prm) hides: Prm0 holds one character sprm by its isprm (0x41
    /// sprmCFRMarkDel, 0x43 sprmCFFldVanish, 0x5C sprmCFVanish), Prm1 the index of a Prc grpprl of the CLX.
    /// </summary>
    private static Hide PrmHide(ushort prm, List<Hide> prcs)
    {
        if ((prm & 1) != 0)
        {
            int index = prm >> 1;
            return index < prcs.Count ? prcs[index] : Hide.None;
        }
        int isprm = (prm >> 1) & 0x7F, val = prm >> 8;
        return isprm switch
        {
            0x41 => val != 0 ? Hide.Deleted : Hide.None,
            0x43 or 0x5C => Toggle(val) ? Hide.Hidden : Hide.None,
            _ => Hide.None,
        };
    }

    /// <summary>A ToggleOperand: 0 off, 1 on, 0x80 the style's value, 0x81 its opposite (styles are taken as not hiding).</summary>
    private static bool Toggle(int v) => v is 1 or 0x81;

    /// <summary>The character sprms of a grpprl that hide text, applied over <paramref name="from"/>.</summary>
    private static Hide HideOf(byte[] b, int pos, int end, Hide from)
    {
        var hide = from;
        foreach (var (sprm, op, _) in Sprms(b, pos, end))
        {
            switch (sprm)
            {
                case 0x0800: hide = b[op] != 0 ? hide | Hide.Deleted : hide & ~Hide.Deleted; break; // sprmCFRMarkDel
                case 0x083C or 0x0802: hide = Toggle(b[op]) ? hide | Hide.Hidden : hide & ~Hide.Hidden; break; // sprmCFVanish, sprmCFFldVanish
            }
        }
        return hide;
    }

    // ── character properties ────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// The FKP runs of PlcBteChpx ([MS-DOC] ChpxFkp: crun+1 FCs, crun one-byte word offsets, crun in the last byte),
    /// each with what its CHPX hides. A table without character runs hides nothing.
    /// </summary>
    private sealed class ChpxIndex
    {
        private readonly List<(uint FcStart, uint FcEnd, Hide Hide)> _runs = [];
        private int _last;

        public ChpxIndex(byte[] word, byte[] table, Fib fib)
        {
            long lcb = fib.LcbBteChpx;
            if (lcb == 0) return;
            if ((long)fib.FcBteChpx + lcb > table.Length || lcb < 12 || (lcb - 4) % 8 != 0) throw Corrupt("字符属性表（PlcBteChpx）无效");
            int n = (int)((lcb - 4) / 8);
            int b = (int)fib.FcBteChpx;
            var pages = new HashSet<long>();
            for (int i = 0; i < n; i++)
            {
                long page = (U32(table, b + 4 * (n + 1) + 4 * i) & 0x3FFFFF) * 512L;
                if (page + 512 > word.Length) throw Corrupt("字符属性页（FKP）超出文件");
                if (!pages.Add(page)) continue;
                int crun = word[page + 511];
                if (4 * (crun + 1) + crun > 511) throw Corrupt("字符属性页（FKP）无效");
                for (int r = 0; r < crun; r++)
                {
                    uint fcStart = U32(word, (int)page + 4 * r), fcEnd = U32(word, (int)page + 4 * r + 4);
                    int offset = word[page + 4 * (crun + 1) + r] * 2;
                    var hide = Hide.None;
                    if (offset != 0)
                    {
                        int o = (int)page + offset, cb = word[o];
                        if (o + 1 + cb > page + 511) throw Corrupt("字符属性（CHPX）超出属性页");
                        hide = HideOf(word, o + 1, o + 1 + cb, Hide.None);
                    }
                    if (fcEnd > fcStart && hide != Hide.None) _runs.Add((fcStart, fcEnd, hide));
                }
            }
            _runs.Sort((x, y) => x.FcStart.CompareTo(y.FcStart));
        }

        /// <summary>What the character at byte offset <paramref name="fc"/> hides (characters are read in order, so the last run is tried first).</summary>
        public Hide At(uint fc)
        {
            if (_runs.Count == 0) return Hide.None;
            if (_last < _runs.Count && _runs[_last].FcStart <= fc && fc < _runs[_last].FcEnd) return _runs[_last].Hide;
            int lo = 0, hi = _runs.Count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (_runs[mid].FcStart <= fc) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            if (found < 0 || fc >= _runs[found].FcEnd) return Hide.None;
            _last = found;
            return _runs[found].Hide;
        }
    }

    // cp1252 bytes 0x80–0x9F as stored in compressed pieces ([MS-DOC] 2.4.1); others map to the same code point
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    // ── paragraph properties ────────────────────────────────────────────────────────────────────────────

    /// <summary>What the reader needs of a paragraph's properties.</summary>
    private sealed class ParaProps
    {
        public int Istd;
        public bool InTable, Ttp, InnerCell, InnerTtp;
        public int Itap;
        public int? OutlineLevel;
        public short[]? Centers;
        public ushort[]? CellFlags;
        public Dictionary<int, int>? VertMerge;
    }

    private readonly record struct Run(uint FcStart, uint FcEnd, int Page, int Papx);

    /// <summary>The FKP runs of PlcBtePapx, sorted by FC, with the PAPX each run points to.</summary>
    private sealed class PapxIndex
    {
        private readonly byte[] _word;
        private readonly byte[]? _data;
        private readonly List<Run> _runs = [];
        private readonly Dictionary<(int, int), ParaProps> _cache = [];

        public PapxIndex(byte[] word, byte[] table, byte[]? data, Fib fib)
        {
            _word = word;
            _data = data;
            long lcb = fib.LcbBtePapx;
            if (lcb == 0) return;
            if ((long)fib.FcBtePapx + lcb > table.Length || lcb < 12 || (lcb - 4) % 8 != 0) throw Corrupt("段落属性表（PlcBtePapx）无效");
            int n = (int)((lcb - 4) / 8);
            int b = (int)fib.FcBtePapx;
            var pages = new HashSet<long>();
            for (int i = 0; i < n; i++)
            {
                long pn = U32(table, b + 4 * (n + 1) + 4 * i) & 0x3FFFFF;
                long page = pn * 512;
                if (page + 512 > word.Length) throw Corrupt("段落属性页（FKP）超出文件");
                if (!pages.Add(page)) continue;
                int crun = word[page + 511];
                if (4 * (crun + 1) + 13 * crun > 511) throw Corrupt("段落属性页（FKP）无效");
                for (int r = 0; r < crun; r++)
                {
                    uint fcStart = U32(word, (int)page + 4 * r), fcEnd = U32(word, (int)page + 4 * r + 4);
                    int bOffset = word[page + 4 * (crun + 1) + 13 * r];
                    if (fcEnd > fcStart) _runs.Add(new Run(fcStart, fcEnd, (int)page, bOffset * 2));
                }
            }
            _runs.Sort((x, y) => x.FcStart.CompareTo(y.FcStart));
        }

        /// <summary>True when a paragraph run of the FKPs ends at byte offset <paramref name="fc"/>.</summary>
        public bool EndsParagraph(uint fc)
        {
            int i = Find(fc - 1);
            return i >= 0 && _runs[i].FcEnd == fc;
        }

        private int Find(uint fc)
        {
            int lo = 0, hi = _runs.Count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (_runs[mid].FcStart <= fc) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return found;
        }

        /// <summary>The properties of the paragraph whose mark is at byte offset <paramref name="fc"/>.</summary>
        public ParaProps At(uint fc)
        {
            int found = Find(fc);
            if (found < 0 || fc >= _runs[found].FcEnd || _runs[found].Papx == 0) return Default;
            var run = _runs[found];
            if (_cache.TryGetValue((run.Page, run.Papx), out var cached)) return cached;
            var props = new ParaProps();
            int o = run.Page + run.Papx;
            int pageEnd = run.Page + 512;
            int cb = _word[o];
            int start, length;
            if (cb == 0)
            {
                if (o + 1 >= pageEnd) throw Corrupt("段落属性（PAPX）无效");
                length = 2 * _word[o + 1];
                start = o + 2;
            }
            else
            {
                length = 2 * cb - 1;
                start = o + 1;
            }
            if (length < 2 || start + length > pageEnd) throw Corrupt("段落属性（PAPX）超出属性页");
            props.Istd = U16(_word, start);
            Apply(props, _word, start + 2, start + length, huge: true);
            _cache[(run.Page, run.Papx)] = props;
            return props;
        }

        private static readonly ParaProps Default = new();

        private void Apply(ParaProps p, byte[] b, int pos, int end, bool huge)
        {
            foreach (var (sprm, op, size) in Sprms(b, pos, end))
            {
                switch (sprm)
                {
                    case 0x2416: p.InTable = b[op] != 0; break;
                    case 0x2417: p.Ttp = b[op] != 0; break;
                    case 0x244B: p.InnerCell = b[op] != 0; break;
                    case 0x244C: p.InnerTtp = b[op] != 0; break;
                    case 0x6649: p.Itap = (int)Math.Clamp(U32(b, op), 0, MaxDepth); break;
                    case 0x2640: p.OutlineLevel = b[op]; break;
                    case 0xD608: TableDef(p, b, op + 2, op + size); break;
                    case 0xD62B when b[op] >= 2:
                        (p.VertMerge ??= [])[b[op + 1]] = b[op + 2];
                        break;
                    case 0x6646 when huge && _data is not null:
                        long at = U32(b, op);
                        if (at + 2 <= _data.Length)
                        {
                            int cbHuge = U16(_data, (int)at);
                            if (at + 2 + cbHuge <= _data.Length) Apply(p, _data, (int)at + 2, (int)at + 2 + cbHuge, huge: false);
                        }
                        break;
                }
            }
        }

        /// <summary>sprmTDefTable: itcMac, the cell boundaries (rgdxaCenter) and the TC80 of each cell.</summary>
        private static void TableDef(ParaProps p, byte[] b, int pos, int end)
        {
            if (pos >= end) return;
            int itcMac = b[pos];
            if (itcMac > 63 || pos + 1 + 2 * (itcMac + 1) > end) return;
            var centers = new short[itcMac + 1];
            for (int i = 0; i <= itcMac; i++) centers[i] = (short)U16(b, pos + 1 + 2 * i);
            var flags = new ushort[itcMac];
            int tc = pos + 1 + 2 * (itcMac + 1);
            for (int i = 0; i < itcMac && tc + 20 * i + 2 <= end; i++) flags[i] = U16(b, tc + 20 * i);
            p.Centers = centers;
            p.CellFlags = flags;
        }
    }

    /// <summary>The sprms of a grpprl: opcode, operand offset and operand size; stops at a damaged tail.</summary>
    private static IEnumerable<(int Sprm, int Op, int Size)> Sprms(byte[] b, int pos, int end)
    {
        while (pos + 2 <= end)
        {
            int sprm = U16(b, pos);
            int op = pos + 2;
            int size = (sprm >> 13) switch
            {
                0 or 1 => 1,
                2 or 4 or 5 => 2,
                3 => 4,
                7 => 3,
                _ => sprm is 0xD608 or 0xD606
                    ? (op + 2 <= end ? U16(b, op) + 1 : int.MaxValue)
                    : (op < end ? b[op] + 1 : int.MaxValue),
            };
            if (size == int.MaxValue || op + size > end) yield break;
            yield return (sprm, op, size);
            pos = op + size;
        }
    }

    /// <summary>
    /// Heading levels of paragraph styles from the style sheet (STSH), as for .docx: a style named heading N/标题 N,
    /// else the style's own outline level (sprmPOutLvl), else its base style's level. A damaged style sheet gives no levels.
    /// </summary>
    private sealed partial class StyleLevels
    {
        private readonly List<(string Name, int Sti, int Base, int? Outline)> _styles = [];
        private readonly Dictionary<int, int?> _cache = [];

        public StyleLevels(byte[] table, Fib fib)
        {
            long start = fib.FcStshf, end = start + fib.LcbStshf;
            if (fib.LcbStshf < 4 || end > table.Length) return;
            try
            {
                int pos = (int)start;
                int cbStshi = U16(table, pos);
                int cstd = U16(table, pos + 2);
                int cbBase = U16(table, pos + 4);
                pos += 2 + cbStshi;
                for (int i = 0; i < cstd && pos + 2 <= end; i++)
                {
                    int cbStd = U16(table, pos);
                    int std = pos + 2;
                    pos = std + cbStd;
                    if (cbStd == 0 || pos > end || cbBase < 10 || cbStd < cbBase + 2) { _styles.Add(("", 0x0FFE, 0x0FFF, null)); continue; }
                    int sti = U16(table, std) & 0x0FFF;
                    int stk = U16(table, std + 2) & 0x000F;
                    int istdBase = U16(table, std + 2) >> 4;
                    int n = std + cbBase;
                    int cch = U16(table, n);
                    string name = n + 2 + 2 * cch <= pos ? Encoding.Unicode.GetString(table, n + 2, 2 * cch) : "";
                    int? outline = null;
                    int upx = n + 2 + 2 * (cch + 1);
                    if (stk == 1 && upx + 2 <= pos)
                    {
                        int cbUpx = U16(table, upx);
                        int grpprl = upx + 2 + 2, grpEnd = Math.Min(upx + 2 + cbUpx, pos);
                        foreach (var (sprm, op, _) in Sprms(table, grpprl, grpEnd))
                            if (sprm == 0x2640) outline = table[op];
                    }
                    _styles.Add((name, sti, istdBase, outline));
                }
            }
            catch (CompoundFileException)
            {
                // a damaged style sheet: the styles read so far are kept
            }
        }

        public int? LevelOf(int istd) => Level(istd, 0);

        private int? Level(int istd, int depth)
        {
            if (_cache.TryGetValue(istd, out var cached)) return cached;
            int? level = null;
            if (istd >= 0 && istd < _styles.Count)
            {
                var (name, sti, istdBase, outline) = _styles[istd];
                var m = HeadingName().Match(name);
                if (m.Success) level = int.Parse(m.Groups[1].Value);
                else if (name.Length == 0 && sti is >= 1 and <= 9) level = sti; // built-in heading N without a stored name
                else if (outline is int ol) level = ol < 9 ? ol + 1 : null;
                else if (depth < 10 && istdBase != 0x0FFF) level = Level(istdBase, depth + 1);
            }
            _cache[istd] = level;
            return level;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:heading|标题)\s*([1-9])\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
        private static partial System.Text.RegularExpressions.Regex HeadingName();
    }

    // ── text and structure ──────────────────────────────────────────────────────────────────────────────

    private sealed class State(string path, StyleLevels styles)
    {
        public string Path { get; } = path;
        public StyleLevels Styles { get; } = styles;
        public List<SourceBlock> Blocks { get; } = [];
        public List<SourceProblem> Problems { get; } = [];
        public int Paragraphs;
        public int Tables;
    }

    private sealed class CellBuild(int line)
    {
        public int Line { get; } = line;
        public List<string> Pieces { get; } = [];
    }

    private sealed class RowBuild(int line)
    {
        public int Line { get; } = line;
        public List<CellBuild> Cells { get; } = [];
        public ParaProps? Props;
    }

    private sealed class TableBuild
    {
        public List<RowBuild> Rows { get; } = [];
        public RowBuild? Row;
        public CellBuild? Cell;
        public List<TableBuild> Nested { get; } = [];
    }

    private static void ReadText(byte[] word, List<Piece> pieces, int ccpText, PapxIndex papx, ChpxIndex chpx, State s)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var fields = new Stack<bool>(); // true while in a field's instruction text
        int instructions = 0;
        var stack = new List<TableBuild>();
        foreach (var piece in pieces)
        {
            int last = Math.Min(piece.CpEnd, ccpText);
            for (int i = piece.CpStart; i < last; i++)
            {
                int k = i - piece.CpStart;
                uint fc;
                char c;
                if (piece.Compressed)
                {
                    fc = (uint)(piece.Fc + k);
                    byte v = word[fc];
                    c = v is >= 0x80 and <= 0x9F ? Cp1252High[v - 0x80] : (char)v;
                }
                else
                {
                    fc = (uint)(piece.Fc + 2 * k);
                    c = (char)U16(word, (int)fc);
                }
                // a section break (0x0C where a paragraph run of the FKP ends) ends its paragraph; a page break splits a line
                if (c == '\f' && papx.EndsParagraph(fc + (piece.Compressed ? 1u : 2u))) c = '\r';
                switch (c)
                {
                    case '\r' or '\a':
                        lines.Add(line.ToString());
                        line.Clear();
                        Paragraph(lines, c, papx.At(fc), stack, s);
                        lines.Clear();
                        continue;
                    case '\u0013':
                        fields.Push(true);
                        instructions++;
                        continue;
                    case '\u0014':
                        if (fields.Count > 0 && fields.Peek()) { fields.Pop(); fields.Push(false); instructions--; }
                        continue;
                    case '\u0015':
                        if (fields.Count > 0 && fields.Pop()) instructions--;
                        continue;
                }
                if (instructions > 0) continue;
                // deleted revisions and hidden text are not on the page: their characters are dropped, but paragraph,
                // cell and row marks (above) are kept, so a deleted paragraph or row leaves an empty one, never a merge
                if ((piece.Hide | chpx.At(fc)) != Hide.None) continue;
                switch (c)
                {
                    case '\t':
                        line.Append(' ');
                        break;
                    case '\v' or '\f' or '\u000E':
                        lines.Add(line.ToString());
                        line.Clear();
                        break;
                    case '\u001E':
                        line.Append('-');
                        break;
                    case < ' ':
                        break; // objects (0x01, 0x08), note references, separators, optional hyphens
                    default:
                        line.Append(c);
                        break;
                }
            }
        }
        if (line.Length > 0 || lines.Count > 0)
        {
            lines.Add(line.ToString());
            Paragraph(lines, '\r', new ParaProps(), stack, s);
        }
        Close(stack, 0, s);
    }

    /// <summary>One paragraph: a text paragraph, a cell's paragraph (ending the cell at its cell mark) or a row end.</summary>
    private static void Paragraph(List<string> lines, char end, ParaProps p, List<TableBuild> stack, State s)
    {
        int depth = p.Itap > 0 ? p.Itap : p.InTable ? 1 : 0;
        if (depth == 0 && end == '\a') depth = 1; // a cell mark outside any table property: still a cell
        Close(stack, depth, s);
        while (stack.Count < depth) stack.Add(new TableBuild());
        if (depth == 0)
        {
            int index = ++s.Paragraphs;
            int? level = p.OutlineLevel is int ol ? (ol < 9 ? ol + 1 : null) : s.Styles.LevelOf(p.Istd);
            foreach (var l in lines)
            {
                var text = Numbers.CleanCellText(l);
                if (text.Length > 0) s.Blocks.Add(new TextBlock(text, new Provenance(s.Path, index, Text: l), level));
            }
            return;
        }
        var t = stack[depth - 1];
        bool rowEnd = depth == 1 ? p.Ttp && end == '\a' : p.InnerTtp;
        bool cellEnd = depth == 1 ? end == '\a' && !p.Ttp : p.InnerCell && !p.InnerTtp;
        if (rowEnd)
        {
            if (t.Cell is not null) EndCell(t);
            var row = t.Row ?? new RowBuild(s.Paragraphs + 1);
            row.Props = p;
            t.Rows.Add(row);
            t.Row = null;
            return;
        }
        int line = ++s.Paragraphs;
        t.Row ??= new RowBuild(line);
        t.Cell ??= new CellBuild(line);
        t.Cell.Pieces.AddRange(lines);
        if (cellEnd) EndCell(t);
    }

    private static void EndCell(TableBuild t)
    {
        t.Row!.Cells.Add(t.Cell!);
        t.Cell = null;
    }

    /// <summary>Closes the tables deeper than <paramref name="depth"/>: nested ones go to their holder, outer ones are written.</summary>
    private static void Close(List<TableBuild> stack, int depth, State s)
    {
        while (stack.Count > depth)
        {
            var t = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (t.Cell is not null) EndCell(t);
            if (t.Row is { Cells.Count: > 0 } open) t.Rows.Add(open);
            t.Row = null;
            if (stack.Count > 0) stack[^1].Nested.Add(t);
            else Emit(t, s);
        }
    }

    private static void Emit(TableBuild t, State s)
    {
        int tableIndex = s.Tables++;
        var rows = Layout(t.Rows);
        var sourceRows = WordTable.Grid(rows, s.Path, tableIndex);
        if (sourceRows.Count > 0)
        {
            var first = sourceRows[0].Source;
            s.Blocks.Add(new TableBlock(sourceRows, TableSyntax.Doc, new Provenance(s.Path, first.Line, TableIndex: tableIndex, Text: first.Text), tableIndex));
        }
        else s.Tables--;
        foreach (var n in t.Nested) Emit(n, s);
    }

    /// <summary>
    /// Grid columns of the cells: the cell boundaries of all rows (sprmTDefTable) clustered within a small tolerance
    /// form the grid; a cell spans the grid columns between its left and right boundary. A row without usable
    /// boundaries (none, or not one per cell) takes one column per cell.
    /// </summary>
    private static List<(List<WordTable.RawCell> Cells, int Line)> Layout(List<RowBuild> rows)
    {
        const int Tolerance = 15; // twips
        var texts = rows.Select(r => r.Cells.Select(c => Numbers.CleanCellText(TextPieces.Join(c.Pieces))).ToList()).ToList();
        var bounds = new List<(int Left, int Right, WordTable.MergeState Merge)[]?>(rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            var p = rows[r].Props;
            int n = rows[r].Cells.Count;
            if (p?.Centers is not { } centers || centers.Length != n + 1) { bounds.Add(null); continue; }
            var b = new (int, int, WordTable.MergeState)[n];
            for (int i = 0; i < n; i++)
            {
                int flags = p.CellFlags![i];
                int vm = p.VertMerge is { } v && v.TryGetValue(i, out var f) ? f : (flags >> 5) & 3;
                var merge = vm switch { 0 => WordTable.MergeState.None, 1 => WordTable.MergeState.Continue, _ => WordTable.MergeState.Restart };
                b[i] = (Math.Min(centers[i], centers[i + 1]), Math.Max(centers[i], centers[i + 1]), merge);
            }
            bounds.Add(b);
        }
        var all = bounds.Where(b => b is not null).SelectMany(b => b!.SelectMany(x => new[] { x.Left, x.Right })).Distinct().Order().ToList();
        var lines = new List<int>(); // the first boundary of each cluster
        foreach (var x in all)
            if (lines.Count == 0 || x - lines[^1] > Tolerance) lines.Add(x);
        int GridLine(int x)
        {
            int i = lines.BinarySearch(x);
            if (i >= 0) return i;
            return Math.Max(0, ~i - 1);
        }

        var result = new List<(List<WordTable.RawCell>, int)>(rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            var cells = new List<WordTable.RawCell>();
            int next = 0;
            for (int i = 0; i < rows[r].Cells.Count; i++)
            {
                var text = texts[r][i];
                var line = rows[r].Cells[i].Line;
                if (bounds[r] is not { } b)
                {
                    cells.Add(new WordTable.RawCell(text, next, 1, WordTable.MergeState.None, line));
                    next++;
                    continue;
                }
                int flags = rows[r].Props!.CellFlags![i];
                int horz = flags & 3;
                if (horz >= 2 && cells.Count > 0)
                {
                    // legacy horizontal merge (TC80 fMerged): widen the previous cell
                    var prev = cells[^1];
                    int end = Math.Max(prev.Column + prev.ColSpan, GridLine(b[i].Right));
                    cells[^1] = prev with { ColSpan = end - prev.Column, Text = TextPieces.Join([prev.Text, text]) };
                    next = end;
                    continue;
                }
                int col = Math.Max(next, GridLine(b[i].Left));
                int span = Math.Max(1, GridLine(b[i].Right) - col);
                cells.Add(new WordTable.RawCell(text, col, span, b[i].Merge, line));
                next = col + span;
            }
            result.Add((cells, rows[r].Line));
        }
        return result;
    }

    private static ushort U16(byte[] b, int off) =>
        off >= 0 && off + 2 <= b.Length ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(off)) : throw Corrupt("数据截断");

    private static uint U32(byte[] b, int off) =>
        off >= 0 && off + 4 <= b.Length ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(off)) : throw Corrupt("数据截断");
}
