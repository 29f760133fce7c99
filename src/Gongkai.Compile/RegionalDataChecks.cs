using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// Checks of the regional inputs: 单位预留机动经费 (Jiangsu 预算), 机关运行经费 by economic class (Jiangsu 公开11),
/// 固定资产占用 figures (Hebei).
/// </summary>
public static class RegionalDataChecks
{
    /// <summary>Structure: codes, decimals, where a regional input may be used.</summary>
    public static void Validate(DisclosureData d, List<DataIssue> issues)
    {
        void Err(string field, string msg) => issues.Add(new(IssueSeverity.Error, field, msg));
        bool jiangsuBudget = !d.IsFinal && d.Profile == "jiangsu";
        foreach (var l in d.Expenditure.Where(l => l.Reserve != 0))
        {
            Amount(issues, $"expenditure[{l.Code}].单位预留机动经费", l.Reserve);
            if (!jiangsuBudget)
                Err($"expenditure[{l.Code}]", $"科目 {l.Code} 填写了单位预留机动经费 {Money.Text(l.Reserve)} 万元；单位预留机动经费只在江苏部门预算（profile jiangsu）中单独列示，其他情况请计入基本支出或项目支出。");
        }
        if (d.OperatingCosts?.ByEconomic is { } lines)
        {
            foreach (var e in lines)
            {
                if (e.Code.Length != 5 || !e.Code.All(char.IsAsciiDigit) || e.Code[0] != '3')
                    Err($"operatingCosts.byEconomic[{e.Code}]", $"机关运行经费的经济分类科目编码应为 5 位“款”级编码（以 3 开头），实为“{e.Code}”。");
                Amount(issues, $"operatingCosts.byEconomic[{e.Code}]", e.Amount);
            }
            if (lines.GroupBy(e => e.Code).Any(g => g.Count() > 1)) Err("operatingCosts.byEconomic", "机关运行经费的经济分类科目有重复编码，请合并。");
        }
        if (d.Assets is { } a)
        {
            foreach (var (name, v) in new[] { ("房屋面积", a.BuildingArea), ("房屋价值", a.BuildingValue), ("办公用房面积", a.OfficeArea), ("办公用房价值", a.OfficeValue),
                         ("车辆价值", a.VehicleValue), ("设备价值", a.EquipmentValue), ("其他固定资产价值", a.OtherValue) })
                Amount(issues, $"assets.{name}", v);
            if (a.OtherCount < 0) Err("assets.otherCount", $"其他固定资产数量不能为负数：{a.OtherCount}。");
        }
    }

    /// <summary>Relations: Σ 机关运行经费 by 款 = the amount, each 款 within 基本支出 公用经费; 办公用房 within 房屋.</summary>
    public static void Consistency(DisclosureData d, List<DataIssue> issues)
    {
        void Err(string field, string msg) => issues.Add(new(IssueSeverity.Error, field, msg));
        if (d.OperatingCosts is { ByEconomic: { Count: > 0 } lines } oc)
        {
            var sum = lines.Sum(e => e.Amount);
            if (sum != oc.Amount)
                Err("operatingCosts.byEconomic", $"机关运行经费按经济分类合计 {Money.Text(sum)} 万元，应等于机关运行经费 {Money.Text(oc.Amount)} 万元，差 {Money.Text(sum - oc.Amount)} 万元。");
            foreach (var e in lines)
            {
                if (CompileCatalog.IsPersonnel(e.Code))
                    Err($"operatingCosts.byEconomic[{e.Code}]", $"机关运行经费是公用经费，不含人员经费科目 {e.Code}。");
                var basic = d.Economic.Where(x => x.Code == e.Code).Sum(x => x.Amount);
                if (e.Amount > basic)
                    Err($"operatingCosts.byEconomic[{e.Code}]", $"机关运行经费中 {e.Code} 为 {Money.Text(e.Amount)} 万元，超过一般公共预算基本支出该科目 {Money.Text(basic)} 万元。");
            }
        }
        if (d.Assets is { } a)
        {
            if (a.OfficeArea > a.BuildingArea) Err("assets.officeArea", $"办公用房面积 {a.OfficeArea} 平方米不能超过房屋面积 {a.BuildingArea} 平方米。");
            if (a.OfficeValue > a.BuildingValue) Err("assets.officeValue", $"办公用房价值 {Money.Text(a.OfficeValue)} 万元不能超过房屋价值 {Money.Text(a.BuildingValue)} 万元。");
        }
    }

    private static void Amount(List<DataIssue> issues, string field, decimal v)
    {
        if (v < 0) issues.Add(new(IssueSeverity.Error, field, $"金额不能为负数：{v}。"));
        if (!Money.HasAtMostTwoDecimals(v)) issues.Add(new(IssueSeverity.Error, field, $"最多两位小数：{v}。"));
    }
}
