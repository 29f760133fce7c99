using Gongkai.Model;
using Gongkai.Recognition;

namespace Gongkai.Cli.Output;

/// <summary>
/// A readable Chinese summary of a read disclosure for an 80-column terminal: kind, year, department,
/// recognized tables with their key rows, performance counts, narrative claims and read notes.
/// </summary>
public sealed class TextModelWriter(TextWriter output, int columns = 80)
{
    /// <summary>Read notes printed in full before the rest is summarised by a count.</summary>
    public int MaxNotes { get; init; } = 30;

    private static readonly SummaryLine[] KeyLines =
    [
        SummaryLine.TotalIncomeThisYear, SummaryLine.GrandTotalIncome,
        SummaryLine.TotalExpenditureThisYear, SummaryLine.GrandTotalExpenditure,
    ];

    public void Write(ReadResult result)
    {
        var d = result.Disclosure;
        var src = result.Source;
        var name = Path.GetFileName(d.File.Length > 0 ? d.File : src.File);
        Line($"━━ {name} " + new string('━', Math.Max(3, (columns - TerminalText.Width(name) - 4) / 2)));
        Line($"文件：{(d.File.Length > 0 ? d.File : src.File)}");
        Line($"类型：{Labels.Of(d.Kind)}{(d.Scope == DocumentScope.Unit ? "（单位）" : "")}　年度：{(d.Year?.ToString() ?? "未识别")}　部门：{d.DepartmentName ?? "未识别"}");
        if (!string.IsNullOrEmpty(d.Title)) Line($"标题：{d.Title}");
        Line($"源文档：{Labels.Of(src.Format)}，{src.Texts.Count()} 个文本段，{src.Tables.Count()} 个表格");

        WriteTables(d);
        WriteRecognition(d);
        WritePerformance(d);
        WriteThreePublic(d);
        WriteClaims(d);
        WriteNotes(d);
        output.WriteLine();
    }

    private void WriteTables(Disclosure d)
    {
        if (d.Tables.Count == 0)
        {
            Line("识别的表格：无");
            return;
        }
        Line($"识别的表格（{d.Tables.Count} 张）：");
        int n = 0;
        foreach (var t in d.Tables)
        {
            n++;
            var where = t.Source.Line is int l ? $"，第{l}行" : t.Source.Page is int p ? $"，第{p}页" : "";
            var empty = t.IsEmpty ? "，空表" : "";
            Line($"{n,3}. {Labels.Of(t.Kind)}：{t.Title}（{t.Rows.Count} 行{empty}{where}）");
            foreach (var row in KeyRows(t))
                Line($"       {RowText(row, t.Unit)}");
            if (t.IsEmpty && t.Notes.Count > 0) Line($"       注：{t.Notes[0]}");
        }
    }

    /// <summary>
    /// The recognition report: the standard tables found, the tables and columns that could not be mapped, and
    /// what became of the numeric cells of the source tables.
    /// </summary>
    private void WriteRecognition(Disclosure d)
    {
        var r = d.Recognition;
        var standard = r.Tables.Where(t => Gongkai.Audit.TableNames.IsStandard(t.Kind)).Select(t => Gongkai.Audit.TableNames.ShortId(t.Kind)).Distinct().ToList();
        Line($"识别报告：标准表格 {standard.Count} 张{(standard.Count > 0 ? "（" + string.Join(" ", standard) + "）" : "")}");
        var unknown = r.Tables.Where(t => t.Kind == TableKind.Unknown).ToList();
        if (unknown.Count > 0)
        {
            Line($"  未能识别的表格 {unknown.Count} 张：");
            foreach (var t in unknown.Take(MaxNotes))
                Line($"    · 「{(t.Title.Length > 0 ? t.Title : "（无标题）")}」{(t.Page is int p ? $"第{p}页" : "")}，{t.Rows} 行");
        }
        var columns = r.Tables.Where(t => t.Kind != TableKind.Unknown && t.UnmappedColumns.Count > 0).ToList();
        if (columns.Count > 0)
        {
            Line("  含数字但含义未能识别的列：");
            foreach (var t in columns.Take(MaxNotes))
                Line($"    · {Short(t.Kind)}{(t.Page is int p ? $"（第{p}页）" : "")}：{string.Join("、", t.UnmappedColumns.Select(h => "「" + h + "」"))}");
        }
        Line($"  数字单元格 {r.NumericCells} 个：未归入 {r.UnplacedCells}，入模型 {r.BoundCells}，编码/序号 {r.StructuralCells}，备注 {r.ReportedCells}");
        foreach (var t in r.Tables.Where(t => t.UnplacedCells > 0).Take(MaxNotes))
            Line($"    · 未归入 {t.UnplacedCells} 个：{Short(t.Kind)}{(t.Page is int p ? $"（第{p}页）" : "")}「{t.Title}」");
    }

    /// <summary>B1…F9 for a standard table, else its Chinese name.</summary>
    private static string Short(TableKind k) => Gongkai.Audit.TableNames.IsStandard(k) ? Gongkai.Audit.TableNames.ShortId(k) : Labels.Of(k);

    /// <summary>The rows worth showing in a summary: totals of summary tables, else the 合计 row.</summary>
    private static IEnumerable<DataRow> KeyRows(DisclosureTable t)
    {
        var lines = KeyLines.Select(t.Line).OfType<DataRow>().ToList();
        if (lines.Count > 0) return lines;
        return t.TotalRow is DataRow total ? [total] : [];
    }

    private static string RowText(DataRow row, ValueUnit unit)
    {
        var label = string.IsNullOrWhiteSpace(row.Label) ? row.Code?.Value ?? "（无名称）" : row.Label;
        var values = row.Values.Where(kv => kv.Value.IsNumber).Take(4)
            .Select(kv => $"{Labels.Of(kv.Key)} {TerminalText.Amount(kv.Value.Value, kv.Value.Scale)}");
        var text = string.Join("，", values);
        return text.Length == 0 ? $"{label}：（无数字）" : $"{label}：{text}（{Labels.Of(unit)}）";
    }

    private void WritePerformance(Disclosure d)
    {
        int overall = d.PerformanceTargets.Count(p => p.IsOverall);
        int project = d.PerformanceTargets.Count - overall;
        int indicators = d.PerformanceTargets.Sum(p => p.Indicators.Count);
        Line($"绩效目标表：{d.PerformanceTargets.Count} 张（部门整体 {overall}，项目 {project}），共 {indicators} 项指标");
        if (d.SelfEvaluations.Count > 0)
        {
            int so = d.SelfEvaluations.Count(s => s.IsOverall);
            Line($"绩效自评表：{d.SelfEvaluations.Count} 张（部门整体 {so}，项目 {d.SelfEvaluations.Count - so}）");
        }
        else Line("绩效自评表：0 张");
    }

    private void WriteThreePublic(Disclosure d)
    {
        if (d.ThreePublic is ThreePublicExpenses tp)
        {
            foreach (var (basis, f) in new[] { ("预算", tp.Budget), ("决算", tp.Final) })
            {
                if (f.Total is null) continue;
                Line($"“三公”经费（{basis}）：合计 {Fig(f.Total)}，因公出国（境） {Fig(f.Abroad)}，" +
                     $"公务用车 {Fig(f.VehicleTotal)}，公务接待 {Fig(f.Reception)}");
            }
        }
        if (d.OperatingCosts is Figure oc) Line($"机关运行经费：{Fig(oc)}");
    }

    private static string Fig(Figure? f) => f is null ? "—" : f.IsNumber ? TerminalText.Amount(f.Value, f.Scale) : f.ToString();

    private void WriteClaims(Disclosure d)
    {
        if (d.Claims.Count == 0)
        {
            Line("叙述中的数字陈述：无");
            return;
        }
        Line($"叙述中的数字陈述（{d.Claims.Count} 条）：");
        foreach (var c in d.Claims)
        {
            var where = c.Source.Line is int l ? $"第{l}行 " : c.Source.Page is int p ? $"第{p}页 " : "";
            Line($"  · {where}{ClaimText(c)}");
        }
    }

    /// <summary>A claim on one line: subject, amount, change, share, completion, parts and counts.</summary>
    public static string ClaimText(Claim c)
    {
        var parts = new List<string>();
        var unit = Labels.Of(c.Unit);
        var head = string.IsNullOrEmpty(c.Subject) ? "（未命名）" : c.Subject;
        if (c.Amount is decimal a) head += $" {TerminalText.Amount(a, c.AmountScale)}{unit}";
        parts.Add(head);
        if (c.Direction is ChangeDirection dir)
        {
            var basis = c.ComparedYear is int y ? $"{y}年" : Labels.Of(c.Base);
            var s = $"比{(basis.Length > 0 ? basis : "基期")}{Labels.Of(dir)}";
            if (c.ChangeAmount is decimal ca) s += $" {TerminalText.Amount(ca, c.ChangeScale)}{unit}";
            if (c.ChangePercent is decimal cp) s += $"（{(c.PercentDirection == ChangeDirection.Decrease ? "下降" : "增长")}{cp}%）";
            parts.Add(s);
        }
        if (c.SharePercent is decimal sh) parts.Add($"占 {sh}%");
        if (c.CompletionPercent is decimal cr) parts.Add($"完成 {cr}%");
        if (c.Parts.Count > 0)
            parts.Add("其中 " + string.Join("、", c.Parts.Select(p => $"{p.Subject} {TerminalText.Amount(p.Amount, p.Scale)}")));
        if (c.Counts.Count > 0) parts.Add(string.Join(" ", c.Counts.Select(k => $"{k.Value}{k.Word}")));
        return string.Join("，", parts);
    }

    private void WriteNotes(Disclosure d)
    {
        if (d.Notes.Count == 0)
        {
            Line("读取备注：无");
            return;
        }
        Line($"读取备注（{d.Notes.Count} 条）：");
        foreach (var n in d.Notes.Take(MaxNotes))
        {
            var where = n.Source.Line is int l ? $"（第{l}行）" : n.Source.Page is int p ? $"（第{p}页）" : "";
            Line($"  · {n.Message}{where}");
        }
        if (d.Notes.Count > MaxNotes)
            Line($"  ……另有 {d.Notes.Count - MaxNotes} 条，用 --format json 查看全部。");
    }

    private void Line(string s) => output.WriteLine(TerminalText.Fit(s, columns));
}
