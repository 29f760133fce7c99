using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Model;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Issue 13, done-when, for the 重庆 决算 (seed 003): the 部门整体绩效自评表 and the 项目绩效自评表 print every text and
/// indicator of the original. The data file holds placeholder goal texts (no seed prose in the repository); this test takes
/// the texts from ../shared/seeds at run time — 年初绩效目标, 全年（调整）绩效目标 and 全年目标实际完成情况, which the
/// conversion prints in columns under their labels (a text cut by a page break goes on in the same column further down),
/// and each indicator row (名称, 计量单位, 指标性质, 指标值, 全年完成值, 说明) — puts them into the data by 项目编码, compiles,
/// and compares every printed cell with the original (the scores, computed by the package, with the original's figures).
/// </summary>
public class SeedSelfEvaluationTextTests
{
    internal sealed record SeedIndicator(string[] Cells)
    {
        public string Name => Cells[0];
        public string Unit => Cells[1];
        public string Operator => Cells[2];
        public string Target => Cells[3];
        public string Actual => Cells[4];
        public string Deviation => Cells[5];
        public string Coefficient => Cells[6];
        public string Weight => Cells[7];
        public string Score => Cells[8];
        public string Core => Cells[9];
        /// <summary>说明: the rest of the row (the conversion splits a long one over two cells); a cell that holds another
        /// indicator row spilled into it (a figure and an operator) is the conversion's, not a 说明.</summary>
        public string Remark => string.Concat(Cells.Skip(10)) is var r && !r.Any(c => c is '≥' or '≤' or '＝') ? r : "";
    }

    internal sealed class SeedForm
    {
        public string Code = "";
        public Dictionary<string, string> Goals = new();
        public List<SeedIndicator> Indicators = new();
    }

    private static readonly string[] GoalLabels = ["年初绩效目标", "全年（调整）绩效目标", "全年目标实际完成情况"];
    private static readonly char[] Operators = ['≥', '≤', '=', '＝', '>', '<'];

    /// <summary>The 自评表 of a tab-separated 决算 seed, in order: each from its 项目名称： line; the goal texts in the lines
    /// between the goal labels and 绩效指标, a cell going to the label whose column is the nearest on its left; the indicator
    /// rows (an operator in the third cell) after 指标名称.</summary>
    internal static List<SeedForm> Forms(string seedPath)
    {
        var forms = new List<SeedForm>();
        SeedForm? current = null;
        int[]? goalColumns = null;
        bool indicators = false;
        foreach (var line in File.ReadLines(seedPath))
        {
            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            if (cells[0] == "项目名称：")
            {
                int k = Array.IndexOf(cells, "项目编码：");
                var code = k >= 0 ? cells.Skip(k + 1).FirstOrDefault(c => c.Length > 0) : null;
                forms.Add(current = new SeedForm { Code = Whitespace.Squeeze(code) });
                goalColumns = null;
                indicators = false;
                continue;
            }
            if (current is null) continue;
            if (cells[0] == GoalLabels[0])
            {
                goalColumns = GoalLabels.Select(l => Array.IndexOf(cells, l)).ToArray();
                continue;
            }
            if (cells[0] == "绩效指标") { goalColumns = null; continue; }
            if (goalColumns is not null)
            {
                for (int j = 0; j < cells.Length; j++)
                {
                    if (cells[j].Length == 0) continue;
                    int g = Enumerable.Range(0, 3).Where(x => goalColumns[x] >= 0 && goalColumns[x] <= j).OrderByDescending(x => goalColumns[x]).First();
                    current.Goals[GoalLabels[g]] = current.Goals.GetValueOrDefault(GoalLabels[g], "") + cells[j];
                }
                continue;
            }
            if (cells[0] == "指标名称") { indicators = true; continue; }
            if (indicators && cells.Length >= 10 && cells[2].Length > 0 && cells[2].All(c => Operators.Contains(c)))
                current.Indicators.Add(new SeedIndicator(cells.Select(Whitespace.Squeeze).ToArray()));
        }
        return forms;
    }

    private static string Sq(string? s) => Whitespace.Squeeze(s);

    private static void Fill(string? code, List<IndicatorData> data, SeedForm form, Action<string?, string?, string?> goals)
    {
        string Goal(int g) => form.Goals.GetValueOrDefault(GoalLabels[g], "");
        goals(Goal(0), Goal(1), Goal(2));
        Assert.Equal(form.Indicators.Count, data.Count);
        for (int k = 0; k < data.Count; k++)
        {
            var (i, s) = (data[k], form.Indicators[k]);
            (i.Name, i.Unit, i.Operator, i.Target, i.Actual, i.Remark) = (s.Name, s.Unit, s.Operator, s.Target, s.Actual, s.Remark.Length > 0 ? s.Remark : null);
        }
        _ = code;
    }

    private static bool SameFigure(string printed, string original) =>
        decimal.TryParse(printed, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(original, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var b) && a == b;

    [Fact]
    public void Seed_003_self_evaluation_texts_and_indicators_from_the_original_are_printed_as_given()
    {
        var data = CompileSeedTests.Load("seed003-final-2024.json");
        var forms = Forms(Shared.Seed("003"));
        // the original: one 部门整体绩效自评表 and twelve 项目绩效自评表, each with its 年初绩效目标 and 实际完成情况
        Assert.Equal(13, forms.Count);
        Assert.All(forms, f => Assert.True(f.Goals.ContainsKey(GoalLabels[0]) && f.Goals.ContainsKey(GoalLabels[2]), f.Code));
        Assert.Equal(88, forms.Sum(f => f.Indicators.Count));

        var overall = data.Performance!.OverallSelfEvaluation!;
        foreach (var form in forms)
        {
            if (form.Code == overall.Code)
            {
                Fill(form.Code, overall.Indicators, form, (a, b, c) => (overall.InitialGoal, overall.AdjustedGoal, overall.Achieved) = (a, b, c));
                continue;
            }
            var project = Assert.Single(data.Projects, p => p.Code == form.Code);
            var se = project.SelfEvaluation!;
            Fill(form.Code, project.Indicators, form, (a, b, c) => (se.InitialGoal, se.AdjustedGoal, se.Achieved) = (a, b, c));
        }

        var package = PackageAssert.Build(data);
        var printedForms = package.Tables.Where(t => t.Kind is TableKind.SelfEvaluationProject or TableKind.SelfEvaluationOverall).ToList();
        Assert.Equal(13, printedForms.Count);
        int cells = 0;
        foreach (var form in forms)
        {
            var table = Assert.Single(printedForms, t => t.Columns.SelectMany(c => c.Header).Concat(t.Rows.SelectMany(r => r.Cells)).Any(c => c == form.Code));
            // the goal texts: the row under the labels, each in its label's column
            int labels = table.Rows.FindIndex(r => r.Cells.Contains(GoalLabels[0]));
            Assert.True(labels >= 0);
            foreach (var label in GoalLabels)
            {
                int col = Array.IndexOf(table.Rows[labels].Cells, label);
                var expected = form.Goals.GetValueOrDefault(label, "");
                Assert.True(Sq(table.Rows[labels + 1].Cells[col]) == Sq(expected), $"{form.Code} {label}：印出的文字与原件不同\n原件：{expected}\n印出：{table.Rows[labels + 1].Cells[col]}");
                cells++;
            }
            // the indicator rows, in the original's order, cell by cell
            int head = table.Rows.FindIndex(r => r.Cells.Length > 0 && r.Cells[0] == "指标名称");
            var rows = table.Rows.Skip(head + 1).ToList();
            Assert.Equal(form.Indicators.Count, rows.Count);
            for (int k = 0; k < rows.Count; k++)
            {
                var (p, s) = (rows[k].Cells.Select(Sq).ToArray(), form.Indicators[k]);
                string where = $"{form.Code} 指标 {s.Name}";
                Assert.Equal((s.Name, s.Unit, s.Operator, s.Target, s.Actual, s.Core, s.Remark), (p[0], p[1], p[2], p[3], p[4], p[9], p[10]));
                // 偏离度, 得分系数, 权重, 得分: computed by the package, the same figures as the original's (0 = 0.00)
                foreach (var (printed, original, name) in new[] { (p[5], s.Deviation, "偏离度"), (p[6], s.Coefficient, "得分系数"), (p[7], s.Weight, "权重"), (p[8], s.Score, "得分") })
                    Assert.True(printed == original || SameFigure(printed, original), $"{where} {name}：印出 {printed}，原件 {original}");
                cells += 11;
            }
        }
        Assert.True(cells >= 13 * 3 + 88 * 11, $"{cells} cells compared");

        // read back, the package with the original's texts has no 错误 and no 警告
        var findings = Auditor.Audit(PackageAssert.ReadMarkdown(package).Disclosure, PackageAssert.Options).Findings
            .Where(f => f.Severity is Severity.Error or Severity.Warning).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Message}")));
    }
}
