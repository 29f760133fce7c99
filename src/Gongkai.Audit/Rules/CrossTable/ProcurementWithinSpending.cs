using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK320 the 政府采购 total is part of the year's spending: it cannot exceed the 本年支出合计 of the summary table.</summary>
public sealed class ProcurementWithinSpending : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK320", "政府采购总额不超过本年支出合计", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "政府采购表合计（万元）≤ 收支总表 本年支出合计",
        "政府采购是本年支出的一部分，采购总额超过全部支出，说明采购表的金额或单位（元/万元）有误。",
        "政府采购合计 3,520.00 万元 > 本年支出合计 2,870.15 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Procurement?.Total is not { IsNumber: true, Value: > 0m } total) yield break;
        var kind = K(ctx, TableKind.BudgetSummary, TableKind.FinalSummary);
        var spend = LineOf(ctx, kind, Side.Expenditure, SummaryLine.TotalExpenditureThisYear);
        if (spend is not { Figure: { IsNumber: true, Value: > 0m } }) yield break;
        var c = Tolerance.AtMost(Wan(total).Value, Wan(spend.Figure).Value, Tolerance.ScaleOf(new[] { total, spend.Figure }));
        var f = Judge(ctx, c, "政府采购表合计", $"不应超过{spend.Describe()}（应为不超过）", new[] { total.Source, spend.Figure.Source },
            TableKind.Procurement, "核对政府采购表的金额与单位。", "万元");
        if (f is not null) yield return f;
    }
}
