using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossDocument;

/// <summary>
/// A figure of a stored document as the cross-document rules see it (one row of the store's fact table):
/// table kind (or "Narrative" / "Topic"), row key (Function:2100101, L:Income:…, N:subject#scope), column meaning,
/// value in 万元 (a percentage for the narrative's ChangePercent), and where it was printed.
/// </summary>
public sealed record StoredFigure(string Table, string RowKey, string? Code, string Label, string Measure, decimal Value, int? Page = null, int? Line = null);

/// <summary>One stored document: its kind, year, display name and figures.</summary>
public sealed class StoredDocument
{
    public required DocumentKind Kind { get; init; }
    public required int Year { get; init; }
    /// <summary>The name shown in locations (the uploaded file's name).</summary>
    public required string File { get; init; }
    public required IReadOnlyList<StoredFigure> Figures { get; init; }

    public string KindName => Kind == DocumentKind.FinalAccount ? "决算" : "预算";

    public Provenance Where(StoredFigure f) => new(File, f.Line, f.Page, Text: f.Label);

    /// <summary>The row key without a block suffix (#b1); null for a row of one unit (@code), which is not the department's figure.</summary>
    public static string? BaseRow(string rowKey)
    {
        if (rowKey.Contains('@')) return null;
        int hash = rowKey.IndexOf('#');
        return hash < 0 ? rowKey : rowKey[..hash];
    }

    /// <summary>The document's own figure of a table row: its single amount / total column (a 决算's 决算数).</summary>
    public StoredFigure? Own(string table, string baseRow)
    {
        string[] columns = Kind == DocumentKind.FinalAccount ? ["Actual", "Amount", "Total"] : ["Amount", "Total"];
        foreach (var c in columns)
            foreach (var f in Figures)
                if (f.Table == table && f.Measure == c && BaseRow(f.RowKey) == baseRow) return f;
        return null;
    }
}

/// <summary>What a cross-document rule gets: the document checked and the same department's other stored documents.</summary>
public sealed class CrossDocumentContext
{
    public required StoredDocument Document { get; init; }
    /// <summary>The same department's other documents (latest version of each year and kind).</summary>
    public IReadOnlyList<StoredDocument> Others { get; init; } = [];

    public StoredDocument? Find(DocumentKind kind, int year) => Others.FirstOrDefault(d => d.Kind == kind && d.Year == year);
}

/// <summary>
/// A rule that compares a document with the same department's other documents in the store. It does not run in a
/// single-document <c>check</c> (there is nothing to compare with); the store runs it whenever a document of the
/// department is added, for that document and the documents it relates to.
/// </summary>
public abstract class CrossDocumentRule : Rule
{
    public sealed override IEnumerable<Finding> Check(AuditContext ctx) => [];

    public abstract IEnumerable<Finding> CheckAcross(CrossDocumentContext ctx);

    /// <summary>Decimals a stored value shows (trailing zeros are not kept by every database): 7163.37 → 2, 818 → 0.</summary>
    public static int ScaleOf(decimal v)
    {
        var n = v / 1.0000000000000000000000000000m;
        return (decimal.GetBits(n)[3] >> 16) & 0xFF;
    }

    /// <summary>Two prints of one quantity (two documents' tables, or a narrative and a table) under the 尾差 policy.</summary>
    protected static Comparison Same(decimal expected, decimal found) =>
        Tolerance.Printed(expected, Math.Min(2, ScaleOf(expected)), found, Math.Min(2, ScaleOf(found)));

    /// <summary>The 决算 table whose figures the same year's 预算 table publishes.</summary>
    public static string? BudgetTableOf(string finalTable) => finalTable switch
    {
        nameof(TableKind.FinalSummary) => nameof(TableKind.BudgetSummary),
        nameof(TableKind.FinalRevenue) => nameof(TableKind.BudgetRevenue),
        nameof(TableKind.FinalExpenditure) => nameof(TableKind.BudgetExpenditure),
        nameof(TableKind.FinalFiscalSummary) => nameof(TableKind.BudgetFiscalSummary),
        nameof(TableKind.FinalGeneralExpenditure) => nameof(TableKind.BudgetGeneralExpenditure),
        nameof(TableKind.FinalGeneralBasic) => nameof(TableKind.BudgetGeneralBasic),
        nameof(TableKind.FinalGovFund) => nameof(TableKind.BudgetGovFund),
        nameof(TableKind.FinalStateCapital) => nameof(TableKind.BudgetStateCapital),
        _ => null,
    };

    protected static string TableName(string table) =>
        table == "Narrative" ? "情况说明" : Enum.TryParse<TableKind>(table, out var k) ? k.Describe() : table;

    protected static TableKind? TableKindOf(string table) => Enum.TryParse<TableKind>(table, out var k) ? k : null;

    protected static string RowName(StoredFigure f) => f.Code is { } c ? $"{c} {f.Label}" : f.Label;
}

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

/// <summary>GK803 the narrative's 上年 figure and change agree with last year's document.</summary>
public sealed class NarrativeChangeMatchesLastYearsDocument : CrossDocumentRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK803", "情况说明的上年数和增减与上年文档一致", Severity.Warning, Applicability.Both, RuleCategory.CrossDocument,
        "说明中“比上年增减 Δ”= 本年数 − 上年同类文档说明中同一事项的数；写出的上年数 = 上年文档的数；只给百分比时 Δ% = Δ ÷ 上年数 × 100",
        "比上年增减是读者最常引用的数字，本年文档自己无法核对它；上年文档在资料库中时，用上年文档中同一事项（同一说法、同一资金范围）的金额核对。只比较两年说明中说法完全相同的事项。",
        "2025 年“三公”经费 4.80 万元，比 2024 年减少 0.30 万元：2024 年文档为 5.10 万元，4.80 − 5.10 = −0.30");

    public override IEnumerable<Finding> CheckAcross(CrossDocumentContext ctx)
    {
        var doc = ctx.Document;
        if (ctx.Find(doc.Kind, doc.Year - 1) is not { } last) yield break;
        foreach (var g in doc.Figures.Where(f => f.Table == "Narrative").GroupBy(f => f.RowKey))
        {
            var amount = g.FirstOrDefault(f => f.Measure == "Amount");
            var prior = last.Figures.FirstOrDefault(f => f.Table == "Narrative" && f.RowKey == g.Key && f.Measure == "Amount");
            if (amount is null || prior is null) continue;
            var subject = amount.Label;
            if (g.FirstOrDefault(f => f.Measure == "PriorYear") is { } stated)
            {
                var c = Same(prior.Value, stated.Value);
                if (c.Verdict != Verdict.Match)
                    yield return Judge(c, $"情况说明“{subject}”：写明上年为 {Tolerance.Format(stated.Value)} 万元，{last.Year} 年{last.KindName}说明为 {Tolerance.Format(prior.Value)} 万元",
                        [doc.Where(stated), last.Where(prior)]);
            }
            if (g.FirstOrDefault(f => f.Measure == "Change") is { } change)
            {
                var exact = amount.Value - prior.Value;
                var c = Tolerance.Printed(exact, Math.Min(2, Math.Max(ScaleOf(amount.Value), ScaleOf(prior.Value))), change.Value, Math.Min(2, ScaleOf(change.Value)));
                if (c.Verdict != Verdict.Match)
                    yield return Judge(c, $"情况说明“{subject}”{Tolerance.Format(amount.Value)} 万元，比上年增减 {Tolerance.FormatSigned(change.Value)} 万元；{last.Year} 年{last.KindName}说明为 {Tolerance.Format(prior.Value)} 万元，增减应为 {Tolerance.FormatSigned(exact)} 万元",
                        [doc.Where(change), last.Where(prior)]);
            }
            else if (g.FirstOrDefault(f => f.Measure == "ChangePercent") is { } pct && prior.Value != 0m)
            {
                // compared as magnitudes, the direction separately (增长 for a fall is wrong whatever the size)
                var part = amount.Value - prior.Value;
                var m = Tolerance.Percent(Math.Abs(pct.Value), Math.Abs(part), Math.Abs(prior.Value), Math.Min(2, ScaleOf(amount.Value)), Math.Min(2, ScaleOf(pct.Value)));
                int sign = part < 0m ? -1 : 1;
                bool wrongWay = pct.Value != 0m && part != 0m && Math.Sign(pct.Value) != Math.Sign(part);
                var c = new Comparison(sign * m.Expected, pct.Value, m.Envelope, wrongWay ? Verdict.Mismatch : m.Verdict);
                if (c.Verdict != Verdict.Match)
                    yield return Judge(c, $"情况说明“{subject}”{Tolerance.Format(amount.Value)} 万元，比上年增减 {Tolerance.FormatSigned(pct.Value)}%；{last.Year} 年{last.KindName}说明为 {Tolerance.Format(prior.Value)} 万元，应为 {Tolerance.FormatSigned(c.Expected)}%",
                        [doc.Where(pct), last.Where(prior)]);
            }
        }
    }

    private Finding Judge(Comparison c, string what, Provenance[] where)
    {
        var f = Report(c.Verdict == Verdict.Rounding ? "尾差：" + what : what, where, c.Expected, c.Found,
            c.Verdict == Verdict.Rounding ? null : "核对说明中的上年数和增减额，使之与上年公开的文档一致；上年数字如有调整应说明。");
        return c.Verdict == Verdict.Rounding ? f with { Severity = Severity.Info, IsRoundingDifference = true } : f;
    }
}

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
