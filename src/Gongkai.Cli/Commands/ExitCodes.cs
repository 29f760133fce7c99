namespace Gongkai.Cli.Commands;

/// <summary>Process exit codes of gongkai (documented in README and --help).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>check: at least one 错误 was found.</summary>
    public const int FindingsFound = 1;
    /// <summary>At least one input could not be read (the others were still processed).</summary>
    public const int InputUnreadable = 2;
    /// <summary>An unexpected error occurred while processing at least one input.</summary>
    public const int InternalError = 3;
    /// <summary>Wrong command line (EX_USAGE).</summary>
    public const int Usage = 64;
    /// <summary>The output file could not be written (EX_CANTCREAT).</summary>
    public const int CannotWriteOutput = 73;
}
