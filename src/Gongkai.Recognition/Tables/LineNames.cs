using Gongkai.Model;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Fixed wording of summary-table lines and class names. Lines are identified by their words,
/// never by their ordinal (ordinals differ by region and year).
/// </summary>
public static class LineNames
{
    /// <summary>部门经济分类 class names → code.</summary>
    public static readonly IReadOnlyDictionary<string, string> DepartmentEconomicClasses = new Dictionary<string, string>
    {
        ["工资福利支出"] = "301", ["商品和服务支出"] = "302", ["对个人和家庭的补助"] = "303", ["对个人和家庭补助"] = "303",
        ["债务利息及费用支出"] = "307", ["债务付息及费用支出"] = "307", ["资本性支出(基本建设)"] = "309", ["资本性支出"] = "310",
        ["其他资本性支出"] = "310", ["对企业补助(基本建设)"] = "311", ["对企业补助"] = "312", ["对社会保障基金补助"] = "313", ["其他支出"] = "399",
    };

    /// <summary>政府经济分类 class names → code.</summary>
    public static readonly IReadOnlyDictionary<string, string> GovernmentEconomicClasses = new Dictionary<string, string>
    {
        ["机关工资福利支出"] = "501", ["机关商品和服务支出"] = "502", ["机关资本性支出(一)"] = "503", ["机关资本性支出(二)"] = "504",
        ["对事业单位经常性补助"] = "505", ["对事业单位资本性补助"] = "506", ["对企业补助"] = "507", ["对企业资本性支出"] = "508",
        ["对个人和家庭的补助"] = "509", ["对社会保障基金补助"] = "510", ["债务利息及费用支出"] = "511", ["债务还本支出"] = "512",
        ["转移性支出"] = "513", ["预备费及预留"] = "514", ["其他支出"] = "599",
    };

    /// <summary>
    /// The function class code of a summary-table line ("八、 社会保障和就业支出", truncated "社会保障和就业支"): the
    /// catalog matches the name of any edition, never the ordinal.
    /// </summary>
    public static string? FunctionClassCode(string label) =>
        Gongkai.Catalogs.ClassificationCatalog.BuiltIn.FindClassByName(label, null)?.Code.Value;

    public static string? EconomicClassCode(string label, CodeScheme scheme)
    {
        var t = TextNormalizer.StripOrdinal(label);
        var map = scheme == CodeScheme.GovernmentEconomic ? GovernmentEconomicClasses : DepartmentEconomicClasses;
        return map.TryGetValue(t, out var code) ? code : null;
    }

    /// <summary>The income-side line a label names, given the line before it (for carry-in fund sub-lines).</summary>
    public static SummaryLine Income(string label, SummaryLine context)
    {
        // 其它 is a variant spelling of 其他 (CS 五、其它收入)
        var t = TextNormalizer.StripOrdinal(label).Replace("其它", "其他");
        if (t.Length == 0) return SummaryLine.None;
        if (t.StartsWith("其中", StringComparison.Ordinal)) return SummaryLine.None;
        bool inCarry = context is SummaryLine.CarryIn or SummaryLine.CarryInGeneralBudget or SummaryLine.CarryInGovernmentFund or SummaryLine.CarryInStateCapital;
        // (under a carry-in line, 1.一般公共预算拨款结余、结转 is its general-budget part)
        if (t.Contains("一般公共预算") && (inCarry || !t.Contains("结转"))) return inCarry ? SummaryLine.CarryInGeneralBudget : SummaryLine.GeneralBudgetGrant;
        if (t.Contains("政府性基金")) return inCarry ? SummaryLine.CarryInGovernmentFund : SummaryLine.GovernmentFundGrant;
        if (t.Contains("国有资本经营")) return inCarry ? SummaryLine.CarryInStateCapital : SummaryLine.StateCapitalGrant;
        if (t.Contains("本年收入合计") || t == "本年收入" || t.Contains("当年收入小计")) return SummaryLine.TotalIncomeThisYear;
        if (t.Contains("使用非财政拨款结余")) return SummaryLine.UseOfNonFiscalBalance;
        if (t.Contains("用事业基金弥补")) return SummaryLine.InstitutionFund;
        if (t.Contains("实户资金余额")) return SummaryLine.AccountBalanceIn;
        // 期初结转和结余: the carry-in named by the accounting period
        if (t.Contains("上年结转") || t.Contains("年初结转") || t.Contains("年初财政拨款结转") || t.Contains("期初结转") || t.Contains("期初财政拨款结转")
            || ColumnMeaning.IsCarryIn(t)) return SummaryLine.CarryIn;
        // the parts of a carry-in line (1.财政拨款结余、结转 | 2.非财政拨款结余、结转) are not lines of their own
        if (inCarry && (t.Contains("结转") || t.Contains("结余"))) return SummaryLine.None;
        if (t.Contains("收入总计") || t.Contains("收入总数") || t is "总计" or "收入合计" or "合计") return SummaryLine.GrandTotalIncome;
        if (t.Contains("财政专户")) return SummaryLine.SpecialAccountIncome;
        if (t.Contains("上级补助")) return SummaryLine.SuperiorSubsidy;
        if (t.Contains("经营收入")) return SummaryLine.OperatingIncome;
        if (t.Contains("事业收入")) return SummaryLine.BusinessIncome;
        if (t.Contains("附属单位上缴")) return SummaryLine.SubordinateRemittance;
        if (t.Contains("其他收入")) return SummaryLine.OtherIncome;
        // (本级)财政拨款(收入), GZ "一、预算拨款": the 财政拨款 group in other words
        if (t.EndsWith("财政拨款", StringComparison.Ordinal) || t.EndsWith("财政拨款收入", StringComparison.Ordinal)
            || t.EndsWith("预算拨款", StringComparison.Ordinal) || t.EndsWith("预算拨款收入", StringComparison.Ordinal)) return SummaryLine.FiscalGrant;
        return SummaryLine.None;
    }

    /// <summary>The expenditure-side line a label names.</summary>
    public static SummaryLine Expenditure(string label)
    {
        var t = TextNormalizer.StripOrdinal(label);
        if (t.Length == 0) return SummaryLine.None;
        if (t.Contains("本年支出合计") || t == "本年支出" || t.Contains("当年支出小计")) return SummaryLine.TotalExpenditureThisYear;
        if (t.Contains("结余分配")) return SummaryLine.BalanceDistribution;
        if (t.Contains("未安排支出的实户资金")) return SummaryLine.AccountBalanceOut;
        if (t.Contains("结转下年") || t.Contains("年末结转") || t.Contains("年终结转") || t.Contains("年末财政拨款结转")
            || t.Contains("期末结转") || t.Contains("期末财政拨款结转")
            // GZ 结转结余下年: the carry-out in other word order
            || t.Contains("下年") && (t.Contains("结转") || t.Contains("结余"))) return SummaryLine.CarryOut;
        if (t.Contains("支出总计") || t.Contains("支出总数") || t is "总计" or "支出合计") return SummaryLine.GrandTotalExpenditure;
        if (FunctionClassCode(label) is not null) return SummaryLine.ExpenditureClass;
        return SummaryLine.None;
    }

    /// <summary>True for a nested sub-line: 其中, (1) under 1、, or an indented 其中 item.</summary>
    public static bool IsSubItem(string label)
    {
        var t = TextNormalizer.Compact(label);
        return t.StartsWith("其中", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(t, @"^\(\d+\)");
    }
}
