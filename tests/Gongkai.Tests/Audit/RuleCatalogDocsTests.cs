using Gongkai.Audit;

namespace Gongkai.Tests.Audit;

public class RuleCatalogDocsTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("找不到仓库根目录（Gongkai.slnx）。");
    }

    [Fact]
    public void Committed_rules_md_matches_the_descriptors()
    {
        var path = Path.Combine(RepoRoot(), "docs", "rules.md");
        var generated = RuleCatalogDocs.Generate();
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        var committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        Assert.True(committed == generated,
            "docs/rules.md 与规则描述符不一致。请运行 `GONGKAI_UPDATE_DOCS=1 dotnet test --filter RuleCatalogDocsTests` 重新生成并提交。");
    }

    [Fact]
    public void Generated_docs_list_every_rule_by_category()
    {
        var md = RuleCatalogDocs.Generate();
        foreach (var d in RuleRegistry.Default.Descriptors)
        {
            Assert.Contains($"### {d.Id}", md);
            Assert.Contains(d.Formula, md);
        }
        Assert.Contains("## 表内勾稽", md);
        Assert.Contains("## 文表一致", md);
    }

    [Fact]
    public void Generated_docs_have_a_table_of_contents_a_section_per_family_and_an_anchor_per_rule()
    {
        var md = RuleCatalogDocs.Generate();
        var toc = md[md.IndexOf("## 目录", StringComparison.Ordinal)..md.IndexOf("<a id=", StringComparison.Ordinal)];
        foreach (var family in RuleRegistry.Default.Descriptors.GroupBy(d => d.Category))
        {
            var slug = family.Key.Slug();
            Assert.Contains($"](#{slug})", toc);
            var section = md.IndexOf($"<a id=\"{slug}\"></a>\n\n## {family.Key.Chinese()}", StringComparison.Ordinal);
            Assert.True(section > 0, $"no section for {family.Key}");
            Assert.Contains($"`src/Gongkai.Audit/Rules/{family.Key}/`", md);
            foreach (var d in family)
            {
                var id = d.Id.ToLowerInvariant();
                Assert.Contains($"[{d.Id}](#{id})", toc);
                // exactly one anchor per rule, inside its family's section (after the family's anchor)
                var anchor = $"<a id=\"{id}\"></a>\n\n### {d.Id}\n";
                var at = md.IndexOf(anchor, StringComparison.Ordinal);
                Assert.True(at > section, $"{d.Id} has no anchor in the section of {family.Key}");
                Assert.Equal(at, md.LastIndexOf(anchor, StringComparison.Ordinal));
            }
        }
    }
}
