using System.Globalization;

namespace Gongkai.Compile.Template;

/// <summary>The sheets of the 部门整体绩效 (目标 / 自评) and of the 政府向社会力量购买服务 items.</summary>
public static partial class TemplateWorkbook
{
    internal delegate void KeySheetWriter(string name, KeyField[] fields);
    internal delegate void TableSheetWriter(string name, string[] header, IEnumerable<string?[]> rows, (int Col, string Rule, bool _)[] rules, double[] widths, bool fixedRows = false);

    /// <summary>A column of the 项目 sheet: header, width, value and (from column 9 on) setter.</summary>
    internal sealed record ProjectColumn(string Header, double Width, Func<ProjectData, string?> Get, Action<ProjectData, string>? Set = null);

    private static SelfEvaluationData SE(ProjectData p) => p.SelfEvaluation ??= new();

    /// <summary>The 项目 sheet: the first nine columns as before, then the header and text fields of the 绩效 tables.</summary>
    internal static readonly ProjectColumn[] ProjectColumns =
    [
        new("项目名称", 30, p => p.Name), new("项目编码", 20, p => p.Code), new("项目类别", 14, p => p.Type), new("金额", 12, p => p.Amount.ToString(Inv)),
        new("主要用途", 40, p => p.Use), new("年初预算数（自评）", 16, p => D(p.SelfEvaluation?.InitialBudget)), new("全年预算数（自评）", 16, p => D(p.SelfEvaluation?.AdjustedBudget)),
        new("全年执行数（自评）", 16, p => D(p.SelfEvaluation?.Executed)), new("自评得分", 10, p => D(p.SelfEvaluation?.Score)),
        new("主管部门（申报单位）", 20, p => p.Department, (p, v) => p.Department = v),
        new("执行单位", 20, p => p.Implementer, (p, v) => p.Implementer = v),
        new("财政归口处室", 16, p => p.FinanceOffice, (p, v) => p.FinanceOffice = v),
        new("项目负责人（联系人）", 14, p => p.Contact, (p, v) => p.Contact = v),
        new("联系电话", 16, p => p.Phone, (p, v) => p.Phone = v),
        new("项目安排频度", 14, p => p.Frequency, (p, v) => p.Frequency = v),
        new("项目类别（申报表，可选）", 16, p => p.Category, (p, v) => p.Category = v),
        new("项目年度（起止年度）", 16, p => p.Period, (p, v) => p.Period = v),
        new("项目概况", 40, p => p.Overview, (p, v) => p.Overview = v),
        new("立项依据", 40, p => p.Basis, (p, v) => p.Basis = v),
        new("实施方案（进度计划）", 40, p => p.Plan, (p, v) => p.Plan = v),
        new("上年绩效评价结果、整改及应用", 40, p => p.PriorEvaluation, (p, v) => p.PriorEvaluation = v),
        new("项目前两年预算及当年预算变动情况", 40, p => p.BudgetHistory, (p, v) => p.BudgetHistory = v),
        new("项目总预算（万元）", 14, p => D(p.TotalBudget), (p, v) => p.TotalBudget = Dec(v)),
        new("长期绩效目标", 40, p => p.LongTermGoal, (p, v) => p.LongTermGoal = v),
        new("年度绩效目标", 40, p => p.AnnualGoal, (p, v) => p.AnnualGoal = v),
        new("年初绩效目标（自评）", 40, p => p.SelfEvaluation?.InitialGoal, (p, v) => SE(p).InitialGoal = v),
        new("全年（调整）绩效目标（自评）", 40, p => p.SelfEvaluation?.AdjustedGoal, (p, v) => SE(p).AdjustedGoal = v),
        new("全年目标实际完成情况（自评）", 40, p => p.SelfEvaluation?.Achieved, (p, v) => SE(p).Achieved = v),
    ];

    /// <summary>A column of the indicator sheets (after the project name on 绩效指标).</summary>
    internal sealed record IndicatorColumn(string Header, double Width, Func<IndicatorData, string?> Get, Action<IndicatorData, string> Set);

    private static string? YesNo(bool? b) => b is bool x ? x ? "是" : "否" : null;
    private static bool? YesNo(string v) => v.Trim() switch { "是" => true, "否" => false, _ => null };

    internal static readonly IndicatorColumn[] IndicatorColumns =
    [
        new("一级指标", 12, i => i.Level1, (i, v) => i.Level1 = v), new("二级指标", 14, i => i.Level2, (i, v) => i.Level2 = v),
        new("三级指标", 30, i => i.Name, (i, v) => i.Name = v), new("指标性质", 8, i => i.Operator, (i, v) => i.Operator = v),
        new("指标值", 10, i => i.Target, (i, v) => i.Target = v), new("度量单位", 10, i => i.Unit, (i, v) => i.Unit = v),
        new("权重", 8, i => D(i.Weight), (i, v) => i.Weight = Dec(v)), new("全年完成值（决算）", 14, i => i.Actual, (i, v) => i.Actual = v),
        new("指标得分（决算）", 12, i => D(i.Score), (i, v) => i.Score = Dec(v)),
        new("是否核心指标（决算）", 12, i => YesNo(i.Core), (i, v) => i.Core = YesNo(v)),
        new("说明（偏差原因）", 30, i => i.Remark, (i, v) => i.Remark = v),
        new("指标值确定依据", 20, i => i.Basis, (i, v) => i.Basis = v),
        new("前年指标值", 12, i => i.Prior2, (i, v) => i.Prior2 = v), new("上年指标值", 12, i => i.Prior1, (i, v) => i.Prior1 = v),
        new("长期指标", 10, i => YesNo(i.LongTerm), (i, v) => i.LongTerm = YesNo(v)),
    ];

    /// <summary>The name under which the 部门整体 self-evaluation's money rows are listed on the 项目资金 sheet.</summary>
    internal const string OverallRowName = "（部门整体）";

    /// <summary>项目资金 (预算 资金来源 in 万元 / 决算 自评资金情况 in 元), 项目明细 (测算依据) and 名词解释.</summary>
    private static void WriteProjectMoneySheets(DisclosureData data, bool final, TableSheetWriter tableSheet)
    {
        IEnumerable<string?[]> Money()
        {
            foreach (var p in data.Projects)
            {
                foreach (var r in p.Funds ?? []) yield return [p.Name, r.Label, r.Amount.ToString(Inv), null, null, null];
                foreach (var r in p.SelfEvaluation?.Funds ?? []) yield return [p.Name, r.Label, null, r.Initial.ToString(Inv), r.Adjusted.ToString(Inv), r.Executed.ToString(Inv)];
            }
            foreach (var r in data.Performance?.OverallSelfEvaluation?.Funds ?? [])
                yield return [OverallRowName, r.Label, null, r.Initial.ToString(Inv), r.Adjusted.ToString(Inv), r.Executed.ToString(Inv)];
        }
        tableSheet("项目资金", ["项目名称（部门整体自评填“" + OverallRowName + "”）", "资金行（如 本级资金、其中：财政拨款）", "当年预算（万元，预算用）", "年初预算数（元，自评用）", "全年（调整）预算数（元）", "全年执行数（元）"],
            Money(), [(2, "amount", false)], [30, 30, 16, 18, 18, 18]);
        tableSheet("项目明细", ["项目名称", "项目内容", "测算依据及说明", "本级财政拨款金额", "上级转移支付金额", "其他资金"],
            data.Projects.SelectMany(p => (p.Details ?? []).Select(x => new[] { p.Name, x.Content, x.Basis, D(x.Local), D(x.Transfer), D(x.Other) })),
            [(3, "amount", false), (4, "amount", false), (5, "amount", false)], [30, 30, 40, 14, 14, 14]);
        var glossary = data.Glossary ?? [.. Compile.Glossary.Default(data).Select(x => new GlossaryTerm { Term = x.Term, Text = x.Text })];
        tableSheet("名词解释", ["名词", "解释（可修改、删除或增加，按顺序印出）"], glossary.Select(g => new[] { g.Term, g.Text }), [], [24, 100]);
    }

    private static void ReadProjectMoneySheets(DisclosureData d, Func<string, IEnumerable<string[]>> body)
    {
        static string At(string[] r, int i) => i < r.Length ? r[i].Trim() : "";
        decimal Number(string sheet, string v)
        {
            if (v.Length == 0) return 0m;
            if (!decimal.TryParse(v.Replace(",", ""), NumberStyles.Number | NumberStyles.AllowExponent, Inv, out var x))
                throw new DataFileException($"“{sheet}”表的值“{v}”不是有效的数字。");
            return Math.Round(x, 6);
        }
        ProjectData Project(string sheet, string name) => d.Projects.FirstOrDefault(x => x.Name == name) ?? throw new DataFileException($"“{sheet}”表中的项目“{name}”不在“项目”表中。");
        foreach (var r in body("项目资金"))
        {
            bool selfRow = At(r, 3).Length > 0 || At(r, 4).Length > 0 || At(r, 5).Length > 0;
            if (!selfRow)
            {
                (Project("项目资金", At(r, 0)).Funds ??= []).Add(new FundRow { Label = At(r, 1), Amount = Number("项目资金", At(r, 2)) });
                continue;
            }
            var row = new SelfEvaluationFundRow { Label = At(r, 1), Initial = Number("项目资金", At(r, 3)), Adjusted = Number("项目资金", At(r, 4)), Executed = Number("项目资金", At(r, 5)) };
            if (At(r, 0) == OverallRowName) (OS(d).Funds ??= []).Add(row);
            else (SE(Project("项目资金", At(r, 0))).Funds ??= []).Add(row);
        }
        foreach (var r in body("项目明细"))
            (Project("项目明细", At(r, 0)).Details ??= []).Add(new ProjectDetail
            {
                Content = At(r, 1), Basis = At(r, 2).Length == 0 ? null : At(r, 2),
                Local = Number("项目明细", At(r, 3)), Transfer = Number("项目明细", At(r, 4)), Other = Number("项目明细", At(r, 5)),
            });
        var glossary = body("名词解释").Where(r => At(r, 0).Length > 0).Select(r => new GlossaryTerm { Term = At(r, 0), Text = At(r, 1) }).ToList();
        // the default list as written by the template stays the default (null), so that it follows the data
        if (glossary.Count > 0 && !glossary.Select(g => (g.Term, g.Text)).SequenceEqual(Compile.Glossary.Default(d).Select(x => (x.Term, x.Text)))) d.Glossary = glossary;
        if (glossary.Count == 0 && body("名词解释").Any()) d.Glossary = [];
    }

    private static OverallTargetData OT(DisclosureData d) => (d.Performance ??= new()).OverallTarget ??= new();
    private static OverallSelfEvaluationData OS(DisclosureData d) => (d.Performance ??= new()).OverallSelfEvaluation ??= new();

    /// <summary>整体绩效 text and money fields; the 资金总额 and 全年执行数 are not asked for (they are the 本年支出合计).</summary>
    private static readonly KeyField[] Overall =
    [
        new("编制整体绩效表", "是 或 否：预算编制部门（单位）整体绩效目标表，决算编制部门整体绩效自评表",
            d => (d.IsFinal ? d.Performance?.OverallSelfEvaluation is not null : d.Performance?.OverallTarget is not null) ? "是" : "否",
            (d, v) => { if (v.Trim() == "是") { if (d.IsFinal) OS(d); else OT(d); } }, "是,否"),
        new("部门职能概述", "预算用，可选", d => d.Performance?.OverallTarget?.Functions, (d, v) => OT(d).Functions = v),
        new("年度工作任务", "预算用，可选", d => d.Performance?.OverallTarget?.Tasks, (d, v) => OT(d).Tasks = v),
        new("总体目标（长期目标）", "预算用，可选", d => d.Performance?.OverallTarget?.LongTermGoal, (d, v) => OT(d).LongTermGoal = v),
        new("年度绩效目标", "预算用", d => d.Performance?.OverallTarget?.AnnualGoal, (d, v) => OT(d).AnnualGoal = v),
        new("绩效表：主管部门", "各绩效表表头的主管部门（项目可另填）；不填则用部门名称", d => d.Performance?.Department, (d, v) => (d.Performance ??= new()).Department = v.Trim()),
        new("绩效表：财政归口处室", "可选", d => d.Performance?.FinanceOffice, (d, v) => (d.Performance ??= new()).FinanceOffice = v.Trim()),
        new("绩效表：联系人", "可选", d => d.Performance?.Contact, (d, v) => (d.Performance ??= new()).Contact = v.Trim()),
        new("绩效表：联系电话", "可选", d => d.Performance?.Phone, (d, v) => (d.Performance ??= new()).Phone = v.Trim()),
        new("自评：项目名称", "决算用，可选；不填则为“部门名称+整体”", d => d.Performance?.OverallSelfEvaluation?.Name, (d, v) => OS(d).Name = v),
        new("自评：项目编码", "决算用，可选", d => d.Performance?.OverallSelfEvaluation?.Code, (d, v) => OS(d).Code = v),
        new("自评：年初预算数", "决算用，万元", d => D(d.Performance?.OverallSelfEvaluation?.InitialBudget), (d, v) => OS(d).InitialBudget = Dec(v), Amount: true),
        new("自评：全年（调整）预算数", "决算用，万元；执行率 = 全年执行数（即本年支出合计）÷ 本数", d => D(d.Performance?.OverallSelfEvaluation?.AdjustedBudget), (d, v) => OS(d).AdjustedBudget = Dec(v), Amount: true),
        new("自评：年初绩效目标", "决算用，可选", d => d.Performance?.OverallSelfEvaluation?.InitialGoal, (d, v) => OS(d).InitialGoal = v),
        new("自评：全年（调整）绩效目标", "决算用，可选；不填则与年初绩效目标相同", d => d.Performance?.OverallSelfEvaluation?.AdjustedGoal, (d, v) => OS(d).AdjustedGoal = v),
        new("自评：全年目标实际完成情况", "决算用，可选", d => d.Performance?.OverallSelfEvaluation?.Achieved, (d, v) => OS(d).Achieved = v),
    ];

    private static void WritePerformanceSheets(DisclosureData data, bool final, KeySheetWriter keySheet, TableSheetWriter tableSheet)
    {
        keySheet("整体绩效", Overall);
        var indicators = (final ? data.Performance?.OverallSelfEvaluation?.Indicators : data.Performance?.OverallTarget?.Indicators) ?? [];
        tableSheet("整体绩效指标", ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "全年完成值（决算）", "是否核心指标（决算）", "说明（偏差原因）", "指标值确定依据", "前年指标值", "上年指标值", "长期指标"],
            indicators.Select(i => new[] { i.Level1, i.Level2, i.Name, i.Operator, i.Target, i.Unit, D(i.Weight), i.Actual, i.Core is bool c ? c ? "是" : "否" : null, i.Remark, i.Basis, i.Prior2, i.Prior1, YesNo(i.LongTerm) }),
            [(0, "\"产出指标,效益指标,满意度指标,成本指标\"", false), (3, "\"≥,≤,=,>,<\"", false), (8, "\"是,否\"", false), (13, "\"是,否\"", false)], [12, 14, 30, 8, 10, 10, 8, 14, 12, 30, 20, 12, 12, 10]);
        if (!final)
            tableSheet("购买服务", ["项目", "政府购买服务内容", "是否包含政府采购", "购买数量", "购买金额", "功能科目编码", "经济科目编码", "指导目录一级", "指导目录二级", "指导目录三级", "单位代码", "单位名称", "资金来源", "资金性质"],
                (data.PurchasedServices ?? []).Select(i => new[] { i.Project, i.Content, i.IncludesProcurement ? "是" : "否", i.Quantity?.ToString(Inv), i.Amount.ToString(Inv), i.FunctionCode, i.EconomicCode, i.Directory1, i.Directory2, i.Directory3,
                    i.UnitCode, i.UnitName, i.FundSource, i.FundNature }),
                [(2, "\"是,否\"", false), (3, "whole", false), (4, "amount", false)], [30, 24, 10, 10, 12, 14, 14, 24, 16, 16, 12, 30, 12, 14]);
    }

    private static void ReadPerformanceSheets(DisclosureData d, Func<string, IEnumerable<string[]>> body, Action<string, KeyField[]> keys)
    {
        static string At(string[] r, int i) => i < r.Length ? r[i].Trim() : "";
        static string? Null(string s) => s.Length == 0 ? null : s;
        decimal? Number(string sheet, string v)
        {
            if (v.Length == 0) return null;
            if (!decimal.TryParse(v.Replace(",", ""), NumberStyles.Number | NumberStyles.AllowExponent, Inv, out var x))
                throw new DataFileException($"“{sheet}”表的值“{v}”不是有效的数字。");
            return Math.Round(x, 6);
        }
        keys("整体绩效", Overall);
        var indicators = body("整体绩效指标").Select(r => new IndicatorData
        {
            Level1 = At(r, 0), Level2 = At(r, 1), Name = At(r, 2), Operator = At(r, 3), Target = At(r, 4), Unit = At(r, 5),
            Weight = Number("整体绩效指标", At(r, 6)), Actual = Null(At(r, 7)), Core = At(r, 8) switch { "是" => true, "否" => false, _ => null },
            Remark = Null(At(r, 9)), Basis = Null(At(r, 10)), Prior2 = Null(At(r, 11)), Prior1 = Null(At(r, 12)), LongTerm = YesNo(At(r, 13)),
        }).ToList();
        if (indicators.Count > 0)
        {
            if (d.IsFinal) OS(d).Indicators = indicators;
            else OT(d).Indicators = indicators;
        }
        // fields of the other kind are not published; drop them so that JSON and workbook give the same package
        if (d.Performance is { } p)
        {
            if (d.IsFinal) p.OverallTarget = null;
            else p.OverallSelfEvaluation = null;
        }
        var services = body("购买服务").Select(r => new PurchasedServiceItem
        {
            Project = At(r, 0), Content = At(r, 1), IncludesProcurement = At(r, 2) == "是", Quantity = Number("购买服务", At(r, 3)) is decimal q ? (int)q : null,
            Amount = Number("购买服务", At(r, 4)) ?? 0m, FunctionCode = Null(At(r, 5)), EconomicCode = Null(At(r, 6)),
            Directory1 = Null(At(r, 7)), Directory2 = Null(At(r, 8)), Directory3 = Null(At(r, 9)),
            UnitCode = Null(At(r, 10)), UnitName = Null(At(r, 11)), FundSource = Null(At(r, 12)), FundNature = Null(At(r, 13)),
        }).ToList();
        if (services.Count > 0) d.PurchasedServices = services;
    }
}
