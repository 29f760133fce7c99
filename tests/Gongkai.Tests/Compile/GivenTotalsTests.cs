using Gongkai.Compile;
using Gongkai.Model;
using Gongkai.Tests.Support;
using Xunit;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Totals the data gives (issue 13 item 2): printed as given within 尾差 of their printed parts, refused outside it,
/// computed when left out. The data is seed 003 (重庆 决算), whose original prints 21011 = 338.21 over 项 adding to 338.22.
/// </summary>
public class GivenTotalsTests
{
    private static DisclosureData Seed() =>
        DataFiles.Load(Path.Combine(Repo.Root, "tests", "Gongkai.Tests", "Compile", "Data", "seed003-final-2024.json"));

    private static DataRow Row(Disclosure d, TableKind kind, string code) => d.Table(kind)!.Row(code)!;

    [Fact]
    public void Given_totals_within_rounding_are_printed_as_given_and_pass_the_audit()
    {
        var data = Seed();
        var package = PackageAssert.Build(data);
        var read = PackageAssert.ReadMarkdown(package).Disclosure;
        var f3 = read.Table(TableKind.FinalExpenditure)!;
        Assert.Equal(338.21m, Row(read, TableKind.FinalExpenditure, "21011").ValueOrZero(Measure.Total));
        Assert.Equal(38.21m, Row(read, TableKind.FinalExpenditure, "21011").ValueOrZero(Measure.Basic));
        Assert.Equal(328.13m, Row(read, TableKind.FinalExpenditure, "2101101").ValueOrZero(Measure.Total));
        // 210 基本支出 given 607.52; 210 合计 left out: the sum of its printed 款 (338.21 + 2383.34 + 706.09)
        Assert.Equal(607.52m, Row(read, TableKind.FinalExpenditure, "210").ValueOrZero(Measure.Basic));
        Assert.Equal(3427.64m, Row(read, TableKind.FinalExpenditure, "210").ValueOrZero(Measure.Total));
        Assert.Equal(763.52m, f3.TotalRow!.ValueOrZero(Measure.Basic));
        Assert.Equal(3925.66m, f3.TotalRow.ValueOrZero(Measure.Total));
        // the 总表 and the economic table print the same figures
        Assert.Equal(3427.64m, read.Table(TableKind.FinalSummary)!.Rows.First(r => r.Code?.Value == "210").ValueOrZero(Measure.Amount));
        Assert.Equal(621.86m, Row(read, TableKind.FinalGeneralBasic, "301").ValueOrZero(Measure.Total));
        Assert.Equal(153.76m, Row(read, TableKind.FinalGeneralBasic, "30103").ValueOrZero(Measure.Total));
        Assert.Contains("基本支出763.52万元", Gongkai.Compile.Render.MarkdownRenderer.ToText(package));
        Assert.True(new Facts(data, []).Given.AnyRoundingDifference);
        PackageAssert.AuditClean(read, "给定合计的种子 003");
    }

    [Fact]
    public void Given_total_outside_rounding_is_refused_with_line_given_sum_and_difference()
    {
        var data = Seed();
        data.Totals!.First(t => t.Code == "21011").Total = 338.31m;
        data.EconomicTotals!["301"] = 622.00m;
        var issues = new List<DataIssue>();
        DataValidator.Consistency(data, issues);
        var errors = issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.Equal(2, errors.Count);
        var function = Assert.Single(errors, e => e.Field == "totals[21011]").Message;
        Assert.Contains("21011 行政事业单位医疗的合计给定为 338.31 万元", function);
        Assert.Contains("4 个分项之和为 338.22 万元，差 0.09 万元", function);
        Assert.Contains("621.87", Assert.Single(errors, e => e.Field == "economicTotals[301]").Message);
        // the builder refuses unless forced
        Assert.Contains(PackageBuilder.Build(data).Issues, i => i.Severity == IssueSeverity.Error && i.Field == "totals[21011]");
    }

    [Fact]
    public void Totals_left_out_are_computed_from_the_parts()
    {
        var data = Seed();
        data.Totals = null;
        data.EconomicTotals = null;
        var read = PackageAssert.ReadMarkdown(PackageAssert.Build(data)).Disclosure;
        Assert.Equal(338.22m, Row(read, TableKind.FinalExpenditure, "21011").ValueOrZero(Measure.Total));
        Assert.Equal(763.53m, read.Table(TableKind.FinalExpenditure)!.TotalRow!.ValueOrZero(Measure.Basic));
        Assert.Equal(621.87m, Row(read, TableKind.FinalGeneralBasic, "301").ValueOrZero(Measure.Total));
        Assert.False(new Facts(data, []).Given.AnyRoundingDifference);
    }

    [Fact]
    public void A_given_total_applies_only_where_a_table_sums_its_parts()
    {
        // a 类 given for all sources is not printed in a table of one source when another source has lines in the class
        var data = Seed();
        data.Expenditure.Add(new FunctionLine { Code = "2101102", Source = FundSource.Business, Basic = 1.00m });
        data.Totals!.First(t => t.Code == "21011").Total = 339.21m;
        data.Totals!.First(t => t.Code == "21011").Basic = 39.21m;
        var facts = new Facts(data, []);
        Assert.Equal(339.21m, facts.Given.Function("21011", Measure.Total, 339.22m));
        Assert.Null(facts.Given.Function("21011", Measure.Total, 338.22m)); // the 一般公共预算 rows of 21011 sum other parts
    }
}
