using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK405 a stated share equals part ÷ whole × 100 (N2, N3, N5, N6).</summary>
public sealed class SharePercent : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK405", "占比与金额相符", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "占比 = 部分 ÷ 整体 × 100（整体取句中所称总额；“其中”各部分以总额为整体；未写明整体时取本段开头所述总额）",
        "叙述中的“占 x%”应能由所述金额重新算出；只要落在金额舍入所能解释的范围内即视为尾差。" +
        "句中未写明整体的占比（“主要用于：…支出 x 万元，占 y%”、决算按类说明），以同一小节开头所述的总额为整体，" +
        "且仅当该段各占比的金额之和等于该总额、或其中至少另有一项占比能由该总额算出时才核对；" +
        "写明的整体在表格中找不到时，取上文同名金额。一组占比印刷之和恰为 100 时，其中一项与重算值相差不超过末位一个单位视为尾差（凑足 100 的调整）。",
        "基本支出 2336.91 ÷ 本年支出合计 2940.05 = 79.49%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var claim in Claims(ctx))
        {
            if (claim.SharePercent is decimal sp && claim.Amount is decimal a && WholeNamed(claim.Sentence) is { } wholeName
                && ctx.Resolver.Resolve(claim, wholeName) is { } whole)
            {
                var w = whole.Figure.Unit == ValueUnit.Yuan ? whole.Figure.ToWanYuan() : whole.Figure;
                var (part, scale) = Wan(a, claim.AmountScale, claim.Unit);
                var f = Judge(ctx, Tolerance.Percent(sp, part, w.Value, Math.Min(scale, Tolerance.ScaleOf(new[] { w })), claim.SharePercentScale),
                    $"情况说明{Quote(claim)}", $"「{claim.Subject}」占「{wholeName}」的比重", new[] { claim.Source, whole.Figure.Source },
                    suggestion: $"按 {Tolerance.Format(part)} ÷ {Tolerance.Format(w.Value)} × 100 重新计算。", unit: "%");
                if (f is not null) yield return f;
            }
            if (claim.Amount is not decimal total || total == 0m) continue;
            foreach (var p in claim.Parts)
            {
                if (p.SharePercent is not decimal ps) continue;
                var scale = Math.Min(Tolerance.NarrativeScale(p.Scale), Tolerance.NarrativeScale(claim.AmountScale));
                var listShares = claim.Parts.Where(q => q.SharePercent is not null).Select(q => q.SharePercent!.Value).ToList();
                var cmp = Tolerance.AllowHundredAdjustment(Tolerance.Percent(ps, p.Amount, total, scale, p.SharePercentScale), p.SharePercentScale, listShares);
                var f = Judge(ctx, cmp, $"情况说明{Quote(claim)}",
                    $"「{p.Subject}」占「{claim.Subject}」的比重", new[] { claim.Source },
                    suggestion: $"按 {Tolerance.Format(p.Amount)} ÷ {Tolerance.Format(total)} × 100 重新计算。", unit: "%");
                if (f is not null) yield return f;
            }
        }
        var implied = ImpliedShareWhole.Infer(ctx.Disclosure.Claims, n => ctx.Resolver.Resolve(n) is not null, WholeNamed).ToList();
        foreach (var x in implied)
        {
            var (part, scale) = Wan(x.Share.Amount!.Value, x.Share.AmountScale, x.Share.Unit);
            // the other shares taken against the same whole form the list that may have been adjusted to add up to 100
            var listShares = implied.Where(y => ReferenceEquals(y.WholeClaim, x.WholeClaim)).Select(y => y.Share.SharePercent!.Value).ToList();
            var cmp = Tolerance.AllowHundredAdjustment(
                Tolerance.Percent(x.Share.SharePercent!.Value, part, x.Whole, Math.Min(scale, x.WholeScale), x.Share.SharePercentScale),
                x.Share.SharePercentScale, listShares);
            var f = Judge(ctx, cmp,
                $"情况说明{Quote(x.Share)}", $"「{x.Share.Subject}」占「{x.WholeSubject}」（{Tolerance.Format(x.Whole)}万元，见上文）的比重",
                new[] { x.Share.Source, x.WholeClaim.Source },
                suggestion: $"按 {Tolerance.Format(part)} ÷ {Tolerance.Format(x.Whole)} × 100 重新计算。", unit: "%");
            if (f is not null) yield return f;
        }
    }
}
