using Gongkai.Model;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Maps a column header path (upper headers joined with '/', e.g. "基本支出/人员经费", "事业收入/其中:教育收费")
/// to what the column measures. Regional wordings (小计 vs 合计, 专项业务经费 vs 项目支出) map to one meaning.
/// </summary>
public static class ColumnMeaning
{
    public static ColumnKey? Of(string headerPath, TableKind kind)
    {
        var basis = Basis.Default;
        var all0 = TextNormalizer.Compact(headerPath);
        if (kind is TableKind.FinalThreePublic or TableKind.InstitutionOperation)
        {
            if (all0.Contains("决算")) basis = Basis.Final;
            else if (all0.Contains("预算")) basis = Basis.Budget;
        }
        var m = MeasureOf(headerPath, kind);
        return m is null ? null : new ColumnKey(m.Value, basis);
    }

    private static Measure? MeasureOf(string headerPath, TableKind kind)
    {
        var parts = headerPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(TextNormalizer.Compact).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0) return null;
        var leaf = parts[^1];
        var parent = parts.Count > 1 ? parts[^2] : "";
        var all = string.Join("/", parts);
        // JS 公开11: the one value column (机关运行经费支出) is the amount of each economic line
        if (kind == TableKind.OperatingCostsByEconomic && leaf.Contains("机关运行经费")) return Measure.Amount;
        // HB 固定资产占用情况表: 价值（金额单位：万元） beside 数量
        if (kind == TableKind.Assets && leaf.Contains("价值")) return Measure.Amount;
        if (kind is TableKind.BudgetThreePublic or TableKind.FinalThreePublic)
            return ThreePublic(leaf, parent, parts.Count > 2 ? parts[^3] : "", all);
        if (leaf is "决算数" or "预算数" or "项目金额" || leaf.StartsWith("金额", StringComparison.Ordinal)) return Measure.Amount;
        // a breakdown of another column (上年结转结余/一般公共预算, 财政拨款结转/小计 …) is not one of the row's parts
        if (UnderBreakdownParent(parts)) return null;
        if (leaf.Contains("人员") && leaf.Contains("公用")) return Measure.Basic; // 人员经费和公用经费支出 (XA's 基本支出)
        if (IsPersonnel(leaf)) return Measure.Personnel;
        if (IsPublic(leaf)) return Measure.Public;
        if (leaf is "合计" or "小计")
        {
            // a subtotal takes the meaning of the group it closes: 基本支出/小计 is 基本支出, 本年收入/小计 is 本年收入
            if (parent.Length == 0) return Measure.Total;
            if (parent.Contains("事业收入")) return Measure.BusinessIncome;
            if (parent.Contains("财政拨款")) return Measure.FiscalGrant;
            if (parent is "本年收入" or "本年收入合计" or "当年收入") return Measure.IncomeThisYear;
            if (IsCarryIn(parent)) return Measure.CarryIn;
            // 合计 under any other group spans the table (本年一般公共预算基本支出/合计, 收入预算/合计): the row total
            if (leaf == "合计") return Measure.Total;
            if (parent.Contains("基本支出")) return Measure.Basic;
            if (parent.Contains("项目支出")) return Measure.Project;
            // the group spans the whole table (本年一般公共预算基本支出/合计, 支出/预算数/总计, 预算数/合计)
            if (parent.Contains("合计") || parent.Contains("总计") || parent.Contains("预算数") || parent.Contains("决算数")
                || parent.StartsWith("本年", StringComparison.Ordinal) || parent.EndsWith("支出", StringComparison.Ordinal)
                && !parent.Contains("其中")) return Measure.Total;
            // a subtotal of a group with no known meaning (政府采购项目/小计) is not the row total
            return null;
        }
        if (leaf.Contains("本年支出合计") || leaf.Contains("本年收入合计") || leaf == "总计") return Measure.Total;
        if (leaf.Contains("基本支出")) return Measure.Basic;
        if (leaf.Contains("项目支出") || leaf.Contains("专项业务经费")) return Measure.Project;
        if (leaf.Contains("上缴上级")) return Measure.RemitToSuperior;
        if (leaf.Contains("经营支出")) return Measure.OperatingExpenditure;
        if (leaf.Contains("附属单位补助") || leaf.Contains("下级单位补助")) return Measure.SubsidyToSubordinate;
        if (leaf.Contains("预留机动")) return Measure.Reserve;
        if (IsCarryIn(leaf)) return Measure.CarryIn;
        if (leaf.Contains("年末结转") || leaf.Contains("结转下年")) return Measure.CarryOut;
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
        if (leaf.Contains("其他收入")) return Measure.OtherIncome;
        if (leaf == "本年收入") return Measure.IncomeThisYear;
        if (leaf.Contains("本年支出")) return Measure.Total;
        if (leaf.Contains("面向中小企业") || leaf.Contains("中小企业")) return Measure.SmeShare;
        if (leaf.Contains("小微企业")) return Measure.SmallMicroShare;
        if (leaf.Contains("采购金额") || leaf.Contains("购买金额")) return Measure.Total;
        if (leaf.Contains("数量")) return Measure.Quantity;
        if (leaf.Contains("单价")) return Measure.UnitPrice;
        return null;
    }

    private static Measure? ThreePublic(string leaf, string parent, string grandparent, string all)
    {
        if (leaf.Contains("机关运行")) return Measure.OperatingCosts; // SH “三公”经费和机关运行经费预算表 (before 运行 = 车辆运行)
        if (leaf.Contains("会议费")) return Measure.Meeting;
        if (leaf.Contains("培训费")) return Measure.Training;
        if (leaf.Contains("出国")) return Measure.Abroad;
        if (leaf.Contains("接待")) return Measure.Reception;
        if (leaf.Contains("购置费") || leaf == "购置") return Measure.VehiclePurchase;
        if (leaf.Contains("运行") && !leaf.Contains("购置")) return Measure.VehicleOperation;
        if (leaf.Contains("购置及运行")) return Measure.VehicleTotal;
        if (leaf == "小计" && parent.Contains("公务用车")) return Measure.VehicleTotal;
        if (leaf.Contains("合计") || leaf == "小计") return Measure.ThreePublicTotal;
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
    public static List<(int Col, ColumnKey? Key, bool Detail)> Plan(IReadOnlyList<string> paths, IEnumerable<int> columns, TableKind kind)
    {
        var other = OtherPeriodColumns(paths);
        var taken = new HashSet<ColumnKey>();
        var plan = new List<(int, ColumnKey?, bool)>();
        foreach (var c in columns)
        {
            if (other.Contains(c)) { plan.Add((c, null, true)); continue; }
            var key = Of(paths[c], kind);
            if (key is { Measure: Measure.Amount } k) key = new ColumnKey(Measure.Total, k.Basis);
            if (key is ColumnKey ck && !taken.Add(ck)) key = null;
            plan.Add((c, key, key is null && IsDetail(paths[c])));
        }
        return plan;
    }

    /// <summary>人员经费 in any wording: 人员经费, 人员支出, 人员经费支出, 人员类 (预算管理一体化 project category).</summary>
    private static bool IsPersonnel(string leaf) =>
        leaf.Contains("人员经费") || leaf.Contains("人员支出") || leaf.StartsWith("人员类", StringComparison.Ordinal);

    /// <summary>公用经费 in any wording: 公用经费, 日常公用支出, 公用支出, 公用类 / 运转类公用.</summary>
    private static bool IsPublic(string leaf) =>
        leaf.Contains("公用经费") || leaf.Contains("公用支出") || leaf.StartsWith("公用类", StringComparison.Ordinal) || leaf == "日常公用";

    private static bool IsCarryIn(string h) =>
        h.Contains("年初结转") || h.Contains("上年结转") || h.Contains("上年结余") || h.StartsWith("结转结余", StringComparison.Ordinal);

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

    /// <summary>
    /// Whether a column without a meaning is nevertheless understood: a breakdown of a column that has one (上年结转结余/
    /// 一般公共预算), or a 其中 column. Such a column is kept with its numbers and left out of the row identities.
    /// </summary>
    public static bool IsDetail(string headerPath)
    {
        var parts = headerPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(TextNormalizer.Compact).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0) return false;
        return UnderBreakdownParent(parts) || parts.Any(p => p.StartsWith("其中", StringComparison.Ordinal));
    }

    /// <summary>
    /// Columns of another period: when the header names two or more years (2025年预算数 | 2026年预算数), the columns under an
    /// earlier year than the latest one are last year's figures, printed for comparison.
    /// </summary>
    public static HashSet<int> OtherPeriodColumns(IReadOnlyList<string> paths)
    {
        var years = paths.Select(YearOf).ToList();
        var distinct = years.Where(y => y is not null).Distinct().ToList();
        if (distinct.Count < 2) return new HashSet<int>();
        var latest = distinct.Max();
        return Enumerable.Range(0, paths.Count).Where(c => years[c] is int y && y < latest).ToHashSet();
    }

    private static int? YearOf(string path)
    {
        var m = System.Text.RegularExpressions.Regex.Match(TextNormalizer.Compact(path), @"(20\d\d)年");
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    /// <summary>Headers of identifier columns (codes, names) rather than values.</summary>
    public static bool IsCodeHeader(string header)
    {
        var h = TextNormalizer.Compact(header);
        return h.Contains("编码") || h.Contains("代码") || h == "科目代码";
    }
}
