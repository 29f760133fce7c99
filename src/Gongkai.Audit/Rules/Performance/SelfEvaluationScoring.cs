using Gongkai.Model;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>Helpers of the 绩效自评 scoring rules (§6.2).</summary>
public static class Scoring
{
    public static string Name(SelfEvaluation s) => $"绩效自评表「{(s.IsOverall ? "部门整体" : s.ProjectName)}」";

    /// <summary>Whether the result is on the favourable side of the operator (≥ with 完成 ≥ 指标 …).</summary>
    public static bool Favourable(string op, decimal target, decimal actual) => op switch
    {
        "≥" or ">=" or ">" => actual >= target,
        "≤" or "<=" or "<" => actual <= target,
        "=" => actual == target,
        _ => actual == target,
    };

    /// <summary>偏离度 = |完成 − 指标| ÷ 指标 × 100, 2 decimals.</summary>
    public static decimal Deviation(decimal target, decimal actual) => Rounding.HalfUp(Math.Abs(actual - target) / target * 100m, 2);

    /// <summary>得分系数: 100 when favourable, else max(0, 100 − 10 × 偏离度).</summary>
    public static decimal Coefficient(string op, decimal target, decimal actual) =>
        Favourable(op, target, actual) ? 100m : Math.Max(0m, 100m - 10m * Deviation(target, actual));

    public static Provenance Loc(Indicator i, string field) => i.Figures.TryGetValue(field, out var f) ? f.Source : i.Source;
}

/// <summary>GK601 执行率 = 全年执行数 ÷ 全年（调整）预算数 × 100.</summary>
public sealed class ExecutionRate : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK601", "预算执行率计算正确", Severity.Error, Applicability.FinalAccount, RuleCategory.Performance,
        "执行率 = 全年执行数 ÷ 全年（调整）预算数 × 100",
        "自评表的执行率以全年（调整）预算数为分母，而不是年初预算数。",
        "39256606.05 ÷ 40684306.05 × 100 = 96.49%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        foreach (var line in s.Funds)
        {
            if (line.ExecutionRate is not { } rate || line.Executed is not { } exec || line.AdjustedBudget is not { } adj) continue;
            if (adj.Value == 0m)
            {
                if (exec.Value != 0m || rate.Value != 0m)
                    yield return Report($"{Scoring.Name(s)}「{line.Label}」：全年预算数为 0，执行率无法计算，实为 {Tolerance.Format(rate.Value)}%",
                        new[] { rate.Source, adj.Source }, null, rate.Value);
                continue;
            }
            var c = Tolerance.Percent(rate.Value, exec.Value, adj.Value, Tolerance.ScaleOf(new[] { exec, adj }), rate.Scale);
            string? hint = null;
            if (line.InitialBudget is { Value: > 0m } init &&
                Tolerance.Percent(rate.Value, exec.Value, init.Value, Tolerance.ScaleOf(new[] { exec, init }), rate.Scale).Verdict != Verdict.Mismatch)
                hint = "该执行率似以年初预算数为分母，应改用全年（调整）预算数。";
            var f = Judge(ctx, c, $"{Scoring.Name(s)}「{line.Label}」", "执行率（全年执行数 ÷ 全年预算数）",
                new[] { rate.Source, exec.Source, adj.Source }, suggestion: hint, unit: "%");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK602 执行率得分 = round(执行率 × 权重 ÷ 100, 2).</summary>
public sealed class ExecutionScore : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK602", "执行率得分计算正确", Severity.Error, Applicability.FinalAccount, RuleCategory.Performance,
        "执行率得分 = round(执行率 × 执行率权重 ÷ 100, 2)",
        "执行率得分按执行率乘以权重折算，保留两位小数。",
        "96.49 × 10 ÷ 100 = 9.65");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        foreach (var line in s.Funds)
        {
            if (line.ExecutionRate is not { } rate || line.Weight is not { } w || line.Score is not { } score) continue;
            var f = Judge(ctx, Tolerance.Derived(rate.Value * w.Value / 100m, score.Value, Math.Max(score.Scale, 2)),
                $"{Scoring.Name(s)}「{line.Label}」", $"执行率得分（{Tolerance.Format(rate.Value)} × {Tolerance.Format(w.Value)} ÷ 100）",
                new[] { score.Source, rate.Source, w.Source });
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK603 偏离度 = |完成值 − 指标值| ÷ 指标值 × 100.</summary>
public sealed class IndicatorDeviation : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK603", "偏离度计算正确", Severity.Error, Applicability.FinalAccount, RuleCategory.Performance,
        "偏离度 = |全年完成值 − 指标值| ÷ 指标值 × 100（两位小数，恒为非负）；指标值为 0 时无定义",
        "偏离度衡量完成值偏离目标的程度，无论超出还是不足都取绝对值。",
        "|64 − 65| ÷ 65 × 100 = 1.54");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        foreach (var i in s.Indicators)
        {
            if (i.Deviation is not decimal dev || i.Target is not decimal t || i.Actual is not decimal a) continue;
            if (t == 0m)
            {
                yield return Report($"{Scoring.Name(s)}指标「{i.Name}」：指标值为 0，偏离度无法计算，实为 {Tolerance.Format(dev)}",
                    new[] { Scoring.Loc(i, "Deviation") }, null, dev, "指标值为 0 时应改用完成情况描述，或调整指标设置。");
                continue;
            }
            var f = Judge(ctx, Tolerance.Percent(dev, Math.Abs(a - t), t), $"{Scoring.Name(s)}指标「{i.Name}」",
                $"偏离度（|{Tolerance.Format(a)} − {Tolerance.Format(t)}| ÷ {Tolerance.Format(t)} × 100）",
                new[] { Scoring.Loc(i, "Deviation"), Scoring.Loc(i, "Target"), Scoring.Loc(i, "Actual") });
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK604 得分系数 per §6.2: 100 when favourable, else max(0, 100 − 10 × 偏离度).</summary>
public sealed class IndicatorCoefficient : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK604", "得分系数计算正确", Severity.Error, Applicability.FinalAccount, RuleCategory.Performance,
        "得分系数 = 100（完成值在指标方向的有利一侧）；否则 max(0, 100 − 10 × 偏离度)",
        "达到或优于目标得满分系数；未达目标时每偏离一个百分点扣减 10% 的权重，最低为 0。",
        "≥65 完成 64：100 − 10 × 1.54 = 84.6");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        foreach (var i in s.Indicators)
        {
            if (i.Coefficient is not decimal coef || i.Target is not decimal t || i.Actual is not decimal a || t == 0m) continue;
            var f = Judge(ctx, Tolerance.Derived(Scoring.Coefficient(i.Operator, t, a), coef), $"{Scoring.Name(s)}指标「{i.Name}」",
                $"得分系数（{i.Operator}{Tolerance.Format(t)}，完成 {Tolerance.Format(a)}）", new[] { Scoring.Loc(i, "Coefficient") });
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK605 指标得分 = 指标权重 × 得分系数 ÷ 100.</summary>
public sealed class IndicatorScore : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK605", "指标得分计算正确", Severity.Error, Applicability.FinalAccount, RuleCategory.Performance,
        "指标得分 = 指标权重 × 得分系数 ÷ 100",
        "每个指标的得分等于其权重按得分系数折算。",
        "20 × 84.6 ÷ 100 = 16.92");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        foreach (var i in s.Indicators)
        {
            if (i.Score is not decimal score || i.Weight is not decimal w || i.Coefficient is not decimal coef) continue;
            var f = Judge(ctx, Tolerance.Derived(w * coef / 100m, score), $"{Scoring.Name(s)}指标「{i.Name}」",
                $"指标得分（{Tolerance.Format(w)} × {Tolerance.Format(coef)} ÷ 100）", new[] { Scoring.Loc(i, "Score") });
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK606 自评总分 = 执行率得分 + Σ指标得分 × (100 − 执行率权重) ÷ Σ指标权重.</summary>
public sealed class TotalScore : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK606", "自评总分计算正确", Severity.Error, Applicability.FinalAccount, RuleCategory.Performance,
        "自评总分 = 执行率得分 + Σ 指标得分 × (100 − 执行率权重) ÷ Σ 指标权重",
        "总分由执行率得分和折算后的指标得分构成；项目表指标权重合计 90 时折算系数为 1，整体表合计 100 时为 0.9。",
        "9.65 + 96.92 × 90 ÷ 100 = 96.878");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
        {
            if (s.TotalScore is not { } total || s.ScoredFunds is not { Score: { } es, Weight: { } ew }) continue;
            var scored = s.Indicators.Where(i => i.Score is not null && i.Weight is not null).ToList();
            var wsum = scored.Sum(i => i.Weight!.Value);
            if (scored.Count == 0 || wsum == 0m) continue;
            var exact = es.Value + scored.Sum(i => i.Score!.Value) * (100m - ew.Value) / wsum;
            var f = Judge(ctx, Tolerance.Derived(exact, total.Value, Math.Max(total.Scale, 2)), Scoring.Name(s),
                $"自评总分（{Tolerance.Format(es.Value)} + {Tolerance.Format(scored.Sum(i => i.Score!.Value))} × {Tolerance.Format(100m - ew.Value)} ÷ {Tolerance.Format(wsum)}）",
                new[] { total.Source, es.Source });
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK607 indicator weights: 项目 Σ = 90, 整体 Σ = 100 (self-evaluation and target tables).</summary>
public sealed class IndicatorWeights : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK607", "指标权重合计符合规定", Severity.Error, Applicability.Both, RuleCategory.Performance,
        "项目绩效表 Σ 指标权重 = 90（另 10 分为预算执行率）；部门整体表 Σ 指标权重 = 100",
        "权重合计不足时往往是跨页丢行；本规则只在表格列有权重时检查，仅适用于重庆口径。",
        "项目表 20 + 20 + 10 + 10 + 20 + 10 = 90")
    { Profiles = new[] { RegionProfile.Chongqing } };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
            if (Check(ctx, s.IsOverall, s.Indicators, Scoring.Name(s), s.Source) is { } f) yield return f;
        foreach (var p in ctx.Disclosure.PerformanceTargets)
            if (Check(ctx, p.IsOverall, p.Indicators, $"绩效目标表「{(p.IsOverall ? "部门整体" : p.ProjectName)}」", p.Source) is { } f) yield return f;
    }

    private Finding? Check(AuditContext ctx, bool overall, List<Indicator> indicators, string name, Provenance source)
    {
        var weights = indicators.Where(i => i.Weight is not null).ToList();
        if (weights.Count == 0) return null;
        var expected = overall ? 100m : 90m;
        return Judge(ctx, Tolerance.Equal(expected, weights.Sum(i => i.Weight!.Value)), name,
            $"{weights.Count} 个指标的权重合计", new[] { source }.Concat(weights.Select(i => (Provenance?)Scoring.Loc(i, "Weight"))),
            suggestion: "检查是否有指标行跨页丢失或权重录错。");
    }
}
