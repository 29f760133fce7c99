using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// The money unit of a printed table. The builder works in 万元 (the data's unit); a region whose template prints a
/// table in 元 (上海 预算 tables 1–8) has its cells multiplied by 10000 — exact in decimal, so an amount given to the
/// fen (up to six decimals in 万元) prints to the fen. A table printed in 万元 shows two decimals: an amount it cannot
/// print exactly (given to the fen) refuses the output rather than being rounded.
/// </summary>
public static class UnitConversion
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Whether a unit line names 元 (not 万元).</summary>
    public static bool IsYuan(string unitLine) => unitLine.Contains('元') && !unitLine.Contains("万元");

    private static bool TryAmount(string cell, out decimal v) =>
        decimal.TryParse(cell.Replace(",", ""), NumberStyles.Number, Inv, out v);

    /// <summary>
    /// The table's value cells (and its model rows) in 元: each 万元 amount × 10000; printed without decimals when every
    /// amount of the table is a whole number of 元 (as the region prints them), else with two.
    /// </summary>
    public static void ToYuan(RenderTable t)
    {
        if (t.Unit == ValueUnit.Yuan) return;
        var values = Enumerable.Range(0, t.Columns.Count).Where(c => t.Columns[c].Role == ColumnRole.Value).ToList();
        var amounts = new List<(RenderRow Row, int Column, decimal Yuan)>();
        foreach (var row in t.Rows)
            foreach (var c in values)
                if (c < row.Cells.Length && TryAmount(row.Cells[c], out var v)) amounts.Add((row, c, v * 10000m));
        var modelFigures = t.Rows.Where(r => r.ModelRows is not null).SelectMany(r => r.ModelRows!).SelectMany(r => r.Values.Values)
            .Where(f => f.IsNumber && f.Unit == ValueUnit.WanYuan).Select(f => f.Value * 10000m);
        bool whole = amounts.All(a => a.Yuan == decimal.Truncate(a.Yuan)) && modelFigures.All(v => v == decimal.Truncate(v));
        t.Decimals = whole ? 0 : 2;
        var format = whole ? "#,##0" : "#,##0.00####"; // below the fen: kept, and refused by CheckExact
        foreach (var (row, c, yuan) in amounts) row.Cells[c] = yuan.ToString(format, Inv);
        foreach (var mr in t.Rows.Where(r => r.ModelRows is not null).SelectMany(r => r.ModelRows!))
            foreach (var key in mr.Values.Keys.ToList())
            {
                var f = mr.Values[key];
                if (f.Unit != ValueUnit.WanYuan) continue;
                mr.Values[key] = f with { Value = f.Value * 10000m, Scale = t.Decimals, Unit = ValueUnit.Yuan };
            }
        t.Unit = ValueUnit.Yuan;
    }

    /// <summary>
    /// 错误 for every amount of a table printed in 万元 that has more than two decimals (data given to the fen that the
    /// table cannot print without rounding); a table in 元 is checked for amounts below the fen.
    /// </summary>
    public static void CheckExact(IEnumerable<RenderTable> tables, List<DataIssue> issues)
    {
        foreach (var t in tables.Where(t => !t.NoModel))
        {
            const int decimals = 2;
            var bad = new List<string>();
            for (int c = 0; c < t.Columns.Count; c++)
            {
                if (t.Columns[c].Role != ColumnRole.Value) continue;
                foreach (var row in t.Rows)
                    if (c < row.Cells.Length && TryAmount(row.Cells[c], out var v) && !Money.HasAtMostDecimals(v, decimals)) bad.Add(row.Cells[c]);
            }
            if (bad.Count == 0) continue;
            var unit = t.Unit == ValueUnit.Yuan ? "元" : "万元";
            issues.Add(new(IssueSeverity.Error, $"{t.Label}{t.Title}",
                $"本表以{unit}列示，金额只能印到两位小数，数据中的 {string.Join("、", bad.Distinct().Take(5))}{(bad.Distinct().Count() > 5 ? " 等" : "")} 无法照原值印出；请按本表单位核对数据（以万元填写时最多两位小数，只有以元列示的表可到分）。"));
        }
    }
}
