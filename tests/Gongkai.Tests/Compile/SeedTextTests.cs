using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Model;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Issue 13, done-when: the re-entered packages print every 绩效 text of their originals. The data files in
/// Compile/Data hold placeholder sentences (no seed prose in the repository); these tests take each text field from the
/// original in ../shared/seeds at run time, put it into the data, compile, and compare the printed cells with the
/// original's text.
/// </summary>
public class SeedTextTests
{
    /// <summary>The 项目支出（绩效目标）申报表 fields of seed 004 (武汉市江汉区 2023) and where the data holds them.</summary>
    private static readonly (string Label, Action<ProjectData, string> Set, Func<ProjectData, string?> Get)[] ProjectFields =
    [
        ("立项依据", (p, v) => p.Basis = v, p => p.Basis),
        ("项目实施方案", (p, v) => p.Plan = v, p => p.Plan),
        ("上年绩效评价结果、整改及应用", (p, v) => p.PriorEvaluation = v, p => p.PriorEvaluation),
        ("项目前两年预算及当年预算变动情况", (p, v) => p.BudgetHistory = v, p => p.BudgetHistory),
        ("长期绩效目标", (p, v) => p.LongTermGoal = v, p => p.LongTermGoal),
        ("年度绩效目标", (p, v) => p.AnnualGoal = v, p => p.AnnualGoal),
    ];

    /// <summary>
    /// The text fields of each project's 申报表 in a tab-separated seed: the block from its 项目名称 line to the next one,
    /// each field the one line “label TAB text” (a label followed by more cells is a row of the indicator tables, not the
    /// field); conversion tags (&lt;p&gt;) removed, paragraphs on lines of their own. Keyed by 项目代码.
    /// </summary>
    internal static Dictionary<string, Dictionary<string, string>> ProjectTexts(string seedPath)
    {
        var result = new Dictionary<string, Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in File.ReadLines(seedPath))
        {
            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            if (cells.Length >= 4 && cells[0] == "项目名称" && cells[2] == "项目代码")
            {
                result[cells[3]] = current = new Dictionary<string, string>();
                continue;
            }
            if (current is null || cells.Length < 2 || cells[1].Length == 0 || cells.Skip(2).Any(c => c.Length > 0)) continue;
            var field = ProjectFields.FirstOrDefault(f => cells[0].StartsWith(f.Label, StringComparison.Ordinal));
            if (field.Label is null || current.ContainsKey(field.Label)) continue;
            current[field.Label] = Clean(cells[1]);
        }
        return result;
    }

    private static string Clean(string text) =>
        string.Join("\n", System.Text.RegularExpressions.Regex.Split(text, "</?p>").Select(s => s.Trim()).Where(s => s.Length > 0));

    private static string Sq(string s) => Whitespace.Squeeze(s);

    /// <summary>Every printed cell of a table, headers included (a 绩效 form prints its fields in header rows too).</summary>
    private static IEnumerable<string> Cells(RenderTable t) => t.Columns.SelectMany(c => c.Header).Concat(t.Rows.SelectMany(r => r.Cells));

    [Fact]
    public void Seed_004_project_texts_from_the_original_are_printed_as_given()
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        var original = ProjectTexts(Shared.Seed("004"));
        int filled = 0;
        foreach (var project in data.Projects.Where(p => p.Code is not null && original.ContainsKey(p.Code)))
            foreach (var (label, set, _) in ProjectFields)
                if (original[project.Code!].TryGetValue(label, out var text)) { set(project, text); filled++; }
        // the five 申报表 of the original: six text fields each, except two whose numbered goals (长期绩效目标1 …) run over
        // several cells of the conversion and are not taken
        Assert.Equal(5, original.Count);
        Assert.Equal(26, filled);

        var p = PackageAssert.Build(data);
        foreach (var project in data.Projects.Where(x => x.Code is not null && original.ContainsKey(x.Code)))
        {
            var table = p.Tables.First(t => t.Kind == TableKind.PerformanceProject && Cells(t).Any(c => c.Contains(project.Name, StringComparison.Ordinal)));
            var printed = string.Join("\n", Cells(table).Select(Sq));
            foreach (var (label, _, get) in ProjectFields)
            {
                if (!original[project.Code!].TryGetValue(label, out var text)) continue;
                Assert.Equal(text, get(project));
                Assert.True(printed.Contains(Sq(text), StringComparison.Ordinal), $"{project.Name} {label}：印出的文字与原件不同\n原件：{text}");
            }
        }
        // read back, the package with the original's texts has no 错误 and no 警告 but the original's own: one 项目前两年预算
        // text of the 2023 申报表 speaks of 2020 (GK711, as on the published seed itself)
        var findings = Auditor.Audit(PackageAssert.ReadMarkdown(p).Disclosure, PackageAssert.Options).Findings
            .Where(f => f.Severity is Severity.Error or Severity.Warning).ToList();
        var stale = Assert.Single(findings);
        Assert.Equal("GK711", stale.RuleId);
        var seed = Auditor.Audit(new Gongkai.Recognition.DisclosureReader().Read(Shared.Seed("004")).Disclosure, PackageAssert.Options).Findings;
        Assert.Contains("2020", stale.Message);
        Assert.Contains(seed, f => f.RuleId == "GK711" && f.Message.Contains("项目前两年预算及当年预算变动情况") && f.Message.Contains("2020"));
    }
}
