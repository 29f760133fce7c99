using Gongkai.Model;
namespace Gongkai.Reading;

/// <summary>
/// Chooses a reader by content, not by file extension. Text and Markdown are read here; binary formats are
/// recognised by their signatures and read by the first registered <see cref="IFormatReader"/> that accepts
/// them (PDF in <c>Gongkai.Reading.Pdf</c>, Word/Excel in <c>Gongkai.Reading.Office</c>, HTML in
/// <c>Gongkai.Reading.Html</c>). A recognised binary format with no registered reader is refused clearly.
/// </summary>
public sealed class DocumentReader
{
    private readonly IReadOnlyList<IFormatReader> _formats;

    /// <summary>A reader for text and Markdown only.</summary>
    public DocumentReader() : this([]) { }

    /// <summary>A reader that first offers the content to each of <paramref name="formats"/>, in order.</summary>
    public DocumentReader(IEnumerable<IFormatReader> formats) => _formats = formats.ToList();

    /// <summary>The format readers asked before the built-in text reader.</summary>
    public IReadOnlyList<IFormatReader> Formats => _formats;

    /// <summary>The largest input accepted, any format.</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    public SourceDocument Read(string path)
    {
        if (!File.Exists(path))
            throw new ReadException(path, ReadFailure.NotFound, $"文件不存在：{path}。请检查路径是否正确。");
        var length = new FileInfo(path).Length;
        if (length == 0)
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path}。没有可读取的内容。");
        if (length > MaxBytes)
            throw new ReadException(path, ReadFailure.TooLarge,
                $"文件过大：{path}（{length / 1024 / 1024} MB，上限 {MaxBytes / 1024 / 1024} MB）。请确认这是一份预决算公开文档，或拆分后再读取。");
        var bytes = File.ReadAllBytes(path);
        return Read(path, bytes);
    }

    public SourceDocument Read(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
            throw new ReadException(path, ReadFailure.Empty, $"文件为空：{path}。没有可读取的内容。");
        foreach (var format in _formats)
        {
            if (!format.CanRead(bytes)) continue;
            try
            {
                return format.Read(path, bytes);
            }
            catch (ReadException)
            {
                throw;
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
            {
                // a format reader must answer bad input with a ReadException; anything else escaping its parser
                // (a damaged container the library trips over) is still the file's fault, not a crash
                throw new ReadException(path, ReadFailure.Corrupt,
                    $"文件已损坏或格式异常：{path} 无法解析（{Failures.Describe(e)}）{Failures.Details(e)}。请用原软件打开确认内容完整后另存，再读取。", e);
            }
        }
        switch (Sniff(bytes))
        {
            case SourceFormat.Pdf:
                throw new ReadException(path, ReadFailure.Unsupported, $"暂不支持 PDF：{path}。当前程序未加载 PDF 读取组件，请先转换为文本后读取。");
            case SourceFormat.Docx or SourceFormat.Doc:
                throw new ReadException(path, ReadFailure.Unsupported, $"暂不支持 Word/Excel 文件：{path}。当前程序未加载 Office 读取组件，请先另存为文本后读取。");
            case SourceFormat.Xls:
                throw new ReadException(path, ReadFailure.Unsupported, $"暂不支持 Office 97-2003 文件：{path}。当前程序未加载 Office 读取组件，请先另存为文本后读取。");
        }
        if (IsRtf(bytes))
            throw new ReadException(path, ReadFailure.Unsupported,
                $"暂不支持 RTF 格式：{path} 是 RTF 文档（可能被改名为 .doc）。请用 Word 或 WPS 打开后另存为 Word 文档（.docx），再读取。");
        return new TextDocumentReader { MaxBytes = MaxBytes }.Read(path, bytes);
    }

    /// <summary>Rich Text Format (often saved or renamed as .doc): <c>{\rtf</c> at the start, after a BOM or white space.</summary>
    public static bool IsRtf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        int i = 0;
        while (i < bytes.Length && i < 64 && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return bytes[i..].StartsWith("{\\rtf"u8);
    }

    /// <summary>
    /// The binary format a file's content shows, or null for text. A PDF is recognised by <c>%PDF-</c> anywhere in
    /// the first 1 KB (some generators write junk before it, which PDF readers tolerate); a ZIP container (Word,
    /// Excel) by its <c>PK\x03\x04</c> signature; an OLE compound file (D0 CF 11 E0 signature) as
    /// <see cref="SourceFormat.Doc"/> when its directory names a WordDocument stream (Word 97–2003, WPS), otherwise as
    /// <see cref="SourceFormat.Xls"/> (legacy Excel, WPS spreadsheets, encrypted Office files).
    /// </summary>
    public static SourceFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) return SourceFormat.Docx;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return bytes.IndexOf("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"u8) >= 0 ? SourceFormat.Doc : SourceFormat.Xls;
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0) return SourceFormat.Pdf;
        return null;
    }
}
