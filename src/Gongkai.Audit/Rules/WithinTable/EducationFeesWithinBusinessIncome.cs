using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>
/// GK218 教育收费 is part of 事业收入: 其中：教育收费 ≤ 事业收入（小计） in every row of the income table (重庆 决算
/// 公开02); where 事业收入 is split into 非教育收费 | 教育收费 (重庆 预算 收入总表), 非教育收费 is not negative.
/// </summary>
public sealed class EducationFeesWithinBusinessIncome : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK218", "教育收费不超过事业收入", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "每行 其中：教育收费 ≤ 事业收入（小计）；分列时 非教育收费 ≥ 0",
        "教育收费是事业收入的一部分（“其中”列），任何一行的教育收费都不应大于同行的事业收入；事业收入分为非教育收费和教育收费两列时，非教育收费不应为负数。",
        "2050201 学前教育：事业收入 120.00，其中教育收费 80.00");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableKind.BudgetRevenue, TableKind.FinalRevenue))
        {
            var keys = table.Keys();
            if (!keys.Contains(Measure.EducationFees)) continue;
            bool whole = keys.Contains(Measure.BusinessIncome), split = keys.Contains(Measure.NonEducationFees);
            foreach (var row in table.Rows)
            {
                if (whole && row[Measure.EducationFees] is { IsNumber: true } fee && row[Measure.BusinessIncome] is { IsNumber: true } business)
                {
                    var f = Judge(ctx, Tolerance.AtMost(fee.Value, business.Value, Tolerance.ScaleOf(new[] { fee, business })),
                        $"{table.Kind.Describe()}「{row.Name()}」", "其中：教育收费不应超过事业收入（应为不超过）",
                        new[] { fee.Source, business.Source }, table.Kind, "核对教育收费与事业收入：教育收费是事业收入的一部分。");
                    if (f is not null) yield return f;
                }
                else if (split && row[Measure.NonEducationFees] is { IsNumber: true, Value: < 0m } rest)
                {
                    yield return Report($"{table.Kind.Describe()}「{row.Name()}」：非教育收费应不小于 0，实为 {Tolerance.Format(rest.Value)}，教育收费超过了事业收入",
                        new[] { rest.Source, row[Measure.EducationFees]?.Source }, 0m, rest.Value, "核对事业收入的两列：非教育收费 + 教育收费 = 事业收入，各自不为负数。", table.Kind);
                }
            }
        }
    }
}
