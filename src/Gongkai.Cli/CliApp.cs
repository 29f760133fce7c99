using System.Reflection;
using Gongkai.Cli.Commands;

namespace Gongkai.Cli;

/// <summary>The gongkai command line: global options and dispatch to one <see cref="ICommand"/> per verb.</summary>
public sealed class CliApp
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    /// <param name="errorIsTerminal">Whether <paramref name="error"/> is a terminal (progress lines of long commands).</param>
    public CliApp(TextWriter output, TextWriter error, IReadOnlyList<ICommand>? commands = null, bool errorIsTerminal = false)
    {
        _out = output;
        _err = error;
        // commands are cheap to construct: each loads its readers, catalogues and renderers only when it runs
        Commands = commands ?? BuiltInCommands.Create(errorIsTerminal);
    }

    public IReadOnlyList<ICommand> Commands { get; }

    /// <summary>The product version (informational version without the build metadata).</summary>
    public static string Version
    {
        get
        {
            var v = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(CliApp).Assembly.GetName().Version?.ToString() ?? "0.0.0";
            int plus = v.IndexOf('+');
            return plus < 0 ? v : v[..plus];
        }
    }

    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            WriteHelp(_err);
            return ExitCodes.Usage;
        }
        var first = args[0];
        if (first is "--help" or "-h" or "help" or "-?")
        {
            if (first == "help" && args.Count > 1 && Find(args[1]) is ICommand c) c.WriteHelp(_out);
            else WriteHelp(_out);
            return ExitCodes.Ok;
        }
        if (first is "--version" or "-V" or "version")
        {
            _out.WriteLine($"gongkai {Version}");
            return ExitCodes.Ok;
        }
        var command = Find(first);
        if (command is null)
        {
            _err.WriteLine(first.StartsWith('-')
                ? $"gongkai：未知选项 {first}。运行 gongkai --help 查看用法。"
                : $"gongkai：未知命令 {first}。可用命令：{string.Join("、", Commands.Select(c => c.Name))}。运行 gongkai --help 查看用法。");
            return ExitCodes.Usage;
        }
        var code = command.Run(args.Skip(1).ToList(), _out, _err);
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GONGKAI_TRACE"))) WriteTrace();
        return code;
    }

    /// <summary>GONGKAI_TRACE=1: the phases timed by the store and the process's JIT and GC figures, on stderr (profiling).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void WriteTrace()
    {
#if !GONGKAI_NATIVE // the native read/check/rules build has no store (and no JIT) to trace
        _err.Write(Gongkai.Store.StoreTrace.Summary());
#endif
    }

    private ICommand? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

    private void WriteHelp(TextWriter w)
    {
        w.WriteLine($"gongkai {Version} — 部门预算/决算公开文档的读取、审核与汇编工具");
        w.WriteLine();
        w.WriteLine("用法：gongkai <命令> [选项] [文件...]");
        w.WriteLine();
        w.WriteLine("命令：");
        foreach (var c in Commands) w.WriteLine($"  {c.Name,-10}{c.Summary}");
        w.WriteLine();
        w.WriteLine("全局选项：");
        w.WriteLine("  -h, --help     显示帮助");
        w.WriteLine("  -V, --version  显示版本号");
        w.WriteLine();
        w.WriteLine("运行 gongkai <命令> --help 查看该命令的选项。");
        w.WriteLine();
        w.WriteLine("退出码：0 成功；1 审核发现错误（check，--fail-on 可调整）或数据有错误被拒绝（compile）；2 有文件无法读取或不是预算/决算公开文档；3 内部错误；64 用法错误；73 输出文件无法写入。");
    }
}
