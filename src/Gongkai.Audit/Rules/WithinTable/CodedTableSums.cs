using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>GK201 类 = Σ 款, 款 = Σ 项, in every measure column of the function-coded tables (P8, Q6).</summary>
public sealed class ParentEqualsSumOfChildren : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK201", "上级科目等于下级科目之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "类 = Σ 款；款 = Σ 项（逐列）",
        "功能分类表（收入表、支出表、一般公共预算表、基金表、国资表，以及按类/款/项列出的政府采购表、政府购买服务表）中，每个上级科目的每一列都应等于其下级科目之和；" +
        "下级按编码前缀归属，而非按打印顺序。缺少款级行的项并入其类。差额在尾差范围内只作提示。",
        "21011 行政事业单位医疗 = 2101101 + 2101102 + 2101103 + 2101199");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in SumTables.Of(ctx))
        {
            var h = new CodeHierarchy(table, CodeScheme.Function);
            foreach (var parent in h.Rows)
            {
                var children = h.Children[parent];
                if (children.Count == 0 || h.HostsMisplaced(parent)) continue;
                foreach (var (key, fig) in parent.CurrentValues)
                {
                    var parts = children.Select(c => c[key]).ToList();
                    if (parts.All(p => p is null)) continue;
                    var c = Tolerance.Sum(fig, parts);
                    var f = Judge(ctx, c, $"{table.Kind.Describe()}「{parent.Name()}」{key.ColumnName()}列",
                        $"应等于 {children.Count} 个下级科目之和",
                        new[] { fig.Source }.Concat(children.Select(ch => ch[key]?.Source)), table.Kind,
                        "核对该科目小计与各下级科目金额，检查是否漏列或多列下级科目。");
                    if (f is not null) yield return f;
                }
            }
        }
    }
}

/// <summary>
/// The tables whose function-coded rows add up: <see cref="TableNames.FunctionCodedSums"/>, and the 政府采购 / 政府购买服务
/// tables that list their amounts by function subject from the 类 down (at least one 类 row with a 款 or 项 under it).
/// </summary>
internal static class SumTables
{
    public static IEnumerable<DisclosureTable> Of(AuditContext ctx) =>
        ctx.Tables(TableNames.FunctionCodedSums).Concat(ctx.Tables(TableKind.Procurement, TableKind.PurchaseOfServices).Where(ByFunction))
            // a row whose split code was printed out of line is not filed: the level sums would run on a guess (GK512 names it)
            .Where(t => t.MisalignedCodes.Count == 0);

    private static bool ByFunction(DisclosureTable t)
    {
        var codes = t.Coded(CodeScheme.Function).Select(r => r.Code!.Value.Value).ToList();
        return codes.Any(c => c.Length == 3 && codes.Any(x => x.Length > 3 && x.StartsWith(c, StringComparison.Ordinal)));
    }
}

/// <summary>GK202 合计 row = Σ 类 rows, per column (P8, Q6).</summary>
public sealed class TotalEqualsSumOfClasses : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK202", "合计行等于各类之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "合计 = Σ 类（逐列）",
        "功能分类表的合计行每一列都应等于各类级科目该列之和；没有类级行的孤立款、项按其自身计入。按类/款/项列出的政府采购表、政府购买服务表同样核对。",
        "F3 合计 2940.05 = 201 2106.66 + 208 326.71 + 210 60.99 + 221 445.69");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in SumTables.Of(ctx))
        {
            if (table.TotalRow is not { } total) continue;
            var h = new CodeHierarchy(table, CodeScheme.Function);
            if (h.TopLevel.Count == 0) continue;
            // a procurement table adds up to its 合计 only when it lists the subjects from their 类 down
            if (!TableNames.FunctionCodedSums.Contains(table.Kind) && h.TopLevel.Any(r => r.Code!.Value.Value.Length != 3)) continue;
            foreach (var (key, fig) in total.CurrentValues)
            {
                var parts = h.TopLevel.Select(c => c[key]).ToList();
                if (parts.All(p => p is null)) continue;
                var f = Judge(ctx, Tolerance.Sum(fig, parts), $"{table.Kind.Describe()} 合计行{key.ColumnName()}列",
                    $"应等于 {h.TopLevel.Count} 个类级科目之和",
                    new[] { fig.Source }.Concat(parts.Select(p => p?.Source)), table.Kind);
                if (f is not null) yield return f;
            }
        }
    }
}
