using Gongkai.Audit;
using Gongkai.Catalogs;
using Gongkai.Model;
using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Expr = System.Linq.Expressions.Expression;

namespace Gongkai.Store;

/// <summary>A measure of the analysis: a stable key, its Chinese label and the group it belongs to.</summary>
public sealed record MeasureInfo(string Key, string Label, string Group);

/// <summary>
/// One measure of one document: the value in 万元 and where it was read (table, row, column, page or line).
/// <see cref="Derived"/> says it was added up from printed lines rather than printed as one figure.
/// </summary>
public sealed record MeasureValue(string Key, string Label, decimal Value, string Table, string Row, string Column, int? Page, int? Line, bool Derived = false);

/// <summary>A year of a department's series: the document it comes from and its measures.</summary>
public sealed record AnalysisYear(int Year, string Kind, long DocumentId, int Version, string? Scope, IReadOnlyList<MeasureValue> Measures);

/// <summary>A point of a measure's line: the value, and the change against the previous year of the same kind.</summary>
public sealed record SeriesValue(int Year, decimal Value, decimal? PreviousValue, decimal? Change, decimal? ChangePercent, long DocumentId, string Table, int? Page, int? Line);

/// <summary>One measure of one kind (预算 or 决算) over the years.</summary>
public sealed record SeriesLine(string Key, string Label, string Group, string Kind, IReadOnlyList<SeriesValue> Values);

/// <summary>A department's series: the documents used per year and kind, and each measure's line with year-on-year changes.</summary>
public sealed record DepartmentSeries(long DepartmentId, string Name, IReadOnlyList<AnalysisYear> Years, IReadOnlyList<SeriesLine> Lines);

/// <summary>A department of a peer comparison.</summary>
public sealed record PeerValue(long DepartmentId, string Name, string OfficeKind, string? Type, decimal Value, int Rank, long DocumentId, string Table, int? Page, bool Highlight);

/// <summary>A peer comparison: the group, how it was chosen, the values by rank, the median; a message when there are no peers.</summary>
public sealed record PeerComparison(
    int Year, string Kind, string Measure, string Label, string? Group, string GroupBasis, long? DepartmentId,
    IReadOnlyList<PeerValue> Peers, decimal? Median, int Count, PeerValue? Highlight, string? Message);

/// <summary>One line of a budget-vs-final comparison.</summary>
public sealed record ExecutionLine(string Key, string Label, string Level, string? Code, decimal? Budget, decimal? Final, decimal? Difference, decimal? Rate);

/// <summary>The budget vs final of one department-year: totals and 功能分类 类/款/项 with 执行率 (决算 / 预算 × 100).</summary>
public sealed record Execution(
    long DepartmentId, string Name, int Year, long? BudgetDocumentId, long? FinalDocumentId, string BudgetBasis,
    IReadOnlyList<ExecutionLine> Lines, string? Message);

/// <summary>
/// The analysis of the store: named measures read from the fact table (each with provenance), a department's
/// series with year-on-year change, peers of the same year, kind and type with rank and median, and budget vs final.
/// Which printed line each measure comes from is set out in docs/store.md ("Analysis").
/// </summary>
public static class Analysis
{
    // ── measures ─────────────────────────────────────────────────────────────────────────────────────────

    public const string GroupTotals = "收支总量";
    public const string GroupFunds = "资金来源";
    public const string GroupNature = "支出性质";
    public const string GroupThreePublic = "“三公”经费";
    public const string GroupOperating = "机关运行经费";
    public const string GroupFunctionClass = "功能分类（类）";
    public const string GroupFunctionItem = "功能分类（款）";

    /// <summary>A candidate source of a measure: tables, row keys (without block/unit suffixes) and column meanings, in order of preference.</summary>
    private sealed record Source(string[] Tables, string[] Rows, string[] BudgetColumns, string[] FinalColumns, string[]? SumOfRows = null);

    private static readonly string[] Summary = ["BudgetSummary", "FinalSummary"];
    private static readonly string[] FiscalSummary = ["BudgetFiscalSummary", "FinalFiscalSummary"];
    private static readonly string[] Expenditure = ["BudgetExpenditure", "FinalExpenditure"];
    private static readonly string[] GeneralExpenditure = ["BudgetGeneralExpenditure", "FinalGeneralExpenditure"];
    private static readonly string[] GeneralBasic = ["BudgetGeneralBasic", "FinalGeneralBasic"];
    private static readonly string[] ThreePublicTables = ["BudgetThreePublic", "FinalThreePublic", "InstitutionOperation"];

    // a 预算's own figure is the single amount / total column; a 决算's the 决算数 (never the 年初预算 or 上年 column)
    private static readonly string[] BudgetAmount = ["Amount", "Total"];
    private static readonly string[] FinalAmount = ["Actual", "Amount", "Total"];

    private static Source Line(string[] tables, string line, string side = "Income") =>
        new(tables, [$"L:{side}:{line}"], BudgetAmount, FinalAmount);

    private static Source TotalRow(string[] tables, string measure) =>
        new(tables, ["L:Total"], [measure, $"{measure}/Budget"], [$"{measure}/Final", measure]);

    // the recognizer's “三公” figures first (it reads B7, F7 and CQ 公开09 alike), then the tables' own columns
    private static Source[] ThreePublic(string measure) =>
    [
        new(["Topic"], ["L:ThreePublic"], [$"{measure}/Budget"], [$"{measure}/Final"]),
        new(ThreePublicTables, ["*"], [measure, $"{measure}/Budget"], [$"{measure}/Final", measure]),
    ];

    private static readonly (MeasureInfo Info, Source[] Sources)[] Fixed =
    [
        (new("income_total", "收入总计", GroupTotals), [Line(Summary, "GrandTotalIncome")]),
        (new("expenditure_total", "支出总计", GroupTotals), [Line(Summary, "GrandTotalExpenditure", "Expenditure")]),
        (new("income_this_year", "本年收入合计", GroupTotals), [Line(Summary, "TotalIncomeThisYear")]),
        (new("expenditure_this_year", "本年支出合计", GroupTotals), [Line(Summary, "TotalExpenditureThisYear", "Expenditure")]),
        (new("fiscal_grant", "财政拨款", GroupFunds),
        [
            Line(Summary, "FiscalGrant"),
            Line(FiscalSummary, "TotalIncomeThisYear"),
            new(Summary, [], BudgetAmount, FinalAmount, ["L:Income:GeneralBudgetGrant", "L:Income:GovernmentFundGrant", "L:Income:StateCapitalGrant"]),
        ]),
        (new("general_budget", "一般公共预算拨款", GroupFunds), [Line(Summary, "GeneralBudgetGrant"), Line(FiscalSummary, "GeneralBudgetGrant")]),
        // the 支出总表 (all funds); without it the 一般公共预算支出表, then the 基本支出表's 合计 (一般公共预算 only)
        (new("basic", "基本支出", GroupNature),
            [TotalRow(Expenditure, "Basic"), TotalRow(GeneralExpenditure, "Basic"), new(GeneralBasic, ["L:Total"], ["Total"], ["Total", "Actual"])]),
        (new("project", "项目支出", GroupNature), [TotalRow(Expenditure, "Project"), TotalRow(GeneralExpenditure, "Project")]),
        (new("personnel", "人员经费", GroupNature), [TotalRow(GeneralBasic, "Personnel"), TotalRow(GeneralExpenditure, "Personnel")]),
        (new("public", "公用经费", GroupNature), [TotalRow(GeneralBasic, "Public"), TotalRow(GeneralExpenditure, "Public")]),
        (new("three_public", "“三公”经费合计", GroupThreePublic), ThreePublic("ThreePublicTotal")),
        (new("abroad", "因公出国（境）费", GroupThreePublic), ThreePublic("Abroad")),
        (new("reception", "公务接待费", GroupThreePublic), ThreePublic("Reception")),
        (new("vehicle", "公务用车购置及运行费", GroupThreePublic), ThreePublic("VehicleTotal")),
        (new("vehicle_purchase", "公务用车购置费", GroupThreePublic), ThreePublic("VehiclePurchase")),
        (new("vehicle_operation", "公务用车运行维护费", GroupThreePublic), ThreePublic("VehicleOperation")),
        (new("operating_costs", "机关运行经费", GroupOperating),
        [
            new(["Topic"], ["L:OperatingCosts"], ["OperatingCosts"], ["OperatingCosts"]),
            new(["InstitutionOperation", "BudgetThreePublic", "FinalThreePublic", "OperatingCostsByEconomic"], ["*"],
                ["OperatingCosts", "OperatingCosts/Budget"], ["OperatingCosts/Final", "OperatingCosts"]),
            new(["OperatingCostsByEconomic"], ["L:Total"], BudgetAmount, FinalAmount),
            new(["Narrative"], ["N:机关运行经费"], ["Amount"], ["Amount"]),
        ]),
    ];

    /// <summary>The fixed measures (功能分类 measures are named function:CODE and listed from the store).</summary>
    public static IReadOnlyList<MeasureInfo> FixedMeasures { get; } = Fixed.Select(f => f.Info).ToList();

    private const string FunctionPrefix = "function:";

    /// <summary>The label of a 功能分类 code from the built-in catalogue, else the printed label.</summary>
    public static string FunctionLabel(string code, int? year, string? printed = null) =>
        ClassificationCatalog.BuiltIn.Find(code, CodeScheme.Function, year)?.Name ?? printed?.Trim() ?? code;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime At, List<MeasureInfo> List)> MeasureCache = new();

    /// <summary>
    /// Every measure: the fixed ones and the 功能分类 类 and 款 printed in the store's 支出总表s (scanning the fact
    /// table, so the list is kept for a minute).
    /// </summary>
    public static List<MeasureInfo> Measures(this GongkaiStore store)
    {
        var key = store.Connection.ConnectionString;
        if (MeasureCache.TryGetValue(key, out var hit) && DateTime.UtcNow - hit.At < TimeSpan.FromMinutes(1)) return hit.List;
        var list = ReadMeasures(store);
        MeasureCache[key] = (DateTime.UtcNow, list);
        return list;
    }

    private static List<MeasureInfo> ReadMeasures(GongkaiStore store)
    {
        using var db = store.Db();
        var codes = db.Facts.AsNoTracking()
            .Where(f => (f.TableKind == "BudgetExpenditure" || f.TableKind == "FinalExpenditure" || f.TableKind == "BudgetGeneralExpenditure" || f.TableKind == "FinalGeneralExpenditure")
                        && f.RowKey.StartsWith("Function:")
                        && f.Code != null && (f.Code.Length == 3 || f.Code.Length == 5))
            .Select(f => f.Code!).Distinct().ToList();
        var list = FixedMeasures.ToList();
        foreach (var c in codes.Order(StringComparer.Ordinal))
            list.Add(FunctionMeasure(c, null));
        return list;
    }

    private static MeasureInfo FunctionMeasure(string code, int? year, string? printed = null) =>
        new(FunctionPrefix + code, $"{FunctionLabel(code, year, printed)}（{code}）", code.Length == 3 ? GroupFunctionClass : GroupFunctionItem);

    /// <summary>The measure of a key, or null when the key is unknown.</summary>
    public static MeasureInfo? MeasureOf(string key)
    {
        var f = FixedMeasures.FirstOrDefault(m => m.Key == key);
        if (f is not null) return f;
        if (key.StartsWith(FunctionPrefix, StringComparison.Ordinal) && key[FunctionPrefix.Length..] is { Length: 3 or 5 or 7 } c && c.All(char.IsAsciiDigit))
            return FunctionMeasure(c, null);
        return null;
    }

    /// <summary>The table kinds a document's measures are read from.</summary>
    private static readonly string[] AnalysisTables =
        Fixed.SelectMany(f => f.Sources).SelectMany(s => s.Tables).Concat(Expenditure).Concat(GeneralExpenditure).Distinct().ToArray();

    /// <summary>The row key without its block (#b1) suffix; null for a row of one unit (@unit) — those are not the department's figure.</summary>
    private static string? BaseRow(string rowKey)
    {
        if (rowKey.Contains('@')) return null;
        int hash = rowKey.IndexOf('#');
        return hash < 0 ? rowKey : rowKey[..hash];
    }

    private static MeasureValue ValueOf(MeasureInfo info, Fact f) =>
        new(info.Key, info.Label, f.ValueWanYuan, DescribeTable(f.TableKind), f.Label, f.Measure, f.Page, f.Line);

    public static string DescribeTable(string tableKind) =>
        tableKind == "Narrative" ? "情况说明" : tableKind == "Topic" ? "“三公”经费/机关运行经费表" : Enum.TryParse<TableKind>(tableKind, out var k) ? k.Describe() : tableKind;

    /// <summary>One fixed measure of one document's facts, or null when none of its sources is printed.</summary>
    private static MeasureValue? Resolve(MeasureInfo info, Source[] sources, IReadOnlyList<Fact> facts, string kind)
    {
        foreach (var s in sources)
        {
            var columns = kind == "决算" ? s.FinalColumns : s.BudgetColumns;
            var inTables = s.Tables.SelectMany(t => ByTable(facts, t)).ToList();
            if (inTables.Count == 0) continue;
            if (s.SumOfRows is { } parts)
            {
                var found = new List<Fact>();
                foreach (var row in parts)
                    if (Pick(inTables, [row], columns) is Fact p) found.Add(p);
                if (found.Count == 0) continue;
                var first = found[0];
                return new MeasureValue(info.Key, info.Label, found.Sum(p => p.ValueWanYuan), DescribeTable(first.TableKind),
                    string.Join("+", found.Select(p => p.Label)), first.Measure, first.Page, first.Line, Derived: true);
            }
            if (Pick(inTables, s.Rows, columns) is Fact f) return ValueOf(info, f);
        }
        return null;
    }

    /// <summary>The facts of one table kind (the list is grouped once per fact list).</summary>
    private static IEnumerable<Fact> ByTable(IReadOnlyList<Fact> facts, string table)
    {
        ILookup<string, Fact> lookup;
        lock (Lookups)
        {
            if (!Lookups.TryGetValue(facts, out lookup!))
            {
                lookup = facts.ToLookup(f => f.TableKind);
                Lookups.Add(facts, lookup);
            }
        }
        return lookup[table];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<Fact>, ILookup<string, Fact>> Lookups = new();

    /// <summary>The first fact in table order whose row and column match, trying the columns in order of preference.</summary>
    private static Fact? Pick(List<Fact> facts, string[] rows, string[] columns)
    {
        foreach (var table in facts.Select(f => f.TableKind).Distinct())
            foreach (var column in columns)
                foreach (var f in facts)
                    if (f.TableKind == table && f.Measure == column && BaseRow(f.RowKey) is string row
                        && (rows.Contains("*") || rows.Contains(row)))
                        return f;
        return null;
    }

    /// <summary>The 功能分类 figures of a document (类, 款, 项): from the 支出总表, else the 一般公共预算支出表.</summary>
    private static List<(string Code, Fact Fact)> FunctionFacts(IReadOnlyList<Fact> facts, string kind)
    {
        var columns = kind == "决算" ? FinalAmount : BudgetAmount;
        foreach (var tables in new[] { Expenditure, GeneralExpenditure })
        {
            var list = new List<(string, Fact)>();
            var seen = new HashSet<string>();
            var inTables = tables.SelectMany(t => ByTable(facts, t)).ToList();
            foreach (var column in columns)
                foreach (var f in inTables)
                    if (f.Measure == column && f.Code is { } code && BaseRow(f.RowKey) == "Function:" + code && seen.Add(code))
                        list.Add((code, f));
            if (list.Count > 0) return list;
        }
        return [];
    }

    /// <summary>Every measure of one document: the fixed ones and the 功能分类 类 and 款.</summary>
    public static List<MeasureValue> MeasuresOf(IReadOnlyList<Fact> facts, string kind, int? year)
    {
        var list = new List<MeasureValue>();
        foreach (var (info, sources) in Fixed)
            if (Resolve(info, sources, facts, kind) is MeasureValue v) list.Add(v);
        foreach (var (code, f) in FunctionFacts(facts, kind).Where(x => x.Code.Length is 3 or 5).OrderBy(x => x.Code, StringComparer.Ordinal))
            list.Add(ValueOf(FunctionMeasure(code, year, f.Label), f));
        return list;
    }

    /// <summary>One measure of one document, or null.</summary>
    private static MeasureValue? MeasureOf(MeasureInfo info, IReadOnlyList<Fact> facts, string kind, int? year)
    {
        var fixedDef = Fixed.FirstOrDefault(f => f.Info.Key == info.Key);
        if (fixedDef.Info is not null) return Resolve(info, fixedDef.Sources, facts, kind);
        var code = info.Key[FunctionPrefix.Length..];
        var hit = FunctionFacts(facts, kind).FirstOrDefault(x => x.Code == code);
        return hit.Fact is null ? null : ValueOf(info, hit.Fact) with { Label = info.Label };
    }

    // ── documents used ───────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// The document of each (department, year, kind): the latest version, the department's own (部门) document
    /// before a unit's (单位) when both are stored.
    /// </summary>
    private static List<Document> LatestDocuments(IQueryable<Document> q) =>
        q.Where(d => d.Status == DocumentStatus.Ready && d.Year != null && d.Kind != null && d.DepartmentId != null)
            .ToList()
            .GroupBy(d => (d.DepartmentId, d.Year, d.Kind))
            .Select(g => g.OrderBy(d => d.Scope == "部门" ? 0 : 1).ThenByDescending(d => d.Version).ThenByDescending(d => d.Id).First())
            .ToList();

    private static Dictionary<long, List<Fact>> FactsOf(GongkaiDb db, List<long> ids, string[]? tables = null)
    {
        var t = tables ?? AnalysisTables;
        var result = new Dictionary<long, List<Fact>>();
        foreach (var chunk in ids.Chunk(500))
        {
            var part = chunk.ToList();
            foreach (var f in db.Facts.AsNoTracking().Where(f => part.Contains(f.DocumentId) && t.Contains(f.TableKind)).OrderBy(f => f.Id))
                (result.TryGetValue(f.DocumentId, out var l) ? l : result[f.DocumentId] = []).Add(f);
        }
        return result;
    }

    // ── series ──────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>A department's measures per year and kind with the change against the previous year of the same kind; null for no such department.</summary>
    public static DepartmentSeries? AnalysisSeries(this GongkaiStore store, long departmentId)
    {
        using var db = store.Db();
        var dept = db.Departments.AsNoTracking().FirstOrDefault(d => d.Id == departmentId);
        if (dept is null) return null;
        var docs = LatestDocuments(db.Documents.AsNoTracking().Where(d => d.DepartmentId == departmentId))
            .OrderBy(d => d.Year).ThenBy(d => d.Kind == "预算" ? 0 : 1).ToList();
        var facts = FactsOf(db, docs.Select(d => d.Id).ToList());
        var years = docs.Select(d => new AnalysisYear(d.Year!.Value, d.Kind!, d.Id, d.Version, d.Scope,
            MeasuresOf(facts.GetValueOrDefault(d.Id, []), d.Kind!, d.Year))).ToList();

        var lines = new List<SeriesLine>();
        var order = new List<string>();
        foreach (var y in years) foreach (var m in y.Measures) if (!order.Contains(m.Key)) order.Add(m.Key);
        var fixedOrder = FixedMeasures.Select(m => m.Key).ToList();
        order = order.OrderBy(k => fixedOrder.IndexOf(k) is int i && i >= 0 ? i : int.MaxValue).ThenBy(k => k, StringComparer.Ordinal).ToList();
        foreach (var kind in new[] { "预算", "决算" })
        {
            var ofKind = years.Where(y => y.Kind == kind).ToList();
            foreach (var key in order)
            {
                var points = new List<SeriesValue>();
                MeasureValue? label = null;
                foreach (var y in ofKind)
                {
                    var v = y.Measures.FirstOrDefault(m => m.Key == key);
                    if (v is null) continue;
                    label ??= v;
                    var prev = ofKind.FirstOrDefault(p => p.Year == y.Year - 1)?.Measures.FirstOrDefault(m => m.Key == key);
                    decimal? change = prev is null ? null : v.Value - prev.Value;
                    decimal? pct = prev is { Value: not 0m } ? Math.Round((v.Value - prev.Value) / prev.Value * 100m, 2, MidpointRounding.AwayFromZero) : null;
                    points.Add(new SeriesValue(y.Year, v.Value, prev?.Value, change, pct, y.DocumentId, v.Table, v.Page, v.Line));
                }
                if (points.Count == 0) continue;
                var info = MeasureOf(key);
                lines.Add(new SeriesLine(key, label!.Label, info?.Group ?? "", kind, points));
            }
        }
        return new DepartmentSeries(dept.Id, dept.Name, years, lines);
    }

    // ── peers ───────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// The departments of the same year and kind and of one type, side by side for one measure: rank (1 = largest)
    /// and median. The group: <paramref name="type"/> when given (行政/参公/事业 → the stored type; anything else → the
    /// kind of office read from the name); else the given department's kind of office; else every department.
    /// With no peer (nobody but the department itself has the measure) the list is empty and a message says so.
    /// <paramref name="within"/> limits the departments compared (a user limited to some departments).
    /// </summary>
    public static PeerComparison Compare(this GongkaiStore store, int year, string kind, string measureKey, string? type = null, long? departmentId = null,
        IReadOnlySet<long>? within = null)
    {
        var info = MeasureOf(measureKey) ?? throw new ArgumentException($"未知指标：{measureKey}。可用的指标见 /api/v1/compare/measures。");
        var k = GongkaiStore.NormalizeKind(kind) ?? throw new ArgumentException($"类型只能是 预算 或 决算：{kind}。");
        using var db = store.Db();
        Department? focus = null;
        if (departmentId is long depId)
            focus = db.Departments.AsNoTracking().FirstOrDefault(d => d.Id == depId) ?? throw new KeyNotFoundException($"没有 id 为 {depId} 的部门。");

        string? group;
        string basis;
        // the group is found by the kept kind of office or type (indexed), never by reading every department
        IQueryable<Department> members = db.Departments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(type))
        {
            group = type.Trim();
            if (StoreAdmin.Types.Contains(group))
            {
                basis = "部门类型（管理员设置的 行政/参公/事业）";
                var t = group;
                members = members.Where(d => d.Type == t);
            }
            else
            {
                basis = "部门名称中的机构类别（去掉行政区划后的名称）";
                var g = OfficeKinds.Of(group);
                members = members.Where(d => d.OfficeKind == g);
                group = g;
            }
        }
        else if (focus is not null)
        {
            group = OfficeKinds.Of(focus.Name);
            basis = "与所选部门机构类别相同（去掉行政区划后的名称）";
            var g = group;
            members = members.Where(d => d.OfficeKind == g);
        }
        else
        {
            group = null;
            basis = "同年度同类型的全部部门";
        }

        var departments = members.ToList().Where(d => within is null || within.Contains(d.Id)).ToDictionary(d => d.Id);
        if (focus is not null && (within is null || within.Contains(focus.Id))) departments.TryAdd(focus.Id, focus);
        var depIds = departments.Keys.ToList();
        var docs = new List<Document>();
        foreach (var chunk in depIds.Chunk(500))
        {
            var part = chunk.ToList();
            docs.AddRange(LatestDocuments(db.Documents.AsNoTracking().Where(d => d.Year == year && d.Kind == k && part.Contains(d.DepartmentId!.Value))));
        }
        var facts = FactsOfMeasure(db, docs.Select(d => d.Id).ToList(), info, k);
        var values = new List<(Department Dept, Document Doc, MeasureValue Value)>();
        foreach (var d in docs)
            if (MeasureOf(info, facts.GetValueOrDefault(d.Id, []), k, year) is MeasureValue v)
                values.Add((departments[d.DepartmentId!.Value], d, v));
        values = values.OrderByDescending(v => v.Value.Value).ThenBy(v => v.Dept.Id).ToList();

        var peers = new List<PeerValue>();
        int rank = 0;
        decimal? last = null;
        for (int i = 0; i < values.Count; i++)
        {
            var (dept, doc, v) = values[i];
            if (last != v.Value) rank = i + 1;
            last = v.Value;
            peers.Add(new PeerValue(dept.Id, dept.Name, dept.OfficeKind ?? OfficeKinds.Of(dept.Name), dept.Type, v.Value, rank, doc.Id, v.Table, v.Page, dept.Id == focus?.Id));
        }
        var highlight = peers.FirstOrDefault(p => p.Highlight);
        int others = peers.Count(p => !p.Highlight);
        string? message = null;
        if (focus is not null && highlight is null)
            message = $"{focus.Name} 在 {year} 年{k}中没有“{info.Label}”的数字，无法比较。";
        if (others == 0 || (focus is null && peers.Count < 2))
        {
            message = $"{year} 年{k}中没有{(group is null ? "" : "“" + group + "”")}同类部门的“{info.Label}”可供比较。";
            return new PeerComparison(year, k, info.Key, info.Label, group, basis, focus?.Id, [], null, 0, null, message);
        }
        return new PeerComparison(year, k, info.Key, info.Label, group, basis, focus?.Id, peers, Median(peers.Select(p => p.Value)), peers.Count, highlight, message);
    }

    /// <summary>
    /// The facts one measure can be read from, per document: only the rows and columns its sources name (a few facts
    /// per document), not the whole tables — the peer comparison reads one measure of some fifty documents. What
    /// <see cref="MeasureOf(MeasureInfo, IReadOnlyList{Fact}, string, int?)"/> picks from these is what it picks
    /// from all the document's facts: the facts left out are those no source of the measure would take.
    /// </summary>
    private static Dictionary<long, List<Fact>> FactsOfMeasure(GongkaiDb db, List<long> ids, MeasureInfo info, string kind)
    {
        var fixedDef = Fixed.FirstOrDefault(f => f.Info.Key == info.Key);
        var result = new Dictionary<long, List<Fact>>();
        if (fixedDef.Info is not null)
        {
            var filter = SourceFilter(fixedDef.Sources, kind);
            foreach (var chunk in ids.Chunk(500))
            {
                var part = chunk.ToList();
                foreach (var f in db.Facts.AsNoTracking().Where(f => part.Contains(f.DocumentId)).Where(filter).OrderBy(f => f.Id))
                    (result.TryGetValue(f.DocumentId, out var l) ? l : result[f.DocumentId] = []).Add(f);
            }
            return result;
        }
        // a 功能分类 code: from the 支出总表 when it has any 功能分类 figure of the kind's columns, else the 一般公共预算支出表
        var code = info.Key[FunctionPrefix.Length..];
        var columns = kind == "决算" ? FinalAmount : BudgetAmount;
        string[] tables = [.. Expenditure, .. GeneralExpenditure];
        foreach (var chunk in ids.Chunk(500))
        {
            var part = chunk.ToList();
            var withExpenditure = db.Facts.AsNoTracking()
                .Where(f => part.Contains(f.DocumentId) && Expenditure.Contains(f.TableKind) && columns.Contains(f.Measure) && f.Code != null
                            && f.RowKey.StartsWith("Function:") && !f.RowKey.Contains("+") && !f.RowKey.Contains("@"))
                .Select(f => f.DocumentId).Distinct().ToHashSet();
            foreach (var f in db.Facts.AsNoTracking()
                         .Where(f => part.Contains(f.DocumentId) && tables.Contains(f.TableKind) && f.Code == code && columns.Contains(f.Measure))
                         .OrderBy(f => f.Id))
            {
                if (withExpenditure.Contains(f.DocumentId) != Expenditure.Contains(f.TableKind)) continue;
                (result.TryGetValue(f.DocumentId, out var l) ? l : result[f.DocumentId] = []).Add(f);
            }
        }
        return result;
    }

    /// <summary>
    /// Facts a measure's sources could take: (table in the source's tables, column one of the kind's columns, row
    /// one of the source's rows or that row of a block (row#b2); any row but a unit's for "*"), or-ed over the sources.
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Fact, bool>> SourceFilter(Source[] sources, string kind)
    {
        var f = Expr.Parameter(typeof(Fact), "f");
        var table = Expr.Property(f, nameof(Fact.TableKind));
        var measure = Expr.Property(f, nameof(Fact.Measure));
        var rowKey = Expr.Property(f, nameof(Fact.RowKey));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expr AnyOf(Expr e, IEnumerable<string> values) =>
            values.Distinct().Select(v => (Expr)Expr.Equal(e, Expr.Constant(v)))
                .Aggregate(Expr.OrElse);
        Expr? body = null;
        foreach (var s in sources)
        {
            var rows = s.Rows.Concat(s.SumOfRows ?? []).ToList();
            Expr rowCondition = rows.Contains("*")
                ? Expr.Not(Expr.Call(rowKey, contains, Expr.Constant("@")))
                : rows.Distinct().Select(r => (Expr)Expr.OrElse(
                        Expr.Equal(rowKey, Expr.Constant(r)),
                        Expr.Call(rowKey, startsWith, Expr.Constant(r + "#"))))
                    .Aggregate(Expr.OrElse);
            var one = Expr.AndAlso(AnyOf(table, s.Tables),
                Expr.AndAlso(AnyOf(measure, kind == "决算" ? s.FinalColumns : s.BudgetColumns), rowCondition));
            body = body is null ? one : Expr.OrElse(body, one);
        }
        return Expr.Lambda<Func<Fact, bool>>(body!, f);
    }

    public static decimal? Median(IEnumerable<decimal> values)
    {
        var v = values.Order().ToList();
        if (v.Count == 0) return null;
        return v.Count % 2 == 1 ? v[v.Count / 2] : Math.Round((v[v.Count / 2 - 1] + v[v.Count / 2]) / 2m, 4, MidpointRounding.AwayFromZero);
    }

    // ── budget vs final ─────────────────────────────────────────────────────────────────────────────────

    /// <summary>The measures compared in budget vs final, besides 功能分类.</summary>
    private static readonly string[] ExecutionTotals =
        ["expenditure_this_year", "income_this_year", "fiscal_grant", "general_budget", "basic", "project", "personnel", "public", "three_public", "abroad", "reception", "vehicle", "operating_costs"];

    /// <summary>
    /// Budget vs final of one department-year: the 决算's figure against the same year's published 预算 (or, when that
    /// is not stored, against the 决算's own 年初预算 column), 执行率 = 决算 ÷ 预算 × 100 for the totals and per
    /// 功能分类 类/款/项. Null when there is no such department.
    /// </summary>
    public static Execution? Execution(this GongkaiStore store, long departmentId, int year)
    {
        using var db = store.Db();
        var dept = db.Departments.AsNoTracking().FirstOrDefault(d => d.Id == departmentId);
        if (dept is null) return null;
        var docs = LatestDocuments(db.Documents.AsNoTracking().Where(d => d.DepartmentId == departmentId && d.Year == year));
        var budget = docs.FirstOrDefault(d => d.Kind == "预算");
        var final = docs.FirstOrDefault(d => d.Kind == "决算");
        if (final is null)
            return new Execution(dept.Id, dept.Name, year, budget?.Id, null, "", [],
                $"资料库中没有 {dept.Name} {year} 年的决算，无法计算执行率。");
        var facts = FactsOf(db, docs.Select(d => d.Id).ToList(), null);
        var finalFacts = facts.GetValueOrDefault(final.Id, []);
        var lines = new List<ExecutionLine>();
        string basis;
        if (budget is not null)
        {
            basis = "同年度公开的部门预算";
            var budgetFacts = facts.GetValueOrDefault(budget.Id, []);
            var bm = MeasuresOf(budgetFacts, "预算", year).ToDictionary(m => m.Key);
            var fm = MeasuresOf(finalFacts, "决算", year).ToDictionary(m => m.Key);
            foreach (var key in ExecutionTotals)
            {
                bm.TryGetValue(key, out var b);
                fm.TryGetValue(key, out var f);
                if (b is null && f is null) continue;
                lines.Add(Line(key, (b ?? f)!.Label, "合计", null, b?.Value, f?.Value));
            }
            var bf = FunctionFacts(budgetFacts, "预算").ToDictionary(x => x.Code, x => x.Fact);
            var ff = FunctionFacts(finalFacts, "决算").ToDictionary(x => x.Code, x => x.Fact);
            foreach (var code in bf.Keys.Union(ff.Keys).Order(StringComparer.Ordinal))
            {
                bf.TryGetValue(code, out var b);
                ff.TryGetValue(code, out var f);
                lines.Add(Line(FunctionPrefix + code, FunctionLabel(code, year, (f ?? b)!.Label), LevelOf(code), code, b?.ValueWanYuan, f?.ValueWanYuan));
            }
        }
        else
        {
            basis = "决算表中的年初预算数（资料库中没有同年度预算）";
            // the 决算's own tables print 年初预算 next to 决算数 (F5 一般公共预算财政拨款支出决算表 and 三公 tables)
            foreach (var table in new[] { "FinalGeneralExpenditure", "FinalFiscalSummary", "FinalExpenditure" })
            {
                var rows = finalFacts.Where(f => f.TableKind == table).GroupBy(f => f.RowKey).ToList();
                foreach (var row in rows)
                {
                    var b = row.FirstOrDefault(f => f.Measure is "InitialBudget" or "InitialBudget/Default");
                    var f = row.FirstOrDefault(f => f.Measure is "Actual" or "Total/Final") ?? row.FirstOrDefault(f => f.Measure == "Total");
                    if (b is null || f is null) continue;
                    var code = b.Code;
                    var key = code is not null && BaseRow(row.Key) == "Function:" + code ? FunctionPrefix + code : BaseRow(row.Key) ?? row.Key;
                    if (lines.Any(l => l.Key == key)) continue;
                    lines.Add(Line(key, code is not null ? FunctionLabel(code, year, b.Label) : b.Label, code is null ? "合计" : LevelOf(code), code, b.ValueWanYuan, f.ValueWanYuan));
                }
                if (lines.Count > 0) { basis += "，" + DescribeTable(table); break; }
            }
            var tp = new[] { ("three_public", "ThreePublicTotal"), ("abroad", "Abroad"), ("reception", "Reception"), ("vehicle", "VehicleTotal") };
            foreach (var (key, measure) in tp)
            {
                var b = finalFacts.FirstOrDefault(f => (f.TableKind == "Topic" || ThreePublicTables.Contains(f.TableKind)) && f.Measure == measure + "/Budget");
                var f = finalFacts.FirstOrDefault(f => (f.TableKind == "Topic" || ThreePublicTables.Contains(f.TableKind)) && f.Measure == measure + "/Final");
                if (b is null || f is null) continue;
                lines.Insert(0, Line(key, MeasureOf(key)!.Label, "合计", null, b.ValueWanYuan, f.ValueWanYuan));
            }
        }
        var message = lines.Count == 0 ? $"{dept.Name} {year} 年的预算和决算中没有可对照的数字。" : null;
        return new Execution(dept.Id, dept.Name, year, budget?.Id, final.Id, basis, lines, message);
    }

    private static string LevelOf(string code) => code.Length switch { 3 => "类", 5 => "款", 7 => "项", _ => "" };

    private static ExecutionLine Line(string key, string label, string level, string? code, decimal? budget, decimal? final)
    {
        decimal? diff = budget is decimal b && final is decimal f ? f - b : null;
        decimal? rate = budget is decimal b2 and not 0m && final is decimal f2 ? Math.Round(f2 / b2 * 100m, 2, MidpointRounding.AwayFromZero) : null;
        return new ExecutionLine(key, label, level, code, budget, final, diff, rate);
    }
}
