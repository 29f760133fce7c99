using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>
/// GK200: a table whose row identities (合计 = Σ 分项) were not checked because a value column could not be given a
/// meaning. One 提示 per table, naming the columns; the identities themselves skip the table (<see cref="RowColumnsIdentity"/>).
/// </summary>
public sealed class UnmappedColumns : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK200", "表格列含义未能确定", Severity.Info, Applicability.Both, RuleCategory.WithinTable,
        "有数值的列无法确定含义 → 该表不做行内合计勾稽",
        "表头无法对应到已知含义（且不是“其中”、上年结转的分项或上年对比列）的数值列可能是合计的组成部分；为避免据猜测判错，" +
        "该表不检查合计等于各分项列之和，只给出一条提示，列出未能识别的列。",
        "B3 支出总表：列「基本支出/人员类」含义未能确定，未检查合计 = Σ 分项列");

    /// <summary>The tables the row identities (GK203–GK207, GK226) read.</summary>
    public static readonly TableKind[] IdentityKinds =
    [
        .. TableNames.FunctionCoded, TableKind.BudgetGeneralBasic, TableKind.FiscalGrantExpenditure, .. TableNames.ThreePublic,
    ];

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(IdentityKinds.Distinct().ToArray()))
        {
            var cols = table.UnmappedValueColumns;
            if (cols.Count == 0) continue;
            var names = string.Join("、", cols.Select(c => $"「{c.ExtraKey}」"));
            yield return Report($"{table.Kind.Describe()}：列{names}的含义未能确定，未检查各行合计等于各分项列之和。",
                new[] { table.Source }, suggestion: "核对表头；如该列为合计的组成部分，请按标准列名填写。", table: table.Kind);
        }
    }
}
