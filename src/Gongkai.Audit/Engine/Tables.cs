using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>Short ids (B1…F9) and Chinese names of the standard tables, and table families rules iterate over.</summary>
public static class TableNames
{
    /// <summary>One of the national nine of either kind (B1–B9, F1–F9), or CQ's 公开09 that stands for F7.</summary>
    public static bool IsStandard(this TableKind kind) =>
        kind is >= TableKind.BudgetSummary and <= TableKind.FinalStateCapital or TableKind.InstitutionOperation;

    public static string ShortId(this TableKind kind) => kind switch
    {
        TableKind.BudgetSummary => "B1",
        TableKind.BudgetRevenue => "B2",
        TableKind.BudgetExpenditure => "B3",
        TableKind.BudgetFiscalSummary => "B4",
        TableKind.BudgetGeneralExpenditure => "B5",
        TableKind.BudgetGeneralBasic => "B6",
        TableKind.BudgetThreePublic => "B7",
        TableKind.BudgetGovFund => "B8",
        TableKind.BudgetStateCapital => "B9",
        TableKind.FinalSummary => "F1",
        TableKind.FinalRevenue => "F2",
        TableKind.FinalExpenditure => "F3",
        TableKind.FinalFiscalSummary => "F4",
        TableKind.FinalGeneralExpenditure => "F5",
        TableKind.FinalGeneralBasic => "F6",
        TableKind.FinalThreePublic => "F7",
        TableKind.FinalGovFund => "F8",
        TableKind.FinalStateCapital => "F9",
        _ => kind.ToString(),
    };

    public static string Chinese(this TableKind kind) => kind switch
    {
        TableKind.BudgetSummary => "收支总表",
        TableKind.BudgetRevenue => "收入总表",
        TableKind.BudgetExpenditure => "支出总表",
        TableKind.BudgetFiscalSummary => "财政拨款收支总表",
        TableKind.BudgetGeneralExpenditure => "一般公共预算支出表",
        TableKind.BudgetGeneralBasic => "一般公共预算基本支出表",
        TableKind.BudgetThreePublic => "“三公”经费支出表",
        TableKind.BudgetGovFund => "政府性基金预算支出表",
        TableKind.BudgetStateCapital => "国有资本经营预算支出表",
        TableKind.FinalSummary => "收入支出决算总表",
        TableKind.FinalRevenue => "收入决算表",
        TableKind.FinalExpenditure => "支出决算表",
        TableKind.FinalFiscalSummary => "财政拨款收入支出决算总表",
        TableKind.FinalGeneralExpenditure => "一般公共预算财政拨款支出决算表",
        TableKind.FinalGeneralBasic => "一般公共预算财政拨款基本支出决算表",
        TableKind.FinalThreePublic => "财政拨款“三公”经费支出决算表",
        TableKind.FinalGovFund => "政府性基金预算财政拨款" + "收入支出决算表",
        TableKind.FinalStateCapital => "国有资本经营预算财政拨款支出决算表",
        TableKind.InstitutionOperation => "机构运行信息表",
        TableKind.Procurement => "政府采购表",
        TableKind.GeneralExpenditureByUnit => "一般公共预算支出表（分单位）",
        TableKind.BudgetGeneralByEconomic => "一般公共预算支出表（按经济分类）",
        TableKind.BudgetGeneralBasicByFunction => "一般公共预算基本支出表（按功能分类）",
        TableKind.CarryOverExpenditure => "上年结转资金支出表",
        TableKind.FiscalGrantExpenditure => "财政拨款支出表（按功能分类）",
        TableKind.FiscalGrantBasic => "财政拨款基本支出表（按经济分类）",
        TableKind.ProjectList => "项目支出表",
        TableKind.PurchaseOfServices => "政府购买服务表",
        TableKind.Assets => "国有资产占用表",
        TableKind.PerformanceOverall => "部门整体绩效目标表",
        TableKind.PerformanceProject => "项目绩效目标表",
        TableKind.PerformanceProjectIndex => "项目绩效目标表目录",
        TableKind.SelfEvaluationOverall => "部门整体绩效自评表",
        TableKind.SelfEvaluationProject => "项目绩效自评表",
        TableKind.TableOfContents => "报表目录",
        TableKind.UnitComposition => "单位构成表",
        TableKind.OperatingCostsByEconomic => "机关运行经费支出表（按经济分类）",
        TableKind.Unknown => "未识别的表格",
        _ => "表格", // never the enum name: messages are read by users
    };

    /// <summary>"B6" for a table of the national nine, the Chinese name for any other ("政府采购表", "未识别的表格").</summary>
    public static string Label(this TableKind kind) => kind.ShortId() is var id && id != kind.ToString() ? id : kind.Chinese();

    /// <summary>"F3 支出决算表"; tables outside B1–F9 by their Chinese name only ("报表目录").</summary>
    public static string Describe(this TableKind kind) =>
        kind.ShortId() == kind.ToString() ? kind.Chinese() : $"{kind.ShortId()} {kind.Chinese()}";

    /// <summary>Tables with 类/款/项 function-code rows and a 合计 row.</summary>
    public static readonly TableKind[] FunctionCoded =
    {
        TableKind.BudgetRevenue, TableKind.BudgetExpenditure, TableKind.BudgetGeneralExpenditure, TableKind.BudgetGovFund,
        TableKind.BudgetStateCapital, TableKind.BudgetGeneralBasicByFunction, TableKind.CarryOverExpenditure,
        TableKind.FinalRevenue, TableKind.FinalExpenditure, TableKind.FinalGeneralExpenditure, TableKind.FinalGovFund,
        TableKind.FinalStateCapital,
    };

    /// <summary>
    /// Function-coded tables whose rows add up (类 = Σ 款, 合计 = Σ 类): <see cref="FunctionCoded"/> and the
    /// 财政拨款支出表 by function (Jiangsu 公开05).
    /// </summary>
    public static readonly TableKind[] FunctionCodedSums = [.. FunctionCoded, TableKind.FiscalGrantExpenditure];

    /// <summary>Two-sided summary tables (B1, B4, F1, F4).</summary>
    public static readonly TableKind[] Summary =
        { TableKind.BudgetSummary, TableKind.BudgetFiscalSummary, TableKind.FinalSummary, TableKind.FinalFiscalSummary };

    /// <summary>Department-economic tables (B6, F6).</summary>
    public static readonly TableKind[] Economic = { TableKind.BudgetGeneralBasic, TableKind.FinalGeneralBasic };

    /// <summary>“三公” tables (B7, F7, CQ 公开09).</summary>
    public static readonly TableKind[] ThreePublic =
        { TableKind.BudgetThreePublic, TableKind.FinalThreePublic, TableKind.InstitutionOperation };
}

/// <summary>Reading helpers over recognized tables.</summary>
public static class TableExtensions
{
    /// <summary>The value of a summary line: its single amount column, else its 合计 column.</summary>
    public static Figure? LineValue(this DataRow row) => row[Measure.Amount] ?? row[Measure.Total];

    /// <summary>
    /// A summary line on a given side (income/expenditure). The spending side is a block of its own (1, or 1–3 with the
    /// XA economic blocks): the line of the first block of that side is taken.
    /// </summary>
    public static DataRow? Line(this DisclosureTable table, Side side, SummaryLine line) =>
        table.Rows.Where(r => r.Line == line && r.Side == side).MinBy(r => r.Block)
        ?? (side == Side.None ? null : table.Rows.FirstOrDefault(r => r.Line == line && r.Block == 0));

    /// <summary>Expenditure class lines of a summary table (rows with a 3-digit function code or Line = ExpenditureClass).</summary>
    public static IEnumerable<DataRow> ClassLines(this DisclosureTable table) =>
        table.Rows.Where(r => !r.IsTotal && (r.Line == SummaryLine.ExpenditureClass ||
            (r.Side != Side.Income && r.Code is { Scheme: CodeScheme.Function } c && c.Value.Length == 3)));

    /// <summary>The coded rows of a scheme that are not totals, in document order.</summary>
    public static List<DataRow> Coded(this DisclosureTable table, CodeScheme scheme) =>
        table.Rows.Where(r => !r.IsTotal && r.Code?.Scheme == scheme).ToList();

    /// <summary>Column keys used by any row of the table.</summary>
    public static List<ColumnKey> Keys(this DisclosureTable table) =>
        table.Rows.SelectMany(r => r.Values.Keys).Distinct().ToList();

    /// <summary>"210 卫生健康支出" or the label alone.</summary>
    public static string Name(this DataRow row) =>
        row.Code is { } c ? $"{c.Value} {row.Label}".Trim() : (row.IsTotal && row.Label.Length == 0 ? "合计" : row.Label);

    /// <summary>Chinese column name of a measure for messages.</summary>
    public static string ColumnName(this ColumnKey key)
    {
        var m = key.Measure switch
        {
            Measure.Amount => "金额",
            Measure.Total => "合计",
            Measure.Basic => "基本支出",
            Measure.Personnel => "人员经费",
            Measure.Public => "公用经费",
            Measure.Project => "项目支出",
            Measure.RemitToSuperior => "上缴上级支出",
            Measure.OperatingExpenditure => "经营支出",
            Measure.SubsidyToSubordinate => "对附属单位补助支出",
            Measure.Reserve => "单位预留机动经费",
            Measure.FiscalGrant => "财政拨款收入",
            Measure.GeneralBudget => "一般公共预算",
            Measure.GovernmentFund => "政府性基金预算",
            Measure.StateCapital => "国有资本经营预算",
            Measure.SpecialAccount => "财政专户管理资金",
            Measure.BusinessIncome => "事业收入",
            Measure.EducationFees => "教育收费",
            Measure.NonEducationFees => "非教育收费",
            Measure.OperatingIncome => "经营收入",
            Measure.SuperiorSubsidy => "上级补助收入",
            Measure.SubordinateRemittance => "附属单位上缴收入",
            Measure.OtherIncome => "其他收入",
            Measure.InstitutionFund => "用事业基金弥补收支差额",
            Measure.CarryIn => "年初结转和结余",
            Measure.CarryOut => "年末结转和结余",
            Measure.IncomeThisYear => "本年收入",
            Measure.ThreePublicTotal => "“三公”经费合计",
            Measure.Abroad => "因公出国（境）费",
            Measure.VehicleTotal => "公务用车购置及运行费",
            Measure.VehiclePurchase => "公务用车购置费",
            Measure.VehicleOperation => "公务用车运行费",
            Measure.Reception => "公务接待费",
            Measure.SmeShare => "中小企业",
            Measure.UseOfNonFiscalBalance => "使用非财政拨款结余",
            Measure.AccountBalanceIn => "上年实户资金余额",
            _ => key.Measure.ToString(),
        };
        return key.Basis switch
        {
            Basis.Budget => m + "（预算数）",
            Basis.Final => m + "（决算数）",
            _ => m,
        };
    }

    public static string Chinese(this SummaryLine line) => line switch
    {
        SummaryLine.FiscalGrant => "财政拨款",
        SummaryLine.GeneralBudgetGrant => "一般公共预算财政拨款收入",
        SummaryLine.GovernmentFundGrant => "政府性基金预算财政拨款收入",
        SummaryLine.StateCapitalGrant => "国有资本经营预算财政拨款收入",
        SummaryLine.SpecialAccountIncome => "财政专户管理资金收入",
        SummaryLine.SuperiorSubsidy => "上级补助收入",
        SummaryLine.BusinessIncome => "事业收入",
        SummaryLine.OperatingIncome => "经营收入",
        SummaryLine.SubordinateRemittance => "附属单位上缴收入",
        SummaryLine.OtherIncome => "其他收入",
        SummaryLine.TotalIncomeThisYear => "本年收入合计",
        SummaryLine.UseOfNonFiscalBalance => "使用非财政拨款结余",
        SummaryLine.InstitutionFund => "用事业基金弥补收支差额",
        SummaryLine.CarryIn => "年初结转和结余",
        SummaryLine.CarryInGeneralBudget => "年初结转（一般公共预算）",
        SummaryLine.CarryInGovernmentFund => "年初结转（政府性基金）",
        SummaryLine.CarryInStateCapital => "年初结转（国有资本经营）",
        SummaryLine.AccountBalanceIn => "上年实户资金余额",
        SummaryLine.GrandTotalIncome => "收入总计",
        SummaryLine.TotalExpenditureThisYear => "本年支出合计",
        SummaryLine.BalanceDistribution => "结余分配",
        SummaryLine.CarryOut => "年末结转和结余",
        SummaryLine.AccountBalanceOut => "未安排支出的实户资金",
        SummaryLine.GrandTotalExpenditure => "支出总计",
        _ => line.ToString(),
    };
}
