using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK303 支出表 合计 = 总表 本年支出合计; class rows agree (P21, Q21).</summary>
public sealed class ExpenditureMatchesSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK303", "支出表与总表本年支出一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "支出表 合计 = 收支总表 本年支出合计；支出表 各类 = 收支总表 各类",
        "支出表按科目展开的是总表右侧的本年支出，合计与各类级科目金额都应一致。",
        "F3 合计 2940.05 = F1 本年支出合计 2940.05；F3 208 = F1 208");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var exp = K(ctx, TableKind.BudgetExpenditure, TableKind.FinalExpenditure);
        var sum = K(ctx, TableKind.BudgetSummary, TableKind.FinalSummary);
        var total = Same(ctx, LineOf(ctx, sum, Side.Expenditure, SummaryLine.TotalExpenditureThisYear), TotalOf(ctx, exp, Measure.Total));
        if (total is not null) yield return total;
        foreach (var f in SameClasses(ctx, this, sum, exp, null, Measure.Total)) yield return f;
    }

    /// <summary>Each class line of a summary table against the same class row of a coded table.</summary>
    internal static IEnumerable<Finding> SameClasses(AuditContext ctx, CrossTableRule rule, TableKind summary, TableKind coded,
        ColumnKey? summaryKey, ColumnKey codedKey)
    {
        if (ctx.Disclosure.Table(summary) is not { } s || ctx.Disclosure.Table(coded) is not { } c) yield break;
        foreach (var line in s.ClassLines())
        {
            if (line.Code is not { } code || c.Row(code.Value) is not { } row) continue;
            var a = summaryKey is { } k ? line[k] : line.LineValue();
            var b = row[codedKey];
            if (a is null || b is null) continue;
            var f = rule.SameFor(ctx, new Named(a, summary, line.Name()), new Named(b, coded, row.Name() + "·" + codedKey.ColumnName()));
            if (f is not null) yield return f;
        }
    }
}
