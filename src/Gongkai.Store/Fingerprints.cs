using System.Security.Cryptography;
using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

/// <summary>
/// Tells what a location of a finding means in its document — table kind + row (code, summary line or label) +
/// column meaning for a figure, the claim subject or the sentence without its numbers for narrative — and builds
/// the stable fingerprint of a finding from it. Page numbers, line numbers, table indexes and run ids never enter
/// a fingerprint, so a re-run, a re-layout or a corrected version of the document keeps the same ids.
/// </summary>
public sealed class LocationMeanings
{
    private readonly Dictionary<Provenance, string> _exact = new();
    private readonly Dictionary<Provenance, string> _position = new();

    public LocationMeanings(Disclosure d)
    {
        foreach (var s in d.Sentences) Add(s.Source, "句|" + WithoutNumbers(s.Text));
        foreach (var c in d.Claims) Add(c.Source, $"述|{c.Kind}|{Normalize(c.Subject)}");
        foreach (var t in d.Tables)
        {
            Add(t.Source, $"表|{t.Kind}");
            foreach (var r in t.Rows)
            {
                var row = RowKey(r);
                Add(r.Source, $"表|{t.Kind}|{row}");
                foreach (var (key, fig) in r.Values) Add(fig.Source, $"表|{t.Kind}|{row}|{key}");
                foreach (var (header, fig) in r.Extras) Add(fig.Source, $"表|{t.Kind}|{row}|X:{Normalize(header)}");
            }
        }
    }

    private void Add(Provenance p, string meaning)
    {
        if (ReferenceEquals(p, Provenance.Unknown) || p == Provenance.Unknown) return;
        _exact[p] = meaning;
        _position[p with { Text = "" }] = meaning;
    }

    /// <summary>What a location means, or the printed text without numbers when it is none of the model's.</summary>
    public string Of(Provenance p)
    {
        if (_exact.TryGetValue(p, out var m)) return m;
        if (_position.TryGetValue(p with { Text = "" }, out m)) return m;
        return string.IsNullOrWhiteSpace(p.Text) ? "" : "文|" + WithoutNumbers(p.Text);
    }

    /// <summary>The row's meaning: its code, its summary line, or its label; plus block and unit code when present.</summary>
    public static string RowKey(DataRow r)
    {
        var key = r.Code is ClassificationCode c ? $"{c.Scheme}:{c.Value}"
            : r.Line != SummaryLine.None ? $"L:{r.Side}:{r.Line}"
            : r.IsTotal ? "L:Total"
            : "T:" + Normalize(r.Label);
        if (r.PairedCode is ClassificationCode pc) key += $"+{pc.Scheme}:{pc.Value}";
        if (r.Block > 0) key += $"#b{r.Block}";
        if (!string.IsNullOrEmpty(r.UnitCode)) key += "@" + r.UnitCode;
        return key;
    }

    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s) if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        return sb.ToString();
    }

    /// <summary>The text without digits, decimal points, signs and whitespace (what it says, not the amounts).</summary>
    public static string WithoutNumbers(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            if (!char.IsWhiteSpace(ch) && !char.IsDigit(ch) && ch is not ('.' or ',' or '，' or '-' or '+' or '%' or '．'))
                sb.Append(ch);
        return sb.ToString();
    }
}

public static class Fingerprint
{
    /// <summary>
    /// The fingerprint of a finding: SHA-256 over rule, department, kind, year and the meanings of its locations
    /// (or, when none of its locations has a meaning, its message without numbers). <paramref name="year"/> null
    /// gives the year-less fingerprint used to find last year's dismissal of the same finding.
    /// </summary>
    public static string Of(Finding f, LocationMeanings meanings, long departmentId, string kind, int? year, int ordinal = 0)
    {
        var parts = f.Locations.Select(meanings.Of).Where(m => m.Length > 0).ToList();
        var sb = new StringBuilder();
        sb.Append(f.RuleId).Append('\n').Append(departmentId).Append('\n').Append(kind).Append('\n')
          .Append(year?.ToString() ?? "*").Append('\n').Append(f.Table?.ToString() ?? "").Append('\n');
        if (parts.Count > 0) sb.AppendJoin('\n', parts);
        else sb.Append("msg|").Append(LocationMeanings.WithoutNumbers(f.Message));
        if (ordinal > 0) sb.Append("\n#").Append(ordinal);
        return Hex(Encoding.UTF8.GetBytes(sb.ToString()))[..32];
    }

    public static string Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}

/// <summary>
/// Dismissals across a merge of department records: a finding fingerprinted under a department that was later merged
/// into another gets a new fingerprint (the department id is part of it) when its document is processed again. Its
/// active dismissal is carried to the new fingerprint (same reason, who and when; the audit log says so), so a
/// dismissal made under the merged-away record still applies, and next year's hint finds it.
/// </summary>
public static class DismissalCarry
{
    /// <summary>A finding as fingerprinted now, and how it was fingerprinted under another department id.</summary>
    public sealed record Item(string Fingerprint, string YearlessFingerprint, Func<long, string> FingerprintUnder);

    /// <summary>The ids of the department records merged (directly or in a chain) into <paramref name="departmentId"/>.</summary>
    public static List<long> FormerIds(GongkaiDb db, long departmentId)
    {
        var merges = db.DepartmentMerges.AsNoTracking().Select(m => new { m.FromId, m.IntoId }).ToList();
        if (merges.Count == 0) return [];
        var result = new List<long>();
        var todo = new Queue<long>([departmentId]);
        while (todo.Count > 0)
        {
            var into = todo.Dequeue();
            foreach (var m in merges.Where(m => m.IntoId == into && m.FromId != departmentId && !result.Contains(m.FromId)))
            {
                result.Add(m.FromId);
                todo.Enqueue(m.FromId);
            }
        }
        return result;
    }

    /// <summary>Carries the active dismissals of the findings' former fingerprints to their current ones; returns how many.</summary>
    public static int Run(GongkaiDb db, long departmentId, IReadOnlyList<Item> items, string actor = "system")
    {
        if (items.Count == 0) return 0;
        var former = FormerIds(db, departmentId);
        if (former.Count == 0) return 0;
        var olds = items.SelectMany(i => former.Select(id => (Item: i, Old: i.FingerprintUnder(id)))).ToList();
        var oldFps = olds.Select(o => o.Old).Distinct().ToList();
        var newFps = items.Select(i => i.Fingerprint).Distinct().ToList();
        var active = new Dictionary<string, Dismissal>();
        foreach (var chunk in oldFps.Chunk(500))
        {
            var part = chunk.ToList();
            foreach (var d in db.Dismissals.AsNoTracking().Where(x => x.UndoneAt == null && part.Contains(x.Fingerprint)).OrderBy(x => x.Id))
                active[d.Fingerprint] = d;
        }
        if (active.Count == 0) return 0;
        var already = new HashSet<string>();
        foreach (var chunk in newFps.Chunk(500))
        {
            var part = chunk.ToList();
            already.UnionWith(db.Dismissals.AsNoTracking().Where(x => x.UndoneAt == null && part.Contains(x.Fingerprint)).Select(x => x.Fingerprint));
        }
        int carried = 0;
        foreach (var (item, old) in olds)
        {
            if (!active.TryGetValue(old, out var d) || !already.Add(item.Fingerprint)) continue;
            db.Dismissals.Add(new Dismissal
            {
                Fingerprint = item.Fingerprint, YearlessFingerprint = item.YearlessFingerprint, Year = d.Year,
                Reason = d.Reason, By = d.By, At = d.At,
            });
            GongkaiStore.Log(db, actor, "finding.dismiss.carry", $"finding:{item.Fingerprint}", $"finding:{old}（部门记录合并前的编号）");
            carried++;
        }
        return carried;
    }
}
