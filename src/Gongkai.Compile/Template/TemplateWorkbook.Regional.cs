namespace Gongkai.Compile.Template;

/// <summary>Template fields of the regional tables: 机关运行经费明细 (Jiangsu 公开11), 固定资产 (Hebei 固定资产占用情况表).</summary>
public static partial class TemplateWorkbook
{
    private static readonly KeyField[] FixedAssets =
    [
        new("房屋面积（平方米）", "河北固定资产占用情况表用，平方米", d => D(d.Assets?.BuildingArea ?? 0), (d, v) => A(d).BuildingArea = Dec(v), Amount: true),
        new("房屋价值", "万元", d => D(d.Assets?.BuildingValue ?? 0), (d, v) => A(d).BuildingValue = Dec(v), Amount: true),
        new("其中：办公用房面积（平方米）", "平方米，不超过房屋面积", d => D(d.Assets?.OfficeArea ?? 0), (d, v) => A(d).OfficeArea = Dec(v), Amount: true),
        new("其中：办公用房价值", "万元，不超过房屋价值", d => D(d.Assets?.OfficeValue ?? 0), (d, v) => A(d).OfficeValue = Dec(v), Amount: true),
        new("车辆价值", "万元；车辆数量见“车辆”表", d => D(d.Assets?.VehicleValue ?? 0), (d, v) => A(d).VehicleValue = Dec(v), Amount: true),
        new("单价标准以上设备价值", "万元；设备数量和单价标准见“其他事项”表", d => D(d.Assets?.EquipmentValue ?? 0), (d, v) => A(d).EquipmentValue = Dec(v), Amount: true),
        new("其他固定资产数量（件）", "整数", d => N(d.Assets?.OtherCount ?? 0), (d, v) => A(d).OtherCount = Int(v)),
        new("其他固定资产价值", "万元", d => D(d.Assets?.OtherValue ?? 0), (d, v) => A(d).OtherValue = Dec(v), Amount: true),
    ];

    private static IEnumerable<(string, string)> RegionalInstructions(bool final)
    {
        if (!final) yield return ("单位预留机动经费", "只用于江苏部门预算（地区配置 jiangsu）：在“支出功能分类”表最后一列按“项”填写，不计入基本支出和项目支出，但计入该科目的合计。");
        yield return ("机关运行经费明细", "可选：按部门预算支出经济分类“款”填写机关运行经费，合计须等于“其他事项”表的机关运行经费，每款不超过基本支出经济分类中同一款的金额；江苏公开11表按此列示，不填时只列合计。");
        yield return ("固定资产", "河北部门预算的固定资产占用情况表用：房屋面积和价值、车辆和设备的价值、其他固定资产；资产总额由程序计算。车辆数量按“车辆”表合计。");
    }
}
