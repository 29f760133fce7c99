using Gongkai.Audit;
using Gongkai.Audit.Rules.Completeness;
using Gongkai.Audit.Rules.Performance;
using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class SeedGapRuleTests
{
    [Fact]
    public void GK100_blank_template_fires_and_other_rules_stay_quiet()
    {
        var b = DocBuilder.Final().Sentence("本部门无政府性基金收支。");
        b.Doc.IsBlankTemplate = true;
        b.Doc.DepartmentName = "XX局";
        Single<BlankTemplate>(b);
        var report = Auditor.Audit(b.Doc);
        Assert.All(report.Findings, f => Assert.True(f.RuleId is "GK100" or "GK101" or "GK105" or "GK106", f.RuleId));
    }

    [Fact]
    public void GK100_real_document_is_silent() => Silent<BlankTemplate>(DocBuilder.Final().Sentence("本部门无政府性基金收支。"));

    [Fact]
    public void The_national_template_pdf_reports_one_hint_not_every_empty_table()
    {
        var d = new Gongkai.Recognition.DisclosureReader().Read(Gongkai.Tests.Support.Shared.Pdf("national-final-template-2024.pdf")).Disclosure;
        var report = Auditor.Audit(d);
        Assert.Equal(0, report.ErrorCount);
        Assert.Single(report.ByRule("GK100"));
    }

    [Fact]
    public void GK109_no_standard_table_fires()
    {
        var b = DocBuilder.Budget().Sentence("本部门预算收入合计100万元。");
        var f = Single<NoStandardTables>(b, expected: 8m, found: 0m);
        Assert.Contains("没有任何标准公开表格", f.Message);
    }

    [Fact]
    public void GK109_tables_attached_separately_still_fires_but_says_so()
    {
        var f = Single<NoStandardTables>(DocBuilder.Final().Sentence("公开报表附后。"), expected: 9m, found: 0m);
        Assert.Contains("另行公开", f.Message);
        Assert.Equal(Severity.Info, f.Severity); // a hint to check the attachment, not a 警告
        // Beijing: the tables are an attachment named at the end of the text
        Assert.Equal(Severity.Info, Single<NoStandardTables>(DocBuilder.Budget().Sentence("附件：北京市某局 2026 年度部门预算批复公开表")).Severity);
        Assert.Equal(Severity.Warning, Single<NoStandardTables>(DocBuilder.Budget().Sentence("本部门预算收入合计100万元。")).Severity);
    }

    [Fact]
    public void GK109_a_standard_table_is_silent() =>
        Silent<NoStandardTables>(DocBuilder.Budget().Table(TableKind.BudgetGovFund, t => t.Note("本部门无政府性基金收支，故本表无数据。")));

    private static DocBuilder Indicator(string name, string target, decimal? value, string unit)
    {
        var b = DocBuilder.Budget();
        var p = new PerformanceTarget { IsOverall = true, ProjectName = "部门整体", Source = b.Next("整体") };
        p.Indicators.Add(new Indicator { Name = name, TargetText = target, Target = value, Unit = unit, Operator = "≥", Source = b.Next(name) });
        b.Doc.PerformanceTargets.Add(p);
        return b;
    }

    [Fact] public void GK620_rate_with_a_year_as_value_fires() => Single<RateIndicatorUnit>(Indicator("县级财政补助到位率", "2021", 2021m, "年"), found: 2021m);
    [Fact] public void GK620_rate_counted_in_persons_fires() => Single<RateIndicatorUnit>(Indicator("医疗救助率", "90", 90m, "人次"), found: 90m);
    [Fact] public void GK620_rate_in_percent_is_silent() => Silent<RateIndicatorUnit>(Indicator("参保覆盖率", "95", 95m, "百分数"));
    [Fact] public void GK620_efficiency_is_not_a_rate() => Silent<RateIndicatorUnit>(Indicator("工作效率", "3", 3m, "天"));

    private static DocBuilder Years(int docYear, params YearMention[] mentions)
    {
        var b = DocBuilder.Budget(docYear);
        var p = new PerformanceTarget { ProjectName = "举报奖励", Source = b.Next("项目") };
        p.YearMentions.AddRange(mentions);
        b.Doc.PerformanceTargets.Add(p);
        return b;
    }

    [Fact]
    public void GK711_start_year_of_last_year_fires() =>
        Single<StaleProjectYears>(Years(2023, new YearMention(2022, true, "起始年度", "2022年", new Provenance("x", 5))), expected: 2023m, found: 2022m);

    [Fact]
    public void GK711_history_three_years_back_fires() =>
        Single<StaleProjectYears>(Years(2023, new YearMention(2020, false, "项目前两年预算及当年预算变动情况", "2020年", new Provenance("x", 6))), expected: 2021m, found: 2020m);

    [Fact]
    public void GK711_current_and_two_previous_years_are_silent() =>
        Silent<StaleProjectYears>(Years(2023,
            new YearMention(2023, true, "项目年度", "2023年", new Provenance("x", 5)),
            new YearMention(2021, false, "项目前两年预算及当年预算变动情况", "2021年", new Provenance("x", 6)),
            new YearMention(2022, false, "项目前两年预算及当年预算变动情况", "2022年", new Provenance("x", 6))));
}
