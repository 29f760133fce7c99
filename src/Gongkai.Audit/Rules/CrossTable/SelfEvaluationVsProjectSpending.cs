using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK317 a 自评 全年执行数 in 元 ÷ 10000 does not exceed F3 项目支出 (unit check).</summary>
public sealed class SelfEvaluationVsProjectSpending : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK317", "项目自评执行数不超过支出决算表项目支出", Severity.Warning, Applicability.FinalAccount, RuleCategory.CrossTable,
        "Σ 项目自评表全年执行数（元 ÷ 10000）≤ F3 合计行项目支出",
        "项目自评覆盖的是项目支出的一部分；合计超过项目支出，通常是自评表单位（元/万元）标错或执行数填错。",
        "自评执行数合计 9,876,500.00 元 = 987.65 万元，F3 项目支出 453.20 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var evals = ctx.Disclosure.SelfEvaluations.Where(s => !s.IsOverall && s.TotalFunds?.Executed is { IsNumber: true }).ToList();
        if (evals.Count == 0 || ctx.Disclosure.Table(TableKind.FinalExpenditure)?.TotalRow?[Measure.Project] is not { IsNumber: true } proj) yield break;
        var sum = evals.Sum(s => { var e = s.TotalFunds!.Executed!; return e.Unit == ValueUnit.Yuan ? e.Value / 10000m : e.Value; });
        var f = Judge(ctx, Tolerance.AtMost(Rounding.HalfUp(sum, 2), X.Wan(proj).Value), "项目绩效自评表", "全年执行数合计（换算为万元）不应超过 F3 项目支出",
            evals.Select(s => (Provenance?)s.TotalFunds!.Executed!.Source).Append(proj.Source), TableKind.FinalExpenditure,
            "核对自评表金额单位（元/万元）和执行数。", "万元");
        if (f is not null) yield return f;
    }
}
