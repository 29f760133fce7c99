using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK507 a code that does not exist in the catalog edition of the document's year.</summary>
public sealed class CodeExistsInYear : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK507", "科目编码在当年科目表中存在", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "编码 ∈ 文件年度的科目表版本；科目表不认识的编码、或只有未核实条目的编码只作提示，除非本文件另一张表把同一科目（同名，同属一款或金额相同）列在科目表中的编码下（警告）；地方细化的 7 位经济分类细目不查",
        "编码录错一位、或使用已撤销的科目，会使支出归到错误的功能或用途上；内置科目表并不完整，" +
        "对它不认识或未核实的编码只提示人工核对；但同一科目（同名，同属一款或金额相同）在本文件另一张表中印为科目表中的编码时，两表编码不一致，据此报警告。" +
        "仅在提供科目表时检查；由名称推得编码的汇总行不查。",
        "2024 年决算列 2080599（该年无此科目）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Catalog is not { } catalog) yield break;
        var year = ctx.Disclosure.Year;
        var seen = new HashSet<string>();
        foreach (var table in ctx.Disclosure.Tables)
            foreach (var row in table.Rows)
            {
                if (row.Code is not { IsWellFormed: true } code || !CodeNames.CodeIsPrinted(row) || !seen.Add(code.Scheme + code.Value)) continue;
                // an economic sub-item (3010201) is a regional refinement below the national 款: no national catalog lists it
                if (code.Level == CodeLevel.SubItem) continue;
                var known = catalog.Contains(code);
                if (known && catalog.Exists(code, year)) continue;
                // the document itself prints the same subject (name and amount) under a code the catalog knows
                if (!known && OtherCode(ctx, catalog, table, row, code) is { } other)
                {
                    yield return Report(
                        $"{table.Kind.Describe()}「{row.Name()}」：编码 {code.Value} 不在科目表中，而{other.Table.Kind.Describe()}把同一科目列为 {other.Row.Code!.Value.Value}（两表编码不一致）",
                        new[] { row.Source, other.Row.Source }, suggestion: $"核对编码，应与{other.Table.Kind.Describe()}一致。", table: table.Kind);
                    continue;
                }
                var f = Report(known
                        ? $"{table.Kind.Describe()}「{row.Name()}」：编码 {code.Value} 在 {year} 年版科目表中不存在（仅见于其他年度）"
                        : $"{table.Kind.Describe()}「{row.Name()}」：编码 {code.Value} 不在内置科目表中，请人工核对",
                    new[] { row.Source }, suggestion: "核对编码是否录错或已撤销。", table: table.Kind);
                yield return known && catalog.IsVerified(code, year) && !(code.Scheme != CodeScheme.Function && year < CatalogName.EconomicEditionYear) ? f : Soften(f, Severity.Info);
            }
    }

    /// <summary>
    /// The row of another subject-coded table that prints the same subject under another code: the same name, a code of
    /// the same scheme and level that exists in the catalog for the year, under the same parent or with a non-zero amount
    /// of the row among its own, and neither code printed in the other table (so the two tables list the subject under
    /// different codes, not two subjects that happen to share a name).
    /// </summary>
    private static (DisclosureTable Table, DataRow Row)? OtherCode(AuditContext ctx, ICodeCatalog catalog, DisclosureTable table, DataRow row, ClassificationCode code)
    {
        if (!ClassRows.NamesSubject(table.Kind, code)) return null;
        var name = CodeNames.Clean(row.Label);
        if (name.Length < 2) return null;
        var amounts = row.CurrentValues.Where(v => v.Value is { IsNumber: true, Value: not 0 }).Select(v => v.Value.Value).ToHashSet();
        var year = ctx.Disclosure.Year;
        bool Prints(DisclosureTable t, string c) => t.Rows.Any(r => r.Code is { } x && x.Scheme == code.Scheme && x.Value == c);
        foreach (var t in ctx.Disclosure.Tables)
        {
            if (ReferenceEquals(t, table) || Prints(t, code.Value)) continue;
            foreach (var r in t.Rows)
            {
                if (r.Code is not { IsWellFormed: true } c || c.Scheme != code.Scheme || c.Level != code.Level || c.Value == code.Value) continue;
                if (!ClassRows.NamesSubject(t.Kind, c) || !CodeNames.CodeIsPrinted(r) || CodeNames.Clean(r.Label) != name) continue;
                bool sameParent = c.Parent is { } cp && code.Parent is { } op && cp.Value == op.Value;
                if (!sameParent && !r.CurrentValues.Any(v => v.Value is { IsNumber: true } x && amounts.Contains(x.Value))) continue;
                if (!catalog.Contains(c) || !catalog.Exists(c, year) || Prints(table, c.Value)) continue;
                return (t, r);
            }
        }
        return null;
    }
}
