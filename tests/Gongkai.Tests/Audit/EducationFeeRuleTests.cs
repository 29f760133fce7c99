using Gongkai.Audit.Rules.WithinTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>GK218 教育收费 ≤ 事业收入 in the income tables (重庆 公开02 小计 | 其中：教育收费; 重庆 收入总表 非教育收费 | 教育收费).</summary>
public class EducationFeeRuleTests
{
    private static readonly ColumnKey T = Measure.Total;

    [Fact]
    public void GK218_fires_when_the_education_fee_exceeds_business_income()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalRevenue, t => t.Columns(T, Measure.FiscalGrant, Measure.BusinessIncome, Measure.EducationFees)
            .Row("2050201", "学前教育", 150.00m, 30.00m, 120.00m, 80.00m)
            .Row("2050202", "小学教育", 100.00m, 50.00m, 50.00m, 60.00m));
        var f = Single<EducationFeesWithinBusinessIncome>(b, expected: 50.00m, found: 60.00m);
        Assert.Contains("小学教育", f.Message);
    }

    [Fact]
    public void GK218_fires_on_a_negative_non_education_part()
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetRevenue, t => t.Columns(T, Measure.GeneralBudget, Measure.NonEducationFees, Measure.EducationFees)
            .Row("2050201", "学前教育", 100.00m, 30.00m, -10.00m, 80.00m));
        Single<EducationFeesWithinBusinessIncome>(b, expected: 0m, found: -10.00m);
    }

    [Fact]
    public void GK218_stays_silent_when_the_fee_is_part_of_business_income()
    {
        Silent<EducationFeesWithinBusinessIncome>(DocBuilder.Final().Table(TableKind.FinalRevenue, t => t.Columns(T, Measure.FiscalGrant, Measure.BusinessIncome, Measure.EducationFees)
            .Row("2050201", "学前教育", 150.00m, 30.00m, 120.00m, 120.00m)
            .Row("2101501", "行政运行", 447.78m, 447.78m, 0m, 0m)));
        Silent<EducationFeesWithinBusinessIncome>(DocBuilder.Budget().Table(TableKind.BudgetRevenue, t => t.Columns(T, Measure.GeneralBudget, Measure.NonEducationFees, Measure.EducationFees)
            .Row("2050201", "学前教育", 110.00m, 30.00m, 0m, 80.00m)));
    }
}
