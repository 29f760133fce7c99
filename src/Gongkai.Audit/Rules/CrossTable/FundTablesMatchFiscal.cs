using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK306 基金/国资 支出表 合计 = 财政拨款总表 基金/国资 column (P25, Q27).</summary>
public sealed class FundTablesMatchFiscal : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK306", "基金、国资支出与财政拨款总表一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "政府性基金支出表 合计 = 财政拨款总表 本年支出·政府性基金列；国有资本经营支出表 合计 = 国有资本经营列；决算再核年初结转、本年收入、年末结转",
        "政府性基金和国有资本经营预算支出表分别是财政拨款收支总表对应资金列的展开；决算表还列示该资金的年初结转、本年收入和年末结转，也应与总表一致。",
        "F8 本年支出合计 0 = F4 政府性基金 0");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var fiscal = K(ctx, TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary);
        foreach (var (table, fund) in new[]
                 {
                     (K(ctx, TableKind.BudgetGovFund, TableKind.FinalGovFund), Measure.GovernmentFund),
                     (K(ctx, TableKind.BudgetStateCapital, TableKind.FinalStateCapital), Measure.StateCapital),
                 })
        {
            var f = Same(ctx, LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.TotalExpenditureThisYear, fund), TotalOf(ctx, table, Measure.Total));
            if (f is not null) yield return f;
            if (!IsFinal(ctx)) continue;
            // 决算 F8/F9 also carry 年初结转, 本年收入 and 年末结转 (Q27)
            var gov = fund == Measure.GovernmentFund;
            var others = new[]
            {
                (LineOf(ctx, fiscal, Side.Income, gov ? SummaryLine.CarryInGovernmentFund : SummaryLine.CarryInStateCapital), TotalOf(ctx, table, Measure.CarryIn)),
                (LineOf(ctx, fiscal, Side.Income, gov ? SummaryLine.GovernmentFundGrant : SummaryLine.StateCapitalGrant), TotalOf(ctx, table, Measure.IncomeThisYear)),
                (LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.CarryOut, fund), TotalOf(ctx, table, Measure.CarryOut)),
            };
            foreach (var (expected, found) in others)
                if (Same(ctx, expected, found) is { } g) yield return g;
        }
    }
}
