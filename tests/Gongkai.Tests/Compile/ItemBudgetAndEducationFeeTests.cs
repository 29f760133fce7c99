using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Compile.Template;
using Gongkai.Model;
using Gongkai.Recognition;

namespace Gongkai.Tests.Compile;

/// <summary>
/// The 决算 narrative 项 by 项 against 年初预算 / 调整预算 (seed 003 with 项 budgets that add up to its class budgets), and
/// 教育收费 as the 其中 column of 事业收入 (重庆 公开02) or its 非教育收费 | 教育收费 split (重庆 收入总表).
/// </summary>
public class ItemBudgetAndEducationFeeTests
{
    private static string Text(CompiledPackage p) => string.Join("\n", p.Blocks.OfType<ParagraphBlock>().Select(b => b.Text));

    private static List<Finding> Audit(string markdown, string name)
    {
        var read = new DisclosureReader().Read(name + ".md", System.Text.Encoding.UTF8.GetBytes(markdown)).Disclosure;
        return Auditor.Audit(read, PackageAssert.Options).Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).ToList();
    }

    [Fact]
    public void Seed_003_narrative_goes_through_the_items_against_their_budgets()
    {
        var data = CompileSeedTests.Load("seed003-final-2024.json");
        var p = PackageAssert.Build(data);
        Assert.Empty(p.Issues);
        var text = Text(p);
        foreach (var fact in new[]
        {
            "一般公共预算财政拨款支出按“项”级科目的预算执行情况如下：",
            // 57.66 ÷ 60.00 = 96.10 %; below 10 % off, no reason needed and none stated
            "1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）（2080505）支出决算57.66万元，年初预算60.00万元，完成年初预算的96.10%，决算数低于年初预算数。",
            // 42.01 ÷ 75.50 = 55.64 %, with the reason of item:2080799
            "（2080799）支出决算42.01万元，年初预算75.50万元，完成年初预算的55.64%，决算数低于年初预算数，主要原因是改制企业人员的医保缴费补贴按实际人数发放",
            "（2101301）支出决算2349.86万元，年初预算3526.86万元，完成年初预算的66.63%，决算数低于年初预算数，主要原因是上级城乡医疗救助资金本年部分未到位",
            "医疗保障管理事务（款）行政运行（项）（2101501）支出决算447.78万元，年初预算450.00万元，完成年初预算的99.51%，决算数低于年初预算数。",
            "（2130599）支出决算300.00万元，年初预算300.00万元，完成年初预算的100.00%。",
            // 调整预算 given: both rates; 52.98 ÷ 49.41 = 107.23 %, ÷ 52.98 = 100.00 %
            "（2210201）支出决算52.98万元，年初预算49.41万元，调整预算52.98万元，完成年初预算的107.23%，完成调整预算的100.00%，决算数高于年初预算数，主要原因是年中增加人员",
        })
            Assert.Contains(fact, text);
        Assert.Equal(15, System.Text.RegularExpressions.Regex.Matches(text, @"^\d+\..+（\d{7}）支出决算", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
        // the class sentences keep their 年初预算 (given by class and equal to the sums of the 项)
        Assert.Contains("卫生健康支出（类）3427.64万元，占87.31%，较年初预算数减少2242.01万元，下降39.54%", text);
    }

    [Fact]
    public void Item_claims_are_read_back_and_checked_against_the_item_rows()
    {
        var p = PackageAssert.Build(CompileSeedTests.Load("seed003-final-2024.json"));
        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        PackageAssert.AuditClean(read, "读回的 Markdown");
        // the completion claim carries the actual and the budget of its sentence
        var c = Assert.Single(read.Claims, x => x.Kind == ClaimKind.Completion && x.CompletionPercent is not null && x.Sentence.Contains("（2101501）"));
        Assert.Equal(447.78m, c.Amount);
        Assert.Equal(450.00m, c.BaseAmount);
        Assert.Equal(99.51m, c.CompletionPercent);
        Assert.Equal(ComparisonBase.InitialBudget, c.Base);
        var relation = Assert.Single(read.Claims, x => x.Relation is not null && x.Sentence.Contains("（2101501）"));
        Assert.Equal((ChangeDirection.Decrease, 447.78m, 450.00m), (relation.Relation, relation.Amount, relation.BaseAmount));
        var adjusted = Assert.Single(read.Claims, x => x.Kind == ClaimKind.Completion && x.Base == ComparisonBase.AdjustedBudget);
        Assert.Equal((52.98m, 52.98m, 100.00m), (adjusted.Amount, adjusted.BaseAmount, adjusted.CompletionPercent));

        // a wrong 决算 of a 项 is found against its row of 公开05 (GK401), a wrong rate by GK409
        var md = MarkdownRenderer.ToText(p);
        var wrongAmount = md.Replace("（2101501）支出决算447.78万元", "（2101501）支出决算448.78万元");
        Assert.NotEqual(md, wrongAmount);
        var f = Assert.Single(Audit(wrongAmount, p.Title), x => x.RuleId == "GK401");
        Assert.Equal(447.78m, f.Expected);
        var wrongRate = md.Replace("完成年初预算的99.51%", "完成年初预算的98.51%");
        Assert.NotEqual(md, wrongRate);
        Assert.Single(Audit(wrongRate, p.Title), x => x.RuleId == "GK409");
        var wrongRelation = md.Replace("完成年初预算的99.51%，决算数低于", "完成年初预算的99.51%，决算数高于");
        Assert.NotEqual(md, wrongRelation);
        Assert.Single(Audit(wrongRelation, p.Title), x => x.RuleId == "GK410");
    }

    [Fact]
    public void Item_budgets_derive_or_must_equal_the_class_budgets_and_need_reasons()
    {
        var data = CompileSeedTests.Load("seed003-final-2024.json");
        data.Budget!.InitialByClass.Remove("210"); // derived from the 项: 5669.65
        Assert.Equal(5669.65m, ItemFacts.InitialByClass(data)!["210"]);
        Assert.Contains("卫生健康支出（类）3427.64万元，占87.31%，较年初预算数减少2242.01万元，下降39.54%", Text(PackageAssert.Build(data)));

        data.Budget.InitialByClass["210"] = 5600m;
        var issues = PackageBuilder.Build(data).Issues;
        Assert.Contains(issues, i => i.Severity == IssueSeverity.Error && i.Field == "budget.initialByClass[210]" && i.Message.Contains("5669.65"));

        data.Budget.InitialByClass["210"] = 5669.65m;
        data.Reasons.Remove("item:2101301");
        var warning = Assert.Single(PackageBuilder.Build(data).Issues);
        Assert.Equal((IssueSeverity.Warning, "reasons.item:2101301"), (warning.Severity, warning.Field));
        Assert.Contains("33.37%", warning.Message); // |2349.86 − 3526.86| ÷ 3526.86

        // 调整预算 for part of a class only, and a budget of 0 (no rate printed, warning without a reason)
        data.Budget.Items!.First(i => i.Code == "2101501").Adjusted = 450m;
        Assert.Contains(PackageBuilder.Build(data).Issues, i => i.Severity == IssueSeverity.Error && i.Field == "budget.items[210]");
        data.Budget.Items!.First(i => i.Code == "2101501").Adjusted = null;
        data.Reasons["item:2101301"] = "资金未到位";
        var zero = data.Budget.Items!.First(i => i.Code == "2130599");
        zero.Initial = 0m;
        data.Budget.InitialByClass.Remove("213");
        var p = PackageBuilder.Build(data);
        Assert.Contains("（2130599）支出决算300.00万元，年初预算0.00万元，决算数高于年初预算数。", Text(p));
        Assert.Contains(p.Issues, i => i.Field == "reasons.item:2130599" && i.Message.Contains("年初预算为0"));
    }

    private static DisclosureData WithEducationFees(string kind, string profile)
    {
        var d = new DisclosureData { Kind = kind, Year = 2024, Profile = profile, Unit = new UnitInfo { Name = "示例区教育局" } };
        d.Expenditure.Add(new FunctionLine { Code = "2050201", Source = FundSource.General, Basic = 100m });
        d.Expenditure.Add(new FunctionLine { Code = "2050201", Source = FundSource.Business, Basic = 50m });
        d.Expenditure.Add(new FunctionLine { Code = "2050202", Source = FundSource.Business, Basic = 30m });
        d.Assets = new AssetsData { Vehicles = new() { ["执法执勤用车"] = 1 }, Equipment = 1 };
        d.Economic.Add(new EconomicLine { Code = "30101", Amount = 100m });
        d.EducationFees = [new EducationFeeLine { Code = "2050201", Amount = 35.5m }, new EducationFeeLine { Code = "2050202", Amount = 30m }];
        foreach (var k in RandomData.ReasonKeys(d)) d.Reasons[k] = "工作任务调整";
        return d;
    }

    [Theory]
    [InlineData("final")]
    [InlineData("budget")]
    public void Chongqing_income_tables_print_the_education_fees_and_read_them_back(string kind)
    {
        var data = WithEducationFees(kind, "chongqing");
        var p = PackageAssert.Build(data);
        PackageAssert.AuditClean(p.Model, "汇编模型");
        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        PackageAssert.AuditClean(read, "读回的 Markdown");
        PackageAssert.SameTables(p.Model, read);
        var t = read.Table(kind == "final" ? TableKind.FinalRevenue : TableKind.BudgetRevenue)!;
        Assert.Equal(35.50m, t.Row("2050201")!.ValueOrZero(Measure.EducationFees));
        Assert.Equal(30.00m, t.Row("2050202")!.ValueOrZero(Measure.EducationFees));
        Assert.Equal(65.50m, t.Row("205")!.ValueOrZero(Measure.EducationFees));
        Assert.Equal(65.50m, t.TotalRow!.ValueOrZero(Measure.EducationFees));
        if (kind == "final")
        {
            Assert.Equal(50.00m, t.Row("2050201")!.ValueOrZero(Measure.BusinessIncome)); // 小计 keeps the whole 事业收入
            Assert.Contains(t.Columns, c => c.Header.Contains("其中：教育收费"));
        }
        else
        {
            Assert.Equal(14.50m, t.Row("2050201")!.ValueOrZero(Measure.NonEducationFees)); // 50 − 35.5
            Assert.Equal(0.00m, t.Row("2050202")!.ValueOrZero(Measure.NonEducationFees));
            Assert.Contains(t.Columns, c => c.Header.EndsWith("非教育收费"));
        }
        if (kind != "final") return;
        // 其中：教育收费 printed above its 事业收入 小计 is found by GK218
        var lines = MarkdownRenderer.ToText(p).Split('\n').ToList();
        int head = lines.FindIndex(l => l.Contains("| 其中：教育收费 |"));
        int col = Array.FindIndex(lines[head].Split('|'), x => x.Trim() == "其中：教育收费");
        int at = lines.FindIndex(head, l => l.StartsWith("| 2050202 |", StringComparison.Ordinal));
        var cells = lines[at].Split('|');
        Assert.Equal("30.00", cells[col].Trim());
        cells[col] = " 40.00 ";
        lines[at] = string.Join("|", cells);
        var f = Assert.Single(Audit(string.Join("\n", lines), p.Title), x => x.RuleId == "GK218");
        Assert.Equal((30.00m, 40.00m), (f.Expected, f.Found));
    }

    [Fact]
    public void Other_profiles_keep_the_plain_business_income_column()
    {
        var national = PackageAssert.Build(WithEducationFees("final", "national"));
        Assert.DoesNotContain(national.Model.Table(TableKind.FinalRevenue)!.Columns, c => c.Key == (ColumnKey)Measure.EducationFees);
        var hubei = PackageBuilder.Build(WithEducationFees("budget", "hubei"));
        Assert.Contains(hubei.Issues, i => i.Severity == IssueSeverity.Error && i.Field == "educationFees" && i.Message.Contains("财政专户管理资金"));
        var hubeiOk = WithEducationFees("budget", "hubei");
        hubeiOk.EducationFees = null;
        Assert.Contains(PackageAssert.Build(hubeiOk).Tables.First(t => t.Kind == TableKind.BudgetRevenue).Notes, n => n.Contains("财政专户管理资金收入即教育收费收入"));
    }

    [Fact]
    public void Education_fee_above_business_income_is_refused()
    {
        var d = WithEducationFees("final", "chongqing");
        d.EducationFees![1].Amount = 30.01m;
        var issue = Assert.Single(PackageBuilder.Build(d).Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal("educationFees[2050202]", issue.Field);
        Assert.Contains("30.01", issue.Message);
    }

    [Fact]
    public void Template_carries_item_budgets_and_education_fees()
    {
        var data = CompileSeedTests.Load("seed003-final-2024.json");
        data.EducationFees = [new EducationFeeLine { Code = "2101501", Amount = 0.5m }];
        using var ms = new MemoryStream();
        TemplateWorkbook.Write(ms, "final", 2024, "chongqing", data);
        ms.Position = 0;
        var back = TemplateWorkbook.Read(ms);
        Assert.Equal(data.Budget!.Items!.Select(i => (i.Code, i.Initial, i.Adjusted)), back.Budget!.Items!.Select(i => (i.Code, i.Initial, i.Adjusted)));
        Assert.Equal(0.5m, Assert.Single(back.EducationFees!).Amount);
    }
}

/// <summary>The random data sets of the round-trip property cover 项 budgets and 教育收费 in the profiles that print them.</summary>
public class RandomItemCoverageTests
{
    [Fact]
    public void Random_data_sets_cover_item_budgets_and_education_fees()
    {
        var sets = Enumerable.Range(1, CompileRoundTripTests.Cases).Select(RandomData.Create).ToList();
        Assert.True(sets.Count(d => d.Budget?.Items is { Count: > 0 }) >= 20);
        Assert.True(sets.Count(d => d.Budget?.Items?.Any(i => i.Adjusted is not null) == true) >= 5);
        Assert.True(sets.Count(d => d.Budget?.Items is { Count: > 0 } && d.Budget.Items.Any(i => !d.Budget.InitialByClass.ContainsKey(i.Code[..3]))) >= 5); // derived classes
        Assert.True(sets.Count(d => d.EducationFees is { Count: > 0 } && d.Profile == "chongqing") >= 3);
    }
}
