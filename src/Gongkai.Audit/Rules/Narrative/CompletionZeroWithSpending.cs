using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK428 “完成年初预算的0%” said of a non-zero amount: a positive spending over a positive budget cannot be 0 %, and over a
/// zero budget no rate can be stated (GK423 reads the case where the sentence shows the budget is zero).
/// </summary>
public sealed partial class CompletionZeroWithSpending : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK428", "有支出却称完成预算的0%", Severity.Warning, Applicability.FinalAccount, RuleCategory.Narrative,
        "句中 决算（支出）数 A > 0 万元，其后“完成（年初/全年）预算的 0%” → 错误：预算数 > 0 时完成率 > 0，预算数为 0 时不应表述完成率",
        "支出不为零时完成率不可能为 0%；多半是年初未安排预算而套用了完成率的句式，或完成率算错。",
        "“公务接待费 2.35 万元，完成年初预算的 0%”");

    [GeneratedRegex(@"(?:完成|达到|为|占)(?:了)?(?:年初|全年|调整)?预算数?的0(?:\.0+)?[%％]")]
    private static partial Regex ZeroRate();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?万元")]
    private static partial Regex Amount();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var t = Whitespace.Squeeze(item.Text);
            foreach (Match m in ZeroRate().Matches(t))
            {
                // the clause the rate closes: back to the previous 。 or ；, at most 250 characters
                int from = Math.Max(Math.Max(t.LastIndexOf('。', Math.Max(0, m.Index - 1)), t.LastIndexOf('；', Math.Max(0, m.Index - 1))) + 1, m.Index - 250);
                var clause = t[from..m.Index];
                // the amount the rate is said of: the first one that is not a change or a budget (“较年初预算减少 8.15 万元”)
                var subject = Amount().Matches(clause).FirstOrDefault(a =>
                {
                    var before = clause[Math.Max(0, a.Index - 8)..a.Index];
                    var lead = before.TrimEnd('为', '是', '：', ':');
                    bool budget = lead.EndsWith("预算", StringComparison.Ordinal) || lead.EndsWith("预算数", StringComparison.Ordinal) || lead.EndsWith("安排", StringComparison.Ordinal);
                    return !(budget || before.Contains("增加") || before.Contains("减少") || before.Contains('较'));
                });
                if (subject is null) continue;
                var digits = subject.Value[..^2];
                var a = decimal.Parse(digits.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture);
                if (a <= 0m) continue;
                // the amount equals its increase over the budget: the budget is zero and GK423 reports it
                if (clause.Contains("增加" + digits + "万元")) continue;
                yield return Report($"{item.Where}「{Excerpt(t, from + subject.Index, m.Index + m.Length - from - subject.Index)}」：金额 {digits} 万元不为零，完成率却为 0%",
                    new[] { item.Source }, found: 0m, suggestion: "预算数为 0 时说明未安排预算的原因，不写完成率；否则按决算数 ÷ 预算数重算完成率。");
            }
        }
    }
}
