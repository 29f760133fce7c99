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
        if (leaf.Contains("人员经费")) return Measure.Personnel;
        if (leaf.Contains("公用经费")) return Measure.Public;
        if (leaf == "合计") return Measure.Total;
        if (leaf == "小计")
        {
            if (parent.Contains("基本支出")) return Measure.Basic;
            if (parent.Contains("事业收入")) return Measure.BusinessIncome;
            return Measure.Total;
        }
        if (leaf.Contains("本年支出合计") || leaf.Contains("本年收入合计") || leaf == "总计") return Measure.Total;
        if (leaf.Contains("基本支出")) return Measure.Basic;
        if (leaf.Contains("项目支出") || leaf.Contains("专项业务经费")) return Measure.Project;
        if (leaf.Contains("上缴上级")) return Measure.RemitToSuperior;
        if (leaf.Contains("经营支出")) return Measure.OperatingExpenditure;
        if (leaf.Contains("附属单位补助") || leaf.Contains("下级单位补助")) return Measure.SubsidyToSubordinate;
        if (leaf.Contains("预留机动")) return Measure.Reserve;
        if (leaf.Contains("年初结转") || leaf.Contains("上年结转")) return Measure.CarryIn;
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

    /// <summary>Headers of identifier columns (codes, names) rather than values.</summary>
    public static bool IsCodeHeader(string header)
    {
        var h = TextNormalizer.Compact(header);
        return h.Contains("编码") || h.Contains("代码") || h == "科目代码";
    }
}
