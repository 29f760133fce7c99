using System.Text.Json;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Cli;

/// <summary>
/// The shipped samples (samples/README.md): the demo disclosure is caught on exactly its planted defects, and the
/// compile sample, from JSON and from XLSX, becomes a package with no 错误 or 警告.
/// </summary>
public class DemoSampleTests
{
    private const string Demo = "demo-budget-2025.md";

    /// <summary>Every finding of the demo: rule and the line of its first location (samples/README.md lists them).</summary>
    private static readonly (string Rule, int Line)[] Planted =
    [
        ("GK102", 233), // 表9 empty, no note
        ("GK225", 188), // 表6 类 302 ≠ Σ款 (30239 raised), 合计 column
        ("GK225", 188), // … and 公用经费 column
        ("GK312", 197), // 30217 公务接待费 1.90 > “三公” table 1.40
        ("GK402", 23),  // 增长0.58% (0.85%)
        ("GK405", 29),  // 占19.60% (19.06%)
        ("GK506", 81),  // 20805 with the 2018 edition's name
        ("GK511", 81),  // … differing from 表3
        ("GK620", 265), // rate indicator in 元
        ("GK701", 41),  // 增加（减少）
        ("GK705", 133), // 表4 titled 2024年
    ];

    /// <summary>The nine planted defects and their corrections (text to find, replacement).</summary>
    internal static readonly (string Wrong, string Right)[] Corrections =
    [
        ("增加27.84万元，增长0.58%", "增加27.84万元，增长0.85%"),
        ("基本支出632.00万元，占19.60%", "基本支出632.00万元，占19.06%"),
        ("比2024年增加（减少）1.60万元", "比2024年减少1.60万元"),
        ("### 表4 2024年财政拨款收支总表", "### 表4 财政拨款收支总表"),
        ("| 30239 | 其他交通费用 | 29.60 |  | 29.60 |", "| 30239 | 其他交通费用 | 29.20 |  | 29.20 |"),
        ("| 20805 | 行政事业单位离退休 |", "| 20805 | 行政事业单位养老支出 |"),
        ("| 30217 | 公务接待费 | 1.90 |  | 1.90 |", "| 30217 | 公务接待费 | 1.40 |  | 1.40 |"),
        ("| 30299 | 其他商品和服务支出 | 9.40 |  | 9.40 |", "| 30299 | 其他商品和服务支出 | 9.90 |  | 9.90 |"),
        ("| 区级补助资金按季拨付率 | = | 100 | 元 |", "| 区级补助资金按季拨付率 | = | 100 | % |"),
        ("| | 合计 | | | |\n\n## 十一、绩效目标表",
         "| | 合计 | | | |\n\n注：青川区医疗保障局2025年没有使用国有资本经营预算拨款安排的支出，故本表无数据。\n\n## 十一、绩效目标表"),
    ];

    private static List<(string Rule, string Severity, int Line)> CheckJson(string file, TempDir dir)
    {
        var outDir = Path.Combine(dir.Path, "out-" + Path.GetFileNameWithoutExtension(file));
        var run = CliRun.Of("check", file, "--format", "json", "--out", outDir);
        Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}: {run.Err}");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "审核结果.json")));
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("severity").GetString()!,
                f.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("line").GetInt32()).First()))
            .ToList();
    }

    [Fact]
    public void The_demo_reports_exactly_its_planted_defects()
    {
        using var dir = new TempDir();
        var findings = CheckJson(Repo.Sample(Demo), dir);
        var got = findings.Select(f => $"{f.Rule}@{f.Line}").Order(StringComparer.Ordinal).ToList();
        var want = Planted.Select(p => $"{p.Rule}@{p.Line}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want, got);
        Assert.All(findings, f => Assert.Contains(f.Severity, new[] { "error", "warning" }));
        // what the README promises: at least 8 findings from at least 6 rule families (GK1xx … GK7xx)
        Assert.True(findings.Select(f => f.Rule[..3]).Distinct().Count() >= 6);
    }

    [Fact]
    public void The_demo_text_command_exits_1_and_names_the_counts()
    {
        var run = CliRun.Of("check", Repo.Sample(Demo));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("错误 6 条", run.Out);
        Assert.Contains("警告 5 条", run.Out);
        Assert.DoesNotContain("未发现问题", run.Out);
    }

    [Fact]
    public void The_demo_with_its_defects_corrected_is_clean()
    {
        var text = File.ReadAllText(Repo.Sample(Demo));
        foreach (var (wrong, right) in Corrections)
        {
            Assert.True(text.Split(wrong).Length == 2, $"the planted text should occur once: {wrong}");
            text = text.Replace(wrong, right);
        }
        using var dir = new TempDir();
        var findings = CheckJson(dir.File("corrected.md", text), dir);
        Assert.True(findings.Count == 0, "false findings: " + string.Join(", ", findings.Select(f => $"{f.Rule}@{f.Line}")));
    }

    [Fact]
    public void The_compile_sample_builds_a_clean_package_from_json_and_from_xlsx()
    {
        using var dir = new TempDir();
        string Compile(string input, string outName)
        {
            var outDir = Path.Combine(dir.Path, outName);
            var run = CliRun.Of("compile", Repo.Sample(input), "-o", outDir, "--format", "md,html,docx");
            Assert.True(run.ExitCode == 0, run.Out + run.Err);
            Assert.Contains("错误 0 条，警告 0 条", run.Out + run.Err);
            return outDir;
        }
        var fromJson = Compile("compile-budget-2025.json", "json");
        var fromXlsx = Compile("compile-budget-2025.xlsx", "xlsx");

        // the workbook holds the same data as the JSON
        const string name = "青川区医疗保障局2025年部门预算";
        Assert.Equal(File.ReadAllText(Path.Combine(fromJson, name + ".md")), File.ReadAllText(Path.Combine(fromXlsx, name + ".md")));

        // and the package, read back as a user would check it, has no findings at all
        foreach (var ext in new[] { "md", "html", "docx" })
        {
            var findings = CheckJson(Path.Combine(fromJson, $"{name}.{ext}"), dir);
            Assert.True(findings.Count == 0, $"{ext}: " + string.Join(", ", findings.Select(f => $"{f.Rule}@{f.Line}")));
        }
    }
}
