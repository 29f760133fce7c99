namespace Gongkai.Model;

/// <summary>
/// The standard tables. B1–B9: the national 预算 nine; F1–F9: the 决算 nine; then the regional and
/// performance tables seen in published documents.
/// </summary>
public enum TableKind
{
    Unknown,
    /// <summary>B1 收支总表 (部门收支总表, 收支预算总表, 部门综合预算收支总表 …).</summary>
    BudgetSummary,
    /// <summary>B2 收入总表.</summary>
    BudgetRevenue,
    /// <summary>B3 支出总表.</summary>
    BudgetExpenditure,
    /// <summary>B4 财政拨款收支总表.</summary>
    BudgetFiscalSummary,
    /// <summary>B5 一般公共预算支出表 (by function).</summary>
    BudgetGeneralExpenditure,
    /// <summary>B6 一般公共预算基本支出表 (by economic class).</summary>
    BudgetGeneralBasic,
    /// <summary>B7 一般公共预算“三公”经费支出表.</summary>
    BudgetThreePublic,
    /// <summary>B8 政府性基金预算支出表.</summary>
    BudgetGovFund,
    /// <summary>B9 国有资本经营预算支出表.</summary>
    BudgetStateCapital,
    /// <summary>F1 收入支出决算总表 (公开01表).</summary>
    FinalSummary,
    /// <summary>F2 收入决算表 (公开02表).</summary>
    FinalRevenue,
    /// <summary>F3 支出决算表 (公开03表).</summary>
    FinalExpenditure,
    /// <summary>F4 财政拨款收入支出决算总表 (公开04表).</summary>
    FinalFiscalSummary,
    /// <summary>F5 一般公共预算财政拨款支出决算表 (公开05表).</summary>
    FinalGeneralExpenditure,
    /// <summary>F6 一般公共预算财政拨款基本支出决算表 (公开06表).</summary>
    FinalGeneralBasic,
    /// <summary>F7 财政拨款“三公”经费支出决算表.</summary>
    FinalThreePublic,
    /// <summary>F8: the 政府性基金 (fiscal grant) income and expenditure final-account table (公开07表 in CQ).</summary>
    FinalGovFund,
    /// <summary>F9 国有资本经营预算财政拨款（收入）支出决算表.</summary>
    FinalStateCapital,
    /// <summary>CQ 公开09 机构运行信息表 (三公, 统计数, 会议费, 机关运行经费, 资产, 政府采购).</summary>
    InstitutionOperation,
    /// <summary>一般公共预算支出表（分单位） (WH 预算06).</summary>
    GeneralExpenditureByUnit,
    /// <summary>一般公共预算支出明细表（按支出经济分类科目） — all 一般公共预算 spending by 部门/政府 economic class (XA 表6).</summary>
    BudgetGeneralByEconomic,
    /// <summary>一般公共预算基本支出明细表（按支出功能分类科目） (XA 表7).</summary>
    BudgetGeneralBasicByFunction,
    /// <summary>财政拨款上年结转资金支出表 (XA 表11).</summary>
    CarryOverExpenditure,
    /// <summary>项目支出预算表 / 专项业务经费支出表 / project list.</summary>
    ProjectList,
    /// <summary>政府采购预算表.</summary>
    Procurement,
    /// <summary>政府（向社会力量）购买服务预算表.</summary>
    PurchaseOfServices,
    /// <summary>固定资产 / 国有资产占用情况表.</summary>
    Assets,
    /// <summary>部门（单位）整体（支出）绩效目标表.</summary>
    PerformanceOverall,
    /// <summary>项目支出绩效目标表.</summary>
    PerformanceProject,
    /// <summary>项目绩效目标表目录 (CQ 附件3-11目录).</summary>
    PerformanceProjectIndex,
    /// <summary>部门整体绩效自评表.</summary>
    SelfEvaluationOverall,
    /// <summary>（二级）项目绩效自评表.</summary>
    SelfEvaluationProject,
    /// <summary>报表目录 with 是否空表 (XA).</summary>
    TableOfContents,
    /// <summary>预算单位构成 / 机构设置 list.</summary>
    UnitComposition,
    /// <summary>
    /// 财政拨款支出预算表（功能科目） — all 财政拨款 spending (一般公共预算 and 政府性基金) by function class
    /// (Jiangsu 公开05表; unnumbered in 2017). Coded 类/款/项 rows with a 合计 row.
    /// </summary>
    FiscalGrantExpenditure,
    /// <summary>
    /// 财政拨款基本支出预算表（经济科目） — the 基本支出 of all 财政拨款 by economic class (Jiangsu 公开06表).
    /// Coded 类/款 rows with a 合计 row.
    /// </summary>
    FiscalGrantBasic,
    /// <summary>
    /// 一般公共预算机关运行经费支出预算表 — the 机关运行经费 by 部门预算支出经济分类 类/款 with a 合计 row (Jiangsu 公开11表;
    /// unnumbered in 2017).
    /// </summary>
    OperatingCostsByEconomic,
}

/// <summary>For the two-sided summary tables: which side a line is on.</summary>
public enum Side { None, Income, Expenditure }

/// <summary>The fixed lines of the summary tables (B1/B4/F1/F4), identified by wording, never by ordinal.</summary>
public enum SummaryLine
{
    None,
    // income side
    /// <summary>财政拨款 group line (XA "1、财政拨款", B4 "一、本年收入"-style group).</summary>
    FiscalGrant,
    /// <summary>一般公共预算（财政）拨款收入.</summary>
    GeneralBudgetGrant,
    /// <summary>政府性基金预算（财政）拨款收入.</summary>
    GovernmentFundGrant,
    /// <summary>国有资本经营预算（财政）拨款收入.</summary>
    StateCapitalGrant,
    /// <summary>财政专户管理资金收入.</summary>
    SpecialAccountIncome,
    /// <summary>上级补助收入.</summary>
    SuperiorSubsidy,
    /// <summary>事业收入.</summary>
    BusinessIncome,
    /// <summary>（事业单位）经营收入.</summary>
    OperatingIncome,
    /// <summary>附属单位上缴收入.</summary>
    SubordinateRemittance,
    /// <summary>其他收入.</summary>
    OtherIncome,
    /// <summary>本年收入合计 (also B4 "一、本年收入").</summary>
    TotalIncomeThisYear,
    /// <summary>使用非财政拨款结余（和专用结余）.</summary>
    UseOfNonFiscalBalance,
    /// <summary>用事业基金弥补收支差额.</summary>
    InstitutionFund,
    /// <summary>上年结转（结余） / 年初结转和结余 / 年初财政拨款结转和结余.</summary>
    CarryIn,
    /// <summary>Carry-in of 一般公共预算 (B4/F4 sub-line).</summary>
    CarryInGeneralBudget,
    /// <summary>Carry-in of 政府性基金.</summary>
    CarryInGovernmentFund,
    /// <summary>Carry-in of 国有资本经营.</summary>
    CarryInStateCapital,
    /// <summary>上年实户资金余额 (XA).</summary>
    AccountBalanceIn,
    /// <summary>收入总计 / 总计 (income side).</summary>
    GrandTotalIncome,
    // expenditure side
    /// <summary>A function class line (一般公共服务支出 …); the code is on the row.</summary>
    ExpenditureClass,
    /// <summary>本年支出合计 (also B4 "一、本年支出").</summary>
    TotalExpenditureThisYear,
    /// <summary>结余分配.</summary>
    BalanceDistribution,
    /// <summary>结转下年 / 年末结转和结余 / 年终结转结余.</summary>
    CarryOut,
    /// <summary>未安排支出的实户资金 (XA).</summary>
    AccountBalanceOut,
    /// <summary>支出总计 / 总计 (expenditure side).</summary>
    GrandTotalExpenditure,
    /// <summary>An economic-class line in an alternative spending block (XA 部门/政府经济分类 blocks, JS 支出用途).</summary>
    EconomicLine,
}

/// <summary>One row of a recognized table, with its typed values.</summary>
public sealed class DataRow
{
    /// <summary>The row label as printed (科目名称 / 项目).</summary>
    public string Label { get; init; } = "";
    /// <summary>The classification code of the row, when it has one.</summary>
    public ClassificationCode? Code { get; init; }
    /// <summary>A second code on the same row (XA 表6: the 政府经济分类 paired with the 部门 code).</summary>
    public ClassificationCode? PairedCode { get; init; }
    /// <summary>The name printed next to <see cref="PairedCode"/>.</summary>
    public string? PairedLabel { get; init; }
    /// <summary>True for the 合计 / 总计 row of a coded table.</summary>
    public bool IsTotal { get; init; }
    /// <summary>A 其中 line or a nested sub-line ((1) under 1、) that must not be added together with its parent.</summary>
    public bool IsSubItem { get; init; }
    /// <summary>Summary tables: which side; other tables: None.</summary>
    public Side Side { get; init; }
    /// <summary>Summary tables: the fixed line this row is.</summary>
    public SummaryLine Line { get; init; }
    /// <summary>Side-by-side blocks (F6 人员/公用, XA 功能/部门经济/政府经济): block index from the left.</summary>
    public int Block { get; init; }
    /// <summary>
    /// The unit section the row belongs to, when the table lists its coded rows unit by unit (0 otherwise, and for rows
    /// before the first unit heading). A code's parent and children are looked for within its own section.
    /// </summary>
    public int Section { get; init; }
    /// <summary>Unit code for 分单位 tables (205001) and project tables.</summary>
    public string? UnitCode { get; init; }
    /// <summary>Where the row label came from.</summary>
    public Provenance Source { get; init; } = Provenance.Unknown;
    /// <summary>The values of the row by column meaning.</summary>
    public Dictionary<ColumnKey, Figure> Values { get; } = new();
    /// <summary>Numbers of columns with no standard meaning (kept so nothing is dropped), keyed by the column header.</summary>
    public Dictionary<string, Figure> Extras { get; } = new();
    /// <summary>Text cells other than the label (e.g. 项目简介, 品目, 资金来源), keyed by the column header.</summary>
    public Dictionary<string, string> Texts { get; } = new();

    public Figure? this[ColumnKey key] => Values.TryGetValue(key, out var f) ? f : null;

    /// <summary>The row's own figures: <see cref="Values"/> without those printed for comparison (<see cref="ColumnKey.IsComparison"/>).</summary>
    public IEnumerable<KeyValuePair<ColumnKey, Figure>> CurrentValues => Values.Where(kv => !kv.Key.IsComparison);

    /// <summary>The value of a column, treating a blank or missing cell as 0.</summary>
    public decimal ValueOrZero(ColumnKey key) => Values.TryGetValue(key, out var f) && f.IsNumber ? f.Value : 0m;

    public override string ToString() => $"{Code?.Value ?? ""} {Label} " + string.Join(" ", Values.Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>
/// A column of a recognized table: its header path as printed and its meaning. <paramref name="Key"/> is null when the
/// header could not be given a meaning. <paramref name="Detail"/> marks a column that was understood and deliberately
/// left out of the row identities: a breakdown of another column (上年结转/一般公共预算 under 上年结转, 其中 …) or a
/// column of another period (2025年预算数 beside 2026年预算数). A column with neither a key nor the detail mark is
/// unmapped: when it carries numbers, the identities that add a row's columns cannot be trusted for that table.
/// </summary>
public sealed record TableColumn(int Index, string Header, ColumnKey? Key, int Block = 0, bool Detail = false)
{
    /// <summary>The column has no meaning and is not a known breakdown or other-period column.</summary>
    public bool IsUnmapped => Key is null && !Detail;

    /// <summary>The key under which a row keeps this column's number when it has no meaning (see <see cref="DataRow.Extras"/>).</summary>
    public string ExtraKey => Header.Length > 0 ? Header : $"列{Index}";
}

/// <summary>A standard table recognized in a disclosure.</summary>
public sealed class DisclosureTable
{
    public TableKind Kind { get; init; }
    /// <summary>The title as printed (normalised whitespace).</summary>
    public string Title { get; init; } = "";
    /// <summary>The label printed with the title: 公开01表, 表4, 预算08表, 附件3-2 …</summary>
    public string? Label { get; init; }
    /// <summary>The money unit stated for the table (单位：万元 / 元).</summary>
    public ValueUnit Unit { get; init; } = ValueUnit.WanYuan;
    /// <summary>Whether a unit line was printed (otherwise the unit is the document default).</summary>
    public bool UnitStated { get; init; }
    /// <summary>The table is printed in 千元: its money cells are read into 万元 (÷ 10, one more decimal), so every rule
    /// compares them as it compares a 万元 table.</summary>
    public bool InThousands { get; init; }
    public Provenance Source { get; init; } = Provenance.Unknown;
    public List<TableColumn> Columns { get; } = new();
    public List<DataRow> Rows { get; } = new();
    /// <summary>注 / 备注 / 说明 lines printed under the table.</summary>
    public List<string> Notes { get; } = new();
    /// <summary>True when the table carries no non-zero figure.</summary>
    public bool IsEmpty => !Rows.Any(r => r.Values.Values.Concat(r.Extras.Values).Any(v => v.IsNumber && v.Value != 0m));
    /// <summary>False when only the title was printed and the grid is missing (e.g. lost in conversion).</summary>
    public bool HasGrid { get; init; } = true;
    /// <summary>Indexes of the source tables (blocks) this table was built from; more than one when continued.</summary>
    public List<int> SourceTables { get; } = new();
    /// <summary>
    /// Numeric cells of this table's source grids that the recognizers could not place (neither a figure, an identifier
    /// nor a reported note). When non-zero the model of the table is incomplete: emptiness and sums cannot be judged.
    /// </summary>
    public int UnplacedCells { get; set; }

    /// <summary>
    /// Rows whose code was printed over 类 | 款 | 项 cells out of line (a 项 printed with its 款 cell blank, 201 |  | 01):
    /// the reader cannot tell which 款 the row belongs to, so the row is left without a code (never filed as the 类) and
    /// the table's level sums are not run on it; GK512 names the rows.
    /// </summary>
    public List<CodeMisalignment> MisalignedCodes { get; } = new();
    /// <summary>Headers of the columns holding numbers whose meaning could not be mapped (kept in <see cref="DataRow.Extras"/>).</summary>
    public IEnumerable<string> UnmappedColumns => Rows.SelectMany(r => r.Extras.Keys).Distinct();

    /// <summary>
    /// Value columns whose meaning could not be established (no key, not a known breakdown) and that carry a non-zero
    /// number in some row. Rules that add a row's columns (合计 = Σ 分项) must not run on such a table: the unread
    /// column may be one of the parts.
    /// </summary>
    public IReadOnlyList<TableColumn> UnmappedValueColumns =>
        Columns.Where(c => c.IsUnmapped && Rows.Any(r => r.Extras.TryGetValue(c.ExtraKey, out var f) && f.IsNumber && f.Value != 0m)).ToList();

    /// <summary>
    /// Number of unit sections of a coded table that lists its rows unit by unit (预算单位 heading rows, each followed
    /// by its own 类/款/项 rows); 0 when the rows are not split by unit. See <see cref="DataRow.Section"/>.
    /// </summary>
    public int Sections { get; set; }

    /// <summary>The 合计 row of a coded table, if printed.</summary>
    public DataRow? TotalRow => Rows.FirstOrDefault(r => r.IsTotal && r.Side == Side.None);

    /// <summary>Rows carrying a classification code of the given scheme.</summary>
    public IEnumerable<DataRow> CodedRows(CodeScheme scheme) => Rows.Where(r => r.Code?.Scheme == scheme);

    public DataRow? Line(SummaryLine line) => Rows.FirstOrDefault(r => r.Line == line && r.Block == 0);

    /// <summary>The row of a code; null when the table lists its codes unit by unit (no one row is the department's).</summary>
    public DataRow? Row(string code) => Sections > 0 ? null : Rows.FirstOrDefault(r => r.Code?.Value == code);

    public override string ToString() => $"{Kind} 《{Title}》 {Rows.Count} 行";
}

/// <summary>A code printed over split 类 | 款 | 项 cells out of line: the cells as printed, the row's name, where.</summary>
public sealed record CodeMisalignment(string Printed, string Name, Provenance Source);
