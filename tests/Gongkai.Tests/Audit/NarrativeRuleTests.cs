using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class NarrativeRuleTests
{
    private static DocBuilder Tables() => DocBuilder.Final()
        .Table(TableKind.FinalSummary, t => t
            .Income(SummaryLine.TotalIncomeThisYear, 2946.25m)
            .Income(SummaryLine.GrandTotalIncome, 2995.39m)
            .Expense(SummaryLine.TotalExpenditureThisYear, 2940.05m))
        .Table(TableKind.FinalExpenditure, t => t.Columns(Measure.Total, Measure.Basic, Measure.Project)
            .Total(2940.05m, 2336.91m, 603.14m))
        .Table(TableKind.FinalGeneralExpenditure, t => t.Columns(Measure.Total, Measure.Basic, Measure.Project)
            .Total(2940.05m, 2336.91m, 603.14m)
            .Row("208", "社会保障和就业支出", 326.71m, 326.71m, 0m))
        .Table(TableKind.FinalThreePublic, t => t.Columns(new ColumnKey(Measure.Reception, Basis.Final)).Plain("", 1.07m));

    [Fact]
    public void GK401_fires_when_narrative_amount_differs_from_table()
    {
        var b = Tables().Claim("本年支出合计", 2950.05m, sentence: "本年支出合计2950.05万元");
        var f = Single<ClaimAmountMatchesTable>(b, expected: 2940.05m, found: 2950.05m);
        Assert.Equal(b.LastClaim!.Source, f.Locations[0]);
        Assert.Contains(Line(b, TableKind.FinalSummary, SummaryLine.TotalExpenditureThisYear), f.Locations);
        Assert.Equal(TableKind.FinalSummary, f.Table);
    }

    [Fact]
    public void GK401_resolves_parts_classes_and_three_public()
    {
        var b = Tables()
            .Claim("本年支出合计", 2940.05m, ClaimKind.Breakdown, parts: new[] { ("基本支出", 2336.91m, (decimal?)null), ("项目支出", 613.14m, null) })
            .Claim("社会保障和就业支出（类）", 326.71m)
            .Claim("“公务接待费”", 1.07m)
            .Claim("不认识的主题", 1m);
        Single<ClaimAmountMatchesTable>(b, expected: 603.14m, found: 613.14m);
    }

    [Fact]
    public void GK401_stays_silent_when_amounts_agree_and_accepts_dropped_zeros()
    {
        var b = Tables().Claim("收入支出总计", 2995.39m).Claim("基本支出", 2336.91m).Claim("一般公共预算财政拨款支出", 2940.05m);
        Silent<ClaimAmountMatchesTable>(b);
    }

    [Fact]
    public void GK402_fires_when_change_percent_is_wrong()
    {
        // CQ24F: 3079.74 ÷ 7005.40 = 43.96%
        var b = DocBuilder.Final().Claim("收入支出总计", 3925.66m, ClaimKind.Change, ChangeDirection.Decrease, 3079.74m, 45.96m,
            ChangeDirection.Decrease, ComparisonBase.PriorYear, 2023);
        var f = Single<ChangePercent>(b, expected: 43.96m, found: 45.96m);
        Assert.Equal(b.LastClaim!.Source, f.Locations[0]);
    }

    [Fact]
    public void GK402_stays_silent_on_correct_percent_and_reports_zero_base()
    {
        Silent<ChangePercent>(DocBuilder.Final().Claim("收入支出总计", 3925.66m, ClaimKind.Change, ChangeDirection.Decrease, 3079.74m, 43.96m));
        Silent<ChangePercent>(DocBuilder.Final().Claim("支出", 2995.39m, ClaimKind.Change, ChangeDirection.Increase, 56.95m, 1.94m));
        var zero = DocBuilder.Final().Claim("项目支出", 50m, ClaimKind.Change, ChangeDirection.Increase, 50m, 100m);
        Assert.Contains("基数", Single<ChangePercent>(zero).Message);
        // "增加（减少）0万元，增长（减少）0%" on a zero base: no change to compute (the residue is GK701's)
        Silent<ChangePercent>(DocBuilder.Budget().Claim("政府性基金收入预算", 0m, ClaimKind.Change, ChangeDirection.Increase, 0m, 0m));
    }

    [Fact]
    public void GK403_fires_on_contradicting_words_and_on_wrong_sign()
    {
        var words = DocBuilder.Final().Claim("支出", 100m, ClaimKind.Change, ChangeDirection.Increase, 10m, 11.11m, ChangeDirection.Decrease);
        Single<ChangeDirectionConsistent>(words);
        var sign = DocBuilder.Final().Claim("支出", 2940.05m, ClaimKind.Change, ChangeDirection.Increase, 112.29m, baseAmount: 3052.34m);
        Single<ChangeDirectionConsistent>(sign, expected: 3052.34m, found: 2940.05m);
    }

    [Fact]
    public void GK403_stays_silent() =>
        Silent<ChangeDirectionConsistent>(DocBuilder.Final().Claim("支出", 2940.05m, ClaimKind.Change, ChangeDirection.Decrease, 112.29m,
            3.68m, ChangeDirection.Decrease, baseAmount: 3052.34m));

    [Fact]
    public void GK404_fires_on_flat_with_change_and_stays_silent_otherwise()
    {
        var f = Single<FlatWithChange>(DocBuilder.Final().Claim("公务接待费", 1.07m, ClaimKind.Change, ChangeDirection.Flat, 5m),
            expected: 0m, found: 5m);
        Assert.Contains("持平", f.Message);
        Silent<FlatWithChange>(DocBuilder.Final().Claim("公务接待费", 1.07m, ClaimKind.Change, ChangeDirection.Flat, 0m, 0m));
        Silent<FlatWithChange>(DocBuilder.Final().Claim("公务接待费", 1.07m, ClaimKind.Change, ChangeDirection.Flat, 0.02m,
            sentence: "公务接待费与上年基本持平"));
    }

    [Fact]
    public void GK405_fires_on_wrong_share_of_named_whole()
    {
        var b = Tables().Claim("基本支出", 2336.91m, ClaimKind.Share, share: 78.49m, sentence: "基本支出2336.91万元，占本年支出合计的78.49%");
        var f = Single<SharePercent>(b, expected: 79.49m, found: 78.49m);
        Assert.Contains(Line(b, TableKind.FinalSummary, SummaryLine.TotalExpenditureThisYear), f.Locations);
    }

    [Fact]
    public void GK405_checks_breakdown_part_shares_and_stays_silent_when_right()
    {
        var bad = DocBuilder.Final().Claim("本年支出合计", 2940.05m, ClaimKind.Breakdown,
            parts: new[] { ("基本支出", 2336.91m, (decimal?)79.49m), ("项目支出", 603.14m, 21.51m) });
        Single<SharePercent>(bad, expected: 20.51m, found: 21.51m);
        var ok = Tables().Claim("基本支出", 2336.91m, ClaimKind.Share, share: 79.49m, sentence: "基本支出2336.91万元，占本年支出合计的79.49%")
            .Claim("本年支出合计", 2940.05m, ClaimKind.Breakdown,
                parts: new[] { ("基本支出", 2336.91m, (decimal?)79.49m), ("项目支出", 603.14m, 20.51m) });
        Silent<SharePercent>(ok);
    }

    [Fact]
    public void GK406_fires_when_parts_do_not_add_up_and_when_one_part_exceeds()
    {
        var b = DocBuilder.Final().Claim("本年支出合计", 2940.05m, ClaimKind.Breakdown,
            parts: new[] { ("基本支出", 2336.91m, (decimal?)null), ("项目支出", 613.14m, null) });
        Single<BreakdownSum>(b, expected: 2950.05m, found: 2940.05m);
        var one = DocBuilder.Final().Claim("公务接待费", 1.07m, ClaimKind.Breakdown, parts: ("外事接待费", 2m, null));
        Single<BreakdownSum>(one, expected: 1.07m, found: 2m);
    }

    [Fact]
    public void GK406_stays_silent()
    {
        Silent<BreakdownSum>(DocBuilder.Final().Claim("本年支出合计", 2940.05m, ClaimKind.Breakdown,
            parts: new[] { ("基本支出", 2336.91m, (decimal?)null), ("项目支出", 603.14m, null) }));
        Silent<BreakdownSum>(DocBuilder.Final().Claim("公务接待费", 1.07m, ClaimKind.Breakdown, parts: ("外事接待费", 0.5m, null)));
    }

    [Fact]
    public void GK407_fires_on_two_different_changes_of_one_subject()
    {
        var b = DocBuilder.Final()
            .Claim("收入支出总计", 2995.39m, ClaimKind.Change, ChangeDirection.Increase, 56.95m, @base: ComparisonBase.PriorYear, comparedYear: 2023)
            .Claim("收入支出总计", 2995.39m, ClaimKind.Change, ChangeDirection.Increase, 59.65m, @base: ComparisonBase.PriorYear, comparedYear: 2023);
        var f = Single<ConflictingChanges>(b, expected: 56.95m, found: 59.65m);
        Assert.Equal(2, f.Locations.Count);
    }

    [Fact]
    public void GK407_stays_silent_for_different_bases()
    {
        var b = DocBuilder.Final()
            .Claim("支出", 100m, ClaimKind.Change, ChangeDirection.Increase, 5m, @base: ComparisonBase.PriorYear)
            .Claim("支出", 100m, ClaimKind.Change, ChangeDirection.Decrease, 8m, @base: ComparisonBase.InitialBudget)
            .Claim("支出", 100m, ClaimKind.Change, ChangeDirection.Increase, 5m, @base: ComparisonBase.PriorYear);
        Silent<ConflictingChanges>(b);
    }

    [Fact]
    public void GK408_fires_on_wrong_comparison_year()
    {
        var b = DocBuilder.Final(2022).Claim("收入支出总计", 100m, ClaimKind.Change, ChangeDirection.Increase, 5m,
            @base: ComparisonBase.PriorYear, comparedYear: 2022, sentence: "比2022年增加5万元");
        var f = Single<ComparedYearIsPrior>(b, expected: 2021m, found: 2022m);
        Assert.Equal(b.LastClaim!.Source, f.Locations[0]);
    }

    [Fact]
    public void GK408_stays_silent_on_prior_year() =>
        Silent<ComparedYearIsPrior>(DocBuilder.Final(2022).Claim("收入支出总计", 100m, ClaimKind.Change, ChangeDirection.Increase, 5m,
            @base: ComparisonBase.PriorYear, comparedYear: 2021));

    [Fact]
    public void GK409_fires_on_wrong_completion_and_zero_budget()
    {
        var b = DocBuilder.Final().Claim("一般公共预算财政拨款支出", 2940.05m, ClaimKind.Completion, completion: 96.20m,
            @base: ComparisonBase.InitialBudget, baseAmount: 2993.92m);
        Single<CompletionPercent>(b, expected: 98.20m, found: 96.20m);
        var zero = DocBuilder.Final().Claim("公务接待费", 1.07m, ClaimKind.Completion, completion: 100m, baseAmount: 0m);
        Assert.Contains("预算数为 0", Single<CompletionPercent>(zero).Message);
    }

    [Fact]
    public void GK409_stays_silent() =>
        Silent<CompletionPercent>(DocBuilder.Final().Claim("一般公共预算财政拨款支出", 2940.05m, ClaimKind.Completion, completion: 98.2m,
            baseAmount: 2993.92m));

    [Fact]
    public void GK410_fires_on_wrong_relation_word_and_stays_silent()
    {
        Single<RelationWord>(DocBuilder.Final().Claim("行政运行", 1511.89m, ClaimKind.Completion, baseAmount: 1600m,
            relation: ChangeDirection.Increase), expected: 1600m, found: 1511.89m);
        Silent<RelationWord>(DocBuilder.Final().Claim("行政运行", 1511.89m, ClaimKind.Completion, baseAmount: 1600m,
            relation: ChangeDirection.Decrease));
    }

    [Fact]
    public void GK411_fires_when_change_is_not_the_difference_and_stays_silent()
    {
        Single<ChangeAmountMatchesBase>(DocBuilder.Final().Claim("支出", 3925.66m, ClaimKind.Change, ChangeDirection.Decrease, 2265.89m,
            baseAmount: 6201.55m), expected: 2275.89m, found: 2265.89m);
        Silent<ChangeAmountMatchesBase>(DocBuilder.Final().Claim("支出", 3925.66m, ClaimKind.Change, ChangeDirection.Decrease, 2275.89m,
            baseAmount: 6201.55m));
    }

    [Fact]
    public void GK412_fires_when_shares_miss_100_and_tolerates_forced_rounding()
    {
        var bad = DocBuilder.Final().Claim("本年支出合计", 2940.05m, ClaimKind.Breakdown,
            parts: new[] { ("基本支出", 2336.91m, (decimal?)79.49m), ("项目支出", 603.14m, 10.51m) });
        Single<SharesAddToHundred>(bad, expected: 100m, found: 90m);
        var ok = DocBuilder.Final().Claim("一般公共预算财政拨款支出", 100m, ClaimKind.Breakdown, parts: new[]
            { ("201", 3.69m, (decimal?)3.69m), ("210", 87.31m, 87.31m), ("208", 7.64m, 7.64m), ("221", 1.36m, 1.35m) });
        Silent<SharesAddToHundred>(ok);
    }
}
