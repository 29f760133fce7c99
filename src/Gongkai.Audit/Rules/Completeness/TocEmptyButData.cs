using Gongkai.Audit.Rules.Completeness;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>GK107 the 目录 marks a table empty but the table has figures.</summary>
public sealed class TocEmptyButData : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK107", "目录标为空表但表内有数据", Severity.Error, Applicability.Both, RuleCategory.Completeness,
        "目录“是否空表”= 是 ⇒ 表内无非零数据",
        "目录的空表标记与表格内容矛盾，至少有一处是错的。",
        "目录标“表9 政府性基金收支表 是 不涉及”，表内合计 50.00");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Disclosure.Tables)
            if (t.HasGrid && !t.IsEmpty && EmptyNotes.TocEntry(ctx.Disclosure, t) is { Empty: true } e)
                yield return Report($"目录将「{e.Title}」标为空表，但{t.Kind.Describe()}有非零数据", new[] { t.Source },
                    suggestion: "更正目录的空表标记，或核对表内数据。", table: t.Kind);
    }
}
