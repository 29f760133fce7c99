using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>
/// GK240: a table whose value columns could not all be mapped to a meaning. The row arithmetic of that table
/// (GK203–GK207, GK226) is not run on a guess; this one 提示 names the table and the columns left unread.
/// </summary>
public sealed class UnmappedColumns : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK240", "表格列含义未能确认", Severity.Info, Applicability.Both, RuleCategory.WithinTable,
        "有数的列均能确定含义，否则不做该表逐行的列间勾稽",
        "列名无法对应到标准含义（或两列被读成同一含义）时，不按猜测的含义做“合计 = 各分项之和”一类的核对，只提示未能识别的列，请人工核对。",
        "支出总表中“基本支出/其他”列含义不明：未做逐行合计核对");

    private static readonly TableKind[] Kinds =
    [
        .. TableNames.FunctionCodedSums, .. TableNames.Economic, .. TableNames.ThreePublic, TableKind.BudgetGeneralByEconomic,
    ];

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(Kinds.Distinct().ToArray()).Where(t => !t.ColumnsMapped))
        {
            var names = t.UnmappedColumns.Take(4).Select(h => $"“{h}”").ToList();
            var more = t.UnmappedColumns.Count > 4 ? $"等 {t.UnmappedColumns.Count} 列" : "";
            yield return Report(
                $"{t.Kind.Describe()}的 {string.Join("、", names)}{more}未能确定含义，未对该表做逐行的列间勾稽（合计 = 各分项之和）",
                [t.Source], suggestion: "人工核对这些列与合计列的关系；如为本地区的新列名，请反馈以便识别。", table: t.Kind);
        }
    }
}
