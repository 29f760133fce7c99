using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// “三公”经费 tables (B7/F7) in the layouts published: the items as columns (合计, 出国, 用车 小计/购置/运行, 接待, + 会议费,
/// 培训费) with one data row, or one row per unit under a 合计 row; the items as rows (项目 | 合计/预算数, funds beside);
/// year rows (2025年 | 2026年 | 增减变化金额) under item/fund columns. Every layout ends in the same measures.
/// </summary>
public sealed partial class ThreePublicBuilder
{
    private readonly RecognitionLedger _ledger;
    public ThreePublicBuilder(RecognitionLedger ledger) => _ledger = ledger;

    private const string RowLabel = "“三公”经费";

    public void Build(DisclosureTable t, List<GridRow> rows)
    {
        var (header, data) = Grid.Split(rows);
        foreach (var h in header) foreach (var c in h.Row.Cells) if (Numbers.Parse(c.Text).IsNumeric) _ledger.MarkStructural(c);
        int width = rows.Max(r => r.Width);
        var paths = Grid.Paths(header, width);
        var maps = ColumnMeaning.MapAll(paths, t.Kind);
        var keys = maps.Select(m => m.Key).ToList();
        if (TryItemsAsRows(t, data, paths, keys, maps)) return;
        if (TryYearRows(t, data, paths, width)) return;
        // JS/XA "三公、会议费、培训费" tables: the outer 合计 covers 三公 + 会议费 + 培训费; the 三公 total is the 小计
        // under “三公”经费
        var totals = Enumerable.Range(0, width).Where(c => keys[c]?.Measure == Measure.ThreePublicTotal).ToList();
        if (totals.Count > 1 && keys.Any(k => k?.Measure is Measure.Meeting or Measure.Training))
            foreach (var c in totals.Where(c => !TextNormalizer.Compact(paths[c]).Contains("三公")))
                keys[c] = new ColumnKey(Measure.Total, keys[c]!.Value.Basis);
        // a second column with the meaning of an earlier one is not guessed at: it stays unmapped
        var seen = new HashSet<ColumnKey>();
        for (int c = 0; c < width; c++)
            if (keys[c] is ColumnKey k && !seen.Add(k)) keys[c] = null;
        for (int c = 0; c < width; c++) t.Columns.Add(new TableColumn(c, paths[c], keys[c], 0, maps[c].Detail));
        // one row per unit (单位名称 | …) under a 合计 row: the 合计 row is the table's total, the others keep their unit names
        var idCols = Enumerable.Range(0, width).Where(c => ColumnMeaning.IsCodeHeader(paths[c])).ToHashSet();
        bool perUnit = data.Count > 1 && data.Any(r => IsTotalLabel(LabelOf(r, keys, idCols)));
        foreach (var r in data)
        {
            var text = LabelOf(r, keys, idCols);
            bool total = perUnit && IsTotalLabel(text);
            var row = new DataRow
            {
                Label = perUnit && !total && text.Length > 0 ? text : RowLabel,
                IsTotal = total,
                UnitCode = idCols.Select(c => r[c].Trim()).FirstOrDefault(x => x.Length > 0 && x.All(char.IsAsciiDigit)),
                Source = r.Row.Source,
            };
            for (int c = 0; c < r.Width; c++)
            {
                var cell = r.Cell(c)!;
                var v = Numbers.Parse(cell.Text);
                if (idCols.Contains(c)) { if (v.IsNumeric) _ledger.MarkStructural(cell); continue; }
                if (v.Kind == CellValueKind.Text) { if (cell.Text.Length > 0) row.Texts[paths[c]] = cell.Text; continue; }
                var fig = Grid.ToFigure(cell, t);
                if (keys[c] is ColumnKey k && !row.Values.ContainsKey(k)) row.Values[k] = fig;
                else if (fig.IsNumber) row.Extras[paths[c].Length > 0 ? paths[c] : $"列{c}"] = fig;
            }
            t.Rows.Add(row);
        }
    }

    private static bool IsTotalLabel(string text) => TextNormalizer.Compact(text) is "合计" or "总计";

    /// <summary>The text label of a data row: the text of the unmapped, non-identifier columns (单位名称, 部门名称, 项目).</summary>
    private static string LabelOf(GridRow r, List<ColumnKey?> keys, HashSet<int> idCols)
    {
        // 合计 may stand in the code column (XA 表13: 合计 under 单位编码)
        for (int c = 0; c < r.Width; c++)
            if (!(c < keys.Count && keys[c] is not null) && IsTotalLabel(r[c])) return r[c].Trim();
        for (int c = 0; c < r.Width; c++)
        {
            if (idCols.Contains(c) || c < keys.Count && keys[c] is not null) continue;
            var x = r[c].Trim();
            if (x.Length > 0 && Numbers.Parse(x).Kind == CellValueKind.Text) return x;
        }
        return "";
    }

    /// <summary>
    /// GZ 表8 / FZ 十: the items printed as rows (“三公”经费 or 合计, （一）因公出国（境）费, （二）公务用车购置及运行费, 1.购置费,
    /// 2.运行费, （三）公务接待费) and the money in columns (合计 | 一般公共预算 | 政府性基金预算 | …, or one 预算数). Read when
    /// the row labels name at least three distinct items, no column names an item, each item is named once, and the money
    /// column is known (the 合计/预算数 column, or the only numeric one); the items become one row of the usual measures.
    /// Other rows (行政经费) stay rows of their own, their figures kept under the column headers.
    /// </summary>
    private bool TryItemsAsRows(DisclosureTable t, List<GridRow> data, string[] paths, List<ColumnKey?> keys, ColumnMap[] maps)
    {
        if (data.Count < 3) return false;
        if (keys.Any(k => k?.Measure is Measure.Abroad or Measure.Reception or Measure.VehicleTotal or Measure.VehiclePurchase or Measure.VehicleOperation))
            return false;
        int width = paths.Length;
        // the label column: the first column holding text in most data rows
        int labelCol = -1;
        for (int c = 0; c < width && labelCol < 0; c++)
            if (data.Count(r => Numbers.Parse(r[c].Trim()).Kind == CellValueKind.Text && r[c].Trim().Length > 0) * 2 > data.Count) labelCol = c;
        if (labelCol < 0) return false;
        var items = data.Select(r => ColumnMeaning.ThreePublicItem(r[labelCol])).ToList();
        var named = items.OfType<Measure>().ToList();
        if (named.Count(m => m != Measure.ThreePublicTotal) < 3 || named.Distinct().Count() != named.Count) return false;
        // the money columns: each numeric column that is the amount of the row (合计 / 预算数 / 决算数), one per basis; with
        // none named, the only numeric column
        var numeric = Enumerable.Range(0, width).Where(c => c != labelCol && data.Any(r => Numbers.Parse(r[c].Trim()).IsNumeric)).ToList();
        var money = numeric.Where(c => keys[c]?.Measure is Measure.ThreePublicTotal or Measure.Amount or Measure.Total).ToList();
        if (money.Count == 0 && numeric.Count == 1) money = numeric;
        if (money.Count == 0 || money.Select(c => keys[c]?.Basis ?? Basis.Default).Distinct().Count() != money.Count) return false;

        for (int c = 0; c < width; c++)
            t.Columns.Add(new TableColumn(c, paths[c], money.Contains(c) ? new ColumnKey(Measure.Amount, keys[c]?.Basis ?? Basis.Default) : null,
                0, c != labelCol && !money.Contains(c) && (maps[c].Detail || keys[c] is null)));
        DataRow? itemsRow = null;
        for (int i = 0; i < data.Count; i++)
        {
            var r = data[i];
            var label = r[labelCol].Trim();
            if (items[i] is Measure m)
            {
                if (itemsRow is null)
                {
                    itemsRow = new DataRow { Label = RowLabel, IsTotal = true, Source = r.Cell(labelCol)?.Source ?? r.Row.Source };
                    t.Rows.Add(itemsRow);
                }
                for (int c = 0; c < r.Width; c++)
                {
                    if (c == labelCol) continue;
                    var cell = r.Cell(c)!;
                    var v = Numbers.Parse(cell.Text);
                    if (v.Kind == CellValueKind.Text) continue;
                    var fig = Grid.ToFigure(cell, t);
                    if (money.Contains(c)) itemsRow.Values[new ColumnKey(m, keys[c]?.Basis ?? Basis.Default)] = fig;
                    else if (fig.IsNumber) itemsRow.Extras[$"{TextNormalizer.StripOrdinal(label)}/{(paths[c].Length > 0 ? paths[c] : $"列{c}")}"] = fig;
                }
                continue;
            }
            var other = new DataRow { Label = label, Source = r.Cell(labelCol)?.Source ?? r.Row.Source };
            for (int c = 0; c < r.Width; c++)
            {
                if (c == labelCol) continue;
                var cell = r.Cell(c)!;
                var v = Numbers.Parse(cell.Text);
                if (v.Kind == CellValueKind.Text) { if (cell.Text.Trim().Length > 0) other.Texts[paths[c].Length > 0 ? paths[c] : $"列{c}"] = cell.Text.Trim(); continue; }
                var fig = Grid.ToFigure(cell, t);
                if (fig.IsNumber) other.Extras[paths[c].Length > 0 ? paths[c] : $"列{c}"] = fig;
            }
            if (label.Length > 0 || other.Extras.Count > 0) t.Rows.Add(other);
        }
        return true;
    }

    [GeneratedRegex(@"^(20\d\d)年度?$")]
    private static partial Regex YearLabel();

    /// <summary>
    /// SZ 表9: rows by year (2025年 | 2026年 | 增减变化金额) in a 年度 column, each item split by fund (总计/一般公共预算 |
    /// 总计/政府性基金预算 | …). The latest year's row is the table's row. An item's figure is its 一般公共预算 column only when
    /// every other fund column of that row is zero or blank (the fund split then adds nothing); otherwise the items are not
    /// mapped (no guess at which fund the checks mean).
    /// </summary>
    private bool TryYearRows(DisclosureTable t, List<GridRow> data, string[] paths, int width)
    {
        if (data.Count < 2) return false;
        int yearCol = -1;
        for (int c = 0; c < width && yearCol < 0; c++)
            if (data.Count(r => YearLabel().IsMatch(TextNormalizer.Compact(r[c]))) >= 2
                || TextNormalizer.Compact(paths[c]) == "年度" && data.Any(r => YearLabel().IsMatch(TextNormalizer.Compact(r[c])))) yearCol = c;
        if (yearCol < 0) return false;
        // each value column: item (the path without its fund leaf) and fund
        var cols = new List<(int Col, Measure Item, bool General)>();
        for (int c = yearCol + 1; c < width; c++)
        {
            var ps = paths[c].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(TextNormalizer.Compact).ToList();
            if (ps.Count < 2 || !IsFund(ps[^1])) return false;
            if (ColumnMeaning.Of(string.Join("/", ps.Take(ps.Count - 1)), t.Kind) is not { } key) return false;
            cols.Add((c, key.Measure, ps[^1] is "一般公共预算" or "一般公共预算拨款"));
        }
        if (cols.Count == 0 || cols.GroupBy(x => x.Item).Any(g => g.Count(x => x.General) != 1)) return false;
        int latest = data.Select(r => YearLabel().Match(TextNormalizer.Compact(r[yearCol]))).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value)).Max();

        for (int c = 0; c < width; c++)
        {
            var col = cols.FirstOrDefault(x => x.Col == c);
            t.Columns.Add(new TableColumn(c, paths[c], null, 0, c > yearCol && !col.General));
        }
        foreach (var r in data)
        {
            var yearText = TextNormalizer.Compact(r[yearCol]);
            bool current = YearLabel().Match(yearText) is { Success: true } m && int.Parse(m.Groups[1].Value) == latest;
            bool othersZero = cols.Where(x => !x.General).All(x => Numbers.Parse(r[x.Col].Trim()) is var v && (v.Kind is CellValueKind.Blank or CellValueKind.Dash || v.IsNumeric && v.Value == 0m));
            var row = new DataRow { Label = current ? RowLabel : r[yearCol].Trim(), IsTotal = current, Source = r.Row.Source };
            for (int c = 0; c < r.Width; c++)
            {
                var cell = r.Cell(c)!;
                var v = Numbers.Parse(cell.Text);
                if (v.Kind == CellValueKind.Text) { if (cell.Text.Trim().Length > 0) row.Texts[paths[c].Length > 0 ? paths[c] : $"列{c}"] = cell.Text.Trim(); continue; }
                var fig = Grid.ToFigure(cell, t);
                var col = cols.FirstOrDefault(x => x.Col == c);
                if (current && othersZero && col.General && col.Col == c && !row.Values.ContainsKey(col.Item)) row.Values[col.Item] = fig;
                else if (fig.IsNumber) row.Extras[paths[c].Length > 0 ? paths[c] : $"列{c}"] = fig;
            }
            t.Rows.Add(row);
        }
        return true;
    }

    private static bool IsFund(string p) =>
        p is "一般公共预算" or "一般公共预算拨款" or "政府性基金预算" or "政府性基金" or "国有资本经营预算" or "财政专户管理资金" or "单位资金";
}
