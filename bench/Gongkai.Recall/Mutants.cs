using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Audit;
using Gongkai.Recognition;

namespace Gongkai.Recall;

/// <summary>
/// One class of error a real disclosure has (表格错数、合计不平、叙述与表格不符、年份、科目名称、模板残留 …): how to inject
/// one instance of it into the text of a document, and which rules are expected to catch it. <see cref="Apply"/>
/// returns null when the document has nothing the class can change (no 三公 sentence, no 绩效 table …).
/// </summary>
public sealed record ErrorClass(string Id, string Title, IReadOnlySet<string> ExpectedRules, Func<string, Random, string?> Apply)
{
    /// <summary>Whether the class changes table rows (only tables written as pipe or tab rows can be changed).</summary>
    public bool TouchesTables { get; init; }
    /// <summary>Whether the class is run on the seed documents too (the compiled-only classes rely on the compiled layout).</summary>
    public bool OnSeeds { get; init; } = true;
    /// <summary>The defect family (domain §7 row or 绩效); null for the first classes, whose family is looked up by id.</summary>
    public string? Family { get; init; }
    /// <summary>
    /// Whether the layout the class changes is rare or absent in the compiled documents (a 目录 with 是否空表, a 资金支出计划,
    /// two equipment-threshold statements, 万元 indicators, an 其中：教育收费 column): the unit test measures it on the seeds too.
    /// </summary>
    public bool RareLayout { get; init; }
    /// <summary>Whether the rules the class aims at are 提示 by design: a mutant that raises only a new 提示 is its catch.</summary>
    public bool HintByDesign { get; init; }
}

/// <summary>What the audit said about one mutant, against the findings of the document it was made from.</summary>
public sealed record Detection(IReadOnlyList<Finding> NewFindings, IReadOnlySet<string> RulesFired, bool ByExpected, bool HintOnly)
{
    /// <summary>The rules of the new 提示 (not rounding differences).</summary>
    public IReadOnlySet<string> HintRules { get; init; } = new HashSet<string>();

    public bool Detected => RulesFired.Count > 0;
}

/// <summary>The error classes and the detector (read → audit → compare with the document's own findings).</summary>
public static partial class Mutants
{
    public static AuditOptions Options { get; } = new() { Catalog = CatalogAdapter.Instance };

    /// <summary>Read a document from bytes and audit it with the options of <c>gongkai check</c>.</summary>
    public static AuditReport Check(string path, string text, AuditOptions? options = null) => Check(path, Encoding.UTF8.GetBytes(text), options);

    public static AuditReport Check(string path, byte[] bytes, AuditOptions? options = null) =>
        Auditor.Audit(new DisclosureReader().Read(path, bytes).Disclosure, options ?? Options);

    /// <summary>Findings above 提示, keyed by rule and message (the message carries the figures, not the line).</summary>
    public static HashSet<(string, string)> Keys(AuditReport report) =>
        report.Findings.Where(f => f.Severity != Severity.Info).Select(f => (f.RuleId, f.Message)).ToHashSet();

    /// <summary>Audit the mutant; a finding above 提示 that the original document did not have is a detection.</summary>
    public static Detection Detect(AuditReport original, string path, string mutant, IReadOnlySet<string> expected, AuditOptions? options = null)
    {
        var before = Keys(original);
        var allBefore = original.Findings.Select(f => (f.RuleId, f.Message)).ToHashSet();
        var report = Check(path, mutant, options);
        var fresh = report.Findings.Where(f => f.Severity != Severity.Info && !before.Contains((f.RuleId, f.Message))).ToList();
        var hintRules = report.Findings.Where(f => f.Severity == Severity.Info && !f.IsRoundingDifference && !allBefore.Contains((f.RuleId, f.Message)))
            .Select(f => f.RuleId).ToHashSet();
        var rules = fresh.Select(f => f.RuleId).ToHashSet();
        return new Detection(fresh, rules, rules.Overlaps(expected), rules.Count == 0 && hintRules.Count > 0) { HintRules = hintRules };
    }

    private static HashSet<string> Set(params string[] ids) => new(ids, StringComparer.Ordinal);

    /// <summary>Rules that compare a table figure with another: the table identities and the cross-table relations.</summary>
    private static readonly string[] Identities =
    [
        "GK201", "GK202", "GK203", "GK204", "GK205", "GK206", "GK207", "GK210", "GK211", "GK212", "GK213", "GK214", "GK215",
        "GK216", "GK217", "GK218", "GK220", "GK221", "GK222", "GK223", "GK224", "GK225", "GK226", "GK227", "GK230", "GK231",
        "GK232", "GK233", "GK234", "GK301", "GK302", "GK303", "GK304", "GK305", "GK306", "GK307", "GK308", "GK309", "GK310",
        "GK311", "GK312", "GK313", "GK314", "GK315", "GK316", "GK317", "GK509",
    ];

    private static readonly string[] NarrativeRules =
    [
        "GK401", "GK402", "GK403", "GK404", "GK405", "GK406", "GK407", "GK409", "GK410", "GK411", "GK412", "GK413", "GK414",
        "GK415", "GK416", "GK418", "GK419", "GK420", "GK421", "GK430", "GK431",
    ];

    /// <summary>Rules that recompute the money and rates of the 绩效 tables.</summary>
    private static readonly string[] PerformanceMoney =
        ["GK601", "GK602", "GK603", "GK604", "GK605", "GK606", "GK614", "GK615", "GK618", "GK620"];

    private static IReadOnlyList<ErrorClass>? all;

    /// <summary>Every error class: the first list and those of the other families (MoreMutants.cs).</summary>
    public static IReadOnlyList<ErrorClass> All => all ??= [.. FirstClasses(), .. MoreClasses(), .. ReviewerClasses(), .. RulesNineClasses(), .. RulesTenClasses()];

    private static IReadOnlyList<ErrorClass> FirstClasses() =>
    [
        new("item-cell", "表格中一个项级单元格错数", Set(Identities), (t, r) => ChangeCell(t, r, CodeRow(7)) ?? ChangeCell(t, r, CodeRow(5))) { TouchesTables = true },
        new("total-row", "合计行与各行之和不符", Set(Identities), (t, r) => ChangeCell(t, r, TotalRow)) { TouchesTables = true },
        new("class-row", "类级金额不等于各款之和", Set(Identities), (t, r) => ChangeCell(t, r, CodeRow(3))) { TouchesTables = true },
        new("labelled-row", "表格中一个非科目行错数（收支项目、“三公”、采购、资产、绩效资金）", Set([.. Identities, .. NarrativeRules, .. PerformanceMoney]),
            (t, r) => ChangeCell(t, r, LabelRow)) { TouchesTables = true },
        new("narrative-amount", "叙述中的金额与表格不符", Set(NarrativeRules), NarrativeAmount),
        new("narrative-change", "叙述中的增减额算错", Set("GK402", "GK411", "GK401", "GK407"), (t, r) => NarrativeNumber(t, r, ChangeAmount, 2)),
        new("narrative-percent", "叙述中的增减百分比算错", Set("GK402", "GK409", "GK410"), (t, r) => NarrativeNumber(t, r, ChangePercent, 2)),
        new("narrative-share", "叙述中的占比算错", Set("GK405", "GK412", "GK415", "GK409"), (t, r) => NarrativeNumber(t, r, Share, 2)),
        new("narrative-direction", "增减方向写反", Set("GK402", "GK403", "GK407", "GK410", "GK411", "GK710"), FlipDirection),
        new("three-public-text", "“三公”经费叙述与表格不符", Set("GK401", "GK406", "GK413", "GK410", "GK411", "GK430", "GK431"), ThreePublicText),
        new("comparison-year", "比较年份写错", Set("GK408", "GK706"), ComparisonYear),
        new("future-year", "叙述中的年度晚于文件年度", Set("GK704", "GK705", "GK708", "GK711"), FutureYear),
        new("wrong-name", "科目编码与名称不符", Set("GK505", "GK506", "GK511"), (t, r) => WrongName(t, r)) { TouchesTables = true },
        new("misfiled-code", "项级编码录错一位（归到别的款）", Set("GK201", "GK501", "GK502", "GK504", "GK505", "GK506", "GK507", "GK511"), (t, r) => BadCode(t, r, c => c[..3] + ((int.Parse(c[3..5], CultureInfo.InvariantCulture) + 1) % 100).ToString("00", CultureInfo.InvariantCulture) + c[5..])) { TouchesTables = true },
        new("unknown-code", "项级编码不在科目表中", Set("GK507"), (t, r) => BadCode(t, r, c => c[..5] + "87")) { TouchesTables = true },
        new("template-residue", "模板占位文字未删除", Set("GK701", "GK616"), TemplateResidue),
        new("duplicate-punctuation", "标点重复", Set("GK702"), DuplicatePunctuation),
        new("weight-sum", "绩效指标权重合计不为100", Set("GK605", "GK606", "GK607", "GK608"), WeightSum) { TouchesTables = true },
        new("missing-table", "缺少一张标准公开表", Set("GK101", "GK106"), MissingTable) { TouchesTables = true, OnSeeds = false },
    ];

    // ------------------------------------------------------------------------------------------------ helpers

    private static readonly Regex Number = new(@"^-?[\d,]*\d(\.\d+)?$", RegexOptions.Compiled);
    private static readonly Regex Code = new(@"^\d{3}(\d{2}){0,2}$", RegexOptions.Compiled);

    private static string[] Lines(string text) => text.Split('\n');

    private static bool IsTableLine(string line) => line.TrimStart().StartsWith('|') || line.Contains('\t');

    private static char Separator(string line) => line.TrimStart().StartsWith('|') ? '|' : '\t';

    private static string[] Cells(string line) => line.TrimEnd('\r').Split(Separator(line));

    private static bool IsNarrative(string line)
    {
        var s = line.TrimStart();
        return s.Length > 20 && !IsTableLine(line) && !s.StartsWith('#') && !s.StartsWith("注") && s.Contains("万元");
    }

    /// <summary>A non-zero amount in the same format (thousands separators, decimals), changed by a visible amount.</summary>
    private static string? Shift(string cell, Random r)
    {
        var s = cell.Trim();
        if (!Number.IsMatch(s) || !s.Contains('.')) return null;
        if (!decimal.TryParse(s.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v == 0) return null;
        var decimals = s.Length - s.IndexOf('.') - 1;
        var delta = Math.Round((decimal)(1 + r.NextDouble() * 49), decimals) * (r.Next(2) == 0 ? 1 : -1);
        if (Math.Abs(delta) >= Math.Abs(v)) delta = Math.Abs(delta); // keep the sign of the cell
        var nv = v + delta;
        var text = nv.ToString((s.Contains(',') ? "#,##0." : "0.") + new string('0', decimals), CultureInfo.InvariantCulture);
        return cell.Replace(s, text);
    }

    private static Func<string[], bool> CodeRow(int digits) => cells =>
        cells.Take(3).Any(c => c.Trim().Length == digits && Code.IsMatch(c.Trim()));

    /// <summary>A row named by its label (一、一般公共预算拨款收入, 公务接待费, 年度总金额 …), not by a code or as the 合计.</summary>
    private static bool LabelRow(string[] cells)
    {
        var first = cells.Select(c => c.Trim()).FirstOrDefault(c => c.Length > 0);
        return first is { Length: >= 2 } && !Number.IsMatch(first) && !Code.IsMatch(first) && !TotalRow(cells);
    }

    private static bool TotalRow(string[] cells) => cells.Take(3).Any(c => c.Trim() is "合计" or "总计");

    /// <summary>Change one non-zero amount cell of a random table row the predicate selects.</summary>
    private static string? ChangeCell(string text, Random r, Func<string[], bool> row)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, int Cell)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            if (!row(cells)) continue;
            for (int c = 0; c < cells.Length; c++)
                if (Shift(cells[c], new Random(0)) is not null) candidates.Add((i, c));
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        var parts = Cells(lines[li]);
        parts[ci] = Shift(parts[ci], r)!;
        lines[li] = string.Join(Separator(lines[li]), parts) + (lines[li].EndsWith('\r') ? "\r" : "");
        return string.Join('\n', lines);
    }

    /// <summary>Replace one regex match on a narrative line; <paramref name="group"/> is the number to change.</summary>
    private static string? ReplaceInNarrative(string text, Random r, Regex pattern, Func<Match, Random, string?> replace, Func<string, bool>? lineFilter = null) =>
        ReplaceOnLines(text, r, pattern, replace, l => IsNarrative(l) && (lineFilter is null || lineFilter(l)));

    /// <summary>Replace one regex match, picked at random, on a line <paramref name="eligible"/> accepts; null when no replacement applies.</summary>
    private static string? ReplaceOnLines(string text, Random r, Regex pattern, Func<Match, Random, string?> replace, Func<string, bool> eligible)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, Match M)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!eligible(lines[i])) continue;
            foreach (Match m in pattern.Matches(lines[i])) candidates.Add((i, m));
        }
        while (candidates.Count > 0)
        {
            var k = r.Next(candidates.Count);
            var (li, m) = candidates[k];
            candidates.RemoveAt(k);
            var repl = replace(m, r);
            if (repl is null) continue;
            lines[li] = lines[li][..m.Index] + repl + lines[li][(m.Index + m.Length)..];
            return string.Join('\n', lines);
        }
        return null;
    }

    private static string? ShiftGroup(Match m, Random r, int group)
    {
        var g = m.Groups[group];
        var shifted = Shift(g.Value, r);
        return shifted is null ? null : m.Value[..(g.Index - m.Index)] + shifted + m.Value[(g.Index - m.Index + g.Length)..];
    }

    private static readonly Regex Amount = new(@"(?<![增减少加长降])(\d[\d,]*\.\d{2})万元", RegexOptions.Compiled);
    private static readonly Regex ChangeAmount = new(@"(增加|减少)(\d[\d,]*\.\d{2})万元", RegexOptions.Compiled);
    private static readonly Regex ChangePercent = new(@"(增长|下降)(\d+\.\d{2})%", RegexOptions.Compiled);
    private static readonly Regex Share = new(@"(占[^，。；%0-9]{0,16}?)(\d+\.\d{2})%", RegexOptions.Compiled);

    private static string? NarrativeAmount(string text, Random r) =>
        ReplaceInNarrative(text, r, Amount, (m, rr) => ShiftGroup(m, rr, 1));

    private static string? NarrativeNumber(string text, Random r, Regex pattern, int group) =>
        ReplaceInNarrative(text, r, pattern, (m, rr) => ShiftGroup(m, rr, group));

    private static readonly Regex Direction = new(@"(增加|减少)(\d[\d,]*\.\d{2})万元，(增长|下降)", RegexOptions.Compiled);

    private static string? FlipDirection(string text, Random r) =>
        ReplaceInNarrative(text, r, Direction, (m, _) => m.Groups[2].Value is "0.00" ? null
            : (m.Groups[1].Value == "增加" ? "减少" : "增加") + m.Groups[2].Value + "万元，" + (m.Groups[3].Value == "增长" ? "下降" : "增长"));

    private static string? ThreePublicText(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(?:“三公”经费|因公出国（境）费|公务用车购置费|公务用车运行维护费|公务接待费)[^。；0-9]{0,24}?(\d[\d,]*\.\d{2})万元"),
            (m, rr) => ShiftGroup(m, rr, 1));

    private static readonly Regex Year = new(@"(20\d{2})(年)", RegexOptions.Compiled);

    private static int? DocumentYear(string text)
    {
        var m = Regex.Match(text, @"(20\d{2})年(?:度)?(?:部门|单位)?[^\n]{0,30}?(预算|决算)");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string? ComparisonYear(string text, Random r)
    {
        if (DocumentYear(text) is not int y) return null;
        var pattern = new Regex($@"(比|与|较)({y - 1})(年)");
        return ReplaceInNarrative(text, r, pattern, (m, rr) => m.Groups[1].Value + (rr.Next(2) == 0 ? y : y - 2) + "年");
    }

    private static string? FutureYear(string text, Random r)
    {
        if (DocumentYear(text) is not int y) return null;
        var pattern = new Regex($@"(?<![比与较])({y})(年)(?!\d)");
        return ReplaceInNarrative(text, r, pattern, (m, _) => (y + 2) + "年");
    }

    /// <summary>A 款 or 项 row takes the name of another code of the same level (a name copied from the wrong line).</summary>
    private static string? WrongName(string text, Random r)
    {
        var lines = Lines(text);
        var rows = new List<(int Line, int CodeCell, string Code, string Name)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            for (int c = 0; c + 1 < cells.Length && c < 3; c++)
            {
                var code = cells[c].Trim();
                var name = cells[c + 1].Trim();
                if (code.Length is 5 or 7 && Code.IsMatch(code) && name.Length > 1 && !Number.IsMatch(name)) { rows.Add((i, c, code, name)); break; }
            }
        }
        if (rows.Count < 2) return null;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var a = rows[r.Next(rows.Count)];
            var others = rows.Where(b => b.Code.Length == a.Code.Length && b.Code[..3] != a.Code[..3] && b.Name != a.Name).ToList();
            if (others.Count == 0) continue;
            var b = others[r.Next(others.Count)];
            var parts = Cells(lines[a.Line]);
            parts[a.CodeCell + 1] = parts[a.CodeCell + 1].Replace(a.Name, b.Name);
            lines[a.Line] = string.Join(Separator(lines[a.Line]), parts) + (lines[a.Line].EndsWith('\r') ? "\r" : "");
            return string.Join('\n', lines);
        }
        return null;
    }

    /// <summary>A 项 code mistyped in one table row.</summary>
    private static string? BadCode(string text, Random r, Func<string, string> mistype)
    {
        var lines = Lines(text);
        var rows = new List<(int Line, int Cell)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            for (int c = 0; c < cells.Length && c < 3; c++)
                if (cells[c].Trim().Length == 7 && Code.IsMatch(cells[c].Trim()) && mistype(cells[c].Trim()) != cells[c].Trim()) { rows.Add((i, c)); break; }
        }
        if (rows.Count == 0) return null;
        var (li, ci) = rows[r.Next(rows.Count)];
        var parts = Cells(lines[li]);
        var code = parts[ci].Trim();
        parts[ci] = parts[ci].Replace(code, mistype(code));
        lines[li] = string.Join(Separator(lines[li]), parts) + (lines[li].EndsWith('\r') ? "\r" : "");
        return string.Join('\n', lines);
    }

    private static string? TemplateResidue(string text, Random r) =>
        r.Next(2) == 0
            ? ReplaceInNarrative(text, r, Amount, (m, _) => "XX万元")
            : ReplaceInNarrative(text, r, new Regex(@"(\d[\d,]*\.\d{2})(万元)"), (m, _) => "××" + m.Groups[2].Value);

    private static string? DuplicatePunctuation(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex("[，。；]"), (m, _) => m.Value + m.Value);

    /// <summary>The weight of one indicator of a 绩效 table changed, so that the weights no longer add up.</summary>
    private static string? WeightSum(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, int Cell)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var header = Cells(lines[i]);
            int col = Array.FindIndex(header, c => c.Trim() is "权重" or "指标权重" or "权重（%）" or "分值");
            if (col < 0) continue;
            for (int j = i + 1; j < lines.Length && IsTableLine(lines[j]); j++)
            {
                var cells = Cells(lines[j]);
                if (col < cells.Length && decimal.TryParse(cells[col].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var w) && w > 0)
                    candidates.Add((j, col));
            }
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        var parts = Cells(lines[li]);
        var s = parts[ci].Trim();
        var v = decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture) + r.Next(2, 9);
        parts[ci] = parts[ci].Replace(s, s.Contains('.') ? v.ToString("0.00", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture));
        lines[li] = string.Join(Separator(lines[li]), parts) + (lines[li].EndsWith('\r') ? "\r" : "");
        return string.Join('\n', lines);
    }

    /// <summary>One of the standard tables of a compiled package (heading, label, unit, rows, notes) left out.</summary>
    private static string? MissingTable(string text, Random r)
    {
        var lines = Lines(text).ToList();
        int part2 = lines.FindIndex(l => l.StartsWith("## 第二部分"));
        if (part2 < 0) return null;
        var headings = new List<int>();
        for (int i = part2 + 1; i < lines.Count; i++)
            if (lines[i].StartsWith("### ") && !lines[i].Contains("绩效")) headings.Add(i);
        if (headings.Count == 0) return null;
        var h = headings[r.Next(headings.Count)];
        int end = h + 1;
        while (end < lines.Count && !lines[end].StartsWith("#")) end++;
        lines.RemoveRange(h, end - h);
        return string.Join('\n', lines);
    }
}
