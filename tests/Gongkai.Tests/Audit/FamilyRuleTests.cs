using Gongkai.Audit;
using Gongkai.Audit.Rules.CrossTable;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Fires + stays-silent tests of the rules written for the defect families of the recall benchmark (GK422, GK423,
/// GK432, GK443, GK444); the benchmark's classes exercise them on compiled documents (RecallTests), the corpus and the
/// seeds keep them silent where they should be (TriageLedgerTests).
/// </summary>
public class FamilyRuleTests
{
    [Fact] public void GK422_relation_word_against_the_change_fires() =>
        Single<RelationWordVsChange>(DocBuilder.Final().Sentence("公务接待费0.41万元，较年初预算数减少2.97万元，决算数大于年初预算数，下降87.87%。"));

    [Fact] public void GK422_relation_word_before_the_change_fires() =>
        Single<RelationWordVsChange>(DocBuilder.Final().Sentence("本年支出决算数小于年初预算数，较年初预算增加35.20万元。"));

    [Fact] public void GK422_flat_with_a_change_fires() =>
        Single<RelationWordVsChange>(DocBuilder.Budget().Sentence("培训费支出0.00万元，与2023年度相比，持平，减少3.41万元。"), 0m, 3.41m);

    [Fact] public void GK422_matching_words_are_silent() =>
        Silent<RelationWordVsChange>(DocBuilder.Final()
            .Sentence("公务接待费0.41万元，较年初预算数减少2.97万元，决算数小于年初预算数。")
            .Sentence("公务用车购置费0.00万元，较年初预算数持平，与2021年度相比基本持平，增加0.01万元。"));

    [Fact] public void GK423_completion_of_a_zero_budget_fires() =>
        Single<CompletionOfZeroBudget>(DocBuilder.Final().Sentence("公务用车购置费12.90万元，较年初预算数增加12.90万元，完成年初预算的100.00%。"), found: 100m);

    [Fact] public void GK423_completion_of_a_budget_is_silent() =>
        Silent<CompletionOfZeroBudget>(DocBuilder.Final().Sentence("公务用车购置费12.90万元，较年初预算数增加2.90万元，完成年初预算的129.00%。"));

    [Fact] public void GK432_types_above_the_total_fire() =>
        Single<VehicleBreakdown>(DocBuilder.Budget().Sentence("截至2023年12月31日，本部门共有车辆3辆，其中：应急保障用车2辆、执法执勤用车2辆。"), 3m, 4m);

    [Fact] public void GK432_types_below_the_total_are_a_hint_and_one_type_is_silent()
    {
        var f = Single<VehicleBreakdown>(DocBuilder.Budget().Sentence("本部门共有车辆5辆，其中：应急保障用车2辆、执法执勤用车2辆。"));
        Assert.Equal(Severity.Info, f.Severity);
        Silent<VehicleBreakdown>(DocBuilder.Budget().Sentence("本部门共有车辆5辆，其中：执法执勤用车2辆；单价100万元以上设备1台。"));
        Silent<VehicleBreakdown>(DocBuilder.Budget().Sentence("本部门共有车辆3辆，其中：应急保障用车1辆、执法执勤用车2辆。"));
    }

    [Fact] public void GK443_stated_count_above_the_list_fires() =>
        Single<StatedUnitCount>(DocBuilder.Budget().Sentence("纳入本部门2024年预算编制范围的单位共3个：甲局本级（行政单位）、乙中心（事业单位）。"), 2m, 3m);

    [Fact] public void GK443_matching_or_open_lists_are_silent() =>
        Silent<StatedUnitCount>(DocBuilder.Budget()
            .Sentence("纳入本部门2024年预算编制范围的单位共2个：甲局本级（行政单位）、乙中心（事业单位）。")
            .Sentence("纳入本部门2024年预算编制范围的单位共3个：甲局本级和乙中心等单位。")
            .Sentence("纳入本部门2024年预算编制范围的单位共2个：住房和城乡建设局本级。"));

    private static DocBuilder Named(string unitList)
    {
        var b = DocBuilder.Budget().Sentence($"纳入本部门2024年预算编制范围的单位共1个：{unitList}（行政单位）。");
        b.Doc.DepartmentName = "示例区第1局";
        return b;
    }

    [Fact] public void GK444_name_without_its_district_fires() => Single<TruncatedDepartmentName>(Named("第1局本级"));

    [Fact] public void GK444_full_name_or_another_name_is_silent()
    {
        Silent<TruncatedDepartmentName>(Named("示例区第1局本级"));
        Silent<TruncatedDepartmentName>(Named("示例区第1局机关服务中心"));
    }

    private static DocBuilder Titled(string name)
    {
        var b = DocBuilder.Budget();
        b.Doc.DepartmentName = name;
        return b;
    }

    [Fact] public void GK444_a_table_caption_naming_the_short_name_fires() =>
        Single<TruncatedDepartmentName>(Titled("示例区第1局").Sentence("单位名称：第1局本级 单位：万元").Sentence("部门名称：示例区第1局 单位：万元"));

    [Fact] public void GK444_a_unit_row_with_the_short_name_fires() =>
        Single<TruncatedDepartmentName>(Titled("示例区第1局").Table(TableKind.GeneralExpenditureByUnit, t => t.Plain("第1局", 10m)));

    [Fact] public void GK444_a_unit_row_above_another_item_of_the_unit_named_in_full_fires() =>
        // a table of items by unit (购买服务): the short name repeats the unit with other figures, it is no group row
        Single<TruncatedDepartmentName>(Titled("示例区第1局").Table(TableKind.PurchaseOfServices, t => t.Total(20.79m).Plain("第1局", 12.31m).Plain("示例区第1局", 8.48m)));

    [Fact] public void GK444_a_group_row_above_the_unit_named_in_full_is_silent() =>
        // a 分单位 table: the 部门 row carries the budget system's short name, the unit below it is named in full
        Silent<TruncatedDepartmentName>(Titled("示例区第1局").Table(TableKind.BudgetRevenue, t => t.Total(10.01m).Plain("第1局", 10.01m).Plain("示例区第1局", 6.00m).Plain("示例区第1局机关服务中心", 4.00m))
            .Sentence("单位名称：示例区第1局").Sentence("编制单位：示例区第1局机关服务中心"));

    [Fact] public void GK444_a_title_without_the_prefix_every_name_field_prints_fires()
    {
        var f = Single<TruncatedDepartmentName>(Titled("卫生管理局").Sentence("单位名称：示例区卫生管理局").Sentence("单位名称：示例区卫生管理局"));
        Assert.Contains("标题", f.Message);
        // one field is not enough to call the title short, and a title that opens with its own region is complete
        Silent<TruncatedDepartmentName>(Titled("卫生管理局").Sentence("单位名称：示例区卫生管理局"));
        Silent<TruncatedDepartmentName>(Titled("乙县卫生管理局").Sentence("单位名称：甲市乙县卫生管理局").Sentence("单位名称：甲市乙县卫生管理局"));
    }
}
