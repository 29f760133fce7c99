using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK413 a 三公 change against a budget base: the stated base equals the table's 预算数 (年初 or 全年, either accepted).</summary>
public sealed class ThreePublicBudgetBase : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK413", "“三公”经费预算基数与表格一致", Severity.Warning, Applicability.FinalAccount, RuleCategory.Narrative,
        "叙述中与预算比较的“三公”项目：所述预算数 ∈ {表中年初预算数, 表中全年预算数}；都不等才报告",
        "决算说明常写“较年初预算减少 x 万元”或“较全年预算”，两种口径都可接受，但所述预算数必须是表中的某一个。",
        "公务接待费“年初预算 2.00 万元”，“三公”表预算数 1.50");

    private static readonly (string Word, Func<ThreePublicFigures, Figure?> Get)[] Items =
    {
        ("公务接待", f => f.Reception), ("因公出国", f => f.Abroad), ("公务用车运行", f => f.VehicleOperation),
        ("公务用车购置费", f => f.VehiclePurchase), ("三公", f => f.Total),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.ThreePublic is not { } tp) yield break;
        foreach (var c in DepartmentClaims(ctx))
        {
            if (c.BaseAmount is not decimal b || c.Base is not (ComparisonBase.InitialBudget or ComparisonBase.AdjustedBudget or ComparisonBase.Budget)) continue;
            var item = Items.FirstOrDefault(i => c.Subject.Contains(i.Word));
            if (item.Word is null) continue;
            var bases = new[] { item.Get(tp.Budget) }.Concat(ctx.Disclosure.Tables.Where(t => TableNames.ThreePublic.Contains(t.Kind))
                    .SelectMany(t => t.Rows).SelectMany(r => r.Values.Where(kv => kv.Key.Basis == Basis.Budget).Select(kv => kv.Value)))
                .Where(f => f is { IsNumber: true }).Select(f => f!).ToList();
            var own = item.Get(tp.Budget);
            if (own is not { IsNumber: true }) continue;
            var scale = Tolerance.NarrativeScale(c.BaseAmountScale);
            if (bases.Any(f => Tolerance.Printed(f.Value, f.Scale, b, scale).Verdict != Verdict.Mismatch)) continue;
            var cmp = Tolerance.Printed(own.Value, own.Scale, b, scale);
            var f = Judge(ctx, cmp, $"情况说明{Quote(c)}", $"「{c.Subject}」所称预算数应为表中预算数（年初或全年）",
                new[] { c.Source, own.Source }, null, "核对所称预算数的口径（年初/全年）和金额。", "万元");
            if (f is not null) yield return f;
        }
    }
}
