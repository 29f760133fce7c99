using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// One problem found by a rule. Amount fields are in the unit of the figures compared (万元 for tables,
/// 元 for 绩效自评 money, percentage points for percentages). <see cref="Difference"/> is Found − Expected.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>Chinese message: what was expected, what was found, the difference and where.</summary>
    public required string Message { get; init; }
    public decimal? Expected { get; init; }
    public decimal? Found { get; init; }
    public decimal? Difference => Expected is decimal e && Found is decimal f ? f - e : null;
    /// <summary>Where the compared figures or sentences are; the first one is the primary location.</summary>
    public IReadOnlyList<Provenance> Locations { get; init; } = Array.Empty<Provenance>();
    /// <summary>A hint on how to fix it (Chinese), when the rule can tell.</summary>
    public string? Suggestion { get; init; }
    /// <summary>True when the difference lies inside the 尾差 envelope (always reported as 提示).</summary>
    public bool IsRoundingDifference { get; init; }
    /// <summary>The standard table the finding is about (for grouping), when there is one.</summary>
    public TableKind? Table { get; init; }
    /// <summary>The category of the rule that produced it.</summary>
    public RuleCategory Category { get; init; }

    public Provenance? PrimaryLocation => Locations.Count > 0 ? Locations[0] : null;

    public override string ToString() => $"{RuleId} {Severity.Chinese()} {Message}";
}
