using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

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
