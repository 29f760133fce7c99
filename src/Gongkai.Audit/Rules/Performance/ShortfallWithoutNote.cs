using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK613 a 自评 indicator scored below 100% without an explanation (提示).</summary>
public sealed class ShortfallWithoutNote : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK613", "未满分指标应说明原因", Severity.Info, Applicability.FinalAccount, RuleCategory.Performance,
        "得分系数 < 100% ⇒ 说明栏不为空",
        "未完成目标的指标应说明偏差原因和改进措施。",
        "“参保率”系数 80%，说明栏空白");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
            foreach (var i in s.Indicators.Where(i => i.Coefficient is < 100m && string.IsNullOrWhiteSpace(i.Note)))
                yield return Report($"{Perf.Name(s.IsOverall, s.ProjectName)}指标「{i.Name}」得分系数 {i.Coefficient}%（应为 100% 或附说明），说明栏为空",
                    new[] { i.Source }, 100m, i.Coefficient, "填写偏差原因。");
    }
}
