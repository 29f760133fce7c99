namespace Gongkai.Reading;

/// <summary>
/// A reader for one family of formats (Word/Excel, HTML, …) that recognises its input by content.
/// Readers live in their own assemblies so that this core library keeps no dependency on OpenXml or an
/// HTML parser; <see cref="DocumentReader"/> asks each registered reader in order.
/// </summary>
public interface IFormatReader
{
    /// <summary>True when the content (its first bytes, or all of it) belongs to this reader.</summary>
    bool CanRead(ReadOnlySpan<byte> content);

    /// <summary>Read the content. Throws <see cref="ReadException"/> (never anything else) for unreadable input.</summary>
    SourceDocument Read(string path, byte[] bytes);
}
