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

    /// <summary>The Chinese name of a table kind (one list for the whole product, in Gongkai.Audit).</summary>
    public static string Of(TableKind kind) => kind == TableKind.Unknown ? "未识别表格" : Gongkai.Audit.TableNames.Chinese(kind);

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
        Measure.UseOfNonFiscalBalance => "使用非财政拨款结余",
        Measure.AccountBalanceIn => "上年实户资金余额",
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
