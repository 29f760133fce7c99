namespace Gongkai.Cli.Commands;

/// <summary>
/// The commands of the native build: read, check and rules; the others are in the full build only and say so.
/// </summary>
internal static class BuiltInCommands
{
    public static ICommand[] Create(bool errorIsTerminal) =>
        [new ReadCommand(), new CheckCommand(errorIsTerminal: errorIsTerminal), new RulesCommand(),
         new FullBuildOnly("template", "生成填报模板"), new FullBuildOnly("compile", "汇编公开材料"),
         new FullBuildOnly("import", "导入资料库"), new FullBuildOnly("serve", "启动网页和 HTTP API"),
         new FullBuildOnly("token", "管理 API 令牌"), new FullBuildOnly("user", "管理用户")];

    /// <summary>A command the native build leaves out: it names the build that has it.</summary>
    private sealed class FullBuildOnly(string name, string what) : ICommand
    {
        public string Name => name;
        public string Summary => $"{what}（仅完整版）";

        public void WriteHelp(TextWriter output) => output.WriteLine(Message);

        public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
        {
            error.WriteLine(Message);
            return ExitCodes.Usage;
        }

        private string Message =>
            $"gongkai {name}：这个原生快速版只含 read、check、rules。{what}请用完整版：dotnet tool install --global Gongkai，" +
            "或 dotnet publish src/Gongkai.Cli（见 README 的安装一节）。";
    }
}
