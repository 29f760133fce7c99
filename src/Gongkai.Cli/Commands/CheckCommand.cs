using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Cli.Commands;

/// <summary>
/// gongkai check FILE... [--format text|json|html|xlsx] [--out DIR] [--profile …] [--jobs N] [--fail-on …]: reads
/// each file, audits it with the rule catalogue and reports the findings. Independent files are checked in parallel
/// (--jobs, default the number of cores); reports, messages and the summary keep the input order, and a file that
/// cannot be read never stops the batch. Progress lines (on a terminal) and the batch summary go to stderr so that
/// stdout carries only the report. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public sealed class CheckCommand : ICommand
{
    private readonly Func<string, ReadResult>? _read;

    /// <param name="read">How one file is read (must be safe to call from several threads); default: a new
    /// <see cref="DisclosureReader"/> per file.</param>
    /// <param name="errorIsTerminal">Whether stderr is a terminal: then a progress line is written per file and a batch ends with a summary table.</param>
    public CheckCommand(Func<string, ReadResult>? read = null, bool errorIsTerminal = false)
    {
        _read = read;
        ErrorIsTerminal = errorIsTerminal;
    }

    public bool ErrorIsTerminal { get; }

    public string Name => "check";
    public string Summary => "审核公开文档：按规则目录检查勾稽关系、叙述与表格一致性等，输出问题清单";

    private static readonly Lazy<Dictionary<string, IReportRenderer>> LazyRenderers = new(() =>
    {
        var d = new Dictionary<string, IReportRenderer>(StringComparer.OrdinalIgnoreCase);
        BuiltInRenderers.Register(d);
        return d;
    });

    /// <summary>Report renderers by format name; html and xlsx write one file per input into --out. Loaded on first use.</summary>
    public static Dictionary<string, IReportRenderer> Renderers => LazyRenderers.Value;

    /// <summary>The extensions a folder argument contributes (the formats the readers take).</summary>
    internal static readonly HashSet<string> FolderExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".et", ".html", ".htm", ".txt", ".md" };

    /// <summary>The readable files under <paramref name="folder"/> (recursive, hidden files left out), in ordinal order.</summary>
    internal static IEnumerable<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => FolderExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);

    private const string UsageLine =
        "gongkai check 文件或目录... [--format text|json|html|xlsx] [--out 目录] [--profile 地区] [--jobs N] [--fail-on error|warning|never]";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：" + UsageLine);
        w.WriteLine();
        w.WriteLine("读取并审核一份或多份部门预算/决算公开文档，按严重程度（错误、警告、提示）列出发现的问题，");
        w.WriteLine("每条问题给出应为、实为、差额和位置（文件、行号/页码、表格、行、列）。");
        w.WriteLine("多个文件并行审核，报告按输入顺序输出；某个文件无法读取不影响其余文件。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("  -f, --format 格式   text（默认，终端可读）、json（完整结构）、html（可定位到原表的报告）、");
        w.WriteLine("                      xlsx（问题清单，便于筛选和转发）");
        w.WriteLine("  -o, --out 目录      报告写入的目录（html、xlsx 必须；text、json 缺省时输出到标准输出）");
        w.WriteLine("  -p, --profile 地区  auto（默认，按文档判断）、national、chongqing、hebei、shaanxi、hubei、");
        w.WriteLine("                      shanghai、jiangsu");
        w.WriteLine("  -j, --jobs N        同时审核的文件数（默认为 CPU 核数）");
        w.WriteLine("      --fail-on 级别  何时以退出码 1 结束：error（默认，有错误时）、warning（有错误或警告时）、");
        w.WriteLine("                      never（从不因发现问题而失败）");
        w.WriteLine("  -q, --quiet         不在标准错误输出进度和汇总表");
        w.WriteLine("      --no-rounding   不列出尾差提示");
        w.WriteLine("  -h, --help          显示本帮助");
        w.WriteLine();
        w.WriteLine("标准错误：在终端上每审核完一个文件输出一行进度，多个文件时最后输出汇总表（文件、错误、警告、提示、用时）；");
        w.WriteLine("重定向到文件或管道时只输出无法读取的文件的说明。");
        w.WriteLine("标准输出只有报告，--format json 的输出可直接交给其他程序。");
        w.WriteLine();
        w.WriteLine("退出码：0 未发现达到 --fail-on 级别的问题；1 发现错误（--fail-on warning 时错误或警告）；");
        w.WriteLine("        2 有文件无法读取或不是公开文档（其余文件照常审核）；3 内部错误；64 用法错误；73 输出无法写入。");
        w.WriteLine("        同时出现时取 3、2、1 中最先者。");
        w.WriteLine();
        w.WriteLine("示例：");
        w.WriteLine("  gongkai check samples/demo-budget-2025.md");
        w.WriteLine("  gongkai check *.pdf --format json --out 审核结果 --fail-on warning");
        w.WriteLine("  gongkai check *.txt --format html --out 审核报告");
    }

    /// <summary>When a batch fails with exit code 1.</summary>
    private enum FailOn { Error, Warning, Never }

    /// <summary>The outcome of one input file.</summary>
    private sealed class FileResult
    {
        public required string Path { get; init; }
        public ReadResult? Read;
        public AuditReport? Report;
        public string? Header;
        public string? Message;     // a Chinese message for stderr (unreadable file, internal error)
        public string? Status;      // short status for the summary table when there is no report
        public bool Unreadable, Internal;
        public TimeSpan Elapsed;
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        try
        {
            cl = CommandLine.Parse(args, [["--format", "-f"], ["--out", "-o"], ["--profile", "-p"], ["--jobs", "-j"], ["--fail-on"]],
                [["--help", "-h"], ["--no-rounding"], ["--quiet", "-q"]]);
        }
        catch (UsageException e)
        {
            return UsageError(error, e.Message);
        }
        if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
        var format = (cl.Value("--format") ?? "text").ToLowerInvariant();
        if (format is not ("text" or "json") && !Renderers.ContainsKey(format))
            return UsageError(error, $"不支持的输出格式：{cl.Value("--format")}。可选 text、json{string.Concat(Renderers.Keys.Select(k => "、" + k))}。");
        if (cl.Positionals.Count == 0) return UsageError(error, "缺少要审核的文件。");
        RegionProfile? profile = null;
        var p = cl.Value("--profile");
        if (p is not null && !p.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<RegionProfile>(p, ignoreCase: true, out var rp) || rp == RegionProfile.Auto || int.TryParse(p, out _))
                return UsageError(error, $"未知的地区配置：{p}。可选 auto、national、chongqing、hebei、shaanxi、hubei、shanghai、jiangsu。");
            profile = rp;
        }
        int jobs = Environment.ProcessorCount;
        if (cl.Value("--jobs") is string j && (!int.TryParse(j, out jobs) || jobs < 1 || jobs > 256))
            return UsageError(error, $"--jobs 应为 1 到 256 的整数，实为 {j}。");
        FailOn failOn;
        switch ((cl.Value("--fail-on") ?? "error").ToLowerInvariant())
        {
            case "error": failOn = FailOn.Error; break;
            case "warning": failOn = FailOn.Warning; break;
            case "never": failOn = FailOn.Never; break;
            default: return UsageError(error, $"--fail-on 应为 error、warning 或 never，实为 {cl.Value("--fail-on")}。");
        }
        var outDir = cl.Value("--out");
        if (format is "html" or "xlsx" && outDir is null)
            return UsageError(error, $"{format} 格式需要用 --out 指定报告目录。");
        if (outDir is not null)
        {
            try { Directory.CreateDirectory(outDir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"无法创建报告目录：{outDir}（{Failures.Describe(e)}）{Failures.Details(e)}。请检查路径和写入权限。");
                return ExitCodes.CannotWriteOutput;
            }
        }

        var options = new AuditOptions { Profile = profile, ReportRoundingDifferences = !cl.Flag("--no-rounding"), Catalog = CatalogAdapter.Instance };
        bool keepRead = format is not ("text" or "json");
        bool quiet = cl.Flag("--quiet");
        // a folder stands for the readable files under it; any other argument is checked as given (a missing file gets its error)
        var files = cl.Positionals.SelectMany(p => Directory.Exists(p) ? FilesIn(p) : [p]).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _progress = 0;
        var results = CheckAll(files, jobs, options, keepRead, r => Emit(r, files.Count, quiet, error));

        int exit = Write(format, outDir, results, output, error);
        if (!quiet && ErrorIsTerminal && files.Count > 1) WriteSummary(results, clock.Elapsed, Math.Min(jobs, files.Count), error);
        if (exit != ExitCodes.Ok) return exit;
        bool failed = failOn switch
        {
            FailOn.Error => results.Any(r => r.Report?.ErrorCount > 0),
            FailOn.Warning => results.Any(r => r.Report is { } rep && rep.ErrorCount + rep.WarningCount > 0),
            _ => false,
        };
        return results.Any(r => r.Internal) ? ExitCodes.InternalError
            : results.Any(r => r.Unreadable) ? ExitCodes.InputUnreadable
            : failed ? ExitCodes.FindingsFound : ExitCodes.Ok;
    }

    /// <summary>
    /// Check every file with up to <paramref name="jobs"/> in parallel. Files are started in input order and
    /// <paramref name="emit"/> is called in input order, each file as soon as it and all before it are done.
    /// </summary>
    private FileResult[] CheckAll(IReadOnlyList<string> files, int jobs, AuditOptions options, bool keepRead, Action<FileResult> emit)
    {
        var results = new FileResult[files.Count];
        int next = -1, emitted = 0;
        var gate = new object();
        void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < files.Count)
            {
                results[i] = CheckOne(files[i], options, keepRead);
                lock (gate)
                {
                    while (emitted < files.Count && results[emitted] is { } done) { emit(done); emitted++; }
                }
            }
        }
        int workers = Math.Min(jobs, files.Count);
        if (workers <= 1) Work();
        else
        {
            var threads = Enumerable.Range(0, workers - 1).Select(_ => new Thread(Work, 16 * 1024 * 1024) { IsBackground = true }).ToList();
            foreach (var t in threads) t.Start();
            Work();
            foreach (var t in threads) t.Join();
        }
        return results;
    }

    private FileResult CheckOne(string path, AuditOptions options, bool keepRead)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = new FileResult { Path = path };
        try
        {
            var read = _read is null ? new DisclosureReader().Read(path) : _read(path);
            r.Report = Auditor.Audit(read.Disclosure, options);
            r.Header = Header(read);
            if (keepRead) r.Read = read;
        }
        catch (ReadException e)
        {
            r.Message = $"gongkai：{e.Message}";
            r.Status = e.Failure == ReadFailure.NotADisclosure ? "不是公开文档" : "无法读取";
            r.Unreadable = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            r.Message = $"gongkai：内部错误：审核 {path} 时发生意外错误（{Failures.Describe(e)}）{Failures.Details(e)}。" +
                        "这是 gongkai 的缺陷，请把该文件和这条消息反馈给开发者；其余文件照常处理。";
            r.Status = "内部错误";
            r.Internal = true;
        }
        r.Elapsed = clock.Elapsed;
        return r;
    }

    /// <summary>What stderr says as a file is done: its message if it failed, and on a terminal a progress line.</summary>
    private void Emit(FileResult r, int total, bool quiet, TextWriter error)
    {
        if (r.Message is not null) error.WriteLine(r.Message);
        if (quiet || !ErrorIsTerminal) return;
        var what = r.Report is { } rep ? $"错误 {rep.ErrorCount}，警告 {rep.WarningCount}，提示 {rep.InfoCount}" : r.Status;
        error.WriteLine($"[{++_progress}/{total}] {Path.GetFileName(r.Path)}：{what}（{Seconds(r.Elapsed)}）");
        error.Flush();
    }

    private int _progress; // files emitted so far in this run (Emit runs under the batch's lock)

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " 秒";

    /// <summary>The closing table of a batch on stderr: file, 错误, 警告, 提示, time, and a total line.</summary>
    private static void WriteSummary(FileResult[] results, TimeSpan wall, int workers, TextWriter error)
    {
        const int nameColumns = 44;
        string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - Cli.Output.TerminalText.Width(s)));
        string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4);
        error.WriteLine();
        error.WriteLine($"{Pad("文件", nameColumns)}  错误  警告  提示      用时");
        foreach (var r in results)
        {
            var name = Pad(Cli.Output.TerminalText.Fit(Path.GetFileName(r.Path), nameColumns), nameColumns);
            var counts = r.Report is { } rep
                ? $"{Num(rep.ErrorCount)}  {Num(rep.WarningCount)}  {Num(rep.InfoCount)}"
                : Pad(r.Status ?? "", 16);
            error.WriteLine($"{name}  {counts}  {Seconds(r.Elapsed),8}");
        }
        var ok = results.Where(r => r.Report is not null).Select(r => r.Report!).ToList();
        var failed = results.Count(r => r.Report is null);
        error.WriteLine($"共 {results.Length} 个文件：错误 {ok.Sum(x => x.ErrorCount)} 条，警告 {ok.Sum(x => x.WarningCount)} 条，" +
                        $"提示 {ok.Sum(x => x.InfoCount)} 条" + (failed > 0 ? $"；{failed} 个文件未审核" : "") +
                        $"；用时 {Seconds(wall)}（同时审核 {workers} 个）。");
    }

    /// <summary>Writes the reports in input order; returns <see cref="ExitCodes.Ok"/> or <see cref="ExitCodes.CannotWriteOutput"/>.</summary>
    private static int Write(string format, string? outDir, FileResult[] results, TextWriter output, TextWriter error)
    {
        var done = results.Where(r => r.Report is not null).ToList();
        try
        {
            switch (format)
            {
                case "text":
                    WriteTo(outDir, "审核结果.txt", output, w =>
                    {
                        var writer = new FindingTextWriter();
                        foreach (var r in done)
                        {
                            w.WriteLine(r.Header);
                            writer.Write(r.Report!, w);
                            w.WriteLine();
                        }
                    });
                    break;
                case "json":
                    WriteTo(outDir, "审核结果.json", output, w =>
                    {
                        if (done.Count == 1) w.Write(FindingJsonWriter.Write(done[0].Report!));
                        else
                        {
                            w.Write('[');
                            for (int i = 0; i < done.Count; i++)
                            {
                                if (i > 0) w.Write(',');
                                w.Write(FindingJsonWriter.Write(done[i].Report!));
                            }
                            w.Write(']');
                        }
                        w.WriteLine();
                    });
                    break;
                default:
                    var renderer = Renderers[format];
                    foreach (var r in done)
                    {
                        var read = r.Read!;
                        var report = r.Report!;
                        var file = Path.Combine(outDir!, Path.GetFileNameWithoutExtension(read.Disclosure.File) + ".审核报告." + renderer.Extension);
                        renderer.Render(read, report, file);
                        output.WriteLine($"已写入 {file}（错误 {report.ErrorCount}，警告 {report.WarningCount}，提示 {report.InfoCount}）");
                    }
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"无法写入报告：{e.Message}。请检查 --out 目录的写入权限。");
            return ExitCodes.CannotWriteOutput;
        }
        return ExitCodes.Ok;
    }

    private static string Header(ReadResult read)
    {
        var d = read.Disclosure;
        var kind = d.Kind switch { DocumentKind.Budget => "部门预算", DocumentKind.FinalAccount => "部门决算", _ => "未识别类型" };
        return $"━━ {Path.GetFileName(d.File)}：{d.DepartmentName ?? "（部门未识别）"} {d.Year?.ToString() ?? "?"} 年{kind}，" +
               $"识别表格 {d.Tables.Count(t => t.Kind != TableKind.Unknown)} 张 ━━";
    }

    private static void WriteTo(string? dir, string name, TextWriter stdout, Action<TextWriter> write)
    {
        if (dir is null) { write(stdout); stdout.Flush(); return; }
        var path = Path.Combine(dir, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        write(w);
        stdout.WriteLine($"已写入 {path}");
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine($"gongkai check：{message}");
        error.WriteLine($"用法：{UsageLine}；运行 gongkai check --help 查看说明。");
        return ExitCodes.Usage;
    }
}

/// <summary>Renders one audited file as a report file (html, xlsx).</summary>
public interface IReportRenderer
{
    string Extension { get; }
    void Render(ReadResult read, AuditReport report, string path);
}
