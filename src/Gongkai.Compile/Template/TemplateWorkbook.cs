using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Compile.Render;
using Gongkai.Model;

namespace Gongkai.Compile.Template;

/// <summary>
/// The data workbook of <c>gongkai template</c>: an instructions sheet, one sheet per subject with cell validation
/// (amounts ≥ 0 with two decimals, pick-lists of the year's classification codes, fund sources, units), and a 代码表
/// sheet. The same workbook, filled in, is read back into <see cref="DisclosureData"/> by <see cref="Read"/>.
/// </summary>
public static partial class TemplateWorkbook
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static readonly (FundSource Source, string Name)[] Sources =
    [
        (FundSource.General, "一般公共预算"), (FundSource.GovFund, "政府性基金预算"), (FundSource.StateCapital, "国有资本经营预算"),
        (FundSource.SpecialAccount, "财政专户管理资金"), (FundSource.Superior, "上级补助收入"), (FundSource.Business, "事业收入"),
        (FundSource.Operating, "经营收入"), (FundSource.Subordinate, "附属单位上缴收入"), (FundSource.Other, "其他收入"),
    ];

    internal static readonly string[] VehicleTypes =
        ["副部（省）级及以上领导用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部用车", "其他用车"];

    // ───────────── sheet definitions ─────────────

    internal sealed record KeyField(string Label, string Hint, Func<DisclosureData, string?> Get, Action<DisclosureData, string> Set, string? List = null, bool Amount = false);

    private static string? D(decimal v) => v == 0 ? null : v.ToString(Inv);
    private static string? D(decimal? v) => v?.ToString(Inv);
    private static decimal Dec(string s) => decimal.Parse(s.Replace(",", "").Trim(), NumberStyles.Number, Inv);
    private static int Int(string s) => (int)Dec(s);

    private static readonly KeyField[] Basic =
    [
        new("文档类型", "预算 或 决算", d => d.IsFinal ? "决算" : "预算", (d, v) => d.Kind = v.Trim() == "决算" ? "final" : v.Trim() == "预算" ? "budget" : v, "预算,决算"),
        new("年度", "四位年份，如 2024", d => d.Year == 0 ? null : d.Year.ToString(Inv), (d, v) => d.Year = Int(v)),
        new("地区配置", DisclosureData.ProfileList, d => d.Profile, (d, v) => d.Profile = v.Trim(), string.Join(",", DisclosureData.Profiles)),
        new("部门（单位）名称", "与公开标题一致，如 ××区医疗保障局", d => d.Unit.Name, (d, v) => d.Unit.Name = v.Trim()),
        new("公开主体", "部门 或 单位", d => d.Unit.Scope == "unit" ? "单位" : "部门", (d, v) => d.Unit.Scope = v.Trim() == "单位" ? "unit" : "department", "部门,单位"),
        new("联系方式", "可选", d => d.Unit.Contact, (d, v) => d.Unit.Contact = v),
        new("部门编码", "可选：分单位列示的表（湖北预算06/11/12表）中部门一行的编码", d => d.Unit.DepartmentCode, (d, v) => d.Unit.DepartmentCode = v.Trim()),
        new("公开咨询电话", "可选，印在“联系方式”部分", d => d.Unit.InquiryPhone, (d, v) => d.Unit.InquiryPhone = v.Trim()),
        new("机构设置", "可选，内设机构和下属单位的说明，原样印出", d => d.Unit.Organization, (d, v) => d.Unit.Organization = v),
    ];

    private static readonly KeyField[] Carry =
    [
        new("年初结转：一般公共预算", "上年结转（预算）/年初结转和结余（决算），万元", d => D(d.Carry.CarryInGeneral), (d, v) => d.Carry.CarryInGeneral = Dec(v), Amount: true),
        new("年初结转：政府性基金预算", "万元", d => D(d.Carry.CarryInGovFund), (d, v) => d.Carry.CarryInGovFund = Dec(v), Amount: true),
        new("年初结转：国有资本经营预算", "万元", d => D(d.Carry.CarryInStateCapital), (d, v) => d.Carry.CarryInStateCapital = Dec(v), Amount: true),
        new("年初结转：非财政拨款", "决算用，万元", d => D(d.Carry.CarryInNonFiscal), (d, v) => d.Carry.CarryInNonFiscal = Dec(v), Amount: true),
        new("年末结转：一般公共预算", "结转下年（预算）/年末结转和结余（决算），万元", d => D(d.Carry.CarryOutGeneral), (d, v) => d.Carry.CarryOutGeneral = Dec(v), Amount: true),
        new("年末结转：政府性基金预算", "万元", d => D(d.Carry.CarryOutGovFund), (d, v) => d.Carry.CarryOutGovFund = Dec(v), Amount: true),
        new("年末结转：国有资本经营预算", "万元", d => D(d.Carry.CarryOutStateCapital), (d, v) => d.Carry.CarryOutStateCapital = Dec(v), Amount: true),
        new("年末结转：非财政拨款", "决算用，万元", d => D(d.Carry.CarryOutNonFiscal), (d, v) => d.Carry.CarryOutNonFiscal = Dec(v), Amount: true),
        new("使用非财政拨款结余", "决算用，万元", d => D(d.Carry.UseOfNonFiscalBalance), (d, v) => d.Carry.UseOfNonFiscalBalance = Dec(v), Amount: true),
        new("用事业基金弥补收支差额", "预算用，万元", d => D(d.Carry.InstitutionFund), (d, v) => d.Carry.InstitutionFund = Dec(v), Amount: true),
        new("结余分配", "决算用，万元", d => D(d.Carry.BalanceDistribution), (d, v) => d.Carry.BalanceDistribution = Dec(v), Amount: true),
    ];

    private static PriorYear P(DisclosureData d) => d.Prior ??= new PriorYear();

    private static readonly KeyField[] Prior =
    [
        new("收支总计", "上年（预算：上年预算数；决算：上年决算数），万元", d => D(d.Prior?.Total), (d, v) => P(d).Total = Dec(v), Amount: true),
        new("本年收入合计", "万元", d => D(d.Prior?.Income), (d, v) => P(d).Income = Dec(v), Amount: true),
        new("本年支出合计", "万元", d => D(d.Prior?.Expenditure), (d, v) => P(d).Expenditure = Dec(v), Amount: true),
        new("财政拨款收支总计", "万元", d => D(d.Prior?.Fiscal), (d, v) => P(d).Fiscal = Dec(v), Amount: true),
        new("一般公共预算财政拨款支出", "万元", d => D(d.Prior?.General), (d, v) => P(d).General = Dec(v), Amount: true),
        new("基本支出", "一般公共预算财政拨款基本支出，万元", d => D(d.Prior?.Basic), (d, v) => P(d).Basic = Dec(v), Amount: true),
        new("项目支出", "万元", d => D(d.Prior?.Project), (d, v) => P(d).Project = Dec(v), Amount: true),
        new("人员经费", "万元", d => D(d.Prior?.Personnel), (d, v) => P(d).Personnel = Dec(v), Amount: true),
        new("公用经费", "万元", d => D(d.Prior?.Public), (d, v) => P(d).Public = Dec(v), Amount: true),
    ];

    private static OperatingCostsData O(DisclosureData d) => d.OperatingCosts ??= new OperatingCostsData();
    private static ProcurementData Pr(DisclosureData d) => d.Procurement ??= new ProcurementData();
    private static AssetsData A(DisclosureData d) => d.Assets ??= new AssetsData();

    private static readonly KeyField[] Operating =
    [
        new("机关运行经费：本年", "万元", d => D(d.OperatingCosts?.Amount), (d, v) => O(d).Amount = Dec(v), Amount: true),
        new("机关运行经费：上年", "万元", d => D(d.OperatingCosts?.Prior), (d, v) => O(d).Prior = Dec(v), Amount: true),
        new("机关运行经费：行政单位", "决算（重庆）用，万元", d => D(d.OperatingCosts?.Administrative), (d, v) => O(d).Administrative = Dec(v), Amount: true),
        new("机关运行经费：参公事业单位", "决算（重庆）用，万元", d => D(d.OperatingCosts?.CivilServiceInstitutions), (d, v) => O(d).CivilServiceInstitutions = Dec(v), Amount: true),
        new("机关运行经费：主要用途", "可选", d => d.OperatingCosts?.Use, (d, v) => O(d).Use = v),
        new("政府采购：货物", "万元", d => D(d.Procurement?.Goods ?? 0), (d, v) => Pr(d).Goods = Dec(v), Amount: true),
        new("政府采购：工程", "万元", d => D(d.Procurement?.Works ?? 0), (d, v) => Pr(d).Works = Dec(v), Amount: true),
        new("政府采购：服务", "万元", d => D(d.Procurement?.Services ?? 0), (d, v) => Pr(d).Services = Dec(v), Amount: true),
        new("政府采购：中小企业", "预算：面向中小企业预留；决算：授予中小企业合同金额，万元", d => D(d.Procurement?.Sme ?? 0), (d, v) => Pr(d).Sme = Dec(v), Amount: true),
        new("政府采购：其中小微企业", "万元", d => D(d.Procurement?.SmallMicro ?? 0), (d, v) => Pr(d).SmallMicro = Dec(v), Amount: true),
        new("政府采购：主要用途", "可选", d => d.Procurement?.Use, (d, v) => Pr(d).Use = v),
        new("国有资产：截至日期", "如 2024年12月31日", d => d.Assets?.AsOf, (d, v) => A(d).AsOf = v),
        new("国有资产：设备单价标准（万元）", "100 或 20", d => d.Assets?.EquipmentThreshold.ToString(Inv), (d, v) => A(d).EquipmentThreshold = Int(v)),
        new("国有资产：单价标准以上设备（台套）", "数量", d => d.Assets?.Equipment.ToString(Inv), (d, v) => A(d).Equipment = Int(v)),
        new("三公：因公出国（境）团组数", "决算用", d => N(d.ThreePublic.Stats.AbroadGroups), (d, v) => d.ThreePublic.Stats.AbroadGroups = Int(v)),
        new("三公：因公出国（境）人次", "决算用", d => N(d.ThreePublic.Stats.AbroadPersons), (d, v) => d.ThreePublic.Stats.AbroadPersons = Int(v)),
        new("三公：公务用车购置数", "决算用", d => N(d.ThreePublic.Stats.VehiclesPurchased), (d, v) => d.ThreePublic.Stats.VehiclesPurchased = Int(v)),
        new("三公：公务用车保有量", "决算用", d => N(d.ThreePublic.Stats.VehiclesHeld), (d, v) => d.ThreePublic.Stats.VehiclesHeld = Int(v)),
        new("三公：国内公务接待批次", "决算用", d => N(d.ThreePublic.Stats.ReceptionBatches), (d, v) => d.ThreePublic.Stats.ReceptionBatches = Int(v)),
        new("三公：国内公务接待人次", "决算用", d => N(d.ThreePublic.Stats.ReceptionPersons), (d, v) => d.ThreePublic.Stats.ReceptionPersons = Int(v)),
        new("三公：公务用车运行维护费用途", "可选", d => d.ThreePublic.Uses.GetValueOrDefault("vehicleOperation"), (d, v) => d.ThreePublic.Uses["vehicleOperation"] = v),
        new("三公：公务接待费用途", "可选", d => d.ThreePublic.Uses.GetValueOrDefault("reception"), (d, v) => d.ThreePublic.Uses["reception"] = v),
        new("三公：因公出国（境）费用途", "可选", d => d.ThreePublic.Uses.GetValueOrDefault("abroad"), (d, v) => d.ThreePublic.Uses["abroad"] = v),
        new("三公：公务用车购置费用途", "可选", d => d.ThreePublic.Uses.GetValueOrDefault("vehiclePurchase"), (d, v) => d.ThreePublic.Uses["vehiclePurchase"] = v),
        new("绩效：开展部门整体绩效", "是 或 否", d => d.Performance is null ? null : d.Performance.Overall ? "是" : "否", (d, v) => (d.Performance ??= new()).Overall = v.Trim() != "否", "是,否"),
        new("绩效：工作开展情况", "可选", d => d.Performance?.Work, (d, v) => (d.Performance ??= new()).Work = v),
    ];

    private static decimal? Get(Dictionary<string, decimal>? d, string key) => d is not null && d.TryGetValue(key, out var v) ? v : null;

    private static string? N(int v) => v == 0 ? null : v.ToString(Inv);

    // ───────────── write ─────────────

    /// <summary>Write the template for a kind and year; with <paramref name="data"/>, its figures are filled in.</summary>
    public static void Write(Stream output, string kind, int year, string profile, DisclosureData? data = null)
    {
        data ??= new DisclosureData { Kind = kind, Year = year, Profile = profile };
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        wb.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = wb.Workbook.AppendChild(new Sheets());
        uint id = 1;
        bool final = kind == "final";

        var functionCodes = CompileCatalog.Codes(CodeScheme.Function, year, CodeLevel.Item).Where(c => CompileCatalog.Name(c.Code, CodeScheme.Function, year) is not null).ToList();
        var classCodes = CompileCatalog.Codes(CodeScheme.Function, year, CodeLevel.Class).ToList();
        var econCodes = CompileCatalog.Codes(CodeScheme.DepartmentEconomic, year, CodeLevel.Section).ToList();
        var govCodes = CompileCatalog.Codes(CodeScheme.GovernmentEconomic, year, CodeLevel.Section).ToList();

        Sheet("填报说明", [["项目", "说明"], .. Instructions(final, year).Select(x => new[] { x.Item1, x.Item2 })], [], widths: [18, 100]);
        KeySheet("基本信息", Basic);
        TableSheet("主要职能", ["主要职能（每行一条）"], data.Unit.Functions.Select(f => new string?[] { f }), [], [90]);
        TableSheet("单位构成", ["单位名称", "单位类型", "单位编码"], data.Unit.Units.Select(u => new[] { u.Name, u.Type, u.Code }),
            [(1, "\"行政单位,参照公务员法管理事业单位,事业单位,其他\"", false)], [40, 30, 14]);
        TableSheet("人员编制", ["类别", "编制数", "实有人数"], data.Unit.Staffing.Select(s => new[] { s.Category, s.Authorized?.ToString(Inv), s.Actual?.ToString(Inv) }),
            [(1, "whole", false), (2, "whole", false)], [20, 12, 12]);
        var sourceList = "\"" + string.Join(",", Sources.Select(s => s.Name)) + "\"";
        TableSheet("支出功能分类", ["科目编码（项）", "科目名称（可不填）", "资金来源", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "主要用途（可选）", "单位预留机动经费（江苏预算）", "其中公用经费（湖北预算，可选）"],
            data.Expenditure.Select(l => new[] { l.Code, l.Name, SourceName(l.Source), D(l.Basic), D(l.Project), D(l.RemitToSuperior), D(l.OperatingExpenditure), D(l.SubsidyToSubordinate), l.Use, D(l.Reserve), D(l.Public) }),
            [(0, $"代码表!$A$2:$A${functionCodes.Count + 1}", false), (2, sourceList, false), (3, "amount", false), (4, "amount", false), (5, "amount", false), (6, "amount", false), (7, "amount", false), (9, "amount", false), (10, "amount", false)],
            [16, 30, 18, 14, 14, 14, 14, 16, 40, 16, 18]);
        TableSheet("按功能分类收入", ["科目编码（项）", "资金来源", "本年收入"],
            (data.RevenueByFunction ?? []).Select(r => new[] { r.Code, SourceName(r.Source), r.Amount.ToString(Inv) }),
            [(0, $"代码表!$A$2:$A${functionCodes.Count + 1}", false), (1, sourceList, false), (2, "amount", false)], [16, 18, 14]);
        string[] econHeader = ["经济分类编码（款）", "科目名称（可不填）", "金额", "政府经济分类编码（款，可不填）", "政府经济分类名称（可不填）"];
        (int, string, bool)[] econRules = [(0, $"代码表!$D$2:$D${econCodes.Count + 1}", false), (2, "amount", false), (3, $"代码表!$J$2:$J${govCodes.Count + 1}", false)];
        static string?[] EconRow(EconomicLine e) => [e.Code, e.Name, e.Amount.ToString(Inv), e.GovernmentCode, e.GovernmentName];
        TableSheet("基本支出经济分类", econHeader, data.Economic.Select(EconRow), econRules, [18, 30, 14, 22, 26]);
        TableSheet("项目支出经济分类", econHeader, (data.ProjectEconomic ?? []).Select(EconRow), econRules, [18, 30, 14, 22, 26]);
        KeySheet("结转结余", Carry);
        KeySheet("上年数", Prior);
        IEnumerable<string> priorClasses = data.Prior?.Classes.Keys ?? Enumerable.Empty<string>();
        IEnumerable<string> budgetClasses = data.Budget?.InitialByClass.Keys ?? Enumerable.Empty<string>();
        var classRows = priorClasses.Concat(budgetClasses).Distinct().Order(StringComparer.Ordinal).ToList();
        TableSheet("分类预算与上年", ["功能分类（类）编码", "年初预算数（决算用）", "调整预算数（决算用）", "上年数"],
            classRows.Select(c => new[] { c, D(Get(data.Budget?.InitialByClass, c)), D(Get(data.Budget?.AdjustedByClass, c)), D(Get(data.Prior?.Classes, c)) }),
            [(0, $"代码表!$G$2:$G${classCodes.Count + 1}", false), (1, "amount", false), (2, "amount", false), (3, "amount", false)], [20, 20, 20, 14]);
        if (final)
            TableSheet("项级预算", ["功能分类（项）编码", "年初预算数", "调整预算数（可选）"],
                (data.Budget?.Items ?? []).Select(i => new[] { i.Code, i.Initial.ToString(Inv), D(i.Adjusted) }),
                [(0, $"代码表!$A$2:$A${functionCodes.Count + 1}", false), (1, "amount", false), (2, "amount", false)], [20, 16, 18]);
        TableSheet("教育收费", ["功能分类（项）编码", "其中：教育收费"], (data.EducationFees ?? []).Select(e => new[] { e.Code, e.Amount.ToString(Inv) }),
            [(0, $"代码表!$A$2:$A${functionCodes.Count + 1}", false), (1, "amount", false)], [20, 16]);
        TableSheet("给定合计", ["功能分类（类/款）编码或“合计”", "合计", "基本支出", "项目支出"],
            (data.Totals ?? []).Select(g => new[] { g.Code, D(g.Total), D(g.Basic), D(g.Project) }),
            [(1, "amount", false), (2, "amount", false), (3, "amount", false)], [24, 14, 14, 14]);
        TableSheet("给定经济分类合计", ["经济分类（类）编码或“合计”", "基本支出"],
            (data.EconomicTotals ?? []).Select(kv => new[] { kv.Key, kv.Value.ToString(Inv) }),
            [(1, "amount", false)], [24, 14]);
        var tp = data.ThreePublic;
        string?[] Items(string label, ThreePublicItems? x) => [label, D(x?.Abroad), D(x?.VehiclePurchase), D(x?.VehicleOperation), D(x?.Reception)];
        TableSheet("三公经费", ["口径", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"],
            [Items("本年", tp.Current), Items("上年", tp.Prior), Items("全年预算（决算用）", tp.Budget), Items("年初预算（决算用）", tp.InitialBudget)],
            [(1, "amount", false), (2, "amount", false), (3, "amount", false), (4, "amount", false)], [20, 16, 16, 18, 14], fixedRows: true);
        TableSheet("会议培训差旅", ["项目", "本年", "上年"],
            [["会议费", D(data.Meeting?.Amount), D(data.Meeting?.Prior)], ["培训费", D(data.Training?.Amount), D(data.Training?.Prior)], ["差旅费", D(data.Travel?.Amount), D(data.Travel?.Prior)]],
            [(1, "amount", false), (2, "amount", false)], [14, 14, 14], fixedRows: true);
        KeySheet("其他事项", Operating);
        TableSheet("机关运行经费明细", ["经济分类编码（款）", "科目名称（可不填）", "金额"], (data.OperatingCosts?.ByEconomic ?? []).Select(e => new[] { e.Code, e.Name, e.Amount.ToString(Inv) }),
            [(0, $"代码表!$D$2:$D${econCodes.Count + 1}", false), (2, "amount", false)], [18, 30, 14]);
        KeySheet("固定资产", FixedAssets);
        TableSheet("车辆", ["车辆类型", "数量（辆）"], VehicleTypes.Select(t => new[] { t, data.Assets?.Vehicles.GetValueOrDefault(t) is int n and > 0 ? n.ToString(Inv) : null }),
            [(1, "whole", false)], [30, 12], fixedRows: true);
        TableSheet("政府采购明细", ["项目", "采购品目", "类型", "功能科目编码", "经济科目编码", "金额", "中小企业", "小微企业", "单位代码", "单位名称", "资金来源", "资金性质", "采购数量", "单价", "计量单位"],
            (data.Procurement?.Items ?? []).Select(i => new[] { i.Project, i.Category, i.Type switch { "goods" => "货物", "works" => "工程", _ => "服务" }, i.FunctionCode, i.EconomicCode, i.Amount.ToString(Inv), i.Sme.ToString(Inv), i.SmallMicro.ToString(Inv),
                i.UnitCode, i.UnitName, i.FundSource, i.FundNature, D(i.Quantity), D(i.UnitPrice), i.MeasureUnit }),
            [(2, "\"货物,工程,服务\"", false), (5, "amount", false), (6, "amount", false), (7, "amount", false), (12, "amount", false), (13, "amount", false)], [30, 30, 8, 14, 14, 12, 12, 12, 12, 30, 12, 14, 10, 10, 10]);
        TableSheet("项目", [.. ProjectColumns.Select(c => c.Header)],
            data.Projects.Select(p => ProjectColumns.Select(c => c.Get(p)).ToArray()),
            [(3, "amount", false), (5, "amount", false), (6, "amount", false), (7, "amount", false), (Array.FindIndex(ProjectColumns, c => c.Header.StartsWith("项目总预算")), "amount", false)], [.. ProjectColumns.Select(c => c.Width)]);
        TableSheet("绩效指标", ["项目名称", .. IndicatorColumns.Select(c => c.Header)],
            data.Projects.SelectMany(p => p.Indicators.Select(i => (string?[])[p.Name, .. IndicatorColumns.Select(c => c.Get(i))])),
            [(1, "\"产出指标,效益指标,满意度指标,成本指标\"", false), (4, "\"≥,≤,=,>,<\"", false), (10, "\"是,否\"", false), (15, "\"是,否\"", false)], [24, .. IndicatorColumns.Select(c => c.Width)]);
        WriteProjectMoneySheets(data, final, TableSheet);
        WritePerformanceSheets(data, final, KeySheet, TableSheet);
        TableSheet("变动原因", ["事项", "说明", "原因"], ReasonKeys(final).Select(k => new[] { k.Key, k.Label, data.Reasons.GetValueOrDefault(k.Key) })
            .Concat(data.Reasons.Keys.Where(k => ReasonKeys(final).All(r => r.Key != k)).Select(k => new[] { k, "", data.Reasons[k] })), [], [28, 40, 60]);
        Sheet("代码表", [["功能分类（项）编码", "名称", "", "经济分类（款）编码", "名称", "", "功能分类（类）编码", "名称", "", "政府经济分类（款）编码", "名称"],
            .. Enumerable.Range(0, new[] { functionCodes.Count, econCodes.Count, classCodes.Count, govCodes.Count }.Max()).Select(i => new[]
            {
                i < functionCodes.Count ? functionCodes[i].Code : "", i < functionCodes.Count ? functionCodes[i].Name : "", "",
                i < econCodes.Count ? econCodes[i].Code : "", i < econCodes.Count ? econCodes[i].Name : "", "",
                i < classCodes.Count ? classCodes[i].Code : "", i < classCodes.Count ? classCodes[i].Name : "", "",
                i < govCodes.Count ? govCodes[i].Code : "", i < govCodes.Count ? govCodes[i].Name : "",
            })], [], widths: [16, 36, 2, 16, 30, 2, 16, 30, 2, 20, 30]);
        wb.Workbook.Save();

        void KeySheet(string name, KeyField[] fields) =>
            Sheet(name, [["项目", "填写", "说明"], .. fields.Select(f => new[] { f.Label, f.Get(data) ?? "", f.Hint })],
                fields.Select((f, i) => (Row: i + 2, Col: 1, Rule: f.List is null ? f.Amount ? "amount" : null : $"\"{f.List}\"")).Where(x => x.Rule is not null).Select(x => (x.Row, x.Col, x.Rule!)).ToList(),
                widths: [30, 24, 50]);

        void TableSheet(string name, string[] header, IEnumerable<string?[]> rows, (int Col, string Rule, bool _)[] rules, double[] widths, bool fixedRows = false)
        {
            var list = rows.Select(r => r.Select(x => x ?? "").ToArray()).ToList();
            int last = fixedRows ? list.Count + 1 : 500;
            var validations = new List<(int Row, int Col, string Rule)>();
            foreach (var (col, rule, _) in rules) validations.Add((-last, col, rule)); // negative row: rows 2..last
            Sheet(name, [header, .. list], validations, widths);
        }

        void Sheet(string name, List<string[]> rows, List<(int Row, int Col, string Rule)> validations, double[] widths)
        {
            var part = wb.AddNewPart<WorksheetPart>();
            var ws = new Worksheet();
            ws.Append(new SheetViews(new SheetView { WorkbookViewId = 0, Pane = null }));
            ws.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
            var sd = new SheetData();
            for (int r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (int c = 0; c < rows[r].Length; c++)
                {
                    var text = rows[r][c];
                    if (text.Length == 0) continue;
                    bool number = r > 0 && decimal.TryParse(text, NumberStyles.Number, Inv, out _) && !IsCodeColumn(rows[0][c]);
                    row.Append(number
                        ? new Cell { CellReference = XlsxRenderer.Col(c) + (r + 1), CellValue = new CellValue(text), DataType = CellValues.Number, StyleIndex = 2 }
                        : new Cell { CellReference = XlsxRenderer.Col(c) + (r + 1), DataType = CellValues.InlineString, StyleIndex = r == 0 ? 1u : 0u, InlineString = new InlineString(new Text(text)) });
                }
                sd.Append(row);
            }
            ws.Append(sd);
            if (validations.Count > 0)
            {
                var dvs = new DataValidations();
                foreach (var (row, col, rule) in validations)
                {
                    var sqref = row < 0 ? $"{XlsxRenderer.Col(col)}2:{XlsxRenderer.Col(col)}{-row}" : $"{XlsxRenderer.Col(col)}{row}";
                    var dv = rule switch
                    {
                        "amount" => new DataValidation { Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.GreaterThanOrEqual, AllowBlank = true, ShowErrorMessage = true, ErrorTitle = "金额", Error = "请填写不小于 0 的金额（万元，最多两位小数）。", Formula1 = new Formula1("0") },
                        "whole" => new DataValidation { Type = DataValidationValues.Whole, Operator = DataValidationOperatorValues.GreaterThanOrEqual, AllowBlank = true, ShowErrorMessage = true, ErrorTitle = "数量", Error = "请填写不小于 0 的整数。", Formula1 = new Formula1("0") },
                        _ => new DataValidation { Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ErrorTitle = "请从列表中选择", Error = "请从下拉列表中选择。", Formula1 = new Formula1(rule) },
                    };
                    dv.SequenceOfReferences = new ListValue<StringValue> { InnerText = sqref };
                    dvs.Append(dv);
                }
                dvs.Count = (uint)dvs.ChildElements.Count;
                ws.Append(dvs);
            }
            part.Worksheet = ws;
            sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id++, Name = name });
        }
    }

    private static bool IsCodeColumn(string header) => header.Contains("编码") || header.Contains("事项") || header.Contains("代码") || header.Contains("电话");

    private static string SourceName(FundSource s) => Sources.First(x => x.Source == s).Name;

    internal static IEnumerable<(string Key, string Label)> ReasonKeys(bool final)
    {
        yield return ("total", "收支总计（总预算）比上年的变动");
        yield return ("income", "本年收入合计比上年的变动");
        yield return ("expenditure", "本年支出合计比上年的变动");
        yield return ("fiscal", "财政拨款收支总计比上年的变动");
        yield return ("general", "一般公共预算财政拨款支出比上年的变动");
        if (final) yield return ("general.budget", "一般公共预算财政拨款支出与年初预算的差异");
        yield return ("basic", "基本支出比上年的变动");
        yield return ("personnel", "人员经费比上年的变动");
        yield return ("public", "公用经费比上年的变动");
        yield return ("threePublic", "“三公”经费比上年的变动");
        if (final) yield return ("threePublic.budget", "“三公”经费与年初预算的差异");
        foreach (var (k, n) in new[] { ("abroad", "因公出国（境）费"), ("vehiclePurchase", "公务用车购置费"), ("vehicleOperation", "公务用车运行维护费"), ("reception", "公务接待费") })
        {
            yield return ($"threePublic.{k}", $"{n}比上年的变动");
            if (final) yield return ($"threePublic.{k}.budget", $"{n}与年初预算的差异");
        }
        yield return ("meeting", "会议费比上年的变动");
        yield return ("training", "培训费比上年的变动");
        yield return ("travel", "差旅费比上年的变动");
        yield return ("operatingCosts", "机关运行经费比上年的变动");
    }

    private static IEnumerable<(string, string)> Instructions(bool final, int year)
    {
        yield return ("用途", $"本表用于填报{year}年部门{(final ? "决算" : "预算")}公开所需的全部数据。填好后运行：gongkai compile 本文件 -o 输出目录。");
        yield return ("金额单位", "所有金额均以万元为单位，最多保留两位小数；没有的填 0 或留空。");
        yield return ("合计数", "各表的合计、小计、类和款的金额都由程序按明细自动计算。只有要照印原件（财政系统按元折算、各自四舍五入）的合计数时，才在“给定合计”“给定经济分类合计”表中填写：与各分项之和的差在尾差范围内的照印，超出的拒绝汇编。");
        yield return ("支出功能分类", "每行填一个“项”级科目（7 位编码）和一种资金来源；同一科目有多种资金来源的，分行填写。编码可从下拉列表选择，名称按当年科目表自动取得。");
        yield return ("基本支出经济分类", "填一般公共预算财政拨款基本支出按部门预算支出经济分类“款”级（5 位编码）的金额，其合计须等于支出功能分类表中一般公共预算的基本支出。");
        yield return ("项目支出经济分类", "可选：一般公共预算财政拨款项目支出按部门预算支出经济分类“款”级的金额，合计须等于一般公共预算的项目支出。陕西（西安）格式据此编制表6（一般公共预算支出按经济分类）和收支总表、财政拨款收支总表旁的经济分类栏。");
        yield return ("政府经济分类", "两张经济分类表的“政府经济分类编码”可不填：程序按部门→政府经济分类对照表和单位类型（行政单位、参公事业单位为机关，事业单位另列）取唯一的对应编码；对应编码不唯一（如同一款由机关和事业单位分别支付）时须填写，一款分属两个政府经济分类的，分两行填写。只有陕西（西安）格式使用。");
        yield return ("按功能分类收入", "只有存在结转结余时才需填写：按“项”级科目和资金来源填写本年收入。没有结转结余的，收入按支出自动生成。");
        yield return ("上年数", final ? "填上年决算数，用于与上年对比。" : "填上年预算数，用于与上年对比。");
        if (final) yield return ("分类预算与上年", "按功能分类“类”填写一般公共预算财政拨款的年初预算数（用于与年初预算对比）和上年数。");
        if (final) yield return ("项级预算", "可选：按功能分类“项”填写一般公共预算财政拨款的年初预算数（和调整预算数），情况说明将逐项说明预算执行情况（决算数、完成率）。“分类预算与上年”表中未填年初（调整）预算的类，按其各项之和计算；已填的，须等于各项之和。决算数与年初预算相差 10% 以上的项，请在“变动原因”表中以 item:2101101（换成项编码）说明原因。");
        yield return ("教育收费", "可选：事业收入中属于教育收费的部分，按功能分类“项”填写，不能超过该项的事业收入（决算含财政专户管理资金）。重庆的收入表列示教育收费；湖北口径的教育收费请按资金来源“财政专户管理资金”填写，不要填在本表。");
        yield return ("变动原因", "增减变动达到 10% 以上的事项须在“变动原因”表中说明原因，否则汇编时给出警告（警告中写明缺少哪一项）。按功能分类“类”的变动原因可另起一行，事项填 class:208（与年初预算或上年预算比）或 class:208.prior（决算与上年比），208 换成相应的类编码。");
        yield return ("整体绩效", final
            ? "部门整体绩效自评：在“整体绩效”表填写年初预算数和全年（调整）预算数，在“整体绩效指标”表逐项填写指标值、全年完成值和权重（合计 100）。全年执行数取本年支出合计，执行率、偏离度、得分系数、指标得分和自评总分由程序计算。"
            : "部门（单位）整体绩效目标：在“整体绩效”表填写目标说明，在“整体绩效指标”表逐项填写指标（权重可不填，填写的须合计 100）。资金总额及其构成由程序按支出数据计算，不要另行填写。");
        if (!final) yield return ("购买服务", "政府向社会力量购买服务预算（湖北 预算12表）：每行一项服务，科目填编码，名称自动取得；合计由程序计算。");
        foreach (var x in RegionalInstructions(final)) yield return x;
        yield return ("核对", "汇编前程序会按 check 的同一套规则审核数据，发现错误时不生成公开材料，并逐条说明。");
    }

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(new Font(new FontSize { Val = 10 }, new FontName { Val = "宋体" }), new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "宋体" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()));
        var numFmts = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" });
        var formats = new CellFormats(
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true });
        return new Stylesheet(numFmts, fonts, fills, borders, formats);
    }

    // ───────────── read ─────────────

    public static DisclosureData Read(Stream input)
    {
        using var doc = SpreadsheetDocument.Open(input, false);
        var wb = doc.WorkbookPart ?? throw new DataFileException("不是有效的 XLSX 文件（缺少工作簿）。");
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        List<string[]> SheetRows(string name)
        {
            var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name == name);
            if (sheet?.Id?.Value is not string rid) return [];
            var ws = ((WorksheetPart)wb.GetPartById(rid)).Worksheet;
            var rows = new List<string[]>();
            foreach (var row in ws.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    int col = ColumnIndex(cell.CellReference?.Value ?? "");
                    while (cells.Count < col) cells.Add("");
                    cells.Add(CellText(cell, shared));
                }
                int index = (int)(row.RowIndex?.Value ?? (uint)rows.Count + 1) - 1;
                while (rows.Count < index) rows.Add([]);
                rows.Add(cells.ToArray());
            }
            return rows;
        }
        static string At(string[] r, int i) => i < r.Length ? r[i].Trim() : "";
        IEnumerable<string[]> Body(string name) => SheetRows(name).Skip(1).Where(r => r.Any(x => x.Trim().Length > 0));

        var d = new DisclosureData();
        void Keys(string sheet, KeyField[] fields)
        {
            foreach (var r in Body(sheet))
            {
                var f = fields.FirstOrDefault(x => x.Label == At(r, 0));
                var v = At(r, 1);
                if (f is null || v.Length == 0) continue;
                try { f.Set(d, v); }
                catch (FormatException) { throw new DataFileException($"“{sheet}”表“{f.Label}”的值“{v}”不是有效的数字。"); }
            }
        }
        decimal Amount(string sheet, string[] r, int i)
        {
            var v = At(r, i);
            if (v.Length == 0) return 0m;
            if (!decimal.TryParse(v.Replace(",", ""), NumberStyles.Number | NumberStyles.AllowExponent, Inv, out var x))
                throw new DataFileException($"“{sheet}”表第 {i + 1} 列的值“{v}”不是有效的金额。");
            return Math.Round(x, 6);
        }
        decimal? Opt(string sheet, string[] r, int i) => At(r, i).Length == 0 ? null : Amount(sheet, r, i);
        FundSource Source(string sheet, string v) => Sources.FirstOrDefault(s => s.Name == v.Trim()) is { Name: not null } s ? s.Source
            : v.Trim().Length == 0 ? FundSource.General : throw new DataFileException($"“{sheet}”表的资金来源“{v}”不在可选范围内（{string.Join("、", Sources.Select(x => x.Name))}）。");

        Keys("基本信息", Basic);
        d.Unit.Functions = Body("主要职能").Select(r => At(r, 0)).Where(x => x.Length > 0).ToList();
        d.Unit.Units = Body("单位构成").Select(r => new SubUnit { Name = At(r, 0), Type = Null(At(r, 1)), Code = Null(At(r, 2)) }).ToList();
        d.Unit.Staffing = Body("人员编制").Select(r => new Staffing { Category = At(r, 0), Authorized = At(r, 1).Length == 0 ? null : (int)Amount("人员编制", r, 1), Actual = At(r, 2).Length == 0 ? null : (int)Amount("人员编制", r, 2) }).ToList();
        d.Expenditure = Body("支出功能分类").Select(r => new FunctionLine
        {
            Code = At(r, 0), Name = Null(At(r, 1)), Source = Source("支出功能分类", At(r, 2)), Basic = Amount("支出功能分类", r, 3), Project = Amount("支出功能分类", r, 4),
            RemitToSuperior = Amount("支出功能分类", r, 5), OperatingExpenditure = Amount("支出功能分类", r, 6), SubsidyToSubordinate = Amount("支出功能分类", r, 7), Use = Null(At(r, 8)),
            Reserve = Amount("支出功能分类", r, 9), Public = Opt("支出功能分类", r, 10),
        }).ToList();
        var rev = Body("按功能分类收入").Select(r => new RevenueLine { Code = At(r, 0), Source = Source("按功能分类收入", At(r, 1)), Amount = Amount("按功能分类收入", r, 2) }).ToList();
        d.RevenueByFunction = rev.Count > 0 ? rev : null;
        List<EconomicLine> Econ(string sheet) => Body(sheet).Select(r => new EconomicLine
        {
            Code = At(r, 0), Name = Null(At(r, 1)), Amount = Amount(sheet, r, 2), GovernmentCode = Null(At(r, 3)), GovernmentName = Null(At(r, 4)),
        }).ToList();
        d.Economic = Econ("基本支出经济分类");
        var projectEconomic = Econ("项目支出经济分类");
        d.ProjectEconomic = projectEconomic.Count > 0 ? projectEconomic : null;
        Keys("结转结余", Carry);
        Keys("上年数", Prior);
        var itemBudgets = Body("项级预算").Select(r => new ItemBudget { Code = At(r, 0), Initial = Amount("项级预算", r, 1), Adjusted = Opt("项级预算", r, 2) }).ToList();
        if (itemBudgets.Count > 0) (d.Budget ??= new BudgetBase()).Items = itemBudgets;
        var totals = Body("给定合计").Select(r => new GivenTotal { Code = At(r, 0), Total = Opt("给定合计", r, 1), Basic = Opt("给定合计", r, 2), Project = Opt("给定合计", r, 3) }).ToList();
        if (totals.Count > 0) d.Totals = totals;
        var econTotals = Body("给定经济分类合计").ToDictionary(r => At(r, 0), r => Amount("给定经济分类合计", r, 1), StringComparer.Ordinal);
        if (econTotals.Count > 0) d.EconomicTotals = econTotals;
        var fees = Body("教育收费").Select(r => new EducationFeeLine { Code = At(r, 0), Amount = Amount("教育收费", r, 1) }).ToList();
        if (fees.Count > 0) d.EducationFees = fees;
        foreach (var r in Body("分类预算与上年"))
        {
            var c = At(r, 0);
            if (Opt("分类预算与上年", r, 1) is decimal ib) (d.Budget ??= new BudgetBase()).InitialByClass[c] = ib;
            if (Opt("分类预算与上年", r, 2) is decimal ab) ((d.Budget ??= new BudgetBase()).AdjustedByClass ??= new(StringComparer.Ordinal))[c] = ab;
            if (Opt("分类预算与上年", r, 3) is decimal pc) P(d).Classes[c] = pc;
        }
        foreach (var r in Body("三公经费"))
        {
            bool any = Enumerable.Range(1, 4).Any(i => At(r, i).Length > 0);
            var items = new ThreePublicItems { Abroad = Amount("三公经费", r, 1), VehiclePurchase = Amount("三公经费", r, 2), VehicleOperation = Amount("三公经费", r, 3), Reception = Amount("三公经费", r, 4) };
            switch (At(r, 0))
            {
                case "本年": d.ThreePublic.Current = items; break;
                case "上年": if (any) d.ThreePublic.Prior = items; break;
                case "全年预算（决算用）": if (any) d.ThreePublic.Budget = items; break;
                case "年初预算（决算用）": if (any) d.ThreePublic.InitialBudget = items; break;
            }
        }
        foreach (var r in Body("会议培训差旅"))
        {
            if (At(r, 1).Length == 0 && At(r, 2).Length == 0) continue;
            var item = new ExpenseItem { Amount = Amount("会议培训差旅", r, 1), Prior = Opt("会议培训差旅", r, 2) };
            switch (At(r, 0)) { case "会议费": d.Meeting = item; break; case "培训费": d.Training = item; break; case "差旅费": d.Travel = item; break; }
        }
        Keys("其他事项", Operating);
        var ocLines = Body("机关运行经费明细").Select(r => new EconomicLine { Code = At(r, 0), Name = Null(At(r, 1)), Amount = Amount("机关运行经费明细", r, 2) }).ToList();
        if (ocLines.Count > 0) O(d).ByEconomic = ocLines;
        Keys("固定资产", FixedAssets);
        foreach (var r in Body("车辆"))
            if (At(r, 1).Length > 0) A(d).Vehicles[At(r, 0)] = (int)Amount("车辆", r, 1);
        var items2 = Body("政府采购明细").Select(r => new ProcurementItem
        {
            Project = At(r, 0), Category = At(r, 1), Type = At(r, 2) switch { "货物" => "goods", "工程" => "works", _ => "services" }, FunctionCode = Null(At(r, 3)), EconomicCode = Null(At(r, 4)),
            Amount = Amount("政府采购明细", r, 5), Sme = Amount("政府采购明细", r, 6), SmallMicro = Amount("政府采购明细", r, 7),
            UnitCode = Null(At(r, 8)), UnitName = Null(At(r, 9)), FundSource = Null(At(r, 10)), FundNature = Null(At(r, 11)),
            Quantity = Opt("政府采购明细", r, 12), UnitPrice = Opt("政府采购明细", r, 13), MeasureUnit = Null(At(r, 14)),
        }).ToList();
        if (items2.Count > 0) Pr(d).Items = items2;
        if (d.Procurement is { Total: 0, Sme: 0, Items.Count: 0, Use: null }) d.Procurement = null;
        d.Projects = Body("项目").Select(r =>
        {
            var p = new ProjectData
            {
                Name = At(r, 0), Code = Null(At(r, 1)), Type = Null(At(r, 2)), Amount = Amount("项目", r, 3), Use = Null(At(r, 4)),
                SelfEvaluation = At(r, 7).Length == 0 && At(r, 8).Length == 0 ? null : new SelfEvaluationData
                {
                    InitialBudget = Amount("项目", r, 5), AdjustedBudget = Amount("项目", r, 6), Executed = Amount("项目", r, 7), Score = Amount("项目", r, 8),
                },
            };
            for (int c = 9; c < ProjectColumns.Length; c++)
                if (ProjectColumns[c].Set is { } set && At(r, c) is { Length: > 0 } v) set(p, v);
            return p;
        }).ToList();
        foreach (var r in Body("绩效指标"))
        {
            var p = d.Projects.FirstOrDefault(x => x.Name == At(r, 0)) ?? throw new DataFileException($"“绩效指标”表中的项目“{At(r, 0)}”不在“项目”表中。");
            var x = new IndicatorData();
            for (int c = 0; c < IndicatorColumns.Length; c++)
                if (At(r, c + 1) is { Length: > 0 } v)
                {
                    try { IndicatorColumns[c].Set(x, v); }
                    catch (FormatException) { throw new DataFileException($"“绩效指标”表的值“{v}”不是有效的数字。"); }
                }
            p.Indicators.Add(x);
        }
        ReadProjectMoneySheets(d, Body);
        ReadPerformanceSheets(d, Body, Keys);
        foreach (var r in Body("变动原因"))
            if (At(r, 2).Length > 0) d.Reasons[At(r, 0)] = At(r, 2);
        if (d.Kind is not ("budget" or "final") || d.Year == 0)
            throw new DataFileException("“基本信息”表缺少文档类型或年度。请使用 gongkai template 生成的填报表。");
        return d;
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;

    private static int ColumnIndex(string reference)
    {
        int n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') n = n * 26 + (ch - 'A' + 1);
            else break;
        }
        return Math.Max(0, n - 1);
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var i)) return i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return cell.CellValue?.Text ?? "";
    }
}
