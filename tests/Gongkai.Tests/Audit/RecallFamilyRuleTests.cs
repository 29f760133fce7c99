using Gongkai.Audit;
using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Audit.Rules.Performance;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Recall;
using Gongkai.Tests.Compile;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Fires + stays-silent tests of the rules written for the recall families below 90 % (units, cross-table) and for the
/// two recall classes added with them (itemized reasons, a percentage on the wrong base): GK318, GK424, GK425, GK622,
/// the 满意度 and 自评 extension of GK620 and the wrong-base note of GK402.
/// </summary>
public class RecallFamilyRuleTests
{
    // ------------------------------------------------------------------------------------------------ GK318

    [Fact] public void GK318_a_yuan_amount_that_completes_a_wan_breakdown_fires() =>
        Single<UnitMagnitude>(DocBuilder.Final().Sentence("固定资产价值合计843.75万元，其中：房屋668.51万元，车辆45.48万元，设备119.56元，其他固定资产10.20万元。"),
            1195600m, 119.56m);

    [Fact] public void GK318_a_breakdown_over_sentences_ended_by_semicolons_fires() =>
        Single<UnitMagnitude>(DocBuilder.Budget()
            .Sentence("2024年本部门安排政府购买服务预算合计49.61元，共2项：通过综合业务项目购买物业服务35.46万元；")
            .Sentence("通过专项工作项目购买审计服务14.15万元。"));

    [Fact] public void GK318_a_yuan_amount_with_the_digits_of_a_wan_amount_fires() =>
        Single<UnitMagnitude>(DocBuilder.Budget()
            .Sentence("2024年一般公共预算基本支出1224.60万元。")
            .Sentence("基本支出预算1224.60元，主要用于人员工资和日常运转。"));

    [Fact] public void GK318_yuan_amounts_that_are_yuan_are_silent() =>
        Silent<UnitMagnitude>(DocBuilder.Budget()
            .Sentence("固定资产价值合计843.75万元，其中：房屋668.51万元，车辆45.48万元，设备119.56万元，其他固定资产10.20万元。")
            .Sentence("人均公用经费1234.56元，比上年减少12.30元。")
            .Sentence("会议费标准为每人每天450.50元，本年会议费支出12.35万元。"));

    [Fact]
    public void GK318_a_performance_table_whose_unit_line_and_amount_label_differ_fires_and_agreeing_ones_are_silent()
    {
        DocBuilder Doc(string line, string label)
        {
            var b = DocBuilder.Budget();
            b.Doc.PerformanceTargets.Add(new PerformanceTarget { ProjectName = "综合业务项目", UnitLine = line, StatedUnit = label, Amount = b.Fig(754.97m), Source = b.Next("绩效目标") });
            return b;
        }
        Assert.Contains("单位行标注“元”", Single<UnitMagnitude>(Doc("元", "万元")).Message);
        Silent<UnitMagnitude>(Doc("万元", "万元"));
    }

    /// <summary>A compiled package with the unit line of its first table (the 收支总表, whose totals the narrative states) set to 元.</summary>
    [Fact]
    public void GK318_a_compiled_table_labelled_yuan_fires_and_the_clean_document_is_silent()
    {
        var package = PackageAssert.Build(RandomData.Create(3));
        var text = MarkdownRenderer.ToText(package);
        Assert.DoesNotContain(Mutants.Check("clean.md", text).Findings, f => f.RuleId == "GK318");
        var at = text.IndexOf("单位：万元", StringComparison.Ordinal);
        Assert.True(at > 0);
        var mutant = text[..at] + "单位：元" + text[(at + "单位：万元".Length)..];
        var f = Assert.Single(Mutants.Check("mutant.md", mutant).Findings, f => f.RuleId == "GK318");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("标注单位为元", f.Message);
    }

    // ------------------------------------------------------------------------------------------------ GK620

    private static DocBuilder Indicator(string name, string unit)
    {
        var b = DocBuilder.Final();
        var s = new SelfEvaluation { ProjectName = "项目A", Source = b.Next("自评") };
        s.Indicators.Add(new Indicator { Name = name, Unit = unit, Operator = "≥", Target = 90m, TargetText = "90", Source = b.Next(name) });
        b.Doc.SelfEvaluations.Add(s);
        return b;
    }

    [Fact] public void GK620_a_satisfaction_in_money_fires() => Assert.Contains("满意度", Single<RateIndicatorUnit>(Indicator("群众满意度", "元")).Message);

    [Fact] public void GK620_a_rate_of_a_self_evaluation_in_money_fires() => Single<RateIndicatorUnit>(Indicator("资金及时支付率", "万元"));

    [Fact]
    public void GK620_a_satisfaction_in_points_or_percent_is_silent()
    {
        Silent<RateIndicatorUnit>(Indicator("群众满意度", "分"));
        Silent<RateIndicatorUnit>(Indicator("群众满意度", "%"));
        Silent<RateIndicatorUnit>(Indicator("资金及时支付率", "%"));
    }

    // ------------------------------------------------------------------------------------------------ GK424

    private static DocBuilder Targets(string sentence, params decimal[] amounts)
    {
        var b = DocBuilder.Budget();
        int k = 0;
        foreach (var a in amounts)
            b.Doc.PerformanceTargets.Add(new PerformanceTarget { ProjectName = "项目" + ++k, Amount = b.Fig(a), Source = b.Next("绩效目标") });
        return b.Sentence(sentence);
    }

    [Fact] public void GK424_project_tables_that_do_not_add_up_to_the_stated_money_fire() =>
        Single<PerformanceTablesMoney>(Targets("2023年本部门实行绩效目标管理的项目2个，涉及项目支出预算2264.91万元，部门整体支出绩效目标同时编制。", 754.97m, 1609.94m),
            2364.91m, 2264.91m);

    [Fact]
    public void GK424_matching_tables_or_another_count_are_silent()
    {
        Silent<PerformanceTablesMoney>(Targets("2023年本部门实行绩效目标管理的项目2个，涉及项目支出预算2264.91万元，部门整体支出绩效目标同时编制。", 754.97m, 1509.94m));
        // three projects said, two tables published: the sentence counts projects whose tables are not all here
        Silent<PerformanceTablesMoney>(Targets("2023年本部门实行绩效目标管理的项目3个，涉及项目支出预算2264.91万元。", 754.97m, 1609.94m));
        // only the key projects: not the whole
        Silent<PerformanceTablesMoney>(Targets("2023年本部门2个重点项目实行绩效目标管理，涉及项目支出预算2264.91万元。", 754.97m, 1609.94m));
    }

    [Fact]
    public void GK424_self_evaluations_compare_with_any_money_column()
    {
        DocBuilder Final(decimal executed) => DocBuilder.Final()
            .SelfEvaluation(false, s => s.Funds(27267500m, 27267500m, executed, null), "综合业务项目")
            .SelfEvaluation(false, s => s.Funds(54535000m, 54535000m, 54535000m, null), "专项工作项目")
            .Sentence("2022年度本部门就整体支出和2个项目做了绩效自评，共涉及资金8180.25万元，项目平均得分100.00分。");
        Silent<PerformanceTablesMoney>(Final(27267500m));
        Silent<PerformanceTablesMoney>(Final(20000000m)); // the budget columns still give 8180.25
        var b = DocBuilder.Final()
            .SelfEvaluation(false, s => s.Funds(27267500m, 27267500m, 27267500m, null), "综合业务项目")
            .SelfEvaluation(false, s => s.Funds(64535000m, 64535000m, 64535000m, null), "专项工作项目")
            .Sentence("2022年度本部门就整体支出和2个项目做了绩效自评，共涉及资金8180.25万元，项目平均得分100.00分。");
        Single<PerformanceTablesMoney>(b);
    }

    // ------------------------------------------------------------------------------------------------ GK425

    /// <summary>The figures of seed 000 (a Wuhan budget), in our own words: +5.74 − 894.06 + 100 + 2.88 = −785.44.</summary>
    private const string SeedReasons = "本年收入比2021年减少785.44万元，主要是社会保障和就业类拨款增加5.74万元、卫生健康类拨款减少894.06万元、农林水类拨款增加100万元、住房保障类拨款增加2.88万元。";

    [Fact] public void GK425_itemized_reasons_that_do_not_add_up_fire() =>
        Single<ReasonBreakdown>(DocBuilder.Budget().Sentence(SeedReasons.Replace("减少894.06万元", "减少849.06万元")), -740.44m, -785.44m);

    [Fact] public void GK425_reasons_after_qizhong_with_explanations_between_fire() =>
        Single<ReasonBreakdown>(DocBuilder.Budget().Sentence("本年收支预算7132.51万元，比2021年预算增加807.28万元，其中：基本支出增加83.51万元，用于人员经费；项目支出增加769.09万元，用于医疗救助项目。"));

    [Fact]
    public void GK425_reasons_that_add_up_or_name_only_the_main_items_are_silent() =>
        Silent<ReasonBreakdown>(DocBuilder.Budget()
            .Sentence(SeedReasons)
            .Sentence("本年收支预算7132.51万元，比2021年预算增加807.28万元，其中：基本支出增加83.51万元，用于人员经费；项目支出增加723.77万元，用于医疗救助项目。")
            // “主要是” with items all going the same way: the main items, not the whole
            .Sentence("支出比上年增加500.00万元，主要是基本支出增加120.00万元、项目支出增加300.00万元。")
            .Sentence("2024年度收入合计5111.59万元，与2023年度相比，减少2457.53万元，下降32.47%，主要原因是工作任务调整。"));

    // ------------------------------------------------------------------------------------------------ GK402 wrong base

    [Fact]
    public void GK402_a_percentage_on_this_years_amount_says_so()
    {
        // 200 ÷ 1000 = 20.00 % (this year) instead of 200 ÷ 800 = 25.00 %
        var f = Single<ChangePercent>(DocBuilder.Budget().Claim("本年支出", 1000m, ClaimKind.Change, ChangeDirection.Increase, 200m, 20m, ChangeDirection.Increase), 25m, 20m);
        Assert.Contains("以本年数", f.Message);
        // another wrong percentage is not said to be on this year's base
        Assert.DoesNotContain("以本年数", Single<ChangePercent>(DocBuilder.Budget().Claim("本年支出", 1000m, ClaimKind.Change, ChangeDirection.Increase, 200m, 30m, ChangeDirection.Increase)).Message);
    }

    // ------------------------------------------------------------------------------------------------ GK622

    [Fact] public void GK622_a_fund_source_above_the_total_fires() =>
        Single<SelfEvaluationFundParts>(DocBuilder.Final().SelfEvaluation(false, s => s
            .Funds(21716100m, 21716100m, 21716100m, null)
            .Funds(25401132.17m, 21716100m, 21716100m, 100m, 10m, 10m, "其中：财政拨款")), 21716100m, 25401132.17m);

    [Fact] public void GK622_fund_sources_within_the_total_are_silent() =>
        Silent<SelfEvaluationFundParts>(DocBuilder.Final().SelfEvaluation(false, s => s
            .Funds(27267500m, 27267500m, 27267500m, null)
            .Funds(27267500m, 27267500m, 27267500m, 100m, 10m, 10m, "其中：财政拨款")
            .Funds(null, null, null, null, label: "其他资金")));
}
