using System.Globalization;
using System.Text;

namespace Gongkai.Cli.Output;

/// <summary>Terminal width helpers: CJK and full-width characters take two columns.</summary>
public static class TerminalText
{
    public static int Width(string s)
    {
        int w = 0;
        foreach (var rune in s.EnumerateRunes()) w += Width(rune);
        return w;
    }

    private static int Width(Rune r)
    {
        int v = r.Value;
        if (v < 0x20) return 0;
        if (v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD) return 2;
        // curly quotes and the ellipsis are ambiguous-width; Chinese terminals draw them wide
        if (v is 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x2014) return 2;
        return 1;
    }

    /// <summary>Cut a line to at most <paramref name="columns"/> display columns, ending with "…" when cut.</summary>
    public static string Fit(string s, int columns)
    {
        if (Width(s) <= columns) return s;
        var sb = new StringBuilder();
        int w = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            int rw = Width(rune);
            if (w + rw > columns - 2) break;
            sb.Append(rune.ToString());
            w += rw;
        }
        return sb.Append('…').ToString();
    }

    /// <summary>An amount with thousands separators and its printed decimals ("7,163.37").</summary>
    public static string Amount(decimal value, int scale) =>
        value.ToString("N" + Math.Clamp(scale, 0, 8), CultureInfo.InvariantCulture);
}
