using Gongkai.Audit;
using Gongkai.Audit.Rules.Classification;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Recall;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Recall gaps closed (issue 9, item 4): the paired economic codes (GK508, GK510) and the “三公”、会议费、培训费 合计 (GK226)
/// read on the Xi'an layout that prints them; a 项目总预算 below the year's money (GK628); a split 类 | 款 | 项 code printed
/// out of line (GK512), reported instead of misfiled.
/// </summary>
public class RulesTenRuleTests
{
    private static readonly AuditOptions Options = new() { Catalog = CatalogAdapter.Instance };

    private const string XianAudit = "020-西安-2026年西安市审计局部门预算.pdf";

    private static readonly Lazy<(Disclosure Doc, AuditReport Report)> Xian = new(() =>
    {
        var d = new DisclosureReader().Read(Shared.Corpus(XianAudit)).Disclosure;
        return (d, Auditor.Audit(d, Options));
    });

    // ------------------------------------------------------------------------------------------------ GK508 / GK510

    [Fact]
    public void The_xian_economic_tables_read_their_paired_government_codes_and_the_pairs_agree()
    {
        var (d, report) = Xian.Value;
        // 表6 and 表8 print 部门经济科目编码 | 名称 | 政府经济科目编码 | 名称: every 款 row carries its pair
        var paired = d.Tables.Where(t => t.Kind is TableKind.BudgetGeneralByEconomic or TableKind.BudgetGeneralBasic)
            .Select(t => t.Rows.Count(r => r.Code?.Scheme == CodeScheme.DepartmentEconomic && r.PairedCode?.Scheme == CodeScheme.GovernmentEconomic)).ToList();
        Assert.Equal(2, paired.Count);
        Assert.All(paired, n => Assert.True(n >= 25, $"只读到 {n} 对编码"));
        var pair = d.Tables.First(t => t.Kind == TableKind.BudgetGeneralBasic).Rows.First(r => r.Code?.Value == "30215");
        Assert.Equal("50202", pair.PairedCode?.Value);
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "GK508" or "GK510" or "GK512" && f.Severity != Severity.Info);
        // two pairs the mapping does not list for a 机关 and holds no verified 机关 row for (30107 绩效工资 → 50199, 31002 办公设备购置
        // → 50306), in both tables: 提示 only, as the rule's descriptor says
        var hints = report.Findings.Where(f => f.RuleId == "GK508").ToList();
        Assert.Equal(4, hints.Count);
        Assert.All(hints, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.All(hints, f => Assert.Matches("30107|31002", f.Message));
    }

    private static DocBuilder Paired(string dept, string gov, string govName)
    {
        var b = DocBuilder.Budget();
        b.Table(TableKind.BudgetGeneralBasic, t => t.Columns(new ColumnKey(Measure.Total)).Total(10m));
        b.Doc.Tables[0].Rows.Add(new DataRow { Label = "基本工资", Code = ClassificationCode.TryCreate(dept), PairedCode = ClassificationCode.TryCreate(gov), PairedLabel = govName });
        return b;
    }

    [Fact]
    public void GK508_a_pair_the_mapping_does_not_allow_fires_and_an_allowed_pair_is_silent()
    {
        var f = Assert.Single(new EconomicPairAllowed().Check(new AuditContext(Paired("30101", "50201", "办公经费").Doc, Options)));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("50201", f.Message);
        Assert.Empty(new EconomicPairAllowed().Check(new AuditContext(Paired("30101", "50101", "工资奖金津补贴").Doc, Options)));
    }

    [Fact]
    public void GK510_a_class_code_paired_with_an_item_code_fires()
    {
        Assert.Single(new EconomicPairLevel().Check(new AuditContext(Paired("30101", "501", "机关工资福利支出").Doc, Options)));
        Assert.Empty(new EconomicPairLevel().Check(new AuditContext(Paired("30101", "50101", "工资奖金津补贴").Doc, Options)));
    }

    // ------------------------------------------------------------------------------------------------ GK226

    [Fact]
    public void GK226_reads_the_xian_combined_table_and_stays_silent_on_its_consistent_figures()
    {
        var (d, report) = Xian.Value;
        var t = d.Tables.Single(x => x.Kind == TableKind.BudgetThreePublic);
        var row = t.Rows.First(r => r[new ColumnKey(Measure.Total)] is not null);
        // 表13: 合计 332000 = “三公”小计 102000 + 会议费 20000 + 培训费 210000 (元)
        Assert.Equal(332000m, row[new ColumnKey(Measure.Total)]!.Value);
        Assert.Equal(20000m, row[new ColumnKey(Measure.Meeting)]!.Value);
        Assert.Equal(210000m, row[new ColumnKey(Measure.Training)]!.Value);
        Assert.Empty(t.UnmappedValueColumns);
        Assert.Contains("GK226", report.RulesRun);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "GK226");
    }

    [Fact]
    public void GK226_fires_when_the_meeting_training_or_outer_total_of_a_combined_table_is_keyed_wrong()
    {
        var c = Mutants.All.Single(x => x.Id == "three-public-combined");
        int tried = 0, fired = 0;
        foreach (var seed in Enumerable.Range(1, 400))
        {
            var package = PackageAssert.Build(RandomData.Create(seed));
            var text = MarkdownRenderer.ToText(package);
            if (!text.Contains("| 会议费 |")) continue;
            var path = package.Title + ".md";
            Assert.DoesNotContain(Mutants.Check(path, text).Findings, f => f.RuleId == "GK226");
            for (int k = 0; k < 3; k++)
            {
                if (c.Apply(text, new Random(seed * 31 + k)) is not { } mutant || mutant == text) continue;
                tried++;
                if (Mutants.Check(path, mutant).Findings.Any(f => f.RuleId == "GK226" && f.Severity == Severity.Error)) fired++;
            }
            if (tried >= 6) break;
        }
        Assert.True(tried >= 3, $"只有 {tried} 个变异体");
        Assert.Equal(tried, fired);
    }

    // ------------------------------------------------------------------------------------------------ GK628

    [Fact]
    public void GK628_seed_004_project_lines_are_silent_and_a_total_below_the_year_fires()
    {
        var path = Shared.Seed("004");
        var text = File.ReadAllText(path);
        Assert.DoesNotContain(Mutants.Check(path, text).Findings, f => f.RuleId == "GK628");
        // 医疗保障事务经费: 项目总预算 64 → 40 under its 项目本年度预算 64
        const string line = "医疗保障事务经费\t经常性项目\t64\t64\t";
        Assert.Contains(line, text);
        var f = Assert.Single(Mutants.Check(path, text.Replace(line, "医疗保障事务经费\t经常性项目\t40\t64\t")).Findings, x => x.RuleId == "GK628");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("医疗保障事务经费", f.Message);
        Assert.Equal(40m, f.Expected);
        Assert.Equal(64m, f.Found);
    }

    // ------------------------------------------------------------------------------------------------ GK512

    [Fact]
    public void GK512_a_split_item_row_without_its_section_is_reported_and_not_filed_as_the_class()
    {
        var package = PackageAssert.Build(RandomData.Create(1));
        var text = MarkdownRenderer.ToText(package);
        var path = package.Title + ".md";
        var split = Mutants.Benign.Single(v => v.Id == "code-split").Apply(text, new Random(1))!;
        var clean = Mutants.Check(path, split);
        Assert.DoesNotContain(clean.Findings, f => f.RuleId == "GK512");
        var c = Mutants.All.Single(x => x.Id == "split-code-shift");
        var mutant = c.Apply(text, new Random(3))!;
        var report = Mutants.Check(path, mutant);
        var f = Assert.Single(report.Findings, x => x.RuleId == "GK512");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("|  |", f.Message);
        // the row is not misfiled: no new 错误 from the level sums of the table it sits in
        Assert.DoesNotContain(report.Findings, x => x.RuleId is "GK201" or "GK202" && !clean.Findings.Any(y => y.Message == x.Message));
    }
}
