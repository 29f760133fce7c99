using Gongkai.Model;
using static Gongkai.Model.Measure;
using static Gongkai.Model.TableKind;
using static Gongkai.Tests.Reading.PdfSamples;

namespace Gongkai.Tests.Reading;

// Acceptance of the PDF reader: every expected value below was read by hand from the printed page named in
// the first argument (pdftotext -layout / pdftoppm), written as printed. Blank printed cells are "(空)".

/// <summary>上海市普陀区财政局 2024 决算 (SH24F).</summary>
public class Sh24fAcceptanceTests
{
    private static CellCheck C(int page, TableKind kind, string row, ColumnKey col, string printed, int block = -1) => new(page, kind, row, col, printed, block);
    private static readonly ColumnKey TpTotalBudget = new(ThreePublicTotal, Basis.Budget);

    public static readonly CellCheck[] Cells =
    [
        // F1 收入支出决算总表, p6 and its continuation p7
        C(6, FinalSummary, "line:GeneralBudgetGrant", Amount, "2940.05"),
        C(6, FinalSummary, "line:OtherIncome", Amount, "6.20"),
        C(6, FinalSummary, "line:TotalIncomeThisYear", Amount, "2946.25"),
        C(6, FinalSummary, "line:TotalExpenditureThisYear", Amount, "2940.05"),
        C(6, FinalSummary, "201", Amount, "2106.66"),
        C(6, FinalSummary, "208", Amount, "326.71"), // printed 326.71 here, 326.72 in F2/F3/F5
        C(6, FinalSummary, "210", Amount, "60.99"),
        C(6, FinalSummary, "221", Amount, "445.69"),
        C(7, FinalSummary, "line:CarryIn", Amount, "49.14"),
        C(7, FinalSummary, "line:CarryOut", Amount, "55.34"),
        C(7, FinalSummary, "line:GrandTotalIncome", Amount, "2995.39"),
        C(7, FinalSummary, "line:GrandTotalExpenditure", Amount, "2995.39"),
        // F2 收入决算表 p8–9
        C(8, FinalRevenue, "total", Total, "2946.25"),
        C(8, FinalRevenue, "total", FiscalGrant, "2940.05"),
        C(8, FinalRevenue, "total", OtherIncome, "6.20"),
        C(8, FinalRevenue, "2010601", Total, "1511.90"),
        C(8, FinalRevenue, "2010601", FiscalGrant, "1511.89"),
        C(8, FinalRevenue, "2010601", OtherIncome, "0.01"),
        C(8, FinalRevenue, "2010602", Total, "16.19"),
        C(8, FinalRevenue, "2010602", OtherIncome, "6.19"),
        C(8, FinalRevenue, "2080505", Total, "160.75"),
        C(9, FinalRevenue, "2101101", Total, "60.99"), // continued page
        C(9, FinalRevenue, "2210203", Total, "258.50"),
        C(9, FinalRevenue, "2210201", FiscalGrant, "187.19"),
        // F3 支出决算表 p10–11
        C(10, FinalExpenditure, "total", Total, "2940.05"),
        C(10, FinalExpenditure, "total", Basic, "2336.91"),
        C(10, FinalExpenditure, "total", Project, "603.14"),
        C(10, FinalExpenditure, "2010607", Project, "135.25"),
        C(10, FinalExpenditure, "2010608", Total, "449.52"),
        C(11, FinalExpenditure, "2080599", Total, "0.94"), // continued page
        C(11, FinalExpenditure, "2210201", Basic, "187.19"),
        // (added with the issue-9 决算 reading pass, read from the page at -r 80)
        C(10, FinalExpenditure, "201", Basic, "1503.52"),
        C(10, FinalExpenditure, "20106", Project, "603.14"),
        C(10, FinalExpenditure, "2010602", Project, "10.00"),
        C(10, FinalExpenditure, "2010602", Basic, "(空)"),
        C(10, FinalExpenditure, "2010601", RemitToSuperior, "(空)"),
        C(10, FinalExpenditure, "2010601", OperatingExpenditure, "(空)"),
        C(10, FinalExpenditure, "208", Total, "326.72"),
        C(10, FinalExpenditure, "2080501", Basic, "84.65"),
        // F4 财政拨款收入支出决算总表 p12–13
        C(12, FinalFiscalSummary, "line:GeneralBudgetGrant", Amount, "2940.05"),
        C(12, FinalFiscalSummary, "201", GeneralBudget, "2106.66"),
        C(12, FinalFiscalSummary, "208", Total, "326.71"),
        C(13, FinalFiscalSummary, "221", Total, "445.69"),
        C(13, FinalFiscalSummary, "line:TotalExpenditureThisYear", GeneralBudget, "2940.05"),
        C(13, FinalFiscalSummary, "line:CarryIn", Amount, "21.63"),
        C(13, FinalFiscalSummary, "line:CarryInGeneralBudget", Amount, "21.63"),
        C(13, FinalFiscalSummary, "line:GrandTotalIncome", Amount, "2961.68"),
        C(13, FinalFiscalSummary, "line:GrandTotalExpenditure", Total, "2961.68"),
        // F5 一般公共预算财政拨款支出决算表 p15
        C(15, FinalGeneralExpenditure, "total", Total, "2940.05"),
        C(15, FinalGeneralExpenditure, "total", Basic, "2336.91"),
        C(15, FinalGeneralExpenditure, "total", Project, "603.14"),
        C(15, FinalGeneralExpenditure, "2010601", Project, "8.37"),
        C(15, FinalGeneralExpenditure, "2080506", Basic, "80.38"),
        C(15, FinalGeneralExpenditure, "2210203", Total, "258.50"),
        // F6 一般公共预算财政拨款基本支出决算表 p16–17 (two side-by-side blocks)
        C(16, FinalGeneralBasic, "301", Total, "2082.85"),
        C(16, FinalGeneralBasic, "30102", Total, "1238.58"),
        C(16, FinalGeneralBasic, "30112", Total, "1.61"),
        C(16, FinalGeneralBasic, "30199", Total, "91.03"),
        C(16, FinalGeneralBasic, "303", Total, "69.41"),
        C(16, FinalGeneralBasic, "30302", Total, "69.10"),
        C(16, FinalGeneralBasic, "302", Total, "171.07"),
        C(16, FinalGeneralBasic, "30201", Total, "21.21"),
        C(16, FinalGeneralBasic, "30213", Total, "2.83"),
        C(16, FinalGeneralBasic, "30216", Total, "4.05"),
        // (added with the issue-9 决算 reading pass: both blocks of p16, blanks included)
        C(16, FinalGeneralBasic, "30101", Total, "262.33"),
        C(16, FinalGeneralBasic, "30103", Total, "(空)"),
        C(16, FinalGeneralBasic, "30108", Total, "160.75"),
        C(16, FinalGeneralBasic, "30109", Total, "80.38"),
        C(16, FinalGeneralBasic, "30110", Total, "60.99"),
        C(16, FinalGeneralBasic, "30113", Total, "187.19"),
        C(16, FinalGeneralBasic, "30202", Total, "7.61"),
        C(16, FinalGeneralBasic, "30204", Total, "0.09"),
        C(16, FinalGeneralBasic, "30207", Total, "4.88"),
        C(16, FinalGeneralBasic, "30211", Total, "1.20"),
        C(16, FinalGeneralBasic, "30212", Total, "(空)"),
        C(17, FinalGeneralBasic, "30309", Total, "0.31"), // continued page
        C(17, FinalGeneralBasic, "30229", Total, "42.77"),
        C(17, FinalGeneralBasic, "30239", Total, "48.49"),
        C(17, FinalGeneralBasic, "31002", Total, "13.58"),
        C(17, FinalGeneralBasic, "total", Personnel, "2152.26"),
        C(17, FinalGeneralBasic, "total", Public, "184.65"),
        // F7 财政拨款“三公”经费支出决算表 p18
        C(18, FinalThreePublic, "label:三公", TpTotalBudget, "0.95"),
        C(18, FinalThreePublic, "label:三公", new ColumnKey(Reception, Basis.Budget), "0.95"),
        C(18, FinalThreePublic, "label:三公", new ColumnKey(ThreePublicTotal, Basis.Final), "(空)"),
        C(18, FinalThreePublic, "label:三公", new ColumnKey(VehicleTotal, Basis.Budget), "(空)"), // 公务用车…/小计
    ];

    public static readonly ClaimCheck[] Claims =
    [
        new(21, ClaimKind.Amount, "收入支出总计", Amount: "2995.39"),
        new(21, ClaimKind.Change, "收入支出总计", Direction: ChangeDirection.Decrease, Change: "56.95", Percent: "1.87"),
        new(21, ClaimKind.Share, "财政拨款收入", Amount: "2940.05", Share: "99.79"),
        new(21, ClaimKind.Share, "其他收入", Amount: "6.2", Share: "0.21"),
        new(21, ClaimKind.Share, "基本支出", Amount: "2336.91", Share: "79.49"),
        new(21, ClaimKind.Share, "项目支出", Amount: "603.14", Share: "20.51"),
        new(21, ClaimKind.Change, "一般公共预算财政拨款支出", Amount: "2940.05", Direction: ChangeDirection.Decrease, Change: "63.14", Percent: "2.10"),
        new(21, ClaimKind.Share, "一般公共服务支出", Amount: "2106.66", Share: "71.73"),
        new(21, ClaimKind.Share, "住房保障支出", Amount: "445.69", Share: "15.16"),
        new(21, ClaimKind.Completion, "一般公共预算财政拨款支出", Amount: "2940.05", Completion: "98.20"),
        new(22, ClaimKind.Amount, "年初预算", Amount: "1560.05"),
        new(22, ClaimKind.Amount, "支出决算", Amount: "1511.89"),
        new(23, ClaimKind.Amount, "人员经费", Amount: "2152.26"),
        new(23, ClaimKind.Amount, "公用经费", Amount: "184.65"),
        new(24, ClaimKind.Change, "机关运行经费", Amount: "184.65", Direction: ChangeDirection.Increase, Change: "2.55", Percent: "1.40"),
        new(24, ClaimKind.Amount, "政府采购金额", Amount: "251.25"),
        new(24, ClaimKind.Amount, "服务采购金额", Amount: "246.47"),
    ];

    [Fact]
    public void Hand_checked_cells_match() { Assert.True(Cells.Length >= PdfAcceptance.MinimumChecks); PdfAcceptance.AssertCells(SH24F, Cells); }

    [Fact]
    public void Hand_checked_claims_match() { Assert.True(Claims.Length >= 5); PdfAcceptance.AssertClaims(SH24F, Claims); }
}

/// <summary>江苏省人大常委会办公厅 2017 预算 (JS17B).</summary>
public class Js17bAcceptanceTests
{
    private static CellCheck C(int page, TableKind kind, string row, ColumnKey col, string printed) => new(page, kind, row, col, printed);

    public static readonly CellCheck[] Cells =
    [
        // 收支预算总表 p7
        C(7, BudgetSummary, "line:FiscalGrant", Amount, "13649.07"),
        C(7, BudgetSummary, "line:GeneralBudgetGrant", Amount, "13649.07"),
        C(7, BudgetSummary, "201", Amount, "10528.33"),
        C(7, BudgetSummary, "208", Amount, "1608.51"),
        C(7, BudgetSummary, "label:一、基本支出", Amount, "7666.68"),
        C(7, BudgetSummary, "label:二、项目支出", Amount, "5853.96"),
        C(7, BudgetSummary, "label:三、单位预留机动经费", Amount, "128.43"),
        // its continuation on p8 (a class name wrapped over the page break, the 当年 lines) and p9 (a narrower grid)
        C(7, BudgetSummary, "label:八、社会保障和就业支出", Amount, "1608.51"),
        C(8, BudgetSummary, "221", Amount, "1512.23"),
        C(8, BudgetSummary, "line:TotalIncomeThisYear", Amount, "13649.07"),
        C(8, BudgetSummary, "line:TotalExpenditureThisYear", Amount, "13649.07"),
        C(9, BudgetSummary, "line:GrandTotalIncome", Amount, "13649.07"),
        C(9, BudgetSummary, "line:GrandTotalExpenditure", Amount, "13649.07"),
        // 支出预算总表 p10: no function rows, the one value row is the total
        C(10, BudgetExpenditure, "total", Total, "13649.07"),
        C(10, BudgetExpenditure, "total", Basic, "7666.68"),
        C(10, BudgetExpenditure, "total", Project, "5853.96"),
        C(10, BudgetExpenditure, "total", Reserve, "128.43"),
        // 收入预算总表 p9
        C(9, BudgetRevenue, "label:收入总计", Total, "13649.07"),
        C(9, BudgetRevenue, "label:公共财政拨款(补助)资金", Total, "13649.07"),
        // 财政拨款支出预算表 p11 (new kind)
        C(11, FiscalGrantExpenditure, "total", Total, "13649.07"),
        C(11, FiscalGrantExpenditure, "201", Total, "10528.33"),
        C(11, FiscalGrantExpenditure, "20101", Total, "10528.33"),
        C(11, FiscalGrantExpenditure, "2010101", Total, "4545.94"),
        C(11, FiscalGrantExpenditure, "2010102", Total, "2468.78"),
        C(11, FiscalGrantExpenditure, "2010104", Total, "1305.25"),
        C(11, FiscalGrantExpenditure, "2010109", Total, "47.50"),
        C(11, FiscalGrantExpenditure, "2010199", Total, "100.00"),
        C(11, FiscalGrantExpenditure, "2080504", Total, "1608.51"),
        C(11, FiscalGrantExpenditure, "221", Total, "1512.23"),
        C(11, FiscalGrantExpenditure, "2210201", Total, "494.22"),
        C(11, FiscalGrantExpenditure, "2210202", Total, "1018.01"),
        // 财政拨款收支预算总表 p12
        C(12, BudgetFiscalSummary, "line:GeneralBudgetGrant", Amount, "13649.07"),
        C(12, BudgetFiscalSummary, "line:GrandTotalIncome", Amount, "13649.07"),
        C(12, BudgetFiscalSummary, "line:GrandTotalExpenditure", Amount, "13649.07"),
        C(12, BudgetFiscalSummary, "label:一、基本支出", Amount, "7666.68"),
        // 财政拨款基本支出预算表 p13–15 (new kind, continued over three pages)
        C(13, FiscalGrantBasic, "total", Total, "7666.68"),
        C(13, FiscalGrantBasic, "301", Total, "2928.98"),
        C(13, FiscalGrantBasic, "30101", Total, "1015.15"),
        C(13, FiscalGrantBasic, "30103", Total, "83.60"),
        C(13, FiscalGrantBasic, "302", Total, "1585.96"),
        C(13, FiscalGrantBasic, "30211", Total, "230.00"),
        C(14, FiscalGrantBasic, "30228", Total, "21.00"),
        C(14, FiscalGrantBasic, "30231", Total, "183.60"),
        C(14, FiscalGrantBasic, "30239", Total, "266.46"),
        C(14, FiscalGrantBasic, "303", Total, "3151.74"),
        C(14, FiscalGrantBasic, "30302", Total, "1395.28"),
        C(14, FiscalGrantBasic, "30309", Total, "0.76"),
        C(14, FiscalGrantBasic, "30311", Total, "494.22"),
        C(15, FiscalGrantBasic, "30312", Total, "1018.01"),
        // 一般公共预算支出预算表 p16–17
        C(16, BudgetGeneralExpenditure, "total", Total, "13649.07"),
        C(16, BudgetGeneralExpenditure, "2010105", Total, "810.00"),
        C(16, BudgetGeneralExpenditure, "20805", Total, "1608.51"),
        C(17, BudgetGeneralExpenditure, "2080504", Total, "1608.51"), // continued page
        C(17, BudgetGeneralExpenditure, "2210202", Total, "1018.01"),
        // 一般公共预算基本支出预算表 p17–18
        C(17, BudgetGeneralBasic, "total", Total, "7666.68"),
        C(17, BudgetGeneralBasic, "30107", Total, "8.18"),
        C(18, BudgetGeneralBasic, "30206", Total, "350.00"),
        C(18, BudgetGeneralBasic, "30299", Total, "19.90"),
        C(18, BudgetGeneralBasic, "30301", Total, "213.23"),
        C(18, BudgetGeneralBasic, "30307", Total, "30.24"),
        // “三公”经费、会议费、培训费支出预算表 p20
        C(20, BudgetThreePublic, "label:三公", Abroad, "222.50"),
        C(20, BudgetThreePublic, "label:三公", VehicleTotal, "183.60"),
        C(20, BudgetThreePublic, "label:三公", VehicleOperation, "183.60"),
        C(20, BudgetThreePublic, "label:三公", Reception, "427.50"),
        C(20, BudgetThreePublic, "label:三公", Meeting, "1305.25"),
        C(20, BudgetThreePublic, "label:三公", Training, "403.75"),
        C(20, BudgetThreePublic, "label:三公", Total, "2542.60"),
        C(20, BudgetThreePublic, "label:三公", ThreePublicTotal, "833.60"),
        C(20, BudgetThreePublic, "label:三公", VehiclePurchase, "0"), // printed "0", low in its cell
        // 政府采购预算表 p20, continued over pp21–23 without a header
        C(20, Procurement, "total", Total, "2247.85"),
        C(21, Procurement, "label:台式计算机", Total, "10.00"),
        C(21, Procurement, "label:三、服务C", Total, "2188.85"),
        C(21, Procurement, "label:交通运行费", Total, "183.60"),
        C(22, Procurement, "label:江苏省第十二届人代会五次会议经费", Total, "950.00"),
        C(23, Procurement, "label:立法费及法制专刊费", Total, "120.00"),
    ];

    public static readonly ClaimCheck[] Claims =
    [
        new(23, ClaimKind.Change, "收入预算总计", Amount: "13649.07", Direction: ChangeDirection.Increase, Change: "844.15", Percent: "6.59"),
        new(23, ClaimKind.Change, "一般公共服务支出", Amount: "10528.33", Direction: ChangeDirection.Decrease, Change: "17.89", Percent: "0.17"),
        new(24, ClaimKind.Change, "住房保障支出", Amount: "1512.23", Direction: ChangeDirection.Increase, Change: "668.79", Percent: "79.29"),
        new(24, ClaimKind.Change, "基本支出预算数", Amount: "7666.68", Direction: ChangeDirection.Increase, Change: "844.15", Percent: "12.37"),
        new(24, ClaimKind.Share, "基本支出", Amount: "7666.68", Share: "56.17"),
        new(24, ClaimKind.Share, "项目支出", Amount: "5853.96", Share: "42.89"),
        new(26, ClaimKind.Amount, "人员经费", Amount: "6080.72"),
        new(26, ClaimKind.Amount, "公用经费", Amount: "1585.96"),
        new(28, ClaimKind.Change, "机关运行经费", Amount: "5619.31", Direction: ChangeDirection.Increase, Change: "4032.99", Percent: "254.23"),
        new(28, ClaimKind.Share, "公务接待费", Amount: "427.5", Share: "16.81"),
        new(29, ClaimKind.Amount, "政府采购预算总金额", Amount: "2247.85"),
    ];

    [Fact]
    public void Fiscal_grant_tables_have_their_own_kinds()
    {
        var d = Read(JS17B).Disclosure;
        Assert.Contains(d.Tables, t => t.Kind == FiscalGrantExpenditure && t.Source.Page == 11);
        Assert.Contains(d.Tables, t => t.Kind == FiscalGrantBasic && t.Source.Page == 13);
        Assert.Contains(d.Tables, t => t.Kind == BudgetGovFund && t.Title.Contains("财政拨款政府性基金"));
    }

    [Fact]
    public void Hand_checked_cells_match() { Assert.True(Cells.Length >= PdfAcceptance.MinimumChecks); PdfAcceptance.AssertCells(JS17B, Cells); }

    [Fact]
    public void Hand_checked_claims_match() { Assert.True(Claims.Length >= 5); PdfAcceptance.AssertClaims(JS17B, Claims); }
}

/// <summary>江苏省人大常委会办公厅 2018 预算 (JS18B).</summary>
public class Js18bAcceptanceTests
{
    private static CellCheck C(int page, TableKind kind, string row, ColumnKey col, string printed) => new(page, kind, row, col, printed);

    public static readonly CellCheck[] Cells =
    [
        // 公开01表 收支预算总表 p8
        C(8, BudgetSummary, "line:FiscalGrant", Amount, "15897.44"),
        C(8, BudgetSummary, "line:GeneralBudgetGrant", Amount, "15897.44"),
        C(8, BudgetSummary, "201", Amount, "12706.28"),
        C(8, BudgetSummary, "208", Amount, "1068.78"),
        C(8, BudgetSummary, "221", Amount, "2122.38"),
        C(8, BudgetSummary, "line:TotalIncomeThisYear", Amount, "15897.44"),
        C(8, BudgetSummary, "line:GrandTotalIncome", Amount, "15897.44"),
        C(8, BudgetSummary, "label:一、基本支出", Amount, "7877.76"),
        C(8, BudgetSummary, "label:三、单位预留机动经费", Amount, "1685.72"),
        C(8, BudgetSummary, "line:TotalExpenditureThisYear", Amount, "15897.44"), // label merged over both spending blocks
        C(8, BudgetSummary, "line:GrandTotalExpenditure", Amount, "15897.44"),
        // 公开03表 p10: one total row
        C(10, BudgetExpenditure, "total", Total, "15897.44"),
        C(10, BudgetExpenditure, "total", Basic, "7877.76"),
        C(10, BudgetExpenditure, "total", Project, "6333.96"),
        C(10, BudgetExpenditure, "total", Reserve, "1685.72"),
        // 公开02表 p9
        C(9, BudgetRevenue, "label:收入总计", Total, "15897.44"),
        // 公开04表 p10
        C(10, BudgetFiscalSummary, "line:GeneralBudgetGrant", Amount, "15897.44"),
        C(10, BudgetFiscalSummary, "line:GrandTotalExpenditure", Amount, "15897.44"),
        C(10, BudgetFiscalSummary, "label:二、项目支出", Amount, "6333.96"),
        // 公开05表 财政拨款支出预算表（功能科目） p11
        C(11, FiscalGrantExpenditure, "total", Total, "15897.44"),
        C(11, FiscalGrantExpenditure, "2010101", Total, "6372.32"),
        C(11, FiscalGrantExpenditure, "2010102", Total, "2340.35"),
        C(11, FiscalGrantExpenditure, "2010199", Total, "580.00"),
        C(11, FiscalGrantExpenditure, "2080504", Total, "256.76"),
        C(11, FiscalGrantExpenditure, "2080505", Total, "580.01"),
        C(11, FiscalGrantExpenditure, "2080506", Total, "232.01"),
        C(11, FiscalGrantExpenditure, "2210201", Total, "572.56"),
        C(11, FiscalGrantExpenditure, "2210202", Total, "1549.82"),
        // 公开06表 财政拨款基本支出预算表（经济科目） p12
        C(12, FiscalGrantBasic, "total", Total, "7877.76"),
        C(12, FiscalGrantBasic, "301", Total, "5469.17"),
        C(12, FiscalGrantBasic, "30102", Total, "2752.80"),
        C(12, FiscalGrantBasic, "30108", Total, "580.01"),
        C(12, FiscalGrantBasic, "30112", Total, "14.49"),
        C(12, FiscalGrantBasic, "302", Total, "1579.38"),
        C(12, FiscalGrantBasic, "30228", Total, "33.70"),
        C(12, FiscalGrantBasic, "30239", Total, "267.08"),
        C(12, FiscalGrantBasic, "303", Total, "829.21"),
        C(12, FiscalGrantBasic, "30301", Total, "285.19"),
        C(12, FiscalGrantBasic, "30309", Total, "0.79"),
        // 公开07/08表 p13, p14
        C(13, BudgetGeneralExpenditure, "total", Total, "15897.44"),
        C(13, BudgetGeneralExpenditure, "2010104", Total, "1305.25"),
        C(13, BudgetGeneralExpenditure, "2080505", Total, "580.01"),
        C(14, BudgetGeneralBasic, "total", Total, "7877.76"),
        C(14, BudgetGeneralBasic, "30114", Total, "31.68"),
        C(14, BudgetGeneralBasic, "30302", Total, "543.23"),
        // 公开09表 p15
        C(15, BudgetThreePublic, "label:三公", Abroad, "222.50"),
        C(15, BudgetThreePublic, "label:三公", VehicleTotal, "183.60"),
        C(15, BudgetThreePublic, "label:三公", VehicleOperation, "183.60"),
        C(15, BudgetThreePublic, "label:三公", Reception, "427.50"),
        C(15, BudgetThreePublic, "label:三公", Meeting, "1305.25"),
        C(15, BudgetThreePublic, "label:三公", Training, "403.75"),
        // 公开12表 p17
        C(17, Procurement, "total", Total, "2064.25"),
        C(17, Procurement, "label:家具用具", Total, "25.00"),
        // its continuation p18 (no header)
        C(18, Procurement, "label:全国人代会江苏代表团工作经费", Total, "126.25"),
        C(18, Procurement, "label:江苏省第十三届人代会一次会议经费", Total, "950.00"),
        C(18, Procurement, "label:专职人员活动费", Total, "30.00"),
    ];

    public static readonly ClaimCheck[] Claims =
    [
        new(19, ClaimKind.Change, "一般公共预算收入预算", Amount: "15897.44", Direction: ChangeDirection.Increase, Change: "2248.37", Percent: "16.47"),
        new(20, ClaimKind.Change, "社会保障和就业（类）支出", Amount: "1068.78", Direction: ChangeDirection.Decrease, Change: "539.73", Percent: "33.55"),
        new(20, ClaimKind.Change, "住房保障（类）支出", Amount: "2122.38", Direction: ChangeDirection.Increase, Change: "610.15", Percent: "40.35"),
        new(21, ClaimKind.Change, "单位预留机动经费预算数", Amount: "1685.72", Direction: ChangeDirection.Increase, Change: "1557.29", Percent: "1312.56"),
        new(22, ClaimKind.Share, "基本支出", Amount: "7877.76", Share: "49.55"),
        new(22, ClaimKind.Share, "单位预留机动经费", Amount: "1685.72", Share: "10.61"),
        new(24, ClaimKind.Change, "行政运行（项）支出", Amount: "6372.32", Direction: ChangeDirection.Increase, Change: "1826.38", Percent: "40.18"),
        new(24, ClaimKind.Change, "一般行政管理事务（项）支出", Amount: "2340.35", Direction: ChangeDirection.Decrease, Change: "128.43", Percent: "5.20"),
    ];

    [Fact]
    public void Public_05_and_06_have_their_own_kinds()
    {
        var d = Read(JS18B).Disclosure;
        Assert.Equal("公开05表", d.Tables.Single(t => t.Kind == FiscalGrantExpenditure).Label);
        Assert.Equal("公开06表", d.Tables.Single(t => t.Kind == FiscalGrantBasic).Label);
        Assert.Equal("公开08表", d.Tables.Single(t => t.Kind == BudgetGeneralBasic).Label);
    }

    [Fact]
    public void Hand_checked_cells_match() { Assert.True(Cells.Length >= PdfAcceptance.MinimumChecks); PdfAcceptance.AssertCells(JS18B, Cells); }

    [Fact]
    public void Hand_checked_claims_match() { Assert.True(Claims.Length >= 5); PdfAcceptance.AssertClaims(JS18B, Claims); }
}

/// <summary>江苏省人大常委会 2019 预算 (JS19B): no tables, so the narrative figures are the acceptance set.</summary>
public class Js19bAcceptanceTests
{
    private const ClaimKind A = ClaimKind.Amount, Ch = ClaimKind.Change, Sh = ClaimKind.Share;
    private const ChangeDirection Up = ChangeDirection.Increase, Down = ChangeDirection.Decrease;

    public static readonly ClaimCheck[] Claims =
    [
        // p9 收支预算总体情况: 15.3% = 2432.93 ÷ 15897.44
        new(9, A, "支出预算总计", Amount: "18330.37"),
        new(9, Ch, "收支预算总计", Direction: Up, Change: "2432.93", Percent: "15.3"),
        new(9, A, "收入预算总计", Amount: "18330.37"),
        new(9, A, "财政拨款收入预算总计", Amount: "18330.37"),
        new(9, Ch, "一般公共预算收入预算", Amount: "18330.37", Direction: Up, Change: "2432.93", Percent: "15.3"),
        new(9, A, "政府性基金收入预算", Amount: "0"),
        new(9, A, "财政专户管理资金收入预算总计", Amount: "0"),
        // p10
        new(10, A, "支出预算总计", Amount: "18330.37"),
        new(10, Ch, "一般公共服务（类）支出", Amount: "13907.78", Direction: Up, Change: "1201.5", Percent: "9.46"),
        new(10, Ch, "社会保障和就业（类）支出", Amount: "1121.39", Direction: Up, Change: "52.61", Percent: "4.92"),
        new(10, Ch, "住房保障（类）支出", Amount: "3301.2", Direction: Up, Change: "1178.82", Percent: "55.54"),
        new(10, A, "结转下年资金预算数", Amount: "0"),
        new(10, Ch, "基本支出预算数", Amount: "9312.9", Direction: Up, Change: "1435.14", Percent: "18.22"),
        new(10, Ch, "项目支出预算数", Amount: "6459.58", Direction: Up, Change: "125.62", Percent: "1.98"),
        // p11
        new(11, Ch, "单位预留机动经费预算数", Amount: "2557.89", Direction: Up, Change: "872.17", Percent: "51.74"),
        new(11, A, "本年收入预算合计", Amount: "18330.37"),
        new(11, Sh, "一般公共预算收入", Amount: "18330.37", Share: "100"),
        new(11, Sh, "政府性基金预算收入", Amount: "0", Share: "0"),
        new(11, Sh, "财政专户管理资金", Amount: "0", Share: "0"),
        new(11, Sh, "其他资金", Amount: "0", Share: "0"),
        new(11, Sh, "上年结转资金", Amount: "0", Share: "0"),
        new(11, A, "本年支出预算合计", Amount: "18330.37"),
        new(11, Sh, "基本支出", Amount: "9312.9", Share: "50.81"),
        new(11, Sh, "项目支出", Amount: "6459.58", Share: "35.24"),
        new(11, Sh, "单位预留机动经费", Amount: "2557.89", Share: "13.95"),
        new(11, Sh, "结转下年资金", Amount: "0", Share: "0"),
        // p12 财政拨款
        new(12, Ch, "财政拨款收支总计", Direction: Up, Change: "2432.93", Percent: "15.3"),
        new(12, Sh, "财政拨款预算支出", Amount: "18330.37", Share: "100"),
        new(12, Ch, "行政运行（项）支出", Amount: "7448.2", Direction: Up, Change: "1075.88", Percent: "16.88"),
        new(12, Ch, "一般行政管理事务（项）支出", Amount: "2464.02", Direction: Up, Change: "123.67", Percent: "5.28"),
        new(12, Ch, "人大会议（项）支出", Amount: "1469.73", Direction: Up, Change: "164.48", Percent: "12.6"),
        // p13
        new(13, Ch, "人大立法（项）支出", Amount: "729", Direction: Down, Change: "81", Percent: "10"),
        new(13, Ch, "人大监督（项）支出", Amount: "376.88", Direction: Down, Change: "41.87", Percent: "10"),
        new(13, Ch, "人大代表履职能力提升（项）支出", Amount: "363.38", Direction: Down, Change: "40.37", Percent: "10"),
        new(13, Ch, "代表工作（项）支出", Amount: "385.52", Direction: Down, Change: "42.84", Percent: "10"),
        new(13, Ch, "人大信访工作（项）支出", Amount: "42.75", Direction: Down, Change: "4.75", Percent: "10"),
        new(13, Ch, "其他人大事务（项）支出", Amount: "628.3", Direction: Up, Change: "48.3", Percent: "8.33"),
        // p14
        new(14, Ch, "机关事业单位基本养老保险缴费支出（项）", Amount: "607.1", Direction: Up, Change: "27.09", Percent: "4.67"),
        new(14, Ch, "机关事业单位职业年金缴费支出（项）", Amount: "242.84", Direction: Up, Change: "10.83", Percent: "4.67"),
        new(14, Ch, "住房公积金（项）", Amount: "752.9", Direction: Up, Change: "180.34", Percent: "31.5"),
        new(14, Ch, "提租补贴（项）", Amount: "2548.3", Direction: Up, Change: "998.48", Percent: "64.43"),
        new(14, A, "财政拨款基本支出预算", Amount: "9312.9"),
        // p15 一般公共预算 and 三公 shares
        new(15, Ch, "一般公共预算财政拨款支出预算", Amount: "18330.37", Direction: Up, Change: "2432.93", Percent: "15.3"),
        new(15, Sh, "因公出国（境）费", Amount: "199.25", Share: "25.96"),
        new(15, Sh, "公务用车购置及运行费支出", Amount: "183.6", Share: "23.92"),
        new(15, Sh, "公务接待费", Amount: "384.75", Share: "50.12"),
        // p17
        new(17, Ch, "机关运行经费预算支出", Amount: "1642.08", Direction: Up, Change: "62.7", Percent: "3.97"),
        new(17, A, "政府采购支出预算总额", Amount: "2416.43"),
    ];

    [Fact]
    public void Has_no_tables_but_its_narrative()
    {
        var d = Read(JS19B).Disclosure;
        Assert.DoesNotContain(d.Tables, t => t.HasGrid && t.Rows.Any(r => r.Values.Values.Any(f => f.IsNumber)));
        Assert.NotEmpty(d.Claims);
    }

    [Fact]
    public void Hand_checked_claims_match() { Assert.True(Claims.Length >= PdfAcceptance.MinimumChecks); PdfAcceptance.AssertClaims(JS19B, Claims); }
}

/// <summary>
/// The blank national 2024 决算 template (TPL24F): no numbers, so the acceptance set is structure — column headers and
/// row labels as printed — and that every figure is blank.
/// </summary>
public class Tpl24fAcceptanceTests
{
    /// <summary>(page, table, "col:header path" or "row:code=label" or "line:Line").</summary>
    public static readonly (int Page, TableKind Kind, string What)[] Structure =
    [
        // F2 收入决算表 p6
        (6, FinalRevenue, "col:本年收入合计"), (6, FinalRevenue, "col:财政拨款收入"), (6, FinalRevenue, "col:上级补助收入"),
        (6, FinalRevenue, "col:事业收入"), (6, FinalRevenue, "col:经营收入"), (6, FinalRevenue, "col:附属单位上缴收入"),
        (6, FinalRevenue, "col:其他收入"), (6, FinalRevenue, "row:205=教育支出"), (6, FinalRevenue, "row:2050205=高等教育"),
        (6, FinalRevenue, "row:20799=其他文化旅游体育与传媒支出"),
        // F3 支出决算表 p7
        (7, FinalExpenditure, "col:本年支出合计"), (7, FinalExpenditure, "col:基本支出"), (7, FinalExpenditure, "col:项目支出"),
        (7, FinalExpenditure, "col:上缴上级支出"), (7, FinalExpenditure, "col:经营支出"), (7, FinalExpenditure, "col:对附属单位补助支出"),
        (7, FinalExpenditure, "row:20502=普通教育"),
        // F4 财政拨款收入支出决算总表 p8–9 (the lines below the class list)
        (8, FinalFiscalSummary, "row:221=十九、住房保障支出"), (8, FinalFiscalSummary, "row:224=二十二、灾害防治及应急管理支出"),
        (8, FinalFiscalSummary, "line:TotalIncomeThisYear"), (8, FinalFiscalSummary, "line:TotalExpenditureThisYear"),
        (8, FinalFiscalSummary, "line:CarryIn"), (8, FinalFiscalSummary, "line:CarryOut"), (8, FinalFiscalSummary, "line:CarryInGeneralBudget"),
        (8, FinalFiscalSummary, "line:GrandTotalIncome"), (8, FinalFiscalSummary, "line:GrandTotalExpenditure"),
        // F5 p10
        (10, FinalGeneralExpenditure, "col:合计"), (10, FinalGeneralExpenditure, "col:基本支出"), (10, FinalGeneralExpenditure, "col:项目支出"),
        // F6 p11: both economic blocks
        (11, FinalGeneralBasic, "row:301=工资福利支出"), (11, FinalGeneralBasic, "row:30108=机关事业单位基本养老保险缴费"),
        (11, FinalGeneralBasic, "row:30399=其他对个人和家庭的补助"), (11, FinalGeneralBasic, "row:302=商品和服务支出"),
        (11, FinalGeneralBasic, "row:30217=公务接待费"), (11, FinalGeneralBasic, "row:30231=公务用车运行维护费"),
        (11, FinalGeneralBasic, "row:310=资本性支出"), (11, FinalGeneralBasic, "row:31099=其他资本性支出"),
        // F7 p12
        (12, FinalThreePublic, "col:合计/预算数"), (12, FinalThreePublic, "col:因公出国（境）费/决算数"),
        (12, FinalThreePublic, "col:公务用车购置及运行维护费/小计/预算数"), (12, FinalThreePublic, "col:公务用车购置及运行维护费/公务用车运行维护费/决算数"),
        (12, FinalThreePublic, "col:公务接待费/预算数"),
        // F8 p13, F9 p14
        (13, FinalGovFund, "col:年初结转和结余"), (13, FinalGovFund, "col:本年收入"), (13, FinalGovFund, "col:本年支出/基本支出"),
        (13, FinalGovFund, "col:年末结转和结余"), (14, FinalStateCapital, "col:本年支出/项目支出"),
    ];

    [Fact]
    public void Printed_structure_is_read()
    {
        Assert.True(Structure.Length >= PdfAcceptance.MinimumChecks);
        var d = Read(TPL24F).Disclosure;
        var errors = new List<string>();
        foreach (var (page, kind, what) in Structure)
        {
            var t = d.Tables.FirstOrDefault(x => x.Kind == kind && x.HasGrid);
            if (t is null) { errors.Add($"{kind}: 没有这种表"); continue; }
            if (t.Source.Page != page) errors.Add($"{kind}: 表在第{t.Source.Page}页，印刷在第{page}页");
            bool ok = what[..what.IndexOf(':')] switch
            {
                "col" => t.Columns.Any(c => c.Header == what[4..]),
                "line" => t.Rows.Any(r => r.Line.ToString() == what[5..]),
                _ => t.Rows.Any(r => r.Code?.Value == what[4..what.IndexOf('=')] && Gongkai.Recognition.Tables.TextNormalizer.Compact(r.Label) == what[(what.IndexOf('=') + 1)..]),
            };
            if (!ok) errors.Add($"第{page}页 {kind}: 找不到 {what}");
        }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Every_figure_is_blank()
    {
        var d = Read(TPL24F).Disclosure;
        var figures = d.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Values.Values).ToList();
        Assert.NotEmpty(figures);
        Assert.DoesNotContain(figures, f => f.IsNumber);
    }
}
