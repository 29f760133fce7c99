namespace Gongkai.Model;

/// <summary>What a column of a standard table measures. Regional header wordings map onto these.</summary>
public enum Measure
{
    /// <summary>A single amount column (预算数 / 决算数 / 金额) or the value of a summary-table line.</summary>
    Amount,
    /// <summary>合计 / 小计 / 本年支出合计 / 本年收入合计 of a row.</summary>
    Total,
    /// <summary>基本支出.</summary>
    Basic,
    /// <summary>人员经费 (301 + 303).</summary>
    Personnel,
    /// <summary>公用经费 (302, 307, 310, 312, 399 in 基本支出).</summary>
    Public,
    /// <summary>项目支出 (XA: 专项业务经费).</summary>
    Project,
    /// <summary>上缴上级支出.</summary>
    RemitToSuperior,
    /// <summary>经营支出 / 事业单位经营支出.</summary>
    OperatingExpenditure,
    /// <summary>对附属单位补助支出 / 对下级单位补助支出.</summary>
    SubsidyToSubordinate,
    /// <summary>单位预留机动经费 (JS).</summary>
    Reserve,
    /// <summary>财政拨款收入 (the three fiscal funds together).</summary>
    FiscalGrant,
    /// <summary>一般公共预算 (拨款 / 财政拨款).</summary>
    GeneralBudget,
    /// <summary>政府性基金预算.</summary>
    GovernmentFund,
    /// <summary>国有资本经营预算.</summary>
    StateCapital,
    /// <summary>财政专户管理资金.</summary>
    SpecialAccount,
    /// <summary>事业收入 (小计).</summary>
    BusinessIncome,
    /// <summary>其中：教育收费.</summary>
    EducationFees,
    /// <summary>非教育收费收入.</summary>
    NonEducationFees,
    /// <summary>经营收入 / 事业单位经营收入.</summary>
    OperatingIncome,
    /// <summary>上级补助收入.</summary>
    SuperiorSubsidy,
    /// <summary>附属单位上缴收入.</summary>
    SubordinateRemittance,
    /// <summary>其他收入.</summary>
    OtherIncome,
    /// <summary>用事业基金弥补收支差额.</summary>
    InstitutionFund,
    /// <summary>上年结转 / 年初结转和结余.</summary>
    CarryIn,
    /// <summary>结转下年 / 年末结转和结余.</summary>
    CarryOut,
    /// <summary>本年收入 (F8/F9).</summary>
    IncomeThisYear,

    // “三公”经费 columns
    /// <summary>“三公”经费合计.</summary>
    ThreePublicTotal,
    /// <summary>因公出国（境）费.</summary>
    Abroad,
    /// <summary>公务用车购置及运行（维护）费 小计.</summary>
    VehicleTotal,
    /// <summary>公务用车购置费.</summary>
    VehiclePurchase,
    /// <summary>公务用车运行（维护）费.</summary>
    VehicleOperation,
    /// <summary>公务接待费.</summary>
    Reception,
    /// <summary>会议费.</summary>
    Meeting,
    /// <summary>培训费.</summary>
    Training,
    /// <summary>差旅费.</summary>
    Travel,
    /// <summary>机关运行经费.</summary>
    OperatingCosts,

    // procurement / purchase-of-service / project tables
    /// <summary>面向（授予）中小企业.</summary>
    SmeShare,
    /// <summary>面向（授予）小微企业.</summary>
    SmallMicroShare,
    /// <summary>数量.</summary>
    Quantity,
    /// <summary>单价.</summary>
    UnitPrice,

    // prior-year and budget bases
    /// <summary>上年数 / 上年预算.</summary>
    PriorYear,
    /// <summary>年初预算数.</summary>
    InitialBudget,
    /// <summary>全年（调整）预算数.</summary>
    AdjustedBudget,
    /// <summary>决算数 / 全年执行数.</summary>
    Actual,

    // further income sources of the 收入总表 (XA 部门综合预算收入总表)
    /// <summary>使用非财政拨款结余.</summary>
    UseOfNonFiscalBalance,
    /// <summary>上年实户资金余额 (XA).</summary>
    AccountBalanceIn,
}

/// <summary>Which figure of a pair a column holds (三公 预算数 | 决算数; 前年 | 上年).</summary>
public enum Basis
{
    Default,
    /// <summary>预算数.</summary>
    Budget,
    /// <summary>决算数.</summary>
    Final,
}

/// <summary>A column of a recognized table: what it measures and on which basis.</summary>
public readonly record struct ColumnKey(Measure Measure, Basis Basis = Basis.Default)
{
    public static implicit operator ColumnKey(Measure m) => new(m);

    /// <summary>
    /// A figure printed for comparison, not the table's own: another period (上年数 / 2025年预算数 in a 2026 table) or, in a
    /// 决算 table, the budget basis (年初预算数, 全年预算数). It takes no part in the table's arithmetic (上级 = Σ 下级,
    /// 合计 = Σ 类): last year's parents may hold codes no longer printed, and a 决算 table lists only the codes spent.
    /// </summary>
    public bool IsComparison => Measure is Measure.PriorYear or Measure.InitialBudget or Measure.AdjustedBudget;
    public override string ToString() => Basis == Basis.Default ? Measure.ToString() : $"{Measure}/{Basis}";
}
