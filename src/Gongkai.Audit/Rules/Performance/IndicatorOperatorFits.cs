using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK610 the operator does not fit the indicator (a percentage above 100 with ≥, a rate to be kept ≤).</summary>
public sealed class IndicatorOperatorFits : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK610", "指标符号与指标性质相符", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "满意度指标（%）不应用 ≤（警告）；单位为 % 且指标值 > 100 不应用 ≥，完成率、覆盖率等正向比率不应用 ≤（提示）",
        "符号方向错了，指标就无法考核：满意度只能要求不低于某值，“满意度 ≤ 90%”必错；其他比率可能有反向含义，只作提示供人工判断。",
        "“参保率 ≥ 120%”；“群众满意度 ≤ 90%”");

    private static readonly string[] Negative = { "投诉", "差错", "误", "超", "缺陷", "不合格", "事故", "违规", "偏差", "退", "拒", "损失", "时间", "时限", "天", "成本", "费用", "控制" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var pct = i.Unit.Contains('%') || i.TargetText.Contains('%');
            if (pct && i.Target > 100m && i.Operator is "≥" or ">")
                yield return Soften(Report($"{table}指标「{i.Name}」{i.Operator}{i.TargetText}：百分比指标值应不超过 100，实为 {i.Target}", new[] { i.Source },
                    100m, i.Target, "核对指标值或单位。"), Severity.Info);
            else if (pct && i.Operator is "≤" or "<" && Regex.IsMatch(i.Name, "满意|完成|覆盖|达标|合格|及时|知晓|到位|参保") && !Negative.Any(i.Name.Contains))
            {
                var f = Report($"{table}指标「{i.Name}」为正向比率，符号应为 ≥，实为 {i.Operator}", new[] { i.Source },
                    suggestion: "核对指标符号。");
                yield return i.Name.Contains("满意") && !i.Name.Contains("不满意") ? f : Soften(f, Severity.Info);
            }
        }
    }
}
