using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK618 the overall 自评 executed money (元) equals F1 本年支出合计 (万元 × 10000).</summary>
public sealed class OverallSelfEvaluationMoney : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK618", "部门整体自评执行数与决算支出一致", Severity.Warning, Applicability.FinalAccount, RuleCategory.Performance,
        "部门整体自评表全年执行数（元 ÷ 10000）= F1 本年支出合计（万元）",
        "部门整体自评覆盖部门全部支出，执行数应与决算总表一致；相差一万倍多半是单位标错。",
        "整体自评执行数 7,412,300.00 元，F1 本年支出合计 741.23 万元（一致）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var s = ctx.Disclosure.SelfEvaluations.FirstOrDefault(s => s.IsOverall && s.TotalFunds?.Executed is { IsNumber: true });
        if (s is null || X.SpendingTotal(ctx) is not var (total, table)) yield break;
        var e = s.TotalFunds!.Executed!;
        var wan = e.Unit == ValueUnit.Yuan ? e.ToWanYuan() : e;
        var f = Judge(ctx, Tolerance.Equal(X.Wan(total), wan with { Scale = Math.Min(wan.Scale, 2) }), "部门整体绩效自评表",
            $"全年执行数（换算万元）应等于{table.Describe()}本年支出合计", new[] { e.Source, total.Source }, table, "核对执行数与单位。", "万元");
        if (f is not null) yield return f;
    }
}
