using Gongkai.Compile;
using Gongkai.Model;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Issue 13, items 3 and 4: every field of the 绩效 forms is printed as entered and read back from the compiled package
/// (元 to the fen, goal texts unchanged, all indicator fields), and the narrative warns before output.
/// </summary>
public class PerformanceCompletenessTests
{
    private static DisclosureData Load(string name) => CompileSeedTests.Load(name);

    private static IEnumerable<string> Cells(RenderTable t) => t.Columns.SelectMany(c => c.Header).Concat(t.Rows.SelectMany(r => r.Cells));

    [Fact]
    public void Seed_003_self_evaluations_carry_every_field_and_the_yuan_figures_to_the_fen()
    {
        var data = Load("seed003-final-2024.json");
        var p = PackageAssert.Build(data);
        var read = PackageAssert.ReadMarkdown(p).Disclosure;

        // 整体: the 元 rows as entered (62,015,542.50 — not rounded to 100 元), name, code, header fields and goal texts
        var overall = Assert.Single(read.SelfEvaluations, s => s.IsOverall);
        Assert.Equal("医保局整体自评", overall.ProjectName);
        Assert.Equal("50015200024P000093", overall.ProjectCode);
        Assert.Equal(new[] { "年度总金额", "其中：财政拨款", "一般公共预算" }, overall.Funds.Select(f => f.Label));
        Assert.All(overall.Funds, f => Assert.Equal((62015542.50m, 40684306.05m, 39256606.05m), (f.InitialBudget!.Value, f.AdjustedBudget!.Value, f.Executed!.Value)));
        var table = p.Tables.First(t => t.Kind == TableKind.SelfEvaluationOverall);
        var cells = Cells(table).ToList();
        Assert.Contains("62,015,542.50", cells);
        foreach (var field in new[] { "236-医保局", "004-社保科", "李永刚", "13983660237", data.Performance!.OverallSelfEvaluation!.InitialGoal!, data.Performance.OverallSelfEvaluation.Achieved! })
            Assert.Contains(field, cells);

        // 12 project tables: 项目编码, money rows in 元, goals, every indicator with 说明 (偏差原因), scores by the rule
        var projects = read.SelfEvaluations.Where(s => !s.IsOverall).ToList();
        Assert.Equal(12, projects.Count);
        foreach (var (d, s) in data.Projects.Zip(projects))
        {
            Assert.Equal(d.Code, s.ProjectCode);
            Assert.Equal(d.SelfEvaluation!.Funds!.Select(r => (r.Initial, r.Adjusted, r.Executed)),
                s.Funds.Select(r => (r.InitialBudget!.Value, r.AdjustedBudget!.Value, r.Executed!.Value)));
            Assert.Equal(d.Indicators.Select(i => (i.Name, i.Unit, i.Operator, i.Target, i.Actual, i.Weight, i.Score, i.Core ?? false, i.Remark ?? "")),
                s.Indicators.Select(i => (i.Name, i.Unit, i.Operator, i.TargetText, i.ActualText, i.Weight, i.Score, i.IsCore ?? false, i.Note ?? "")));
        }
        var reward = projects[0];
        Assert.Equal("以实际举报奖励为准", reward.Indicators[^1].Note);
        Assert.Equal((96m, 0m), (reward.Indicators[^1].Deviation!.Value, reward.Indicators[^1].Coefficient!.Value));
        var health = p.Tables.First(t => Cells(t).Contains("健康产业工作经费"));
        Assert.Contains("144,748.60", Cells(health));
        Assert.Contains(data.Projects.Single(x => x.Name == "健康产业工作经费").SelfEvaluation!.InitialGoal!, Cells(health));
        PackageAssert.AuditClean(read, "读回的 Markdown");
    }

    [Fact]
    public void Seed_004_hubei_forms_carry_every_field()
    {
        var data = Load("seed004-budget-2023.json");
        var p = PackageAssert.Build(data);
        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        var party = data.Projects[0];
        var table = p.Tables.First(t => t.Kind == TableKind.PerformanceProject && Cells(t).Contains(party.Name));
        var cells = Cells(table).ToList();
        foreach (var label in new[] { "项目代码", "项目主管部门", "项目执行单位", "项目负责人", "联系电话", "项目年度", "项目类别", "项目安排频度", "立项依据", "项目实施方案",
                     "上年绩效评价结果、整改及应用", "项目前两年预算及当年预算变动情况", "项目总预算", "项目当年预算", "当年预算合计", "项目内容", "测算依据及说明", "长期绩效目标", "年度绩效目标", "指标值确定依据" })
            Assert.Contains(label, cells);
        foreach (var value in new[] { party.Code!, party.Department!, party.Implementer!, party.Contact!, party.Phone!, party.Category!, party.Frequency!, party.Basis!, party.Plan!,
                     party.PriorEvaluation!, party.BudgetHistory!, party.LongTermGoal!, "1. 财政拨款收入（区级安排数）", "党建结对共建", "文明创建", "2025年底完成", "2023年底完成" })
            Assert.Contains(value, cells);

        // read back: the 长期 indicators as such, the 年度 ones with their two prior-year values and 依据
        var t = read.PerformanceTargets.First(x => !x.IsOverall);
        Assert.Equal(party.Code, t.ProjectCode);
        Assert.Equal(party.Indicators.Count(i => i.LongTerm == true), t.Indicators.Count(i => i.IsLongTerm));
        var annual = t.Indicators.Where(i => !i.IsLongTerm).ToList();
        var entered = party.Indicators.Where(i => i.LongTerm != true).ToList();
        Assert.Equal(entered.Select(i => (i.Name, i.Prior2, i.Prior1, i.Basis)), annual.Select(i => (i.Name, i.PriorText, i.PriorYearText, i.Basis)));
        PackageAssert.AuditClean(read, "读回的 Markdown");
    }

    [Fact]
    public void Overall_rows_in_yuan_must_round_to_the_spending_total()
    {
        var data = Load("seed003-final-2024.json");
        data.Performance!.OverallSelfEvaluation!.Funds![0].Executed = 39257606.05m; // 3925.76 万元 ≠ 3925.66
        Assert.Contains(PackageBuilder.Build(data).Issues, i => i.Severity == IssueSeverity.Error && i.Field == "performance.overallSelfEvaluation.funds");
        data = Load("seed004-budget-2023.json");
        data.Projects[0].Funds![0].Amount = 5m; // 资金来源 5 ≠ 当年预算 6
        Assert.Contains(PackageBuilder.Build(data).Issues, i => i.Severity == IssueSeverity.Error && i.Field.EndsWith(".funds"));
    }

    [Fact]
    public void The_narrative_warns_about_zero_items_and_repeated_sentences_and_prints_the_contact_part()
    {
        var data = Load("seed004-budget-2023.json");
        Assert.DoesNotContain(PackageAssert.Build(data).Issues, i => i.Field == "narrative");
        var line = data.Expenditure.First(l => l.Source == FundSource.General);
        data.Expenditure.Add(new FunctionLine { Code = "2080599", Source = FundSource.General, Use = "未安排" });
        data.Unit.Contact = "联系人：示例；电话：0000-0000000。";
        data.Unit.InquiryPhone = "0000-1234567";
        data.Glossary = [new GlossaryTerm { Term = "甲", Text = "甲的解释。" }];
        var p = PackageBuilder.Build(data);
        var text = string.Join("\n", p.Blocks.OfType<ParagraphBlock>().Select(b => b.Text));
        Assert.Contains(p.Issues, i => i.Severity == IssueSeverity.Warning && i.Field == "expenditure[2080599]");
        Assert.DoesNotContain("（2080599）", text);
        Assert.Contains(p.Blocks.OfType<HeadingBlock>(), h => h.Text.EndsWith("联系方式"));
        Assert.Contains("公开咨询电话：0000-1234567。", text);
        Assert.Contains("1.甲：甲的解释。", text);
        Assert.DoesNotContain("机关运行经费：", text); // the department's own list replaces the default

        // the same sentence twice is named before output
        data = Load("seed004-budget-2023.json");
        data.Unit.Functions = ["负责全区医疗保障政策的执行和医保基金的监督管理。", "负责全区医疗保障政策的执行和医保基金的监督管理。"];
        Assert.Contains(PackageBuilder.Build(data).Issues, i => i.Severity == IssueSeverity.Warning && i.Field == "narrative");
    }

    [Fact]
    public void The_new_user_sample_compiles_without_warnings()
    {
        var data = DataFiles.Load(Path.Combine(Gongkai.Tests.Support.Repo.Root, "samples", "compile-budget-2025-yibao.json"));
        var p = PackageAssert.Build(data);
        Assert.Empty(p.Issues);
        PackageAssert.AuditClean(PackageAssert.ReadMarkdown(p).Disclosure, "读回的样例");
        Assert.All(data.Projects, x => Assert.Equal(90m, x.Indicators.Sum(i => i.Weight ?? 0m)));
    }
}
