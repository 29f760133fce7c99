using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK614 the money of a project target equals the sum of its fund lines.</summary>
public sealed class TargetFundsSum : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK614", "项目绩效目标表资金合计等于各来源之和", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "年度资金总额 = Σ 各资金来源（财政拨款、其他资金…）；资金来源栏的“当年预算合计” = 项目当年预算",
        "绩效目标表的资金总额应与其分来源金额相加一致；表中另列资金来源合计（当年预算合计）时，应等于项目当年预算。",
        "年度资金总额 100.00 = 财政拨款 80.00 + 其他资金 10.00（差 10.00）");

    /// <summary>A column of the 明细 block: a source's amount per spending item (本级财政拨款金额, 上级转移支付金额).</summary>
    private static bool IsDetailColumn(string key) => key.Contains("本级财政拨款金额") || key.Contains("上级转移支付金额");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall && p.Amount is { IsNumber: true }))
        {
            // the total of the fund-source block (当年预算合计) printed on the table's own page is the year's budget again
            var declared = p.Funds.Where(f => f.Label.Replace(" ", "").StartsWith("当年预算合计", StringComparison.Ordinal))
                .Select(f => f.Values.Values.FirstOrDefault(v => v.IsNumber)).FirstOrDefault(v => v is not null && v.Source.Page == p.Amount!.Source.Page);
            if (declared is not null)
            {
                var d = Judge(ctx, Tolerance.Equal(p.Amount!, declared), Perf.Name(p.IsOverall, p.ProjectName), "资金来源的当年预算合计应等于项目当年预算",
                    new[] { p.Amount!.Source, declared.Source }, null, "核对项目当年预算与资金来源合计。", "");
                if (d is not null) yield return d;
            }
            // fund lines are money lines of the target's own block: lines carrying indicator columns (指标值, 权重) or
            // read from another page belong to another table that the recognizer attached
            var parts = p.Funds.Where(f => !f.Label.Contains("合计") && !f.Label.Contains("总") && !f.Label.Contains("其中"))
                .Where(f => !f.Values.Keys.Any(k => k.Contains("指标") || k.Contains("权重")))
                // lines of a 项目支出明细 block (项目内容 | 测算依据 | 本级财政拨款金额 | 上级转移支付金额 …) are spending items
                // broken down by source, not sources
                .Where(f => !f.Values.Keys.Any(IsDetailColumn))
                .Select(f => f.Values.Values.FirstOrDefault(v => v.IsNumber)).Where(v => v is not null)
                .Where(v => v!.Source.Page == p.Amount!.Source.Page).ToList();
            if (parts.Count < 2 || parts.Sum(x => x!.Value) == 2 * p.Amount!.Value) continue; // a subtotal read as a source
            var f = Judge(ctx, Tolerance.Sum(p.Amount, parts), Perf.Name(p.IsOverall, p.ProjectName), "资金总额应等于各来源之和",
                new[] { p.Amount!.Source }, null, "核对资金来源。", "");
            if (f is not null) yield return f;
        }
    }
}
