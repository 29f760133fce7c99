using Gongkai.Audit;
using Gongkai.Cli.Output;
using Gongkai.Model;

namespace Gongkai.Cli.Commands;

/// <summary>
/// gongkai rules [ID|FAMILY]: the rule catalogue in the terminal, grouped by family (the same descriptors
/// docs/rules.md is generated from), one family's rules, or one rule's documentation.
/// </summary>
public sealed class RulesCommand : ICommand
{
    private readonly Func<RuleRegistry> _registry;

    public RulesCommand(Func<RuleRegistry>? registry = null) => _registry = registry ?? (() => RuleRegistry.Default);

    public string Name => "rules";
    public string Summary => "列出审核规则目录（按类别），或显示一条规则的说明";

    private const string UsageLine = "gongkai rules [规则编号 | 类别]";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：" + UsageLine);
        w.WriteLine();
        w.WriteLine("不带参数：按类别列出全部审核规则（编号、严重程度、标题）。");
        w.WriteLine("带规则编号（如 GK225）：显示该规则的标题、严重程度、适用范围、公式、说明和示例。");
        w.WriteLine("带类别（如 narrative 或 文表一致）：只列出该类别的规则。");
        w.WriteLine();
        w.WriteLine("类别：" + string.Join("、", Enum.GetValues<RuleCategory>().Select(c => $"{c.Slug()}（{c.Chinese()}）")));
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("  -h, --help  显示本帮助");
        w.WriteLine();
        w.WriteLine("退出码：0 成功；64 用法错误或没有该规则。");
        w.WriteLine();
        w.WriteLine("示例：");
        w.WriteLine("  gongkai rules");
        w.WriteLine("  gongkai rules GK402");
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        try
        {
            cl = CommandLine.Parse(args, [], [["--help", "-h"]]);
        }
        catch (UsageException e)
        {
            return Usage(error, e.Message);
        }
        if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
        if (cl.Positionals.Count > 1) return Usage(error, "只能指定一条规则或一个类别。");
        var registry = _registry();
        var all = registry.Descriptors.ToList();
        if (cl.Positionals.Count == 0)
        {
            WriteCatalogue(all, output);
            return ExitCodes.Ok;
        }
        var arg = cl.Positionals[0].Trim();
        var rule = all.FirstOrDefault(d => string.Equals(d.Id, arg, StringComparison.OrdinalIgnoreCase));
        if (rule is not null)
        {
            WriteRule(rule, registry, output);
            return ExitCodes.Ok;
        }
        foreach (var c in Enum.GetValues<RuleCategory>())
        {
            if (!arg.Equals(c.Slug(), StringComparison.OrdinalIgnoreCase) && arg != c.Chinese()) continue;
            WriteCatalogue(all.Where(d => d.Category == c).ToList(), output);
            return ExitCodes.Ok;
        }
        var near = all.Where(d => d.Id.StartsWith(arg.Length > 3 ? arg[..3] : arg, StringComparison.OrdinalIgnoreCase)).Select(d => d.Id).Take(8).ToList();
        return Usage(error, $"没有规则或类别“{arg}”。" + (near.Count > 0 ? $"相近的规则：{string.Join("、", near)}。" : "") + "运行 gongkai rules 查看全部规则。");
    }

    private static void WriteCatalogue(IReadOnlyList<RuleDescriptor> rules, TextWriter w)
    {
        w.WriteLine($"审核规则目录：共 {rules.Count} 条规则。运行 gongkai rules 规则编号 查看一条规则的说明。");
        foreach (var group in rules.GroupBy(d => d.Category).OrderBy(g => g.Key))
        {
            w.WriteLine();
            w.WriteLine($"{group.Key.Chinese()}（{group.Key.Slug()}）{group.Count()} 条");
            foreach (var d in group.OrderBy(d => d.Id, StringComparer.Ordinal))
            {
                var line = $"  {d.Id,-6} {d.Severity.Chinese()}  {d.Title}";
                w.WriteLine(TerminalText.Fit(line, 100));
            }
        }
    }

    private static void WriteRule(RuleDescriptor d, RuleRegistry registry, TextWriter w)
    {
        w.WriteLine($"{d.Id} {d.Title}");
        w.WriteLine();
        w.WriteLine($"  类别：{d.Category.Chinese()}（{d.Category.Slug()}）");
        w.WriteLine($"  严重程度：{d.Severity.Chinese()}");
        var applies = d.AppliesTo.Chinese();
        if (d.Profiles.Count > 0) applies += "（仅 " + string.Join("、", d.Profiles.Select(ProfileName)) + "）";
        w.WriteLine($"  适用：{applies}");
        var overrides = registry.ProfileOverrides
            .Where(p => p.Value.ContainsKey(d.Id))
            .Select(p => $"{ProfileName(p.Key)} → {p.Value[d.Id].Chinese()}").ToList();
        if (overrides.Count > 0) w.WriteLine($"  地区口径调整：{string.Join("；", overrides)}");
        w.WriteLine($"  公式：{d.Formula}");
        w.WriteLine($"  说明：{d.Rationale}");
        w.WriteLine($"  示例：{d.Example}");
    }

    /// <summary>The profile as the user writes it on the command line (--profile chongqing).</summary>
    private static string ProfileName(RegionProfile p) => p.ToString().ToLowerInvariant();

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"gongkai rules：{message}");
        error.WriteLine($"用法：{UsageLine}；运行 gongkai rules --help 查看说明。");
        return ExitCodes.Usage;
    }
}
