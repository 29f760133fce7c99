using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>
/// GK318 an amount labelled 元 (a table's unit line, a narrative amount) whose digits are those of a figure the document
/// prints in 万元 elsewhere: the same number cannot be both, so the 元 label is wrong (the amount is 10,000 times too
/// small). Only amounts with 分 or 角 (a fractional part) of at least 10 are compared, so a coincidence of round numbers
/// or small counts does not count; a table is reported when two of its amounts match (one when it has at most two).
/// </summary>
public sealed partial class UnitMagnitude : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK318", "标注为元的金额与文件中的万元数相同", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "标注“元”的表格金额或叙述金额（≥ 10、带小数）与文件别处以“万元”列示的数字完全相同 → 单位疑标错（表格：≥ 2 个金额相同，或该表金额不超过 2 个）",
        "同一个数字不可能既是元又是万元。标注为元的表格或叙述金额与别处的万元数逐位相同，说明单位标错，金额被缩小了一万倍；" +
        "只比较带小数（角、分）且不小于 10 的金额，整数和小数字不比较，以免巧合。",
        "“三公”经费支出决算表标注“单位：元”，合计 35.45、公务接待费 0.51，情况说明写“三公”经费 35.45 万元");

    [GeneratedRegex(@"(?<![\d.,，０-９])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{1,2})元")]
    private static partial Regex YuanAmount();

    [GeneratedRegex(@"(?<![\d.,，０-９])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{1,2})万元")]
    private static partial Regex WanAmount();

    private static bool Qualifies(decimal v) => Math.Abs(v) >= 10m && decimal.Truncate(v) != v;

    private static decimal Parse(Match m) =>
        decimal.Parse(m.Groups[1].Value.Replace(",", "") + "." + m.Groups[2].Value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        // the figures printed in 万元: the cells of tables whose unit line says 万元, and the narrative's 万元 amounts
        var wanTables = new Dictionary<decimal, Figure>();
        foreach (var t in d.Tables.Where(t => t.UnitStated && t.Unit == ValueUnit.WanYuan))
            foreach (var f in t.Rows.SelectMany(r => r.Values.Values.Concat(r.Extras.Values)))
                if (f is { IsNumber: true, Unit: ValueUnit.WanYuan } && Qualifies(f.Value)) wanTables.TryAdd(Math.Abs(f.Value), f);
        var wanText = new Dictionary<decimal, Sentence>();
        foreach (var s in d.Sentences)
            foreach (Match m in WanAmount().Matches(s.Text))
                if (Parse(m) is var v && Qualifies(v)) wanText.TryAdd(v, s);

        // 1. tables labelled 元 (standard tables with a unit line, 绩效 and 自评 tables)
        var yuanTables = new List<(string Name, List<Figure> Figures)>();
        foreach (var t in d.Tables.Where(t => t.UnitStated && t.Unit == ValueUnit.Yuan))
            yuanTables.Add(($"{t.Kind.Describe()}「{t.Title}」", t.Rows.SelectMany(r => r.Values.Values.Concat(r.Extras.Values)).ToList()));
        foreach (var p in d.PerformanceTargets.Where(p => p.Amount is { Unit: ValueUnit.Yuan }))
            yuanTables.Add((p.IsOverall ? "部门整体绩效目标表" : $"项目“{p.ProjectName}”绩效目标表",
                p.Funds.SelectMany(f => f.Values.Values).Prepend(p.Amount!).ToList()));
        foreach (var s in d.SelfEvaluations.Where(s => s.Unit == ValueUnit.Yuan))
            yuanTables.Add((s.IsOverall ? "部门整体绩效自评表" : $"项目“{s.ProjectName}”绩效自评表",
                s.Funds.SelectMany(f => new[] { f.InitialBudget, f.AdjustedBudget, f.Executed }).OfType<Figure>().ToList()));
        foreach (var (name, figures) in yuanTables)
        {
            var money = figures.Where(f => f is { IsNumber: true, Unit: ValueUnit.Yuan } && Qualifies(f.Value)).ToList();
            var distinct = money.Select(f => Math.Abs(f.Value)).Distinct().Count();
            var hits = money.Where(f => wanTables.ContainsKey(Math.Abs(f.Value)) || wanText.ContainsKey(Math.Abs(f.Value)))
                .DistinctBy(f => Math.Abs(f.Value)).ToList();
            if (hits.Count == 0 || hits.Count < 2 && distinct > 2) continue;
            var first = hits[0];
            var where = wanTables.TryGetValue(Math.Abs(first.Value), out var wf) ? wf.Source : wanText[Math.Abs(first.Value)].Source;
            yield return Report($"{name}标注单位为元，但 {hits.Count} 个金额（{string.Join("、", hits.Take(3).Select(h => Tolerance.Format(h.Value)))}）" +
                $"与文件别处以万元列示的数字相同，单位疑为万元（按元计仅 {Tolerance.Format(first.Value / 10000m)} 万元）",
                new[] { first.Source, where }, first.Value * 10000m, first.Value, "核对表格单位：应为“万元”，或按元填写金额。");
        }

        // 2. a 绩效目标表 whose unit line says one unit and whose amount label another (“单位：元” over “当年预算（万元）”)
        foreach (var p in d.PerformanceTargets.Where(p => p.UnitLine is not null && p.StatedUnit is not null && p.UnitLine != p.StatedUnit && p.Amount is { IsNumber: true }))
            yield return Report($"{(p.IsOverall ? "部门整体绩效目标表" : $"项目“{p.ProjectName}”绩效目标表")}的单位行标注“{p.UnitLine}”，金额栏却标注“{p.StatedUnit}”（{Tolerance.Format(p.Amount!.Value)}），单位前后不一致",
                new[] { p.Amount!.Source, p.Source }, null, p.Amount!.Value, "统一表格单位与金额栏的单位。");

        // 3. narrative amounts written 元: the digits of a 万元 figure elsewhere, or the one amount of a breakdown that adds
        // up only when it is read in 万元 (a breakdown may go on over sentences ended by “；”: they are read together)
        foreach (var chunk in Chunks(d))
        {
            var text = string.Concat(chunk.Select(c => c.Text));
            var amounts = SentenceAmounts(text);
            foreach (Match m in YuanAmount().Matches(text))
            {
                var v = Parse(m);
                if (!Qualifies(v)) continue;
                Provenance? other = wanTables.TryGetValue(v, out var tf) ? tf.Source
                    : wanText.TryGetValue(v, out var ts) && !chunk.Contains(ts) ? ts.Source : null;
                string? how = other is not null ? $"与文件别处的 {Tolerance.Format(v)}万元 数字相同" : null;
                if (how is null && BreakdownNeedsWan(amounts, m.Index) is { } sum)
                    how = $"按万元计，本句的分项与合计 {Tolerance.Format(sum)}万元 相符，按元计则不符";
                if (how is null) continue;
                int at = 0, k = 0;
                while (k + 1 < chunk.Count && at + chunk[k].Text.Length <= m.Index) at += chunk[k++].Text.Length;
                yield return Report($"情况说明「{Excerpt(text, m.Index)}」：金额 {m.Value} {how}，单位疑为万元",
                    new[] { chunk[k].Source, other }, v * 10000m, v, "核对金额单位：应为“万元”，或按元重写金额。");
                break;
            }
        }
    }

    /// <summary>The sentences of each section, grouped so that a group ends with a sentence that ends with 。 (or the section ends).</summary>
    private static IEnumerable<List<Sentence>> Chunks(Disclosure d)
    {
        foreach (var section in d.Sections)
        {
            var cur = new List<Sentence>();
            foreach (var s in section.Sentences)
            {
                cur.Add(s);
                var t = s.Text.TrimEnd();
                if (!(t.EndsWith('；') || t.EndsWith(';')) || cur.Count >= 6) { yield return cur; cur = []; }
            }
            if (cur.Count > 0) yield return cur;
        }
    }

    [GeneratedRegex(@"(?<![\d.,，０-９])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元)")]
    private static partial Regex AnyAmount();

    [GeneratedRegex(@"(增加|减少|增长|下降|增|减|相比|较|比)[^，。；、\d]{0,6}$")]
    private static partial Regex ChangeBefore();

    /// <summary>The level amounts of a sentence (changes left out), in 万元 as printed, with their position and unit.</summary>
    private static List<(int At, decimal Value, int Scale, bool Yuan)> SentenceAmounts(string text)
    {
        var list = new List<(int, decimal, int, bool)>();
        foreach (Match m in AnyAmount().Matches(text))
        {
            if (ChangeBefore().IsMatch(text[Math.Max(0, m.Index - 8)..m.Index])) continue;
            var v = decimal.Parse(m.Groups[1].Value.Replace(",", "") + m.Groups[2].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
            list.Add((m.Index, v, m.Groups[2].Success ? m.Groups[2].Value.Length - 1 : 0, m.Groups[3].Value == "元"));
        }
        return list;
    }

    /// <summary>
    /// A run of consecutive amounts (total first, then its parts, at least two) that includes the 元 amount at
    /// <paramref name="at"/> and adds up when that amount is read in 万元 — and not when it is read in 元. Other 元 amounts
    /// in the run make it unusable. Returns the total.
    /// </summary>
    private static decimal? BreakdownNeedsWan(List<(int At, decimal Value, int Scale, bool Yuan)> amounts, int at)
    {
        int k = amounts.FindIndex(a => a.At == at);
        if (k < 0) return null;
        for (int i = 0; i <= k; i++)
            for (int j = Math.Max(k, i + 2); j < amounts.Count; j++)
            {
                var run = amounts.GetRange(i, j - i + 1);
                if (run.Where((a, x) => x + i != k).Any(a => a.Yuan)) break;
                var scale = Math.Max(0, Math.Min(2, run.Min(a => a.Scale)));
                var asWan = Tolerance.Sum(run[0].Value, run.Skip(1).Select(a => a.Value).ToList(), scale);
                if (asWan.Verdict == Verdict.Mismatch) continue;
                var asYuan = Tolerance.Sum(run[0].Value / (k == i ? 10000m : 1m),
                    run.Skip(1).Select((a, x) => x + i + 1 == k ? a.Value / 10000m : a.Value).ToList(), scale);
                if (asYuan.Verdict == Verdict.Mismatch) return run[0].Value;
            }
        return null;
    }

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 20);
        var end = Math.Min(text.Length, at + 20);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
