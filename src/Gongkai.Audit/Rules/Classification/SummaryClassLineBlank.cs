using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK509 a function class line of a summary table without amount while the detail table has it.</summary>
public sealed class SummaryClassLineBlank : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK509", "总表功能类金额与支出表一致（不得漏填）", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "支出表中类级金额 ≠ 0 ⇒ 总表（B1/F1）同类行有金额，且未列示的类无金额",
        "总表的支出按功能类列示，支出表有金额的类在总表中空白或缺行，说明总表漏填。",
        "F3 有 221 住房保障支出 35.09，F1 该行空白");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var final = ctx.Disclosure.Kind == DocumentKind.FinalAccount;
        var sum = ctx.FirstTable(final ? TableKind.FinalSummary : TableKind.BudgetSummary);
        var exp = ctx.FirstTable(final ? TableKind.FinalExpenditure : TableKind.BudgetExpenditure,
            final ? TableKind.FinalGeneralExpenditure : TableKind.BudgetGeneralExpenditure);
        if (sum is null || exp is null || !sum.HasGrid || !exp.HasGrid) yield break;
        var lines = sum.ClassLines().ToList();
        if (lines.Count == 0) yield break;
        foreach (var row in exp.Rows.Where(r => r.Code is { Scheme: CodeScheme.Function, Value.Length: 3 }))
        {
            var amount = row.ValueOrZero(Measure.Total);
            if (amount == 0m) continue;
            // a unit or department code (252, 301001) printed in the code column is not a function class
            if (ctx.Catalog is { } cat && !cat.Contains(row.Code!.Value)) continue;
            var line = lines.FirstOrDefault(l => l.Code?.Value == row.Code!.Value.Value);
            var printed = line?.LineValue();
            if (printed is { IsNumber: true } && printed.Value != 0m) continue;
            yield return Report($"{sum.Kind.Describe()}「{line?.Label.Trim() ?? row.Name()}」应为 {Tolerance.Format(amount)}（{exp.Kind.Describe()}），实为 " +
                                (line is null ? "未列示" : "空白/0") + $"，差额 {Tolerance.FormatSigned(-amount)}",
                new[] { line?.Source ?? sum.Source, row[Measure.Total]?.Source }, amount, 0m, "在总表中补列该类支出金额。", sum.Kind);
        }
    }
}
