using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossDocument;

/// <summary>GK803 the narrative's 上年 figure and change agree with last year's document.</summary>
public sealed class NarrativeChangeMatchesLastYearsDocument : CrossDocumentRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK803", "情况说明的上年数和增减与上年文档一致", Severity.Warning, Applicability.Both, RuleCategory.CrossDocument,
        "说明中“比上年增减 Δ”= 本年数 − 上年同类文档说明中同一事项的数；写出的上年数 = 上年文档的数；只给百分比时 Δ% = Δ ÷ 上年数 × 100",
        "比上年增减是读者最常引用的数字，本年文档自己无法核对它；上年文档在资料库中时，用上年文档中同一事项（同一说法、同一资金范围）的金额核对。只比较两年说明中说法完全相同的事项。",
        "2025 年“三公”经费 4.80 万元，比 2024 年减少 0.30 万元：2024 年文档为 5.10 万元，4.80 − 5.10 = −0.30");

    public override IEnumerable<Finding> CheckAcross(CrossDocumentContext ctx)
    {
        var doc = ctx.Document;
        if (ctx.Find(doc.Kind, doc.Year - 1) is not { } last) yield break;
        foreach (var g in doc.Figures.Where(f => f.Table == "Narrative").GroupBy(f => f.RowKey))
        {
            var amount = g.FirstOrDefault(f => f.Measure == "Amount");
            var prior = last.Figures.FirstOrDefault(f => f.Table == "Narrative" && f.RowKey == g.Key && f.Measure == "Amount");
            if (amount is null || prior is null) continue;
            var subject = amount.Label;
            if (g.FirstOrDefault(f => f.Measure == "PriorYear") is { } stated)
            {
                var c = Same(prior.Value, stated.Value);
                if (c.Verdict != Verdict.Match)
                    yield return Judge(c, $"情况说明“{subject}”：写明上年为 {Tolerance.Format(stated.Value)} 万元，{last.Year} 年{last.KindName}说明为 {Tolerance.Format(prior.Value)} 万元",
                        [doc.Where(stated), last.Where(prior)]);
            }
            if (g.FirstOrDefault(f => f.Measure == "Change") is { } change)
            {
                var exact = amount.Value - prior.Value;
                var c = Tolerance.Printed(exact, Math.Min(2, Math.Max(ScaleOf(amount.Value), ScaleOf(prior.Value))), change.Value, Math.Min(2, ScaleOf(change.Value)));
                if (c.Verdict != Verdict.Match)
                    yield return Judge(c, $"情况说明“{subject}”{Tolerance.Format(amount.Value)} 万元，比上年增减 {Tolerance.FormatSigned(change.Value)} 万元；{last.Year} 年{last.KindName}说明为 {Tolerance.Format(prior.Value)} 万元，增减应为 {Tolerance.FormatSigned(exact)} 万元",
                        [doc.Where(change), last.Where(prior)]);
            }
            else if (g.FirstOrDefault(f => f.Measure == "ChangePercent") is { } pct && prior.Value != 0m)
            {
                // compared as magnitudes, the direction separately (增长 for a fall is wrong whatever the size)
                var part = amount.Value - prior.Value;
                var m = Tolerance.Percent(Math.Abs(pct.Value), Math.Abs(part), Math.Abs(prior.Value), Math.Min(2, ScaleOf(amount.Value)), Math.Min(2, ScaleOf(pct.Value)));
                int sign = part < 0m ? -1 : 1;
                bool wrongWay = pct.Value != 0m && part != 0m && Math.Sign(pct.Value) != Math.Sign(part);
                var c = new Comparison(sign * m.Expected, pct.Value, m.Envelope, wrongWay ? Verdict.Mismatch : m.Verdict);
                if (c.Verdict != Verdict.Match)
                    yield return Judge(c, $"情况说明“{subject}”{Tolerance.Format(amount.Value)} 万元，比上年增减 {Tolerance.FormatSigned(pct.Value)}%；{last.Year} 年{last.KindName}说明为 {Tolerance.Format(prior.Value)} 万元，应为 {Tolerance.FormatSigned(c.Expected)}%",
                        [doc.Where(pct), last.Where(prior)]);
            }
        }
    }

    private Finding Judge(Comparison c, string what, Provenance[] where)
    {
        var f = Report(c.Verdict == Verdict.Rounding ? "尾差：" + what : what, where, c.Expected, c.Found,
            c.Verdict == Verdict.Rounding ? null : "核对说明中的上年数和增减额，使之与上年公开的文档一致；上年数字如有调整应说明。");
        return c.Verdict == Verdict.Rounding ? f with { Severity = Severity.Info, IsRoundingDifference = true } : f;
    }
}
