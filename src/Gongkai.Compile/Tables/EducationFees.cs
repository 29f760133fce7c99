using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>教育收费 in the income-by-function tables of the profiles that print it.</summary>
public sealed partial class TableBuilder
{
    /// <summary>
    /// 重庆: 决算 公开02 prints 事业收入 as 小计 | 其中：教育收费; 预算 收入总表 prints 事业收入 as 非教育收费 | 教育收费.
    /// The 事业收入 column of <paramref name="t"/> is split accordingly, each row's 教育收费 summed from the 项 of
    /// <see cref="DisclosureData.EducationFees"/> (0.00 where there is none). Other profiles: unchanged.
    /// </summary>
    private RenderTable WithEducationFees(RenderTable t)
    {
        if (_d.Profile == "hubei" && !_f.Final)
        {
            // 湖北: 教育收费 is 财政专户管理资金收入 and 事业收入 excludes it (the validator refuses 教育收费 entered under 事业收入)
            t.Notes.Add("注：财政专户管理资金收入即教育收费收入，事业收入中不包括教育收费。");
            return t;
        }
        if (!ItemFacts.PrintsEducationFees(_d)) return t;
        // a regional template that lists the table's columns without 教育收费 (重庆 2026: 事业收入 undivided)
        if (Tpl(t.Kind) is { Measures.Count: > 0 } tt && !tt.Measures.Contains(nameof(Measure.EducationFees))) return t;
        int c = t.Columns.FindIndex(x => x.Key == (ColumnKey)Measure.BusinessIncome);
        if (c < 0) return t;
        var head = t.Columns[c].Header[^1];
        bool final = _f.Final;
        t.Columns[c] = t.Columns[c] with { Header = [head, final ? "小计" : "非教育收费"], Key = final ? Measure.BusinessIncome : Measure.NonEducationFees };
        t.Columns.Insert(c + 1, new RenderColumn([head, final ? "其中：教育收费" : "教育收费"], ColumnRole.Value, Measure.EducationFees));
        var fees = _d.EducationFees ?? [];
        for (int i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            var code = row.Cells[0];
            decimal fee = row.MetaOf(0).IsTotal || code.Length == 0
                ? fees.Sum(e => e.Amount)
                : fees.Where(e => e.Code.StartsWith(code, StringComparison.Ordinal)).Sum(e => e.Amount);
            var cells = row.Cells.ToList();
            if (!final) cells[c] = Money.Cell(decimal.Parse(cells[c].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) - fee);
            cells.Insert(c + 1, Money.Cell(fee));
            t.Rows[i] = new RenderRow(cells.ToArray(), row.Meta) { ModelRows = row.ModelRows };
        }
        return t;
    }
}
