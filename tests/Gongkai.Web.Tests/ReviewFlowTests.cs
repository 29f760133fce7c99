using System.Text;
using System.Text.Json;
using Gongkai.Audit;
using Gongkai.Recognition;
using Gongkai.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>The web app in Debian's chromium against the real `gongkai serve` and a SQLite store.</summary>
public sealed class ReviewFlowTests(WebServer server) : IClassFixture<WebServer>
{
    private const string SamplePdf = "shanghai-putuo-finance-bureau-2024-final.pdf";

    private static string Shot(string name) => Path.Combine(WebServer.ScreenshotDir, name);

    private static async Task<string> UploadAsync(IPage page, FilePayload file)
    {
        await page.GotoAsync("/#/upload");
        await page.Locator("#upload-input").SetInputFilesAsync(file);
        var row = page.Locator("#upload-list tr").First;
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("done|failed"),
            new() { Timeout = 240_000 });
        Assert.Equal("done", await row.GetAttributeAsync("data-state"));
        return (await row.GetAttributeAsync("data-doc"))!;
    }

    private static async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        var r = await page.Context.APIRequest.GetAsync(path);
        Assert.True(r.Ok, $"{path}: {r.Status} {await r.TextAsync()}");
        return (await r.JsonAsync())!.Value;
    }

    [Fact]
    public async Task SignInUploadReviewABoxDismissReloadAndAViewerCannotDismiss()
    {
        var page = await server.NewPageAsync();
        var csp = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) csp.Add(m.Text); };

        // sign in (a wrong password is refused in words)
        await page.GotoAsync("/");
        await page.Locator("#login-name").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("01-login.png") });
        await page.Locator("#login-name").FillAsync(WebServer.ReviewerName);
        await page.Locator("#login-password").FillAsync("wrong-password");
        await page.Locator("form.login button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("form.login .error-text")).ToContainTextAsync("登录失败");
        await server.SignInAsync(page, WebServer.ReviewerName, WebServer.ReviewerPassword);
        await Assertions.Expect(page.Locator("#who .user")).ToContainTextAsync("审核人员");

        // upload the shared sample PDF; its job finishes
        var docId = await UploadAsync(page, new FilePayload
        {
            Name = SamplePdf, MimeType = "application/pdf", Buffer = await File.ReadAllBytesAsync(Shared.Pdf(SamplePdf)),
        });
        await Assertions.Expect(page.Locator("#upload-list tr").First.Locator("a.chip")).ToContainTextAsync("错误");
        Assert.Equal(0, await page.Locator("#overview-grid, #findings").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("02-upload.png") });

        // an 错误 whose primary location is a table cell with a box on the page
        var findings = await GetJsonAsync(page, $"/api/v1/documents/{docId}/findings");
        var finding = findings.EnumerateArray().First(f => f.GetProperty("severity").GetString() == "error"
            && f.GetProperty("locations").EnumerateArray().Any(l => l.GetProperty("box").ValueKind == JsonValueKind.Array && l.GetProperty("column").ValueKind == JsonValueKind.Number));
        var findingId = finding.GetProperty("id").GetString()!;
        var cell = finding.GetProperty("locations").EnumerateArray().First(l => l.GetProperty("box").ValueKind == JsonValueKind.Array);
        var box = cell.GetProperty("box").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        int pageNo = cell.GetProperty("page").GetInt32();
        var cellText = cell.GetProperty("text").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(cellText));

        // open the document, click the finding: its page is rendered with the box
        await page.GotoAsync($"/#/doc/{docId}");
        await page.Locator($"li.finding[data-id='{findingId}']").ClickAsync();
        var primary = page.Locator(".pdf-page[data-rendered=true] .box.primary");
        await primary.WaitForAsync(new() { Timeout = 90_000 });
        Assert.Equal(pageNo.ToString(), await page.Locator(".pdf-page").GetAttributeAsync("data-page"));
        Assert.Equal(string.Join(",", box.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))), await primary.GetAttributeAsync("data-pdf-box"));

        // the drawn box sits where the finding's coordinates (PDF points, origin bottom-left) put it …
        var geo = await page.EvaluateAsync<double[]>(@"() => {
            const w = document.querySelector('.pdf-page'), b = w.querySelector('.box.primary');
            const wr = w.getBoundingClientRect(), br = b.getBoundingClientRect();
            return [br.left - wr.left, br.top - wr.top, br.width, br.height, Number(w.dataset.scale), ...w.dataset.viewBox.split(',').map(Number)];
        }");
        double scale = geo[4], x0 = geo[5], yTop = geo[8];
        Assert.InRange(geo[0], (box[0] - x0) * scale - 3.5, (box[0] - x0) * scale - 0.5);
        Assert.InRange(geo[1], (yTop - box[3]) * scale - 3.5, (yTop - box[3]) * scale - 0.5);
        Assert.InRange(geo[2], (box[2] - box[0]) * scale + 2, (box[2] - box[0]) * scale + 6);
        Assert.InRange(geo[3], (box[3] - box[1]) * scale + 2, (box[3] - box[1]) * scale + 6);
        // … and over the right cell: the text pdf.js itself draws inside the box is the cell's printed text
        var inside = await page.EvaluateAsync<string>(@"async ([docId, pageNo]) => {
            const m = await import('/js/pdfview.js');
            const pdf = await m.openPdf(`/api/v1/documents/${docId}/file`);
            const pg = await pdf.getPage(pageNo);
            const w = document.querySelector('.pdf-page'), b = w.querySelector('.box.primary');
            const vp = pg.getViewport({ scale: Number(w.dataset.scale) });
            const wr = w.getBoundingClientRect(), br = b.getBoundingClientRect();
            const left = br.left - wr.left, top = br.top - wr.top, right = left + br.width, bottom = top + br.height;
            const tc = await pg.getTextContent();
            const hits = [];
            for (const it of tc.items) {
              if (!it.str || !it.str.trim()) continue;
              const [ax, ay] = vp.convertToViewportPoint(it.transform[4], it.transform[5]);
              const [bx, by] = vp.convertToViewportPoint(it.transform[4] + it.width, it.transform[5] + it.height);
              const cx = (ax + bx) / 2, cy = (ay + by) / 2;
              if (cx > left && cx < right && cy > top && cy < bottom) hits.push(it.str);
            }
            return hits.join('').replace(/\s+/g, '');
        }", new object[] { int.Parse(docId), pageNo });
        Assert.Equal(cellText.Replace(" ", ""), inside);
        await Assertions.Expect(page.Locator("#detail")).ToContainTextAsync(finding.GetProperty("rule").GetString()!);
        await Assertions.Expect(page.Locator("#d-expected")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new() { Path = Shot("03-review-pdf-box.png") });

        // keyboard: j moves to the next finding
        var before = await page.Locator("li.finding.selected").GetAttributeAsync("data-id");
        await page.Locator("body").PressAsync("j");
        await Assertions.Expect(page.Locator("li.finding.selected")).Not.ToHaveAttributeAsync("data-id", before!);
        await page.Locator("body").PressAsync("k");
        await Assertions.Expect(page.Locator("li.finding.selected")).ToHaveAttributeAsync("data-id", before!);

        // dismiss needs a reason; with one it holds after a reload
        await page.Locator("#dismiss-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#dismiss-form .error-text")).ToContainTextAsync("理由");
        await page.Locator("#dismiss-preset").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#dismiss-text").FillAsync("网页测试：已核对原表");
        await page.Locator("#dismiss-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#dismissal")).ToContainTextAsync("网页测试：已核对原表");
        await Assertions.Expect(page.Locator("#dismissal")).ToContainTextAsync(WebServer.ReviewerName);
        await page.GotoAsync($"/#/doc/{docId}?f={findingId}");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#dismissal")).ToContainTextAsync("网页测试：已核对原表");
        await Assertions.Expect(page.Locator($"li.finding.dismissed[data-id='{findingId}']")).ToBeVisibleAsync();
        var after = await GetJsonAsync(page, $"/api/v1/documents/{docId}/findings");
        Assert.Contains("网页测试", after.EnumerateArray().First(f => f.GetProperty("id").GetString() == findingId).GetProperty("dismissal").GetProperty("reason").GetString());
        await page.Locator(".pdf-page[data-rendered=true] .box.primary").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("04-review-dismissed.png") });

        // export: the original PDF with the boxes drawn; the dismissed finding is left out unless asked for
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-annotated").ClickAsync());
        var annotated = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var withDismissed = await (await page.Context.APIRequest.GetAsync($"/api/v1/documents/{docId}/annotated.pdf?dismissed=true")).BodyAsync();
        var original = await File.ReadAllBytesAsync(Shared.Pdf(SamplePdf));
        using (var source = UglyToad.PdfPig.PdfDocument.Open(original))
        using (var plain = UglyToad.PdfPig.PdfDocument.Open(annotated))
        using (var all = UglyToad.PdfPig.PdfDocument.Open(withDismissed))
        {
            Assert.Equal(source.NumberOfPages, plain.NumberOfPages);
            bool RedAt(UglyToad.PdfPig.PdfDocument d) => d.GetPage(pageNo).Paths.Any(p =>
            {
                if (!p.IsStroked || p.StrokeColor is null || p.GetBoundingRectangle() is not { } r) return false;
                var (red, green, _) = p.StrokeColor.ToRGBValues();
                return red > 0.8 && green < 0.2 && Math.Abs(r.Left - (box[0] - 1.5)) < 0.6 && Math.Abs(r.Bottom - (box[1] - 1.5)) < 0.6
                    && Math.Abs(r.Right - (box[2] + 1.5)) < 0.6 && Math.Abs(r.Top - (box[3] + 1.5)) < 0.6;
            });
            var sameBox = findings.EnumerateArray().Any(f => f.GetProperty("id").GetString() != findingId && f.GetProperty("locations").EnumerateArray()
                .Any(l => l.GetProperty("box").ValueKind == JsonValueKind.Array && l.GetProperty("box").EnumerateArray().Select(x => x.GetDouble()).SequenceEqual(box)));
            if (!sameBox) Assert.False(RedAt(plain), "a dismissed finding is not drawn by default");
            Assert.True(RedAt(all), "the finding's box in red at its coordinates");
            Assert.Contains(finding.GetProperty("rule").GetString()!, all.GetPage(pageNo).Text);
        }
        // and what it looks like (pdftoppm, as a reader's PDF viewer would show it)
        var annotatedFile = Path.Combine(Path.GetTempPath(), $"gongkai-annotated-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(annotatedFile, withDismissed);
        try
        {
            using var render = System.Diagnostics.Process.Start("pdftoppm", ["-r", "80", "-f", $"{pageNo}", "-l", $"{pageNo}", "-png", "-singlefile",
                annotatedFile, Path.Combine(WebServer.ScreenshotDir, "14-annotated-pdf")]);
            render.WaitForExit(60_000);
        }
        catch (System.ComponentModel.Win32Exception) { /* no poppler-utils: the PDF checks above still ran */ }
        finally { File.Delete(annotatedFile); }

        // the other pages draw
        await page.GotoAsync("/#/");
        await Assertions.Expect(page.Locator("#overview-grid a.chip").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("05-overview.png") });
        await page.GotoAsync("/#/rules?q=GK401");
        await Assertions.Expect(page.Locator("#rule-GK401")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("06-rules.png") });
        await page.GotoAsync($"/#/doc/{docId}");
        await page.Locator("li.finding").First.WaitForAsync();
        await page.SetViewportSizeAsync(820, 1180); // a tablet
        await page.Locator("li.finding").Nth(1).ClickAsync();
        await page.Locator(".pdf-page[data-rendered=true]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("07-review-tablet.png") });
        Assert.Empty(csp);

        // a viewer sees no dismiss button, and the API refuses the viewer anyway
        var viewer = await server.NewPageAsync();
        await server.SignInAsync(viewer, WebServer.ViewerName, WebServer.ViewerPassword);
        await viewer.GotoAsync($"/#/doc/{docId}?f={findingId}");
        await Assertions.Expect(viewer.Locator("#dismissal")).ToBeVisibleAsync();
        var other = findings.EnumerateArray().Select(f => f.GetProperty("id").GetString()!).First(id => id != findingId);
        await viewer.GotoAsync($"/#/doc/{docId}?f={other}");
        await Assertions.Expect(viewer.Locator("#detail h2")).ToBeVisibleAsync();
        Assert.Equal(0, await viewer.Locator("#dismiss-form, #dismiss-submit, #undo-dismiss").CountAsync());
        Assert.Equal(0, await viewer.Locator("a[href='#/upload']").CountAsync());
        await viewer.ScreenshotAsync(new() { Path = Shot("08-review-viewer.png") });
        var session = await GetJsonAsync(viewer, "/api/v1/session");
        var put = await viewer.Context.APIRequest.PutAsync($"/api/v1/documents/{docId}/findings/{other}/dismissal", new()
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = session.GetProperty("csrf").GetString()! },
            DataObject = new { reason = "查看者不应能忽略" },
        });
        Assert.Equal(403, put.Status);
        // and without the antiforgery token even a reviewer's session cannot change anything
        var forged = await page.Context.APIRequest.PutAsync($"/api/v1/documents/{docId}/findings/{other}/dismissal", new()
        {
            DataObject = new { reason = "跨站请求" },
        });
        Assert.Equal(400, forged.Status);
        await viewer.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TextHoldingAScriptTagIsShownAsText()
    {
        // a seed with a <script> line put right after a sentence that has a finding, so the source view shows it
        var seed = Shared.Seed("000");
        var bytes = await File.ReadAllBytesAsync(seed);
        var read = new DisclosureReader().Read(Path.GetFileName(seed), bytes);
        var report = Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });
        int line = report.Findings.SelectMany(f => f.Locations).Where(l => l.Line is not null && l.TableIndex is null).Select(l => l.Line!.Value).First();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        const string Script = "<script>window.__gongkaiXss = 1</script><img src=x onerror=\"window.__gongkaiXss = 2\">";
        lines.Insert(line, Script);
        var evil = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        var page = await server.NewPageAsync();
        await server.SignInAsync(page, WebServer.ReviewerName, WebServer.ReviewerPassword);
        var docId = await UploadAsync(page, new FilePayload { Name = "<img src=x onerror=alert(1)>脚本.txt", MimeType = "text/plain", Buffer = evil });
        var findings = await GetJsonAsync(page, $"/api/v1/documents/{docId}/findings");
        var finding = findings.EnumerateArray().First(f => f.GetProperty("locations").EnumerateArray()
            .Any(l => l.GetProperty("line").ValueKind == JsonValueKind.Number && l.GetProperty("line").GetInt32() == line));
        await page.GotoAsync($"/#/doc/{docId}?f={finding.GetProperty("id").GetString()}");
        await Assertions.Expect(page.Locator("#text-source")).ToContainTextAsync("<script>window.__gongkaiXss = 1</script>");
        await Assertions.Expect(page.Locator("#text-source .line.primary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1 + p")).ToContainTextAsync("<img src=x onerror=alert(1)>脚本.txt");
        Assert.Equal(0, await page.Locator("#main script, #main img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__gongkaiXss ?? null"));
        await page.ScreenshotAsync(new() { Path = Shot("09-review-text-escaped.png") });
        await page.Context.CloseAsync();
    }
}
