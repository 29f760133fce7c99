using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Recognition.Tables;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// Recognition by meaning for layouts of other regions, as small text documents: a title with a bracketed qualifier
/// (财政拨款支出表（功能科目）), codes printed in brackets in the name cell ([2010301]行政运行), a one-column table headed
/// 预算, the “三公” items printed as rows, as year rows with fund columns, or as one row per unit under 合计, a 合计 printed
/// first on both sides of a summary table, a 本级财政拨款/金额 column, 其它收入, 结转结余下年, the fund parts of a carry-in line.
/// </summary>
public class LayoutMeaningTests
{
    private static Disclosure Recognize(string text) => new DisclosureReader().Recognize(TextDocumentReader.Parse("t.md", text)).Disclosure;

    [Theory]
    [InlineData("财政拨款支出表（功能科目）", TableKind.FiscalGrantExpenditure)]
    [InlineData("财政拨款基本支出表（经济科目）", TableKind.FiscalGrantBasic)]
    [InlineData("财政拨款支出预算表（功能科目）", TableKind.FiscalGrantExpenditure)]
    [InlineData("财政拨款收支总表", TableKind.BudgetFiscalSummary)]
    [InlineData("一般公共预算支出表（按功能分类科目）", TableKind.BudgetGeneralExpenditure)]
    public void A_bracketed_qualifier_after_a_title_does_not_change_the_table(string title, TableKind kind) =>
        Assert.Equal(kind, TableTitles.Classify(title));

    [Theory]
    [InlineData("“三公”经费", Measure.ThreePublicTotal)]
    [InlineData("合计", Measure.ThreePublicTotal)]
    [InlineData("其中：（一）因公出国（境）支出", Measure.Abroad)]
    [InlineData("1、因公出国（境）费用", Measure.Abroad)]
    [InlineData("（二）公务用车购置及运行维护支出", Measure.VehicleTotal)]
    [InlineData("1.公务用车购置费", Measure.VehiclePurchase)]
    [InlineData("其中：（1）公务用车购置费", Measure.VehiclePurchase)]
    [InlineData("2.公务用车运行维护费", Measure.VehicleOperation)]
    [InlineData("（三）公务接待费支出", Measure.Reception)]
    [InlineData("行政经费", null)]
    [InlineData("杭州市东郊监狱", null)]
    public void Three_public_items_are_named_by_their_words(string label, Measure? measure) =>
        Assert.Equal(measure, ColumnMeaning.ThreePublicItem(label));

    [Fact]
    public void A_one_column_table_headed_预算_reads_the_column_as_the_row_amount_and_codes_in_brackets_are_codes()
    {
        var t = Recognize("""
            某局2026年部门预算

            一般公共预算基本支出情况表（按经济分类科目）

            单位：万元

            | 项目 | 预算 |
            |---|---|
            | 合计 | 30.00 |
            | [301]工资福利支出 | 20.00 |
            | [30101]基本工资 | 20.00 |
            | [302]商品和服务支出 | 10.00 |
            | [30201]办公费 | 10.00 |
            """).Table(TableKind.BudgetGeneralBasic);
        Assert.Equal("30.00", t.Cell("total", Measure.Total));
        Assert.Equal("20.00", t.Cell("30101", Measure.Total));
        Assert.Equal("10.00", t.Cell("30201", Measure.Total));
        Assert.Equal("基本工资", t.Rows.Single(r => r.Code?.Value == "30101").Label);
        Assert.Equal("办公费", t.Rows.Single(r => r.Code?.Value == "30201").Label);
    }

    [Fact]
    public void Three_public_items_printed_as_rows_become_the_measures_of_one_row()
    {
        var d = Recognize("""
            某局2026年部门预算

            财政拨款安排的行政经费及“三公”经费预算表

            单位：万元

            | 项目 | 合计 | 一般公共预算 | 政府性基金预算 |
            |---|---|---|---|
            | 行政经费 | 500.00 | 500.00 | 0.00 |
            | “三公”经费 | 30.00 | 30.00 | 0.00 |
            | 其中：（一）因公出国（境）支出 | 10.00 | 10.00 | 0.00 |
            | （二）公务用车购置及运行维护支出 | 15.00 | 15.00 | 0.00 |
            | 1.公务用车购置费 | 5.00 | 5.00 | 0.00 |
            | 2.公务用车运行维护费 | 10.00 | 10.00 | 0.00 |
            | （三）公务接待费支出 | 5.00 | 5.00 | 0.00 |
            """);
        var t = d.Table(TableKind.BudgetThreePublic);
        Assert.Equal("30.00", t.Cell("total", Measure.ThreePublicTotal));
        Assert.Equal("10.00", t.Cell("label:三公", Measure.Abroad));
        Assert.Equal("15.00", t.Cell("label:三公", Measure.VehicleTotal));
        Assert.Equal("5.00", t.Cell("label:三公", Measure.VehiclePurchase));
        Assert.Equal("10.00", t.Cell("label:三公", Measure.VehicleOperation));
        Assert.Equal("5.00", t.Cell("label:三公", Measure.Reception));
        // the 行政经费 line is not a 三公 item: a row of its own, not the 三公 total
        Assert.Empty(t.Rows.Single(r => r.Label == "行政经费").Values);
        Assert.Equal(30.00m, d.ThreePublic!.Budget.Total!.Value);
    }

    [Fact]
    public void Three_public_items_as_rows_with_one_预算数_column()
    {
        var t = Recognize("""
            某局2026年部门预算

            一般公共预算“三公”经费支出预算表

            单位：万元

            | 项目 | 预算数 |
            |---|---|
            | 合计 | 84.10 |
            | 1、因公出国（境）费用 | 70.00 |
            | 2、公务接待费 | 6.10 |
            | 3、公务用车购置及运行费 | 8.00 |
            | 其中：（1）公务用车购置费 | 0.00 |
            | （2）公务用车运行费 | 8.00 |
            """).Table(TableKind.BudgetThreePublic);
        Assert.Equal("84.10", t.Cell("label:三公", Measure.ThreePublicTotal));
        Assert.Equal("70.00", t.Cell("label:三公", Measure.Abroad));
        Assert.Equal("8.00", t.Cell("label:三公", Measure.VehicleOperation));
        Assert.Single(t.Rows);
    }

    private const string YearRows = """
        某局2026年部门预算

        财政拨款“三公”经费支出表

        单位：万元

        | 预算单位 | 年度 | 总计 | 总计 | 因公出国(境)费 | 因公出国(境)费 | 公务接待费 | 公务接待费 | 公务用车购置及运行维护费 | 公务用车购置及运行维护费 |
        | 预算单位 | 年度 | 一般公共预算 | 政府性基金预算 | 一般公共预算 | 政府性基金预算 | 一般公共预算 | 政府性基金预算 | 一般公共预算 | 政府性基金预算 |
        |---|---|---|---|---|---|---|---|---|---|
        | 某局 | 2025年 | 40.31 | 0.00 | 0.80 | 0.00 | 3.51 | 0.00 | 36.00 | 0.00 |
        |  | 2026年 | 35.10 | 0.00 | 28.00 | 0.00 | 3.50 | 0.00 | 3.60 | FUND |
        |  | 增减变化金额 | -5.21 | 0.00 | 27.20 | 0.00 | -0.01 | 0.00 | -32.40 | 0.00 |
        """;

    [Fact]
    public void Three_public_year_rows_read_the_latest_year_when_the_other_funds_are_zero()
    {
        var t = Recognize(YearRows.Replace("FUND", "0.00")).Table(TableKind.BudgetThreePublic);
        Assert.Equal("35.10", t.Cell("label:三公", Measure.ThreePublicTotal));
        Assert.Equal("28.00", t.Cell("label:三公", Measure.Abroad));
        Assert.Equal("3.50", t.Cell("label:三公", Measure.Reception));
        Assert.Equal("3.60", t.Cell("label:三公", Measure.VehicleTotal));
        // last year's and the change rows keep their figures aside
        Assert.Empty(t.Rows.Single(r => r.Label == "2025年").Values);
        Assert.Empty(t.Rows.Single(r => r.Label == "增减变化金额").Values);
    }

    [Fact]
    public void Three_public_year_rows_are_not_mapped_when_another_fund_has_money()
    {
        // which fund the checks mean cannot be known: nothing is guessed
        var t = Recognize(YearRows.Replace("FUND", "2.00")).Table(TableKind.BudgetThreePublic);
        Assert.All(t.Rows, r => Assert.Empty(r.Values));
    }

    [Fact]
    public void Three_public_rows_per_unit_keep_their_names_under_the_合计_total()
    {
        var d = Recognize("""
            某局2026年部门预算

            一般公共预算“三公”经费预算表

            单位：万元

            | 单位名称 | “三公”经费合计 | 因公出国(境)费用 | 公务用车购置及运行费 | 公务接待费 |
            |---|---|---|---|---|
            | 单位甲 | 17.00 |  |  | 17.00 |
            | 合计 | 106.60 |  | 74.60 | 32.00 |
            | 单位乙 | 89.60 |  | 74.60 | 15.00 |
            """);
        var t = d.Table(TableKind.BudgetThreePublic);
        Assert.Equal("106.60", t.Cell("total", Measure.ThreePublicTotal));
        Assert.Equal("89.60", t.Cell("label:单位乙", Measure.ThreePublicTotal));
        Assert.Equal(106.60m, d.ThreePublic!.Budget.Total!.Value);
    }

    [Fact]
    public void Summary_合计_printed_first_on_both_sides_is_both_totals_and_其它收入_and_结转结余下年_are_lines()
    {
        var t = Recognize("""
            某局2026年部门预算

            部门收支总体情况表

            单位：万元

            | 收入 | 收入 | 支出 | 支出 |
            | 项目 | 预算数 | 项目 | 预算数 |
            |---|---|---|---|
            | 合计 | 100.00 | 合计 | 100.00 |
            | 一、一般公共预算资金 | 90.00 | 一、一般公共服务支出 | 100.00 |
            | 二、其它收入 | 10.00 | 结转结余下年 | 0.00 |
            """).Table(TableKind.BudgetSummary);
        Assert.Equal("100.00", t.Cell("line:GrandTotalIncome", Measure.Amount));
        Assert.Equal("100.00", t.Cell("line:GrandTotalExpenditure", Measure.Amount));
        Assert.Equal("10.00", t.Cell("line:OtherIncome", Measure.Amount));
        Assert.Equal("0.00", t.Cell("line:CarryOut", Measure.Amount));
    }

    [Fact]
    public void A_金额_column_under_本级财政拨款_is_the_fiscal_grant()
    {
        var m = ColumnMeaning.MapAll(["合计", "本级财政拨款/金额", "本级财政拨款/其中:经费拨款", "其它收入"], TableKind.BudgetRevenue);
        Assert.Equal(Measure.FiscalGrant, m[1].Key?.Measure);
        Assert.Null(m[2].Key);
        Assert.True(m[2].Detail);
        Assert.Equal(Measure.OtherIncome, m[3].Key?.Measure);
    }

    [Theory]
    [InlineData("1.一般公共预算拨款结余、结转", SummaryLine.CarryIn, SummaryLine.CarryInGeneralBudget)]
    [InlineData("2.政府性基金预算拨款结余、结转", SummaryLine.CarryInGeneralBudget, SummaryLine.CarryInGovernmentFund)]
    [InlineData("一般公共预算拨款", SummaryLine.None, SummaryLine.GeneralBudgetGrant)]
    [InlineData("五、其它收入", SummaryLine.None, SummaryLine.OtherIncome)]
    public void Income_lines_under_a_carry_in_line_are_its_fund_parts(string label, SummaryLine context, SummaryLine line) =>
        Assert.Equal(line, LineNames.Income(label, context));
}
