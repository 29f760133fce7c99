using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Recall;

/// <summary>
/// Benign variants of the 决算 tables (公开01–09) and of the 决算 narrative: the layouts other regions and years use for
/// the same figures (carry-over rows in other words and order, absent zero columns of the 支出决算表, two-level headers,
/// 年初预算数 / 调整预算数 columns beside the 决算数, the 基本支出 blocks in two or three groups, the 三公 table in 预算 and 决算
/// blocks or in rows, an empty 政府性基金 / 国有资本经营 table with its note elsewhere, one table in 元), and the 决算 sentences
/// in other words (决算数为…，完成年初预算的…, 比上年决算增加…). Each returns null on a document without the part it changes
/// (a 预算, or a 决算 whose regional set has no such table).
/// </summary>
public static partial class Mutants
{
    private static IEnumerable<BenignVariant> FinalBenignVariants() =>
    [
        new("final-carry-wording", "决算：结转结余行的其他写法（上年结转和结余、期末结转结余、用事业基金弥补收支差额）", FinalCarryWording) { OnSeeds = false },
        new("final-carry-order", "决算：总表结转结余行换位（年初结转和结余在使用非财政拨款结余之前）", (t, _) => FinalCarryOrder(t)) { OnSeeds = false },
        new("final-spend-columns", "决算：支出决算表无零值的上缴上级/经营/对附属单位补助列", FinalSpendColumns) { OnSeeds = false },
        new("final-fiscal-two-level", "决算：财政拨款收支总表两级表头（收入/支出、财政拨款下分三类资金）", FinalFiscalTwoLevel) { OnSeeds = false },
        new("final-budget-columns", "决算：一般公共预算支出决算表带年初预算数/调整预算数列（两种次序）与完成率", FinalBudgetColumns) { OnSeeds = false },
        new("final-basic-groups", "决算：基本支出决算表人员经费/公用经费分两组或三组并排", FinalBasicGroups) { OnSeeds = false },
        new("final-sangong-blocks", "决算：三公表先列预算数一组、再列决算数一组（三级表头）", (t, _) => FinalThreePublicBlocks(t)) { OnSeeds = false },
        new("final-sangong-rows", "决算：三公表竖排（项目 | 预算数 | 决算数）", (t, _) => FinalThreePublicRows(t)) { OnSeeds = false },
        new("final-empty-note", "决算：空的政府性基金/国有资本经营表只留表头，说明在表上方或括号内", FinalEmptyNote) { OnSeeds = false },
        new("final-table-yuan", "决算：基本支出表与三公表以元列示，其余万元", (t, _) => FinalSomeTablesInYuan(t)) { OnSeeds = false, NeedsExactTables = true },
        new("final-narrative-forms", "决算：叙述用“决算数为…，完成年初预算的…”“比上年决算增加…”等写法", FinalNarrativeForms) { OnSeeds = false },
    ];

    // ------------------------------------------------------------------------------------------------ tables

    /// <summary>The pipe rows of the first table under a “### …” title that satisfies <paramref name="title"/>: (title
    /// line, first row, end).</summary>
    private static (int Title, int Start, int End)? FinalTable(string[] lines, Func<string, bool> title)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("### ") || !title(lines[i][4..].Trim())) continue;
            int s = i + 1;
            while (s < lines.Length && !lines[s].StartsWith("#") && !lines[s].TrimStart().StartsWith('|')) s++;
            if (s >= lines.Length || lines[s].StartsWith("#")) return null;
            int e = s;
            while (e < lines.Length && lines[e].TrimStart().StartsWith('|')) e++;
            return (i, s, e);
        }
        return null;
    }

    private static bool IsFinalText(string text) => Regex.IsMatch(text[..Math.Min(300, text.Length)], "决算");

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string[] Inner(string line)
    {
        var c = Cells(line);
        return c.Length >= 2 ? c[1..^1].Select(x => x.Trim()).ToArray() : [];
    }

    private static string? FinalCarryWording(string text, Random r)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text);
        string Pick(params string[] forms) => forms[r.Next(forms.Length)];
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["年初结转和结余"] = Pick("上年结转和结余", "年初结转与结余", "期初结转和结余", "年初结转结余"),
            ["年末结转和结余"] = Pick("年末结转与结余", "期末结转和结余", "年末结转结余"),
            ["使用非财政拨款结余和专用结余"] = Pick("使用非财政拨款结余", "用事业基金弥补收支差额", "使用非财政拨款结余（含专用结余）"),
            ["使用非财政拨款结余"] = Pick("用事业基金弥补收支差额", "使用非财政拨款结余（含专用结余）"),
            ["年初财政拨款结转和结余"] = Pick("上年财政拨款结转和结余", "年初财政拨款结转结余", "年初财政拨款结转与结余"),
            ["年末财政拨款结转和结余"] = Pick("年末财政拨款结转结余", "年末财政拨款结转与结余"),
        };
        bool changed = false;
        foreach (Func<string, bool> which in new Func<string, bool>[] { t => t.EndsWith("收入支出决算总表") && !t.Contains("财政拨款"), t => t.Contains("财政拨款收入支出决算总表") })
        {
            if (FinalTable(lines, which) is not { } t) continue;
            for (int i = t.Start; i < t.End; i++)
            {
                var cells = Cells(lines[i]);
                bool rowChanged = false;
                for (int c = 1; c < cells.Length - 1; c++)
                    if (map.TryGetValue(cells[c].Trim(), out var to)) { cells[c] = " " + to + " "; rowChanged = true; }
                if (rowChanged) { lines[i] = Join(lines[i], cells); changed = true; }
            }
        }
        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>收入支出决算总表: the two lines between 本年收入合计 and 总计 in the other order on each side.</summary>
    private static string? FinalCarryOrder(string text)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text);
        if (FinalTable(lines, t => t.EndsWith("收入支出决算总表") && !t.Contains("财政拨款")) is not { } t) return null;
        int income = -1, total = -1;
        for (int i = t.Start; i < t.End; i++)
        {
            var c = Inner(lines[i]);
            if (c.Length < 4) continue;
            if (c[0] == "本年收入合计") income = i;
            if (c[0] == "总计") total = i;
        }
        if (income < 0 || total != income + 3) return null;
        var a = Inner(lines[income + 1]);
        var b = Inner(lines[income + 2]);
        int half = a.Length / 2;
        // only the left side moves: the right side keeps 结余分配 above 年末结转和结余
        lines[income + 1] = Row([.. b[..half], .. a[half..]]);
        lines[income + 2] = Row([.. a[..half], .. b[half..]]);
        return string.Join('\n', lines);
    }

    private static readonly Regex MoneyCell = new(@"^-?[\d,]*\d(\.\d+)?$", RegexOptions.Compiled);

    private static decimal CellValue(string s) =>
        MoneyCell.IsMatch(s) ? decimal.Parse(s.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;

    /// <summary>支出决算表: the zero columns among 上缴上级支出 / 经营支出 / 对附属单位补助支出 left out (each with some
    /// chance), as regions print only the columns their sector uses.</summary>
    private static string? FinalSpendColumns(string text, Random r)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text);
        if (FinalTable(lines, t => Regex.IsMatch(t, "^(部门)?支出决算表$")) is not { } t) return null;
        var header = Inner(lines[t.Start]);
        var drop = new List<int>();
        foreach (var name in new[] { "上缴上级支出", "经营支出", "对附属单位补助支出" })
        {
            int col = Array.IndexOf(header, name);
            if (col < 0 || r.NextDouble() < 0.2) continue;
            bool zero = true;
            for (int i = t.Start + 1; i < t.End; i++)
            {
                var c = Inner(lines[i]);
                if (col < c.Length && CellValue(c[col]) != 0m) zero = false;
            }
            if (zero) drop.Add(col);
        }
        if (drop.Count == 0) return null;
        for (int i = t.Start; i < t.End; i++)
        {
            var c = Inner(lines[i]).ToList();
            foreach (var col in drop.OrderDescending()) if (col < c.Count) c.RemoveAt(col);
            lines[i] = Row([.. c]);
        }
        return string.Join('\n', lines);
    }

    /// <summary>财政拨款收入支出决算总表: a two-level header, 收入 / 支出 above the sides or 财政拨款 above the three funds
    /// (named without the trailing 财政拨款).</summary>
    private static string? FinalFiscalTwoLevel(string text, Random r)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text).ToList();
        if (FinalTable([.. lines], t => t.Contains("财政拨款收入支出决算总表")) is not { } t) return null;
        // the header row naming the funds
        int h = -1;
        for (int i = t.Start; i < Math.Min(t.End, t.Start + 4); i++)
            if (Inner(lines[i]).Any(c => c.StartsWith("一般公共预算"))) { h = i; break; }
        if (h < 0) return null;
        var cells = Inner(lines[h]);
        int fund = Array.FindIndex(cells, c => c.StartsWith("一般公共预算"));
        if (fund < 3) return null;
        var lower = cells.Select(c => c.EndsWith("财政拨款") && c.Length > 4 ? c[..^4] : c).ToArray();
        lower[fund - 1] = r.Next(2) == 0 ? "合计" : "小计";
        string[] upper;
        if (r.Next(2) == 0)
            upper = cells.Select((c, k) => k < fund - 1 ? c : k == fund - 1 ? "合计" : "财政拨款").ToArray();
        else
            upper = cells.Select((c, k) => k < 2 ? "收入" : "支出").ToArray();
        if (upper[fund - 1] == "合计") lower[fund - 1] = "合计";
        // drop an older top row (收入 | 收入 | 支出 …) so the header has two levels
        int top = t.Start;
        var replace = new List<string> { Row(upper), Row(Enumerable.Repeat("---", cells.Length).ToArray()), Row(lower) };
        int from = top, to = h + 1;
        if (to < t.End && IsRuleLine(lines[to])) to++;
        lines.RemoveRange(from, to - from);
        lines.InsertRange(from, replace);
        return string.Join('\n', lines);
    }

    private static readonly Regex ItemInitial = new(@"（(\d{7})）[^。；\n]{0,20}?(?:支出)?决算(?:数)?(?:为)?(\d[\d,]*\.\d{2})万元，年初预算(?:数)?(?:为)?(\d[\d,]*\.\d{2})万元", RegexOptions.Compiled);

    /// <summary>一般公共预算财政拨款支出决算表 with the budget beside the actual: 年初预算数 (from the narrative's per-项
    /// sentences, summed upward), sometimes 调整预算数, the 决算数 under a two-level header, either before or after the
    /// budget columns, and 完成年初预算的% where the base is not 0.</summary>
    private static string? FinalBudgetColumns(string text, Random r)
    {
        if (!IsFinalText(text)) return null;
        var initial = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (Match m in ItemInitial.Matches(text))
            initial[m.Groups[1].Value] = decimal.Parse(m.Groups[3].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        if (initial.Count == 0) return null;
        var lines = Lines(text).ToList();
        if (FinalTable([.. lines], t => t.Contains("一般公共预算财政拨款支出决算表") || t == "一般公共预算支出决算表") is not { } t) return null;
        // the data rows: code, name, 合计, 基本, 项目
        var rows = new List<string[]>();
        for (int i = t.Start; i < t.End; i++)
        {
            if (IsRuleLine(lines[i])) continue;
            var c = Inner(lines[i]);
            if (c.Length != 5) return null;
            if (c[2] is "合计" or "本年支出" && c[0].Contains("编码")) continue;
            rows.Add(c);
        }
        var items = rows.Where(c => Regex.IsMatch(c[0], @"^\d{7}$")).ToList();
        if (items.Count == 0 || items.Any(c => !initial.ContainsKey(c[0]))) return null;
        decimal Initial(string code) => code.Length == 0 ? items.Sum(c => initial[c[0]]) : items.Where(c => c[0].StartsWith(code, StringComparison.Ordinal)).Sum(c => initial[c[0]]);
        static string F(decimal v) => v.ToString("#,##0.00", CultureInfo.InvariantCulture);
        bool adjusted = r.Next(2) == 0, budgetFirst = r.Next(2) == 0, rate = r.Next(2) == 0;
        var budgetHead = adjusted ? new[] { "年初预算数", "调整预算数" } : ["年初预算数"];
        var actualHead = new[] { "合计", "基本支出", "项目支出" };
        string[] Compose(string[] lead, string[] budget, string[] actual, string[] tail) =>
            budgetFirst ? [.. lead, .. budget, .. actual, .. tail] : [.. lead, .. actual, .. budget, .. tail];
        var tailHead = rate ? new[] { "完成年初预算%" } : [];
        var upper = Compose(["科目编码", "科目名称"], budgetHead, ["决算数", "决算数", "决算数"], tailHead);
        var lower = Compose(["科目编码", "科目名称"], budgetHead, actualHead, tailHead);
        var output = new List<string> { Row(upper), Row(Enumerable.Repeat("---", upper.Length).ToArray()), Row(lower) };
        foreach (var c in rows)
        {
            bool total = c[0].Length == 0;
            if (!total && !Regex.IsMatch(c[0], @"^\d{3}(\d{2}){0,2}$")) return null;
            var b = Initial(c[0]);
            var budget = adjusted ? new[] { F(b), F(b) } : [F(b)];
            var actual = CellValue(c[2]);
            var tail = rate ? new[] { b == 0 ? "" : (actual / b * 100m).ToString("0.00", CultureInfo.InvariantCulture) } : [];
            output.Add(Row(Compose([c[0], c[1]], budget, [c[2], c[3], c[4]], tail)));
        }
        lines.RemoveRange(t.Start, t.End - t.Start);
        lines.InsertRange(t.Start, output);
        return string.Join('\n', lines);
    }

    /// <summary>一般公共预算财政拨款基本支出决算表 laid out again: the 人员经费 lines (301, 303) and the 公用经费 lines (302,
    /// 307, 310, 312, 399) in two column groups, or in three with the 公用经费 lines split in two, with or without the
    /// 人员经费 / 公用经费 row above; the totals row at the bottom.</summary>
    private static string? FinalBasicGroups(string text, Random r)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text).ToList();
        if (FinalTable([.. lines], t => t.Contains("基本支出决算表")) is not { } t) return null;
        var staff = new List<string[]>();
        var common = new List<string[]>();
        string? staffTotal = null, commonTotal = null;
        for (int i = t.Start; i < t.End; i++)
        {
            if (IsRuleLine(lines[i])) continue;
            var c = Inner(lines[i]);
            if (c.Length % 3 != 0) return null;
            for (int k = 0; k + 2 < c.Length; k += 3)
            {
                if (c[k] == "人员经费合计") staffTotal = c.Skip(k + 1).FirstOrDefault(x => MoneyCell.IsMatch(x) || x is "-" or "—") ?? "";
                if (c[k] == "公用经费合计") { commonTotal = c.Skip(k + 1).LastOrDefault(x => x.Length > 0) ?? ""; break; }
                if (!Regex.IsMatch(c[k], @"^\d{3}(\d{2})?$")) continue;
                (c[k][..3] is "301" or "303" ? staff : common).Add([c[k], c[k + 1], c[k + 2]]);
            }
        }
        if (staff.Count == 0 || common.Count == 0 || staffTotal is null || commonTotal is null) return null;
        int groups = r.Next(2) == 0 ? 2 : 3;
        var blocks = new List<List<string[]>> { staff };
        if (groups == 2) blocks.Add(common);
        else
        {
            // split the 公用经费 lines at the 款 nearest the middle
            int mid = common.Count / 2;
            int cut = Enumerable.Range(1, common.Count - 1).Where(k => common[k][0].Length == 3).OrderBy(k => Math.Abs(k - mid)).DefaultIfEmpty(mid).First();
            blocks.Add(common.Take(cut).ToList());
            blocks.Add(common.Skip(cut).ToList());
        }
        bool topRow = r.Next(2) == 0;
        string amount = r.Next(2) == 0 ? "决算数" : "金额";
        var output = new List<string>();
        int width = blocks.Count * 3;
        if (topRow)
        {
            output.Add(Row(blocks.SelectMany((_, k) => Enumerable.Repeat(k == 0 ? "人员经费" : "公用经费", 3)).ToArray()));
            output.Add(Row(Enumerable.Repeat("---", width).ToArray()));
            output.Add(Row(blocks.SelectMany(_ => new[] { "科目编码", "科目名称", amount }).ToArray()));
        }
        else
        {
            output.Add(Row(blocks.SelectMany(_ => new[] { "科目编码", "科目名称", amount }).ToArray()));
            output.Add(Row(Enumerable.Repeat("---", width).ToArray()));
        }
        int height = blocks.Max(b => b.Count);
        for (int i = 0; i < height; i++)
            output.Add(Row(blocks.SelectMany(b => i < b.Count ? b[i] : ["", "", ""]).ToArray()));
        var last = new string[width];
        for (int k = 0; k < width; k++) last[k] = "";
        last[0] = "人员经费合计";
        last[2] = staffTotal;
        last[3] = "公用经费合计";
        last[width - 1] = commonTotal;
        output.Add(Row(last));
        lines.RemoveRange(t.Start, t.End - t.Start);
        lines.InsertRange(t.Start, output);
        return string.Join('\n', lines);
    }

    /// <summary>The 三公 table's 12 figures (预算数, 决算数) of 合计, 出国, 用车小计, 购置, 运行维护, 接待.</summary>
    private static (int Start, int End, string[] Budget, string[] Actual)? ThreePublicFigures(List<string> lines)
    {
        if (FinalTable([.. lines], t => t.Contains("三公") && t.EndsWith("决算表")) is not { } t) return null;
        var data = Enumerable.Range(t.Start, t.End - t.Start).Where(i => !IsRuleLine(lines[i])).Select(i => Inner(lines[i])).ToList();
        if (data.Count != 3 || data.Any(c => c.Length != 12) || !data[1].SequenceEqual(Enumerable.Range(0, 12).Select(k => k % 2 == 0 ? "预算数" : "决算数"))) return null;
        var v = data[2];
        return (t.Start, t.End, Enumerable.Range(0, 6).Select(k => v[2 * k]).ToArray(), Enumerable.Range(0, 6).Select(k => v[2 * k + 1]).ToArray());
    }

    private static string? FinalThreePublicBlocks(string text)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text).ToList();
        if (ThreePublicFigures(lines) is not { } f) return null;
        string[] items = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置及运行维护费", "公务用车购置及运行维护费", "公务接待费"];
        string[] leaves = ["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"];
        var output = new List<string>
        {
            Row([.. Enumerable.Repeat("预算数", 6), .. Enumerable.Repeat("决算数", 6)]),
            Row(Enumerable.Repeat("---", 12).ToArray()),
            Row([.. items, .. items]),
            Row([.. leaves, .. leaves]),
            Row([.. f.Budget, .. f.Actual]),
        };
        lines.RemoveRange(f.Start, f.End - f.Start);
        lines.InsertRange(f.Start, output);
        return string.Join('\n', lines);
    }

    private static string? FinalThreePublicRows(string text)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text).ToList();
        if (ThreePublicFigures(lines) is not { } f) return null;
        string[] names = ["合计", "1.因公出国（境）费", "2.公务用车购置及运行维护费", "（1）公务用车购置费", "（2）公务用车运行维护费", "3.公务接待费"];
        var output = new List<string> { Row("项目", "预算数", "决算数"), Row("---", "---", "---") };
        for (int k = 0; k < 6; k++) output.Add(Row(names[k], f.Budget[k], f.Actual[k]));
        lines.RemoveRange(f.Start, f.End - f.Start);
        lines.InsertRange(f.Start, output);
        return string.Join('\n', lines);
    }

    /// <summary>An empty 政府性基金 / 国有资本经营 table (every cell zero) printed with its header only, and its “no data”
    /// note in brackets under it, above the table, or as a 说明 over two lines.</summary>
    private static string? FinalEmptyNote(string text, Random r)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text).ToList();
        bool changed = false;
        foreach (var key in new[] { "政府性基金", "国有资本经营" })
        {
            if (FinalTable([.. lines], t => t.Contains(key) && t.Contains("决算表")) is not { } t) continue;
            var rows = Enumerable.Range(t.Start, t.End - t.Start).ToList();
            var data = rows.Where(i => !IsRuleLine(lines[i]) && Inner(lines[i]).Any(c => MoneyCell.IsMatch(c))).ToList();
            if (data.Count == 0 || data.Any(i => Inner(lines[i]).Any(c => MoneyCell.IsMatch(c) && CellValue(c) != 0m))) continue;
            // the note under the table
            int note = t.End;
            while (note < lines.Count && lines[note].Trim().Length == 0) note++;
            if (note >= lines.Count || !lines[note].TrimStart().StartsWith("注")) continue;
            var year = Regex.Match(lines[note], @"20\d{2}年度?").Value;
            string fund = key == "政府性基金" ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款";
            int form = r.Next(3);
            string[] newNote = form switch
            {
                0 => [$"（注：本部门{year}无{fund}收入、支出，故本表为空表。）"],
                1 => [$"说明：本部门{year}无{fund}收入和支出，", "故本表无数据。"],
                _ => [$"注：本单位{year}没有{fund}收支，本表为空。"],
            };
            lines.RemoveAt(note);
            for (int i = data.Count - 1; i >= 0; i--) lines.RemoveAt(data[i]);
            int end = t.End - data.Count;
            if (form == 2)
            {
                // above the table, between the unit line and the header
                lines.InsertRange(t.Start, [.. newNote, ""]);
            }
            else
                lines.InsertRange(end, ["", .. newNote]);
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>The 基本支出 and 三公 tables in 元 (two decimals), the others in 万元.</summary>
    private static string? FinalSomeTablesInYuan(string text)
    {
        if (!IsFinalText(text)) return null;
        var lines = Lines(text);
        bool changed = false;
        foreach (Func<string, bool> which in new Func<string, bool>[] { t => t.Contains("基本支出决算表"), t => t.Contains("三公") && t.Contains("决算表") })
        {
            if (FinalTable(lines, which) is not { } t) continue;
            int unit = Array.FindLastIndex(lines, t.Start, t.Start - t.Title, l => UnitWan.IsMatch(l.TrimEnd('\r')));
            if (unit < 0) continue;
            lines[unit] = lines[unit].Replace("万元", "元");
            if (!lines[unit].Contains('元')) lines[unit] = lines[unit].TrimEnd() + "元";
            for (int i = t.Start; i < t.End; i++)
            {
                if (IsRuleLine(lines[i])) continue;
                var cells = Cells(lines[i]);
                for (int c = 1; c < cells.Length - 1; c++)
                {
                    var s = cells[c].Trim();
                    if (!MoneyCell.IsMatch(s) || !s.Contains('.')) continue;
                    cells[c] = " " + (CellValue(s) * 10000m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " ";
                }
                lines[i] = Join(lines[i], cells);
            }
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    // ------------------------------------------------------------------------------------------------ narrative

    private static readonly Regex ItemSentence = new(@"支出决算(?<a>\d[\d,]*\.\d{2})万元，年初预算(?<b>\d[\d,]*\.\d{2})万元(?:，调整预算(?<d>\d[\d,]*\.\d{2})万元)?(?:，完成年初预算的(?<c>\d+\.\d{2})%)?(?:，完成调整预算的(?<e>\d+\.\d{2})%)?(?<rel>，决算数(?:高于|低于)年初预算数)?", RegexOptions.Compiled);
    private static readonly Regex VsInitial = new(@"较年初预算数(增加|减少)", RegexOptions.Compiled);

    /// <summary>The 决算 sentences in the wordings other regions use: per 项 “年初预算为B万元，调整预算为B万元，决算数为A万元，完成
    /// 年初预算的C%，决算数大于预算数的主要原因是…”, the comparison with the budget as “比年初预算增加…” and with last year as
    /// “比上年决算增加…” / “与上年决算数相比”.</summary>
    private static string? FinalNarrativeForms(string text, Random r)
    {
        if (!IsFinalText(text) || BenignYear(text) is not int y) return null;
        var p = (y - 1).ToString(CultureInfo.InvariantCulture);
        int form = r.Next(3);
        return MapNarrative(text, l =>
        {
            l = ItemSentence.Replace(l, m =>
            {
                var a = m.Groups["a"].Value;
                var b = m.Groups["b"].Value;
                // a zero budget printed as a bare 0 (年初预算为0万元): no completion rate is defined
                var bText = decimal.Parse(b.Replace(",", ""), CultureInfo.InvariantCulture) == 0m ? "0" : b;
                var adj = m.Groups["d"].Success ? $"，调整预算为{m.Groups["d"].Value}万元" : "";
                var c = m.Groups["c"].Success ? $"，完成年初预算的{m.Groups["c"].Value}%" : "";
                var e = m.Groups["e"].Success ? $"，完成调整预算的{m.Groups["e"].Value}%" : "";
                var rel = m.Groups["rel"].Value.Contains("高于") ? "大于" : m.Groups["rel"].Value.Contains("低于") ? "小于" : "等于";
                return form switch
                {
                    0 => $"年初预算为{bText}万元{adj}，支出决算为{a}万元{c}{e}，决算数{rel}年初预算数",
                    1 => $"年初预算数为{bText}万元{adj}，决算数为{a}万元{c}{e}，决算数{rel}预算数",
                    _ when c.Length > 0 && e.Length == 0 => $"决算数为{a}万元{c}（年初预算{bText}万元），决算数{rel}预算数",
                    _ => $"决算数为{a}万元，年初预算为{bText}万元{adj}{c}{e}",
                };
            });
            l = VsInitial.Replace(l, m => (form == 0 ? "比年初预算" : "较年初预算") + m.Groups[1].Value);
            l = Regex.Replace(l, $@"与{p}年度相比，(?=增加|减少)", form == 2 ? "与上年决算数相比，" : "比上年决算");
            return l;
        });
    }
}
