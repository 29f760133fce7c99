namespace Gongkai.Cli.Commands;

/// <summary>A usage error: a Chinese message for stderr, exit code 64.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A small parser for "cmd [options] FILE...": options with a value (--format json, --format=json, -f json),
/// flags (--help), and "--" ending options. Unknown options are usage errors.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = new();

    /// <param name="args">The arguments after the command name.</param>
    /// <param name="valueOptions">Options taking a value, long name first, then aliases (e.g. ["--format", "-f"]).</param>
    /// <param name="flagOptions">Options without a value, long name first, then aliases.</param>
    public static CommandLine Parse(IReadOnlyList<string> args, string[][] valueOptions, string[][] flagOptions)
    {
        var result = new CommandLine();
        string? Canonical(string name, string[][] table) =>
            table.FirstOrDefault(names => names.Contains(name, StringComparer.Ordinal))?[0];
        bool optionsEnded = false;
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (optionsEnded || a == "-" || !a.StartsWith('-')) { result.Positionals.Add(a); continue; }
            if (a == "--") { optionsEnded = true; continue; }
            string name = a;
            string? inline = null;
            int eq = a.IndexOf('=');
            if (a.StartsWith("--", StringComparison.Ordinal) && eq > 2) { name = a[..eq]; inline = a[(eq + 1)..]; }
            if (Canonical(name, valueOptions) is string valueName)
            {
                string value;
                if (inline is not null) value = inline;
                else if (i + 1 < args.Count) value = args[++i];
                else throw new UsageException($"选项 {name} 缺少取值。");
                if (result._values.ContainsKey(valueName)) throw new UsageException($"选项 {valueName} 只能指定一次。");
                result._values[valueName] = value;
                continue;
            }
            if (inline is null && Canonical(name, flagOptions) is string flagName)
            {
                result._flags.Add(flagName);
                continue;
            }
            throw new UsageException($"未知选项：{a}。");
        }
        return result;
    }

    public string? Value(string longName) => _values.TryGetValue(longName, out var v) ? v : null;

    public bool Flag(string longName) => _flags.Contains(longName);
}
