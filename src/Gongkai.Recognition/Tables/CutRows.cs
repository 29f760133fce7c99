using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// A table row cut by a page break: the last row of one page goes on at the top of the next page's grid, its wrapped
/// cells split in two (`杭州市机动 | 14,549.64 | … | 12,437.3 | … | 2,112.28` on one page, `车驾驶员考试服务中心 | … | 6`
/// on the next). Read apart, the top row is a row of its own whose total is blank and whose one figure is a digit, and
/// the cut figure above it has lost its last digits. The two halves are joined back into one row before the table is
/// built; the fragment's cells are marked structural (their text now lives in the joined cell).
/// </summary>
internal static class CutRows
{
    public sealed record Result(Dictionary<(int Table, int Row), SourceRow> Joined, HashSet<(int Table, int Row)> Dropped);

    public static Result Find(IReadOnlyList<SourceBlock> blocks, RecognitionLedger ledger)
    {
        var result = new Result(new(), new());
        for (int i = 1; i < blocks.Count; i++)
        {
            if (blocks[i] is not TableBlock tb) continue;
            int back = i - 1;
            while (back >= 0 && blocks[back] is TextBlock pn && TableTitles.IsPageNumber(pn.Text)) back--;
            if (back < 0 || blocks[back] is not TableBlock before || before.Width != tb.Width) continue;
            if (before.Source.Page is not int p0 || tb.Source.Page is not int p1 || p1 <= p0) continue;
            int li = before.Rows.Count - 1;
            while (li >= 0 && before.Rows[li].IsBlank) li--;
            int fi = 0;
            while (fi < tb.Rows.Count && tb.Rows[fi].IsBlank) fi++;
            if (li < 0 || fi >= tb.Rows.Count) continue;
            var last = result.Joined.TryGetValue((before.Index, li), out var j) ? j : before.Rows[li];
            if (Join(last, tb.Rows[fi], ModalScale(before, tb)) is not SourceRow joined) continue;
            result.Joined[(before.Index, li)] = joined;
            result.Dropped.Add((tb.Index, fi));
            foreach (var c in tb.Rows[fi].Cells)
                if (Numbers.Parse(c.Text).IsNumeric) ledger.MarkStructural(c);
        }
        return result;
    }

    /// <summary>The number of decimals most figures of the two grids are printed with (codes and column numbers aside).</summary>
    private static int? ModalScale(TableBlock a, TableBlock b)
    {
        var scales = a.Rows.Concat(b.Rows).SelectMany(r => r.Cells).Select(c => Numbers.Parse(c.Text))
            .Where(v => v.Kind == CellValueKind.Number && v.Scale > 0)
            .GroupBy(v => v.Scale).OrderByDescending(g => g.Count()).ToList();
        return scales.Count > 0 && scales[0].Count() >= 5 ? scales[0].Key : null;
    }

    /// <summary>
    /// The row <paramref name="last"/> continued by <paramref name="first"/>, or null when <paramref name="first"/> is a row
    /// of its own. A continuation: every cell it fills is one the row above filled too; the first figure of the row above
    /// (its total) is blank in it; it holds at least one figure, each bare digits that complete a figure above printed
    /// with fewer decimals than the table's figures into one printed like them.
    /// </summary>
    internal static SourceRow? Join(SourceRow last, SourceRow first, int? modalScale)
    {
        if (modalScale is not int scale || last.Width != first.Width) return null;
        int lead = -1;
        for (int c = 0; c < last.Width && lead < 0; c++)
            if (Numbers.Parse(last[c]).IsNumeric) lead = c;
        if (lead < 0 || !first.Cells[lead].IsEmpty) return null;
        int figures = 0;
        var cells = new List<SourceCell>(last.Cells);
        for (int c = 0; c < first.Width; c++)
        {
            var frag = first[c].Trim();
            if (frag.Length == 0) continue;
            var above = last[c].Trim();
            if (above.Length == 0) return null;
            var va = Numbers.Parse(above);
            var vf = Numbers.Parse(frag);
            if (vf.IsNumeric)
            {
                if (!frag.All(char.IsAsciiDigit) || va.Kind != CellValueKind.Number || va.Scale >= scale) return null;
                var whole = Numbers.Parse(above + frag);
                if (whole.Kind != CellValueKind.Number || whole.Scale != scale) return null;
                cells[c] = last.Cells[c] with { Text = above + frag };
                figures++;
            }
            else
            {
                if (va.Kind != CellValueKind.Text) return null;
                cells[c] = last.Cells[c] with { Text = above + frag };
            }
        }
        return figures > 0 ? last with { Cells = cells } : null;
    }
}
