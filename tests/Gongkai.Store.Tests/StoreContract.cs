using System.Collections.Concurrent;
using System.Text;
using Gongkai.Store.Entities;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store.Tests;

/// <summary>
/// What the store must do on every provider, run once on a SQLite file and once on a real PostgreSQL.
/// Documents are the project's demo budget (a text disclosure) with one narrative figure changed, so it has a
/// known 错误 to fingerprint and dismiss.
/// </summary>
public abstract class StoreContract
{
    protected abstract GongkaiStore NewStore(TimeSpan? lease = null);

    private static string DemoText => File.ReadAllText(Path.Combine(RepoRoot, "samples", "demo-budget-2024.md"));

    internal static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException("Gongkai.slnx");
        }
    }

    /// <summary>The demo with 卫生健康支出 printed as 3191.96 in the narrative while the tables say 3191.86.</summary>
    internal static string Defective(string text)
    {
        Assert.Contains("卫生健康支出3191.86万元", text);
        return text.Replace("卫生健康支出3191.86万元", "卫生健康支出3191.96万元");
    }

    private static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s);

    private static void Drain(GongkaiStore store)
    {
        var owner = JobQueue.NewOwner();
        while (store.RunOne(owner)) { }
    }

    /// <summary>
    /// Migrate() does not compare the model with the migrations at run time (too slow for a short command), so this
    /// test does: the model has no change that a migration lacks, and a migrated store opens again as it is.
    /// </summary>
    [Fact]
    public void MigrationsMatchTheModelAndAnUpToDateStoreOpensWithoutMigrating()
    {
        var store = NewStore();
        using (var db = store.Db())
        {
            Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: add one with dotnet ef migrations add");
            Assert.Empty(db.Database.GetPendingMigrations());
            Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        }
        var added = store.Add(Utf8(DemoText), "demo.md");
        store.Migrate();
        Drain(store);
        Assert.Equal(DocumentStatus.Ready, store.Document(added.DocumentId)!.Document.Status);
    }

    [Fact]
    public void SameBytesTwiceAreOneDocumentAndProcessingFillsFactsAndFindings()
    {
        var store = NewStore();
        var bytes = Utf8(Defective(DemoText));
        var first = store.Add(bytes, "a/b/青川.md");
        var second = store.Add(bytes, "other-name.md");
        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.Equal(first.JobId, second.JobId);
        Drain(store);

        var doc = store.Document(first.DocumentId)!;
        Assert.Equal(DocumentStatus.Ready, doc.Document.Status);
        Assert.Equal("青川.md", doc.Document.OriginalName);
        Assert.Equal("青川区医疗保障局", doc.DepartmentName);
        Assert.Equal(("预算", 2024, 1), (doc.Document.Kind, doc.Document.Year, doc.Document.Version));
        Assert.Equal(JobStatus.Done, store.Job(first.JobId!.Value)!.Status);
        using var db = store.Db();
        Assert.Equal(1, db.Files.Count());
        Assert.Equal(GongkaiStore.Sha256Of(bytes), db.Files.Single().Sha256);
        // the fact table holds the tables' figures in 万元 with their line back into the source
        var health = db.Facts.Where(f => f.DocumentId == first.DocumentId && f.Code == "210").ToList();
        Assert.Contains(health, f => f.ValueWanYuan == 3191.86m && f.Line > 0);
        var findings = store.FindingsOf(first.DocumentId);
        Assert.Contains(findings, f => f.Finding.Severity == "error" && f.Finding.Message.Contains("3191.96"));
        Assert.All(findings, f => Assert.Matches("^[0-9a-f]{32}$", f.Finding.Fingerprint));
        Assert.Equal(findings.Count, findings.Select(f => f.Finding.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void DismissalSurvivesReRunsAndNewVersionsAndShowsAsHintNextYear()
    {
        var store = NewStore();
        var text = Defective(DemoText);
        var v1 = store.Add(Utf8(text), "v1.md");
        Drain(store);
        var finding = store.FindingsOf(v1.DocumentId).First(f => f.Finding.Message.Contains("3191.96")).Finding;
        Assert.Throws<ArgumentException>(() => store.Dismiss(v1.DocumentId, finding.Fingerprint, " ", "alice"));
        Assert.NotNull(store.Dismiss(v1.DocumentId, finding.Fingerprint, "叙述数字已与财政局核对", "alice"));

        // re-run of the same document: a new audit run, same fingerprint, still dismissed
        using (var db = store.Db())
        {
            JobQueue.Enqueue(db, GongkaiStore.ProcessJob, v1.DocumentId);
            db.SaveChanges();
        }
        Drain(store);
        using (var db = store.Db()) Assert.Equal(2, db.AuditRuns.Count(r => r.DocumentId == v1.DocumentId));
        var rerun = store.FindingsOf(v1.DocumentId).Single(f => f.Finding.Fingerprint == finding.Fingerprint);
        Assert.Equal("叙述数字已与财政局核对", rerun.Dismissal?.Reason);

        // a corrected re-publication with every line moved down: version 2, same meaning, still dismissed
        var v2Text = text.Replace("## 一、部门基本情况", "（本版更正了附表格式。）\n\n\n## 一、部门基本情况");
        var v2 = store.Add(Utf8(v2Text), "v2.md");
        Drain(store);
        var doc2 = store.Document(v2.DocumentId)!;
        Assert.Equal(2, doc2.Document.Version);
        Assert.Equal(store.Document(v1.DocumentId)!.Document.DepartmentId, doc2.Document.DepartmentId);
        var same = store.FindingsOf(v2.DocumentId).Single(f => f.Finding.Fingerprint == finding.Fingerprint);
        Assert.NotEqual(
            System.Text.Json.JsonSerializer.Deserialize<List<LocationView>>(finding.LocationsJson)![0].Line,
            System.Text.Json.JsonSerializer.Deserialize<List<LocationView>>(same.Finding.LocationsJson)![0].Line);
        Assert.NotNull(same.Dismissal);

        // next year's document with the same defect: not dismissed, but the hint tells last year's reason
        var nextYear = text.Replace("2024", "2025");
        var v3 = store.Add(Utf8(nextYear), "2025.md");
        Drain(store);
        Assert.Equal(2025, store.Document(v3.DocumentId)!.Document.Year);
        var next = store.FindingsOf(v3.DocumentId).Single(f => f.Finding.YearlessFingerprint == finding.YearlessFingerprint);
        Assert.NotEqual(finding.Fingerprint, next.Finding.Fingerprint);
        Assert.Null(next.Dismissal);
        Assert.Equal("叙述数字已与财政局核对", next.LastYearDismissal?.Reason);

        // undo
        Assert.True(store.Undismiss(finding.Fingerprint, "bob"));
        Assert.Null(store.FindingsOf(v1.DocumentId).Single(f => f.Finding.Fingerprint == finding.Fingerprint).Dismissal);
        Assert.False(store.Undismiss(finding.Fingerprint, "bob"));
        using var db2 = store.Db();
        Assert.Equal(["document.upload", "document.upload", "document.upload", "finding.dismiss", "finding.undismiss"],
            db2.AuditLog.OrderBy(e => e.Action).Select(e => e.Action).ToList());
    }

    [Fact]
    public void DismissalsMadeUnderAMergedAwayDepartmentStillApplyAndHintNextYear()
    {
        var store = NewStore();
        var text = Defective(DemoText);
        // 2024 under the full name; 2025 printed under a short name: two department records
        var a = store.Add(Utf8(text), "2024.md");
        var b = store.Add(Utf8(text.Replace("2024", "2025").Replace("青川区医疗保障局", "青川区医保局")), "2025.md");
        Drain(store);
        var into = store.Document(a.DocumentId)!.Document.DepartmentId!.Value;
        var from = store.Document(b.DocumentId)!.Document.DepartmentId!.Value;
        Assert.NotEqual(into, from);
        var before = store.FindingsOf(b.DocumentId).First(f => f.Finding.Message.Contains("3191.96")).Finding;
        Assert.NotNull(store.Dismiss(b.DocumentId, before.Fingerprint, "叙述数字已与财政局核对", "alice"));
        var kept = store.FindingsOf(a.DocumentId).First(f => f.Finding.Message.Contains("3191.96")).Finding;
        Assert.NotNull(store.Dismiss(a.DocumentId, kept.Fingerprint, "原部门记录的忽略", "alice"));

        // the merge queues the moved document; processed again, its finding has the remaining record's fingerprint
        store.MergeDepartments(into, from, "root");
        Drain(store);
        var after = store.FindingsOf(b.DocumentId).Single(f => f.Finding.RuleId == before.RuleId && f.Finding.Message == before.Message);
        Assert.NotEqual(before.Fingerprint, after.Finding.Fingerprint);
        Assert.Equal(("叙述数字已与财政局核对", "alice"), (after.Dismissal?.Reason, after.Dismissal?.By));
        // the remaining record's own dismissal is untouched
        Assert.Equal("原部门记录的忽略", store.FindingsOf(a.DocumentId).Single(f => f.Finding.Fingerprint == kept.Fingerprint).Dismissal?.Reason);
        using (var db = store.Db())
        {
            Assert.Contains(db.AuditLog.ToList(), e => e.Action == "finding.dismiss.carry" && e.Subject == $"finding:{after.Finding.Fingerprint}");
            Assert.Equal((from, into), db.DepartmentMerges.Select(m => new { m.FromId, m.IntoId }).AsEnumerable().Select(m => (m.FromId, m.IntoId)).Single());
        }

        // next year, printed under the merged-away name: filed under the remaining record, with last year's reason as a hint
        var c = store.Add(Utf8(text.Replace("2024", "2026").Replace("青川区医疗保障局", "青川区医保局")), "2026.md");
        Drain(store);
        Assert.Equal(into, store.Document(c.DocumentId)!.Document.DepartmentId);
        var next = store.FindingsOf(c.DocumentId).Single(f => f.Finding.RuleId == before.RuleId && f.Finding.Message.Contains("3191.96"));
        Assert.Null(next.Dismissal);
        Assert.Equal("叙述数字已与财政局核对", next.LastYearDismissal?.Reason);

        // undoing the carried dismissal works like any other
        Assert.True(store.Undismiss(after.Finding.Fingerprint, "bob"));
        Assert.Null(store.FindingsOf(b.DocumentId).Single(f => f.Finding.Fingerprint == after.Finding.Fingerprint).Dismissal);
    }

    [Fact]
    public void AuditLogIsAppendOnlyInTheDatabase()
    {
        var store = NewStore();
        store.CreateToken("alice", Roles.Admin);
        using var db = store.Db();
        Assert.True(db.AuditLog.Any());
        Assert.ThrowsAny<Exception>(() => db.Database.ExecuteSqlRaw("UPDATE audit_log SET \"Actor\" = 'mallory'"));
        Assert.ThrowsAny<Exception>(() => db.Database.ExecuteSqlRaw("DELETE FROM audit_log"));
        var entry = db.AuditLog.First();
        entry.Actor = "mallory";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public void TokensAreStoredHashedAndIdentifyTheirUser()
    {
        var store = NewStore();
        var token = store.CreateToken("carol", Roles.Viewer);
        var again = store.CreateToken("carol", Roles.Reviewer);
        Assert.NotEqual(token, again);
        Assert.Equal(("carol", Roles.Reviewer), (store.Authenticate(token)!.Name, store.Authenticate(token)!.Role));
        Assert.Null(store.Authenticate(token + "x"));
        Assert.Null(store.Authenticate(""));
        using var db = store.Db();
        Assert.Equal(1, db.Users.Count());
        Assert.DoesNotContain(db.ApiTokens.ToList(), t => t.Hash == token || token.Contains(t.Hash));
        Assert.Equal(GongkaiStore.TokenHash(token), db.ApiTokens.OrderBy(t => t.Id).First().Hash);
    }

    [Fact]
    public void DocumentWithoutDepartmentWaitsForDetailsInsteadOfAGuess()
    {
        // the national blank template names its department "XX局": no department, so it is not filed under one
        var store = NewStore();
        var bytes = File.ReadAllBytes(Shared.Pdf("national-final-template-2024.pdf"));
        var r = store.Add(bytes, "template.pdf");
        Drain(store);
        var doc = store.Document(r.DocumentId)!;
        Assert.Equal(DocumentStatus.NeedsDetails, doc.Document.Status);
        Assert.Contains("部门", doc.Document.StatusDetail);
        Assert.Empty(store.Departments());
        // the same bytes uploaded again with the department given: processed under that name
        var again = store.Add(bytes, "template.pdf", new DocumentHints("青川区医疗保障局"));
        Assert.Equal(r.DocumentId, again.DocumentId);
        Assert.NotEqual(r.JobId, again.JobId);
        Drain(store);
        doc = store.Document(r.DocumentId)!;
        Assert.Equal((DocumentStatus.Ready, "青川区医疗保障局", "决算", 2024), (doc.Document.Status, doc.DepartmentName, doc.Document.Kind, doc.Document.Year));
    }

    [Fact]
    public async Task TwoWorkersDoEveryJobExactlyOnce()
    {
        var store = NewStore();
        const int n = 60;
        using (var db = store.Db())
        {
            for (int i = 0; i < n; i++) JobQueue.Enqueue(db, GongkaiStore.NoopJob, null);
            db.SaveChanges();
        }
        var doneBy = new ConcurrentDictionary<long, ConcurrentBag<string>>();
        var workers = new[] { "w1", "w2" }.Select(name => Task.Run(() =>
        {
            var owner = JobQueue.NewOwner() + name;
            while (store.RunOne(owner, j => doneBy.GetOrAdd(j.Id, _ => []).Add(name))) { }
        })).ToArray();
        await Task.WhenAll(workers);
        using var check = store.Db();
        Assert.Equal(n, check.Jobs.Count(j => j.Status == JobStatus.Done && j.Attempts == 1));
        Assert.Equal(n, doneBy.Count);
        Assert.All(doneBy.Values, b => Assert.Single(b));
    }

    [Fact]
    public void ExpiredLeaseIsTakenOverAndTheLateWorkerCannotComplete()
    {
        var store = NewStore(TimeSpan.FromMilliseconds(200));
        using var db = store.Db();
        var job = JobQueue.Enqueue(db, GongkaiStore.NoopJob, null);
        db.SaveChanges();
        var claimed = JobQueue.Claim(db, "dead-worker", TimeSpan.FromMilliseconds(200));
        Assert.Equal(job.Id, claimed);
        Assert.Null(JobQueue.Claim(db, "other", TimeSpan.FromMinutes(1)));
        Thread.Sleep(400);
        Assert.Equal(job.Id, JobQueue.Claim(db, "other", TimeSpan.FromMinutes(1)));
        Assert.Throws<LeaseLostException>(() => JobQueue.Complete(db, job.Id, "dead-worker"));
        JobQueue.Complete(db, job.Id, "other");
        var after = db.Jobs.AsNoTracking().Single(j => j.Id == job.Id);
        Assert.Equal((JobStatus.Done, 2), (after.Status, after.Attempts));
    }

    [Fact]
    public void FailingJobIsRetriedThenDeadLettered()
    {
        var store = NewStore();
        using var db = store.Db();
        var job = JobQueue.Enqueue(db, GongkaiStore.NoopJob, null, maxAttempts: 2);
        db.SaveChanges();
        Assert.Equal(job.Id, JobQueue.Claim(db, "w", TimeSpan.FromMinutes(1)));
        JobQueue.Fail(db, job.Id, "w", "第一次失败", TimeSpan.Zero);
        var mid = db.Jobs.AsNoTracking().Single(j => j.Id == job.Id);
        Assert.Equal((JobStatus.Queued, "第一次失败"), (mid.Status, mid.LastError));
        Assert.Equal(job.Id, JobQueue.Claim(db, "w", TimeSpan.FromMinutes(1)));
        JobQueue.Fail(db, job.Id, "w", "第二次失败", TimeSpan.Zero);
        var dead = db.Jobs.AsNoTracking().Single(j => j.Id == job.Id);
        Assert.Equal((JobStatus.Failed, 2, "第二次失败"), (dead.Status, dead.Attempts, dead.LastError));
        Assert.Null(JobQueue.Claim(db, "w", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void UnreadableFileIsRecordedNotRetried()
    {
        var store = NewStore();
        var r = store.Add("%PDF-1.4\nnot really a pdf"u8.ToArray(), "broken.pdf");
        Drain(store);
        var doc = store.Document(r.DocumentId)!;
        Assert.Equal(DocumentStatus.Unreadable, doc.Document.Status);
        Assert.False(string.IsNullOrEmpty(doc.Document.StatusDetail));
        Assert.Equal((JobStatus.Done, 1), (store.Job(r.JobId!.Value)!.Status, store.Job(r.JobId!.Value)!.Attempts));
    }
}

public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-store-").FullName;
    private int _n;

    protected override GongkaiStore NewStore(TimeSpan? lease = null)
    {
        var store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, $"s{++_n}.db"))) { Lease = lease ?? TimeSpan.FromMinutes(5) };
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
public sealed class PostgresStoreTests(PostgresCluster pg) : StoreContract
{
    protected override GongkaiStore NewStore(TimeSpan? lease = null)
    {
        var store = new GongkaiStore(StoreConnection.Postgres(pg.NewDatabase())) { Lease = lease ?? TimeSpan.FromMinutes(5) };
        store.Migrate();
        return store;
    }
}
