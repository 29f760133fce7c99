using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>A figure of one table, named for messages.</summary>
public sealed record Named(Figure Figure, TableKind Table, string Label)
{
    public string Describe() => $"{Table.Describe()}「{Label}」";
}

/// <summary>Base for "the same quantity printed in two tables agrees" rules (money compared in 万元).</summary>
public abstract class CrossTableRule : Rule
{
    protected static bool IsFinal(AuditContext ctx) => ctx.Disclosure.Kind == DocumentKind.FinalAccount;

    protected static TableKind K(AuditContext ctx, TableKind budget, TableKind final) => IsFinal(ctx) ? final : budget;

    protected static Named? LineOf(AuditContext ctx, TableKind kind, Side side, SummaryLine line, ColumnKey? key = null)
    {
        if (ctx.Disclosure.Table(kind)?.Line(side, line) is not { } row) return null;
        var f = key is { } k ? row[k] : row.LineValue();
        return f is null ? null : new Named(f, kind, line.Chinese() + (key is { } kk ? "·" + kk.ColumnName() : ""));
    }

    protected static Named? TotalOf(AuditContext ctx, TableKind kind, ColumnKey key)
    {
        var t = ctx.Disclosure.Table(kind);
        var row = t?.TotalRow ?? t?.Rows.FirstOrDefault(r => r.IsTotal);
        return row?[key] is { } f ? new Named(f, kind, "合计行·" + key.ColumnName()) : null;
    }

    protected static Figure Wan(Figure f) => f.Unit == ValueUnit.Yuan ? f.ToWanYuan() : f;

    internal Finding? SameFor(AuditContext ctx, Named? expected, Named? found) => Same(ctx, expected, found);

    /// <summary>Expected (a) against found (b) as one quantity printed twice.</summary>
    protected Finding? Same(AuditContext ctx, Named? expected, Named? found, string? what = null)
    {
        if (expected is null || found is null) return null;
        var c = Tolerance.Equal(Wan(expected.Figure), Wan(found.Figure));
        return Judge(ctx, c, $"{found.Describe()}", what ?? $"应与{expected.Describe()}一致",
            new[] { found.Figure.Source, expected.Figure.Source }, found.Table, unit: "万元");
    }

    /// <summary>found = Σ parts printed elsewhere.</summary>
    protected Finding? SameAsSum(AuditContext ctx, Named? found, IReadOnlyList<Named?> parts, string what)
    {
        if (found is null || parts.All(p => p is null)) return null;
        var figs = parts.Select(p => p is null ? null : Wan(p.Figure)).ToList();
        return Judge(ctx, Tolerance.Sum(Wan(found.Figure), figs), found.Describe(), what,
            new[] { found.Figure.Source }.Concat(parts.Select(p => p?.Figure.Source)), found.Table, unit: "万元");
    }
}

/// <summary>GK301 收入表 合计 = 总表 本年收入合计 (+ 上年结转 / 实户资金余额 / 使用结余 when the 收入表 has that column) (P20, Q20).</summary>
public sealed class RevenueTotalMatchesSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK301", "收入表合计与总表本年收入合计一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "收入表 合计 = 收支总表 本年收入合计（收入表含上年结转、上年实户资金余额、使用非财政拨款结余列时再加总表对应行）",
        "收入表按科目展开的是总表左侧的本年收入，两表合计应一致。",
        "F2 合计 2946.25 = F1 本年收入合计 2946.25");

    private static readonly (Measure Column, SummaryLine Line)[] FundsBeyondIncome =
    {
        (Measure.CarryIn, SummaryLine.CarryIn), (Measure.AccountBalanceIn, SummaryLine.AccountBalanceIn),
        (Measure.UseOfNonFiscalBalance, SummaryLine.UseOfNonFiscalBalance),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var rev = K(ctx, TableKind.BudgetRevenue, TableKind.FinalRevenue);
        var sum = K(ctx, TableKind.BudgetSummary, TableKind.FinalSummary);
        var total = TotalOf(ctx, rev, Measure.Total);
        var income = LineOf(ctx, sum, Side.Income, SummaryLine.TotalIncomeThisYear);
        if (total is null || income is null) yield break;
        var parts = new List<Named?> { income };
        // funds that are not income of this year (上年结转, 上年实户资金余额, 使用非财政拨款结余): the 收入表 total holds
        // them when it prints their column, the 收支总表 lists them below 本年收入合计
        var added = new List<SummaryLine>();
        foreach (var (column, line) in FundsBeyondIncome)
        {
            if (TotalOf(ctx, rev, column) is not { } held) continue;
            var printed = LineOf(ctx, sum, Side.Income, line);
            // money the 收入表 holds that the 收支总表 does not show as that fund: its place there is unknown
            if (printed is null && held.Figure is { IsNumber: true, Value: not 0m }) yield break;
            if (printed is null && held.Figure.Value == 0m) continue;
            parts.Add(printed);
            if (printed?.Figure is { Value: not 0m } || held.Figure.Value != 0m) added.Add(line);
        }
        // income items the 收支总表 prints below its 本年收入合计 line (SD: 上级补助收入) are income of the 收入表 too
        var below = ctx.Disclosure.Table(sum) is { } st
            ? WithinTable.IncomeItemsSum.Items(st).Where(l => WithinTable.IncomeItemsSum.BelowThisYearTotal(st, l)).ToList()
            : new List<SummaryLine>();
        parts.AddRange(below.Select(l => LineOf(ctx, sum, Side.Income, l)));
        var f = SameAsSum(ctx, total, parts, $"应等于{income.Describe()}" + (added.Count > 0 ? "加" + string.Join("、", added.Select(l => l.Chinese())) : "") + (below.Count > 0 ? "及其下所列收入" : ""));
        if (f is not null) yield return f;
    }
}

/// <summary>GK302 F2 合计 by source column = F1 income items (Q20).</summary>
public sealed class RevenueColumnsMatchSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK302", "收入表各来源合计与总表收入项目一致", Severity.Error, Applicability.FinalAccount, RuleCategory.CrossTable,
        "F2 合计·财政拨款收入 = F1 一 + 二 + 三；F2 合计·其他各列 = F1 对应收入项目",
        "收入决算表合计行各来源列应与收入支出决算总表左侧对应收入项目一致。",
        "F2 财政拨款收入 2940.05 = F1 2940.05 + 0 + 0");

    private static readonly (Measure Column, SummaryLine Line)[] Pairs =
    {
        (Measure.SuperiorSubsidy, SummaryLine.SuperiorSubsidy), (Measure.BusinessIncome, SummaryLine.BusinessIncome),
        (Measure.OperatingIncome, SummaryLine.OperatingIncome), (Measure.SubordinateRemittance, SummaryLine.SubordinateRemittance),
        (Measure.OtherIncome, SummaryLine.OtherIncome),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        const TableKind F1 = TableKind.FinalSummary, F2 = TableKind.FinalRevenue;
        var fiscal = SameAsSum(ctx, TotalOf(ctx, F2, Measure.FiscalGrant), new[]
        {
            LineOf(ctx, F1, Side.Income, SummaryLine.GeneralBudgetGrant), LineOf(ctx, F1, Side.Income, SummaryLine.GovernmentFundGrant),
            LineOf(ctx, F1, Side.Income, SummaryLine.StateCapitalGrant),
        }, "应等于 F1 三项财政拨款收入之和");
        if (fiscal is not null) yield return fiscal;
        foreach (var (col, line) in Pairs)
        {
            var f = Same(ctx, LineOf(ctx, F1, Side.Income, line), TotalOf(ctx, F2, col));
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK303 支出表 合计 = 总表 本年支出合计; class rows agree (P21, Q21).</summary>
public sealed class ExpenditureMatchesSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK303", "支出表与总表本年支出一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "支出表 合计 = 收支总表 本年支出合计；支出表 各类 = 收支总表 各类",
        "支出表按科目展开的是总表右侧的本年支出，合计与各类级科目金额都应一致。",
        "F3 合计 2940.05 = F1 本年支出合计 2940.05；F3 208 = F1 208");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var exp = K(ctx, TableKind.BudgetExpenditure, TableKind.FinalExpenditure);
        var sum = K(ctx, TableKind.BudgetSummary, TableKind.FinalSummary);
        var total = Same(ctx, LineOf(ctx, sum, Side.Expenditure, SummaryLine.TotalExpenditureThisYear), TotalOf(ctx, exp, Measure.Total));
        if (total is not null) yield return total;
        foreach (var f in SameClasses(ctx, this, sum, exp, null, Measure.Total)) yield return f;
    }

    /// <summary>Each class line of a summary table against the same class row of a coded table.</summary>
    internal static IEnumerable<Finding> SameClasses(AuditContext ctx, CrossTableRule rule, TableKind summary, TableKind coded,
        ColumnKey? summaryKey, ColumnKey codedKey)
    {
        if (ctx.Disclosure.Table(summary) is not { } s || ctx.Disclosure.Table(coded) is not { } c) yield break;
        foreach (var line in s.ClassLines())
        {
            if (line.Code is not { } code || c.Row(code.Value) is not { } row) continue;
            var a = summaryKey is { } k ? line[k] : line.LineValue();
            var b = row[codedKey];
            if (a is null || b is null) continue;
            var f = rule.SameFor(ctx, new Named(a, summary, line.Name()), new Named(b, coded, row.Name() + "·" + codedKey.ColumnName()));
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK304 B4/F4 本年收入 by fund = 总表 income items (P23, Q22).</summary>
public sealed class FiscalIncomeMatchesSummary : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK304", "财政拨款收入与总表一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "财政拨款总表 本年收入·一般公共预算/政府性基金/国有资本经营 = 收支总表 对应收入项目（收支总表无上年结转行时：= 本年收入 + 该项上年结转）",
        "财政拨款收支总表左侧三项本年收入应与收支总表的三项财政拨款收入一致，其合计也应一致。",
        "F4 一般公共预算财政拨款 2940.05 = F1 一般公共预算财政拨款收入 2940.05");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var fiscal = K(ctx, TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary);
        var sum = K(ctx, TableKind.BudgetSummary, TableKind.FinalSummary);
        // a 收支总表 with no 上年结转 line beside a 财政拨款 summary that has one: its fund lines are whole funds (本年 + 结转),
        // e.g. CQ 一、一般公共预算资金 18417.70 = 本年收入 17552.65 + 上年结转 865.06
        if (WholeFunds(ctx.Disclosure.Table(sum), ctx.Disclosure.Table(fiscal)))
        {
            foreach (var (line, carry) in new[]
                     {
                         (SummaryLine.GeneralBudgetGrant, SummaryLine.CarryInGeneralBudget), (SummaryLine.GovernmentFundGrant, SummaryLine.CarryInGovernmentFund),
                         (SummaryLine.StateCapitalGrant, SummaryLine.CarryInStateCapital),
                     })
            {
                var g = SameAsSum(ctx, LineOf(ctx, sum, Side.Income, line),
                    new[] { LineOf(ctx, fiscal, Side.Income, line), LineOf(ctx, fiscal, Side.Income, carry) }, "应等于财政拨款收支总表该项本年收入与上年结转之和");
                if (g is not null) yield return g;
            }
            yield break;
        }
        foreach (var line in new[] { SummaryLine.GeneralBudgetGrant, SummaryLine.GovernmentFundGrant, SummaryLine.StateCapitalGrant })
        {
            var f = Same(ctx, LineOf(ctx, sum, Side.Income, line), LineOf(ctx, fiscal, Side.Income, line));
            if (f is not null) yield return f;
        }
        var total = SameAsSum(ctx, LineOf(ctx, fiscal, Side.Income, SummaryLine.TotalIncomeThisYear), new[]
        {
            LineOf(ctx, sum, Side.Income, SummaryLine.GeneralBudgetGrant), LineOf(ctx, sum, Side.Income, SummaryLine.GovernmentFundGrant),
            LineOf(ctx, sum, Side.Income, SummaryLine.StateCapitalGrant),
        }, "本年收入合计应等于收支总表三项财政拨款收入之和");
        if (total is not null) yield return total;
    }

    /// <summary>
    /// The 收支总表 prints no 上年结转 line on its income side while the 财政拨款 summary carries fund money over by fund:
    /// the 收支总表's fund lines then hold the whole fund (本年 + 结转).
    /// </summary>
    private static bool WholeFunds(DisclosureTable? sum, DisclosureTable? fiscal)
    {
        if (sum is null || fiscal is null) return false;
        var carries = new[] { SummaryLine.CarryIn, SummaryLine.CarryInGeneralBudget, SummaryLine.CarryInGovernmentFund, SummaryLine.CarryInStateCapital };
        if (carries.Any(l => sum.Line(Side.Income, l) is not null)) return false;
        return carries.Skip(1).Any(l => fiscal.Line(Side.Income, l)?.LineValue() is { IsNumber: true, Value: not 0m });
    }
}

/// <summary>GK305 一般公共预算支出表 合计 and classes = 财政拨款总表 一般公共预算 column (P24, Q24).</summary>
public sealed class GeneralExpenditureMatchesFiscal : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK305", "一般公共预算支出与财政拨款总表一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "一般公共预算支出表 合计（及各类）= 财政拨款收支总表 本年支出·一般公共预算列（及各类；总表只有一列金额时，仅在无政府性基金、国有资本经营资金时比较；预算有上年结转时，合计等于本年一般公共预算拨款收入即为不含上年结转的口径，不再比较）",
        "一般公共预算支出表是财政拨款收支总表一般公共预算列的展开，合计和各类级科目都应一致。",
        "F5 合计 2940.05 = F4 本年支出合计·一般公共预算 2940.05");

    /// <summary>Whether a summary table's income side shows non-zero 政府性基金 or 国有资本经营 money (this year's or carried in).</summary>
    private static bool OtherFiscalFunds(DisclosureTable? t) =>
        t is not null && t.Rows.Any(r => r.Side == Side.Income && r.Line is SummaryLine.GovernmentFundGrant or SummaryLine.StateCapitalGrant
            or SummaryLine.CarryInGovernmentFund or SummaryLine.CarryInStateCapital && r.LineValue() is { IsNumber: true } v && v.Value != 0m);

    /// <summary>Whether a 财政拨款 summary carries 一般公共预算 (or undivided) money in from last year.</summary>
    private static bool CarriesIn(DisclosureTable? t) =>
        t is not null && t.Rows.Any(r => r.Side == Side.Income && r.Line is SummaryLine.CarryIn or SummaryLine.CarryInGeneralBudget
            && r.LineValue() is { IsNumber: true } v && v.Value != 0m);

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var fiscal = K(ctx, TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary);
        var gen = K(ctx, TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure);
        var byFund = LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.TotalExpenditureThisYear, Measure.GeneralBudget);
        // a 财政拨款收支总表 with one amount column covers every fiscal fund: it is the 一般公共预算 figure only when the
        // table shows no 政府性基金 or 国有资本经营 money
        if (byFund is null && OtherFiscalFunds(ctx.Disclosure.Table(fiscal))) yield break;
        var fiscalTotal = byFund ?? LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.TotalExpenditureThisYear);
        var genTotal = TotalOf(ctx, gen, Measure.Total);
        // a budget's 财政拨款 spending includes money carried in from last year; its 一般公共预算支出表 may be printed
        // with it or without it (不含上年结转). When the total is this year's 一般公共预算 income, the table is of the
        // other scope: nothing to compare, its classes included; when it is neither, the total is reported
        bool carryScope = !IsFinal(ctx) && CarriesIn(ctx.Disclosure.Table(fiscal));
        if (carryScope && fiscalTotal is not null && genTotal is not null
            && Tolerance.Equal(Wan(fiscalTotal.Figure), Wan(genTotal.Figure)).Verdict == Verdict.Mismatch)
        {
            var thisYear = LineOf(ctx, fiscal, Side.Income, SummaryLine.GeneralBudgetGrant, byFund is null ? null : Measure.GeneralBudget)
                           ?? LineOf(ctx, fiscal, Side.Income, SummaryLine.GeneralBudgetGrant);
            if (thisYear is not null && Tolerance.Equal(Wan(thisYear.Figure), Wan(genTotal.Figure)).Verdict != Verdict.Mismatch) yield break;
            var g = Same(ctx, fiscalTotal, genTotal,
                $"应与{fiscalTotal.Describe()}（含上年结转）一致" + (thisYear is null ? "" : $"，或与{thisYear.Describe()}（不含上年结转）一致"));
            if (g is not null) yield return g;
            yield break;
        }
        var f = Same(ctx, fiscalTotal, genTotal);
        if (f is not null) yield return f;
        // a 财政拨款 summary printed without any figure is one defect: the total says it, not every class again
        if (ctx.Disclosure.Table(fiscal) is { IsEmpty: true }) yield break;
        var key = ctx.Disclosure.Table(fiscal)?.ClassLines().Any(r => r[Measure.GeneralBudget] is not null) == true
            ? (ColumnKey?)Measure.GeneralBudget : null;
        foreach (var c in ExpenditureMatchesSummary.SameClasses(ctx, this, fiscal, gen, key, Measure.Total)) yield return c;
    }
}

/// <summary>GK306 基金/国资 支出表 合计 = 财政拨款总表 基金/国资 column (P25, Q27).</summary>
public sealed class FundTablesMatchFiscal : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK306", "基金、国资支出与财政拨款总表一致", Severity.Error, Applicability.Both, RuleCategory.CrossTable,
        "政府性基金支出表 合计 = 财政拨款总表 本年支出·政府性基金列；国有资本经营支出表 合计 = 国有资本经营列；决算再核年初结转、本年收入、年末结转",
        "政府性基金和国有资本经营预算支出表分别是财政拨款收支总表对应资金列的展开；决算表还列示该资金的年初结转、本年收入和年末结转，也应与总表一致。",
        "F8 本年支出合计 0 = F4 政府性基金 0");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var fiscal = K(ctx, TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary);
        foreach (var (table, fund) in new[]
                 {
                     (K(ctx, TableKind.BudgetGovFund, TableKind.FinalGovFund), Measure.GovernmentFund),
                     (K(ctx, TableKind.BudgetStateCapital, TableKind.FinalStateCapital), Measure.StateCapital),
                 })
        {
            var f = Same(ctx, LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.TotalExpenditureThisYear, fund), TotalOf(ctx, table, Measure.Total));
            if (f is not null) yield return f;
            if (!IsFinal(ctx)) continue;
            // 决算 F8/F9 also carry 年初结转, 本年收入 and 年末结转 (Q27)
            var gov = fund == Measure.GovernmentFund;
            var others = new[]
            {
                (LineOf(ctx, fiscal, Side.Income, gov ? SummaryLine.CarryInGovernmentFund : SummaryLine.CarryInStateCapital), TotalOf(ctx, table, Measure.CarryIn)),
                (LineOf(ctx, fiscal, Side.Income, gov ? SummaryLine.GovernmentFundGrant : SummaryLine.StateCapitalGrant), TotalOf(ctx, table, Measure.IncomeThisYear)),
                (LineOf(ctx, fiscal, Side.Expenditure, SummaryLine.CarryOut, fund), TotalOf(ctx, table, Measure.CarryOut)),
            };
            foreach (var (expected, found) in others)
                if (Same(ctx, expected, found) is { } g) yield return g;
        }
    }
}

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

/// <summary>GK308 总表 年初/年末结转 ≥ 财政拨款总表 年初/年末财政拨款结转 (Q23).</summary>
public sealed class CarryOverCoversFiscal : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK308", "总表结转结余不小于财政拨款结转结余", Severity.Error, Applicability.FinalAccount, RuleCategory.CrossTable,
        "F1 年初结转和结余 ≥ F4 年初财政拨款结转和结余；F1 年末 ≥ F4 年末",
        "收入支出决算总表的结转结余包含非财政拨款资金，不应小于财政拨款部分。",
        "49.14 ≥ 21.63；55.34 ≥ 21.63");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (side, line) in new[] { (Side.Income, SummaryLine.CarryIn), (Side.Expenditure, SummaryLine.CarryOut) })
        {
            var all = LineOf(ctx, TableKind.FinalSummary, side, line);
            var fiscal = LineOf(ctx, TableKind.FinalFiscalSummary, side, line);
            if (all is null || fiscal is null) continue;
            var c = Tolerance.AtMost(fiscal.Figure.Value, all.Figure.Value, Tolerance.ScaleOf(new[] { all.Figure, fiscal.Figure }));
            var f = Judge(ctx, c, fiscal.Describe(), $"不应超过{all.Describe()}（应为不超过）",
                new[] { fiscal.Figure.Source, all.Figure.Source }, TableKind.FinalFiscalSummary, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK309 一般公共预算支出表 row ≤ 支出表 row (P26, Q25, [U]).</summary>
public sealed class GeneralWithinTotalExpenditure : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK309", "一般公共预算支出不超过全部支出", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "一般公共预算支出表 各科目合计 ≤ 支出表 同科目合计",
        "一般公共预算财政拨款只是全部资金来源的一部分，同一科目的一般公共预算支出通常不应超过该科目全部支出。",
        "F5 2101101 338.21 ≤ F3 2101101 338.21");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var gen = ctx.Disclosure.Table(K(ctx, TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure));
        var all = ctx.Disclosure.Table(K(ctx, TableKind.BudgetExpenditure, TableKind.FinalExpenditure));
        if (gen is null || all is null) yield break;
        foreach (var row in gen.Rows)
        {
            // a row of a table listed unit by unit is one unit's figure, not the department's
            var other = row.IsTotal ? all.TotalRow : row.Code is { } c && gen.Sections == 0 ? all.Row(c.Value) : null;
            if (row[Measure.Total] is not { } a || other?[Measure.Total] is not { } b) continue;
            var cmp = Tolerance.AtMost(a.Value, b.Value, Tolerance.ScaleOf(new[] { a, b }));
            var f = Judge(ctx, cmp, $"{gen.Kind.Describe()}「{row.Name()}」", $"不应超过{all.Kind.Describe()}同科目合计（应为不超过）",
                new[] { a.Source, b.Source }, gen.Kind, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK310 机关运行经费 ≤ F6/B6 公用经费合计 (Q30, P29, [U]).</summary>
public sealed class OperatingCostsWithinPublic : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK310", "机关运行经费不超过公用经费", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "机关运行经费 ≤ 基本支出表 公用经费合计",
        "机关运行经费是行政单位和参公事业单位的一般公共预算基本支出中的公用经费，一般不应超过公用经费合计。",
        "102.59 ≤ 125.12");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.OperatingCosts is not { } oc) yield break;
        var kind = K(ctx, TableKind.BudgetGeneralBasic, TableKind.FinalGeneralBasic);
        if (TotalOf(ctx, kind, Measure.Public) is not { } pub) yield break;
        var c = Tolerance.AtMost(Wan(oc).Value, Wan(pub.Figure).Value, Tolerance.ScaleOf(new[] { oc, pub.Figure }));
        var f = Judge(ctx, c, "机关运行经费", $"不应超过{pub.Describe()}（应为不超过）", new[] { oc.Source, pub.Figure.Source }, kind, unit: "万元");
        if (f is not null) yield return f;
    }
}

/// <summary>GK311 B2 row = B3 row for each function code (P22, [U], budget only; 决算 F2 ≠ F3 is normal, Q28).</summary>
public sealed class RevenueRowMatchesExpenditureRow : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK311", "预算收入表与支出表同科目一致", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "B2 各科目合计 = B3 同科目合计",
        "预算收入按支出功能科目分配，收入总表与支出总表同一科目的合计通常相等；决算因结转结余不要求相等。",
        "B2 2101101 27.50 = B3 2101101 27.50");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Table(TableKind.BudgetRevenue) is not { } rev || ctx.Disclosure.Table(TableKind.BudgetExpenditure) is not { } exp) yield break;
        foreach (var row in rev.Rows)
        {
            if (row.Code is not { } code || rev.Sections > 0 || exp.Row(code.Value) is not { } other) continue;
            if (row[Measure.Total] is not { } a || other[Measure.Total] is not { } b) continue;
            var f = Same(ctx, new Named(a, TableKind.BudgetRevenue, row.Name()), new Named(b, TableKind.BudgetExpenditure, other.Name()));
            if (f is not null) yield return f;
        }
    }
}
