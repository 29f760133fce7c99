using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossDocument;

/// <summary>GK802 next year's 上年数 = this year's figure.</summary>
public sealed class PriorYearColumnMatchesLastYearsDocument : CrossDocumentRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK802", "上年数与上年公开的文档一致", Severity.Warning, Applicability.Both, RuleCategory.CrossDocument,
        "本年文档表中 上年数（行 r）= 上年同类文档（预算对预算、决算对决算）同一表 行 r 的本年数（资料库中有上年文档时）",
        "表中对比列印出的上年数应当就是上年公开的数字；不一致说明其中一份印错，或上年数字被调整而未说明。只比较同一科目或同一固定行。",
        "2025 年预算 B3 210 上年数 3191.86 = 2024 年预算 B3 210 3191.86");

    public override IEnumerable<Finding> CheckAcross(CrossDocumentContext ctx)
    {
        var doc = ctx.Document;
        if (ctx.Find(doc.Kind, doc.Year - 1) is not { } last) yield break;
        var seen = new HashSet<(string, string)>();
        foreach (var f in doc.Figures)
        {
            if (f.Measure != nameof(Measure.PriorYear) || f.Table == "Narrative" || StoredDocument.BaseRow(f.RowKey) is not { } row) continue;
            if (!seen.Add((f.Table, row)) || last.Own(f.Table, row) is not { } l) continue;
            var c = Same(l.Value, f.Value);
            if (c.Verdict == Verdict.Match) continue;
            var what = $"{TableName(f.Table)} {RowName(f)}：上年数 {Tolerance.Format(f.Value)} 万元，{last.Year} 年{last.KindName}同一表为 {Tolerance.Format(l.Value)} 万元";
            var finding = Report(c.Verdict == Verdict.Rounding ? "尾差：" + what : what, [doc.Where(f), last.Where(l)], c.Expected, c.Found,
                c.Verdict == Verdict.Rounding ? null : "核对上年数是否取自上年公开的文档；上年数字如有调整应加注说明。", TableKindOf(f.Table));
            yield return c.Verdict == Verdict.Rounding ? finding with { Severity = Severity.Info, IsRoundingDifference = true } : finding;
        }
    }
}
