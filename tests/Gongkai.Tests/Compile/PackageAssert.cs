using Gongkai.Audit;
using Gongkai.Cli.Commands;
using Gongkai.Compile;
using Gongkai.Model;
using Gongkai.Recognition;

namespace Gongkai.Tests.Compile;

/// <summary>Comparisons between a compiled package, its input data and the model read back from an output.</summary>
public static class PackageAssert
{
    public static AuditOptions Options { get; } = new() { Catalog = CatalogAdapter.Instance, ReportRoundingDifferences = false };

    /// <summary>Build, and fail on any 错误 of the builder.</summary>
    public static CompiledPackage Build(DisclosureData data)
    {
        var p = PackageBuilder.Build(data);
        var errors = p.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "汇编失败：" + string.Join("\n", errors));
        return p;
    }

    /// <summary>No 错误 and no 警告 from the audit (提示 and 尾差 allowed).</summary>
    public static void AuditClean(Disclosure d, string what)
    {
        var report = Auditor.Audit(d, Options);
        var bad = report.Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).ToList();
        Assert.True(bad.Count == 0, $"{what}：审核发现 {bad.Count} 条问题：\n" + string.Join("\n", bad.Select(f => f.ToString())));
    }

    public static ReadResult ReadMarkdown(CompiledPackage p)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Gongkai.Compile.Render.MarkdownRenderer.ToText(p));
        return new DisclosureReader().Read(p.Title + ".md", bytes);
    }

    /// <summary>Every standard table of the compiled model is read back with the same kind, label and values.</summary>
    public static void SameTables(Disclosure compiled, Disclosure read, bool labels = true, TableKind? except = null)
    {
        foreach (var t in compiled.Tables.Where(t => t.Kind != TableKind.Unknown && t.Kind != except))
        {
            var r = read.Tables.FirstOrDefault(x => x.Kind == t.Kind);
            Assert.True(r is not null, $"读回的文档中缺少表 {t.Kind}《{t.Title}》；读到：{string.Join("、", read.Tables.Select(x => x.Kind))}");
            if (labels) Assert.Equal(t.Label, r!.Label);
            if (t.Kind == TableKind.InstitutionOperation) continue; // checked through the topics
            var seen = new Dictionary<string, int>();
            foreach (var row in t.Rows)
            {
                // a key printed twice (XA: a 部门 类 under 人员公用 and under 专项; a 部门 款 paired with two 政府 款) is matched in order
                var (matchKey, candidates) = Match(r, row);
                int nth = seen[matchKey] = seen.GetValueOrDefault(matchKey, -1) + 1;
                var match = candidates.Skip(nth).FirstOrDefault() ?? candidates.FirstOrDefault();
                Assert.True(match is not null, $"{t.Kind}《{t.Title}》：读回的表中找不到行「{row.Label}」（{row.Code?.Value ?? row.Line.ToString()}）");
                foreach (var (key, f) in row.Values)
                {
                    if (!f.IsNumber) continue;
                    Assert.True(match!.ValueOrZero(key) == f.Value,
                        $"{t.Kind}《{t.Title}》行「{row.Label}」列 {key}：应为 {f.Value}，读回 {match.ValueOrZero(key)}");
                }
            }
        }
    }

    private static (string Key, List<DataRow> Candidates) Match(DisclosureTable r, DataRow row)
    {
        if (row.Code is { } code && row.Line is SummaryLine.None or SummaryLine.ExpenditureClass or SummaryLine.EconomicLine)
            return ($"{code.Value}/{row.PairedCode?.Value}/{row.Block}", r.Rows.Where(x => x.Code?.Value == code.Value && x.PairedCode?.Value == row.PairedCode?.Value
                && x.Block == row.Block && (row.Side == Side.None || x.Side == row.Side)).ToList());
        if (row.Line != SummaryLine.None)
            return ($"{row.Line}/{row.Side}", r.Rows.Where(x => x.Line == row.Line && x.Side == row.Side).Take(1).ToList());
        if (row.IsTotal) return ("total", r.Rows.Where(x => x.IsTotal && x.Side == Side.None).Take(1).ToList());
        var byLabel = r.Rows.Where(x => x.Label == row.Label).Take(1).ToList();
        if (byLabel.Count == 0 && row.Label.Length == 0) byLabel = r.Rows.Where(x => !x.IsTotal && x.Code is null && x.Line == SummaryLine.None).Take(1).ToList();
        return ("label:" + row.Label, byLabel);
    }

    /// <summary>The read model's figures equal the input data: totals by source, general spending by 项, economic 款, 三公 and topics.</summary>
    public static void EqualsInput(DisclosureData d, Disclosure read)
    {
        bool final = d.IsFinal;
        // in 万元 whatever the table's unit (上海 预算 prints tables 1–8 in 元)
        static decimal W(DisclosureTable t, DataRow r, Measure m) => t.Unit == ValueUnit.Yuan ? r.ValueOrZero(m) / 10000m : r.ValueOrZero(m);
        var facts = new Facts(d, []); // the totals as printed: computed, or given within 尾差
        var spend = facts.SpendTotal;
        var general = d.Expenditure.Where(l => l.Source == FundSource.General).ToList();
        var f3 = read.Table(final ? TableKind.FinalExpenditure : TableKind.BudgetExpenditure)!;
        Assert.Equal(spend, W(f3, f3.TotalRow!, Measure.Total));
        Assert.Equal(facts.Basic, W(f3, f3.TotalRow, Measure.Basic));
        Assert.Equal(facts.Project, W(f3, f3.TotalRow, Measure.Project));
        var f5 = read.Table(final ? TableKind.FinalGeneralExpenditure : TableKind.BudgetGeneralExpenditure)!;
        foreach (var g in general.GroupBy(l => l.Code))
        {
            var row = f5.Row(g.Key);
            Assert.True(row is not null, $"一般公共预算支出表缺少科目 {g.Key}");
            Assert.Equal(g.Sum(l => l.Basic), W(f5, row!, Measure.Basic));
            Assert.Equal(g.Sum(l => l.Project), W(f5, row, Measure.Project));
        }
        var econ = read.Table(final ? TableKind.FinalGeneralBasic : TableKind.BudgetGeneralBasic)!;
        foreach (var e in d.Economic.GroupBy(e => e.Code)) // a 部门 款 split over two 政府 款 is printed on two rows (shaanxi)
        {
            var rows = econ.Rows.Where(x => x.Code?.Value == e.Key).ToList();
            Assert.True(rows.Count > 0, $"基本支出表缺少经济分类科目 {e.Key}");
            Assert.Equal(e.Sum(x => x.Amount), rows.Sum(x => W(econ, x, Measure.Total)));
        }
        var summary = read.Table(final ? TableKind.FinalSummary : TableKind.BudgetSummary)!;
        var grand = summary.Rows.First(x => x.Line == SummaryLine.GrandTotalIncome);
        var carryIn = d.Carry.CarryInGeneral + d.Carry.CarryInGovFund + d.Carry.CarryInStateCapital + d.Carry.CarryInNonFiscal;
        var income = facts.IncomeTotal;
        Assert.Equal(income + carryIn + d.Carry.UseOfNonFiscalBalance + d.Carry.InstitutionFund, W(summary, grand, Measure.Amount));
        var tp = read.ThreePublic;
        if (final)
        {
            Assert.Equal(d.ThreePublic.Current.Total, tp?.Final.Total?.Value ?? 0m);
            Assert.Equal(d.ThreePublic.Current.Reception, tp?.Final.Reception?.Value ?? 0m);
        }
        else
        {
            var b7 = read.Table(TableKind.BudgetThreePublic)!;
            Assert.Equal(d.ThreePublic.Current.Total, b7.Rows[0].ValueOrZero(Measure.ThreePublicTotal));
        }
        // 绩效: project target tables (预算) and self-evaluation tables (决算) read back as such
        var withIndicators = d.Projects.Where(p => p.Indicators.Count > 0).ToList();
        var projectTargets = read.PerformanceTargets.Where(t => !t.IsOverall).ToList();
        var projectEvaluations = read.SelfEvaluations.Where(s => !s.IsOverall).ToList();
        if (!final)
        {
            Assert.Equal(withIndicators.Select(p => p.Name), projectTargets.Select(p => p.ProjectName));
            foreach (var (p, t) in withIndicators.Zip(projectTargets))
            {
                // the Hubei form prints the 长期 block before the 年度 one; the other forms print the 年度 indicators only
                var printed = d.Profile == "hubei" ? p.Indicators.Where(i => i.LongTerm == true).Concat(p.Indicators.Where(i => i.LongTerm != true)).ToList()
                    : p.Indicators.Where(i => i.LongTerm != true).ToList();
                Assert.Equal(d.Profile == "hubei" ? printed.Select(i => i.LongTerm == true) : printed.Select(_ => false), t.Indicators.Select(i => i.IsLongTerm));
                Assert.Equal(p.Amount, t.Amount?.Value);
                if (d.Profile == "hubei")
                {
                    // the Hubei form prints 指标值 as one cell (≥10次) and has no 权重 column: the operator and the number come back
                    static string Value(string text, decimal? number) => number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? text;
                    Assert.Equal(printed.Select(i => (i.Name, Value(i.Target, decimal.TryParse(i.Target, out var v) ? v : null), decimal.TryParse(i.Target, out _) ? i.Operator : "")),
                        t.Indicators.Select(i => (i.Name, Value(i.TargetText, i.Target), i.Target is null ? "" : i.Operator)));
                }
                else Assert.Equal(printed.Select(i => (i.Name, i.Target, i.Operator, i.Weight)), t.Indicators.Select(i => (i.Name, i.TargetText, i.Operator, i.Weight)));
            }
        }
        else
        {
            var evaluated = d.Projects.Where(p => p.SelfEvaluation is not null || p.Indicators.Count > 0).ToList();
            Assert.Equal(evaluated.Select(p => p.Name), projectEvaluations.Select(s => s.ProjectName));
            foreach (var (p, s) in evaluated.Zip(projectEvaluations))
            {
                // the 元 rows as entered (to the fen), else the 万元 figure ×10000
                Assert.Equal(p.SelfEvaluation?.Funds is { Count: > 0 } rows ? rows[0].Executed : (p.SelfEvaluation?.Executed ?? p.Amount) * 10000m, s.TotalFunds?.Executed?.Value);
                Assert.Equal(p.SelfEvaluation?.Score ?? 0m, s.TotalScore?.Value ?? 0m);
                Assert.Equal(p.Indicators.Select(i => i.Name), s.Indicators.Select(i => i.Name));
            }
        }
        OverallEqualsInput(d, read);
        if (d.Profile == "chongqing") // 教育收费: 公开02 其中：教育收费 / 收入总表 教育收费, per 项
        {
            var rt = read.Table(final ? TableKind.FinalRevenue : TableKind.BudgetRevenue)!;
            foreach (var code in d.Expenditure.Select(l => l.Code).Concat(d.RevenueByFunction?.Select(x => x.Code) ?? []).Distinct())
                if (rt.Row(code) is { } row)
                    Assert.Equal(ItemFacts.EducationFee(d, code), row.ValueOrZero(Measure.EducationFees));
            Assert.Equal(d.EducationFees?.Sum(e => e.Amount) ?? 0m, rt.TotalRow!.ValueOrZero(Measure.EducationFees));
        }
        if (final && d.Profile == "chongqing")
        {
            Assert.Equal(d.OperatingCosts?.Amount ?? 0m, read.OperatingCosts?.Value ?? 0m);
            Assert.Equal(d.Procurement?.Total ?? 0m, read.Procurement?.Total?.Value ?? 0m);
            Assert.Equal(d.Assets?.Vehicles.Values.Sum() ?? 0, (int)(read.Assets?.VehicleCount?.Value ?? 0m));
        }
    }

    /// <summary>
    /// The 部门整体 table read back: (预算) its 资金总额 is the 本年支出合计 and its indicators are the input's; (决算) its
    /// 全年执行数 is the 本年支出合计 in 元, its scores are the computed ones and its indicators the input's.
    /// </summary>
    public static void OverallEqualsInput(DisclosureData d, Disclosure read)
    {
        var spend = new Facts(d, []).SpendTotal; // as printed (given totals within 尾差)
        var target = read.PerformanceTargets.Where(t => t.IsOverall).ToList();
        var evaluation = read.SelfEvaluations.Where(s => s.IsOverall).ToList();
        if (!d.IsFinal && d.Performance?.OverallTarget is { } o)
        {
            var t = Assert.Single(target);
            Assert.Equal(spend, t.Amount?.Value);
            Assert.Equal(o.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Operator, i.Target, i.Unit, i.Weight)),
                t.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Operator, i.TargetText, i.Unit, i.Weight)));
            Assert.Equal(o.Indicators.Any(i => i.LongTerm == true), t.Indicators.Any(i => i.IsLongTerm));
        }
        else Assert.Empty(target);
        if (d.IsFinal && d.Performance?.OverallSelfEvaluation is { } se)
        {
            var s = Assert.Single(evaluation);
            if (se.Funds is { Count: > 0 } rows)
            {
                // the 元 rows as entered, to the fen: every row, every column
                Assert.Equal(rows.Select(r => (r.Label, r.Initial, r.Adjusted, r.Executed)),
                    s.Funds.Select(r => (r.Label, r.InitialBudget?.Value ?? 0m, r.AdjustedBudget?.Value ?? 0m, r.Executed?.Value ?? 0m)));
                Assert.Equal(spend, Gongkai.Model.Rounding.HalfUp(s.TotalFunds!.Executed!.Value / 10000m, 2));
            }
            else
            {
                Assert.Equal(spend * 10000m, s.TotalFunds?.Executed?.Value);
                Assert.Equal(se.AdjustedBudget * 10000m, s.TotalFunds?.AdjustedBudget?.Value);
                Assert.Equal(se.InitialBudget * 10000m, s.TotalFunds?.InitialBudget?.Value);
            }
            Assert.Equal(se.Indicators.Select(i => (i.Name, i.Operator, i.Target, i.Weight)), s.Indicators.Select(i => (i.Name, i.Operator, i.TargetText, i.Weight)));
            Assert.NotNull(s.TotalScore);
        }
        else Assert.Empty(evaluation);
    }
}
