using Gongkai.Cli;
using Gongkai.Store.Entities;

namespace Gongkai.Store.Tests;

/// <summary>gongkai import and gongkai token create, run in-process on a SQLite file.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = new CliApp(o, e).Run(args);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void ImportIsRecursiveIdempotentAndReportsEachFile()
    {
        var docs = Path.Combine(_dir, "docs");
        Directory.CreateDirectory(Path.Combine(docs, "2024"));
        var demo = File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md"));
        File.WriteAllText(Path.Combine(docs, "demo.md"), demo);
        File.WriteAllText(Path.Combine(docs, "2024", "defective.md"), StoreContract.Defective(demo));
        File.WriteAllText(Path.Combine(docs, "notes.json"), "{}"); // not a document extension: not imported from a folder
        var db = Path.Combine(_dir, "lib.db");

        var first = Run("import", docs, "--store", db, "--jobs", "2");
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("[1/2]", first.Err);
        Assert.Contains("[2/2]", first.Err);
        Assert.Contains("青川区医疗保障局 2024 年预算", first.Err);
        Assert.Contains("新增 2，已在库中 0；已审核 2", first.Err);

        var second = Run("import", docs, Path.Combine(docs, "demo.md"), "--store", db);
        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("新增 0，已在库中 3", second.Err);

        var store = new GongkaiStore(StoreConnection.Sqlite(db));
        var all = store.Documents();
        Assert.Equal(2, all.Count);
        Assert.Equal([1, 2], all.Select(d => d.Document.Version).Order().ToArray());
        Assert.All(all, d => Assert.Equal(DocumentStatus.Ready, d.Document.Status));
    }

    [Fact]
    public void ImportResumesJobsLeftByAKilledRun()
    {
        var db = Path.Combine(_dir, "resume.db");
        var file = Path.Combine(_dir, "demo.md");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md")));
        // a run killed after storing the file and claiming its job: the lease is held by a process that is gone
        var store = new GongkaiStore(StoreConnection.Sqlite(db));
        store.Migrate();
        var added = store.Add(File.ReadAllBytes(file), file);
        using (var ctx = store.Db())
            Assert.Equal(added.JobId, JobQueue.Claim(ctx, $"{Environment.MachineName}/{int.MaxValue - 7}/dead", TimeSpan.FromHours(1)));

        var r = Run("import", file, "--store", db);
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("新增 0，已在库中 1；已审核 1", r.Err);
        var job = store.Job(added.JobId!.Value)!;
        Assert.Equal((JobStatus.Done, 2), (job.Status, job.Attempts));
    }

    [Fact]
    public void TokenCreatePrintsTheTokenAsTheLastLine()
    {
        var db = Path.Combine(_dir, "tok.db");
        var r = Run("token", "create", "--user", "dana", "--role", "viewer", "--store", db);
        Assert.Equal(0, r.Code);
        var token = r.Out.TrimEnd().Split('\n').Last().Trim();
        var user = new GongkaiStore(StoreConnection.Sqlite(db)).Authenticate(token);
        Assert.Equal(("dana", Roles.Viewer), (user?.Name, user?.Role));

        Assert.Equal(64, Run("token", "create", "--user", "dana", "--role", "owner", "--store", db).Code);
        Assert.Equal(64, Run("import", "x", "--store", db, "--postgres", "Host=x").Code);
        Assert.Equal(64, Run("import", "--store", db).Code);
    }

    [Fact]
    public void UserScopeAndScopedTokensNameDepartmentsByIdOrName()
    {
        var db = Path.Combine(_dir, "scope.db");
        var docs = Directory.CreateDirectory(Path.Combine(_dir, "scope-docs")).FullName;
        File.Copy(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md"), Path.Combine(docs, "demo.md"));
        Assert.Equal(0, Run("import", docs, "--store", db).Code);
        var store = new GongkaiStore(StoreConnection.Sqlite(db));
        var dept = store.Departments().Single().Id;

        var add = Run("user", "add", "erin", "--role", "reviewer", "--departments", "青川区医疗保障局", "--store", db);
        Assert.True(add.Code == 0, add.Err);
        Assert.Equal([dept], store.Users().Single(u => u.Name == "erin").Departments);
        Assert.Contains($"部门 {dept}", Run("user", "list", "--store", db).Out);
        Assert.Equal(0, Run("user", "scope", "erin", "--all", "--store", db).Code);
        Assert.Null(store.Users().Single(u => u.Name == "erin").Departments);
        Assert.Equal(0, Run("user", "scope", "erin", "--departments", dept.ToString(), "--store", db).Code);
        Assert.Equal([dept], store.Users().Single(u => u.Name == "erin").Departments);
        // an unknown department, or neither --departments nor --all: usage errors
        Assert.Equal(64, Run("user", "scope", "erin", "--departments", "不存在的局", "--store", db).Code);
        Assert.Equal(64, Run("user", "scope", "erin", "--store", db).Code);

        var token = Run("token", "create", "--user", "erin", "--role", "reviewer", "--departments", dept.ToString(), "--store", db);
        Assert.True(token.Code == 0, token.Err);
        var (user, tokenDepartments) = store.AuthenticateToken(token.Out.TrimEnd().Split('\n').Last().Trim())!.Value;
        Assert.Equal(("erin", dept.ToString()), (user.Name, tokenDepartments));
    }
}
