using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK311 B2 row = B3 row for each function code (P22, [U], budget only; 决算 F2 ≠ F3 is normal, Q28).</summary>
public sealed class RevenueRowMatchesExpenditureRow : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK311", "预算收入表与支出表同科目一致", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "B2 各科目合计 = B3 同科目合计",
        "预算收入按支出功能科目分配，收入总表与支出总表同一科目的合计通常相等；决算因结转结余不要求相等。",
        "B2 2101101 27.50 = B3 2101101 27.50");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Table(TableKind.BudgetRevenue) is not { } rev || ctx.Disclosure.Table(TableKind.BudgetExpenditure) is not { } exp) yield break;
        foreach (var row in rev.Rows)
        {
            if (row.Code is not { } code || rev.Sections > 0 || exp.Row(code.Value) is not { } other) continue;
            if (row[Measure.Total] is not { } a || other[Measure.Total] is not { } b) continue;
            var f = Same(ctx, new Named(a, TableKind.BudgetRevenue, row.Name()), new Named(b, TableKind.BudgetExpenditure, other.Name()));
            if (f is not null) yield return f;
        }
    }
}
