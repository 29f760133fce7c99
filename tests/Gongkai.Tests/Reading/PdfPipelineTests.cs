using Gongkai.Model;
using Gongkai.Tests.Recognition;
using static Gongkai.Tests.Reading.PdfSamples;

namespace Gongkai.Tests.Reading;

/// <summary>The whole read pipeline on the sample PDFs: which standard tables the recognizer finds, and key figures.</summary>
public class PdfPipelineTests
{
    private static readonly TableKind[] FinalNine =
    [
        TableKind.FinalSummary, TableKind.FinalRevenue, TableKind.FinalExpenditure, TableKind.FinalFiscalSummary,
        TableKind.FinalGeneralExpenditure, TableKind.FinalGeneralBasic, TableKind.FinalThreePublic, TableKind.FinalGovFund,
        TableKind.FinalStateCapital,
    ];

    [Fact]
    public void Sh24f_all_nine_final_tables_found_once_each_with_every_number_placed()
    {
        var r = Read(SH24F);
        var d = r.Disclosure;
        Assert.Equal(DocumentKind.FinalAccount, d.Kind);
        Assert.Equal(2024, d.Year);
        foreach (var k in FinalNine) Assert.Single(d.Tables, t => t.Kind == k && t.HasGrid);
        Assert.DoesNotContain(d.Tables, t => t.Kind == TableKind.Unknown);
        Assert.Equal(0, r.UnplacedCells);
        Assert.True(r.BoundCells > 180, $"bound={r.BoundCells}");
    }

    [Fact]
    public void Sh24f_summary_joins_its_continuation_page()
    {
        var f1 = Read(SH24F).Disclosure.Table(TableKind.FinalSummary);
        Assert.Equal(2, f1.SourceTables.Count);
        Assert.Equal("2946.25", f1.Cell("line:TotalIncomeThisYear", Measure.Amount));
        Assert.Equal("49.14", f1.Cell("line:CarryIn", Measure.Amount));
        Assert.Equal("2995.39", f1.Cell("line:GrandTotalIncome", Measure.Amount));
        Assert.Equal("2995.39", f1.Cell("line:GrandTotalExpenditure", Measure.Amount));
        var f4 = Read(SH24F).Disclosure.Table(TableKind.FinalFiscalSummary);
        Assert.Equal("445.69", f4.Cell("221", Measure.Total)); // a class row printed on the continued page
        Assert.Equal("2961.68", f4.Cell("line:GrandTotalExpenditure", Measure.GeneralBudget));
    }

    [Fact]
    public void Sh24f_split_codes_read_as_full_codes()
    {
        var d = Read(SH24F).Disclosure;
        var f3 = d.Table(TableKind.FinalExpenditure);
        Assert.Equal("1511.89", f3.Cell("2010601", Measure.Total));
        Assert.Equal("1503.52", f3.Cell("2010601", Measure.Basic));
        Assert.Equal("8.37", f3.Cell("2010601", Measure.Project));
        Assert.Equal("2940.05", f3.Cell("total", Measure.Total));
        var f2 = d.Table(TableKind.FinalRevenue);
        Assert.Equal("0.01", f2.Cell("2010601", Measure.OtherIncome));
        var f6 = d.Table(TableKind.FinalGeneralBasic);
        Assert.Equal("262.33", f6.Cell("30101", Measure.Total));
        Assert.Equal("24.42", f6.Cell("30228", Measure.Total)); // on the continued page
        Assert.Equal("2152.26", f6.Cell("total", Measure.Personnel));
    }

    [Fact]
    public void Template_reads_without_errors_and_finds_the_nine_tables()
    {
        var r = Read(TPL24F);
        foreach (var k in FinalNine) Assert.Single(r.Disclosure.Tables, t => t.Kind == k && t.HasGrid);
        Assert.Equal(0, r.UnplacedCells);
    }

    [Fact]
    public void Jiangsu_budgets_find_their_summary_tables()
    {
        foreach (var name in new[] { JS17B, JS18B })
        {
            var d = Read(name).Disclosure;
            Assert.Equal(DocumentKind.Budget, d.Kind);
            foreach (var k in new[] { TableKind.BudgetSummary, TableKind.BudgetRevenue, TableKind.BudgetExpenditure, TableKind.BudgetFiscalSummary, TableKind.BudgetGeneralExpenditure, TableKind.BudgetGeneralBasic })
                Assert.Contains(d.Tables, t => t.Kind == k && t.HasGrid);
        }
        var b1 = Read(JS18B).Disclosure.Table(TableKind.BudgetSummary);
        Assert.Equal("公开01表", b1.Label);
    }
}

public class PdfMetadataTests
{
    [Theory]
    [InlineData(PdfSamples.SH24F, "上海市普陀区财政局", 2024, DocumentKind.FinalAccount)]
    [InlineData(PdfSamples.TPL24F, "上海市XX局", 2024, DocumentKind.FinalAccount)]
    [InlineData(PdfSamples.JS17B, "江苏省人大常委会办公厅", 2017, DocumentKind.Budget)]
    [InlineData(PdfSamples.JS18B, "江苏省人大常委会办公厅", 2018, DocumentKind.Budget)] // cover title wrapped over two centred lines
    [InlineData(PdfSamples.JS19B, "江苏省人大常委会办公厅", 2019, DocumentKind.Budget)]
    public void Cover_gives_department_year_and_kind(string name, string department, int year, DocumentKind kind)
    {
        var d = PdfSamples.Read(name).Disclosure;
        Assert.Equal((department, year, kind), (d.DepartmentName, d.Year, d.Kind));
    }
}
