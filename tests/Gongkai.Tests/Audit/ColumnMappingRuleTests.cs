using Gongkai.Audit;
using Gongkai.Audit.Rules.WithinTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>GK200 and the row arithmetic that does not run on a table with a column left unread; unit sections; layouts.</summary>
public class ColumnMappingRuleTests
{
    private static readonly ColumnKey T = Measure.Total, B = Measure.Basic, P = Measure.Project, O = Measure.OperatingExpenditure;

    /// <summary>A column with no meaning holding a number: kept under its header in <see cref="DataRow.Extras"/>.</summary>
    private static void Unread(TableBuilder t, string header, decimal value)
    {
        t.Table.Columns.Add(new TableColumn(9 + t.Table.Columns.Count, header, null));
        t.Table.Rows[^1].Extras[header] = new Figure(value, 2, ValueUnit.WanYuan, FigureKind.Number, Provenance.Unknown);
    }

    private static DocBuilder B3(decimal project = 50m, params string[] unmapped)
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetExpenditure, t =>
        {
            t.Columns(T, B, P).Total(150m, 100m, project).Row("201", "一般公共服务支出", 150m, 100m, project);
            foreach (var u in unmapped) Unread(t, u, 10m);
        });
        return b;
    }

    [Fact]
    public void GK203_fires_on_a_mapped_table_whose_row_does_not_add_up() =>
        Assert.Equal(2, Run<ExpenditureRowTotal>(B3(project: 40m)).Count);

    [Fact]
    public void GK203_does_not_run_on_a_table_with_an_unmapped_column() =>
        Silent<ExpenditureRowTotal>(B3(project: 40m, unmapped: "基本支出/其他"));

    [Fact]
    public void GK200_names_the_unmapped_columns_once_per_table()
    {
        var f = Assert.Single(Run<UnmappedColumns>(B3(project: 40m, unmapped: ["基本支出/其他", "备用列"])));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("基本支出/其他", f.Message);
        Assert.Contains("备用列", f.Message);
        Assert.Equal(TableKind.BudgetExpenditure, f.Table);
    }

    [Fact]
    public void GK200_stays_silent_when_every_column_is_mapped() => Silent<UnmappedColumns>(B3());

    [Fact]
    public void GK200_does_not_count_a_detail_column_or_a_column_of_zeros()
    {
        var b = B3(project: 40m);
        var t = b.Doc.Tables[0];
        t.Columns.Add(new TableColumn(20, "其中：政府采购", null, 0, Detail: true));
        t.Rows[^1].Extras["其中：政府采购"] = new Figure(5m, 2, ValueUnit.WanYuan, FigureKind.Number, Provenance.Unknown);
        t.Columns.Add(new TableColumn(21, "备用", null));
        t.Rows[^1].Extras["备用"] = new Figure(0m, 2, ValueUnit.WanYuan, FigureKind.Number, Provenance.Unknown);
        Silent<UnmappedColumns>(b);
        Assert.NotEmpty(Run<ExpenditureRowTotal>(b));
    }

    [Fact]
    public void GK226_does_not_run_on_a_three_public_table_with_an_unmapped_column()
    {
        DocBuilder Build(bool unmapped) => DocBuilder.Budget().Table(TableKind.BudgetThreePublic, t =>
        {
            t.Columns(T, Measure.ThreePublicTotal, Measure.Meeting, Measure.Training).Plain("“三公”经费", 100m, 10m, 20m, 30m);
            if (unmapped) Unread(t, "其他费用", 40m);
        });
        Assert.Single(Run<CombinedThreePublicTotal>(Build(false)));
        Silent<CombinedThreePublicTotal>(Build(true));
    }

    /// <summary>SZ 支出总表 layout: 事业单位经营支出 printed beside 基本/项目 but already inside them on every row.</summary>
    private static DocBuilder OperatingInside(decimal lastTotal = 2100m) => DocBuilder.Budget().Table(TableKind.BudgetExpenditure, t => t
        .Columns(T, B, P, O)
        .Total(3100m, 1000m, 2100m, 2100m)
        .Row("211", "节能环保支出", 1000m, 1000m, 0m, 357.08m)
        .Row("221", "住房保障支出", lastTotal, 0m, 2100m, 2100m));

    [Fact]
    public void GK203_reads_an_operating_column_included_in_basic_and_project_on_every_row_as_a_breakdown() =>
        Silent<ExpenditureRowTotal>(OperatingInside());

    [Fact]
    public void GK203_still_fires_when_one_row_breaks_the_table_layout() =>
        Assert.NotEmpty(Run<ExpenditureRowTotal>(OperatingInside(lastTotal: 2200m)));

    /// <summary>A 支出总表 listed unit by unit: each unit repeats 205/20508/2050803 under its own heading.</summary>
    private static DocBuilder Sectioned(decimal item = 4.20m)
    {
        return DocBuilder.Budget().Table(TableKind.BudgetExpenditure, t =>
        {
            t.Columns(T, B, P).Total(57.80m, 0m, 57.80m);
            foreach (var (section, amount) in new[] { (1, 53.60m), (2, item) })
            {
                t.Table.Rows.Add(new DataRow { Label = $"单位{section}", Section = section });
                foreach (var (code, name) in new[] { ("205", "教育支出"), ("20508", "进修及培训"), ("2050803", "培训支出") })
                {
                    var row = new DataRow { Label = name, Code = ClassificationCode.TryCreate(code), Section = section };
                    row.Values[T] = new Figure(code == "2050803" && section == 2 ? amount : section == 1 ? 53.60m : 4.20m, 2, ValueUnit.WanYuan, FigureKind.Number, Provenance.Unknown);
                    t.Table.Rows.Add(row);
                }
            }
            t.Table.Sections = 2;
        });
    }

    [Fact]
    public void GK201_looks_for_children_within_the_unit_section() => Silent<ParentEqualsSumOfChildren>(Sectioned());

    [Fact]
    public void GK201_fires_inside_a_unit_section() =>
        Assert.Equal(4.20m, Assert.Single(Run<ParentEqualsSumOfChildren>(Sectioned(item: 5.20m))).Found);

    /// <summary>CS 基本支出表 p18: 总计 | 人员类 | 公用经费, with 工会经费 etc. of 302 partly under 人员类.</summary>
    private static DocBuilder B6(string personnelHeader) => DocBuilder.Budget().Table(TableKind.BudgetGeneralBasic, t =>
    {
        t.Columns(T, Measure.Personnel, Measure.Public)
            .Total(386.73m, 356.76m, 29.97m)
            .Row("301", "工资福利支出", 330.93m, 330.93m, 0m)
            .Row("302", "商品和服务支出", 34.98m, 5.01m, 29.97m)
            .Row("303", "对个人和家庭的补助", 20.82m, 20.82m, 0m);
        t.Table.Columns.Add(new TableColumn(2, "总计", T));
        t.Table.Columns.Add(new TableColumn(3, personnelHeader, Measure.Personnel));
        t.Table.Columns.Add(new TableColumn(4, "公用经费", Measure.Public));
    });

    [Fact]
    public void GK224_fires_on_a_personnel_column_that_is_not_301_plus_303() =>
        Assert.Equal(2, Run<BudgetPersonnelColumn>(B6("人员经费")).Count);

    [Fact]
    public void GK224_does_not_apply_to_a_split_in_other_words()
    {
        Silent<BudgetPersonnelColumn>(B6("人员类"));
        Silent<BudgetPersonnelColumn>(B6("基本支出预算/人员支出"));
    }

    [Fact]
    public void GK504_restarts_the_code_order_in_each_unit_section() =>
        Silent<Gongkai.Audit.Rules.Classification.CodeOrder>(Sectioned());

    /// <summary>SZ 财政拨款收支总表 p37: one amount column, covering 一般公共预算 and 政府性基金 money alike.</summary>
    private static DocBuilder OneColumnFiscal(decimal fundCarryIn) => DocBuilder.Budget()
        .Table(TableKind.BudgetFiscalSummary, t => t.Columns(Measure.Amount)
            .Income(SummaryLine.TotalIncomeThisYear, 64956.25m)
            .Income(SummaryLine.CarryIn, fundCarryIn)
            .Income(SummaryLine.CarryInGovernmentFund, fundCarryIn)
            .Income(SummaryLine.GrandTotalIncome, 64956.25m + fundCarryIn)
            .Expense(SummaryLine.TotalExpenditureThisYear, 64956.25m + fundCarryIn))
        .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, B, P).Total(64956.25m, 10019.74m, 54936.51m));

    [Fact]
    public void GK305_compares_a_one_column_fiscal_table_only_when_it_holds_no_other_fund() =>
        Silent<Gongkai.Audit.Rules.CrossTable.GeneralExpenditureMatchesFiscal>(OneColumnFiscal(482m));

    [Fact]
    public void GK305_compares_a_one_column_fiscal_table_of_general_budget_money_alone() =>
        Single<Gongkai.Audit.Rules.CrossTable.GeneralExpenditureMatchesFiscal>(
            DocBuilder.Budget()
                .Table(TableKind.BudgetFiscalSummary, t => t.Columns(Measure.Amount).Expense(SummaryLine.TotalExpenditureThisYear, 65000m))
                .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T, B, P).Total(64956.25m, 10019.74m, 54936.51m)),
            expected: 65000m, found: 64956.25m);
}
