using Gongkai.Model;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>
/// GK110 the tables of the body come in another order than the document's own 目录 lists them. Only tables whose title
/// matches a 目录 entry exactly (years, 部门 and brackets aside) are compared, so a table in other words is no evidence.
/// </summary>
public sealed class TocOrder : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK110", "表格顺序与目录一致", Severity.Warning, Applicability.Both, RuleCategory.Completeness,
        "正文中与目录条目同名的表，按出现先后其目录序号递增（至少 3 张表同名可比）",
        "目录给出各表的顺序和编号；正文顺序与目录不同，读者按目录找表会找错，也常是漏表、错编号的征兆。",
        "目录“表3 支出总表、表4 财政拨款收支总表”，正文先印财政拨款收支总表再印支出总表");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (d.TableOfContents.Count < 3) yield break;
        var keys = d.TableOfContents.Select(e => EmptyNotes.TitleKey(e.Title)).ToList();
        // a key listed twice in the 目录 cannot place a table
        var unique = keys.Where(k => k.Length > 0).GroupBy(k => k).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        var seq = new List<(int Index, DisclosureTable Table)>();
        foreach (var t in d.Tables)
        {
            var k = EmptyNotes.TitleKey(t.Title);
            if (!unique.Contains(k)) continue;
            var i = keys.IndexOf(k);
            if (seq.Count > 0 && seq[^1].Index == i) continue; // a continuation of the same table
            seq.Add((i, t));
        }
        if (seq.Select(s => s.Index).Distinct().Count() < 3) yield break;
        var latest = seq[0];
        foreach (var s in seq.Skip(1))
        {
            if (s.Index > latest.Index) { latest = s; continue; }
            yield return Report($"「{d.TableOfContents[s.Index].Title}」在目录中排在「{d.TableOfContents[latest.Index].Title}」之前，正文中却在其后",
                new[] { s.Table.Source, latest.Table.Source }, suggestion: "按目录顺序排列各表，或更正目录。", table: s.Table.Kind);
            yield break; // one finding per document: one move puts the order right or wrong for every table after it
        }
    }
}
