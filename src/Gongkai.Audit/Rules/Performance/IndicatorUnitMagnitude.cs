using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK612 a cost indicator in 万元 larger than the project budget by orders of magnitude (元 labelled 万元).</summary>
public sealed class IndicatorUnitMagnitude : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK612", "金额指标单位与数量级相符", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "项目表中单位为“万元”的指标值 ≤ 项目年度资金（万元）× 1000；否则多半是以元填写",
        "成本指标按万元填写却远大于项目全部资金，说明把“元”的数字填在了“万元”下。",
        "项目资金 100 万元，成本指标“≤ 500000 万元”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall && p.Amount is { IsNumber: true, Value: > 0m }))
        {
            var amount = p.Amount!.Unit == ValueUnit.Yuan ? p.Amount.Value / 10000m : p.Amount.Value;
            foreach (var i in p.Indicators.Where(i => i.Unit.Trim() == "万元" && i.Target is decimal t && t > amount * 1000m))
                yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}指标「{i.Name}」{i.TargetText} 万元，应不超过项目资金 {Tolerance.Format(amount)} 万元的量级，" +
                                    $"实为其 {i.Target!.Value / amount:0.#} 倍（疑为以元填写）", new[] { i.Source }, amount, i.Target, "核对指标单位（元/万元）。");
        }
    }
}
