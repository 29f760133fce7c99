using Gongkai.Cli;
using Gongkai.Cli.Commands;

namespace Gongkai.Tests.Cli;

/// <summary>Runs the gongkai command line in-process and captures its output.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args) => With(null, args);

    /// <summary>Run with a read command built around <paramref name="read"/> (null: the real reader).</summary>
    public static CliRun With(ReadCommand? read, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var app = read is null ? new CliApp(o, e) : new CliApp(o, e, [read]);
        int code = app.Run(args);
        return new CliRun(code, o.ToString(), e.ToString());
    }

    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>No .NET stack trace leaked to the user.</summary>
    public bool HasStackTrace => (Out + Err).Contains("   at ") || (Out + Err).Contains("Exception:");
}
