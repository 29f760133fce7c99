using System.Globalization;

namespace Gongkai.Compile.Template;

/// <summary>The sheets of the 部门整体绩效 (目标 / 自评) and of the 政府向社会力量购买服务 items.</summary>
public static partial class TemplateWorkbook
{
    internal delegate void KeySheetWriter(string name, KeyField[] fields);
    internal delegate void TableSheetWriter(string name, string[] header, IEnumerable<string?[]> rows, (int Col, string Rule, bool _)[] rules, double[] widths, bool fixedRows = false);

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
        new("自评：项目编码", "决算用，可选", d => d.Performance?.OverallSelfEvaluation?.Code, (d, v) => OS(d).Code = v),
        new("自评：年初预算数", "决算用，万元", d => D(d.Performance?.OverallSelfEvaluation?.InitialBudget), (d, v) => OS(d).InitialBudget = Dec(v), Amount: true),
        new("自评：全年（调整）预算数", "决算用，万元；执行率 = 全年执行数（即本年支出合计）÷ 本数", d => D(d.Performance?.OverallSelfEvaluation?.AdjustedBudget), (d, v) => OS(d).AdjustedBudget = Dec(v), Amount: true),
        new("自评：年初绩效目标", "决算用，可选", d => d.Performance?.OverallSelfEvaluation?.InitialGoal, (d, v) => OS(d).InitialGoal = v),
        new("自评：全年目标实际完成情况", "决算用，可选", d => d.Performance?.OverallSelfEvaluation?.Achieved, (d, v) => OS(d).Achieved = v),
    ];

    private static void WritePerformanceSheets(DisclosureData data, bool final, KeySheetWriter keySheet, TableSheetWriter tableSheet)
    {
        keySheet("整体绩效", Overall);
        var indicators = (final ? data.Performance?.OverallSelfEvaluation?.Indicators : data.Performance?.OverallTarget?.Indicators) ?? [];
        tableSheet("整体绩效指标", ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "全年完成值（决算）", "是否核心指标（决算）"],
            indicators.Select(i => new[] { i.Level1, i.Level2, i.Name, i.Operator, i.Target, i.Unit, D(i.Weight), i.Actual, i.Core is bool c ? c ? "是" : "否" : null }),
            [(0, "\"产出指标,效益指标,满意度指标,成本指标\"", false), (3, "\"≥,≤,=,>,<\"", false), (8, "\"是,否\"", false)], [12, 14, 30, 8, 10, 10, 8, 14, 12]);
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
