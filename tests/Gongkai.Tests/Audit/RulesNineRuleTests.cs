using Gongkai.Audit;
using Gongkai.Audit.Rules.Completeness;
using Gongkai.Audit.Rules.Text;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Recall;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>
/// The §7 rows that had no rule (a narrative figure left as a dash: GK713; two equipment thresholds in one document:
/// GK714) and the error classes for rules no class exercised (目录 empty marks GK107/GK108, 教育收费 GK218, a 万元
/// indicator in 元 GK612, a 资金支出计划 going backwards GK615): built models, seeds and compiled documents.
/// </summary>
public class RulesNineRuleTests
{
    private static IReadOnlyList<Finding> Audit(string path, string text) => Mutants.Check(path, text).Findings;

    private static IReadOnlyList<Finding> SeedFindings(string seed) =>
        Auditor.Audit(new DisclosureReader().Read(Shared.Seed(seed)).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance }).Findings;

    // ------------------------------------------------------------------------------------------------ GK713

    [Fact]
    public void GK713_a_narrative_amount_left_as_a_dash_fires_once_per_sentence()
    {
        var f = Single<DashAsValue>(DocBuilder.Budget().Sentence("2024年一般公共预算拨款收入—万元，比上年增长——%，主要原因是人员增加，共有车辆—辆。"));
        Assert.Contains("本句共 3 处", f.Message);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact] public void GK713_ranges_year_spans_and_filled_amounts_are_silent() =>
        Silent<DashAsValue>(DocBuilder.Budget()
            .Sentence("2023-2025年规划期内，每年新增1-2个项目，每户补助500—1000元。")
            .Sentence("一般公共预算拨款收入1224.60万元，比上年增加12.00万元，增长1.00%。")
            .Sentence("本部门2024年无政府性基金预算拨款收入——本表无数据。")
            // a dash between words (003 深圳 水务局 p. 7): “项” starts the word 项目, it is no unit
            .Sentence("贯通“目标—指标—任务—项目”的高质量发展路径，形成“规划—人才—家庭”联动。"));

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void GK713_and_GK714_are_silent_on_the_seeds(string seed) =>
        Assert.DoesNotContain(SeedFindings(seed), f => f.RuleId is "GK713" or "GK714");

    // ------------------------------------------------------------------------------------------------ GK714

    [Fact]
    public void GK714_two_thresholds_for_the_same_equipment_fire()
    {
        var f = Single<EquipmentThreshold>(DocBuilder.Budget()
            .Sentence("截至2023年12月31日，本部门共有单价20万元以上的设备12台（套）。")
            .Sentence("2024年部门预算安排购置单价 100 万元以上的设备1台（套）。"), 20m, 100m);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void GK714_a_table_row_with_another_threshold_than_the_narrative_fires() =>
        Single<EquipmentThreshold>(DocBuilder.Final()
            .Sentence("截至2024年12月31日，本部门单价100万元（含）以上设备2台（套）。")
            .Table(TableKind.Assets, t => t.Plain("3、单价在50万元以上的设备（台、套）", 2m)), 100m, 50m);

    [Fact] public void GK714_the_same_threshold_and_different_kinds_are_silent() =>
        Silent<EquipmentThreshold>(DocBuilder.Budget()
            .Sentence("截至2023年12月31日，本部门共有单价 20 万元以上的设备12台（套）。")
            .Sentence("2024年安排购置单价20万元（含）以上的设备1台（套）；单价50万元以上通用设备0台，单价100万元以上专用设备1台。")
            .Table(TableKind.Assets, t => t.Plain("3、单价在20万元以上的设备（台、套）", 12m)));

    // ------------------------------------------------------------------------------------------------ GK110

    private static DocBuilder Toc(params string[] body)
    {
        var b = DocBuilder.Budget();
        foreach (var e in new[] { "2024年部门收支总表", "2024年部门收入总表", "2024年部门支出总表", "2024年财政拨款收支总表" })
            b.Doc.TableOfContents.Add((e, null, null));
        var kinds = new Dictionary<string, TableKind>
        {
            ["部门收支总表"] = TableKind.BudgetSummary, ["部门收入总表"] = TableKind.BudgetRevenue,
            ["部门支出总表"] = TableKind.BudgetExpenditure, ["财政拨款收支总表"] = TableKind.BudgetFiscalSummary,
        };
        foreach (var title in body) b.Table(kinds[title[5..]], t => t.Plain("合计", 1m), title);
        return b;
    }

    [Fact] public void GK110_a_table_printed_before_one_the_toc_lists_first_fires() =>
        Assert.Contains("「2024年部门支出总表」在目录中排在「2024年财政拨款收支总表」之前",
            Single<TocOrder>(Toc("2024年部门收支总表", "2024年部门收入总表", "2024年财政拨款收支总表", "2024年部门支出总表")).Message);

    [Fact] public void GK110_the_toc_order_with_a_continuation_is_silent() =>
        Silent<TocOrder>(Toc("2024年部门收支总表", "2024年部门收入总表", "2024年部门收入总表", "2024年部门支出总表", "2024年财政拨款收支总表"));

    [Fact] public void GK110_is_silent_on_the_seed_with_a_toc() => Assert.DoesNotContain(SeedFindings("002"), f => f.RuleId == "GK110");

    // ------------------------------------------------------------------------------------------------ classes

    /// <summary>Each class on compiled documents: the clean document is silent for the rule, the mutant fires it.</summary>
    [Theory]
    [InlineData("dash-value", "GK713")]
    [InlineData("equipment-threshold", "GK714")]
    [InlineData("education-fee", "GK218")]
    public void Compiled_documents_are_silent_and_their_mutants_fire(string cls, string rule)
    {
        var c = Mutants.All.Single(x => x.Id == cls);
        int mutants = 0, fired = 0;
        for (int seed = 1; seed <= 40 && fired < 2; seed++)
        {
            var text = MarkdownRenderer.ToText(PackageAssert.Build(RandomData.Create(seed)));
            Assert.DoesNotContain(Audit("clean.md", text), f => f.RuleId == rule);
            if (c.Apply(text, new Random(seed)) is not { } mutant) continue;
            mutants++;
            if (Audit("mutant.md", mutant).Any(f => f.RuleId == rule && f.Severity != Severity.Info)) fired++;
        }
        Assert.True(fired > 0, $"{cls}: {mutants} mutants among 40 compiled documents, {rule} fired on none");
    }

    /// <summary>The classes aimed at layouts only the seeds have (a 目录 with 是否空表, a 资金支出计划): the seed fires the rule once mutated.</summary>
    [Theory]
    [InlineData("toc-empty-on-data", "002", "GK107")]
    [InlineData("toc-empty-no-reason", "002", "GK108")]
    [InlineData("spending-plan", "001", "GK615")]
    [InlineData("toc-order", "002", "GK110")]
    public void Seed_mutants_fire(string cls, string seed, string rule)
    {
        var c = Mutants.All.Single(x => x.Id == cls);
        var path = Shared.Seed(seed);
        var text = File.ReadAllText(path);
        Assert.DoesNotContain(Audit(path, text), f => f.RuleId == rule);
        var fired = 0;
        for (int s = 1; s <= 5; s++)
            if (c.Apply(text, new Random(s)) is { } mutant && Audit(path, mutant).Any(f => f.RuleId == rule && f.Severity != Severity.Info)) fired++;
        Assert.True(fired >= 3, $"{cls} on seed {seed}: {rule} fired on {fired} of 5 mutants");
    }
}
