namespace Gongkai.Catalogs;

/// <summary>How a printed name (表中名称) compares with the catalog name of its code.</summary>
public enum NameMatchKind
{
    /// <summary>Same name as the catalog entry for that year (after normalising punctuation and spaces).</summary>
    Exact,
    /// <summary>Same name as another edition of the code (旧名/新名), not the one for the year asked.</summary>
    MatchesOtherEdition,
    /// <summary>The printed name is a cut-off prefix of a catalog name (名称截断), e.g. 社会保障和就业支 for 社会保障和就业支出.</summary>
    Truncated,
    /// <summary>The code is known but the printed name matches none of its names.</summary>
    Different,
    /// <summary>The catalog does not know the code.</summary>
    UnknownCode,
}

/// <summary>
/// Result of comparing a printed name with the catalog. <see cref="Entry"/> is the catalog row the printed name was
/// matched against (or the best row for the year when nothing matched); <see cref="Verified"/> tells whether that row
/// may be relied on.
/// </summary>
public sealed record NameMatch(NameMatchKind Kind, string Code, string PrintedName, CatalogEntry? Entry)
{
    /// <summary>Whether the catalog row behind the verdict is verified (已核实). False when the code is unknown.</summary>
    public bool Verified => Entry?.Verified ?? false;

    /// <summary>Exact, or the name of another edition, or a truncated form: the printed name is acceptable.</summary>
    public bool IsAcceptable => Kind is NameMatchKind.Exact or NameMatchKind.MatchesOtherEdition or NameMatchKind.Truncated;

    /// <summary>A short Chinese explanation for reports.</summary>
    public string Describe()
    {
        var expected = Entry?.Describe();
        var editions = Entry is { AppliesToAllYears: false } e ? $"（{e.EditionText}）" : "";
        return Kind switch
        {
            NameMatchKind.Exact => $"科目 {Code} 名称“{PrintedName}”与科目表一致：{expected}",
            NameMatchKind.MatchesOtherEdition => $"科目 {Code} 名称“{PrintedName}”是该科目另一版本的名称：{expected}{editions}",
            NameMatchKind.Truncated => $"科目 {Code} 名称“{PrintedName}”不完整，科目表名称为：{expected}",
            NameMatchKind.Different => $"科目 {Code} 名称“{PrintedName}”与科目表不符，科目表名称为：{expected}",
            _ => $"科目表中没有编码 {Code}（表中名称“{PrintedName}”）",
        };
    }

    public override string ToString() => Describe();
}
