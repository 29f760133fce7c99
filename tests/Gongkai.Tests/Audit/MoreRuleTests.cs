using Gongkai.Audit;
using Gongkai.Audit.Rules.Classification;
using Gongkai.Audit.Rules.Completeness;
using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Audit.Rules.Performance;
using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>Fires + stays-silent tests of the rules added in rules2 (GK106–GK108, GK312–GK317, GK413–GK421, GK508–GK510, GK608–GK619, GK708–GK710).</summary>
public class MoreRuleTests
{
    private static readonly ColumnKey T = Measure.Total;
    private static readonly AuditOptions Real = new() { Catalog = CatalogAdapter.Instance };

    private static DocBuilder Toc(bool grid, bool? empty, string? reason, decimal? value = null)
    {
        var b = DocBuilder.Budget(2022);
        b.Doc.TableOfContents.Add(("2022年部门综合预算收入总表", empty, reason));
        b.Doc.Tables.Add(new DisclosureTable { Kind = TableKind.BudgetRevenue, Title = "2022年部门综合预算收入总表", HasGrid = grid, Source = b.Next("表2") });
        if (value is decimal v)
        {
            var r = new DataRow { Label = "合计", IsTotal = true };
            r.Values[T] = b.Fig(v);
            b.Doc.Tables[0].Rows.Add(r);
        }
        return b;
    }

    [Fact] public void GK106_title_only_table_fires() => Single<AnnouncedTableMissing>(Toc(false, false, null));
    [Fact] public void GK106_title_only_table_marked_empty_is_fine() => Silent<AnnouncedTableMissing>(Toc(false, true, "不涉及"));
    [Fact] public void GK107_toc_empty_but_data_fires() => Single<TocEmptyButData>(Toc(true, true, "不涉及", 5m));
    [Fact] public void GK107_silent_when_table_is_empty() => Silent<TocEmptyButData>(Toc(true, true, "不涉及"));
    [Fact] public void GK108_no_reason_fires() => Single<TocEmptyWithoutReason>(Toc(true, true, null));
    [Fact] public void GK108_reason_given_is_silent() => Silent<TocEmptyWithoutReason>(Toc(true, true, "不涉及"));

    private static DocBuilder Pair(string dept, string gov)
    {
        var b = DocBuilder.Budget(2022).Table(TableKind.BudgetGeneralByEconomic, t => { });
        b.Doc.Tables[0].Rows.Add(new DataRow { Label = "x", Code = ClassificationCode.TryCreate(dept), PairedCode = ClassificationCode.TryCreate(gov), Source = b.Next("x") });
        return b;
    }

    [Fact] public void GK508_pair_not_in_mapping_fires() => Single<EconomicPairAllowed>(Pair("30101", "50201"), options: Real);
    [Fact] public void GK508_allowed_pair_is_silent() => Silent<EconomicPairAllowed>(Pair("30101", "50101"), Real);
    [Fact] public void GK510_level_mismatch_fires() => Single<EconomicPairLevel>(Pair("301", "50101"), expected: 3m, found: 5m);
    [Fact] public void GK510_same_level_is_silent() => Silent<EconomicPairLevel>(Pair("30101", "50101"));

    private static DocBuilder SummaryAndDetail(decimal? line) => DocBuilder.Final()
        .Table(TableKind.FinalSummary, t => t.ExpenseClass("221", "住房保障支出", line).Expense(SummaryLine.TotalExpenditureThisYear, 35.09m))
        .Table(TableKind.FinalExpenditure, t => t.Columns(T).Total(35.09m).Row("221", "住房保障支出", 35.09m));

    [Fact] public void GK509_blank_class_line_fires() => Single<SummaryClassLineBlank>(SummaryAndDetail(null), expected: 35.09m, found: 0m);
    [Fact] public void GK509_filled_class_line_is_silent() => Silent<SummaryClassLineBlank>(SummaryAndDetail(35.09m));

    private static DocBuilder ThreeAndEcon(decimal reception, decimal line30217)
    {
        var b = DocBuilder.Final().Table(TableKind.FinalGeneralBasic, t => t.Columns(T).Row("30217", "公务接待费", line30217)
            .Row("30215", "会议费", 2.06m));
        b.Doc.ThreePublic = new ThreePublicExpenses { Meeting = b.Fig(1m) };
        b.Doc.ThreePublic.Final.Reception = b.Fig(reception);
        return b;
    }

    [Fact] public void GK312_econ_line_above_three_public_fires() => Single<ThreePublicVsEconomic>(ThreeAndEcon(1.80m, 2.30m), expected: 1.80m, found: 2.30m);
    [Fact] public void GK312_within_is_silent() => Silent<ThreePublicVsEconomic>(ThreeAndEcon(2.50m, 2.30m));
    [Fact] public void GK313_meeting_below_f6_fires() => Single<MeetingTrainingVsEconomic>(ThreeAndEcon(1m, 1m), expected: 1m, found: 2.06m);
    [Fact]
    public void GK313_meeting_covering_f6_is_silent()
    {
        var b = ThreeAndEcon(1m, 1m);
        b.Doc.ThreePublic!.Meeting = b.Fig(3m);
        Silent<MeetingTrainingVsEconomic>(b);
    }

    private static DocBuilder Projects(decimal listTotal, decimal project = 161.84m) => DocBuilder.Budget()
        .Table(TableKind.BudgetExpenditure, t => t.Columns(T, Measure.Basic, Measure.Project).Total(1172.35m, 1010.51m, project))
        .Table(TableKind.ProjectList, t => t.Plain("医疗救助", listTotal));

    [Fact] public void GK314_list_short_fires() => Single<ProjectListSum>(Projects(150m), expected: 161.84m, found: 150m);
    [Fact] public void GK314_list_equal_is_silent() => Silent<ProjectListSum>(Projects(161.84m));

    private static DocBuilder Overall(decimal amount, ValueUnit unit = ValueUnit.WanYuan, string? label = null)
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetSummary, t => t.Expense(SummaryLine.TotalExpenditureThisYear, 7163.37m))
            .Table(TableKind.BudgetExpenditure, t => t.Columns(T, Measure.Basic, Measure.Project).Total(7163.37m, 776.02m, 6387.35m));
        var p = new PerformanceTarget { IsOverall = true, ProjectName = "整体", Amount = b.Fig(amount, unit), StatedUnit = label, Source = b.Next("整体") };
        b.Doc.PerformanceTargets.Add(p);
        return b;
    }

    [Fact] public void GK315_overall_money_differs_fires() => Single<OverallTargetMoney>(Overall(8423.15m), expected: 7163.37m, found: 8423.15m);
    [Fact] public void GK315_overall_money_equal_is_silent() => Silent<OverallTargetMoney>(Overall(71633700m, ValueUnit.Yuan));

    /// <summary>The 整体 money block with its split: CQ grid (基本支出·合计 | 项目支出·合计) or Hubei 支出构成 (人员类 / 运转类 / 特定目标类).</summary>
    private static DocBuilder OverallSplit(bool categories, decimal basicOrPersonnel, decimal project, decimal running = 0m)
    {
        var b = Overall(7163.37m);
        var p = b.Doc.PerformanceTargets[0];
        if (categories)
        {
            p.Funds.Add(new FundLine("支出构成·人员类项目支出", new() { ["当年金额（万元）"] = b.Fig(basicOrPersonnel), ["占比"] = b.Fig(9.54m, ValueUnit.Percent) }));
            p.Funds.Add(new FundLine("支出构成·运转类项目支出", new() { ["当年金额（万元）"] = b.Fig(running) }));
            p.Funds.Add(new FundLine("支出构成·特定目标类项目支出", new() { ["当年金额（万元）"] = b.Fig(project) }));
        }
        else
            p.Funds.Add(new FundLine("总体资金情况（万元）", new() { ["预算支出总额"] = b.Fig(7163.37m), ["基本支出·合计"] = b.Fig(basicOrPersonnel), ["基本支出·财政拨款"] = b.Fig(basicOrPersonnel), ["项目支出·合计"] = b.Fig(project) }));
        return b;
    }

    [Fact] public void GK315_overall_project_split_differs_fires() => Single<OverallTargetMoney>(OverallSplit(false, 776.02m, 7647.13m), expected: 6387.35m, found: 7647.13m);
    [Fact] public void GK315_overall_split_equal_is_silent() => Silent<OverallTargetMoney>(OverallSplit(false, 776.02m, 6387.35m));
    [Fact] public void GK315_overall_category_split_differs_fires() => Single<OverallTargetMoney>(OverallSplit(true, 683.28m, 6387.35m, 90.00m), expected: 776.02m, found: 773.28m);
    [Fact] public void GK315_overall_category_split_equal_is_silent() => Silent<OverallTargetMoney>(OverallSplit(true, 683.28m, 6387.35m, 92.74m));

    private static DocBuilder ProjectTarget(decimal amount, ValueUnit unit = ValueUnit.WanYuan, string? label = null)
    {
        var b = Projects(120m);
        b.Doc.PerformanceTargets.Add(new PerformanceTarget { ProjectName = "医疗救助", Amount = b.Fig(amount, unit), StatedUnit = label, Source = b.Next("项目") });
        return b;
    }

    [Fact] public void GK316_target_differs_from_list_fires() => Single<ProjectTargetVsList>(ProjectTarget(100m), expected: 120m, found: 100m);
    [Fact] public void GK316_target_equal_is_silent() => Silent<ProjectTargetVsList>(ProjectTarget(1200000m, ValueUnit.Yuan));
    [Fact] public void GK617_yuan_label_with_wan_figures_fires() => Single<TargetUnitLabel>(ProjectTarget(120m, ValueUnit.Yuan, "元"), expected: 1200000m, found: 120m);
    [Fact] public void GK617_yuan_figures_are_silent() => Silent<TargetUnitLabel>(ProjectTarget(1200000m, ValueUnit.Yuan, "元"));

    private static DocBuilder SelfEval(decimal executedYuan, bool overall = false) => DocBuilder.Final()
        .Table(TableKind.FinalSummary, t => t.Expense(SummaryLine.TotalExpenditureThisYear, 741.23m))
        .Table(TableKind.FinalExpenditure, t => t.Columns(T, Measure.Basic, Measure.Project).Total(741.23m, 288.03m, 453.20m))
        .SelfEvaluation(overall, s => s.Funds(null, null, executedYuan, null));

    [Fact] public void GK317_execution_above_project_spending_fires() => Single<SelfEvaluationVsProjectSpending>(SelfEval(9876500m), expected: 453.20m, found: 987.65m);
    [Fact] public void GK317_execution_within_is_silent() => Silent<SelfEvaluationVsProjectSpending>(SelfEval(4532000m));
    [Fact] public void GK618_overall_execution_differs_fires() => Single<OverallSelfEvaluationMoney>(SelfEval(7000000m, true), expected: 741.23m, found: 700m);
    [Fact] public void GK618_overall_execution_equal_is_silent() => Silent<OverallSelfEvaluationMoney>(SelfEval(7412300m, true));

    private static DocBuilder ThreeBase(decimal stated)
    {
        var b = DocBuilder.Final().Claim("公务接待费", 1.2m, ClaimKind.Change, ChangeDirection.Decrease, 0.3m, @base: ComparisonBase.InitialBudget, baseAmount: stated);
        b.Doc.ThreePublic = new ThreePublicExpenses();
        b.Doc.ThreePublic.Budget.Reception = b.Fig(1.5m);
        return b;
    }

    [Fact] public void GK413_base_matching_no_budget_fires() => Single<ThreePublicBudgetBase>(ThreeBase(2m), expected: 1.5m, found: 2m);
    [Fact] public void GK413_base_matching_the_budget_is_silent() => Silent<ThreePublicBudgetBase>(ThreeBase(1.5m));

    private static DocBuilder Procure(decimal stated, decimal? table = 81.2m)
    {
        var b = DocBuilder.Budget().Claim("政府采购预算共", stated).Procurement(table, null, null, table, 50m);
        b.Table(TableKind.Procurement, t => t.Plain("合计", table));
        return b;
    }

    [Fact] public void GK414_narrative_total_differs_fires() => Single<ProcurementNarrativeVsTable>(Procure(92m), expected: 81.2m, found: 92m);
    [Fact] public void GK414_equal_is_silent() => Silent<ProcurementNarrativeVsTable>(Procure(81.2m));
    [Fact]
    public void GK415_sme_share_wrong_fires()
    {
        var b = DocBuilder.Budget().Claim("授予中小企业合同金额", 50m, share: 30m).Procurement(200m, null, null, 200m, 50m);
        Single<SmeShare>(b, expected: 25m, found: 30m);
        Silent<SmeShare>(DocBuilder.Budget().Claim("授予中小企业合同金额", 50m, share: 25m).Procurement(200m, null, null, 200m, 50m));
    }

    private static DocBuilder Vehicles(decimal stated)
    {
        var b = DocBuilder.Budget();
        b.Doc.Assets = new AssetSummary { VehicleCount = b.Fig(2m, ValueUnit.Count, 0) };
        b.Doc.Claims.Add(new Claim { Kind = ClaimKind.Count, Subject = "车辆", Sentence = "车辆", Source = b.Next("车辆") });
        b.Doc.Claims[^1].Counts.Add((stated, "辆"));
        return b;
    }

    [Fact] public void GK416_vehicle_count_differs_fires() => Single<VehicleCount>(Vehicles(3m), expected: 2m, found: 3m);
    [Fact] public void GK416_equal_is_silent() => Silent<VehicleCount>(Vehicles(2m));

    private static DocBuilder ProjectCount(decimal stated)
    {
        var b = DocBuilder.Budget().Target(false, 90m).Target(false, 90m);
        b.Doc.Claims.Add(new Claim { Kind = ClaimKind.Count, Subject = "项目", Sentence = "共有项目编制绩效目标", Source = b.Next("n") });
        b.Doc.Claims[^1].Counts.Add((stated, "个"));
        return b;
    }

    [Fact] public void GK417_count_differs_fires() => Single<ProjectCountVsTargets>(ProjectCount(3m), expected: 2m, found: 3m);
    [Fact] public void GK417_equal_is_silent() => Silent<ProjectCountVsTargets>(ProjectCount(2m));

    private static DocBuilder Coverage(decimal stated) => Projects(161.84m).Claim("一般公共预算当年财政拨款", stated, sentence: "全部项目纳入绩效目标管理，金额为");

    [Fact] public void GK418_coverage_differs_fires() => Single<PerformanceCoverage>(Coverage(150m), expected: 161.84m, found: 150m);
    [Fact] public void GK418_equal_is_silent() => Silent<PerformanceCoverage>(Coverage(161.84m));

    [Fact]
    public void GK419_none_stated_but_table_has_data_fires_and_is_silent_otherwise()
    {
        var b = DocBuilder.Budget().Sentence("本部门无政府性基金收支").Table(TableKind.BudgetGovFund, t => t.Columns(T).Total(50m));
        Single<NarrativeNoneButTable>(b, expected: 0m, found: 50m);
        Silent<NarrativeNoneButTable>(DocBuilder.Budget().Sentence("本部门无政府性基金收支").Table(TableKind.BudgetGovFund, t => t.Columns(T).Total(0m)));
    }

    [Fact]
    public void GK420_amount_stated_but_table_title_only_fires_and_is_silent_with_data()
    {
        var b = DocBuilder.Budget().Claim("政府采购预算", 92m);
        b.Doc.Tables.Add(new DisclosureTable { Kind = TableKind.Procurement, Title = "政府采购预算表", HasGrid = false, Source = b.Next("表12") });
        Single<NarrativeAmountButTableEmpty>(b, expected: 92m, found: 0m);
        Silent<NarrativeAmountButTableEmpty>(DocBuilder.Budget().Claim("政府采购预算", 92m).Table(TableKind.Procurement, t => t.Plain("合计", 92m)));
    }

    private static DocBuilder Split(decimal basic) => DocBuilder.Budget().Claim("基本支出", basic).Claim("人员经费", 683.28m).Claim("公用经费", 92.74m);
    [Fact] public void GK421_split_does_not_add_up_fires() => Single<NarrativeBasicSplit>(Split(763.52m), expected: 776.02m, found: 763.52m);
    [Fact] public void GK421_split_adds_up_is_silent() => Silent<NarrativeBasicSplit>(Split(776.02m));

    private static DocBuilder Indicators(params Indicator[] inds)
    {
        var b = DocBuilder.Budget().Profile(RegionProfile.Hebei);
        var p = new PerformanceTarget { ProjectName = "项目B", Amount = b.Fig(100m), Source = b.Next("t") };
        p.Indicators.AddRange(inds);
        b.Doc.PerformanceTargets.Add(p);
        return b;
    }

    private static Indicator I(string l1 = "产出指标", string l2 = "数量指标", string name = "救助人次", string op = "≥", decimal? target = 100m,
        string unit = "人次", decimal? weight = null, decimal? coefficient = null, string? note = null) =>
        new() { Level1 = l1, Level2 = l2, Name = name, Operator = op, Target = target, TargetText = target?.ToString() ?? "", Unit = unit, Weight = weight,
            Coefficient = coefficient, Note = note, Source = new Provenance("doc.txt", 900) };

    [Fact] public void GK608_weights_95_fires() => Single<WeightsSumAnyProfile>(Indicators(I(weight: 50m), I(weight: 45m)), expected: 100m, found: 95m);
    [Fact] public void GK608_weights_90_are_silent() => Silent<WeightsSumAnyProfile>(Indicators(I(weight: 50m), I(weight: 40m)));
    [Fact] public void GK609_unknown_level_name_fires() => Single<IndicatorLevelNames>(Indicators(I(l2: "响应指标")));
    [Fact] public void GK609_standard_names_are_silent() => Silent<IndicatorLevelNames>(Indicators(I(), I("效益指标", "社会效益指标"), I("满意度指标", "服务对象满意度指标")));
    [Fact] public void GK610_percent_above_100_fires() => Assert.Single(Run<IndicatorOperatorFits>(Indicators(I(name: "参保率", target: 120m, unit: "%"))));
    [Fact] public void GK610_rate_with_le_fires() => Assert.Single(Run<IndicatorOperatorFits>(Indicators(I(name: "满意度", op: "≤", target: 90m, unit: "%"))));
    [Fact] public void GK610_sensible_operators_are_silent() => Assert.Empty(Run<IndicatorOperatorFits>(Indicators(I(name: "满意度", target: 90m, unit: "%"), I(name: "投诉率", op: "≤", target: 5m, unit: "%"))));
    [Fact] public void GK611_bare_number_name_fires() => Single<IndicatorNameIsNumber>(Indicators(I(name: "1100")));
    [Fact] public void GK611_text_name_is_silent() => Silent<IndicatorNameIsNumber>(Indicators(I(name: "救助人次1100")));
    [Fact] public void GK612_yuan_in_wan_fires() => Single<IndicatorUnitMagnitude>(Indicators(I(name: "成本", op: "≤", target: 500000m, unit: "万元")), expected: 100m, found: 500000m);
    [Fact] public void GK612_plausible_amount_is_silent() => Silent<IndicatorUnitMagnitude>(Indicators(I(name: "成本", op: "≤", target: 100m, unit: "万元")));

    [Fact]
    public void GK613_shortfall_without_note_is_a_hint_and_silent_with_note()
    {
        var b = DocBuilder.Final().SelfEvaluation(false, s => s.Indicator("参保率", "≥", 95m, 80m, 15.79m, 80m, 10m, 8m));
        var f = Assert.Single(Run<ShortfallWithoutNote>(b));
        Assert.Equal(Severity.Info, f.Severity);
        b.Doc.SelfEvaluations[0].Indicators[0] = new Indicator { Name = "参保率", Coefficient = 80m, Note = "参保人数下降" };
        Assert.Empty(Run<ShortfallWithoutNote>(b));
    }

    private static DocBuilder Funds(decimal a, decimal bb)
    {
        var b = Indicators(I());
        var p = b.Doc.PerformanceTargets[0];
        p.Funds.Add(new FundLine("财政拨款", new() { ["金额"] = b.Fig(a) }));
        p.Funds.Add(new FundLine("其他资金", new() { ["金额"] = b.Fig(bb) }));
        return b;
    }

    [Fact] public void GK614_sources_do_not_add_up_fires() => Single<TargetFundsSum>(Funds(80m, 10m), expected: 90m, found: 100m);
    [Fact] public void GK614_sources_add_up_is_silent() => Silent<TargetFundsSum>(Funds(80m, 20m));

    /// <summary>A target whose fund-source block prints its own total (当年预算合计, HB 项目绩效目标表).</summary>
    private static DocBuilder SourcesTotal(decimal declared)
    {
        var b = Indicators(I());
        b.Doc.PerformanceTargets[0].Funds.Add(new FundLine("当年预算合计", new() { ["2022年预算申报数"] = b.Fig(declared) }));
        return b;
    }

    [Fact] public void GK614_sources_total_line_other_than_the_year_budget_fires() => Single<TargetFundsSum>(SourcesTotal(110m), expected: 100m, found: 110m);
    [Fact] public void GK614_sources_total_line_equal_to_the_year_budget_is_silent() => Silent<TargetFundsSum>(SourcesTotal(100m));

    private static DocBuilder Plan(params decimal[] steps)
    {
        var b = Indicators(I());
        foreach (var s in steps) b.Doc.PerformanceTargets[0].SpendingPlan.Add(b.Fig(s, ValueUnit.Percent));
        return b;
    }

    [Fact] public void GK615_decreasing_plan_fires() => Single<SpendingPlanCumulative>(Plan(30m, 25m, 100m), expected: 30m, found: 25m);
    [Fact] public void GK615_cumulative_plan_is_silent() => Silent<SpendingPlanCumulative>(Plan(25m, 50m, 75m, 100m));
    [Fact] public void GK616_placeholder_fires() => Single<PlaceholderIndicator>(Indicators(I(name: "指标1：")));
    [Fact] public void GK616_real_indicator_is_silent() => Silent<PlaceholderIndicator>(Indicators(I()));
    [Fact] public void GK619_missing_outcome_fires() => Single<TargetHasOutputAndOutcome>(Indicators(I(), I()), expected: 1m, found: 0m);
    [Fact] public void GK619_output_and_outcome_is_silent() => Silent<TargetHasOutputAndOutcome>(Indicators(I(), I("效益指标", "社会效益指标")));

    private static DocBuilder Header(string header)
    {
        var b = DocBuilder.Budget(2022).Table(TableKind.BudgetGeneralBasic, t => t.Columns(T).Total(776.02m));
        b.Doc.Tables[0].Columns.Add(new TableColumn(2, header, T));
        return b;
    }

    [Fact] public void GK708_header_year_fires() => Single<ColumnHeaderYear>(Header("2021年基本支出/合计"), expected: 2022m, found: 2021m);
    [Fact] public void GK708_own_year_is_silent() => Silent<ColumnHeaderYear>(Header("2022年基本支出/合计"));
    [Fact] public void GK709_dates_differ_fires() => Single<CutOffDates>(DocBuilder.Final(2022).Sentence("截至2023年12月31日，房屋 400 平方米").Sentence("截至2022年12月31日，车辆 1 辆"));
    [Fact] public void GK709_same_dates_are_silent() => Silent<CutOffDates>(DocBuilder.Final(2023).Sentence("截至2023年12月31日，房屋").Sentence("截至2023年12月31日，车辆"));
    // the 资产 date of a 决算 is the end of the year reported, of a 预算 the end of the year before (or later)
    [Fact] public void GK709_asset_date_of_last_year_fires() => Single<CutOffDates>(DocBuilder.Final(2024).Sentence("截至2023年12月31日，本部门共有车辆2辆"), expected: 2024m, found: 2023m);
    [Fact] public void GK709_budget_asset_date_of_the_year_before_is_silent() => Silent<CutOffDates>(DocBuilder.Budget(2024).Sentence("截至2023年12月31日，本部门共有车辆2辆"));
    // nor later than the document's publication: a 预算 of Y in the first half of Y, a 决算 of Y within Y + 1
    [Fact] public void GK709_budget_asset_date_at_the_end_of_its_own_year_fires() => Single<CutOffDates>(DocBuilder.Budget(2026).Sentence("截至2026年12月31日，本单位共有车辆0辆"));
    [Fact] public void GK709_budget_asset_date_early_in_its_own_year_is_silent() => Silent<CutOffDates>(DocBuilder.Budget(2026).Sentence("截至2026年1月31日，本部门固定资产金额91,973.02万元，车辆0辆"));
    [Fact] public void GK709_final_asset_date_in_the_year_of_publication_is_silent() => Silent<CutOffDates>(DocBuilder.Final(2024).Sentence("截至2024年12月31日，本部门共有车辆2辆").Sentence("截至2024年12月31日，房屋 400 平方米"));
    [Fact] public void GK709_final_asset_date_two_years_on_fires() => Assert.Contains(Run<CutOffDates>(DocBuilder.Final(2024).Sentence("截至2026年3月31日，本部门共有车辆2辆")), f => f.Message.Contains("不应晚于"));
    [Fact] public void GK709_budget_asset_date_two_years_back_fires() => Single<CutOffDates>(DocBuilder.Budget(2024).Sentence("截至2022年12月31日，本部门共有车辆2辆"), expected: 2023m, found: 2022m);

    [Fact]
    public void GK710_reason_against_direction_is_a_hint_and_silent_when_it_fits()
    {
        var b = DocBuilder.Budget();
        b.Doc.Claims.Add(new Claim { Subject = "会议费", Direction = ChangeDirection.Increase, Reason = "压减会议数量", Source = b.Next("c") });
        var f = Assert.Single(Run<ReasonContradictsDirection>(b));
        Assert.Equal(Severity.Info, f.Severity);
        b.Doc.Claims[0] = new Claim { Subject = "会议费", Direction = ChangeDirection.Increase, Reason = "新增培训任务", Source = b.Next("c") };
        Assert.Empty(Run<ReasonContradictsDirection>(b));
    }

    private static DocBuilder Sections(string b5Name) => DocBuilder.Budget(2022)
        .Table(TableKind.BudgetRevenue, t => t.Columns(T).Row("213", "农林水支出", 100m).Row("21305", "扶贫", 100m).Row("2130506", "社会发展", 100m))
        .Table(TableKind.BudgetGeneralExpenditure, t => t.Columns(T).Row("213", "农林水支出", 100m).Row("21305", b5Name, 100m).Row("2130506", "社会发展", 100m));

    [Fact] public void GK511_section_named_differently_fires() => Single<SectionNameAcrossTables>(Sections("巩固脱贫衔接乡村振兴"), expected: 1m, found: 2m);
    [Fact] public void GK511_same_or_truncated_name_is_silent() => Silent<SectionNameAcrossTables>(Sections(" 扶贫"));
}
