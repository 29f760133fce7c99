using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK502 a 项 without its 款 row, or a 款 without its 类 row.</summary>
public sealed class MissingParentRow : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK502", "缺少上级科目行", Severity.Error, Applicability.Both, RuleCategory.Classification,
        "每个项级行之前应有其款级行，每个款级行之前应有其类级行（只列一个级次的表、上级行印有名称而编码未读出的除外）",
        "功能分类表逐级列示类、款、项；缺少上级行会使上级小计无从核对，也常是漏行或编码错误的迹象。",
        "列出 2080505 而没有 20805 行");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableNames.FunctionCoded.Concat(TableNames.Economic).ToArray()))
        {
            var scheme = TableNames.Economic.Contains(table.Kind) ? CodeScheme.DepartmentEconomic : CodeScheme.Function;
            var h = new CodeHierarchy(table, scheme);
            foreach (var row in h.Orphans)
            {
                var parent = row.Code!.Value.Parent!.Value.Value;
                // a table whose codes are all of one level is laid out flat (only 项, or a project list with a code
                // column): a layout, not a missing row
                if (h.Rows.All(r => r.Code!.Value.Value.Length == row.Code!.Value.Value.Length)) continue;
                if (ParentPrintedWithoutCode(ctx, table, h, row, parent, scheme)) continue;
                yield return Report($"{table.Kind.Describe()}「{row.Name()}」的上级科目 {parent} 未列示（应有 {parent} 行，实际缺失）",
                    new[] { row.Source }, suggestion: $"补列 {parent} 科目行及其小计，或核对 {row.Code!.Value.Value} 的编码。", table: table.Kind);
            }
        }
    }

    /// <summary>
    /// The parent row is printed but its code was not read (a 款 printed as its last two digits, <c>03 职业教育</c>): an
    /// uncoded row between the nearest coded row above and the orphan whose name is the parent's catalog name, or whose
    /// amount equals the orphans under it.
    /// </summary>
    private static bool ParentPrintedWithoutCode(AuditContext ctx, DisclosureTable table, CodeHierarchy h, DataRow orphan, string parent, CodeScheme scheme)
    {
        int at = table.Rows.IndexOf(orphan);
        for (int i = at - 1; i >= 0; i--)
        {
            var r = table.Rows[i];
            if (r.IsTotal) return false;
            if (r.Code is { } c)
            {
                if (c.Value.StartsWith(parent, StringComparison.Ordinal) && c.Value.Length > parent.Length) continue; // a sibling orphan
                return false;
            }
            var name = CodeNames.Clean(r.Label);
            if (name.Length == 0) continue;
            if (ctx.Catalog?.Compare(new ClassificationCode(parent, scheme), name, ctx.Disclosure.Year) is { IsAcceptable: true }) return true;
            var key = CodeHierarchy.MainKey(orphan);
            var under = h.Orphans.Where(o => o.Code!.Value.Value.StartsWith(parent, StringComparison.Ordinal)).Sum(o => o.ValueOrZero(key));
            return r[key] is { IsNumber: true } f && f.Value != 0m && Math.Abs(f.Value - under) <= Rounding.SumEnvelope(2);
        }
        return false;
    }
}
