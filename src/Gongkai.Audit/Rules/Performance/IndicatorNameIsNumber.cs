using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>GK611 a 三级 indicator name that is a bare number (a value slipped into the name column).</summary>
public sealed class IndicatorNameIsNumber : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK611", "三级指标名称不应为数字", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "三级指标名称含文字，不是纯数字",
        "指标名称只有数字，通常是指标值串入名称栏，该指标无法理解。",
        "三级指标名称为“1100”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
            if (Regex.IsMatch(i.Name.Trim(), @"^\d+(\.\d+)?$"))
                yield return Report($"{table}三级指标名称应为文字，实为数字「{i.Name.Trim()}」", new[] { i.Source },
                    suggestion: "补填指标名称，将数字移至指标值栏。");
    }
}
