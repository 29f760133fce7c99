using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Compile.Template;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Compile;

public class TemplateAndCliTests
{
    private static string DataFile(string name) => Path.Combine(Repo.Root, "tests", "Gongkai.Tests", "Compile", "Data", name);

    private static DisclosureData ThroughTemplate(DisclosureData data)
    {
        using var ms = new MemoryStream();
        TemplateWorkbook.Write(ms, data.Kind, data.Year, data.Profile, data);
        ms.Position = 0;
        return TemplateWorkbook.Read(ms);
    }

    [Fact]
    public void Template_is_valid_with_instructions_pick_lists_and_validation()
    {
        using var ms = new MemoryStream();
        TemplateWorkbook.Write(ms, "final", 2024, "chongqing");
        ms.Position = 0;
        using var doc = SpreadsheetDocument.Open(ms, false);
        var errors = new OpenXmlValidator().Validate(doc).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var wb = doc.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal("填报说明", names[0]);
        foreach (var n in new[] { "基本信息", "支出功能分类", "基本支出经济分类", "上年数", "三公经费", "会议培训差旅", "其他事项", "项目", "绩效指标", "变动原因", "代码表" })
            Assert.Contains(n, names);
        WorksheetPart Part(string name) => (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == name).Id!.Value!);
        var dvs = Part("支出功能分类").Worksheet.Descendants<DataValidation>().ToList();
        Assert.Contains(dvs, v => v.Type?.Value == DataValidationValues.List && v.Formula1!.Text.StartsWith("代码表!$A$2"));
        Assert.Contains(dvs, v => v.Type?.Value == DataValidationValues.Decimal);
        Assert.Contains(dvs, v => v.Formula1!.Text.Contains("一般公共预算,政府性基金预算"));
        var codes = Part("代码表").Worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith('A')).Select(c => c.InnerText).ToList();
        Assert.Contains("2101501", codes); // 行政运行 (医疗保障管理事务) of the 2024 catalog
    }

    [Fact]
    public void Template_has_the_overall_performance_and_purchased_services_sheets()
    {
        static List<string> Names(string kind)
        {
            using var ms = new MemoryStream();
            TemplateWorkbook.Write(ms, kind, 2023, "hubei");
            ms.Position = 0;
            using var doc = SpreadsheetDocument.Open(ms, false);
            return doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        }
        var budget = Names("budget");
        Assert.Contains("整体绩效", budget);
        Assert.Contains("整体绩效指标", budget);
        Assert.Contains("购买服务", budget);
        var final = Names("final");
        Assert.Contains("整体绩效指标", final);
        Assert.DoesNotContain("购买服务", final);

        // a filled 整体 sheet gives the same data as JSON: the 整体 target of a budget, the 自评 of a final account
        var data = DataFiles.Load(DataFile("seed004-budget-2023.json"));
        var back = ThroughTemplate(data);
        Assert.Equal(data.Performance!.OverallTarget!.AnnualGoal, back.Performance!.OverallTarget!.AnnualGoal);
        Assert.Equal(10, back.Performance.OverallTarget.Indicators.Count);
        Assert.Null(back.Performance.OverallSelfEvaluation);
        Assert.Equal(new[] { 43.20m, 20.00m }, back.PurchasedServices!.Select(i => i.Amount));
        Assert.Equal("财务会计审计", back.PurchasedServices[1].Directory2);
        data.Performance.OverallTarget = new OverallTargetData(); // 编制整体绩效表 = 是 with nothing else filled
        Assert.NotNull(ThroughTemplate(data).Performance!.OverallTarget);
        var fin = ThroughTemplate(DataFiles.Load(DataFile("seed003-final-2024.json")));
        Assert.Equal(4068.43m, fin.Performance!.OverallSelfEvaluation!.AdjustedBudget);
        Assert.Equal(new bool?[] { true, false }, fin.Performance.OverallSelfEvaluation.Indicators.Take(2).Select(i => i.Core));
    }

    [Theory]
    [InlineData("seed003-final-2024.json")]
    [InlineData("seed004-budget-2023.json")]
    public void Seed_data_survives_the_template(string name)
    {
        var data = DataFiles.Load(DataFile(name));
        var back = ThroughTemplate(data);
        Assert.Equal(MarkdownRenderer.ToText(PackageAssert.Build(data)), MarkdownRenderer.ToText(PackageAssert.Build(back)));
    }

    [Fact]
    public void Random_data_survives_the_template()
    {
        for (int seed = 1; seed <= 60; seed++)
        {
            var data = RandomData.Create(seed);
            var back = ThroughTemplate(data);
            Assert.True(MarkdownRenderer.ToText(PackageAssert.Build(data)) == MarkdownRenderer.ToText(PackageAssert.Build(back)), $"种子 {seed}：经填报表读回后汇编结果不同");
        }
    }

    [Fact]
    public void Compile_writes_every_format_and_template_then_compile_works()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("compile", DataFile("seed004-budget-2023.json"), "-o", dir.Path, "--format", "md,html,xlsx,docx");
        Assert.True(run.ExitCode == 0, run.Err);
        foreach (var ext in new[] { "md", "html", "xlsx", "docx" })
            Assert.True(File.Exists(Path.Combine(dir.Path, $"武汉市江汉区医疗保障局2023年部门预算.{ext}")), ext);
        var xlsx = Path.Combine(dir.Path, "t.xlsx");
        run = CliRun.Of("template", "--kind", "final", "--year", "2024", "--profile", "chongqing", "--from", DataFile("seed003-final-2024.json"), "-o", xlsx);
        Assert.Equal(0, run.ExitCode);
        run = CliRun.Of("compile", xlsx, "-o", Path.Combine(dir.Path, "from-xlsx"), "-f", "md");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("汇编完成", run.Out);
    }

    [Fact]
    public void Compile_refuses_inconsistent_data_unless_forced()
    {
        using var dir = new TempDir();
        var data = DataFiles.Load(DataFile("seed003-final-2024.json"));
        data.OperatingCosts!.Administrative = 1m; // 行政单位 + 参公 no longer equals 机关运行经费
        var json = dir.File("bad.json", data.ToJson());
        var run = CliRun.Of("compile", json, "-o", Path.Combine(dir.Path, "out"), "-f", "md");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("机关运行经费", run.Err);
        Assert.Contains("拒绝生成", run.Err);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
        run = CliRun.Of("compile", json, "-o", Path.Combine(dir.Path, "out"), "-f", "md", "--force");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("错误", run.Err);
    }

    [Fact]
    public void Compile_audits_the_published_package_too()
    {
        using var dir = new TempDir();
        var data = DataFiles.Load(DataFile("seed003-final-2024.json"));
        var p = data.Projects[2];
        p.Indicators.Clear();
        p.Indicators.Add(new IndicatorData { Level1 = "产出指标", Level2 = "数量指标", Name = "救助人次", Operator = "≥", Target = "1000", Unit = "人次", Weight = 40, Actual = "1200", Score = 40 });
        p.Indicators.Add(new IndicatorData { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "救助对象满意度", Operator = "≥", Target = "90", Unit = "%", Weight = 50, Actual = "95", Score = 50 });
        p.SelfEvaluation!.Score = 95m; // 10 (执行率) + 90 (指标) = 100, not 95
        var run = CliRun.Of("compile", dir.File("d.json", data.ToJson()), "-o", Path.Combine(dir.Path, "out"), "-f", "md");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GK606", run.Err);
        p.SelfEvaluation.Score = 100m;
        run = CliRun.Of("compile", dir.File("d.json", data.ToJson()), "-o", Path.Combine(dir.Path, "out"), "-f", "md");
        Assert.True(run.ExitCode == 0, run.Err);
    }

    [Fact]
    public void Compile_exit_codes_for_unreadable_input_and_usage()
    {
        using var dir = new TempDir();
        var bad = dir.File("bad.json", "{ \"kind\": ");
        var run = CliRun.Of("compile", bad, "-o", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不是有效的 JSON", run.Err);
        Assert.False(run.HasStackTrace);
        Assert.Equal(2, CliRun.Of("compile", Path.Combine(dir.Path, "missing.json"), "-o", dir.Path).ExitCode);
        Assert.Equal(64, CliRun.Of("compile", bad).ExitCode);
        Assert.Equal(64, CliRun.Of("compile", bad, "-o", dir.Path, "--format", "odt").ExitCode);
        Assert.Equal(64, CliRun.Of("template", "--kind", "annual", "--year", "2024", "-o", "x.xlsx").ExitCode);
        Assert.Equal(0, CliRun.Of("compile", "--help").ExitCode);
        Assert.Contains("退出码", CliRun.Of("template", "--help").Out);
    }
}
