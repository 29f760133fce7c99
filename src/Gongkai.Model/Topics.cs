namespace Gongkai.Model;

/// <summary>A 预算单位 of the department (本级, 二级 …).</summary>
public sealed record OrganizationUnit(string Name, string? Code = null, string? Type = null, string? Note = null, Provenance? Source = null);

/// <summary>Staffing by type: 编制 and 实有 (行政 / 事业 / 参公 …).</summary>
public sealed record StaffingEntry(string Category, decimal? Authorized, decimal? Actual, Provenance Source);

/// <summary>“三公”经费 items on one basis (预算 or 决算).</summary>
public sealed class ThreePublicFigures
{
    public Figure? Total { get; set; }
    /// <summary>因公出国（境）费.</summary>
    public Figure? Abroad { get; set; }
    /// <summary>公务用车购置及运行（维护）费.</summary>
    public Figure? VehicleTotal { get; set; }
    /// <summary>公务用车购置费.</summary>
    public Figure? VehiclePurchase { get; set; }
    /// <summary>公务用车运行（维护）费.</summary>
    public Figure? VehicleOperation { get; set; }
    /// <summary>公务接待费.</summary>
    public Figure? Reception { get; set; }
}

/// <summary>“三公”经费 and related statistics of the document (from B7/F7/CQ 公开09).</summary>
public sealed class ThreePublicExpenses
{
    public ThreePublicFigures Budget { get; } = new();
    public ThreePublicFigures Final { get; } = new();
    /// <summary>Statistics: 出国团组数, 公务用车保有量, 国内接待批次 … keyed by the printed label.</summary>
    public Dictionary<string, Figure> Statistics { get; } = new();
    /// <summary>会议费 / 培训费 / 差旅费 when printed alongside.</summary>
    public Figure? Meeting { get; set; }
    public Figure? Training { get; set; }
    public Figure? Travel { get; set; }
}

/// <summary>政府采购: totals by category and the share granted to 中小企业.</summary>
public sealed class ProcurementSummary
{
    public Figure? Total { get; set; }
    /// <summary>货物.</summary>
    public Figure? Goods { get; set; }
    /// <summary>工程.</summary>
    public Figure? Works { get; set; }
    /// <summary>服务.</summary>
    public Figure? Services { get; set; }
    /// <summary>授予 / 面向 中小企业.</summary>
    public Figure? Sme { get; set; }
    /// <summary>其中 小微企业.</summary>
    public Figure? SmallMicro { get; set; }
    /// <summary>Line items (WH 预算11: 品目 and amount).</summary>
    public List<DataRow> Lines { get; } = new();
}

/// <summary>国有资产: vehicles by type, high-value equipment, other asset values.</summary>
public sealed class AssetSummary
{
    /// <summary>车辆数合计.</summary>
    public Figure? VehicleCount { get; set; }
    /// <summary>Vehicles by type (应急保障用车 …).</summary>
    public Dictionary<string, Figure> VehiclesByType { get; } = new();
    /// <summary>单价 N 万元（含）以上设备.</summary>
    public Figure? HighValueEquipment { get; set; }
    /// <summary>Other values (资产总额, 房屋, 车辆 …) keyed by label.</summary>
    public Dictionary<string, Figure> Values { get; } = new();
}
