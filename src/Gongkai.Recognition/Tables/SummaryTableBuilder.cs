using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Two-sided summary tables (收支总表, 财政拨款收支总表, 公开01/04): an income side and one or more spending
/// blocks (function classes; XA adds 部门 and 政府 economic blocks). Each line is identified by its words.
/// </summary>
public sealed class SummaryTableBuilder
{
    private readonly RecognitionLedger _ledger;
    public SummaryTableBuilder(RecognitionLedger ledger) => _ledger = ledger;

    /// <summary>Words of a header repeated at the top of a continued page.</summary>
    private static readonly HashSet<string> HeaderWords = ["项目", "项目名称", "金额", "决算数", "预算数", "收入", "支出", "功能分类", "支出用途"];

    public void Build(DisclosureTable t, List<GridRow> rows, bool isContinuation = false)
    {
        List<GridRow> header, data;
        if (isContinuation)
        {
            // a continued page: its first rows are lines of the table (often blank ones), not a header
            header = new();
            data = rows.Where(r => !r.Row.IsBlank && !r.Row.NonEmpty.All(c => HeaderWords.Contains(TextNormalizer.Compact(c.Text)))).ToList();
        }
        else (header, data) = Grid.Split(rows);
        if (data.Count == 0 && header.Count > 2)
        {
            // a blank table (template, or a table with no figures): the header ends before the first row whose label is
            // a fixed line of the income side (一般公共预算财政拨款收入 …)
            int first = header.FindIndex(r => r.Row.Cells.Take(2).Any(c => LineNames.Income(c.Text, SummaryLine.None) is not SummaryLine.None
                and not SummaryLine.GrandTotalIncome));
            if (first > 0)
            {
                data = header.Skip(first).Where(r => !r.Row.IsBlank).ToList();
                header = header.Take(first).ToList();
            }
        }
        foreach (var h in header) foreach (var c in h.Row.Cells) if (Numbers.Parse(c.Text).IsNumeric) _ledger.MarkStructural(c);
        int width = rows.Max(r => r.Width);
        var paths = isContinuation
            ? Enumerable.Range(0, width).Select(c => t.Columns.FirstOrDefault(x => x.Index == c)?.Header ?? "").ToArray()
            : Grid.Paths(header, width);

        // label columns: mostly text in the data rows
        var labelCols = new List<int>();
        for (int c = 0; c < width; c++)
        {
            int text = 0, num = 0;
            foreach (var r in data)
            {
                var v = Numbers.Parse(r[c]);
                if (v.Kind == CellValueKind.Text) text++;
                else if (v.IsNumeric) num++;
            }
            if (text >= 2 && text > num) labelCols.Add(c);
        }
        if (labelCols.Count == 0) labelCols.Add(0);
        var blocks = new List<(int Label, List<int> Values)>();
        for (int b = 0; b < labelCols.Count; b++)
        {
            int s = labelCols[b], e = b + 1 < labelCols.Count ? labelCols[b + 1] : width;
            blocks.Add((s, Enumerable.Range(s + 1, Math.Max(0, e - s - 1)).ToList()));
        }
        var keys = blocks.Select(blk =>
        {
            var maps = ColumnMeaning.MapAll(blk.Values.Select(c => paths[c]).ToList(), t.Kind, ColumnMeaning.TitleYear(t.Title));
            return blk.Values.Select((c, i) =>
            {
                if (blk.Values.Count == 1) return (ColumnKey?)Measure.Amount;
                var k = maps[i].Key;
                return k is { Measure: Measure.Amount } ? Measure.Total : k;
            }).ToList();
        }).ToList();
        // a continued page as wide as the first reads with the first page's blocks: its rows may leave a block
        // without labels (JS17B p8: no 支出用途 line below 三、单位预留机动经费), which must not merge two blocks
        if (isContinuation && FirstPageBlocks(t, width) is { } firstPage)
            (blocks, keys) = firstPage;
        for (int b = 0; b < blocks.Count && !isContinuation; b++)
            for (int i = 0; i < blocks[b].Values.Count; i++)
                t.Columns.Add(new TableColumn(blocks[b].Values[i], paths[blocks[b].Values[i]], keys[b][i], b));

        var incomeContext = t.Rows.LastOrDefault(x => x.Block == 0 && x.Line != SummaryLine.None)?.Line ?? SummaryLine.None;
        bool firstRow = true;
        foreach (var r in data)
        {
            int skipTo = -1;
            // the income line of this printed row: a bare 合计 beside the income side's 合计 is the spending side's total
            var rowIncomeLine = SummaryLine.None;
            bool continuedLabels = isContinuation && firstRow;
            firstRow = false;
            for (int b = 0; b < blocks.Count; b++)
            {
                if (b <= skipTo) continue;
                var (labelCol, valueCols) = blocks[b];
                var label = r[labelCol].Trim();
                bool hasValue = valueCols.Any(c => Numbers.Parse(r[c]).Kind is not CellValueKind.Blank);
                var valueKeys = keys[b];
                // a label merged across the next block's label (JS18B 公开01 当年支出小计 over 功能分类 and 支出用途):
                // the figure is in the last block the label covers
                if (label.Length > 0 && !hasValue && SpannedBlock(r, blocks, b) is int last)
                {
                    valueCols = blocks[last].Values;
                    valueKeys = keys[last];
                    hasValue = true;
                    skipTo = last;
                }
                if (label.Length == 0 && !hasValue) continue;
                // the rest of a label wrapped over the page break (JS17B 八、社会保障和就 | 业支出, 当年收入 | 小计)
                if (continuedLabels && !hasValue && label.Length > 0 && JoinWrapped(t, b, label)) continue;
                var side = b == 0 ? Side.Income : Side.Expenditure;
                SummaryLine line;
                ClassificationCode? code = null;
                if (b == 0)
                {
                    line = LineNames.Income(label, incomeContext);
                    if (line != SummaryLine.None) incomeContext = line;
                    rowIncomeLine = line;
                }
                else if (b >= 2 || IsEconomicBlock(paths, blocks[b].Label))
                {
                    var scheme = TextNormalizer.Compact(paths[labelCol]).Contains("政府") ? CodeScheme.GovernmentEconomic : CodeScheme.DepartmentEconomic;
                    var ec = LineNames.EconomicClassCode(label, scheme);
                    line = ec is not null ? SummaryLine.EconomicLine : LineNames.Expenditure(label);
                    if (line == SummaryLine.ExpenditureClass) line = SummaryLine.EconomicLine;
                    if (ec is not null) code = new ClassificationCode(ec, scheme);
                }
                else
                {
                    line = LineNames.Expenditure(label);
                    if (line == SummaryLine.ExpenditureClass && LineNames.FunctionClassCode(label) is string fc)
                        code = new ClassificationCode(fc, CodeScheme.Function);
                    // CQ 表一: 合计 | 19,230.18 | 合计 | 19,230.18 printed first, on one row: both sides' totals
                    if (line == SummaryLine.None && rowIncomeLine == SummaryLine.GrandTotalIncome && TextNormalizer.StripOrdinal(label) == "合计")
                        line = SummaryLine.GrandTotalExpenditure;
                }
                var row = new DataRow
                {
                    Label = label,
                    Code = code,
                    Side = side,
                    Line = line,
                    Block = b,
                    IsSubItem = LineNames.IsSubItem(label),
                    IsTotal = line is SummaryLine.GrandTotalIncome or SummaryLine.GrandTotalExpenditure,
                    Source = r.Cell(labelCol)?.Source ?? r.Row.Source,
                };
                for (int i = 0; i < valueCols.Count; i++)
                {
                    var cell = r.Cell(valueCols[i]);
                    if (cell is null) continue;
                    var v = Numbers.Parse(cell.Text);
                    if (v.Kind == CellValueKind.Text) { if (cell.Text.Length > 0) row.Texts[paths[valueCols[i]]] = cell.Text; continue; }
                    var fig = Grid.ToFigure(cell, t);
                    if (valueKeys[i] is ColumnKey k && !row.Values.ContainsKey(k)) row.Values[k] = fig;
                    else if (fig.IsNumber) row.Extras[paths[valueCols[i]].Length > 0 ? paths[valueCols[i]] : $"列{valueCols[i]}"] = fig;
                }
                t.Rows.Add(row);
            }
        }
    }

    /// <summary>The blocks and column meanings of the first page, when a continued page has the same width.</summary>
    private static (List<(int Label, List<int> Values)>, List<List<ColumnKey?>>)? FirstPageBlocks(DisclosureTable t, int width)
    {
        if (t.Columns.Count == 0 || t.Columns.Max(c => c.Index) >= width) return null;
        var blocks = new List<(int Label, List<int> Values)>();
        var keys = new List<List<ColumnKey?>>();
        foreach (var g in t.Columns.GroupBy(c => c.Block).OrderBy(g => g.Key))
        {
            var cols = g.OrderBy(c => c.Index).ToList();
            int label = cols[0].Index - 1;
            if (label < 0 || cols.Select((c, i) => c.Index - i).Distinct().Count() != 1) return null;
            blocks.Add((label, cols.Select(c => c.Index).ToList()));
            keys.Add(cols.Select(c => c.Key).ToList());
        }
        if (blocks.Count < 2 || blocks.Count != t.Columns.Select(c => c.Block).Distinct().Count()) return null;
        for (int b = 1; b < blocks.Count; b++) if (blocks[b].Label <= blocks[b - 1].Values[^1]) return null;
        return (blocks, keys);
    }

    /// <summary>
    /// Joins a label fragment at the top of a continued page to the last row of its block, when the fragment alone
    /// names no line and the joined label does (八、社会保障和就 + 业支出; 当年收入 + 小计 = 当年收入小计).
    /// </summary>
    private static bool JoinWrapped(DisclosureTable t, int block, string fragment)
    {
        int i = t.Rows.FindLastIndex(x => x.Block == block);
        if (i < 0) return false;
        var prev = t.Rows[i];
        bool income = prev.Side == Side.Income;
        SummaryLine LineOf(string l) => income ? LineNames.Income(l, SummaryLine.None) : LineNames.Expenditure(l);
        if (LineOf(fragment) != SummaryLine.None) return false;
        var joined = prev.Label + fragment;
        var line = LineOf(joined);
        if (line == SummaryLine.None || prev.Line is not (SummaryLine.None or SummaryLine.ExpenditureClass) || prev.Line != SummaryLine.None && line != prev.Line) return false;
        var row = new DataRow
        {
            Label = joined, Code = prev.Code, Side = prev.Side, Line = line, Block = prev.Block, IsSubItem = prev.IsSubItem,
            IsTotal = line is SummaryLine.GrandTotalIncome or SummaryLine.GrandTotalExpenditure, Source = prev.Source,
        };
        foreach (var kv in prev.Values) row.Values[kv.Key] = kv.Value;
        foreach (var kv in prev.Extras) row.Extras[kv.Key] = kv.Value;
        foreach (var kv in prev.Texts) row.Texts[kv.Key] = kv.Value;
        t.Rows[i] = row;
        return true;
    }

    /// <summary>
    /// The last block whose label column the label cell of block <paramref name="b"/> spans, when those blocks print no label
    /// and the covered value columns are blank; null when the label stays in its own block.
    /// </summary>
    private static int? SpannedBlock(GridRow r, List<(int Label, List<int> Values)> blocks, int b)
    {
        var cell = r.Cell(blocks[b].Label);
        if (cell is null || cell.ColSpan < 2) return null;
        int end = cell.Column + cell.ColSpan - 1;
        int? last = null;
        for (int n = b + 1; n < blocks.Count && blocks[n].Label <= end; n++)
        {
            if (r[blocks[n].Label].Trim().Length > 0 && blocks[n].Label != cell.Column) return null;
            last = n;
        }
        if (last is not int l || !blocks[l].Values.Any(c => c > end && Numbers.Parse(r[c]).IsNumeric)) return null;
        return l;
    }

    private static bool IsEconomicBlock(string[] paths, int labelCol) => TextNormalizer.Compact(paths[labelCol]).Contains("经济分类");
}
