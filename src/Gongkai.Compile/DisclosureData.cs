using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongkai.Compile;

/// <summary>
/// The structured input of <c>gongkai compile</c>: everything a 部门预算/决算 disclosure package is derived from.
/// Amounts are in 万元 with at most two decimals. Totals are computed by the builder unless the data gives them
/// (<see cref="Totals"/>, <see cref="EconomicTotals"/>): a given total is printed as given when it is within 尾差 of
/// the sum of its parts, and refused otherwise.
/// </summary>
public sealed class DisclosureData
{
    public int SchemaVersion { get; set; } = 1;
    /// <summary>budget (部门预算) or final (部门决算).</summary>
    public string Kind { get; set; } = "budget";
    /// <summary>The fiscal year the package reports on.</summary>
    public int Year { get; set; }
    /// <summary>One of <see cref="Profiles"/> (table labels, table set, layout).</summary>
    public string Profile { get; set; } = "national";

    /// <summary>The regional profiles the compiler knows; 决算 of shaanxi, hebei, jiangsu and shanghai use the national layout.</summary>
    public static readonly string[] Profiles = ["national", "chongqing", "hubei", "shaanxi", "hebei", "jiangsu", "shanghai"];

    /// <summary>The profile names in Chinese, in the order of <see cref="Profiles"/>.</summary>
    public static readonly string[] ProfileNames = ["全国通用", "重庆", "湖北", "陕西/西安", "河北", "江苏", "上海"];

    /// <summary>national（全国通用）、chongqing（重庆）… for help texts.</summary>
    public static string ProfileList => string.Join("、", Profiles.Select((p, i) => $"{p}（{ProfileNames[i]}）"));
    public UnitInfo Unit { get; set; } = new();
    /// <summary>Spending by 支出功能分类 项 (7 digits) and fund source.</summary>
    public List<FunctionLine> Expenditure { get; set; } = new();
    /// <summary>Income by 项 and source; optional — derived from <see cref="Expenditure"/> when absent (no carry-over).</summary>
    public List<RevenueLine>? RevenueByFunction { get; set; }
    /// <summary>一般公共预算 基本支出 by 部门预算支出经济分类 款 (5 digits).</summary>
    public List<EconomicLine> Economic { get; set; } = new();
    /// <summary>Carry-over and other non-income lines of the summary tables.</summary>
    public CarryOver Carry { get; set; } = new();
    /// <summary>Last year's figures, for the year-on-year statements.</summary>
    public PriorYear? Prior { get; set; }
    /// <summary>决算: the 年初预算 (and 调整预算) the actuals are compared with.</summary>
    public BudgetBase? Budget { get; set; }
    public ThreePublicData ThreePublic { get; set; } = new();
    /// <summary>会议费 / 培训费 / 差旅费 (current and prior year).</summary>
    public ExpenseItem? Meeting { get; set; }
    public ExpenseItem? Training { get; set; }
    public ExpenseItem? Travel { get; set; }
    public OperatingCostsData? OperatingCosts { get; set; }
    public ProcurementData? Procurement { get; set; }
    public AssetsData? Assets { get; set; }
    public List<ProjectData> Projects { get; set; } = new();
    public PerformanceData? Performance { get; set; }
    /// <summary>Reasons for changes, keyed by subject (total, income, expenditure, fiscal, general, basic, project, personnel, public, class:208, threePublic, threePublic.reception, meeting, operatingCosts …).</summary>
    public Dictionary<string, string> Reasons { get; set; } = new(StringComparer.Ordinal);
    /// <summary>预算: 政府向社会力量购买服务 items (Hubei 预算12), optional.</summary>
    public List<PurchasedServiceItem>? PurchasedServices { get; set; }
    /// <summary>其中：教育收费 — the education-fee part of 事业收入 per 项 (optional; see <see cref="EducationFeeLine"/>).</summary>
    public List<EducationFeeLine>? EducationFees { get; set; }
    /// <summary>
    /// 一般公共预算 项目支出 by 部门预算支出经济分类 款 (optional; must add up to the 一般公共预算 项目支出). With it the
    /// shaanxi profile prints 表6 (all 一般公共预算 spending by economic class) and the economic blocks of 表1 and 表4.
    /// </summary>
    public List<EconomicLine>? ProjectEconomic { get; set; }
    /// <summary>
    /// 名词解释 as the department wants them printed, in order (optional). Without it the compiler's default list is printed
    /// (see <see cref="Compile.Glossary"/>); the template workbook is filled with that default so it can be edited.
    /// </summary>
    public List<GlossaryTerm>? Glossary { get; set; }

    /// <summary>
    /// Totals as the official system printed them (optional): a 类 (3 digits) or 款 (5 digits) of 支出功能分类, or
    /// <c>合计</c> for the table total. Each is printed as given where a table sums the same parts, when it is within
    /// 尾差 of the sum of its printed parts; otherwise the data is refused. Totals left out are computed.
    /// </summary>
    public List<GivenTotal>? Totals { get; set; }
    /// <summary>
    /// 基本支出 totals by 部门预算支出经济分类 类 (3 digits), or <c>合计</c>, as the official system printed them (optional;
    /// same rule as <see cref="Totals"/>).
    /// </summary>
    public Dictionary<string, decimal>? EconomicTotals { get; set; }

    [JsonIgnore] public bool IsFinal => string.Equals(Kind, "final", StringComparison.OrdinalIgnoreCase);

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static DisclosureData FromJson(string json) =>
        JsonSerializer.Deserialize<DisclosureData>(json, JsonOptions) ?? throw new JsonException("空的数据文件");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

public sealed class UnitInfo
{
    /// <summary>主管部门 or 单位 name as it appears in titles.</summary>
    public string Name { get; set; } = "";
    /// <summary>部门 (consolidated) or 单位.</summary>
    public string Scope { get; set; } = "department";
    /// <summary>主要职能, one per entry.</summary>
    public List<string> Functions { get; set; } = new();
    /// <summary>预算单位构成.</summary>
    public List<SubUnit> Units { get; set; } = new();
    public List<Staffing> Staffing { get; set; } = new();
    /// <summary>联系方式 line, optional.</summary>
    public string? Contact { get; set; }
    /// <summary>The department's code (the 部门 row of tables by unit: 205 over 205001), optional.</summary>
    public string? DepartmentCode { get; set; }
    /// <summary>机构设置: the department's own description of its internal structure (内设机构, 下属单位), optional; printed in full.</summary>
    public string? Organization { get; set; }
    /// <summary>公开咨询电话 (the number for questions on the published document), optional.</summary>
    public string? InquiryPhone { get; set; }
}

public sealed class SubUnit
{
    public string Name { get; set; } = "";
    /// <summary>行政单位 / 参照公务员法管理事业单位 / 事业单位.</summary>
    public string? Type { get; set; }
    public string? Code { get; set; }
}

public sealed class Staffing
{
    /// <summary>行政编制 / 事业编制 / 工勤 …</summary>
    public string Category { get; set; } = "";
    public int? Authorized { get; set; }
    public int? Actual { get; set; }
}

/// <summary>Where money comes from (the income items of the summary table).</summary>
public enum FundSource
{
    General, GovFund, StateCapital, SpecialAccount, Superior, Business, Operating, Subordinate, Other,
}

public sealed class FunctionLine
{
    /// <summary>支出功能分类 项 code (7 digits).</summary>
    public string Code { get; set; } = "";
    /// <summary>Name; optional, the catalog name of the year is used when absent.</summary>
    public string? Name { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<FundSource>))]
    public FundSource Source { get; set; } = FundSource.General;
    public decimal Basic { get; set; }
    public decimal Project { get; set; }
    public decimal RemitToSuperior { get; set; }
    public decimal OperatingExpenditure { get; set; }
    public decimal SubsidyToSubordinate { get; set; }
    /// <summary>What the money is mainly used for (项 narrative), optional.</summary>
    public string? Use { get; set; }
    /// <summary>单位预留机动经费 (Jiangsu 预算 only): money of the 项 kept in reserve, neither 基本 nor 项目支出.</summary>
    public decimal Reserve { get; set; }
    /// <summary>
    /// 公用经费 part of <see cref="Basic"/> (the rest is 人员经费), optional: when any line of a fund gives it, tables that split
    /// 基本支出 into 人员经费 and 公用经费 by 功能 项 (Hubei 预算05/06) print the split; a line without it has none.
    /// </summary>
    public decimal? Public { get; set; }

    [JsonIgnore] public decimal Total => Basic + Project + RemitToSuperior + OperatingExpenditure + SubsidyToSubordinate + Reserve;
}

/// <summary>A total of the function tree given in the data (see <see cref="DisclosureData.Totals"/>).</summary>
public sealed class GivenTotal
{
    /// <summary>类 (3 digits) or 款 (5 digits) code, or 合计.</summary>
    public string Code { get; set; } = "";
    /// <summary>合计 of the line (all columns).</summary>
    public decimal? Total { get; set; }
    public decimal? Basic { get; set; }
    public decimal? Project { get; set; }
    public const string GrandTotal = "合计";
}

public sealed class RevenueLine
{
    public string Code { get; set; } = "";
    [JsonConverter(typeof(JsonStringEnumConverter<FundSource>))]
    public FundSource Source { get; set; } = FundSource.General;
    public decimal Amount { get; set; }
}

public sealed class EconomicLine
{
    /// <summary>部门预算支出经济分类 款 (5 digits).</summary>
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public decimal Amount { get; set; }
    /// <summary>
    /// 政府预算支出经济分类 款 (5 digits) the amount is reported under, optional: without it the catalog's 部门→政府 mapping
    /// is used when it gives one code for the units' type (机关 or 事业单位). One 部门 款 may be split over two 政府 款
    /// by giving two lines with the same code.
    /// </summary>
    public string? GovernmentCode { get; set; }
    /// <summary>Name of <see cref="GovernmentCode"/>; optional, the catalog name is used when absent.</summary>
    public string? GovernmentName { get; set; }
}

/// <summary>Carry-over lines: fiscal carry by fund, plus non-fiscal lines of the 决算 总表.</summary>
public sealed class CarryOver
{
    public decimal CarryInGeneral { get; set; }
    public decimal CarryInGovFund { get; set; }
    public decimal CarryInStateCapital { get; set; }
    public decimal CarryOutGeneral { get; set; }
    public decimal CarryOutGovFund { get; set; }
    public decimal CarryOutStateCapital { get; set; }
    /// <summary>Non-fiscal 年初结转和结余 (决算 F1 only).</summary>
    public decimal CarryInNonFiscal { get; set; }
    public decimal CarryOutNonFiscal { get; set; }
    /// <summary>使用非财政拨款结余（和专用结余）.</summary>
    public decimal UseOfNonFiscalBalance { get; set; }
    /// <summary>用事业基金弥补收支差额 (预算).</summary>
    public decimal InstitutionFund { get; set; }
    /// <summary>结余分配 (决算).</summary>
    public decimal BalanceDistribution { get; set; }
}

/// <summary>Last year's figures (预算: last year's budget; 决算: last year's final accounts).</summary>
public sealed class PriorYear
{
    /// <summary>收支总计.</summary>
    public decimal? Total { get; set; }
    public decimal? Income { get; set; }
    public decimal? Expenditure { get; set; }
    /// <summary>财政拨款收支总计.</summary>
    public decimal? Fiscal { get; set; }
    /// <summary>一般公共预算财政拨款支出.</summary>
    public decimal? General { get; set; }
    public decimal? Basic { get; set; }
    public decimal? Project { get; set; }
    public decimal? Personnel { get; set; }
    public decimal? Public { get; set; }
    /// <summary>一般公共预算 spending by class (3-digit code).</summary>
    public Dictionary<string, decimal> Classes { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>决算: the budget bases of 一般公共预算财政拨款 spending.</summary>
public sealed class BudgetBase
{
    /// <summary>年初预算 by class (3-digit code); the total is their sum.</summary>
    public Dictionary<string, decimal> InitialByClass { get; set; } = new(StringComparer.Ordinal);
    /// <summary>调整预算 by class, optional.</summary>
    public Dictionary<string, decimal>? AdjustedByClass { get; set; }
    /// <summary>年初预算 / 调整预算 per 项 (optional, see <see cref="ItemBudget"/>); a class without an entry above takes their sum.</summary>
    public List<ItemBudget>? Items { get; set; }
}

public sealed class ThreePublicItems
{
    public decimal Abroad { get; set; }
    public decimal VehiclePurchase { get; set; }
    public decimal VehicleOperation { get; set; }
    public decimal Reception { get; set; }
    [JsonIgnore] public decimal Vehicle => VehiclePurchase + VehicleOperation;
    [JsonIgnore] public decimal Total => Abroad + Vehicle + Reception;
}

public sealed class ThreePublicData
{
    /// <summary>预算: this year's budget; 决算: this year's actuals.</summary>
    public ThreePublicItems Current { get; set; } = new();
    /// <summary>Last year's budget (预算) or actuals (决算).</summary>
    public ThreePublicItems? Prior { get; set; }
    /// <summary>决算: the full-year (adjusted) budget printed in the table.</summary>
    public ThreePublicItems? Budget { get; set; }
    /// <summary>决算: the 年初预算 the narrative compares with.</summary>
    public ThreePublicItems? InitialBudget { get; set; }
    public ThreePublicStats Stats { get; set; } = new();
    /// <summary>Uses by item: abroad, vehicleOperation, vehiclePurchase, reception.</summary>
    public Dictionary<string, string> Uses { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ThreePublicStats
{
    public int AbroadGroups { get; set; }
    public int AbroadPersons { get; set; }
    public int VehiclesPurchased { get; set; }
    public int VehiclesHeld { get; set; }
    public int ReceptionBatches { get; set; }
    public int ReceptionPersons { get; set; }
}

public sealed class ExpenseItem
{
    public decimal Amount { get; set; }
    public decimal? Prior { get; set; }
}

public sealed class OperatingCostsData
{
    public decimal Amount { get; set; }
    public decimal? Prior { get; set; }
    /// <summary>决算 CQ: 行政单位 part.</summary>
    public decimal? Administrative { get; set; }
    /// <summary>决算 CQ: 参照公务员法管理事业单位 part.</summary>
    public decimal? CivilServiceInstitutions { get; set; }
    public string? Use { get; set; }
    /// <summary>
    /// The amount by 部门预算支出经济分类 款 (5 digits), optional; adds up to <see cref="Amount"/>, each 款 within the
    /// 一般公共预算 基本支出 of that 款 (Jiangsu 公开11 一般公共预算机关运行经费支出预算表).
    /// </summary>
    public List<EconomicLine>? ByEconomic { get; set; }
}

public sealed class ProcurementData
{
    public decimal Goods { get; set; }
    public decimal Works { get; set; }
    public decimal Services { get; set; }
    /// <summary>面向/授予 中小企业.</summary>
    public decimal Sme { get; set; }
    /// <summary>其中 小微企业.</summary>
    public decimal SmallMicro { get; set; }
    public string? Use { get; set; }
    /// <summary>Line items (预算 政府采购预算表), optional.</summary>
    public List<ProcurementItem> Items { get; set; } = new();
    /// <summary>
    /// 预算: the purchases by type and fund source (重庆 表九 政府采购预算明细表), optional; per type they add up to
    /// <see cref="Goods"/>, <see cref="Works"/> and <see cref="Services"/>.
    /// </summary>
    public List<ProcurementSourceLine>? BySource { get; set; }
    [JsonIgnore] public decimal Total => Goods + Works + Services;
}

/// <summary>One type of purchase (goods / works / services) paid from one fund source, 万元.</summary>
public sealed class ProcurementSourceLine
{
    /// <summary>goods / works / services.</summary>
    public string Type { get; set; } = "goods";
    [JsonConverter(typeof(JsonStringEnumConverter<FundSource>))]
    public FundSource Source { get; set; } = FundSource.General;
    public decimal Amount { get; set; }
}

public sealed class ProcurementItem
{
    public string Project { get; set; } = "";
    /// <summary>品目 (e.g. [C23030000]审计服务).</summary>
    public string Category { get; set; } = "";
    /// <summary>goods / works / services.</summary>
    public string Type { get; set; } = "services";
    public string? FunctionCode { get; set; }
    public string? EconomicCode { get; set; }
    public decimal Amount { get; set; }
    public decimal Sme { get; set; }
    public decimal SmallMicro { get; set; }
    /// <summary>单位代码 / 单位名称 of the buying unit (tables by unit), optional.</summary>
    public string? UnitCode { get; set; }
    public string? UnitName { get; set; }
    /// <summary>资金来源 (年初安排 …) and 资金性质 (经费拨款补助 …) as printed, optional.</summary>
    public string? FundSource { get; set; }
    public string? FundNature { get; set; }
    /// <summary>采购数量, 单价 (万元) and 计量单位, optional.</summary>
    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    public string? MeasureUnit { get; set; }
}

public sealed class AssetsData
{
    /// <summary>截至 date text, e.g. 2024年12月31日.</summary>
    public string? AsOf { get; set; }
    /// <summary>Vehicles by type (应急保障用车 …).</summary>
    public Dictionary<string, int> Vehicles { get; set; } = new(StringComparer.Ordinal);
    /// <summary>单价 N 万元（含）以上设备 threshold (100 or 20).</summary>
    public int EquipmentThreshold { get; set; } = 100;
    public int Equipment { get; set; }
    /// <summary>固定资产占用情况表 (Hebei): 房屋 floor area in 平方米 and its value in 万元.</summary>
    public decimal BuildingArea { get; set; }
    public decimal BuildingValue { get; set; }
    /// <summary>其中：办公用房, 平方米 and 万元 (part of the 房屋).</summary>
    public decimal OfficeArea { get; set; }
    public decimal OfficeValue { get; set; }
    /// <summary>Value of the vehicles (万元); their number is the sum of <see cref="Vehicles"/>.</summary>
    public decimal VehicleValue { get; set; }
    /// <summary>Value of the equipment above <see cref="EquipmentThreshold"/> (万元).</summary>
    public decimal EquipmentValue { get; set; }
    /// <summary>其他固定资产: number of items and value (万元).</summary>
    public int OtherCount { get; set; }
    public decimal OtherValue { get; set; }
    /// <summary>资产总额 = 房屋 + 车辆 + 设备 + 其他.</summary>
    [JsonIgnore] public decimal TotalValue => BuildingValue + VehicleValue + EquipmentValue + OtherValue;
    /// <summary>Whether any 固定资产占用 figure beyond the vehicle and equipment counts is given.</summary>
    [JsonIgnore] public bool HasHoldings => BuildingArea + BuildingValue + OfficeArea + OfficeValue + VehicleValue + EquipmentValue + OtherCount + OtherValue != 0;
}

public sealed class ProjectData
{
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    /// <summary>项目类别 (经常性项目, 特定目标类 …).</summary>
    public string? Type { get; set; }
    /// <summary>This year's amount (预算) or executed amount (决算), 万元.</summary>
    public decimal Amount { get; set; }
    public string? Use { get; set; }
    public List<IndicatorData> Indicators { get; set; } = new();
    /// <summary>决算: 绩效自评.</summary>
    public SelfEvaluationData? SelfEvaluation { get; set; }

    // ── 项目支出绩效目标申报表 / 项目绩效自评表 header and text fields (all optional, printed as entered) ──
    /// <summary>项目主管部门 (申报单位); the default is <see cref="PerformanceData.Department"/>.</summary>
    public string? Department { get; set; }
    /// <summary>项目执行单位 / 实施单位.</summary>
    public string? Implementer { get; set; }
    /// <summary>财政归口处室 (科室); the default is <see cref="PerformanceData.FinanceOffice"/>.</summary>
    public string? FinanceOffice { get; set; }
    /// <summary>项目负责人 / 联系人; the default is <see cref="PerformanceData.Contact"/>.</summary>
    public string? Contact { get; set; }
    /// <summary>联系电话; the default is <see cref="PerformanceData.Phone"/>.</summary>
    public string? Phone { get; set; }
    /// <summary>项目类别 of the 申报表 (运转类 / 特定目标类本级支出 …) when it differs from <see cref="Type"/> (支出项目类别).</summary>
    public string? Category { get; set; }
    /// <summary>项目安排频度 (一次性项目 / 常年项目 / 延续性项目).</summary>
    public string? Frequency { get; set; }
    /// <summary>项目年度 or 起止年度 as printed (e.g. 2023年).</summary>
    public string? Period { get; set; }
    /// <summary>项目概况.</summary>
    public string? Overview { get; set; }
    /// <summary>立项依据.</summary>
    public string? Basis { get; set; }
    /// <summary>项目实施方案 / 当年实施进度计划.</summary>
    public string? Plan { get; set; }
    /// <summary>上年绩效评价结果、整改及应用.</summary>
    public string? PriorEvaluation { get; set; }
    /// <summary>项目前两年预算及当年预算变动情况.</summary>
    public string? BudgetHistory { get; set; }
    /// <summary>项目总预算 (延续性项目), 万元.</summary>
    public decimal? TotalBudget { get; set; }
    /// <summary>当年预算 by source (上级资金 / 本级资金 / 其他资金, or the region's source lines), 万元; they add up to <see cref="Amount"/>.</summary>
    public List<FundRow>? Funds { get; set; }
    /// <summary>项目支出明细及测算依据, 万元.</summary>
    public List<ProjectDetail>? Details { get; set; }
    /// <summary>长期绩效目标 (总体目标).</summary>
    public string? LongTermGoal { get; set; }
    /// <summary>年度绩效目标 (当年整体绩效目标).</summary>
    public string? AnnualGoal { get; set; }
}

/// <summary>One money line of a 绩效 table (资金来源: label and amount in 万元).</summary>
public sealed class FundRow
{
    public string Label { get; set; } = "";
    public decimal Amount { get; set; }
}

/// <summary>One line of 项目支出明细及测算依据: content, 测算依据及说明 and the amount by source (万元).</summary>
public sealed class ProjectDetail
{
    public string Content { get; set; } = "";
    public string? Basis { get; set; }
    /// <summary>本级财政拨款金额.</summary>
    public decimal Local { get; set; }
    /// <summary>上级转移支付金额.</summary>
    public decimal Transfer { get; set; }
    /// <summary>其他资金.</summary>
    public decimal Other { get; set; }
}

/// <summary>One money row of a 绩效自评表 (年度总金额 / 其中：财政拨款 / 一般公共预算 …) in 元, printed to the fen as entered.</summary>
public sealed class SelfEvaluationFundRow
{
    public string Label { get; set; } = "";
    /// <summary>年初预算数, 元.</summary>
    public decimal Initial { get; set; }
    /// <summary>全年（调整）预算数, 元.</summary>
    public decimal Adjusted { get; set; }
    /// <summary>全年执行数, 元.</summary>
    public decimal Executed { get; set; }
}

/// <summary>One 名词解释 entry.</summary>
public sealed class GlossaryTerm
{
    public string Term { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed class IndicatorData
{
    public string Level1 { get; set; } = "";
    public string Level2 { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>≥ ≤ = &gt; &lt;</summary>
    public string Operator { get; set; } = "";
    public string Target { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Weight { get; set; }
    /// <summary>决算: 全年完成值.</summary>
    public string? Actual { get; set; }
    public decimal? Score { get; set; }
    /// <summary>决算 自评: 是否核心指标, optional.</summary>
    public bool? Core { get; set; }
    /// <summary>指标值确定依据 (预算), optional.</summary>
    public string? Basis { get; set; }
    /// <summary>近两年指标值: 前年 and 上年 as printed (预算, Hubei), optional.</summary>
    public string? Prior2 { get; set; }
    public string? Prior1 { get; set; }
    /// <summary>说明 / 偏差原因 (决算 自评), optional.</summary>
    public string? Remark { get; set; }
    /// <summary>true: an indicator of the 长期绩效目标 (printed in its own block); otherwise a 年度 indicator.</summary>
    public bool? LongTerm { get; set; }
}

public sealed class SelfEvaluationData
{
    /// <summary>年初预算数 / 全年预算数 / 全年执行数, in 万元.</summary>
    public decimal InitialBudget { get; set; }
    public decimal AdjustedBudget { get; set; }
    public decimal Executed { get; set; }
    public decimal Score { get; set; }
    /// <summary>年初绩效目标 / 全年（调整）绩效目标 / 全年目标实际完成情况, printed as entered.</summary>
    public string? InitialGoal { get; set; }
    public string? AdjustedGoal { get; set; }
    public string? Achieved { get; set; }
    /// <summary>The 资金情况 rows in 元 as the table prints them (first row 年度总金额); without them the 万元 figures above are printed ×10000.</summary>
    public List<SelfEvaluationFundRow>? Funds { get; set; }
}

public sealed class PerformanceData
{
    /// <summary>Whether the 部门整体 target / self-evaluation was done.</summary>
    public bool Overall { get; set; } = true;
    /// <summary>Free text on the work done (制度, 机制), optional.</summary>
    public string? Work { get; set; }
    /// <summary>预算: the 部门（单位）整体绩效目标 table; its money block is computed from the expenditure.</summary>
    public OverallTargetData? OverallTarget { get; set; }
    /// <summary>决算: the 部门整体绩效自评表; 全年执行数 and all scores are computed.</summary>
    public OverallSelfEvaluationData? OverallSelfEvaluation { get; set; }
    /// <summary>Header fields shared by every 绩效 table (a project or 整体 table may override them): 主管部门, 财政归口处室, 联系人, 联系电话.</summary>
    public string? Department { get; set; }
    public string? FinanceOffice { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
}

/// <summary>
/// 部门（单位）整体绩效目标 (预算). The money block (资金总额, 基本/项目 or 人员类/运转类/特定目标类) is not entered: it is
/// derived from the expenditure lines so that it equals the budget total (P31).
/// </summary>
public sealed class OverallTargetData
{
    /// <summary>部门职能概述, optional.</summary>
    public string? Functions { get; set; }
    /// <summary>年度工作任务, optional.</summary>
    public string? Tasks { get; set; }
    /// <summary>总体目标 / 长期目标, optional.</summary>
    public string? LongTermGoal { get; set; }
    /// <summary>年度目标 (当年整体绩效目标).</summary>
    public string? AnnualGoal { get; set; }
    /// <summary>年度绩效指标 (一级/二级/三级, 指标性质, 指标值, 度量单位, 权重 — weights, when given, add up to 100).</summary>
    public List<IndicatorData> Indicators { get; set; } = new();
    /// <summary>Header fields (default: those of <see cref="PerformanceData"/>).</summary>
    public string? Department { get; set; }
    public string? FinanceOffice { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
}

/// <summary>
/// 部门整体绩效自评 (决算, CQ layout). 全年执行数 is the 本年支出合计 of the expenditure; 执行率, 偏离度, 得分系数,
/// 指标得分 and 自评总分 are computed by the scoring rule of the self-evaluation tables.
/// </summary>
public sealed class OverallSelfEvaluationData
{
    /// <summary>项目编码 of the 整体 evaluation, optional.</summary>
    public string? Code { get; set; }
    /// <summary>年初预算数, 万元.</summary>
    public decimal InitialBudget { get; set; }
    /// <summary>全年（调整）预算数, 万元 — the denominator of 执行率.</summary>
    public decimal AdjustedBudget { get; set; }
    /// <summary>年初绩效目标, optional.</summary>
    public string? InitialGoal { get; set; }
    /// <summary>全年目标实际完成情况, optional.</summary>
    public string? Achieved { get; set; }
    /// <summary>Indicators with 指标值 and 全年完成值 (numbers for a computed score) and 指标权重 (Σ = 100).</summary>
    public List<IndicatorData> Indicators { get; set; } = new();
    /// <summary>项目名称 as printed (default: the unit's name + 整体).</summary>
    public string? Name { get; set; }
    /// <summary>全年（调整）绩效目标, optional.</summary>
    public string? AdjustedGoal { get; set; }
    /// <summary>
    /// The 资金情况 rows in 元 as printed (first row 年度总金额). The 全年执行数 of the first row must round to the 本年支出合计;
    /// without rows the 万元 figures are printed ×10000.
    /// </summary>
    public List<SelfEvaluationFundRow>? Funds { get; set; }
    public string? Department { get; set; }
    public string? FinanceOffice { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
}

/// <summary>One line of the 政府向社会力量购买服务预算表 (Hubei 预算12).</summary>
public sealed class PurchasedServiceItem
{
    public string Project { get; set; } = "";
    /// <summary>政府购买服务内容.</summary>
    public string Content { get; set; } = "";
    /// <summary>是否包含政府采购.</summary>
    public bool IncludesProcurement { get; set; }
    /// <summary>购买数量, optional.</summary>
    public int? Quantity { get; set; }
    /// <summary>购买金额, 万元.</summary>
    public decimal Amount { get; set; }
    /// <summary>支出功能分类 项 code (printed as [code]name).</summary>
    public string? FunctionCode { get; set; }
    /// <summary>部门支出经济分类 款 code (printed as [code]name).</summary>
    public string? EconomicCode { get; set; }
    /// <summary>政府购买服务指导目录 一级 / 二级 / 三级 (names, no codes).</summary>
    public string? Directory1 { get; set; }
    public string? Directory2 { get; set; }
    public string? Directory3 { get; set; }
    /// <summary>单位代码 / 单位名称, 资金来源 and 资金性质 as printed, optional.</summary>
    public string? UnitCode { get; set; }
    public string? UnitName { get; set; }
    public string? FundSource { get; set; }
    public string? FundNature { get; set; }
}
