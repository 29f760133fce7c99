using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Reading.Office;

/// <summary>What an OLE compound file (D0 CF 11 E0 A1 B1 1A E1) holds.</summary>
public enum OleKind { EncryptedOoxml, LegacyWord, LegacyExcel, Other }

/// <summary>
/// Tells password-protected Word/Excel files (an OLE container with EncryptionInfo and EncryptedPackage
/// streams) from legacy .doc/.wps and .xls/.et files by the stream names in the container's directory. This first
/// look does not parse the directory: its entries hold the names in UTF-16LE, which are searched for directly; a
/// Word file is then opened with <see cref="CompoundFile"/>, a workbook with <see cref="XlsReader"/>.
/// </summary>
public static class OleCompound
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsOle(ReadOnlySpan<byte> content) => content.StartsWith(Signature);

    /// <summary>
    /// The file ends before its directory (the list of streams) or is shorter than its header: cut off in a download
    /// or copy. The header gives the sector size (2^shift bytes at offset 30) and the directory's first sector (offset 48).
    /// </summary>
    public static bool Truncated(ReadOnlySpan<byte> content)
    {
        if (content.Length < 512) return true;
        int shift = BinaryPrimitives.ReadUInt16LittleEndian(content[30..]);
        uint directory = BinaryPrimitives.ReadUInt32LittleEndian(content[48..]);
        if (shift is < 7 or > 16 || directory >= 0xFFFFFFFA) return false; // not a header we can judge
        return (directory + 1L) * (1L << shift) + (1L << shift) > content.Length;
    }

    public static OleKind Classify(ReadOnlySpan<byte> content)
    {
        if (Contains(content, "EncryptionInfo") && Contains(content, "EncryptedPackage")) return OleKind.EncryptedOoxml;
        if (Contains(content, "WordDocument")) return OleKind.LegacyWord;
        if (Contains(content, "Workbook") || Contains(content, "Book")) return OleKind.LegacyExcel;
        return OleKind.Other;
    }

    private static bool Contains(ReadOnlySpan<byte> content, string name) =>
        content.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;

    /// <summary>The exception for an OLE file that is not read: encrypted OOXML, or a container that holds neither a Word
    /// document (read by <see cref="DocReader"/>) nor a workbook (read by <see cref="XlsReader"/>).</summary>
    public static ReadException Refuse(string path, ReadOnlySpan<byte> content)
    {
        var file = path;
        if (Classify(content) == OleKind.Other && Truncated(content))
            return new ReadException(path, ReadFailure.Corrupt,
                $"文件已损坏：{file} 是 Office 97-2003 格式的文件（.xls、.et 或 .doc），但内容不完整（可能在下载或复制时被截断），无法读取。请重新获取完整的文件后再读取。");
        return Classify(content) switch
        {
            OleKind.EncryptedOoxml => new ReadException(path, ReadFailure.Encrypted,
                $"文件已加密：{file} 设有打开密码，无法读取。请在 Word/Excel 中输入密码打开，取消密码（文件→信息→保护→用密码进行加密，清空）后另存，再读取。"),
            _ => new ReadException(path, ReadFailure.Unsupported,
                $"暂不支持该文件格式：{file} 是 Office 97-2003 格式的文件，但不是 Word 或 Excel 文档。请另存为 .docx 或 .xlsx 后再读取。"),
        };
    }
}
