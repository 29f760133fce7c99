using System.Text.Json;
using Gongkai.Cli.Output;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Tests.Cli;

/// <summary>The text and JSON writers on a hand-built model (independent of the recognizers).</summary>
public sealed class ModelWriterTests
{
    private const string File = "/data/示范区医疗保障局2024年部门预算.md";

    private static Figure Wan(decimal v, int line, int row, int col) =>
        new(v, 2, ValueUnit.WanYuan, FigureKind.Number, new Provenance(File, line, TableIndex: 0, Row: row, Column: col, Text: v.ToString("F2")));

    private static ReadResult Sample()
    {
        var d = new Disclosure { File = File, Kind = DocumentKind.Budget, Year = 2024, DepartmentName = "示范区医疗保障局", Title = "示范区医疗保障局2024年部门预算" };
        var summary = new DisclosureTable { Kind = TableKind.BudgetSummary, Title = "部门收支总表", Source = new Provenance(File, 40) };
        var income = new DataRow { Label = "本年收入合计", Side = Side.Income, Line = SummaryLine.TotalIncomeThisYear, Source = new Provenance(File, 50) };
        income.Values[Measure.Amount] = Wan(3287.46m, 50, 9, 1);
        var expense = new DataRow { Label = "本年支出合计", Side = Side.Expenditure, Line = SummaryLine.TotalExpenditureThisYear, Source = new Provenance(File, 50) };
        expense.Values[Measure.Amount] = Wan(3287.46m, 50, 9, 3);
        summary.Rows.Add(income);
        summary.Rows.Add(expense);
        d.Tables.Add(summary);

        var general = new DisclosureTable { Kind = TableKind.BudgetGeneralExpenditure, Title = "一般公共预算支出表", Source = new Provenance(File, 80) };
        var total = new DataRow { Label = "合计", IsTotal = true, Source = new Provenance(File, 83) };
        total.Values[Measure.Total] = Wan(3287.46m, 83, 1, 2);
        total.Values[Measure.Basic] = Wan(612.80m, 83, 1, 3);
        total.Values[new ColumnKey(Measure.Project, Basis.Budget)] = Wan(2674.66m, 83, 1, 4);
        general.Rows.Add(total);
        general.Rows.Add(new DataRow { Label = "卫生健康支出", Code = ClassificationCode.TryCreate("210"), Source = new Provenance(File, 84) });
        d.Tables.Add(general);

        var fund = new DisclosureTable { Kind = TableKind.BudgetGovFund, Title = "政府性基金预算支出表", Source = new Provenance(File, 120) };
        fund.Notes.Add("本部门2024年没有使用政府性基金预算拨款安排的支出，本表为空表。");
        d.Tables.Add(fund);

        var claim = new Claim
        {
            Kind = ClaimKind.Change, Subject = "一般公共预算财政拨款支出", Amount = 3287.46m, AmountScale = 2,
            Direction = ChangeDirection.Decrease, ChangeAmount = 112.54m, ChangeScale = 2, ChangePercent = 3.31m,
            PercentDirection = ChangeDirection.Decrease, Base = ComparisonBase.PriorYear, ComparedYear = 2023,
            Sentence = "……", Source = new Provenance(File, 21),
        };
        claim.Counts.Add((2m, "辆"));
        d.Claims.Add(claim);
        d.PerformanceTargets.Add(new PerformanceTarget { IsOverall = true, ProjectName = "部门整体" });
        d.PerformanceTargets.Add(new PerformanceTarget { ProjectName = "医疗救助" });
        d.Notes.Add(new ReadNote("第 3 张表格未能归类：" + new string('长', 60), new Provenance(File, 130)));
        d.TableOfContents.Add(("政府性基金预算支出表", true, "无政府性基金收支"));
        d.Sections.Add(new NarrativeSection { Heading = "一、收支总体情况", Level = 1 });
        d.Sections[0].Sentences.Add(new Sentence("收支总预算3287.46万元。", new Provenance(File, 12), "一、收支总体情况"));
        var source = new SourceDocument(File, SourceFormat.Markdown, [new TextBlock("示范区医疗保障局", new Provenance(File, 1))]);
        return new ReadResult(d, source);
    }

    private static string Text(ReadResult r)
    {
        var sw = new StringWriter();
        new TextModelWriter(sw).Write(r);
        return sw.ToString();
    }

    [Fact]
    public void Text_shows_kind_year_department_tables_key_rows_counts_claims_and_notes()
    {
        var text = Text(Sample());
        Assert.Contains("部门预算", text);
        Assert.Contains("2024", text);
        Assert.Contains("示范区医疗保障局", text);
        Assert.Contains("识别的表格（3 张）", text);
        Assert.Contains("收支总表：部门收支总表（2 行", text);
        Assert.Contains("本年收入合计：金额 3,287.46", text);
        Assert.Contains("合计：合计 3,287.46，基本支出 612.80，项目支出（预算） 2,674.66", text);
        Assert.Contains("空表", text);
        Assert.Contains("注：本部门2024年没有使用政府性基金", text);
        Assert.Contains("绩效目标表：2 张（部门整体 1，项目 1）", text);
        Assert.Contains("  · 第21行 一般公共预算财政拨款支出 3,287.46万元，比2023年减少", text);
        Assert.Equal("一般公共预算财政拨款支出 3,287.46万元，比2023年减少 112.54万元（下降3.31%），2辆",
            TextModelWriter.ClaimText(Sample().Disclosure.Claims[0]));
        Assert.Contains("读取备注（1 条）", text);
    }

    [Fact]
    public void Text_lines_fit_an_80_column_terminal()
    {
        var lines = Text(Sample()).Split('\n');
        Assert.Contains(lines, l => l.EndsWith('…')); // the long note was cut
        Assert.All(lines, l => Assert.True(TerminalText.Width(l.TrimEnd('\r')) <= 80, $"超过 80 列：{l}"));
    }

    [Fact]
    public void Text_of_an_unrecognised_document_says_so()
    {
        var d = new Disclosure { File = "x.txt" };
        var text = Text(new ReadResult(d, new SourceDocument("x.txt", SourceFormat.Text, [])));
        Assert.Contains("类型：未识别", text);
        Assert.Contains("年度：未识别", text);
        Assert.Contains("识别的表格：无", text);
    }

    [Fact]
    public void Json_has_the_full_model_with_strings_for_enums_numbers_for_decimals_and_provenance()
    {
        var json = JsonModelWriter.Serialize(Sample().Disclosure);
        Assert.Contains("示范区医疗保障局", json); // CJK not escaped
        Assert.DoesNotContain("\\u", json);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(File, root.GetProperty("file").GetString());
        Assert.Equal(2024, root.GetProperty("year").GetInt32());
        Assert.Equal("Budget", root.GetProperty("kind").GetString());
        Assert.False(root.TryGetProperty("sentences", out _)); // derived: sections carry them

        var tables = root.GetProperty("tables");
        Assert.Equal("BudgetSummary", tables[0].GetProperty("kind").GetString());
        var total = tables[1].GetProperty("rows")[0];
        var values = total.GetProperty("values");
        var project = values.GetProperty("Project/Budget");
        Assert.Equal(2674.66m, project.GetProperty("value").GetDecimal());
        Assert.Equal("Number", project.GetProperty("kind").GetString());
        var source = project.GetProperty("source");
        Assert.Equal(83, source.GetProperty("line").GetInt32());
        Assert.Equal(4, source.GetProperty("column").GetInt32());
        Assert.False(source.TryGetProperty("page", out _)); // unknown parts omitted
        Assert.Equal("210", tables[1].GetProperty("rows")[1].GetProperty("code").GetProperty("value").GetString());
        Assert.Equal("Function", tables[1].GetProperty("rows")[1].GetProperty("code").GetProperty("scheme").GetString());
        Assert.True(tables[2].GetProperty("isEmpty").GetBoolean());

        var claim = root.GetProperty("claims")[0];
        Assert.Equal("Decrease", claim.GetProperty("direction").GetString());
        Assert.Equal(112.54m, claim.GetProperty("changeAmount").GetDecimal());
        Assert.Equal("辆", claim.GetProperty("counts")[0].GetProperty("word").GetString());
        Assert.Equal("无政府性基金收支", root.GetProperty("tableOfContents")[0].GetProperty("reason").GetString());
        Assert.Equal(12, root.GetProperty("sections")[0].GetProperty("sentences")[0].GetProperty("source").GetProperty("line").GetInt32());
    }
}
