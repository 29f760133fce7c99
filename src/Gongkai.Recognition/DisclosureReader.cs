using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition;

/// <summary>The result of reading one file: the format-neutral source and the disclosure model.</summary>
public sealed record ReadResult(Disclosure Disclosure, SourceDocument Source);

/// <summary>
/// The read pipeline: reader (by content) → source document → recognizers (tables, performance,
/// narrative and claims) → disclosure model.
/// </summary>
public sealed class DisclosureReader
{
    public DocumentReader Reader { get; init; } = new();

    /// <summary>Read and recognize a file. Throws <see cref="ReadException"/> for unreadable input.</summary>
    public ReadResult Read(string path) => Recognize(Reader.Read(path));

    public ReadResult Read(string path, byte[] bytes) => Recognize(Reader.Read(path, bytes));

    public ReadResult Recognize(SourceDocument source)
    {
        var disclosure = new Disclosure { File = source.File };
        // Table, performance and narrative recognizers are added here.
        return new ReadResult(disclosure, source);
    }
}
