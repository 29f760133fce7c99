namespace Gongkai.Reading;

/// <summary>
/// A reader for one binary format (PDF, Word, …) that lives in its own assembly so that
/// <c>Gongkai.Reading</c> carries no third-party parser. <see cref="DocumentReader"/> detects the format by
/// content and hands the bytes to the reader registered for it.
/// </summary>
public interface IFormatReader
{
    /// <summary>The format this reader handles.</summary>
    SourceFormat Format { get; }

    /// <summary>Read the whole file. Throws <see cref="ReadException"/> (never anything else) for unreadable input.</summary>
    SourceDocument Read(string path, byte[] bytes);
}
