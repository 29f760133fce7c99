namespace Gongkai.Tests.Support;

/// <summary>Locates the repository root (the folder holding Gongkai.slnx) from the test output directory.</summary>
public static class Repo
{
    private static readonly Lazy<string> _root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("找不到仓库根目录（Gongkai.slnx）。");
    });

    public static string Root => _root.Value;

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    /// <summary>A committed Office fixture (tests/Gongkai.Tests/Office/Fixtures): legacy and modern files saved by LibreOffice.</summary>
    public static string OfficeFixture(string name) => Path.Combine(Root, "tests", "Gongkai.Tests", "Office", "Fixtures", name);
}

/// <summary>A temporary directory removed at dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gongkai-test-").FullName;

    public string File(string name, string content)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(p, content, new System.Text.UTF8Encoding(false));
        return p;
    }

    public string File(string name, byte[] content)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
