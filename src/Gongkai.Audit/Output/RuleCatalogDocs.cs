using System.Text;

namespace Gongkai.Audit;

/// <summary>Generates <c>docs/rules.md</c> from the rule descriptors, grouped by category.</summary>
public static class RuleCatalogDocs
{
    public static string Generate(RuleRegistry? registry = null)
    {
        registry ??= RuleRegistry.Default;
        var sb = new StringBuilder();
        sb.Append("# 审核规则目录\n\n");
        sb.Append("本文件由 `RuleCatalogDocs.Generate()` 根据各规则的描述符生成，请勿手工编辑。\n");
        sb.Append("修改规则描述后运行 `GONGKAI_UPDATE_DOCS=1 dotnet test --filter RuleCatalogDocsTests` 重新生成。\n\n");
        sb.Append("尾差处理见 [rounding.md](rounding.md)：差额在尾差范围内的一律只报“提示”。\n\n");
        var descriptors = registry.Descriptors.ToList();
        sb.Append($"共 {descriptors.Count} 条规则。\n\n");
        foreach (var group in descriptors.GroupBy(d => d.Category).OrderBy(g => g.Key))
        {
            sb.Append($"## {group.Key.Chinese()}（{group.Key.Slug()}）\n\n");
            sb.Append("| ID | 标题 | 严重程度 | 适用 |\n|---|---|---|---|\n");
            foreach (var d in group)
                sb.Append($"| [{d.Id}](#{d.Id.ToLowerInvariant()}) | {Cell(d.Title)} | {d.Severity.Chinese()} | {Applies(d)} |\n");
            sb.Append('\n');
            foreach (var d in group)
            {
                sb.Append($"### {d.Id}\n\n");
                sb.Append($"**{d.Title}**\n\n");
                sb.Append($"- 严重程度：{d.Severity.Chinese()}\n");
                sb.Append($"- 适用：{Applies(d)}\n");
                sb.Append($"- 公式：{d.Formula}\n");
                sb.Append($"- 说明：{d.Rationale}\n");
                sb.Append($"- 示例：{d.Example}\n");
                var overrides = registry.ProfileOverrides
                    .Where(p => p.Value.ContainsKey(d.Id))
                    .Select(p => $"{p.Key} → {p.Value[d.Id].Chinese()}").ToList();
                if (overrides.Count > 0) sb.Append($"- 地区口径调整：{string.Join("；", overrides)}\n");
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Applies(RuleDescriptor d) =>
        d.AppliesTo.Chinese() + (d.Profiles.Count > 0 ? "（仅 " + string.Join("、", d.Profiles) + "）" : "");

    private static string Cell(string s) => s.Replace("|", "\\|");
}
