using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>Shared checks over the fixed lines of B1/B4/F1/F4.</summary>
public abstract class SummaryLineRule : Rule
{
    protected virtual TableKind[] Kinds => TableNames.Summary;

    public override IEnumerable<Finding> Check(AuditContext ctx) =>
        ctx.Tables(Kinds).SelectMany(t => CheckTable(ctx, t)).Where(f => f is not null).Select(f => f!);

    protected abstract IEnumerable<Finding?> CheckTable(AuditContext ctx, DisclosureTable table);

    /// <summary>target line = Σ part lines (missing part lines count 0); null when the target line is absent.</summary>
    protected Finding? LineSum(AuditContext ctx, DisclosureTable t, Side side, SummaryLine target,
        IReadOnlyList<(Side Side, SummaryLine Line)> parts, ColumnKey? key = null)
    {
        if (t.Line(side, target) is not { } row || (key is { } k0 ? row[k0] : row.LineValue()) is not { } total) return null;
        var figs = parts.Select(p => t.Line(p.Side, p.Line)).Select(r => r is null ? null : key is { } k ? r[k] : r.LineValue()).ToList();
        if (figs.All(f => f is null)) return null;
        // an income row with money that no known line name matched (一、预算拨款): the sum would leave it out on a guess
        if (side == Side.Income && t.Rows.Any(r => r.Side == Side.Income && r.Line == SummaryLine.None && r.Block == 0 && !r.IsSubItem && !r.IsTotal
                && r.Values.Values.Any(v => v.IsNumber && v.Value != 0m))) return null;
        var names = string.Join(" + ", parts.Select(p => p.Line.Chinese()));
        return Judge(ctx, Tolerance.Sum(total, figs), $"{t.Kind.Describe()}「{target.Chinese()}」" + (key is { } kk ? kk.ColumnName() + "列" : ""),
            $"应等于 {names}", new[] { total.Source }.Concat(figs.Select(f => f?.Source)), t.Kind);
    }
}

/// <summary>GK210 收入总计 = 支出总计 (P1, P10, Q1, Q8).</summary>
public sealed class GrandTotalsBalance : SummaryLineRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK210", "收入总计等于支出总计", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "收入总计 = 支出总计",
        "收支总表与财政拨款收支总表左右两侧必须平衡。",
        "F1 总计 2995.39（收入侧）= 2995.39（支出侧）");

    protected override IEnumerable<Finding?> CheckTable(AuditContext ctx, DisclosureTable t)
    {
        var inc = t.Line(Side.Income, SummaryLine.GrandTotalIncome)?.LineValue();
        var exp = t.Line(Side.Expenditure, SummaryLine.GrandTotalExpenditure)?.LineValue();
        if (inc is null || exp is null) yield break;
        yield return Judge(ctx, Tolerance.Equal(inc, exp), $"{t.Kind.Describe()}", "支出总计应等于收入总计",
            new[] { exp.Source, inc.Source }, t.Kind);
    }
}

/// <summary>GK211 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 用事业基金弥补 + 年初结转 (+ 上年实户余额) (P2, Q2, Q8).</summary>
public sealed class IncomeGrandTotal : SummaryLineRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK211", "收入总计等于本年收入加结转结余", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "收入总计 = 本年收入合计（未列示时为各收入项目之和）+ 使用非财政拨款结余 + 用事业基金弥补收支差额 + 年初结转和结余（+ 上年实户资金余额）",
        "总表收入侧的总计由本年收入与各项结转、结余资金构成。",
        "2995.39 = 2946.25 + 0 + 49.14");

    protected override IEnumerable<Finding?> CheckTable(AuditContext ctx, DisclosureTable t)
    {
        // no 本年收入合计 line printed (B4 "一、财政拨款 … 二、上年结转结余 … 收入总计"): this year's income is the income items
        // income items printed below the 本年收入合计 line (SD: 上级补助收入, 附属单位上缴收入 between it and 收入总计) add to 收入总计
        var thisYear = t.Line(Side.Income, SummaryLine.TotalIncomeThisYear) is not null
            ? new[] { SummaryLine.TotalIncomeThisYear }.Concat(IncomeItemsSum.Items(t).Where(l => IncomeItemsSum.BelowThisYearTotal(t, l)))
            : IncomeItemsSum.Items(t);
        yield return LineSum(ctx, t, Side.Income, SummaryLine.GrandTotalIncome, thisYear.Select(l => (Side.Income, l)).Concat(new[]
        {
            (Side.Income, SummaryLine.UseOfNonFiscalBalance), (Side.Income, SummaryLine.InstitutionFund),
            (Side.Income, SummaryLine.CarryIn), (Side.Income, SummaryLine.AccountBalanceIn),
        }).ToArray());
    }
}

/// <summary>GK212 支出总计 = 本年支出合计 + 结余分配 + 年末结转 (+ 未安排实户资金) (P3, Q3, Q8).</summary>
public sealed class ExpenditureGrandTotal : SummaryLineRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK212", "支出总计等于本年支出加结转结余", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余（+ 未安排支出的实户资金）",
        "总表支出侧的总计由本年支出与结余分配、年末结转和结余构成。",
        "2995.39 = 2940.05 + 0 + 55.34");

    protected override IEnumerable<Finding?> CheckTable(AuditContext ctx, DisclosureTable t)
    {
        var key = t.Line(Side.Expenditure, SummaryLine.GrandTotalExpenditure) is { } r && r[Measure.Amount] is null && r[Measure.Total] is not null
            ? (ColumnKey?)Measure.Total : null;
        yield return LineSum(ctx, t, Side.Expenditure, SummaryLine.GrandTotalExpenditure, new[]
        {
            (Side.Expenditure, SummaryLine.TotalExpenditureThisYear), (Side.Expenditure, SummaryLine.BalanceDistribution),
            (Side.Expenditure, SummaryLine.CarryOut), (Side.Expenditure, SummaryLine.AccountBalanceOut),
        }, key);
    }
}

/// <summary>GK213 本年收入合计 = Σ top-level income items (P4, Q4, P10, Q10).</summary>
public sealed class IncomeItemsSum : SummaryLineRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK213", "本年收入合计等于各收入项目之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "本年收入合计 = Σ 收入项目（财政拨款分组行与其下三项资金只计一次；列在本年收入合计行之下的项目计入收入总计）",
        "本年收入合计应等于同级收入项目之和；下级项目不与其上级同时相加，“其中”行不相加。",
        "2946.25 = 2940.05 + 6.20");

    private static readonly SummaryLine[] Grants =
        { SummaryLine.GeneralBudgetGrant, SummaryLine.GovernmentFundGrant, SummaryLine.StateCapitalGrant };
    private static readonly SummaryLine[] Others =
    {
        SummaryLine.SpecialAccountIncome, SummaryLine.SuperiorSubsidy, SummaryLine.BusinessIncome, SummaryLine.OperatingIncome,
        SummaryLine.SubordinateRemittance, SummaryLine.OtherIncome,
    };

    protected override IEnumerable<Finding?> CheckTable(AuditContext ctx, DisclosureTable t)
    {
        yield return LineSum(ctx, t, Side.Income, SummaryLine.TotalIncomeThisYear,
            Items(t).Where(l => !BelowThisYearTotal(t, l)).Select(l => (Side.Income, l)).ToList());
    }

    /// <summary>
    /// An income item printed below a 本年收入合计 line that closes the list of items above it: not one of its parts (it
    /// adds to 收入总计 instead). A 本年收入 line printed as the heading of the items (B4 "一、本年收入") has none below it.
    /// </summary>
    internal static bool BelowThisYearTotal(DisclosureTable t, SummaryLine line)
    {
        if (t.Line(Side.Income, SummaryLine.TotalIncomeThisYear) is not { } total || t.Line(Side.Income, line) is not { } item) return false;
        int at = t.Rows.IndexOf(total);
        bool closesList = Items(t).Select(l => t.Line(Side.Income, l)).Any(r => r is not null && t.Rows.IndexOf(r) < at);
        return closesList && t.Rows.IndexOf(item) > at;
    }

    /// <summary>The income items of this year, each counted once (the 财政拨款 group line or its three funds).</summary>
    internal static SummaryLine[] Items(DisclosureTable t)
    {
        var useGroup = t.Line(Side.Income, SummaryLine.FiscalGrant)?.LineValue() is { IsNumber: true, Value: not 0m };
        return (useGroup ? new[] { SummaryLine.FiscalGrant } : Grants).Concat(Others).ToArray();
    }
}

/// <summary>GK214 Σ class lines = 本年支出合计 (P5, Q4), per column for B4/F4.</summary>
public sealed class ClassLinesSum : SummaryLineRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK214", "各类支出之和等于本年支出合计", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "本年支出合计 = Σ 支出功能分类类级行",
        "总表支出侧按功能分类列示的各类支出之和应等于本年支出合计；财政拨款收支总表逐资金列核对。",
        "2940.05 = 2106.66 + 326.71 + 60.99 + 445.69");

    protected override IEnumerable<Finding?> CheckTable(AuditContext ctx, DisclosureTable t)
    {
        if (t.Line(Side.Expenditure, SummaryLine.TotalExpenditureThisYear) is not { } total) yield break;
        var classes = t.ClassLines().ToList();
        if (classes.Count == 0) yield break;
        foreach (var (key, fig) in total.CurrentValues)
        {
            var parts = classes.Select(c => c[key]).ToList();
            if (parts.All(p => p is null)) continue;
            yield return Judge(ctx, Tolerance.Sum(fig, parts), $"{t.Kind.Describe()}「本年支出合计」{key.ColumnName()}列",
                $"应等于 {classes.Count} 个类级支出之和", new[] { fig.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
        }
    }
}

/// <summary>GK215 B4/F4 each expenditure row 合计 = 一般 + 基金 + 国资 (P10, Q10).</summary>
public sealed class FiscalFundColumns : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK215", "财政拨款总表各行合计等于三项资金之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
        "财政拨款收支总表支出侧每一行的合计（小计）列应等于三个资金列之和。",
        "208 社会保障和就业支出：326.71 = 326.71 + 0 + 0");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary))
            foreach (var row in t.Rows)
            {
                if (row[Measure.Total] is not { } total) continue;
                var parts = new[] { row[Measure.GeneralBudget], row[Measure.GovernmentFund], row[Measure.StateCapital] };
                if (parts.All(p => p is null)) continue;
                var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}「{row.Name()}」",
                    "合计应等于一般公共预算、政府性基金、国有资本经营三列之和",
                    new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
                if (f is not null) yield return f;
            }
    }
}

/// <summary>GK216 B4/F4 per fund: 年初结转 + 本年收入 − 本年支出 = 年末结转 (P11, Q9).</summary>
public sealed class FundRollForward : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK216", "各项资金结转滚动平衡", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "年末结转和结余(f) = 年初结转和结余(f) + 本年收入(f) − 本年支出(f)",
        "财政拨款收支总表中，每一项财政资金的年末结转应由年初结转加本年收入减本年支出得到。",
        "一般公共预算：21.63 + 2940.05 − 2940.05 = 21.63");

    private static readonly (Measure Fund, SummaryLine Income, SummaryLine CarryIn, string Name)[] Funds =
    {
        (Measure.GeneralBudget, SummaryLine.GeneralBudgetGrant, SummaryLine.CarryInGeneralBudget, "一般公共预算"),
        (Measure.GovernmentFund, SummaryLine.GovernmentFundGrant, SummaryLine.CarryInGovernmentFund, "政府性基金预算"),
        (Measure.StateCapital, SummaryLine.StateCapitalGrant, SummaryLine.CarryInStateCapital, "国有资本经营预算"),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary))
        {
            var spent = t.Line(Side.Expenditure, SummaryLine.TotalExpenditureThisYear);
            var carryOut = t.Line(Side.Expenditure, SummaryLine.CarryOut);
            foreach (var fund in Funds)
            {
                var cin = t.Line(Side.Income, fund.CarryIn)?.LineValue() ?? t.Line(Side.Income, SummaryLine.CarryIn)?[fund.Fund];
                var inc = t.Line(Side.Income, fund.Income)?.LineValue();
                var exp = spent?[fund.Fund];
                var cout = carryOut?[fund.Fund];
                if (cout is null || inc is null || exp is null) continue;
                var parts = new[] { cin?.Value ?? 0m, inc.Value, -exp.Value };
                var c = Tolerance.Sum(cout.Value, parts, Tolerance.ScaleOf(new[] { cin, inc, exp, cout }));
                var f = Judge(ctx, c, $"{t.Kind.Describe()}（{fund.Name}）", "年末结转和结余应等于年初结转和结余 + 本年收入 − 本年支出",
                    new[] { cout.Source, cin?.Source, inc.Source, exp.Source }, t.Kind);
                if (f is not null) yield return f;
            }
        }
    }
}

/// <summary>GK217 F8/F9 each row: 年末 = 年初 + 本年收入 − 本年支出 (Q14).</summary>
public sealed class FundTableRollForward : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK217", "基金、国资决算表逐行结转平衡", Severity.Error, Applicability.FinalAccount, RuleCategory.WithinTable,
        "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出合计",
        "政府性基金和国有资本经营预算财政拨款收入支出决算表的每一行都应满足结转滚动关系。",
        "0 = 0 + 120.00 − 120.00");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableKind.FinalGovFund, TableKind.FinalStateCapital))
            foreach (var row in t.Rows)
            {
                var cout = row[Measure.CarryOut];
                var inc = row[Measure.IncomeThisYear];
                var exp = row[Measure.Total];
                if (cout is null || inc is null || exp is null) continue;
                var cin = row[Measure.CarryIn];
                var c = Tolerance.Sum(cout.Value, new[] { cin?.Value ?? 0m, inc.Value, -exp.Value },
                    Tolerance.ScaleOf(new[] { cin, inc, exp, cout }));
                var f = Judge(ctx, c, $"{t.Kind.Describe()}「{row.Name()}」", "年末结转和结余应等于年初 + 本年收入 − 本年支出",
                    new[] { cout.Source, cin?.Source, inc.Source, exp.Source }, t.Kind);
                if (f is not null) yield return f;
            }
    }
}
