using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Api;
using Gongkai.Store.Entities;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Gongkai.Store.Tests;

/// <summary>
/// Users limited to some departments, on a real Kestrel over a SQLite store holding the five seeds (five 医疗保障局)
/// and the two demo budgets (青川区医疗保障局 2024, 2025): every endpoint keeps them to their departments.
/// </summary>
public sealed class ScopeApiTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-scope-api-").FullName;
    private GongkaiStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _admin = "", _scoped = "", _viewer = "";
    private long _own, _other, _ownDoc, _otherDoc;
    private string _otherName = "";

    public async Task InitializeAsync()
    {
        _store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, "api.db")));
        _store.Migrate();
        foreach (var f in Directory.GetFiles(Path.Combine(Shared.Root, "seeds"), "0*.txt").Order(StringComparer.Ordinal))
            _store.Add(File.ReadAllBytes(f), Path.GetFileName(f));
        // the 2024 budget with a known 错误 (a narrative figure changed), the 2025 one as published
        _store.Add(Encoding.UTF8.GetBytes(StoreContract.Defective(File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md")))), "2024.md");
        _store.Add(File.ReadAllBytes(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2025.md")), "2025.md");
        var owner = JobQueue.NewOwner();
        while (_store.RunOne(owner)) { }
        _own = _store.Departments().Single(d => d.Name == "青川区医疗保障局").Id;
        _ownDoc = _store.Documents(_own, 2024).Single().Document.Id;
        // another department's document with findings
        _otherDoc = _store.Documents().Select(d => d.Document).First(d => d.DepartmentId != _own && _store.FindingsOf(d.Id).Count > 0).Id;
        _other = _store.Document(_otherDoc)!.Document.DepartmentId!.Value;
        _otherName = _store.Department(_other)!.Name;
        _admin = _store.CreateToken("root", Roles.Admin);
        _viewer = _store.CreateToken("bob", Roles.Viewer);
        _scoped = _store.CreateToken("carol", Roles.Reviewer);
        Assert.True(_store.SetUserDepartments("carol", [_own], "root"));
        _app = GongkaiServer.Build(_store, new ServerOptions { Urls = ["http://127.0.0.1:0"], RunWorker = false });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private async Task<JsonElement> Json(HttpMethod method, string url, string token, HttpStatusCode expected, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {body}");
        return body.Length == 0 || !body.TrimStart().StartsWith('{') && !body.TrimStart().StartsWith('[') ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name, string? department = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        if (department is not null) form.Add(new StringContent(department), "department");
        return form;
    }

    private static IEnumerable<long> Ids(JsonElement list, string property = "id") =>
        list.EnumerateArray().Select(e => e.GetProperty(property).GetInt64());

    [Fact]
    public async Task AScopedReviewerSeesAndDismissesOnlyItsDepartments()
    {
        // documents and departments: only its own
        var docs = await Json(HttpMethod.Get, "/api/v1/documents", _scoped, HttpStatusCode.OK);
        Assert.Equal(2, docs.GetArrayLength());
        Assert.All(docs.EnumerateArray(), d => Assert.Equal(_own, d.GetProperty("departmentId").GetInt64()));
        Assert.True((await Json(HttpMethod.Get, "/api/v1/documents", _viewer, HttpStatusCode.OK)).GetArrayLength() == 7);
        Assert.Equal([_own], Ids(await Json(HttpMethod.Get, "/api/v1/departments", _scoped, HttpStatusCode.OK)));
        await Json(HttpMethod.Get, $"/api/v1/documents?department={_other}", _scoped, HttpStatusCode.OK);
        Assert.Equal(0, (await Json(HttpMethod.Get, $"/api/v1/documents?department={_other}", _scoped, HttpStatusCode.OK)).GetArrayLength());

        // another department's document, findings, file, report and job: not found (its existence is not told)
        await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}/findings", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}/file", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}/report.html", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}/source", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}/annotated.pdf", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/departments/{_other}/cross-findings", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/departments/{_own}/cross-findings", _scoped, HttpStatusCode.OK);
        var otherJob = _store.Document(_otherDoc)!.LatestJobId!.Value;
        await Json(HttpMethod.Get, $"/api/v1/jobs/{otherJob}", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/jobs/{otherJob}", _viewer, HttpStatusCode.OK);
        await Json(HttpMethod.Get, $"/api/v1/jobs/{_store.Document(_ownDoc)!.LatestJobId}", _scoped, HttpStatusCode.OK);

        // dismissing another department's finding (found through an unlimited user) is refused, its own works
        var otherFinding = (await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}/findings", _viewer, HttpStatusCode.OK))[0].GetProperty("id").GetString();
        await Json(HttpMethod.Put, $"/api/v1/documents/{_otherDoc}/findings/{otherFinding}/dismissal", _scoped, HttpStatusCode.NotFound,
            JsonContent.Create(new { reason = "不是我的部门" }));
        await Json(HttpMethod.Delete, $"/api/v1/documents/{_otherDoc}/findings/{otherFinding}/dismissal", _scoped, HttpStatusCode.NotFound);
        // nor through its own document's URL
        await Json(HttpMethod.Put, $"/api/v1/documents/{_ownDoc}/findings/{otherFinding}/dismissal", _scoped, HttpStatusCode.NotFound,
            JsonContent.Create(new { reason = "不是我的部门" }));
        var own = await Json(HttpMethod.Get, $"/api/v1/documents/{_ownDoc}/findings", _scoped, HttpStatusCode.OK);
        var ownFinding = own.EnumerateArray().First(f => f.GetProperty("message").GetString()!.Contains("3191.96")).GetProperty("id").GetString();
        await Json(HttpMethod.Put, $"/api/v1/documents/{_ownDoc}/findings/{ownFinding}/dismissal", _scoped, HttpStatusCode.OK,
            JsonContent.Create(new { reason = "已核对" }));
        using (var db = _store.Db())
            Assert.DoesNotContain(db.AuditLog.Where(e => e.Actor == "carol").Select(e => e.Subject).ToList(), s => s == $"finding:{otherFinding}");

        // analysis: its own series and execution, not the others'; peers only among its departments
        await Json(HttpMethod.Get, $"/api/v1/departments/{_own}/series", _scoped, HttpStatusCode.OK);
        await Json(HttpMethod.Get, $"/api/v1/departments/{_other}/series", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/departments/{_other}/series?format=csv", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/departments/{_other}/execution?year=2024", _scoped, HttpStatusCode.NotFound);
        await Json(HttpMethod.Get, $"/api/v1/compare?year=2024&kind=预算&measure=expenditure_total&department={_other}", _scoped, HttpStatusCode.NotFound);
        // the seeds' 2022 budgets: three 医疗保障局 for an unlimited user, none of them the scoped user's
        var all = await Json(HttpMethod.Get, "/api/v1/compare?year=2022&kind=预算&measure=expenditure_total&type=医疗保障局", _viewer, HttpStatusCode.OK);
        Assert.True(all.GetProperty("peers").GetArrayLength() >= 2);
        var mine = await Json(HttpMethod.Get, "/api/v1/compare?year=2022&kind=预算&measure=expenditure_total&type=医疗保障局", _scoped, HttpStatusCode.OK);
        Assert.All(mine.GetProperty("peers").EnumerateArray(), p => Assert.Equal(_own, p.GetProperty("departmentId").GetInt64()));
        Assert.Equal(0, mine.GetProperty("peers").GetArrayLength());

        // uploads: not under another department's name, and not the bytes of another department's document
        var demo = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md")).Replace("2024", "2026"));
        await Json(HttpMethod.Post, "/api/v1/documents", _scoped, HttpStatusCode.Forbidden, Upload(demo, "x.md", _otherName));
        await Json(HttpMethod.Post, "/api/v1/documents", _scoped, HttpStatusCode.Forbidden, Upload(demo, "x.md", "某县从未见过的局"));
        var seed = _store.FileOf(_otherDoc)!.Value.Content;
        await Json(HttpMethod.Post, "/api/v1/documents", _scoped, HttpStatusCode.Forbidden, Upload(seed, "000.txt"));
        var accepted = await Json(HttpMethod.Post, "/api/v1/documents", _scoped, HttpStatusCode.Accepted, Upload(demo, "x.md", "青川区医疗保障局"));
        await Json(HttpMethod.Get, $"/api/v1/documents/{accepted.GetProperty("documentId").GetInt64()}", _scoped, HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminsSetScopesAndATokenNarrowsItsUsers()
    {
        // only admins set scopes; unknown departments are refused
        await Json(HttpMethod.Put, "/api/v1/users/carol/departments", _scoped, HttpStatusCode.Forbidden, JsonContent.Create(new { departments = (long[]?)null }));
        await Json(HttpMethod.Put, "/api/v1/users/carol/departments", _admin, HttpStatusCode.BadRequest, JsonContent.Create(new { departments = new[] { 987654L } }));
        await Json(HttpMethod.Put, "/api/v1/users/nobody/departments", _admin, HttpStatusCode.NotFound, JsonContent.Create(new { departments = new[] { _own } }));
        var users = await Json(HttpMethod.Get, "/api/v1/users", _admin, HttpStatusCode.OK);
        var carol = users.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "carol");
        Assert.Equal([_own], carol.GetProperty("departments").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(JsonValueKind.Null, users.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "bob").GetProperty("departments").ValueKind);

        // lifting the limit takes effect at once for the user's tokens
        var lifted = await Json(HttpMethod.Put, "/api/v1/users/carol/departments", _admin, HttpStatusCode.OK, JsonContent.Create(new { departments = (long[]?)null }));
        Assert.Equal(JsonValueKind.Null, lifted.GetProperty("departments").ValueKind);
        await Json(HttpMethod.Get, $"/api/v1/documents/{_otherDoc}", _scoped, HttpStatusCode.OK);
        Assert.Contains(_store.AuditLog(), e => e.Action == "user.departments" && e.Actor == "root" && e.Subject == "user:carol");

        // a token limited to one department, of a user limited to another: the intersection, nothing
        await Json(HttpMethod.Put, "/api/v1/users/carol/departments", _admin, HttpStatusCode.OK, JsonContent.Create(new { departments = new[] { _own } }));
        var narrow = _store.CreateToken("carol", Roles.Reviewer, "root", [_other]);
        Assert.Equal(0, (await Json(HttpMethod.Get, "/api/v1/documents", narrow, HttpStatusCode.OK)).GetArrayLength());
        await Json(HttpMethod.Get, $"/api/v1/documents/{_ownDoc}", narrow, HttpStatusCode.NotFound);
        // a token limited to one department of an unlimited user
        var viewerToken = _store.CreateToken("bob", Roles.Viewer, "root", [_other]);
        Assert.All((await Json(HttpMethod.Get, "/api/v1/documents", viewerToken, HttpStatusCode.OK)).EnumerateArray(),
            d => Assert.Equal(_other, d.GetProperty("departmentId").GetInt64()));
        await Json(HttpMethod.Get, $"/api/v1/departments/{_own}/series", viewerToken, HttpStatusCode.NotFound);
    }

    [Fact]
    public void AScopeIncludesSubDepartmentsAndFollowsAMerge()
    {
        // a unit under the department: in the department's scope
        var seeds = _store.Departments().Where(d => d.Id != _own && d.Id != _other).Select(d => d.Id).ToList();
        _store.UpdateDepartment(seeds[0], null, null, null, _own, "root");
        var scope = DepartmentScope.Of(_store, DepartmentScope.Format([_own]));
        Assert.True(scope.Allows(seeds[0]));
        Assert.False(scope.Allows(_other));
        Assert.False(DepartmentScope.Of(_store, "").Allows(_own));
        Assert.True(DepartmentScope.Of(_store, null).IsAll);
        // merging a scoped department away: the scope names the remaining record
        _store.SetUserDepartments("carol", [_other], "root");
        _store.MergeDepartments(seeds[1], _other, "root");
        var carol = _store.Users().Single(u => u.Name == "carol");
        Assert.Equal([seeds[1]], carol.Departments);
    }
}
