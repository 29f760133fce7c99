using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK406 the parts of a breakdown add up to the whole (or, for one part, do not exceed it).</summary>
public sealed partial class BreakdownSum : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK406", "分项金额之和等于总额", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "Σ 其中各部分 = 总额（两个及以上部分）；单个部分 ≤ 总额",
        "“其中：a x万元、b y万元”列出两项及以上时应完整分解总额；只列一项时该项不应超过总额。" +
        "列举在下一段继续（句末为分号），或差额正是本小节或前后相邻小节另行说明的一项金额（如支出按资金来源列举时，收入部分单列的其他资金）时，不算错误。",
        "本年支出合计 2940.05 = 基本支出 2336.91 + 项目支出 603.14");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var claim in Claims(ctx))
        {
            if (claim.Amount is not decimal total || claim.Parts.Count == 0) continue;
            var scale = claim.Parts.Select(p => Tolerance.NarrativeScale(p.Scale)).Append(Tolerance.NarrativeScale(claim.AmountScale)).Min();
            var parts = claim.Parts.Select(p => p.Amount).ToList();
            // a list whose amounts are printed in different units (the whole in 元, an item in 万元) is added up in 万元
            if (claim.Parts.Any(p => p.Unit != claim.Unit))
            {
                (total, scale) = Wan(total, claim.AmountScale, claim.Unit);
                var wan = claim.Parts.Select(p => Wan(p.Amount, p.Scale, p.Unit)).ToList();
                parts = wan.Select(w => w.Value).ToList();
                scale = wan.Select(w => w.Scale).Append(scale).Min();
            }
            var c = claim.Parts.Count >= 2
                ? Tolerance.Sum(total, parts, scale)
                : Tolerance.AtMost(parts[0], total, scale);
            if (claim.Parts.Count >= 2 && c.Verdict == Verdict.Mismatch && parts.Sum() < total && Unfinished(ctx, claim, total - parts.Sum(), scale)) continue;
            var what = claim.Parts.Count >= 2
                ? $"「{claim.Subject}」应等于所列 {parts.Count} 项（{string.Join("、", claim.Parts.Select(p => p.Subject))}）之和"
                : $"「{claim.Parts[0].Subject}」不应超过「{claim.Subject}」（应为不超过）";
            var f = Judge(ctx, c, $"情况说明{Quote(claim)}", what, new[] { claim.Source }, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}

public sealed partial class BreakdownSum
{
    /// <summary>
    /// A list that falls short of its whole without being wrong: it goes on in the next paragraph (the sentence ends
    /// with ；), or the shortfall is an item the same section or a neighbouring one states apart ("其中：a、b" and, below,
    /// "其他收入 0.5 万元"; a 支出 list by fund source whose 其他资金 part only the 收入 section above states).
    /// </summary>
    private static bool Unfinished(AuditContext ctx, Claim claim, decimal shortfall, int scale)
    {
        var s = claim.Sentence.TrimEnd();
        if (s.EndsWith('；') || s.EndsWith(';') || s.EndsWith('：') || s.EndsWith(':')) return true;
        if (claim.Unit != ValueUnit.WanYuan) return false;
        // the statement's section and the few around it (sub-headings such as "（二）本年其他资金收入 0.5 万元", and the
        // 收入 sections before a 支出 section that lists the same fund sources)
        var sections = ctx.Disclosure.Sections;
        int at = sections.FindIndex(x => x.Sentences.Any(t => t.Text == claim.Sentence));
        if (at < 0) return false;
        int from = Math.Max(0, at - 8);
        foreach (var section in sections.Skip(from).Take(at - from + 8))
            foreach (var text in section.Sentences.Select(t => t.Text).Where(t => t != claim.Sentence).Prepend(section.Heading))
                foreach (System.Text.RegularExpressions.Match m in WanAmount().Matches(text.Replace(" ", "")))
                {
                    var printed = m.Groups[1].Value.Replace(",", "");
                    int dot = printed.IndexOf('.');
                    var a = decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture);
                    if (a > 0m && Tolerance.Printed(shortfall, scale, a, dot < 0 ? 0 : printed.Length - dot - 1).Verdict != Verdict.Mismatch) return true;
                }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元")]
    private static partial System.Text.RegularExpressions.Regex WanAmount();
}
