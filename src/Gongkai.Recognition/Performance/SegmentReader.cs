using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Performance;

/// <summary>
/// Shared bookkeeping of the two 绩效 readers: which rows were recognised, which cells were read into the
/// model, figures with cell provenance, and the final sweep that reports every number left unread.
/// </summary>
internal abstract class SegmentReader
{
    protected SegmentReader(Segment segment, List<ReadNote> notes)
    {
        Segment = segment;
        Notes = notes;
    }

    protected Segment Segment { get; }
    protected List<ReadNote> Notes { get; }
    private readonly HashSet<(int, int)> _recognized = new();
    private readonly HashSet<(int, int, int)> _used = new();

    /// <summary>Cells read by this reader: figures, identifiers (联系电话, 编码, 年度) and skipped placeholder values.</summary>
    public IReadOnlyCollection<(int Table, int Row, int Column)> UsedCells => _used;

    /// <summary>The rows consumed: for every block, the span from its first to its last recognised row.</summary>
    public List<(int TableIndex, int Row)> Consumed { get; } = new();

    protected void Recognized(RowRef rr) => _recognized.Add(rr.Key);

    protected void Used(SourceCell cell)
    {
        if (cell.Source.TableIndex is int t && cell.Source.Row is int r) _used.Add((t, r, cell.Column));
    }

    protected static Provenance At(SourceCell cell) => cell.Source;

    /// <summary>A figure from a numeric cell (or a value with an embedded operator/unit), marking the cell used.</summary>
    protected Figure? FigureOf(SourceCell? cell, ValueUnit unit)
    {
        if (cell is null || cell.IsEmpty) return null;
        var v = PerfText.ParseValue(cell.Text);
        if (v.Number is not decimal n) return null;
        Used(cell);
        return new Figure(n, v.Scale, v.IsPercent && unit is not ValueUnit.WanYuan and not ValueUnit.Yuan ? ValueUnit.Percent : unit, FigureKind.Number, At(cell));
    }

    protected void Note(string message, Provenance source) => Notes.Add(new ReadNote(message, source));

    /// <summary>
    /// Close the segment: compute the consumed rows and report every numeric cell inside them that was not
    /// read into the model (nothing is dropped silently).
    /// </summary>
    protected void Finish()
    {
        var byBlock = new Dictionary<TableBlock, (int Min, int Max)>();
        foreach (var rr in Segment.Rows)
        {
            if (!_recognized.Contains(rr.Key)) continue;
            byBlock[rr.Block] = byBlock.TryGetValue(rr.Block, out var span)
                ? (Math.Min(span.Min, rr.Row), Math.Max(span.Max, rr.Row))
                : (rr.Row, rr.Row);
        }
        var inSegment = new HashSet<(int, int)>();
        foreach (var rr in Segment.Rows) inSegment.Add(rr.Key);
        foreach (var (block, (min, max)) in byBlock)
        {
            for (int r = min; r <= max; r++)
            {
                if (!inSegment.Contains((block.Index, r))) continue;
                Consumed.Add((block.Index, r));
                foreach (var cell in block.Rows[r].Cells)
                {
                    if (cell.IsEmpty || !PerfText.IsNumeric(cell.Text)) continue;
                    if (_used.Contains((block.Index, r, cell.Column))) continue;
                    Note($"绩效表中的数字未读入模型：“{PerfText.Clean(cell.Text)}”（{Segment.Title}）", At(cell));
                }
            }
        }
    }

    /// <summary>Record a numeric identifier (联系电话, 年度, 编码) as read but not a figure.</summary>
    protected void IdentifierNumber(SourceCell cell, string label)
    {
        if (!PerfText.IsNumeric(cell.Text)) return;
        Used(cell);
        Note($"“{label}”中的数字按标识信息处理，不作为数值：{PerfText.Clean(cell.Text)}", At(cell));
    }

    /// <summary>Header field map over the columns of one or more merged header rows.</summary>
    protected static Dictionary<int, IndicatorField> FieldMap(IReadOnlyList<string> names)
    {
        var map = new Dictionary<int, IndicatorField>();
        var seen = new HashSet<IndicatorField>();
        for (int c = 0; c < names.Count; c++)
        {
            var f = PerfText.FieldOf(names[c]);
            if (f == IndicatorField.None || !seen.Add(f)) continue;
            map[c] = f;
        }
        return map;
    }

    /// <summary>
    /// Merge a header row with the sub-header rows under it. Positional when the rows are as wide as the
    /// data (texts of one column are concatenated: "全年完成" + "值"); compacted when the top row lost the
    /// empty cells of a spanning header (001: "指标值" over 符号/值/单位): the sub-header run takes the place
    /// of the spanning top cell and the remaining top cells shift right.
    /// </summary>
    protected static List<string> MergeHeader(SourceRow top, IReadOnlyList<SourceRow> subs)
    {
        int width = Math.Max(top.Width, subs.Count == 0 ? 0 : subs.Max(s => s.Width));
        var names = new List<string>();
        bool compacted = subs.Count == 1 && top.Width < subs[0].Width && top.Cells.All(c => !c.IsEmpty || c.Column == top.Width - 1);
        if (compacted)
        {
            var sub = subs[0];
            int ti = 0;
            for (int c = 0; c < width;)
            {
                if (c < sub.Width && !sub.Cells[c].IsEmpty)
                {
                    int end = c;
                    while (end < sub.Width && !sub.Cells[end].IsEmpty) end++;
                    string parent = ti < top.Width ? top.Cells[ti].Text : "";
                    ti++;
                    for (int k = c; k < end; k++) names.Add(PerfText.Key(parent) + "|" + PerfText.Key(sub.Cells[k].Text));
                    c = end;
                }
                else
                {
                    names.Add(ti < top.Width ? PerfText.Key(top.Cells[ti].Text) : "");
                    ti++;
                    c++;
                }
            }
            // the parent name alone must not decide the field: use the sub-header text when it has a role
            for (int i = 0; i < names.Count; i++)
            {
                var bar = names[i].IndexOf('|');
                if (bar < 0) continue;
                var subName = names[i][(bar + 1)..];
                names[i] = PerfText.FieldOf(subName) != IndicatorField.None ? subName : names[i].Replace("|", "");
            }
            return names;
        }
        for (int c = 0; c < width; c++)
        {
            var s = c < top.Width ? PerfText.Key(top.Cells[c].Text) : "";
            foreach (var sub in subs) s += c < sub.Width ? PerfText.Key(sub.Cells[c].Text) : "";
            names.Add(s);
        }
        return names;
    }
}
