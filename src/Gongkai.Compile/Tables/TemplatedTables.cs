using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>Tables whose shape a regional template fixes: 基本支出 split by 功能 项, purchases listed by unit.</summary>
public sealed partial class TableBuilder
{
    /// <summary>
    /// Hubei 预算05: 合计 | 基本支出（小计 | 人员经费 | 公用经费）| 项目支出 by 功能 项; 公用经费 as the data gives it per 项,
    /// 人员经费 the rest of 基本支出.
    /// </summary>
    private RenderTable SplitBasicSpend(TableKind kind, string title, List<FunctionLine> lines)
    {
        var headers = new List<(string[] Header, ColumnKey Key)>
        {
            (["合计", "合计"], Measure.Total), (["基本支出", "小计"], Measure.Basic), (["基本支出", "人员经费"], Measure.Personnel),
            (["基本支出", "公用经费"], Measure.Public), (["项目支出", "项目支出"], Measure.Project),
        };
        // Jiangsu 单位预留机动经费: a column of its own after 项目支出, part of 合计 (as in the layout without the split)
        bool reserve = HasReserve;
        if (reserve) headers.Add((["单位预留机动经费", "单位预留机动经费"], Measure.Reserve));
        var leaves = lines.Select(l => (l.Code, new[] { l.Basic + l.Project + l.Reserve, l.Basic, l.Basic - (l.Public ?? 0), l.Public ?? 0, l.Project }
            .Concat(reserve ? [l.Reserve] : []).ToArray()));
        return Coded(kind, _f.Final ? title : BudgetTitle(title), headers, _f.Tree(leaves, headers.Count), null);
    }

    private static string Number(decimal? v) => v is { } x ? x.ToString(x == decimal.Truncate(x) ? "0" : "0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>The department's own row of a table by unit (its code and name, no figures), when the data gives its code.</summary>
    private string[]? DepartmentRow(int width)
    {
        if (_d.Unit.DepartmentCode is not { Length: > 0 } code) return null;
        var cells = new string[width];
        Array.Fill(cells, "");
        cells[0] = code;
        cells[1] = _d.Unit.Name;
        return cells;
    }

    private (string Code, string Name) UnitOf(string? code, string? name)
    {
        var u = _d.Unit.Units.FirstOrDefault(x => (code is not null && x.Code == code) || (name is not null && x.Name == name)) ?? (_d.Unit.Units.Count == 1 ? _d.Unit.Units[0] : null);
        return (code ?? u?.Code ?? "", name ?? u?.Name ?? _d.Unit.Name);
    }

    /// <summary>
    /// Hubei 预算11 政府采购预算表 with the template's fixed columns: 单位代码 | 单位名称 | 项目 | 品目 | 功能科目 | 经济分类 |
    /// 资金来源 | 资金性质 | 采购数量 | 单价 | 计量单位 | 采购金额（合计 | 中小企业 | 小微企业）, the column numbers under the header,
    /// 合计, the department row and one row per item.
    /// </summary>
    private RenderTable ProcurementByUnit(string title, ProcurementData p)
    {
        var t = new RenderTable { Kind = TableKind.Procurement, Label = NextLabel(), Title = BudgetTitle(title) };
        const string amount = "采购金额";
        t.Columns.Add(new(["单位代码", "单位代码"], ColumnRole.Code));
        t.Columns.Add(new(["单位名称", "单位名称"], ColumnRole.Label));
        foreach (var h in new[] { "项目", "政府采购品目", "功能科目", "部门支出经济分类", "资金来源", "资金性质", "采购数量", "单价(万元)", "计量单位" })
            t.Columns.Add(new([h, h], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new([amount, "采购金额合计(万元)"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new([amount, "其中面向中小企业(万元)"], ColumnRole.Value, Measure.SmeShare));
        t.Columns.Add(new([amount, "其中面向小微企业(万元)"], ColumnRole.Value, Measure.SmallMicroShare));
        t.Rows.Add(new RenderRow(["", "合计", "", "", "", "", "", "", "", "", "", Money.Cell(p.Total), Money.Cell(p.Sme), Money.Cell(p.SmallMicro)], new RowMeta(IsTotal: true)));
        if (p.Items.Count > 0 && DepartmentRow(14) is { } dept) t.Rows.Add(new RenderRow(dept) { ModelRows = [] });
        foreach (var i in p.Items)
        {
            var (code, name) = UnitOf(i.UnitCode, i.UnitName);
            t.Rows.Add(new RenderRow([code, name, i.Project, i.Category, Coded(i.FunctionCode, CodeScheme_Function), Coded(i.EconomicCode, CodeScheme_Econ),
                i.FundSource ?? "", i.FundNature ?? "", Number(i.Quantity), i.UnitPrice is { } up ? Money.Cell(up) : "", i.MeasureUnit ?? "",
                Money.Cell(i.Amount), Money.Cell(i.Sme), Money.Cell(i.SmallMicro)]) { ModelRows = [] });
        }
        if (p.Total == 0) t.Notes.Add($"注：{Subject}{_d.Year}年没有政府采购预算，故本表无数据。");
        return t;
    }

    /// <summary>
    /// Hubei 预算12 政府向社会力量购买服务预算表 with the template's fixed columns: 单位代码 | 单位名称 | 是否包含政府采购 | 项目 |
    /// 内容 | 购买数量 | 购买金额 | 资金来源 | 资金性质 | 功能科目 | 经济分类 | 指导目录 一级 | 二级 | 三级, the column numbers under the header.
    /// </summary>
    private RenderTable PurchaseOfServicesByUnit(string title, List<PurchasedServiceItem> items)
    {
        var t = new RenderTable { Kind = TableKind.PurchaseOfServices, Label = NextLabel(), Title = BudgetTitle(title) };
        const string dir = "政府购买服务指导目录";
        t.Columns.Add(new(["单位代码", "单位代码"], ColumnRole.Code));
        t.Columns.Add(new(["单位名称", "单位名称"], ColumnRole.Label));
        foreach (var h in new[] { "是否包含政府采购", "项目", "政府购买服务内容", "购买数量" })
            t.Columns.Add(new([h, h], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["购买金额", "购买金额"], ColumnRole.Value, Measure.Total));
        foreach (var h in new[] { "资金来源", "资金性质", "支出功能分类科目", "部门支出经济分类" })
            t.Columns.Add(new([h, h], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new([dir, "一级目录"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new([dir, "二级目录"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new([dir, "三级目录"], ColumnRole.Label, Segment: 9));
        t.Rows.Add(new RenderRow(["", "合计", "", "", "", "", Money.Cell(items.Sum(i => i.Amount)), "", "", "", "", "", "", ""], new RowMeta(IsTotal: true)));
        if (items.Count > 0 && DepartmentRow(14) is { } dept) t.Rows.Add(new RenderRow(dept) { ModelRows = [] });
        foreach (var i in items)
        {
            var (code, name) = UnitOf(i.UnitCode, i.UnitName);
            t.Rows.Add(new RenderRow([code, name, i.IncludesProcurement ? "是" : "否", i.Project, i.Content, i.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "",
                Money.Cell(i.Amount), i.FundSource ?? "", i.FundNature ?? "", Coded(i.FunctionCode, CodeScheme_Function), Coded(i.EconomicCode, CodeScheme_Econ),
                i.Directory1 ?? "", i.Directory2 ?? "", i.Directory3 ?? ""]) { ModelRows = [] });
        }
        if (items.Count == 0) t.Notes.Add($"注：{Subject}{_d.Year}年没有政府向社会力量购买服务预算，故本表无数据。");
        return t;
    }
}
