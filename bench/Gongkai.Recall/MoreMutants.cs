using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Recall;

/// <summary>
/// The error classes that cover the rest of the defect categories of the domain reference (§7) and the 绩效 checks
/// (§6.3): each is a mistake as it appears in a real document (a decimal point keyed one place off, a 空表 note left
/// on a table with figures, a heading with last year's year, a 二级指标 under the wrong 一级 …), grouped by family.
/// </summary>
public static partial class Mutants
{
    /// <summary>The defect families (domain §7 rows, 绩效 with the §6.3 checks), in report order.</summary>
    public static IReadOnlyList<(string Id, string Title)> Families { get; } =
    [
        ("arithmetic", "表内勾稽"), ("cross-table", "表间勾稽"), ("classification", "科目分类"), ("narrative", "文表一致"),
        ("zero-base", "零基数"), ("template", "模板残留"), ("years", "年份"), ("units", "计量单位"), ("empty-table", "空表"),
        ("scope-names", "范围与名称"), ("structure", "结构"), ("performance", "绩效"), ("procurement-assets", "采购与资产"),
    ];

    /// <summary>The family of each class of the first list (the new classes name theirs).</summary>
    private static readonly Dictionary<string, string> FirstFamilies = new(StringComparer.Ordinal)
    {
        ["item-cell"] = "arithmetic", ["total-row"] = "arithmetic", ["class-row"] = "arithmetic", ["labelled-row"] = "arithmetic",
        ["narrative-amount"] = "narrative", ["narrative-change"] = "narrative", ["narrative-percent"] = "narrative",
        ["narrative-share"] = "narrative", ["narrative-direction"] = "narrative", ["three-public-text"] = "narrative",
        ["comparison-year"] = "years", ["future-year"] = "years", ["wrong-name"] = "classification",
        ["misfiled-code"] = "classification", ["unknown-code"] = "classification", ["template-residue"] = "template",
        ["duplicate-punctuation"] = "template", ["weight-sum"] = "performance", ["missing-table"] = "structure",
    };

    public static string FamilyOf(ErrorClass c) => c.Family ?? FirstFamilies.GetValueOrDefault(c.Id, "other");

    private static readonly string[] SelfEvaluation = ["GK601", "GK602", "GK603", "GK604", "GK605", "GK606", "GK607", "GK608"];

    private static IReadOnlyList<ErrorClass> MoreClasses() =>
    [
        // ---- arithmetic inside a table
        new("decimal-shift", "小数点错位（1.20 录成 12.00）", Set(Identities), DecimalShift) { TouchesTables = true, Family = "arithmetic" },
        new("three-public-cell", "“三公”经费表中一项错数", Set([.. Identities, .. NarrativeRules]), ThreePublicCell) { TouchesTables = true, Family = "arithmetic" },
        // ---- cross-table
        new("operating-above-public", "机关运行经费大于公用经费", Set("GK310", "GK401", "GK406", "GK402"), OperatingAbovePublic) { Family = "cross-table" },
        new("overall-performance-money", "整体绩效目标表资金与预算总额不符", Set([.. PerformanceMoney, "GK315", "GK618", "GK418", "GK622"]), OverallPerformanceMoney) { TouchesTables = true, Family = "cross-table" },
        new("project-performance-money", "项目绩效目标表金额与项目支出不符", Set([.. PerformanceMoney, "GK316", "GK418", "GK317", "GK424", "GK622"]), ProjectPerformanceMoney) { TouchesTables = true, Family = "cross-table" },
        // ---- classification
        new("code-length", "科目编码多录或漏录一位", Set("GK503", "GK507", "GK501", "GK502", "GK504", "GK201"), CodeLength) { TouchesTables = true, Family = "classification" },
        new("econ-column", "经济分类科目列错人员经费/公用经费列", Set([.. Identities, "GK224"]), EconColumn) { TouchesTables = true, Family = "classification" },
        // ---- narrative vs table
        new("relation-word", "决算数与预算数的关系词写反（大于/小于）", Set("GK410", "GK403", "GK422"), RelationWordFlip) { Family = "narrative" },
        new("flat-with-change", "写“持平”却有增减额", Set("GK404", "GK422"), FlatWithChange) { Family = "narrative" },
        new("empty-reason", "“主要原因是”后无内容", Set("GK707"), EmptyReason) { Family = "narrative" },
        new("project-count", "绩效项目个数与绩效表数不符", Set("GK417"), ProjectCount) { Family = "narrative" },
        new("reason-sum", "增减原因所列金额之和不等于增减额", Set("GK425"), ReasonSum) { Family = "narrative" },
        new("yoy-wrong-base", "增减幅度以本年数为基数计算", Set("GK402"), YoyWrongBase) { Family = "narrative" },
        // ---- zero bases
        new("zero-base-growth", "上年为零仍写增长百分比", Set("GK402", "GK409", "GK411"), ZeroBaseGrowth) { Family = "zero-base" },
        new("zero-base-completion", "年初预算为零仍写完成年初预算的百分比", Set("GK409", "GK402", "GK423"), ZeroBaseCompletion) { Family = "zero-base" },
        new("zero-target", "绩效指标值为零仍计算偏离度", Set(SelfEvaluation), ZeroTarget) { TouchesTables = true, Family = "zero-base" },
        // ---- template residue
        new("bracket-alternative", "模板中的括号备选词未删除（增加（减少））", Set("GK701"), BracketAlternative) { Family = "template" },
        new("repeated-word", "词语重复（增加增加）", Set("GK703"), RepeatedWord) { Family = "template" },
        new("instruction-line", "模板填写说明未删除", Set("GK701"), InstructionLine) { Family = "template" },
        new("indicator-placeholder", "绩效指标名称留模板占位（指标1）", Set("GK616", "GK701"), IndicatorPlaceholder) { TouchesTables = true, Family = "template" },
        // ---- years
        new("heading-year", "表格标题年份写成上年", Set("GK705", "GK708"), HeadingYear) { TouchesTables = true, Family = "years" },
        new("header-year", "表头年份写成上年", Set("GK708", "GK705"), HeaderYear) { TouchesTables = true, Family = "years" },
        new("as-of-date", "资产情况的截至日期沿用上年", Set("GK709", "GK704"), AsOfDate) { Family = "years" },
        // ---- units
        new("table-unit", "表格标注单位为元，数值实为万元", Set([.. Identities, .. NarrativeRules, "GK617", "GK200", "GK318"]), TableUnit) { TouchesTables = true, Family = "units" },
        new("narrative-unit", "叙述中的万元写成元", Set([.. NarrativeRules, "GK318"]), NarrativeUnit) { Family = "units" },
        new("indicator-unit", "比率类绩效指标的单位写错", Set("GK620", "GK612"), IndicatorUnit) { TouchesTables = true, Family = "units" },
        // ---- empty tables
        new("empty-note-missing", "空表未说明原因", Set("GK102"), EmptyNoteMissing) { TouchesTables = true, Family = "empty-table" },
        new("empty-note-on-data", "有数据的表注明为空表", Set("GK103"), EmptyNoteOnData) { TouchesTables = true, Family = "empty-table" },
        new("empty-note-fund", "空表说明所称资金与本表不符", Set("GK104"), EmptyNoteFund) { TouchesTables = true, Family = "empty-table" },
        // ---- scope and names
        new("unit-count", "所列预算单位个数与单位构成不符", Set("GK443", "GK440", "GK441"), UnitCount) { Family = "scope-names" },
        new("name-truncated", "部门名称缺少区划前缀或被截短", Set("GK444"), NameTruncated) { TouchesTables = true, Family = "scope-names" },
        // ---- structure
        new("duplicate-table", "同一张公开表出现两次", Set("GK105"), DuplicateTable) { TouchesTables = true, OnSeeds = false, Family = "structure" },
        // ---- 绩效 (§6.3)
        new("level-name", "二级指标放在错误的一级指标下", Set("GK609"), LevelName) { TouchesTables = true, Family = "performance" },
        new("operator-kind", "指标符号与指标性质不符（满意度写成≤）", Set("GK610"), OperatorKind) { TouchesTables = true, Family = "performance" },
        new("third-level-number", "三级指标名称为数字", Set("GK611"), ThirdLevelNumber) { TouchesTables = true, Family = "performance" },
        new("score-cell", "指标得分或偏离度算错", Set(SelfEvaluation), ScoreCell) { TouchesTables = true, Family = "performance" },
        new("execution-rate", "预算执行率或执行率得分算错", Set(SelfEvaluation), ExecutionRate) { TouchesTables = true, Family = "performance" },
        new("total-score", "自评总分与各项得分不符", Set(SelfEvaluation), TotalScore) { TouchesTables = true, Family = "performance" },
        new("copied-indicators", "不同项目的绩效指标整表照抄", Set("GK621"), CopiedIndicators) { TouchesTables = true, Family = "performance" },
        // ---- procurement and assets
        new("procurement-parts", "政府采购货物、工程、服务之和不等于总额", Set("GK230", "GK406", "GK414", "GK401", "GK405", "GK415"), ProcurementParts) { Family = "procurement-assets" },
        new("sme-above-total", "授予中小企业金额超过采购总额", Set("GK231", "GK415", "GK405", "GK401"), SmeAboveTotal) { Family = "procurement-assets" },
        new("vehicle-count", "车辆总数与各类车辆之和不符", Set("GK232", "GK416", "GK406", "GK432"), VehicleCount) { Family = "procurement-assets" },
        new("block-item", "“三公”、政府采购、车辆、资产栏目表格中一项错数", Set([.. Identities, .. NarrativeRules, "GK432"]), BlockItem) { TouchesTables = true, Family = "procurement-assets" },
    ];

    // ------------------------------------------------------------------------------------------------ helpers

    private static string Join(string[] lines) => string.Join('\n', lines);

    private static void SetCell(string[] lines, int li, int ci, string value)
    {
        var parts = Cells(lines[li]);
        parts[ci] = value;
        lines[li] = string.Join(Separator(lines[li]), parts) + (lines[li].EndsWith('\r') ? "\r" : "");
    }

    private static bool IsRule(string line) => Regex.IsMatch(line.Trim(), @"^\|?[\s\-:|]+\|?$");

    /// <summary>The data cells under a header cell the predicate picks, until the table or its header changes.</summary>
    private static List<(int Line, int Col)> ColumnCells(string[] lines, Func<string, bool> header)
    {
        var list = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            int col = Array.FindIndex(cells, c => header(c.Trim()));
            if (col < 0) continue;
            for (int j = i + 1; j < lines.Length && IsTableLine(lines[j]); j++)
            {
                if (IsRule(lines[j])) continue;
                var row = Cells(lines[j]);
                if (row.Any(c => header(c.Trim()))) break;
                if (col < row.Length) list.Add((j, col));
            }
        }
        return list;
    }

    private static int? DocYear(string text) => DocumentYear(text);

    /// <summary>Like <see cref="ReplaceInNarrative"/>, on any sentence line (not only those with an amount).</summary>
    private static string? ReplaceInSentence(string text, Random r, Regex pattern, Func<Match, Random, string?> replace) =>
        ReplaceOnLines(text, r, pattern, replace, line =>
        {
            var s = line.TrimStart();
            return !(s.Length < 10 || IsTableLine(line) || s.StartsWith('#') || s.StartsWith("注"));
        });

    /// <summary>The line ranges of the tables (and the heading lines) of the sections whose heading the predicate picks.</summary>
    private static IEnumerable<int> SectionLines(string[] lines, Func<string, bool> heading)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('#') || !heading(lines[i])) continue;
            for (int j = i + 1; j < lines.Length && !lines[j].StartsWith('#'); j++) yield return j;
        }
    }

    private static decimal? Dec(string s) =>
        decimal.TryParse(s.Trim().Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Fmt(decimal v, string like)
    {
        var s = like.Trim();
        int dec = s.Contains('.') ? s.Length - s.IndexOf('.') - 1 : 0;
        return v.ToString((s.Contains(',') ? "#,##0" : "0") + (dec > 0 ? "." + new string('0', dec) : ""), CultureInfo.InvariantCulture);
    }

    // ------------------------------------------------------------------------------------------------ arithmetic

    /// <summary>A coded row's amount keyed with the decimal point one place off (×10 or ÷10).</summary>
    private static string? DecimalShift(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            if (!CodeRow(7)(cells) && !CodeRow(5)(cells)) continue;
            for (int c = 2; c < cells.Length; c++)
                if (Number.IsMatch(cells[c].Trim()) && cells[c].Contains('.') && Dec(cells[c]) is decimal v && Math.Abs(v) >= 1m) candidates.Add((i, c));
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        var cell = Cells(lines[li])[ci];
        var v0 = Dec(cell)!.Value;
        var nv = r.Next(2) == 0 ? v0 * 10m : Math.Round(v0 / 10m, 2);
        if (nv == v0) return null;
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(nv, cell)));
        return Join(lines);
    }

    private static readonly Regex ThreePublicItem = new("因公出国|公务用车购置费|公务用车运行|公务接待费|国内接待费", RegexOptions.Compiled);

    /// <summary>One item of the “三公” table (a column of the 三公表, or an item row of a 机构运行信息表) changed.</summary>
    private static string? ThreePublicCell(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = ColumnCells(lines, h => ThreePublicItem.IsMatch(h) && !h.Contains("小计") && !h.Contains("合计"))
            .Where(x => Shift(Cells(lines[x.Line])[x.Col], new Random(0)) is not null).ToList();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            for (int c = 0; c + 1 < cells.Length; c++)
            {
                if (!ThreePublicItem.IsMatch(cells[c]) || Regex.IsMatch(cells[c], "[（(]个|人|辆|批")) continue;
                for (int k = c + 1; k < cells.Length && !Regex.IsMatch(cells[k], "[\u4e00-\u9fa5]"); k++)
                    if (Shift(cells[k], new Random(0)) is not null) candidates.Add((i, k));
            }
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        SetCell(lines, li, ci, Shift(Cells(lines[li])[ci], r)!);
        return Join(lines);
    }

    // ------------------------------------------------------------------------------------------------ cross-table

    /// <summary>
    /// The 年初预算数 column of a 自评 money block (header row 年初预算数 | 全年（调整）预算数 | 全年执行数 | 执行率 …), or null
    /// when the row is not that header. No figure of the document restates it: the 执行率 is computed on the adjusted
    /// budget, the 决算 tables and the 自评 paragraph state the adjusted budget and the spending, and the fund rows under
    /// 年度总金额 are “其中” parts. A changed 年初预算数 leaves the document consistent, so the money classes leave it.
    /// </summary>
    private static int? InitialBudgetColumn(string[] cells)
    {
        int c = Array.FindIndex(cells, x => x.Trim() == "年初预算数");
        return c >= 0 && cells.Any(x => x.Trim().Contains("执行数")) ? c : null;
    }

    /// <summary>The 机关运行经费 of the narrative set above the 公用经费 the document states.</summary>
    private static string? OperatingAbovePublic(string text, Random r)
    {
        var pub = Regex.Matches(text, @"公用经费(?:支出|预算)?(\d[\d,]*\.\d{2})万元").Select(m => Dec(m.Groups[1].Value)).OfType<decimal>().Where(v => v > 0).ToList();
        if (pub.Count == 0) return null;
        var above = pub.Max() + r.Next(20, 200) + 0.37m;
        return ReplaceInNarrative(text, r, new Regex(@"(机关运行经费(?:支出|预算)?)(\d[\d,]*\.\d{2})万元"),
            (m, _) => m.Groups[1].Value + above.ToString("0.00", CultureInfo.InvariantCulture) + "万元");
    }

    /// <summary>One amount of the money block of the 整体绩效 table (预算支出总额, 基本/项目, 全年执行数 …) changed.</summary>
    private static string? OverallPerformanceMoney(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int, int)>();
        int initial = -1;
        foreach (var i in SectionLines(lines, h => h.Contains("整体绩效")))
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            if (InitialBudgetColumn(cells) is int ic) { initial = ic; continue; }
            for (int c = 0; c < cells.Length; c++)
                if (c != initial && Shift(cells[c], new Random(0)) is not null && Dec(cells[c]) is decimal v && v >= 1m && (cells[c].Contains(',') || v >= 100m))
                    candidates.Add((i, c));
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        var cell = Cells(lines[li])[ci];
        var v0 = Dec(cell)!.Value;
        var nv = v0 + Math.Round(v0 * (decimal)(0.02 + r.NextDouble() * 0.2), 2) * (r.Next(2) == 0 ? 1 : -1);
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(nv, cell)));
        return Join(lines);
    }

    /// <summary>The 当年预算 of a 项目绩效目标表, or the 全年执行数 of a 项目自评表, changed by a visible share.</summary>
    private static string? ProjectPerformanceMoney(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int, int)>();
        int initial = -1;
        foreach (var i in SectionLines(lines, h => h.Contains("项目") && h.Contains("绩效")))
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            if (InitialBudgetColumn(cells) is int ic) { initial = ic; continue; }
            var label = cells.Select(c => c.Trim()).FirstOrDefault(c => c.Length > 0) ?? "";
            if (!(label.Contains("预算") || label.Contains("资金") || label.Contains("年度总金额") || label.Contains("财政拨款"))) continue;
            for (int c = 0; c < cells.Length; c++)
                if (c != initial && Dec(cells[c]) is decimal v && v >= 1m && Number.IsMatch(cells[c].Trim())) candidates.Add((i, c));
        }
        if (candidates.Count == 0) return null;
        var (li, ci) = candidates[r.Next(candidates.Count)];
        var cell = Cells(lines[li])[ci];
        var v0 = Dec(cell)!.Value;
        var nv = v0 + Math.Max(1m, Math.Round(v0 * (decimal)(0.05 + r.NextDouble() * 0.2), 2)) * (r.Next(2) == 0 ? 1 : -1);
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(nv, cell)));
        return Join(lines);
    }

    // ------------------------------------------------------------------------------------------------ classification

    private static string? CodeLength(string text, Random r) =>
        BadCode(text, r, c => c.Length == 7 ? ((c[^1] - '0') % 2 == 0 ? c[..6] : c + c[^1]) : c) is { } s && s != text ? s : null;

    /// <summary>An economic line of a 基本支出 table written in the 公用经费 column instead of 人员经费 (or the reverse).</summary>
    private static string? EconColumn(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, int From, int To)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var h = Cells(lines[i]).Select(c => c.Trim()).ToArray();
            int p = Array.FindIndex(h, c => c is "人员经费" or "人员支出"), g = Array.FindIndex(h, c => c is "公用经费" or "公用支出");
            if (p < 0 || g < 0) continue;
            for (int j = i + 1; j < lines.Length && IsTableLine(lines[j]); j++)
            {
                var cells = Cells(lines[j]);
                if (cells.Length <= Math.Max(p, g) || !cells.Take(2).Any(c => c.Trim().Length == 5 && Code.IsMatch(c.Trim()))) continue;
                var code = cells.Take(2).First(c => c.Trim().Length == 5 && Code.IsMatch(c.Trim())).Trim();
                var from = code.StartsWith("302") ? g : p;
                var to = from == p ? g : p;
                if (Dec(cells[from]) is decimal v && v > 0 && (Dec(cells[to]) ?? 0) == 0) candidates.Add((j, from, to));
            }
        }
        if (candidates.Count == 0) return null;
        var (li, f, t) = candidates[r.Next(candidates.Count)];
        var parts = Cells(lines[li]);
        (parts[f], parts[t]) = (parts[t].Trim().Length == 0 ? "" : parts[t].Replace(parts[t].Trim(), Fmt(0, parts[f])), parts[f]);
        lines[li] = string.Join(Separator(lines[li]), parts);
        return Join(lines);
    }

    // ------------------------------------------------------------------------------------------------ narrative

    /// <summary>“较年初预算数减少 X 万元” followed by “决算数大于预算数” (the relation word of the other direction).</summary>
    private static string? RelationWordFlip(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"较(年初预算数?|全年预算数?|调整预算数?)(增加|减少)(\d[\d,]*\.\d{2})万元"),
            (m, _) => m.Groups[3].Value is "0.00" ? null
                : m.Value + "，决算数" + (m.Groups[2].Value == "增加" ? "小于" : "大于") + m.Groups[1].Value.TrimEnd('数') + "数");

    /// <summary>“与上年持平” written for a non-zero change.</summary>
    private static string? FlatWithChange(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(增加|减少)(\d[\d,]*\.\d{2})万元，(增长|下降)(\d+\.\d{2})%"),
            (m, _) => m.Groups[2].Value is "0.00" ? null : $"持平，{m.Groups[1].Value}{m.Groups[2].Value}万元");

    /// <summary>“主要原因是” left with nothing after it.</summary>
    private static string? EmptyReason(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(主要原因(?:是|为|：))[^，。；]+"), (m, _) => m.Groups[1].Value);

    /// <summary>The number of 绩效 projects in the narrative changed.</summary>
    private static string? ProjectCount(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(和|项目共|项目支出共|共)(\d+)(个项目|个)"),
            (m, rr) => m.Value.Contains("项目") ? m.Groups[1].Value + (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + rr.Next(1, 4)) + m.Groups[3].Value : null,
            l => l.Contains("绩效"));

    private static readonly Regex ReasonList = new(@"((?:增加|减少)\d[\d,]*(?:\.\d+)?万元[^。]{0,20}?(?:其中[：:]?|具体为[：:]?|主要是|原因是))([^，,、；;：:。0-9]{1,30}?(?:增加|减少))(\d[\d,]*\.\d{2})(万元)(?=[、，；][^。]{0,40}?(?:增加|减少)\d)", RegexOptions.Compiled);
    private static readonly Regex ChangeWithReason = new(@"(增加|减少)(\d[\d,]*\.\d{2})万元(，(?:增长|下降)\d+\.\d{2}%)?，主要原因是工作任务调整", RegexOptions.Compiled);

    /// <summary>
    /// An itemized reason whose amounts no longer add up to the change: on a document that lists reasons, one item's
    /// amount changed; on one that gives a one-line reason, the reason written as a breakdown (“具体为：基本支出增加a万元、
    /// 项目支出增加b万元”, or items both ways after “主要是”) whose second item is off by a visible amount.
    /// </summary>
    private static string? ReasonSum(string text, Random r)
    {
        var listed = ReplaceInSentence(text, r, ReasonList, (m, rr) => ShiftGroup(m, rr, 3));
        if (listed is not null) return listed;
        return ReplaceInSentence(text, r, ChangeWithReason, (m, rr) =>
        {
            var x = Dec(m.Groups[2].Value)!.Value;
            if (x < 10m) return null;
            var word = m.Groups[1].Value;
            var other = word == "增加" ? "减少" : "增加";
            var delta = Math.Round((decimal)(1 + rr.NextDouble() * 49), 2);
            string F(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);
            if (rr.Next(2) == 0)
            {
                var a = Math.Round(x * 0.6m, 2);
                return $"{word}{m.Groups[2].Value}万元{m.Groups[3].Value}，具体为：基本支出{word}{F(a)}万元、项目支出{word}{F(x - a + delta)}万元";
            }
            var k = Math.Round(x * 0.3m, 2);
            return $"{word}{m.Groups[2].Value}万元{m.Groups[3].Value}，主要是项目支出{word}{F(x + k)}万元、基本支出{other}{F(k + delta)}万元";
        });
    }

    private static readonly Regex CurrentAndChange = new(@"(\d[\d,]*\.\d{2})万元([^。；]{0,40}?)(增加|减少)(\d[\d,]*\.\d{2})万元，(增长|下降)(\d+\.\d{2})%", RegexOptions.Compiled);

    /// <summary>The change percentage computed on this year's amount instead of last year's (Δ ÷ 本年 × 100).</summary>
    private static string? YoyWrongBase(string text, Random r) =>
        ReplaceInNarrative(text, r, CurrentAndChange, (m, _) =>
        {
            if (Dec(m.Groups[1].Value) is not decimal cur || cur <= 0m || Dec(m.Groups[4].Value) is not decimal d || d <= 0m || d >= cur) return null;
            var wrong = Math.Round(d / cur * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
            if (wrong == m.Groups[6].Value) return null;
            var g = m.Groups[6];
            return m.Value[..(g.Index - m.Index)] + wrong + m.Value[(g.Index - m.Index + g.Length)..];
        });

    // ------------------------------------------------------------------------------------------------ zero bases

    private static readonly Regex NoBase = new(@"(增加)(\d[\d,]*\.\d{2})万元（上年无此项，不计算增减比例）", RegexOptions.Compiled);

    /// <summary>“增长100%” written for a change from a zero prior year.</summary>
    private static string? ZeroBaseGrowth(string text, Random r) =>
        ReplaceInNarrative(text, r, NoBase, (m, _) => $"增加{m.Groups[2].Value}万元，增长100.00%");

    /// <summary>“完成年初预算的 p%” written where the 年初预算 is zero.</summary>
    private static string? ZeroBaseCompletion(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"较年初预算数?增加(\d[\d,]*\.\d{2})万元（上年无此项，不计算增减比例）"),
            (m, rr) => $"较年初预算数增加{m.Groups[1].Value}万元，完成年初预算的{(rr.Next(2) == 0 ? "0.00" : "100.00")}%");

    /// <summary>An indicator's 指标值 of a 自评表 written as 0 while its 偏离度 and score stay.</summary>
    private static string? ZeroTarget(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h == "指标值").Where(x => Dec(Cells(lines[x.Line])[x.Col]) is > 0m)
            .Where(x => ColumnOf(lines, x.Line, "全年完成值") >= 0 && ColumnOf(lines, x.Line, "偏离度（%）") >= 0).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cell = Cells(lines[li])[ci];
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), "0"));
        return Join(lines);
    }

    /// <summary>The column of a header cell of the table a data line belongs to (−1 when none).</summary>
    private static int ColumnOf(string[] lines, int line, string header)
    {
        for (int i = line - 1; i >= 0 && IsTableLine(lines[i]); i--)
        {
            var k = Array.FindIndex(Cells(lines[i]), c => c.Trim() == header);
            if (k >= 0) return k;
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ template residue

    private static string? BracketAlternative(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(增加|减少|增长|下降)(?=\d)"),
            (m, rr) => m.Value switch { "增加" => "增加（减少）", "减少" => "减少（增加）", "增长" => "增长（下降）", _ => "下降（增长）" });

    private static string? RepeatedWord(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"(增加|减少|支出|预算|主要)(?!\1)"), (m, _) => m.Value + m.Value);

    private static readonly string[] Instructions =
    [
        "（请在此处填写本部门主要职能，不超过300字）",
        "（此处说明增减变化的主要原因，没有的填“无”）",
        "注：请根据本部门实际情况填写，无此项内容的应说明。",
    ];

    /// <summary>An instruction line of the template left under a narrative heading.</summary>
    private static string? InstructionLine(string text, Random r)
    {
        var lines = Lines(text).ToList();
        var heads = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith("## ") || lines[i].StartsWith("### "))
            .Where(i => i + 2 < lines.Count && IsNarrative(lines[i + 2])).ToList();
        if (heads.Count == 0) return null;
        var h = heads[r.Next(heads.Count)];
        lines.Insert(h + 2, Instructions[r.Next(Instructions.Length)]);
        lines.Insert(h + 3, "");
        return string.Join('\n', lines);
    }

    private static string? IndicatorPlaceholder(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h is "三级指标" or "指标名称").Where(x => Cells(lines[x.Line])[x.Col].Trim().Length > 1).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        SetCell(lines, li, ci, " " + (r.Next(2) == 0 ? "指标1" : "XXX") + " ");
        return Join(lines);
    }

    // ------------------------------------------------------------------------------------------------ years

    /// <summary>A table heading carries last year's year (a title copied from the year before).</summary>
    private static string? HeadingYear(string text, Random r)
    {
        if (DocYear(text) is not int y) return null;
        var lines = Lines(text);
        int part2 = Array.FindIndex(lines, l => l.StartsWith("## 第二部分") || l.Contains("公开表"));
        var c = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("###") && lines[i].Contains($"{y}年") && i > part2 && part2 >= 0).ToList();
        if (c.Count == 0)
        {
            // headings without a year: write last year's into one
            c = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("### ") && i > part2 && part2 >= 0 && lines[i].Contains("表") && !Regex.IsMatch(lines[i], @"20\d{2}")).ToList();
            if (c.Count == 0) return null;
            var k = c[r.Next(c.Count)];
            lines[k] = "### " + (y - 1) + "年" + lines[k][4..].TrimStart();
            return Join(lines);
        }
        var i0 = c[r.Next(c.Count)];
        lines[i0] = lines[i0].Replace($"{y}年", $"{y - 1}年");
        return Join(lines);
    }

    /// <summary>A column header of an amount table carries last year's year (“2024年预算数” in a 2025 budget).</summary>
    private static string? HeaderYear(string text, Random r)
    {
        if (DocYear(text) is not int y) return null;
        var lines = Lines(text);
        var c = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i]) || IsRule(lines[i])) continue;
            var cells = Cells(lines[i]);
            for (int k = 0; k < cells.Length; k++)
                if (cells[k].Trim() is "合计" or "本年收入" or "本年支出" && i + 1 < lines.Length && IsTableLine(lines[i + 1]) && k > 1) c.Add((i, k));
        }
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cell = Cells(lines[li])[ci];
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), $"{y - 1}年" + cell.Trim()));
        return Join(lines);
    }

    private static string? AsOfDate(string text, Random r) =>
        ReplaceInNarrative(text, r, new Regex(@"截至(20\d{2})年(\d{1,2})月(\d{1,2})日"),
            (m, _) => $"截至{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1}年{m.Groups[2].Value}月{m.Groups[3].Value}日");

    // ------------------------------------------------------------------------------------------------ units

    /// <summary>The unit line of a table with figures says 元 while its figures are 万元.</summary>
    private static string? TableUnit(string text, Random r)
    {
        var lines = Lines(text);
        var c = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() is not ("单位：万元" or "单位:万元" or "金额单位：万元")) continue;
            // only tables with figures
            for (int j = i + 1; j < Math.Min(lines.Length, i + 12); j++)
                if (IsTableLine(lines[j]) && Cells(lines[j]).Any(x => Dec(x) is > 0m && x.Contains('.'))) { c.Add(i); break; }
        }
        if (c.Count == 0) return null;
        var k = c[r.Next(c.Count)];
        lines[k] = lines[k].Replace("万元", "元");
        return Join(lines);
    }

    /// <summary>A narrative amount in 万元 written with the unit 元.</summary>
    private static string? NarrativeUnit(string text, Random r) =>
        ReplaceInNarrative(text, r, Amount, (m, _) => Dec(m.Groups[1].Value) is >= 10m ? m.Groups[1].Value + "元" : null);

    /// <summary>A rate indicator (unit %) given another unit (元, 个).</summary>
    private static string? IndicatorUnit(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h is "度量单位" or "计量单位" or "单位").Where(x => Cells(lines[x.Line])[x.Col].Trim() == "%").ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        SetCell(lines, li, ci, r.Next(2) == 0 ? " 元 " : " 万元 ");
        return Join(lines);
    }

    // ------------------------------------------------------------------------------------------------ empty tables

    private static readonly Regex EmptyNote = new(@"^注[：:].*(无数据|为空表|空表)", RegexOptions.Compiled);

    private static string? EmptyNoteMissing(string text, Random r)
    {
        var lines = Lines(text).ToList();
        var c = Enumerable.Range(0, lines.Count).Where(i => EmptyNote.IsMatch(lines[i].Trim())).ToList();
        if (c.Count == 0) return null;
        var k = c[r.Next(c.Count)];
        // and the narrative's own statement of it (“…相关表格以空表公开”, “本部门无政府性基金预算财政拨款支出。”)
        var fund = Regex.Match(lines[k], "政府性基金|国有资本经营|一般公共预算|财政拨款").Value;
        lines.RemoveAt(k);
        for (int i = 0; i < lines.Count; i++)
            if (!IsTableLine(lines[i]) && !lines[i].StartsWith('#'))
                lines[i] = Regex.Replace(lines[i], @"[^。]*(空表|(无|没有)[^。]{0,12}" + fund + @")[^。]*。", "");
        return string.Join('\n', lines);
    }

    /// <summary>The 空表 note of another table pasted under a table that has figures.</summary>
    private static string? EmptyNoteOnData(string text, Random r)
    {
        if (DocYear(text) is not int y) return null;
        var lines = Lines(text).ToList();
        var c = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("### ") || !Regex.IsMatch(lines[i], "一般公共预算|财政拨款|支出") || lines[i].Contains("绩效")) continue;
            int end = i + 1;
            bool data = false;
            while (end < lines.Count && !lines[end].StartsWith('#'))
            {
                if (IsTableLine(lines[end]) && Cells(lines[end]).Any(x => Dec(x) is > 0m && x.Contains('.'))) data = true;
                if (lines[end].TrimStart().StartsWith("注")) { data = false; break; }
                end++;
            }
            if (data) c.Add(end);
        }
        if (c.Count == 0) return null;
        var at = c[r.Next(c.Count)];
        lines.Insert(at, "");
        lines.Insert(at, $"注：本部门{y}年度没有一般公共预算财政拨款支出，故本表无数据。");
        return string.Join('\n', lines);
    }

    /// <summary>The note of an empty table names another fund (the 政府性基金 note copied under the 国有资本经营 table).</summary>
    private static string? EmptyNoteFund(string text, Random r)
    {
        var lines = Lines(text);
        var c = Enumerable.Range(0, lines.Length).Where(i => EmptyNote.IsMatch(lines[i].Trim()) && Regex.IsMatch(lines[i], "政府性基金|国有资本经营")).ToList();
        if (c.Count == 0) return null;
        var k = c[r.Next(c.Count)];
        lines[k] = lines[k].Contains("政府性基金") ? lines[k].Replace("政府性基金预算", "国有资本经营预算") : lines[k].Replace("国有资本经营预算", "政府性基金预算");
        return Join(lines);
    }

    // ------------------------------------------------------------------------------------------------ scope and names

    private static string? UnitCount(string text, Random r) =>
        ReplaceInSentence(text, r, new Regex(@"(编制范围的单位共)(\d+)(个)"), (m, rr) => m.Groups[1].Value + (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + rr.Next(1, 3)) + m.Groups[3].Value);

    /// <summary>The department's name in a table (部门（单位）名称, 主管部门) or a sentence without its district prefix.</summary>
    private static string? NameTruncated(string text, Random r)
    {
        var title = Regex.Match(text, @"^#\s*(.+?)(20\d{2})年", RegexOptions.Multiline);
        if (!title.Success) return null;
        var name = title.Groups[1].Value.Trim();
        var prefix = Regex.Match(name, @"^.{1,8}?(省|市|区|县|旗)");
        if (!prefix.Success || prefix.Length >= name.Length - 1) return null;
        var shortName = name[prefix.Length..];
        var lines = Lines(text);
        // a name field (a table cell, the 主管部门 of a 绩效 table, a list of units), not prose: prose may use a short name
        var c = Enumerable.Range(1, lines.Length - 1).Where(i => lines[i].Contains(name) && !lines[i].StartsWith('#')
            && (lines[i].StartsWith('|') || lines[i].Contains("单位：") || lines[i].Contains("主管部门"))).ToList();
        if (c.Count == 0) return null;
        var k = c[r.Next(c.Count)];
        var at = lines[k].IndexOf(name, StringComparison.Ordinal);
        lines[k] = lines[k][..at] + shortName + lines[k][(at + name.Length)..];
        return Join(lines);
    }

    // ------------------------------------------------------------------------------------------------ structure

    /// <summary>One standard table printed twice (the same section pasted again right after itself).</summary>
    private static string? DuplicateTable(string text, Random r)
    {
        var lines = Lines(text).ToList();
        int part2 = lines.FindIndex(l => l.StartsWith("## 第二部分"));
        if (part2 < 0) return null;
        var heads = Enumerable.Range(part2 + 1, lines.Count - part2 - 1).Where(i => lines[i].StartsWith("### ") && !lines[i].Contains("绩效")).ToList();
        if (heads.Count == 0) return null;
        var h = heads[r.Next(heads.Count)];
        int end = h + 1;
        while (end < lines.Count && !lines[end].StartsWith('#')) end++;
        // pasted again further on (before another table), not right after itself, where it reads as a continuation
        var later = heads.Where(x => x > end).ToList();
        if (later.Count == 0) return null;
        lines.InsertRange(later[r.Next(later.Count)], lines.GetRange(h, end - h));
        return string.Join('\n', lines);
    }

    // ------------------------------------------------------------------------------------------------ 绩效

    private static readonly string[] Level2Output = ["数量指标", "质量指标", "时效指标", "成本指标"];
    private static readonly string[] Level2Benefit = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"];

    /// <summary>A 二级指标 under the wrong 一级 (数量指标 under 效益指标, 社会效益指标 under 产出指标).</summary>
    private static string? LevelName(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h == "二级指标").Where(x => Cells(lines[x.Line])[x.Col].Trim().Length > 0).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cur = Cells(lines[li])[ci].Trim();
        var to = Level2Output.Contains(cur) ? Level2Benefit[r.Next(3)] : Level2Output[r.Next(3)];
        SetCell(lines, li, ci, " " + to + " ");
        return Join(lines);
    }

    /// <summary>A 满意度 or rate indicator given ≤ (the direction of a cost).</summary>
    private static string? OperatorKind(string text, Random r)
    {
        var lines = Lines(text);
        var c = new List<(int, int)>();
        foreach (var (li, ci) in ColumnCells(lines, h => h == "指标性质"))
        {
            var cells = Cells(lines[li]);
            if (cells[ci].Trim() is "≥" or ">=" && cells.Any(x => x.Contains("满意度"))) c.Add((li, ci));
        }
        if (c.Count == 0) return null;
        var (l, k) = c[r.Next(c.Count)];
        SetCell(lines, l, k, " ≤ ");
        return Join(lines);
    }

    private static string? ThirdLevelNumber(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h is "三级指标" or "指标名称").Where(x => Cells(lines[x.Line])[x.Col].Trim().Length > 1).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        // the value column's figure slipped into the name column
        SetCell(lines, li, ci, " " + r.Next(2, 300).ToString(CultureInfo.InvariantCulture) + " ");
        return Join(lines);
    }

    /// <summary>One 指标得分 or 偏离度 of a 自评表 miscomputed.</summary>
    private static string? ScoreCell(string text, Random r)
    {
        var lines = Lines(text);
        var c = ColumnCells(lines, h => h is "指标得分" or "偏离度（%）" or "得分系数（%）").Where(x => Dec(Cells(lines[x.Line])[x.Col]) is not null).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cell = Cells(lines[li])[ci];
        var v = Dec(cell)!.Value;
        var nv = v >= 5 ? v - r.Next(2, 5) : v + r.Next(2, 5);
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(nv, cell)));
        return Join(lines);
    }

    private static string? ExecutionRate(string text, Random r)
    {
        var lines = Lines(text);
        // the funds lines of a 自评表 (年度总金额, 其中：财政拨款 …), not the indicator rows under the same columns
        var c = ColumnCells(lines, h => h is "执行率" or "执行率得分" or "预算执行率")
            .Where(x => Dec(Cells(lines[x.Line])[x.Col]) is > 0m && Regex.IsMatch(Cells(lines[x.Line]).FirstOrDefault(z => z.Trim().Length > 0) ?? "", "金额|资金|拨款|预算|其他")).ToList();
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cell = Cells(lines[li])[ci];
        var v = Dec(cell)!.Value;
        var nv = v > 50 ? v - r.Next(3, 9) : v + r.Next(1, 3);
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(nv, cell.Contains('.') ? cell : cell + ".00")));
        return Join(lines);
    }

    private static string? TotalScore(string text, Random r)
    {
        var lines = Lines(text);
        var c = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            var cells = Cells(lines[i]);
            int k = Array.FindIndex(cells, x => x.Trim().StartsWith("自评总分") || x.Trim().StartsWith("总分"));
            if (k >= 0 && k + 1 < cells.Length && Dec(cells[k + 1]) is > 0m) c.Add((i, k + 1));
        }
        if (c.Count == 0) return null;
        var (li, ci) = c[r.Next(c.Count)];
        var cell = Cells(lines[li])[ci];
        var v = Dec(cell)!.Value;
        SetCell(lines, li, ci, cell.Replace(cell.Trim(), Fmt(v - r.Next(2, 8), cell)));
        return Join(lines);
    }

    /// <summary>The indicator rows of one project table pasted over those of another project (same count of rows).</summary>
    private static string? CopiedIndicators(string text, Random r)
    {
        var lines = Lines(text);
        var blocks = new List<List<int>>();
        foreach (var (li, _) in ColumnCells(lines, h => h is "三级指标" or "指标名称"))
        {
            if (blocks.Count == 0 || blocks[^1][^1] != li - 1) blocks.Add([]);
            blocks[^1].Add(li);
        }
        var projects = blocks.Where(b => b.Count >= 2).ToList();
        for (int attempt = 0; attempt < 10 && projects.Count >= 2; attempt++)
        {
            var a = projects[r.Next(projects.Count)];
            var b = projects[r.Next(projects.Count)];
            if (a == b || a.Count != b.Count) continue;
            if (a.Select(i => lines[i]).SequenceEqual(b.Select(i => lines[i]))) continue;
            for (int k = 0; k < a.Count; k++) lines[b[k]] = lines[a[k]];
            return Join(lines);
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ procurement and assets

    private static readonly Regex ProcurementPart = new(@"(政府采购(?:货物|工程|服务)(?:支出|预算)?|货物类|服务类|工程类)(\d[\d,]*\.\d{2})万元", RegexOptions.Compiled);
    private static readonly Regex ProcurementWhole = new(@"政府采购(?:支出总额|预算)(\d[\d,]*\.\d{2})万元", RegexOptions.Compiled);

    /// <summary>
    /// One of 货物 / 工程 / 服务 keyed wrong. When the sentence lists two or more parts, one is shifted (the parts no longer
    /// add up to the total). When it lists one part only (the others are zero and left out), a smaller part would read as a
    /// partial list, so the mistake shows as the part written above the total it belongs to.
    /// </summary>
    private static string? ProcurementParts(string text, Random r) =>
        ReplaceInNarrative(text, r, ProcurementPart, (m, rr) =>
        {
            var line = Lines(text).First(l => l.Contains(m.Value));
            if (ProcurementPart.Matches(line).Count >= 2) return ShiftGroup(m, rr, 2);
            if (ProcurementWhole.Match(line) is not { Success: true } whole || Dec(whole.Groups[1].Value) is not decimal t || t <= 0) return null;
            var above = t + rr.Next(1, 30) + 0.37m;
            return m.Groups[1].Value + above.ToString("0.00", CultureInfo.InvariantCulture) + "万元";
        });

    private static string? SmeAboveTotal(string text, Random r)
    {
        var total = Regex.Match(text, @"政府采购(?:支出总额|预算)(\d[\d,]*\.\d{2})万元");
        if (!total.Success || Dec(total.Groups[1].Value) is not decimal t || t <= 0) return null;
        var above = (t + r.Next(1, 30) + 0.25m).ToString("0.00", CultureInfo.InvariantCulture);
        return ReplaceInNarrative(text, r, new Regex(@"(授予中小企业合同金额|面向中小企业预留采购份额)(\d[\d,]*\.\d{2})万元"), (m, _) => m.Groups[1].Value + above + "万元");
    }

    private static readonly Regex VehicleList = new(@"共有车辆(\d+)辆，其中：([^；。]+)", RegexOptions.Compiled);

    /// <summary>
    /// The vehicle total and the vehicles by type disagree, as a reviewer can see it. Where a table lists every vehicle
    /// type (a 车辆数合计 row with a row per type), the narrative total is changed either way. Where only the narrative
    /// lists the types (“其中：” names the non-zero ones, so a larger total is a partial list), the types listed are
    /// made to add up to more than the total: one type raised, or the total written below their sum.
    /// </summary>
    private static string? VehicleCount(string text, Random r)
    {
        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        if (Lines(text).Any(l => IsTableLine(l) && l.Contains("车辆数合计")))
            return ReplaceInNarrative(text, r, new Regex(@"(共有车辆)(\d+)辆"), (m, rr) =>
            {
                var n = Int(m.Groups[2].Value);
                return m.Groups[1].Value + (n > 1 && rr.Next(2) == 0 ? n - 1 : n + rr.Next(1, 3)) + "辆";
            }, l => l.Contains("车辆"));
        return ReplaceInNarrative(text, r, VehicleList, (m, rr) =>
        {
            var n = Int(m.Groups[1].Value);
            var list = m.Groups[2].Value;
            var parts = Regex.Matches(list, @"(\d+)辆").ToList();
            if (parts.Count == 0) return null;
            var sum = parts.Sum(p => Int(p.Groups[1].Value));
            if (sum >= 2 && rr.Next(2) == 0) return $"共有车辆{sum - rr.Next(1, Math.Min(sum, 3))}辆，其中：{list}";
            var p = parts[rr.Next(parts.Count)].Groups[1];
            var raised = Int(p.Value) + Math.Max(0, n - sum) + rr.Next(1, 3);
            return $"共有车辆{n}辆，其中：{list[..p.Index]}{raised}{list[(p.Index + p.Length)..]}";
        }, l => l.Contains("车辆"));
    }

    private static readonly Regex BlockMoneyLabel = new("^（一）支出合计$|因公出国|公务用车购置|公务用车运行|公务接待费|国内接待费|^[二三四]、(会议费|培训费|差旅费)$|政府采购|中小企业|小微企业", RegexOptions.Compiled);
    private static readonly Regex BlockCountLabel = new("车辆数合计|用车$|用车（辆）|保有量|以上设备", RegexOptions.Compiled);

    /// <summary>
    /// One figure of the labelled rows of the “三公” / 政府采购 / 车辆 / 资产 blocks keyed wrong: a money cell of a row such as
    /// （一）支出合计, 公务用车购置费, 政府采购货物支出 (机构运行信息表, 三公 items as rows) or of a 政府采购 table, or a count
    /// of a 车辆数合计 / vehicle-type / 以上设备 row. Coded rows (an economic line 30231 公务用车运行维护费) and the 绩效
    /// tables are left to their own classes.
    /// </summary>
    private static string? BlockItem(string text, Random r)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, int Col, bool Count)>();
        string heading = "";
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#')) heading = lines[i];
            if (!IsTableLine(lines[i]) || heading.Contains("绩效") || IsRule(lines[i])) continue;
            var cells = Cells(lines[i]);
            if (cells.Any(c => Code.IsMatch(c.Trim()))) continue;
            bool procurementTable = heading.Contains("政府采购") && heading.EndsWith("表");
            string label = "";
            for (int c = 0; c < cells.Length; c++)
            {
                var t = cells[c].Trim();
                if (t.Length == 0 || t is "—" or "-") continue;
                if (!Number.IsMatch(t)) { label = Regex.Replace(t, @"\s", ""); continue; }
                if (t.Contains('.') && Dec(t) is > 0m && (BlockMoneyLabel.IsMatch(label) || procurementTable && label is "合计" or "总计"))
                    candidates.Add((i, c, false));
                else if (!t.Contains('.') && !t.Contains(',') && BlockCountLabel.IsMatch(label) && label.Length < 30)
                    candidates.Add((i, c, true));
            }
        }
        if (candidates.Count == 0) return null;
        var (li, ci, count) = candidates[r.Next(candidates.Count)];
        var cell = Cells(lines[li])[ci];
        if (count)
        {
            var n = int.Parse(cell.Trim(), CultureInfo.InvariantCulture);
            SetCell(lines, li, ci, cell.Replace(cell.Trim(), (n > 1 && r.Next(2) == 0 ? n - 1 : n + r.Next(1, 3)).ToString(CultureInfo.InvariantCulture)));
        }
        else SetCell(lines, li, ci, Shift(cell, r)!);
        return Join(lines);
    }
}
