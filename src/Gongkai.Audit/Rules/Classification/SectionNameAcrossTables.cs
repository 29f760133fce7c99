using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK511 the 款 row above a 项 is named differently in two tables.</summary>
public sealed class SectionNameAcrossTables : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK511", "同一款级科目在各表中名称一致", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "对每个列有项级明细的款：各表中该款行的名称（去序号后）相同",
        "同一款在收入表、支出表、一般公共预算支出表中名称不同，说明某张表套用了旧版科目或编码串行；截断不算不同。",
        "B2 写 21305 扶贫，B5 写 21305 巩固脱贫衔接乡村振兴");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var names = new Dictionary<string, List<(string Name, DataRow Row, TableKind Table)>>();
        foreach (var t in ctx.Tables(TableNames.FunctionCoded))
            foreach (var r in t.Rows.Where(r => r.Code is { Scheme: CodeScheme.Function, Value.Length: 5 }))
            {
                var code = r.Code!.Value.Value;
                if (!t.Rows.Any(x => x.Code is { Value.Length: 7 } c && c.Value.StartsWith(code, StringComparison.Ordinal))) continue;
                var n = CodeNames.Clean(r.Label);
                if (n.Length == 0) continue;
                if (!names.TryGetValue(code, out var list)) names[code] = list = new();
                list.Add((n, r, t.Kind));
            }
        foreach (var (code, list) in names)
        {
            var distinct = list.Select(x => x.Name).Distinct().ToList();
            var full = distinct.Where(n => !distinct.Any(o => CodeNames.IsTruncationOf(n, o))).ToList();
            if (full.Count < 2) continue;
            var firsts = full.Select(n => list.First(x => x.Name == n)).ToList();
            yield return Report($"款 {code} 在各表中名称应一致，实有 {full.Count} 个：" + string.Join("；", firsts.Select(x => $"{x.Table.Describe()}「{x.Row.Label.Trim()}」")),
                firsts.Select(x => (Provenance?)x.Row.Source), 1, full.Count, "统一为当年科目表中的款名称。", firsts[0].Table);
        }
    }
}
