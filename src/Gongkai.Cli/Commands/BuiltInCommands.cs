namespace Gongkai.Cli.Commands;

/// <summary>
/// The commands of the full gongkai build. The native build (src/Gongkai.Cli.Native) has its own list: read, check
/// and rules, and a pointer to the full build for the others.
/// </summary>
internal static class BuiltInCommands
{
    public static ICommand[] Create(bool errorIsTerminal) =>
        [new ReadCommand(), new CheckCommand(errorIsTerminal: errorIsTerminal), new RulesCommand(),
         new TemplateCommand(), new CompileCommand(), new ImportCommand(), new ServeCommand(), new TokenCommand(), new UserCommand()];
}
