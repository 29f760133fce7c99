using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

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
            var t = Whitespace.Squeeze(item.Text);
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
