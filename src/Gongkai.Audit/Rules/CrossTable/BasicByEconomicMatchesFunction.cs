using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK307 basic spending by econ = by function: B6 合计 = B5 基本; F6 人员 + 公用 = F5 基本 (P27, Q26).</summary>
public sealed class BasicByEconomicMatchesFunction : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK307", "基本支出按经济分类与按功能分类一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "B6 合计 = B5 合计行·基本支出；F6 人员经费合计 + 公用经费合计 = F5 合计行·基本支出",
        "同一笔一般公共预算基本支出分别按经济分类和功能分类列示，两种口径的总额应一致。",
        "2152.26 + 184.65 = 2336.91 = F5 基本支出 2336.91");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (IsFinal(ctx))
        {
            var f6 = ctx.Disclosure.Table(TableKind.FinalGeneralBasic);
            var total = f6?.Rows.FirstOrDefault(r => r.IsTotal);
            var basic = TotalOf(ctx, TableKind.FinalGeneralExpenditure, Measure.Basic);
            if (total is null || basic is null) yield break;
            var parts = new[] { Measure.Personnel, Measure.Public }
                .Select(m => total[m] is { } f ? new Named(f, TableKind.FinalGeneralBasic, m == Measure.Personnel ? "人员经费合计" : "公用经费合计") : null)
                .ToList();
            var r = SameAsSum(ctx, basic, parts, "应等于 F6 人员经费合计 + 公用经费合计");
            if (r is not null) yield return r;
        }
        else
        {
            var f = Same(ctx, TotalOf(ctx, TableKind.BudgetGeneralExpenditure, Measure.Basic), TotalOf(ctx, TableKind.BudgetGeneralBasic, Measure.Total));
            if (f is not null) yield return f;
        }
    }
}
