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

/// <summary>GK406 the parts of a breakdown add up to the whole (or, for one part, do not exceed it).</summary>
public sealed partial class BreakdownSum : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK406", "分项金额之和等于总额", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "Σ 其中各部分 = 总额（两个及以上部分）；单个部分 ≤ 总额",
        "“其中：a x万元、b y万元”列出两项及以上时应完整分解总额；只列一项时该项不应超过总额。" +
        "列举在下一段继续（句末为分号），或差额正是本小节或前后相邻小节另行说明的一项金额（如支出按资金来源列举时，收入部分单列的其他资金）时，不算错误。",
        "本年支出合计 2940.05 = 基本支出 2336.91 + 项目支出 603.14");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var claim in Claims(ctx))
        {
            if (claim.Amount is not decimal total || claim.Parts.Count == 0) continue;
            var scale = claim.Parts.Select(p => Tolerance.NarrativeScale(p.Scale)).Append(Tolerance.NarrativeScale(claim.AmountScale)).Min();
            var parts = claim.Parts.Select(p => p.Amount).ToList();
            var c = claim.Parts.Count >= 2
                ? Tolerance.Sum(total, parts, scale)
                : Tolerance.AtMost(parts[0], total, scale);
            if (claim.Parts.Count >= 2 && c.Verdict == Verdict.Mismatch && parts.Sum() < total && Unfinished(ctx, claim, total - parts.Sum(), scale)) continue;
            var what = claim.Parts.Count >= 2
                ? $"「{claim.Subject}」应等于所列 {parts.Count} 项（{string.Join("、", claim.Parts.Select(p => p.Subject))}）之和"
                : $"「{claim.Parts[0].Subject}」不应超过「{claim.Subject}」（应为不超过）";
            var f = Judge(ctx, c, $"情况说明{Quote(claim)}", what, new[] { claim.Source }, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}

public sealed partial class BreakdownSum
{
    /// <summary>
    /// A list that falls short of its whole without being wrong: it goes on in the next paragraph (the sentence ends
    /// with ；), or the shortfall is an item the same section or a neighbouring one states apart ("其中：a、b" and, below,
    /// "其他收入 0.5 万元"; a 支出 list by fund source whose 其他资金 part only the 收入 section above states).
    /// </summary>
    private static bool Unfinished(AuditContext ctx, Claim claim, decimal shortfall, int scale)
    {
        var s = claim.Sentence.TrimEnd();
        if (s.EndsWith('；') || s.EndsWith(';') || s.EndsWith('：') || s.EndsWith(':')) return true;
        if (claim.Unit != ValueUnit.WanYuan) return false;
        // the statement's section and the few around it (sub-headings such as "（二）本年其他资金收入 0.5 万元", and the
        // 收入 sections before a 支出 section that lists the same fund sources)
        var sections = ctx.Disclosure.Sections;
        int at = sections.FindIndex(x => x.Sentences.Any(t => t.Text == claim.Sentence));
        if (at < 0) return false;
        int from = Math.Max(0, at - 8);
        foreach (var section in sections.Skip(from).Take(at - from + 8))
            foreach (var text in section.Sentences.Select(t => t.Text).Where(t => t != claim.Sentence).Prepend(section.Heading))
                foreach (System.Text.RegularExpressions.Match m in WanAmount().Matches(text.Replace(" ", "")))
                {
                    var printed = m.Groups[1].Value.Replace(",", "");
                    int dot = printed.IndexOf('.');
                    var a = decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture);
                    if (a > 0m && Tolerance.Printed(shortfall, scale, a, dot < 0 ? 0 : printed.Length - dot - 1).Verdict != Verdict.Mismatch) return true;
                }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元")]
    private static partial System.Text.RegularExpressions.Regex WanAmount();
}

/// <summary>GK412 the shares of a complete breakdown add up to 100% (N6).</summary>
public sealed class SharesAddToHundred : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK412", "各部分占比合计为100%", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "Σ 占比 = 100%（分项完整分解总额时）",
        "分项金额之和等于总额时，各分项占比之和应为 100%，每项允许半个百分点单位的舍入。",
        "3.69% + 87.31% + 7.64% + 1.35% = 99.99%（尾差）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var claim in Claims(ctx))
        {
            if (claim.Amount is not decimal total || claim.Parts.Count < 2 || claim.Parts.Any(p => p.SharePercent is null)) continue;
            var scale = Tolerance.NarrativeScale(claim.AmountScale);
            if (Tolerance.Sum(total, claim.Parts.Select(p => p.Amount).ToList(), scale).Verdict == Verdict.Mismatch) continue;
            var f = Judge(ctx, Tolerance.SumTo(100m, claim.Parts.Select(p => p.SharePercent!.Value).ToList(), claim.Parts.Min(p => p.SharePercentScale)),
                $"情况说明{Quote(claim)}", $"「{claim.Subject}」各部分占比之和应为 100%", new[] { claim.Source }, unit: "%");
            if (f is not null) yield return f;
        }
    }
}
