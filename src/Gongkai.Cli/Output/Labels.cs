using Gongkai.Model;

namespace Gongkai.Cli.Output;

/// <summary>Chinese names of model enums for human-readable output.</summary>
public static class Labels
{
    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Budget => "部门预算",
        DocumentKind.FinalAccount => "部门决算",
        _ => "未识别",
    };

    public static string Of(TableKind kind) => kind switch
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
        TableKind.FinalGovFund => "政府性基金预算财政拨款收支决算表",
        TableKind.FinalStateCapital => "国有资本经营预算财政拨款支出决算表",
        TableKind.InstitutionOperation => "机构运行信息表",
        TableKind.GeneralExpenditureByUnit => "一般公共预算支出表（分单位）",
        TableKind.BudgetGeneralByEconomic => "一般公共预算支出（经济分类）",
        TableKind.BudgetGeneralBasicByFunction => "一般公共预算基本支出（功能分类）",
        TableKind.CarryOverExpenditure => "上年结转资金支出表",
        TableKind.FiscalGrantExpenditure => "财政拨款支出表（功能分类）",
        TableKind.FiscalGrantBasic => "财政拨款基本支出表（经济分类）",
        TableKind.ProjectList => "项目支出表",
        TableKind.Procurement => "政府采购预算表",
        TableKind.PurchaseOfServices => "政府购买服务预算表",
        TableKind.Assets => "国有资产占用表",
        TableKind.PerformanceOverall => "部门整体绩效目标表",
        TableKind.PerformanceProject => "项目绩效目标表",
        TableKind.PerformanceProjectIndex => "项目绩效目标表目录",
        TableKind.SelfEvaluationOverall => "部门整体绩效自评表",
        TableKind.SelfEvaluationProject => "项目绩效自评表",
        TableKind.TableOfContents => "报表目录",
        TableKind.UnitComposition => "单位构成",
        _ => "未识别表格",
    };

    public static string Of(Measure m) => m switch
    {
        Measure.Amount => "金额",
        Measure.Total => "合计",
        Measure.Basic => "基本支出",
        Measure.Personnel => "人员经费",
        Measure.Public => "公用经费",
        Measure.Project => "项目支出",
        Measure.RemitToSuperior => "上缴上级支出",
        Measure.OperatingExpenditure => "经营支出",
        Measure.SubsidyToSubordinate => "对附属单位补助",
        Measure.Reserve => "预留机动经费",
        Measure.FiscalGrant => "财政拨款",
        Measure.GeneralBudget => "一般公共预算",
        Measure.GovernmentFund => "政府性基金",
        Measure.StateCapital => "国有资本经营",
        Measure.SpecialAccount => "财政专户",
        Measure.BusinessIncome => "事业收入",
        Measure.EducationFees => "教育收费",
        Measure.NonEducationFees => "非教育收费",
        Measure.OperatingIncome => "经营收入",
        Measure.SuperiorSubsidy => "上级补助收入",
        Measure.SubordinateRemittance => "附属单位上缴",
        Measure.OtherIncome => "其他收入",
        Measure.InstitutionFund => "事业基金弥补",
        Measure.CarryIn => "上年结转",
        Measure.CarryOut => "结转下年",
        Measure.IncomeThisYear => "本年收入",
        Measure.ThreePublicTotal => "“三公”合计",
        Measure.Abroad => "因公出国（境）",
        Measure.VehicleTotal => "公务用车",
        Measure.VehiclePurchase => "车辆购置",
        Measure.VehicleOperation => "车辆运行维护",
        Measure.Reception => "公务接待",
        Measure.Meeting => "会议费",
        Measure.Training => "培训费",
        Measure.Travel => "差旅费",
        Measure.OperatingCosts => "机关运行经费",
        Measure.SmeShare => "中小企业",
        Measure.SmallMicroShare => "小微企业",
        Measure.Quantity => "数量",
        Measure.UnitPrice => "单价",
        Measure.PriorYear => "上年数",
        Measure.InitialBudget => "年初预算",
        Measure.AdjustedBudget => "调整预算",
        Measure.Actual => "决算数",
        _ => m.ToString(),
    };

    public static string Of(ColumnKey key) => key.Basis switch
    {
        Basis.Budget => Of(key.Measure) + "（预算）",
        Basis.Final => Of(key.Measure) + "（决算）",
        _ => Of(key.Measure),
    };

    public static string Of(ValueUnit unit) => unit switch
    {
        ValueUnit.WanYuan => "万元",
        ValueUnit.Yuan => "元",
        ValueUnit.Percent => "%",
        _ => "",
    };

    public static string Of(ChangeDirection d) => d switch
    {
        ChangeDirection.Increase => "增加",
        ChangeDirection.Decrease => "减少",
        _ => "持平",
    };

    public static string Of(ComparisonBase b) => b switch
    {
        ComparisonBase.PriorYear => "上年",
        ComparisonBase.InitialBudget => "年初预算",
        ComparisonBase.AdjustedBudget => "调整预算",
        ComparisonBase.Budget => "预算",
        _ => "",
    };

    public static string Of(Gongkai.Reading.SourceFormat f) => f switch
    {
        Gongkai.Reading.SourceFormat.Markdown => "Markdown",
        Gongkai.Reading.SourceFormat.Text => "文本",
        _ => f.ToString(),
    };
}
