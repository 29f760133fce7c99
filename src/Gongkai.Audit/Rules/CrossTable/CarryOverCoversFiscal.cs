using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK308 总表 年初/年末结转 ≥ 财政拨款总表 年初/年末财政拨款结转 (Q23).</summary>
public sealed class CarryOverCoversFiscal : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK308", "总表结转结余不小于财政拨款结转结余", Severity.Error, Applicability.FinalAccount, RuleCategory.CrossTable,
        "F1 年初结转和结余 ≥ F4 年初财政拨款结转和结余；F1 年末 ≥ F4 年末",
        "收入支出决算总表的结转结余包含非财政拨款资金，不应小于财政拨款部分。",
        "49.14 ≥ 21.63；55.34 ≥ 21.63");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (side, line) in new[] { (Side.Income, SummaryLine.CarryIn), (Side.Expenditure, SummaryLine.CarryOut) })
        {
            var all = LineOf(ctx, TableKind.FinalSummary, side, line);
            var fiscal = LineOf(ctx, TableKind.FinalFiscalSummary, side, line);
            if (all is null || fiscal is null) continue;
            var c = Tolerance.AtMost(fiscal.Figure.Value, all.Figure.Value, Tolerance.ScaleOf(new[] { all.Figure, fiscal.Figure }));
            var f = Judge(ctx, c, fiscal.Describe(), $"不应超过{all.Describe()}（应为不超过）",
                new[] { fiscal.Figure.Source, all.Figure.Source }, TableKind.FinalFiscalSummary, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}
