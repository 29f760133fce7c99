namespace Gongkai.Model;

/// <summary>Text compared without its spaces: PDFs and typists put spaces (and 全角 spaces) inside Chinese words and titles.</summary>
public static class Whitespace
{
    /// <summary>The text with every whitespace character (ASCII, 全角 U+3000, line breaks) removed; null gives "".</summary>
    public static string Squeeze(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        foreach (var c in s)
            if (char.IsWhiteSpace(c)) return string.Concat(s.Where(ch => !char.IsWhiteSpace(ch)));
        return s;
    }
}
