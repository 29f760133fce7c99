using Gongkai.Audit;
using Gongkai.Cli.Commands;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// Published PDFs of ../shared/corpus: files that are not disclosures are refused like unreadable files, and the
/// completeness rules (GK101–GK109) stay silent where the tables are there in other words, in a separate file, or
/// with their empty-table note in another form. Real defects keep firing (Seed004, the synthetic models).
/// </summary>
public class CorpusCompletenessTests
{
    private static string Corpus(string prefix) =>
        Directory.GetFiles(Path.Combine(Shared.Root, "corpus"), prefix + "*.pdf").Single();

    /// <summary>The corpus files marked disclosure=no in SOURCES.tsv.</summary>
    private static IEnumerable<string> Negatives() =>
        File.ReadLines(Path.Combine(Shared.Root, "corpus", "SOURCES.tsv")).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Where(c => c.Length >= 5 && c[4].Trim() == "no")
            .Select(c => Path.Combine(Shared.Root, "corpus", c[0]));

    private static readonly Dictionary<string, ReadResult> Cache = new();

    private static ReadResult Read(string prefix)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(prefix, out var r)) Cache[prefix] = r = new DisclosureReader().Read(Corpus(prefix));
            return r;
        }
    }

    private static AuditReport Check(string prefix) =>
        Auditor.Audit(Read(prefix).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    [Fact]
    public void The_three_files_that_are_not_disclosures_are_refused_with_what_they_seem_to_be()
    {
        var negatives = Negatives().ToList();
        Assert.Equal(3, negatives.Count);
        var seen = new List<string>();
        foreach (var file in negatives)
        {
            var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(file));
            Assert.Equal(ReadFailure.NotADisclosure, e.Failure);
            Assert.Contains(file, e.Message);
            Assert.DoesNotContain('\n', e.Message);
            Assert.Contains("不是部门预算/决算公开文档", e.Message);
            seen.Add(e.Message);
        }
        // what each one is, from its own first lines: a 巡察通告, a 函 with a document number, a 通知 issuing a 办法
        Assert.Contains(seen, m => m.Contains("通告"));
        Assert.Contains(seen, m => m.Contains("公文") && m.Contains("〔2024〕"));
        Assert.Contains(seen, m => m.Contains("一份通知"));
    }

    [Fact]
    public void A_non_disclosure_can_still_be_read_when_the_check_is_off() =>
        Assert.Empty(new DisclosureReader { RejectNonDisclosures = false }.Read(Negatives().First()).Disclosure.Tables
            .Where(t => t.Kind != TableKind.Unknown));

    [Fact]
    public void Real_disclosures_are_never_refused()
    {
        // one document per city of the corpus, the seeds and the shared sample PDFs (incl. the blank national template)
        var files = Directory.GetFiles(Path.Combine(Shared.Root, "corpus"), "*.pdf")
            .Where(f => !Negatives().Contains(f))
            .GroupBy(f => Path.GetFileName(f)[..3]).Select(g => g.First())
            .Concat(Directory.GetFiles(Path.Combine(Shared.Root, "seeds"), "*.txt"))
            .Concat(Directory.GetFiles(Path.Combine(Shared.Root, "samples", "pdf"), "*.pdf"))
            .ToList();
        Assert.True(files.Count >= 20);
        foreach (var f in files)
        {
            var r = new DisclosureReader().Read(f); // throws NotADisclosure if refused
            Assert.Null(DisclosureEvidence.NotADisclosure(r.Source, r.Disclosure));
        }
    }

    [Fact]
    public void Check_reports_a_non_disclosure_in_one_line_with_exit_2_and_goes_on_with_the_batch()
    {
        var bad = Negatives().First();
        var good = Corpus("002-北京-2026年北京市人民政府国有资产监督管理委员会");
        var run = CliRun.Of("check", bad, good, "--format", "json");
        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        var line = Assert.Single(run.ErrLines);
        Assert.Contains(bad, line);
        Assert.Contains("不是部门预算/决算公开文档", line);
        Assert.Contains(good, run.Out); // the other file was checked
        Assert.DoesNotContain(bad, run.Out);
        Assert.False(run.HasStackTrace);
        var read = CliRun.Of("read", bad);
        Assert.Equal(ExitCodes.InputUnreadable, read.ExitCode);
    }

    [Theory] // 收支总体情况表 / 收入总体情况表 / （本年）支出总体情况表 are B1–B3
    [InlineData("004-重庆-2026年重庆市委宣传部")]
    [InlineData("005-广州-交通运输局")]
    [InlineData("025-烟台-2026年烟台市信访局")]
    [InlineData("015-长沙-教育局")]
    public void Summary_tables_titled_as_overall_situation_tables_are_the_standard_ones(string prefix)
    {
        var d = Read(prefix).Disclosure;
        foreach (var k in new[] { TableKind.BudgetSummary, TableKind.BudgetRevenue, TableKind.BudgetExpenditure })
            Assert.Single(d.Tables, t => t.Kind == k);
        Assert.Empty(Check(prefix).ByRule("GK101"));
        Assert.Empty(Check(prefix).ByRule("GK105"));
    }

    [Fact] // p10, p12: the 收入/支出总体情况表 continue after a page number (—9—) taken for a title before
    public void A_page_number_between_two_pages_of_a_table_does_not_split_it()
    {
        var d = Read("004-重庆-2026年重庆市委宣传部").Disclosure;
        Assert.DoesNotContain(d.Tables, t => t.Title.Contains('—'));
        Assert.True(d.Table(TableKind.BudgetRevenue)!.SourceTables.Count >= 2);
        Assert.Empty(Check("004-重庆-2026年重庆市委宣传部").ByRule("GK202"));
    }

    [Fact] // 表4 基本支出总表 and 表5 项目支出总表 follow 表3 支出总表: parts of the spending, not second and third B3
    public void Basic_and_project_spending_tables_are_not_a_second_expenditure_table()
    {
        var d = Read("003-深圳-2026年深圳市审计局").Disclosure;
        var b3 = Assert.Single(d.Tables, t => t.Kind == TableKind.BudgetExpenditure);
        Assert.Equal("支出总表", b3.Title);
        Assert.Empty(Check("003-深圳-2026年深圳市审计局").ByRule("GK105"));
    }

    [Fact] // p10: the 其他收入 column of the 收入预算总表 printed on a page of its own, title cut to “26年预算单位收入预算总表”
    public void The_spill_page_of_a_wide_table_stays_with_its_table()
    {
        var d = Read("001-上海-2026年上海市政务服务和数据管理局").Disclosure;
        var b2 = Assert.Single(d.Tables, t => t.Kind == TableKind.BudgetRevenue);
        Assert.Equal(3, b2.SourceTables.Count);
        var r = Check("001-上海-2026年上海市政务服务和数据管理局");
        Assert.Empty(r.ByRule("GK105"));
        Assert.Empty(r.ByRule("GK102"));
    }

    [Fact] // p12 and p19: （注：2026年没有使用财政拨款收入和支出。） under the last page of a continued table, in brackets
    public void Empty_table_notes_in_brackets_and_after_a_continued_page_are_attached()
    {
        var d = Read("025-烟台-2026年烟台市信访局").Disclosure;
        Assert.Contains(d.Table(TableKind.BudgetFiscalSummary)!.Notes, n => n.Contains("没有使用财政拨款"));
        Assert.Contains(d.Table(TableKind.BudgetGovFund)!.Notes, n => n.Contains("政府性基金"));
        Assert.Empty(Check("025-烟台-2026年烟台市信访局").ByRule("GK102"));
    }

    [Fact] // p17: the 基本支出 table by economic class with codes in brackets ([30101]): once left unplaced (and then
    // not called empty), now read row by row; either way it is never reported as an empty table
    public void A_table_with_bracketed_codes_is_read_and_not_reported_empty()
    {
        var d = Read("005-广州-交通运输局").Disclosure;
        var b6 = d.Table(TableKind.BudgetGeneralBasic)!;
        Assert.False(b6.IsEmpty);
        // [30101]基本工资: the bracketed code is the row's code, the rest its name
        Assert.Contains(b6.Rows, r => r.Code?.Value == "30101" && r.Label == "基本工资");
        Assert.DoesNotContain(Check("005-广州-交通运输局").ByRule("GK102"), f => f.Table == TableKind.BudgetGeneralBasic);
        Assert.Contains(d.Recognition.Tables, t => t.Kind == TableKind.BudgetGeneralBasic && t.UnplacedCells == b6.UnplacedCells);
    }

    [Theory] // 栏次 1 2 3 (Suzhou 公开11表) and ** ** 1 (Huzhou 表09) are column numbers, not data under an empty-table note
    [InlineData("006-苏州-2026年苏州市交通运输局")]
    [InlineData("079-湖州-2026年湖州市交通运输局")]
    public void Column_number_rows_are_not_data(string prefix)
    {
        var b9 = Read(prefix).Disclosure.Table(TableKind.BudgetStateCapital)!;
        Assert.True(b9.IsEmpty);
        Assert.Empty(Check(prefix).ByRule("GK103"));
    }

    [Fact] // the 目录 names the tables in other words (（按支出功能分类科目） / （按功能科目分）; 上年结转 / 结转)
    public void Tables_of_the_contents_named_in_other_words_are_found()
    {
        var r = Check("020-西安-商务局");
        Assert.Empty(r.ByRule("GK106"));
        Assert.Empty(r.ByRule("GK102"));
    }

    [Fact] // the text ends with 附件：北京市司法局 2026 年度部门预算批复公开表 — the tables are a separate file
    public void Tables_published_as_an_attachment_are_a_hint_not_a_warning()
    {
        var f = Assert.Single(Check("002-北京-2026年北京市司法局").ByRule("GK109"));
        Assert.Equal(Severity.Info, f.Severity);
    }

    [Fact] // Guangzhou 表1 一、预算拨款: the region's word for the 财政拨款 income line, read as that line; the income sum holds
    public void The_budget_grant_income_row_is_the_fiscal_grant_line()
    {
        var b1 = Read("005-广州-交通运输局").Disclosure.Table(TableKind.BudgetSummary)!;
        Assert.Contains(b1.Rows, r => r.Side == Side.Income && r.Label.Contains("预算拨款") && r.Line != SummaryLine.None);
        Assert.DoesNotContain(Check("005-广州-交通运输局").ByRule("GK213"), f => f.Table == TableKind.BudgetSummary);
    }

    [Theory] // 上年结余、结转 (Shenzhen 表1) was an income row no line name knew: no sum on a guess
    [InlineData("003-深圳-2026年深圳市城市管理和综合执法局", "GK211")]
    public void Income_sums_are_not_checked_when_an_income_row_with_money_was_not_recognized(string prefix, string rule)
    {
        var b1 = Read(prefix).Disclosure.Table(TableKind.BudgetSummary)!;
        Assert.Contains(b1.Rows, r => r.Side == Side.Income && r.Line == SummaryLine.None && r.Values.Values.Any(v => v.IsNumber && v.Value != 0m));
        Assert.DoesNotContain(Check(prefix).ByRule(rule), f => f.Table == TableKind.BudgetSummary);
    }

    [Fact]
    public void The_recognition_report_accounts_for_every_numeric_cell()
    {
        var r = Read("006-苏州-2026年苏州市交通运输局");
        var s = r.Disclosure.Recognition;
        Assert.Equal(r.NumericCells, s.NumericCells);
        Assert.Equal(s.NumericCells, s.BoundCells + s.StructuralCells + s.ReportedCells + s.UnplacedCells);
        Assert.Equal(s.UnplacedCells, s.Tables.Sum(t => t.UnplacedCells));
        Assert.Equal(r.Disclosure.Tables.Count, s.Tables.Count);
        Assert.Contains(s.Tables, t => t.Kind == TableKind.BudgetSummary && t.Page == 8);

        var json = CliRun.Of("read", Corpus("006-苏州-2026年苏州市交通运输局"), "--format", "json");
        Assert.Contains("\"recognition\"", json.Out);
        Assert.Contains("\"unplacedCells\"", json.Out);
        Assert.Contains("\"unmappedColumns\"", json.Out);
        var text = CliRun.Of("read", Corpus("006-苏州-2026年苏州市交通运输局"));
        Assert.Contains("识别报告：标准表格", text.Out);
        Assert.Contains($"数字单元格 {s.NumericCells} 个", text.Out);
    }
}
