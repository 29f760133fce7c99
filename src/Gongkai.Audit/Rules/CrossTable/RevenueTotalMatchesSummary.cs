using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK301 收入表 合计 = 总表 本年收入合计 (+ 上年结转 / 实户资金余额 / 使用结余 when the 收入表 has that column) (P20, Q20).</summary>
public sealed class RevenueTotalMatchesSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK301", "收入表合计与总表本年收入合计一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "收入表 合计 = 收支总表 本年收入合计（收入表含上年结转、上年实户资金余额、使用非财政拨款结余列时再加总表对应行）",
        "收入表按科目展开的是总表左侧的本年收入，两表合计应一致。",
        "F2 合计 2946.25 = F1 本年收入合计 2946.25");

    private static readonly (Measure Column, SummaryLine Line)[] FundsBeyondIncome =
    {
        (Measure.CarryIn, SummaryLine.CarryIn), (Measure.AccountBalanceIn, SummaryLine.AccountBalanceIn),
        (Measure.UseOfNonFiscalBalance, SummaryLine.UseOfNonFiscalBalance),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var rev = K(ctx, TableKind.BudgetRevenue, TableKind.FinalRevenue);
        var sum = K(ctx, TableKind.BudgetSummary, TableKind.FinalSummary);
        var total = TotalOf(ctx, rev, Measure.Total);
        var income = LineOf(ctx, sum, Side.Income, SummaryLine.TotalIncomeThisYear);
        if (total is null || income is null) yield break;
        var parts = new List<Named?> { income };
        // funds that are not income of this year (上年结转, 上年实户资金余额, 使用非财政拨款结余): the 收入表 total holds
        // them when it prints their column, the 收支总表 lists them below 本年收入合计
        var added = new List<SummaryLine>();
        foreach (var (column, line) in FundsBeyondIncome)
        {
            if (TotalOf(ctx, rev, column) is not { } held) continue;
            var printed = LineOf(ctx, sum, Side.Income, line);
            // money the 收入表 holds that the 收支总表 does not show as that fund: its place there is unknown
            if (printed is null && held.Figure is { IsNumber: true, Value: not 0m }) yield break;
            if (printed is null && held.Figure.Value == 0m) continue;
            parts.Add(printed);
            if (printed?.Figure is { Value: not 0m } || held.Figure.Value != 0m) added.Add(line);
        }
        // income items the 收支总表 prints below its 本年收入合计 line (SD: 上级补助收入) are income of the 收入表 too
        var below = ctx.Disclosure.Table(sum) is { } st
            ? WithinTable.IncomeItemsSum.Items(st).Where(l => WithinTable.IncomeItemsSum.BelowThisYearTotal(st, l)).ToList()
            : new List<SummaryLine>();
        parts.AddRange(below.Select(l => LineOf(ctx, sum, Side.Income, l)));
        var f = SameAsSum(ctx, total, parts, $"应等于{income.Describe()}" + (added.Count > 0 ? "加" + string.Join("、", added.Select(l => l.Chinese())) : "") + (below.Count > 0 ? "及其下所列收入" : ""));
        if (f is not null) yield return f;
    }
}
