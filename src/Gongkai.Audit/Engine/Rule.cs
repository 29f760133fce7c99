using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// A rule: a <see cref="RuleDescriptor"/> plus a check that reads the model and yields findings.
/// Concrete rules have a public parameterless constructor and are discovered by <see cref="RuleRegistry"/>.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract IEnumerable<Finding> Check(AuditContext ctx);

    public string Id => Descriptor.Id;

    /// <summary>A finding at the rule's severity.</summary>
    protected internal Finding Report(string message, IEnumerable<Provenance?> locations, decimal? expected = null,
        decimal? found = null, string? suggestion = null, TableKind? table = null) => new()
        {
            RuleId = Descriptor.Id,
            Severity = Descriptor.Severity,
            Category = Descriptor.Category,
            Message = message,
            Expected = expected,
            Found = found,
            Locations = Locations(locations),
            Suggestion = suggestion,
            Table = table,
        };

    /// <summary>The same finding at a milder severity (e.g. 提示 when it rests on an unverified catalog row).</summary>
    protected internal static Finding Soften(Finding f, Severity severity) =>
        (int)severity > (int)f.Severity ? f with { Severity = severity } : f;

    /// <summary>
    /// Turn a comparison into a finding: nothing on a match; a 提示 "尾差" inside the envelope (if the options
    /// ask for them); otherwise a finding at the rule's severity. <paramref name="what"/> names the identity and
    /// <paramref name="where"/> the place, e.g. "F3 支出决算表 210 卫生健康支出 / 合计".
    /// </summary>
    protected internal Finding? Judge(AuditContext ctx, Comparison c, string where, string what,
        IEnumerable<Provenance?> locations, TableKind? table = null, string? suggestion = null, string unit = "")
    {
        if (c.Verdict == Verdict.Match) return null;
        var rounding = c.Verdict == Verdict.Rounding;
        if (rounding && !ctx.Options.ReportRoundingDifferences) return null;
        var message = $"{where}：{what}，应为 {Tolerance.Format(c.Expected)}{unit}，实为 {Tolerance.Format(c.Found)}{unit}，" +
                      $"差额 {Tolerance.FormatSigned(c.Difference)}{unit}";
        if (rounding) message = "尾差：" + message + $"（在尾差允许范围 ±{Tolerance.Format(c.Envelope)} 内）";
        return new Finding
        {
            RuleId = Descriptor.Id,
            Severity = rounding ? Severity.Info : Descriptor.Severity,
            Category = Descriptor.Category,
            Message = message,
            Expected = c.Expected,
            Found = c.Found,
            Locations = Locations(locations),
            Suggestion = rounding ? null : suggestion,
            IsRoundingDifference = rounding,
            Table = table,
        };
    }

    private static IReadOnlyList<Provenance> Locations(IEnumerable<Provenance?> locations) =>
        locations.Where(l => l is not null && !ReferenceEquals(l, Provenance.Unknown)).Select(l => l!).Distinct().ToList();
}
