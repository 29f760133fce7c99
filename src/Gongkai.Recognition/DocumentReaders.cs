using Gongkai.Reading;
using Gongkai.Reading.Html;
using Gongkai.Reading.Office;
using Gongkai.Reading.Pdf;

namespace Gongkai.Recognition;

/// <summary>
/// Composes the document reader of the pipeline: the core reader (text, Markdown) with the format readers of
/// their own assemblies (PDF, Word/Excel, HTML). The core library stays free of their dependencies.
/// </summary>
public static class DocumentReaders
{
    /// <summary>A reader for every supported format.</summary>
    public static DocumentReader CreateDefault() => new([new PdfDocumentReader(), new OfficeFormatReader(), new HtmlFormatReader()]);
}
