using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Recall;

/// <summary>
/// Error classes for the rules no class exercised and for the §7 rows that were missing (issue 9, item 4): a narrative
/// figure left as a dash, two equipment thresholds in one document, the 目录's empty-table marks, an 教育收费 above
/// 事业收入, a 万元 indicator keyed in 元 and a 资金支出计划 that goes backwards. Each is the mistake as it is printed.
/// </summary>
public static partial class Mutants
{
    private static IReadOnlyList<ErrorClass> RulesNineClasses() =>
    [
        new("dash-value", "叙述中的金额以横线代替（支出—万元）", Set("GK713", "GK701"), DashValue) { Family = "template" },
        new("equipment-threshold", "设备单价标准前后不一（20万元 / 100万元）", Set("GK714"), EquipmentThreshold) { RareLayout = true, TouchesTables = true, Family = "procurement-assets" },
        new("toc-empty-on-data", "目录将有数据的表标为空表", Set("GK107", "GK103"), TocEmptyOnData) { RareLayout = true, TouchesTables = true, Family = "empty-table" },
        new("toc-empty-no-reason", "目录标为空表但未填理由", Set("GK108", "GK102"), TocEmptyNoReason) { RareLayout = true, TouchesTables = true, Family = "empty-table" },
        new("toc-order", "正文表格顺序与目录不一致", Set("GK110"), TocOrderSwap) { RareLayout = true, TouchesTables = true, Family = "structure" },
        new("education-fee", "教育收费大于事业收入", Set([.. Identities, "GK218"]), EducationFee) { RareLayout = true, TouchesTables = true, Family = "arithmetic" },
        new("indicator-yuan", "万元金额指标按元填写", Set([.. SelfEvaluation, "GK612", "GK626", "GK620"]), IndicatorYuan) { RareLayout = true, TouchesTables = true, Family = "units" },
        new("spending-plan", "资金支出计划累计进度倒退或未达100%", Set("GK615"), SpendingPlan) { RareLayout = true, Family = "performance" },
    ];

    /// <summary>An amount of a narrative sentence left as the template's dash.</summary>
    private static string? DashValue(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(?<=[\p{IsCJKUnifiedIdeographs}：])(\d[\d,]*\.\d{2})(万元)"), (m, rr) => (rr.Next(2) == 0 ? "—" : "——") + m.Groups[2].Value);

    private static readonly Regex ThresholdText = new(@"(单价\s*(?:在\s*)?)(\d+)(\s*万元\s*(?:（含）)?\s*以上)", RegexOptions.Compiled);

    /// <summary>One of the document's equipment-threshold statements written with another region's threshold (needs two statements).</summary>
    private static string? EquipmentThreshold(string text, Random r)
    {
        var lines = Lines(text);
        var hits = new List<(int Line, Match M)>();
        for (int i = 0; i < lines.Length; i++)
            foreach (Match m in ThresholdText.Matches(lines[i])) hits.Add((i, m));
        if (hits.Count < 2) return null;
        var (li, hm) = hits[r.Next(hits.Count)];
        var old = int.Parse(hm.Groups[2].Value, CultureInfo.InvariantCulture);
        var choices = new[] { 20, 50, 100, 200 }.Where(x => x != old).ToArray();
        var nv = choices[r.Next(choices.Length)];
        lines[li] = lines[li][..hm.Groups[2].Index] + nv.ToString(CultureInfo.InvariantCulture) + lines[li][(hm.Groups[2].Index + hm.Groups[2].Length)..];
        return Join(lines);
    }

    /// <summary>The 目录 rows (表N | title | 是否空表 | 理由) under a header with 是否空表.</summary>
    private static List<(int Line, int Empty, int Reason)> TocRows(string[] lines)
    {
        var rows = new List<(int, int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var head = Cells(lines[i]).Select(c => c.Trim()).ToArray();
            int e = Array.FindIndex(head, c => c == "是否空表"), why = Array.FindIndex(head, c => c.Contains("理由") || c.Contains("说明"));
            if (e < 0) continue;
            for (int j = i + 1; j < lines.Length && IsTableLine(lines[j]); j++)
                if (!IsRule(lines[j]) && Cells(lines[j]).Length > Math.Max(e, why)) rows.Add((j, e, why));
        }
        return rows;
    }

    /// <summary>A table with figures marked empty (是 / 不涉及) in the 目录.</summary>
    private static string? TocEmptyOnData(string text, Random r)
    {
        var lines = Lines(text);
        var rows = TocRows(lines).Where(x => Cells(lines[x.Line])[x.Empty].Trim().Length == 0 && !Cells(lines[x.Line]).Any(c => c.Contains("绩效"))
                                            && BodyHasFigures(lines, x.Line, Cells(lines[x.Line]))).ToList();
        if (rows.Count == 0) return null;
        var (li, e, why) = rows[r.Next(rows.Count)];
        SetCell(lines, li, e, "是");
        if (why >= 0) SetCell(lines, li, why, "不涉及");
        return Join(lines);
    }

    /// <summary>
    /// The body table a 目录 row names prints figures: a table line with an amount follows its title before the next
    /// heading. A table whose body shows nothing (lost in conversion, or printed empty) marked empty is no defect.
    /// </summary>
    private static bool BodyHasFigures(string[] lines, int tocLine, string[] tocCells)
    {
        var title = tocCells.Select(c => c.Trim()).Where(c => c.Length >= 6 && !Regex.IsMatch(c, @"^表\s*\d")).OrderByDescending(c => c.Length).FirstOrDefault();
        if (title is null) return false;
        for (int i = tocLine + 1; i < lines.Length; i++)
        {
            if (IsTableLine(lines[i]) || !lines[i].Contains(title, StringComparison.Ordinal)) continue;
            for (int j = i + 1; j < lines.Length && j < i + 400; j++)
            {
                var l = lines[j].Trim();
                if (l.StartsWith('#') || Regex.IsMatch(l, @"^表\s*\d+(?:-\d+)?$")) break;
                if (IsTableLine(lines[j]) && Regex.IsMatch(lines[j], @"(?<![\d.])\d+\.\d{2}(?![\d.])")) return true;
            }
            return false;
        }
        return false;
    }

    /// <summary>The reason of an empty table in the 目录 left blank.</summary>
    private static string? TocEmptyNoReason(string text, Random r)
    {
        var lines = Lines(text);
        var rows = TocRows(lines).Where(x => x.Reason >= 0 && Cells(lines[x.Line])[x.Empty].Trim() == "是" && Cells(lines[x.Line])[x.Reason].Trim().Length > 0).ToList();
        if (rows.Count == 0) return null;
        var (li, _, why) = rows[r.Next(rows.Count)];
        SetCell(lines, li, why, "");
        return Join(lines);
    }

    /// <summary>Two neighbouring tables of the 目录 listed in each other's place (the body keeps its order).</summary>
    private static string? TocOrderSwap(string text, Random r)
    {
        var lines = Lines(text);
        var rows = TocRows(lines).Where(x => Cells(lines[x.Line])[x.Empty].Trim().Length == 0 && !Cells(lines[x.Line]).Any(c => c.Contains("绩效"))).ToList();
        var pairs = rows.Zip(rows.Skip(1)).Where(p => p.Second.Line == p.First.Line + 1).ToList();
        if (pairs.Count == 0) return null;
        var (a, b) = pairs[r.Next(pairs.Count)];
        var ca = Cells(lines[a.Line]);
        var cb = Cells(lines[b.Line]);
        int t = Array.IndexOf(ca, ca.MaxBy(c => c.Trim().Length));
        if (t < 0 || t >= cb.Length) return null;
        (ca[t], cb[t]) = (cb[t], ca[t]);
        SetCell(lines, a.Line, t, ca[t]);
        SetCell(lines, b.Line, t, cb[t]);
        return Join(lines);
    }

    /// <summary>An 教育收费 (the “其中” column of 事业收入) keyed above its row's 事业收入.</summary>
    private static string? EducationFee(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h is "其中：教育收费" or "其中:教育收费").Where(x =>
        {
            var cells = Cells(lines[x.Line]);
            return x.Col > 0 && CodeRow(3)(cells) | CodeRow(5)(cells) | CodeRow(7)(cells) && Dec(cells[x.Col - 1]) is decimal s && s >= 0m && Dec(cells[x.Col]) is not null;
        }).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cells0 = Cells(lines[li]);
        var sub = Dec(cells0[ci - 1])!.Value;
        SetCell(lines, li, ci, cells0[ci].Replace(cells0[ci].Trim(), Fmt(sub + r.Next(5, 60), cells0[ci - 1])));
        return Join(lines);
    }

    /// <summary>A 万元 money indicator of a project target table keyed in 元 (×10000).</summary>
    private static string? IndicatorYuan(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h == "指标值").Where(x =>
        {
            var cells = Cells(lines[x.Line]);
            int u = HeaderColumn(lines, x.Line, IsUnitHeader);
            return u >= 0 && u < cells.Length && cells[u].Trim() == "万元" && Dec(cells[x.Col]) is > 0m;
        }).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cell = Cells(lines[li])[ci];
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(Dec(cell)!.Value * 10000m, cell)));
        return Join(lines);
    }

    private static readonly Regex PlanPercent = new(@"^(\s*)(\d{1,3})%\s*$", RegexOptions.Compiled);

    /// <summary>One step of a 资金支出计划 (cumulative 30% 60% 90% 100%) keyed below the one before it, or the last below 100 %.</summary>
    private static string? SpendingPlan(string text, Random r)
    {
        var lines = Lines(text);
        var runs = new List<List<int>>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("资金支出计划")) continue;
            var run = new List<int>();
            for (int j = i + 1; j < Math.Min(lines.Length, i + 20) && run.Count < 12; j++)
            {
                var s = lines[j].Trim();
                if (PlanPercent.IsMatch(lines[j].Replace("\t", ""))) run.Add(j);
                else if (run.Count > 0 && s.Length > 0) break;
            }
            if (run.Count >= 2) runs.Add(run);
        }
        if (runs.Count == 0) return null;
        var pick = runs[r.Next(runs.Count)];
        int k = r.Next(1, pick.Count);
        var prev = int.Parse(PlanPercent.Match(lines[pick[k - 1]].Replace("\t", "")).Groups[2].Value, CultureInfo.InvariantCulture);
        var cur = PlanPercent.Match(lines[pick[k]].Replace("\t", "")).Groups[2].Value;
        var nv = k == pick.Count - 1 ? Math.Max(prev, 100 - r.Next(5, 30)) : Math.Max(0, prev - r.Next(5, 20));
        if (nv.ToString(CultureInfo.InvariantCulture) == cur) return null;
        lines[pick[k]] = lines[pick[k]].Replace(cur + "%", nv.ToString(CultureInfo.InvariantCulture) + "%");
        return Join(lines);
    }
}
