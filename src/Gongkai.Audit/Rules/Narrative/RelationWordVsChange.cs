using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK422 a comparison word (大于/小于/等于/持平) in the same sentence as a stated change against the same base
/// contradicts the change's direction: “较年初预算数减少 3.90 万元，决算数大于年初预算数”, “持平，增加 3.41 万元”.
/// </summary>
public sealed partial class RelationWordVsChange : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK422", "关系词与所述增减方向一致", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "同一句中“较（比）B 增加/减少 Δ（Δ ≠ 0）”与“大于/小于/等于/持平 B”方向一致：增加 ⇔ 大于，减少 ⇔ 小于，Δ = 0 ⇔ 等于/持平",
        "关系词与增减额说的是同一对数字：减少了却写“大于”，有增减额却写“持平”，至少有一处错误。关系词在句中的位置不限。",
        "“较年初预算数减少3.90万元，决算数大于年初预算数”；“与上年相比，持平，增加3.41万元”");

    // 较年初预算数减少 3.90 万元 … 大于/小于/等于 … 预算
    [GeneratedRegex(@"(?:较|比|与)(?<b>年初预算|全年预算|调整预算|预算)数?(?:相比)?[，,]?\s*(?<d>增加|减少)(?<v>\d[\d,]*(?:\.\d+)?)万?元[^。；;]{0,24}?(?<rel>大于|小于|等于|高于|低于)(?:其?(?:年初|全年|调整)?预算)")]
    private static partial Regex ChangeThenRelation();

    // 决算数大于年初预算数 … 增加/减少 Δ
    [GeneratedRegex(@"(?<rel>大于|小于|等于|高于|低于)(?<b>年初预算|全年预算|调整预算|预算)数?[^。；;]{0,12}?(?<d>增加|减少)(?<v>\d[\d,]*(?:\.\d+)?)万?元")]
    private static partial Regex RelationThenChange();

    // 持平，增加 3.41 万元 / 持平，增长 5.00%
    [GeneratedRegex(@"(?<!基本)持平[，,、]?\s*(?<d>增加|减少|增长|下降)(?<v>\d[\d,]*(?:\.\d+)?)(?<u>万元|元|%|％)")]
    private static partial Regex FlatThenChange();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var t = Whitespace.Squeeze(item.Text);
            foreach (var m in ChangeThenRelation().Matches(t).Concat(RelationThenChange().Matches(t)))
            {
                if (!decimal.TryParse(m.Groups["v"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v == 0m) continue;
                var up = m.Groups["d"].Value == "增加";
                var rel = m.Groups["rel"].Value;
                var relUp = rel is "大于" or "高于";
                if (rel == "等于" || relUp != up)
                    yield return Report($"{item.Where}「{Excerpt(t, m.Index, m.Length)}」：{m.Groups["d"].Value} {m.Groups["v"].Value}，关系词应为“{(up ? "大于" : "小于")}”，实为“{rel}”",
                        new[] { item.Source }, suggestion: "按增减方向改正关系词，或更正增减额。");
            }
            foreach (Match m in FlatThenChange().Matches(t))
            {
                if (!decimal.TryParse(m.Groups["v"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v == 0m) continue;
                yield return Report($"{item.Where}「{Excerpt(t, m.Index, m.Length)}」：写“持平”，又写{m.Groups["d"].Value} {m.Groups["v"].Value}{m.Groups["u"].Value}",
                    new[] { item.Source }, 0m, v, "有增减时写明增加/减少，确为持平时删去增减额。");
            }
        }
    }
}
