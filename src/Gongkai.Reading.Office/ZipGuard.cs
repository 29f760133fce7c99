using System.IO.Compression;

namespace Gongkai.Reading.Office;

/// <summary>Which Office Open XML package a ZIP holds, judged by its parts.</summary>
public enum PackageKind { Docx, Xlsx, Pptx, OpenDocument, OtherZip }

/// <summary>
/// Checks a ZIP container against decompression bombs before any part is opened: the entry count, the
/// declared uncompressed total, and the compression ratio of large entries, all read from the central
/// directory without inflating anything. The OpenXml parts are later read with a size limit as well
/// (<see cref="OfficeFormatReader.MaxCharactersInPart"/>), which covers ZIPs that under-declare sizes.
/// </summary>
public sealed class ZipGuard
{
    public int MaxEntries { get; init; } = 10_000;
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;
    /// <summary>Entries above this size must not compress better than <see cref="MaxRatio"/>.</summary>
    public long LargeEntryBytes { get; init; } = 1L * 1024 * 1024;
    public double MaxRatio { get; init; } = 100;

    /// <summary>Check the container and tell what it holds. Throws <see cref="ReadException"/> (TooLarge, Corrupt).</summary>
    public PackageKind Check(string path, byte[] bytes)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw new ReadException(path, ReadFailure.Corrupt,
                $"文件已损坏：{path} 是不完整或损坏的压缩包（Word/Excel 文件的容器），无法打开。请用 Word 或 Excel 打开确认，另存后重试。", e);
        }
        using (zip)
        {
            IReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                entries = zip.Entries;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
            {
                throw new ReadException(path, ReadFailure.Corrupt,
                    $"文件已损坏：{path} 是不完整或损坏的压缩包（Word/Excel 文件的容器），部件目录无法读取。请用 Word 或 Excel 打开确认，另存后重试。", e);
            }
            if (entries.Count > MaxEntries)
                throw new ReadException(path, ReadFailure.TooLarge,
                    $"文件结构异常：{path} 内含 {entries.Count} 个部件，超过上限 {MaxEntries}。为防止压缩炸弹，已拒绝读取。请确认文件来源，或在 Word/Excel 中另存后重试。");
            long total = 0;
            bool word = false, excel = false, powerpoint = false, openDocument = false, contentTypes = false;
            foreach (var e in entries)
            {
                total += e.Length;
                if (total > MaxUncompressedBytes)
                    throw new ReadException(path, ReadFailure.TooLarge,
                        $"文件过大：{path} 解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB。为防止压缩炸弹，已拒绝读取。请确认这是一份预决算公开文档，或拆分后再读取。");
                if (e.Length > LargeEntryBytes && (e.CompressedLength == 0 || (double)e.Length / e.CompressedLength > MaxRatio))
                    throw new ReadException(path, ReadFailure.TooLarge,
                        $"文件结构异常：{path} 中的部件 {e.FullName} 压缩比超过 {MaxRatio:0}:1（{e.CompressedLength} 字节解压为 {e.Length} 字节），疑似压缩炸弹，已拒绝读取。请确认文件来源。");
                var name = e.FullName.Replace('\\', '/').TrimStart('/');
                if (name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)) contentTypes = true;
                else if (name.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase)) word = true;
                else if (name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) excel = true;
                else if (name.Equals("ppt/presentation.xml", StringComparison.OrdinalIgnoreCase)) powerpoint = true;
                else if (name.Equals("mimetype", StringComparison.Ordinal)) openDocument = true;
            }
            if (contentTypes && word) return PackageKind.Docx;
            if (contentTypes && excel) return PackageKind.Xlsx;
            if (contentTypes && powerpoint) return PackageKind.Pptx;
            if (openDocument) return PackageKind.OpenDocument;
            return PackageKind.OtherZip;
        }
    }
}
