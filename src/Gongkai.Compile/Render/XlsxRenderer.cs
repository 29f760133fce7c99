namespace Gongkai.Compile.Render;

public sealed partial class XlsxRenderer : IPackageRenderer
{
    public string Format => "xlsx";
    public string Extension => "xlsx";
    public void Render(CompiledPackage package, Stream output) => throw new NotImplementedException();
}
