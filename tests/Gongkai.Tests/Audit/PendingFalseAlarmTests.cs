using Gongkai.Audit;
using Gongkai.Audit.Rules.Completeness;
using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Tables;
using Gongkai.Tests.Reading;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>
/// False alarms of the triage pending list, fixed in general form: each published file reads right and stays silent,
/// and a small built case with the defect still fires.
/// </summary>
public class PendingFalseAlarmTests
{
    private const string HZ = "008-杭州-2026年杭州市公安局部门预算.pdf";
    private const string BJ = "002-北京-2026年北京市人民政府国有资产监督管理委员会部门预算.pdf";
    private const string YTHousing = "025-烟台-2026年烟台市住房和城乡建设局部门预算.pdf";
    private const string YTPetitions = "025-烟台-2026年烟台市信访局部门预算.pdf";
    private const string HUZ = "079-湖州-2026年湖州市交通运输局部门预算.pdf";

    private static AuditReport Audit(string file) =>
        Auditor.Audit(PdfSamples.ReadCorpus(file).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    // ---------------------------------------------------------------- a row cut by a page break

    [Fact] // 表2 收入总表, pp. 21–22: 杭州市机动 | 14,549.64 | … | 12,437.3 | … | 2,112.28 goes on as 车驾驶员考试服务中心 | … | 6
    public void A_table_row_cut_by_a_page_break_is_joined_back()
    {
        var d = PdfSamples.ReadCorpus(HZ).Disclosure;
        var b2 = d.Table(TableKind.BudgetRevenue)!;
        var row = Assert.Single(b2.Rows, r => Compact(r.Label) == "杭州市机动车驾驶员考试服务中心");
        Assert.Equal(14549.64m, row[Measure.Total]!.Value);
        Assert.Contains(row.Values.Values, f => f.IsNumber && f.Value == 12437.36m);
        Assert.DoesNotContain(b2.Rows, r => Compact(r.Label).StartsWith("车驾驶员", StringComparison.Ordinal));
        Assert.DoesNotContain(d.Notes, n => n.Source.Page == 22 && n.Message.StartsWith("未归入模型的数字", StringComparison.Ordinal));
        Assert.DoesNotContain(Audit(HZ).ByRule("GK207"), f => f.Severity != Severity.Info);
    }

    private static SourceRow Row(params string[] texts) =>
        new(texts.Select((t, i) => new SourceCell(t, i, new Provenance("x.pdf", Page: 1, TableIndex: 0, Row: 0, Column: i))).ToList(), new Provenance("x.pdf", Page: 1));

    [Fact]
    public void Cut_row_fragments_join_and_rows_of_their_own_do_not()
    {
        var joined = CutRows.Join(Row("杭州市机动", "14,549.64", "", "12,437.3", "2,112.28"), Row("车驾驶员考试服务中心", "", "", "6", ""), 2);
        Assert.NotNull(joined);
        Assert.Equal("杭州市机动车驾驶员考试服务中心", joined![0]);
        Assert.Equal("12,437.36", joined[3]);
        // a row of its own: its total printed, or the figure above complete, or a cell the row above left blank
        Assert.Null(CutRows.Join(Row("A", "100.00", "", "12.50", "87.50"), Row("B", "6.00", "", "6.00", ""), 2));
        Assert.Null(CutRows.Join(Row("A", "100.00", "", "12.50", "87.50"), Row("B", "", "", "6", ""), 2));
        Assert.Null(CutRows.Join(Row("A", "100.00", "", "12.5", "87.50"), Row("B", "", "7", "", ""), 2));
        Assert.Null(CutRows.Join(Row("A", "100.00", "", "12.5", "87.50"), Row("B", "", "", "6", ""), null));
    }

    // ---------------------------------------------------------------- GK406: a list by fund source

    private const string Spending = "2026年支出预算515,665.27万元，其中：一般公共预算支出19,828.57万元，国有资本经营预算支出495,836.20万元。";

    private static DocBuilder FundList(string otherFunds) => DocBuilder.Budget()
        .Sentence($"本年其他资金收入{otherFunds}万元。", "二、收入预算情况说明")
        .Sentence(Spending, "三、支出预算情况说明")
        .Claim("支出预算", 515665.27m, ClaimKind.Breakdown, sentence: Spending,
            parts: new[] { ("一般公共预算支出", 19828.57m, (decimal?)null), ("国有资本经营预算支出", 495836.20m, null) });

    [Fact] // p3: the 支出 list names two fund sources; the 0.5 万元 of 其他资金 is stated in the 收入 section above
    public void GK406_a_fund_list_whose_rest_the_section_above_states_is_silent()
    {
        Assert.Empty(Audit(BJ).ByRule("GK406"));
        Silent<BreakdownSum>(FundList("0.5"));
        Single<BreakdownSum>(FundList("0.8"), expected: 515664.77m, found: 515665.27m);
    }

    // ---------------------------------------------------------------- GK418

    private static DocBuilder Coverage(string sentence, decimal stated, decimal? count = null)
    {
        var b = DocBuilder.Budget()
            .Table(TableKind.BudgetExpenditure, t => t.Columns(Measure.Total, Measure.Basic, Measure.Project).Total(1172.35m, 1010.51m, 161.84m))
            .Claim("预算资金", stated, sentence: sentence);
        if (count is decimal n)
        {
            b.Claim("", null, ClaimKind.Count, sentence: sentence);
            b.Doc.Claims[^1].Counts.Add((n, "个项目"));
        }
        return b;
    }

    [Theory] // 烟台: 政策和项目全面实施绩效目标管理 with the whole budget (住建局 45967.29, p36) or the projects it publishes (信访局 235 = 15 + 145 + 75, p28)
    [InlineData(YTHousing)]
    [InlineData(YTPetitions)]
    public void GK418_whole_budget_or_published_projects_is_silent(string file) => Assert.Empty(Audit(file).ByRule("GK418"));

    [Fact]
    public void GK418_whole_budget_only_when_the_sentence_does_not_name_project_spending()
    {
        Silent<PerformanceCoverage>(Coverage("政策和项目全面实施绩效目标管理，涉及预算资金1172.35万元", 1172.35m));
        Single<PerformanceCoverage>(Coverage("项目支出全面实施绩效目标管理，涉及预算资金1172.35万元", 1172.35m), expected: 161.84m, found: 1172.35m);
    }

    [Fact]
    public void GK418_the_sum_of_the_published_project_tables_is_silent()
    {
        DocBuilder Targets(decimal stated)
        {
            var b = Coverage("政策和项目全面实施绩效目标管理，涉及预算项目3个，预算资金" + stated + "万元", stated);
            foreach (var (name, amount) in new[] { ("公车统管", 15m), ("接访大厅运行", 145m), ("信访业务", 75m) })
                b.Doc.PerformanceTargets.Add(new PerformanceTarget { ProjectName = name, Amount = b.Fig(amount) });
            return b;
        }
        Silent<PerformanceCoverage>(Targets(235m));
        Single<PerformanceCoverage>(Targets(236m), expected: 161.84m, found: 236m);
    }

    [Fact] // JS18 p29: "共0个项目实行绩效目标管理，涉及财政性资金合计0万元" says no project has targets; it is no sum to compare
    public void GK418_zero_projects_with_zero_money_is_a_statement_not_a_sum()
    {
        Assert.Empty(PdfSamples.Read(PdfSamples.JS18B) is var r ? Auditor.Audit(r.Disclosure).ByRule("GK418") : null);
        const string s = "共{0}个项目实行绩效目标管理，涉及预算资金0万元";
        Silent<PerformanceCoverage>(Coverage(string.Format(s, 0), 0m, count: 0m));
        Single<PerformanceCoverage>(Coverage(string.Format(s, 5), 0m, count: 5m), expected: 161.84m, found: 0m);
    }

    // ---------------------------------------------------------------- GK314

    private static DocBuilder ListWithOperating(decimal listTotal) => DocBuilder.Budget()
        .Table(TableKind.BudgetExpenditure, t => t.Columns(Measure.Total, Measure.Basic, Measure.Project, Measure.OperatingExpenditure)
            .Total(1372.35m, 1010.51m, 161.84m, 200m))
        .Table(TableKind.ProjectList, t => t.Plain("航道养护", listTotal));

    [Fact] // 湖州 表10 lists 171462.41 = 支出总表 项目支出 171262.41 + 事业单位经营支出 200.00 (a project paid from 经营 income)
    public void GK314_a_list_that_holds_the_operating_spending_too_is_silent()
    {
        Assert.Empty(Audit(HUZ).ByRule("GK314"));
        Silent<ProjectListSum>(ListWithOperating(361.84m));
        Single<ProjectListSum>(ListWithOperating(371.84m), expected: 161.84m, found: 371.84m);
    }

    // ---------------------------------------------------------------- GK109

    [Fact]
    public void GK109_a_text_that_describes_the_tables_by_name_is_a_hint()
    {
        var f = Single<NoStandardTables>(DocBuilder.Budget().Sentence("收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映本部门支出预算的总体情况。"), expected: 8m, found: 0m);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("按名称", f.Message);
        // one table name, or a sentence saying there is none, is no sign that the tables exist
        Assert.Equal(Severity.Warning, Single<NoStandardTables>(DocBuilder.Budget().Sentence("支出总表反映本部门的全部支出。")).Severity);
        Assert.Equal(Severity.Warning, Single<NoStandardTables>(DocBuilder.Budget().Sentence("本部门无收支总表、基本支出表。")).Severity);
    }
}
