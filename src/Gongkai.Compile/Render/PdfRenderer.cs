namespace Gongkai.Compile.Render;

public sealed partial class PdfRenderer : IPackageRenderer
{
    public string Format => "pdf";
    public string Extension => "pdf";
    public void Render(CompiledPackage package, Stream output) => throw new NotImplementedException();
}

/// <summary>No CJK TrueType font could be found for the PDF.</summary>
public sealed class CjkFontNotFoundException(string message) : Exception(message);
