using Gongkai.Model;

namespace Gongkai.Catalogs;

/// <summary>Where a catalog row came from.</summary>
public enum CatalogOrigin
{
    /// <summary>The catalog shipped with the product (内置科目表).</summary>
    BuiltIn,
    /// <summary>A catalog edition the user loaded from a file (用户导入的科目表).</summary>
    User,
}

/// <summary>
/// One row of a classification catalog (政府收支分类科目): a code with one name, the editions (年度) in which the
/// code carried that name, where the row comes from and whether it was checked against a published source (已核实).
/// A renamed code has one entry per name.
/// </summary>
public sealed record CatalogEntry
{
    /// <summary>The code (科目编码) and its scheme.</summary>
    public required ClassificationCode Code { get; init; }

    /// <summary>The name (科目名称) as the catalog spells it.</summary>
    public required string Name
    {
        get => _name;
        init
        {
            _name = value ?? throw new ArgumentNullException(nameof(Name));
            NormalizedName = CatalogText.Normalize(value);
        }
    }

    private readonly string _name = "";

    /// <summary>The name as compared (<see cref="CatalogText.Normalize"/>); derived from <see cref="Name"/>.</summary>
    internal string NormalizedName { get; private init; } = "";

    /// <summary>类 / 款 / 项.</summary>
    public required CodeLevel Level { get; init; }

    /// <summary>Editions the name applies to. Empty means every year (the economic catalogs carry no year).</summary>
    public IReadOnlyList<CatalogEdition> Editions { get; init; } = [];

    /// <summary>Provenance as written in the catalog (e.g. <c>RECALLED ; S003</c>, a user file name).</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// Whether code and name were seen together in a published source or come from the user's official catalog.
    /// An unverified row (未核实) is a hint, never an authority.
    /// </summary>
    public required bool Verified { get; init; }

    public CatalogOrigin Origin { get; init; } = CatalogOrigin.BuiltIn;

    /// <summary>Order of the load that produced the row; later loads win for the same code and year.</summary>
    internal int LoadOrder { get; init; }

    /// <summary>Position of the row in its file, used as the last tie-breaker.</summary>
    internal int Row { get; init; }

    public CodeScheme Scheme => Code.Scheme;

    /// <summary>True when the row carries no edition and so applies to every year.</summary>
    public bool AppliesToAllYears => Editions.Count == 0;

    /// <summary>Whether the name applies in <paramref name="year"/> according to its editions.</summary>
    public bool AppliesTo(int year)
    {
        if (Editions.Count == 0) return true;
        foreach (var e in Editions)
            if (e.Contains(year)) return true;
        return false;
    }

    /// <summary>Years between <paramref name="year"/> and the nearest edition of this row (0 when it applies).</summary>
    public int DistanceTo(int year)
    {
        if (Editions.Count == 0) return 0;
        int best = int.MaxValue;
        foreach (var e in Editions) best = Math.Min(best, e.DistanceTo(year));
        return best;
    }

    /// <summary>
    /// True when the row's name was replaced by <paramref name="year"/>: an edition note says from which year the code
    /// carries another name (<c>≤2018(旧名,2019起更名)</c>) and the row does not apply to the year itself.
    /// </summary>
    internal bool RenamedBy(int year)
    {
        if (AppliesTo(year)) return false;
        foreach (var e in Editions)
        {
            if (e.Note is not { } note) continue;
            int i = note.IndexOf("起", StringComparison.Ordinal);
            if (i < 4 || !int.TryParse(note.AsSpan(i - 4, 4), out int from)) continue;
            if (note.IndexOf("更名", i, StringComparison.Ordinal) < 0 && note.IndexOf("改名", i, StringComparison.Ordinal) < 0) continue;
            if (from <= year) return true;
        }
        return false;
    }

    /// <summary>True when the row applies to <paramref name="year"/> only through recalled editions.</summary>
    internal bool AppliesOnlyAsRecalled(int year)
    {
        bool any = false;
        foreach (var e in Editions)
        {
            if (!e.Contains(year)) continue;
            if (!e.Recalled) return false;
            any = true;
        }
        return any;
    }

    /// <summary>The latest year any edition of the row covers (for ordering; open ranges sort last).</summary>
    internal int NewestYear
    {
        get
        {
            if (Editions.Count == 0) return 9999;
            int max = int.MinValue;
            foreach (var e in Editions) max = Math.Max(max, e.SortYear);
            return max;
        }
    }

    internal int OldestYear
    {
        get
        {
            if (Editions.Count == 0) return int.MinValue;
            int min = int.MaxValue;
            foreach (var e in Editions) min = Math.Min(min, e.FirstYear ?? int.MinValue + 1);
            return min;
        }
    }

    /// <summary>The editions as written, joined by <c>|</c>; empty when the row applies to all years.</summary>
    public string EditionText => string.Join("|", Editions.Select(e => e.Text));

    /// <summary>
    /// Code and name for messages to users, e.g. <c>2101501 行政运行</c>; an unverified row is marked <c>（未核实）</c>
    /// so it is never shown as authoritative.
    /// </summary>
    public string Describe() => Verified ? $"{Code.Value} {Name}" : $"{Code.Value} {Name}（未核实）";

    public override string ToString() => Describe();
}
