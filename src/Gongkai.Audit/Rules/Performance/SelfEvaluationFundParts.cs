using Gongkai.Model;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>
/// GK622 a fund line of a 自评表 (其中：财政拨款, 其他资金, 上年结转 …) does not exceed the 年度总金额 line of the same
/// column (年初预算数, 全年预算数, 全年执行数): a part cannot be larger than the whole it is part of.
/// </summary>
public sealed class SelfEvaluationFundParts : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK622", "自评表资金来源不超过年度总金额", Severity.Warning, Applicability.FinalAccount, RuleCategory.Performance,
        "自评表“其中”各资金来源行（财政拨款、其他资金……）的年初预算数、全年预算数、全年执行数 ≤ 年度总金额行同一栏",
        "年度总金额是各资金来源之和，任何一个来源都不会超过它；超过说明总金额或该来源填错（常见于只改了一行）。",
        "年度总金额 年初预算数 21,716,100.00，其中财政拨款 年初预算数 25,401,132.17");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        {
            if (s.Funds.Count < 2 || s.Funds.FirstOrDefault(f => f.Label.Contains("总金额")) is not { } total) continue;
            foreach (var part in s.Funds.Where(f => !ReferenceEquals(f, total)))
                foreach (var (name, pick) in new (string, Func<SelfEvaluationFunds, Figure?>)[]
                         { ("年初预算数", f => f.InitialBudget), ("全年预算数", f => f.AdjustedBudget), ("全年执行数", f => f.Executed) })
                {
                    if (pick(total) is not { IsNumber: true } whole || pick(part) is not { IsNumber: true } p || whole.Unit != p.Unit) continue;
                    var c = Tolerance.AtMost(p.Value, whole.Value, Math.Max(0, Math.Min(2, Math.Min(p.Scale, whole.Scale))));
                    var f = Judge(ctx, c, $"{Scoring.Name(s)}「{part.Label}」{name}", $"不应超过年度总金额的{name}",
                        new[] { p.Source, whole.Source }, suggestion: "核对年度总金额与各资金来源的金额。");
                    if (f is not null) yield return f;
                }
        }
    }
}
