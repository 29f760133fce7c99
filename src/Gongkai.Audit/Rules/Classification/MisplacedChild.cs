using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK501 a row counted in the subtotal of a parent whose code it does not start with (2109999 under 21015).</summary>
public sealed class MisplacedChild : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK501", "下级科目归错上级", Severity.Error, Applicability.Both, RuleCategory.Classification,
        "下级编码必须以上级编码开头；被计入他人小计时：上级打印数 − Σ 本级下级 = 该行金额",
        "项级编码的前五位就是其款级编码。若某项（如 2109999）列在另一款（如 21015）之下并被计入该款小计，" +
        "且表中没有它自己的款级行，则该款小计多出恰好这一项的金额，属科目归类错误。",
        "21015 小计 706.09 中含 2109999 的 12.00，应单列 21099 款");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableNames.FunctionCoded.Concat(TableNames.Economic).ToArray()))
        {
            var scheme = TableNames.Economic.Contains(table.Kind) ? CodeScheme.DepartmentEconomic : CodeScheme.Function;
            var h = new CodeHierarchy(table, scheme);
            foreach (var (row, host) in h.Misplaced)
            {
                var key = CodeHierarchy.MainKey(host);
                var own = h.Children[host];
                var hostFig = host[key]!;
                var expected = own.Sum(c => c.ValueOrZero(key));
                var found = hostFig.Value;
                var rightParent = row.Code!.Value.Parent!.Value.Value;
                yield return Report(
                    $"{table.Kind.Describe()}「{row.Name()}」列在「{host.Name()}」之下，但编码不以 {host.Code!.Value.Value} 开头；" +
                    $"「{host.Name()}」{key.ColumnName()}按其下级应为 {Tolerance.Format(expected)}，实为 {Tolerance.Format(found)}，" +
                    $"差额 {Tolerance.FormatSigned(found - expected)}，恰为「{row.Name()}」的金额 {Tolerance.Format(row.ValueOrZero(key))}",
                    new[] { row.Source, row[key]?.Source, hostFig.Source }, expected, found,
                    $"将 {row.Code!.Value.Value} 列在其所属的 {rightParent} 款下（补列该款级行），并从 {host.Code!.Value.Value} 小计中扣除。",
                    table.Kind);
            }
        }
    }
}
