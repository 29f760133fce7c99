using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

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
            var t = Whitespace.Squeeze(item.Text);
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
