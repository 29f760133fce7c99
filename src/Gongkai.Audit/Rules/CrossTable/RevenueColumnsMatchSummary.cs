using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK302 F2 合计 by source column = F1 income items (Q20).</summary>
public sealed class RevenueColumnsMatchSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK302", "收入表各来源合计与总表收入项目一致", Severity.Error, Applicability.FinalAccount, RuleCategory.CrossTable,
        "F2 合计·财政拨款收入 = F1 一 + 二 + 三；F2 合计·其他各列 = F1 对应收入项目",
        "收入决算表合计行各来源列应与收入支出决算总表左侧对应收入项目一致。",
        "F2 财政拨款收入 2940.05 = F1 2940.05 + 0 + 0");

    private static readonly (Measure Column, SummaryLine Line)[] Pairs =
    {
        (Measure.SuperiorSubsidy, SummaryLine.SuperiorSubsidy), (Measure.BusinessIncome, SummaryLine.BusinessIncome),
        (Measure.OperatingIncome, SummaryLine.OperatingIncome), (Measure.SubordinateRemittance, SummaryLine.SubordinateRemittance),
        (Measure.OtherIncome, SummaryLine.OtherIncome),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        const TableKind F1 = TableKind.FinalSummary, F2 = TableKind.FinalRevenue;
        var fiscal = SameAsSum(ctx, TotalOf(ctx, F2, Measure.FiscalGrant), new[]
        {
            LineOf(ctx, F1, Side.Income, SummaryLine.GeneralBudgetGrant), LineOf(ctx, F1, Side.Income, SummaryLine.GovernmentFundGrant),
            LineOf(ctx, F1, Side.Income, SummaryLine.StateCapitalGrant),
        }, "应等于 F1 三项财政拨款收入之和");
        if (fiscal is not null) yield return fiscal;
        foreach (var (col, line) in Pairs)
        {
            var f = Same(ctx, LineOf(ctx, F1, Side.Income, line), TotalOf(ctx, F2, col));
            if (f is not null) yield return f;
        }
    }
}
