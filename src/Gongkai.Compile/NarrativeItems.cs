using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>决算: the execution of the 一般公共预算财政拨款 budget 项 by 项.</summary>
public sealed partial class NarrativeWriter
{
    /// <summary>
    /// One paragraph per 项 (with spending or with a budget, code order) when <see cref="BudgetBase.Items"/> is given:
    /// 类/款/项 names and code, 决算, 年初预算 (and 调整预算), the completion rates (half-up, 2 decimals; none on a zero
    /// budget), and whether (and why: reason key <c>item:2101101</c>) the 决算 is above or below the 年初预算. A 项 that
    /// differs from its 年初预算 by 10 % or more (or has money on a zero budget) without a reason is a warning.
    /// </summary>
    private void ItemExecution()
    {
        if (!_f.Final || _d.Budget?.Items is not { Count: > 0 } items) return;
        var spent = _f.Lines(FundSource.General).GroupBy(l => l.Code).ToDictionary(g => g.Key, g => g.Sum(l => l.Basic + l.Project));
        var codes = spent.Keys.Concat(items.Select(i => i.Code)).Distinct().Order(StringComparer.Ordinal).ToList();
        Para("一般公共预算财政拨款支出按“项”级科目的预算执行情况如下：");
        int k = 0;
        foreach (var code in codes)
        {
            var actual = spent.GetValueOrDefault(code);
            var budget = ItemFacts.Budget(_d, code);
            var initial = budget?.Initial ?? 0m;
            var name = $"{_f.ClassName(code[..3])}（类）{CompileCatalog.Name(code[..5], CodeScheme.Function, Y) ?? code[..5]}（款）{_f.NameOf(code)}（项）";
            var s = $"{++k}.{name}（{code}）支出决算{Amount(actual)}，年初预算{Amount(initial)}";
            if (budget?.Adjusted is decimal adjusted) s += $"，调整预算{Amount(adjusted)}";
            if (Money.Percent(actual, initial) is decimal rate) s += $"，完成年初预算的{Money.Pct(rate)}%";
            if (budget?.Adjusted is decimal adj && Money.Percent(actual, adj) is decimal adjRate) s += $"，完成调整预算的{Money.Pct(adjRate)}%";
            if (actual != initial)
            {
                var key = $"item:{code}";
                var reason = Reason(key);
                s += $"，决算数{(actual > initial ? "高于" : "低于")}年初预算数";
                if (reason is not null)
                    s += $"，主要原因是{reason}";
                else if (initial == 0 || Rounding.HalfUp(Math.Abs(actual - initial) / initial * 100m, 2) >= ReasonThreshold)
                    _issues.Add(new(IssueSeverity.Warning, $"reasons.{key}",
                        $"{_f.NameOf(code)}（{code}）决算数 {Money.Text(actual)} 万元与年初预算 {Money.Text(initial)} 万元相差" +
                        (initial == 0 ? "（年初预算为0）" : $" {Money.Pct(Rounding.HalfUp(Math.Abs(actual - initial) / initial * 100m, 2))}%") +
                        $"，达到10%以上，但没有填写原因（reasons.{key}）。"));
            }
            Para(s + "。");
        }
    }
}
