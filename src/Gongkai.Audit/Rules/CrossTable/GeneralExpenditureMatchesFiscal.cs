using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK305 一般公共预算支出表 合计 and classes = 财政拨款总表 一般公共预算 column (P24, Q24).</summary>
public sealed class GeneralExpenditureMatchesFiscal : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK305", "一般公共预算支出与财政拨款总表一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "一般公共预算支出表 合计（及各类）= 财政拨款收支总表 本年支出·一般公共预算列（及各类；总表只有一列金额时，仅在无政府性基金、国有资本经营资金时比较；预算有上年结转时，合计等于本年一般公共预算拨款收入即为不含上年结转的口径，不再比较）",
        "一般公共预算支出表是财政拨款收支总表一般公共预算列的展开，合计和各类级科目都应一致。",
        "F5 合计 2940.05 = F4 本年支出合计·一般公共预算 2940.05");

    /// <summary>Whether a summary table's income side shows non-zero 政府性基金 or 国有资本经营 money (this year's or carried in).</summary>
    private static bool OtherFiscalFunds(DisclosureTable? t) =>
        t is not null && t.Rows.Any(r => r.Side == Side.Income && r.Line is SummaryLine.GovernmentFundGrant or SummaryLine.StateCapitalGrant
            or SummaryLine.CarryInGovernmentFund or SummaryLine.CarryInStateCapital && r.LineValue() is { IsNumber: true } v && v.Value != 0m);

    /// <summary>Whether a 财政拨款 summary carries 一般公共预算 (or undivided) money in from last year.</summary>
    private static bool CarriesIn(DisclosureTable? t) =>
        t is not null && t.Rows.Any(r => r.Side == Side.Income && r.Line is SummaryLine.CarryIn or SummaryLine.CarryInGeneralBudget
            && r.LineValue() is { IsNumber: true } v && v.Value != 0m);

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var fiscal = K(ctx, TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary);
        var gen = K(ctx, TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure);
        var byFund = LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.TotalExpenditureThisYear, Measure.GeneralBudget);
        // a 财政拨款收支总表 with one amount column covers every fiscal fund: it is the 一般公共预算 figure only when the
        // table shows no 政府性基金 or 国有资本经营 money
        if (byFund is null && OtherFiscalFunds(ctx.Disclosure.Table(fiscal))) yield break;
        var fiscalTotal = byFund ?? LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.TotalExpenditureThisYear);
        var genTotal = TotalOf(ctx, gen, Measure.Total);
        // a budget's 财政拨款 spending includes money carried in from last year; its 一般公共预算支出表 may be printed
        // with it or without it (不含上年结转). When the total is this year's 一般公共预算 income, the table is of the
        // other scope: nothing to compare, its classes included; when it is neither, the total is reported
        bool carryScope = !IsFinal(ctx) && CarriesIn(ctx.Disclosure.Table(fiscal));
        if (carryScope && fiscalTotal is not null && genTotal is not null
            && Tolerance.Equal(Wan(fiscalTotal.Figure), Wan(genTotal.Figure)).Verdict == Verdict.Mismatch)
        {
            var thisYear = LineOf(ctx, fiscal, Side.Income, SummaryLine.GeneralBudgetGrant, byFund is null ? null : Measure.GeneralBudget)
                           ?? LineOf(ctx, fiscal, Side.Income, SummaryLine.GeneralBudgetGrant);
            if (thisYear is not null && Tolerance.Equal(Wan(thisYear.Figure), Wan(genTotal.Figure)).Verdict != Verdict.Mismatch) yield break;
            var g = Same(ctx, fiscalTotal, genTotal,
                $"应与{fiscalTotal.Describe()}（含上年结转）一致" + (thisYear is null ? "" : $"，或与{thisYear.Describe()}（不含上年结转）一致"));
            if (g is not null) yield return g;
            yield break;
        }
        var f = Same(ctx, fiscalTotal, genTotal);
        if (f is not null) yield return f;
        // a 财政拨款 summary printed without any figure is one defect: the total says it, not every class again
        if (ctx.Disclosure.Table(fiscal) is { IsEmpty: true }) yield break;
        var key = ctx.Disclosure.Table(fiscal)?.ClassLines().Any(r => r[Measure.GeneralBudget] is not null) == true
            ? (ColumnKey?)Measure.GeneralBudget : null;
        foreach (var c in ExpenditureMatchesSummary.SameClasses(ctx, this, fiscal, gen, key, Measure.Total)) yield return c;
    }
}
