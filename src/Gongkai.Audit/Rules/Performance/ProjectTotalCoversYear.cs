using Gongkai.Model;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>
/// GK628 a project's whole budget (项目总预算) below the money it gets this year (项目本年度预算 / 项目当年预算): the 项目支出情况
/// block of a 部门整体支出绩效目标表 (项目名称 | 类别 | 项目总预算 | 项目本年度预算 | 用途, one line per project) and the 项目总预算
/// line of a 项目绩效目标表. The year's money is part of the whole, so the whole is never smaller. A blank or zero
/// 项目总预算 (not filled) is not compared.
/// </summary>
public sealed class ProjectTotalCoversYear : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK628", "项目总预算不小于本年度预算", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "整体绩效目标表“项目支出情况”各行及项目绩效目标表：项目总预算 ≥ 项目本年度（当年）预算（总预算为空或 0 时不比较）",
        "项目总预算是项目全周期的资金，本年度预算是其中当年安排的部分，不可能大于总预算；大于说明两栏填反、串行或录错。",
        "项目总预算 60.00 万元，项目本年度预算 64.00 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets)
        {
            foreach (var line in p.Funds)
            {
                // a line of the 项目支出情况 block: both measures in one line, under their column headers
                Figure? whole = null, year = null;
                foreach (var (k, v) in line.Values)
                {
                    var key = TextOf(k);
                    if (key.Contains("总预算", StringComparison.Ordinal)) whole ??= v;
                    else if (IsYearBudget(key)) year ??= v;
                }
                // a 项目绩效目标表 line “项目总预算 | X” against the table's own 项目当年预算
                if (whole is null && year is null && !p.IsOverall && TextOf(line.Label).StartsWith("项目总预算", StringComparison.Ordinal)
                    && line.Values.Values.FirstOrDefault(v => v.IsNumber) is { } w)
                    (whole, year) = (w, p.Amount);
                if (whole is not { IsNumber: true } || year is not { IsNumber: true } || whole.Value <= 0m || year.Value <= 0m) continue;
                if (whole.Unit != year.Unit) continue;
                var name = p.IsOverall ? TextOf(line.Label) : p.ProjectName;
                var f = Judge(ctx, Tolerance.AtMost(year.Value, whole.Value, Tolerance.ScaleOf(new[] { whole, year })),
                    $"{Perf.Name(p.IsOverall, p.ProjectName)}项目「{name}」本年度预算",
                    "不应超过项目总预算（应为不超过）", new[] { year.Source, whole.Source },
                    suggestion: "核对项目总预算与本年度预算两栏是否填反或录错。", unit: year.Unit == ValueUnit.Yuan ? "元" : "万元");
                if (f is not null) yield return f;
            }
        }
    }

    private static string TextOf(string s) => s.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);

    /// <summary>本年度预算 / 当年预算 / 年度预算 (the year's money), never a 总 or a 上年 column.</summary>
    private static bool IsYearBudget(string key) =>
        (key.Contains("本年度预算", StringComparison.Ordinal) || key.Contains("当年预算", StringComparison.Ordinal) || key.Contains("本年预算", StringComparison.Ordinal))
        && !key.Contains('总') && !key.Contains("上年", StringComparison.Ordinal);
}
