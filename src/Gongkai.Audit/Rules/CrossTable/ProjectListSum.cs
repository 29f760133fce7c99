using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK314 Σ project list = 项目支出 (P30).</summary>
public sealed class ProjectListSum : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK314", "项目支出表合计等于支出表项目支出", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "Σ 项目支出表各项目金额（或其合计行）= B3/B5 合计行项目支出（+ 支出总表另列的经营支出类列；仅有B5时：部门另有非一般公共预算资金的，合计应在 B5 项目支出与其加上这些资金之间）",
        "项目支出表逐项列出项目，其合计应与支出总表的项目支出一致；支出总表另列事业单位经营支出（上缴上级、对附属单位补助）而项目表也列了这些项目时，" +
        "与项目支出加这些列之和比较。没有合计行、且按单位/类别/项目分层列出（某行等于其下数行之和）的表不核对：无法判断哪些行是项目。",
        "专项业务经费表合计 150.00，支出总表项目支出 161.84");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var list = ctx.Disclosure.Table(TableKind.ProjectList);
        if (list is null || !list.HasGrid || X.ProjectTotal(ctx) is not var (proj, table)) yield break;
        // tables printed in 元 are compared in 万元
        proj = X.Wan(proj);
        var total = (list.TotalRow?[Measure.Amount] ?? list.TotalRow?[Measure.Total]) is { } tf ? X.Wan(tf) : null;
        var parts = list.Rows.Where(r => !r.IsTotal && !r.IsSubItem && r.UnitCode is null)
            .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(f => f is { IsNumber: true }).Select(f => (Figure?)X.Wan(f!)).ToList();
        if (total is null && parts.Count == 0) yield break;
        // a list nested by level (unit → category → project) prints subtotals among its rows: adding them all would
        // count money two or three times, and which rows are projects cannot be told, so nothing is compared
        if (total is not { IsNumber: true } && NestedLists.HasSubtotalRows(parts.Select(p => p!.Value).ToList())) yield break;
        var found = total is { IsNumber: true } ? total.Value : parts.Sum(p => p!.Value);
        var scale = Tolerance.ScaleOf(parts.Append(total).Append(proj));
        // the 一般公共预算 table's 项目支出 is the whole of the projects only when the department spends nothing else; with
        // other money (事业收入, 其他收入, 上年结转 …) the list may hold projects paid from it: Σ list lies between the
        // 一般公共预算 项目支出 and that plus all the other money
        if (OtherMoney(ctx, table) is { } other && other > Rounding.HalfUnit(2))
        {
            var (cmp, what) = found < proj.Value
                ? (Tolerance.Equal(proj.Value, found, scale), $"项目金额合计不应少于{table.Describe()}项目支出")
                : (Tolerance.AtMost(found, proj.Value + other, scale),
                    $"项目金额合计不应超过{table.Describe()}项目支出与非一般公共预算资金 {Tolerance.Format(other)}万元之和");
            var g = Judge(ctx, cmp, TableKind.ProjectList.Describe(), what,
                new[] { total?.Source ?? list.Source, proj.Source }, TableKind.ProjectList, "核对项目支出表是否漏列项目。", "万元");
            if (g is not null) yield return g;
            yield break;
        }
        var c = Tolerance.Equal(proj.Value, found, scale);
        // a 支出总表 that prints 事业单位经营支出 (上缴上级, 对附属单位补助) beside 项目支出, while the project list holds those
        // projects too (a project paid from 经营 income): the list adds up to 项目支出 and those columns
        if (c.Verdict == Verdict.Mismatch && ctx.Disclosure.Table(table)?.TotalRow is { } totalRow)
        {
            var others = new[] { Measure.OperatingExpenditure, Measure.RemitToSuperior, Measure.SubsidyToSubordinate }
                .Select(m => totalRow[m]).Where(f => f is { IsNumber: true } && f.Value != 0m).Select(f => X.Wan(f!)).ToList();
            if (others.Count > 0 && Tolerance.Equal(proj.Value + others.Sum(o => o.Value), found, Tolerance.ScaleOf(parts.Append(total).Append(proj).Concat(others))).Verdict != Verdict.Mismatch)
                yield break;
        }
        var f = Judge(ctx, c, TableKind.ProjectList.Describe(), $"项目金额合计应等于{table.Describe()}项目支出",
            new[] { total?.Source ?? list.Source, proj.Source }, TableKind.ProjectList, "核对项目支出表是否漏列项目。", "万元");
        if (f is not null) yield return f;
    }

    /// <summary>
    /// Money the department spends besides what a 一般公共预算 table covers (万元): 本年支出合计 less that table's 合计;
    /// null when the project figure comes from a table of all money, or the figures are missing.
    /// </summary>
    private static decimal? OtherMoney(AuditContext ctx, TableKind projectTable)
    {
        if (projectTable is not (TableKind.BudgetGeneralExpenditure or TableKind.FinalGeneralExpenditure)) return null;
        if (ctx.Disclosure.Table(projectTable)?.TotalRow?[Measure.Total] is not { IsNumber: true } general) return null;
        if (X.SpendingTotal(ctx) is not var (all, _)) return null;
        return X.Wan(all).Value - X.Wan(general).Value;
    }
}
