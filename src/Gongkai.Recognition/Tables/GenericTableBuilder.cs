using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Other tables (project lists, 政府采购, 购买服务, assets, unit lists, 目录, unknown grids): a label per row,
/// numbers by column meaning where one applies, otherwise kept under their column header.
/// </summary>
public sealed class GenericTableBuilder
{
    private readonly RecognitionLedger _ledger;
    public GenericTableBuilder(RecognitionLedger ledger) => _ledger = ledger;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DisclosureTable, SplitCodes.Staggered> Carries = new();

    public void Build(DisclosureTable t, List<GridRow> rows, bool isContinuation = false)
    {
        // 政府采购 / 政府购买服务 tables by function subject may print the code over 类 | 款 | 项 cells (201 || ; | 40 | ; | | 01):
        // joined into one code cell, the name stays in its column
        if (t.Kind is TableKind.Procurement or TableKind.PurchaseOfServices)
            rows = SplitCodes.Join(rows, _ledger, Carries.GetOrCreateValue(t), moveNames: false);
        var (header, data) = Grid.Split(rows);
        if (data.Count == 0 && header.Count > 1)
        {
            // a table of text only (目录, unit list): the first row is the header
            data = header.Skip(1).Where(r => !r.Row.IsBlank).ToList();
            header = header.Take(1).ToList();
        }
        foreach (var h in header) foreach (var c in h.Row.Cells) if (Numbers.Parse(c.Text).IsNumeric) _ledger.MarkStructural(c);
        int width = rows.Max(r => r.Width);
        // a continued page without a header of its own (JS18B 公开12 p18) reads with the first page's columns
        bool inherit = isContinuation && !header.Any(h => !h.Row.IsBlank) && t.Columns.Count > 0;
        var paths = inherit
            ? Enumerable.Range(0, width).Select(c => t.Columns.FirstOrDefault(x => x.Index == c)?.Header ?? "").ToArray()
            : Grid.Paths(header, width);
        var idCols = Enumerable.Range(0, width).Where(c =>
        {
            var h = TextNormalizer.Compact(paths[c]);
            return h.Contains("编码") || h.Contains("代码") || h.Contains("序号") || h == "报表";
        }).ToHashSet();
        var maps = ColumnMeaning.MapAll(paths, t.Kind);
        for (int c = 0; c < width && !inherit; c++)
            if (!idCols.Contains(c)) t.Columns.Add(new TableColumn(c, paths[c], maps[c].Key, 0, maps[c].Detail));
        foreach (var r in data)
        {
            var row = new DataRow { Source = r.Row.Source };
            string label = "";
            string? unitCode = null;
            ClassificationCode? code = null;
            for (int c = 0; c < r.Width; c++)
            {
                var cell = r.Cell(c)!;
                var text = cell.Text.Trim();
                if (text.Length == 0) continue;
                var v = Numbers.Parse(text);
                if (idCols.Contains(c))
                {
                    if (v.IsNumeric) _ledger.MarkStructural(cell);
                    // a 单位代码 column holds unit codes (205, 205001), never classification codes
                    if (Grid.IsCode(text) && t.Kind != TableKind.ProjectList && !paths[c].Contains("单位")) code ??= ClassificationCode.TryCreate(text);
                    else unitCode ??= text;
                    continue;
                }
                if (v.Kind == CellValueKind.Text)
                {
                    if (label.Length == 0) label = text;
                    else row.Texts[paths[c].Length > 0 ? paths[c] : $"列{c}"] = text;
                    continue;
                }
                var key = c < maps.Length ? maps[c].Key : null;
                if (key is { Measure: Measure.Amount }) key = Measure.Amount;
                var fig = Grid.ToFigure(cell, t);
                if (key is ColumnKey k && !row.Values.ContainsKey(k)) row.Values[k] = fig;
                else if (fig.Kind != FigureKind.Blank) row.Extras[paths[c].Length > 0 ? paths[c] + (row.Extras.ContainsKey(paths[c]) ? $"#{c}" : "") : $"列{c}"] = fig;
            }
            var final = new DataRow
            {
                Label = label,
                Code = code,
                UnitCode = unitCode,
                IsTotal = TextNormalizer.Compact(label) is "合计" or "总计" or "金额合计" || t.Kind == TableKind.Assets && TextNormalizer.Compact(label) == "资产总额",
                IsSubItem = LineNames.IsSubItem(label),
                Source = r.Row.Source,
            };
            foreach (var kv in row.Values) final.Values[kv.Key] = kv.Value;
            foreach (var kv in row.Extras) final.Extras[kv.Key] = kv.Value;
            foreach (var kv in row.Texts) final.Texts[kv.Key] = kv.Value;
            t.Rows.Add(final);
        }
    }
}
