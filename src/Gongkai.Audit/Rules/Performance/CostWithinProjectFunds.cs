using Gongkai.Model;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>
/// GK626 a 成本指标 in money above the project's whole annual funds (within the ×1000 of GK612, which reports a 元 figure
/// under 万元): the cost the project is held to cannot exceed the money it has.
/// </summary>
public sealed class CostWithinProjectFunds : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK626", "成本指标不超过项目资金", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "项目绩效目标表 成本指标（金额，年度目标）≤ 项目年度资金总额；超过 1000 倍的由 GK612 报告",
        "成本指标约束的是本项目的开支，金额不会超过项目当年全部资金；超过说明指标值、单位或项目资金有误。",
        "项目资金 100 万元，经济成本指标“≤ 150 万元”");

    private static readonly string[] Totals = { "总投资", "总投入", "累计", "总概算", "总预算" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall && p.Amount is { IsNumber: true, Value: > 0m }))
        {
            var amount = p.Amount!.Unit == ValueUnit.Yuan ? p.Amount.Value / 10000m : p.Amount.Value;
            foreach (var i in p.Indicators)
            {
                if (i.IsLongTerm || i.Target is not decimal t || t <= 0m) continue;
                if (!(i.Level1.Contains("成本", StringComparison.Ordinal) || i.Level2.Contains("成本", StringComparison.Ordinal))) continue;
                if (Totals.Any(x => i.Name.Contains(x, StringComparison.Ordinal))) continue;
                var unit = i.Unit.Trim();
                decimal? wan = unit switch { "万元" => t, "元" => t / 10000m, "亿元" => t * 10000m, _ => null };
                if (wan is not decimal w || w > amount * 1000m) continue;
                var f = Judge(ctx, Tolerance.AtMost(w, amount), $"{Perf.Name(false, p.ProjectName)}成本指标「{i.Name}」{i.Operator}{i.TargetText}{unit}",
                    $"不应超过项目年度资金 {Tolerance.Format(amount)} 万元（应为不超过）", new[] { Scoring.Loc(i, "Target"), p.Amount.Source },
                    suggestion: "核对成本指标值、计量单位和项目资金。", unit: "万元");
                if (f is not null) yield return f;
            }
        }
    }
}
