using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK410 大于/小于/等于 agrees with actual vs budget (N9).</summary>
public sealed class RelationWord : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK410", "决算数与预算数关系表述正确", Severity.Error, Applicability.FinalAccount, RuleCategory.Narrative,
        "大于 ⇔ 决算 > 预算；小于 ⇔ 决算 < 预算；等于 ⇔ 两者相等",
        "“决算数大于（小于、等于）预算数”应与句中的决算数、预算数相符。",
        "决算 2940.05、年初预算 2993.92，应写“小于”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Relation is not ChangeDirection rel || c.Amount is not decimal a || c.BaseAmount is not decimal b) continue;
            var eq = Tolerance.Printed(b, Tolerance.NarrativeScale(c.BaseAmountScale), a, Tolerance.NarrativeScale(c.AmountScale));
            var actual = eq.Verdict != Verdict.Mismatch ? ChangeDirection.Flat : a > b ? ChangeDirection.Increase : ChangeDirection.Decrease;
            if (actual == rel) continue;
            yield return Report($"情况说明{Quote(c)}：决算数 {Tolerance.Format(a)} 万元、预算数 {Tolerance.Format(b)} 万元，应为“{Word(actual)}”，实为“{Word(rel)}”",
                new[] { c.Source }, b, a, "按决算数与预算数的大小改正关系词及原因说明。");
        }
    }

    private static string Word(ChangeDirection d) => d switch
    {
        ChangeDirection.Increase => "大于",
        ChangeDirection.Decrease => "小于",
        _ => "等于",
    };
}
