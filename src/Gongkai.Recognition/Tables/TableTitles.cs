using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Which standard table a title names. Titles vary by region and kind (财政拨款收支总表, 财政拨款收入支出决算总表,
/// 公开04表, 表4, 预算04表 …); matching is by keywords on the normalised title, most specific first, never by number.
/// </summary>
public static partial class TableTitles
{
    /// <summary>A table label printed with the title: 公开01表, 公开 01 表, 公开表4, 表4, 表一 (重庆 2026), 表14-1, 预算08表, 财决01表, 决算03表, 附件3-2.</summary>
    public static bool IsLabel(string text) => LabelRegex().IsMatch(TextNormalizer.Compact(text));

    [GeneratedRegex(@"^((公开|财决|部决|决算|预算)\d{1,2}表|(公开|财决|决算)表\d{1,2}|表\d{1,2}(-\d{1,2})?|表[一二三四五六七八九十]{1,3}|附件\d+(-\d+)?|附表\d*(-\d+)?)$")]
    private static partial Regex LabelRegex();

    /// <summary>Lines printed between a title and its grid that are not the title: 单位：, 部门：, 编制单位, (2022年度).</summary>
    public static bool IsMetaLine(string text)
    {
        var t = TextNormalizer.Compact(text);
        return t.StartsWith("单位:", StringComparison.Ordinal) || t.StartsWith("部门:", StringComparison.Ordinal) || t.StartsWith("部门名称:", StringComparison.Ordinal) || t.StartsWith("编制单位", StringComparison.Ordinal)
            || t.StartsWith("单位名称:", StringComparison.Ordinal) || t.StartsWith("填报日期", StringComparison.Ordinal) || t.StartsWith("预算年度", StringComparison.Ordinal) || t.StartsWith("预算(单位)名称", StringComparison.Ordinal)
            || t.StartsWith("金额单位", StringComparison.Ordinal) || t.StartsWith("状态:", StringComparison.Ordinal) || t.StartsWith("编制部门", StringComparison.Ordinal) || t.StartsWith("截止时间", StringComparison.Ordinal)
            || Regex.IsMatch(t, @"^\(?20\d\d年度?\)?$") || IsLabel(t) || t is "单位:万元" or "单位:元" || IsPageNumber(t);
    }

    /// <summary>A page number printed as a line of its own: —22—, - 20 -, 22, 第22页, 第 3 页 共 40 页.</summary>
    public static bool IsPageNumber(string text) => PageNumberRegex().IsMatch(TextNormalizer.Compact(text));

    // —9—, - 12 -, _3_, ·4·, 第3页, 第3页,共9页, 3/9
    [GeneratedRegex(@"^([—\-–―－·•_]*\d{1,3}[—\-–―－·•_]*|第\d{1,3}页(,?共\d{1,3}页)?|\d{1,3}/\d{1,3})$")]
    private static partial Regex PageNumberRegex();

    /// <summary>The unit stated by a line such as 单位：万元 / 单位: 元 / 价值（金额单位：万元）.</summary>
    public static ValueUnit? UnitOf(string text)
    {
        var t = TextNormalizer.Compact(text);
        if (!t.Contains("单位")) return null;
        if (t.Contains("万元")) return ValueUnit.WanYuan;
        if (IsThousands(t)) return ValueUnit.WanYuan; // read into 万元 (DisclosureTable.InThousands)
        if (Regex.IsMatch(t, @"单位:元")) return ValueUnit.Yuan;
        return null;
    }

    /// <summary>A unit line stating 千元 (单位：千元).</summary>
    public static bool IsThousands(string text)
    {
        var t = TextNormalizer.Compact(text);
        return t.Contains("单位") && Regex.IsMatch(t, @"单位:千元");
    }

    [GeneratedRegex(@"(\([^()]*\))+$")]
    private static partial Regex TrailingQualifierRegex();

    /// <summary>Classify a title. <paramref name="kind"/> is the document kind when known.</summary>
    public static TableKind Classify(string title, DocumentKind kind = DocumentKind.Unknown)
    {
        var t = TextNormalizer.Compact(title);
        if (t.Length < 4 || t.Length > 90) return TableKind.Unknown;
        // …总体情况表 (收支总体情况表, 收入总体情况表 …) is the region's wording of …总表
        t = t.Replace("总体情况表", "总表");
        if (t.EndsWith("说明", StringComparison.Ordinal) || t.EndsWith("情况", StringComparison.Ordinal) || t.Contains('。') || t.Contains('，') || t.Contains(',')) return TableKind.Unknown;
        if (t.Contains("绩效")) return TableKind.Unknown; // performance tables have their own recognizer
        if (t.EndsWith("目录", StringComparison.Ordinal) && !t.Contains("表")) return TableKind.Unknown;
        bool final = t.Contains("决算") || (kind == DocumentKind.FinalAccount && !t.Contains("预算表"));
        if (t.Contains("机构运行信息")) return TableKind.InstitutionOperation;
        if (final && t.Contains("决算"))
        {
            if (t.Contains("三公")) return TableKind.FinalThreePublic;
            // a 项目支出决算表 (a list of projects, some regions add one) is none of the nine: not guessed
            if (t.Contains("项目支出决算")) return TableKind.Unknown;
            if (t.Contains("政府性基金")) return TableKind.FinalGovFund;
            if (t.Contains("国有资本经营")) return TableKind.FinalStateCapital;
            if (t.Contains("一般公共预算") && t.Contains("基本支出")) return TableKind.FinalGeneralBasic;
            if (t.Contains("一般公共预算")) return TableKind.FinalGeneralExpenditure;
            // (…收入支出决算表 / …收支决算表 without 总: the same summary table)
            bool summary = t.Contains("收入支出决算总表") || t.Contains("收支决算总表") || t.Contains("收入支出决算表") || t.Contains("收支决算表");
            if (t.Contains("财政拨款") && summary) return TableKind.FinalFiscalSummary;
            if (summary) return TableKind.FinalSummary;
            if (t.Contains("基本支出决算表") || t.Contains("基本支出决算明细表")) return TableKind.FinalGeneralBasic;
            // a 支出决算表 of all 财政拨款 is not the 支出决算表 of all funds: not guessed
            if (t.Contains("财政拨款") && t.Contains("支出决算")) return TableKind.Unknown;
            if (t.Contains("收入决算表")) return TableKind.FinalRevenue;
            if (t.Contains("支出决算表") || t.Contains("支出决算明细表")) return TableKind.FinalExpenditure;
            return TableKind.Unknown;
        }
        if (t.Contains("三公")) return TableKind.BudgetThreePublic;
        // Jiangsu 公开11 一般公共预算机关运行经费支出预算表 (by economic class), not a second 一般公共预算支出表
        if (t.Contains("机关运行经费") && t.Contains("表")) return TableKind.OperatingCostsByEconomic;
        if (t.Contains("财政拨款上年结转") || t.Contains("财政拨款结转资金")) return TableKind.CarryOverExpenditure;
        if (t.Contains("政府采购")) return TableKind.Procurement;
        if (t.Contains("购买服务")) return TableKind.PurchaseOfServices;
        if (t.Contains("政府性基金")) return TableKind.BudgetGovFund;
        if (t.Contains("国有资本经营")) return TableKind.BudgetStateCapital;
        if (t.Contains("固定资产") || (t.Contains("国有资产") && t.Contains("表"))) return TableKind.Assets;
        // a qualifier in brackets after the name (财政拨款支出表（功能科目）, …（按经济分类）) does not change which table it is
        var core = TrailingQualifierRegex().Replace(t, "");
        if (t.Contains("财政拨款") && !t.Contains("一般公共预算") && !t.Contains("总表") && !t.Contains("项目")
            && (t.Contains("支出预算表") || core.EndsWith("支出表", StringComparison.Ordinal)))
            // Jiangsu 公开05/06: all 财政拨款 by function / its 基本支出 by economic class
            return t.Contains("基本支出") ? TableKind.FiscalGrantBasic : TableKind.FiscalGrantExpenditure;
        if (t.Contains("财政拨款收支")) return TableKind.BudgetFiscalSummary;
        if (t.Contains("收支") && t.Contains("总表")) return TableKind.BudgetSummary;
        if (t.Contains("收入") && t.Contains("总表")) return TableKind.BudgetRevenue;
        if (t.Contains("一般公共预算"))
        {
            if (t.Contains("分单位")) return TableKind.GeneralExpenditureByUnit;
            if (t.Contains("基本"))
                return t.Contains("功能") ? TableKind.BudgetGeneralBasicByFunction : TableKind.BudgetGeneralBasic;
            if (t.Contains("经济分类") || t.Contains("经济科目")) return TableKind.BudgetGeneralByEconomic;
            if (t.Contains("支出")) return TableKind.BudgetGeneralExpenditure;
        }
        // SZ 基本支出总表 / 项目支出总表: one kind of spending by fund source, not the 支出总表 of all spending
        if (Regex.IsMatch(t, @"(基本|项目)支出(预算)?总表")) return TableKind.Unknown;
        if (t.Contains("支出") && t.Contains("总表")) return TableKind.BudgetExpenditure;
        if (t.Contains("项目支出预算表") || t.Contains("专项业务经费支出表") || t.Contains("项目支出表")) return TableKind.ProjectList;
        return TableKind.Unknown;
    }
}
