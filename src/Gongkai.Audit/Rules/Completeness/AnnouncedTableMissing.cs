using Gongkai.Audit.Rules.Completeness;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>GK106 a table announced in the document's own 目录 is missing or printed as a title only.</summary>
public sealed class AnnouncedTableMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK106", "目录所列表格缺失或只有标题", Severity.Error, Applicability.Both, RuleCategory.Completeness,
        "目录中未标为空表的每张表 ⇒ 正文有同名表且有表体",
        "文件自己的目录列出的表必须公开；只印标题没有表体，读者无从核对。目录标为空表并说明理由的除外。",
        "目录列“表2 收入总表”，正文只有标题和“单位：万元”")
    { RunsOnTemplates = true };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        foreach (var t in d.Tables.Where(t => !t.HasGrid && EmptyNotes.IsMoneyTable(t.Kind)))
        {
            var toc = EmptyNotes.TocEntry(d, t);
            if (toc is { Empty: true }) continue;
            yield return Report($"{t.Kind.Describe()}「{t.Title}」只有标题，没有表体（应公开表格数据，实际缺失）" +
                                (toc is null ? "" : "；目录未标为空表"), new[] { t.Source },
                suggestion: "补充表格数据；确无数据时以空表公开并在目录和表下注明理由。", table: t.Kind);
        }
        foreach (var e in d.TableOfContents)
        {
            if (e.Empty == true) continue;
            var key = EmptyNotes.TitleKey(e.Title);
            if (key.Length == 0) continue;
            if (d.Tables.Any(t => EmptyNotes.TocEntry(d, t) is { } te && te.Title == e.Title)) continue;
            // 绩效 tables are read into PerformanceTargets / SelfEvaluations, not into Tables
            if (e.Title.Contains("绩效") && (d.PerformanceTargets.Count > 0 || d.SelfEvaluations.Count > 0)) continue;
            yield return Report($"目录所列「{e.Title}」在正文中未找到（应公开，实际缺失）", new[] { new Provenance(d.File) },
                suggestion: "补充该表，或更正目录。");
        }
    }
}
