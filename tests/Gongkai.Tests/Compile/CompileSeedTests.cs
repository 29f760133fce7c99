using System.Text.RegularExpressions;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Compile;

/// <summary>
/// The figures of seed 003 (潼南 决算 2024) and seed 004 (江汉 预算 2023), re-entered as data files, compile into
/// packages that cover the same standard tables and narrative facts, without the documents' errors.
/// </summary>
public class CompileSeedTests
{
    public static DisclosureData Load(string name) =>
        DataFiles.Load(Path.Combine(Repo.Root, "tests", "Gongkai.Tests", "Compile", "Data", name));

    private static string Text(CompiledPackage p) => string.Join("\n", p.Blocks.OfType<ParagraphBlock>().Select(b => b.Text));

    [Fact]
    public void Seed_003_final_account_package()
    {
        var data = Load("seed003-final-2024.json");
        var p = PackageAssert.Build(data);
        Assert.Empty(p.Issues); // every change of 10 % or more has its reason
        PackageAssert.AuditClean(p.Model, "汇编模型");

        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        PackageAssert.AuditClean(read, "读回的 Markdown");
        PackageAssert.SameTables(p.Model, read);
        PackageAssert.EqualsInput(data, read);
        var expected = new[]
        {
            (TableKind.FinalSummary, "公开01表"), (TableKind.FinalRevenue, "公开02表"), (TableKind.FinalExpenditure, "公开03表"),
            (TableKind.FinalFiscalSummary, "公开04表"), (TableKind.FinalGeneralExpenditure, "公开05表"), (TableKind.FinalGeneralBasic, "公开06表"),
            (TableKind.FinalGovFund, "公开07表"), (TableKind.FinalStateCapital, "公开08表"), (TableKind.InstitutionOperation, "公开09表"),
        };
        Assert.Equal(expected, read.Tables.Where(t => t.Kind != TableKind.Unknown).Select(t => (t.Kind, t.Label ?? "")).ToArray());

        // 部门整体绩效自评表: 全年执行数 = 本年支出合计 3925.66 万元; 执行率 3925.66 ÷ 4068.43 = 96.49 %, 得分 9.65;
        // Σ 指标得分 96.92 → 9.65 + 96.92 × 0.9 = 96.878 (the published total)
        Assert.Equal("2024年度部门整体绩效自评表", p.Tables.First(t => t.Kind == TableKind.SelfEvaluationOverall).Title);
        var se = Assert.Single(read.SelfEvaluations, s => s.IsOverall);
        // the 元 figures as entered, to the fen (not the 万元 figures ×10000)
        Assert.Equal(39256606.05m, se.TotalFunds!.Executed!.Value);
        Assert.Equal(40684306.05m, se.TotalFunds.AdjustedBudget!.Value);
        Assert.Equal(62015542.50m, se.TotalFunds.InitialBudget!.Value);
        Assert.Equal(96.49m, se.ScoredFunds!.ExecutionRate!.Value);
        Assert.Equal(9.65m, se.ScoredFunds.Score!.Value);
        Assert.Equal(96.878m, se.TotalScore!.Value);
        Assert.Equal(11, se.Indicators.Count);
        var first = se.Indicators[0];
        Assert.Equal((1.54m, 84.6m, 16.92m, true), (first.Deviation!.Value, first.Coefficient!.Value, first.Score!.Value, first.IsCore!.Value));
        var last = se.Indicators[^1];
        Assert.Equal((40.87m, 100m, 6m), (last.Deviation!.Value, last.Coefficient!.Value, last.Score!.Value));
        Assert.Equal(96.92m, se.Indicators.Sum(i => i.Score!.Value));

        // the published figures
        var f1 = read.Table(TableKind.FinalSummary)!;
        Assert.Equal(3925.66m, f1.Rows.First(r => r.Line == SummaryLine.GrandTotalIncome).ValueOrZero(Measure.Amount));
        var f5 = read.Table(TableKind.FinalGeneralExpenditure)!;
        Assert.Equal(145.04m, f5.Row("208")!.ValueOrZero(Measure.Total));
        Assert.Equal(3427.64m, f5.Row("210")!.ValueOrZero(Measure.Total));
        Assert.Equal(300.00m, f5.Row("213")!.ValueOrZero(Measure.Total));
        Assert.Equal(52.98m, f5.Row("221")!.ValueOrZero(Measure.Total));
        Assert.Equal(763.52m, f5.TotalRow!.ValueOrZero(Measure.Basic));
        Assert.Equal(3162.14m, f5.TotalRow.ValueOrZero(Measure.Project));
        var f6 = read.Table(TableKind.FinalGeneralBasic)!;
        Assert.Equal(638.40m, f6.Rows.First(r => r.IsTotal).ValueOrZero(Measure.Personnel));
        Assert.Equal(125.12m, f6.Rows.First(r => r.IsTotal).ValueOrZero(Measure.Public));
        Assert.Equal(3.02m, read.ThreePublic!.Final.Total!.Value);
        Assert.Equal(102.59m, read.OperatingCosts!.Value);
        Assert.Equal(0.96m, read.Procurement!.Total!.Value);
        Assert.True(read.Table(TableKind.FinalGovFund)!.IsEmpty);
        Assert.Contains(read.Table(TableKind.FinalGovFund)!.Notes, n => n.Contains("没有政府性基金"));

        // the original's figures are kept (given totals within 尾差): 210 prints 3427.64 | 607.52 | 2820.13, whose
        // 基本 + 项目 differ from the 合计 by a 尾差 of 0.01, as in the original
        var f3 = read.Table(TableKind.FinalExpenditure)!;
        var r210 = f3.Row("210")!;
        Assert.Equal((3427.64m, 607.52m, 2820.13m), (r210.ValueOrZero(Measure.Total), r210.ValueOrZero(Measure.Basic), r210.ValueOrZero(Measure.Project)));
        Assert.Equal(338.21m, f3.Row("21011")!.ValueOrZero(Measure.Total));
        Assert.Equal(621.86m, f6.Row("301")!.ValueOrZero(Measure.Total));

        // the narrative facts
        var text = Text(p);
        foreach (var fact in new[]
        {
            "收、支总计均为3925.66万元，与2023年度相比，减少3079.74万元，下降43.96%",
            "其中：财政拨款收入3925.66万元，占100.00%",
            "基本支出763.52万元，占19.45%；项目支出3162.14万元，占80.55%",
            "较年初预算数减少2275.90万元，下降36.70%",
            "卫生健康支出（类）3427.64万元，占87.31%，较年初预算数减少2242.01万元，下降39.54%",
            "农林水支出（类）300.00万元，占7.64%，较年初预算数持平",
            "住房保障支出（类）52.98万元，占1.35%，较年初预算数增加3.57万元，增长7.23%",
            "人员经费638.40万元", "增加20.46万元，增长3.31%", "公用经费125.12万元", "增加12.15万元，增长10.76%",
            "“三公”经费财政拨款支出共计3.02万元，较年初预算数减少2.28万元，下降43.02%",
            "与2023年度相比，减少0.68万元，下降18.38%",
            "公务用车运行维护费1.95万元", "公务接待费1.07万元", "国内公务接待7批次111人", "人均接待费96.40元", "公务用车保有量1辆",
            "会议费支出0.48万元，与2023年度相比，减少0.69万元，下降58.97%",
            "培训费支出0.50万元，与2023年度相比，减少0.26万元，下降34.21%",
            "差旅费支出7.37万元，与2023年度相比，增加3.17万元，增长75.48%",
            "机关运行经费支出102.59万元，与2023年度相比，增加5.78万元，增长5.97%",
            "共有车辆1辆，其中：应急保障用车1辆",
            "政府采购支出总额0.96万元", "授予中小企业合同金额0.96万元，占政府采购支出总额的100.00%",
            "12个项目开展了绩效自评，涉及资金3162.14万元",
            // 部门整体绩效自评 (附表1): 总分 96.878, 执行数 3925.66 ÷ 调整预算 4068.43 = 96.49 %, 得分 9.65; Σ 指标得分 96.92
            "本部门整体绩效自评得分96.878分",
            "全年执行数3925.66万元，全年（调整）预算数4068.43万元，预算执行率96.49%，执行率得分9.65分",
            "设置绩效指标11个，指标得分合计96.92分（权重合计100.00分）",
            "本部门2024年度无政府性基金预算财政拨款收入和支出",
        })
            Assert.Contains(fact, text);
        // class shares: half-up; largest remainder would print 3.70 for 208 (exact 3.6947 %), which the printed
        // amounts cannot support, so the shares stay 3.69 + 87.31 + 7.64 + 1.35 = 99.99 (see Money.Shares)
        var shares = Regex.Matches(text, @"（类）[\d.]+万元，占([\d.]+)%").Select(m => decimal.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(new[] { 3.69m, 87.31m, 7.64m, 1.35m }, shares);
        // 名词解释
        Assert.Contains(p.Blocks.OfType<HeadingBlock>(), h => h.Text.EndsWith("名词解释"));
        Assert.Contains("机关运行经费：", text);
    }

    [Fact]
    public void Seed_004_budget_package()
    {
        var data = Load("seed004-budget-2023.json");
        var p = PackageAssert.Build(data);
        Assert.Empty(p.Issues);
        PackageAssert.AuditClean(p.Model, "汇编模型");
        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        PackageAssert.AuditClean(read, "读回的 Markdown");
        PackageAssert.SameTables(p.Model, read);
        PackageAssert.EqualsInput(data, read);
        var expected = new[]
        {
            (TableKind.BudgetSummary, "预算01表"), (TableKind.BudgetRevenue, "预算02表"), (TableKind.BudgetExpenditure, "预算03表"),
            (TableKind.BudgetFiscalSummary, "预算04表"), (TableKind.BudgetGeneralExpenditure, "预算05表"), (TableKind.GeneralExpenditureByUnit, "预算06表"),
            (TableKind.BudgetGeneralBasic, "预算07表"), (TableKind.BudgetThreePublic, "预算08表"), (TableKind.BudgetGovFund, "预算09表"),
            (TableKind.ProjectList, "预算10表"), (TableKind.Procurement, "预算11表"), (TableKind.PurchaseOfServices, "预算12表"),
        };
        Assert.Equal(expected, read.Tables.Where(t => t.Kind != TableKind.Unknown).Select(t => (t.Kind, t.Label ?? "")).ToArray());
        var b1 = read.Table(TableKind.BudgetSummary)!;
        Assert.Equal(982.98m, b1.Rows.First(r => r.Line == SummaryLine.GrandTotalIncome).ValueOrZero(Measure.Amount));
        var b5 = read.Table(TableKind.BudgetGeneralExpenditure)!;
        Assert.Equal(6.78m, b5.Row("208")!.ValueOrZero(Measure.Total));
        Assert.Equal(955.44m, b5.Row("210")!.ValueOrZero(Measure.Total));
        Assert.Equal(20.76m, b5.Row("221")!.ValueOrZero(Measure.Total));
        Assert.Equal(778.20m, b5.Row("2101502")!.ValueOrZero(Measure.Project));
        var b6 = read.Table(TableKind.BudgetGeneralBasic)!;
        Assert.Equal(182.37m, b6.TotalRow!.ValueOrZero(Measure.Personnel));
        Assert.Equal(22.41m, b6.TotalRow.ValueOrZero(Measure.Public));
        Assert.Equal(81.20m, read.Table(TableKind.Procurement)!.TotalRow!.ValueOrZero(Measure.Total));
        Assert.Equal(778.20m, read.Table(TableKind.ProjectList)!.TotalRow!.ValueOrZero(Measure.Amount));

        // 预算12 购买服务: 合计 = Σ rows (P18), 63.20 = 43.20 + 20.00
        var b12 = read.Table(TableKind.PurchaseOfServices)!;
        Assert.Equal(63.20m, b12.TotalRow!.ValueOrZero(Measure.Total));
        Assert.Equal(new[] { 43.20m, 20.00m }, b12.Rows.Where(r => !r.IsTotal && r[Measure.Total] is { IsNumber: true }).Select(r => r.ValueOrZero(Measure.Total)).ToArray());
        Assert.Contains(b12.Rows, r => r.Texts.Values.Contains("[30227]委托业务费") && r.Texts.Values.Contains("审计服务"));

        // the document's order: 预算01–12, the 整体绩效目标申报表, then one 项目支出绩效目标表 per project
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"预算{i:00}表").Concat(Enumerable.Range(1, 6).Select(i => $"附表{i}")), p.Tables.Select(t => t.Label));
        Assert.Equal("2023年部门（单位）整体绩效目标申报表", p.Tables.ElementAt(12).Title);
        // 整体绩效: 资金总额 = 本年支出合计; 收入构成 财政拨款 982.98; 支出构成 人员类 182.37 + 运转类 22.41 + 特定目标类 778.20 (P31)
        var overall = Assert.Single(read.PerformanceTargets, t => t.IsOverall);
        Assert.Equal(982.98m, overall.Amount!.Value);
        decimal Fund(string label) => overall.Funds.Single(f => f.Label == label).Values.Values.First().Value;
        Assert.Equal(982.98m, Fund("收入构成·财政拨款"));
        Assert.Equal(182.37m, Fund("支出构成·人员类项目支出"));
        Assert.Equal(22.41m, Fund("支出构成·运转类项目支出"));
        Assert.Equal(778.20m, Fund("支出构成·特定目标类项目支出"));
        Assert.Equal(18.55m, overall.Funds.Single(f => f.Label == "支出构成·人员类项目支出").Values["占比"].Value);
        Assert.Equal(10, overall.Indicators.Count);
        Assert.Equal(("产出指标", "数量指标", "资助参保人次", "≥", 12000m, "人次"), overall.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Operator, i.Target!.Value, i.Unit)).ElementAt(4));
        Assert.Equal(new[] { "党建结对共建、文明创建", "医疗保障事务经费", "医疗救助经费", "医保经办机构", "举报投诉奖励专项" },
            read.PerformanceTargets.Where(t => !t.IsOverall).Select(t => t.ProjectName));

        var text = Text(p);
        foreach (var fact in new[]
        {
            "2023年收支总预算982.98万元，比2022年预算增加675.97万元，增长220.18%",
            "一般公共预算拨款收入982.98万元，占100.00%",
            "基本支出204.78万元，占20.83%；项目支出778.20万元，占79.17%",
            "社会保障和就业支出6.78万元，占0.69%", "卫生健康支出955.44万元，占97.20%", "住房保障支出20.76万元，占2.11%",
            "人员经费182.37万元", "公用经费22.41万元",
            "“三公”经费预算0.00万元，与2022年预算持平",
            "机关运行经费预算22.41万元",
            "政府采购预算81.20万元", "政府采购服务预算81.20万元", "面向中小企业预留采购份额81.20万元，占政府采购预算的100.00%",
            "实行绩效目标管理的项目5个，涉及项目支出预算778.20万元",
            // 预算12: 63.20 = 43.20 + 20.00, two items, 指导目录 一级 and 二级 names
            "政府购买服务预算合计63.20万元，共2项",
            "通过医保经办机构办公用房经费购买物业服务43.20万元；通过医疗保障事务经费购买会计、审计咨询20.00万元",
            "“政府履职所需辅助性服务”（后勤服务、财务会计审计）",
            // 整体绩效目标: the money of the 附表 (982.98 = 204.78 + 778.20) and the 10 indicators by 一级
            "整体支出绩效目标覆盖2023年全部预算支出982.98万元（基本支出204.78万元、项目支出778.20万元）",
            "设置年度绩效指标10个，其中产出指标8个、效益指标1个、满意度指标1个",
            "主要有“与社区开展结对共建次数”（≥10次）",
            "本部门2023年无政府性基金预算拨款安排的支出",
        })
            Assert.Contains(fact, text);
    }

    [Fact]
    public void The_overall_performance_tables_are_in_the_compiled_model_and_audited()
    {
        // 预算: the 整体 target carries the money of the expenditure; GK315 (P31) checks total and split on the compiled model
        var b = PackageAssert.Build(Load("seed004-budget-2023.json"));
        var t = Assert.Single(b.Model.PerformanceTargets, x => x.IsOverall);
        Assert.Equal(982.98m, t.Amount!.Value);
        Assert.Equal(new[] { ("基本支出", 204.78m), ("项目支出", 778.20m) }, t.Funds.Select(x => (x.Label, x.Values["金额"].Value)));
        t.Funds[1] = new FundLine("项目支出", new() { ["金额"] = new Figure(700m, 2, ValueUnit.WanYuan, FigureKind.Number, Provenance.Unknown) });
        var report = Gongkai.Audit.Auditor.Audit(b.Model, PackageAssert.Options);
        Assert.Contains(report.Findings, f => f.RuleId == "GK315" && f.Expected == 778.20m && f.Found == 700m);

        // 决算: the 整体 self-evaluation passes GK601–GK606 and GK618; a 执行数 that is not the 本年支出合计 would not
        var fin = PackageAssert.Build(Load("seed003-final-2024.json"));
        var se = Assert.Single(fin.Model.SelfEvaluations, x => x.IsOverall);
        Assert.Equal(96.878m, se.TotalScore!.Value);
        for (int k = 0; k < se.Funds.Count; k++)
        {
            var funds = se.Funds[k];
            se.Funds[k] = new SelfEvaluationFunds
            {
                Label = funds.Label, InitialBudget = funds.InitialBudget, AdjustedBudget = funds.AdjustedBudget, ExecutionRate = funds.ExecutionRate, Weight = funds.Weight, Score = funds.Score,
                Executed = funds.Executed! with { Value = 30000000m },
            };
        }
        report = Gongkai.Audit.Auditor.Audit(fin.Model, PackageAssert.Options);
        Assert.Contains(report.Findings, f => f.RuleId == "GK618");
        Assert.Contains(report.Findings, f => f.RuleId == "GK601");

        // the weights of the 整体 indicators must add up to 100
        var data = Load("seed003-final-2024.json");
        data.Performance!.OverallSelfEvaluation!.Indicators[0].Weight = 25m;
        Assert.Contains(PackageBuilder.Build(data).Issues, i => i.Severity == IssueSeverity.Error && i.Field == "performance.overallSelfEvaluation.indicators");
    }

    [Fact]
    public void The_purchased_services_and_overall_performance_paragraphs_are_checked_when_read_back()
    {
        // the 购买服务 total of the narrative resolves to the 合计 of 预算12: a changed amount is a GK401 error
        var p = PackageAssert.Build(Load("seed004-budget-2023.json"));
        var md = Gongkai.Compile.Render.MarkdownRenderer.ToText(p);
        Assert.Contains("政府购买服务预算合计63.20万元", md);
        var wrong = md.Replace("政府购买服务预算合计63.20万元", "政府购买服务预算合计64.20万元");
        var read = new Gongkai.Recognition.DisclosureReader().Read("x.md", System.Text.Encoding.UTF8.GetBytes(wrong)).Disclosure;
        var report = Gongkai.Audit.Auditor.Audit(read, PackageAssert.Options);
        Assert.Contains(report.Findings, f => f.RuleId == "GK401" && f.Expected == 63.20m && f.Found == 64.20m);
        // the 整体 target's money is the budget total: a wrong 基本支出 in that sentence is reported too
        wrong = md.Replace("（基本支出204.78万元、", "（基本支出214.78万元、");
        read = new Gongkai.Recognition.DisclosureReader().Read("x.md", System.Text.Encoding.UTF8.GetBytes(wrong)).Disclosure;
        report = Gongkai.Audit.Auditor.Audit(read, PackageAssert.Options);
        Assert.Contains(report.Findings, f => f.RuleId == "GK401" && f.Found == 214.78m);

        // no 购买服务 items, no 整体 target: neither paragraph is written
        var data = Load("seed004-budget-2023.json");
        data.PurchasedServices = null;
        data.Performance!.OverallTarget = null;
        var text = Text(PackageAssert.Build(data));
        Assert.DoesNotContain("政府购买服务", text);
        Assert.DoesNotContain("整体支出绩效目标覆盖", text);

        // 决算 without 调整预算数: no 执行率 is claimed, the 自评 score still is
        var fin = Load("seed003-final-2024.json");
        fin.Performance!.OverallSelfEvaluation!.AdjustedBudget = 0m;
        fin.Performance.OverallSelfEvaluation.Funds = null;
        text = Text(PackageBuilder.Build(fin));
        Assert.Contains("整体绩效自评得分", text);
        Assert.DoesNotContain("预算执行率", text);
    }

    [Fact]
    public void A_unit_package_reads_back_as_a_unit_document_and_its_wording_fits()
    {
        // seed 004 as a 单位预算 (one unit): "…2023年单位预算" is read back with Scope = Unit; the narrative says 本单位,
        // so GK440 (本部门 in a 单位 document) and GK441 (subordinate units) stay silent
        var data = Load("seed004-budget-2023.json");
        data.Unit.Scope = "unit";
        var p = PackageAssert.Build(data);
        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        Assert.Equal(DocumentScope.Unit, read.Scope);
        Assert.Contains("本单位", Text(p));
        Assert.Single(Regex.Matches(Text(p), "本部门")); // the 名词解释 of 财政拨款收入 only
        var ids = Gongkai.Audit.Auditor.Audit(read, PackageAssert.Options).Findings.Select(f => f.RuleId).ToList();
        Assert.DoesNotContain("GK440", ids);
        Assert.DoesNotContain("GK441", ids);
        PackageAssert.AuditClean(read, "读回的单位预算");
    }

    [Fact]
    public void A_large_change_without_a_reason_is_warned_and_a_zero_base_has_no_percentage()
    {
        var data = Load("seed004-budget-2023.json");
        data.Reasons.Remove("total");
        data.Meeting = new ExpenseItem { Amount = 2.00m, Prior = 0m };
        data.Reasons["meeting"] = "新增业务培训会议";
        var p = PackageAssert.Build(data);
        var w = Assert.Single(p.Issues);
        Assert.Equal(IssueSeverity.Warning, w.Severity);
        Assert.Equal("reasons.total", w.Field);
        Assert.Contains("220.18%", w.Message);
        var text = Text(p);
        Assert.Contains("会议费支出2.00万元，比2022年预算增加2.00万元（上年无此项，不计算增减比例），主要原因是新增业务培训会议", text);
    }

    [Fact]
    public void Inconsistent_input_is_refused_with_findings()
    {
        var data = Load("seed003-final-2024.json");
        data.Economic[0].Amount += 1m;                // economic breakdown no longer equals 基本支出
        data.Procurement!.SmallMicro = 5m;            // 小微 above 中小企业
        data.Expenditure.Add(new FunctionLine { Code = "21015", Basic = 1m }); // not a 项 code
        var p = PackageBuilder.Build(data);
        var errors = p.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Field).ToList();
        Assert.Contains("expenditure[21015]", errors);
        Assert.Empty(p.Blocks);
        data.Expenditure.RemoveAt(data.Expenditure.Count - 1);
        p = PackageBuilder.Build(data);
        errors = p.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Field).ToList();
        Assert.Contains("economic", errors);
        Assert.Contains("procurement.smallMicro", errors);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0, 1.0 }, new[] { 33.34, 33.33, 33.33 })]
    [InlineData(new[] { 145.04, 3427.64, 300.00, 52.98 }, new[] { 3.69, 87.31, 7.64, 1.35 })]
    [InlineData(new[] { 0.01, 0.01, 0.01 }, new[] { 33.34, 33.33, 33.33 })]
    [InlineData(new[] { 0.02, 0.01 }, new[] { 66.67, 33.33 })]
    [InlineData(new[] { 2489.53, 9520.59 }, new[] { 20.73, 79.27 })]
    [InlineData(new[] { 0.0, 5.0 }, new[] { 0.0, 100.0 })]
    public void Shares_add_up_to_100_where_the_printed_amounts_allow(double[] parts, double[] expected)
    {
        var shares = Money.Shares(parts.Select(x => (decimal)x).ToList());
        Assert.Equal(expected.Select(x => (decimal)x).ToArray(), shares);
    }

    [Fact]
    public void Narrative_sentences_are_not_copied_from_the_seeds()
    {
        var windows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(Path.Combine(Shared.Root, "seeds"), "*.txt"))
            foreach (Match run in Regex.Matches(File.ReadAllText(f), @"\p{IsCJKUnifiedIdeographs}{18,}"))
                for (int i = 0; i + 18 <= run.Value.Length; i++) windows.Add(run.Value.Substring(i, 18));
        foreach (var name in new[] { "seed003-final-2024.json", "seed004-budget-2023.json" })
        {
            var data = Load(name);
            var p = PackageAssert.Build(data);
            // names and the texts the department writes itself (goal texts, 完成情况) are data, printed as entered
            var names = new[] { data.Unit.Name }.Concat(data.Unit.Units.Select(u => u.Name)).Concat(data.Projects.Select(x => x.Name))
                .Concat(new[] { data.Performance?.OverallSelfEvaluation?.Achieved, data.Performance?.OverallSelfEvaluation?.InitialGoal, data.Performance?.OverallTarget?.AnnualGoal, data.Unit.Organization }
                    .Concat(data.Unit.Functions).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim().TrimEnd('。', '；', ';', '.')))
                .Concat(data.Expenditure.Select(l => CompileCatalog.Name(l.Code, Gongkai.Model.CodeScheme.Function, data.Year) ?? "")).ToList(); // catalog names are terms, not sentences
            var text = string.Join("\n", p.Blocks.Select(b => b switch { ParagraphBlock x => x.Text, TableBlock t => string.Join("\n", t.Table.Notes), _ => "" }));
            foreach (var n in names.OrderByDescending(n => n.Length)) text = text.Replace(n, "〇");
            foreach (Match run in Regex.Matches(text, @"\p{IsCJKUnifiedIdeographs}{18,}"))
                for (int i = 0; i + 18 <= run.Value.Length; i++)
                    Assert.False(windows.Contains(run.Value.Substring(i, 18)), $"{name}：输出中的「{run.Value}」与种子文档的句子相同");
        }
    }
}
