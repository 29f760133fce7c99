using System.Diagnostics;
using System.Text;
using Gongkai.Cli.Commands;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Cli;

/// <summary>gongkai read on hostile input: every bad file gives one Chinese message naming it, never a stack trace.</summary>
public sealed class ReadRobustnessTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertOneMessageNaming(CliRun run, string path, string what)
    {
        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        var line = Assert.Single(run.ErrLines);
        Assert.Contains(path, line);
        Assert.Contains(what, line);
        Assert.False(run.HasStackTrace, run.Err);
    }

    [Fact]
    public void Empty_file_is_refused_with_the_empty_message()
    {
        var path = _dir.File("empty.txt", "");
        var run = CliRun.Of("read", path);
        AssertOneMessageNaming(run, path, "文件为空");
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Whitespace_only_file_is_refused_as_empty()
    {
        var path = _dir.File("blank.md", "  \n\n \r\n");
        AssertOneMessageNaming(CliRun.Of("read", path), path, "为空");
    }

    [Fact]
    public void Binary_garbage_is_refused_as_not_text()
    {
        var bytes = new byte[64 * 1024];
        new Random(20240101).NextBytes(bytes);
        bytes[100] = 0;
        bytes[2000] = 0;
        var path = _dir.File("garbage.txt", bytes);
        AssertOneMessageNaming(CliRun.Of("read", path), path, "不是文本文件");
    }

    [Fact]
    public void Broken_pdf_and_zip_files_are_reported_naming_the_file()
    {
        var pdf = _dir.File("x.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"));
        AssertOneMessageNaming(CliRun.Of("read", pdf), pdf, "PDF");
        var docx = _dir.File("x.docx", [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0]);
        AssertOneMessageNaming(CliRun.Of("read", docx), docx, "Word");
    }

    [Fact]
    public void Gb18030_text_is_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "示范区医疗保障局2024年部门预算\n\n| 项目 | 金额 |\n|---|---|\n| 合计 | 1,234.56 |\n";
        var path = _dir.File("gbk.txt", Encoding.GetEncoding("GB18030").GetBytes(text));

        var run = CliRun.Of("read", path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.Contains(path, run.Out);
        var doc = new DocumentReader().Read(path);
        Assert.Contains(doc.Texts, t => t.Text.Contains("示范区医疗保障局"));
        Assert.Equal("1,234.56", doc.Tables.Single().Rows[1][1]);
    }

    [Fact]
    public void Ragged_tables_are_read_without_error()
    {
        var text = string.Join("\n",
            "某区医疗保障局2024年部门预算",
            "",
            "表一 收支总表",
            "| 收入 | 金额 | 支出 | 金额 |",
            "|---|---|---|---|",
            "| 一般公共预算拨款收入 | 100.00 |",
            "| 合计 | 100.00 | 合计 | 100.00 | 多出的一列 | 7 |",
            "|  |",
            "",
            "表二 只有一行的制表符表",
            "合计\t100.00\t\t",
            "",
            "表三 只有表头",
            "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |",
            "|---|---|---|---|---|",
            "",
            "表四 单元格为空的行",
            "\t\t\t",
            "208\t社会保障和就业支出",
            "");
        var path = _dir.File("ragged.md", text);

        var run = CliRun.Of("read", path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.Contains(path, run.Out);
        var json = CliRun.Of("read", path, "--format", "json");
        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        Assert.Contains(path, System.Text.Json.JsonDocument.Parse(json.Out).RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public void A_50_MB_text_file_is_refused_without_loading_it()
    {
        var path = Path.Combine(_dir.Path, "huge.txt");
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("一般公共预算财政拨款支出\t1,234.56\n", 30_000)));
        using (var fs = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            while (fs.Length < 50L * 1024 * 1024) fs.Write(chunk);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var run = CliRun.Of("read", path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertOneMessageNaming(run, path, "文件过大");
        Assert.True(allocated < 4 * 1024 * 1024, $"拒绝时分配了 {allocated / 1024} KB：文件被读入了内存");
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var path = Path.Combine(_dir.Path, "没有这个文件.txt");
        AssertOneMessageNaming(CliRun.Of("read", path), path, "文件不存在");
    }

    [Fact]
    public void A_bad_file_in_a_batch_does_not_stop_the_others()
    {
        var good1 = Shared.Seed("000");
        var good2 = Shared.Seed("003");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0;
        var garbage = _dir.File("garbage.bin", bytes);

        var run = CliRun.Of("read", good1, garbage, good2);

        AssertOneMessageNaming(run, garbage, "不是文本文件");
        Assert.Contains(good1, run.Out);
        Assert.Contains(good2, run.Out);
        Assert.DoesNotContain(garbage, run.Out);
        Assert.True(run.Out.IndexOf(good1, StringComparison.Ordinal) < run.Out.IndexOf(good2, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unexpected_exception_is_reported_as_internal_error_and_the_batch_continues()
    {
        var good = Shared.Seed("000");
        var bad = Path.Combine(_dir.Path, "trips-a-bug.txt");
        var reader = new DisclosureReader();
        var command = new ReadCommand(p => p == bad ? throw new InvalidOperationException("索引越界\n   at Somewhere()") : reader.Read(p));

        var run = CliRun.With(command, "read", bad, good);

        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        var line = Assert.Single(run.ErrLines);
        Assert.Contains("内部错误", line);
        Assert.Contains(bad, line);
        Assert.DoesNotContain("Somewhere", run.Err);
        Assert.Contains(good, run.Out);
    }

    [Fact]
    public void Internal_error_outranks_an_unreadable_file_in_the_exit_code()
    {
        var command = new ReadCommand(p => p.EndsWith("a") ? throw new ReadException(p, ReadFailure.Corrupt, $"损坏：{p}") : throw new NullReferenceException());
        var run = CliRun.With(command, "read", "x-a", "x-b");
        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.Equal(2, run.ErrLines.Length);
        Assert.Contains("x-a", run.ErrLines[0]);
        Assert.Contains("x-b", run.ErrLines[1]);
    }
}
