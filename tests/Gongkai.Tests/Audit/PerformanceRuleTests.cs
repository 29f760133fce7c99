using Gongkai.Audit.Rules.Performance;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class PerformanceRuleTests
{
    /// <summary>A 整体 table after CQ24F (执行率 96.49%, weights sum 100): 9.65 + 86.92 × 0.9 = 87.878.</summary>
    private static DocBuilder Overall(decimal rate = 96.49m, decimal execScore = 9.65m, decimal total = 87.878m,
        decimal dev = 1.54m, decimal coef = 84.6m, decimal score = 16.92m, decimal lastWeight = 44m) =>
        DocBuilder.Final().Profile(RegionProfile.Chongqing).SelfEvaluation(true, s => s
            .Funds(40684306.05m, 40684306.05m, 39256606.05m, rate, 10m, execScore)
            .Total(total)
            .Indicator("参保人数", "≥", 65m, 64m, dev, coef, 20m, score)
            .Indicator("救助覆盖率", "≥", 95m, 96m, 1.05m, 100m, 20m, 20m)
            .Indicator("救助总额", "≤", 4500m, 2661m, 40.87m, 100m, 6m, 6m)
            .Indicator("举报奖励金", "≥", 1m, 0.04m, 96.00m, 0m, 10m, 0m)
            .Indicator("其他", "≥", 10m, 21m, 110.00m, 100m, lastWeight, lastWeight));

    [Fact]
    public void All_performance_rules_stay_silent_on_consistent_table()
    {
        var b = Overall();
        Silent<ExecutionRate>(b);
        Silent<ExecutionScore>(b);
        Silent<IndicatorDeviation>(b);
        Silent<IndicatorCoefficient>(b);
        Silent<IndicatorScore>(b);
        Silent<TotalScore>(b);
        Silent<IndicatorWeights>(b);
    }

    [Fact]
    public void GK601_fires_and_hints_at_initial_budget_base()
    {
        var b = DocBuilder.Final().SelfEvaluation(false, s => s.Funds(100000m, 120000m, 100000m, 100m));
        var f = Single<ExecutionRate>(b, expected: 83.33m, found: 100m);
        Assert.Contains("年初预算", f.Suggestion);
        Assert.Equal(b.Doc.SelfEvaluations[0].Funds[0].ExecutionRate!.Source, f.Locations[0]);
    }

    [Fact]
    public void GK602_fires_on_wrong_execution_score() =>
        Single<ExecutionScore>(Overall(execScore: 9.50m, total: 87.728m), expected: 9.65m, found: 9.50m);

    [Fact]
    public void GK603_fires_on_wrong_deviation()
    {
        var b = Overall(dev: 1.64m);
        var f = Single<IndicatorDeviation>(b, expected: 1.54m, found: 1.64m);
        Assert.Equal(b.Doc.SelfEvaluations[0].Indicators[0].Figures["Deviation"].Source, f.Locations[0]);
    }

    [Fact]
    public void GK603_reports_zero_target()
    {
        var b = DocBuilder.Final().SelfEvaluation(false, s => s.Indicator("零目标", "≥", 0m, 3m, 100m, 100m, 10m, 10m));
        Assert.Contains("指标值为 0", Single<IndicatorDeviation>(b).Message);
    }

    [Fact]
    public void GK604_fires_when_unfavourable_result_gets_full_coefficient() =>
        Single<IndicatorCoefficient>(Overall(coef: 100m, score: 20m, total: 90.65m), expected: 84.6m, found: 100m);

    [Fact]
    public void GK605_fires_on_wrong_indicator_score() =>
        Single<IndicatorScore>(Overall(score: 18m, total: 88.85m), expected: 16.92m, found: 18m);

    [Fact]
    public void GK606_fires_on_wrong_total()
    {
        var b = Overall(total: 96.00m);
        var f = Single<TotalScore>(b, expected: 87.88m, found: 96.00m);
        Assert.Equal(b.Doc.SelfEvaluations[0].TotalScore!.Source, f.Locations[0]);
    }

    [Fact]
    public void GK607_fires_on_weights_missing_a_row_and_only_for_Chongqing()
    {
        var b = Overall(lastWeight: 20m);
        Single<IndicatorWeights>(b, expected: 100m, found: 76m);
        var project = DocBuilder.Final().Profile(RegionProfile.Chongqing).Target(false, 20m, 20m, 30m, 10m);
        Single<IndicatorWeights>(project, expected: 90m, found: 80m);
        Silent<IndicatorWeights>(DocBuilder.Final().Profile(RegionProfile.Chongqing).Target(false, 20m, 20m, 40m, 10m));
        var report = Gongkai.Audit.Auditor.Audit(DocBuilder.Final().Profile(RegionProfile.Shanghai).Target(false, 20m).Doc);
        Assert.DoesNotContain("GK607", report.RulesRun);
    }
}
