using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>Regional tables: Jiangsu 公开11 (机关运行经费 by economic class), Hebei 固定资产占用情况表.</summary>
public sealed partial class TableBuilder
{
    /// <summary>Whether any 项 line has 单位预留机动经费 (Jiangsu 预算): the spending tables then carry its column.</summary>
    private bool HasReserve => _d.Expenditure.Any(l => l.Reserve != 0);

    /// <summary>
    /// Jiangsu 公开11 一般公共预算机关运行经费支出预算表: 合计, then 类 → 款 of 部门预算支出经济分类 from
    /// <see cref="OperatingCostsData.ByEconomic"/>. Without a breakdown the table keeps its 合计 (the amount) and says
    /// that the amount is not broken down; without 机关运行经费 it is an empty table with its note.
    /// </summary>
    private RenderTable JiangsuOperatingCosts()
    {
        var t = new RenderTable { Kind = TableKind.OperatingCostsByEconomic, Label = NextLabel(), Title = BudgetTitle("一般公共预算" + "机关运行经费支出预算表") };
        t.Columns.Add(new(["经济分类科目编码"], ColumnRole.Code));
        t.Columns.Add(new(["经济分类科目名称"], ColumnRole.Label));
        t.Columns.Add(new(["机关运行经费支出"], ColumnRole.Value, Measure.Total));
        var oc = _d.OperatingCosts;
        t.Rows.Add(new RenderRow(["", "合计", Money.Cell(oc?.Amount ?? 0)], new RowMeta(IsTotal: true)));
        var lines = oc?.ByEconomic ?? [];
        foreach (var cls in lines.Select(e => e.Code[..3]).Distinct().Order(StringComparer.Ordinal))
        {
            t.Rows.Add(new RenderRow([cls, CompileCatalog.Name(cls, CodeScheme.DepartmentEconomic, _d.Year) ?? cls,
                Money.Cell(lines.Where(e => e.Code.StartsWith(cls, StringComparison.Ordinal)).Sum(e => e.Amount))]));
            foreach (var e in lines.Where(e => e.Code.StartsWith(cls, StringComparison.Ordinal)).OrderBy(e => e.Code, StringComparer.Ordinal))
                t.Rows.Add(new RenderRow([e.Code, string.IsNullOrWhiteSpace(e.Name) ? _f.EconName(e.Code) : e.Name, Money.Cell(e.Amount)]));
        }
        if (oc is null || oc.Amount == 0)
            t.Notes.Add(EmptyNote("一般公共预算拨款安排的机关运行经费", "支出"));
        else if (lines.Count == 0)
            t.Notes.Add($"注：{Subject}{_d.Year}年机关运行经费预算{Money.Text(oc.Amount)}万元，未按经济分类科目细化。");
        return t;
    }

    /// <summary>
    /// Hebei 部门固定资产占用情况表: 项目 | 数量 | 价值（万元）; 资产总额 = 房屋 + 车辆 + 单价 N 万元以上设备 + 其他固定资产,
    /// 其中 办公用房 under 房屋. Printed when the data gives the holdings (房屋, values, 其他); vehicle and equipment counts alone stay in the narrative.
    /// </summary>
    private List<RenderTable> HebeiAssets(int number)
    {
        if (_d.Assets is not { HasHoldings: true } a) return [];
        return [At(number, () =>
        {
            var t = new RenderTable { Kind = TableKind.Assets, Label = NextLabel(), Title = BudgetTitle("部门固定资产" + "占用情况表") };
            t.Columns.Add(new(["项目"], ColumnRole.Label));
            t.Columns.Add(new(["数量"], ColumnRole.Value, Measure.Quantity));
            t.Columns.Add(new(["价值（万元）"], ColumnRole.Value, Measure.Amount));
            string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            t.Rows.Add(new RenderRow(["资产总额", "—", Money.Cell(a.TotalValue)], new RowMeta(IsTotal: true)));
            t.Rows.Add(new RenderRow(["1、房屋（平方米）", Money.Cell(a.BuildingArea), Money.Cell(a.BuildingValue)]));
            t.Rows.Add(new RenderRow(["其中：办公用房（平方米）", Money.Cell(a.OfficeArea), Money.Cell(a.OfficeValue)], new RowMeta(IsSubItem: true)));
            t.Rows.Add(new RenderRow(["2、车辆（辆）", Count(a.Vehicles.Values.Sum()), Money.Cell(a.VehicleValue)]));
            t.Rows.Add(new RenderRow([$"3、单价在{a.EquipmentThreshold}万元以上的设备（台、套）", Count(a.Equipment), Money.Cell(a.EquipmentValue)]));
            t.Rows.Add(new RenderRow(["4、其他固定资产（件）", Count(a.OtherCount), Money.Cell(a.OtherValue)]));
            t.Notes.Add($"注：截至{AssetsAsOf(a)}的数据。");
            return t;
        })];
    }

    /// <summary>
    /// Jiangsu B1 支出用途: 基本支出, 项目支出, 单位预留机动经费 (always, as JS prints it), and the non-fiscal kinds
    /// when the data has them, so that the block adds up to 本年支出合计.
    /// </summary>
    private List<(string Label, decimal Value)> SpendingUses()
    {
        var uses = new List<(string, decimal)> { ("基本支出", _f.Basic), ("项目支出", _f.Project), ("单位预留机动经费", _d.Expenditure.Sum(l => l.Reserve)) };
        foreach (var (name, v) in new[] { ("上缴上级支出", _d.Expenditure.Sum(l => l.RemitToSuperior)), ("事业单位经营支出", _d.Expenditure.Sum(l => l.OperatingExpenditure)),
                     ("对附属单位补助支出", _d.Expenditure.Sum(l => l.SubsidyToSubordinate)) })
            if (v != 0) uses.Add((name, v));
        return uses.Select((u, i) => ($"{CompileCatalog.Ordinal(i)}、{u.Item1}", u.Item2)).ToList();
    }

    private string AssetsAsOf(AssetsData a) => a.AsOf ?? (_f.Final ? $"{_d.Year}年12月31日" : $"{_d.Year - 1}年12月31日");
}
