using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// The 类/款/项 tree of a coded table, built from the codes (a child's code starts with its parent's code),
/// not from the printed order. It also finds rows whose parent row is absent: either counted inside the
/// subtotal of the row printed above them (<see cref="Misplaced"/>, e.g. 2109999 under 21015) or simply
/// without a parent (<see cref="Orphans"/>, promoted to the nearest present ancestor).
/// </summary>
public sealed class CodeHierarchy
{
    public CodeHierarchy(DisclosureTable table, CodeScheme scheme)
    {
        Table = table;
        Rows = table.Coded(scheme).Where(r => r.Code!.Value.IsWellFormed).ToList();
        // a table listed unit by unit (DataRow.Section) repeats the codes in each unit: parents are looked for in the same unit
        var byCode = new Dictionary<(int, string), DataRow>();
        foreach (var r in Rows) byCode.TryAdd((r.Section, r.Code!.Value.Value), r);
        foreach (var r in Rows) Children[r] = new List<DataRow>();
        // a code printed on several rows, each paired with another scheme's code (部门 301 with 政府 501 and again with
        // 505): each such row is the parent of the children paired under its own paired code
        var repeated = Rows.GroupBy(r => (r.Section, r.Code!.Value.Value)).Where(g => g.Count() > 1 && g.All(r => r.PairedCode is not null))
            .Select(g => g.Key).ToHashSet();
        var byPair = new Dictionary<(int, string, string), DataRow>();
        foreach (var r in Rows)
            if (repeated.Contains((r.Section, r.Code!.Value.Value))) byPair.TryAdd((r.Section, r.Code!.Value.Value, r.PairedCode!.Value.Value), r);

        // Direct children by code.
        foreach (var r in Rows)
        {
            if (r.Code!.Value.Parent is not { } p) continue;
            DataRow? parent = null;
            if (repeated.Contains((r.Section, p.Value)))
            {
                if (r.PairedCode?.Parent is { } pp) byPair.TryGetValue((r.Section, p.Value, pp.Value), out parent);
            }
            else byCode.TryGetValue((r.Section, p.Value), out parent);
            if (parent is not null && !ReferenceEquals(parent, r)) Children[parent].Add(r);
        }

        // Rows whose parent row is absent.
        for (int i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            if (r.Code!.Value.Parent is not { } pc || byCode.ContainsKey((r.Section, pc.Value))) continue;
            var host = Rows.Take(i).LastOrDefault(x => x.Section == r.Section && x.Code!.Value.Value.Length == pc.Value.Length);
            if (host is not null && CountedIn(host, r))
            {
                Misplaced.Add((r, host));
                continue;
            }
            Orphans.Add(r);
            // promote to the nearest present ancestor (a 项 under its 类 when the 款 is missing)
            var anc = pc.Parent;
            if (anc is { } a && byCode.TryGetValue((r.Section, a.Value), out var ancestor)) Children[ancestor].Add(r);
            else TopLevel.Add(r);
        }
        TopLevel.InsertRange(0, Rows.Where(r => r.Code!.Value.Level == CodeLevel.Class));
    }

    public DisclosureTable Table { get; }
    public List<DataRow> Rows { get; }
    /// <summary>Children of each row: by code, plus orphans promoted from a missing intermediate level.</summary>
    public Dictionary<DataRow, List<DataRow>> Children { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>Rows whose parent row is absent and whose amount is counted in the subtotal of the row printed above.</summary>
    public List<(DataRow Row, DataRow Host)> Misplaced { get; } = new();
    /// <summary>Rows whose parent row is absent (not counted elsewhere).</summary>
    public List<DataRow> Orphans { get; } = new();
    /// <summary>Rows that add up to the 合计: the 类 rows and the orphans with no ancestor present.</summary>
    public List<DataRow> TopLevel { get; } = new();

    /// <summary>The column that identifies a row's amount: 合计 if present, else 金额, else the first column.</summary>
    public static ColumnKey MainKey(DataRow row) =>
        row.Values.ContainsKey(Measure.Total) ? Measure.Total
        : row.Values.ContainsKey(Measure.Amount) ? Measure.Amount
        : row.Values.Keys.FirstOrDefault();

    /// <summary>Whether the host's printed subtotal exceeds Σ its own children by the row's amount (within 尾差).</summary>
    private bool CountedIn(DataRow host, DataRow row)
    {
        var key = MainKey(host);
        var own = Children[host];
        if (own.Count == 0) return false;
        var gap = host.ValueOrZero(key) - own.Sum(c => c.ValueOrZero(key));
        var value = row.ValueOrZero(key);
        return value != 0m && Math.Abs(gap - value) <= Rounding.SumEnvelope(own.Count + 1);
    }

    public bool HostsMisplaced(DataRow row) => Misplaced.Any(m => ReferenceEquals(m.Host, row));
}
