using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>
/// GK713 a narrative figure left as a dash (“支出—万元”, “增长—%”, “共有车辆—辆”): the template's blank was not filled in.
/// A dash in a table cell is the ordinary “none” and is not checked; a range (“1—2个”) has a digit before the dash; a
/// dash between words (“目标—指标—任务—项目”) is followed by a word, not by a unit standing alone.
/// </summary>
public sealed partial class DashAsValue : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK713", "叙述中的数值以横线代替", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "情况说明中“—/－/-”（前面不是数字）紧接计量单位（万元、%；元、个、人、辆、台、项……其后不接汉字）→ 数值未填写",
        "表格中的横线表示“无”，叙述中的横线却占着一个数值的位置：模板的空位没有填写，读者得不到这个数。",
        "“一般公共预算拨款收入—万元，比上年增长—%”");

    [GeneratedRegex(@"(?<![\d.,，\-—－–~～至])(?<d>[—－–]{1,2}|-{1,2})(?:(?<u>万元|亿元|千元|%|％)|(?<u>元|个|人次|人|辆|台|套|项|家|户)(?!\p{IsCJKUnifiedIdeographs}))")]
    private static partial Regex Pattern();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var t = Whitespace.Squeeze(item.Text);
            // one finding per sentence: a template sentence left unfilled is one defect, however many blanks it has
            var hits = Pattern().Matches(t).Where(m => m.Index > 0 && IsWordBefore(t[m.Index - 1])).ToList();
            if (hits.Count == 0) continue;
            var m0 = hits[0];
            yield return Report($"{item.Where}「{Excerpt(t, m0.Index, m0.Length)}」：“{m0.Groups["u"].Value}”前的数值写成了横线" +
                                (hits.Count > 1 ? $"（本句共 {hits.Count} 处）" : ""), new[] { item.Source },
                suggestion: "填写实际数值；确实为零的写“0”。");
        }
    }

    /// <summary>The dash follows a word or a colon, the place of a number (not a digit, a range or a year span).</summary>
    private static bool IsWordBefore(char c) => c is >= '\u4e00' and <= '\u9fff' or '：' or ':' or '（' or '(' or '“';
}
