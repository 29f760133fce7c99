using Gongkai.Model;

namespace Gongkai.Compile;

public sealed partial class TableBuilder
{
    /// <summary>
    /// Hubei 预算12 政府向社会力量购买服务预算表: one row per purchased service, 功能 and 经济 as <c>[code]name</c> cells,
    /// the 政府购买服务指导目录 levels 1–3 as plain names; 合计 = Σ rows (P18).
    /// </summary>
    private RenderTable PurchaseOfServicesBudget(string title = "政府向社会力量购买服务预算表")
    {
        var items = _d.PurchasedServices ?? [];
        if (Tpl(TableKind.PurchaseOfServices) is { FixedColumns.Count: > 0 }) return PurchaseOfServicesByUnit(title, items);
        var t = new RenderTable { Kind = TableKind.PurchaseOfServices, Label = NextLabel(), Title = BudgetTitle(title) };
        const string dir = "政府购买服务指导目录";
        t.Columns.Add(new(["项目", "项目"], ColumnRole.Label));
        t.Columns.Add(new(["政府购买服务内容", "政府购买服务内容"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["是否包含政府采购", "是否包含政府采购"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["购买数量", "购买数量"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["购买金额", "购买金额"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new(["支出功能分类科目", "支出功能分类科目"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["部门支出经济分类", "部门支出经济分类"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new([dir, "一级目录"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new([dir, "二级目录"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new([dir, "三级目录"], ColumnRole.Label, Segment: 9));
        t.Rows.Add(new RenderRow(["合计", "", "", "", Money.Cell(items.Sum(i => i.Amount)), "", "", "", "", ""], new RowMeta(IsTotal: true)));
        foreach (var i in items)
            t.Rows.Add(new RenderRow([i.Project, i.Content, i.IncludesProcurement ? "是" : "否", i.Quantity?.ToString() ?? "", Money.Cell(i.Amount),
                Coded(i.FunctionCode, CodeScheme_Function), Coded(i.EconomicCode, CodeScheme_Econ), i.Directory1 ?? "", i.Directory2 ?? "", i.Directory3 ?? ""]) { ModelRows = [] });
        if (items.Count == 0) t.Notes.Add($"注：{Subject}{_d.Year}年没有政府向社会力量购买服务预算，故本表无数据。");
        return t;
    }
}
