using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// 政府购买服务 (预算) and the 部门整体绩效 paragraphs: the 整体绩效目标 of a budget and the 部门整体绩效自评 of a final
/// account. Every number is taken from the data or computed by <see cref="OverallPerformance"/> exactly as the 附表 prints it.
/// </summary>
public sealed partial class NarrativeWriter
{
    /// <summary>Indicators named in the 整体绩效目标 paragraph (the rest are in the table).</summary>
    public const int NamedIndicators = 3;

    /// <summary>
    /// 政府购买服务: total, number of items, what each project buys and for how much (in the order of the data), and the
    /// 指导目录 一级 categories they fall under. Nothing is written when the data has no items.
    /// </summary>
    private void PurchasedServicesText()
    {
        if (_d.PurchasedServices is not { Count: > 0 } items) return;
        var total = items.Sum(i => i.Amount);
        var s = $"{YearWord}{Subject}安排政府购买服务预算合计{Amount(total)}，共{items.Count}项：";
        s += string.Join("；", items.Select(i =>
        {
            var what = string.IsNullOrWhiteSpace(i.Content) ? "相关服务" : i.Content.Trim();
            var who = string.IsNullOrWhiteSpace(i.Project) ? "" : $"通过{i.Project.Trim()}";
            return $"{who}购买{what}{Amount(i.Amount)}";
        })) + "。";
        var dirs = items.Select(i => i.Directory1?.Trim()).Where(x => !string.IsNullOrEmpty(x)).Distinct().ToList();
        if (dirs.Count > 0)
        {
            var sub = items.Select(i => i.Directory2?.Trim()).Where(x => !string.IsNullOrEmpty(x)).Distinct().ToList();
            s += $"上述服务在政府购买服务指导目录中归入“{string.Join("”“", dirs)}”" + (sub.Count > 0 ? $"（{string.Join("、", sub)}）" : "") + "。";
        }
        Para(s);
    }

    /// <summary>
    /// 预算: the 部门整体绩效目标 — the money it covers (本年支出合计 and its 基本/项目 split, as in the 附表), the 年度绩效目标,
    /// and the number of 年度绩效指标 by 一级指标 with the first <see cref="NamedIndicators"/> named.
    /// </summary>
    private void OverallTargetText()
    {
        if (_f.Final || _d.Performance?.OverallTarget is not { } o) return;
        var split = OverallPerformance.SpendingSplit(_f).Where(x => x.Amount != 0).ToList();
        var s = $"{Subject}整体支出绩效目标覆盖{YearWord}全部预算支出{Amount(_f.SpendTotal)}"
                + (split.Count > 1 ? "（" + string.Join("、", split.Select(x => x.Label + Amount(x.Amount))) + "）" : "") + "。";
        if (!string.IsNullOrWhiteSpace(o.AnnualGoal)) s += $"年度整体绩效目标为：{o.AnnualGoal.Trim().TrimEnd('。', '；', ';', '.')}。";
        if (o.Indicators.Count > 0)
        {
            var byLevel = o.Indicators.GroupBy(i => string.IsNullOrWhiteSpace(i.Level1) ? "其他指标" : i.Level1.Trim())
                .Select(g => $"{g.Key}{g.Count()}个").ToList();
            s += $"为此设置年度绩效指标{o.Indicators.Count}个" + (byLevel.Count > 1 ? $"，其中{string.Join("、", byLevel)}" : "");
            var named = o.Indicators.Take(NamedIndicators).Select(IndicatorText).ToList();
            s += $"，主要有{string.Join("、", named)}" + (o.Indicators.Count > NamedIndicators ? "等" : "") + "。";
        }
        Para(s);
    }

    /// <summary>"资助参保人次（≥12000人次）"; a money or blank value gives the name alone (no amount claim without its table).</summary>
    private static string IndicatorText(IndicatorData i)
    {
        var name = i.Name.Trim();
        var unit = i.Unit.Trim();
        if (string.IsNullOrWhiteSpace(i.Target) || unit.Contains('元')) return $"“{name}”";
        return $"“{name}”（{i.Operator.Trim()}{i.Target.Trim()}{(i.Target.Trim().EndsWith(unit, StringComparison.Ordinal) ? "" : unit)}）";
    }

    /// <summary>
    /// 决算: the 部门整体绩效自评 — 全年（调整）预算数, 全年执行数 (= 本年支出合计), 执行率 and its score, the indicators
    /// (how many, how many scored in full) and the 自评总分, all as computed for the 附表.
    /// </summary>
    private void OverallSelfEvaluationText()
    {
        if (!_f.Final || _d.Performance?.OverallSelfEvaluation is not { } se) return;
        var sc = OverallPerformance.Score(_f, se);
        var s = $"{YearWord}{Subject}整体绩效自评得分{sc.Total.ToString("0.00#", CultureInfo.InvariantCulture)}分。";
        s += $"资金方面，全年执行数{Amount(sc.Executed)}";
        if (sc.Rate is decimal r)
            s += $"，全年（调整）预算数{Amount(sc.Adjusted)}，预算执行率{Money.Pct(r)}%，执行率得分{Money.Text(sc.RateScore)}分（权重{Money.Text(OverallPerformance.ExecutionWeight)}分）";
        s += "。";
        if (sc.Indicators.Count > 0)
        {
            var full = sc.Indicators.Count(x => x.Score >= x.Weight);
            s += $"设置绩效指标{sc.Indicators.Count}个，指标得分合计{Money.Text(sc.Indicators.Sum(x => x.Score))}分（权重合计{Money.Text(sc.Indicators.Sum(x => x.Weight))}分），"
                 + (full == sc.Indicators.Count ? "各项指标均达到目标值。" : $"其中{full}个达到目标值，{sc.Indicators.Count - full}个未达到目标值");
            var missed = sc.Indicators.Where(x => x.Score < x.Weight).Select(x => $"“{x.Source.Name.Trim()}”").ToList();
            if (missed.Count > 0) s += $"（{string.Join("、", missed)}）。";
        }
        if (!string.IsNullOrWhiteSpace(se.Achieved)) s += $"目标完成情况：{se.Achieved.Trim().TrimEnd('。', '；', ';', '.')}。";
        Para(s);
    }
}
