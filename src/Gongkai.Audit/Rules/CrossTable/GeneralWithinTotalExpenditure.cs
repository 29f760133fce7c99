using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK309 一般公共预算支出表 row ≤ 支出表 row (P26, Q25, [U]).</summary>
public sealed class GeneralWithinTotalExpenditure : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK309", "一般公共预算支出不超过全部支出", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "一般公共预算支出表 各科目合计 ≤ 支出表 同科目合计",
        "一般公共预算财政拨款只是全部资金来源的一部分，同一科目的一般公共预算支出通常不应超过该科目全部支出。",
        "F5 2101101 338.21 ≤ F3 2101101 338.21");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var gen = ctx.Disclosure.Table(K(ctx, TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure));
        var all = ctx.Disclosure.Table(K(ctx, TableKind.BudgetExpenditure, TableKind.FinalExpenditure));
        if (gen is null || all is null) yield break;
        foreach (var row in gen.Rows)
        {
            // a row of a table listed unit by unit is one unit's figure, not the department's
            var other = row.IsTotal ? all.TotalRow : row.Code is { } c && gen.Sections == 0 ? all.Row(c.Value) : null;
            if (row[Measure.Total] is not { } a || other?[Measure.Total] is not { } b) continue;
            var cmp = Tolerance.AtMost(a.Value, b.Value, Tolerance.ScaleOf(new[] { a, b }));
            var f = Judge(ctx, cmp, $"{gen.Kind.Describe()}「{row.Name()}」", $"不应超过{all.Kind.Describe()}同科目合计（应为不超过）",
                new[] { a.Source, b.Source }, gen.Kind, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}
