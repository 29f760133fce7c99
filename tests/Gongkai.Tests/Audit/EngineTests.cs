using System.Text.Json;
using Gongkai.Audit;
using Gongkai.Model;

namespace Gongkai.Tests.Audit;

public class EngineTests
{
    [Fact]
    public void Registry_discovers_all_rules_with_unique_ids_and_complete_descriptors()
    {
        var rules = RuleRegistry.Default.Rules;
        Assert.True(rules.Count >= 40, $"规则数 {rules.Count}");
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        foreach (var d in RuleRegistry.Default.Descriptors)
        {
            Assert.Matches("^GK[1-9][0-9]{2}$", d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Formula), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Rationale), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Example), d.Id);
            Assert.DoesNotContain('\n', d.Formula);
            // the hundreds digit follows the category
            Assert.Equal((int)d.Category + 1, d.Id[2] - '0');
        }
    }

    [Fact]
    public void Every_rule_id_is_exercised_by_a_test()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Audit");
        var text = string.Concat(Directory.GetFiles(dir, "*RuleTests.cs").Select(File.ReadAllText));
        var missing = RuleRegistry.Default.Rules
            .Where(r => !text.Contains(r.Id) && !text.Contains("<" + r.GetType().Name + ">"))
            .Select(r => r.Id).ToList();
        Assert.True(missing.Count == 0, "没有测试的规则：" + string.Join(", ", missing));
    }

    private static DocBuilder Broken()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalExpenditure, t => t.Columns(Measure.Total, Measure.Basic, Measure.Project)
            .Total(150m, 100m, 50m)
            .Row("208", "社会保障和就业支出", 145.04m, 103.03m, 42.01m)
            .Row("20805", "行政事业单位养老支出", 103.04m, 103.03m, 0m)
            .Row("2080505", "机关事业单位基本养老保险缴费支出", 103.03m, 103.03m, 0m));
        b.Sentence("比上年增加（减少）0万元");
        return b;
    }

    [Fact]
    public void Auditor_sorts_by_severity_then_location_and_counts()
    {
        var report = Auditor.Audit(Broken().Doc);
        Assert.True(report.ErrorCount > 0);
        Assert.True(report.InfoCount > 0);
        Assert.Equal(report.Findings.Count, report.ErrorCount + report.WarningCount + report.InfoCount);
        Assert.Equal(report.Findings.OrderBy(f => f.Severity).Select(f => f.Severity), report.Findings.Select(f => f.Severity));
        var errors = report.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(errors.OrderBy(f => f.PrimaryLocation?.Line ?? int.MaxValue).ToList(), errors);
        Assert.Contains(report.Findings, f => f.IsRoundingDifference && f.RuleId == "GK201");
        Assert.Contains("GK201", report.RulesRun);
        Assert.DoesNotContain("GK206", report.RulesRun); // budget-only rule on a 决算 document
    }

    [Fact]
    public void Options_override_severity_and_disable_rules_but_rounding_stays_info()
    {
        var options = new AuditOptions
        {
            SeverityOverrides = new(StringComparer.OrdinalIgnoreCase) { ["GK202"] = Severity.Warning },
            DisabledRules = new(StringComparer.OrdinalIgnoreCase) { "GK701" },
        };
        var report = Auditor.Audit(Broken().Doc, options);
        Assert.All(report.ByRule("GK202"), f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.NotEmpty(report.ByRule("GK202"));
        Assert.Empty(report.ByRule("GK701"));
        Assert.All(report.Findings.Where(f => f.IsRoundingDifference), f => Assert.Equal(Severity.Info, f.Severity));
    }

    private sealed class Throwing : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("GK799", "测试", Severity.Error, Applicability.Both,
            RuleCategory.Text, "无", "无", "无");
        public override IEnumerable<Finding> Check(AuditContext ctx) => throw new InvalidOperationException("坏了");
    }

    [Fact]
    public void A_crashing_rule_becomes_an_info_finding()
    {
        var report = new Auditor(new RuleRegistry(new Rule[] { new Throwing() })).Run(DocBuilder.Final().Doc);
        var f = Assert.Single(report.Findings);
        Assert.Equal(Severity.Info, f.Severity);
        // what failed, in Chinese; not the exception's own text or type (those only with GONGKAI_DEBUG=1)
        Assert.Contains("GK799", f.Message);
        Assert.Contains("程序内部状态异常", f.Message);
        Assert.DoesNotContain("InvalidOperation", f.Message);
    }

    [Fact]
    public void Tolerance_applies_the_one_rounding_policy()
    {
        Assert.Equal(Verdict.Rounding, Tolerance.Sum(2946.25m, new[] { 2946.26m }).Verdict);
        var twelve = Enumerable.Repeat(14.26m, 11).Append(14.23m).ToList(); // Σ = 171.09, printed 171.07 (SH24F 302)
        Assert.Equal(Verdict.Rounding, Tolerance.Sum(171.07m, twelve).Verdict);
        Assert.Equal(Verdict.Mismatch, Tolerance.Sum(10m, new[] { 9.98m }).Verdict);
        Assert.Equal(Verdict.Rounding, Tolerance.Equal(326.72m, 326.71m).Verdict);
        Assert.Equal(Verdict.Mismatch, Tolerance.Equal(326.73m, 326.71m).Verdict);
        Assert.Equal(Verdict.Match, Tolerance.Percent(15.3m, 2432.93m, 15897.44m).Verdict);
        Assert.Equal(Verdict.Match, Tolerance.Percent(1.87m, 56.95m, 3052.34m).Verdict);
        Assert.Equal(Verdict.Mismatch, Tolerance.Percent(1.86m, 56.95m, 3052.34m).Verdict);
        Assert.Equal(Verdict.Rounding, Tolerance.Percent(33.34m, 1m, 3m).Verdict); // small amounts widen the range
        Assert.Equal(Verdict.Mismatch, Tolerance.Percent(16.47m, 1m, 10m).Verdict);
    }

    [Fact]
    public void Resolver_maps_subjects_to_table_figures()
    {
        var b = DocBuilder.Final()
            .Table(TableKind.FinalSummary, t => t.Income(SummaryLine.GrandTotalIncome, 2995.39m))
            .Table(TableKind.FinalGeneralBasic, t => t.Columns(Measure.Personnel, Measure.Public).Total(2152.26m, 184.65m));
        var r = new SubjectResolver(b.Doc);
        Assert.Equal(2995.39m, r.Resolve("收入支出总计")!.Figure.Value);
        Assert.Equal(184.65m, r.Resolve(" 公用经费 ")!.Figure.Value);
        Assert.Null(r.Resolve("绿化面积"));
    }

    [Fact]
    public void Text_writer_groups_by_severity_and_table_within_80_columns()
    {
        var report = Auditor.Audit(Broken().Doc);
        var text = new FindingTextWriter().Write(report);
        Assert.Contains("【错误】", text);
        Assert.Contains("【提示】", text);
        Assert.Contains("F3 支出决算表", text);
        Assert.True(text.IndexOf("【错误】", StringComparison.Ordinal) < text.IndexOf("【提示】", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("GONGKAI_PEEK") is { } peek) File.WriteAllText(peek, text);
        foreach (var line in text.Split('\n'))
            Assert.True(FindingTextWriter.DisplayWidth(line) <= 80, $"超宽：{line}");
    }

    [Fact]
    public void Json_writer_emits_documented_fields()
    {
        var report = Auditor.Audit(Broken().Doc);
        using var doc = JsonDocument.Parse(FindingJsonWriter.Write(report));
        var root = doc.RootElement;
        Assert.Equal("doc.txt", root.GetProperty("file").GetString());
        Assert.Equal(report.ErrorCount, root.GetProperty("summary").GetProperty("errors").GetInt32());
        var first = root.GetProperty("findings")[0];
        foreach (var name in new[] { "ruleId", "severity", "severityText", "category", "table", "message", "expected", "found",
                     "difference", "rounding", "suggestion", "locations" })
            Assert.True(first.TryGetProperty(name, out _), name);
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("F3", first.GetProperty("table").GetString());
        Assert.Contains("应为", first.GetProperty("message").GetString());
        Assert.True(first.GetProperty("locations")[0].TryGetProperty("line", out _));
    }
}
