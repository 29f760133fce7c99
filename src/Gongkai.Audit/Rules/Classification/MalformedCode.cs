using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK503 a code of a wrong length (a 6- or 8-digit function code, a 7-digit economic code).</summary>
public sealed class MalformedCode : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK503", "科目编码位数错误", Severity.Error, Applicability.Both, RuleCategory.Classification,
        "功能分类 3/5/7 位；经济分类 3/5 位；只含数字",
        "科目编码的位数决定级次，位数不对通常是录入时多打或漏打一位。",
        "“210110”（6 位）应为 21011 或 2101101");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Disclosure.Tables)
            foreach (var row in table.Rows)
                if (row.Code is { } code && !code.IsWellFormed)
                    yield return Report(
                        $"{table.Kind.Describe()}「{row.Label}」的编码 {code.Value} 位数为 {code.Value.Length}，" +
                        $"{(code.Scheme == CodeScheme.Function ? "功能分类应为 3、5 或 7 位" : "经济分类应为 3 或 5 位")}",
                        new[] { row.Source }, suggestion: "核对原始编码，补齐或删去多余数字。", table: table.Kind);
    }
}
