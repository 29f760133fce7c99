using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>Reads each seed once per test run and finds cells in the recognized model.</summary>
public static class Seeds
{
    private static readonly Dictionary<string, ReadResult> Cache = new();
    private static readonly object Gate = new();

    public static ReadResult Read(string prefix)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(prefix, out var r)) Cache[prefix] = r = new DisclosureReader().Read(Shared.Seed(prefix));
            return r;
        }
    }

    /// <summary>The one table of a kind that has a grid.</summary>
    public static DisclosureTable Table(this Disclosure d, TableKind kind, int nth = 0) =>
        d.Tables.Where(t => t.Kind == kind && t.HasGrid).ElementAt(nth);

    /// <summary>
    /// A cell as printed: row by code ("2101501"), by summary line ("line:TotalIncomeThisYear"),
    /// by label ("label:收入总数") or the total row ("total").
    /// </summary>
    public static string Cell(this DisclosureTable t, string row, ColumnKey col, int block = -1)
    {
        IEnumerable<DataRow> rows = t.Rows;
        if (block >= 0) rows = rows.Where(r => r.Block == block);
        DataRow? match = row switch
        {
            "total" => rows.FirstOrDefault(r => r.IsTotal),
            _ when row.StartsWith("line:") => rows.FirstOrDefault(r => r.Line.ToString() == row[5..]),
            _ when row.StartsWith("label:") => rows.FirstOrDefault(r => Gongkai.Recognition.Tables.TextNormalizer.Compact(r.Label).Contains(row[6..])),
            _ => rows.FirstOrDefault(r => r.Code?.Value == row),
        };
        Assert.True(match is not null, $"表《{t.Title}》中找不到行 {row}");
        var f = match![col];
        Assert.True(f is not null, $"表《{t.Title}》行 {row} 没有列 {col}");
        return f!.ToString();
    }
}
