using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Tables;

namespace Gongkai.Tests.Recognition;

/// <summary>Column meaning by the header's words and its group, and the marker rows under a header.</summary>
public class ColumnMeaningTests
{
    private static Measure? M(string path, TableKind kind = TableKind.BudgetExpenditure) => ColumnMeaning.Of(path, kind)?.Measure;

    [Theory]
    [InlineData("基本支出/人员支出", Measure.Personnel)]
    [InlineData("基本支出/人员经费", Measure.Personnel)]
    [InlineData("基本支出/日常公用支出", Measure.Public)]
    [InlineData("基本支出预算/日常公用支出", Measure.Public)]
    [InlineData("基本支出/小计", Measure.Basic)]
    [InlineData("基本支出预算/小计", Measure.Basic)]
    [InlineData("本年一般公共预算基本支出/合计", Measure.Total)]
    [InlineData("收入预算/合计", Measure.Total)]
    [InlineData("支出/预算数/总计", Measure.Total)]
    [InlineData("人员经费和公用经费支出", Measure.Basic)]
    public void Spending_columns_map_in_any_wording(string path, Measure expected) => Assert.Equal(expected, M(path));

    [Theory]
    [InlineData("本年收入/小计", Measure.IncomeThisYear)]
    [InlineData("上年结转结余/小计", Measure.CarryIn)]
    [InlineData("财政拨款收入/小计", Measure.FiscalGrant)]
    [InlineData("财政拨款/小计", Measure.FiscalGrant)]
    [InlineData("事业收入/小计", Measure.BusinessIncome)]
    [InlineData("上年结转", Measure.CarryIn)]
    public void A_subtotal_takes_the_meaning_of_its_group(string path, Measure expected) =>
        Assert.Equal(expected, M(path, TableKind.BudgetRevenue));

    [Fact]
    public void A_subtotal_of_an_unknown_group_is_not_the_row_total()
    {
        Assert.Null(M("政府采购项目/小计"));
        Assert.False(ColumnMeaning.IsDetail("政府采购项目/小计"));
    }

    [Theory]
    [InlineData("上年结转结余/一般公共预算")]
    [InlineData("上年结转结余/政府性基金预算")]
    [InlineData("上年结转/单位资金结转结余")]
    public void Breakdowns_of_the_carry_over_are_details_not_parts(string path)
    {
        Assert.Null(M(path, TableKind.BudgetRevenue));
        Assert.True(ColumnMeaning.IsDetail(path));
    }

    [Fact]
    public void Last_years_block_is_another_period()
    {
        var paths = new[] { "单位名称", "2025年预算数/合计", "2025年预算数/公务接待费", "2026年预算数/合计", "2026年预算数/公务接待费" };
        Assert.Equal(new HashSet<int> { 1, 2 }, ColumnMeaning.OtherPeriodColumns(paths));
        Assert.Empty(ColumnMeaning.OtherPeriodColumns(new[] { "2026年预算数/合计", "2026年预算数/公务接待费" }));
    }

    [Fact]
    public void A_second_column_with_a_meaning_already_taken_is_left_unmapped()
    {
        var paths = new[] { "科目编码", "科目名称", "合计", "本年收入/小计", "小计" };
        var plan = ColumnMeaning.Plan(paths, new[] { 2, 3, 4 }, TableKind.BudgetRevenue);
        Assert.Equal(Measure.Total, plan[0].Key?.Measure);
        Assert.Equal(Measure.IncomeThisYear, plan[1].Key?.Measure);
        Assert.Null(plan[2].Key);
        Assert.False(plan[2].Detail);
    }

    private static SourceRow Row(params string[] cells) =>
        new(cells.Select((t, i) => new SourceCell(t, i, Provenance.Unknown)).ToList(), Provenance.Unknown);

    [Theory]
    [InlineData("**", "**", "1", "2", "3", "4")]
    [InlineData("**", "1")]
    [InlineData("栏次", "1", "2")]
    [InlineData("", "**", "1", "2", "3")]
    [InlineData("1", "2", "3")]
    [InlineData("甲", "乙", "1", "2")]
    public void Column_number_rows_are_not_data(params string[] cells)
    {
        Assert.True(Grid.IsNumberingRow(Row(cells)));
        Assert.False(Grid.IsDataRow(Row(cells)));
    }

    [Theory]
    [InlineData("合计", "1", "2", "3")]
    [InlineData("**", "1", "3")]
    [InlineData("—", "1")]
    [InlineData("201", "一般公共服务支出", "1", "2")]
    public void Data_rows_with_small_numbers_stay_data(params string[] cells) => Assert.False(Grid.IsNumberingRow(Row(cells)));

    [Theory]
    [InlineData("2026年部门收支总体情况表", TableKind.BudgetSummary)]
    [InlineData("收入总体情况表", TableKind.BudgetRevenue)]
    [InlineData("2026年部门支出总体情况表", TableKind.BudgetExpenditure)]
    [InlineData("财政拨款收支总体情况表", TableKind.BudgetFiscalSummary)]
    public void Overall_situation_tables_are_the_summary_tables(string title, TableKind kind) =>
        Assert.Equal(kind, TableTitles.Classify(title, DocumentKind.Budget));

    [Theory]
    [InlineData("—22—", true)]
    [InlineData("- 20 -", true)]
    [InlineData("— 1 9 —", true)]
    [InlineData("28", true)]
    [InlineData("第3页共40页", true)]
    [InlineData("2026年", false)]
    [InlineData("表1", false)]
    [InlineData("收支总体情况表", false)]
    public void Page_numbers_are_recognized(string text, bool expected)
    {
        Assert.Equal(expected, TableTitles.IsPageNumber(text));
        if (expected) Assert.True(TableTitles.IsMetaLine(text));
    }

    [Theory]
    [InlineData("一、本级财政拨款收入", SummaryLine.FiscalGrant)]
    [InlineData("一、预算拨款", SummaryLine.FiscalGrant)]
    [InlineData("一、财政拨款", SummaryLine.FiscalGrant)]
    [InlineData("二、财政专户拨款", SummaryLine.SpecialAccountIncome)]
    [InlineData("一般公共预算拨款", SummaryLine.GeneralBudgetGrant)]
    public void Fiscal_grant_group_lines_in_other_words(string label, SummaryLine line) =>
        Assert.Equal(line, LineNames.Income(label, SummaryLine.None));
}
