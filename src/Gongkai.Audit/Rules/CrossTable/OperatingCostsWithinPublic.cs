using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK310 机关运行经费 ≤ F6/B6 公用经费合计 (Q30, P29, [U]).</summary>
public sealed class OperatingCostsWithinPublic : CrossTableRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK310", "机关运行经费不超过公用经费", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "机关运行经费 ≤ 基本支出表 公用经费合计",
        "机关运行经费是行政单位和参公事业单位的一般公共预算基本支出中的公用经费，一般不应超过公用经费合计。" +
        "没有机关运行经费表时，决算取情况说明中唯一的本年机关运行经费支出（决算）金额比较；预算只在文件自己把机关运行经费界定为基本支出中的公用经费时（名词解释等），取情况说明中唯一的本年机关运行经费预算金额比较。",
        "102.59 ≤ 125.12");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if ((ctx.Disclosure.OperatingCosts ?? StatedInFinalNarrative(ctx.Disclosure) ?? StatedInBudgetNarrative(ctx.Disclosure)) is not { } oc) yield break;
        var kind = K(ctx, TableKind.BudgetGeneralBasic, TableKind.FinalGeneralBasic);
        if (TotalOf(ctx, kind, Measure.Public) is not { } pub) yield break;
        var c = Tolerance.AtMost(Wan(oc).Value, Wan(pub.Figure).Value, Tolerance.ScaleOf(new[] { oc, pub.Figure }));
        var f = Judge(ctx, c, "机关运行经费", $"不应超过{pub.Describe()}（应为不超过）", new[] { oc.Source, pub.Figure.Source }, kind, unit: "万元");
        if (f is not null) yield return f;
    }

    /// <summary>
    /// A 决算 that prints no 机关运行经费 table states it in its narrative (机关运行经费支出（决算）X万元): the one amount
    /// the department's own sentences give for this year's spending, in 万元 or 元. A budget figure (预算数), another
    /// year's, a unit's section, or two different amounts give nothing: a guess is never compared. Budgets: see
    /// <see cref="StatedInBudgetNarrative"/> (older budget narratives count project 运行经费 as well).
    /// </summary>
    internal static Figure? StatedInFinalNarrative(Disclosure d) =>
        d.Kind == DocumentKind.FinalAccount ? OneStatedAmount(d, excludeBudgetWord: true) : null;

    /// <summary>
    /// A budget without a 机关运行经费 table: its narrative amount is compared only when the document itself defines
    /// 机关运行经费 as the 公用经费 of the 基本支出 (a 名词解释 or sentence naming 机关运行经费, 基本支出 and 公用经费 together,
    /// e.g. “…使用一般公共预算安排的基本支出中的日常公用经费支出”). Older budgets define it as all the money spent on the
    /// running of the office (project 运行经费 included), so without that definition nothing is compared.
    /// </summary>
    internal static Figure? StatedInBudgetNarrative(Disclosure d) =>
        d.Kind == DocumentKind.Budget && DefinesAsBasicPublic(d) ? OneStatedAmount(d, excludeBudgetWord: false) : null;

    internal static bool DefinesAsBasicPublic(Disclosure d) =>
        d.Sentences.Any(s => s.Text.Contains("机关运行经费", StringComparison.Ordinal) && s.Text.Contains("基本支出", StringComparison.Ordinal)
            && s.Text.Contains("公用经费", StringComparison.Ordinal) && !s.Text.Contains("项目支出", StringComparison.Ordinal));

    /// <summary>The one amount the department's own sentences give for this year's 机关运行经费, in 万元 or 元; two different amounts give nothing.</summary>
    private static Figure? OneStatedAmount(Disclosure d, bool excludeBudgetWord)
    {
        var amounts = d.Claims
            .Where(c => c.Kind is ClaimKind.Amount or ClaimKind.Change && c.Amount is decimal && c.Entity is null
                && c.Subject.StartsWith("机关运行经费", StringComparison.Ordinal)
                && !(excludeBudgetWord && c.Subject.Contains("预算", StringComparison.Ordinal))
                && !c.Subject.Contains("上年", StringComparison.Ordinal) && (c.Year is null || c.Year == d.Year)
                && c.Unit is ValueUnit.WanYuan or ValueUnit.Yuan)
            .ToList();
        var values = amounts.Select(c => c.Unit == ValueUnit.Yuan ? c.Amount!.Value / 10000m : c.Amount!.Value).Distinct().ToList();
        if (values.Count != 1) return null;
        var first = amounts[0];
        return new Figure(first.Amount!.Value, first.AmountScale, first.Unit, FigureKind.Number, first.Source);
    }
}
