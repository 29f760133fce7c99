using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Gongkai.Compile.Render;

/// <summary>No CJK TrueType font could be found for the PDF.</summary>
public sealed class CjkFontNotFoundException(string message) : Exception(message);

/// <summary>What a face is used for in the PDF.</summary>
public enum FaceRole
{
    /// <summary>Narrative body, notes, labels: 仿宋 style.</summary>
    Body,
    /// <summary>Part and section headings: 黑体 style, bold.</summary>
    Heading,
    /// <summary>Document and table titles: 标宋 style (bold Song).</summary>
    Title,
    /// <summary>Table header cells: 黑体 style, regular.</summary>
    TableHeader,
    /// <summary>Table body cells: 宋体 style (legible at 7–9 pt).</summary>
    TableText,
}

/// <summary>An embeddable TrueType face: its file and bytes.</summary>
public sealed record PdfFace(string Path, byte[] Bytes)
{
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>
/// Finds the faces of the PDF. The preferred faces are the Fandol family (FandolFang 仿宋, FandolHei 黑体, FandolSong 宋)
/// of Debian's texlive-lang-chinese, converted to TrueType outlines by tools/fonts/make-ttf.py (PdfPig's writer embeds
/// TrueType outlines only) into /usr/local/share/fonts/gongkai, ~/.local/share/fonts/gongkai or $GONGKAI_FONT_DIR.
/// A face that is missing falls back to the body face; the body face falls back to any embeddable CJK TrueType font
/// (fonts-arphic-gbsn00lp …); characters a face lacks are drawn with the next face that has them.
/// </summary>
public static class CjkFont
{
    /// <summary>Environment variable naming a .ttf file to use as the body face (and for every role without its own face).</summary>
    public const string EnvironmentVariable = "GONGKAI_CJK_FONT";

    /// <summary>Environment variable naming a folder that holds the converted Fandol .ttf faces.</summary>
    public const string FontDirVariable = "GONGKAI_FONT_DIR";

    /// <summary>File names of the preferred face of each role (in the converted-faces folder).</summary>
    public static string FileOf(FaceRole role) => role switch
    {
        FaceRole.Body => "FandolFang-Regular.ttf",
        FaceRole.Heading => "FandolHei-Bold.ttf",
        FaceRole.Title => "FandolSong-Bold.ttf",
        FaceRole.TableHeader => "FandolHei-Regular.ttf",
        _ => "FandolSong-Regular.ttf",
    };

    /// <summary>Folders searched for the converted faces, in order.</summary>
    public static IEnumerable<string> FaceDirs()
    {
        if (Environment.GetEnvironmentVariable(FontDirVariable) is { Length: > 0 } env) yield return env;
        yield return "/usr/local/share/fonts/gongkai";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0) yield return System.IO.Path.Combine(home, ".local", "share", "fonts", "gongkai");
        yield return System.IO.Path.Combine(AppContext.BaseDirectory, "fonts");
    }

    /// <summary>CJK TrueType fonts used when the Fandol faces are not there, and for characters they lack.</summary>
    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",      // Debian fonts-arphic-gbsn00lp (宋体, GB 2312)
        "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",      // Debian fonts-arphic-gkai00mp (楷体, GB 2312)
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttf",
        "/usr/share/fonts/truetype/msttcorefonts/simsun.ttf",
        @"C:\Windows\Fonts\simfang.ttf",
        @"C:\Windows\Fonts\simhei.ttf",
        @"C:\Windows\Fonts\simkai.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    ];

    /// <summary>TrueType fonts for Latin letters and symbols that no CJK face has (last resort).</summary>
    public static readonly string[] LatinCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        @"C:\Windows\Fonts\arial.ttf",
        "/Library/Fonts/Arial.ttf",
    ];

    private static readonly Dictionary<FaceRole, Lazy<PdfFace?>> _preferred = Enum.GetValues<FaceRole>()
        .ToDictionary(r => r, r => new Lazy<PdfFace?>(() => FindPreferred(r)));
    private static readonly Lazy<PdfFace?> _fallback = new(() => FirstWorking(Candidates, "汇编公开表"));
    private static readonly Lazy<PdfFace?> _latin = new(() => FirstWorking(LatinCandidates, "Aa1,.%"));

    /// <summary>The preferred (Fandol) face of a role, or null when it is not installed.</summary>
    public static PdfFace? Preferred(FaceRole role) => _preferred[role].Value;

    /// <summary>The face of a role: its preferred face, else the body face, else a fallback CJK font; throws (in Chinese) when there is none.</summary>
    public static PdfFace Face(FaceRole role) =>
        Preferred(role) ?? Preferred(FaceRole.Body) ?? _fallback.Value ?? throw new CjkFontNotFoundException(NotFoundMessage());

    /// <summary>The body face (kept for callers that only need to know a face exists).</summary>
    public static (string Path, byte[] Bytes) Load()
    {
        var f = Face(FaceRole.Body);
        return (f.Path, f.Bytes);
    }

    public static PdfFace? Fallback => _fallback.Value;
    public static PdfFace? Latin => _latin.Value;

    /// <summary>Whether any CJK face can be embedded.</summary>
    public static bool Available => Preferred(FaceRole.Body) is not null || _fallback.Value is not null;

    /// <summary>Whether every preferred face of the official look is installed.</summary>
    public static bool AllPreferred => Enum.GetValues<FaceRole>().All(r => Preferred(r) is not null);

    /// <summary>What to install for the preferred faces (Chinese, one line), or null when all are there.</summary>
    public static string? MissingHint()
    {
        var missing = Enum.GetValues<FaceRole>().Where(r => Preferred(r) is null).Select(FileOf).ToList();
        if (missing.Count == 0) return null;
        return $"缺少字体 {string.Join("、", missing)}：请安装 Debian 软件包 texlive-lang-chinese（Fandol 字体）与 python3-fonttools，" +
               $"再运行 python3 tools/fonts/make-ttf.py 转换为 TrueType 字形（或用环境变量 {FontDirVariable} 指定存放这些 .ttf 的文件夹）。";
    }

    private static string NotFoundMessage() =>
        "生成 PDF 需要含中文字形、可嵌入的 TrueType 字体，但本机没有找到。推荐：安装 Debian 软件包 texlive-lang-chinese 与 python3-fonttools 后运行 " +
        "python3 tools/fonts/make-ttf.py（得到仿宋、黑体、宋体的 Fandol 字体）；或安装 fonts-arphic-gbsn00lp；或用环境变量 " + EnvironmentVariable +
        " 指定一个 .ttf 字体文件（如 simfang.ttf）。其余格式不受影响。";

    private static PdfFace? FindPreferred(FaceRole role)
    {
        if (role == FaceRole.Body && Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
            return TryLoad(env, "汇编公开表");
        return FirstWorking(FaceDirs().Select(d => System.IO.Path.Combine(d, FileOf(role))), "汇编公开表1,.%");
    }

    private static PdfFace? FirstWorking(IEnumerable<string> paths, string sample)
    {
        foreach (var path in paths)
            if (TryLoad(path, sample) is { } f) return f;
        return null;
    }

    private static PdfFace? TryLoad(string path, string sample)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            return Works(bytes, sample) ? new PdfFace(path, bytes) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether PdfPig can embed the font and measure the sample text with it.</summary>
    private static bool Works(byte[] bytes, string sample)
    {
        try
        {
            using var probe = new PdfDocumentBuilder();
            if (!probe.CanUseTrueTypeFont(bytes, out _)) return false;
            var f = probe.AddTrueTypeFont(bytes);
            var page = probe.AddPage(PageSize.A4);
            page.MeasureText(sample, 10, new PdfPoint(50, 700), f);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}

/// <summary>
/// Advance widths and character coverage of a TrueType font read from its cmap (formats 4 and 12), hmtx, hhea and head
/// tables — measuring through the PDF writer parses glyphs and is slow for CJK faces of several thousand glyphs.
/// </summary>
public sealed class FontMetrics
{
    private readonly Dictionary<int, int> _glyphOf = new();
    private readonly ushort[] _advance;
    private readonly double _unitsPerEm;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, FontMetrics?> _cache = new();

    /// <summary>The metrics of a face (cached per file), or null when its tables cannot be read.</summary>
    public static FontMetrics? Of(PdfFace face) => _cache.GetOrAdd(face.Path, _ =>
    {
        try { return new FontMetrics(face.Bytes); }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidDataException) { return null; }
    });

    private FontMetrics(byte[] b)
    {
        int U16(int o) => (b[o] << 8) | b[o + 1];
        int I16(int o) => (short)U16(o);
        long U32(int o) => ((long)b[o] << 24) | ((long)b[o + 1] << 16) | ((long)b[o + 2] << 8) | b[o + 3];
        var tables = new Dictionary<string, int>();
        int n = U16(4);
        for (int i = 0; i < n; i++)
        {
            int rec = 12 + 16 * i;
            tables[System.Text.Encoding.ASCII.GetString(b, rec, 4)] = (int)U32(rec + 8);
        }
        if (!tables.TryGetValue("cmap", out var cmap) || !tables.TryGetValue("hmtx", out var hmtx) || !tables.TryGetValue("hhea", out var hhea) || !tables.TryGetValue("head", out var head))
            throw new InvalidDataException("missing table");
        _unitsPerEm = U16(head + 18);
        int metrics = U16(hhea + 34);
        int glyphs = tables.TryGetValue("maxp", out var maxp) ? U16(maxp + 4) : metrics;
        _advance = new ushort[Math.Max(glyphs, metrics)];
        for (int g = 0; g < _advance.Length; g++) _advance[g] = (ushort)U16(hmtx + 4 * Math.Min(g, metrics - 1));
        // prefer a Unicode full-repertoire subtable (format 12), else the BMP one (format 4)
        int best = -1, bestFormat = 0;
        for (int i = 0, count = U16(cmap + 2); i < count; i++)
        {
            int platform = U16(cmap + 4 + 8 * i), encoding = U16(cmap + 6 + 8 * i);
            int sub = cmap + (int)U32(cmap + 8 + 8 * i);
            int format = U16(sub);
            bool unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (unicode && (format == 12 || (format == 4 && bestFormat != 12))) { best = sub; bestFormat = format; }
        }
        if (best < 0) throw new InvalidDataException("no Unicode cmap");
        if (bestFormat == 12)
        {
            long groups = U32(best + 12);
            for (long k = 0; k < groups; k++)
            {
                int o = best + 16 + (int)k * 12;
                long start = U32(o), end = U32(o + 4), gid = U32(o + 8);
                for (long c = start; c <= end && c <= 0x10FFFF; c++) _glyphOf[(int)c] = (int)(gid + c - start);
            }
        }
        else
        {
            int segX2 = U16(best + 6);
            int ends = best + 14, starts = ends + segX2 + 2, deltas = starts + segX2, offsets = deltas + segX2;
            for (int s = 0; s < segX2 / 2; s++)
            {
                int end = U16(ends + 2 * s), start = U16(starts + 2 * s), delta = I16(deltas + 2 * s), ro = U16(offsets + 2 * s);
                for (int c = start; c <= end && c != 0xFFFF; c++)
                {
                    int g;
                    if (ro == 0) g = (c + delta) & 0xFFFF;
                    else
                    {
                        g = U16(offsets + 2 * s + ro + 2 * (c - start));
                        if (g != 0) g = (g + delta) & 0xFFFF;
                    }
                    if (g != 0) _glyphOf[c] = g;
                }
            }
        }
    }

    /// <summary>The glyph id of a character, or null.</summary>
    public int? GlyphOf(char c) => _glyphOf.TryGetValue(c, out var g) ? g : null;

    /// <summary>The advance width of a character at 1 pt, or null when the font has no glyph for it.</summary>
    public double? Advance(char c)
    {
        if (!_glyphOf.TryGetValue(c, out var g) || g >= _advance.Length) return null;
        return _advance[g] / _unitsPerEm;
    }
}

/// <summary>
/// Empties the outlines of the glyphs a document does not use (glyph ids, cmap and metrics unchanged), so the PDF
/// writer parses and subsets a font of a few hundred outlines instead of several thousand for each of its slots.
/// </summary>
public static class GlyphPruner
{
    public static byte[] Keep(byte[] font, IEnumerable<int> glyphIds)
    {
        int U16(int o) => (font[o] << 8) | font[o + 1];
        long U32(int o) => ((long)font[o] << 24) | ((long)font[o + 1] << 16) | ((long)font[o + 2] << 8) | font[o + 3];
        int n = U16(4);
        var tables = new List<(string Tag, int Offset, int Length)>();
        for (int i = 0; i < n; i++)
        {
            int rec = 12 + 16 * i;
            tables.Add((System.Text.Encoding.ASCII.GetString(font, rec, 4), (int)U32(rec + 8), (int)U32(rec + 12)));
        }
        var byTag = tables.ToDictionary(t => t.Tag);
        if (!byTag.TryGetValue("glyf", out var glyf) || !byTag.TryGetValue("loca", out var loca) || !byTag.TryGetValue("head", out var head) || !byTag.TryGetValue("maxp", out var maxp))
            return font;
        int glyphs = U16(maxp.Offset + 4);
        bool longLoca = U16(head.Offset + 50) == 1;
        long Loc(int g) => longLoca ? U32(loca.Offset + 4 * g) : 2L * U16(loca.Offset + 2 * g);
        var keep = new HashSet<int> { 0 };
        var todo = new Stack<int>(glyphIds.Where(g => g > 0 && g < glyphs));
        while (todo.Count > 0)
        {
            int g = todo.Pop();
            if (!keep.Add(g)) continue;
            long start = Loc(g), end = Loc(g + 1);
            if (end - start < 10 || (short)U16(glyf.Offset + (int)start) >= 0) continue;
            // a composite glyph: keep its components too
            int o = glyf.Offset + (int)start + 10;
            while (true)
            {
                int flags = U16(o), component = U16(o + 2);
                if (component < glyphs && !keep.Contains(component)) todo.Push(component);
                o += 4 + ((flags & 1) != 0 ? 4 : 2) + ((flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
                if ((flags & 0x20) == 0) break;
            }
        }
        using var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (glyphs + 1)];
        for (int g = 0; g <= glyphs; g++)
        {
            WriteU32(newLoca, 4 * g, (uint)newGlyf.Length);
            if (g == glyphs || !keep.Contains(g)) continue;
            long start = Loc(g), end = Loc(g + 1);
            newGlyf.Write(font, glyf.Offset + (int)start, (int)(end - start));
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        var newHead = font.AsSpan(head.Offset, head.Length).ToArray();
        newHead[50] = 0; newHead[51] = 1; // long loca
        newHead[8] = newHead[9] = newHead[10] = newHead[11] = 0; // checkSumAdjustment
        var data = tables.Select(t => (t.Tag, Bytes: t.Tag switch
        {
            "glyf" => newGlyf.ToArray(),
            "loca" => newLoca,
            "head" => newHead,
            _ => font.AsSpan(t.Offset, t.Length).ToArray(),
        })).OrderBy(t => t.Tag, StringComparer.Ordinal).ToList();
        using var output = new MemoryStream();
        var header = new byte[12 + 16 * data.Count];
        Array.Copy(font, 0, header, 0, 12);
        output.Write(header);
        var records = new List<(string Tag, uint Sum, int Offset, int Length)>();
        foreach (var (tag, bytes) in data)
        {
            records.Add((tag, Checksum(bytes), (int)output.Length, bytes.Length));
            output.Write(bytes);
            while (output.Length % 4 != 0) output.WriteByte(0);
        }
        var result = output.ToArray();
        for (int i = 0; i < records.Count; i++)
        {
            int rec = 12 + 16 * i;
            System.Text.Encoding.ASCII.GetBytes(records[i].Tag, 0, 4, result, rec);
            WriteU32(result, rec + 4, records[i].Sum);
            WriteU32(result, rec + 8, (uint)records[i].Offset);
            WriteU32(result, rec + 12, (uint)records[i].Length);
        }
        return result;
    }

    private static void WriteU32(byte[] b, int o, uint v)
    {
        b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v;
    }

    private static uint Checksum(byte[] b)
    {
        uint sum = 0;
        for (int i = 0; i < b.Length; i += 4)
        {
            uint v = 0;
            for (int k = 0; k < 4; k++) v = (v << 8) | (i + k < b.Length ? b[i + k] : 0u);
            sum += v;
        }
        return sum;
    }
}
