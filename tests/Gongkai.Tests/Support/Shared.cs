namespace Gongkai.Tests.Support;

/// <summary>Locates ../shared (the seeds, sample PDFs and catalogs) from the test output directory.</summary>
public static class Shared
{
    private static readonly Lazy<string> _root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return Path.GetFullPath(candidate);
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("找不到 ../shared（种子文档目录）。测试需要在仓库旁放置 shared/。");
    });

    public static string Root => _root.Value;

    /// <summary>Path of a seed by its number prefix ("003").</summary>
    public static string Seed(string prefix) =>
        Directory.GetFiles(Path.Combine(Root, "seeds"), prefix + "_*.txt").Single();

    public static string Pdf(string name) => Path.Combine(Root, "samples", "pdf", name);

    /// <summary>Path of a published document of ../shared/corpus by its file name.</summary>
    public static string Corpus(string file) => Path.Combine(Root, "corpus", file);

    public static string Catalog(string name) => Path.Combine(Root, "catalog", name);
}
