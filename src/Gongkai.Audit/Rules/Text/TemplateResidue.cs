using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK701 template instructions left in the published text (§5.2).</summary>
public sealed partial class TemplateResidue : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK701", "模板提示语未删除", Severity.Error, Applicability.Both, RuleCategory.Text,
        "文本中不得出现 增加（减少）、增长（下降）、大于（小于）及其反序、XX/XXX/××、待填写、（如持平作持平表述）、……",
        "公开模板中的括注选项、占位符和填写说明应在发布前替换为实际内容。",
        "“比上年增加（减少）0万元”");

    [GeneratedRegex("(增加|减少|增长|下降|大于|小于|上升)[（(]\\s*或?\\s*(增加|减少|增长|下降|大于|小于|上升|持平)\\s*[)）]|[（(]如持平[^）)]*[)）]|[（(]不涉及的?不列[)）]|(?<![A-Za-z])X{2,}(?![A-Za-z])|×{2,}|待填写|待补充|[（(]\\s*(?:请|此处)[^（）()]{0,30}?(?:填写|说明|填列|填报)[^（）()]{0,30}[）)]|请根据[^。]{0,20}实际情况填写|没有的填“无”|(?<=[：:是为于括至到])……(?!…)|(?<!…)……(?=\\s*(?:万元|元|%|％|个|人|项|年))")]
    private static partial Regex Pattern();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // an ellipsis counts only where content should stand (用于……, ……万元); the dot leaders of a 目录
        // (第一部分…………3) are not residue. One finding per residue and text, however often it repeats.
        foreach (var item in Texts(ctx))
            foreach (Match m in Pattern().Matches(item.Text).DistinctBy(m => m.Value))
                yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」含模板残留“{m.Value}”，应替换为实际内容",
                    new[] { item.Source }, suggestion: "按实际情况选定表述或填入数据，删除括注和占位符。");
    }
}
