using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK425 the itemized reasons of a change add up to the change: “减少785.44万元，主要是A增加5.74万元、B减少894.06万元、C增加100万元、
/// D增加2.88万元” — +5.74 − 894.06 + 100 + 2.88 = −785.44. Only a list the sentence presents as the whole breakdown is
/// compared: one introduced by 其中 / 具体 / 分别 / 包括, one whose items go both ways (a net decomposition), or a reason given
/// without “主要”. A “主要是” list of items that all go the same way names the main items only and is left alone.
/// </summary>
public sealed partial class ReasonBreakdown : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK425", "增减原因所列金额之和等于增减额", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "“增加（减少）X万元，其中/主要是 A增加a万元、B减少b万元…”且所列为完整分解 ⇒ Σ ±a = ±X（尾差内）",
        "增减原因逐项列出金额时，各项增减之和应等于所说明的增减额。只比较作为完整分解列出的原因：以“其中、具体、分别、包括”引出，" +
        "或所列各项有增有减（相抵后得出净额），或原因未加“主要”；“主要是”之后只列同向项目的，只是列举主要原因，不比较。",
        "减少 785.44 万元，主要是 A 增加 5.74、B 减少 894.06、C 增加 100、D 增加 2.88 万元（+5.74 − 894.06 + 100 + 2.88 = −785.44）");

    [GeneratedRegex(@"(增加|减少)(\d[\d,]*(?:\.\d+)?)万元")]
    private static partial Regex Head();

    [GeneratedRegex(@"^[，,]?(?:(?:增长|下降|增幅|降幅)[\d.]+[%％][，,]?)?\s*(其中[：:]?|具体(?:为|是|如下)?[：:]?|分别(?:为|是)[：:]?|包括[：:]?|主要(?:原因)?(?:是|为|系|在于)?(?:由于)?[：:]?|原因(?:主要)?(?:是|为|系|在于)[：:]?)")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^([^，,、；;：:。（）()0-9]{1,30}?)(增加|减少)(\d[\d,]*(?:\.\d+)?)万元$")]
    private static partial Regex Item();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.Sentences)
        {
            var text = s.Text;
            foreach (Match h in Head().Matches(text))
            {
                var rest = text[(h.Index + h.Length)..];
                var lead = LeadIn().Match(rest);
                if (!lead.Success || lead.Groups[1].Length == 0) continue;
                var word = lead.Groups[1].Value;
                var list = rest[(lead.Index + lead.Length)..];
                var end = list.IndexOfAny(['。', '（', '(']);
                if (end >= 0) list = list[..end];
                var items = new List<(string Subject, decimal Signed, int Scale)>();
                foreach (var seg in Regex.Split(list, "[、，,；;]"))
                {
                    var m = Item().Match(seg.Trim());
                    // an explanation of the item before (“，主要为人员经费支出；”) carries no amount: the list goes on
                    if (!m.Success && !Regex.IsMatch(seg, @"\d|其中|增加|减少")) continue;
                    if (!m.Success) break;
                    var v = Parse(m.Groups[3].Value, out var sc);
                    items.Add((m.Groups[1].Value, m.Groups[2].Value == "增加" ? v : -v, sc));
                }
                if (items.Count < 2 || items.Any(i => i.Subject.Contains("其中"))) continue;
                bool mixed = items.Any(i => i.Signed > 0) && items.Any(i => i.Signed < 0);
                bool complete = Regex.IsMatch(word, "其中|具体|分别|包括") || mixed || !word.Contains("主要");
                if (!complete) continue;
                var x = Parse(h.Groups[2].Value, out var hs);
                var signed = h.Groups[1].Value == "增加" ? x : -x;
                var scale = Math.Min(hs, items.Min(i => i.Scale));
                var c = Tolerance.Sum(signed, items.Select(i => i.Signed).ToList(), Math.Max(scale, 0));
                var quote = text.Length > 40 ? text[..40] + "…" : text;
                var f = Judge(ctx, c, $"情况说明「{quote}」", $"所列{items.Count}项增减原因之和（{string.Join(" ", items.Select(i => (i.Signed >= 0 ? "+" : "") + Tolerance.Format(i.Signed)))}）应等于{h.Groups[1].Value}额",
                    new[] { s.Source }, suggestion: "核对各项原因的金额与增减额。", unit: "万元");
                if (f is not null) yield return f;
            }
        }
    }

    private static decimal Parse(string s, out int scale)
    {
        var t = s.Replace(",", "");
        scale = t.Contains('.') ? t.Length - t.IndexOf('.') - 1 : 0;
        return decimal.Parse(t, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
