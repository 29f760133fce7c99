using System.Globalization;
using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Reports;

/// <summary>
/// One self-contained HTML file per audited document (inline CSS and JS, no external resource): a header
/// with the document and the counts, a filterable list of findings, and for each finding the rule, the
/// numbers and the source around it — the table rows with the involved cells highlighted (primary red,
/// others orange), the paragraph with the sentence highlighted, and for PDF locations an SVG of the page
/// region with the finding's boxes drawn.
/// </summary>
public sealed class HtmlReportRenderer
{
    // per-render state (Render runs on a fresh instance)
    private Dictionary<int, string> _tableNames = new();
    private string _fileName = "";

    /// <summary>Tables up to this many rows are shown whole; longer ones as a window around the involved rows.</summary>
    public int FullTableRows { get; init; } = 30;

    /// <summary>Rows shown either side of an involved row in a long table.</summary>
    public int WindowRows { get; init; } = 8;

    public string Extension => "html";

    public void Render(ReadResult read, AuditReport report, string path)
    {
        var html = Render(read, report);
        File.WriteAllText(path, html, new UTF8Encoding(false));
    }

    /// <summary>The HTML of one report. Thread-safe: each call renders with its own state.</summary>
    public string Render(ReadResult read, AuditReport report) =>
        new HtmlReportRenderer { FullTableRows = FullTableRows, WindowRows = WindowRows }.RenderCore(read, report);

    private string RenderCore(ReadResult read, AuditReport report)
    {
        var index = new SourceIndex(read.Source);
        _tableNames = new Dictionary<int, string>();
        foreach (var t in read.Disclosure.Tables)
        {
            var name = t.Kind != TableKind.Unknown ? t.Kind.Describe() : t.Title;
            if (string.IsNullOrWhiteSpace(name)) continue;
            foreach (var i in t.SourceTables.Append(t.Source.TableIndex ?? -1).Where(i => i >= 0)) _tableNames.TryAdd(i, name.Trim());
        }
        var sb = new StringBuilder(64 * 1024);
        var d = read.Disclosure;
        var fileName = Path.GetFileName(string.IsNullOrEmpty(d.File) ? report.File : d.File);
        _fileName = fileName;
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>审核报告：").Append(E(fileName)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        Header(sb, read, report, fileName);
        Filters(sb, report);
        sb.Append("<main id=\"findings\">\n");
        if (report.Findings.Count == 0) sb.Append("<p class=\"none\">未发现问题。</p>\n");
        foreach (var (no, f) in ReportFacts.Numbered(report)) FindingBlock(sb, index, no, f);
        sb.Append("<p id=\"nomatch\" class=\"none\" hidden>没有符合筛选条件的问题。</p>\n");
        sb.Append("</main>\n<footer>由 gongkai 生成。数字单位同原表（一般为万元；绩效自评金额为元，比率为百分点）。")
          .Append("「行」「列」从 0 起计，与命令行输出一致。</footer>\n");
        sb.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- header and filters

    private static void Header(StringBuilder sb, ReadResult read, AuditReport report, string fileName)
    {
        var d = read.Disclosure;
        sb.Append("<header>\n<h1>审核报告 <small>").Append(E(ReportFacts.DocumentTitle(read))).Append("</small></h1>\n<dl class=\"meta\">");
        Meta(sb, "文件", fileName);
        Meta(sb, "部门", d.DepartmentName ?? "（未识别）");
        Meta(sb, "年度", d.Year?.ToString(CultureInfo.InvariantCulture) ?? "（未识别）");
        Meta(sb, "类型", ReportFacts.KindName(d.Kind));
        Meta(sb, "识别表格", $"{d.Tables.Count(t => t.Kind != TableKind.Unknown)} 张");
        sb.Append("</dl>\n<p class=\"counts\">");
        foreach (var s in ReportFacts.Severities)
            sb.Append("<span class=\"badge ").Append(SevClass(s)).Append("\">").Append(s.Chinese()).Append(' ')
              .Append(report.Count(s)).Append(" 条</span>");
        sb.Append("<span class=\"muted\">其中尾差 ").Append(report.RoundingCount).Append(" 条</span></p>\n");
        sb.Append("<details class=\"rules\"><summary>运行规则 ").Append(report.RulesRun.Count).Append(" 条</summary><ul>");
        foreach (var id in report.RulesRun)
        {
            var r = ReportFacts.Rule(id);
            int n = report.ByRule(id).Count();
            sb.Append("<li><code>").Append(E(id)).Append("</code> ").Append(E(r?.Title ?? ""))
              .Append(n > 0 ? $" <b>{n} 条</b>" : " <span class=\"muted\">通过</span>").Append("</li>");
        }
        sb.Append("</ul></details>\n</header>\n");
    }

    private static void Meta(StringBuilder sb, string name, string value) =>
        sb.Append("<div><dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");

    private static void Filters(StringBuilder sb, AuditReport report)
    {
        sb.Append("<nav class=\"filters\" aria-label=\"筛选\">\n");
        foreach (var s in ReportFacts.Severities)
            sb.Append("<label class=\"chk ").Append(SevClass(s)).Append("\"><input type=\"checkbox\" name=\"sev\" value=\"")
              .Append(s.Chinese()).Append("\" checked> ").Append(s.Chinese()).Append(" (").Append(report.Count(s)).Append(")</label>");
        sb.Append("<select id=\"fcat\" aria-label=\"类别\"><option value=\"\">全部类别</option>");
        foreach (var g in report.Findings.GroupBy(f => f.Category).OrderBy(g => g.Key))
            sb.Append("<option value=\"").Append(E(g.Key.Chinese())).Append("\">").Append(E(g.Key.Chinese())).Append(" (").Append(g.Count()).Append(")</option>");
        sb.Append("</select><select id=\"frule\" aria-label=\"规则\"><option value=\"\">全部规则</option>");
        foreach (var g in report.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.Append("<option value=\"").Append(E(g.Key)).Append("\">").Append(E(g.Key)).Append(' ')
              .Append(E(ReportFacts.Rule(g.Key)?.Title ?? "")).Append(" (").Append(g.Count()).Append(")</option>");
        sb.Append("</select><input id=\"fq\" type=\"search\" placeholder=\"搜索说明、科目、编码、金额…\" aria-label=\"搜索\">")
          .Append("<button type=\"button\" id=\"fopen\">展开原文</button><button type=\"button\" id=\"fclose\">收起原文</button>")
          .Append("<span id=\"fcount\" class=\"muted\">共 ").Append(report.Findings.Count).Append(" 条</span>\n</nav>\n");
    }

    // ---------------------------------------------------------------- one finding

    private void FindingBlock(StringBuilder sb, SourceIndex index, int no, Finding f)
    {
        var rule = ReportFacts.Rule(f.RuleId);
        var table = ReportFacts.TableName(f.Table);
        var search = string.Join(" ", new[] { f.RuleId, rule?.Title, f.Message, f.Suggestion, table }
            .Concat(f.Locations.Select(l => l.Text)).Where(s => !string.IsNullOrEmpty(s)));
        sb.Append("<article class=\"finding ").Append(SevClass(f.Severity)).Append("\" id=\"f").Append(no)
          .Append("\" data-no=\"").Append(no).Append("\" data-rule=\"").Append(E(f.RuleId))
          .Append("\" data-sev=\"").Append(f.Severity.Chinese()).Append("\" data-cat=\"").Append(E(f.Category.Chinese()))
          .Append("\" data-search=\"").Append(E(search.ToLowerInvariant())).Append("\">\n");
        sb.Append("<h2><a class=\"no\" href=\"#f").Append(no).Append("\">#").Append(no).Append("</a>")
          .Append("<span class=\"badge ").Append(SevClass(f.Severity)).Append("\">").Append(f.Severity.Chinese()).Append("</span>")
          .Append(f.IsRoundingDifference ? "<span class=\"badge round\">尾差</span>" : "")
          .Append("<code class=\"rule\">").Append(E(f.RuleId)).Append("</code> ").Append(E(rule?.Title ?? ""))
          .Append("<span class=\"tags\"><span class=\"tag\">").Append(E(f.Category.Chinese())).Append("</span>");
        if (table.Length > 0) sb.Append("<span class=\"tag\">").Append(E(table)).Append("</span>");
        sb.Append("</span></h2>\n");
        if (!string.IsNullOrEmpty(rule?.Formula))
            sb.Append("<p class=\"formula\"><span class=\"lbl\">公式</span>").Append(E(rule.Formula)).Append("</p>\n");
        sb.Append("<p class=\"msg\">").Append(E(f.Message)).Append("</p>\n");
        if (f.Expected is not null || f.Found is not null)
        {
            bool whole = ReportFacts.IsWhole(f);
            sb.Append("<dl class=\"nums\"><div><dt>应为</dt><dd>").Append(E(ReportFacts.Amount(f.Expected, whole)))
              .Append("</dd></div><div><dt>实为</dt><dd>").Append(E(ReportFacts.Amount(f.Found, whole)))
              .Append("</dd></div><div class=\"diff\"><dt>差额</dt><dd>").Append(E(ReportFacts.Amount(f.Difference, whole, signed: true)))
              .Append("</dd></div></dl>\n");
        }
        if (!string.IsNullOrEmpty(f.Suggestion))
            sb.Append("<p class=\"suggest\"><span class=\"lbl\">建议</span>").Append(E(f.Suggestion)).Append("</p>\n");
        if (f.Locations.Count > 0)
        {
            sb.Append("<p class=\"locs\"><span class=\"lbl\">位置</span>");
            for (int i = 0; i < f.Locations.Count; i++)
            {
                if (i > 0) sb.Append("；");
                sb.Append("<span class=\"").Append(i == 0 ? "loc-primary" : "loc-other").Append("\">").Append(E(Where(f.Locations[i]))).Append("</span>");
            }
            sb.Append("</p>\n");
            var ctx = new StringBuilder();
            Context(ctx, index, f);
            if (ctx.Length > 0)
                // 提示 (mostly 尾差) start folded so that errors and warnings stand out; 展开原文 opens all
                sb.Append("<details class=\"ctx\"").Append(f.Severity == Severity.Info ? "" : " open").Append("><summary>原文定位</summary>\n")
                  .Append(ctx).Append("</details>\n");
        }
        sb.Append("</article>\n");
    }

    private enum Mark { None, Other, Primary }

    /// <summary>
    /// The source around a finding, in the order of its locations (primary first): each table it points at
    /// once with all its located cells, each sentence in its paragraph; then the PDF page regions.
    /// </summary>
    private void Context(StringBuilder sb, SourceIndex index, Finding f)
    {
        var locs = f.Locations.Select((l, i) => (Loc: l, Mark: i == 0 ? Mark.Primary : Mark.Other)).ToList();
        var tablesShown = new HashSet<int>();
        foreach (var (loc, mark) in locs)
        {
            if (loc.TableIndex is int t && index.Table(t) is { } table)
            {
                if (tablesShown.Add(t)) TableContext(sb, table, locs.Where(x => x.Loc.TableIndex == t).ToList());
                continue;
            }
            var lines = index.Paragraph(loc);
            if (lines.Count > 0) ParagraphContext(sb, lines, mark);
            else if (loc.TableIndex is int ti)
                sb.Append("<p class=\"missing\">原文中未找到表#").Append(ti).Append("（").Append(E(loc.Describe())).Append("）。</p>\n");
        }
        foreach (var g in locs.Where(x => x.Loc is { Page: not null, Box: not null }).GroupBy(x => x.Loc.Page!.Value))
            PageContext(sb, index, g.Key, g.ToList());
    }

    private void TableContext(StringBuilder sb, TableBlock t, List<(Provenance Loc, Mark Mark)> locs)
    {
        var cellMarks = new Dictionary<(int Row, int Col), Mark>();
        var rowMarks = new Dictionary<int, Mark>();
        foreach (var (loc, mark) in locs)
        {
            if (loc.Row is not int r) continue;
            if (loc.Column is int c) cellMarks[(r, c)] = Max(cellMarks.GetValueOrDefault((r, c)), mark);
            else rowMarks[r] = Max(rowMarks.GetValueOrDefault(r), mark);
        }
        var involved = cellMarks.Keys.Select(k => k.Row).Concat(rowMarks.Keys).Where(r => r >= 0 && r < t.Rows.Count).Distinct().ToList();
        var missing = locs.Where(x => x.Loc.Row is int r && (r < 0 || r >= t.Rows.Count)).ToList();

        // which rows to show: all of a short table, else the headings plus a window around the involved rows
        var show = new SortedSet<int>();
        if (t.Rows.Count <= FullTableRows) show.UnionWith(Enumerable.Range(0, t.Rows.Count));
        else
        {
            show.UnionWith(Enumerable.Range(0, SourceIndex.HeaderRowCount(t)));
            if (involved.Count == 0) show.UnionWith(Enumerable.Range(0, Math.Min(t.Rows.Count, 2 * WindowRows + 1)));
            foreach (var r in involved)
                show.UnionWith(Enumerable.Range(Math.Max(0, r - WindowRows), Math.Min(t.Rows.Count, r + WindowRows + 1) - Math.Max(0, r - WindowRows)));
        }

        int width = Math.Max(1, t.Rows.Max(r => r.Cells.Count == 0 ? 0 : r.Cells.Max(c => c.Column + Math.Max(1, c.ColSpan))));
        var first = t.Rows.Count > 0 ? t.Rows[0].Source : t.Source;
        sb.Append("<div class=\"src-table\"><div class=\"cap\">表#").Append(t.Index);
        if (_tableNames.TryGetValue(t.Index, out var tableName)) sb.Append(" · ").Append(E(tableName));
        if (t.Source.Page is int pg) sb.Append(" · 第").Append(pg).Append("页");
        if (first.Line is int fl)
        {
            var last = t.Rows.Count > 0 ? t.Rows[^1].Source.Line : null;
            sb.Append(" · 第").Append(fl).Append(last is int ll && ll != fl ? $"–{ll}" : "").Append("行");
        }
        sb.Append(" · 共 ").Append(t.Rows.Count).Append(" 行");
        if (show.Count < t.Rows.Count) sb.Append("，显示相关行前后各 ").Append(WindowRows).Append(" 行及表头");
        sb.Append("</div>\n<div class=\"scroll\"><table class=\"src\"><thead><tr><th class=\"ln\">行号</th><th class=\"ri\">行</th>");
        for (int c = 0; c < width; c++) sb.Append("<th class=\"ci\">列").Append(c).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        int prev = -1, headerRows = SourceIndex.HeaderRowCount(t);
        foreach (var r in show)
        {
            if (r > prev + 1)
                sb.Append("<tr class=\"gap\"><td colspan=\"").Append(width + 2).Append("\">… 省略 ").Append(r - prev - 1).Append(" 行 …</td></tr>\n");
            prev = r;
            var row = t.Rows[r];
            var rowMark = rowMarks.GetValueOrDefault(r);
            var rowClass = rowMark != Mark.None ? $"row-{(rowMark == Mark.Primary ? "primary" : "other")}" : r < headerRows ? "hd" : "";
            sb.Append("<tr").Append(rowClass.Length > 0 ? $" class=\"{rowClass}\"" : "").Append('>');
            sb.Append("<td class=\"ln\">").Append(LineLabel(row.Source)).Append("</td><td class=\"ri\">").Append(r).Append("</td>");
            int col = 0;
            foreach (var cell in row.Cells.OrderBy(c => c.Column))
            {
                if (cell.Column < col) continue; // overlapping spans: keep the first
                for (; col < cell.Column; col++) Td(sb, r, col, 1, "", cellMarks.GetValueOrDefault((r, col)));
                int span = Math.Max(1, cell.ColSpan);
                var mark = Mark.None;
                for (int c = cell.Column; c < cell.Column + span; c++) mark = Max(mark, cellMarks.GetValueOrDefault((r, c)));
                Td(sb, r, cell.Column, span, cell.Text, mark);
                col = cell.Column + span;
            }
            for (; col < width; col++) Td(sb, r, col, 1, "", cellMarks.GetValueOrDefault((r, col)));
            sb.Append("</tr>\n");
        }
        if (prev < t.Rows.Count - 1)
            sb.Append("<tr class=\"gap\"><td colspan=\"").Append(width + 2).Append("\">… 其后 ").Append(t.Rows.Count - 1 - prev).Append(" 行 …</td></tr>\n");
        sb.Append("</tbody></table></div>\n");
        foreach (var (loc, _) in missing)
            sb.Append("<p class=\"missing\">原表中没有该行：").Append(E(loc.Describe())).Append("</p>\n");
        sb.Append("</div>\n");
    }

    private static void Td(StringBuilder sb, int row, int col, int span, string text, Mark mark)
    {
        sb.Append("<td");
        if (span > 1) sb.Append(" colspan=\"").Append(span).Append('"');
        var num = IsAmountLike(text) ? " num" : "";
        if (mark != Mark.None)
            sb.Append(" class=\"hl hl-").Append(mark == Mark.Primary ? "primary" : "other").Append(num).Append("\" data-row=\"").Append(row)
              .Append("\" data-col=\"").Append(col).Append("\" title=\"").Append(mark == Mark.Primary ? "主要位置" : "相关位置").Append('"');
        else if (num.Length > 0) sb.Append(" class=\"num\"");
        sb.Append('>').Append(E(text)).Append("</td>");
    }

    /// <summary>Amounts are right-aligned; classification codes (three or more digits, no point) stay left like text.</summary>
    private static bool IsAmountLike(string text)
    {
        var t = text.Trim();
        return Numbers.Parse(t).IsNumeric && !(t.Length >= 3 && t.All(char.IsAsciiDigit));
    }

    private static void ParagraphContext(StringBuilder sb, IReadOnlyList<ParagraphLine> lines, Mark mark)
    {
        var cls = mark == Mark.Primary ? "primary" : "other";
        sb.Append("<div class=\"src-text\">");
        foreach (var l in lines)
        {
            sb.Append("<div class=\"tl\"><span class=\"ln\">").Append(LineLabel(l.Block.Source)).Append("</span><span class=\"tx\">");
            if (l.HighlightLength > 0)
                sb.Append(E(l.Text[..l.HighlightStart])).Append("<mark class=\"hl hl-").Append(cls).Append("\">")
                  .Append(E(l.Text.Substring(l.HighlightStart, l.HighlightLength))).Append("</mark>")
                  .Append(E(l.Text[(l.HighlightStart + l.HighlightLength)..]));
            else sb.Append(E(l.Text));
            sb.Append("</span></div>");
        }
        sb.Append("</div>\n");
    }

    /// <summary>A location as the list under a finding shows it: without the file name when it is the report's own file.</summary>
    private string Where(Provenance p) =>
        p.File.Length > 0 && string.Equals(Path.GetFileName(p.File), _fileName, StringComparison.Ordinal) ? (p with { File = "" }).Describe() : p.Describe();

    private static string LineLabel(Provenance p) =>
        p.Line is int l ? l.ToString(CultureInfo.InvariantCulture) : p.Page is int pg ? "p" + pg.ToString(CultureInfo.InvariantCulture) : "";

    // ---------------------------------------------------------------- PDF page region

    /// <summary>
    /// An SVG of the part of a PDF page around the finding's boxes: every cell and text block of that page
    /// with a box placed at it, the finding's boxes drawn on top. PDF coordinates (points, origin bottom-left)
    /// are flipped to SVG's top-left origin.
    /// </summary>
    private static void PageContext(StringBuilder sb, SourceIndex index, int page, List<(Provenance Loc, Mark Mark)> locs)
    {
        var items = index.OnPage(page);
        var boxes = locs.Select(x => (Box: x.Loc.Box!.Value, x.Mark)).ToList();
        double cl = boxes.Min(b => b.Box.Left), cr = boxes.Max(b => b.Box.Right);
        double cb = boxes.Min(b => b.Box.Bottom), ct = boxes.Max(b => b.Box.Top);
        if (items.Count > 0)
        {
            cl = Math.Min(cl, items.Min(i => i.Box.Left));
            cr = Math.Max(cr, items.Max(i => i.Box.Right));
        }
        const double margin = 72; // one inch above and below the finding
        double bottom = boxes.Min(b => b.Box.Bottom) - margin, top = boxes.Max(b => b.Box.Top) + margin;
        if (items.Count > 0)
        {
            bottom = Math.Max(bottom, Math.Min(cb, items.Min(i => i.Box.Bottom)) - 6);
            top = Math.Min(top, Math.Max(ct, items.Max(i => i.Box.Top)) + 6);
        }
        // never cut through a line: take in whole every item the region touches
        foreach (var it in items)
            if (it.Box.Top > bottom && it.Box.Bottom < top)
            {
                bottom = Math.Min(bottom, it.Box.Bottom - 2);
                top = Math.Max(top, it.Box.Top + 2);
            }
        double left = cl - 6, right = cr + 6;
        double w = Math.Max(1, right - left), h = Math.Max(1, top - bottom);
        double scale = Math.Min(1.6, 1100 / w);
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        double X(double x) => x - left;
        double Y(double y) => top - y;

        sb.Append("<figure class=\"page\"><figcaption>第").Append(page).Append("页局部（PDF 坐标，单位：点；")
          .Append("红框为主要位置，橙框为相关位置）</figcaption>\n<svg class=\"pdf\" viewBox=\"0 0 ")
          .Append(F(w)).Append(' ').Append(F(h)).Append("\" width=\"").Append(F(w * scale)).Append("\" height=\"").Append(F(h * scale))
          .Append("\" role=\"img\" aria-label=\"第").Append(page).Append("页局部\">")
          .Append("<rect class=\"paper\" x=\"0\" y=\"0\" width=\"").Append(F(w)).Append("\" height=\"").Append(F(h)).Append("\"/>");
        foreach (var it in items)
        {
            var b = it.Box;
            if (b.Right < left || b.Left > right || b.Top < bottom || b.Bottom > top) continue;
            double bw = Math.Max(0.5, b.Right - b.Left), bh = Math.Max(0.5, b.Top - b.Bottom);
            if (it.IsCell)
                sb.Append("<rect class=\"cell\" x=\"").Append(F(X(b.Left))).Append("\" y=\"").Append(F(Y(b.Top))).Append("\" width=\"")
                  .Append(F(bw)).Append("\" height=\"").Append(F(bh)).Append("\"/>");
            SvgText(sb, it.Text, X(b.Left), Y(b.Top), bw, bh, F, alignRight: it.IsCell && IsAmountLike(it.Text));
        }
        foreach (var (b, mark) in boxes.OrderBy(x => x.Mark))
            sb.Append("<rect class=\"box-").Append(mark == Mark.Primary ? "primary" : "other").Append("\" x=\"").Append(F(X(b.Left) - 1))
              .Append("\" y=\"").Append(F(Y(b.Top) - 1)).Append("\" width=\"").Append(F(b.Right - b.Left + 2)).Append("\" height=\"")
              .Append(F(b.Top - b.Bottom + 2)).Append("\"/>");
        sb.Append("</svg></figure>\n");
    }

    /// <summary>Text fitted into a box: one line for a short box, wrapped lines for a paragraph box.</summary>
    private static void SvgText(StringBuilder sb, string text, double x, double y, double w, double h, Func<double, string> f, bool alignRight)
    {
        text = text.Replace('\n', ' ').Trim();
        if (text.Length == 0) return;
        double fs = h <= 24 ? Math.Clamp(h * 0.7, 3, 11) : 9;
        int lines = Math.Max(1, (int)(h / (fs * 1.25)));
        var chunks = new List<string>();
        if (lines == 1) chunks.Add(text);
        else
        {
            int perLine = Math.Max(1, (int)(w / (fs * 0.95)));
            for (int i = 0; i < text.Length && chunks.Count < lines; i += perLine) chunks.Add(text.Substring(i, Math.Min(perLine, text.Length - i)));
        }
        for (int i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            double natural = chunk.Sum(c => c < 0x2E80 ? 0.55 : 1.0) * fs;
            bool right = alignRight && lines == 1 && natural <= w - 2;
            sb.Append("<text x=\"").Append(f(right ? x + w - 1 : x + 1)).Append(right ? "\" text-anchor=\"end" : "").Append("\" y=\"").Append(f(y + (lines == 1 ? (h + fs * 0.7) / 2 : fs * 1.25 * (i + 1) - fs * 0.25)))
              .Append("\" font-size=\"").Append(f(fs)).Append('"');
            if (natural > w - 2) sb.Append(" textLength=\"").Append(f(Math.Max(1, w - 2))).Append("\" lengthAdjust=\"spacingAndGlyphs\"");
            sb.Append('>').Append(E(chunk)).Append("</text>");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Mark Max(Mark a, Mark b) => a > b ? a : b;

    private static string SevClass(Severity s) => s switch
    {
        Severity.Error => "sev-error",
        Severity.Warning => "sev-warning",
        _ => "sev-info",
    };

    /// <summary>HTML-escape text and attribute values; control characters other than tab and newline are dropped.</summary>
    public static string E(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n': sb.Append(c); break;
                default:
                    if (!char.IsControl(c)) sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private const string Css = """

:root{--err:#c62828;--err-bg:#fdecea;--warn:#b85c00;--warn-bg:#fff1e0;--info:#1565c0;--info-bg:#e8f1fb;--line:#d9dde3;--muted:#6b7280}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:#1f2328;background:#f5f6f8}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px}
h1{margin:0 0 8px;font-size:22px}h1 small{font-size:15px;font-weight:normal;color:var(--muted);margin-left:8px}
dl.meta{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0 0 8px}dl.meta div{display:flex;gap:6px}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.counts{margin:4px 0;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;font-weight:600;white-space:nowrap}
.badge.sev-error{background:var(--err);color:#fff}.badge.sev-warning{background:var(--warn);color:#fff}.badge.sev-info{background:var(--info);color:#fff}
.badge.round{background:#e5e7eb;color:#374151}
.muted{color:var(--muted)}
details.rules summary{cursor:pointer;color:var(--muted)}details.rules ul{columns:3 300px;margin:6px 0;padding-left:18px;font-size:13px}
nav.filters{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:8px 24px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;box-shadow:0 1px 3px rgba(0,0,0,.06)}
nav.filters select,nav.filters input[type=search],nav.filters button{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:4px;background:#fff}
nav.filters input[type=search]{min-width:240px;flex:1 1 240px;max-width:420px}
nav.filters button{cursor:pointer}
.chk{white-space:nowrap;padding:2px 6px;border-radius:4px}.chk.sev-error{background:var(--err-bg)}.chk.sev-warning{background:var(--warn-bg)}.chk.sev-info{background:var(--info-bg)}
main{padding:12px 24px;max-width:1400px}
article.finding{background:#fff;border:1px solid var(--line);border-left:5px solid var(--info);border-radius:6px;padding:10px 16px;margin:0 0 12px}
article.sev-error{border-left-color:var(--err)}article.sev-warning{border-left-color:var(--warn)}
article h2{font-size:15px;margin:0 0 6px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
a.no{color:var(--muted);text-decoration:none;font-weight:normal}
code.rule{font-family:Consolas,Menlo,monospace;background:#f0f2f5;padding:0 4px;border-radius:3px}
.tags{margin-left:auto;display:flex;gap:4px}.tag{font-size:12px;font-weight:normal;background:#f0f2f5;color:#374151;padding:0 6px;border-radius:3px}
p{margin:4px 0}.lbl{display:inline-block;min-width:3em;color:var(--muted);margin-right:6px}
.formula{font-size:13px;color:#374151}
dl.nums{display:flex;gap:6px;margin:6px 0}dl.nums div{border:1px solid var(--line);border-radius:4px;padding:2px 10px;text-align:right;min-width:110px}
dl.nums dt{font-size:12px;color:var(--muted);text-align:left}dl.nums dd{margin:0;font-family:Consolas,Menlo,monospace;font-size:15px}
dl.nums .diff dd{color:var(--err);font-weight:600}
.suggest{background:#f3faf3;border-radius:4px;padding:2px 6px}
.locs{font-size:12px;color:var(--muted)}.loc-primary{color:var(--err)}.loc-other{color:var(--warn)}
details.ctx{margin-top:6px}details.ctx>summary{cursor:pointer;color:var(--muted);font-size:13px}
.src-table{margin:6px 0 10px}.cap{font-size:12px;color:var(--muted);margin-bottom:2px}
.scroll{overflow-x:auto;max-width:100%}
table.src{border-collapse:collapse;font-size:13px}
table.src th,table.src td{border:1px solid var(--line);padding:1px 6px;vertical-align:top}
table.src th{background:#f7f8fa;font-weight:normal;color:var(--muted);font-size:11px}
table.src td.num{text-align:right;font-family:Consolas,Menlo,monospace;white-space:nowrap}
table.src tr.hd td{background:#f3f5f8;color:#374151}
table.src td.ln,table.src td.ri{color:var(--muted);font-size:11px;text-align:right;background:#fafbfc;font-family:Consolas,Menlo,monospace}
tr.gap td{text-align:center;color:var(--muted);background:#fafbfc;font-size:12px}
.hl-primary{background:#ffd5d2 !important;outline:2px solid var(--err);outline-offset:-2px;font-weight:700}
.hl-other{background:#ffe8c7 !important;outline:2px solid #f59e0b;outline-offset:-2px}
tr.row-primary td{background:#fff0ef}tr.row-other td{background:#fff7ea}
mark.hl{padding:0 1px;border-radius:2px;outline:none;color:inherit}mark.hl-primary{background:#ffd5d2;font-weight:normal;box-shadow:inset 0 -2px 0 var(--err)}mark.hl-other{background:#ffe8c7}
.src-text{border:1px solid var(--line);border-radius:4px;background:#fcfcfd;margin:6px 0}
.tl{display:flex;gap:10px;padding:2px 8px}.tl .ln{color:var(--muted);font-family:Consolas,Menlo,monospace;font-size:11px;min-width:3em;text-align:right;padding-top:2px}
.missing{color:var(--muted);font-size:12px}
figure.page{margin:6px 0}figure.page figcaption{font-size:12px;color:var(--muted)}
svg.pdf{max-width:100%;height:auto;border:1px solid var(--line);background:#fff}
svg.pdf .paper{fill:#fff}svg.pdf .cell{fill:none;stroke:#e3e6ea;stroke-width:.5}
svg.pdf text{fill:#1f2328;font-family:inherit}
svg.pdf .box-primary{fill:rgba(198,40,40,.12);stroke:var(--err);stroke-width:1.5}
svg.pdf .box-other{fill:rgba(245,158,11,.12);stroke:#f59e0b;stroke-width:1.2}
.none{color:var(--muted);padding:20px}
footer{color:var(--muted);font-size:12px;padding:8px 24px 24px}
[hidden]{display:none !important}
@media print{nav.filters{display:none}article.finding{break-inside:avoid}}

""";

    private const string Script = """

(function(){
  var items=[].slice.call(document.querySelectorAll('article.finding'));
  var sev=[].slice.call(document.querySelectorAll('input[name=sev]'));
  var cat=document.getElementById('fcat'),rule=document.getElementById('frule'),q=document.getElementById('fq');
  var count=document.getElementById('fcount'),none=document.getElementById('nomatch');
  function apply(){
    var on={};sev.forEach(function(s){if(s.checked)on[s.value]=1;});
    var c=cat.value,r=rule.value,t=q.value.trim().toLowerCase().split(/\s+/).filter(Boolean),n=0;
    items.forEach(function(a){
      var ok=on[a.dataset.sev]&&(!c||a.dataset.cat===c)&&(!r||a.dataset.rule===r);
      if(ok&&t.length){var s=a.dataset.search;ok=t.every(function(w){return s.indexOf(w)>=0;});}
      a.hidden=!ok;if(ok)n++;
    });
    count.textContent='显示 '+n+' / '+items.length+' 条';
    none.hidden=n>0||items.length===0;
  }
  sev.forEach(function(s){s.addEventListener('change',apply);});
  cat.addEventListener('change',apply);rule.addEventListener('change',apply);q.addEventListener('input',apply);
  function all(open){document.querySelectorAll('details.ctx').forEach(function(d){d.open=open;});}
  document.getElementById('fopen').addEventListener('click',function(){all(true);});
  document.getElementById('fclose').addEventListener('click',function(){all(false);});
  apply();
})();

""";
}
