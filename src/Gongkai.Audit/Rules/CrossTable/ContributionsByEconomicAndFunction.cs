using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>
/// GK319 a contribution printed twice: the 一般公共预算 basic spending on 住房公积金 (econ 30113), 基本养老保险缴费 (30108)
/// and 职业年金缴费 (30109) by economic class, against the 基本支出 of the function items that hold the same money
/// (2210201, 2080505, 2080506). A 提示: departments do book part of such money under other function items.
/// </summary>
public sealed class ContributionsByEconomicAndFunction : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK319", "住房公积金等缴费按经济分类与按功能分类一致", Severity.Info, Applicability.Both, RuleCategory.CrossTable,
        "一般公共预算基本支出表 30113 住房公积金 = 一般公共预算支出表 2210201 基本支出；30108 = 2080505；30109 = 2080506（两边都有数时）",
        "同一笔缴费分别按经济分类和功能分类列示，两边金额通常相同；不同说明有一部分列在了别的功能科目或经济科目下，值得核对。",
        "30113 住房公积金 57.08 万元，2210201 住房公积金 基本支出 35.09 万元");

    private static readonly (string Econ, string Function, string Name)[] Pairs =
    {
        ("30113", "2210201", "住房公积金"), ("30108", "2080505", "基本养老保险缴费"), ("30109", "2080506", "职业年金缴费"),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var econ = ctx.Disclosure.Table(K(ctx, TableKind.BudgetGeneralBasic, TableKind.FinalGeneralBasic));
        var fnKind = K(ctx, TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure);
        var fn = ctx.Disclosure.Table(fnKind);
        if (econ is null || fn is null || econ.Rows.Any(r => r.Section > 0) || fn.Rows.Any(r => r.Section > 0)) yield break;
        foreach (var (e, f, name) in Pairs)
        {
            var erows = econ.Rows.Where(r => r.Code?.Value == e).ToList();
            var frows = fn.Rows.Where(r => r.Code?.Value == f).ToList();
            if (erows.Count == 0 || frows.Count != 1) continue;
            var efigs = erows.Select(r => r[Measure.Total] ?? r[Measure.Amount] ?? r[Measure.Personnel]).ToList();
            if (efigs.Any(x => x is null || !x.IsNumber) || frows[0][Measure.Basic] is not { IsNumber: true } fb) continue;
            var ev = efigs.Sum(x => Wan(x!).Value);
            if (ev <= 0m || fb.Value <= 0m) continue;
            var c = Tolerance.Equal(ev, Wan(fb).Value, Tolerance.ScaleOf(efigs.Append(fb)));
            var finding = Judge(ctx, c, $"{fnKind.Describe()}「{f} {name}」基本支出", $"应与{econ.Kind.Describe()}「{e}」一致",
                new[] { fb.Source }.Concat(efigs.Select(x => x!.Source)), fnKind, "核对该缴费在两张表中的科目归属。", "万元");
            if (finding is not null) yield return finding;
        }
    }
}
