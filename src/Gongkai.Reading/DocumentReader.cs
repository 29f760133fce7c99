namespace Gongkai.Reading;

/// <summary>
/// Chooses a reader by content, not by file extension. Text and Markdown are read here; other formats
/// are recognised by their signatures.
/// </summary>
public sealed class DocumentReader
{
    private readonly TextDocumentReader _text = new();
    private readonly IReadOnlyList<IFormatReader> _formats;

    /// <summary>A reader for text and Markdown only.</summary>
    public DocumentReader() : this([]) { }

    /// <summary>A reader that first offers the content to each of <paramref name="formats"/>, in order.</summary>
    public DocumentReader(IEnumerable<IFormatReader> formats) => _formats = formats.ToList();

    /// <summary>The format readers asked before the built-in ones.</summary>
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
        foreach (var format in _formats)
            if (format.CanRead(bytes)) return format.Read(path, bytes);
        if (bytes.Length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F')
            throw new ReadException(path, ReadFailure.Unsupported, $"暂不支持 PDF：{path}。请先转换为文本后读取。");
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
            throw new ReadException(path, ReadFailure.Unsupported, $"暂不支持 Word/Excel 文件：{path}。请先另存为文本后读取。");
        return new TextDocumentReader { MaxBytes = MaxBytes }.Read(path, bytes);
    }
}
