using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Gongkai.Compile;

/// <summary>The JSON Schema of the data file (docs/data-schema.json), generated from <see cref="DisclosureData"/>.</summary>
public static class DataSchema
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["kind"] = "budget（部门预算）或 final（部门决算）",
        ["year"] = "公开的年度",
        ["profile"] = "地区配置：national、chongqing、hubei、shaanxi、hebei、jiangsu、shanghai",
        ["unit"] = "部门（单位）基本情况",
        ["expenditure"] = "按支出功能分类“项”级科目和资金来源填写的支出（万元）；合计、类、款由程序计算，或按原件在 totals 中给定",
        ["revenueByFunction"] = "按“项”级科目和资金来源填写的本年收入；有结转结余时必填，否则按支出生成",
        ["economic"] = "一般公共预算基本支出按部门预算支出经济分类“款”级的金额，合计须等于一般公共预算基本支出",
        ["carry"] = "结转结余等收支总表项目",
        ["prior"] = "上年数（预算：上年预算；决算：上年决算），用于增减对比",
        ["budget"] = "决算：一般公共预算财政拨款按“类”的年初预算和调整预算",
        ["threePublic"] = "“三公”经费：本年、上年、全年预算、年初预算和实物量",
        ["meeting"] = "会议费", ["training"] = "培训费", ["travel"] = "差旅费",
        ["operatingCosts"] = "机关运行经费",
        ["procurement"] = "政府采购",
        ["assets"] = "国有资产（车辆、大型设备）",
        ["projects"] = "项目及绩效指标、绩效自评",
        ["reasons"] = "增减变动原因，键见 docs/compile.md；增减 10% 以上须填写",
        ["code"] = "分类科目编码",
        ["source"] = "资金来源",
        ["basic"] = "基本支出（万元）", ["project"] = "项目支出（万元）", ["amount"] = "金额（万元）",
        ["reserve"] = "单位预留机动经费（万元），只用于江苏部门预算；计入该科目合计，不属于基本支出和项目支出",
        ["byEconomic"] = "机关运行经费按部门预算支出经济分类“款”的金额，合计须等于机关运行经费（江苏公开11表）",
        ["buildingArea"] = "房屋面积（平方米）", ["buildingValue"] = "房屋价值（万元）", ["officeArea"] = "其中办公用房面积（平方米）",
        ["officeValue"] = "其中办公用房价值（万元）", ["vehicleValue"] = "车辆价值（万元）", ["equipmentValue"] = "单价标准以上设备价值（万元）",
        ["otherCount"] = "其他固定资产数量", ["otherValue"] = "其他固定资产价值（万元）",
        ["educationFees"] = "其中：教育收费——事业收入中属于教育收费的部分，按“项”填写（万元），不超过该项事业收入；重庆的收入表列示",
        ["items"] = "决算：一般公共预算财政拨款按“项”的年初预算和调整预算；未填类级预算的类按各项之和计算",
        ["public"] = "其中公用经费（万元）：基本支出中的公用经费部分，其余为人员经费；按功能科目列示人员经费、公用经费的表（湖北预算05/06表）使用",
        ["departmentCode"] = "部门编码（分单位列示的表中部门一行的编码）",
        ["unitCode"] = "单位代码", ["unitName"] = "单位名称",
        ["fundSource"] = "资金来源（如：年初安排）", ["fundNature"] = "资金性质（如：经费拨款补助）",
        ["quantity"] = "采购数量", ["unitPrice"] = "单价（万元）", ["measureUnit"] = "计量单位",
        ["totals"] = "可选：原件印出的合计数（类 3 位、款 5 位编码或“合计”），与各分项之和的差在尾差范围内时照印，超出则拒绝；不填的由程序计算",
        ["economicTotals"] = "可选：原件印出的基本支出经济分类“类”（3 位编码）或“合计”的金额，规则同 totals",
        ["total"] = "合计（万元）",
        ["initial"] = "年初预算（万元；自评表资金行为元）", ["adjusted"] = "调整预算（万元；自评表资金行为元），可选",
        ["executed"] = "执行数（万元；自评表资金行为元，到分）",
        ["funds"] = "资金行：项目的资金来源（万元），或绩效自评表的资金情况（元，到分，第一行为年度总金额），按原样印出",
        ["details"] = "项目支出明细及测算依据（万元）",
        ["glossary"] = "名词解释（可选）：按顺序印出；不填则使用默认的名词解释",
        ["organization"] = "机构设置说明，原样印出", ["inquiryPhone"] = "公开咨询电话",
        ["department"] = "绩效表的主管部门", ["financeOffice"] = "财政归口处室", ["contact"] = "联系人（填报人、项目负责人）", ["phone"] = "联系电话",
        ["longTermGoal"] = "长期绩效目标，原样印出", ["annualGoal"] = "年度绩效目标，原样印出",
        ["initialGoal"] = "年初绩效目标，原样印出", ["adjustedGoal"] = "全年（调整）绩效目标，原样印出", ["achieved"] = "全年目标实际完成情况，原样印出",
        ["remark"] = "说明（偏差原因）", ["prior2"] = "前年指标值（原样）", ["prior1"] = "上年指标值（原样）", ["longTerm"] = "是否长期绩效指标",
    };

    /// <summary>Descriptions of a property whose name means something else on another type (Type.property).</summary>
    private static readonly Dictionary<string, string> TypeDescriptions = new(StringComparer.Ordinal)
    {
        ["UnitInfo.name"] = "部门（单位）全称，含区划（如“××区医疗保障局”）；印在标题、表头的单位名称和绩效表中",
        ["UnitInfo.functions"] = "主要职能，每条一项，按序编号原样印出",
        ["UnitInfo.units"] = "预算单位构成：纳入编制范围的单位（全称）及类型",
        ["UnitInfo.staffing"] = "人员情况：编制类别、核定编制数、实有人数",
        ["UnitInfo.contact"] = "联系方式，原样印在情况说明的“联系方式”一节（联系地址、联系人、联系电话）",
        ["ProjectData.name"] = "项目名称",
        ["ProjectData.code"] = "项目编码",
        ["ProjectData.type"] = "项目类型（如：经常性项目、一次性项目）",
        ["ProjectData.use"] = "资金用途，情况说明中引用",
        ["ProjectData.implementer"] = "项目执行单位（申报单位），写全称",
        ["ProjectData.contact"] = "项目负责人（联系人）",
        ["ProjectData.frequency"] = "项目安排频度（如：常年项目）",
        ["ProjectData.overview"] = "项目概况，原样印出",
        ["ProjectData.basis"] = "立项依据，原样印出",
        ["ProjectData.plan"] = "当年实施进度计划，原样印出",
        ["IndicatorData.level1"] = "一级指标（产出指标、效益指标、满意度指标…）",
        ["IndicatorData.level2"] = "二级指标（数量指标、质量指标、时效指标、社会效益指标…）",
        ["IndicatorData.name"] = "三级指标名称",
        ["IndicatorData.operator"] = "指标性质：≥、≤、=",
        ["IndicatorData.target"] = "指标值（原样）",
        ["IndicatorData.unit"] = "度量单位（如：%、人、万人、家）",
        ["IndicatorData.weight"] = "权重（分）；填写时每个指标都填，合计 90（预算执行率另计 10 分）或 100",
        ["OverallTargetData.functions"] = "部门职能概述，原样印出",
        ["OverallTargetData.tasks"] = "年度工作任务，原样印出",
        ["GlossaryTerm.term"] = "名词",
        ["GlossaryTerm.text"] = "解释，印在名词之后",
    };

    public static string Generate()
    {
        var options = new JsonSerializerOptions(DisclosureData.JsonOptions) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };
        var node = options.GetJsonSchemaAsNode(typeof(DisclosureData), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (ctx, schema) =>
            {
                if (ctx.PropertyInfo is { } p && schema is JsonObject o)
                {
                    if (TypeDescriptions.TryGetValue($"{p.DeclaringType.Name}.{p.Name}", out var text) || Descriptions.TryGetValue(p.Name, out text))
                        o.Insert(0, "description", text);
                    var values = p.Name switch
                    {
                        "kind" => new[] { "budget", "final" },
                        "profile" => DisclosureData.Profiles,
                        "scope" => ["department", "unit"],
                        _ => null,
                    };
                    if (values is not null) o["enum"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
                    if (o["type"] is JsonValue t && t.GetValue<string>() == "number" && p.PropertyType == typeof(decimal)) o["minimum"] = 0;
                }
                return schema;
            },
        });
        if (node is JsonObject root)
        {
            root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
            root.Insert(1, "title", "Gongkai 部门预算/决算公开数据文件");
            root.Insert(2, "description", "gongkai compile 的输入。金额单位为万元，最多两位小数；合计数由程序计算；原件印出的合计数可在 totals、economicTotals 中给定（尾差范围内照印）。");
            if (root["properties"] is JsonObject props) props.Insert(0, "_comment", new JsonObject { ["type"] = "string", ["description"] = "备注，程序忽略" });
        }
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
