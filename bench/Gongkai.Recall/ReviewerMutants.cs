using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Recall;

/// <summary>
/// Error classes for the checks a careful reviewer makes that the first families left out (issue 9, item 4): a 绩效
/// indicator whose value does not fit its unit or operator, a cost indicator above the project's money, a 自评 score
/// above its weight or an execution above the year's budget, a grade that does not fit the score, a completion of 0 %
/// said of a non-zero amount, a rate without its % sign, a procurement table above the year's spending.
/// </summary>
public static partial class Mutants
{
    private static IReadOnlyList<ErrorClass> ReviewerClasses() =>
    [
        new("qualitative-value", "定量指标的指标值写成文字（≥ 有效提升 %）", Set("GK624", "GK616"), QualitativeValue) { TouchesTables = true, Family = "performance" },
        new("count-fraction", "计数指标的指标值不是整数（12.5 人）", Set([.. SelfEvaluation, "GK625"]), CountFraction) { TouchesTables = true, Family = "units" },
        new("cost-above-funds", "成本指标金额超过项目当年资金", Set("GK626", "GK612"), CostAboveFunds) { TouchesTables = true, OnSeeds = false, Family = "performance" },
        new("score-above-weight", "自评指标得分超过指标权重", Set([.. SelfEvaluation, "GK623"]), ScoreAboveWeight) { TouchesTables = true, Family = "performance" },
        new("execution-above-budget", "自评全年执行数超过全年预算数", Set([.. SelfEvaluation, "GK627", "GK618", "GK317", "GK622"]), ExecutionAboveBudget) { TouchesTables = true, Family = "performance" },
        new("grade-vs-score", "评价等级与得分不符（86 分写为优）", Set("GK426"), GradeVsScore) { Family = "performance" },
        new("zero-completion", "有支出却写完成年初预算的0%", Set("GK428", "GK409", "GK423"), ZeroCompletion) { Family = "zero-base" },
        new("percent-sign", "百分比漏写百分号", Set("GK712"), PercentSign) { Family = "units" },
        new("procurement-above-spending", "政府采购表金额以元填在万元表中（超过全部支出）", Set("GK320", "GK414", "GK318", "GK230", "GK231"), ProcurementAboveSpending) { TouchesTables = true, OnSeeds = false, Family = "cross-table" },
    ];

    /// <summary>The column of the header cell (of the table the data line is in) that the predicate picks; −1 when none.</summary>
    private static int HeaderColumn(string[] lines, int line, Func<string, bool> header)
    {
        for (int i = line - 1; i >= 0 && IsTableLine(lines[i]); i--)
        {
            var k = Array.FindIndex(Cells(lines[i]), c => header(c.Trim()));
            if (k >= 0) return k;
        }
        return -1;
    }

    private static bool IsUnitHeader(string h) => h is "计量单位" or "度量单位";

    /// <summary>A “≥ 98 %” indicator whose value is written as words.</summary>
    private static string? QualitativeValue(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h == "指标值").Where(x =>
        {
            var cells = Cells(lines[x.Line]);
            int u = HeaderColumn(lines, x.Line, IsUnitHeader), o = HeaderColumn(lines, x.Line, h => h == "指标性质");
            return u >= 0 && o >= 0 && u < cells.Length && o < cells.Length && cells[u].Trim() == "%" && cells[o].Trim() is "≥" or "≤"
                   && Dec(cells[x.Col]) is not null;
        }).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        SetCell(lines, li, ci, r.Next(2) == 0 ? " 有效提升 " : " 明显改善 ");
        return Join(lines);
    }

    private static readonly string[] CountUnitCells = ["人", "个", "户", "家", "项", "人次", "件", "所"];

    /// <summary>A count indicator's value keyed with a fraction (12 人 → 12.5 人).</summary>
    private static string? CountFraction(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h == "指标值").Where(x =>
        {
            var cells = Cells(lines[x.Line]);
            int u = HeaderColumn(lines, x.Line, IsUnitHeader);
            return u >= 0 && u < cells.Length && CountUnitCells.Contains(cells[u].Trim()) && Dec(cells[x.Col]) is decimal v && v == decimal.Truncate(v) && v > 0
                   && !Regex.IsMatch(lines[x.Line], "均|每|率");
        }).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var v0 = Dec(Cells(lines[li])[ci])!.Value;
        SetCell(lines, li, ci, " " + (v0 + 0.5m).ToString("0.0", CultureInfo.InvariantCulture) + " ");
        return Join(lines);
    }

    /// <summary>A 数量指标 row of a project target table rewritten as a 成本指标 in 万元 above the project's 当年预算.</summary>
    private static string? CostAboveFunds(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, decimal Amount)>();
        decimal? amount = null;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) { if (lines[i].StartsWith('#')) amount = null; continue; }
            var cells = Cells(lines[i]).Select(x => x.Trim()).ToArray();
            var label = cells.FirstOrDefault(x => x.Length > 0) ?? "";
            if (label.StartsWith("当年预算") || label.StartsWith("年度资金总额") || label.StartsWith("项目总金额"))
                amount = cells.Select(Dec).FirstOrDefault(v => v is > 0m);
            if (amount is decimal a && a >= 1m && cells.Contains("数量指标") && HeaderColumn(lines, i, h => h == "三级指标") >= 0) candidates.Add((i, a));
        }
        if (candidates.Count == 0) return null;
        var (li, amt) = candidates[r.Next(candidates.Count)];
        int l2 = HeaderColumn(lines, li, h => h == "二级指标"), l3 = HeaderColumn(lines, li, h => h == "三级指标"),
            op = HeaderColumn(lines, li, h => h == "指标性质"), val = HeaderColumn(lines, li, h => h == "指标值"), unit = HeaderColumn(lines, li, IsUnitHeader);
        if (new[] { l2, l3, op, val, unit }.Any(x => x < 0 || x >= Cells(lines[li]).Length)) return null;
        var cost = Math.Round(amt * (decimal)(1.3 + r.NextDouble() * 3), 2);
        SetCell(lines, li, l2, " 成本指标 ");
        SetCell(lines, li, l3, " 项目实施成本 ");
        SetCell(lines, li, op, " ≤ ");
        SetCell(lines, li, val, " " + cost.ToString("0.00", CultureInfo.InvariantCulture) + " ");
        SetCell(lines, li, unit, " 万元 ");
        return Join(lines);
    }

    /// <summary>An indicator's 指标得分 of a 自评表 written above its 指标权重.</summary>
    private static string? ScoreAboveWeight(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h == "指标得分").Where(x =>
        {
            int w = HeaderColumn(lines, x.Line, h => h is "指标权重" or "权重");
            var cells = Cells(lines[x.Line]);
            return w >= 0 && w < cells.Length && Dec(cells[w]) is > 0m && Dec(cells[x.Col]) is not null;
        }).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var w0 = Dec(Cells(lines[li])[HeaderColumn(lines, li, h => h is "指标权重" or "权重")])!.Value;
        var cell = Cells(lines[li])[ci];
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(w0 + r.Next(2, 9), cell.Trim().Contains('.') ? cell : cell + ".00")));
        return Join(lines);
    }

    /// <summary>The 全年（调整）预算数 of a 自评 funds line replaced by a smaller figure (the 全年执行数 now exceeds it).</summary>
    private static string? ExecutionAboveBudget(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h is "全年（调整）预算数" or "全年预算数").Where(x =>
        {
            int e = HeaderColumn(lines, x.Line, h => h == "全年执行数");
            var cells = Cells(lines[x.Line]);
            return e >= 0 && e < cells.Length && Dec(cells[e]) is > 100m && Dec(cells[x.Col]) is > 0m;
        }).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var exec = Dec(Cells(lines[li])[HeaderColumn(lines, li, h => h == "全年执行数")])!.Value;
        var cell = Cells(lines[li])[ci];
        var nv = Math.Round(exec * (decimal)(0.6 + r.NextDouble() * 0.3), 2);
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(nv, cell)));
        return Join(lines);
    }

    /// <summary>A grade added to a stated 自评 score that does not fit it (优 for 86 分, 良 for 95 分).</summary>
    private static string? GradeVsScore(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(整体绩效自评得分|自评得分|评价得分)(\d{1,3}(?:\.\d+)?)分"), (m, rr) =>
        {
            var s = decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (s > 100m) return null;
            string[] wrong = s >= 90m ? ["良", "中"] : s >= 80m ? ["优", "中"] : s >= 60m ? ["优", "良"] : ["中", "良"];
            return m.Value + "，评价等级为“" + wrong[rr.Next(wrong.Length)] + "”";
        });

    /// <summary>A completion rate of a non-zero amount written as 0 %.</summary>
    private static string? ZeroCompletion(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"完成(年初|全年)预算的(\d+\.\d{2})%"), (m, _) =>
            m.Groups[2].Value is "0.00" ? null : $"完成{m.Groups[1].Value}预算的0.00%");

    /// <summary>A change rate written without its % sign.</summary>
    private static string? PercentSign(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(增长|下降)(\d+\.\d{2})%(?=[，。；])"), (m, _) => m.Groups[1].Value + m.Groups[2].Value);

    /// <summary>Every amount of the 政府采购 table written in 元 under the table's 万元 label (×10000).</summary>
    private static string? ProcurementAboveSpending(string text, Random r)
    {
        var lines = Lines(text);
        var touched = false;
        foreach (var i in SectionLines(lines, h => h.Contains("政府采购") && h.Contains("表")).ToList())
        {
            if (!IsTableLine(lines[i]) || IsRule(lines[i])) continue;
            var parts = Cells(lines[i]);
            for (int c = 0; c < parts.Length; c++)
                if (Number.IsMatch(parts[c].Trim()) && Dec(parts[c]) is decimal v && v > 0m && parts[c].Contains('.'))
                {
                    parts[c] = parts[c].Replace(parts[c].Trim(), Fmt(v * 10000m, parts[c]));
                    touched = true;
                }
            lines[i] = string.Join(Separator(lines[i]), parts);
        }
        return touched ? Join(lines) : null;
    }
}
