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
