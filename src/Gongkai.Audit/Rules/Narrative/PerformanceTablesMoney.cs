using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK424 the money of the project 绩效 tables adds up to the amount the 绩效 paragraph says they cover. “实行绩效目标管理的项目
/// N个，涉及项目支出预算 X 万元” with exactly N project 绩效目标表 published: Σ 当年预算 = X; “对…N个项目开展了绩效自评，涉及资金
/// X 万元” with exactly N project 自评表: one of Σ 年初预算数, Σ 全年预算数, Σ 全年执行数 = X. Gives the 项目绩效目标表 amount a
/// figure to be compared with where no 项目支出表 is published.
/// </summary>
public sealed partial class PerformanceTablesMoney : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK424", "绩效表金额之和与所述涉及金额一致", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "绩效段落称 N 个项目涉及 X 万元，且公开的项目绩效目标表（自评表）恰为 N 张 ⇒ Σ 各表当年预算（自评表：年初预算数、全年预算数或全年执行数之一的合计）= X",
        "说明所称实行绩效目标管理（开展自评）的项目个数与公开的项目绩效表张数相同时，各表的金额之和就是所称涉及金额；不一致说明某张表的金额" +
        "或说明中的金额有误。句中另有金额与之相符（如同时写了财政拨款数），或只说部分类别、重点项目的，不比较。",
        "2 个项目涉及项目支出预算 2264.91 万元；两张项目绩效目标表 754.97 + 1509.94 = 2264.91（一致）");

    [GeneratedRegex(@"(\d+)\s*个(?:一级|二级)?项目|项目(?:共|数)?(\d+)\s*个")]
    private static partial Regex ProjectCount();

    [GeneratedRegex(@"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|元)")]
    private static partial Regex Amount();

    [GeneratedRegex("运转类|特定目标类|部分项目|重点项目|重点绩效评价|一级项目|二级项目")]
    private static partial Regex PartialScope();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        bool final = d.Kind == DocumentKind.FinalAccount;
        var sums = new List<decimal>();
        int tables;
        if (final)
        {
            var evals = d.SelfEvaluations.Where(s => !s.IsOverall).ToList();
            tables = evals.Count;
            foreach (var pick in new Func<SelfEvaluationFunds, Figure?>[] { f => f.InitialBudget, f => f.AdjustedBudget, f => f.Executed })
            {
                var figs = evals.Select(s => s.TotalFunds is { } f ? pick(f) : null).ToList();
                if (figs.Count > 0 && figs.All(f => f is { IsNumber: true })) sums.Add(figs.Sum(f => X.Wan(f!).Value));
            }
        }
        else
        {
            var targets = d.PerformanceTargets.Where(p => !p.IsOverall).ToList();
            tables = targets.Count;
            if (targets.Count > 0 && targets.All(p => p.Amount is { IsNumber: true } a && a.Unit is ValueUnit.WanYuan or ValueUnit.Yuan))
                sums.Add(targets.Sum(p => X.Wan(p.Amount!).Value));
        }
        if (tables == 0 || sums.Count == 0) yield break;
        var whole = X.SpendingTotal(ctx) is var (all, _) ? X.Wan(all).Value : (decimal?)null;
        foreach (var s in d.Sentences)
        {
            var text = s.Text;
            if (!text.Contains("绩效") || !(final ? text.Contains("自评") : text.Contains("绩效目标")) || PartialScope().IsMatch(text)) continue;
            var counts = ProjectCount().Matches(text).Select(m => int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
            if (counts.Count != 1 || counts[0] != tables) continue;
            var amounts = Amount().Matches(text).Select(m =>
            {
                var v = decimal.Parse(m.Groups[1].Value.Replace(",", "") + m.Groups[2].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
                int scale = m.Groups[2].Success ? m.Groups[2].Value.Length - 1 : 0;
                return m.Groups[3].Value == "元" ? (Value: v / 10000m, Scale: scale + 4, Text: m.Value) : (Value: v, Scale: scale, Text: m.Value);
            }).Where(a => a.Value > 0m).ToList();
            if (amounts.Count == 0) continue;
            bool Fits(decimal sum, (decimal Value, int Scale, string Text) a) =>
                Tolerance.Printed(sum, 2, a.Value, Math.Max(a.Scale, 0)).Verdict != Verdict.Mismatch
                || Tolerance.Sum(a.Value, new[] { sum }, Math.Max(Math.Min(a.Scale, 2), 0)).Verdict != Verdict.Mismatch;
            // any amount of the sentence that one of the sums gives, or the whole budget (the 整体 covers it all)
            if (amounts.Any(a => sums.Any(sum => Fits(sum, a)) || whole is decimal w && Fits(w, a))) continue;
            var first = amounts[0];
            var sum0 = sums[^1];
            yield return Report($"情况说明「{(text.Length > 40 ? text[..40] + "…" : text)}」：{tables} 个项目的绩效{(final ? "自评" : "目标")}表金额合计 " +
                $"{Tolerance.Format(Math.Round(sum0, 2))} 万元，与所述涉及金额 {first.Text} 不符，差额 {Tolerance.FormatSigned(Math.Round(first.Value - sum0, 2))} 万元",
                new[] { s.Source }, Math.Round(sum0, 2), first.Value, "核对各项目绩效表的金额与说明中的涉及金额。");
        }
    }
}
