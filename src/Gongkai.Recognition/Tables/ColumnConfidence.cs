using Gongkai.Model;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// After a table is built (with its continued pages), lists the value columns whose figures could not be given a
/// meaning: no standard meaning and not known to stand aside (其中, breakdowns, other periods), or a second column with
/// the meaning of an earlier one. Only columns that hold a non-zero figure count; a column of zeros or blanks changes
/// no sum. Rules do not run row arithmetic (合计 = Σ parts) on a table with such columns.
/// </summary>
public static class ColumnConfidence
{
    public static void Assess(DisclosureTable t)
    {
        t.UnmappedColumns.Clear();
        foreach (var col in t.Columns)
        {
            if (col.Key is not null || col.Aside) continue;
            var key = col.Header.Length > 0 ? col.Header : $"列{col.Index}";
            bool hasFigure = t.Rows.Any(r => r.Block == col.Block && r.Extras.TryGetValue(key, out var f) && f.IsNumber && f.Value != 0m);
            if (hasFigure && !t.UnmappedColumns.Contains(key)) t.UnmappedColumns.Add(key);
        }
    }
}
