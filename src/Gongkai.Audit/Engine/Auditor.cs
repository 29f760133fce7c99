using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>The findings of one audit, sorted by severity then location, with counts.</summary>
public sealed class AuditReport
{
    public AuditReport(string file, IReadOnlyList<Finding> findings, IReadOnlyList<string> rulesRun)
    {
        File = file;
        Findings = findings;
        RulesRun = rulesRun;
    }

    public string File { get; }
    public IReadOnlyList<Finding> Findings { get; }
    /// <summary>Ids of the rules that ran on this document.</summary>
    public IReadOnlyList<string> RulesRun { get; }

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
    public int ErrorCount => Count(Severity.Error);
    public int WarningCount => Count(Severity.Warning);
    public int InfoCount => Count(Severity.Info);
    /// <summary>How many of the findings are 尾差 (a subset of the 提示).</summary>
    public int RoundingCount => Findings.Count(f => f.IsRoundingDifference);

    public IEnumerable<Finding> ByRule(string id) => Findings.Where(f => f.RuleId == id);
}

/// <summary>Runs every applicable rule of a registry on a disclosure.</summary>
public sealed class Auditor
{
    public Auditor(RuleRegistry? registry = null, AuditOptions? options = null)
    {
        Registry = registry ?? RuleRegistry.Default;
        Options = options ?? AuditOptions.Default;
    }

    public RuleRegistry Registry { get; }
    public AuditOptions Options { get; }

    /// <summary>Audit with the default registry.</summary>
    public static AuditReport Audit(Disclosure disclosure, AuditOptions? options = null) =>
        new Auditor(null, options).Run(disclosure);

    public AuditReport Run(Disclosure disclosure)
    {
        var ctx = new AuditContext(disclosure, Options);
        var findings = new List<Finding>();
        var ran = new List<string>();
        foreach (var rule in Registry.Rules)
        {
            var d = rule.Descriptor;
            if (Options.DisabledRules.Contains(d.Id) || !d.IsApplicable(disclosure.Kind, ctx.Profile)) continue;
            if (disclosure.IsBlankTemplate && !d.RunsOnTemplates) continue;
            ran.Add(d.Id);
            var severity = Registry.EffectiveSeverity(d, ctx.Profile, Options);
            try
            {
                foreach (var f in rule.Check(ctx))
                    findings.Add(Effective(f, d.Severity, severity));
            }
            catch (Exception ex)
            {
                findings.Add(new Finding
                {
                    RuleId = d.Id,
                    Severity = Severity.Info,
                    Category = d.Category,
                    Message = $"规则 {d.Id}（{d.Title}）执行异常，未完成检查（{Failures.Describe(ex)}）{Failures.Details(ex)}",
                });
            }
        }
        // the same statement can reach a rule twice (as an amount and as a breakdown total): report it once
        var distinct = findings.DistinctBy(f => (f.RuleId, f.Message, f.PrimaryLocation?.Describe())).ToList();
        return new AuditReport(disclosure.File, Sort(distinct), ran);
    }

    /// <summary>
    /// The severity a finding is reported with. A finding at the rule's default severity takes the effective one
    /// (profile and option overrides); a finding the rule itself downgraded (尾差, an unverified catalog row, a
    /// truncated name …) keeps the milder of its own and the effective severity.
    /// </summary>
    internal static Finding Effective(Finding f, Severity ruleDefault, Severity effective)
    {
        if (f.IsRoundingDifference) return f;
        if (f.Severity == ruleDefault) return f.Severity == effective ? f : f with { Severity = effective };
        var milder = (Severity)Math.Max((int)f.Severity, (int)effective);
        return milder == f.Severity ? f : f with { Severity = milder };
    }

    /// <summary>Severity first, then location (file, page, line, table, row, column), then rule id.</summary>
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Severity)
            .ThenBy(f => f.PrimaryLocation?.File ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.PrimaryLocation?.Page ?? int.MaxValue)
            .ThenBy(f => f.PrimaryLocation?.Line ?? int.MaxValue)
            .ThenBy(f => f.PrimaryLocation?.TableIndex ?? int.MaxValue)
            .ThenBy(f => f.PrimaryLocation?.Row ?? int.MaxValue)
            .ThenBy(f => f.PrimaryLocation?.Column ?? int.MaxValue)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
}
