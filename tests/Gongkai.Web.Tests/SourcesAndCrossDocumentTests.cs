using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// A non-PDF source on the review page (an HTML disclosure: the finding's cell highlighted in its table), the
/// department page's cross-document findings, and the overview's counts without dismissed findings.
/// </summary>
public sealed class SourcesAndCrossDocumentTests(WebServer server) : IClassFixture<WebServer>
{
    private static string Shot(string name) => Path.Combine(WebServer.ScreenshotDir, name);

    private static string Sample(string name) => Path.Combine(WebServer.RepoRoot, "samples", name);

    private static async Task<string> UploadAsync(IPage page, string name, string type, byte[] bytes)
    {
        await page.GotoAsync("/#/upload");
        await page.Locator("#upload-input").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = bytes });
        var row = page.Locator("#upload-list tr").First;
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", new Regex("done|failed"), new() { Timeout = 240_000 });
        Assert.Equal("done", await row.GetAttributeAsync("data-state"));
        return (await row.GetAttributeAsync("data-doc"))!;
    }

    private static async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        var r = await page.Context.APIRequest.GetAsync(path);
        Assert.True(r.Ok, $"{path}: {r.Status} {await r.TextAsync()}");
        return (await r.JsonAsync())!.Value;
    }

    /// <summary>The Markdown sample as an HTML page: pipe tables become tables, headings headings, other lines paragraphs.</summary>
    private static string MarkdownAsHtml(string markdown)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>部门预算</title></head><body>\n");
        var inTable = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('|'))
            {
                if (Regex.IsMatch(line, @"^\|[\s:\-|]+\|$")) continue; // the separator row
                if (!inTable) { sb.Append("<table border=\"1\">\n"); inTable = true; }
                var cells = line.Trim().Trim('|').Split('|').Select(c => WebUtility.HtmlEncode(c.Trim()));
                sb.Append("<tr>").Append(string.Concat(cells.Select(c => $"<td>{c}</td>"))).Append("</tr>\n");
                continue;
            }
            if (inTable) { sb.Append("</table>\n"); inTable = false; }
            if (line.Trim().Length == 0) continue;
            var heading = Regex.Match(line, @"^(#+)\s*(.*)$");
            sb.Append(heading.Success
                ? $"<h{heading.Groups[1].Length}>{WebUtility.HtmlEncode(heading.Groups[2].Value)}</h{heading.Groups[1].Length}>\n"
                : $"<p>{WebUtility.HtmlEncode(line.TrimStart('>', ' '))}</p>\n");
        }
        if (inTable) sb.Append("</table>\n");
        return sb.Append("</body></html>\n").ToString();
    }

    [Fact]
    public async Task AnHtmlDisclosuresFindingIsShownAsItsCellHighlightedInTheSourceTable()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, WebServer.ReviewerName, WebServer.ReviewerPassword);
        var html = MarkdownAsHtml(await File.ReadAllTextAsync(Sample("demo-budget-2025.md")));
        var docId = await UploadAsync(page, "青川区医疗保障局2025年部门预算.html", "text/html", Encoding.UTF8.GetBytes(html));

        // a finding whose primary location is a table cell (table, row, column and the printed text)
        var findings = await GetJsonAsync(page, $"/api/v1/documents/{docId}/findings");
        static bool IsCell(JsonElement l) => l.GetProperty("table").ValueKind == JsonValueKind.Number && l.GetProperty("row").ValueKind == JsonValueKind.Number
            && l.GetProperty("column").ValueKind == JsonValueKind.Number && !string.IsNullOrWhiteSpace(l.GetProperty("text").GetString());
        var finding = findings.EnumerateArray().First(f => f.GetProperty("severity").GetString() == "error"
            && f.GetProperty("locations").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } l && IsCell(l));
        var cell = finding.GetProperty("locations")[0];
        await page.GotoAsync($"/#/doc/{docId}?f={finding.GetProperty("id").GetString()}");
        var primary = page.Locator("#structured-source td.cell.primary");
        await primary.First.WaitForAsync();
        Assert.Equal(1, await primary.CountAsync());
        // the highlighted cell is the location's: same table, row and column, and it holds the printed text
        Assert.Equal(cell.GetProperty("table").GetInt32().ToString(), await primary.EvaluateAsync<string>("td => td.closest('table').dataset.table"));
        Assert.Equal(cell.GetProperty("row").GetInt32().ToString(), await primary.EvaluateAsync<string>("td => td.closest('tr').dataset.row"));
        Assert.Equal(cell.GetProperty("column").GetInt32().ToString(), await primary.GetAttributeAsync("data-column"));
        Assert.Equal(cell.GetProperty("text").GetString()!.Trim(), (await primary.TextContentAsync())!.Trim());
        await Assertions.Expect(primary).ToBeInViewportAsync();
        // the other cells of the finding (if any) are marked too, never more than its locations
        var cells = finding.GetProperty("locations").EnumerateArray().Where(IsCell).Select(l => (l.GetProperty("table").GetInt32(), l.GetProperty("row").GetInt32(), l.GetProperty("column").GetInt32())).Distinct().Count();
        Assert.InRange(await page.Locator("#structured-source td.cell.primary, #structured-source td.cell.hit").CountAsync(), 1, cells);
        await page.ScreenshotAsync(new() { Path = Shot("15-review-html-source.png") });

        // a narrative finding (a sentence, no table): its paragraph is shown highlighted among its neighbours
        var sentence = findings.EnumerateArray().FirstOrDefault(f => f.GetProperty("locations").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } l
            && l.GetProperty("table").ValueKind == JsonValueKind.Null && l.GetProperty("line").ValueKind == JsonValueKind.Number);
        if (sentence.ValueKind == JsonValueKind.Object)
        {
            await page.Locator($"li.finding[data-id='{sentence.GetProperty("id").GetString()}']").ClickAsync();
            await Assertions.Expect(page.Locator("#structured-source .line.primary")).ToBeVisibleAsync();
        }
        // the annotated-PDF export is offered for PDFs only, and the API says why
        Assert.Equal(0, await page.Locator("#export-annotated").CountAsync());
        Assert.Equal(400, (await page.Context.APIRequest.GetAsync($"/api/v1/documents/{docId}/annotated.pdf")).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CrossDocumentFindingsShowOnTheDepartmentPageAndDismissedOnesLeaveTheOverviewCounts()
    {
        var page = await server.NewPageAsync();
        await server.SignInAsync(page, WebServer.ReviewerName, WebServer.ReviewerPassword);
        // 2025 states 基本支出 “比2024年增加19.60万元” while the 2024 document printed 612.80 (632.00 − 612.80 = 19.20)
        var y2025 = (await File.ReadAllTextAsync(Sample("demo-budget-2025.md"))).Replace("比2024年增加19.20万元", "比2024年增加19.60万元");
        Assert.Contains("19.60", y2025);
        var later = await UploadAsync(page, "cross-2025.md", "text/markdown", Encoding.UTF8.GetBytes(y2025));
        var earlier = await UploadAsync(page, "cross-2024.md", "text/markdown", await File.ReadAllBytesAsync(Sample("demo-budget-2024.md")));
        var doc = await GetJsonAsync(page, $"/api/v1/documents/{later}");
        var dep = doc.GetProperty("departmentId").GetInt64();

        // the API: GK803 on the 2025 document, naming both documents
        var cross = await GetJsonAsync(page, $"/api/v1/departments/{dep}/cross-findings");
        var gk803 = cross.EnumerateArray().Single(c => c.GetProperty("finding").GetProperty("rule").GetString() == "GK803");
        Assert.Equal(long.Parse(later), gk803.GetProperty("documentId").GetInt64());
        var related = gk803.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([long.Parse(later), long.Parse(earlier)], related);
        Assert.All(cross.EnumerateArray(), c => Assert.StartsWith("GK80", c.GetProperty("finding").GetProperty("rule").GetString()));

        // the department page lists it with links to both documents and to the finding
        await page.GotoAsync($"/#/dept/{dep}");
        var row = page.Locator("#cross-table tr[data-rule=GK803]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator($"a.related-doc[href='#/doc/{later}']")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator($"a.related-doc[href='#/doc/{earlier}']")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("待审核");
        await page.Locator("#cross-findings").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot("16-department-cross.png") });

        // the overview counts what is still open: dismiss the GK803 warning and the 2025 chip loses one warning
        await page.GotoAsync("/#/");
        var chip = page.Locator($"#overview-grid a.chip[data-doc='{later}']");
        await Assertions.Expect(chip).ToHaveAttributeAsync("data-dismissed", "0");
        var warnings = int.Parse((await chip.GetAttributeAsync("data-warnings"))!);
        var errors = int.Parse((await chip.GetAttributeAsync("data-errors"))!);
        Assert.True(warnings >= 1);
        var findingId = gk803.GetProperty("finding").GetProperty("id").GetString()!;
        await page.GotoAsync($"/#/doc/{later}?f={Uri.EscapeDataString(findingId)}");
        await page.Locator("#dismiss-preset").SelectOptionAsync(new SelectOptionValue { Index = 4 });
        await page.Locator("#dismiss-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#dismissal")).ToContainTextAsync("已与编制单位核实");
        await page.GotoAsync("/#/");
        await Assertions.Expect(chip).ToHaveAttributeAsync("data-dismissed", "1");
        Assert.Equal((warnings - 1).ToString(), await chip.GetAttributeAsync("data-warnings"));
        Assert.Equal(errors.ToString(), await chip.GetAttributeAsync("data-errors"));
        await Assertions.Expect(chip).ToContainTextAsync("已忽略 1");
        var api = await GetJsonAsync(page, $"/api/v1/documents/{later}");
        Assert.Equal((1, warnings - 1, errors), (api.GetProperty("dismissed").GetInt32(), api.GetProperty("openWarnings").GetInt32(), api.GetProperty("openErrors").GetInt32()));
        Assert.Equal(api.GetProperty("warnings").GetInt32(), warnings); // the run's own count stays as it was
        // the waiting list counts the same way
        await Assertions.Expect(page.Locator($"#waiting a.chip[data-doc='{later}']")).ToHaveAttributeAsync("data-warnings", (warnings - 1).ToString());
        await page.ScreenshotAsync(new() { Path = Shot("17-overview-dismissed.png") });
        // and the department page shows who dismissed it
        await page.GotoAsync($"/#/dept/{dep}");
        await Assertions.Expect(page.Locator("#cross-table tr[data-rule=GK803].dismissed")).ToContainTextAsync(WebServer.ReviewerName);
        await page.Context.CloseAsync();
    }
}
