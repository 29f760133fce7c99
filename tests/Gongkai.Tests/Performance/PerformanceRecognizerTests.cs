using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Performance;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Performance;

/// <summary>绩效目标 / 绩效自评 recognition on the five seeds; values hand-checked against the documents.</summary>
public class PerformanceRecognizerTests
{
    private static readonly Dictionary<string, (SourceDocument Doc, Disclosure Model, PerformanceRecognition Result)> Cache = new();

    private static (SourceDocument Doc, Disclosure Model, PerformanceRecognition Result) Run(string seed)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(seed, out var hit)) return hit;
            var path = Shared.Seed(seed);
            var doc = new DocumentReader().Read(path);
            var model = new Disclosure { File = path };
            var result = new PerformanceRecognizer().Recognize(doc, model);
            return Cache[seed] = (doc, model, result);
        }
    }

    [Theory]
    [InlineData("000", 1, 16, 0, 0)]
    [InlineData("001", 1, 15, 0, 0)]
    [InlineData("002", 1, 6, 0, 0)]
    [InlineData("003", 0, 0, 1, 12)]
    [InlineData("004", 1, 5, 0, 0)]
    public void Counts_per_seed(string seed, int overallTargets, int projectTargets, int overallSelf, int projectSelf)
    {
        var (_, m, r) = Run(seed);
        Assert.Equal(overallTargets, m.PerformanceTargets.Count(t => t.IsOverall));
        Assert.Equal(projectTargets, m.PerformanceTargets.Count(t => !t.IsOverall));
        Assert.Equal(overallSelf, m.SelfEvaluations.Count(s => s.IsOverall));
        Assert.Equal(projectSelf, m.SelfEvaluations.Count(s => !s.IsOverall));
        Assert.Equal(m.PerformanceTargets.Count, r.Targets.Count);
        Assert.NotEmpty(r.ConsumedRows);
    }

    [Fact]
    public void Seed000_project_amounts_match_the_attachment_list()
    {
        var (doc, m, _) = Run("000");
        var projects = m.PerformanceTargets.Where(t => !t.IsOverall).ToList();
        Assert.All(projects, p => Assert.Equal(ValueUnit.WanYuan, p.Amount!.Unit));
        Assert.Equal(6387.35m, projects.Sum(p => p.Amount!.Value));

        // the 附件3-11目录 table: 合计 then 11-1 … 11-16 in the order of the tables
        var toc = doc.Tables.First(t => t.Rows.Count > 2 && t.Rows[0][0].StartsWith("项目名称") && t.Rows[1][0].Contains("合计"));
        var listed = toc.Rows.Skip(2).Select(r => Numbers.Parse(r[1]).Value).ToList();
        Assert.Equal(projects.Select(p => p.Amount!.Value), listed);
        Assert.Equal(Numbers.Parse(toc.Rows[1][1]).Value, listed.Sum());
    }

    [Fact]
    public void Seed000_overall_and_health_poverty_project()
    {
        var (_, m, _) = Run("000");
        var overall = m.PerformanceTargets.Single(t => t.IsOverall);
        Assert.Equal(23, overall.Indicators.Count);
        Assert.Equal(100m, overall.Indicators.Sum(i => i.Weight));
        Assert.Equal("元", overall.StatedUnit);
        Assert.Equal(8423.15m, overall.Amount!.Value);
        Assert.Contains(overall.Funds, f => f.Values.TryGetValue("项目支出·财政拨款", out var v) && v.Value == 7647.13m);

        var p = m.PerformanceTargets.Single(t => t.ProjectName == "健康扶贫基金");
        Assert.Equal("50011022T000002016905", p.ProjectCode);
        Assert.Equal("常年性", p.ProjectType);
        Assert.Equal(100.00m, p.Amount!.Value);
        Assert.Equal(2, p.Amount.Scale);
        Assert.Equal("万元", p.StatedUnit);
        Assert.Contains(p.Funds, f => f.Label == "本级资金" && f.Values["金额"].Value == 100m);
        Assert.Equal(5, p.Indicators.Count);
        Assert.Equal(90m, p.Indicators.Sum(i => i.Weight));
        var sat = p.Indicators.Last();
        Assert.Equal("健康扶贫人员满意度", sat.Name);
        Assert.Equal("满意度指标", sat.Level1);
        Assert.Equal("≥", sat.Operator);
        Assert.Equal(95m, sat.Target);
        Assert.Equal("%", sat.Unit);
        Assert.Equal(5m, sat.Weight);
        Assert.Equal(12, sat.Figures["Target"].Source.TableIndex); // the continuation block
    }

    [Fact]
    public void Seed000_every_project_weights_sum_to_90()
    {
        var (_, m, _) = Run("000");
        Assert.All(m.PerformanceTargets.Where(t => !t.IsOverall), p => Assert.Equal(90m, p.Indicators.Sum(i => i.Weight)));
    }

    [Fact]
    public void Seed001_codes_amounts_and_spending_plan()
    {
        var (_, m, _) = Run("001");
        var overall = m.PerformanceTargets.Single(t => t.IsOverall);
        Assert.Equal(13, overall.Indicators.Count);
        Assert.Equal("部门产出", overall.Indicators[0].Level1);
        Assert.Equal("≥", overall.Indicators[0].Operator);
        Assert.Equal("数量", overall.Indicators[1].Level2); // carried down from the row above

        var first = m.PerformanceTargets.First(t => !t.IsOverall);
        Assert.Equal("13102522P008727100028", first.ProjectCode);
        Assert.Equal(4758m, first.Amount!.Value);
        Assert.Equal(ValueUnit.WanYuan, first.Amount.Unit);
        Assert.Equal(new[] { 30m, 60m, 90m, 100m }, first.SpendingPlan.Select(f => f.Value));
        Assert.All(first.SpendingPlan, f => Assert.Equal(ValueUnit.Percent, f.Unit));
        var count = first.Indicators.First();
        Assert.Equal("参保缴费人数", count.Name);
        Assert.Equal("≤", count.Operator);
        Assert.Equal(39m, count.Target);
        Assert.Equal("万人", count.Unit);
        Assert.False(string.IsNullOrEmpty(count.Basis));

        // template residue ("——" rows) is reported, not dropped
        Assert.Contains(m.Notes, n => n.Message.StartsWith("模板占位行") && n.Source.TableIndex == first.TableIndex);
        // a plan with blank quarters keeps its four positions
        Assert.Contains(m.PerformanceTargets, t => t.SpendingPlan.Count == 4 && t.SpendingPlan[0].Kind == FigureKind.Blank && t.SpendingPlan[3].Value == 100m);
    }

    [Fact]
    public void Seed002_amounts_and_overall_total()
    {
        var (_, m, _) = Run("002");
        var projects = m.PerformanceTargets.Where(t => !t.IsOverall).ToList();
        Assert.Equal(new[] { 3m, 5m, 13m, 72m, 48.84m, 20m }, projects.Select(p => p.Amount!.Value));
        var overall = m.PerformanceTargets.Single(t => t.IsOverall);
        Assert.Equal(1172.35m, overall.Amount!.Value);
        Assert.Equal(8, overall.Funds.Count(f => f.Label != "金额合计"));
        Assert.Equal(overall.Amount.Value, overall.Funds.Where(f => f.Label != "金额合计").Sum(f => f.Values.First().Value.Value));
        // embedded operators: "≥95%" → ≥ 95 %
        var sat = projects[1].Indicators.Single(i => i.Name == "救助对象满意度");
        Assert.Equal("≥", sat.Operator);
        Assert.Equal(95m, sat.Target);
        Assert.Equal("%", sat.Unit);
        Assert.Contains(m.Notes, n => n.Message.StartsWith("模板占位行"));
    }

    [Fact]
    public void Seed003_overall_self_evaluation()
    {
        var (_, m, _) = Run("003");
        var s = m.SelfEvaluations.Single(x => x.IsOverall);
        Assert.Equal(96.878m, s.TotalScore!.Value);
        var total = s.TotalFunds!;
        Assert.Equal("年度总金额", total.Label);
        Assert.Equal(62015542.50m, total.InitialBudget!.Value);
        Assert.Equal(40684306.05m, total.AdjustedBudget!.Value);
        Assert.Equal(39256606.05m, total.Executed!.Value);
        Assert.Equal(ValueUnit.Yuan, total.Executed.Unit);
        var scored = s.ScoredFunds!;
        Assert.Equal(96.49m, scored.ExecutionRate!.Value);
        Assert.Equal(10.00m, scored.Weight!.Value);
        Assert.Equal(9.65m, scored.Score!.Value);
        Assert.Equal(11, s.Indicators.Count);
        Assert.Equal(100m, s.Indicators.Sum(i => i.Weight));

        var i1 = s.Indicators.Single(i => i.Name == "城乡居民医疗保险参保人数");
        Assert.Equal("万人", i1.Unit);
        Assert.Equal("≥", i1.Operator);
        Assert.Equal(65m, i1.Target);
        Assert.Equal(64m, i1.Actual);
        Assert.Equal(1.54m, i1.Deviation);
        Assert.Equal(84.6m, i1.Coefficient);
        Assert.Equal(20m, i1.Weight);
        Assert.Equal(16.92m, i1.Score);
        Assert.True(i1.IsCore);
        Assert.Equal(i1.Source.Row, i1.Figures["Score"].Source.Row);
        Assert.Equal(8, i1.Figures["Score"].Source.Column);
    }

    [Fact]
    public void Seed003_project_self_evaluations()
    {
        var (_, m, _) = Run("003");
        var projects = m.SelfEvaluations.Where(x => !x.IsOverall).ToList();

        var fraud = projects.Single(p => p.ProjectName.StartsWith("欺诈骗取"));
        Assert.Equal(90.00m, fraud.TotalScore!.Value);
        var reward = fraud.Indicators.Single(i => i.Name == "举报奖励金");
        Assert.Equal(1m, reward.Target);
        Assert.Equal(0.04m, reward.Actual);
        Assert.Equal(96m, reward.Deviation);
        Assert.Equal(0m, reward.Coefficient);
        Assert.Equal(0m, reward.Score);
        Assert.False(reward.IsCore);
        Assert.False(string.IsNullOrEmpty(reward.Note));

        Assert.Equal(85.00m, projects.Single(p => p.ProjectName == "城乡医疗救助本级安排").TotalScore!.Value);
        // the split header "全年完成" / "值" is merged
        Assert.All(projects, p => Assert.All(p.Indicators, i => Assert.NotNull(i.Actual)));
        Assert.All(projects, p => Assert.Equal(90m, p.Indicators.Sum(i => i.Weight)));
        Assert.Equal("50015224T000004235820", projects.Single(p => p.ProjectName.StartsWith("改制企业")).ProjectCode);

        var executed = projects.Sum(p => p.TotalFunds!.Executed!.Value);
        Assert.Equal(3162.14m, Math.Round(executed / 10000m, 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Seed004_amounts_prior_years_and_terms()
    {
        var (_, m, _) = Run("004");
        var projects = m.PerformanceTargets.Where(t => !t.IsOverall).ToList();
        Assert.Equal(new[] { 6m, 5m, 103.2m, 64m, 600m }, projects.Select(p => p.Amount!.Value));
        Assert.Equal(778.2m, projects.Sum(p => p.Amount!.Value));
        var overall = m.PerformanceTargets.Single(t => t.IsOverall);
        Assert.Equal(982.98m, overall.Amount!.Value);
        var special = overall.Funds.Single(f => f.Label.EndsWith("特定目标类项目支出"));
        Assert.Equal(778.2m, special.Values["当年金额"].Value);
        Assert.Equal(79.17m, special.Values["占比"].Value);
        Assert.Equal(ValueUnit.Percent, special.Values["占比"].Unit);
        Assert.Equal(88.98m, special.Values.Single(kv => kv.Key.EndsWith("2022年")).Value.Value);

        // "≧ 36000人次" in the long-term table, "=10次 | =10次 | ≥10次" in the annual table
        var longTerm = overall.Indicators.First(i => i.IsLongTerm && i.Name == "资助参保人次数");
        Assert.Equal("≥", longTerm.Operator);
        Assert.Equal(36000m, longTerm.Target);
        Assert.Equal("人次", longTerm.Unit);
        var annual = overall.Indicators.First(i => !i.IsLongTerm && i.Name == "与社区开展结对共建次数");
        Assert.Equal("=10次", annual.PriorText);
        Assert.Equal("=10次", annual.PriorYearText);
        Assert.Equal("≥", annual.Operator);
        Assert.Equal(10m, annual.Target);
        Assert.Equal("计划数据", annual.Basis);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Every_number_in_consumed_rows_is_a_figure_or_a_note(string seed)
    {
        var (doc, m, r) = Run(seed);
        var figures = new HashSet<(int?, int?, int?)>(m.AllTableFigures().Select(f => (f.Source.TableIndex, f.Source.Row, f.Source.Column)));
        var codes = new HashSet<string>(m.PerformanceTargets.Select(t => t.ProjectCode).Concat(m.SelfEvaluations.Select(s => s.ProjectCode)).OfType<string>());
        var tables = doc.Tables.ToDictionary(t => t.Index);
        int numeric = 0;
        var missing = new List<string>();
        foreach (var (t, row) in r.ConsumedRows)
        {
            foreach (var cell in tables[t].Rows[row].Cells)
            {
                if (!Numbers.Parse(cell.Text).IsNumeric) continue;
                numeric++;
                if (figures.Contains((t, row, cell.Column))) continue;
                if (codes.Contains(cell.Text.Replace(" ", ""))) continue;
                if (m.Notes.Any(n => n.Source.TableIndex == t && n.Source.Row == row && (n.Source.Column is null || n.Source.Column == cell.Column))) continue;
                missing.Add($"{cell.Source.Describe()} {cell.Text}");
            }
        }
        Assert.True(numeric > 0);
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [InlineData("≥95%", "≥", 95, "%")]
    [InlineData("= 100%", "=", 100, "%")]
    [InlineData("≧ 36000人次", "≥", 36000, "人次")]
    [InlineData("\\geq 5年", "≥", 5, "年")]
    [InlineData("4758万元", "", 4758, "万元")]
    [InlineData("62,015,542.5 0", "", 62015542.50, "")]
    public void Values_with_embedded_operators(string raw, string op, double number, string unit)
    {
        var v = PerfText.ParseValue(raw);
        Assert.Equal(op, v.Operator);
        Assert.Equal((decimal)number, v.Number);
        Assert.Equal(unit, v.Unit);
    }

    [Theory]
    [InlineData("97%-100%")]
    [InlineData("70%/80%/100%")]
    [InlineData("2022年1-12月")]
    [InlineData("明显提升")]
    public void Ranges_and_qualitative_values_stay_text(string raw) => Assert.Null(PerfText.ParseValue(raw).Number);
}
