using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongkai.Catalogs;

/// <summary>
/// The standard tables of one regional template (a profile, a kind, a range of years), as data: labels, titles, the
/// fixed rows with their ordinals, the line names of the region, the column set, notes, the 单位名称 line and the
/// empty-table wording. Loaded from the embedded <c>Templates/*.json</c>; the compiler prints from it and the
/// template-conformity rules check published documents against it.
/// </summary>
public sealed class RegionTemplate
{
    /// <summary>Profile name as in the data files (hubei, chongqing …).</summary>
    public string Profile { get; set; } = "";
    /// <summary>budget or final.</summary>
    public string Kind { get; set; } = "";
    public int FromYear { get; set; }
    public int ToYear { get; set; } = 9999;
    /// <summary>Where the template was checked (a published document of the region), for the reader of the file.</summary>
    public string? CheckedAgainst { get; set; }
    /// <summary>The line printed above each table naming the unit ("单位名称：{unit}"), or null when the region prints none.</summary>
    public string? UnitNameLine { get; set; }
    public List<TableTemplate> Tables { get; set; } = new();
    /// <summary>Tables (by <c>TableKind</c> name) the region does not print when they have no figures (重庆 2026: no 国有资本经营 table).</summary>
    public List<string> OmitWhenEmpty { get; set; } = new();

    public TableTemplate? Table(string kind) => Tables.FirstOrDefault(t => t.Kind == kind);

    /// <summary>What {entity} stands for in a title: 部门 for a department's disclosure, 单位 for a unit's.</summary>
    public static string Entity(bool unit) => unit ? "单位" : "部门";

    /// <summary>What {budgetEntity} stands for in a title: 部门, or 预算单位 for a unit's disclosure (上海).</summary>
    public static string BudgetEntity(bool unit) => unit ? "预算单位" : "部门";
}

/// <summary>One standard table of a template.</summary>
public sealed class TableTemplate
{
    /// <summary>The <c>TableKind</c> name of the table (BudgetSummary …).</summary>
    public string Kind { get; set; } = "";
    /// <summary>The printed number (预算01表).</summary>
    public string Label { get; set; } = "";
    /// <summary>The title, with {year} for the year; empty: the standard title of the table kind (as the national layout prints it).</summary>
    public string Title { get; set; } = "";

    /// <summary>The title to look for in a document of the year: the template's, else the kind's standard title; {year} filled in.</summary>
    public string TitleFor(int year, string standardTitle, bool unit = false) =>
        (Title.Length > 0 ? Title : standardTitle).Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{entity}", RegionTemplate.Entity(unit)).Replace("{budgetEntity}", RegionTemplate.BudgetEntity(unit));

    /// <summary>The titles a document of the year may print: a department's and a unit's ({entity}, {budgetEntity}).</summary>
    public IEnumerable<string> TitlesFor(int year, string standardTitle) => new[] { TitleFor(year, standardTitle), TitleFor(year, standardTitle, unit: true) }.Distinct();

    /// <summary>Every fixed row label of the table: <see cref="FixedRows"/>, <see cref="RightRows"/> and the labels of <see cref="IncomeRows"/>.</summary>
    public IEnumerable<string> AllFixedRows => FixedRows.Concat(RightRows).Concat(IncomeRows.Select(r => r.Label));
    /// <summary>The unit line (单位：万元), when it differs from the default.</summary>
    public string? UnitLine { get; set; }
    /// <summary>This table's 编制单位 line, when it differs from the template's (江苏 2018: 部门名称：… on most tables, 部门：… on 05–08 and 12).</summary>
    public string? UnitNameLine { get; set; }
    /// <summary>
    /// The rows are the department and its units (部门代码 | 部门名称), not 功能分类 codes (江苏 2026 收入总表): income by
    /// source of the year and the carry-over, per unit.
    /// </summary>
    public bool ByUnit { get; set; }
    /// <summary>The region's name of a summary line, by <c>SummaryLine</c> name (CarryIn → 上年结转结余).</summary>
    public Dictionary<string, string> Lines { get; set; } = new();
    /// <summary>Summary lines the region does not print (InstitutionFund …) when they are zero.</summary>
    public List<string> OmitLines { get; set; } = new();
    /// <summary>Line names of other regions' templates: a row so named does not belong to this template.</summary>
    public List<string> ForeignLines { get; set; } = new();
    /// <summary>
    /// The income lines of a summary table in the region's order, each with its printed label, its <c>SummaryLine</c> and the
    /// fund sources (<c>FundSource</c> names) it adds up (上海: 一、财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营, then
    /// 1、2、3、 for each); printed whatever the figures.
    /// </summary>
    public List<IncomeRow> IncomeRows { get; set; } = new();
    /// <summary>The income columns of an income table by function, in the region's order (label = header, line, sources: 上海 财政拨款收入).</summary>
    public List<IncomeRow> IncomeColumns { get; set; } = new();
    /// <summary>Lines the region never prints (by <c>SummaryLine</c>: the 一、本年收入 / 一、本年支出 heads over their items).</summary>
    public List<string> DropLines { get; set; } = new();
    /// <summary>
    /// The ordinal style of the 功能分类 classes when the region numbers only the classes it prints (those with money):
    /// “一、” or “（一）”; used when <see cref="ClassRows"/> is empty.
    /// </summary>
    public string? ClassOrdinal { get; set; }
    /// <summary>The fixed list of 功能分类 classes on the spending side, each with its printed label (ordinal and name).</summary>
    public List<FixedRow> ClassRows { get; set; } = new();
    /// <summary>Fixed rows printed whatever the figures (labels as printed, spaces ignored when compared).</summary>
    public List<string> FixedRows { get; set; } = new();
    /// <summary>Fixed rows of the right-hand block of a two-block table (CQ 公开09), in order.</summary>
    public List<string> RightRows { get; set; } = new();
    /// <summary>Header texts of the fixed columns (a header containing the text matches; spaces ignored).</summary>
    public List<string> FixedColumns { get; set; } = new();
    /// <summary>Value columns by <c>Measure</c> name that the template prints.</summary>
    public List<string> Measures { get; set; } = new();
    /// <summary>Header cells over the two sides of a summary table (收入 | 支出), when the region prints them.</summary>
    public List<string> SideHeaders { get; set; } = new();
    /// <summary>A header cell over all value columns (本年一般公共预算基本支出), when the region prints one.</summary>
    public string? ValueGroup { get; set; }
    /// <summary>The region's header of a value column, by <c>Measure</c> name (Total → 本年支出合计).</summary>
    public Dictionary<string, string> ColumnNames { get; set; } = new();
    /// <summary>An empty table is printed without its 合计 row (header and note only).</summary>
    public bool EmptyWithoutTotal { get; set; }
    /// <summary>A row of column numbers (栏次 1, 2, 3 …) under the header.</summary>
    public bool ColumnNumbers { get; set; }
    /// <summary>Zero amounts printed blank rather than 0.00.</summary>
    public bool BlankZeros { get; set; }
    /// <summary>
    /// The income lines of a summary table include the carry-over of their sources (重庆 2026 表一: 一般公共预算资金 =
    /// this year's 一般公共预算 income + its 上年结转), so no 上年结转 line is printed for them.
    /// </summary>
    public bool IncomeWithCarry { get; set; }
    /// <summary>The 合计 (收入总计 | 支出总计) line of a summary table is printed first, under the header (重庆 2026 表一).</summary>
    public bool TotalFirst { get; set; }
    /// <summary>
    /// Header cells over two blocks of the same columns, last year's budget and this year's ({prior}, {year} replaced:
    /// 重庆 2026 表八 “2025年预算数 | 2026年预算数”), printed when the data gives last year's figures.
    /// </summary>
    public List<string> PriorBlocks { get; set; } = new();
    /// <summary>Notes printed under the table ({year}, {subject} replaced).</summary>
    public List<string> Notes { get; set; } = new();
    /// <summary>The note of an empty table ({year}, {subject} replaced).</summary>
    public string? EmptyNote { get; set; }
}

public sealed class IncomeRow
{
    public string Label { get; set; } = "";
    /// <summary>The <c>SummaryLine</c> name of the row.</summary>
    public string Line { get; set; } = "";
    /// <summary>The <c>FundSource</c> names the row adds up.</summary>
    public List<string> Sources { get; set; } = new();
}

public sealed class FixedRow
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
}

/// <summary>The built-in regional templates.</summary>
public static class RegionTemplates
{
    // source-generated (RegionTemplateJson): no reflection-built serializer at start-up, and it works in the native build
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        TypeInfoResolver = RegionTemplateJson.Default,
    };

    private static readonly Lazy<IReadOnlyList<RegionTemplate>> Loaded = new(Load);

    public static IReadOnlyList<RegionTemplate> All => Loaded.Value;

    /// <summary>The template of a profile, kind (budget/final) and year, or null when none is described.</summary>
    public static RegionTemplate? Find(string? profile, string kind, int year) =>
        profile is null ? null : All.FirstOrDefault(t => string.Equals(t.Profile, profile, StringComparison.OrdinalIgnoreCase)
            && t.Kind == kind && year >= t.FromYear && year <= t.ToYear);

    /// <summary>Whitespace removed (labels are compared without the spaces of spaced-out printing).</summary>
    public static string Squeeze(string s) => Gongkai.Model.Whitespace.Squeeze(s);

    private static IReadOnlyList<RegionTemplate> Load()
    {
        var asm = typeof(RegionTemplates).Assembly;
        var list = new List<RegionTemplate>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("Gongkai.Catalogs.Templates.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            var t = JsonSerializer.Deserialize(s, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<RegionTemplate>)Json.GetTypeInfo(typeof(RegionTemplate))) ?? throw new InvalidDataException($"模板文件为空：{name}");
            list.Add(t);
        }
        return list;
    }
}

/// <summary>The JSON metadata of the template files, generated at compile time.</summary>
[JsonSerializable(typeof(RegionTemplate))]
internal sealed partial class RegionTemplateJson : JsonSerializerContext;
