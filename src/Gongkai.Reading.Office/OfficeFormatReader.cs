using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.Reading.Office;

/// <summary>
/// Word and Excel files, recognised by content: ZIP containers (checked by <see cref="ZipGuard"/> before opening,
/// then read as .docx or .xlsx by their parts) and OLE compound files: legacy Excel 97–2003 workbooks (.xls) and WPS
/// spreadsheets (.et) are read by <see cref="XlsReader"/>; password-protected Office files and legacy .doc are
/// refused with a message saying what to do.
/// </summary>
public sealed class OfficeFormatReader : IFormatReader
{
    public ZipGuard Guard { get; init; } = new();

    /// <summary>The largest XML part read, in characters (guards against ZIPs whose declared sizes lie).</summary>
    public long MaxCharactersInPart { get; init; } = 200L * 1024 * 1024;

    public bool CanRead(ReadOnlySpan<byte> content) =>
        content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
        || OleCompound.IsOle(content);

    public SourceDocument Read(string path, byte[] bytes)
    {
        if (OleCompound.IsOle(bytes))
            return OleCompound.Classify(bytes) == OleKind.LegacyExcel
                ? new XlsReader().Read(path, bytes)
                : throw OleCompound.Refuse(path, bytes);
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
