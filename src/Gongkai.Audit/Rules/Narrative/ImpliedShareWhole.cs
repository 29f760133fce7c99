using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// The whole of a share whose sentence does not name one, inferred from the claims around it (GK405).
/// <para>
/// Two cases, both inside one run of consecutive claims under the same section heading (段落/小节):
/// </para>
/// <list type="number">
/// <item>The share names a whole that the tables cannot resolve (占政府采购预算的 x%), and an earlier claim of the run
/// states an amount for exactly that subject (本部门政府采购预算 176.02 万元): that amount is the whole.</item>
/// <item>The share names no whole (主要用于：一般公共服务支出 305.68 万元，占 7.32%；… or a 决算 类 paragraph
/// “（1）社会保障和就业支出（类）145.04 万元，占 3.69%”): the whole is the first amount stated in the run — the total the
/// paragraph opens with (2023年一般公共预算拨款支出 982.98 万元). The inference is used only when it is confirmed by the
/// run itself: the amounts of its shares (the unnamed ones and those of a 其中 breakdown of that total) add up to it, or
/// there are two or more such shares and at least one recomputes from it. A run that opens with a share instead of a
/// total takes the total the preceding run opens with. Shares that are parts of a 其中 breakdown are left to the
/// breakdown check.</item>
/// </list>
/// </summary>
internal static class ImpliedShareWhole
{
    /// <summary>A share claim with the whole inferred for it.</summary>
    internal sealed record Inferred(Claim Share, string WholeSubject, decimal Whole, int WholeScale, Claim WholeClaim);

    internal static IEnumerable<Inferred> Infer(IReadOnlyList<Claim> claims, Func<string, bool> resolvable, Func<string, string?> wholeNamed)
    {
        int start = 0, previous = -1;
        while (start < claims.Count)
        {
            int end = start;
            while (end < claims.Count && claims[end].Section == claims[start].Section) end++;
            foreach (var x in InferRun(claims, start, end, previous, resolvable, wholeNamed)) yield return x;
            previous = start;
            start = end;
        }
    }

    private static IEnumerable<Inferred> InferRun(IReadOnlyList<Claim> claims, int start, int end, int previousStart,
        Func<string, bool> resolvable, Func<string, string?> wholeNamed)
    {
        int totalIndex = FirstAmount(claims, start, end);
        // A run that opens with a share (（二）结构情况：“基本支出 x 万元，占 a%…”) has no total of its own: the whole is
        // the total the preceding run opens with (（一）规模情况：“一般公共预算拨款 y 万元”), confirmed the same way.
        if (totalIndex >= 0 && previousStart >= 0 && OpensWithShare(claims, start, end, claims[totalIndex]))
            totalIndex = FirstAmount(claims, previousStart, start);

        var unnamed = new List<Claim>();
        for (int i = start; i < end; i++)
        {
            var c = claims[i];
            if (c.Kind != ClaimKind.Share || c.SharePercent is null || c.Amount is null || !IsMoney(c.Unit) || IsBreakdownPart(claims, start, end, c)) continue;
            var named = c.ShareOf ?? wholeNamed(c.Sentence);
            if (named is not null)
            {
                // Case 1: a named whole the tables do not know, stated earlier in the run.
                if (resolvable(named)) continue;
                for (int j = i - 1; j >= start; j--)
                {
                    var w = claims[j];
                    if (w.Kind == ClaimKind.Amount && w.Amount is decimal wa && wa > 0m && IsMoney(w.Unit) && w.Subject == named && !ReferenceEquals(w, c))
                    {
                        yield return new Inferred(c, named, Wan(wa, w.AmountScale, w.Unit).Value, Wan(wa, w.AmountScale, w.Unit).Scale, w);
                        break;
                    }
                }
                continue;
            }
            if (totalIndex >= 0 && totalIndex < i && claims[totalIndex].Subject != c.Subject) unnamed.Add(c);
        }
        if (unnamed.Count == 0) yield break;

        // Case 2: the run's opening total, when the run confirms it.
        var total = claims[totalIndex];
        var (whole, wholeScale) = Wan(total.Amount!.Value, total.AmountScale, total.Unit);
        // The shares that confirm the total: the unnamed ones, and the parts of a 其中 breakdown of that same total in
        // the run ("其中：人员经费 x 万元，占 a%" before "公用经费 y 万元，占 b%").
        var confirm = unnamed.Select(s => (Percent: s.SharePercent!.Value, PercentScale: s.SharePercentScale, Amount: Wan(s.Amount!.Value, s.AmountScale, s.Unit))).ToList();
        for (int i = start; i < end; i++)
            if (claims[i] is { Kind: ClaimKind.Breakdown, Amount: decimal bt } b && b.Subject == total.Subject && bt == total.Amount)
                foreach (var p in b.Parts)
                    if (p.SharePercent is decimal ps && IsMoney(p.Unit) && !unnamed.Any(u => u.Subject == p.Subject))
                        confirm.Add((ps, p.SharePercentScale, Wan(p.Amount, p.Scale, p.Unit)));
        if (confirm.Any(c => c.Amount.Value > whole)) yield break;
        var scale = confirm.Select(c => c.Amount.Scale).Append(wholeScale).Min();
        bool complete = Tolerance.Sum(whole, confirm.Select(c => c.Amount.Value).ToList(), scale).Verdict != Verdict.Mismatch;
        bool recomputes = confirm.Count >= 2 && confirm.Any(c =>
            Tolerance.Percent(c.Percent, c.Amount.Value, whole, Math.Min(c.Amount.Scale, wholeScale), c.PercentScale).Verdict != Verdict.Mismatch);
        if (!complete && !recomputes) yield break;
        foreach (var s in unnamed) yield return new Inferred(s, total.Subject, whole, wholeScale, total);
    }

    private static int FirstAmount(IReadOnlyList<Claim> claims, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (claims[i].Kind == ClaimKind.Amount && claims[i].Amount is decimal a && a > 0m && IsMoney(claims[i].Unit)) return i;
        return -1;
    }

    private static bool OpensWithShare(IReadOnlyList<Claim> claims, int start, int end, Claim first)
    {
        for (int i = start; i < end; i++)
            if (claims[i] is { Kind: ClaimKind.Share, SharePercent: not null, ShareOf: null } s && s.Subject == first.Subject
                && s.Amount == first.Amount && s.Sentence == first.Sentence)
                return true;
        return false;
    }

    /// <summary>The share is a part of a 其中 breakdown of the same sentence, whose share the breakdown check recomputes.</summary>
    private static bool IsBreakdownPart(IReadOnlyList<Claim> claims, int start, int end, Claim share)
    {
        for (int i = start; i < end; i++)
        {
            var b = claims[i];
            if (b.Kind == ClaimKind.Breakdown && b.Amount is decimal t && t != 0m && b.Sentence == share.Sentence
                && b.Parts.Any(p => p.Subject == share.Subject && p.SharePercent == share.SharePercent))
                return true;
        }
        return false;
    }

    private static bool IsMoney(ValueUnit u) => u is ValueUnit.WanYuan or ValueUnit.Yuan;

    private static (decimal Value, int Scale) Wan(decimal value, int scale, ValueUnit unit) =>
        unit == ValueUnit.Yuan ? (value / 10000m, Tolerance.NarrativeScale(scale) + 4) : (value, Tolerance.NarrativeScale(scale));
}
