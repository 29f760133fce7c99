using Gongkai.Model;
using System.Text;
using Gongkai.Cli.Output;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Cli.Commands;

/// <summary>
/// gongkai read FILE... [--format text|json] [--out FILE]: reads each file into the disclosure model and
/// prints it. A file that cannot be read is reported on stderr (one Chinese message naming it) and the
/// batch continues.
/// </summary>
public sealed class ReadCommand : ICommand
{
    private readonly Func<string, ReadResult>? _read;

    /// <param name="read">How one file is read; defaults to <see cref="DisclosureReader"/> (created when first needed).</param>
    public ReadCommand(Func<string, ReadResult>? read = null)
    {
        _read = read;
    }

    public string Name => "read";
    public string Summary => "读取公开文档，输出识别出的表格、数字陈述和绩效信息";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：gongkai read 文件... [--format text|json] [--out 文件]");
        w.WriteLine();
        w.WriteLine("读取一份或多份部门预算/决算公开文档（PDF、Word、Excel、HTML、Markdown 或纯文本，按内容识别格式），");
        w.WriteLine("输出：文档类型、年度、部门、识别出的表格（种类、标题、行数、合计行）、绩效目标/自评表数量、");
        w.WriteLine("叙述中的数字陈述和读取备注。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("  -f, --format text|json  输出格式，默认 text（中文可读摘要）；json 输出完整模型（含出处）");
        w.WriteLine("  -o, --out 文件          写入文件（UTF-8）而不是标准输出");
        w.WriteLine("  -h, --help              显示本帮助");
        w.WriteLine();
        w.WriteLine("多个文件时，json 输出为数组；无法读取的文件在标准错误中说明原因，其余文件照常输出。");
        w.WriteLine();
        w.WriteLine("退出码：0 全部读取成功；2 有文件无法读取或不是公开文档；3 有文件处理时发生内部错误；64 用法错误；");
        w.WriteLine("        73 输出文件无法写入。");
        w.WriteLine();
        w.WriteLine("示例：");
        w.WriteLine("  gongkai read samples/demo-budget-2025.md");
        w.WriteLine("  gongkai read a.txt b.txt --format json --out result.json");
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        try
        {
            cl = CommandLine.Parse(args, [["--format", "-f"], ["--out", "-o"]], [["--help", "-h"]]);
        }
        catch (UsageException e)
        {
            return UsageError(error, e.Message);
        }
        if (cl.Flag("--help"))
        {
            WriteHelp(output);
            return ExitCodes.Ok;
        }
        var format = (cl.Value("--format") ?? "text").ToLowerInvariant();
        if (format is not ("text" or "json"))
            return UsageError(error, $"不支持的输出格式：{cl.Value("--format")}。可选 text 或 json。");
        if (cl.Positionals.Count == 0)
            return UsageError(error, "缺少要读取的文件。");

        var outPath = cl.Value("--out");
        TextWriter target = output;
        StreamWriter? file = null;
        if (outPath is not null)
        {
            try
            {
                file = new StreamWriter(outPath, append: false, new UTF8Encoding(false));
                target = file;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"无法写入输出文件：{outPath}（{Failures.Describe(e)}）{Failures.Details(e)}。请检查路径和写入权限。");
                return ExitCodes.CannotWriteOutput;
            }
        }

        using (file)
        {
            var text = new TextModelWriter(target);
            var results = new List<ReadResult>();
            bool unreadable = false, internalError = false;
            foreach (var path in cl.Positionals)
            {
                ReadResult result;
                try
                {
                    result = _read is null ? new DisclosureReader().Read(path) : _read(path);
                }
                catch (ReadException e)
                {
                    error.WriteLine($"gongkai：{e.Message}");
                    unreadable = true;
                    continue;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    error.WriteLine($"gongkai：内部错误：处理 {path} 时发生意外错误（{Failures.Describe(e)}）{Failures.Details(e)}。" +
                                    "这是 gongkai 的缺陷，请把该文件和这条消息反馈给开发者；其余文件照常处理。");
                    internalError = true;
                    continue;
                }
                if (format == "text") text.Write(result);
                else results.Add(result);
            }
            if (format == "json")
            {
                var disclosures = results.Select(r => r.Disclosure).ToList();
                if (cl.Positionals.Count == 1)
                {
                    if (disclosures.Count == 1) JsonModelWriter.Write(target, disclosures[0]);
                }
                else JsonModelWriter.Write(target, disclosures);
            }
            target.Flush();
            return internalError ? ExitCodes.InternalError : unreadable ? ExitCodes.InputUnreadable : ExitCodes.Ok;
        }
    }

    private int UsageError(TextWriter error, string message)
    {
        error.WriteLine($"gongkai read：{message}");
        error.WriteLine("用法：gongkai read 文件... [--format text|json] [--out 文件]；运行 gongkai read --help 查看说明。");
        return ExitCodes.Usage;
    }
}
