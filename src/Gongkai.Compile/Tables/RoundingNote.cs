using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// The 尾数误差 note: printed under a table only where a printed total differs from the sum of its printed parts (a
/// class or 款 against the lines under it, the 合计 against the top-level lines) — the region's note when its template
/// has one, else ours; removed from every other table.
/// </summary>
public static partial class RoundingNote
{
    /// <summary>Our wording, numbered or not as the table's other notes are.</summary>
    public const string Text = "表中金额由元折算为万元后四舍五入，合计数与各分项之和的个别差异为尾数误差。";

    public static bool IsRoundingNote(string note) => note.Contains("尾数");

    public static void Apply(IEnumerable<RenderTable> tables)
    {
        foreach (var t in tables.Where(t => !t.NoModel))
        {
            bool tail = PrintsTailDifference(PackageBuilder.ToModel(t));
            int at = t.Notes.FindIndex(IsRoundingNote);
            if (tail && at < 0) Add(t.Notes);
            else if (!tail && at >= 0) Remove(t.Notes, at);
        }
    }

    /// <summary>Whether some coded parent differs from the sum of the coded lines directly under it, or the 合计 from
    /// the sum of the top-level lines, in any column (within a block, side and unit section); in a summary table
    /// (收支总表, 财政拨款收支总表), whether 本年支出合计 differs from its printed class lines by a 尾差.</summary>
    public static bool PrintsTailDifference(DisclosureTable t) => CodedTail(t) || SummaryTail(t);

    /// <summary>
    /// 本年支出合计 against the function class lines printed above it, per column and block. Only a difference that
    /// rounding alone can explain counts (<see cref="Rounding.SumEnvelope"/>): a larger one is a layout whose class lines
    /// are not all of the total (and is the audit's business), not a 尾差.
    /// </summary>
    private static bool SummaryTail(DisclosureTable t)
    {
        foreach (var g in t.Rows.Where(r => !r.IsSubItem && r.Side == Side.Expenditure).GroupBy(r => r.Block))
        {
            var classes = g.Where(r => r.Line == SummaryLine.ExpenditureClass).ToList();
            if (classes.Count == 0 || g.FirstOrDefault(r => r.Line == SummaryLine.TotalExpenditureThisYear) is not { } total) continue;
            foreach (var (key, f) in total.Values)
            {
                if (!f.IsNumber) continue;
                var parts = classes.Select(r => r.Values.TryGetValue(key, out var v) && v.IsNumber ? v.Value : (decimal?)null).OfType<decimal>().ToList();
                if (parts.Count == 0) continue;
                decimal diff = Math.Abs(f.Value - parts.Sum());
                // a line printed 0.00 carries no rounding
                if (diff > 0 && diff <= Rounding.SumEnvelope(Math.Max(1, parts.Count(x => x != 0)))) return true;
            }
        }
        return false;
    }

    private static bool CodedTail(DisclosureTable t)
    {
        // coded tables only: the lines of a summary table (总计 = 合计 + 结转 …) are not a sum of coded parts
        var rows = t.Rows.Where(r => !r.IsSubItem && r.Line == SummaryLine.None).ToList();
        foreach (var key in rows.SelectMany(r => r.Values.Keys).Distinct().ToList())
        {
            decimal? V(DataRow r) => r.Values.TryGetValue(key, out var f) && f.IsNumber ? f.Value : null;
            foreach (var g in rows.GroupBy(r => (r.Block, r.Side, r.Section)))
            {
                var coded = g.Where(r => r.Code is { IsWellFormed: true }).ToList();
                if (coded.Count == 0) continue;
                var codes = coded.Select(r => r.Code!.Value.Value).ToHashSet();
                foreach (var parent in coded)
                {
                    var kids = coded.Where(k => k.Code!.Value.Parent is { } p && p.Value == parent.Code!.Value.Value).ToList();
                    if (kids.Count > 0 && V(parent) is decimal pv && kids.Any(k => V(k) is not null) && pv != kids.Sum(k => V(k) ?? 0)) return true;
                }
                var top = coded.Where(r => r.Code!.Value.Parent is not { } p || !codes.Contains(p.Value)).ToList();
                if (g.FirstOrDefault(r => r.IsTotal) is { } total && V(total) is decimal tv && top.Any(k => V(k) is not null) && tv != top.Sum(k => V(k) ?? 0)) return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(注[：:]\s*)?(\d+)[.．、]\s*")]
    private static partial Regex Numbered();

    private static void Add(List<string> notes)
    {
        if (notes.Count == 0) { notes.Add("注：" + Text); return; }
        if (!Numbered().IsMatch(notes[0]))
        {
            if (notes.Count > 1) { notes.Add(Text); return; }
            notes[0] = notes[0].StartsWith("注：", StringComparison.Ordinal) ? "注：1. " + notes[0]["注：".Length..] : "注：1. " + notes[0];
        }
        notes.Add($"{notes.Count + 1}. {Text}");
    }

    /// <summary>Drops the note; the notes after it move up a number; a single note left is no longer numbered.</summary>
    private static void Remove(List<string> notes, int at)
    {
        notes.RemoveAt(at);
        for (int i = at; i < notes.Count; i++)
        {
            var m = Numbered().Match(notes[i]);
            if (m.Success && int.TryParse(m.Groups[2].Value, out var n) && n > 1)
                notes[i] = m.Groups[1].Value + (n - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " + notes[i][m.Length..];
        }
        if (notes.Count == 1 && Numbered().Match(notes[0]) is { Success: true } only && only.Groups[2].Value == "1")
            notes[0] = "注：" + notes[0][only.Length..];
    }
}
