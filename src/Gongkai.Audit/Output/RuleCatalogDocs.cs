using System.Text;

namespace Gongkai.Audit;

/// <summary>
/// Generates <c>docs/rules.md</c> from the rule descriptors: a table of contents, then one section per family
/// (anchor: the family's slug) with a summary table and one entry per rule (anchor: the lower-case rule id).
/// </summary>
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
        sb.Append($"共 {descriptors.Count} 条规则，按类别分节；每条规则的锚点是其编号的小写（如 `rules.md#gk201`），")
          .Append("每个类别的锚点是其英文名（如 `rules.md#within-table`）。\n\n");
        var groups = descriptors.GroupBy(d => d.Category).OrderBy(g => g.Key).ToList();
        sb.Append("## 目录\n\n");
        foreach (var group in groups)
            sb.Append($"- [{group.Key.Chinese()}（{group.Key.Slug()}）](#{group.Key.Slug()})，{group.Count()} 条：")
              .Append(string.Join(" ", group.Select(d => $"[{d.Id}](#{d.Id.ToLowerInvariant()})"))).Append('\n');
        sb.Append('\n');
        foreach (var group in groups)
        {
            sb.Append($"<a id=\"{group.Key.Slug()}\"></a>\n\n");
            sb.Append($"## {group.Key.Chinese()}（{group.Key.Slug()}）\n\n");
            sb.Append($"源代码：`src/Gongkai.Audit/Rules/{group.Key}/`（文件以所查内容命名：一条规则一个文件，或共用一套机制的几条规则一个文件）。\n\n");
            sb.Append("| ID | 标题 | 严重程度 | 适用 |\n|---|---|---|---|\n");
            foreach (var d in group)
                sb.Append($"| [{d.Id}](#{d.Id.ToLowerInvariant()}) | {Cell(d.Title)} | {d.Severity.Chinese()} | {Applies(d)} |\n");
            sb.Append('\n');
            foreach (var d in group)
            {
                sb.Append($"<a id=\"{d.Id.ToLowerInvariant()}\"></a>\n\n");
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
