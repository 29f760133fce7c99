using System.Text.Json;
using Gongkai.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>The five seeds uploaded at once; the department page draws its series and the compare page its peers.</summary>
public sealed class AnalysisPagesTests(WebServer server) : IClassFixture<WebServer>
{
    private static string Shot(string name) => Path.Combine(WebServer.ScreenshotDir, name);

    [Fact]
    public async Task FiveSeedsUploadedTogetherThenDepartmentSeriesAndPeerComparisonDraw()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, WebServer.AdminName, server.AdminPassword);
        var seeds = Directory.GetFiles(Path.Combine(Shared.Root, "seeds"), "*.txt").Order().ToArray();
        Assert.Equal(5, seeds.Length);
        await page.GotoAsync("/#/upload");
        await page.Locator("#upload-input").SetInputFilesAsync(seeds);
        var rows = page.Locator("#upload-list tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#upload-list tr[data-state=done]")).ToHaveCountAsync(5, new() { Timeout = 240_000 });
        await page.ScreenshotAsync(new() { Path = Shot("10-upload-five-seeds.png") });

        var depts = (await (await page.Context.APIRequest.GetAsync("/api/v1/departments")).JsonAsync())!.Value;
        long Dept(string name) => depts.EnumerateArray().Single(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
        var qijiang = Dept("重庆市綦江区医疗保障局");

        // compare: the 2022 预算 医疗保障局 peers, the chosen one highlighted, median line, table beside
        await page.GotoAsync($"/#/compare?department={qijiang}&year=2022&kind=预算&measure=expenditure_total");
        var chart = page.Locator("#cmp-chart[data-drawn=true]");
        await chart.WaitForAsync();
        // as many bars and rows as the API has peers with the measure (a seed without the figure is left out, not 0)
        var api = (await (await page.Context.APIRequest.GetAsync($"/api/v1/compare?year=2022&kind=预算&measure=expenditure_total&department={qijiang}")).JsonAsync())!.Value;
        int peers = api.GetProperty("peers").GetArrayLength();
        Assert.True(peers >= 2, $"{peers} peers");
        Assert.Equal(peers.ToString(), await chart.GetAttributeAsync("data-bars"));
        await Assertions.Expect(page.Locator("#cmp-rows tbody tr")).ToHaveCountAsync(peers);
        // three of the five seeds are 2022 预算 of a 医疗保障局: each is a peer or said to lack the measure
        Assert.Equal("医疗保障局", api.GetProperty("group").GetString());
        await Assertions.Expect(page.Locator("#cmp-rows tr.me")).ToContainTextAsync("重庆市綦江区医疗保障局");
        await Assertions.Expect(page.Locator("#cmp-rows tr.me")).ToContainTextAsync("7,163.37");
        await Assertions.Expect(page.Locator("#cmp-info")).ToContainTextAsync("中位数");
        // the canvas holds a drawing (not blank); give the renderer a moment after its finished event
        const string paintedJs = @"() => {
            const c = document.querySelector('#cmp-chart canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4 * 16) if (d[i] > 0) n++; return n; }";
        try { await page.WaitForFunctionAsync($"() => ({paintedJs})() > 1000", null, new() { Timeout = 10_000 }); } catch (PlaywrightException) { /* asserted below with the figure */ }
        var painted = await page.EvaluateAsync<int>(paintedJs);
        Assert.True(painted > 1000, $"chart canvas nearly blank ({painted})");
        var png = await page.RunAndWaitForDownloadAsync(() => page.Locator("#cmp-png").ClickAsync());
        Assert.EndsWith(".png", png.SuggestedFilename);
        var csv = await page.Context.APIRequest.GetAsync($"/api/v1/compare?year=2022&kind=预算&measure=expenditure_total&department={qijiang}&format=csv");
        Assert.Contains("重庆市綦江区医疗保障局", await csv.TextAsync());
        await page.ScreenshotAsync(new() { Path = Shot("11-compare.png") });

        // the department page: series charts and the YoY table
        await page.GotoAsync($"/#/dept/{Dept("重庆市潼南区医疗保障局")}");
        await Assertions.Expect(page.Locator(".chart canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#yoy")).ToContainTextAsync("支出总计");
        await page.ScreenshotAsync(new() { Path = Shot("12-department.png"), FullPage = true });

        // admin: users, roles and tokens
        await page.GotoAsync("/#/admin");
        await Assertions.Expect(page.Locator($"#users tr[data-user='{WebServer.ViewerName}']")).ToBeVisibleAsync();
        await page.Locator($"#users tr[data-user='{WebServer.ViewerName}'] button:text('新建令牌')").ClickAsync();
        var token = await page.Locator("#new-secret code.secret").TextContentAsync();
        Assert.StartsWith("gk_", token);
        using (var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/api/v1/rules")).StatusCode);
        }
        await page.ScreenshotAsync(new() { Path = Shot("13-admin.png") });
        await page.Context.CloseAsync();
    }
}
