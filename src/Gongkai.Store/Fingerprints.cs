using System.Security.Cryptography;
using System.Text;
using Gongkai.Audit;
using Gongkai.Model;

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
