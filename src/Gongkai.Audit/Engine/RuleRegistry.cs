using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// All rules (the explicit list of <see cref="BuiltInRules"/>: no reflection at start-up, nothing a trimmed or
/// Native AOT build could drop), plus the severity overrides of each regional profile.
/// </summary>
public sealed class RuleRegistry
{
    private static readonly Lazy<RuleRegistry> _default = new(() => new RuleRegistry(BuiltInRules.Create()));

    /// <summary>
    /// Built-in profile overrides: what a region legitimately does differently. Shaanxi (XA) counts 30229 福利费
    /// and 30239 其他交通费用 as 人员经费, so the B6 人员/公用 column split is only a hint there.
    /// </summary>
    public static IReadOnlyDictionary<RegionProfile, IReadOnlyDictionary<string, Severity>> BuiltInProfileOverrides { get; } =
        new Dictionary<RegionProfile, IReadOnlyDictionary<string, Severity>>
        {
            [RegionProfile.Shaanxi] = new Dictionary<string, Severity> { ["GK224"] = Severity.Info },
        };

    public RuleRegistry(IEnumerable<Rule> rules,
        IReadOnlyDictionary<RegionProfile, IReadOnlyDictionary<string, Severity>>? profileOverrides = null)
    {
        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var dup = Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidOperationException($"规则编号重复：{dup.Key}");
        ProfileOverrides = profileOverrides ?? BuiltInProfileOverrides;
    }

    /// <summary>The registry of all rules in Gongkai.Audit.</summary>
    public static RuleRegistry Default => _default.Value;

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyDictionary<RegionProfile, IReadOnlyDictionary<string, Severity>> ProfileOverrides { get; }

    public IEnumerable<RuleDescriptor> Descriptors => Rules.Select(r => r.Descriptor);

    public Rule? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The severity a rule reports with: descriptor default, then profile override, then option override.</summary>
    public Severity EffectiveSeverity(RuleDescriptor descriptor, RegionProfile profile, AuditOptions options)
    {
        var s = descriptor.Severity;
        if (ProfileOverrides.TryGetValue(profile, out var po) && po.TryGetValue(descriptor.Id, out var ps)) s = ps;
        if (options.SeverityOverrides.TryGetValue(descriptor.Id, out var os)) s = os;
        return s;
    }
}
