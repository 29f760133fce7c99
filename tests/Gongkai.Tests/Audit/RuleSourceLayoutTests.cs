using System.Text.RegularExpressions;
using Gongkai.Audit;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Rule sources are laid out by family: every rule's class is in the namespace of its descriptor's category and is
/// declared in that family's folder (src/Gongkai.Audit/Rules/&lt;Family&gt;/), in a file named for the rule or for the
/// mechanism it shares with a few others — never in a catch-all folder.
/// </summary>
public class RuleSourceLayoutTests
{
    private static string RulesDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("找不到仓库根目录（Gongkai.slnx）。"),
            "src", "Gongkai.Audit", "Rules");
    }

    [Fact]
    public void Every_rule_is_in_its_familys_namespace()
    {
        var misplaced = RuleRegistry.Default.Rules
            .Where(r => r.GetType().Namespace != $"Gongkai.Audit.Rules.{r.Descriptor.Category}")
            .Select(r => $"{r.Id} {r.GetType().FullName} ({r.Descriptor.Category})").ToList();
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void Every_rule_is_declared_in_its_familys_folder()
    {
        var root = RulesDir();
        var families = Enum.GetNames<RuleCategory>().ToHashSet();
        // only family folders under Rules/ (shared look-ups may sit in Rules/ itself)
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).ToList();
        Assert.All(folders, f => Assert.Contains(f!, families));
        var sources = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.ReadAllText);
        var wrong = new List<string>();
        foreach (var r in RuleRegistry.Default.Rules)
        {
            var name = r.GetType().Name;
            var decl = new Regex($@"\bclass\s+{name}\b");
            var files = sources.Where(kv => decl.IsMatch(kv.Value)).Select(kv => kv.Key).ToList();
            var dir = Path.Combine(root, r.Descriptor.Category.ToString());
            if (files.Count == 0 || files.Any(f => Path.GetDirectoryName(f) != dir))
                wrong.Add($"{r.Id} {name}: {string.Join(", ", files.Select(f => Path.GetRelativePath(root, f)))}");
            // a file holding a single rule is named for that rule
            foreach (var f in files)
                if (Regex.Matches(sources[f], @"\bpublic\s+(?:sealed\s+)?(?:partial\s+)?class\s+\w+\s*:\s*\w*Rule\b").Count == 1
                    && Path.GetFileNameWithoutExtension(f) != name)
                    wrong.Add($"{r.Id} {name}: the only rule in {Path.GetRelativePath(root, f)}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
