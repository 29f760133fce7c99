using System.Diagnostics;
using Gongkai.Cli;
using Gongkai.Store.Entities;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store.Tests;

/// <summary>
/// Processes killed with SIGKILL mid-job lose nothing committed: another process (or a restarted import) runs the job
/// again and every document ends processed exactly once. Runs the real gongkai executable.
/// </summary>
[Collection("postgres")]
public sealed class KillTests(PostgresCluster pg, Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-kill-").FullName;
    private readonly List<Process> _processes = new();

    public void Dispose()
    {
        foreach (var p in _processes) { try { if (!p.HasExited) p.Kill(true); } catch (InvalidOperationException) { } p.Dispose(); }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gongkai.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _processes.Add(p);
        return p;
    }

    /// <summary>
    /// Distinct documents: the demo budget as published by <paramref name="demoCopies"/> different districts' offices
    /// in years the reader takes as they are (2016–2029; a district per 14 years, so 10,000 copies stay in range), and
    /// the sample PDFs.
    /// </summary>
    private List<string> WriteDocuments(int demoCopies)
    {
        var folder = Path.Combine(_dir, "docs");
        Directory.CreateDirectory(folder);
        var demo = File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md"));
        var files = new List<string>();
        for (int i = 0; i < demoCopies; i++)
        {
            var f = Path.Combine(folder, $"demo-{i:00000}.md");
            File.WriteAllText(f, DemoText(demo, i));
            files.Add(f);
        }
        foreach (var pdf in new[] { "jiangsu-npc-office-2017-budget.pdf", "jiangsu-npc-office-2018-budget.pdf", "shanghai-putuo-finance-bureau-2024-final.pdf" })
        {
            var f = Path.Combine(folder, pdf);
            File.Copy(Shared.Pdf(pdf), f);
            files.Add(f);
        }
        return files;
    }

    private const string DistrictChars = "青松石柳桃梅兰竹菊枫杉桂槐榆樟云霞雪溪泉潭峰岭岗湾洲滩塘堤桥";

    /// <summary>The district and year of the i-th copy of the demo: every pair distinct, every year 2016–2029.</summary>
    internal static (string District, int Year) DemoCopy(int i)
    {
        int d = i / 14, n = DistrictChars.Length;
        if (d >= n * n) throw new ArgumentOutOfRangeException(nameof(i), "more copies than district names");
        return ($"{DistrictChars[d / n]}{DistrictChars[d % n]}区", 2016 + i % 14);
    }

    private static string DemoText(string demo, int i)
    {
        var (district, year) = DemoCopy(i);
        return demo.Replace("2024", year.ToString()).Replace("2023", (year - 1).ToString()).Replace("青川区", district);
    }

    private static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException(what);
            Thread.Sleep(25);
        }
    }

    [Fact]
    public void TwoServeProcessesOnOnePostgresDoEveryJobOnceWhenOneIsKilled()
    {
        var conn = pg.NewDatabase();
        var store = new GongkaiStore(StoreConnection.Postgres(conn));
        store.Migrate();
        // GONGKAI_KILL_DOCS=200 gives the run of docs/store.md (200 uploads); by default 15
        var count = int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_KILL_DOCS"), out var n) && n > 3 ? n : 15;
        var files = WriteDocuments(count - 3);
        var clock = Stopwatch.StartNew();
        var jobs = files.Select(f => store.Add(File.ReadAllBytes(f), f).JobId!.Value).ToList();

        // A starts first and takes jobs; B joins; when both are working, A is killed with SIGKILL while it holds a job
        var a = Start("serve", "--postgres", conn, "--urls", "http://127.0.0.1:0");
        long? HeldBy(Process p)
        {
            using var db = store.Db();
            return db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Running && j.LeaseOwner!.Contains($"/{p.Id}/"))
                .Select(j => (long?)j.Id).FirstOrDefault();
        }
        WaitFor(() => HeldBy(a) is not null, TimeSpan.FromSeconds(240), "process A never claimed a job");
        var b = Start("serve", "--postgres", conn, "--urls", "http://127.0.0.1:0");
        WaitFor(() => HeldBy(b) is not null, TimeSpan.FromSeconds(240), "process B never claimed a job");
        WaitFor(() => HeldBy(a) is not null, TimeSpan.FromSeconds(60), "process A finished before it could be killed");
        a.Kill();
        a.WaitForExit();

        WaitFor(() => { using var db = store.Db(); return db.Jobs.All(j => j.Status == JobStatus.Done || j.Status == JobStatus.Failed); },
            TimeSpan.FromSeconds(120 + 5 * count), "the jobs were not all finished by process B");
        b.Kill();
        using var check = store.Db();
        var ownersOf = check.Jobs.AsNoTracking().Select(j => j.LeaseOwner).ToList();
        output.WriteLine($"{jobs.Count} jobs in {clock.Elapsed.TotalSeconds:0} s; done by A (killed) {ownersOf.Count(o => o != null && o.Contains($"/{a.Id}/"))}, " +
            $"by B {ownersOf.Count(o => o != null && o.Contains($"/{b.Id}/"))}; taken over after the kill {check.Jobs.Count(j => j.Attempts == 2)}");
        // none lost: the queue holds exactly the jobs of the uploads, every one done, one per document of a file
        var all = check.Jobs.AsNoTracking().ToList();
        Assert.Equal(jobs.Order(), all.Select(j => j.Id).Order());
        Assert.All(all, j => Assert.Equal(JobStatus.Done, j.Status));
        var documents = check.Documents.AsNoTracking().ToList();
        Assert.Equal(files.Count, documents.Count);
        Assert.Equal(documents.Select(d => d.Id).Order(), all.Select(j => j.DocumentId!.Value).Order());
        // every job ran to its commit once: every document ready with exactly one audit run
        Assert.All(documents, d => Assert.Equal(DocumentStatus.Ready, d.Status));
        var runsPerDocument = check.AuditRuns.AsNoTracking().Select(r => r.DocumentId).ToList().CountBy(x => x).ToList();
        Assert.Equal(documents.Count, runsPerDocument.Count);
        Assert.All(runsPerDocument, r => Assert.Equal(1, r.Value));
        // the job A held when killed was claimed again by B: its second attempt is the one that counted
        // (A may have committed the job seen a moment before the kill, but then it held the next one)
        Assert.Contains(check.Jobs.ToList(), j => j.Attempts == 2);
        Assert.DoesNotContain(check.Jobs.ToList(), j => j.Attempts > 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(199)]
    [InlineData(9_999)]
    public void GeneratedCopiesOfTheDemoAreDistinctAndReadWithTheirDepartmentAndYear(int i)
    {
        var copies = Enumerable.Range(0, 10_000).Select(DemoCopy).ToList();
        Assert.Equal(copies.Count, copies.Distinct().Count());
        Assert.All(copies, c => Assert.InRange(c.Year, 2016, 2029));
        var (district, year) = DemoCopy(i);
        var text = DemoText(File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md")), i);
        var read = new Gongkai.Recognition.DisclosureReader().Read("demo.md", System.Text.Encoding.UTF8.GetBytes(text)).Disclosure;
        Assert.Equal(year, read.Year);
        Assert.Equal(district + "医疗保障局", DepartmentNames.Clean(read.DepartmentName));
    }

    [Fact]
    public void ImportKilledMidwayAndRestartedImportsEveryFileOnce()
    {
        var db = Path.Combine(_dir, "import.db");
        var files = WriteDocuments(6);
        var folder = Path.GetDirectoryName(files[0])!;
        var store = new GongkaiStore(StoreConnection.Sqlite(db));
        store.Migrate();

        var import = Start("import", folder, "--store", db, "--jobs", "1");
        WaitFor(() => { using var ctx = store.Db(); return ctx.Documents.Count(d => d.Status == DocumentStatus.Ready) >= 1; },
            TimeSpan.FromSeconds(240), "the import never finished a document");
        import.Kill();
        import.WaitForExit();
        int before;
        using (var ctx = store.Db()) before = ctx.Documents.Count(d => d.Status == DocumentStatus.Ready);
        Assert.True(before < files.Count, "the import finished before it could be killed");

        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(0, new CliApp(o, e).Run(["import", folder, "--store", db]));
        using var check = store.Db();
        Assert.Equal(files.Count, check.Documents.Count());
        Assert.Equal(files.Count, check.Files.Count());
        Assert.All(check.Documents.ToList(), d => Assert.Equal(DocumentStatus.Ready, d.Status));
        Assert.Equal(files.Count, check.AuditRuns.Count());
        Assert.Contains($"已审核 {files.Count}", e.ToString());
    }
}
