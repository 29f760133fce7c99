using Gongkai.Audit.Rules.Narrative;
using Gongkai.Audit.Rules.Performance;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>Fires + stays-silent tests of GK440–GK442 (部门/单位 wording, 自评 counts) and GK621 (copied indicator grids).</summary>
public class ScopeAndCopyRuleTests
{
    // ───────── GK440 部门/单位 wording ─────────

    private static DocBuilder Department(int units, params string[] sentences)
    {
        var b = DocBuilder.Budget(2022);
        for (int i = 0; i < units; i++) b.Doc.Units.Add(new OrganizationUnit($"单位{i + 1}中心", Source: b.Next("单位")));
        foreach (var s in sentences) b.Sentence(s);
        return b;
    }

    private static readonly string[] UnitWords = ["本单位2022年收入预算100万元", "我单位严格控制一般性支出", "本单位没有政府性基金预算"];

    [Fact]
    public void GK440_department_calling_itself_unit_throughout_fires()
    {
        var f = Single<ScopeWording>(Department(3, UnitWords));
        Assert.Equal(Gongkai.Audit.Severity.Info, f.Severity);
        Assert.Contains("列明预算单位 3 个", f.Message);
        Assert.Contains("3 处", f.Message);
    }

    [Fact] public void GK440_one_unit_department_is_silent() => Silent<ScopeWording>(Department(1, UnitWords));
    [Fact] public void GK440_mixed_wording_is_silent() => Silent<ScopeWording>(Department(3, [.. UnitWords, "本部门预算由 3 个单位组成"]));
    [Fact] public void GK440_two_mentions_are_silent() => Silent<ScopeWording>(Department(3, UnitWords[..2]));

    [Fact]
    public void GK440_units_stated_in_the_text_count()
    {
        // no 单位构成 table: "纳入…编制范围的预算单位共 2 个" states the number
        Single<ScopeWording>(Department(0, [.. UnitWords, "纳入2022年部门预算编制范围的二级预算单位共有2个"]));
        // numbered items under 单位构成 (seed 000 style)
        var b = Department(0, UnitWords);
        b.Sentence("1. 重庆市江北区医疗保障局行政编制 8 名", "（二）单位构成").Sentence("2. 重庆市江北区医疗保障事务中心，参公单位", "（二）单位构成");
        Single<ScopeWording>(b);
    }

    [Fact]
    public void GK440_unit_document_calling_itself_department_fires_and_is_silent_with_unit_words()
    {
        var b = DocBuilder.Final(2024).Sentence("本部门2024年度收入100万元").Sentence("本部门支出100万元").Sentence("我部门无政府性基金");
        b.Doc.Scope = DocumentScope.Unit;
        Assert.Contains("单位公开", Single<ScopeWording>(b).Message);
        b.Sentence("本单位无国有资本经营预算");
        Silent<ScopeWording>(b);
    }

    // ───────── GK441 a 单位 document lists units ─────────

    [Fact]
    public void GK441_unit_document_with_subordinate_units_fires()
    {
        var b = DocBuilder.Budget(2024).Sentence("××局本级下属二级预算单位共有2个");
        b.Doc.Scope = DocumentScope.Unit;
        Single<UnitDocumentListsUnits>(b, expected: 0m, found: 2m);
        var t = DocBuilder.Budget(2024);
        t.Doc.Scope = DocumentScope.Unit;
        t.Doc.Units.Add(new OrganizationUnit("××局本级", Source: t.Next("u")));
        t.Doc.Units.Add(new OrganizationUnit("××中心", Source: t.Next("u")));
        Single<UnitDocumentListsUnits>(t, expected: 1m, found: 2m);
    }

    [Fact]
    public void GK441_silent_for_one_unit_and_for_departments()
    {
        var b = DocBuilder.Budget(2024).Sentence("本单位无下属单位");
        b.Doc.Scope = DocumentScope.Unit;
        b.Doc.Units.Add(new OrganizationUnit("××局本级", Source: b.Next("u")));
        Silent<UnitDocumentListsUnits>(b);
        Silent<UnitDocumentListsUnits>(DocBuilder.Budget(2024).Sentence("下属二级预算单位共有2个")); // a 部门 document may have them
    }

    // ───────── GK442 自评 counts ─────────

    [Fact]
    public void GK442_grades_not_adding_up_fire()
    {
        var b = DocBuilder.Final(2024).Sentence("绩效自评的2024年度项目4个，涉及预算金额598.42万元（其中，绩效评级为“优”的项目3个；绩效评级为“良”的项目0个；绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个）");
        Single<EvaluationCountsAddUp>(b, expected: 4m, found: 3m);
    }

    [Fact]
    public void GK442_problems_not_adding_up_fire()
        => Single<EvaluationCountsAddUp>(DocBuilder.Final(2024).Sentence("绩效自评中共发现问题5个，已经完成整改的3个，正在整改的1个"), expected: 5m, found: 4m);

    [Fact]
    public void GK442_consistent_counts_are_silent()
    {
        // the shanghai-putuo 2024 final account: 4 = 4 + 0 + 0 + 0; 0 = 0 + 0
        Silent<EvaluationCountsAddUp>(DocBuilder.Final(2024)
            .Sentence("绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目0个；绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个）")
            .Sentence("绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个"));
        // grades without a stated total say nothing to compare
        Silent<EvaluationCountsAddUp>(DocBuilder.Final(2024).Sentence("评级为“优”的项目3个，评级为“良”的项目1个"));
    }

    // ───────── GK621 copied indicator grids ─────────

    private static DocBuilder Grids(string nameA, string nameB, bool sameGrid, int rows = 4)
    {
        var b = DocBuilder.Budget(2022);
        foreach (var (name, k) in new[] { (nameA, 0), (nameB, 1) })
        {
            var p = new PerformanceTarget { ProjectName = name, Source = b.Next(name) };
            for (int i = 0; i < rows; i++)
                p.Indicators.Add(new Indicator
                {
                    Level1 = "产出指标", Level2 = "数量指标", Name = $"档案整理数量{i}", Operator = "≥",
                    TargetText = (sameGrid || i < rows - 1 || k == 0 ? 2000 + i : 3000 + i).ToString(), Unit = "卷", Source = b.Next("指标"),
                });
            b.Doc.PerformanceTargets.Add(p);
        }
        return b;
    }

    [Fact]
    public void GK621_identical_grids_of_unrelated_projects_fire()
    {
        var f = Single<CopiedIndicatorGrids>(Grids("办公经费", "医保业务档案整理", sameGrid: true));
        Assert.Contains("「办公经费」与「医保业务档案整理」", f.Message);
        Assert.Equal(2, f.Locations.Count);
    }

    [Fact]
    public void GK621_identical_self_evaluation_grids_fire()
    {
        var b = DocBuilder.Final(2024);
        foreach (var name in new[] { "健康产业工作经费", "单双解人员医保补贴" })
            b.SelfEvaluation(false, s => s.Indicator("参保率", "≥", 95m, 96m, null, 100m, 30m, 30m).Indicator("满意度", "≥", 90m, 95m, null, 100m, 30m, 30m)
                .Indicator("覆盖率", "≥", 90m, 92m, null, 100m, 30m, 30m), name);
        Single<CopiedIndicatorGrids>(b);
    }

    [Fact] public void GK621_one_differing_value_is_silent() => Silent<CopiedIndicatorGrids>(Grids("办公经费", "医保业务档案整理", sameGrid: false));
    [Fact] public void GK621_related_projects_are_silent() => Silent<CopiedIndicatorGrids>(Grids("医疗服务与保障能力提升经费提前下达", "医疗服务与保障能力提升经费2024再安排", sameGrid: true));
    [Fact] public void GK621_two_sources_for_one_purpose_are_silent() => Silent<CopiedIndicatorGrids>(Grids("2022年省级财政医疗救助补助资金-上级", "2022年中央财政城乡医疗救助补助资金-上级", sameGrid: true));
    [Fact] public void GK621_short_grids_are_silent() => Silent<CopiedIndicatorGrids>(Grids("办公经费", "医保业务档案整理", sameGrid: true, rows: 2));

    [Fact]
    public void GK621_relatedness_of_names()
    {
        Assert.True(CopiedIndicatorGrids.Related("医疗服务与保障能力提升经费提前下达", "医疗服务与保障能力提升经费2024再安排"));
        Assert.True(CopiedIndicatorGrids.Related("2022年城乡医疗保险缴费（普通）", "2022年城乡医疗保险缴费"));
        Assert.False(CopiedIndicatorGrids.Related("办公经费", "医保业务档案整理"));
        Assert.False(CopiedIndicatorGrids.Related("党建工作经费", "举报投诉奖励专项资金")); // only generic words in common
    }
}
