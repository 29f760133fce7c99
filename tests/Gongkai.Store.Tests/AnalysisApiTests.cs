using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gongkai.Api;
using Gongkai.Store.Entities;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Gongkai.Store.Tests;

/// <summary>The analysis endpoints on a real Kestrel over a SQLite store holding the five seeds and the two demo budgets.</summary>
public sealed class AnalysisApiTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-analysis-api-").FullName;
    private GongkaiStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _store = new GongkaiStore(StoreConnection.Sqlite(Path.Combine(_dir, "api.db")));
        _store.Migrate();
        foreach (var f in Directory.GetFiles(Path.Combine(Shared.Root, "seeds"), "0*.txt").Order(StringComparer.Ordinal))
            _store.Add(File.ReadAllBytes(f), Path.GetFileName(f));
        foreach (var f in new[] { "demo-budget-2024.md", "demo-budget-2025.md" })
            _store.Add(File.ReadAllBytes(Path.Combine(StoreContract.RepoRoot, "samples", f)), f);
        var owner = JobQueue.NewOwner();
        while (_store.RunOne(owner)) { }
        _app = GongkaiServer.Build(_store, new ServerOptions { Urls = ["http://127.0.0.1:0"], RunWorker = false });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _store.CreateToken("viewer", Roles.Viewer));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private async Task<JsonElement> Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var r = await _http.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{url}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private long Dept(string name) => _store.Departments().Single(d => d.Name == name).Id;

    [Fact]
    public async Task SeriesMeasuresAndDownloads()
    {
        var id = Dept("青川区医疗保障局");
        var s = await Get($"/api/v1/departments/{id}/series");
        Assert.Equal(2, s.GetProperty("points").GetArrayLength()); // the printed summary lines, as before
        var total = s.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "expenditure_total");
        Assert.Equal("支出总计", total.GetProperty("label").GetString());
        Assert.Equal("预算", total.GetProperty("kind").GetString());
        var y2025 = total.GetProperty("values")[1];
        Assert.Equal((2025, 3315.30m, 27.84m, 0.85m), (y2025.GetProperty("year").GetInt32(), y2025.GetProperty("value").GetDecimal(),
            y2025.GetProperty("change").GetDecimal(), y2025.GetProperty("changePercent").GetDecimal()));

        using var csv = await _http.GetAsync($"/api/v1/departments/{id}/series?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF部门,年度,类型,指标代码,指标", text);
        Assert.Contains("青川区医疗保障局,2025,预算,expenditure_total,支出总计,收支总量,3315.30,3287.46,27.84,0.85", text);

        using var xlsx = await _http.GetAsync($"/api/v1/departments/{id}/series?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("比上年增减（%）", xml);
        Assert.Contains("3315.3", xml);

        await Get($"/api/v1/departments/{id}/series?format=pdf", HttpStatusCode.BadRequest);
        await Get("/api/v1/departments/9999/series", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompareListsPeersWithRankAndMedianAndSaysWhenThereAreNone()
    {
        var measures = await Get("/api/v1/compare/measures");
        Assert.Contains(measures.EnumerateArray(), m => m.GetProperty("key").GetString() == "function:210");

        var qijiang = Dept("重庆市綦江区医疗保障局");
        var c = await Get($"/api/v1/compare?year=2022&kind=预算&measure=expenditure_total&department={qijiang}");
        Assert.Equal("医疗保障局", c.GetProperty("group").GetString());
        var peers = c.GetProperty("peers").EnumerateArray().ToList();
        Assert.Equal([7163.37m, 1172.35m], peers.Select(p => p.GetProperty("value").GetDecimal()).ToArray());
        Assert.Equal(4167.86m, c.GetProperty("median").GetDecimal());
        Assert.Equal(1, c.GetProperty("highlight").GetProperty("rank").GetInt32());

        var none = await Get($"/api/v1/compare?year=2023&kind=预算&measure=expenditure_total&department={Dept("江汉区医疗保障局")}");
        Assert.Equal(0, none.GetProperty("peers").GetArrayLength());
        Assert.Contains("没有", none.GetProperty("message").GetString());

        using var csv = await _http.GetAsync($"/api/v1/compare?year=2022&kind=预算&measure=expenditure_total&department={qijiang}&format=csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("1,重庆市綦江区医疗保障局,医疗保障局,,2022,预算,支出总计,7163.37,4167.86,2995.51,是", text);

        await Get("/api/v1/compare?year=2022&kind=预算", HttpStatusCode.BadRequest);
        await Get("/api/v1/compare?year=2022&kind=预算&measure=nope", HttpStatusCode.BadRequest);
        await Get("/api/v1/compare?year=2022&kind=预算&measure=basic&department=9999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExecutionOfAFinalAccount()
    {
        var id = Dept("重庆市潼南区医疗保障局");
        var e = await Get($"/api/v1/departments/{id}/execution?year=2024");
        var tp = e.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "three_public");
        Assert.Equal((3.02m, 3.02m, 100m), (tp.GetProperty("budget").GetDecimal(), tp.GetProperty("final").GetDecimal(), tp.GetProperty("rate").GetDecimal()));
        using var xlsx = await _http.GetAsync($"/api/v1/departments/{id}/execution?year=2024&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        await Get($"/api/v1/departments/{id}/execution", HttpStatusCode.BadRequest);
    }
}
