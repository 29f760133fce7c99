using Gongkai.Model;

namespace Gongkai.Reading;

/// <summary>The input format a reader detected from the content. Doc: Word 97–2003 / WPS (.doc, .wps); Xls: a
/// legacy Excel 97–2003 workbook (.xls) or WPS spreadsheet (.et).</summary>
public enum SourceFormat { Text, Markdown, Pdf, Docx, Xlsx, Html, Doc, Xls }

/// <summary>How a text table was written (kept for diagnostics). Xlsx: a spreadsheet grid (.xlsx, .xls, .et).</summary>
public enum TableSyntax { Pipe, Tab, CellPerLine, Pdf, Docx, Xlsx, Html, Doc }

/// <summary>A block of the format-neutral source document.</summary>
public abstract record SourceBlock(Provenance Source);

/// <summary>A paragraph or heading line. <paramref name="HeadingLevel"/> is set where the format marks headings.</summary>
public sealed record TextBlock(string Text, Provenance Source, int? HeadingLevel = null) : SourceBlock(Source);

/// <summary>One cell as read: text as printed, grid position and provenance.</summary>
public sealed record SourceCell(string Text, int Column, Provenance Source, int ColSpan = 1, int RowSpan = 1)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A row of a source table.</summary>
public sealed record SourceRow(IReadOnlyList<SourceCell> Cells, Provenance Source)
{
    public string this[int column] => column < Cells.Count ? Cells[column].Text : "";
    public int Width => Cells.Count;
    public bool IsBlank => Cells.All(c => c.IsEmpty);
    public IEnumerable<SourceCell> NonEmpty => Cells.Where(c => !c.IsEmpty);
}

/// <summary>A table of the source document (a grid of cells with provenance).</summary>
public sealed record TableBlock(IReadOnlyList<SourceRow> Rows, TableSyntax Syntax, Provenance Source, int Index) : SourceBlock(Source)
{
    // a block is an identity (a place in the document), not a value: compare and hash by reference
    public bool Equals(TableBlock? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public int Width => Rows.Count == 0 ? 0 : Rows.Max(r => r.Width);
}

/// <summary>
/// A document read from any format into blocks (text and tables) in reading order. Readers produce it;
/// recognizers turn it into a <see cref="Disclosure"/>.
/// </summary>
public sealed class SourceDocument
{
    public SourceDocument(string file, SourceFormat format, IReadOnlyList<SourceBlock> blocks, int? pageCount = null,
        IReadOnlyList<SourceProblem>? problems = null)
    {
        File = file;
        Format = format;
        Blocks = blocks;
        PageCount = pageCount;
        Problems = problems ?? [];
    }

    public string File { get; }
    public SourceFormat Format { get; }
    public IReadOnlyList<SourceBlock> Blocks { get; }
    public int? PageCount { get; }

    /// <summary>
    /// What the reader could read only in part (a formula without a stored result, a skipped hidden sheet…),
    /// each with a Chinese message and where it is. The pipeline passes them on as notes of the disclosure.
    /// </summary>
    public IReadOnlyList<SourceProblem> Problems { get; }

    public IEnumerable<TableBlock> Tables => Blocks.OfType<TableBlock>();
    public IEnumerable<TextBlock> Texts => Blocks.OfType<TextBlock>();
}

/// <summary>Something a reader read only in part, with a message in Chinese and where it is.</summary>
public sealed record SourceProblem(string Message, Provenance Source);

/// <summary>Why a file could not be read. Each maps to one clear message and exit code 2.</summary>
public enum ReadFailure { NotFound, Empty, Binary, Encrypted, NoTextLayer, Corrupt, TooLarge, Unsupported, NotADisclosure }

/// <summary>A file that cannot be read, with a message in Chinese saying which file, what is wrong and what to do.</summary>
public sealed class ReadException : Exception
{
    public ReadException(string file, ReadFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Failure = failure;
    }

    public string File { get; }
    public ReadFailure Failure { get; }
}
