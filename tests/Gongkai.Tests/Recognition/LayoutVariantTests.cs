using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// Table layouts of other regions, as small text documents: staggered 类 | 款 | 项 codes (each row prints only its own
/// level), rows named without codes, a column-number row with markers, 基本支出 printed only as its parts, and a
/// column nobody can name.
/// </summary>
public class LayoutVariantTests
{
    private static Disclosure Recognize(string text) => new DisclosureReader().Recognize(TextDocumentReader.Parse("t.md", text)).Disclosure;

    private const string Staggered = """
        某局2026年部门预算

        一般公共预算支出表

        单位：万元

        | 类 | 款 | 项 | 科目名称 | 合计 | 基本支出 | 项目支出 |
        |---|---|---|---|---|---|---|
        |  |  |  | 合计 | 30.00 | 20.00 | 10.00 |
        | 201 |  |  | 一般公共服务支出 | 30.00 | 20.00 | 10.00 |
        |  | 40 |  | 信访事务 | 30.00 | 20.00 | 10.00 |
        |  |  | 01 | 行政运行 | 20.00 | 20.00 |  |
        |  |  | 99 | 其他信访事务支出 | 10.00 |  | 10.00 |
        """;

    [Fact]
    public void Staggered_codes_take_class_and_section_from_the_rows_above()
    {
        var t = Recognize(Staggered).Table(TableKind.BudgetGeneralExpenditure);
        Assert.Equal("30.00", t.Cell("20140", Measure.Total));
        Assert.Equal("20.00", t.Cell("2014001", Measure.Basic));
        Assert.Equal("10.00", t.Cell("2014099", Measure.Project));
        Assert.Empty(t.UnmappedValueColumns);
    }

    [Fact]
    public void A_full_item_code_under_a_section_printed_as_its_last_two_digits()
    {
        // CS 收入总体情况表: 205 || ; | 03 | ; 205 | 03 | 99
        var t = Recognize("""
            某局2026年部门预算

            一般公共预算支出表

            单位：万元

            | 类 | 款 | 项 | 科目名称 | 合计 | 基本支出 | 项目支出 |
            |---|---|---|---|---|---|---|
            |  |  |  | 合计 | 656.73 | 386.73 | 270.00 |
            | 205 |  |  | 教育支出 | 656.73 | 386.73 | 270.00 |
            |  | 03 |  | 职业教育 | 656.73 | 386.73 | 270.00 |
            | 205 | 03 | 99 | 其他职业教育支出 | 656.73 | 386.73 | 270.00 |
            """).Table(TableKind.BudgetGeneralExpenditure);
        Assert.Equal("656.73", t.Cell("20503", Measure.Total));
        Assert.Equal("270.00", t.Cell("2050399", Measure.Project));
    }

    [Fact]
    public void A_page_number_between_two_grids_does_not_split_the_table()
    {
        var d = Recognize("""
            某局2026年部门预算

            一般公共预算支出表

            单位：万元

            | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
            |---|---|---|---|---|
            |  | 合计 | 30.00 | 20.00 | 10.00 |
            | 201 | 一般公共服务支出 | 20.00 | 20.00 |  |

            —9—

            | 205 | 教育支出 | 10.00 |  | 10.00 |
            """);
        var t = Assert.Single(d.Tables, x => x.Kind == TableKind.BudgetGeneralExpenditure);
        Assert.Equal(2, t.SourceTables.Count);
        Assert.Equal("10.00", t.Cell("205", Measure.Project));
        Assert.DoesNotContain(d.Tables, x => x.Title.Contains("9"));
    }

    private const string NamesOnly = """
        某局2026年部门预算

        表5：一般公共预算支出预算表

        单位：万元

        | 功能分类科目名称 | 合计 | 基本支出 | 基本支出 | 基本支出 | 项目支出 |
        |---|---|---|---|---|---|
        |  |  | 小计 | 人员经费 | 日常公用支出 |  |
        | ** | 1 | 2 | 3 | 4 | 5 |
        | 合计 | 120.00 | 100.00 | 80.00 | 20.00 | 20.00 |
        | 一般公共服务支出 | 120.00 | 100.00 | 80.00 | 20.00 | 20.00 |
        """;

    [Fact]
    public void Named_rows_without_codes_keep_the_first_value_column_and_skip_the_marker_row()
    {
        var t = Recognize(NamesOnly).Table(TableKind.BudgetGeneralExpenditure);
        Assert.Equal(2, t.Rows.Count);
        Assert.Equal("120.00", t.Cell("total", Measure.Total));
        Assert.Equal("20.00", t.Cell("label:一般公共服务支出", Measure.Public));
        Assert.Equal("80.00", t.Cell("label:一般公共服务支出", Measure.Personnel));
        Assert.DoesNotContain(t.Rows, r => r.Label == "**");
    }

    private const string PartsOnly = """
        某局2026年部门预算

        支出预算总表

        单位：万元

        | 科目编码 | 科目名称 | 总计 | 基本支出 | 基本支出 | 项目支出 |
        |---|---|---|---|---|---|
        |  |  |  | 人员支出 | 公用经费 |  |
        | ** | ** | 1 | 2 | 3 | 4 |
        |  | 合计 | 120.00 | 80.00 | 20.00 | 20.00 |
        | 201 | 一般公共服务支出 | 120.00 | 80.00 | 20.00 | 20.00 |
        """;

    [Fact]
    public void Basic_printed_only_as_its_parts_adds_up_without_a_finding()
    {
        var d = Recognize(PartsOnly);
        var t = d.Table(TableKind.BudgetExpenditure);
        Assert.Equal("80.00", t.Cell("201", Measure.Personnel));
        var report = Auditor.Audit(d, new AuditOptions());
        Assert.Empty(report.ByRule("GK203"));
        // a real difference still fires
        var wrong = Recognize(PartsOnly.Replace("| 201 | 一般公共服务支出 | 120.00 |", "| 201 | 一般公共服务支出 | 125.00 |"));
        Assert.Single(Auditor.Audit(wrong, new AuditOptions()).ByRule("GK203"), f => f.Severity == Severity.Error);
    }

    private const string UnknownColumn = """
        某局2026年部门预算

        支出预算总表

        单位：万元

        | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 | 单位自筹 |
        |---|---|---|---|---|---|
        |  |  |  |  |  | 小计 |
        |  | 合计 | 130.00 | 100.00 | 20.00 | 10.00 |
        | 201 | 一般公共服务支出 | 130.00 | 100.00 | 20.00 | 10.00 |
        """;

    [Fact]
    public void A_value_column_without_meaning_stops_the_row_identity_and_says_so_once()
    {
        var d = Recognize(UnknownColumn);
        var t = d.Table(TableKind.BudgetExpenditure);
        var col = Assert.Single(t.UnmappedValueColumns);
        Assert.Equal("单位自筹/小计", col.Header);
        var report = Auditor.Audit(d, new AuditOptions());
        Assert.Empty(report.ByRule("GK203"));
        var note = Assert.Single(report.ByRule("GK200"));
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Contains("单位自筹/小计", note.Message);
    }

    [Fact]
    public void A_table_without_a_unit_line_takes_the_unit_of_the_tables_before_it()
    {
        var d = Recognize("""
            某局2026年部门预算

            收支预算总表

            单位：元

            | 收入 | 预算数 | 支出 | 预算数 |
            |---|---|---|---|
            | 一般公共预算拨款收入 | 1,000,000 | 一般公共服务支出 | 1,000,000 |
            | 收入总计 | 1,000,000 | 支出总计 | 1,000,000 |

            支出预算总表

            | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
            |---|---|---|---|---|
            | 201 | 一般公共服务支出 | 1,000,000 | 1,000,000 |  |
            """);
        var t = d.Table(TableKind.BudgetExpenditure);
        Assert.Equal(ValueUnit.Yuan, t.Unit);
        Assert.False(t.UnitStated);
    }
}

/// <summary>Published layouts of the corpus (../shared/corpus): the columns map by meaning and no false identity fires.</summary>
public class CorpusLayoutTests
{
    private static string Corpus(string prefix, string contains) =>
        Directory.GetFiles(Path.Combine(Shared.Root, "corpus"), prefix + "*.pdf").Single(f => Path.GetFileName(f).Contains(contains));

    private static readonly Lazy<(Disclosure D, AuditReport R)> Huzhou = new(() => Load("079-", "交通运输局"));
    private static readonly Lazy<(Disclosure D, AuditReport R)> Hangzhou = new(() => Load("008-", "司法局"));
    private static readonly Lazy<(Disclosure D, AuditReport R)> Yantai = new(() => Load("025-", "信访局"));

    private static (Disclosure, AuditReport) Load(string prefix, string contains)
    {
        var d = new DisclosureReader().Read(Corpus(prefix, contains)).Disclosure;
        return (d, Auditor.Audit(d, new AuditOptions { Catalog = CatalogAdapter.Instance }));
    }

    private static IEnumerable<Finding> TableFindings(AuditReport r) =>
        r.Findings.Where(f => f.RuleId.StartsWith("GK2", StringComparison.Ordinal) && f.Severity is Severity.Error or Severity.Warning);

    [Fact] // p25: 总计 | 基本支出/人员支出 | 基本支出/公用经费 | 项目支出 | 事业单位经营支出 | 上缴上级支出 | 对附属单位补助支出, then "** ** 1 … 7"
    public void Huzhou_expenditure_columns_map_by_meaning()
    {
        var t = Huzhou.Value.D.Table(TableKind.BudgetExpenditure);
        Assert.Equal(
            new Measure?[] { Measure.Total, Measure.Personnel, Measure.Public, Measure.Project, Measure.OperatingExpenditure, Measure.RemitToSuperior, Measure.SubsidyToSubordinate },
            t.Columns.Select(c => c.Key?.Measure).ToArray());
        Assert.DoesNotContain(Huzhou.Value.D.Tables.SelectMany(x => x.Rows), r => r.Label == "**");
        Assert.Equal("201286.11", t.Cell("total", Measure.Total));
    }

    [Fact] // p24 收入总表 by unit: 单位名称 | 总计 | 本年收入/小计 … | 上年结转结余/小计 | 上年结转结余/一般公共预算 …
    public void Huzhou_revenue_by_unit_reads_total_this_year_and_carry_over()
    {
        var t = Huzhou.Value.D.Table(TableKind.BudgetRevenue);
        Assert.Equal("201286.11", t.Cell("total", Measure.Total));
        Assert.Equal("201286.11", t.Cell("total", Measure.IncomeThisYear));
        Assert.Contains(t.Columns, c => c.Header == "上年结转结余/小计" && c.Key?.Measure == Measure.CarryIn);
        Assert.Contains(t.Columns, c => c.Header == "上年结转结余/一般公共预算" && c.Detail);
    }

    [Fact]
    public void Huzhou_and_Hangzhou_get_no_false_table_identity_findings()
    {
        Assert.Empty(TableFindings(Huzhou.Value.R));
        Assert.Empty(TableFindings(Hangzhou.Value.R));
    }

    [Fact] // p13: 类 | 款 | 项 printed one level per row (201 / 40 / 01); p15: 部门 301 paired with 政府 501 and again with 505
    public void Yantai_staggered_codes_and_paired_economic_classes()
    {
        var (d, r) = Yantai.Value;
        var b5 = d.Table(TableKind.BudgetGeneralExpenditure);
        Assert.Equal("507.97", b5.Cell("2014001", Measure.Total));
        Assert.Equal("346.87", b5.Cell("2014050", Measure.Total));
        Assert.Empty(r.ByRule("GK225").Where(f => f.Severity == Severity.Error));
        // the one real defect of the document (公开表2, 3 and 5 alike): 20140 信访事务 carries 524.00 项目支出 that no 项 row holds
        var errors = r.ByRule("GK201").Where(f => f.Severity == Severity.Error).ToList();
        Assert.All(errors, f => Assert.Contains("20140 信访事务", f.Message));
        var real = Assert.Single(errors, f => f.Table == TableKind.BudgetGeneralExpenditure && f.Message.Contains("合计列"));
        Assert.Equal(854.84m, real.Expected);
        Assert.Equal(1378.84m, real.Found);
    }

    [Fact] // p18: 2025年预算数 block beside 2026年预算数: this year's figures are the 2026 block
    public void Yantai_three_public_reads_this_years_block()
    {
        var t = Yantai.Value.D.Table(TableKind.BudgetThreePublic);
        var total = t.Columns.Single(c => c.Key?.Measure == Measure.ThreePublicTotal);
        Assert.StartsWith("2026年", total.Header);
        Assert.Contains(t.Columns, c => c.Header.StartsWith("2025年", StringComparison.Ordinal) && c.Detail);
    }
}
