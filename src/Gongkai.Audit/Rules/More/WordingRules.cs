using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Audit.Rules.Text;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.More;

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
            var t = Regex.Replace(item.Text, @"\s", "");
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

/// <summary>
/// GK423 a completion rate (完成年初预算的 p%) stated where the sentence's own figures make the budget zero:
/// the amount equals its increase over that budget (“12.90 万元，较年初预算数增加 12.90 万元”).
/// </summary>
public sealed partial class CompletionOfZeroBudget : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK423", "预算数为零不应表述完成率", Severity.Error, Applicability.FinalAccount, RuleCategory.Narrative,
        "句中 决算数 A 万元、较年初（全年）预算增加 Δ = A ⇒ 预算数 = 0，不得写“完成年初（全年）预算的 p%”",
        "预算数为 0 时完成率没有意义（分母为零）；应写明“年初未安排预算”，或与全年（调整）预算比较。",
        "“公务用车购置费12.90万元，较年初预算数增加12.90万元，完成年初预算的100.00%”");

    [GeneratedRegex(@"(?<a>\d[\d,]*\.\d+)万元[，,]?(?:[^，,。；;]{0,6}[，,])?较(?<b>年初|全年|调整)预算数?增加(?<d>\d[\d,]*\.\d+)万元[^。；;]{0,40}?完成(?:了)?(?<b2>年初|全年|调整)?预算的(?<p>\d+(?:\.\d+)?)[%％]")]
    private static partial Regex Pattern();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var t = Regex.Replace(item.Text, @"\s", "");
            foreach (Match m in Pattern().Matches(t))
            {
                if (m.Groups["b2"].Success && m.Groups["b2"].Value != m.Groups["b"].Value) continue;
                if (m.Groups["a"].Value.Replace(",", "") != m.Groups["d"].Value.Replace(",", "") || m.Groups["a"].Value is "0.00" or "0") continue;
                yield return Report($"{item.Where}「{Excerpt(t, m.Index, m.Length)}」：增加额等于决算数，{m.Groups["b"].Value}预算为 0，完成率 {m.Groups["p"].Value}% 无法成立",
                    new[] { item.Source }, null, decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture), "预算数为 0 时不写完成率，说明未安排预算的原因。");
            }
        }
    }
}

/// <summary>GK432 the vehicles by type in a sentence add up to more than the total it states (共有车辆 N 辆，其中：A a 辆、B b 辆).</summary>
public sealed partial class VehicleBreakdown : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK432", "各类车辆数之和不超过车辆总数", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "“共有车辆 N 辆，其中：…a₁ 辆、a₂ 辆…”⇒ Σaᵢ ≤ N；列出两类及以上而 Σaᵢ < N 时为提示",
        "其中所列各类车辆是总数的一部分，之和超过总数必有一处错误；只列部分类别时之和可以小于总数，列出多类仍不足时提请核对。",
        "“共有车辆3辆，其中：应急保障用车2辆、执法执勤用车2辆”");

    [GeneratedRegex(@"(?:共有|共|保有)(?:公务用?)?车辆?(?<n>\d+)辆[，,]?其中[：:，,]?(?<list>[^；;。]+)")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<name>[\u4e00-\u9fa5（）()]{2,16}?)(?<c>\d+)辆")]
    private static partial Regex Part();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var t = Regex.Replace(item.Text, @"\s", "");
            foreach (Match m in Pattern().Matches(t))
            {
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                var parts = Part().Matches(m.Groups["list"].Value).Select(p => int.Parse(p.Groups["c"].Value, CultureInfo.InvariantCulture)).ToList();
                if (parts.Count == 0) continue;
                var sum = parts.Sum();
                if (sum > n)
                    yield return Report($"{item.Where}「{Excerpt(t, m.Index, m.Length)}」：各类车辆之和 {sum} 辆，大于总数 {n} 辆", new[] { item.Source }, n, sum,
                        "核对车辆总数和各类车辆数。");
                else if (sum < n && parts.Count >= 2)
                    yield return Soften(Report($"{item.Where}「{Excerpt(t, m.Index, m.Length)}」：所列各类车辆之和 {sum} 辆，小于总数 {n} 辆（若已列全各类，应相等）",
                        new[] { item.Source }, n, sum, "核对车辆总数和各类车辆数，或补列其他类别。"), Severity.Info);
            }
        }
    }
}
