using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Recall;

/// <summary>
/// Error classes for rules that had none (issue 9, item 4, recall): the paired 部门/政府经济分类 codes of the Shaanxi
/// layout (GK508, GK510), the outer 合计 of a “三公”、会议费、培训费 table (GK226), a 项目总预算 below the year's money in
/// the 项目支出情况 block of a 整体绩效目标表 (GK628), and a 项 row of split 类 | 款 | 项 cells with its 款 left blank
/// (GK512). Each is the mistake as it is printed.
/// </summary>
public static partial class Mutants
{
    private static IReadOnlyList<ErrorClass> RulesTenClasses() =>
    [
        new("econ-pair", "部门经济分类对应的政府经济分类编码错配", Set("GK508", "GK510"), EconPair) { TouchesTables = true, OnSeeds = false, Family = "classification" },
        new("three-public-combined", "“三公”、会议费、培训费表中会议费、培训费或合计错数", Set([.. Identities, .. NarrativeRules]), ThreePublicCombined) { TouchesTables = true, Family = "arithmetic" },
        new("project-total-below-year", "项目总预算小于项目本年度预算", Set("GK628"), ProjectTotalBelowYear) { RareLayout = true, TouchesTables = true, Family = "performance" },
        // GK710 is a 提示 by design (reasons are worded every way): the class is measured as “hint only”, in the recall with 提示
        new("reason-direction", "增减原因与增减方向相反（增加的原因写成压减）", Set("GK710"), ReasonDirection) { HintByDesign = true, Family = "narrative" },
        new("split-code-shift", "编码分列为类、款、项时项级行款栏为空", Set("GK512"), SplitCodeShift) { TouchesTables = true, OnSeeds = false, Family = "classification" },
    ];

    private static readonly Regex FiveDigits = new(@"^\d{5}$", RegexOptions.Compiled);

    /// <summary>
    /// A paired row (30101 | 基本工资 | 50101 | 工资奖金津补贴) given the 政府经济分类 of another class, with that code's own
    /// name (30101 → 50201 办公经费), or its class code only (501 机关工资福利支出: the levels differ).
    /// </summary>
    private static string? EconPair(string text, Random r)
    {
        var lines = Lines(text);
        var rows = new List<(int Line, int Col)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]).Select(c => c.Trim()).ToArray();
            for (int c = 0; c + 3 < cells.Length; c++)
                if (FiveDigits.IsMatch(cells[c]) && cells[c][0] == '3' && FiveDigits.IsMatch(cells[c + 2]) && cells[c + 2] is "50101" or "50102" or "50103" or "50201"
                    // a department code the mapping holds a verified 机关 pairing for (otherwise no table can judge the pair)
                    && Gongkai.Compile.EconomicPairing.Candidates(cells[c], Gongkai.Compile.Payer.Organ).Any(m => m.Verified))
                    rows.Add((i, c + 2));
        }
        if (rows.Count == 0) return null;
        var (li, ci) = rows[r.Next(rows.Count)];
        var gov = Cells(lines[li])[ci].Trim();
        var (code, name) = r.Next(3) == 0
            ? gov.StartsWith("501", StringComparison.Ordinal) ? ("502", "机关商品和服务支出") : ("501", "机关工资福利支出")
            : gov.StartsWith("501", StringComparison.Ordinal) ? ("50201", "办公经费") : ("50101", "工资奖金津补贴");
        SetCell(lines, li, ci, " " + code + " ");
        SetCell(lines, li, ci + 1, " " + name + " ");
        return Join(lines);
    }

    /// <summary>The 会议费, the 培训费 or the outer 合计 of a “三公”、会议费、培训费 table keyed wrong.</summary>
    private static string? ThreePublicCombined(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var head = Cells(lines[i]).Select(c => c.Trim()).ToArray();
            int m = Array.IndexOf(head, "会议费"), t = Array.IndexOf(head, "培训费"), total = Array.IndexOf(head, "合计");
            if (m < 0 || t < 0 || total < 0) continue;
            for (int j = i + 1; j < lines.Length && IsTableLine(lines[j]); j++)
            {
                if (IsRule(lines[j])) continue;
                var row = Cells(lines[j]);
                if (row.Any(c => c.Trim() is "会议费" or "培训费" or "小计")) break;
                foreach (var c in new[] { m, t, total })
                    if (c < row.Length && Shift(row[c], new Random(0)) is not null) candidates.Add((j, c));
            }
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        SetCell(lines, li, ci, Shift(Cells(lines[li])[ci], r)!);
        return Join(lines);
    }

    /// <summary>
    /// A line of the 项目支出情况 block (项目名称 | 类别 | 项目总预算 | 项目本年度预算 | 用途) whose 项目总预算 is keyed below the
    /// year's money (a share of it).
    /// </summary>
    private static string? ProjectTotalBelowYear(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, int Whole, decimal Year)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var head = Cells(lines[i]).Select(c => c.Trim()).ToArray();
            int w = Array.FindIndex(head, c => c == "项目总预算"), y = Array.FindIndex(head, c => c is "项目本年度预算" or "本年度预算" or "项目当年预算");
            if (w < 0 || y < 0 || y <= w) continue;
            for (int j = i + 1; j < lines.Length && IsTableLine(lines[j]); j++)
            {
                if (IsRule(lines[j])) continue;
                var row = Cells(lines[j]);
                if (Math.Max(w, y) >= row.Length || Dec(row[w]) is not decimal whole || Dec(row[y]) is not decimal year) break;
                if (year >= 2m && whole >= year) candidates.Add((j, w, year));
            }
        }
        if (candidates.Count == 0) return null;
        var (li, ci, yv) = candidates[r.Next(candidates.Count)];
        var cell = Cells(lines[li])[ci];
        bool integer = !cell.Trim().Contains('.');
        var nv = Math.Round(yv * (decimal)(0.4 + r.NextDouble() * 0.5), integer ? 0 : 2);
        // below the year's money by more than the 尾差 of the printed precision (an integer 4 under 5 may be rounding)
        var step = integer ? 1m : 0.01m;
        if (yv - nv <= 2 * step) nv = yv - 3 * step;
        if (nv <= 0m) return null;
        SetCell(lines, li, ci, " " + (integer ? nv.ToString("0", CultureInfo.InvariantCulture) : Fmt(nv, cell)) + " ");
        return Join(lines);
    }

    private static bool IsClassCell(string s) => s.Length == 3 && s.All(char.IsAsciiDigit) && s[0] is '2';
    private static bool IsPartCell(string s) => s.Length == 2 && s.All(char.IsAsciiDigit);

    /// <summary>
    /// The function codes printed over 类 | 款 | 项 cells (each row in full), and one 项 row printed with its 款 cell left
    /// blank (201 |  | 01).
    /// </summary>
    private static string? SplitCodeShift(string text, Random r)
    {
        if (SplitCodes(text, sparse: false) is not { } split) return null;
        var lines = Lines(split);
        var candidates = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]).Select(c => c.Trim()).ToArray();
            for (int c = 0; c + 2 < cells.Length; c++)
                if (IsClassCell(cells[c]) && IsPartCell(cells[c + 1]) && IsPartCell(cells[c + 2])) { candidates.Add((i, c + 1)); break; }
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        SetCell(lines, li, ci, "  ");
        return string.Join('\n', lines);
    }

    private static readonly Regex ChangeWithItsReason = new(@"(增加|增长|减少|下降)(\d[\d,]*\.\d{2}万元[^。；]*?主要原因是)([^。；]{2,40})", RegexOptions.Compiled);

    /// <summary>The reason of a change copied from a change the other way (增加…主要原因是压减会议费).</summary>
    private static string? ReasonDirection(string text, Random r) =>
        ReplaceInNarrative(text, r, ChangeWithItsReason, (m, rr) =>
        {
            bool up = m.Groups[1].Value is "增加" or "增长";
            string[] opposite = up ? ["压减一般性支出", "会议和培训活动减少", "项目结束，支出下降"] : ["新增工作任务", "人员增加", "业务量上升"];
            return m.Groups[1].Value + m.Groups[2].Value + opposite[rr.Next(opposite.Length)];
        });
}
