using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>Jiangsu 公开03 支出预算总表 in the provincial layout.</summary>
public sealed partial class TableBuilder
{
    /// <summary>
    /// Jiangsu 公开03 支出预算总表 (as printed in the 2017 and 2018 budgets of 江苏省人大常委会办公厅): no function rows, one
    /// 合计 row under 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金. 合计 is 本年支出合计 (基本 + 项目 + 预留, plus
    /// 上缴上级, 事业单位经营 and 对附属单位补助支出, which get a column only when the data has them); 结转下年资金 is
    /// printed beside it and is not part of 合计.
    /// </summary>
    private RenderTable JiangsuExpenditure()
    {
        var t = new RenderTable { Kind = TableKind.BudgetExpenditure, Label = NextLabel(), Title = BudgetTitle("支出预算总表") };
        var lines = _d.Expenditure;
        var columns = new List<(string Header, Measure Measure, decimal Value)>
        {
            ("合计", Measure.Total, lines.Sum(l => l.Total)),
            ("基本支出", Measure.Basic, lines.Sum(l => l.Basic)),
            ("项目支出", Measure.Project, lines.Sum(l => l.Project)),
            ("单位预留机动经费", Measure.Reserve, lines.Sum(l => l.Reserve)),
        };
        foreach (var (header, measure, value) in new[]
                 {
                     ("上缴上级支出", Measure.RemitToSuperior, lines.Sum(l => l.RemitToSuperior)),
                     ("事业单位经营支出", Measure.OperatingExpenditure, lines.Sum(l => l.OperatingExpenditure)),
                     ("对附属单位补助支出", Measure.SubsidyToSubordinate, lines.Sum(l => l.SubsidyToSubordinate)),
                 })
            if (value != 0) columns.Add((header, measure, value));
        columns.Add(("结转下年资金", Measure.CarryOut, _f.CarryOutAll));
        foreach (var (header, measure, _) in columns) t.Columns.Add(new([header], ColumnRole.Value, measure));
        var cells = columns.Select(c => c.Measure == Measure.CarryOut && c.Value == 0 ? "" : Money.Cell(c.Value)).ToArray();
        var model = new DataRow { Label = "合计", IsTotal = true };
        for (int i = 0; i < columns.Count; i++)
            model.Values[columns[i].Measure] = cells[i].Length == 0 ? Figure.Blank(ValueUnit.WanYuan, Provenance.Unknown) : Fig(columns[i].Value);
        t.Rows.Add(new RenderRow(cells, new RowMeta(IsTotal: true)) { ModelRows = [model] });
        return t;
    }
}
