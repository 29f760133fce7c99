using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Reports;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly Lazy<string> _html = new(() => new HtmlReportRenderer().Render(Seed000.Read, Seed000.Report));
    private static string Html => _html.Value;

    /// <summary>The article element of finding number <paramref name="no"/>.</summary>
    private static string Article(string html, int no)
    {
        var m = Regex.Match(html, $"<article class=\"finding[^\"]*\" id=\"f{no}\".*?</article>", RegexOptions.Singleline);
        Assert.True(m.Success, $"finding #{no} not rendered");
        return m.Value;
    }

    private static List<(string Kind, string Text)> Highlighted(string fragment) =>
        Regex.Matches(fragment, "<(?:td|mark)[^>]*class=\"hl hl-(primary|other)(?: num)?\"[^>]*>(.*?)</(?:td|mark)>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    [Fact]
    public void Seed000_has_errors_to_report()
    {
        Assert.True(Seed000.Report.ErrorCount > 0);
        Assert.Contains("重庆市綦江区医疗保障局", Html);
    }

    [Fact]
    public void Every_finding_appears_exactly_once_in_order()
    {
        var articles = Regex.Matches(Html, "<article class=\"finding[^\"]*\" id=\"f(\\d+)\"[^>]*data-rule=\"([^\"]+)\"");
        Assert.Equal(Seed000.Report.Findings.Count, articles.Count);
        for (int i = 0; i < articles.Count; i++)
        {
            Assert.Equal((i + 1).ToString(), articles[i].Groups[1].Value);
            Assert.Equal(Seed000.Report.Findings[i].RuleId, articles[i].Groups[2].Value);
        }
        foreach (var f in Seed000.Report.Findings.DistinctBy(f => f.Message))
            Assert.Contains(HtmlReportRenderer.E(f.Message), Html);
    }

    [Fact]
    public void Header_shows_counts_and_rules_run()
    {
        var r = Seed000.Report;
        Assert.Contains($"错误 {r.ErrorCount} 条", Html);
        Assert.Contains($"警告 {r.WarningCount} 条", Html);
        Assert.Contains($"运行规则 {r.RulesRun.Count} 条", Html);
        Assert.Contains("2022", Html);
        Assert.Contains("部门预算", Html);
    }

    [Fact]
    public void Row303_highlights_the_printed_total_as_primary_and_the_parts_as_related()
    {
        var (no, f) = Seed000.Row303;
        var article = Article(Html, no);
        var hl = Highlighted(article);
        Assert.Contains(("primary", "0.05"), hl);
        Assert.Contains(("other", "0.50"), hl);
        Assert.Equal(f.Locations.Count, hl.Count(h => h.Kind is "primary" or "other"));
        // descriptor text, amounts and the line number of the row (text formats)
        Assert.Contains(HtmlReportRenderer.E(RuleRegistry.Default.Find("GK206")!.Descriptor.Formula), article);
        Assert.Contains("<dt>应为</dt><dd>0.50</dd>", article);
        Assert.Contains("<dt>实为</dt><dd>0.05</dd>", article);
        Assert.Contains("<dt>差额</dt><dd>-0.45</dd>", article);
        Assert.Contains($"<td class=\"ln\">{f.PrimaryLocation!.Line}</td>", article);
        // the whole short table is shown, headings included
        Assert.Contains("科目编码", article);
        Assert.Contains("30211", article);
    }

    [Fact]
    public void Misplaced_code_finding_highlights_the_2109999_row()
    {
        var (no, _) = Seed000.Misplaced2109999;
        var article = Article(Html, no);
        var hl = Highlighted(article);
        Assert.Contains(("primary", "其他卫生健康支出"), hl);
        var primaryRow = Regex.Match(article, "<tr>(?:(?!</tr>).)*hl-primary.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains(">2109999<", primaryRow);
        Assert.Contains(">335.00<", primaryRow);
        Assert.Contains(("other", "335.00"), hl);
        Assert.Contains(("other", "1224.57"), hl);
    }

    [Fact]
    public void Sentence_locations_show_the_paragraph_with_the_sentence_marked()
    {
        var (no, f) = Seed000.Numbered(x => x.RuleId == "GK701" && x.PrimaryLocation?.Line is int l && x.Message.Contains("增加（或减少）"));
        var article = Article(Html, no);
        var marks = Highlighted(article);
        var mark = Assert.Single(marks);
        Assert.Equal("primary", mark.Kind);
        Assert.Contains("增加（或减少）", mark.Text);
        Assert.Contains($"<span class=\"ln\">{f.PrimaryLocation!.Line}</span>", article);
    }

    [Fact]
    public void File_is_utf8_self_contained_and_without_external_resources()
    {
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.Path, "r.html");
        new HtmlReportRenderer().Render(Seed000.Read, Seed000.Report, path);
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.Contains("<meta charset=\"utf-8\">", text);
        Assert.DoesNotContain("http://", text);
        Assert.DoesNotContain("https://", text);
        Assert.DoesNotMatch("(?i)<(link|img|iframe|object|embed)\\b", text);
        Assert.DoesNotMatch("(?i)<script[^>]+src=", text);
        Assert.DoesNotMatch("(?i)\\b(src|href)=\"(?!#)", text);
        Assert.DoesNotMatch("(?i)url\\(|@import", text);
        Assert.Contains("<style>", text);
        Assert.Contains("<script>", text);
    }

    // ------------------------------------------------------------ synthetic documents

    private static ReadResult Doc(params SourceBlock[] blocks) =>
        new(new Disclosure { File = "t.pdf", Kind = DocumentKind.FinalAccount, Year = 2024, DepartmentName = "测试局" },
            new SourceDocument("t.pdf", SourceFormat.Pdf, blocks));

    private static AuditReport Report(params Finding[] findings) => new("t.pdf", findings, ["GK206"]);

    private static Finding F(string message, params Provenance[] at) => new()
    {
        RuleId = "GK206", Severity = Severity.Error, Message = message, Locations = at, Expected = 1m, Found = 2m,
        Category = RuleCategory.WithinTable,
    };

    private static TableBlock Table(int index, int rows, Func<int, int, string> text, int width = 3)
    {
        var list = new List<SourceRow>();
        for (int r = 0; r < rows; r++)
        {
            var cells = Enumerable.Range(0, width)
                .Select(c => new SourceCell(text(r, c), c, new Provenance("t.txt", 10 + r, TableIndex: index, Row: r, Column: c, Text: text(r, c))))
                .ToList();
            list.Add(new SourceRow(cells, new Provenance("t.txt", 10 + r, TableIndex: index, Row: r)));
        }
        return new TableBlock(list, TableSyntax.Pipe, new Provenance("t.txt", 10, TableIndex: index), index);
    }

    [Fact]
    public void Everything_from_the_document_is_escaped()
    {
        var t = Table(0, 2, (r, c) => r == 1 && c == 1 ? "<script>alert(1)</script>&\"" : $"r{r}c{c}");
        var f = F("说明<b>加粗</b> & \"引号\"", new Provenance("t.txt", 11, TableIndex: 0, Row: 1, Column: 1, Text: "x")) with { Suggestion = "<i>建议</i>" };
        var html = new HtmlReportRenderer().Render(Doc(t), Report(f));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>加粗", html);
        Assert.DoesNotContain("<i>建议", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;", html);
        Assert.Contains("说明&lt;b&gt;加粗&lt;/b&gt; &amp; &quot;引号&quot;", html);
    }

    [Fact]
    public void Long_tables_show_the_headings_and_a_window_around_the_involved_rows()
    {
        var t = Table(4, 60, (r, c) => r == 0 ? $"栏目{c}" : c == 0 ? $"科目{r}" : (r * 10 + c).ToString("0.00"));
        var f = F("窗口", new Provenance("t.txt", 50, TableIndex: 4, Row: 40, Column: 2, Text: "402.00"));
        var html = new HtmlReportRenderer().Render(Doc(t), Report(f));
        Assert.Contains(">栏目1<", html);                // heading row kept
        Assert.Contains(">科目32<", html);               // 40 − 8
        Assert.Contains(">科目48<", html);               // 40 + 8
        Assert.DoesNotContain(">科目31<", html);
        Assert.DoesNotContain(">科目49<", html);
        Assert.DoesNotContain(">科目5<", html);
        Assert.Contains("省略 31 行", html);             // rows 1–31
        Assert.Contains("其后 11 行", html);             // rows 49–59
        Assert.Contains(("primary", "402.00"), Highlighted(html));
    }

    [Fact]
    public void Pdf_locations_draw_the_page_region_with_the_boxes()
    {
        // page 2: a two-cell row and a heading; page 3: something that must not be drawn
        var b1 = new BoundingBox(100, 500, 160, 512);
        var b2 = new BoundingBox(170, 500, 230, 512);
        var row = new SourceRow(
        [
            new SourceCell("303", 0, new Provenance("t.pdf", Page: 2, Box: b1, TableIndex: 0, Row: 0, Column: 0, Text: "303")),
            new SourceCell("0.05", 1, new Provenance("t.pdf", Page: 2, Box: b2, TableIndex: 0, Row: 0, Column: 1, Text: "0.05")),
        ], new Provenance("t.pdf", Page: 2, TableIndex: 0, Row: 0));
        var table = new TableBlock([row], TableSyntax.Pdf, new Provenance("t.pdf", Page: 2, TableIndex: 0), 0);
        var heading = new TextBlock("基本支出表", new Provenance("t.pdf", Page: 2, Box: new BoundingBox(100, 540, 200, 552), Text: "基本支出表"));
        var other = new TextBlock("别页文字", new Provenance("t.pdf", Page: 3, Box: new BoundingBox(100, 500, 200, 512), Text: "别页文字"));
        var f = F("PDF", new Provenance("t.pdf", Page: 2, Box: b2, TableIndex: 0, Row: 0, Column: 1, Text: "0.05"),
                         new Provenance("t.pdf", Page: 2, Box: b1, TableIndex: 0, Row: 0, Column: 0, Text: "303"));
        var html = new HtmlReportRenderer().Render(Doc(heading, table, other), Report(f));

        var svg = Regex.Match(html, "<svg class=\"pdf\" viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\".*?</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, "no page SVG");
        Assert.Contains("第2页", html);
        Assert.Contains(">0.05</text>", svg.Value);
        Assert.Contains(">303</text>", svg.Value);
        Assert.Contains(">基本支出表</text>", svg.Value);
        Assert.DoesNotContain("别页文字", svg.Value);
        // content spans x 100–230 (+6 margin), y 500–552 (+6): left = 94, top = 558
        Assert.Equal("142", svg.Groups[1].Value);
        Assert.Equal("64", svg.Groups[2].Value);
        // the primary box is b2, flipped: x = 170 − 94 − 1, y = 558 − 512 − 1
        Assert.Contains("<rect class=\"box-primary\" x=\"75\" y=\"45\" width=\"62\" height=\"14\"/>", svg.Value);
        Assert.Contains("<rect class=\"box-other\" x=\"5\" y=\"45\"", svg.Value);
        // the table itself is also rendered with the cells highlighted
        Assert.Contains(("primary", "0.05"), Highlighted(html));
        Assert.Contains("<td class=\"ln\">p2</td>", html);
    }

    [Fact]
    public void Contexts_follow_the_location_order_primary_first()
    {
        var t = Table(0, 3, (r, c) => $"格{r}{c}");
        var para = new TextBlock("甲句内容。乙句内容在这里", new Provenance("t.txt", 3, Text: "甲句内容。乙句内容在这里"));
        var f = F("叙述与表格", new Provenance("t.txt", 3, Text: "乙句内容在这里"),
                             new Provenance("t.txt", 12, TableIndex: 0, Row: 2, Column: 1, Text: "格21"));
        var html = new HtmlReportRenderer().Render(Doc(para, t), Report(f));
        var hl = Highlighted(html);
        Assert.Equal([("primary", "乙句内容在这里"), ("other", "格21")], hl);
        Assert.Contains("<span class=\"tx\">甲句内容。<mark", html);
        Assert.True(html.IndexOf("<mark", StringComparison.Ordinal) < html.IndexOf("<table class=\"src\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_outside_the_standard_set_are_named_in_chinese()
    {
        Assert.Equal("单位构成表", TableKind.UnitComposition.Describe());
        Assert.Equal("B6 一般公共预算基本支出表", TableKind.BudgetGeneralBasic.Describe());
        foreach (var k in Enum.GetValues<TableKind>().Where(k => k != TableKind.Unknown))
            Assert.DoesNotMatch("[A-Za-z]{4,}", k.Describe());
    }

    [Fact]
    public void Findings_without_locations_render_without_context()
    {
        var f = F("缺少表格") with { Expected = null, Found = null };
        var html = new HtmlReportRenderer().Render(Doc(), Report(f));
        var article = Article(html, 1);
        Assert.DoesNotContain("原文定位", article);
        Assert.DoesNotContain("<dt>应为</dt>", article);
    }
}

public sealed class HtmlAllSeedsTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Every_seed_renders_each_finding_once_with_its_located_cells_highlighted(string seed)
    {
        var read = new DisclosureReader().Read(Shared.Seed(seed));
        var report = Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });
        var html = new HtmlReportRenderer().Render(read, report);
        Assert.Equal(report.Findings.Count, Regex.Matches(html, "<article class=\"finding").Count);
        // every table cell a finding points at, when the source has it, is highlighted
        int expected = report.Findings.Sum(f => f.Locations
            .Where(l => l.Column is not null).Select(l => (l.TableIndex, l.Row, l.Column)).Distinct()
            .Count(l => l.TableIndex is int t && read.Source.Tables.Any(tb => tb.Index == t && l.Row < tb.Rows.Count)));
        int found = Regex.Matches(html, "<td[^>]*class=\"hl hl-").Count;
        Assert.True(found >= expected, $"{found} highlighted cells, expected at least {expected}");
        Assert.DoesNotContain("http://", html);
    }
}
