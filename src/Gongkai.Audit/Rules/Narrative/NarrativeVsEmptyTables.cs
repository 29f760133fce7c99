using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>Topics whose absence the narrative states ("无政府性基金收支") and the tables that carry them.</summary>
internal static class Topics
{
    public static readonly (string Word, TableKind[] Kinds)[] All =
    {
        ("政府性基金", new[] { TableKind.BudgetGovFund, TableKind.FinalGovFund }),
        ("国有资本经营", new[] { TableKind.BudgetStateCapital, TableKind.FinalStateCapital }),
        ("政府采购", new[] { TableKind.Procurement }),
    };
}

/// <summary>GK419 the narrative says there is no X but the table has figures.</summary>
public sealed partial class NarrativeNoneButTable : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK419", "叙述称“无”而表格有数", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "情况说明写“无/没有 政府性基金（国有资本经营、政府采购）收支”⇒ 相应表格无非零数据",
        "文字与表格对同一资金有无的说法相反，至少一处错误。",
        "说明写“本部门无政府性基金收支”，政府性基金表合计 50.00");

    /// <summary>A non-zero figure outside a column-number row (栏次 / ** 1 2 3 …, read as data by some layouts).</summary>
    private static bool HasData(DisclosureTable t) =>
        t.Rows.Any(r => !SubjectResolver.IsColumnNumberRow(r) && r.Values.Values.Any(v => v.IsNumber && v.Value != 0m));

    [GeneratedRegex("(?<!是否|有无)(无|没有|未安排|不涉及)")]
    private static partial Regex Negation();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        foreach (var (word, kinds) in Topics.All)
        {
            var table = d.Tables.FirstOrDefault(t => kinds.Contains(t.Kind) && t.HasGrid && !t.IsEmpty && HasData(t));
            if (table is null) continue;
            foreach (var s in d.Sentences)
            {
                var i = s.Text.IndexOf(word, StringComparison.Ordinal);
                if (i < 0 || s.Text.Contains("上年") || s.Text.Contains("结转")) continue;
                var m = Negation().Match(s.Text, Math.Max(0, i - 6));
                if (!m.Success || m.Index > i + word.Length + 4) continue;
                var total = table.TotalRow?[Measure.Total] ?? table.Rows.SelectMany(r => r.Values.Values).FirstOrDefault(v => v.IsNumber && v.Value != 0m);
                yield return Report($"情况说明「{s.Text.Trim()[..Math.Min(40, s.Text.Trim().Length)]}」称无{word}资金，但{table.Kind.Describe()}有数据（{total}）",
                    new[] { s.Source, total?.Source ?? table.Source }, 0m, total?.Value, "核对说明与表格。", table.Kind);
                break;
            }
        }
    }
}

/// <summary>GK420 the narrative states an amount but the table is empty or only a title.</summary>
public sealed class NarrativeAmountButTableEmpty : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK420", "叙述有金额而表格为空", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "情况说明所述政府性基金（国有资本经营、政府采购）金额 > 0 ⇒ 相应表格有数据",
        "文字说有这笔资金，表格却是空表或只有标题，表格漏填或文字有误。",
        "说明写政府采购预算共 92 万元，政府采购表只有标题");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        foreach (var (word, kinds) in Topics.All)
        {
            var tables = d.Tables.Where(t => kinds.Contains(t.Kind)).ToList();
            if (tables.Count == 0 || tables.Any(t => t.HasGrid && !t.IsEmpty)) continue;
            var c = DepartmentClaims(ctx).FirstOrDefault(c => c.Kind is ClaimKind.Amount or ClaimKind.Breakdown && c.Amount > 0m
                && c.Subject.Contains(word) && !c.Sentence.Contains("上年") && !c.Sentence.Contains("结转"));
            if (c is null) continue;
            var t = tables[0];
            yield return Report($"情况说明{Quote(c)}称「{c.Subject}」{Tolerance.Format(c.Amount!.Value)} 万元，但{t.Kind.Describe()}" +
                                (t.HasGrid ? "无数据" : "只有标题") + $"（应为 {Tolerance.Format(c.Amount!.Value)}，实为 0）",
                new[] { c.Source, t.Source }, c.Amount, 0m, "补全表格数据，或更正说明。", t.Kind);
        }
    }
}
