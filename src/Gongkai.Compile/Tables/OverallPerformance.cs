using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// 部门（单位）整体绩效目标表 (预算) and 部门整体绩效自评表 (决算). The money of both is derived from the expenditure
/// lines, never entered a second time: the target's 资金总额 is the 本年支出合计 and its split the 基本/项目 totals
/// (人员类/运转类/特定目标类 in Hubei) — domain rule P31; the self-evaluation's 全年执行数 is the 本年支出合计 (GK618) and
/// its 执行率, 偏离度, 得分系数, 指标得分 and 自评总分 follow the scoring rule of the self-evaluation tables (GK601–GK606).
/// </summary>
public static class OverallPerformance
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The weight of 预算执行率 in a self-evaluation (the indicators share the other 90 points).</summary>
    public const decimal ExecutionWeight = 10m;

    /// <summary>Label and title of the 整体 table per profile (Xi'an: 表15; elsewhere the first 附表).</summary>
    public static (string Label, string Title) Caption(DisclosureData d)
    {
        if (d.IsFinal) return ("附表1", $"{d.Year}年度部门整体绩效自评表");
        return d.Profile switch
        {
            "shaanxi" => ("表15", $"{d.Year}年部门整体支出绩效目标表"),
            "chongqing" => ("附表1", $"{d.Year}年部门（单位）整体支出绩效目标申报表"),
            "hubei" => ("附表1", $"{d.Year}年部门（单位）整体绩效目标申报表"),
            _ => ("附表1", $"{d.Year}年部门整体绩效目标表"),
        };
    }

    /// <summary>The 整体 table of the package, or null when the data has none.</summary>
    public static RenderTable? Build(Facts f)
    {
        var p = f.Data.Performance;
        if (f.Final) return p?.OverallSelfEvaluation is { } se ? SelfEvaluation(f, se) : null;
        return p?.OverallTarget is { } t ? Target(f, t) : null;
    }

    // ───────────────────────────── 预算: 整体绩效目标 ─────────────────────────────

    /// <summary>The money lines of the target: (label, amount) — 基本/项目 (plus 其他 when there is such spending).</summary>
    public static List<(string Label, decimal Amount)> SpendingSplit(Facts f)
    {
        var other = f.SpendTotal - f.Basic - f.Project;
        var list = new List<(string, decimal)> { ("基本支出", f.Basic), ("项目支出", f.Project) };
        if (other != 0) list.Add(("其他支出", other));
        return list;
    }

    /// <summary>Hubei: 人员类 = 人员经费 (301 + 303), 运转类 = the rest of 基本支出, 特定目标类 = 项目支出.</summary>
    public static List<(string Label, decimal Amount)> CategorySplit(Facts f)
    {
        var other = f.SpendTotal - f.Basic - f.Project;
        var list = new List<(string, decimal)> { ("人员类项目支出", f.Personnel), ("运转类项目支出", f.Basic - f.Personnel), ("特定目标类项目支出", f.Project) };
        if (other != 0) list.Add(("其他支出", other));
        return list;
    }

    /// <summary>Hubei 收入构成: the sources the year's spending is paid from (财政拨款, 财政专户管理资金, 单位资金).</summary>
    public static List<(string Label, decimal Amount)> SourceSplit(Facts f)
    {
        var fiscal = f.FiscalSpend;
        var special = f.Spend[FundSource.SpecialAccount];
        return [("财政拨款", fiscal), ("财政专户管理资金", special), ("单位资金", f.SpendTotal - fiscal - special)];
    }

    private const int TargetWidth = 8;

    private static string[] Row(params string[] cells) => [.. cells, .. Enumerable.Repeat("", TargetWidth - cells.Length)];

    private static RenderTable Target(Facts f, OverallTargetData o)
    {
        var d = f.Data;
        var (label, title) = Caption(d);
        var t = new RenderTable { Kind = TableKind.PerformanceOverall, Label = label, Title = title, NoModel = true };
        var head = Row("部门（单位）名称", d.Unit.Name);
        for (int c = 0; c < TargetWidth; c++) t.Columns.Add(new([head[c]], ColumnRole.Label));
        var (dept, office, contact, phone) = PerformanceTables.Header(d, o.Department, o.FinanceOffice, o.Contact, o.Phone);
        bool hubei = d.Profile == "hubei";
        if (hubei) t.Rows.Add(PerformanceTables.Spanned(TargetWidth, ("填报人", 1), (contact, 3), ("联系电话", 1), (phone, 3)));
        else
        {
            t.Rows.Add(PerformanceTables.Spanned(TargetWidth, ("主管部门", 1), (dept, 3), ("财政归口处室", 1), (office, 3)));
            t.Rows.Add(PerformanceTables.Spanned(TargetWidth, ("联系人", 1), (contact, 3), ("联系电话", 1), (phone, 3)));
        }
        if (hubei)
        {
            // 总体资金情况: 收入构成 and 支出构成 with 当年金额 and 占比
            t.Rows.Add(new RenderRow(Row("部门总体资金情况", "总体资金情况", "", "当年金额（万元）", "占比")));
            void Block(string group, List<(string Label, decimal Amount)> lines)
            {
                var shares = Money.Shares(lines.Select(x => x.Amount).ToList());
                for (int i = 0; i < lines.Count; i++)
                    t.Rows.Add(new RenderRow(Row("", i == 0 ? group : "", lines[i].Label, Money.Cell(lines[i].Amount), Share(shares[i], f.SpendTotal))));
                t.Rows.Add(new RenderRow(Row("", "", "合计", Money.Cell(f.SpendTotal), f.SpendTotal == 0 ? "" : "100.00%")));
            }
            Block("收入构成", SourceSplit(f));
            Block("支出构成", CategorySplit(f));
        }
        else
        {
            var split = SpendingSplit(f);
            t.Rows.Add(new RenderRow(Row(["总体资金情况（万元）", "预算支出总额", .. split.Select(x => x.Label)])));
            t.Rows.Add(new RenderRow(Row(["", Money.Cell(f.SpendTotal), .. split.Select(x => Money.Cell(x.Amount))])));
        }
        t.Rows.Add(PerformanceTables.Line(TargetWidth, "部门职能概述", PerformanceTables.Text(o.Functions)));
        t.Rows.Add(PerformanceTables.Line(TargetWidth, "年度工作任务", PerformanceTables.Text(o.Tasks)));
        if (hubei && d.Projects.Count > 0)
        {
            // 项目支出情况: the year's projects with category, 总预算, 本年度预算 and use — from the project data, not entered twice
            t.Rows.Add(PerformanceTables.Spanned(TargetWidth, ("项目支出情况", 1), ("项目名称", 2), ("支出项目类别", 1), ("项目总预算", 1), ("项目本年度预算", 1), ("项目主要支出方向和用途", 2)));
            foreach (var p in d.Projects)
            {
                var r = PerformanceTables.Spanned(TargetWidth, ("", 1), (p.Name, 2), (PerformanceTables.Text(p.Type), 1),
                    (Money.Text(p.TotalBudget ?? p.Amount), 1), (Money.Text(p.Amount), 1), (PerformanceTables.Text(p.Use), 2));
                t.Rows.Add(new RenderRow(r.Cells) { Spans = r.Spans, Numeric = [false, false, false, false, true, true, false, false] });
            }
        }
        t.Rows.Add(PerformanceTables.Line(TargetWidth, hubei ? "长期目标" : "总体目标", PerformanceTables.Text(o.LongTermGoal)));
        t.Rows.Add(PerformanceTables.Line(TargetWidth, "年度绩效目标", PerformanceTables.Text(o.AnnualGoal)));
        var longTerm = o.Indicators.Where(x => x.LongTerm == true).ToList();
        if (longTerm.Count > 0)
        {
            t.Rows.Add(new RenderRow(["长期绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标值确定依据"]));
            foreach (var x in longTerm)
                t.Rows.Add(new RenderRow(["", x.Level1, x.Level2, x.Name, x.Operator, x.Target, x.Unit, PerformanceTables.Text(x.Basis)]));
        }
        var annual = o.Indicators.Where(x => x.LongTerm != true).ToList();
        if (annual.Count > 0)
        {
            bool history = annual.Any(x => !string.IsNullOrWhiteSpace(x.Prior2) || !string.IsNullOrWhiteSpace(x.Prior1) || !string.IsNullOrWhiteSpace(x.Basis));
            if (history) // Hubei: 近两年指标值 (前年, 上年), 预期当年实现值 and 指标值确定依据
            {
                t.Rows.Add(new RenderRow(["年度绩效指标", "一级指标", "二级指标", "三级指标", "前年指标值", "上年指标值", "指标值", "指标值确定依据"]));
                foreach (var x in annual)
                    t.Rows.Add(new RenderRow(["", x.Level1, x.Level2, x.Name, PerformanceTables.Text(x.Prior2), PerformanceTables.Text(x.Prior1), PerformanceTables.Combined(x), PerformanceTables.Text(x.Basis)]));
            }
            else
            {
                t.Rows.Add(new RenderRow(["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"]));
                foreach (var x in annual)
                    t.Rows.Add(PerformanceTables.Numbers(TargetWidth, ["", x.Level1, x.Level2, x.Name, x.Operator, x.Target, x.Unit, Num(x.Weight)], 7));
            }
        }
        return t;
    }

    private static string Share(decimal share, decimal whole) => whole == 0 ? "" : Money.Pct(share) + "%";

    private static string Num(decimal? v) => v?.ToString(Inv) ?? "";

    // ───────────────────────────── 决算: 整体绩效自评 ─────────────────────────────

    /// <summary>One scored indicator: 偏离度 and 得分系数 when 指标值 and 完成值 are numbers (指标值 ≠ 0), and the 指标得分.</summary>
    public sealed record ScoredIndicator(IndicatorData Source, decimal Weight, decimal? Deviation, decimal? Coefficient, decimal Score);

    /// <summary>The computed figures of an overall self-evaluation (万元 amounts; rate and scores as printed).</summary>
    public sealed record SelfEvaluationScores(decimal Executed, decimal? Rate, decimal RateScore, List<ScoredIndicator> Indicators, decimal Total)
    {
        /// <summary>全年（调整）预算数 in 万元 (from the 元 row that carries the 执行率 when the data gives rows).</summary>
        public decimal Adjusted { get; init; }
    }

    public static SelfEvaluationScores Score(Facts f, OverallSelfEvaluationData se)
    {
        var executed = f.SpendTotal;
        var rows = FundRows(f, se);
        var scoredRow = rows[PerformanceTables.ScoredRow(rows)];
        decimal? rate = PerformanceTables.Rate(scoredRow);
        var rateScore = rate is decimal r ? Rounding.HalfUp(r * ExecutionWeight / 100m, 2) : 0m;
        var scored = se.Indicators.Select(ScoreIndicator).ToList();
        var wsum = scored.Sum(s => s.Weight);
        var total = wsum == 0 ? rateScore : Rounding.HalfUp(rateScore + scored.Sum(s => s.Score) * (100m - ExecutionWeight) / wsum, 3);
        return new SelfEvaluationScores(executed, rate, rateScore, scored, total) { Adjusted = se.Funds is { Count: > 0 } ? Rounding.HalfUp(scoredRow.Adjusted / 10000m, 2) : se.AdjustedBudget };
    }

    /// <summary>
    /// One indicator by the scoring rule: 偏离度 and 得分系数 when 指标值 and 完成值 are numbers (指标值 ≠ 0), 指标得分 =
    /// 权重 × 系数 ÷ 100; a qualitative indicator keeps the score as entered (full marks by default).
    /// </summary>
    public static ScoredIndicator ScoreIndicator(IndicatorData x)
    {
        var w = x.Weight ?? 0m;
        if (TryNumber(x.Target, out var target) && TryNumber(x.Actual, out var actual) && target != 0)
        {
            var dev = Rounding.HalfUp(Math.Abs(actual - target) / target * 100m, 2);
            var coef = Favourable(x.Operator, target, actual) ? 100m : Math.Max(0m, 100m - 10m * dev);
            return new ScoredIndicator(x, w, dev, coef, Rounding.HalfUp(w * coef / 100m, 2));
        }
        return new ScoredIndicator(x, w, null, null, x.Score ?? w);
    }

    /// <summary>
    /// The 资金情况 rows (元) of the 整体 self-evaluation: as entered, or one 年度总金额 row and one 其中：财政拨款 row from the
    /// 万元 budgets and the 本年支出合计.
    /// </summary>
    public static List<SelfEvaluationFundRow> FundRows(Facts f, OverallSelfEvaluationData se) =>
        se.Funds is { Count: > 0 } rows ? rows :
        [
            new() { Label = "年度总金额", Initial = se.InitialBudget * 10000m, Adjusted = se.AdjustedBudget * 10000m, Executed = f.SpendTotal * 10000m },
            new() { Label = "其中：财政拨款", Initial = se.InitialBudget * 10000m, Adjusted = se.AdjustedBudget * 10000m, Executed = f.SpendTotal * 10000m },
        ];

    /// <summary>Favourable side of the operator (≥ with 完成 ≥ 指标 …); = and a missing operator need equality.</summary>
    private static bool Favourable(string op, decimal target, decimal actual) => op.Trim() switch
    {
        "≥" or ">=" or ">" => actual >= target,
        "≤" or "<=" or "<" => actual <= target,
        _ => actual == target,
    };

    internal static bool TryNumber(string? text, out decimal v)
    {
        v = 0;
        var s = (text ?? "").Trim().TrimEnd('%').Replace(",", "");
        return s.Length > 0 && decimal.TryParse(s, NumberStyles.Number, Inv, out v);
    }

    private const int SelfWidth = 11;

    private static string[] SRow(params string[] cells) => [.. cells, .. Enumerable.Repeat("", SelfWidth - cells.Length)];

    /// <summary>项目名称 of the 整体 self-evaluation: as entered, or the unit's name + 整体.</summary>
    public static string Name(DisclosureData d, OverallSelfEvaluationData se) => string.IsNullOrWhiteSpace(se.Name) ? d.Unit.Name + "整体" : se.Name.Trim();

    private static RenderTable SelfEvaluation(Facts f, OverallSelfEvaluationData se)
    {
        var d = f.Data;
        var (label, title) = Caption(d);
        var s = Score(f, se);
        var t = new RenderTable { Kind = TableKind.SelfEvaluationOverall, Label = label, Title = title, UnitLine = "单位：元", NoModel = true };
        var head = SRow("项目名称：", Name(d, se), "项目编码：", se.Code ?? "", "自评总分：", s.Total.ToString("0.00#", Inv));
        for (int c = 0; c < SelfWidth; c++) t.Columns.Add(new([head[c]], ColumnRole.Label));
        var (dept, office, contact, phone) = PerformanceTables.Header(d, se.Department, se.FinanceOffice, se.Contact, se.Phone);
        t.Rows.Add(PerformanceTables.Line(SelfWidth, "项目主管部门：", dept, "财政归口处室：", office, "部门联系人：", contact, "联系电话：", phone));
        PerformanceTables.FundsBlock(t, SelfWidth, FundRows(f, se), rate => rate is decimal r ? Rounding.HalfUp(r * ExecutionWeight / 100m, 2) : 0m, ExecutionWeight);
        PerformanceTables.GoalsBlock(t, se.InitialGoal, se.AdjustedGoal, se.Achieved);
        PerformanceTables.IndicatorBlock(t, s.Indicators);
        return t;
    }

    // ───────────────────────────── model and checks ─────────────────────────────

    /// <summary>The 整体 target / self-evaluation as the audit model holds it, so that GK315 / GK618 and the scoring rules run on the compiled model.</summary>
    public static void FillModel(Disclosure m, Facts f)
    {
        var p = f.Data.Performance;
        var fig = (decimal v) => TableBuilder.Fig(v);
        if (!f.Final && p?.OverallTarget is { } o)
        {
            var t = new PerformanceTarget { IsOverall = true, ProjectName = f.Data.Unit.Name, Amount = fig(f.SpendTotal), StatedUnit = "万元", Title = Caption(f.Data).Title };
            foreach (var (label, amount) in SpendingSplit(f)) t.Funds.Add(new FundLine(label, new() { ["金额"] = fig(amount) }));
            foreach (var x in o.Indicators)
                t.Indicators.Add(new Indicator
                {
                    Level1 = x.Level1, Level2 = x.Level2, Name = x.Name, Operator = x.Operator, TargetText = x.Target,
                    Target = TryNumber(x.Target, out var v) ? v : null, Unit = x.Unit, Weight = x.Weight,
                });
            m.PerformanceTargets.Add(t);
        }
        if (f.Final && p?.OverallSelfEvaluation is { } se)
        {
            var s = Score(f, se);
            Figure YuanFig(decimal v) => new(v, 2, ValueUnit.Yuan, FigureKind.Number, Provenance.Unknown);
            Figure Other(decimal v, ValueUnit u = ValueUnit.Other) => new(v, 2, u, FigureKind.Number, Provenance.Unknown);
            var e = new SelfEvaluation
            {
                IsOverall = true, ProjectName = Name(f.Data, se), ProjectCode = se.Code, TotalScore = new Figure(s.Total, 3, ValueUnit.Other, FigureKind.Number, Provenance.Unknown),
                Title = Caption(f.Data).Title,
            };
            var rows = FundRows(f, se);
            int scoredRow = PerformanceTables.ScoredRow(rows);
            for (int k = 0; k < rows.Count; k++)
            {
                var row = rows[k];
                bool rated = rows.Count == 1 || k > 0 || !row.Label.Contains("总金额", StringComparison.Ordinal);
                var rate = rated ? PerformanceTables.Rate(row) : null;
                e.Funds.Add(new SelfEvaluationFunds
                {
                    Label = row.Label, InitialBudget = YuanFig(row.Initial), AdjustedBudget = YuanFig(row.Adjusted), Executed = YuanFig(row.Executed),
                    ExecutionRate = rate is decimal r ? Other(r, ValueUnit.Percent) : null,
                    Weight = k == scoredRow ? Other(ExecutionWeight) : null, Score = k == scoredRow ? Other(s.RateScore) : null,
                });
            }
            foreach (var x in s.Indicators)
                e.Indicators.Add(new Indicator
                {
                    Name = x.Source.Name, Unit = x.Source.Unit, Operator = x.Source.Operator, TargetText = x.Source.Target,
                    Target = TryNumber(x.Source.Target, out var tv) ? tv : null, ActualText = x.Source.Actual,
                    Actual = TryNumber(x.Source.Actual, out var av) ? av : null, Deviation = x.Deviation, Coefficient = x.Coefficient,
                    Weight = x.Source.Weight, Score = x.Score, IsCore = x.Source.Core ?? false, Note = x.Source.Remark,
                });
            m.SelfEvaluations.Add(e);
        }
    }

    /// <summary>Input checks: 整体 weights add up to 100 when given; a self-evaluation needs its 全年（调整）预算数.</summary>
    public static void Validate(DisclosureData d, List<DataIssue> issues)
    {
        void Check(string field, List<IndicatorData> list)
        {
            var weighted = list.Where(i => i.Weight is not null).ToList();
            if (weighted.Count > 0 && (weighted.Count < list.Count || weighted.Sum(i => i.Weight!.Value) != 100m))
                issues.Add(new(IssueSeverity.Error, field, $"部门整体绩效指标的权重应逐项填写且合计为 100，实为 {weighted.Sum(i => i.Weight!.Value).ToString(Inv)}（{weighted.Count}/{list.Count} 项填写）。"));
            foreach (var i in list.Where(i => string.IsNullOrWhiteSpace(i.Name)))
                issues.Add(new(IssueSeverity.Error, field, "部门整体绩效指标缺少三级指标名称。"));
        }
        if (d.Performance?.OverallTarget is { } o) Check("performance.overallTarget.indicators", o.Indicators);
        if (d.Performance?.OverallSelfEvaluation is { } se)
        {
            Check("performance.overallSelfEvaluation.indicators", se.Indicators);
            foreach (var v in new[] { se.InitialBudget, se.AdjustedBudget })
                if (v < 0 || !Money.HasAtMostTwoDecimals(v))
                    issues.Add(new(IssueSeverity.Error, "performance.overallSelfEvaluation", $"预算数以万元为单位，不能为负、最多两位小数：{v.ToString(Inv)}。"));
            if (se.AdjustedBudget == 0)
                issues.Add(new(IssueSeverity.Warning, "performance.overallSelfEvaluation.adjustedBudget", "未填写全年（调整）预算数，部门整体自评表不计算执行率。"));
        }
        void Yuan(string field, List<SelfEvaluationFundRow>? rows)
        {
            foreach (var r in rows ?? [])
                foreach (var v in new[] { r.Initial, r.Adjusted, r.Executed })
                    if (v < 0 || !Money.HasAtMostTwoDecimals(v))
                        issues.Add(new(IssueSeverity.Error, field, $"自评表资金情况以元为单位，不能为负、最多两位小数（到分）：{r.Label} {v.ToString(Inv)}。"));
        }
        if (d.Performance?.OverallSelfEvaluation?.Funds is { Count: > 0 } rows)
        {
            Yuan("performance.overallSelfEvaluation.funds", rows);
            // the 全年执行数 of the 整体 is the 本年支出合计 (GK618): the 元 figure must round to the 万元 total of the expenditure
            // the 本年支出合计 as printed: a total the data gives (within 尾差 of its parts) is the printed one
            var printed = new Facts(d, []);
            var spend = printed.Basic + printed.Project;
            // the 万元 total is a sum of rounded lines: it may differ from the rounded 元 figure by the 尾差 of that sum
            if (Math.Abs(Rounding.HalfUp(rows[0].Executed / 10000m, 2) - spend) > Rounding.SumEnvelope(Math.Max(1, d.Expenditure.Count)))
                issues.Add(new(IssueSeverity.Error, "performance.overallSelfEvaluation.funds",
                    $"部门整体自评表的全年执行数 {Money.Cell(rows[0].Executed)} 元折合 {Money.Text(Rounding.HalfUp(rows[0].Executed / 10000m, 2))} 万元，与本年支出合计 {Money.Text(spend)} 万元不一致。"));
        }
        foreach (var p in d.Projects)
        {
            Yuan($"projects[{p.Name}].selfEvaluation.funds", p.SelfEvaluation?.Funds);
            if (p.Funds is { Count: > 0 } funds && funds.Sum(x => x.Amount) != p.Amount)
                issues.Add(new(IssueSeverity.Error, $"projects[{p.Name}].funds",
                    $"项目“{p.Name}”的资金来源合计 {Money.Text(funds.Sum(x => x.Amount))} 万元与当年预算 {Money.Text(p.Amount)} 万元不一致。"));
            if (p.Details is { Count: > 0 } details && details.Sum(x => x.Local + x.Transfer + x.Other) is var dt && dt != p.Amount)
                issues.Add(new(IssueSeverity.Warning, $"projects[{p.Name}].details",
                    $"项目“{p.Name}”的支出明细合计 {Money.Text(dt)} 万元与当年预算 {Money.Text(p.Amount)} 万元不一致。"));
            foreach (var x in p.Indicators.Where(x => x.Score is decimal && OverallPerformance.TryNumber(x.Target, out _) && OverallPerformance.TryNumber(x.Actual, out _)))
                if (ScoreIndicator(new IndicatorData { Target = x.Target, Actual = x.Actual, Operator = x.Operator, Weight = x.Weight }).Score != x.Score)
                    issues.Add(new(IssueSeverity.Warning, $"projects[{p.Name}].indicators",
                        $"项目“{p.Name}”的指标“{x.Name}”得分 {Num(x.Score)} 与按偏离度计算的得分 {Money.Text(ScoreIndicator(new IndicatorData { Target = x.Target, Actual = x.Actual, Operator = x.Operator, Weight = x.Weight }).Score)} 不同。"));
        }
        if (d.PurchasedServices is { } ps)
            foreach (var i in ps)
                if (i.Amount < 0 || !Money.HasAtMostTwoDecimals(i.Amount))
                    issues.Add(new(IssueSeverity.Error, $"purchasedServices[{i.Project}]", $"购买金额以万元为单位，不能为负、最多两位小数：{i.Amount.ToString(Inv)}。"));
    }
}
