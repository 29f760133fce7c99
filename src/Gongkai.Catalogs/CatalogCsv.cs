using System.Text;

namespace Gongkai.Catalogs;

/// <summary>Minimal CSV reading for catalog files: quoted fields, doubled quotes, quoted line breaks, comma or tab.</summary>
internal static class CatalogCsv
{
    internal readonly record struct Record(int Line, string[] Fields);

    public static IEnumerable<Record> Read(TextReader reader)
    {
        char? delimiter = null;
        int lineNo = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            int start = lineNo;
            if (lineNo == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            delimiter ??= line.Contains('\t') && !line.Contains(',') ? '\t' : ',';
            fields.Clear();
            field.Clear();
            bool quoted = false;
            int i = 0;
            while (true)
            {
                if (i >= line.Length)
                {
                    if (quoted)
                    {
                        var next = reader.ReadLine();
                        if (next is null) break; // unterminated quote: keep what we have
                        lineNo++;
                        field.Append('\n');
                        line = next;
                        i = 0;
                        continue;
                    }
                    break;
                }
                char c = line[i];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        quoted = false; i++; continue;
                    }
                    field.Append(c); i++; continue;
                }
                if (c == '"' && field.Length == 0) { quoted = true; i++; continue; }
                if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); i++; continue; }
                field.Append(c); i++;
            }
            fields.Add(field.ToString());
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0])) continue;
            yield return new Record(start, [.. fields]);
        }
    }

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>
    /// Decode a catalog file: a BOM decides; otherwise UTF-8 when the bytes are valid UTF-8, else GB18030
    /// (spreadsheets exported from finance systems are often GBK).
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.Value.GetString(bytes);
        }
    }
}
