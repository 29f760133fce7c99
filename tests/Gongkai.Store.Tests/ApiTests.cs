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

/// <summary>The HTTP API on a real Kestrel (127.0.0.1, a free port) over a real SQLite store.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-api-").FullName;
    private GongkaiStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _reviewer = "", _viewer = "";

    public async Task InitializeAsync()
    {
        _store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, "api.db")));
        _store.Migrate();
        _reviewer = _store.CreateToken("alice", Roles.Reviewer);
        _viewer = _store.CreateToken("bob", Roles.Viewer);
        _app = GongkaiServer.Build(_store, new ServerOptions { Urls = ["http://127.0.0.1:0"] });
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

    private HttpRequestMessage Request(HttpMethod method, string url, string? token, HttpContent? content = null)
    {
        var r = new HttpRequestMessage(method, url) { Content = content };
        if (token is not null) r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return r;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    private async Task<JsonElement> Json(HttpMethod method, string url, string? token, HttpStatusCode expected, HttpContent? content = null)
    {
        using var response = await _http.SendAsync(Request(method, url, token, content));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task UploadWatchJobReadFindingsDismissAndReUpload()
    {
        var pdf = await File.ReadAllBytesAsync(Shared.Pdf("shanghai-putuo-finance-bureau-2024-final.pdf"));

        // no token: 401 with a Chinese problem; a viewer may read but not upload
        var unauthorized = await Json(HttpMethod.Get, "/api/v1/documents", null, HttpStatusCode.Unauthorized);
        Assert.Equal("未登录", unauthorized.GetProperty("title").GetString());
        await Json(HttpMethod.Post, "/api/v1/documents", _viewer, HttpStatusCode.Forbidden, Upload(pdf, "x.pdf"));

        var accepted = await Json(HttpMethod.Post, "/api/v1/documents", _reviewer, HttpStatusCode.Accepted, Upload(pdf, "../../etc/passwd"));
        var docId = accepted.GetProperty("documentId").GetInt64();
        var jobId = accepted.GetProperty("jobId").GetInt64();
        JsonElement job = default;
        for (int i = 0; i < 240; i++)
        {
            job = await Json(HttpMethod.Get, $"/api/v1/jobs/{jobId}", _viewer, HttpStatusCode.OK);
            if (job.GetProperty("status").GetString() is "done" or "failed") break;
            await Task.Delay(250);
        }
        Assert.Equal("done", job.GetProperty("status").GetString());

        var doc = await Json(HttpMethod.Get, $"/api/v1/documents/{docId}", _viewer, HttpStatusCode.OK);
        Assert.Equal("ready", doc.GetProperty("status").GetString());
        Assert.Equal("passwd", doc.GetProperty("name").GetString()); // only the base name, kept as a label
        Assert.Equal("上海市普陀区财政局", doc.GetProperty("department").GetString());
        Assert.Equal(2024, doc.GetProperty("year").GetInt32());
        Assert.Equal("决算", doc.GetProperty("kind").GetString());

        var findings = await Json(HttpMethod.Get, $"/api/v1/documents/{docId}/findings", _viewer, HttpStatusCode.OK);
        Assert.True(findings.GetArrayLength() > 0);
        var first = findings[0];
        var id = first.GetProperty("id").GetString()!;
        foreach (var p in new[] { "severity", "rule", "message", "expected", "found", "difference", "locations", "dismissal" })
            Assert.True(first.TryGetProperty(p, out _), p);
        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("locations").EnumerateArray().Any(l => l.GetProperty("page").ValueKind == JsonValueKind.Number));

        var url = $"/api/v1/documents/{docId}/findings/{id}/dismissal";
        await Json(HttpMethod.Put, url, _viewer, HttpStatusCode.Forbidden, JsonContent.Create(new { reason = "x" }));
        await Json(HttpMethod.Put, url, _reviewer, HttpStatusCode.BadRequest, JsonContent.Create(new { reason = "  " }));
        await Json(HttpMethod.Put, $"/api/v1/documents/{docId}/findings/0000/dismissal", _reviewer, HttpStatusCode.NotFound, JsonContent.Create(new { reason = "x" }));
        var dismissal = await Json(HttpMethod.Put, url, _reviewer, HttpStatusCode.OK, JsonContent.Create(new { reason = "已与决算报表核对，属排版问题" }));
        Assert.Equal("alice", dismissal.GetProperty("by").GetString());

        // the same bytes again: the same document, the finding still dismissed
        var again = await Json(HttpMethod.Post, "/api/v1/documents", _reviewer, HttpStatusCode.Accepted, Upload(pdf, "again.pdf"));
        Assert.Equal(docId, again.GetProperty("documentId").GetInt64());
        Assert.False(again.GetProperty("isNew").GetBoolean());
        findings = await Json(HttpMethod.Get, $"/api/v1/documents/{docId}/findings", _viewer, HttpStatusCode.OK);
        var still = findings.EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);
        Assert.Equal("已与决算报表核对，属排版问题", still.GetProperty("dismissal").GetProperty("reason").GetString());

        await Json(HttpMethod.Delete, url, _reviewer, HttpStatusCode.NoContent);
        findings = await Json(HttpMethod.Get, $"/api/v1/documents/{docId}/findings", _viewer, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, findings.EnumerateArray().Single(f => f.GetProperty("id").GetString() == id).GetProperty("dismissal").ValueKind);

        // departments, series, filters, rules
        var deps = await Json(HttpMethod.Get, "/api/v1/departments", _viewer, HttpStatusCode.OK);
        var dep = deps.EnumerateArray().Single();
        var depId = dep.GetProperty("id").GetInt64();
        var series = await Json(HttpMethod.Get, $"/api/v1/departments/{depId}/series", _viewer, HttpStatusCode.OK);
        var point = series.GetProperty("points").EnumerateArray().Single();
        Assert.Equal(2024, point.GetProperty("year").GetInt32());
        Assert.True(point.GetProperty("figures").GetArrayLength() > 0);
        Assert.Equal(1, (await Json(HttpMethod.Get, $"/api/v1/documents?department={depId}&year=2024&kind=决算", _viewer, HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await Json(HttpMethod.Get, "/api/v1/documents?year=2023", _viewer, HttpStatusCode.OK)).GetArrayLength());
        var rules = await Json(HttpMethod.Get, "/api/v1/rules", _viewer, HttpStatusCode.OK);
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == "GK101");

        // the audit log names who uploaded and who dismissed
        using var db = _store.Db();
        var log = db.AuditLog.OrderBy(e => e.Id).Select(e => e.Actor + " " + e.Action).ToList();
        Assert.Contains("alice document.upload", log);
        Assert.Contains("alice finding.dismiss", log);
        Assert.Contains("alice finding.undismiss", log);
    }

    [Fact]
    public async Task HealthOpenApiAndContentChecks()
    {
        using (var health = await _http.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var openapi = await _http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/documents/{id}/findings/{findingId}/dismissal", openapi);
        // a bad token is 401, an executable is refused by its content whatever it is called
        await Json(HttpMethod.Get, "/api/v1/rules", "gk_not-a-token", HttpStatusCode.Unauthorized);
        var elf = new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 1, 2, 3 };
        var refused = await Json(HttpMethod.Post, "/api/v1/documents", _reviewer, HttpStatusCode.UnsupportedMediaType, Upload(elf, "budget.pdf"));
        Assert.Equal("不支持的文件类型", refused.GetProperty("title").GetString());
        await Json(HttpMethod.Post, "/api/v1/documents", _reviewer, HttpStatusCode.BadRequest, new MultipartFormDataContent());
        await Json(HttpMethod.Get, "/api/v1/documents/999", _viewer, HttpStatusCode.NotFound);
        using var db = _store.Db();
        Assert.Empty(db.Documents);
    }

    [Fact]
    public async Task OnlyAdminsChangeDepartmentsAndReadTheAuditLog()
    {
        var admin = _store.CreateToken("root", Roles.Admin);
        var r = _store.Add(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(StoreContract.RepoRoot, "samples", "demo-budget-2024.md"))), "demo.md");
        var owner = JobQueue.NewOwner();
        for (int i = 0; i < 50 && _store.Job(r.JobId!.Value)!.Status != JobStatus.Done; i++)
            if (!_store.RunOne(owner)) await Task.Delay(100); // the server's worker may take it first
        var depId = _store.Document(r.DocumentId)!.Document.DepartmentId!.Value;
        var body = JsonContent.Create(new { region = "青川区", level = "区县", type = "行政" });
        await Json(HttpMethod.Patch, $"/api/v1/departments/{depId}", _reviewer, HttpStatusCode.Forbidden, body);
        await Json(HttpMethod.Patch, $"/api/v1/departments/{depId}", admin, HttpStatusCode.BadRequest, JsonContent.Create(new { level = "乡镇" }));
        var dep = await Json(HttpMethod.Patch, $"/api/v1/departments/{depId}", admin, HttpStatusCode.OK,
            JsonContent.Create(new { region = "青川区", level = "区县", type = "行政" }));
        Assert.Equal(("青川区", "区县", "行政"), (dep.GetProperty("region").GetString(), dep.GetProperty("level").GetString(), dep.GetProperty("type").GetString()));
        await Json(HttpMethod.Get, "/api/v1/audit-log", _viewer, HttpStatusCode.Forbidden);
        var log = await Json(HttpMethod.Get, "/api/v1/audit-log", admin, HttpStatusCode.OK);
        Assert.Equal("department.update", log[0].GetProperty("action").GetString());
        Assert.Equal("root", log[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task UploadsOverTheSizeLimitAndTooManyRequestsAreRefused()
    {
        var store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, "small.db"))) { MaxBytes = 2000 };
        store.Migrate();
        var token = store.CreateToken("alice", Roles.Reviewer);
        await using var app = GongkaiServer.Build(store, new ServerOptions { Urls = ["http://127.0.0.1:0"], RequestsPerMinute = 5, RunWorker = false });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var big = Encoding.UTF8.GetBytes(new string('数', 3000));
        var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = Upload(big, "big.txt") };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var r = await http.SendAsync(post)) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
        {
            var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rules");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var r = await http.SendAsync(get);
            codes.Add(r.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        await app.StopAsync();
    }
}
