using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>“三公”经费 tables (B7/F7): one data row of 合计, 出国, 用车 (小计, 购置, 运行), 接待 (+ 会议费, 培训费).</summary>
public sealed class ThreePublicBuilder
{
    private readonly RecognitionLedger _ledger;
    public ThreePublicBuilder(RecognitionLedger ledger) => _ledger = ledger;

    public void Build(DisclosureTable t, List<GridRow> rows)
    {
        var (header, data) = Grid.Split(rows);
        foreach (var h in header) foreach (var c in h.Row.Cells) if (Numbers.Parse(c.Text).IsNumeric) _ledger.MarkStructural(c);
        int width = rows.Max(r => r.Width);
        var paths = Grid.Paths(header, width);
        var maps = ColumnMeaning.MapAll(paths, t.Kind);
        var keys = maps.Select(m => m.Key).ToList();
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
        foreach (var r in data)
        {
            var row = new DataRow { Label = "“三公”经费", Source = r.Row.Source };
            for (int c = 0; c < r.Width; c++)
            {
                var cell = r.Cell(c)!;
                var v = Numbers.Parse(cell.Text);
                if (v.Kind == CellValueKind.Text) { if (cell.Text.Length > 0) row.Texts[paths[c]] = cell.Text; continue; }
                var fig = Grid.ToFigure(cell, t.Unit);
                if (keys[c] is ColumnKey k && !row.Values.ContainsKey(k)) row.Values[k] = fig;
                else if (fig.IsNumber) row.Extras[paths[c].Length > 0 ? paths[c] : $"列{c}"] = fig;
            }
            t.Rows.Add(row);
        }
    }
}
