using Gongkai.Audit.Rules.Completeness;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>GK108 the 目录 marks a table empty without a reason.</summary>
public sealed class TocEmptyWithoutReason : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK108", "目录标为空表但未说明理由", Severity.Warning, Applicability.Both, RuleCategory.Completeness,
        "目录“是否空表”= 是 ⇒ “公开空表理由”不为空",
        "空表须说明理由（如“不涉及”），否则读者无法判断是无此业务还是漏填。",
        "目录标“表11 是”，理由栏空白");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var e in ctx.Disclosure.TableOfContents)
            if (e.Empty == true && string.IsNullOrWhiteSpace(e.Reason))
                yield return Report($"目录将「{e.Title}」标为空表，但未填写理由", new[] { new Provenance(ctx.Disclosure.File) },
                    suggestion: "在“公开空表理由”栏填写理由。");
    }
}
