using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// What a document says about its scope (部门 vs 单位): how often the narrative calls itself 本部门/我部门 or
/// 本单位/我单位, and how many 预算单位 it lists (单位构成 table, "纳入…编制范围的单位共 N 个", numbered items under a
/// 单位构成 / 机构设置 heading).
/// </summary>
internal static partial class ScopeWords
{
    public sealed record Usage(int Department, int Unit, Sentence? FirstDepartment, Sentence? FirstUnit);

    public static Usage Count(Disclosure d)
    {
        int dep = 0, unit = 0;
        Sentence? fd = null, fu = null;
        foreach (var s in d.Sentences)
        {
            var t = Whitespace.Squeeze(s.Text);
            int a = DepartmentWord().Matches(t).Count, b = UnitWord().Matches(t).Count;
            if (a > 0) fd ??= s;
            if (b > 0) fu ??= s;
            dep += a;
            unit += b;
        }
        return new Usage(dep, unit, fd, fu);
    }

    /// <summary>The number of 预算单位 the document lists or states (0 when it says nothing), with where.</summary>
    public static (int Count, Provenance? Source) Units(Disclosure d)
    {
        int best = 0;
        Provenance? src = null;
        var listed = d.Units.Select(u => u.Name.Trim()).Where(n => n.Length > 0 && !n.Contains("合计") && !n.Contains("总计")).Distinct().Count();
        if (listed > 0) (best, src) = (listed, d.Units[0].Source);
        foreach (var s in d.Sentences)
        {
            var t = Whitespace.Squeeze(s.Text);
            var m = StatedCount().Match(t);
            if (m.Success && Digits(m.Groups["n"].Value) is int n && n > best) (best, src) = (n, s.Source);
        }
        // "1. 重庆市××局…" "2. ××中心，参公单位…" under （二）单位构成
        foreach (var g in d.Sections.Where(x => UnitsHeading().IsMatch(Whitespace.Squeeze(x.Heading))))
        {
            var numbered = g.Sentences.Select(s => NumberedUnit().Match(Whitespace.Squeeze(s.Text))).Where(m => m.Success)
                .Select(m => m.Groups["i"].Value).Distinct().Count();
            if (numbered > best) (best, src) = (numbered, g.Source);
        }
        return (best, src);
    }

    /// <summary>Subordinate units a 单位 document mentions: "所属单位 2 个", "下属二级预算单位共有 1 个".</summary>
    public static (int Count, Sentence? Where) Subordinates(Disclosure d)
    {
        foreach (var s in d.Sentences)
        {
            var m = SubordinateCount().Match(Whitespace.Squeeze(s.Text));
            if (m.Success && Digits(m.Groups["n"].Value) is int n && n > 0) return (n, s);
        }
        return (0, null);
    }

    public static int? Digits(string s)
    {
        var a = FullWidth.AsciiDigits(s);
        if (int.TryParse(a, out var v)) return v;
        var cn = "零一二三四五六七八九十".IndexOf(s);
        return s.Length == 1 && cn >= 0 ? cn : null;
    }

    [GeneratedRegex("本部门|我部门")]
    private static partial Regex DepartmentWord();

    [GeneratedRegex("本单位|我单位")]
    private static partial Regex UnitWord();

    [GeneratedRegex(@"(?:编制范围|纳入.{0,12}(?:预算|决算))的?.{0,10}?(?:预算|决算)?单位(?:共有?|包括|合计)?(?<n>[0-9０-９]+|[一二三四五六七八九十])个")]
    private static partial Regex StatedCount();

    [GeneratedRegex("单位构成|机构设置|预算单位构成|决算单位构成")]
    private static partial Regex UnitsHeading();

    [GeneratedRegex(@"^(?<i>[0-9０-９]{1,2})[.、．](?:[\u4e00-\u9fa5（）()]{2,30}?)(?:局|中心|所|站|院|处|队|馆|办公室|委员会|学校|医院)")]
    private static partial Regex NumberedUnit();

    [GeneratedRegex(@"(?:所属|下属|下级|二级)(?:预算|决算)?单位(?:共有?|合计)?(?<n>[0-9０-９]+|[一二三四五六七八九十])个")]
    private static partial Regex SubordinateCount();
}

/// <summary>GK440 the narrative calls a 部门 document 本单位 throughout, or a 单位 document 本部门 throughout.</summary>
public sealed class ScopeWording : Rule
{
    /// <summary>How often the wrong word must occur (with the right one absent) before the document is flagged.</summary>
    public const int MinOccurrences = 3;

    public override RuleDescriptor Descriptor { get; } = new(
        "GK440", "部门、单位自称与公开范围一致", Severity.Info, Applicability.Both, RuleCategory.Narrative,
        "部门公开（列明 ≥ 2 个预算单位）不应通篇自称“本单位/我单位”（≥ 3 处且无“本部门”）；单位公开不应通篇自称“本部门/我部门”",
        "部门公开汇总本级和所属预算单位，单位公开只含一个单位，自称应与公开范围相符；只用另一种称谓，多半是套用了另一层级的模板。",
        "部门预算列明 3 个预算单位，情况说明 4 处写“我单位”，没有“本部门”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var use = ScopeWords.Count(d);
        if (d.Scope == DocumentScope.Department)
        {
            var (units, where) = ScopeWords.Units(d);
            if (units < 2 || use.Department > 0 || use.Unit < MinOccurrences) yield break;
            yield return Report($"部门公开（列明预算单位 {units} 个）情况说明自称“本单位/我单位” {use.Unit} 处，没有一处称“本部门”：应以部门口径表述",
                new[] { use.FirstUnit?.Source, where }, suggestion: "将“本单位/我单位”改为“本部门”，或核对公开范围（部门/单位）。");
        }
        else if (use.Unit == 0 && use.Department >= MinOccurrences)
            yield return Report($"单位公开情况说明自称“本部门/我部门” {use.Department} 处，没有一处称“本单位”：应以单位口径表述",
                new[] { use.FirstDepartment?.Source }, suggestion: "将“本部门”改为“本单位”，或核对公开范围（部门/单位）。");
    }
}

/// <summary>GK441 a 单位 document lists subordinate 预算单位 (a 部门 matter).</summary>
public sealed class UnitDocumentListsUnits : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK441", "单位公开不应列示所属预算单位", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "单位公开（标题为单位预算/决算或“本级”）：单位构成表 ≤ 1 个单位，且不写“所属/下属预算单位 N 个”（N ≥ 1）",
        "单位公开只含本单位的收支；列出所属单位说明用了部门公开的模板，或应按部门口径汇总公开。",
        "“××局本级2024年单位预算”写“所属二级预算单位共 2 个”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (d.Scope != DocumentScope.Unit) yield break;
        var listed = d.Units.Select(u => u.Name.Trim()).Where(n => n.Length > 0 && !n.Contains("合计")).Distinct().ToList();
        if (listed.Count >= 2)
        {
            yield return Report($"单位公开列示了 {listed.Count} 个预算单位（{string.Join("、", listed.Take(3))}{(listed.Count > 3 ? "…" : "")}）：单位公开只应包含本单位",
                d.Units.Take(2).Select(u => u.Source), 1m, listed.Count, "核对公开范围，部门汇总的收支应以部门名义公开。");
            yield break;
        }
        var (n, where) = ScopeWords.Subordinates(d);
        if (n > 0)
            yield return Report($"单位公开称有所属预算单位 {n} 个：单位公开只应包含本单位", new[] { where!.Source }, 0m, n,
                "核对公开范围，部门汇总的收支应以部门名义公开。");
    }
}

/// <summary>GK443 the number of 预算单位 a sentence states differs from the units it lists right after (共 N 个：A、B).</summary>
public sealed partial class StatedUnitCount : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK443", "所称预算单位个数与所列单位一致", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "“纳入…编制范围的单位共 N 个：A、B…”⇒ N = 冒号后以顿号、分号分隔的单位个数（含“和”时 N 在可能的个数之间；“等”不比较）",
        "同一句先说单位个数再逐一列出，两者不符说明个数没有随单位构成更新，或漏列了单位。",
        "“纳入本部门2025年预算编制范围的单位共3个：××局本级（行政单位）、××中心（事业单位）”");

    [GeneratedRegex(@"(?:编制范围|纳入[^。]{0,12}(?:预算|决算))的?[^。：:]{0,10}?单位(?:共有?|包括|合计)(?<n>[0-9]+|[一二三四五六七八九十])个[：:](?:包括|分别是|分别为|具体为|即)?[：:]?(?<list>[^。，,；;]*(?:[；;][^。，,；;]+)*)")]
    private static partial Regex Pattern();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.Sentences)
        {
            var t = Whitespace.Squeeze(s.Text);
            var m = Pattern().Match(t);
            if (!m.Success || ScopeWords.Digits(m.Groups["n"].Value) is not int n) continue;
            var list = m.Groups["list"].Value;
            // “A等3个单位”, or a numbered list (1.A；2.B) that may go on in the next lines: not a complete list here
            if (list.Length < 2 || list.Contains('等') || Regex.IsMatch(list, @"(^|[、；;])[0-9]+[.．、)）]")) continue;
            var outside = Regex.Replace(list, @"[（(][^）)]*[）)]", "");
            var segments = Regex.Split(outside, "[、；;]").Count(x => x.Length >= 2);
            var ands = Regex.Matches(outside, "和|及|与").Count;
            if (segments == 0 || (n >= segments && n <= segments + ands)) continue;
            yield return Report($"情况说明「{(t.Length > 80 ? t[..80] + "…" : t)}」称预算单位 {n} 个，其后列出 {segments}{(ands > 0 ? $"～{segments + ands}" : "")} 个",
                new[] { s.Source }, segments, n, "核对单位个数与所列单位。");
        }
    }
}

/// <summary>
/// GK444 the department's name where a field names it is the document's full name without its region prefix (“第10局”
/// for “示例区第10局”, “审计局” for “××区审计局”). Every place a unit's name is printed as a name is read: the 部门整体
/// 绩效表's 部门（单位）名称, the 绩效表 主管部门 and unit fields (申报单位, 项目执行单位 …), the table captions
/// (单位名称：/部门名称：/编制单位：…), the rows of the tables (分单位 rows, a unit-name column), the 单位构成 list and the
/// “N个单位：…” sentences. The full name is the title's; a title that itself lacks the region prefix every name field
/// prints is reported too. The 部门 group row of a 分单位 table (the sum of the units below it, one of them named in
/// full) may carry the budget system's short 部门 name and is not read.
/// </summary>
public sealed partial class TruncatedDepartmentName : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK444", "部门名称完整（不缺区划前缀）", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "名称字段（部门整体绩效表的部门名称、绩效表的主管部门/申报单位、表头的单位名称/编制单位、表格的单位行、单位构成所列本级单位）≠ 部门全称去掉“…省/市/区/县”前缀后的剩余部分",
        "名称字段应写全称；缺了区划前缀的名称可能指向另一地区的同名部门，多半是截断或套用了模板。叙述中的简称不在此列。",
        "标题为“示例区第10局2025年部门预算”，部门整体绩效目标表的部门名称写“第10局”");

    [GeneratedRegex("^.+?(省|市|区|县|州|盟|旗)$")]
    private static partial Regex RegionPrefix();

    [GeneratedRegex("^[^省市区县州盟旗]{1,6}(省|市|区|县|州|盟|旗)")]
    private static partial Regex OwnRegion();

    // 单位共N个：… or N个单位：… (the 三公 scope sentence names the units it covers the same way)
    [GeneratedRegex(@"(?:单位(?:共有?|包括|合计)(?:[0-9]+|[一二三四五六七八九十])个|(?:[0-9]+|[一二三四五六七八九十])个单位)[：:](?:包括|分别是|分别为|具体为|即)?[：:]?(?<list>[^。]+)")]
    private static partial Regex UnitList();

    // a caption line naming the unit of a table (单位名称：××局  单位：万元); the name ends at a space or the unit label
    [GeneratedRegex(@"^(?<label>单位名称|部门名称|部门（单位）名称|部门\(单位\)名称|预算单位|预算（单位）名称|编制单位|编报单位|填报单位|编制部门|申报单位|主管部门|部门)\s*[:：]\s*(?<name>[^\s:：，。；]{2,40})")]
    private static partial Regex Caption();

    // a text column of a table that holds unit names (单位名称, 预算单位, 部门名称)
    [GeneratedRegex(@"^(?:单位名称|预算单位|预算单位名称|部门名称|部门（单位）名称|部门\(单位\)名称|单位)$")]
    private static partial Regex UnitColumn();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var full = Whitespace.Squeeze(d.DepartmentName ?? "");
        if (full.Length < 4) yield break;
        var names = new List<(string Name, Provenance? Source, string Where)>();
        foreach (var p in d.PerformanceTargets.Where(p => p.IsOverall)) names.Add((p.ProjectName, p.Source, "部门整体绩效目标表"));
        foreach (var e in d.SelfEvaluations.Where(e => e.IsOverall)) names.Add((e.ProjectName, e.Source, "部门整体绩效自评表"));
        foreach (var p in d.PerformanceTargets.Where(p => p.Department is not null)) names.Add((p.Department!, p.DepartmentSource ?? p.Source, "绩效目标表的主管部门"));
        foreach (var e in d.SelfEvaluations.Where(e => e.Department is not null)) names.Add((e.Department!, e.DepartmentSource ?? e.Source, "绩效自评表的主管部门"));
        foreach (var p in d.PerformanceTargets) foreach (var f in p.UnitFields) names.Add((f.Name, f.Source, $"绩效目标表的{f.Label}"));
        foreach (var e in d.SelfEvaluations) foreach (var f in e.UnitFields) names.Add((f.Name, f.Source, $"绩效自评表的{f.Label}"));
        foreach (var u in d.Units) names.Add((u.Name, u.Source, "单位构成"));
        foreach (var t in d.Tables)
        {
            for (int i = 0; i < t.Rows.Count; i++)
            {
                var row = t.Rows[i];
                if (!row.IsTotal && row.Label.Length > 0 && !IsGroupRow(t.Rows, i, full)) names.Add((row.Label, row.Source, $"{t.Title}的单位行"));
                foreach (var (header, text) in row.Texts)
                    if (UnitColumn().IsMatch(Whitespace.Squeeze(header))) names.Add((text, row.Source, $"{t.Title}的{header}"));
            }
        }
        foreach (var s in d.Sentences)
        {
            var caption = Caption().Match(s.Text.Trim());
            if (caption.Success) names.Add((caption.Groups["name"].Value, s.Source, $"表头的{caption.Groups["label"].Value}"));
            var m = UnitList().Match(Whitespace.Squeeze(s.Text));
            if (!m.Success) continue;
            foreach (var item in Regex.Split(Regex.Replace(m.Groups["list"].Value, @"[（(][^）)]*[）)]", ""), "[、；;，,]")) names.Add((item, s.Source, "单位构成"));
        }
        // the title itself may be the short form: every name field (at least two) prints the same region prefix before it
        if (!OwnRegion().IsMatch(full))
        {
            var longer = names.Select(x => (Name: Clean(x.Name), x.Source))
                .Where(x => x.Name.Length > full.Length && x.Name.EndsWith(full, StringComparison.Ordinal) && RegionPrefix().IsMatch(x.Name[..^full.Length]))
                .GroupBy(x => x.Name).Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (longer is not null)
            {
                yield return Report($"标题中的部门名称「{full}」缺少“{longer.Key[..^full.Length]}”，与名称字段所写的“{longer.Key}”不一致（{longer.Count()} 处）",
                    new[] { longer.First().Source }, suggestion: $"标题写全称“{longer.Key}”。");
                full = longer.Key;
            }
        }
        var seen = new HashSet<string>();
        foreach (var (raw, src, where) in names)
        {
            var n = Clean(raw);
            if (n.Length < 2 || n == full || !full.EndsWith(n, StringComparison.Ordinal)) continue;
            var prefix = full[..^n.Length];
            // a name that still opens with a region of its own (江汉区医疗保障局 under 武汉市江汉区医疗保障局) is complete at its level
            if (!RegionPrefix().IsMatch(prefix) || OwnRegion().IsMatch(n) || !seen.Add(n)) continue;
            yield return Report($"{where}的名称「{n}」缺少“{prefix}”，与部门全称“{full}”不一致", new[] { src },
                suggestion: $"写全称“{full}”。");
        }
    }

    /// <summary>
    /// The 部门 group row of a 分单位 table: the budget system prints it with its short 部门 name above the units, one of
    /// them named in full, and its figures are their sum (within 尾差). A row that only repeats a unit is not one.
    /// </summary>
    private static bool IsGroupRow(List<DataRow> rows, int i, string full)
    {
        var below = rows.Skip(i + 1).Where(r => !r.IsTotal).ToList();
        if (below.Count == 0 || !below.Any(r => Clean(r.Label) == full)) return false;
        var figures = rows[i].CurrentValues.Where(kv => kv.Value.IsNumber && kv.Value.Value != 0).ToList();
        return figures.Count > 0 && figures.All(kv =>
            Math.Abs(kv.Value.Value - below.Sum(r => r.ValueOrZero(kv.Key))) <= Rounding.SumEnvelope(below.Count));
    }

    /// <summary>A printed name without whitespace and without a trailing (部门整体) / 整体 / 本级 / 机关.</summary>
    private static string Clean(string raw) => Regex.Replace(Whitespace.Squeeze(raw), "(（?部门整体）?|整体|本级|机关)$", "");
}
