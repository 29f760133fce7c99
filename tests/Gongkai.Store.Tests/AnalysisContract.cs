using System.Text;
using Gongkai.Tests.Support;

namespace Gongkai.Store.Tests;

/// <summary>
/// The analysis on real documents: the five seed disclosures (five district/county 医疗保障局, 2022–2024) and the
/// project's two demo budgets of one department (2024, 2025), imported into a SQLite file and a real PostgreSQL.
/// Every expected figure is the one printed in the document's own table (line numbers in the comments).
/// </summary>
public abstract class AnalysisContract
{
    protected abstract GongkaiStore NewStore();

    /// <summary>A store with the five seeds and the two demo budgets imported.</summary>
    protected GongkaiStore Imported()
    {
        var store = NewStore();
        foreach (var f in Directory.GetFiles(Path.Combine(Shared.Root, "seeds"), "0*.txt").Order(StringComparer.Ordinal))
            store.Add(File.ReadAllBytes(f), Path.GetFileName(f));
        foreach (var f in new[] { "demo-budget-2024.md", "demo-budget-2025.md" })
            store.Add(File.ReadAllBytes(Path.Combine(StoreContract.RepoRoot, "samples", f)), f);
        var owner = JobQueue.NewOwner();
        while (store.RunOne(owner)) { }
        return store;
    }

    private static long Dept(GongkaiStore store, string name) => store.Departments().Single(d => d.Name == name).Id;

    private static decimal Value(DepartmentSeries s, string kind, int year, string key) =>
        s.Lines.Single(l => l.Kind == kind && l.Key == key).Values.Single(v => v.Year == year).Value;

    [Fact]
    public void SeriesOfASeedReadsTheFiguresItsTablesPrint()
    {
        var store = Imported();
        var s = store.AnalysisSeries(Dept(store, "重庆市綦江区医疗保障局"))!;
        var y = Assert.Single(s.Years);
        Assert.Equal((2022, "预算"), (y.Year, y.Kind));
        // 000: 收支总表 收入总计/支出总计 7163.37; 支出总表 合计 7163.37 = 基本 776.02 + 项目 6387.35 (line 118, 297);
        // 基本支出表 人员经费 683.73, 公用经费 92.74 (154); “三公” 4.5 = 车 3.5 + 接待 1 (205); 卫生健康支出 6958.11
        Assert.Equal(7163.37m, Value(s, "预算", 2022, "income_total"));
        Assert.Equal(7163.37m, Value(s, "预算", 2022, "expenditure_total"));
        Assert.Equal(7163.37m, Value(s, "预算", 2022, "fiscal_grant"));
        Assert.Equal(7163.37m, Value(s, "预算", 2022, "general_budget"));
        Assert.Equal(776.02m, Value(s, "预算", 2022, "basic"));
        Assert.Equal(6387.35m, Value(s, "预算", 2022, "project"));
        Assert.Equal(683.73m, Value(s, "预算", 2022, "personnel"));
        Assert.Equal(92.74m, Value(s, "预算", 2022, "public"));
        Assert.Equal(4.5m, Value(s, "预算", 2022, "three_public"));
        Assert.Equal(3.5m, Value(s, "预算", 2022, "vehicle"));
        Assert.Equal(1.0m, Value(s, "预算", 2022, "reception"));
        Assert.Equal(6958.11m, Value(s, "预算", 2022, "function:210"));
        Assert.Equal(2700.00m, Value(s, "预算", 2022, "function:21012"));
        var health = s.Lines.Single(l => l.Key == "function:210");
        Assert.Equal(("卫生健康支出（210）", "功能分类（类）"), (health.Label, health.Group));
        Assert.Equal("B3 支出总表", health.Values[0].Table);
        Assert.True(health.Values[0].Line > 0);
        // one year only: no change to state
        Assert.All(s.Lines.SelectMany(l => l.Values), v => Assert.Null(v.Change));
    }

    [Fact]
    public void SeriesOfAFinalAccountReadsTheDecisionColumnAndTheInstitutionTable()
    {
        var store = Imported();
        var s = store.AnalysisSeries(Dept(store, "重庆市潼南区医疗保障局"))!;
        Assert.Equal((2024, "决算"), (s.Years.Single().Year, s.Years.Single().Kind));
        // 003: 公开01 总计 3925.66; 公开03 基本 763.52 项目 3162.14; 公开06 人员 638.40 公用 125.12; 公开09 “三公” 3.02,
        // 公务用车 1.95, 公务接待 1.07, 机关运行经费 102.59
        Assert.Equal(3925.66m, Value(s, "决算", 2024, "expenditure_total"));
        Assert.Equal(763.52m, Value(s, "决算", 2024, "basic"));
        Assert.Equal(3162.14m, Value(s, "决算", 2024, "project"));
        Assert.Equal(638.40m, Value(s, "决算", 2024, "personnel"));
        Assert.Equal(125.12m, Value(s, "决算", 2024, "public"));
        Assert.Equal(3.02m, Value(s, "决算", 2024, "three_public"));
        Assert.Equal(1.95m, Value(s, "决算", 2024, "vehicle"));
        Assert.Equal(1.07m, Value(s, "决算", 2024, "reception"));
        Assert.Equal(102.59m, Value(s, "决算", 2024, "operating_costs"));
    }

    [Fact]
    public void SeriesOverTwoYearsGivesTheChangeInAmountAndPercent()
    {
        var store = Imported();
        var s = store.AnalysisSeries(Dept(store, "青川区医疗保障局"))!;
        Assert.Equal([2024, 2025], s.Years.Select(y => y.Year).ToArray());
        var total = s.Lines.Single(l => l.Key == "expenditure_total" && l.Kind == "预算").Values;
        Assert.Equal((3287.46m, 3315.30m), (total[0].Value, total[1].Value));
        Assert.Null(total[0].Change);
        Assert.Equal((27.84m, 0.85m, 3287.46m), (total[1].Change, total[1].ChangePercent, total[1].PreviousValue));
        var tp = s.Lines.Single(l => l.Key == "three_public").Values[1];
        Assert.Equal((4.8m, -0.3m, -5.88m), (tp.Value, tp.Change, tp.ChangePercent));
        var basic = s.Lines.Single(l => l.Key == "basic").Values[1];
        Assert.Equal((632.00m, 19.20m), (basic.Value, basic.Change));
    }

    [Fact]
    public void PeersOfTheSameYearKindAndOfficeAreRankedWithTheirMedian()
    {
        var store = Imported();
        var qijiang = Dept(store, "重庆市綦江区医疗保障局");
        var c = store.Compare(2022, "预算", "expenditure_total", departmentId: qijiang);
        Assert.Equal("医疗保障局", c.Group);
        // 綦江 7163.37 (000) and 碑林 1172.35 (002); 大城 (001) publishes no 收支总表 and is not ranked on a guess
        Assert.Equal(["重庆市綦江区医疗保障局", "西安市碑林区医疗保障局"], c.Peers.Select(p => p.Name).ToArray());
        Assert.Equal([7163.37m, 1172.35m], c.Peers.Select(p => p.Value).ToArray());
        Assert.Equal([1, 2], c.Peers.Select(p => p.Rank).ToArray());
        Assert.Equal(4167.86m, c.Median);
        Assert.Equal(qijiang, c.Highlight!.DepartmentId);
        Assert.Null(c.Message);
        // the same group asked by its kind of office, and a measure of the 基本支出表
        var byType = store.Compare(2022, "预算", "personnel", type: "医疗保障局");
        Assert.Equal([683.73m, 998.13m], byType.Peers.OrderBy(p => p.DepartmentId).Select(p => p.Value).ToArray());
        Assert.Equal("西安市碑林区医疗保障局", byType.Peers[0].Name);
        Assert.Null(byType.Highlight);
    }

    [Fact]
    public void WithoutPeersTheComparisonIsEmptyAndSaysSo()
    {
        var store = Imported();
        // 江汉 is the only 2023 预算 in the store
        var c = store.Compare(2023, "预算", "expenditure_total", departmentId: Dept(store, "江汉区医疗保障局"));
        Assert.Empty(c.Peers);
        Assert.Null(c.Median);
        Assert.Contains("没有", c.Message);
        // a stored type nobody has yet: no peers; once set by an admin, the two departments are peers
        Assert.Empty(store.Compare(2022, "预算", "expenditure_total", type: "行政").Peers);
        store.UpdateDepartment(Dept(store, "重庆市綦江区医疗保障局"), null, null, "行政", null, "admin");
        store.UpdateDepartment(Dept(store, "西安市碑林区医疗保障局"), null, null, "行政", null, "admin");
        Assert.Equal(2, store.Compare(2022, "预算", "expenditure_total", type: "行政").Count);
        Assert.Throws<ArgumentException>(() => store.Compare(2022, "预算", "no_such_measure"));
    }

    [Fact]
    public void MeasureListNamesFixedMeasuresAndTheFunctionClassesInTheStore()
    {
        var store = Imported();
        var m = store.Measures();
        Assert.Contains(m, x => x.Key == "three_public" && x.Label == "“三公”经费合计");
        Assert.Contains(m, x => x.Key == "function:210" && x.Label == "卫生健康支出（210）" && x.Group == "功能分类（类）");
        Assert.Contains(m, x => x.Key == "function:21013" && x.Group == "功能分类（款）");
        Assert.Equal(m.Count, m.Select(x => x.Key).Distinct().Count());
    }

    [Fact]
    public void ExecutionUsesTheFinalAccountsOwnBudgetColumnWhenNoBudgetIsStored()
    {
        var store = Imported();
        var e = store.Execution(Dept(store, "重庆市潼南区医疗保障局"), 2024)!;
        Assert.Null(e.BudgetDocumentId);
        Assert.Contains("决算表中的年初预算数", e.BudgetBasis);
        // 公开09: “三公” 预算 3.02, 决算 3.02
        var tp = e.Lines.Single(l => l.Key == "three_public");
        Assert.Equal((3.02m, 3.02m, 0m, 100m), (tp.Budget!.Value, tp.Final!.Value, tp.Difference!.Value, tp.Rate!.Value));
        // no 决算 for 青川 2024: empty with a message
        var none = store.Execution(Dept(store, "青川区医疗保障局"), 2024)!;
        Assert.Empty(none.Lines);
        Assert.Contains("没有", none.Message);
    }

    [Fact]
    public void MergingTwoRecordsOfOneDepartmentJoinsTheirSeries()
    {
        var store = NewStore();
        var demo = (int y) => File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", $"demo-budget-{y}.md"));
        // the 2025 document printed under a short name: filed as a department of its own
        var a = store.Add(Encoding.UTF8.GetBytes(demo(2024)), "2024.md");
        var b = store.Add(Encoding.UTF8.GetBytes(demo(2025).Replace("青川区医疗保障局", "青川区医保局")), "2025.md");
        var owner = JobQueue.NewOwner();
        while (store.RunOne(owner)) { }
        var into = store.Document(a.DocumentId)!.Document.DepartmentId!.Value;
        var from = store.Document(b.DocumentId)!.Document.DepartmentId!.Value;
        Assert.NotEqual(into, from);
        Assert.Single(store.AnalysisSeries(into)!.Years);
        Assert.Throws<ArgumentException>(() => store.MergeDepartments(into, into, "root"));
        Assert.Null(store.MergeDepartments(into, 99999, "root"));

        var merged = store.MergeDepartments(into, from, "root")!;
        Assert.Equal(["青川区医保局", "青川区医疗保障局"], merged.Aliases.Select(x => x.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Null(store.Department(from));
        var s = store.AnalysisSeries(into)!;
        Assert.Equal([2024, 2025], s.Years.Select(y => y.Year).ToArray());
        Assert.Equal(27.84m, s.Lines.Single(l => l.Key == "expenditure_total").Values[1].Change);
        Assert.Contains(store.AuditLog(), e => e.Action == "department.merge" && e.Actor == "root");
        // a later document under the merged name is filed under the remaining department
        var c = store.Add(Encoding.UTF8.GetBytes(demo(2025).Replace("青川区医疗保障局", "青川区医保局").Replace("2025", "2026")), "2026.md");
        while (store.RunOne(owner)) { }
        Assert.Equal(into, store.Document(c.DocumentId)!.Document.DepartmentId);
    }

    [Fact]
    public void OfficeKindIsTheNameWithoutItsDivisions()
    {
        var store = Imported();
        var kinds = store.Departments().Select(d => OfficeKinds.Of(d.Name)).Distinct().ToList();
        Assert.Equal(["医疗保障局"], kinds);
    }
}

public sealed class SqliteAnalysisTests : AnalysisContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-analysis-").FullName;
    private int _n;

    protected override GongkaiStore NewStore()
    {
        var store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, $"a{++_n}.db")));
        store.Migrate();
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

[Collection("postgres")]
public sealed class PostgresAnalysisTests(PostgresCluster pg) : AnalysisContract
{
    protected override GongkaiStore NewStore()
    {
        var store = new GongkaiStore(StoreConnection.Postgres(pg.NewDatabase()));
        store.Migrate();
        return store;
    }
}

public sealed class OfficeKindTests
{
    [Theory]
    [InlineData("重庆市綦江区医疗保障局", "医疗保障局")]
    [InlineData("大城县医疗保障局", "医疗保障局")]
    [InlineData("西安市碑林区医疗保障局", "医疗保障局")]
    [InlineData("武汉市江汉区医疗保障局", "医疗保障局")]
    [InlineData("上海市普陀区财政局", "财政局")]
    [InlineData("重庆市綦江区市场监督管理局", "市场监督管理局")]
    [InlineData("大城县城市管理局", "城市管理局")]
    [InlineData("江苏省人大常委会办公厅", "人大常委会办公厅")]
    [InlineData("北京市司法局", "司法局")]
    [InlineData("长沙职业教育基地综合协调办公室", "长沙职业教育基地综合协调办公室")]
    public void Of(string name, string kind) => Assert.Equal(kind, OfficeKinds.Of(name));
}

/// <summary>The cross-document rules in the store, on the project's two demo budgets of one department (2024, 2025).</summary>
public sealed class CrossDocumentStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-cross-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private GongkaiStore Store(string name)
    {
        var store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, name)));
        store.Migrate();
        return store;
    }

    private static string Demo(int year) => File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", $"demo-budget-{year}.md"));

    private static void Drain(GongkaiStore store)
    {
        var owner = JobQueue.NewOwner();
        while (store.RunOne(owner)) { }
    }

    [Fact]
    public void ConsistentYearsStaySilent()
    {
        var store = Store("ok.db");
        var a = store.Add(Encoding.UTF8.GetBytes(Demo(2024)), "2024.md");
        var b = store.Add(Encoding.UTF8.GetBytes(Demo(2025)), "2025.md");
        Drain(store);
        // 2025 states 基本支出 +19.20, “三公” −0.30, 公务接待费 −0.10 … against 2024: all agree
        Assert.DoesNotContain(store.FindingsOf(b.DocumentId), f => f.Finding.RuleId.StartsWith("GK8"));
        Assert.DoesNotContain(store.FindingsOf(a.DocumentId), f => f.Finding.RuleId.StartsWith("GK8"));
    }

    [Fact]
    public void AChangeThatDisagreesWithLastYearsDocumentIsFoundWhicheverArrivesFirst()
    {
        // 2025 with 基本支出 “比2024年增加19.60万元” while 2024 printed 612.80 (632.00 − 612.80 = 19.20)
        var wrong = Demo(2025);
        Assert.Contains("比2024年增加19.20万元", wrong);
        wrong = wrong.Replace("比2024年增加19.20万元", "比2024年增加19.60万元");
        var store = Store("wrong.db");
        var later = store.Add(Encoding.UTF8.GetBytes(wrong), "2025.md");
        Drain(store);
        Assert.DoesNotContain(store.FindingsOf(later.DocumentId), f => f.Finding.RuleId == "GK803"); // last year not stored yet
        store.Add(Encoding.UTF8.GetBytes(Demo(2024)), "2024.md");
        Drain(store);
        var f = Assert.Single(store.FindingsOf(later.DocumentId), f => f.Finding.RuleId == "GK803").Finding;
        Assert.Equal(("warning", 19.20m, 19.60m), (f.Severity, f.Expected, f.Found));
        Assert.Contains("612.80", f.Message);
        // fingerprinted like the others: dismiss it, process the 2025 document again, still dismissed
        var summary = store.Document(later.DocumentId)!;
        Assert.Equal(DismissedCount.None, store.DismissedOf([summary])[later.DocumentId]);
        store.Dismiss(later.DocumentId, f.Fingerprint, "上年数字经调整，已与财政局核对", "alice");
        // the dismissed warning is counted apart from the run's counts (the overview shows the open ones)
        Assert.Equal(new DismissedCount(0, 1, 0), store.DismissedOf([summary])[later.DocumentId]);
        using (var db = store.Db())
        {
            JobQueue.Enqueue(db, GongkaiStore.ProcessJob, later.DocumentId);
            db.SaveChanges();
        }
        Drain(store);
        var again = Assert.Single(store.FindingsOf(later.DocumentId), x => x.Finding.RuleId == "GK803");
        Assert.Equal(f.Fingerprint, again.Finding.Fingerprint);
        Assert.NotNull(again.Dismissal);
        var run = store.Document(later.DocumentId)!.LatestRun!;
        Assert.True(run.Warnings >= 1);
    }
}

/// <summary>
/// Budget vs final with both documents stored: the demo's 2024 budget and a 2024 决算 of the same department compiled
/// (by the compile side, as Markdown) from the data file of seed 003's figures with the department's name changed.
/// </summary>
public sealed class BudgetVersusFinalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-exec-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    internal static byte[] CompiledFinal(string department)
    {
        var json = File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "tests", "Gongkai.Tests", "Compile", "Data", "seed003-final-2024.json"))
            .Replace("重庆市潼南区医疗保障局", department);
        var package = Gongkai.Compile.PackageBuilder.Build(Gongkai.Compile.DisclosureData.FromJson(json));
        return Gongkai.Compile.Render.PackageRenderers.RenderToBytes(Gongkai.Compile.Render.PackageRenderers.Find("md")!, package);
    }

    [Fact]
    public void ExecutionComparesTheFinalWithTheStoredBudgetAndTheRulesRunAcrossThem()
    {
        var store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, "e.db")));
        store.Migrate();
        var final = store.Add(CompiledFinal("青川区医疗保障局"), "final-2024.md");
        var budget = store.Add(File.ReadAllBytes(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md")), "demo-budget-2024.md");
        var owner = JobQueue.NewOwner();
        while (store.RunOne(owner)) { }
        var dept = store.Document(budget.DocumentId)!.Document.DepartmentId!.Value;
        Assert.Equal(dept, store.Document(final.DocumentId)!.Document.DepartmentId);

        var e = store.Execution(dept, 2024)!;
        Assert.Equal((budget.DocumentId, final.DocumentId), (e.BudgetDocumentId!.Value, e.FinalDocumentId!.Value));
        Assert.Equal("同年度公开的部门预算", e.BudgetBasis);
        // 支出: budget 3287.46 (demo 表1), final 3925.66 (seed 003 公开01) → 119.41%
        var total = e.Lines.Single(l => l.Key == "expenditure_this_year");
        Assert.Equal((3287.46m, 3925.66m, 638.20m, 119.41m), (total.Budget!.Value, total.Final!.Value, total.Difference!.Value, total.Rate!.Value));
        // 210 卫生健康支出: 3191.86 → 3427.64, 107.39%; a 类 only one side has is listed with no rate
        var health = e.Lines.Single(l => l.Code == "210");
        Assert.Equal(("类", 3191.86m, 3427.64m, 107.39m), (health.Level, health.Budget!.Value, health.Final!.Value, health.Rate!.Value));
        Assert.Contains(e.Lines, l => l.Level == "项" && l.Rate is not null);
        Assert.All(e.Lines.Where(l => l.Budget is null || l.Final is null), l => Assert.Null(l.Rate));

        // GK804: 支出合计 at 119.41% and 卫生健康支出 at 107.39%, but the compiled 决算 compares its 一般公共预算财政拨款支出
        // and every 类 with the budget and gives reasons, so nothing is asked for (the rule's firing cases: CrossDocumentRuleTests)
        Assert.DoesNotContain(store.FindingsOf(final.DocumentId), f => f.Finding.RuleId == "GK804");
        // no finding of the family on the budget itself (GK801/GK804 are about a 决算)
        Assert.DoesNotContain(store.FindingsOf(budget.DocumentId), f => f.Finding.RuleId.StartsWith("GK8"));
    }
}
