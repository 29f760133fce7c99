using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK617 a 绩效 money block labelled 元 whose figure equals the project's 万元 amount of the tables.</summary>
public sealed class TargetUnitLabel : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK617", "绩效表金额单位标注正确", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "表头标“元”的绩效表资金 ≠ 项目支出表同一项目的“万元”数（相等即单位标错）",
        "绩效目标表标注单位为元，数字却与项目支出表的万元数相同，说明单位标错，金额被缩小一万倍。",
        "绩效表“（元）”年度资金 43.20，项目支出表 43.20 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var list = ctx.Disclosure.Table(TableKind.ProjectList);
        var exp = ctx.FirstTable(TableKind.BudgetExpenditure, TableKind.BudgetGeneralExpenditure)?.TotalRow;
        var totals = new[] { exp?[Measure.Total], exp?[Measure.Basic], exp?[Measure.Project] }
            .Where(f => f is { IsNumber: true, Value: > 0m }).Select(f => f!).ToList();
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => p.Amount is { IsNumber: true, Value: > 0m }))
        {
            var labelled = p.StatedUnit ?? "";
            if (!(labelled.Contains('元') && !labelled.Contains("万元")) && p.Amount!.Unit != ValueUnit.Yuan) continue;
            var key = X.Key(p.ProjectName);
            var figures = p.Funds.SelectMany(f => f.Values.Values).Prepend(p.Amount!).Where(f => f.IsNumber && f.Value > 0m).ToList();
            var rowMatch = list?.Rows.FirstOrDefault(r => !r.IsTotal && X.Key(r.Label) == key && (r[Measure.Amount] ?? r[Measure.Total])?.Value == p.Amount!.Value);
            var hit = rowMatch is not null ? (p.Amount!, rowMatch[Measure.Amount] ?? rowMatch[Measure.Total])
                : p.IsOverall ? figures.SelectMany(f => totals.Where(t => t.Value == f.Value).Select(t => (f, (Figure?)t))).FirstOrDefault() : default;
            if (hit.Item1 is null || hit.Item2 is null) continue;
            yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}标注单位为元，金额 {hit.Item1} 却与表格的万元数 {hit.Item2} 相同；按元计应为 {Tolerance.Format(hit.Item1.Value * 10000m)} 元",
                new[] { hit.Item1.Source, hit.Item2.Source }, hit.Item1.Value * 10000m, hit.Item1.Value, "将单位更正为万元，或按元填写金额。");
        }
    }
}
