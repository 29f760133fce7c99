using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK402 a stated change % = Δ ÷ prior × 100, prior = current ∓ Δ (or the stated base).</summary>
public sealed class ChangePercent : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK402", "增减幅度与增减金额相符", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "p = Δ ÷ 基数 × 100，基数 = 本期 − Δ（增加）或 本期 + Δ（减少），句中写明基数时用所写基数；p = Δ ÷ 本期时注明“以本年数为基数”",
        "叙述中的增长（下降）百分比应能由本期金额和增减额重新算出；基数为 0 时增长率没有意义。",
        "3079.74 ÷ 7005.40 × 100 = 43.96%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Direction is not (ChangeDirection.Increase or ChangeDirection.Decrease) || c.ChangePercent is not decimal p
                || c.ChangeAmount is not decimal delta || (c.Amount is null && c.BaseAmount is null)) continue;
            var prior = c.BaseAmount ?? (c.Direction == ChangeDirection.Increase ? c.Amount!.Value - delta : c.Amount!.Value + delta);
            var scale = Math.Min(Tolerance.NarrativeScale(c.AmountScale), Tolerance.NarrativeScale(c.ChangeScale));
            if (prior <= 0m)
            {
                // "增加（减少）0万元，增长（减少）0%" on a zero base states no change at all: nothing to compute (the
                // template residue itself is GK701)
                if (delta == 0m && p == 0m) continue;
                yield return Report($"情况说明{Quote(c)}：比较基数为 {Tolerance.Format(prior)}，增减幅度 {Tolerance.Format(p)}% 无法成立",
                    new[] { c.Source }, null, p, "基数为 0 时不应表述增长百分比，改为说明新增情况。");
                continue;
            }
            var f = Judge(ctx, Tolerance.Percent(p, delta, prior, scale, c.ChangePercentScale), $"情况说明{Quote(c)}",
                $"「{c.Subject}」{DirectionWord(c.Direction.Value)}幅度（{Tolerance.Format(delta)} ÷ {Tolerance.Format(prior)}）",
                new[] { c.Source }, suggestion: "核对增减额与基数，按 增减额 ÷ 上年数 × 100 重新计算。", unit: "%");
            // the classic slip: the change divided by this year's amount instead of last year's
            if (f is { IsRoundingDifference: false } && c.BaseAmount is null && c.Amount is decimal current && current > 0m
                && Tolerance.Percent(p, delta, current, scale, c.ChangePercentScale).Verdict != Verdict.Mismatch)
                f = f with { Message = f.Message + $"；所写幅度等于 {Tolerance.Format(delta)} ÷ 本年数 {Tolerance.Format(current)}，疑以本年数而非上年数为基数" };
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK403 the direction word agrees with the percent word and with the sign of (current − base).</summary>
public sealed class ChangeDirectionConsistent : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK403", "增减方向表述正确", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "增加/增长 ⇔ 本期 > 基数；减少/下降 ⇔ 本期 < 基数",
        "“增加……增长”“减少……下降”应成对使用；句中同时给出本期数和基数时，方向词应与两者之差的正负一致。",
        "本期 2940.05、上年 3052.34，应写“减少”而非“增加”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Direction is not ChangeDirection d) continue;
            if (c.PercentDirection is ChangeDirection pd && d != ChangeDirection.Flat && pd != ChangeDirection.Flat && pd != d)
                yield return Report($"情况说明{Quote(c)}：金额表述为“{DirectionWord(d)}”，百分比却表述为“{(pd == ChangeDirection.Increase ? "增长" : "下降")}”，方向矛盾",
                    new[] { c.Source }, suggestion: "统一增减方向。");
            if (c.Amount is decimal a && c.BaseAmount is decimal b && d != ChangeDirection.Flat)
            {
                var eq = Tolerance.Printed(b, Tolerance.NarrativeScale(c.BaseAmountScale), a, Tolerance.NarrativeScale(c.AmountScale));
                var actual = eq.Verdict != Verdict.Mismatch ? ChangeDirection.Flat : a > b ? ChangeDirection.Increase : ChangeDirection.Decrease;
                if (actual != d)
                    yield return Report($"情况说明{Quote(c)}：本期 {Tolerance.Format(a)} 万元、基数 {Tolerance.Format(b)} 万元，应为“{DirectionWord(actual)}”，实为“{DirectionWord(d)}”",
                        new[] { c.Source }, b, a, "按本期数与基数之差改正方向词。");
            }
        }
    }
}

/// <summary>GK404 持平 with a non-zero change.</summary>
public sealed class FlatWithChange : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK404", "“持平”不应伴随增减额", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "持平 ⇒ Δ = 0 且 百分比 = 0",
        "表述为持平时，增减额、增减幅度应为零，给出的本期数与基数应相等（“基本持平”除外）。",
        "“与上年持平，增加5.00万元”自相矛盾");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Direction != ChangeDirection.Flat || c.Sentence.Contains("基本持平")) continue;
            decimal? delta = c.ChangeAmount is > 0m ? c.ChangeAmount
                : c.Amount is decimal a && c.BaseAmount is decimal b && a != b ? a - b : null;
            if (delta is decimal dv)
                yield return Report($"情况说明{Quote(c)}：表述为“持平”，但变动额应为 0，实为 {Tolerance.Format(dv)} 万元",
                    new[] { c.Source }, 0m, dv, "改为“增加/减少”并说明原因，或更正金额。");
            else if (c.ChangePercent is > 0m)
                yield return Report($"情况说明{Quote(c)}：表述为“持平”，但变动幅度应为 0%，实为 {Tolerance.Format(c.ChangePercent.Value)}%",
                    new[] { c.Source }, 0m, c.ChangePercent, "改为“增长/下降”，或更正百分比。");
        }
    }
}

/// <summary>GK407 the same subject against the same base is stated twice with different changes.</summary>
public sealed class ConflictingChanges : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK407", "同一事项的增减表述前后一致", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "同一主体、同一资金口径、同一比较基数的增减额只能有一个",
        "同一项目与同一基数比较的增减额在文中多处出现时应一致，否则至少有一处错误。",
        "一处写“比上年增加56.95万元”，另一处写“比上年增加59.65万元”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // "项目支出预算减少 793.7 万元" and "项目支出 …，比 2021 年减少 818 万元" speak of the same change: a trailing
        // 预算 is dropped from the subject, and a change without a named base is compared with the prior-year ones.
        var groups = Claims(ctx)
            .Where(c => c.ChangeAmount is not null && c.Direction is not null && c.Subject.Length > 0 && !BasisOnly(c.Subject) && !ChangeMayBeTheHeads(c))
            .GroupBy(c => SubjectKey(c.Subject));
        foreach (var g in groups)
        {
            var list = g.ToList();
            var reported = new HashSet<decimal>();
            for (int i = 0; i < list.Count; i++)
            for (int j = i + 1; j < list.Count; j++)
            {
                var first = list[i];
                var other = list[j];
                // the same subject of different money (基本支出 of all funds vs of 一般公共预算) or of different units
                if (!SameBase(first, other) || first.Entity != other.Entity || !SameMoney(ctx, first, other)) continue;
                var signedFirst = Signed(first);
                var cmp = Tolerance.Printed(signedFirst, Tolerance.NarrativeScale(first.ChangeScale), Signed(other), Tolerance.NarrativeScale(other.ChangeScale));
                if (cmp.Verdict != Verdict.Mismatch || !reported.Add(Signed(other))) continue;
                yield return Report(
                    $"情况说明：「{first.Subject}」的增减额前后不一致，{Quote(first)}为 {Tolerance.FormatSigned(signedFirst)} 万元，" +
                    $"{Quote(other)}为 {Tolerance.FormatSigned(Signed(other))} 万元，差额 {Tolerance.FormatSigned(cmp.Difference)} 万元",
                    new[] { other.Source, first.Source }, signedFirst, Signed(other), "核对两处表述，统一为与表格一致的数字。");
            }
        }
    }

    /// <summary>
    /// Two statements of one subject speak of the same money: the same fund scope, or two scopes whose tables give the
    /// subject the same figure (a department funded by 一般公共预算 alone has one 基本支出 for both).
    /// </summary>
    private static bool SameMoney(AuditContext ctx, Claim a, Claim b)
    {
        if (a.Scope == b.Scope) return true;
        if (ctx.Resolver.Resolve(SubjectKey(a.Subject), a.Scope) is not { } x || ctx.Resolver.Resolve(SubjectKey(b.Subject), b.Scope) is not { } y) return false;
        if (x.Figure.Unit != y.Figure.Unit) return false;
        return Tolerance.Printed(x.Figure.Value, x.Figure.Scale, y.Figure.Value, y.Figure.Scale).Verdict != Verdict.Mismatch;
    }

    /// <summary>"预算数", "年初预算": a basis, not a subject — two such statements need not be about the same thing.</summary>
    private static bool BasisOnly(string subject) => SubjectResolver.Normalize(subject) is var s
        && System.Text.RegularExpressions.Regex.IsMatch(s, "^(?:(?:19|20)\\d{2}年度?)?(?:年初)?(?:预算|决算|执行|支出)数?$");

    private static string SubjectKey(string subject)
    {
        var s = SubjectResolver.Normalize(subject);
        return s.Length > 2 && s.EndsWith("预算", StringComparison.Ordinal) ? s[..^2] : s;
    }

    private static bool SameBase(Claim a, Claim b) =>
        (a.Base == b.Base && a.ComparedYear == b.ComparedYear) ||
        (a.Base == ComparisonBase.Unspecified && b.Base == ComparisonBase.PriorYear) ||
        (b.Base == ComparisonBase.Unspecified && a.Base == ComparisonBase.PriorYear);

    private static decimal Signed(Claim c) => c.Direction == ChangeDirection.Decrease ? -c.ChangeAmount!.Value : c.ChangeAmount!.Value;

    private static readonly System.Text.RegularExpressions.Regex HeadAmount =
        new("\\d\\s*(?:万元|亿元|千元|元)", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly System.Text.RegularExpressions.Regex ComparedWith =
        new("较上年|比上年|同比|较20\\d{2}|比20\\d{2}", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly System.Text.RegularExpressions.Regex ChangeWord =
        new("较上年|比上年|同比|较20\\d{2}|比20\\d{2}|增加|减少|增长|下降|持平", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>
    /// "总额 A万元，其中：项目 B万元，较上年减少C万元" with no change stated for the 总额: the change may be the total's
    /// as well as the item's (one template gives the total's change there when 其中 lists two items), so whose it is
    /// cannot be told and it is not compared with other statements of the item.
    /// </summary>
    internal static bool ChangeMayBeTheHeads(Claim c)
    {
        foreach (var clause in c.Sentence.Split('；', '。', ';'))
        {
            int q = clause.IndexOf("其中", StringComparison.Ordinal);
            if (q < 0) continue;
            int at = clause.IndexOf(c.Subject, q, StringComparison.Ordinal);
            if (at < 0 || !ChangeWord.IsMatch(clause, at)) continue;
            // the change follows the 其中 item; the head before 其中 states an amount and no change of its own (a 其中
            // opening the clause belongs to a head stated in the sentence before, with its own change)
            // several items each with its own comparison (其中：基本支出…较上年增加…，项目支出…较上年减少…) own their changes
            var head = clause[..q];
            if (HeadAmount.IsMatch(head) && !ChangeWord.IsMatch(head) && ComparedWith.Matches(clause, q).Count <= 1) return true;
        }
        return false;
    }
}

/// <summary>GK408 a year-on-year comparison names the year before the one it speaks of.</summary>
public sealed class ComparedYearIsPrior : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK408", "同比年份为上一年度", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "比较年份 = 所述年度 − 1（所述年度缺省为文件年度）",
        "与上年比较的句子所写的比较年份应为所述年度的上一年；2024 年度文件写“比2024年”或“比2022年”均属错误。",
        "2024年度决算：“与2023年度相比”正确，“与2024年度相比”错误");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var docYear = ctx.Disclosure.Year;
        foreach (var c in Claims(ctx))
        {
            if (c.ComparedYear is not int cy || c.Base is not (ComparisonBase.PriorYear or ComparisonBase.Unspecified)) continue;
            if ((c.Year ?? docYear) is not int y) continue;
            if (cy == y - 1) continue;
            yield return Report($"情况说明{Quote(c)}：比较年份应为 {y - 1} 年，实为 {cy} 年，相差 {cy - (y - 1):+0;-0} 年",
                new[] { c.Source }, y - 1, cy, $"将比较年份改为 {y - 1} 年，并核对比较数据是否取自该年度。");
        }
    }
}

/// <summary>GK409 完成 W% = 决算 ÷ 预算 × 100 (N7, N12).</summary>
public sealed class CompletionPercent : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK409", "预算完成率与金额相符", Severity.Error, Applicability.FinalAccount, RuleCategory.Narrative,
        "完成率 = 决算数 ÷ 预算数 × 100（预算数取句中所称年初或全年预算）",
        "“完成年初预算的 w%”应能由句中的决算数和预算数重新算出；预算数为 0 时完成率没有意义。",
        "2940.05 ÷ 2993.92 × 100 = 98.20%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.CompletionPercent is not decimal w || c.Amount is not decimal a || c.BaseAmount is not decimal b) continue;
            if (b == 0m)
            {
                yield return Report($"情况说明{Quote(c)}：预算数为 0，完成率 {Tolerance.Format(w)}% 无法成立", new[] { c.Source }, null, w,
                    "预算数为 0 时不应表述完成率，改用全年（调整）预算或说明未安排预算。");
                continue;
            }
            var scale = Math.Min(Tolerance.NarrativeScale(c.AmountScale), Tolerance.NarrativeScale(c.BaseAmountScale));
            var f = Judge(ctx, Tolerance.Percent(w, a, b, scale, c.CompletionPercentScale), $"情况说明{Quote(c)}",
                $"「{c.Subject}」完成率（{Tolerance.Format(a)} ÷ {Tolerance.Format(b)}）", new[] { c.Source }, unit: "%");
            if (f is not null) yield return f;
        }
    }
}

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

/// <summary>GK411 the stated change equals current − stated base (N10).</summary>
public sealed class ChangeAmountMatchesBase : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK411", "增减额等于本期数与基数之差", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "|本期 − 基数| = 增减额",
        "句中同时给出本期数、基数和增减额时，增减额应等于两者之差。",
        "年初预算 6201.55、决算 3925.66，减少 2275.89");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in Claims(ctx))
        {
            if (c.Amount is not decimal a || c.BaseAmount is not decimal b || c.ChangeAmount is not decimal delta) continue;
            var scale = new[] { c.AmountScale, c.BaseAmountScale, c.ChangeScale }.Select(Tolerance.NarrativeScale).Min();
            var f = Judge(ctx, Tolerance.Sum(delta, a >= b ? new[] { a, -b } : new[] { b, -a }, scale), $"情况说明{Quote(c)}",
                $"「{c.Subject}」增减额应等于本期 {Tolerance.Format(a)} 与基数 {Tolerance.Format(b)} 之差", new[] { c.Source }, unit: "万元");
            if (f is not null) yield return f;
        }
    }
}
