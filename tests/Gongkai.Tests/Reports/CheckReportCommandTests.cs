using DocumentFormat.OpenXml.Packaging;
using Gongkai.Cli;
using Gongkai.Cli.Commands;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Reports;

public sealed class CheckReportCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = new CliApp(o, e).Run(args);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Html_and_xlsx_are_registered()
    {
        Assert.True(CheckCommand.Renderers.ContainsKey("html"));
        Assert.True(CheckCommand.Renderers.ContainsKey("xlsx"));
    }

    [Fact]
    public void Check_writes_an_html_report_and_exits_1_on_errors()
    {
        using var tmp = new TempDir();
        var outDir = Path.Combine(tmp.Path, "报告");
        var (code, output, err) = Run("check", Shared.Seed("000"), "--format", "html", "--out", outDir);
        Assert.Equal(1, code);
        Assert.Equal("", err);
        var file = Assert.Single(Directory.GetFiles(outDir));
        Assert.EndsWith("000_71c49e4ae31c480f.审核报告.html", file);
        Assert.Contains(file, output);
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("class=\"hl hl-primary\"", html);
    }

    [Fact]
    public void Check_writes_an_xlsx_report_per_file()
    {
        using var tmp = new TempDir();
        var (code, _, err) = Run("check", Shared.Seed("000"), Shared.Seed("004"), "--format", "xlsx", "--out", tmp.Path);
        Assert.True(code is 0 or 1, err);
        var files = Directory.GetFiles(tmp.Path, "*.xlsx").OrderBy(f => f).ToList();
        Assert.Equal(2, files.Count);
        foreach (var f in files)
        {
            using var doc = SpreadsheetDocument.Open(f, false);
            Assert.Equal(3, doc.WorkbookPart!.WorksheetParts.Count());
        }
    }

    [Fact]
    public void Html_without_out_is_a_usage_error()
    {
        var (code, _, err) = Run("check", Shared.Seed("000"), "--format", "html");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--out", err);
    }
}
