namespace Gongkai.Compile.Render;

public sealed partial class DocxRenderer : IPackageRenderer
{
    public string Format => "docx";
    public string Extension => "docx";
    public void Render(CompiledPackage package, Stream output) => throw new NotImplementedException();
}
