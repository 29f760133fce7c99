using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK304 B4/F4 本年收入 by fund = 总表 income items (P23, Q22).</summary>
public sealed class FiscalIncomeMatchesSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK304", "财政拨款收入与总表一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "财政拨款总表 本年收入·一般公共预算/政府性基金/国有资本经营 = 收支总表 对应收入项目（收支总表无上年结转行时：= 本年收入 + 该项上年结转）",
        "财政拨款收支总表左侧三项本年收入应与收支总表的三项财政拨款收入一致，其合计也应一致。",
        "F4 一般公共预算财政拨款 2940.05 = F1 一般公共预算财政拨款收入 2940.05");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var fiscal = K(ctx, TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary);
        var sum = K(ctx, TableKind.BudgetSummary, TableKind.FinalSummary);
        // a 收支总表 with no 上年结转 line beside a 财政拨款 summary that has one: its fund lines are whole funds (本年 + 结转),
        // e.g. CQ 一、一般公共预算资金 18417.70 = 本年收入 17552.65 + 上年结转 865.06
        if (WholeFunds(ctx.Disclosure.Table(sum), ctx.Disclosure.Table(fiscal)))
        {
            foreach (var (line, carry) in new[]
                     {
                         (SummaryLine.GeneralBudgetGrant, SummaryLine.CarryInGeneralBudget), (SummaryLine.GovernmentFundGrant, SummaryLine.CarryInGovernmentFund),
                         (SummaryLine.StateCapitalGrant, SummaryLine.CarryInStateCapital),
                     })
            {
                var g = SameAsSum(ctx, LineOf(ctx, sum, Side.Income, line),
                    new[] { LineOf(ctx, fiscal, Side.Income, line), LineOf(ctx, fiscal, Side.Income, carry) }, "应等于财政拨款收支总表该项本年收入与上年结转之和");
                if (g is not null) yield return g;
            }
            yield break;
        }
        foreach (var line in new[] { SummaryLine.GeneralBudgetGrant, SummaryLine.GovernmentFundGrant, SummaryLine.StateCapitalGrant })
        {
            var f = Same(ctx, LineOf(ctx, sum, Side.Income, line), LineOf(ctx, fiscal, Side.Income, line));
            if (f is not null) yield return f;
        }
        var total = SameAsSum(ctx, LineOf(ctx, fiscal, Side.Income, SummaryLine.TotalIncomeThisYear), new[]
        {
            LineOf(ctx, sum, Side.Income, SummaryLine.GeneralBudgetGrant), LineOf(ctx, sum, Side.Income, SummaryLine.GovernmentFundGrant),
            LineOf(ctx, sum, Side.Income, SummaryLine.StateCapitalGrant),
        }, "本年收入合计应等于收支总表三项财政拨款收入之和");
        if (total is not null) yield return total;
    }

    /// <summary>
    /// The 收支总表 prints no 上年结转 line on its income side while the 财政拨款 summary carries fund money over by fund:
    /// the 收支总表's fund lines then hold the whole fund (本年 + 结转).
    /// </summary>
    private static bool WholeFunds(DisclosureTable? sum, DisclosureTable? fiscal)
    {
        if (sum is null || fiscal is null) return false;
        var carries = new[] { SummaryLine.CarryIn, SummaryLine.CarryInGeneralBudget, SummaryLine.CarryInGovernmentFund, SummaryLine.CarryInStateCapital };
        if (carries.Any(l => sum.Line(Side.Income, l) is not null)) return false;
        return carries.Skip(1).Any(l => fiscal.Line(Side.Income, l)?.LineValue() is { IsNumber: true, Value: not 0m });
    }
}
