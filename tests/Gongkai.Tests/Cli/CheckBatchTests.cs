using System.Text.Json;
using Gongkai.Cli;
using Gongkai.Cli.Commands;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Cli;

/// <summary>
/// check on a batch: files checked in parallel but reported in input order, a bad file never stops the batch,
/// progress and the summary table on stderr only (stdout JSON stays parseable), --jobs and --fail-on.
/// </summary>
public class CheckBatchTests
{
    private static string Demo => Repo.Sample("demo-budget-2025.md");
    private static string Clean => Repo.Sample("demo-budget-2024.md");

    /// <summary>The demo with every planted defect corrected except the 绩效 indicator in 元 (GK620, a 警告).</summary>
    private static string WarningOnly(TempDir dir)
    {
        var text = File.ReadAllText(Demo);
        foreach (var (wrong, right) in DemoSampleTests.Corrections)
            if (!right.Contains("| % |")) text = text.Replace(wrong, right);
        return dir.File("warning-only.md", text);
    }

    private static ReadResult ReadNew(string path) => new DisclosureReader().Read(path);

    private static CliRun Run(CheckCommand check, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = new CliApp(o, e, [check]).Run(args);
        return new CliRun(code, o.ToString(), e.ToString());
    }

    private static List<string> JsonFiles(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(r => Path.GetFileName(r.GetProperty("file").GetString()!)).ToList();
    }

    [Fact]
    public void A_folder_is_checked_as_the_readable_files_under_it_in_order()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "b-sub"));
        File.Copy(Demo, Path.Combine(dir.Path, "b-sub", "z-demo.md"));
        File.Copy(Clean, Path.Combine(dir.Path, "a-clean.md"));
        dir.File("notes.png", [0x89, 0x50, 0x4e, 0x47]);      // not a format the readers take: left out
        dir.File(".hidden.md", "# 草稿");                     // hidden: left out
        var run = CliRun.Of("check", dir.Path, "--format", "json", "--jobs", "2");
        Assert.Equal(["a-clean.md", "z-demo.md"], JsonFiles(run.Out));
        Assert.Equal(1, run.ExitCode); // the demo's 错误 count, as when the files are named one by one
        Assert.Equal(CliRun.Of("check", Path.Combine(dir.Path, "a-clean.md"), Path.Combine(dir.Path, "b-sub", "z-demo.md"),
            "--format", "json", "--jobs", "2").Out, run.Out);
    }

    [Fact]
    public void A_parallel_batch_reports_in_input_order_and_equals_the_sequential_run()
    {
        using var dir = new TempDir();
        var files = new[] { Demo, Shared.Seed("000"), Clean, Shared.Seed("002"), WarningOnly(dir), Shared.Seed("001") };
        var sequential = CliRun.Of(["check", .. files, "--format", "json", "--jobs", "1"]);
        var parallel = CliRun.Of(["check", .. files, "--format", "json", "--jobs", "4"]);
        Assert.Equal(1, parallel.ExitCode);
        Assert.Equal(files.Select(Path.GetFileName), JsonFiles(parallel.Out));
        Assert.Equal(sequential.Out, parallel.Out);
        Assert.Equal(sequential.ExitCode, parallel.ExitCode);

        // the text report too: one header per file, in input order
        var text = CliRun.Of(["check", .. files, "--jobs", "3"]);
        var positions = files.Select(f => text.Out.IndexOf("━━ " + Path.GetFileName(f) + "：", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Bad_files_do_not_stop_the_batch_and_stdout_json_stays_clean()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "不存在.pdf");
        var binary = dir.File("垃圾.pdf", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xFF, 0x13]);
        var run = Run(new CheckCommand(ReadNew, errorIsTerminal: true), "check", missing, Demo, binary, Clean, "--format", "json", "--jobs", "2");
        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        Assert.Equal(["demo-budget-2025.md", "demo-budget-2024.md"], JsonFiles(run.Out));
        Assert.False(run.HasStackTrace);
        // one message per bad file, in input order, then the summary table naming every file in input order
        var err = run.Err;
        Assert.True(err.IndexOf("不存在.pdf", StringComparison.Ordinal) < err.IndexOf("垃圾.pdf", StringComparison.Ordinal));
        var lines = err.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("文件") && l.Contains("错误  警告  提示"));
        Assert.True(header >= 0, err);
        var rows = lines.Skip(header + 1).Take(4).ToList();
        var table = string.Join('\n', lines.Skip(header));
        Assert.StartsWith("不存在.pdf", rows[0]);
        Assert.Contains("无法读取", rows[0]);
        Assert.StartsWith("demo-budget-2025.md", rows[1]);
        Assert.Matches(@"^demo-budget-2025\.md\s+6\s+5\s+0\s+\d+\.\d\d 秒", rows[1]);
        Assert.StartsWith("垃圾.pdf", rows[2]);
        Assert.Matches(@"^demo-budget-2024\.md\s+0\s+0\s+0\s+", rows[3]);
        Assert.Contains("共 4 个文件：错误 6 条，警告 5 条，提示 0 条；2 个文件未审核", table);
    }

    [Fact]
    public void Jobs_default_to_the_number_of_cores()
    {
        // as many files as cores + 1, so the default (not the file count) bounds the workers the summary names
        var files = Enumerable.Range(0, Environment.ProcessorCount + 1).Select(i => i % 2 == 0 ? Demo : Clean).ToArray();
        var run = Run(new CheckCommand(ReadNew, errorIsTerminal: true), ["check", .. files, "--format", "json"]);
        Assert.Contains($"（同时审核 {Environment.ProcessorCount} 个）", run.Err);
    }

    [Fact]
    public void An_internal_error_in_one_file_is_reported_and_the_others_are_still_checked()
    {
        var check = new CheckCommand(read: p => p.EndsWith("2024.md") ? throw new InvalidOperationException("boom") : ReadNew(p));
        var run = Run(check, "check", Demo, Clean, "--format", "json");
        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.Equal(["demo-budget-2025.md"], JsonFiles("[" + run.Out.Trim() + "]"));
        Assert.Contains("内部错误", run.Err);
        Assert.Contains("demo-budget-2024.md", run.Err);
    }

    [Fact]
    public void Progress_lines_go_to_stderr_only_on_a_terminal()
    {
        var onTerminal = Run(new CheckCommand(ReadNew, errorIsTerminal: true), "check", Demo, Clean, "--format", "json");
        var lines = onTerminal.ErrLines;
        Assert.Matches(@"^\[1/2\] demo-budget-2025\.md：错误 6，警告 5，提示 0（\d+\.\d\d 秒）$", lines[0].TrimEnd('\r'));
        Assert.StartsWith("[2/2] demo-budget-2024.md：错误 0，警告 0，提示 0", lines[1]);
        using (JsonDocument.Parse(onTerminal.Out)) { }

        var redirected = Run(new CheckCommand(ReadNew, errorIsTerminal: false), "check", Demo, Clean, "--format", "json");
        Assert.Equal("", redirected.Err); // redirected: no progress, no summary table
        Assert.Contains("共 2 个文件", onTerminal.Err); // on a terminal a batch ends with the summary table

        var quiet = Run(new CheckCommand(ReadNew, errorIsTerminal: true), "check", Demo, Clean, "--format", "json", "--quiet");
        Assert.Equal("", quiet.Err);

        var single = Run(new CheckCommand(ReadNew, errorIsTerminal: false), "check", Demo);
        Assert.Equal("", single.Err); // one file, not a terminal: stderr stays empty
    }

    [Fact]
    public void Fail_on_sets_when_findings_fail_the_run()
    {
        using var dir = new TempDir();
        var warningOnly = WarningOnly(dir);
        int Code(string file, string failOn) => CliRun.Of("check", file, "--fail-on", failOn).ExitCode;

        Assert.Equal(1, CliRun.Of("check", Demo).ExitCode); // default: error
        Assert.Equal(1, Code(Demo, "error"));
        Assert.Equal(1, Code(Demo, "warning"));
        Assert.Equal(0, Code(Demo, "never"));

        var w = CliRun.Of("check", warningOnly, "--format", "json");
        Assert.Contains("\"ruleId\":\"GK620\"", w.Out.Replace(" ", ""));
        Assert.Equal(0, w.ExitCode);
        Assert.Equal(0, Code(warningOnly, "error"));
        Assert.Equal(1, Code(warningOnly, "warning"));
        Assert.Equal(0, Code(warningOnly, "never"));

        Assert.Equal(0, Code(Clean, "warning"));
        // an unreadable file keeps its own code whatever --fail-on says
        Assert.Equal(ExitCodes.InputUnreadable, CliRun.Of("check", Clean, Path.Combine(dir.Path, "missing.md"), "--fail-on", "never").ExitCode);
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--jobs", "many")]
    [InlineData("--fail-on", "sometimes")]
    public void Bad_batch_options_are_usage_errors(string option, string value)
    {
        var run = CliRun.Of("check", Demo, option, value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(option, run.Err);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("read")]
    public void Help_examples_name_the_shipped_demo(string command)
    {
        var run = CliRun.Of(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("demo-budget-2024.md", run.Out);
        Assert.Contains("samples/demo-budget-2025.md", run.Out);
        Assert.True(File.Exists(Demo));
    }
}
