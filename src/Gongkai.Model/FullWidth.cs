namespace Gongkai.Model;

/// <summary>Full-width digits (全角 ０–９) typed in titles, headings and sentences, read as the ASCII digits they are.</summary>
public static class FullWidth
{
    /// <summary>
    /// The text with each full-width digit as ASCII; with <paramref name="decimalPoints"/>, a full-width point (．)
    /// between two digits becomes '.' too. Everything else stays as printed; a text without full-width digits is returned as is.
    /// </summary>
    public static string AsciiDigits(string s, bool decimalPoints = false)
    {
        if (!s.Any(c => c is >= '０' and <= '９')) return s;
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (chars[i] is >= '０' and <= '９') chars[i] = (char)('0' + (chars[i] - '０'));
        if (decimalPoints)
            for (int i = 1; i + 1 < chars.Length; i++)
                if (chars[i] == '．' && char.IsAsciiDigit(chars[i - 1]) && char.IsAsciiDigit(chars[i + 1])) chars[i] = '.';
        return new string(chars);
    }
}
