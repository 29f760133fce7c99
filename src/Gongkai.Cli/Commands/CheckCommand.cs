using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Cli.Commands;

/// <summary>
/// gongkai check FILE... [--format text|json|html|xlsx] [--out DIR] [--profile …]: reads each file, audits it
/// with the rule catalogue and reports the findings. Exit 0 when no 错误, 1 when 错误 were found, 2 when an
/// input could not be read (the others are still checked), 3 on an internal error.
/// </summary>
public sealed class CheckCommand : ICommand
{
    private readonly Func<string, ReadResult> _read;

    public CheckCommand(Func<string, ReadResult>? read = null) => _read = read ?? new DisclosureReader().Read;

    public string Name => "check";
    public string Summary => "审核公开文档：按规则目录检查勾稽关系、叙述与表格一致性等，输出问题清单";

    /// <summary>Report renderers by format name; html and xlsx write one file per input into --out.</summary>
    public static Dictionary<string, IReportRenderer> Renderers { get; } = new(StringComparer.OrdinalIgnoreCase);

    static CheckCommand() => BuiltInRenderers.Register(Renderers);

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：gongkai check 文件... [--format text|json|html|xlsx] [--out 目录] [--profile 地区]");
        w.WriteLine();
        w.WriteLine("读取并审核一份或多份部门预算/决算公开文档，按严重程度（错误、警告、提示）列出发现的问题，");
        w.WriteLine("每条问题给出应为、实为、差额和位置（文件、行号/页码、表格、行、列）。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("  -f, --format 格式   text（默认，终端可读）、json（完整结构）、html（可定位到原表的报告）、");
        w.WriteLine("                      xlsx（问题清单，便于筛选和转发）");
        w.WriteLine("  -o, --out 目录      报告写入的目录（html、xlsx 必须；text、json 缺省时输出到标准输出）");
        w.WriteLine("  -p, --profile 地区  auto（默认，按文档判断）、national、chongqing、hebei、shaanxi、hubei、");
        w.WriteLine("                      shanghai、jiangsu");
        w.WriteLine("      --no-rounding   不列出尾差提示");
        w.WriteLine("  -h, --help          显示本帮助");
        w.WriteLine();
        w.WriteLine("退出码：0 未发现错误；1 发现错误；2 有文件无法读取或不是公开文档（其余文件照常审核）；3 内部错误；64 用法错误；");
        w.WriteLine("        73 输出无法写入。");
        w.WriteLine();
        w.WriteLine("示例：");
        w.WriteLine("  gongkai check samples/demo-budget-2024.md");
        w.WriteLine("  gongkai check *.txt --format html --out 审核报告");
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        try
        {
            cl = CommandLine.Parse(args, [["--format", "-f"], ["--out", "-o"], ["--profile", "-p"]], [["--help", "-h"], ["--no-rounding"]]);
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
            if (!Enum.TryParse<RegionProfile>(p, ignoreCase: true, out var rp) || rp == RegionProfile.Auto)
                return UsageError(error, $"未知的地区配置：{p}。可选 auto、national、chongqing、hebei、shaanxi、hubei、shanghai、jiangsu。");
            profile = rp;
        }
        var outDir = cl.Value("--out");
        if (format is "html" or "xlsx" && outDir is null)
            return UsageError(error, $"{format} 格式需要用 --out 指定报告目录。");
        if (outDir is not null)
        {
            try { Directory.CreateDirectory(outDir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"无法创建报告目录：{outDir}（{e.Message}）。请检查路径和写入权限。");
                return ExitCodes.CannotWriteOutput;
            }
        }

        var options = new AuditOptions { Profile = profile, ReportRoundingDifferences = !cl.Flag("--no-rounding"), Catalog = CatalogAdapter.Instance };
        bool unreadable = false, internalError = false, errors = false;
        var reports = new List<(ReadResult Read, AuditReport Report)>();
        foreach (var path in cl.Positionals)
        {
            try
            {
                var read = _read(path);
                var report = Auditor.Audit(read.Disclosure, options);
                if (report.ErrorCount > 0) errors = true;
                reports.Add((read, report));
            }
            catch (ReadException e)
            {
                error.WriteLine($"gongkai：{e.Message}");
                unreadable = true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error.WriteLine($"gongkai：内部错误：审核 {path} 时发生意外错误（{e.GetType().Name}：{e.Message.Split('\n')[0]}）。" +
                                "这是 gongkai 的缺陷，请把该文件和这条消息反馈给开发者；其余文件照常处理。");
                internalError = true;
            }
        }

        try
        {
            switch (format)
            {
                case "text":
                    WriteTo(outDir, "审核结果.txt", output, w =>
                    {
                        var writer = new FindingTextWriter();
                        foreach (var (read, report) in reports)
                        {
                            w.WriteLine(Header(read));
                            writer.Write(report, w);
                            w.WriteLine();
                        }
                    });
                    break;
                case "json":
                    WriteTo(outDir, "审核结果.json", output, w =>
                    {
                        if (reports.Count == 1) w.Write(FindingJsonWriter.Write(reports[0].Report));
                        else
                        {
                            w.Write('[');
                            for (int i = 0; i < reports.Count; i++)
                            {
                                if (i > 0) w.Write(',');
                                w.Write(FindingJsonWriter.Write(reports[i].Report));
                            }
                            w.Write(']');
                        }
                        w.WriteLine();
                    });
                    break;
                default:
                    var renderer = Renderers[format];
                    foreach (var (read, report) in reports)
                    {
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
        return internalError ? ExitCodes.InternalError : unreadable ? ExitCodes.InputUnreadable : errors ? ExitCodes.FindingsFound : ExitCodes.Ok;
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
        error.WriteLine("用法：gongkai check 文件... [--format text|json|html|xlsx] [--out 目录] [--profile 地区]；运行 gongkai check --help 查看说明。");
        return ExitCodes.Usage;
    }
}

/// <summary>Renders one audited file as a report file (html, xlsx).</summary>
public interface IReportRenderer
{
    string Extension { get; }
    void Render(ReadResult read, AuditReport report, string path);
}
