using Gongkai.Model;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK627 a 自评 全年执行数 above the 全年（调整）预算数 of the same line: more spent than the year's budget allowed.</summary>
public sealed class ExecutionWithinBudget : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK627", "自评执行数不超过全年预算数", Severity.Warning, Applicability.FinalAccount, RuleCategory.Performance,
        "自评表 资金情况 每行：全年执行数 ≤ 全年（调整）预算数",
        "全年（调整）预算数已含年度内的追加和调整，执行数超过它说明执行数或预算数填错（例如把年初预算数填作全年预算数）。",
        "全年预算数 1,200,000.00 元，全年执行数 1,350,000.00 元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        foreach (var line in s.Funds)
        {
            if (line.Executed is not { } exec || line.AdjustedBudget is not { Value: > 0m } adj) continue;
            var f = Judge(ctx, Tolerance.AtMost(exec.Value, adj.Value, Tolerance.ScaleOf(new[] { exec, adj })),
                $"{Scoring.Name(s)}「{line.Label}」", "全年执行数不应超过全年（调整）预算数（应为不超过）", new[] { exec.Source, adj.Source },
                suggestion: "核对全年执行数与全年（调整）预算数。", unit: s.Unit == ValueUnit.Yuan ? "元" : "万元");
            if (f is not null) yield return f;
        }
    }
}
