using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Gongkai.Reading.Pdf;

/// <summary>
/// Keeps PdfPig from parsing embedded font programs it does not need. A composite (Type0) font with a ToUnicode map
/// gets its text from that map and its advances from the /W array; the embedded TrueType/CFF program only gives glyph
/// outlines, and parsing it is most of the reading time of some documents (a CID CFF subset of a CJK font: every
/// charstring parsed up front, ≈ 90 % of SH24F). The reader places horizontal glyphs by their baselines and the font
/// size, so the descriptor's /FontFile2 or /FontFile3 key of such fonts is renamed to /FontFileX in a copy of the file
/// (same length: the cross-reference offsets stay valid). Fonts without ToUnicode, simple fonts and objects inside
/// object streams are left alone; on any doubt the original bytes are read.
/// </summary>
internal static partial class FontProgramSkipper
{
    public static byte[] Strip(byte[] bytes, PdfDocument doc)
    {
        try
        {
            var offsets = doc.Structure.CrossReferenceTable.ObjectOffsets;
            var dicts = new Dictionary<long, (long Offset, string Text)>();
            foreach (var (reference, location) in offsets)
            {
                if (location.Type != UglyToad.PdfPig.Core.XrefEntryType.File) continue;
                long offset = location.Value1;
                if (offset <= 0 || offset >= bytes.Length) continue;
                dicts[reference.ObjectNumber] = (offset, DictionaryText(bytes, offset));
            }
            byte[]? copy = null;
            foreach (var (_, (_, text)) in dicts)
            {
                if (!Type0Regex().IsMatch(text) || !text.Contains("/ToUnicode", StringComparison.Ordinal)) continue;
                var descendant = DescendantRegex().Match(text);
                if (!descendant.Success || !dicts.TryGetValue(long.Parse(descendant.Groups[1].Value), out var cid)) continue;
                var fd = DescriptorRegex().Match(cid.Text);
                if (!fd.Success || !dicts.TryGetValue(long.Parse(fd.Groups[1].Value), out var descriptor)) continue;
                var file = FontFileRegex().Match(descriptor.Text);
                if (!file.Success) continue;
                copy ??= (byte[])bytes.Clone();
                long at = descriptor.Offset + file.Index + file.Length - 1;
                copy[at] = (byte)'X';
            }
            return copy ?? bytes;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return bytes;
        }
    }

    /// <summary>The object's text up to its stream data or endobj (at most 4 KB), as Latin-1.</summary>
    private static string DictionaryText(byte[] bytes, long offset)
    {
        int start = (int)offset, end = (int)Math.Min(bytes.Length, offset + 4096);
        var span = bytes.AsSpan(start, end - start);
        int stop = span.IndexOf("stream"u8);
        int endobj = span.IndexOf("endobj"u8);
        if (stop < 0 || (endobj >= 0 && endobj < stop)) stop = endobj;
        if (stop >= 0) span = span[..stop];
        return Encoding.Latin1.GetString(span);
    }

    [GeneratedRegex(@"/Subtype\s*/Type0\b")]
    private static partial Regex Type0Regex();

    [GeneratedRegex(@"/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R")]
    private static partial Regex DescendantRegex();

    [GeneratedRegex(@"/FontDescriptor\s+(\d+)\s+\d+\s+R")]
    private static partial Regex DescriptorRegex();

    [GeneratedRegex(@"/FontFile[23]")]
    private static partial Regex FontFileRegex();
}
