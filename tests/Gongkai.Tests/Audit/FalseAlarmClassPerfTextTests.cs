using Gongkai.Audit;
using Gongkai.Audit.Rules.Classification;
using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Audit.Rules.Performance;
using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Mechanisms behind false alarms of the classification (GK5xx), performance (GK6xx) and text (GK70x) rules seen on
/// published disclosures, each with the real defect that must keep firing.
/// </summary>
public class FalseAlarmClassPerfTextTests
{
    private static readonly ColumnKey T = Measure.Total;
    private static readonly AuditOptions Real = new() { Catalog = CatalogAdapter.Instance };

    // ------------------------------------------------------------------ GK506 / GK505

    [Fact]
    public void GK506_ignores_codes_printed_next_to_project_or_unit_names()
    {
        // a procurement list prints 类 | 款 | 项 next to unit and project names: those labels are not subject names
        var b = DocBuilder.Budget(2026).Table(TableKind.Procurement, t => t.Columns(Measure.Amount)
            .Row("204", "西安市公安局", 1m).Row("204", "车辆运行维护费", 1m));
        Assert.Empty(Run<CatalogName>(b, Real));
        Assert.Empty(Run<OneCodeTwoNames>(b, Real));
    }

    [Fact]
    public void GK506_a_class_code_with_the_name_of_one_of_its_items_is_a_split_code_not_a_wrong_name()
    {
        // 301 | 01 | 基本工资 read as code 301: the name belongs to 30101
        var split = DocBuilder.Budget(2026).Table(TableKind.BudgetGeneralBasic, t => t.Columns(T)
            .Row("301", "工资福利支出", 2m).Row("301", "基本工资", 1m).Row("301", "津贴补贴", 1m));
        Assert.Empty(Run<CatalogName>(split, Real));
        Assert.Empty(Run<OneCodeTwoNames>(split, Real));

        // the name of another class is still a wrong name
        var wrong = DocBuilder.Budget(2026).Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Row("301", "商品和服务支出", 1m));
        var f = Single<CatalogName>(wrong, options: Real);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("工资福利支出", f.Message);
    }

    [Fact]
    public void GK506_a_name_differing_only_by_de_or_a_bracketed_qualifier_is_a_hint()
    {
        var b = DocBuilder.Budget(2026).Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Row("303", "对个人和家庭补助", 1m));
        var f = Single<CatalogName>(b, options: Real);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.True(ClassRows.MinorVariant("资本金注入（基本建设）", "资本金注入"));
        Assert.False(ClassRows.MinorVariant("基本工资", "津贴补贴"));
    }

    [Fact]
    public void GK505_compares_only_printed_codes_and_softens_wording_variants()
    {
        // codes the recognizer derived from names (summary economic lines) only give a hint
        var derived = DocBuilder.Budget(2026).Table(TableKind.BudgetSummary, _ => { });
        derived.Doc.Tables[0].Rows.Add(new DataRow { Label = "(3)对个人和家庭的补助", Code = new ClassificationCode("303", CodeScheme.DepartmentEconomic), Line = SummaryLine.EconomicLine, Side = Side.Expenditure, Source = derived.Next("(3)对个人和家庭的补助") });
        derived.Doc.Tables[0].Rows.Add(new DataRow { Label = "(4)债务付息及费用支出", Code = new ClassificationCode("307", CodeScheme.DepartmentEconomic), Line = SummaryLine.EconomicLine, Side = Side.Expenditure, Source = derived.Next("(4)债务付息及费用支出") });
        derived.Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Row("307", "债务利息及费用支出", 1m));
        var hint = Assert.Single(Run<OneCodeTwoNames>(derived, Real));
        Assert.Equal(Severity.Info, hint.Severity);
        Assert.Contains("307", hint.Message);

        // printed codes with two names still fire; a 的 variant is a hint
        var two = DocBuilder.Budget(2022)
            .Table(TableKind.BudgetRevenue, t => t.Columns(T).Row("21305", "扶贫", 1m))
            .Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Row("303", "对个人和家庭补助", 1m))
            .Table(TableKind.BudgetGeneralByEconomic, t => t.Columns(T).Row("303", "对个人和家庭的补助", 1m))
            .Table(TableKind.BudgetExpenditure, t => t.Columns(T).Row("21305", "巩固脱贫衔接乡村振兴", 1m).Row("305", "某某局", 1m));
        var all = Run<OneCodeTwoNames>(two, Real);
        Assert.Equal(2, all.Count); // the unit code 305 on a function table names no subject
        Assert.Equal(Severity.Warning, Assert.Single(all, f => f.Message.Contains("21305")).Severity);
        Assert.Equal(Severity.Info, Assert.Single(all, f => f.Message.Contains("303")).Severity);
    }

    // ------------------------------------------------------------------ GK504 / GK502

    [Fact]
    public void GK504_restarts_under_every_unit_row_and_ignores_project_lists()
    {
        var grouped = DocBuilder.Budget(2026).Table(TableKind.BudgetExpenditure, t => t.Columns(T)
            .Total(4m)
            .Plain("单位甲", 2m).Row("205", "教育支出", 1m).Row("221", "住房保障支出", 1m)
            .Plain("单位乙", 2m).Row("205", "教育支出", 1m).Row("221", "住房保障支出", 1m));
        Silent<CodeOrder>(grouped);

        var list = DocBuilder.Budget(2026).Table(TableKind.CarryOverExpenditure, t => t.Columns(T)
            .Row("2040299", "其他公安支出", 1m).Row("2040202", "一般行政管理事务", 1m).Row("2040299", "其他公安支出", 1m));
        Silent<CodeOrder>(list);

        var disorder = DocBuilder.Budget(2026).Table(TableKind.BudgetExpenditure, t => t.Columns(T)
            .Plain("单位甲", 2m).Row("221", "住房保障支出", 1m).Row("205", "教育支出", 1m));
        Single<CodeOrder>(disorder);
    }

    [Fact]
    public void GK502_flat_item_lists_and_sections_printed_without_code_are_not_missing_parents()
    {
        // only 项 rows (a layout), no 类/款 at all
        var flat = DocBuilder.Budget(2026).Table(TableKind.BudgetExpenditure, t => t.Columns(T)
            .Total(2m).Row("2010301", "行政运行", 1m).Row("2080501", "行政单位离退休", 1m));
        Silent<MissingParentRow>(flat, Real);

        // 款 printed as "03 职业教育" whose code was not read
        var uncoded = DocBuilder.Budget(2026).Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T)
            .Total(7m).Row("205", "教育支出", 5m).Plain("职业教育", 5m).Row("2050399", "其他职业教育支出", 5m)
            .Row("208", "社会保障和就业支出", 2m).Row("20805", "行政事业单位养老支出", 2m).Row("2080505", "机关事业单位基本养老保险缴费支出", 2m));
        Silent<MissingParentRow>(uncoded, Real);

        // a table with 款 rows that lacks one still fires
        var missing = DocBuilder.Budget(2026).Table(TableKind.BudgetExpenditure, t => t.Columns(T)
            .Total(3m).Row("208", "社会保障和就业支出", 3m).Row("20805", "行政事业单位养老支出", 2m).Row("2080505", "机关事业单位基本养老保险缴费支出", 2m)
            .Row("2080801", "死亡抚恤", 1m));
        var f = Single<MissingParentRow>(missing, options: Real);
        Assert.Contains("20808", f.Message);
    }

    // ------------------------------------------------------------------ GK508 / GK509

    private static DocBuilder Pair(string dept, string deptName, string gov, string govName)
    {
        var b = DocBuilder.Budget(2026).Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Row(dept, deptName, 1m));
        var row = b.Doc.Tables[0].Rows[0];
        var paired = new DataRow
        {
            Label = row.Label, Code = row.Code, Source = row.Source,
            PairedCode = new ClassificationCode(gov, CodeScheme.GovernmentEconomic), PairedLabel = govName,
        };
        foreach (var kv in row.Values) paired.Values[kv.Key] = kv.Value;
        b.Doc.Tables[0].Rows[0] = paired;
        return b;
    }

    [Fact]
    public void GK508_is_a_hint_when_the_mapping_knows_no_row_for_the_payer()
    {
        // 30107 绩效工资 is mapped for 事业单位 only; a 机关 reporting it under 501xx cannot be judged
        var f = Assert.Single(Run<EconomicPairAllowed>(Pair("30107", "绩效工资", "50199", "其他工资福利支出"), Real));
        Assert.Equal(Severity.Info, f.Severity);
        // 30101 基本工资 under 50201 办公经费 is a wrong pairing for a 机关
        var w = Assert.Single(Run<EconomicPairAllowed>(Pair("30101", "基本工资", "50201", "办公经费"), Real));
        Assert.Equal(Severity.Warning, w.Severity);
    }

    [Fact]
    public void GK509_a_department_code_in_the_code_column_is_not_a_function_class()
    {
        DocBuilder Make(string code, string label) => DocBuilder.Budget(2026)
            .Table(TableKind.BudgetSummary, t => t.ExpenseClass("205", "教育支出", 1m))
            .Table(TableKind.BudgetExpenditure, t => t.Columns(T).Total(2m).Row("205", "教育支出", 1m).Row(code, label, 1m));
        Silent<SummaryClassLineBlank>(Make("252", "某某局"), Real);
        var f = Single<SummaryClassLineBlank>(Make("221", "住房保障支出"), options: Real);
        Assert.Contains("221", f.Message);
    }

    // ------------------------------------------------------------------ GK6xx

    private static DocBuilder Target(string project, params (string L1, string L2, string Name, string Unit)[] indicators)
    {
        var b = DocBuilder.Budget(2026);
        var p = new PerformanceTarget { ProjectName = project, Source = b.Next(project) };
        foreach (var (l1, l2, name, unit) in indicators)
            p.Indicators.Add(new Indicator { Level1 = l1, Level2 = l2, Name = name, Unit = unit, Source = b.Next(name) });
        b.Doc.PerformanceTargets.Add(p);
        return b;
    }

    [Fact]
    public void GK616_a_numbered_indicator_with_content_is_not_a_placeholder()
    {
        Silent<PlaceholderIndicator>(Target("委托咨询业务", ("产出指标", "数量指标", "指标1：评审次数", "次"), ("产出指标", "指标1：专项资金使用效率", "逐步提高", "")));
        Single<PlaceholderIndicator>(Target("甲", ("产出指标", "数量指标", "指标1：", "")));
        Single<PlaceholderIndicator>(Target("乙", ("产出指标", "数量指标", "指标2：XX", "")));
        Single<PlaceholderIndicator>(Target("丙", ("产出指标", "指标1：", "", "")));
    }

    [Fact]
    public void GK616_unfilled_template_rows_skipped_by_the_reader_are_one_finding_per_table()
    {
        var b = Target("办公经费", ("产出指标", "数量指标", "订阅报纸", "份"));
        var p = b.Doc.PerformanceTargets[0];
        p.PlaceholderRows.Add(b.Next("\t社会效益指标\t经济效益指标\t指标1：\t"));
        p.PlaceholderRows.Add(b.Next("\t\t\t指标2：\t"));
        var f = Single<PlaceholderIndicator>(b, expected: 0m, found: 2m);
        Assert.Contains("「指标1：」", f.Message);
        Assert.Equal(2, f.Locations.Count);
    }

    [Fact]
    public void GK619_judges_a_project_continued_over_pages_as_one()
    {
        var b = Target("经常性运转经费", ("产出指标", "数量指标", "用水量", "万吨"));
        var more = new PerformanceTarget { ProjectName = "经常性运转经费", Source = b.Next("续") };
        more.Indicators.Add(new Indicator { Level1 = "效益指标", Level2 = "经济效益指标", Name = "保障正常运转", Source = b.Next("保障正常运转") });
        b.Doc.PerformanceTargets.Add(more);
        Silent<TargetHasOutputAndOutcome>(b);
        Single<TargetHasOutputAndOutcome>(Target("只有产出", ("产出指标", "数量指标", "用水量", "万吨")));
    }

    [Fact]
    public void GK620_per_mille_is_a_rate_unit_but_a_count_is_not()
    {
        Silent<RateIndicatorUnit>(Target("停车场", ("产出指标", "质量指标", "车辆折损率", "‰")));
        var f = Single<RateIndicatorUnit>(Target("物业费", ("效益指标", "社会效益指标", "安全生产保障率", "次")));
        Assert.Contains("次", f.Message);
    }

    [Fact]
    public void GK614_ignores_lines_of_another_table_attached_to_the_target()
    {
        var b = DocBuilder.Budget(2026);
        var at = new Provenance("doc.pdf", Page: 26, Text: "46,794.00");
        var p = new PerformanceTarget { ProjectName = "专项", Source = at, Amount = b.Fig(46794m, at: at) };
        var elsewhere = new Provenance("doc.pdf", Page: 28, Text: "8,071.45");
        p.Funds.Add(new FundLine("一般性项目", new() { ["当年财政拨款预算金额"] = b.Fig(8071.45m, at: elsewhere) }));
        p.Funds.Add(new FundLine("某指标·≥", new() { ["指标值"] = b.Fig(60000m, at: at) }));
        p.Funds.Add(new FundLine("市级支出", new() { ["金额"] = b.Fig(40624m, at: at) }));
        b.Doc.PerformanceTargets.Add(p);
        Silent<TargetFundsSum>(b);

        p.Funds.Add(new FundLine("补助区县", new() { ["金额"] = b.Fig(6000m, at: at) }));
        Single<TargetFundsSum>(b, expected: 46624m, found: 46794m);
    }

    [Fact]
    public void GK614_ignores_the_spending_details_block_on_the_same_page()
    {
        // the Hubei 申报表: 资金来源 lines, then 项目支出明细及依据 whose items carry 本级财政拨款金额 per item
        var b = DocBuilder.Budget(2023);
        var at = new Provenance("doc.pdf", Page: 31, Text: "103.20");
        var p = new PerformanceTarget { ProjectName = "医保经办机构", Source = at, Amount = b.Fig(103.20m, at: at) };
        p.Funds.Add(new FundLine("1.财政拨款收入（区级安排数）", new() { ["金额"] = b.Fig(103.20m, at: at) }));
        p.Funds.Add(new FundLine("2.财政拨款收入（上级转移支付）", new()));
        p.Funds.Add(new FundLine("医保经办机构租金", new() { ["本级财政拨款金额"] = b.Fig(60m, at: at) }));
        b.Doc.PerformanceTargets.Add(p);
        Silent<TargetFundsSum>(b);
        // a source line that does not add up still fires
        p.Funds.Add(new FundLine("4.其他资金", new() { ["金额"] = b.Fig(10m, at: at) }));
        Single<TargetFundsSum>(b, expected: 113.20m, found: 103.20m);
    }

    // ------------------------------------------------------------------ GK3xx units

    [Fact]
    public void GK312_compares_a_basic_table_in_yuan_with_the_three_public_table_in_wan_yuan()
    {
        DocBuilder Make(decimal yuan)
        {
            var b = DocBuilder.Final().Table(TableKind.FinalGeneralBasic, t => t.Columns(T).Row("30217", "公务接待费", yuan), unit: ValueUnit.Yuan);
            b.Doc.ThreePublic = new ThreePublicExpenses();
            b.Doc.ThreePublic.Final.Reception = b.Fig(0.28m);
            return b;
        }
        Silent<ThreePublicVsEconomic>(Make(2800m));
        Single<ThreePublicVsEconomic>(Make(28000m), expected: 0.28m, found: 2.8m);
    }

    [Fact]
    public void GK316_converts_a_project_list_in_yuan()
    {
        DocBuilder Make(decimal wan)
        {
            var b = DocBuilder.Budget(2026).Table(TableKind.ProjectList, t => t.Columns(Measure.Amount).Plain("医疗救助", 1000000m), unit: ValueUnit.Yuan);
            b.Doc.PerformanceTargets.Add(new PerformanceTarget { ProjectName = "医疗救助", Amount = b.Fig(wan), Source = b.Next("医疗救助") });
            return b;
        }
        Silent<ProjectTargetVsList>(Make(100m));
        Single<ProjectTargetVsList>(Make(120m), expected: 100m, found: 120m);
    }

    [Fact]
    public void GK316_a_target_covering_the_project_and_its_bracketed_lines_is_consistent()
    {
        DocBuilder Make(decimal wan)
        {
            var b = DocBuilder.Budget(2026).Table(TableKind.ProjectList, t => t.Columns(Measure.Amount)
                .Plain("审计专项补助经费", 1000000m).Plain("审计专项补助经费（结转）", 981827.50m), unit: ValueUnit.Yuan);
            b.Doc.PerformanceTargets.Add(new PerformanceTarget { ProjectName = "审计专项补助经费", Amount = b.Fig(wan), Source = b.Next("审计专项补助经费") });
            return b;
        }
        Silent<ProjectTargetVsList>(Make(198.18m));
        Silent<ProjectTargetVsList>(Make(100m));
        Single<ProjectTargetVsList>(Make(150m), expected: 100m, found: 150m);
    }

    // ------------------------------------------------------------------ GK70x

    [Fact]
    public void GK708_the_comparison_year_of_a_two_year_table_is_not_a_stale_header()
    {
        DocBuilder Make(params string[] headers)
        {
            var b = DocBuilder.Budget(2026).Table(TableKind.BudgetThreePublic, t => t.Columns(T).Plain("三公", 1m));
            for (int i = 0; i < headers.Length; i++) b.Doc.Tables[0].Columns.Add(new TableColumn(i, headers[i], T));
            return b;
        }
        Silent<ColumnHeaderYear>(Make("2025年预算数/合计", "2026年预算数/合计"));
        var f = Single<ColumnHeaderYear>(Make("2025年预算数/合计", "因公出国（境）费"));
        Assert.Equal(2025m, f.Found);
    }

    [Fact]
    public void GK704_plan_periods_cited_titles_and_schedules_are_not_wrong_years()
    {
        var ok = DocBuilder.Budget(2026)
            .Sentence("推进《防汛防台能力提升三年行动方案（2025-2027年）》实施。")
            .Sentence("主动对接《涉外法治工作规划（2026-2028年）》。")
            .Sentence("争取到2030年，全面建成国际性铁路枢纽。")
            .Sentence("项目尾款将按照合同约定于2028年支付。")
            .Sentence("力争2027年底前完成。");
        Silent<FutureYear>(ok);
        var f = Single<FutureYear>(DocBuilder.Budget(2024).Sentence("2025年预算安排收入100万元。"));
        Assert.Equal(2025m, f.Found);
    }

    [Fact]
    public void GK701_GK702_dot_leaders_of_a_table_of_contents_are_not_residue()
    {
        var toc = DocBuilder.Budget(2026)
            .Sentence("第一部分 部门概况…………………………3")
            .Sentence("一、部门职责。。。。。。。。。。5")
            .Sentence("二、机构设置。。。 7");
        Silent<TemplateResidue>(toc);
        Silent<RepeatedPunctuation>(toc);

        Single<RepeatedPunctuation>(DocBuilder.Budget(2026).Sentence("主要用于人员支出。。"));
        Single<TemplateResidue>(DocBuilder.Budget(2026).Sentence("主要用于……。"));
    }

    [Fact]
    public void GK703_a_word_repeated_twice_in_one_sentence_is_one_finding()
    {
        var b = DocBuilder.Budget(2026).Sentence("主要用于用于办公，其次用于用于培训。");
        var f = Single<DuplicatedWord>(b);
        Assert.Contains("用于", f.Message);
        Assert.Equal(2, Run<DuplicatedWord>(DocBuilder.Budget(2026).Sentence("主要用于用于办公。").Sentence("其次用于用于培训。")).Count);
    }
}
