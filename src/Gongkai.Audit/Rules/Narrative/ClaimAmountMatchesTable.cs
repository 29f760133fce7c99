using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK401 a stated amount equals the table figure of the same subject (N1–N14).</summary>
public sealed partial class ClaimAmountMatchesTable : NarrativeRule
{
    [System.Text.RegularExpressions.GeneratedRegex("机关运行经费|公用经费|公用支出")]
    private static partial System.Text.RegularExpressions.Regex PortionWhole();

    public override RuleDescriptor Descriptor { get; } = new(
        "GK401", "叙述金额与表格一致", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "叙述中的金额 = 表格中同一项目的金额",
        "情况说明中提到的总计、收入、支出、基本支出、人员经费、“三公”经费等金额，应与表格中对应项目一致；" +
        "叙述金额按其印出的位数比较（“5,707万元”对表中 5707.43 万元相符，允许末位半个单位）；" +
        "先确定句子所说的资金口径（全部资金、财政拨款、一般公共预算、政府性基金）和主体（部门或所属某单位），" +
        "只与同一口径的表格比较，所属单位的段落不与部门表格比较，口径不明时不比较。",
        "“本年支出合计2940.05万元”对应 F1 本年支出合计 2940.05");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var claim in Claims(ctx))
        {
            if (claim.Kind == ClaimKind.Count) continue;
            if (claim.Amount is decimal a && Compare(ctx, claim, claim.Subject, a, claim.AmountScale, claim.Unit) is { } f) yield return f;
            // the items of 机关运行经费 / 公用经费 (办公费 …、公务接待费 …) are the shares of that aggregate, not the tables'
            // totals of the same names
            if (PortionWhole().IsMatch(claim.Subject)) continue;
            foreach (var part in claim.Parts)
                if (Compare(ctx, claim, part.Subject, part.Amount, part.Scale, part.Unit) is { } pf) yield return pf;
        }
    }

    private Finding? Compare(AuditContext ctx, Claim claim, string subject, decimal amount, int scale, ValueUnit unit)
    {
        if (unit is not (ValueUnit.WanYuan or ValueUnit.Yuan)) return null;
        if (ctx.Resolver.Resolve(claim, subject) is not { } r || r.Figure.Unit is not (ValueUnit.WanYuan or ValueUnit.Yuan)) return null;
        var table = r.Figure.Unit == ValueUnit.Yuan ? r.Figure.ToWanYuan() : r.Figure;
        var (value, s) = Wan(amount, scale, unit);
        var tableScale = Tolerance.ScaleOf(new[] { table });
        var c = Tolerance.Printed(table.IsNumber ? table.Value : 0m, tableScale, value, s);
        // the sentence itself says what last year's figure was ("x 万元，较上年减少 Δ 万元"): a table figure equal to that
        // prior-year figure is a prior-year column, not this year's — nothing to compare
        if (c.Verdict == Verdict.Mismatch && PriorOf(ctx, claim, subject, amount) is decimal prior
            && Tolerance.Printed(table.Value, tableScale, Wan(prior, scale, unit).Value, s).Verdict != Verdict.Mismatch)
            return null;
        return Judge(ctx, c, $"情况说明{Quote(claim)}", $"「{subject}」金额应与{r.Description}一致",
            new[] { claim.Source, r.Figure.Source }, r.Table, "将叙述金额改为与表格一致，或核对表格数据。", "万元");
    }

    /// <summary>The prior-year amount a change of the same subject and amount in the same sentence implies.</summary>
    private static decimal? PriorOf(AuditContext ctx, Claim claim, string subject, decimal amount)
    {
        foreach (var c in ctx.Disclosure.Claims)
        {
            if (c.Sentence != claim.Sentence || c.Subject != subject || c.Amount != amount || c.ChangeAmount is not decimal d
                || c.Direction is not (ChangeDirection.Increase or ChangeDirection.Decrease)
                || c.Base is not (ComparisonBase.PriorYear or ComparisonBase.Unspecified)) continue;
            return c.Direction == ChangeDirection.Increase ? amount - d : amount + d;
        }
        return null;
    }
}
