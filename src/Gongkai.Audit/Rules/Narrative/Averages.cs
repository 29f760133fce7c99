using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// Averages the 三公 paragraph states (人均接待费, 车均维护费): the stated figure equals the amount of the “三公” table
/// divided by the count the narrative (or the 机构运行信息表) gives. Applied only when exactly one count of the kind is
/// stated, so that 国内 and 外宾 receptions are never mixed.
/// </summary>
public abstract class AverageRule : NarrativeRule
{
    /// <summary>The subject word of the stated average (人均接待费 / 车均维护费).</summary>
    protected abstract string AverageWord { get; }

    /// <summary>The amount in 万元 from the “三公” figures (决算数 for 决算, 预算数 for 预算).</summary>
    protected abstract Figure? Amount(ThreePublicFigures f);

    /// <summary>The divisor: the counts the narrative or the statistics give (all candidates, de-duplicated by value).</summary>
    protected abstract IEnumerable<(decimal Count, Provenance Source)> Counts(AuditContext ctx);

    protected abstract string AmountName { get; }
    protected abstract string CountName { get; }

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (d.ThreePublic is not { } tp) yield break;
        // the 三公 table may be printed in 元: the amount in 万元 (the narrative's average is judged in its own unit)
        if (Amount(d.Kind == DocumentKind.FinalAccount ? tp.Final : tp.Budget) is not { IsNumber: true } printed) yield break;
        var amount = X.Wan(printed);
        var counts = Counts(ctx).Where(c => c.Count > 0).GroupBy(c => c.Count).Select(g => g.First()).ToList();
        if (counts.Count != 1) yield break;
        var (n, countSource) = counts[0];
        foreach (var c in Claims(ctx).Where(c => c.Kind == ClaimKind.Amount && c.Amount is not null && c.Subject.Contains(AverageWord)))
        {
            // stated in 元 (the usual) or in 万元
            decimal factor = c.Unit == ValueUnit.Yuan ? 10000m : 1m;
            string unit = c.Unit == ValueUnit.Yuan ? "元" : "万元";
            var cmp = Tolerance.Quotient(c.Amount!.Value, amount.Value, n, factor, Math.Max(amount.Scale, Tolerance.MinimumScale), Math.Max(c.AmountScale, 2));
            var f = Judge(ctx, cmp, $"情况说明{Quote(c)}", $"{AverageWord}应为{AmountName} {Tolerance.Format(amount.Value)} 万元 ÷ {CountName} {n:0}",
                new[] { c.Source, amount.Source, countSource }, TableNames.ThreePublic.Where(k => d.Table(k) is not null).Select(k => (TableKind?)k).FirstOrDefault(),
                $"按{AmountName}和{CountName}重新计算{AverageWord}。", unit);
            if (f is not null) yield return f;
        }
    }

    /// <summary>Counts with a measure word from count claims whose subject contains all the words.</summary>
    protected static IEnumerable<(decimal, Provenance)> CountClaims(AuditContext ctx, string[] subjectWords, string[] measureWords, string[] exclude) =>
        Claims(ctx).Where(c => c.Kind == ClaimKind.Count && subjectWords.All(c.Subject.Contains) && !exclude.Any(c.Subject.Contains))
            .SelectMany(c => c.Counts.Where(x => measureWords.Contains(x.Word)).Select(x => (x.Value, c.Source)));

    /// <summary>Counts from the statistics of the 三公 or 机构运行信息 table whose label contains all the words.</summary>
    protected static IEnumerable<(decimal, Provenance)> StatisticCounts(AuditContext ctx, string[] labelWords, string[] exclude) =>
        (ctx.Disclosure.ThreePublic?.Statistics ?? new()).Where(kv => labelWords.All(kv.Key.Contains) && !exclude.Any(kv.Key.Contains) && kv.Value.IsNumber)
            .Select(kv => (kv.Value.Value, kv.Value.Source));
}

/// <summary>GK430 人均接待费 = 公务接待费 ÷ 接待人次.</summary>
public sealed class ReceptionPerPerson : AverageRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK430", "人均接待费计算正确", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "人均接待费（元）= 公务接待费（万元）× 10000 ÷ 接待人次；只有一个接待人次时才核对",
        "情况说明所列人均接待费应由“三公”表的公务接待费和所述接待人次算出（接待费按两位小数印出，其尾差按同一政策折算）。",
        "接待费 1.07 万元、接待 111 人，写人均接待费 106.40 元（应为 96.40 元）");

    protected override string AverageWord => "人均接待费";
    protected override string AmountName => "公务接待费";
    protected override string CountName => "接待人次";
    protected override Figure? Amount(ThreePublicFigures f) => f.Reception;

    protected override IEnumerable<(decimal, Provenance)> Counts(AuditContext ctx) =>
        CountClaims(ctx, ["接待"], ["人", "人次"], ["人均"]).Concat(StatisticCounts(ctx, ["接待", "人"], ["批"]));
}

/// <summary>GK431 车均维护费 = 公务用车运行维护费 ÷ 公务用车保有量.</summary>
public sealed class VehicleCostPerVehicle : AverageRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK431", "车均运行维护费计算正确", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "车均维护费 = 公务用车运行维护费 ÷ 公务用车保有量；只有一个保有量时才核对",
        "情况说明所列车均（运行）维护费应由“三公”表的公务用车运行维护费和公务用车保有量算出。",
        "运行维护费 3.90 万元、保有量 2 辆，写车均维护费 3.90 万元（应为 1.95 万元）");

    protected override string AverageWord => "车均";
    protected override string AmountName => "公务用车运行维护费";
    protected override string CountName => "公务用车保有量";
    protected override Figure? Amount(ThreePublicFigures f) => f.VehicleOperation;

    protected override IEnumerable<(decimal, Provenance)> Counts(AuditContext ctx) =>
        CountClaims(ctx, ["保有"], ["辆"], []).Concat(StatisticCounts(ctx, ["保有"], []));
}
