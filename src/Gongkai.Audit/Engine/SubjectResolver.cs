using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>A table figure a narrative subject refers to.</summary>
public sealed record ResolvedFigure(Figure Figure, TableKind? Table, string Description);

/// <summary>
/// Maps a narrative subject ("本年支出合计", "基本支出", "公务接待费", "卫生健康支出（类）", "2101501") to the
/// table figure it names: (table, row, measure). Budget documents read B tables, final accounts F tables.
/// Unknown subjects resolve to null, and rules then stay silent.
/// </summary>
public sealed partial class SubjectResolver
{
    private readonly Disclosure _d;

    public SubjectResolver(Disclosure disclosure) => _d = disclosure;

    private bool Final => _d.Kind == DocumentKind.FinalAccount;
    private TableKind T(TableKind budget, TableKind final) => Final ? final : budget;

    /// <summary>Strip quotes, spaces, brackets and the （类）/（款）/（项） markers.</summary>
    public static string Normalize(string subject)
    {
        if (NormalizeCache.TryGetValue(subject, out var hit)) return hit;
        if (NormalizeCache.Count > 50_000) NormalizeCache.Clear();
        return NormalizeCache[subject] = NormalizeUncached(subject);
    }

    // claims are resolved against every row label: normalise each text once
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> NormalizeCache = new(StringComparer.Ordinal);

    private static string NormalizeUncached(string subject)
    {
        var s = Regex.Replace(subject, "[\\s“”\"'‘’「」]", "");
        s = s.Replace("(", "（").Replace(")", "）");
        s = Regex.Replace(s, "（[类款项]）", "");
        return s.Trim('：', ':', '，', '。');
    }

    /// <summary>
    /// The table figure a narrative claim names, or null. A claim about one unit of the department
    /// (<see cref="Claim.Entity"/>) names no figure of the department's tables.
    /// </summary>
    public ResolvedFigure? Resolve(Claim claim, string subject) => claim.Entity is null ? Resolve(subject, claim.Scope) : null;

    /// <summary>
    /// The table figure <paramref name="subject"/> names when the statement speaks of <paramref name="scope"/>. A 基本支出
    /// or 项目支出 of 一般公共预算 is the B5/F5 one, of all funds the B3/F3 one; a 功能分类 class is looked up in the
    /// table of the money the statement speaks of, and not at all when nothing said which.
    /// </summary>
    public ResolvedFigure? Resolve(string subject, FundScope scope = FundScope.Unknown)
    {
        var s = Normalize(subject);
        // "上海市普陀区财政局2024年度财政拨款收入支出总计" → "财政拨款收入支出总计"
        if (_d.DepartmentName is string dn && dn.Length > 1 && s.StartsWith(Normalize(dn), StringComparison.Ordinal)) s = s[Normalize(dn).Length..];
        s = Regex.Replace(s, "^(本部门|本单位)?((19|20)\\d{2}年度?)", "");
        if (s.Length == 0) return null;
        // in a 决算, "…（项）（2010108）年初预算为 B 万元" / "…调整预算数 B 万元" states the budget of the subject, not its actual:
        // no 决算 table column holds it (the 三公 table's 预算数 is matched by its own rule)
        if (Final && BudgetBasisSuffix().IsMatch(s)) return null;
        return Summary(s) ?? Expenditure(s, scope) ?? ThreePublic(s) ?? Other(s) ?? ByCode(s, scope) ?? ByClassName(s, scope);
    }

    private ResolvedFigure? FromLine(TableKind kind, Side side, SummaryLine line, string description, ColumnKey? key = null)
    {
        if (_d.Table(kind) is not { } t || t.Line(side, line) is not { } row) return null;
        var f = key is { } k ? row[k] : row.LineValue();
        return f is null ? null : new ResolvedFigure(f, kind, $"{kind.Describe()}「{description}」");
    }

    private ResolvedFigure? FromTotal(TableKind kind, ColumnKey key, string description)
    {
        if (_d.Table(kind) is not { } t) return null;
        var row = t.TotalRow ?? t.Rows.FirstOrDefault(r => r.IsTotal);
        var f = row?[key];
        return f is null ? null : new ResolvedFigure(f, kind, $"{kind.Describe()} 合计行「{description}」");
    }

    private ResolvedFigure? Summary(string s)
    {
        var sum = T(TableKind.BudgetSummary, TableKind.FinalSummary);
        var fiscal = T(TableKind.BudgetFiscalSummary, TableKind.FinalFiscalSummary);
        if (s.StartsWith("财政拨款收入支出总计", StringComparison.Ordinal) || s.StartsWith("财政拨款收支总计", StringComparison.Ordinal) || s == "财政拨款收支总预算")
            return FromLine(fiscal, Side.Income, SummaryLine.GrandTotalIncome, "收入总计");
        return s switch
        {
            "收入支出总计" or "收支总计" or "收支总预算" or "收入总计" or "总计" =>
                FromLine(sum, Side.Income, SummaryLine.GrandTotalIncome, "收入总计"),
            "支出总计" => FromLine(sum, Side.Expenditure, SummaryLine.GrandTotalExpenditure, "支出总计"),
            "本年收入合计" or "收入合计" or "本年收入" => FromLine(sum, Side.Income, SummaryLine.TotalIncomeThisYear, "本年收入合计"),
            "本年支出合计" or "支出合计" or "本年支出" =>
                FromLine(sum, Side.Expenditure, SummaryLine.TotalExpenditureThisYear, "本年支出合计")
                ?? FromTotal(T(TableKind.BudgetExpenditure, TableKind.FinalExpenditure), Measure.Total, "合计"),
            "一般公共预算财政拨款收入" or "一般公共预算拨款收入" =>
                FromLine(sum, Side.Income, SummaryLine.GeneralBudgetGrant, "一般公共预算财政拨款收入"),
            "政府性基金预算财政拨款收入" or "政府性基金预算拨款收入" =>
                FromLine(sum, Side.Income, SummaryLine.GovernmentFundGrant, "政府性基金预算财政拨款收入"),
            "国有资本经营预算财政拨款收入" or "国有资本经营预算拨款收入" =>
                FromLine(sum, Side.Income, SummaryLine.StateCapitalGrant, "国有资本经营预算财政拨款收入"),
            "上级补助收入" => FromLine(sum, Side.Income, SummaryLine.SuperiorSubsidy, "上级补助收入"),
            "事业收入" => FromLine(sum, Side.Income, SummaryLine.BusinessIncome, "事业收入"),
            "经营收入" or "事业单位经营收入" => FromLine(sum, Side.Income, SummaryLine.OperatingIncome, "经营收入"),
            "附属单位上缴收入" => FromLine(sum, Side.Income, SummaryLine.SubordinateRemittance, "附属单位上缴收入"),
            "其他收入" => FromLine(sum, Side.Income, SummaryLine.OtherIncome, "其他收入"),
            "年初结转和结余" or "上年结转" or "上年结转结余" => FromLine(sum, Side.Income, SummaryLine.CarryIn, "年初结转和结余"),
            "年末结转和结余" or "结转下年" or "年终结转结余" => FromLine(sum, Side.Expenditure, SummaryLine.CarryOut, "年末结转和结余"),
            _ => null,
        };
    }

    private ResolvedFigure? Expenditure(string s, FundScope scope)
    {
        var exp = T(TableKind.BudgetExpenditure, TableKind.FinalExpenditure);
        var gen = T(TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure);
        var econ = T(TableKind.BudgetGeneralBasic, TableKind.FinalGeneralBasic);
        if (s is "基本支出" or "项目支出")
        {
            // "一般公共预算财政拨款支出 …。其中：基本支出 x 万元" is the B5 基本支出; of 财政拨款 or a fund, no table holds it
            if (scope == FundScope.GeneralBudget) return FromTotal(gen, s == "基本支出" ? Measure.Basic : Measure.Project, s);
            if (scope is FundScope.FiscalGrant or FundScope.GovernmentFund or FundScope.StateCapital) return null;
        }
        return s switch
        {
            "基本支出" => FromTotal(exp, Measure.Basic, "基本支出"),
            "项目支出" => FromTotal(exp, Measure.Project, "项目支出"),
            "上缴上级支出" => FromTotal(exp, Measure.RemitToSuperior, "上缴上级支出"),
            "经营支出" => FromTotal(exp, Measure.OperatingExpenditure, "经营支出"),
            "对附属单位补助支出" => FromTotal(exp, Measure.SubsidyToSubordinate, "对附属单位补助支出"),
            "一般公共预算财政拨款支出" or "一般公共预算支出" or "一般公共预算拨款支出" => FromTotal(gen, Measure.Total, "合计"),
            "一般公共预算财政拨款基本支出" or "一般公共预算基本支出" => FromTotal(gen, Measure.Basic, "基本支出"),
            "一般公共预算财政拨款项目支出" or "一般公共预算项目支出" => FromTotal(gen, Measure.Project, "项目支出"),
            "人员经费" => FromTotal(econ, Measure.Personnel, "人员经费"),
            "公用经费" => FromTotal(econ, Measure.Public, "公用经费"),
            "政府性基金预算财政拨款支出" or "政府性基金预算支出" =>
                FromTotal(T(TableKind.BudgetGovFund, TableKind.FinalGovFund), Measure.Total, "合计"),
            "国有资本经营预算财政拨款支出" or "国有资本经营预算支出" =>
                FromTotal(T(TableKind.BudgetStateCapital, TableKind.FinalStateCapital), Measure.Total, "合计"),
            _ => null,
        };
    }

    private ResolvedFigure? ThreePublic(string s)
    {
        Measure? m = s switch
        {
            "三公经费" or "三公经费支出" or "三公经费合计" => Measure.ThreePublicTotal,
            "因公出国（境）费" or "因公出国（境）费用" or "因公出国费" => Measure.Abroad,
            "公务用车购置及运行费" or "公务用车购置及运行维护费" => Measure.VehicleTotal,
            "公务用车购置费" => Measure.VehiclePurchase,
            "公务用车运行费" or "公务用车运行维护费" => Measure.VehicleOperation,
            "公务接待费" => Measure.Reception,
            _ => null,
        };
        if (m is not Measure measure) return null;
        var key = new ColumnKey(measure, Final ? Basis.Final : Basis.Default);
        foreach (var kind in TableNames.ThreePublic)
        {
            if (_d.Table(kind) is not { } t) continue;
            // two columns of one block read as the same measure (a 上年 block beside the 本年 one): which is this year's
            // is a guess — compare with neither
            if (t.Columns.Where(c => c.Key is { } ck && ck.Measure == measure).GroupBy(c => c.Block).Any(g => g.Count() > 1)) return null;
            // the 合计 row first (a per-unit 三公 table lists every unit under it); never a column-number row (** 1 2 3)
            var rows = t.Rows.Where(r => r.IsTotal).Concat(t.Rows.Where(r => !r.IsTotal && !IsColumnNumberRow(r)));
            foreach (var row in rows)
            {
                var f = row[key] ?? (Final ? null : row[new ColumnKey(measure, Basis.Budget)]);
                if (f is not null) return new ResolvedFigure(f, kind, $"{kind.Describe()}「{key.ColumnName()}」");
            }
        }
        return null;
    }

    private ResolvedFigure? Other(string s)
    {
        if (s == "机关运行经费" && _d.OperatingCosts is { } oc) return new ResolvedFigure(oc, null, "机关运行经费");
        if (s is "政府采购" or "政府采购支出" or "政府采购金额" or "政府采购预算" && _d.Procurement?.Total is { } pt)
            return new ResolvedFigure(pt, TableKind.Procurement, "政府采购合计");
        // the 中小企业 / 小微企业 amounts of the procurement table or the 机构运行信息表 (a money column, never a share in %)
        if (s.Contains("中小企业") && (s.Contains("授予") || s.Contains("预留") || s.Contains("面向")) && !s.Contains("小微")
            && _d.Procurement?.Sme is { IsNumber: true, Unit: ValueUnit.WanYuan or ValueUnit.Yuan } sme)
            return new ResolvedFigure(sme, ProcurementKind(), "政府采购授予中小企业金额");
        if (s.Contains("小微企业") && (s.Contains("授予") || s.Contains("预留") || s.Contains("面向"))
            && _d.Procurement?.SmallMicro is { IsNumber: true, Unit: ValueUnit.WanYuan or ValueUnit.Yuan } sm)
            return new ResolvedFigure(sm, ProcurementKind(), "政府采购授予小微企业金额");
        // 政府购买服务（预算/支出）合计 → the 合计 of the 购买服务 table (Hubei 预算12)
        if (PurchasedServicesSubject().IsMatch(s) && _d.Table(TableKind.PurchaseOfServices)?.TotalRow?[Measure.Total] is { } ps)
            return new ResolvedFigure(ps, TableKind.PurchaseOfServices, "政府购买服务表合计");
        return null;
    }

    private TableKind ProcurementKind() =>
        _d.Table(TableKind.Procurement) is not null ? TableKind.Procurement : TableKind.InstitutionOperation;

    /// <summary>A column-number row (栏次 / ** with 1 2 3 …) that a layout printed under the header and a reader took as data.</summary>
    public static bool IsColumnNumberRow(DataRow row)
    {
        if (ColumnNumberLabel().IsMatch(Normalize(row.Label))) return true;
        var nums = row.Values.Values.Where(v => v.IsNumber).Select(v => v.Value).OrderBy(v => v).ToList();
        return nums.Count >= 2 && nums.Select((v, i) => v == i + 1).All(x => x);
    }

    [GeneratedRegex(@"^(?:\*+|栏次|行次|栏号)$")]
    private static partial Regex ColumnNumberLabel();

    [GeneratedRegex("(?:^|安排|用于)政府购买服务(?:预算|支出|资金|金额)?(?:合计|总额|共计|总计)?$")]
    private static partial Regex PurchasedServicesSubject();

    [GeneratedRegex("(?:年初|调整后?|全年（调整）|全年|年度)预算数?$|预算数$")]
    private static partial Regex BudgetBasisSuffix();

    [GeneratedRegex("(?<![0-9])(2[0-9]{2}(?:[0-9]{2}){0,2})(?![0-9])")]
    private static partial Regex FunctionCodePattern();

    private ResolvedFigure? ByCode(string s, FundScope scope)
    {
        var m = FunctionCodePattern().Match(s);
        if (!m.Success) return null;
        return ClassTable(m.Groups[1].Value, scope) is { } kind ? RowOf(kind, m.Groups[1].Value) : null;
    }

    /// <summary>
    /// The table a 功能分类 row of a statement about <paramref name="scope"/> is printed in: 一般公共预算 → B5/F5,
    /// 政府性基金 → B8/F8, 国有资本经营 → B9/F9, all funds → B3/F3; 财政拨款 → B5/F5 only when no 政府性基金 or 国有资本
    /// table spends on that code. Unknown scope: none.
    /// </summary>
    private TableKind? ClassTable(string code, FundScope scope)
    {
        var gen = T(TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure);
        var fund = T(TableKind.BudgetGovFund, TableKind.FinalGovFund);
        var capital = T(TableKind.BudgetStateCapital, TableKind.FinalStateCapital);
        return scope switch
        {
            FundScope.GeneralBudget => gen,
            FundScope.GovernmentFund => fund,
            FundScope.StateCapital => capital,
            FundScope.All => T(TableKind.BudgetExpenditure, TableKind.FinalExpenditure),
            FundScope.FiscalGrant when _d.Table(fund)?.Row(code) is null && _d.Table(capital)?.Row(code) is null => gen,
            _ => null,
        };
    }

    private ResolvedFigure? RowOf(TableKind kind, string code)
    {
        if (_d.Table(kind)?.Row(code) is not { } row || row[Measure.Total] is not { } f) return null;
        return new ResolvedFigure(f, kind, $"{kind.Describe()}「{row.Name()}」合计");
    }

    /// <summary>A class/款/项 name printed in F5/B5 (only when exactly one row carries it).</summary>
    private ResolvedFigure? ByClassName(string s, FundScope scope)
    {
        // the name is looked up in the 功能分类 table of the statement's scope, and must name exactly one row there
        var kind = scope switch
        {
            FundScope.All => T(TableKind.BudgetExpenditure, TableKind.FinalExpenditure),
            FundScope.GovernmentFund => T(TableKind.BudgetGovFund, TableKind.FinalGovFund),
            FundScope.StateCapital => T(TableKind.BudgetStateCapital, TableKind.FinalStateCapital),
            _ => T(TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure),
        };
        if (_d.Table(kind) is not { } t) return null;
        var rows = t.Rows.Where(r => r.Code is not null && Normalize(r.Label) == s).ToList();
        if (rows.Count != 1) return null;
        var code = rows[0].Code!.Value.Value;
        return ClassTable(code, scope) == kind ? RowOf(kind, code) : null;
    }
}
