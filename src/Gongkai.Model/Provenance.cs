namespace Gongkai.Model;

/// <summary>An axis-aligned box on a PDF page, in PDF points, origin bottom-left.</summary>
public readonly record struct BoundingBox(double Left, double Bottom, double Right, double Top)
{
    public override string ToString() => FormattableString.Invariant($"[{Left:0.#},{Bottom:0.#},{Right:0.#},{Top:0.#}]");
}

/// <summary>
/// Where a value or sentence came from: the file, the line (text formats) or page + box (PDF),
/// the table, row and column inside the source document, and the text exactly as printed.
/// </summary>
public sealed record Provenance(
    string File,
    int? Line = null,
    int? Page = null,
    BoundingBox? Box = null,
    int? TableIndex = null,
    int? Row = null,
    int? Column = null,
    string Text = "")
{
    public static Provenance Unknown { get; } = new("");

    /// <summary>Compact human-readable location such as "003.txt:第214行 表3 行5 列2".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(File)) parts.Add(System.IO.Path.GetFileName(File));
        if (Page is int p) parts.Add($"第{p}页");
        if (Line is int l) parts.Add($"第{l}行");
        if (TableIndex is int t) parts.Add($"表#{t}");
        if (Row is int r) parts.Add($"行{r}");
        if (Column is int c) parts.Add($"列{c}");
        if (Box is BoundingBox b) parts.Add(b.ToString());
        return string.Join(" ", parts);
    }

    public override string ToString() => Describe();
}
