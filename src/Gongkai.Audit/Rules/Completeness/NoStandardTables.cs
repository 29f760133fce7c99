using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>GK109 the document publishes none of the standard tables.</summary>
public sealed partial class NoStandardTables : Rule
{
    [System.Text.RegularExpressions.GeneratedRegex(@"财政拨款收支(?:预算|决算)?总表|收入支出(?:预算|决算)?总表|收支(?:预算|决算)?总表|收入(?:预算|决算)?(?:总)?表|(?<!财政拨款收支|收入|收支)支出(?:预算|决算)?(?:总)?表|基本支出(?:预算|决算)?表|项目支出(?:预算|决算)?表")]
    private static partial System.Text.RegularExpressions.Regex TableName();

    /// <summary>A sentence that names at least two different standard tables (without saying there are none).</summary>
    private static Sentence? NamesTables(Disclosure d) =>
        d.Sentences.FirstOrDefault(s => System.Text.RegularExpressions.Regex.Replace(s.Text, @"\s+", "") is var t
            && !t.Contains("无") && !t.Contains("没有")
            && TableName().Matches(t).Select(m => m.Value).Distinct().Count() >= 2);

    public override RuleDescriptor Descriptor { get; } = new(
        "GK109", "未公开任何标准表格", Severity.Warning, Applicability.Both, RuleCategory.Completeness,
        "文档中 B1–B9 / F1–F9 标准表格数 = 0 → 提醒核对",
        "预决算公开须附标准表格。只公开文字说明的文件，要么表格另行公开（应在文中注明“附后”“另行公开”），要么漏公开了。" +
        "文中已注明表格另行公开（附后、另行公开、附件：…报表），或按名称说明了两张以上标准表格（收支预算总表、基本支出表……按…编制，表格存在而不在本文件中）时降为提示。",
        "只有情况说明和绩效目标表，没有收支总表等九张表");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (d.Kind == DocumentKind.Unknown || d.IsBlankTemplate) yield break;
        if (d.Tables.Any(t => t.Kind.IsStandard())) yield break;
        var attached = Rules.Completeness.EmptyNotes.SeparatelyPublished(d);
        // a text that describes the standard tables by name (收支预算总表支出栏、基本支出表、项目支出表按…编制，反映…) speaks
        // of tables that exist: published apart from this text, not left out
        var named = attached is null ? NamesTables(d) : null;
        var expected = d.Kind == DocumentKind.FinalAccount ? 9 : 8;
        // tables published in a separate file are not missing: one 提示 to check the attachment
        var finding = Report(
            attached is not null
                ? $"文档中没有任何标准公开表格；文中称表格另行公开（“{attached.Text[..Math.Min(30, attached.Text.Length)]}”），请核对附件是否已公开"
                : named is not null
                    ? $"文档中没有任何标准公开表格；文中按名称说明了表格（“{named.Text[..Math.Min(30, named.Text.Length)]}”），表格应另行公开，请核对"
                    : $"文档中没有任何标准公开表格（{(d.Kind == DocumentKind.FinalAccount ? "决算公开01–09表" : "预算收支总表等八张表")}），也未说明表格另行公开",
            new[] { (attached ?? named)?.Source ?? new Provenance(d.File) }, expected, 0m,
            suggestion: "将标准表格与情况说明一并公开，或在文中注明表格的公开位置。");
        yield return attached is null && named is null ? finding : Soften(finding, Severity.Info);
    }
}
