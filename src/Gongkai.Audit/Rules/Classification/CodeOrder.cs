using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK504 rows not in code order within a coded table.</summary>
public sealed class CodeOrder : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK504", "科目按编码顺序排列", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "同一表内科目行按编码升序排列，上级行在下级行之前（按单位分组的表在每个单位行后重新起排；同一编码列示多行的项目清单不查）",
        "功能分类表通常按编码顺序列示，上级在前；顺序错乱往往意味着漏行、串行或跨页拼接错误。",
        "2101102 出现在 2101101 之前");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableNames.FunctionCoded))
        {
            // a table grouped by unit (预算单位) restarts its codes under every unit row: an uncoded row with amounts
            // between coded rows starts a new sequence
            var rows = new List<DataRow>();
            var group = new Dictionary<DataRow, int>(ReferenceEqualityComparer.Instance);
            int g = 0;
            foreach (var r in table.Rows)
            {
                if (r.IsTotal)
                {
                    g++;
                    continue;
                }
                if (r.Code is null)
                {
                    if (r.Values.Values.Any(v => v.IsNumber) || r.Extras.Values.Any(v => v.IsNumber)) g++;
                    continue;
                }
                if (r.Code.Value.Scheme != CodeScheme.Function || !r.Code.Value.IsWellFormed) continue;
                rows.Add(r);
                group[r] = g;
            }
            // a code printed on several rows of one group is an attribute of listed items (projects with their
            // function code), not the row's subject: such lists are ordered by item, not by code
            if (rows.GroupBy(r => (group[r], r.Code!.Value.Value)).Any(x => x.Count() > 1)) continue;
            for (int i = 1; i < rows.Count; i++)
            {
                if (group[rows[i]] != group[rows[i - 1]]) continue;
                var prev = rows[i - 1].Code!.Value.Value;
                var cur = rows[i].Code!.Value.Value;
                // a table listed unit by unit starts its codes again in each unit
                if (string.CompareOrdinal(cur, prev) >= 0 || rows[i].Section != rows[i - 1].Section) continue;
                yield return Report($"{table.Kind.Describe()}「{rows[i].Name()}」排在「{rows[i - 1].Name()}」之后，编码顺序颠倒",
                    new[] { rows[i].Source, rows[i - 1].Source }, suggestion: "按科目编码升序调整行序，并检查是否有串行。", table: table.Kind);
            }
        }
    }
}
