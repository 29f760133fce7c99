using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>
/// GK227 (P6) each economic spending block beside the function block of B1/B4 (XA 部门经济 and 政府经济 blocks) adds
/// up to its 本年支出合计: the lines of its top numbering level (1、2、… under an optional 一、部门预算 heading; the highest level with two or more lines, else the single line).
/// </summary>
public sealed partial class EconomicBlocksSum : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK227", "经济分类支出块之和等于本年支出合计", Severity.Error, Applicability.Budget, RuleCategory.WithinTable,
        "总表中按部门经济分类、政府经济分类并列的支出块：本年支出合计 = Σ 该块最上一级的分项（1、2、…）",
        "西安等地的收支总表、财政拨款收支总表在功能分类之外并列部门经济分类和政府经济分类两块支出，每块都是同一笔本年支出的另一种分法，合计必须相同。",
        "部门经济：人员经费和公用经费支出 1010.51 + 专项业务经费支出 161.84 = 1172.35");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableNames.Summary))
            foreach (var block in t.Rows.Where(r => r.Side == Side.Expenditure).GroupBy(r => r.Block))
            {
                var rows = block.ToList();
                if (!rows.Any(r => r.Code?.Scheme is CodeScheme.DepartmentEconomic or CodeScheme.GovernmentEconomic)) continue;
                var total = rows.FirstOrDefault(r => r.Line == SummaryLine.TotalExpenditureThisYear)?.LineValue();
                if (total is null) continue;
                var items = rows.Where(r => (r.Line is SummaryLine.None or SummaryLine.EconomicLine or SummaryLine.ExpenditureClass) && !r.IsTotal)
                    .Select(r => (Row: r, Level: Level(r.Label))).Where(x => x.Level is not null).ToList();
                var level = items.GroupBy(x => x.Level).Where(g => g.Count() >= 2).Select(g => g.Key).Min() ?? items.Select(x => x.Level).Min();
                if (level is null) continue;
                var parts = items.Where(x => x.Level == level).Select(x => x.Row.LineValue()).ToList();
                var scheme = rows.Any(r => r.Code?.Scheme == CodeScheme.GovernmentEconomic) ? "政府经济分类" : "部门经济分类";
                var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}「本年支出合计」（{scheme}块）",
                    $"应等于该块 {parts.Count} 个分项之和", new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
                if (f is not null) yield return f;
            }
    }

    /// <summary>Numbering level of a line: 一、 = 0, 1、 = 1, (1) / （一） = 2; 其中 lines and unnumbered lines have none.</summary>
    private static int? Level(string label)
    {
        var s = label.Trim();
        if (TopLevel().IsMatch(s)) return 0;
        if (NumberLevel().IsMatch(s)) return 1;
        if (ParenLevel().IsMatch(s)) return 2;
        return null;
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.．]")]
    private static partial Regex TopLevel();

    [GeneratedRegex(@"^\d+[、.．]")]
    private static partial Regex NumberLevel();

    [GeneratedRegex(@"^[（(][\d一二三四五六七八九十]+[)）]")]
    private static partial Regex ParenLevel();
}
