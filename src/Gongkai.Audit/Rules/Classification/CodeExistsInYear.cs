using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK507 a code that does not exist in the catalog edition of the document's year.</summary>
public sealed class CodeExistsInYear : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK507", "科目编码在当年科目表中存在", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "编码 ∈ 文件年度的科目表版本；科目表不认识的编码、或只有未核实条目的编码只作提示",
        "编码录错一位、或使用已撤销的科目，会使支出归到错误的功能或用途上；内置科目表并不完整，" +
        "对它不认识或未核实的编码只提示人工核对。仅在提供科目表时检查；由名称推得编码的汇总行不查。",
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
                var known = catalog.Contains(code);
                if (known && catalog.Exists(code, year)) continue;
                var f = Report(known
                        ? $"{table.Kind.Describe()}「{row.Name()}」：编码 {code.Value} 在 {year} 年版科目表中不存在（仅见于其他年度）"
                        : $"{table.Kind.Describe()}「{row.Name()}」：编码 {code.Value} 不在内置科目表中，请人工核对",
                    new[] { row.Source }, suggestion: "核对编码是否录错或已撤销。", table: table.Kind);
                yield return known && catalog.IsVerified(code, year) && !(code.Scheme != CodeScheme.Function && year < CatalogName.EconomicEditionYear) ? f : Soften(f, Severity.Info);
            }
    }
}
