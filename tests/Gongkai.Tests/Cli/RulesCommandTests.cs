using Gongkai.Audit;
using Gongkai.Cli.Commands;

namespace Gongkai.Tests.Cli;

/// <summary>gongkai rules: the catalogue by family in the terminal, one family, one rule's documentation.</summary>
public class RulesCommandTests
{
    [Fact]
    public void The_catalogue_lists_every_rule_once_under_its_family()
    {
        var run = CliRun.Of("rules");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        var all = RuleRegistry.Default.Descriptors.ToList();
        Assert.Contains($"共 {all.Count} 条规则", run.Out);
        var lines = run.Out.Split('\n');
        foreach (var d in all)
        {
            var at = Array.FindIndex(lines, l => l.StartsWith($"  {d.Id} "));
            Assert.True(at > 0, $"{d.Id} missing");
            Assert.Equal(1, lines.Count(l => l.StartsWith($"  {d.Id} ")));
            // the nearest family heading above the rule is its own family
            var heading = lines.Take(at).Last(l => l.Length > 0 && !l.StartsWith(' ') && l.Contains('（'));
            Assert.StartsWith($"{d.Category.Chinese()}（{d.Category.Slug()}）", heading);
            Assert.Contains(d.Severity.Chinese(), lines[at]);
        }
    }

    [Fact]
    public void One_rule_shows_its_documentation()
    {
        var d = RuleRegistry.Default.Descriptors.First(x => x.Id == "GK402");
        var run = CliRun.Of("rules", "gk402");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"GK402 {d.Title}", run.Out);
        Assert.Contains($"严重程度：{d.Severity.Chinese()}", run.Out);
        Assert.Contains($"公式：{d.Formula}", run.Out);
        Assert.Contains($"说明：{d.Rationale}", run.Out);
        Assert.Contains($"示例：{d.Example}", run.Out);
        Assert.Contains($"类别：{d.Category.Chinese()}", run.Out);
    }

    [Fact]
    public void A_family_lists_only_its_rules_by_slug_or_chinese_name()
    {
        var narrative = RuleRegistry.Default.Descriptors.Where(d => d.Category == RuleCategory.Narrative).ToList();
        foreach (var arg in new[] { "narrative", RuleCategory.Narrative.Chinese() })
        {
            var run = CliRun.Of("rules", arg);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(narrative.Count, run.Out.Split('\n').Count(l => l.StartsWith("  GK")));
        }
    }

    [Fact]
    public void An_unknown_rule_is_a_usage_error()
    {
        var run = CliRun.Of("rules", "GK999");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("没有规则或类别“GK999”", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void The_command_list_names_rules()
    {
        var run = CliRun.Of("--help");
        Assert.Contains("rules", run.Out);
        Assert.Equal(0, CliRun.Of("rules", "--help").ExitCode);
    }
}
