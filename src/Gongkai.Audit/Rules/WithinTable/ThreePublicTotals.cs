using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>Rows of the “三公” tables with their basis (预算数/决算数/single column).</summary>
internal static class ThreePublicRows
{
    /// <summary>
    /// The 三公 figures as rows: from the tables whose columns carry the 三公 measures (B7/F7 and their variants) when
    /// there are any, otherwise from <see cref="Disclosure.ThreePublic"/> (rebuilt into a synthetic row so the same
    /// checks apply). A 机构运行信息表 (CQ 公开09) prints the 三公 items as labelled rows under 预算数 | 决算数: its
    /// figures reach <see cref="Disclosure.ThreePublic"/> and are checked through the synthetic row, under the
    /// table's kind.
    /// </summary>
    public static IEnumerable<(DisclosureTable Table, DataRow Row, Basis Basis)> All(AuditContext ctx)
    {
        var fromTables = new List<(DisclosureTable, DataRow, Basis)>();
        foreach (var t in ctx.Tables(TableNames.ThreePublic))
            foreach (var row in t.Rows)
                foreach (var basis in new[] { Basis.Default, Basis.Budget, Basis.Final })
                    if (row.Values.Keys.Any(k => k.Basis == basis && k.Measure is Measure.ThreePublicTotal or Measure.VehicleTotal))
                        fromTables.Add((t, row, basis));
        if (fromTables.Count > 0)
        {
            foreach (var x in fromTables) yield return x;
            yield break;
        }
        if (ctx.Disclosure.ThreePublic is { } tp)
        {
            var kind = ctx.Tables(TableKind.InstitutionOperation).Any() ? TableKind.InstitutionOperation
                : ctx.Disclosure.Kind == DocumentKind.FinalAccount ? TableKind.FinalThreePublic : TableKind.BudgetThreePublic;
            var table = new DisclosureTable { Kind = kind };
            var row = new DataRow();
            foreach (var (figures, basis) in new[] { (tp.Budget, Basis.Budget), (tp.Final, Basis.Final) })
            {
                void Put(Measure m, Figure? f) { if (f is not null) row.Values[new ColumnKey(m, basis)] = f; }
                Put(Measure.ThreePublicTotal, figures.Total); Put(Measure.Abroad, figures.Abroad);
                Put(Measure.VehicleTotal, figures.VehicleTotal); Put(Measure.VehiclePurchase, figures.VehiclePurchase);
                Put(Measure.VehicleOperation, figures.VehicleOperation); Put(Measure.Reception, figures.Reception);
            }
            table.Rows.Add(row);
            foreach (var basis in new[] { Basis.Budget, Basis.Final })
                if (row.Values.Keys.Any(k => k.Basis == basis)) yield return (table, row, basis);
        }
    }
}

/// <summary>GK220 三公 合计 = 出国 + 用车小计 + 接待 (P15, Q13).</summary>
public sealed class ThreePublicTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK220", "“三公”经费合计等于三项之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "“三公”合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
        "“三公”经费表的合计应等于三项费用之和，预算数、决算数分别核对。",
        "3.02 = 0 + 1.95 + 1.07");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, row, basis) in ThreePublicRows.All(ctx))
        {
            if (row[new ColumnKey(Measure.ThreePublicTotal, basis)] is not { } total) continue;
            var parts = new[] { Measure.Abroad, Measure.VehicleTotal, Measure.Reception }.Select(m => row[new ColumnKey(m, basis)]).ToList();
            if (parts.All(p => p is null)) continue;
            var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}{BasisName(basis)}",
                "“三公”经费合计应等于因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
            if (f is not null) yield return f;
        }
    }

    internal static string BasisName(Basis b) => b switch { Basis.Budget => "（预算数）", Basis.Final => "（决算数）", _ => "" };
}

/// <summary>GK226 combined table: 合计 = “三公”小计 + 会议费 + 培训费 (P16, JS/XA).</summary>
public sealed class CombinedThreePublicTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK226", "“三公”、会议费、培训费合计等于三者之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "合计 = “三公”经费小计 + 会议费 + 培训费",
        "江苏、西安等地把会议费、培训费与“三公”经费列在同一张表中，最外层合计应等于“三公”小计与会议费、培训费之和。",
        "2542.60 = 833.60 + 1305.25 + 403.75");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, row, basis) in ThreePublicRows.All(ctx))
        {
            // an unread column may be one of the parts of the outer 合计
            if (t.UnmappedValueColumns.Count > 0) continue;
            if (row[new ColumnKey(Measure.Total, basis)] is not { } total) continue;
            var parts = new[] { Measure.ThreePublicTotal, Measure.Meeting, Measure.Training }.Select(m => row[new ColumnKey(m, basis)]).ToList();
            if (parts[1] is null && parts[2] is null) continue;
            var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}{ThreePublicTotal.BasisName(basis)}",
                "合计应等于“三公”经费小计 + 会议费 + 培训费", new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK221 用车小计 = 购置 + 运行 (P15, Q13).</summary>
public sealed class VehicleSubtotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK221", "公务用车小计等于购置费加运行费", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行（维护）费",
        "“三公”经费表中公务用车小计应等于购置费与运行维护费之和，预算数、决算数分别核对。",
        "1.95 = 0 + 1.95");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, row, basis) in ThreePublicRows.All(ctx))
        {
            if (row[new ColumnKey(Measure.VehicleTotal, basis)] is not { } total) continue;
            var parts = new[] { row[new ColumnKey(Measure.VehiclePurchase, basis)], row[new ColumnKey(Measure.VehicleOperation, basis)] };
            if (parts.All(p => p is null)) continue;
            var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}{ThreePublicTotal.BasisName(basis)}",
                "公务用车购置及运行费应等于购置费 + 运行维护费", new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
            if (f is not null) yield return f;
        }
    }
}
