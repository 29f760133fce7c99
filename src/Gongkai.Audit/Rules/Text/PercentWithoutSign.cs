using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK712 a rate written without its % sign (“增长12.35，” / “占支出总额的35.20。”).</summary>
public sealed partial class PercentWithoutSign : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK712", "百分比缺少百分号", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "“增长/下降/增幅/降幅/占…的/比重/执行率/完成率”后的小数直接接标点（，。；）→ 缺少 %",
        "增减幅度和占比以百分比表述；数字后直接是标点，读者无法判断是百分比、金额还是倍数。",
        "“比上年增长12.35，主要原因是…”");

    [GeneratedRegex(@"(?:增长|下降|上升|增幅为?|降幅为?|占[^，。；,;%％]{0,25}?的|比重为?|占比为?|执行率为?|完成率为?)(?<n>\d{1,6}\.\d{1,2})(?=[，。；,;）)]|$)")]
    private static partial Regex Pattern();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var t = Whitespace.Squeeze(item.Text);
            foreach (Match m in Pattern().Matches(t))
                yield return Report($"{item.Where}「{Excerpt(t, m.Index, m.Length)}」：{m.Groups["n"].Value} 后缺少“%”", new[] { item.Source },
                    suggestion: "补上百分号（或写明单位）。");
        }
    }
}
