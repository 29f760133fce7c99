using Gongkai.Model;

namespace Gongkai.Catalogs;

/// <summary>
/// One allowed pairing of a 部门预算支出经济分类 code with a 政府预算支出经济分类 code (经济分类对照).
/// Which side applies depends on who pays (机关 or 事业单位); <see cref="Scope"/> carries that when the source says so.
/// </summary>
public sealed record EconomicMapping
{
    /// <summary>部门经济分类 code (301…).</summary>
    public required ClassificationCode DepartmentCode { get; init; }

    /// <summary>政府经济分类 code (501…).</summary>
    public required ClassificationCode GovernmentCode { get; init; }

    /// <summary>Provenance as written in the mapping file.</summary>
    public string Source { get; init; } = "";

    /// <summary>Whether the pairing was observed in a published source or loaded by the user (已核实).</summary>
    public required bool Verified { get; init; }

    /// <summary>Payer the pairing applies to, as given by <c>scope=</c> in the source (e.g. 机关, 事业单位); null when not stated.</summary>
    public string? Scope { get; init; }

    public CatalogOrigin Origin { get; init; } = CatalogOrigin.BuiltIn;

    internal int LoadOrder { get; init; }

    public string Describe() =>
        $"{DepartmentCode.Value} → {GovernmentCode.Value}" + (Scope is null ? "" : $"（{Scope}）") + (Verified ? "" : "（未核实）");

    public override string ToString() => Describe();
}
