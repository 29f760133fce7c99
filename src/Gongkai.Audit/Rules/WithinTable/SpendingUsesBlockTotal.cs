using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>GK234 Jiangsu B1 支出用途 block: 基本 + 项目 + 单位预留机动经费 (+ other kinds) = 本年支出合计 (P6).</summary>
public sealed class SpendingUsesBlockTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK234", "支出用途各项之和等于本年支出合计", Severity.Error, Applicability.Budget, RuleCategory.WithinTable,
        "收支总表 支出用途块：基本支出 + 项目支出 + 单位预留机动经费（+ 其他支出类型）= 本年支出合计",
        "江苏收支预算总表在功能分类旁按支出用途再列一遍本年支出，各项之和应等于本年支出合计（结转下年另列）。",
        "7666.68 + 5853.96 + 128.43 = 13649.07");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableKind.BudgetSummary))
        {
            var totalRow = t.Rows.FirstOrDefault(r => r.Side == Side.Expenditure && r.Line == SummaryLine.TotalExpenditureThisYear);
            if (totalRow?.LineValue() is not { IsNumber: true } total) continue;
            foreach (var block in t.Rows.Where(r => r.Block >= 2).GroupBy(r => r.Block))
            {
                if (block.Any(r => r.Line == SummaryLine.EconomicLine)) continue; // XA economic blocks
                var rows = block.Where(r => r.Line == SummaryLine.None && r.Label.Trim().Length > 0 && !r.Label.Contains("结转")).ToList();
                if (rows.Count < 2 || !rows.Any(r => r.Label.Contains("基本支出"))) continue;
                var parts = rows.Select(r => r.LineValue()).ToList();
                var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()} 支出用途", $"各项之和应等于本年支出合计",
                    new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind, "核对基本支出、项目支出、单位预留机动经费与本年支出合计。");
                if (f is not null) yield return f;
            }
        }
    }
}
