using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK707 “主要原因” followed by nothing.</summary>
public sealed partial class EmptyReason : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK707", "原因说明为空", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "“主要原因（是）：”之后应有具体内容",
        "增减变化和预决算差异要求说明原因；只写引导语而没有内容，等于没有说明。",
        "“比上年增加5万元，主要原因是。”");

    [GeneratedRegex("(?:主要)?原因(?:是|为|主要是|如下)?[:：]?\\s*[。；;，,]?\\s*$")]
    private static partial Regex Pattern();

    /// <summary>A lead-in followed straight by a clause break: “主要原因是，与上年相比…”.</summary>
    [GeneratedRegex("主要原因(?:是|为|主要是)\\s*[，,；;。]")]
    private static partial Regex InnerEmpty();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // a reason announced with a colon may continue in the next sentence of the same section (a list, or a
        // paragraph broken by the page): only an empty lead-in at the end of its section, or one followed by a
        // heading-like sentence, is empty
        var next = new Dictionary<Sentence, Sentence?>();
        foreach (var section in ctx.Disclosure.Sections)
            for (int i = 0; i < section.Sentences.Count; i++)
                next[section.Sentences[i]] = i + 1 < section.Sentences.Count ? section.Sentences[i + 1] : null;
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var m = Pattern().Match(item.Text.Trim());
            if (!m.Success) m = InnerEmpty().Match(item.Text.Trim());
            if (!m.Success) continue;
            if (m.Value.TrimEnd().EndsWith('：') || m.Value.TrimEnd().EndsWith(':') || m.Value.Contains("如下", StringComparison.Ordinal))
            {
                var following = ctx.Disclosure.Sections.SelectMany(sec => sec.Sentences).FirstOrDefault(x => x.Source == item.Source && x.Text == item.Text) is { } sent
                    && next.TryGetValue(sent, out var n) ? n : null;
                if (following is not null && following.Text.Trim().Length >= 6) continue;
            }
            yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」只有“原因”引导语，未说明具体原因",
                new[] { item.Source }, suggestion: "补写增减或差异的具体原因。");
        }
    }
}
