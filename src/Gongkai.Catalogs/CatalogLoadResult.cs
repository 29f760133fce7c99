namespace Gongkai.Catalogs;

/// <summary>A line of a catalog file that was skipped, with the reason in Chinese.</summary>
public sealed record CatalogLoadIssue(int Line, string Message)
{
    public override string ToString() => $"第 {Line} 行：{Message}";
}

/// <summary>What a load of a catalog edition did.</summary>
public sealed record CatalogLoadResult(string Source, int RowsLoaded, IReadOnlyList<CatalogLoadIssue> Skipped)
{
    public bool HasIssues => Skipped.Count > 0;
}

/// <summary>A catalog file that cannot be used at all (no code or name column, unreadable).</summary>
public sealed class CatalogFormatException(string message, Exception? inner = null) : Exception(message, inner);
