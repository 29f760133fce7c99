using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Tables of labelled lines in side-by-side blocks (CQ 公开09 机构运行信息表: 项目 | 预算数 | 决算数 || 项目 | 决算数).
/// Each line keeps its label; the values are keyed by basis (预算数 / 决算数).
/// </summary>
public sealed class LabelledBlocksBuilder
{
    private readonly RecognitionLedger _ledger;
    public LabelledBlocksBuilder(RecognitionLedger ledger) => _ledger = ledger;

    public void Build(DisclosureTable t, List<GridRow> rows)
    {
        var (header, data) = Grid.Split(rows);
        foreach (var h in header) foreach (var c in h.Row.Cells) if (Numbers.Parse(c.Text).IsNumeric) _ledger.MarkStructural(c);
        int width = rows.Max(r => r.Width);
        var paths = Grid.Paths(header, width);
        var labelCols = Enumerable.Range(0, width).Where(c => TextNormalizer.Compact(paths[c]) is "项目" or "项 目").ToList();
        if (labelCols.Count == 0) labelCols.Add(0);
        for (int b = 0; b < labelCols.Count; b++)
        {
            int s = labelCols[b], e = b + 1 < labelCols.Count ? labelCols[b + 1] : width;
            for (int c = s + 1; c < e; c++) t.Columns.Add(new TableColumn(c, paths[c], ColumnMeaning.Of(paths[c], t.Kind), b));
        }
        foreach (var r in data)
        {
            for (int b = 0; b < labelCols.Count; b++)
            {
                int s = labelCols[b], e = b + 1 < labelCols.Count ? labelCols[b + 1] : width;
                var label = r[s].Trim();
                bool any = Enumerable.Range(s + 1, Math.Max(0, e - s - 1)).Any(c => r[c].Trim().Length > 0);
                if (label.Length == 0 && !any) continue;
                var row = new DataRow { Label = label, Block = b, Source = r.Cell(s)?.Source ?? r.Row.Source, IsSubItem = LineNames.IsSubItem(label) };
                for (int c = s + 1; c < e; c++)
                {
                    var cell = r.Cell(c);
                    if (cell is null) continue;
                    var v = Numbers.Parse(cell.Text);
                    if (v.Kind == CellValueKind.Text) { if (cell.Text.Length > 0) row.Texts[paths[c]] = cell.Text; continue; }
                    var key = ColumnMeaning.Of(paths[c], t.Kind);
                    var fig = Grid.ToFigure(cell, t);
                    if (key is ColumnKey k && !row.Values.ContainsKey(k)) row.Values[k] = fig;
                    else if (fig.IsNumber) row.Extras[paths[c].Length > 0 ? paths[c] : $"列{c}"] = fig;
                }
                t.Rows.Add(row);
            }
        }
    }
}
