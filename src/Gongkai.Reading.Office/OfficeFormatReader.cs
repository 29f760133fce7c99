using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.Reading.Office;

/// <summary>
/// Word and Excel files, recognised by content: ZIP containers (checked by <see cref="ZipGuard"/> before opening,
/// then read as .docx or .xlsx by their parts) and OLE compound files: Word 97–2003 and WPS documents (.doc/.wps)
/// are read by <see cref="DocReader"/>, legacy Excel 97–2003 workbooks (.xls) and WPS spreadsheets (.et) by
/// <see cref="XlsReader"/>; password-protected Office files are refused with a message saying what to do.
/// </summary>
public sealed class OfficeFormatReader : IFormatReader
{
    /// <summary>
    /// An OLE compound file: a Word 97–2003/WPS document (a WordDocument stream under the root) is read by
    /// <see cref="DocReader"/>; password-protected OOXML and legacy Excel are refused with advice. A container
    /// or Word structure that does not hold together is Corrupt.
    /// </summary>
    private static SourceDocument ReadOle(string path, byte[] bytes)
    {
        var kind = OleCompound.Classify(bytes);
        if (kind == OleKind.LegacyExcel) return new XlsReader().Read(path, bytes);
        if (kind == OleKind.EncryptedOoxml) throw OleCompound.Refuse(path, bytes);
        try
        {
            var cf = new CompoundFile(bytes);
            if (!cf.HasStream("WordDocument"))
            {
                if (cf.HasStream("EncryptionInfo") || cf.HasStream("EncryptedPackage") || cf.HasStream("Workbook") || cf.HasStream("Book"))
                    throw OleCompound.Refuse(path, bytes);
                throw new ReadException(path, ReadFailure.Unsupported,
                    $"暂不支持该文件格式：{path} 是 Office 97-2003 格式的文件，但不是 Word 或 Excel 文档。请另存为 .docx 或 .xlsx 后再读取。");
            }
            return new DocReader().Read(path, cf);
        }
        catch (CompoundFileException e)
        {
            throw OleCorrupt(path, kind, e.Message, e);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidOperationException)
        {
            throw OleCorrupt(path, kind, "结构不完整", e);
        }
    }

    private static ReadException OleCorrupt(string path, OleKind kind, string what, Exception e) => kind == OleKind.LegacyWord
        ? new(path, ReadFailure.Corrupt,
            $"文件已损坏：{path} 不是有效的 Word 97-2003 文档（{what}），无法解析其内容。请用 Word 或 WPS 打开，确认内容完整后另存为 .docx，再读取。", e)
        : new(path, ReadFailure.Corrupt,
            $"文件已损坏：{path} 是 Office 97-2003 格式的文件，但内部结构已损坏（{what}），无法解析。请用原软件打开，确认内容完整后另存为 .docx 或 .xlsx，再读取。", e);

    public ZipGuard Guard { get; init; } = new();

    /// <summary>The largest XML part read, in characters (guards against ZIPs whose declared sizes lie).</summary>
    public long MaxCharactersInPart { get; init; } = 200L * 1024 * 1024;

    public bool CanRead(ReadOnlySpan<byte> content) =>
        content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
        || OleCompound.IsOle(content);

    public SourceDocument Read(string path, byte[] bytes)
    {
        if (OleCompound.IsOle(bytes)) return ReadOle(path, bytes);
        var kind = Guard.Check(path, bytes);
        var file = path;
        var settings = new OpenSettings { MaxCharactersInPart = MaxCharactersInPart, AutoSave = false };
        try
        {
            return kind switch
            {
                PackageKind.Docx => new DocxReader().Read(path, new MemoryStream(bytes, writable: false), settings),
                PackageKind.Xlsx => new XlsxReader().Read(path, new MemoryStream(bytes, writable: false), settings),
                PackageKind.Pptx => throw new ReadException(path, ReadFailure.Unsupported,
                    $"暂不支持 PowerPoint 文件：{file}。请提供 Word、Excel、PDF 或 HTML 格式的公开文档。"),
                PackageKind.OpenDocument => throw new ReadException(path, ReadFailure.Unsupported,
                    $"暂不支持 OpenDocument 格式（.odt/.ods）：{file}。请另存为 Word 文档（.docx）或 Excel 工作簿（.xlsx）后再读取。"),
                _ => throw new ReadException(path, ReadFailure.Unsupported,
                    $"暂不支持该压缩文件：{file} 不是 Word（.docx）或 Excel（.xlsx）文档。如是压缩包，请解压后逐个读取。"),
            };
        }
        catch (ReadException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
            or InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException
            or NotSupportedException or OverflowException or IndexOutOfRangeException or NullReferenceException)
        {
            var what = kind == PackageKind.Docx ? "Word 文档" : "Excel 工作簿";
            throw new ReadException(path, ReadFailure.Corrupt,
                $"文件已损坏：{file} 不是有效的{what}，无法解析其内容。请用 {(kind == PackageKind.Docx ? "Word" : "Excel")} 打开，确认内容完整后另存，再读取。", e);
        }
    }
}
