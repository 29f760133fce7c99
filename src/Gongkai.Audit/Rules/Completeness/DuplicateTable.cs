using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>GK105 the same standard table recognized twice.</summary>
public sealed class DuplicateTable : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK105", "标准表格重复出现", Severity.Warning, Applicability.Both, RuleCategory.Completeness,
        "每张标准表只出现一次",
        "同一张表出现两次，可能是误将他表标题套用，或跨页续表未合并。",
        "文件中出现两张“支出决算表”")
    { RunsOnTemplates = true };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var g in ctx.Disclosure.Tables.Where(t => t.Kind.ShortId().Length == 2).GroupBy(t => t.Kind).Where(g => g.Count() > 1))
            yield return Report($"{g.Key.Describe()}应只出现 1 次，实际出现 {g.Count()} 次",
                g.Select(t => (Provenance?)t.Source), 1, g.Count(), "核对表格标题，合并续表或更正误用的标题。", g.Key);
    }
}
