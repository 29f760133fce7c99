using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Recall;

/// <summary>
/// A benign variant: a correct document rewritten the way other regions and years legitimately print the same content
/// (amounts in 元 or 千元, zero as “-”, codes split into 类/款/项 cells, other table titles, a table continued over a
/// page, a 目录 with dot leaders, percentages at another precision …). A variant changes how the figures are printed,
/// never what they are, so any 错误/警告 it adds is a false alarm. <see cref="Apply"/> returns null when the document
/// has nothing the variant can change.
/// </summary>
public sealed record BenignVariant(string Id, string Title, Func<string, Random, string?> Apply)
{
    /// <summary>Whether the variant is run on the seed documents too (their layouts are not the compiled one).</summary>
    public bool OnSeeds { get; init; } = true;
    /// <summary>Whether the variant needs a document whose tables add up exactly: a 万元 table with 尾差 rescaled to 元
    /// would print a 0.01万元 rounding as a 100元 difference, which no table really printed in 元 has.</summary>
    public bool NeedsExactTables { get; init; }
}

public static partial class Mutants
{
    private static IReadOnlyList<BenignVariant>? benign;

    /// <summary>Every benign variant, the single ones first and then the combinations.</summary>
    public static IReadOnlyList<BenignVariant> Benign => benign ??= BenignVariants();

    private static IReadOnlyList<BenignVariant> BenignVariants()
    {
        List<BenignVariant> single =
        [
            // ---- units
            new("table-yuan", "表格金额以元列示（单位行改为“单位：元”，两位小数）", (t, _) => TableUnit(t, 10000m, "元", "#,##0.00")) { NeedsExactTables = true },
            new("table-yuan-int", "表格金额以元列示，不带小数", (t, _) => TableUnit(t, 10000m, "元", "#,##0")) { NeedsExactTables = true },
            new("table-thousand", "表格金额以千元列示", (t, _) => TableUnit(t, 10m, "千元", "#,##0.0")) { NeedsExactTables = true },
            new("narrative-yuan", "叙述金额以元表述", (t, _) => NarrativeYuan(t)),
            new("unit-line", "单位行的其他写法（金额单位：万元、（单位：万元）、单位:万元）", UnitLine),
            // ---- how a number is printed
            new("no-separators", "表格数字不带千分位", (t, _) => MapTableNumbers(t, s => s.Replace(",", ""))),
            new("narrative-separators", "叙述金额带千分位", (t, _) => NarrativeSeparators(t)),
            new("zero-dash", "零值印作“-”", (t, _) => MapTableNumbers(t, s => IsZero(s) ? "-" : s)),
            new("zero-emdash", "零值印作“—”", (t, _) => MapTableNumbers(t, s => IsZero(s) ? "—" : s)),
            new("zero-blank", "零值留空", (t, _) => MapTableNumbers(t, s => IsZero(s) ? "" : s)),
            new("zero-int", "零值印作“0”", (t, _) => MapTableNumbers(t, s => IsZero(s) ? "0" : s)),
            new("fullwidth-percent", "叙述中的百分号用全角“％”", (t, _) => MapNarrative(t, l => Regex.Replace(l, @"(?<=\d)%", "％"))),
            new("percent-1", "叙述百分比保留一位小数（正确舍入）", (t, _) => PercentPrecision(t, 1)),
            new("percent-0", "叙述百分比取整（正确舍入）", (t, _) => PercentPrecision(t, 0)),
            // ---- codes
            new("code-split", "科目编码分列为类、款、项（每行完整）", (t, _) => SplitCodes(t, sparse: false)),
            new("code-split-sparse", "科目编码分列为类、款、项（只印本级两位）", (t, _) => SplitCodes(t, sparse: true)),
            new("code-name-merged", "编码与名称同列（“2010101 人大事务”）", (t, _) => MergeCodeName(t, (c, n) => c + " " + n)),
            new("code-name-bracket", "编码与名称同列（“[2010101]人大事务”）", (t, _) => MergeCodeName(t, (c, n) => "[" + c + "]" + n)),
            new("name-indent", "款、项名称前有全角缩进", (t, _) => IndentNames(t)),
            // ---- columns
            new("swap-basic-project", "基本支出与项目支出列对调", (t, _) => SwapColumns(t, "基本支出", "项目支出")),
            new("swap-staff-public", "人员经费与公用经费列对调", (t, _) => SwapColumns(t, "人员经费", "公用经费")),
            new("column-numbers", "表头下有栏次行（栏次 1 2 3）", (t, _) => ColumnNumberRow(t)),
            new("extra-columns-zero", "收入、支出表多出无数的列（上级补助收入、事业单位经营收入、附属单位上缴收入等，印 0.00）", (t, _) => ExtraColumns(t, zero: true)),
            new("extra-columns-blank", "收入、支出表多出无数的列（同上，留空）", (t, _) => ExtraColumns(t, zero: false)),
            new("extra-rows-zero", "收支总表多出无数的收入行（上级补助收入、事业单位经营收入、附属单位上缴收入，印 0.00）", (t, _) => ExtraSummaryRows(t, zero: true)),
            new("extra-rows-blank", "收支总表多出无数的收入行（同上，留空）", (t, _) => ExtraSummaryRows(t, zero: false)),
            new("drop-columns", "新版式不列无数的可选列（全为零或空的列删去）", (t, _) => DropColumns(t)),
            new("fullwidth-table", "表格金额用全角数字（１，２３４．５６）", (t, _) => MapTableNumbers(t, s => FullWidth(s, separators: true))),
            new("fullwidth-narrative", "叙述中的数字用全角（２０２５年、７１６３．３７万元）", (t, _) => FullWidthNarrative(t)),
            // ---- the department's name
            new("name-fields-fuller", "名称字段写带上级区划的全称（长河市示例区第10局），标题用本级名称", (t, _) => NameFieldsFuller(t)),
            new("name-title-fuller", "标题写带上级区划的全称，名称字段用本级名称", (t, _) => TitleFuller(t)),
            new("name-prose-short", "叙述中用不带区划的简称（第10局）", (t, _) => ProseShortName(t)),
            // ---- titles and layout
            new("title-wording", "表名用“…总体情况表”等其他写法", (t, _) => TitleWording(t)),
            new("table-label", "表号写作“预算01表”/“决算01表”", (t, _) => TableLabel(t)),
            new("title-numbered", "表名前有序号（“一、”）", (t, _) => TitleNumbered(t)),
            new("page-split-header", "长表跨页，续页重复表头（页码行“—12—”）", (t, _) => PageSplit(t, repeatHeader: true)),
            new("page-split-bare", "长表跨页，续页无表头", (t, _) => PageSplit(t, repeatHeader: false)),
            new("toc", "文首有目录（点线引导、页码）", (t, _) => TableOfContents(t)) { OnSeeds = false },
            // ---- narrative wording
            new("comparison-wording", "比较用语“较上年/同比/比上年”", ComparisonWording),
            new("year-du", "年份写作“2025年度”", (t, _) => YearDu(t)),
            // ---- 决算 layouts (FinalBenign.cs)
            .. FinalBenignVariants(),
        ];
        var byId = single.ToDictionary(v => v.Id);
        BenignVariant Combo(string id, string title, params string[] parts) =>
            new(id, title, (t, r) =>
            {
                string? cur = t;
                bool any = false;
                foreach (var p in parts)
                    if (byId[p].Apply(cur, r) is { } next && next != cur) { cur = next; any = true; }
                return any ? cur : null;
            }) { OnSeeds = parts.All(p => byId[p].OnSeeds), NeedsExactTables = parts.Any(p => byId[p].NeedsExactTables) };
        return
        [
            .. single,
            Combo("combo-yuan", "元 + 无千分位 + 零值“-” + 叙述元", "table-yuan", "no-separators", "zero-dash", "narrative-yuan"),
            Combo("combo-codes", "编码分列 + 栏次行 + 列对调 + 缩进", "code-split", "column-numbers", "swap-basic-project", "name-indent"),
            Combo("combo-layout", "目录 + 表名 + 表号 + 序号 + 跨页 + 单位行", "toc", "title-wording", "table-label", "title-numbered", "page-split-header", "unit-line"),
            Combo("combo-narrative", "百分比一位 + 全角％ + 较上年 + 年度 + 千分位", "percent-1", "fullwidth-percent", "comparison-wording", "year-du", "narrative-separators"),
            Combo("combo-final", "决算：结转行写法 + 支出列 + 两级表头 + 基本支出分组 + 三公分块 + 空表说明 + 叙述写法", "final-carry-wording", "final-spend-columns", "final-fiscal-two-level", "final-basic-groups", "final-sangong-blocks", "final-empty-note", "final-narrative-forms"),
            Combo("combo-columns", "多出无数的列和行 + 删去无数的列 + 全角数字 + 名称全称", "extra-columns-zero", "extra-rows-blank", "drop-columns", "fullwidth-table", "fullwidth-narrative", "name-fields-fuller"),
            Combo("combo-all", "以上全部（元、编码合并、零值、跨页、用语）", "table-yuan-int", "zero-emdash", "code-name-merged", "column-numbers", "title-wording", "page-split-bare", "percent-0", "comparison-wording", "year-du"),
        ];
    }

    /// <summary>The 错误/警告 the variant adds, per rule beyond the count the original document has (and any rule that fails
    /// on it), and how many of the original's 错误/警告 it no longer reports.</summary>
    public static (List<Gongkai.Audit.Finding> Fresh, int Lost) CompareBenign(Gongkai.Audit.AuditReport original, string path, string variant)
    {
        var report = Mutants.Check(path, variant);
        var before = original.Findings.Where(f => f.Severity != Gongkai.Audit.Severity.Info).GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Count());
        var after = report.Findings.Where(f => f.Severity != Gongkai.Audit.Severity.Info).GroupBy(f => f.RuleId).ToList();
        var fresh = new List<Gongkai.Audit.Finding>();
        var beforeKeys = Mutants.Keys(original);
        foreach (var g in after)
        {
            int extra = g.Count() - before.GetValueOrDefault(g.Key);
            if (extra > 0) fresh.AddRange(g.Where(f => !beforeKeys.Contains((f.RuleId, f.Message))).Take(extra));
        }
        // a rule that fails on the variant (执行异常, reported as a 提示) has not checked it: counted as a false alarm too
        fresh.AddRange(report.Findings.Where(f => f.Severity == Gongkai.Audit.Severity.Info && f.Message.Contains("执行异常") && !beforeKeys.Contains((f.RuleId, f.Message))));
        int lost = before.Sum(kv => Math.Max(0, kv.Value - after.Where(g => g.Key == kv.Key).Sum(g => g.Count())));
        return (fresh, lost);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static readonly Regex BenignNumber = new(@"^-?[\d,]*\d(\.\d+)?$", RegexOptions.Compiled);
    private static readonly Regex UnitWan = new(@"^(\s*)(?:金额)?单位[：:]\s*(?:万元)?\s*$", RegexOptions.Compiled);

    private static bool IsZero(string s) => BenignNumber.IsMatch(s) && decimal.TryParse(s.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v == 0;

    private static string Join(string line, string[] cells) => string.Join(Separator(line), cells) + (line.EndsWith('\r') ? "\r" : "");

    private static bool IsHeading(string line) => line.TrimStart().StartsWith('#');

    /// <summary>The lines of every table of money (the lines after a “单位：万元” line up to the next heading or unit line),
    /// without the 绩效 tables (their cells are indicator values and weights, not only money).</summary>
    private static List<(int Unit, int Start, int End)> MoneyTables(string[] lines)
    {
        var list = new List<(int, int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!UnitWan.IsMatch(lines[i].TrimEnd('\r'))) continue;
            // the table: the lines up to the first text line after its rows (a heading, another unit line, a note)
            int end = i + 1;
            bool rows = false;
            while (end < lines.Length && !IsHeading(lines[end]) && !UnitWan.IsMatch(lines[end].TrimEnd('\r')))
            {
                bool blank = lines[end].Trim().Length == 0;
                if (IsTableLine(lines[end])) rows = true;
                else if (!blank && rows) break;
                end++;
            }
            bool performance = false;
            for (int k = Math.Max(0, i - 4); k < end; k++)
                if ((lines[k].Contains("绩效") && !lines[k].Contains("绩效工资")) || lines[k].Contains("指标") || (k > i && lines[k].Contains("万元"))) performance = true;
            if (!performance) list.Add((i, i + 1, end));
            i = end - 1;
        }
        return list;
    }

    /// <summary>Rewrite every number cell of the money tables.</summary>
    private static string? MapTableNumbers(string text, Func<string, string> map, Func<string, string>? unitLine = null)
    {
        var lines = Lines(text);
        bool changed = false;
        foreach (var (unit, start, end) in MoneyTables(lines))
        {
            if (unitLine is not null) { lines[unit] = unitLine(lines[unit]); changed = true; }
            for (int i = start; i < end; i++)
            {
                if (!IsTableLine(lines[i]) || lines[i].TrimStart().StartsWith("|---") || lines[i].TrimStart().StartsWith("|--")) continue;
                var cells = Cells(lines[i]);
                bool rowChanged = false;
                for (int c = 0; c < cells.Length; c++)
                {
                    var s = cells[c].Trim();
                    if (!BenignNumber.IsMatch(s) || !s.Contains('.') && s.Length >= 3 && !IsZero(s)) continue; // codes and counts stay
                    var n = map(s);
                    if (n == s) continue;
                    cells[c] = s.Length == 0 ? n : cells[c].Replace(s, n);
                    if (n.Length == 0) cells[c] = cells[c].Replace(s, "");
                    rowChanged = true;
                }
                if (rowChanged) { lines[i] = Join(lines[i], cells); changed = true; }
            }
        }
        return changed ? string.Join('\n', lines) : null;
    }

    private static string? TableUnit(string text, decimal factor, string unit, string format) =>
        MapTableNumbers(text, s =>
        {
            if (!s.Contains('.') || !decimal.TryParse(s.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return s;
            var scaled = v * factor;
            return scaled.ToString(format, CultureInfo.InvariantCulture);
        }, u => u.Replace("万元", unit));

    private static bool IsNarrativeLine(string line)
    {
        var s = line.TrimStart();
        return s.Length > 10 && !IsTableLine(line) && !s.StartsWith('#') && !s.StartsWith("单位");
    }

    private static string? MapNarrative(string text, Func<string, string> map)
    {
        var lines = Lines(text);
        bool changed = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsNarrativeLine(lines[i])) continue;
            var n = map(lines[i]);
            if (n != lines[i]) { lines[i] = n; changed = true; }
        }
        return changed ? string.Join('\n', lines) : null;
    }

    private static readonly Regex WanAmount = new(@"(?<![\d.,])(\d[\d,]*\.\d{2})万元", RegexOptions.Compiled);

    /// <summary>Narrative amounts in 元; an average (人均, 车均) is a quotient rounded to 0.01万元 and is left as printed
    /// (in 元 it would claim a precision it does not have).</summary>
    private static string? NarrativeYuan(string text) =>
        MapNarrative(text, l => Regex.IsMatch(l, "[人车户]均|平均") ? l : WanAmount.Replace(l, m =>
            (decimal.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) * 10000m).ToString("#,##0.00", CultureInfo.InvariantCulture) + "元"));

    private static string? NarrativeSeparators(string text) =>
        MapNarrative(text, l => WanAmount.Replace(l, m =>
            decimal.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture).ToString("#,##0.00", CultureInfo.InvariantCulture) + "万元"));

    private static string? UnitLine(string text, Random r)
    {
        var lines = Lines(text);
        bool changed = false;
        string[] forms = ["金额单位：万元", "（单位：万元）", "单位:万元", "单位：万元（保留两位小数）"];
        var form = forms[r.Next(forms.Length)];
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].Trim() == "单位：万元") { lines[i] = lines[i].Replace("单位：万元", form); changed = true; }
        return changed ? string.Join('\n', lines) : null;
    }

    private static readonly Regex Percent2 = new(@"(?<![\d.])(\d+)\.(\d)(\d)%", RegexOptions.Compiled);

    /// <summary>Percentages at a lower precision, rounded from the printed two decimals only where that is the rounding of
    /// the true value too (a printed last digit 5 could round either way and is left alone).</summary>
    private static string? PercentPrecision(string text, int decimals) =>
        MapNarrative(text, l => Percent2.Replace(l, m =>
        {
            var v = decimal.Parse(m.Value.TrimEnd('%'), CultureInfo.InvariantCulture);
            if (decimals == 1 && m.Groups[3].Value == "5") return m.Value;
            if (decimals == 0 && m.Groups[2].Value + m.Groups[3].Value == "50") return m.Value;
            return Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";
        }));

    private static readonly Regex CodeHeader = new(@"^(功能分类|经济分类|支出经济分类|部门经济分类|政府经济分类)?科目编码$", RegexOptions.Compiled);
    private static readonly Regex DigitsOnly = new(@"^\d{3}(\d{2}){0,2}$", RegexOptions.Compiled);

    /// <summary>Tables whose header has a code cell: (first line, header line, code column, first data line, end), one
    /// entry per code column, the rightmost first (a side-by-side table has one per block).</summary>
    private static List<(int Start, int Header, int Col, int Data, int End)> CodeTables(string[] lines)
    {
        var list = new List<(int, int, int, int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            int start = i;
            int end = TableEnd(lines, i);
            for (int h = start; h < Math.Min(end, start + 4); h++)
            {
                var cells = Cells(lines[h]);
                var cols = Enumerable.Range(0, cells.Length).Where(c => CodeHeader.IsMatch(cells[c].Trim()) && c + 1 < cells.Length).ToList();
                if (cols.Count == 0) continue;
                int data = h + 1;
                if (data < lines.Length && lines[data].TrimStart().StartsWith("|-")) data++;
                foreach (var col in cols.OrderByDescending(c => c)) list.Add((start, h, col, data, end));
                break;
            }
            i = end - 1;
        }
        return list;
    }

    /// <summary>The end of the table starting at <paramref name="start"/>: a tab-separated table goes on over a blank line or
    /// two (a page break of the conversion, which the reader joins too); a pipe table ends at its first non-table line.</summary>
    private static int TableEnd(string[] lines, int start)
    {
        int end = start;
        while (end < lines.Length && IsTableLine(lines[end])) end++;
        bool tab = !lines[start].TrimStart().StartsWith('|');
        while (tab)
        {
            int next = end;
            while (next < lines.Length && next - end < 2 && lines[next].Trim().Length == 0) next++;
            if (next == end || next >= lines.Length || !lines[next].Contains('\t') || lines[next].TrimStart().StartsWith('|')) break;
            end = next;
            while (end < lines.Length && IsTableLine(lines[end])) end++;
        }
        return end;
    }

    private static bool IsRuleLine(string line) => line.TrimStart().StartsWith("|-");

    private static string? SplitCodes(string text, bool sparse)
    {
        var lines = Lines(text);
        bool changed = false;
        foreach (var (start, header, col, data, end) in CodeTables(lines))
        {
            bool economic = Cells(lines[header])[col].Contains("经济");
            int parts = economic ? 2 : 3;
            string[] names = economic ? ["类", "款"] : ["类", "款", "项"];
            // sparse: a level prints only its own digits under the row of its parent; where that parent row is not
            // printed (a 项 whose 款 has no row of its own), the row prints the levels above it too, as such tables do
            string printedClass = "", printedSection = "";
            for (int i = start; i < end; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                var cells = Cells(lines[i]).ToList();
                if (col >= cells.Count) continue;
                string[] repl;
                if (i == header || CodeHeader.IsMatch(cells[col].Trim())) repl = names;
                else if (IsRuleLine(lines[i])) repl = Enumerable.Repeat("---", parts).ToArray();
                else if (i < header) repl = Enumerable.Repeat(cells[col], parts).ToArray(); // a header row above: the cell spans the parts
                else
                {
                    var code = cells[col].Trim();
                    repl = new string[parts];
                    for (int k = 0; k < parts; k++) repl[k] = "";
                    if (DigitsOnly.IsMatch(code) && code.Length <= 3 + 2 * (parts - 1))
                    {
                        int level = (code.Length - 3) / 2;
                        if (sparse)
                        {
                            int from = code[..3] != printedClass ? 0 : level == 2 && code[..5] != printedSection ? 1 : level;
                            for (int k = from; k <= level; k++) repl[k] = k == 0 ? code[..3] : code.Substring(3 + 2 * (k - 1), 2);
                            printedClass = code[..3];
                            if (level >= 1) printedSection = code[..5];
                            else printedSection = "";
                        }
                        else
                        {
                            repl[0] = code[..3];
                            for (int k = 1; k <= level; k++) repl[k] = code.Substring(3 + 2 * (k - 1), 2);
                        }
                    }
                    else if (code.Length > 0) repl[0] = code;
                    repl = repl.Select(x => " " + x + " ").ToArray();
                }
                cells.RemoveAt(col);
                cells.InsertRange(col, repl);
                lines[i] = Join(lines[i], [.. cells]);
            }
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    private static string? MergeCodeName(string text, Func<string, string, string> merge)
    {
        var lines = Lines(text);
        bool changed = false;
        foreach (var (start, header, col, data, end) in CodeTables(lines))
        {
            for (int i = start; i < end; i++)
            {
                var cells = Cells(lines[i]).ToList();
                if (col + 1 >= cells.Count) continue;
                if (i == header || CodeHeader.IsMatch(cells[col].Trim())) cells[col + 1] = " " + cells[col].Trim().Replace("编码", "") + " ";
                else if (i > header && !IsRuleLine(lines[i]))
                {
                    var code = cells[col].Trim();
                    var name = cells[col + 1].Trim();
                    if (DigitsOnly.IsMatch(code)) cells[col + 1] = " " + merge(code, name) + " ";
                    else if (name.Length == 0 && code.Length > 0) cells[col + 1] = cells[col];
                }
                cells.RemoveAt(col);
                lines[i] = Join(lines[i], [.. cells]);
            }
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    private static string? IndentNames(string text)
    {
        var lines = Lines(text);
        bool changed = false;
        foreach (var (_, header, col, data, end) in CodeTables(lines))
            for (int i = data; i < end; i++)
            {
                var cells = Cells(lines[i]);
                if (col + 1 >= cells.Length) continue;
                var code = cells[col].Trim();
                if (!DigitsOnly.IsMatch(code) || code.Length == 3) continue;
                var indent = code.Length == 5 ? "　　" : "　　　　";
                cells[col + 1] = " " + indent + cells[col + 1].Trim() + " ";
                lines[i] = Join(lines[i], cells);
                changed = true;
            }
        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>The header, separator and data rows of each pipe table: (first line, end).</summary>
    private static List<(int Start, int End)> PipeTables(string[] lines)
    {
        var list = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith('|')) continue;
            int end = i;
            while (end < lines.Length && lines[end].TrimStart().StartsWith('|')) end++;
            list.Add((i, end));
            i = end - 1;
        }
        return list;
    }

    private static string? SwapColumns(string text, string a, string b)
    {
        var lines = Lines(text);
        bool changed = false;
        foreach (var (start, end) in PipeTables(lines))
        {
            // the header row naming both (a two-level header names them on one of its rows)
            int ca = -1, cb = -1;
            for (int i = start; i < Math.Min(end, start + 3) && (ca < 0 || cb < 0); i++)
            {
                var cells = Cells(lines[i]);
                var x = Array.FindIndex(cells, c => c.Trim() == a);
                var y = Array.FindIndex(cells, c => c.Trim() == b);
                if (x >= 0 && y >= 0 && Array.FindLastIndex(cells, c => c.Trim() == a) == x && Array.FindLastIndex(cells, c => c.Trim() == b) == y) { ca = x; cb = y; }
            }
            if (ca < 0 || cb < 0) continue;
            for (int i = start; i < end; i++)
            {
                var cells = Cells(lines[i]);
                if (Math.Max(ca, cb) >= cells.Length) continue;
                (cells[ca], cells[cb]) = (cells[cb], cells[ca]);
                lines[i] = Join(lines[i], cells);
            }
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>A 栏次 row under the header of every table with a code column: the amount columns numbered 1, 2, 3 ….</summary>
    private static string? ColumnNumberRow(string text)
    {
        var lines = Lines(text).ToList();
        bool changed = false;
        foreach (var (_, header, col, data, end) in CodeTables([.. lines]).GroupBy(x => x.Header).Where(g => g.Count() == 1).Select(g => g.Single()).OrderByDescending(x => x.Header))
        {
            if (!lines[header].TrimStart().StartsWith('|')) continue;
            var cells = Cells(lines[header]);
            var row = new string[cells.Length];
            int n = 0;
            for (int c = 0; c < cells.Length; c++)
            {
                if (c == 0 || c == cells.Length - 1) { row[c] = cells[c]; continue; } // the empty cells outside the pipes
                if (c == col) row[c] = " 栏次 ";
                else if (c == col + 1) row[c] = " ";
                else row[c] = " " + (++n).ToString(CultureInfo.InvariantCulture) + " ";
            }
            lines.Insert(data, string.Join('|', row));
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    private static readonly (string From, string To)[] TitleForms =
    [
        ("收支预算总表", "部门收支总体情况表"), ("收入预算总表", "部门收入总体情况表"), ("支出预算总表", "部门支出总体情况表"),
        ("财政拨款收支预算总表", "财政拨款收支总体情况表"), ("收入支出决算总表", "收入支出决算总体情况表"),
    ];

    private static string? TitleWording(string text)
    {
        var lines = Lines(text);
        bool changed = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("### ")) continue;
            foreach (var (from, to) in TitleForms.OrderByDescending(x => x.From.Length))
                if (lines[i].EndsWith(from, StringComparison.Ordinal))
                {
                    var head = lines[i][..^from.Length];
                    lines[i] = head.EndsWith("部门") && to.StartsWith("部门") ? head + to[2..] : head + to;
                    changed = true;
                    break;
                }
        }
        return changed ? string.Join('\n', lines) : null;
    }

    private static readonly Regex OpenLabel = new(@"^公开(\d{2})表$", RegexOptions.Compiled);

    private static string? TableLabel(string text)
    {
        bool final = text.Contains("决算公开表") || Regex.IsMatch(text[..Math.Min(200, text.Length)], "决算");
        var lines = Lines(text);
        bool changed = false;
        for (int i = 0; i < lines.Length; i++)
            if (OpenLabel.Match(lines[i].Trim()) is { Success: true } m)
            {
                lines[i] = (final ? "决算" : "预算") + m.Groups[1].Value + "表";
                changed = true;
            }
        return changed ? string.Join('\n', lines) : null;
    }

    private static readonly string[] ChineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

    private static string? TitleNumbered(string text)
    {
        var lines = Lines(text);
        int part2 = Array.FindIndex(lines, l => l.StartsWith("## 第二部分"));
        if (part2 < 0) return null;
        int n = 0;
        for (int i = part2 + 1; i < lines.Length && n < ChineseNumbers.Length; i++)
            if (lines[i].StartsWith("### ") && !lines[i].Contains("绩效")) lines[i] = "### " + ChineseNumbers[n++] + "、" + lines[i][4..];
        return n > 0 ? string.Join('\n', lines) : null;
    }

    /// <summary>The longest pipe table (of at least 12 rows) continued on the next page: a page-number line between the
    /// two halves and the header repeated, or the rows going on without a header.</summary>
    private static string? PageSplit(string text, bool repeatHeader)
    {
        var lines = Lines(text).ToList();
        var tables = PipeTables([.. lines]).Where(t => t.End - t.Start >= 12 && lines[t.Start + 1].TrimStart().StartsWith("|-")).ToList();
        if (tables.Count == 0) return null;
        var (start, end) = tables.MaxBy(t => t.End - t.Start);
        // the header: the rows before the first with a number or a code in it
        int data = start;
        while (data < end && (IsRuleLine(lines[data]) || !Cells(lines[data]).Any(c => BenignNumber.IsMatch(c.Trim()) || Regex.IsMatch(c.Trim(), @"^\d{3}")))) data++;
        int cut = data + (end - data) / 2;
        if (cut <= data) return null;
        var insert = new List<string> { "", "—12—", "" };
        if (repeatHeader) insert.AddRange(lines.Skip(start).Take(data - start));
        lines.InsertRange(cut, insert);
        return string.Join('\n', lines);
    }

    private static string? TableOfContents(string text)
    {
        var lines = Lines(text).ToList();
        if (lines.Count < 3 || !lines[0].StartsWith("# ")) return null;
        var toc = new List<string> { "", "目录" };
        int page = 1;
        foreach (var l in lines.Skip(1))
            if (l.StartsWith("## ") || l.StartsWith("### "))
            {
                var title = l.TrimStart('#', ' ');
                toc.Add("");
                toc.Add(title + new string('…', Math.Max(3, 30 - title.Length)) + (page++ / 2 + 1).ToString(CultureInfo.InvariantCulture));
            }
        lines.InsertRange(1, toc);
        return string.Join('\n', lines);
    }

    private static int? BenignYear(string text)
    {
        var m = Regex.Match(text, @"(20\d{2})年度?(?:部门|单位)?[^\n]{0,30}?(预算|决算)");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string? ComparisonWording(string text, Random r)
    {
        if (BenignYear(text) is not int y) return null;
        var p = (y - 1).ToString(CultureInfo.InvariantCulture);
        string[] forms = ["较上年", "比上年", "同比", "较" + p + "年"];
        var form = forms[r.Next(forms.Length)];
        return MapNarrative(text, l =>
        {
            l = Regex.Replace(l, $@"比{p}年(?:度)?(?:预算|决算)?(?=增加|减少)", form);
            l = Regex.Replace(l, $@"与{p}年(?:度)?(?:预算|决算)?相比，(?=增加|减少)", form);
            l = Regex.Replace(l, $@"与{p}年(?:度)?(?:预算|决算)?(?:相比)?持平", form == "同比" ? "同比持平" : "与上年持平");
            return l;
        });
    }

    private static string? YearDu(string text)
    {
        if (BenignYear(text) is not int y) return null;
        var pattern = new Regex($@"(?<!\d){y}年(?=[收支本一部财“机政国])");
        var lines = Lines(text);
        bool changed = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (IsTableLine(lines[i])) continue;
            var n = pattern.Replace(lines[i], $"{y}年度");
            if (n != lines[i]) { lines[i] = n; changed = true; }
        }
        return changed ? string.Join('\n', lines) : null;
    }
}
