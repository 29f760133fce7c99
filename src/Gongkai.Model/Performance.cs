namespace Gongkai.Model;

/// <summary>A performance indicator (绩效指标) of a target or self-evaluation table.</summary>
public sealed class Indicator
{
    /// <summary>一级指标 (产出指标, 效益指标, 满意度指标, 成本指标 …).</summary>
    public string Level1 { get; init; } = "";
    /// <summary>二级指标 (数量指标, 质量指标, 时效指标, 成本指标, 社会效益指标 …).</summary>
    public string Level2 { get; init; } = "";
    /// <summary>三级指标 — the named indicator.</summary>
    public string Name { get; init; } = "";
    /// <summary>指标性质 / 符号: ≥ ≤ = &gt; &lt; (normalised), or empty.</summary>
    public string Operator { get; init; } = "";
    /// <summary>指标值 as printed.</summary>
    public string TargetText { get; init; } = "";
    /// <summary>指标值 as a number when it is one.</summary>
    public decimal? Target { get; init; }
    /// <summary>计量单位 / 度量单位.</summary>
    public string Unit { get; init; } = "";
    /// <summary>权重 / 指标权重.</summary>
    public decimal? Weight { get; init; }
    /// <summary>指标值确定依据 / 绩效指标描述.</summary>
    public string Basis { get; init; } = "";
    /// <summary>WH: values of the two prior years (前年, 上年) as printed.</summary>
    public string? PriorText { get; init; }
    public string? PriorYearText { get; init; }
    /// <summary>WH: the indicator belongs to the 长期 (multi-year) target rather than the 年度 target.</summary>
    public bool IsLongTerm { get; init; }

    // self-evaluation (绩效自评) fields
    /// <summary>全年完成值.</summary>
    public decimal? Actual { get; init; }
    public string? ActualText { get; init; }
    /// <summary>偏离度（%）.</summary>
    public decimal? Deviation { get; init; }
    /// <summary>得分系数（%）.</summary>
    public decimal? Coefficient { get; init; }
    /// <summary>指标得分.</summary>
    public decimal? Score { get; init; }
    /// <summary>是否核心指标.</summary>
    public bool? IsCore { get; init; }
    /// <summary>说明.</summary>
    public string? Note { get; init; }

    public Provenance Source { get; init; } = Provenance.Unknown;
    /// <summary>Figures of the indicator row with provenance, by field name (Target, Weight, Actual, Deviation, Coefficient, Score).</summary>
    public Dictionary<string, Figure> Figures { get; } = new();

    public override string ToString() => $"{Level1}/{Level2}/{Name} {Operator}{TargetText}{Unit} w={Weight}";
}

/// <summary>Money of a project or department in a 绩效 table, by source.</summary>
public sealed record FundLine(string Label, Dictionary<string, Figure> Values);

/// <summary>
/// A year printed in a project table: in a field that names the current year (项目年度, 起始年度, 终止年度,
/// "2023年预算申报…" labels) or in the history of the two previous years (项目前两年预算…).
/// </summary>
public sealed record YearMention(int Year, bool IsCurrent, string Label, string Text, Provenance Source);

/// <summary>
/// A header field of a 绩效 table that names a unit (申报单位, 项目单位, 项目执行单位, 实施单位, 预算单位) as printed, with
/// the label (colon removed) and the value's cell.
/// </summary>
public sealed record UnitNameField(string Label, string Name, Provenance Source);

/// <summary>A 绩效目标 table: department-wide (整体) or one project.</summary>
public sealed class PerformanceTarget
{
    public bool IsOverall { get; init; }
    public string ProjectName { get; set; } = "";
    public string? ProjectCode { get; set; }
    /// <summary>主管部门 as printed in the table's header fields (null when the table has none), with its cell.</summary>
    public string? Department { get; set; }
    public Provenance? DepartmentSource { get; set; }
    /// <summary>Other header fields naming a unit (申报单位, 项目执行单位 …), in the order printed.</summary>
    public List<UnitNameField> UnitFields { get; } = new();
    /// <summary>项目类型 / 类别 (常年性, 运转类, 特定目标类 …).</summary>
    public string? ProjectType { get; set; }
    /// <summary>The project's budget for the year (当年预算 / 年度资金总额 / 项目当年预算).</summary>
    public Figure? Amount { get; set; }
    /// <summary>Other money lines (上级资金, 本级资金, 财政拨款, 收入构成 …).</summary>
    public List<FundLine> Funds { get; } = new();
    public List<Indicator> Indicators { get; } = new();
    /// <summary>Template rows left unfilled (指标1：, 指标2：, …… with no indicator), skipped by the reader; where each was printed.</summary>
    public List<Provenance> PlaceholderRows { get; } = new();
    /// <summary>Years printed in the table's fields (for stale-year checks).</summary>
    public List<YearMention> YearMentions { get; } = new();
    /// <summary>HB: 资金支出计划 cumulative shares (3月, 6月, 10月, 12月).</summary>
    public List<Figure> SpendingPlan { get; } = new();
    /// <summary>
    /// The money unit as the table states it (表头 "（元）", "单位：万元", "4758万元"), or null when not stated.
    /// Figures carry this unit as printed; whether the magnitude fits the label is left to the rules.
    /// </summary>
    public string? StatedUnit { get; set; }
    /// <summary>The unit of the table's own unit line (“单位：元”), when one is printed; <see cref="StatedUnit"/> may come from a label.</summary>
    public string? UnitLine { get; set; }
    /// <summary>The title of the table as printed (e.g. 项目支出绩效目标表).</summary>
    public string? Title { get; set; }
    public int TableIndex { get; init; }
    public Provenance Source { get; init; } = Provenance.Unknown;
    public override string ToString() => $"{(IsOverall ? "整体" : "项目")} {ProjectName} {Amount} {Indicators.Count}指标";
}

/// <summary>A row of the 资金情况 block of a self-evaluation table.</summary>
public sealed class SelfEvaluationFunds
{
    public string Label { get; init; } = "";
    public Figure? InitialBudget { get; init; }
    public Figure? AdjustedBudget { get; init; }
    public Figure? Executed { get; init; }
    /// <summary>执行率 (%).</summary>
    public Figure? ExecutionRate { get; init; }
    /// <summary>执行率权重.</summary>
    public Figure? Weight { get; init; }
    /// <summary>执行率得分.</summary>
    public Figure? Score { get; init; }
    public Provenance Source { get; init; } = Provenance.Unknown;
}

/// <summary>A 绩效自评表 (部门整体 or 二级项目), amounts usually in 元.</summary>
public sealed class SelfEvaluation
{
    public bool IsOverall { get; init; }
    public string ProjectName { get; set; } = "";
    public string? ProjectCode { get; set; }
    /// <summary>主管部门 as printed in the table's header fields (null when the table has none), with its cell.</summary>
    public string? Department { get; set; }
    public Provenance? DepartmentSource { get; set; }
    /// <summary>Other header fields naming a unit (申报单位, 项目执行单位 …), in the order printed.</summary>
    public List<UnitNameField> UnitFields { get; } = new();
    /// <summary>自评总分.</summary>
    public Figure? TotalScore { get; set; }
    public ValueUnit Unit { get; init; } = ValueUnit.Yuan;
    public List<SelfEvaluationFunds> Funds { get; } = new();
    public List<Indicator> Indicators { get; } = new();
    /// <summary>The title of the table as printed (e.g. 二级项目绩效自评表).</summary>
    public string? Title { get; set; }
    public int TableIndex { get; init; }
    public Provenance Source { get; init; } = Provenance.Unknown;

    /// <summary>The 年度总金额 line (or the first funds line).</summary>
    public SelfEvaluationFunds? TotalFunds => Funds.FirstOrDefault(f => f.Label.Contains("总金额")) ?? Funds.FirstOrDefault();
    /// <summary>The line carrying 执行率 / 权重 / 得分 (其中：财政拨款 in CQ).</summary>
    public SelfEvaluationFunds? ScoredFunds => Funds.FirstOrDefault(f => f.Score is not null) ?? Funds.FirstOrDefault(f => f.ExecutionRate is not null);
    public override string ToString() => $"自评 {ProjectName} 总分={TotalScore} {Indicators.Count}指标";
}
