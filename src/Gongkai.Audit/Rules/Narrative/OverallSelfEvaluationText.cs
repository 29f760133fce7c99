using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK427 the 部门整体绩效自评 paragraph restates the money of the 整体自评表: “整体绩效自评得分…。资金方面，全年执行数
/// X 万元，全年（调整）预算数 Y 万元…” against the 年度总金额 row (全年执行数, 全年（调整）预算数; a table in 元 is converted).
/// Only a paragraph about the 整体 evaluation is read (no 项目 between the subject and the figure), only when the document
/// has one 整体自评表, and a difference of about 10000 times is left to the unit rules (GK318, GK618).
/// </summary>
public sealed partial class OverallSelfEvaluationText : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK427", "整体绩效自评说明与自评表金额一致", Severity.Warning, Applicability.FinalAccount, RuleCategory.Narrative,
        "“整体绩效自评…全年执行数 X 万元，全年（调整）预算数 Y 万元” ⇒ X = 整体自评表年度总金额全年执行数，Y = 全年（调整）预算数（元 ÷ 10000）",
        "情况说明中部门整体绩效自评的资金情况是对整体自评表的转述，执行数和全年预算数应与表中年度总金额一致。",
        "说明写全年（调整）预算数 3562.62 万元，整体自评表年度总金额全年（调整）预算数 43,129,137.72 元");

    [GeneratedRegex(@"(?<what>全年执行数|执行数|全年（调整）预算数|全年\(调整\)预算数|全年预算数|调整预算数)(?:为|是|：|:)?(?<v>\d[\d,]*(?:\.\d+)?)万元")]
    private static partial Regex Money();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var overall = ctx.Disclosure.SelfEvaluations.Where(s => s.IsOverall).ToList();
        if (overall.Count != 1 || overall[0].TotalFunds is not { } funds) yield break;
        foreach (var section in ctx.Disclosure.Sections)
        {
            // the subject is named in the sentence itself or in the one just before it (“…整体绩效自评得分98.42分。资金方面，
            // 全年执行数…”); a 项目 after it ends it
            bool previous = false;
            foreach (var sentence in section.Sentences)
            {
                var t = Whitespace.Squeeze(sentence.Text);
                int own = t.Contains("自评", StringComparison.Ordinal) ? t.IndexOf("整体", StringComparison.Ordinal) : -1;
                int subject = own >= 0 ? own : previous ? 0 : -1;
                previous = own >= 0 && !t[own..].Contains("项目", StringComparison.Ordinal);
                if (subject < 0) continue;
                foreach (Match m in Money().Matches(t))
                {
                    if (m.Index < subject || t[subject..m.Index].Contains("项目", StringComparison.Ordinal)) continue;
                    var executed = m.Groups["what"].Value.Contains("执行", StringComparison.Ordinal);
                    var table = executed ? funds.Executed : funds.AdjustedBudget;
                    if (table is not { IsNumber: true } || table.Unit is not (ValueUnit.Yuan or ValueUnit.WanYuan)) continue;
                    var wan = table.ToWanYuan();
                    var digits = m.Groups["v"].Value.Replace(",", "");
                    var stated = decimal.Parse(digits, CultureInfo.InvariantCulture);
                    int scale = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
                    // a unit mistake (元 figures labelled 万元 or the reverse) is the unit rules' finding, not a second one here
                    if (stated > 0m && wan.Value > 0m && (stated / wan.Value is > 5000m and < 20000m || wan.Value / stated is > 5000m and < 20000m)) continue;
                    var c = Tolerance.Printed(wan.Value, wan.Scale, stated, scale);
                    var f = Judge(ctx, c, $"情况说明「{Excerpt(t, m.Index, m.Length)}」",
                        $"应与部门整体绩效自评表年度总金额的{(executed ? "全年执行数" : "全年（调整）预算数")}一致",
                        new[] { sentence.Source, table.Source }, null, "核对整体自评说明与整体自评表。", "万元");
                    if (f is not null) yield return f;
                }
            }
        }
    }
}
