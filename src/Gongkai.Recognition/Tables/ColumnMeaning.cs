using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Recognition.Tables;

/// <summary>What a column of a recognized table holds: its meaning, or that it stands aside from the row's arithmetic.</summary>
/// <param name="Key">The standard meaning, or null when none applies.</param>
/// <param name="Detail">
/// True for a column known not to add into the row's total: a 其中 column, a breakdown of another column
/// (政府采购项目/…, 上年结转/一般公共预算 beside its 小计), a subtotal of a group under a printed total, or a figure of another
/// period (上年 / 2025年 / 增减 blocks). A numeric column with no key that is not aside is <em>unmapped</em>.
/// </param>
public readonly record struct ColumnMap(ColumnKey? Key, bool Detail = false);

/// <summary>
/// Maps a column header path (upper headers joined with '/', e.g. "基本支出/人员经费", "事业收入/其中:教育收费")
/// to what the column measures. Regional wordings (小计 vs 合计, 专项业务经费 vs 项目支出) map to one meaning.
/// <see cref="MapAll"/> reads the columns of a table together: the period of year blocks (上年 | 本年 | 增减), what a
/// 小计 sums (the group above it), and which columns are breakdowns of another.
/// </summary>
public static partial class ColumnMeaning
{
    /// <summary>The meaning of one header path read alone (no sibling columns, no period blocks).</summary>
    public static ColumnKey? Of(string headerPath, TableKind kind) => MapAll(new[] { headerPath }, kind)[0].Key;

    /// <summary>
    /// The meanings of all columns of one table (or one side-by-side block), read together. <paramref name="year"/> is the
    /// year the table is for (from its title), when known: a column headed by an earlier year is of another period even
    /// when the current column prints no year.
    /// </summary>
    public static ColumnMap[] MapAll(IReadOnlyList<string> headerPaths, TableKind kind, int? year = null)
    {
        int n = headerPaths.Count;
        var result = new ColumnMap[n];
        var parts = SplitPaths(headerPaths);
        var otherPeriod = OtherPeriod(parts, year);
        int priorYear = PriorYearColumn(parts, otherPeriod, year);
        // the period words carry no meaning of their own: "2026年预算数" reads as 预算数
        for (int c = 0; c < n; c++)
            parts[c] = parts[c].Select(StripYear).Where(p => p.Length > 0 && !IsCurrentPeriod(p)).ToList();

        bool threePublic = kind is TableKind.BudgetThreePublic or TableKind.FinalThreePublic;
        var funds = new List<string>();
        if (threePublic)
        {
            // SZ/FZ 三公: each item split by fund (总计/一般公共预算 …). With one fund only, the fund column is the item;
            // a lone fund or amount heading (一般公共预算, 预算数) is the amount of each item row
            funds = parts.Where(ps => ps.Count > 0 && IsFundName(ps[^1])).Select(ps => ps[^1]).Distinct().ToList();
            if (funds.Count == 1)
                for (int c = 0; c < n; c++)
                    if (parts[c].Count > 0 && parts[c][^1] == funds[0]) parts[c] = parts[c].Count > 1 ? parts[c].Take(parts[c].Count - 1).ToList() : ["金额"];
        }
        var measures = new Measure?[n];
        for (int c = 0; c < n; c++) measures[c] = MeasureOf(parts[c], kind);
        if (threePublic)
        {
            // GZ: items in rows, 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 — the funds split each row's 合计
            for (int c = 0; c < n; c++)
                result[c] = otherPeriod[c] || IsIdentifier(parts[c]) || funds.Count > 1 && parts[c].Count == 1 && IsFundName(parts[c][0])
                    ? new ColumnMap(null, true)
                    : new ColumnMap(measures[c] is Measure m ? new ColumnKey(m, BasisOf(headerPaths[c], kind)) : null);
            return result;
        }

        // a 决算 table printing the budget beside its final figures (年初预算数 | 全年预算数 | 决算数/合计 …): the 决算 columns
        // are the table's; the budget ones are printed for comparison and stand aside (their total kept as 年初/全年预算数)
        var budget = BudgetBasisColumns(parts, kind);
        for (int c = 0; c < n; c++)
            if (budget[c] is not null) otherPeriod[c] = true;

        // the table's total: the first total column (合计 / 总计 / 支出总计 / a 小计 or 合计 under a heading) of this period;
        // the heading over it (部门预算, 一般公共预算支出, 2026年预算数) only wraps the table and gives its members no meaning
        // (a 小计 of a group with a meaning of its own, 基本支出/小计, is that meaning; one of a group with none,
        // 政府采购项目/小计, is not the table's total)
        bool IsTotalLike(int c) => measures[c] == Measure.Total;
        int total = Enumerable.Range(0, n).FirstOrDefault(c => !otherPeriod[c] && IsTotalLike(c), -1);
        string? wrapper = total >= 0 && parts[total].Count >= 2 ? Upper(parts[total]) : null;

        // a 小计 (or 合计) under a heading with a meaning of its own (基本支出, 财政拨款, 一般公共预算拨款, 上年结转) is that
        // meaning; the other members of such a group are its breakdown, except the standard parts of it (财政拨款 =
        // 一般公共预算 + 基金 + 国资; 基本支出 = 人员 + 公用), and add nothing beside its 小计
        for (int c = 0; c < n; c++)
        {
            // the one amount of the year before (2025年预算数, 上年预算数) is that year's figure of the row: kept as
            // 上年数, aside from this year's arithmetic; the other columns of an earlier block stand aside unread
            if (c == priorYear) { result[c] = new ColumnMap(Measure.PriorYear, true); continue; }
            if (budget[c] is Measure bm) { result[c] = new ColumnMap(bm == Measure.Amount ? null : bm, true); continue; }
            if (otherPeriod[c]) { result[c] = new ColumnMap(null, true); continue; }
            var ps = parts[c];
            if (ps.Count == 0) { result[c] = new ColumnMap(null); continue; }
            var leaf = ps[^1];
            // an identifier column (科目编码/项, 单位编码, 序号) holds digits, not money
            if (IsIdentifier(ps)) { result[c] = new ColumnMap(null, true); continue; }
            if (c == total) { result[c] = new ColumnMap(Measure.Total); continue; }
            var upper = ps.Count >= 2 ? Upper(ps) : null;
            var groupMeasure = upper is not null && upper != wrapper ? GroupMeasure(ps[^2], kind) : null;
            if (IsSubtotalLeaf(ps))
            {
                // a subtotal: the group's own figure (基本支出/小计, 本年收入/小计), or (政府采购项目/小计 beside the table's
                // total) another dimension
                if (groupMeasure is Measure gm) result[c] = new ColumnMap(gm);
                else if (upper != wrapper && measures[c] is Measure sm && sm != Measure.Total) result[c] = new ColumnMap(sm);
                else if (IsAsideGroup(ps[^2])) result[c] = new ColumnMap(null, true);
                // a subtotal of a group with no known meaning may be a part of the row: not guessed at (unmapped), or a
                // second total (dropped as a duplicate by the builders)
                else result[c] = new ColumnMap(measures[c] is Measure tm ? new ColumnKey(tm, BasisOf(headerPaths[c], kind)) : null);
                continue;
            }
            if (groupMeasure is Measure g)
            {
                if (measures[c] is Measure cm && IsStandardPartOf(cm, g)) { result[c] = new ColumnMap(cm); continue; }
                bool groupHasSubtotal = Enumerable.Range(0, n).Any(o => o != c && !otherPeriod[o] && parts[o].Count == ps.Count
                    && Upper(parts[o]) == upper && IsSubtotalLeaf(parts[o]));
                // a breakdown of the group's own figure: beside its 小计 it adds nothing; without one it is unread
                result[c] = groupHasSubtotal || IsOtherwiseAside(leaf) ? new ColumnMap(null, true) : new ColumnMap(null);
                continue;
            }
            if (upper is not null && upper != wrapper && IsAsideGroup(ps[^2]) && measures[c] is not (Measure.SmeShare or Measure.SmallMicroShare))
            {
                result[c] = new ColumnMap(null, true);
                continue;
            }
            if (measures[c] is Measure mm) { result[c] = new ColumnMap(new ColumnKey(mm, BasisOf(headerPaths[c], kind))); continue; }
            result[c] = new ColumnMap(null, IsOtherwiseAside(leaf) || ps.Any(p => p.StartsWith("其中", StringComparison.Ordinal)));
        }
        return result;
    }

    private static List<List<string>> SplitPaths(IReadOnlyList<string> headerPaths) =>
        headerPaths.Select(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(TextNormalizer.Compact)
            .Where(x => x.Length > 0).ToList()).ToList();

    /// <summary>
    /// Periods: a block headed by an earlier year than the table's own (the latest one printed, or the title's), by 上年,
    /// or by 增减 is another period.
    /// </summary>
    private static bool[] OtherPeriod(List<List<string>> parts, int? year = null)
    {
        int? current = CurrentYear(parts, year);
        var other = new bool[parts.Count];
        for (int c = 0; c < parts.Count; c++)
            foreach (var p in parts[c])
                if (IsPriorPeriod(p) || IsChange(p) || YearOf(p) is int y && current is int cy && y < cy) other[c] = true;
        return other;
    }

    /// <summary>
    /// The table's own year: the latest year its headers print, or the title's year when a column prints no year of its
    /// own (2025年预算数 | 预算数 in a 2026 table). A title year never turns every column into another period.
    /// </summary>
    private static int? CurrentYear(List<List<string>> parts, int? year)
    {
        var years = parts.SelectMany(ps => ps.Select(YearOf)).OfType<int>().ToList();
        bool undated = parts.Any(ps => ps.Count > 0 && !ps.Any(p => YearOf(p) is not null || IsPriorPeriod(p) || IsChange(p)));
        if (year is int y && undated) years.Add(y);
        return years.Count > 0 ? years.Max() : null;
    }

    /// <summary>
    /// The column holding the year-before amount of each row: the single amount of the block headed by the year before
    /// the table's own (2025年预算数 in a 2026 table) or by 上年 (上年预算数, 上年数, 上年/合计). A block of the year before
    /// split into parts (2025年/基本支出 | 2025年/项目支出) gives its total column; a change column (增减) is never one;
    /// two candidates, or none, give −1.
    /// </summary>
    private static int PriorYearColumn(List<List<string>> parts, bool[] otherPeriod, int? year)
    {
        int? current = CurrentYear(parts, year);
        int found = -1;
        for (int c = 0; c < parts.Count; c++)
        {
            if (!otherPeriod[c] || parts[c].Count == 0 || parts[c].Any(IsChange)) continue;
            bool prior = false, amountOnly = true;
            foreach (var p in parts[c])
            {
                if (YearOf(p) is int y)
                {
                    if (current is not int cy || y != cy - 1) { prior = false; amountOnly = false; break; }
                    prior = true;
                    if (!IsAmountWord(StripYear(p))) amountOnly = false;
                }
                else if (IsPriorPeriod(p)) prior = true;
                else if (!IsAmountWord(p)) amountOnly = false;
            }
            if (!prior || !amountOnly) continue;
            if (found >= 0) return -1;
            found = c;
        }
        return found;
    }

    private static bool IsFinalMoneyTable(TableKind kind) => kind is TableKind.FinalSummary or TableKind.FinalRevenue
        or TableKind.FinalExpenditure or TableKind.FinalFiscalSummary or TableKind.FinalGeneralExpenditure
        or TableKind.FinalGeneralBasic or TableKind.FinalGovFund or TableKind.FinalStateCapital;

    /// <summary>
    /// In a 决算 table that prints 决算 columns, the columns of the budget basis and the ratios between the two: per column
    /// null (a 决算 column or any other), <see cref="Measure.InitialBudget"/> / <see cref="Measure.AdjustedBudget"/> for the
    /// one amount (or the 合计) of a 年初预算 / 全年（调整）预算 block, and <see cref="Measure.Amount"/> as a mark for the other
    /// budget or ratio columns (parts of a budget block, 完成率, 决算数为预算数的%): all stand aside from the row's arithmetic.
    /// </summary>
    private static Measure?[] BudgetBasisColumns(List<List<string>> parts, TableKind kind)
    {
        var result = new Measure?[parts.Count];
        if (!IsFinalMoneyTable(kind) || !parts.Any(ps => ps.Any(p => p.Contains("决算")))) return result;
        var taken = new HashSet<Measure>();
        for (int c = 0; c < parts.Count; c++)
        {
            var ps = parts[c];
            if (ps.Count == 0) continue;
            if (ps.Any(p => p.Contains('%') || p.EndsWith("率", StringComparison.Ordinal))) { result[c] = Measure.Amount; continue; }
            if (ps.Any(p => p.Contains("决算"))) continue;
            Measure? basis = null;
            bool amountOnly = true;
            foreach (var p in ps)
            {
                if (p.StartsWith("年初预算", StringComparison.Ordinal) || p is "预算数" or "预算") basis = Measure.InitialBudget;
                else if (p.StartsWith("全年预算", StringComparison.Ordinal) || p.StartsWith("调整预算", StringComparison.Ordinal)
                         || p.StartsWith("调整后预算", StringComparison.Ordinal) || p.StartsWith("年中预算", StringComparison.Ordinal)) basis = Measure.AdjustedBudget;
                else if (!IsAmountWord(p)) amountOnly = false;
            }
            if (basis is not Measure b) continue;
            result[c] = amountOnly && taken.Add(b) ? b : Measure.Amount;
        }
        return result;
    }

    /// <summary>A header word naming only an amount (预算数, 决算数, 执行数, 金额, 合计, 总计, 小计) or nothing.</summary>
    private static bool IsAmountWord(string p) =>
        p.Length == 0 || p is "预算数" or "决算数" or "执行数" or "预算" or "决算" or "金额" or "合计" or "总计" or "小计" or "数"
            or "预算金额" or "决算金额" or "全年预算数" or "年初预算数";

    private static bool IsFundName(string p) =>
        p is "一般公共预算" or "一般公共预算拨款" or "政府性基金预算" or "政府性基金" or "国有资本经营预算" or "财政拨款" or "财政专户管理资金" or "单位资金";

    /// <summary>A column of codes or ordinals (科目编码/类|款|项, 单位编码, 序号, 编号, 代码).</summary>
    private static bool IsIdentifier(List<string> ps) =>
        ps.Any(p => p.Contains("编码") || p.Contains("代码") || p.Contains("编号") || p is "序号" or "行次" or "栏次");

    private static string Upper(List<string> ps) => string.Join("/", ps.Take(ps.Count - 1));

    private static Basis BasisOf(string headerPath, TableKind kind)
    {
        if (kind is not (TableKind.FinalThreePublic or TableKind.InstitutionOperation)) return Basis.Default;
        var all = TextNormalizer.Compact(headerPath);
        return all.Contains("决算") ? Basis.Final : all.Contains("预算") ? Basis.Budget : Basis.Default;
    }

    [GeneratedRegex(@"^(20\d\d)年度?")]
    private static partial Regex YearPrefix();

    private static int? YearOf(string part) => YearPrefix().Match(part) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    private static string StripYear(string part) => YearPrefix().Replace(part, "");

    /// <summary>上年 / 上年数 / 上年预算数 / 上年度执行数 — a block of the previous year (not 上年结转, an income source).</summary>
    private static bool IsPriorPeriod(string p) =>
        Regex.IsMatch(p, @"^(上年|上一年|上年度|前一年)(预算|决算|执行|预算数|决算数|执行数|数|同期)?(数)?$");

    private static bool IsCurrentPeriod(string p) => p is "本年" or "当年" or "本年度" or "当年度";

    private static bool IsChange(string p) => p.StartsWith("增减", StringComparison.Ordinal) || p.StartsWith("比上年", StringComparison.Ordinal)
        || p.StartsWith("增长", StringComparison.Ordinal) || p.Contains("变动情况") || p.Contains("增减变化") || p is "变动" or "增减额" or "增减率";

    /// <summary>A 小计 / 合计 leaf under a group (the group's own figure).</summary>
    /// (CS 本级财政拨款/金额 beside 本级财政拨款/其中:经费拨款: 金额 is the group's own figure)
    private static bool IsSubtotalLeaf(List<string> ps) => ps.Count >= 2 && ps[^1] is "小计" or "合计" or "总计" or "金额";

    /// <summary>
    /// The meaning of a group heading that names one part of the row's money (its 小计 is that part): 基本支出, 财政拨款,
    /// 一般公共预算拨款, 政府性基金拨款, 事业收入, 上年结转（结余）. A heading naming the whole table's scope (一般公共预算支出,
    /// 本年一般公共预算基本支出, 部门预算) has none.
    /// </summary>
    private static Measure? GroupMeasure(string group, TableKind kind)
    {
        var g = TextNormalizer.StripOrdinal(group);
        if (Regex.IsMatch(g, @"^基本(支出|经费)(预算)?$")) return Measure.Basic;
        if (Regex.IsMatch(g, @"^项目(支出|经费)(预算)?$")) return Measure.Project;
        if (Regex.IsMatch(g, @"^(本级)?财政拨款(收入|资金)?$")) return Measure.FiscalGrant;
        if (Regex.IsMatch(g, @"^(一般)?公共预算(财政)?拨款(收入)?$")) return Measure.GeneralBudget;
        if (Regex.IsMatch(g, @"^政府性基金(预算)?(财政)?拨款(收入)?$")) return Measure.GovernmentFund;
        if (Regex.IsMatch(g, @"^事业收入$")) return Measure.BusinessIncome;
        if (IsCarryIn(g)) return Measure.CarryIn;
        return null;
    }

    /// <summary>上年结转 / 上年结余、结转 / 年初结转和结余 / 上年结转结余 — money carried in from the year before.</summary>
    internal static bool IsCarryIn(string compact) =>
        ((compact.StartsWith("上年", StringComparison.Ordinal) || compact.StartsWith("年初", StringComparison.Ordinal) || compact.StartsWith("期初", StringComparison.Ordinal)
          || compact.StartsWith("以前年度", StringComparison.Ordinal))
         && (compact.Contains("结转") || compact.Contains("结余"))
         || compact.Contains("年初结转") || compact.Contains("上年结转") || compact.Contains("上年结余") || compact.StartsWith("结转结余", StringComparison.Ordinal))
        && !compact.Contains("实户");

    private static bool IsStandardPartOf(Measure part, Measure group) => group switch
    {
        Measure.FiscalGrant => part is Measure.GeneralBudget or Measure.GovernmentFund or Measure.StateCapital,
        Measure.Basic => part is Measure.Personnel or Measure.Public,
        Measure.BusinessIncome => part is Measure.EducationFees or Measure.NonEducationFees,
        Measure.VehicleTotal => part is Measure.VehiclePurchase or Measure.VehicleOperation,
        _ => false,
    };

    /// <summary>A group of columns that is another dimension of the same money (政府采购 of the row), not a part of it.</summary>
    private static bool IsAsideGroup(string group) => group.Contains("采购") || group.Contains("购买服务") || group.StartsWith("其中", StringComparison.Ordinal) && group.Length > 3;

    /// <summary>Columns that never add into the row: 其中 columns and notes.</summary>
    private static bool IsOtherwiseAside(string leaf) => leaf.StartsWith("其中", StringComparison.Ordinal) || leaf.Contains("采购");

    private static Measure? MeasureOf(List<string> parts, TableKind kind)
    {
        if (parts.Count == 0) return null;
        var leaf = parts[^1];
        // 其中：基本支出 is 基本支出 (a part printed under 其中); 其中：教育收费 stays 教育收费
        if (leaf.StartsWith("其中:", StringComparison.Ordinal) && leaf.Length > 3) leaf = leaf[3..];
        var parent = parts.Count > 1 ? parts[^2] : "";
        var all = string.Join("/", parts);
        // JS 公开11: the one value column (机关运行经费支出) is the amount of each economic line
        if (kind == TableKind.OperatingCostsByEconomic && leaf.Contains("机关运行经费")) return Measure.Amount;
        // HB 固定资产占用情况表: 价值（金额单位：万元） beside 数量
        if (kind == TableKind.Assets && leaf.Contains("价值")) return Measure.Amount;
        if (kind is TableKind.BudgetThreePublic or TableKind.FinalThreePublic)
            return ThreePublic(leaf, parent, parts.Count > 2 ? parts[^3] : "", all);
        // (GZ 表6 one value column headed 预算)
        if (leaf is "决算数" or "预算数" or "预算" or "决算" or "项目金额" || leaf.StartsWith("金额", StringComparison.Ordinal)) return Measure.Amount;
        // a breakdown of another column (上年结转结余/一般公共预算 …) is not one of the row's parts
        if (UnderBreakdownParent(parts)) return null;
        if (leaf.Contains("人员") && leaf.Contains("公用")) return Measure.Basic; // 人员经费和公用经费支出 (XA's 基本支出)
        // XA/SZ 基本支出 split: 人员支出 | 日常公用支出; HN: 人员类 | 公用经费
        if (IsPersonnel(leaf) || leaf is "工资福利") return Measure.Personnel;
        if (IsPublic(leaf) || leaf is "公用类" or "日常公用经费") return Measure.Public;
        if (leaf is "合计" or "小计")
        {
            // a subtotal takes the meaning of the group it closes: 基本支出/小计 is 基本支出, 本年收入/小计 is 本年收入
            if (parent.Length == 0) return Measure.Total;
            // (基本支出/合计 heads a 基本支出 table: its row total)
            if (leaf == "小计" && GroupMeasure(parent, kind) is Measure gm) return gm;
            if (parent.Contains("事业收入")) return Measure.BusinessIncome;
            // (财政拨款支出/合计 is the total of a spending block, not the 财政拨款 income)
            if (parent.Contains("财政拨款") && !parent.Contains("支出")) return Measure.FiscalGrant;
            if (parent is "本年收入" or "本年收入合计" or "当年收入") return Measure.IncomeThisYear;
            if (IsCarryIn(parent)) return Measure.CarryIn;
            // 合计 under any other group spans the table (本年一般公共预算基本支出/合计, 收入预算/合计): the row total
            if (leaf == "合计") return Measure.Total;
            if (parent.Contains("基本支出")) return Measure.Basic;
            if (parent.Contains("项目支出")) return Measure.Project;
            // the group spans the whole table (支出/预算数/总计, 预算数/小计, 一般公共预算支出/小计)
            if (parent.Contains("合计") || parent.Contains("总计") || parent.Contains("预算数") || parent.Contains("决算数")
                || parent.StartsWith("本年", StringComparison.Ordinal) || parent.EndsWith("支出", StringComparison.Ordinal)
                && !parent.Contains("其中")) return Measure.Total;
            // a subtotal of a group with no known meaning (政府采购项目/小计) is not the row total
            return null;
        }
        if (leaf.Contains("本年支出合计") || leaf.Contains("本年收入合计") || leaf is "总计" or "支出总计" or "收入总计" or "支出合计" or "收入合计"
            || leaf is "支出总额" or "收入总额") return Measure.Total;
        if (leaf.Contains("使用非财政拨款结余")) return Measure.UseOfNonFiscalBalance;
        if (leaf.Contains("实户资金余额")) return Measure.AccountBalanceIn;
        if (IsCarryIn(leaf)) return Measure.CarryIn;
        if (leaf.Contains("基本支出")) return Measure.Basic;
        if (leaf.Contains("项目支出") || leaf.Contains("专项业务经费")) return Measure.Project;
        if (leaf.Contains("上缴上级")) return Measure.RemitToSuperior;
        if (leaf.Contains("经营支出")) return Measure.OperatingExpenditure;
        if (leaf.Contains("附属单位补助") || leaf.Contains("下级单位补助")) return Measure.SubsidyToSubordinate;
        if (leaf.Contains("预留机动")) return Measure.Reserve;
        if (IsCarryIn(leaf)) return Measure.CarryIn;
        if (leaf.Contains("年末结转") || leaf.Contains("期末结转") || leaf.Contains("结转下年")) return Measure.CarryOut;
        if (leaf.Contains("用事业基金")) return Measure.InstitutionFund;
        if (leaf.Contains("非教育收费")) return Measure.NonEducationFees;
        if (leaf.Contains("教育收费")) return Measure.EducationFees;
        if (leaf.Contains("财政拨款收入") || leaf == "财政拨款") return Measure.FiscalGrant;
        if (leaf.Contains("一般公共预算")) return Measure.GeneralBudget;
        if (leaf.Contains("政府性基金")) return Measure.GovernmentFund;
        if (leaf.Contains("国有资本经营")) return Measure.StateCapital;
        if (leaf.Contains("财政专户")) return Measure.SpecialAccount;
        if (leaf.Contains("经营收入")) return Measure.OperatingIncome;
        if (leaf.Contains("事业收入")) return Measure.BusinessIncome;
        if (leaf.Contains("上级补助")) return Measure.SuperiorSubsidy;
        if (leaf.Contains("附属单位上缴")) return Measure.SubordinateRemittance;
        if (leaf.Contains("其他收入") || leaf.Contains("其它收入")) return Measure.OtherIncome;
        if (leaf == "本年收入") return Measure.IncomeThisYear;
        if (leaf.Contains("本年支出")) return Measure.Total;
        if (leaf.Contains("面向中小企业") || leaf.Contains("中小企业")) return Measure.SmeShare;
        if (leaf.Contains("小微企业")) return Measure.SmallMicroShare;
        if (leaf.Contains("采购金额") || leaf.Contains("购买金额")) return Measure.Total;
        if (leaf.Contains("数量")) return Measure.Quantity;
        if (leaf.Contains("单价")) return Measure.UnitPrice;
        return null;
    }

    /// <summary>
    /// The 三公 item a row label names when the items are printed as rows (“三公”经费 / 合计, （一）因公出国（境）费,
    /// 其中：公务用车购置费 …); null for any other line (行政经费, a unit name).
    /// </summary>
    public static Measure? ThreePublicItem(string label)
    {
        var t = TextNormalizer.Compact(label);
        if (t.StartsWith("其中:", StringComparison.Ordinal)) t = t[3..];
        t = TextNormalizer.StripOrdinal(t);
        if (t.StartsWith("其中:", StringComparison.Ordinal)) t = t[3..];
        t = TextNormalizer.StripOrdinal(t);
        if (t.Length == 0) return null;
        if (t is "合计" or "总计" or "小计" || t.Contains("三公") && !t.Contains("出国") && !t.Contains("接待") && !t.Contains("用车")
            && !t.Contains("会议") && !t.Contains("培训") && !t.Contains("机关运行")) return Measure.ThreePublicTotal;
        if (!(t.Contains("出国") || t.Contains("接待") || t.Contains("公务用车") || t.Contains("会议费") || t.Contains("培训费") || t.Contains("机关运行"))) return null;
        return ThreePublic(t, "", "", t);
    }

    private static Measure? ThreePublic(string leaf, string parent, string grandparent, string all)
    {
        if (leaf.Contains("机关运行")) return Measure.OperatingCosts; // SH “三公”经费和机关运行经费预算表 (before 运行 = 车辆运行)
        if (leaf.Contains("会议费")) return Measure.Meeting;
        if (leaf.Contains("培训费")) return Measure.Training;
        if (leaf.Contains("出国")) return Measure.Abroad;
        if (leaf.Contains("接待")) return Measure.Reception;
        // (其中：公务用车购置 with 费 lost in a narrow cell)
        if (leaf.Contains("购置费") || leaf == "购置" || leaf.EndsWith("购置", StringComparison.Ordinal)) return Measure.VehiclePurchase;
        if (leaf.Contains("运行") && !leaf.Contains("购置")) return Measure.VehicleOperation;
        if (leaf.Contains("购置及运行")) return Measure.VehicleTotal;
        if (leaf == "小计" && parent.Contains("公务用车")) return Measure.VehicleTotal;
        if (leaf.Contains("合计") || leaf is "小计" or "总计") return Measure.ThreePublicTotal;
        if (leaf is "预算数" or "决算数" or "金额" && parent.Length == 0) return Measure.Amount;
        if (leaf is "预算数" or "决算数")
        {
            // the leaf is only the basis: the item is the parent (公务用车购置及运行费/小计/预算数 → 小计 under 公务用车)
            return ThreePublic(parent, grandparent, "", all);
        }
        return null;
    }

    /// <summary>
    /// The meanings of a block's value columns, in order: each column's key, or null with the detail mark for a column
    /// that is understood but not one of the row's parts (a breakdown, another period). A second column with a meaning
    /// already taken in the block is left without one (unmapped): two columns cannot both be the row's 合计.
    /// </summary>
    public static List<(int Col, ColumnKey? Key, bool Detail)> Plan(IReadOnlyList<string> paths, IEnumerable<int> columns, TableKind kind, int? year = null)
    {
        var cols = columns.ToList();
        var maps = MapAll(cols.Select(c => paths[c]).ToList(), kind, year);
        var taken = new HashSet<ColumnKey>();
        var plan = new List<(int, ColumnKey?, bool)>();
        for (int i = 0; i < cols.Count; i++)
        {
            var key = maps[i].Key;
            if (key is { Measure: Measure.Amount } k) key = new ColumnKey(Measure.Total, k.Basis);
            if (key is ColumnKey ck && !taken.Add(ck)) key = null;
            plan.Add((cols[i], key, key is null && maps[i].Detail));
        }
        return plan;
    }

    /// <summary>人员经费 in any wording: 人员经费, 人员支出, 人员经费支出, 人员类 (预算管理一体化 project category).</summary>
    private static bool IsPersonnel(string leaf) =>
        leaf.Contains("人员经费") || leaf.Contains("人员支出") || leaf.StartsWith("人员类", StringComparison.Ordinal);

    /// <summary>公用经费 in any wording: 公用经费, 日常公用支出, 公用支出, 公用类 / 运转类公用.</summary>
    private static bool IsPublic(string leaf) =>
        leaf.Contains("公用经费") || leaf.Contains("公用支出") || leaf.StartsWith("公用类", StringComparison.Ordinal) || leaf == "日常公用";

    /// <summary>
    /// A column under a group that is itself one amount broken down (上年结转结余/一般公共预算, 上年结转/小计 is the group's own
    /// total and keeps its meaning; 其中/教育收费 is handled by its own wording).
    /// </summary>
    private static bool UnderBreakdownParent(List<string> parts)
    {
        for (int i = 0; i < parts.Count - 1; i++)
            if (IsCarryIn(parts[i]) && parts[^1] is not ("小计" or "合计")) return true;
        return false;
    }

    /// <summary>The year a table is for, from its title (2026年一般公共预算支出情况表 → 2026), when it prints one.</summary>
    public static int? TitleYear(string? title) =>
        title is not null && TitleYearPattern().Match(title) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    [GeneratedRegex(@"(?<![0-9])(20\d\d)\s*年")]
    private static partial Regex TitleYearPattern();

    /// <summary>
    /// Columns of another period: a block headed by an earlier year than the latest one printed (2025年预算数 beside
    /// 2026年预算数), by 上年, or by 增减 holds figures printed for comparison, not this year's.
    /// </summary>
    public static HashSet<int> OtherPeriodColumns(IReadOnlyList<string> paths)
    {
        var other = OtherPeriod(SplitPaths(paths));
        return Enumerable.Range(0, paths.Count).Where(c => other[c]).ToHashSet();
    }

    /// <summary>Headers of identifier columns (codes, names) rather than values.</summary>
    public static bool IsCodeHeader(string header)
    {
        var h = TextNormalizer.Compact(header);
        return h.Contains("编码") || h.Contains("代码") || h == "科目代码";
    }
}
