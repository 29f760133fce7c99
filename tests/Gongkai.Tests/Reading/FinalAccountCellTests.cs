using Gongkai.Model;
using static Gongkai.Model.Measure;
using static Gongkai.Model.TableKind;
using static Gongkai.Tests.Reading.PdfSamples;

namespace Gongkai.Tests.Reading;

// More hand-checked cells of the 普陀 2024 决算 (SH24F), beside those of Sh24fAcceptanceTests: the rows and columns those
// do not cover, in every table with figures (F2, F3, F4 and its continuation, F5). Each value was read from the page
// rendered with pdftoppm -r 70 and its digits cross-checked with pdftotext -layout; blank printed cells are "(空)".
// The national 决算 template (TPL24F) prints no figures at all (its tables are blank forms), so it gives no numeric
// cell; its recognition is asserted in BlankTemplateTests.

/// <summary>Hand-checked cells of the 普陀 2024 决算 not covered by <see cref="Sh24fAcceptanceTests"/>.</summary>
public class Sh24fMoreCellTests
{
    private static CellCheck C(int page, TableKind kind, string row, ColumnKey col, string printed) => new(page, kind, row, col, printed);

    public static readonly CellCheck[] Cells =
    [
        // F2 收入决算表 p8 (类|款|项 printed in three cells)
        C(8, FinalRevenue, "201", Total, "2112.86"),
        C(8, FinalRevenue, "201", FiscalGrant, "2106.66"),
        C(8, FinalRevenue, "201", OtherIncome, "6.20"),
        C(8, FinalRevenue, "20106", Total, "2112.86"),
        C(8, FinalRevenue, "20106", OtherIncome, "6.20"),
        C(8, FinalRevenue, "2010602", FiscalGrant, "10.00"),
        C(8, FinalRevenue, "2010607", Total, "135.25"),
        C(8, FinalRevenue, "2010607", OtherIncome, "(空)"),
        C(8, FinalRevenue, "2010608", FiscalGrant, "449.52"),
        C(8, FinalRevenue, "208", Total, "326.72"),
        C(8, FinalRevenue, "20805", FiscalGrant, "326.72"),
        C(8, FinalRevenue, "2080501", Total, "84.65"),
        C(8, FinalRevenue, "2080505", FiscalGrant, "160.75"), // name wrapped over two lines
        C(8, FinalRevenue, "2080506", Total, "80.38"),
        C(8, FinalRevenue, "2080599", FiscalGrant, "0.94"),
        C(8, FinalRevenue, "210", Total, "60.99"),
        C(8, FinalRevenue, "21011", FiscalGrant, "60.99"),
        C(8, FinalRevenue, "total", SuperiorSubsidy, "(空)"),
        C(8, FinalRevenue, "total", BusinessIncome, "(空)"),
        // F2 continued p9
        C(9, FinalRevenue, "2101101", FiscalGrant, "60.99"),
        C(9, FinalRevenue, "221", Total, "445.69"),
        C(9, FinalRevenue, "22102", FiscalGrant, "445.69"),
        C(9, FinalRevenue, "2210201", Total, "187.19"),
        C(9, FinalRevenue, "2210203", FiscalGrant, "258.50"),
        // F3 支出决算表 p10 (values printed high in their cells)
        C(10, FinalExpenditure, "201", Total, "2106.66"),
        C(10, FinalExpenditure, "201", Project, "603.14"),
        C(10, FinalExpenditure, "20106", Total, "2106.66"),
        C(10, FinalExpenditure, "20106", Basic, "1503.52"),
        C(10, FinalExpenditure, "2010601", Total, "1511.89"),
        C(10, FinalExpenditure, "2010601", Basic, "1503.52"),
        C(10, FinalExpenditure, "2010601", Project, "8.37"),
        C(10, FinalExpenditure, "2010607", Basic, "(空)"),
        C(10, FinalExpenditure, "2010608", Project, "449.52"),
        C(10, FinalExpenditure, "20805", Basic, "326.72"),
        C(10, FinalExpenditure, "2080501", Total, "84.65"),
        C(10, FinalExpenditure, "2080505", Basic, "160.75"),
        C(10, FinalExpenditure, "2080506", Total, "80.38"),
        C(10, FinalExpenditure, "208", Project, "(空)"),
        // F3 continued p11
        C(11, FinalExpenditure, "2080599", Basic, "0.94"),
        C(11, FinalExpenditure, "210", Total, "60.99"),
        C(11, FinalExpenditure, "2101101", Basic, "60.99"),
        C(11, FinalExpenditure, "221", Basic, "445.69"),
        C(11, FinalExpenditure, "2210203", Total, "258.50"),
        // F4 财政拨款收入支出决算总表 p12 and its continuation p13
        C(12, FinalFiscalSummary, "201", Total, "2106.66"),
        C(12, FinalFiscalSummary, "201", GovernmentFund, "(空)"),
        C(12, FinalFiscalSummary, "208", GeneralBudget, "326.71"),
        C(12, FinalFiscalSummary, "210", Total, "60.99"),
        C(12, FinalFiscalSummary, "210", GeneralBudget, "60.99"),
        C(12, FinalFiscalSummary, "line:GovernmentFundGrant", Amount, "(空)"),
        C(13, FinalFiscalSummary, "221", GeneralBudget, "445.69"),
        C(13, FinalFiscalSummary, "line:TotalIncomeThisYear", Amount, "2940.05"),
        C(13, FinalFiscalSummary, "line:TotalExpenditureThisYear", Total, "2940.05"),
        C(13, FinalFiscalSummary, "line:CarryOut", Total, "21.63"),
        C(13, FinalFiscalSummary, "line:CarryOut", GeneralBudget, "21.63"),
        C(13, FinalFiscalSummary, "line:GrandTotalExpenditure", GeneralBudget, "2961.68"),
        // F5 一般公共预算财政拨款支出决算表 p15 (合计 printed last)
        C(15, FinalGeneralExpenditure, "201", Total, "2106.66"),
        C(15, FinalGeneralExpenditure, "201", Basic, "1503.52"),
        C(15, FinalGeneralExpenditure, "20106", Project, "603.14"),
        C(15, FinalGeneralExpenditure, "2010601", Total, "1511.89"),
        C(15, FinalGeneralExpenditure, "2010601", Basic, "1503.52"),
        C(15, FinalGeneralExpenditure, "2010602", Project, "10.00"),
        C(15, FinalGeneralExpenditure, "2010602", Basic, "(空)"),
        C(15, FinalGeneralExpenditure, "2010607", Total, "135.25"),
        C(15, FinalGeneralExpenditure, "2010608", Project, "449.52"),
        C(15, FinalGeneralExpenditure, "208", Total, "326.72"),
        C(15, FinalGeneralExpenditure, "2080501", Basic, "84.65"),
        C(15, FinalGeneralExpenditure, "2080505", Total, "160.75"),
        C(15, FinalGeneralExpenditure, "2080599", Total, "0.94"),
        C(15, FinalGeneralExpenditure, "210", Basic, "60.99"),
        C(15, FinalGeneralExpenditure, "2101101", Total, "60.99"),
        C(15, FinalGeneralExpenditure, "221", Total, "445.69"),
        C(15, FinalGeneralExpenditure, "22102", Total, "445.69"),
        C(15, FinalGeneralExpenditure, "2210201", Basic, "187.19"),
    ];

    [Fact]
    public void Hand_checked_cells_match()
    {
        Assert.True(Cells.Length >= 60);
        // none of these repeats a cell of the first list
        var first = Sh24fAcceptanceTests.Cells.Select(c => (c.Page, c.Kind, c.Row, c.Col)).ToHashSet();
        Assert.DoesNotContain(Cells, c => first.Contains((c.Page, c.Kind, c.Row, c.Col)));
        PdfAcceptance.AssertCells(SH24F, Cells);
    }
}
