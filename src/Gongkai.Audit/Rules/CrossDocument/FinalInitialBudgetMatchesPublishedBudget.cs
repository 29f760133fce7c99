using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossDocument;

/// <summary>GK801 决算 年初预算 = the same year's published 预算.</summary>
public sealed class FinalInitialBudgetMatchesPublishedBudget : CrossDocumentRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK801", "决算的年初预算数与同年公开的部门预算一致", Severity.Warning, Applicability.FinalAccount, RuleCategory.CrossDocument,
        "决算表 年初预算数（行 r）= 同年部门预算对应表 行 r 的预算数（资料库中有该预算时）",
        "决算表印出的年初预算数应当就是年初公开的部门预算；不一致说明其中一份印错，或预算公开后未说明的调整被当作年初预算。只比较决算中明确标为年初预算的列和预算中同一科目或同一固定行。",
        "F5 21011 年初预算 2133.54 = 同年预算 B5 21011 2133.54");

    public override IEnumerable<Finding> CheckAcross(CrossDocumentContext ctx)
    {
        var doc = ctx.Document;
        if (doc.Kind != DocumentKind.FinalAccount) yield break;
        if (ctx.Find(DocumentKind.Budget, doc.Year) is not { } budget) yield break;
        var seen = new HashSet<(string, string)>();
        foreach (var f in doc.Figures)
        {
            if (f.Measure != nameof(Measure.InitialBudget) || StoredDocument.BaseRow(f.RowKey) is not { } row) continue;
            if (BudgetTableOf(f.Table) is not { } bt || !seen.Add((f.Table, row))) continue;
            if (budget.Own(bt, row) is not { } b) continue;
            var c = Same(b.Value, f.Value);
            if (c.Verdict == Verdict.Match) continue;
            yield return Finding(c, $"{TableName(f.Table)} {RowName(f)}：年初预算数 {Tolerance.Format(f.Value)} 万元，{budget.Year} 年部门预算{TableName(bt)}为 {Tolerance.Format(b.Value)} 万元",
                [doc.Where(f), budget.Where(b)], TableKindOf(f.Table), "核对决算中的年初预算数是否照抄了年初公开的部门预算；如预算公开后有调整，应填调整预算列并说明。");
        }
    }

    private Finding Finding(Comparison c, string what, Provenance[] where, TableKind? table, string suggestion)
    {
        var f = Report(c.Verdict == Verdict.Rounding ? "尾差：" + what : what, where, c.Expected, c.Found, c.Verdict == Verdict.Rounding ? null : suggestion, table);
        return c.Verdict == Verdict.Rounding ? f with { Severity = Severity.Info, IsRoundingDifference = true } : f;
    }
}
