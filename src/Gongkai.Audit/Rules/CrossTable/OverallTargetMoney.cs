using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK315 the money of the 整体绩效 table equals the department's total spending, its 基本/项目 split the B3 totals (P31).</summary>
public sealed class OverallTargetMoney : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK315", "整体绩效目标表资金与支出总额一致", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "整体绩效目标表年度资金总额 = 总表本年支出合计（单位按表头换算）；其中基本支出（人员类 + 运转类）、项目支出（特定目标类）= 支出总表合计行基本支出、项目支出",
        "部门整体绩效覆盖部门全部预算资金，资金总额及其构成应与预算总表、支出总表一致（P31）。",
        "整体绩效目标表 7000.00 万元，收支总表本年支出合计 7163.37 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var t = ctx.Disclosure.PerformanceTargets.FirstOrDefault(p => p.IsOverall && p.Amount is { IsNumber: true });
        if (t is null || X.SpendingTotal(ctx) is not var (printedTotal, table)) yield break;
        var total = X.Wan(printedTotal);
        // a table labelled 元 whose figures are 万元 (GK617) is compared as printed
        var amount = t.Amount!.Unit == ValueUnit.Yuan && t.Amount.Value <= total.Value * 100m ? t.Amount with { Unit = ValueUnit.WanYuan }
            : t.Amount.Unit == ValueUnit.Yuan ? t.Amount.ToWanYuan() : t.Amount;
        var f = Judge(ctx, Tolerance.Equal(total, amount), "部门整体绩效目标表", $"资金总额应等于{table.Describe()}本年支出合计",
            new[] { t.Amount.Source, total.Source }, null, "核对整体绩效目标表的资金口径和单位。", "万元");
        if (f is not null) yield return f;
        // the split: 基本支出 (or 人员类 + 运转类) and 项目支出 (or 特定目标类) = the B3 合计 row
        if (ctx.Disclosure.Table(TableKind.BudgetExpenditure)?.TotalRow is not { } b3) yield break;
        var money = t.Funds.SelectMany(l => l.Values.Where(kv => kv.Value.IsNumber && kv.Value.Unit is ValueUnit.WanYuan or ValueUnit.Yuan && !kv.Key.Contains("占比"))
            .Select(kv => (Parts: (l.Label + "·" + kv.Key).Split('·'), Figure: kv.Value))).ToList();
        Figure ToWan(Figure x) => x.Unit == ValueUnit.Yuan && x.Value <= total.Value * 100m ? x with { Unit = ValueUnit.WanYuan } : x.Unit == ValueUnit.Yuan ? x.ToWanYuan() : x;
        foreach (var (name, measure, categories) in new[] { ("基本支出", Measure.Basic, new[] { "人员类项目支出", "运转类项目支出" }), ("项目支出", Measure.Project, new[] { "特定目标类项目支出" }) })
        {
            if (b3[measure] is not { IsNumber: true } printedExpected) continue;
            var expected = X.Wan(printedExpected);
            var direct = money.FirstOrDefault(m => m.Parts.Any(p => p == name) && m.Parts[^1] is var last && (last == name || last is "合计" or "金额"));
            var parts = direct.Figure is not null ? [direct.Figure] : categories.Select(c => money.FirstOrDefault(m => m.Parts.Any(p => p == c)).Figure).ToList();
            if (parts.Count == 0 || parts.Any(x => x is null)) continue;
            var found = parts.Count == 1 ? ToWan(parts[0]!) : ToWan(parts[0]!) with { Value = parts.Sum(x => ToWan(x!).Value) };
            var g = Judge(ctx, Tolerance.Equal(expected, found), "部门整体绩效目标表", $"{(direct.Figure is not null ? name : string.Join("与", categories))}应等于支出总表合计行{name}",
                parts.Select(x => (Provenance?)x!.Source).Append(expected.Source), TableKind.BudgetExpenditure, "核对整体绩效目标表的资金构成。", "万元");
            if (g is not null) yield return g;
        }
    }
}
