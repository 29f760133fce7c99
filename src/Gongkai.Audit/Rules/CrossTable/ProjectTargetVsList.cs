using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK316 a project's 绩效目标 money equals its line in the project list.</summary>
public sealed class ProjectTargetVsList : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK316", "项目绩效目标资金与项目支出表一致", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "项目绩效目标表年度资金（换算万元）= 项目支出表同名项目金额",
        "同一项目在项目支出表和绩效目标表中的预算金额应一致。",
        "绩效目标表“医疗救助”100.00 万元，项目支出表 120.00 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var list = ctx.Disclosure.Table(TableKind.ProjectList);
        if (list is null) yield break;
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall && p.Amount is { IsNumber: true } && p.ProjectName.Length > 0))
        {
            // a 专项资金 (fund) target table covers the whole fund, which may pay several projects or other units: its
            // money is not one line of the list
            if (IsFundTable(p.Title)) continue;
            var key = X.Key(p.ProjectName);
            var rows = list.Rows.Where(r => !r.IsTotal && X.Key(r.Label) == key).ToList();
            if (rows.Count != 1 || (rows[0][Measure.Amount] ?? rows[0][Measure.Total]) is not { IsNumber: true } printedLine) continue;
            var line = X.Wan(printedLine);
            var amount = p.Amount!.Unit == ValueUnit.Yuan ? p.Amount.ToWanYuan() : p.Amount;
            // the same project listed again with a bracketed qualifier (…（结转）, …（省级）): the target may cover all lines
            var variants = list.Rows.Where(r => !r.IsTotal && X.Key(r.Label) is var k && k.Length > key.Length && k.StartsWith(key, StringComparison.Ordinal)
                                                && k[key.Length] is '(' or '（')
                .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(x => x is { IsNumber: true }).Select(x => X.Wan(x!)).ToList();
            if (variants.Count > 0 && Tolerance.Equal(line.Value + variants.Sum(v => v.Value), amount.Value, Tolerance.ScaleOf(variants.Append(line).Append(amount))).Verdict != Verdict.Mismatch)
                continue;
            // a department's target for a project its units share: the list prints the project once per unit, under
            // a name that may be shortened or prefixed (专用信息化运行维护 / 信息化运行维护项目); the target covers them all
            if (amount.Value > line.Value && SharedAcrossUnits(list, rows[0], key, line, amount)) continue;
            var f = Judge(ctx, Tolerance.Equal(line, amount), $"项目绩效目标表「{p.ProjectName}」", "资金应等于项目支出表同名项目金额",
                new[] { p.Amount.Source, line.Source }, TableKind.ProjectList, "核对两表金额和单位。", "万元");
            if (f is not null) yield return f;
        }
    }

    /// <summary>A target table of a 专项资金 as a whole (专项资金总体绩效目标表, 部门主管专项资金绩效目标表), not of one project.</summary>
    internal static bool IsFundTable(string? title) =>
        title is not null && title.Contains("专项资金") && !title.Replace("一级项目", "").Contains("项目");

    /// <summary>
    /// The target's money is the named line plus lines of the same project under other names (one name contains the
    /// other, at least 4 characters) elsewhere in the list: together, or one of them.
    /// </summary>
    private static bool SharedAcrossUnits(DisclosureTable list, DataRow named, string key, Figure line, Figure amount)
    {
        var related = list.Rows.Where(r => !ReferenceEquals(r, named) && !r.IsTotal && r.UnitCode is null
                                           && X.Key(r.Label) is var k && k.Length >= 4 && k != key && (key.Contains(k) || k.Contains(key)))
            .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(x => x is { IsNumber: true } && x.Value > 0m).Select(x => X.Wan(x!)).ToList();
        if (related.Count == 0) return false;
        bool Fits(decimal extra, IEnumerable<Figure> used) =>
            Tolerance.Equal(line.Value + extra, amount.Value, Tolerance.ScaleOf(used.Append(line).Append(amount))).Verdict != Verdict.Mismatch;
        return Fits(related.Sum(r => r.Value), related) || related.Any(r => Fits(r.Value, new[] { r }));
    }
}
