using System.Text.Json;
using Gongkai.Cli;
using Gongkai.Cli.Commands;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Cli;

/// <summary>Command-line surface of gongkai: help, version, usage errors, JSON output and --out.</summary>
public sealed class ReadCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_lists_the_read_command(string flag)
    {
        var run = CliRun.Of(flag);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("用法", run.Out);
        Assert.Contains("read", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void Read_help_documents_options_and_exit_codes()
    {
        var run = CliRun.Of("read", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--format", run.Out);
        Assert.Contains("--out", run.Out);
        Assert.Contains("64", run.Out);
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"gongkai {CliApp.Version}", run.Out.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", CliApp.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("read")]
    [InlineData("read a.txt --format xml")]
    [InlineData("read a.txt --format")]
    [InlineData("read a.txt --colour")]
    [InlineData("compile-all")]
    [InlineData("--verbose")]
    public void Usage_errors_exit_64_with_a_message(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var run = CliRun.Of(args);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.NotEqual("", run.Err.Trim());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Json_of_one_file_is_one_object_with_file_and_year()
    {
        var seed = Shared.Seed("003");
        var run = CliRun.Of("read", seed, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(seed, root.GetProperty("file").GetString());
        Assert.True(root.TryGetProperty("year", out var year));
        Assert.True(year.ValueKind is JsonValueKind.Number or JsonValueKind.Null);
        Assert.Equal(JsonValueKind.String, root.GetProperty("kind").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("tables").ValueKind);
    }

    [Fact]
    public void Json_of_several_files_is_an_array_in_argument_order_and_skips_unreadable_ones()
    {
        var a = Shared.Seed("000");
        var b = Shared.Seed("004");
        var missing = Path.Combine(_dir.Path, "missing.txt");
        var run = CliRun.Of("read", "--format=json", a, missing, b);

        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        Assert.Contains(missing, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var files = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()).ToArray();
        Assert.Equal(new[] { a, b }, files);
    }

    [Fact]
    public void Out_writes_utf8_to_the_file_and_nothing_to_stdout()
    {
        var outPath = Path.Combine(_dir.Path, "结果.json");
        var seed = Shared.Seed("001");
        var run = CliRun.Of("read", seed, "-f", "json", "-o", outPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        var bytes = File.ReadAllBytes(outPath);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB, "输出不应带 BOM");
        using var doc = JsonDocument.Parse(bytes);
        Assert.Equal(seed, doc.RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public void Out_to_an_unwritable_path_exits_73()
    {
        var outPath = Path.Combine(_dir.Path, "no-such-dir", "x.txt");
        var run = CliRun.Of("read", Shared.Seed("000"), "--out", outPath);
        Assert.Equal(ExitCodes.CannotWriteOutput, run.ExitCode);
        Assert.Contains(outPath, run.Err);
    }

    [Fact]
    public void The_shipped_sample_reads_cleanly()
    {
        var sample = Repo.Sample("demo-budget-2024.md");
        var run = CliRun.Of("read", sample);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.Contains("demo-budget-2024.md", run.Out);
    }
}
