using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossDocument;

/// <summary>GK804 a large deviation of the 决算 from the 预算 needs the reason the 决算 gives.</summary>
public sealed class LargeDeviationFromBudgetIsExplained : CrossDocumentRule
{
    /// <summary>A 执行率 outside 100% ± this many percentage points is a large deviation.</summary>
    public const decimal Threshold = 10m;

    /// <summary>Deviations smaller than this many 万元 are not reported.</summary>
    public const decimal MinimumAmount = 1m;

    public override RuleDescriptor Descriptor { get; } = new(
        "GK804", "决算与预算差异较大时说明原因", Severity.Info, Applicability.FinalAccount, RuleCategory.CrossDocument,
        "|决算数 ÷ 同年部门预算数 × 100 − 100| > 10（且差额 ≥ 1 万元）的支出合计或功能分类类级科目，决算说明中应有与预算对比并写明原因的表述",
        "决算与年初预算差异较大时，决算公开应说明原因；资料库中有同年预算时按支出总表（否则一般公共预算支出表）的合计和类级科目计算执行率。说明中找不到原因时给出提示（说明的读取可能不全，故只作提示）。",
        "2024 年决算 卫生健康支出 3427.64 万元，同年预算 2958.10 万元，执行率 115.87%，说明中未见原因");

    public override IEnumerable<Finding> CheckAcross(CrossDocumentContext ctx)
    {
        var doc = ctx.Document;
        if (doc.Kind != DocumentKind.FinalAccount) yield break;
        if (ctx.Find(DocumentKind.Budget, doc.Year) is not { } budget) yield break;
        // statements that compare with a budget and give a reason, by subject
        var explained = doc.Figures.Where(f => f.Table == "Narrative" && f.Measure == "VsBudget" && f.Value > 0m).Select(f => f.Label).ToList();
        foreach (var (ft, bt) in new[] { ("FinalExpenditure", "BudgetExpenditure"), ("FinalGeneralExpenditure", "BudgetGeneralExpenditure") })
        {
            var rows = doc.Figures.Where(f => f.Table == ft && StoredDocument.BaseRow(f.RowKey) is { } r && (r == "L:Total" || r.StartsWith("Function:") && f.Code?.Length == 3))
                .Select(f => StoredDocument.BaseRow(f.RowKey)!).Distinct().ToList();
            if (rows.Count == 0 || !budget.Figures.Any(f => f.Table == bt)) continue;
            foreach (var row in rows)
            {
                if (doc.Own(ft, row) is not { } fin || budget.Own(bt, row) is not { } bud || bud.Value <= 0m) continue;
                var rate = Math.Round(fin.Value / bud.Value * 100m, 2, MidpointRounding.AwayFromZero);
                if (Math.Abs(rate - 100m) <= Threshold || Math.Abs(fin.Value - bud.Value) < MinimumAmount) continue;
                var name = row == "L:Total" ? "支出合计" : fin.Label.Trim();
                if (explained.Any(s => Mentions(s, name, row))) continue;
                yield return Report(
                    $"{TableName(ft)} {(row == "L:Total" ? "合计" : RowName(fin))}：决算 {Tolerance.Format(fin.Value)} 万元，{doc.Year} 年部门预算{TableName(bt)}为 {Tolerance.Format(bud.Value)} 万元，执行率 {Tolerance.Format(rate)}%，决算说明中未见与预算对比的原因",
                    [doc.Where(fin), budget.Where(bud)], bud.Value, fin.Value,
                    "在决算说明中写明决算数与年初预算数的差异及原因。", TableKindOf(ft));
            }
            yield break;
        }
    }

    /// <summary>Whether a narrative subject speaks of the row: the total for 支出/合计 subjects, a class by its name or code.</summary>
    private static bool Mentions(string subject, string name, string row)
    {
        var s = subject.Replace("（类）", "").Replace("(类)", "");
        if (row == "L:Total") return s.Contains("支出") || s.Contains("收支");
        var code = row["Function:".Length..];
        var core = name.Replace("支出", "");
        return s.Contains(code) || core.Length >= 2 && s.Contains(core);
    }
}
