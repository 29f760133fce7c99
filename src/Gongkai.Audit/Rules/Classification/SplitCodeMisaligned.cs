using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>
/// GK512 a code printed over split 类 | 款 | 项 cells out of line (a 项 with its 款 cell blank: 201 |  | 01). The reader
/// cannot tell which 款 the row belongs to, so the row is left without a code and the table's level sums (GK201, GK202)
/// are not run; one finding per table names the rows.
/// </summary>
public sealed class SplitCodeMisaligned : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK512", "分列的类、款、项编码对齐", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "编码分列为类 | 款 | 项时，印有类和项的行款不为空（201 |  | 01 → 错位）；错位行不归类，本表不做分级求和",
        "编码分三栏印刷时，项级行须印出所属的款；款栏空着而印了项，读者无法判断该行属于哪个款，分级合计也无从核对，多半是排版串栏或漏填。",
        "类 201 | 款（空）| 项 01 行政运行");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Disclosure.Tables.Where(t => t.MisalignedCodes.Count > 0))
        {
            var rows = t.MisalignedCodes;
            var named = string.Join("；", rows.Take(5).Select(m => $"「{m.Printed}」{m.Name}"));
            yield return Report($"{t.Kind.Describe()}有 {rows.Count} 行编码分列错位（款栏为空而印有项）：{named}{(rows.Count > 5 ? " 等" : "")}；这些行未归入科目，本表未做类、款、项分级求和",
                rows.Select(m => m.Source), suggestion: "按类、款、项三栏补齐款级编码，或核对是否串栏。", table: t.Kind);
        }
    }
}
