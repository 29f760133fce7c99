using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>
/// GK624 a quantitative indicator (a numeric unit and a comparison operator ≥ ≤ &gt; &lt;) whose 指标值 is words
/// (“有效提升”, “明显改善”): the unit and operator ask for a number the value does not give.
/// </summary>
public sealed partial class NumericValueRequired : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK624", "定量指标的指标值应为数值", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "指标性质为 ≥ ≤ ＞ ＜ 且计量单位为 %、金额或计数单位（人、个、户……）时，指标值应含数字，不应只是文字",
        "定量指标以数值衡量；填了比较符和计量单位，指标值却是“有效提升”之类的文字，既无法考核，也无法计算偏离度。" +
        "定性指标应把指标性质写为“定性”或“=”，并不填计量单位。",
        "资金及时支付率：≥ 有效提升，单位 %");

    internal static readonly HashSet<string> CountUnits = new(StringComparer.Ordinal)
    {
        "人", "人次", "个", "户", "户次", "家", "辆", "台", "套", "所", "座", "名", "件", "项", "份", "篇", "部", "处", "艘", "架",
        "场", "期", "批", "宗", "起", "册", "本", "张", "株", "头", "只", "栋", "间", "条", "公里", "千米", "米", "平方米", "亩", "公顷", "吨",
    };

    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "%", "％", "百分比", "百分率", "‰", "元", "万元", "千元", "亿元",
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var op = i.Operator.Trim();
            if (op is not ("≥" or "≤" or ">" or "<")) continue;
            var unit = i.Unit.Trim();
            if (!Numeric.Contains(unit) && !CountUnits.Contains(unit) && !(unit.StartsWith('万') && CountUnits.Contains(unit[1..]))) continue;
            if (i.Target is not null) continue;
            var text = i.TargetText.Trim();
            if (text.Length == 0 || text.Any(char.IsDigit) || !Cjk().IsMatch(text)) continue;
            yield return Report($"{table}指标「{i.Name}」指标性质为“{op}”、计量单位为“{unit}”，指标值却是文字「{text}」",
                new[] { Scoring.Loc(i, "Target") }, suggestion: "填写可考核的数值；确属定性指标的，指标性质改为“定性”并删去计量单位。");
        }
    }
}
