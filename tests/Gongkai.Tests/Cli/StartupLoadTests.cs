using System.Diagnostics;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Cli;

/// <summary>
/// A command loads only what it uses (start-up is most of what a one-file check costs, docs/benchmarks.md): a real
/// gongkai process, with GONGKAI_DEBUG_ASSEMBLIES=1 listing the assemblies it loaded, must not load the store, the
/// HTTP API, compile, EF Core or ASP.NET for check, read or rules.
/// </summary>
public class StartupLoadTests
{
    private static readonly string[] NotOnTheCheckPath =
        ["Gongkai.Store", "Gongkai.Api", "Gongkai.Compile", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite"];

    /// <summary>The CLI as built beside the tests (src/Gongkai.Cli/bin/&lt;configuration&gt;/net10.0/gongkai.dll).</summary>
    private static string CliDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Release/net10.0/
        var dll = Path.Combine(Repo.Root, "src", "Gongkai.Cli", "bin", configuration, "net10.0", "gongkai.dll");
        Assert.True(File.Exists(dll), $"the CLI is not built: {dll}");
        return dll;
    }

    private static (int Exit, List<string> Assemblies, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliDll());
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GONGKAI_DEBUG_ASSEMBLIES"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var err = p.StandardError.ReadToEnd();
        _ = stdout.Result;
        p.WaitForExit();
        var names = err.Split('\n').Where(l => l.StartsWith("assembly: ", StringComparison.Ordinal)).Select(l => l["assembly: ".Length..].Trim()).ToList();
        return (p.ExitCode, names, err);
    }

    [Theory]
    [InlineData("check", "demo-budget-2025.md")]
    [InlineData("read", "demo-budget-2025.md")]
    [InlineData("rules", null)]
    public void Check_read_and_rules_load_no_store_api_or_compile(string command, string? sample)
    {
        var (exit, loaded, err) = sample is null ? Run(command) : Run(command, Repo.Sample(sample));
        Assert.True(exit is 0 or 1, err);
        Assert.Contains("Gongkai.Model", loaded); // the listing works
        var wrong = loaded.Where(a => NotOnTheCheckPath.Any(n => a.StartsWith(n, StringComparison.Ordinal))).ToList();
        Assert.True(wrong.Count == 0, $"gongkai {command} loaded: {string.Join(", ", wrong)}");
    }

    [Fact]
    public void Version_loads_no_catalogue_reader_or_renderer()
    {
        var (exit, loaded, err) = Run("--version");
        Assert.True(exit == 0, err);
        var wrong = loaded.Where(a => a is "Gongkai.Catalogs" or "Gongkai.Reading.Pdf" or "UglyToad.PdfPig" or "Gongkai.Reports"
            or "DocumentFormat.OpenXml" or "AngleSharp" || NotOnTheCheckPath.Any(n => a.StartsWith(n, StringComparison.Ordinal))).ToList();
        Assert.True(wrong.Count == 0, $"gongkai --version loaded: {string.Join(", ", wrong)}");
    }

    [Fact]
    public void Checking_a_text_file_loads_no_pdf_or_office_library()
    {
        var (exit, loaded, err) = Run("check", Repo.Sample("demo-budget-2025.md"), "-q");
        Assert.True(exit is 0 or 1, err);
        Assert.Contains("Gongkai.Audit", loaded);
        var wrong = loaded.Where(a => a is "UglyToad.PdfPig" or "DocumentFormat.OpenXml" or "AngleSharp" or "Gongkai.Reports").ToList();
        Assert.True(wrong.Count == 0, $"gongkai check (Markdown) loaded: {string.Join(", ", wrong)}");
    }
}
