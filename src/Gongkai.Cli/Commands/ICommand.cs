namespace Gongkai.Cli.Commands;

/// <summary>
/// A sub-command of gongkai (read, later check and compile). Commands write to the given writers only,
/// so they can run in-process in tests.
/// </summary>
public interface ICommand
{
    /// <summary>The word after "gongkai" that selects the command.</summary>
    string Name { get; }
    /// <summary>One-line Chinese description for the command list.</summary>
    string Summary { get; }
    /// <summary>Write the command's Chinese help text.</summary>
    void WriteHelp(TextWriter output);
    /// <summary>Run with the arguments after the command name; returns the exit code.</summary>
    int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error);
}
