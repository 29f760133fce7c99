using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Narrative;

/// <summary>
/// What the sentences before the current one established, for statements that do not repeat their subject
/// ("较年初预算数减少 …" after "一般公共预算财政拨款收入 3925.66 万元 …"; "费用支出较年初预算数减少 …" after
/// "公务用车运行维护费 1.95 万元 …"). The narrative recognizer keeps one per section.
/// </summary>
public sealed class ClaimContext
{
    /// <summary>The last subject stated with a figure.</summary>
    public string? Subject { get; set; }
    public decimal? Amount { get; set; }
    public int AmountScale { get; set; }
    public ValueUnit Unit { get; set; } = ValueUnit.WanYuan;
    /// <summary>The money the last sentence spoke of (一般公共预算, 财政拨款 …).</summary>
    public FundScope Scope { get; set; }
    /// <summary>Set by the extraction of a sentence: its scope, taken over by <see cref="Update"/>.</summary>
    internal FundScope SentenceScope { get; set; }
    /// <summary>The reason given by the next sentence when it starts with 主要原因是 / 原因是 / 主要是.</summary>
    public string? FollowingReason { get; set; }

    /// <summary>Remember the last figure-bearing claim of a sentence.</summary>
    public void Update(IReadOnlyList<Claim> claims)
    {
        // a sentence that breaks a total down speaks of the total ("“三公”经费 6 万元，其中 …。与 2021 年相比持平").
        var whole = claims.FirstOrDefault(c => c.Kind == ClaimKind.Breakdown && c.Subject.Length > 0 && c.Amount is not null);
        // but when its parts carry changes of their own ("其中：基本支出 x，比上年减少 …；项目支出 y …。比上年增加 …"), the
        // next sentence goes on with the last part that has none yet
        if (whole is not null && whole.Parts.Count > 0 && claims.Any(c => c.Kind == ClaimKind.Change && whole.Parts.Any(p => p.Subject == c.Subject))
            && !claims.Any(c => c.Kind == ClaimKind.Change && c.Subject == whole.Parts[^1].Subject))
        {
            var part = whole.Parts[^1];
            Subject = part.Subject;
            Amount = part.Amount;
            AmountScale = part.Scale;
            Unit = part.Unit;
            Scope = SentenceScope;
            return;
        }
        if (whole is not null)
        {
            Subject = whole.Subject;
            Amount = whole.Amount;
            AmountScale = whole.AmountScale;
            Unit = whole.Unit;
            Scope = SentenceScope;
            return;
        }
        for (int i = claims.Count - 1; i >= 0; i--)
        {
            var c = claims[i];
            if (c.Kind is ClaimKind.Count || c.Subject.Length == 0) continue;
            if (c.Amount is null && c.Kind is not ClaimKind.Change) continue;
            Subject = c.Subject;
            Amount = c.Amount;
            AmountScale = c.AmountScale;
            Unit = c.Unit;
            Scope = SentenceScope;
            return;
        }
    }

    public void Reset()
    {
        Subject = null;
        Amount = null;
        AmountScale = 0;
        Unit = ValueUnit.WanYuan;
        Scope = FundScope.Unknown;
        FollowingReason = null;
    }
}

/// <summary>
/// Extracts the figures a narrative sentence states (情况说明): amounts (万元 / 元), changes against a base
/// (比上年 / 与 2023 年度相比 / 较年初预算数 增加|减少 …，增长|下降 …%, 持平, 无增减), shares (占 …%),
/// completion rates (完成年初预算的 …%), breakdowns (其中：…), counts (7 批次 111 人, 车辆 1 辆) and reasons
/// (主要原因是 …). Amounts inside a reason are not claims.
/// </summary>
public static partial class ClaimExtractor
{
    private const string Num = @"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";

    /// <summary>Extract the claims of one sentence, without context from earlier sentences.</summary>
    public static IEnumerable<Claim> Extract(Sentence s) => Extract(s, null);

    /// <summary>Extract the claims of one sentence; <paramref name="context"/> supplies an omitted subject.</summary>
    public static IReadOnlyList<Claim> Extract(Sentence s, ClaimContext? context)
    {
        var t = Normalize(s.Text);
        if (t.Length == 0) return Array.Empty<Claim>();
        return new Extraction(s, t, context).Run();
    }

    /// <summary>
    /// The form claims are matched on: half-width digits, no whitespace, Chinese punctuation for , ; : ( ),
    /// "收、支" → "收支".
    /// </summary>
    public static string Normalize(string text)
    {
        var h = Numbers.ToHalfWidth(text);
        var sb = new StringBuilder(h.Length);
        foreach (var c in h)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c);
        }
        for (int i = 0; i < sb.Length; i++)
        {
            char c = sb[i];
            switch (c)
            {
                case ',':
                    bool digits = i > 0 && i + 1 < sb.Length && char.IsAsciiDigit(sb[i - 1]) && char.IsAsciiDigit(sb[i + 1])
                        && i + 3 < sb.Length && char.IsAsciiDigit(sb[i + 2]) && char.IsAsciiDigit(sb[i + 3]);
                    if (!digits) sb[i] = '，';
                    break;
                case ';': sb[i] = '；'; break;
                case ':': sb[i] = '：'; break;
                case '(': sb[i] = '（'; break;
                case ')': sb[i] = '）'; break;
                case '!': sb[i] = '！'; break;
                case '?': sb[i] = '？'; break;
            }
        }
        return sb.ToString().Replace("收、支", "收支");
    }

    /// <summary>Whether a (normalized or raw) sentence opens with a reason marker; returns the reason text.</summary>
    public static bool TryLeadingReason(string text, out string reason)
    {
        var t = Normalize(text);
        var m = LeadingReasonRegex().Match(t);
        reason = m.Success ? t[m.Length..].TrimEnd('，', '。', '；') : "";
        return m.Success && reason.Length > 0;
    }

    /// <summary>Clean a subject: drop numbering, years, 本部门 / 我局 and trailing verbs; "会议费支出" → "会议费".</summary>
    public static string CleanSubject(string raw)
    {
        var s = raw.Trim().Trim('，', '。', '；', '：', '、', '-', '—');
        s = QuoteRegex().Replace(s, "“三公”");
        if (s.Contains("三公经费")) s = s.Replace("三公经费", "“三公”经费");
        for (int guard = 0; guard < 8; guard++)
        {
            var before = s;
            s = LeadingNumberingRegex().Replace(s, "");
            s = LeadingNoiseRegex().Replace(s, "");
            s = TrailingNoiseRegex().Replace(s, "");
            s = s.Trim('，', '。', '；', '：', '、');
            if (s == before) break;
        }
        if (FeeSpendingRegex().IsMatch(s)) s = s[..^2];
        return s;
    }

    /// <summary>Subjects that name nothing by themselves and take the subject of the context.</summary>
    private static bool IsGeneric(string s) => s.Length == 0 || s is "费用支出" or "费用" or "支出数" or "其中" or "分别" or "各" or "均"
        or "该项" or "此项" or "上述" or "以上";

    private sealed record Ev(int Start, int End, char Kind, Match M);

    private sealed class Extraction
    {
        private readonly Sentence _s;
        private readonly string _t;
        private readonly ClaimContext? _ctx;
        private readonly bool[] _masked;
        private readonly int[] _depth;
        private readonly int _bodyStart;
        private readonly List<(int Start, int End, string Text)> _reasons = new();

        public Extraction(Sentence s, string t, ClaimContext? ctx)
        {
            _s = s;
            _t = t;
            _ctx = ctx;
            _masked = new bool[t.Length + 1];
            _depth = new int[t.Length + 1];
            int d = 0;
            for (int i = 0; i < t.Length; i++)
            {
                if (t[i] == '（') d++;
                _depth[i] = d;
                if (t[i] == '）' && d > 0) d--;
            }
            _depth[t.Length] = d;
            var nm = LeadingNumberingRegex().Match(t);
            _bodyStart = nm.Success ? nm.Length : 0;
        }

        private int? _sentenceYear;

        public IReadOnlyList<Claim> Run()
        {
            // 1. changes, then reasons bounded by the next change clause, then drop changes inside a reason.
            var changes = ChangeRegex().Matches(_t).Cast<Match>().ToList();
            foreach (Match r in ReasonRegex().Matches(_t))
            {
                int start = r.Index;
                if (_reasons.Count > 0 && start < _reasons[^1].End) continue;
                int end = _t.Length;
                int semi = _t.IndexOf('；', r.Index + r.Length);
                if (semi >= 0) end = semi;
                foreach (var c in changes)
                {
                    if (c.Index > r.Index + r.Length && c.Index < end && c.Index > 0 && _t[c.Index - 1] == '，')
                    {
                        end = c.Index - 1;
                        break;
                    }
                }
                var text = _t[(r.Index + r.Length)..end].TrimEnd('，', '。', '；');
                _reasons.Add((start, end, text));
                for (int i = start; i < end; i++) _masked[i] = true;
            }
            // a reason that itemises the change by 基本支出 / 项目支出 / 人员经费 / 公用经费 ("主要是基本支出预算增加 8.26 万元，
            // 项目支出预算减少 793.7 万元") states changes of those subjects: keep them as claims (no named base)
            foreach (var (start, end, _) in _reasons)
                foreach (Match m in ItemisedChange().Matches(_t[start..end]))
                    for (int i = start + m.Index; i < start + m.Index + m.Length; i++) _masked[i] = false;
            changes = changes.Where(c => !_masked[c.Index]).ToList();

            var events = new List<Ev>();
            foreach (var c in changes)
            {
                events.Add(new Ev(c.Index, c.Index + c.Length, 'C', c));
                for (int i = c.Index; i < c.Index + c.Length; i++) _masked[i] = true;
            }
            foreach (Match m in ShareRegex().Matches(_t))
            {
                if (IsMasked(m)) continue;
                events.Add(new Ev(m.Index, m.Index + m.Length, 'S', m));
                Mask(m);
            }
            foreach (Match m in CompletionRegex().Matches(_t))
            {
                if (IsMasked(m)) continue;
                events.Add(new Ev(m.Index, m.Index + m.Length, 'P', m));
                Mask(m);
            }
            foreach (Match m in RelationRegex().Matches(_t))
            {
                if (IsMasked(m)) continue;
                events.Add(new Ev(m.Index, m.Index + m.Length, 'R', m));
                Mask(m);
            }
            foreach (Match m in AmountRegex().Matches(_t))
            {
                if (IsMasked(m)) continue;
                events.Add(new Ev(m.Index, m.Index + m.Length, 'A', m));
                Mask(m);
            }
            foreach (Match m in CountRegex().Matches(_t))
            {
                if (IsMasked(m)) continue;
                events.Add(new Ev(m.Index, m.Index + m.Length, 'N', m));
                Mask(m);
            }
            foreach (Match m in InRegex().Matches(_t))
            {
                if (_masked[m.Index]) continue;
                events.Add(new Ev(m.Index, m.Index + m.Length, 'Q', m));
            }
            foreach (Match m in YearRegex().Matches(_t))
            {
                if (_masked[m.Index]) continue;
                // "《2017-2019年财政规划》", "2017—2019年": a cited title or a range is not the year the sentence speaks of
                if (InTitle(m.Index) || m.Index > 0 && _t[m.Index - 1] is '-' or '—' or '–' or '~' or '～' or '至' or '到') continue;
                _sentenceYear = int.Parse(m.Groups[1].Value);
                break;
            }
            events.Sort((a, b) => a.Start.CompareTo(b.Start));
            return Walk(events);
        }

        private bool InTitle(int pos)
        {
            int open = _t.LastIndexOf('《', pos);
            return open >= 0 && _t.LastIndexOf('》', pos) < open;
        }

        private bool IsMasked(Match m)
        {
            for (int i = m.Index; i < m.Index + m.Length; i++) if (_masked[i]) return true;
            return false;
        }

        private void Mask(Match m)
        {
            for (int i = m.Index; i < m.Index + m.Length; i++) _masked[i] = true;
        }

        private sealed class Open(int pos, Fig? whole, int end, int depth)
        {
            public int Pos { get; } = pos;
            public Fig? Whole { get; } = whole;
            public int End { get; set; } = end;
            public int Depth { get; } = depth;
            public List<ClaimPart> Parts { get; } = new();
            /// <summary>A list nested in another one (包括 …): its parts are not parts of the outer list.</summary>
            public bool Nested { get; init; }
        }

        private sealed record Fig(string Subject, decimal Value, int Scale, ValueUnit Unit, int Start, int End, string? Code);

        private List<Claim> Walk(List<Ev> events)
        {
            var claims = new List<(int Pos, Claim Claim)>();
            Fig? last = null, first = null;
            var figs = new List<Fig>();
            var sharedFigs = new HashSet<Fig>(ReferenceEqualityComparer.Instance);
            int prevEnd = _bodyStart;
            Claim? countClaim = null;
            int countEnd = -1;
            var breakdowns = new List<Open>();

            foreach (var e in events)
            {
                switch (e.Kind)
                {
                    case 'A':
                    {
                        var (subject, code) = SubjectBefore(e.Start, prevEnd);
                        Numbers.TryParseDecimal(e.M.Groups["n"].Value, out var v, out var sc);
                        var unit = e.M.Groups["u"].Value == "元" ? ValueUnit.Yuan : ValueUnit.WanYuan;
                        if (subject.Length == 0) subject = InheritSubject("") ?? "";
                        // "19,828.57 万元比 2025 年初预算数 20,292.85 万元减少 464.28 万元": the base of a comparison and
                        // the bare change after it are neither amounts of a subject nor parts of a list
                        if (ComparisonBaseSubjectRegex().IsMatch(subject))
                        {
                            prevEnd = e.End;
                            continue;
                        }
                        // "…（项）（2010108）年初预算为 B 万元，支出决算为 A 万元": a bare 决算 right after the budget of a named
                        // subject in the same clause list is that subject's actual
                        if (ActualBasisRegex().IsMatch(subject) && last is not null && last.End <= e.Start
                            && _t.IndexOfAny(['；', '。'], last.End, e.Start - last.End) < 0
                            && NamedBudgetSuffixRegex().Match(last.Subject) is { Success: true, Index: > 0 } nb)
                        {
                            subject = last.Subject[..nb.Index];
                            code ??= last.Code;
                        }
                        // "1.因公出国（境）费用。2026 年预算数 28.00 万元": a bare 预算数 speaks of its heading's item
                        if (BasisOnlyRegex().IsMatch(subject) && HeadingItem() is { } item) subject = item;
                        var verb = VerbChangeRegex().Match(subject);
                        if (verb.Success && verb.Index > 0)
                        {
                            // "基本支出增加 38.19 万元" — a change without a named base.
                            claims.Add((e.Start, new Claim
                            {
                                Kind = ClaimKind.Change, Subject = subject[..verb.Index], Unit = unit,
                                Direction = verb.Value == "增加" ? ChangeDirection.Increase : ChangeDirection.Decrease,
                                ChangeAmount = v, ChangeScale = sc, Base = ComparisonBase.Unspecified, Code = code,
                                Year = _sentenceYear, Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
                            }));
                            prevEnd = e.End;
                            continue;
                        }
                        var fig = new Fig(subject, v, sc, unit, e.Start, e.End, code);
                        claims.Add((e.Start, Make(ClaimKind.Amount, subject, fig, code)));
                        // parts of an open breakdown; a nested list ("基本支出 x 万元，包括 a、b；项目支出 y") keeps its
                        // parts to itself: a part belongs to the innermost open list only.
                        var owner = breakdowns.Where(b => e.Start > b.Pos && e.Start < b.End && _depth[e.Start] == b.Depth)
                            .OrderByDescending(b => b.Pos).FirstOrDefault();
                        if (owner is not null && subject.Length > 0)
                        {
                            if (owner.Nested)
                                owner.Parts.Add(new ClaimPart(subject, v, sc, unit));
                            else
                                foreach (var b in breakdowns)
                                    if (e.Start > b.Pos && e.Start < b.End && _depth[e.Start] == b.Depth)
                                        b.Parts.Add(new ClaimPart(subject, v, sc, unit));
                        }
                        last = fig;
                        first ??= fig;
                        figs.Add(fig);
                        // "总额 4 万元：货物 4 万元、工程 0 万元、服务 8 万元" — an amount followed by a colon opens a list of
                        // its own parts; it closes any breakdown it is itself a part of ("其中 a 0 万元：…").
                        int colon = e.End;
                        while (colon < _t.Length && _t[colon] == ' ') colon++;
                        var includes = IncludesRegex().Match(_t, colon);
                        if (includes.Success && includes.Index == colon && subject.Length > 0)
                        {
                            // "x 万元，包括 a、b；…" — a nested list of x's own parts, ending with its clause.
                            int nestEnd = _t.IndexOfAny(new[] { '；', '。' }, colon);
                            breakdowns.Add(new Open(colon, fig, nestEnd < 0 ? _t.Length : nestEnd, _depth[e.Start]) { Nested = true });
                        }
                        else if (colon < _t.Length && _t[colon] is '：' or ':' && subject.Length > 0)
                        {
                            foreach (var b in breakdowns)
                                if (e.Start > b.Pos && e.Start < b.End) b.End = e.End;
                            int listEnd = _t.IndexOfAny(new[] { '；', '。' }, colon);
                            if (listEnd < 0) listEnd = _t.Length;
                            int inner = _t.IndexOf("其中", colon, StringComparison.Ordinal);
                            if (inner >= 0 && inner < listEnd) listEnd = inner;
                            breakdowns.Add(new Open(colon, fig, listEnd, _depth[e.Start]));
                        }
                        break;
                    }
                    case 'S':
                    {
                        Numbers.TryParseDecimal(e.M.Groups["s"].Value, out var sh, out var shScale);
                        var of = CleanSubject(e.M.Groups["of"].Value.TrimStart('比'));
                        Fig? owner = last;
                        if (owner is not null) sharedFigs.Add(owner);
                        string subject;
                        if (owner is null)
                        {
                            var (pre, _) = SubjectBefore(e.Start, prevEnd);
                            subject = IsGeneric(pre) ? InheritSubject(pre) ?? pre : pre;
                        }
                        else subject = owner.Subject;
                        claims.Add((e.Start, new Claim
                        {
                            Kind = ClaimKind.Share, Subject = subject, Amount = owner?.Value, AmountScale = owner?.Scale ?? 0,
                            Unit = owner?.Unit ?? ValueUnit.WanYuan, SharePercent = sh, SharePercentScale = shScale, ShareOf = of.Length > 0 ? of : null,
                            Code = owner?.Code, Year = _sentenceYear, Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
                        }));
                        if (owner is not null)
                            foreach (var b in breakdowns)
                                if (b.Parts.Count > 0 && b.Parts[^1].Subject == owner.Subject && b.Parts[^1].SharePercent is null && e.Start < b.End)
                                    b.Parts[^1] = b.Parts[^1] with { SharePercent = sh, SharePercentScale = shScale };
                        break;
                    }
                    case 'P':
                    {
                        Numbers.TryParseDecimal(e.M.Groups["c"].Value, out var c, out var cScale);
                        var (pre, _) = SubjectBefore(e.Start, prevEnd);
                        string subject = pre;
                        decimal? amount = null; int scale = 0; var unit = ValueUnit.WanYuan;
                        if (IsGeneric(pre) && last is not null) { subject = last.Subject; amount = last.Value; scale = last.Scale; unit = last.Unit; }
                        else if (IsGeneric(pre)) subject = InheritSubject(pre) ?? pre;
                        var bw = e.M.Groups["b"].Value;
                        // "年初预算 B 万元，(支出)决算 A 万元，完成年初预算的 W%" (in either order): the budget and the actual
                        // figure of the same clause list (not across 其中 or ；) give the rate's base and amount.
                        decimal? baseAmount = null; int baseScale = 0;
                        if (IsGeneric(pre) && BudgetPair(figs, e.Start, bw) is var (act, bud))
                        {
                            subject = act.Subject; amount = act.Value; scale = act.Scale; unit = act.Unit;
                            baseAmount = bud.Value; baseScale = bud.Scale;
                        }
                        claims.Add((e.Start, new Claim
                        {
                            Kind = ClaimKind.Completion, Subject = subject, Amount = amount, AmountScale = scale, Unit = unit,
                            CompletionPercent = c, CompletionPercentScale = cScale, Base = BaseOf(bw), Year = _sentenceYear, Reason = ReasonAfter(e.End, null),
                            BaseAmount = baseAmount, BaseAmountScale = baseScale,
                            Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
                        }));
                        break;
                    }
                    case 'R':
                    {
                        // "决算数低于年初预算数" after the actual and budget figures of its clause list: a statement of the
                        // relation between the two (checked by GK410); without both figures it states nothing checkable.
                        var bw = e.M.Groups["b"].Value;
                        if (BudgetPair(figs, e.Start, bw) is var (act, bud))
                            claims.Add((e.Start, new Claim
                            {
                                Kind = ClaimKind.Completion, Subject = act.Subject, Amount = act.Value, AmountScale = act.Scale, Unit = act.Unit,
                                BaseAmount = bud.Value, BaseAmountScale = bud.Scale, Base = BaseOf(bw), Year = _sentenceYear,
                                Relation = e.M.Groups["rel"].Value switch { "大于" or "高于" or "超过" => ChangeDirection.Increase, "等于" => ChangeDirection.Flat, _ => ChangeDirection.Decrease },
                                Reason = ReasonAfter(e.End, null), Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
                            }));
                        break;
                    }
                    case 'C':
                    {
                        // "收入 X 万元，其中：a、b、c，较上年减少 Δ" — a change right after a list of two or more parts, none
                        // with a change of its own, speaks of the list's whole, not of its last part.
                        var list = breakdowns.Where(b => e.Start > b.Pos && e.Start < b.End && b.Whole is not null && b.Parts.Count >= 2)
                            .OrderByDescending(b => b.Pos).FirstOrDefault();
                        bool ofWhole = list is not null && last is not null && last.Subject == list.Parts[^1].Subject
                            && e.Start > 0 && _t[e.Start - 1] == '，' && !claims.Any(x => x.Claim.Kind == ClaimKind.Change && x.Pos > list.Pos)
                            && _t.IndexOfAny(new[] { '，', '；' }, list.Pos, e.Start - 1 - list.Pos) < 0;
                        // a figure inside brackets ("…（a x 万元；b y 万元）比上年增加 …") is an aside: the change after the bracket
                        // speaks of the last figure outside it
                        var outer = figs.LastOrDefault(f => _depth[f.Start] <= _depth[e.Start]) ?? last;
                        var change = MakeChange(e.M, prevEnd, ofWhole ? list!.Whole : outer, events);
                        claims.Add((e.Start, change));
                        // a change about something other than the last part closes the list of parts (a change inside
                        // brackets is an aside of its own and closes nothing outside them).
                        foreach (var b in breakdowns)
                            if (e.Start > b.Pos && e.Start < b.End && _depth[e.Start] <= b.Depth && (b.Parts.Count == 0 || b.Parts[^1].Subject != change.Subject))
                                b.End = e.Start;
                        break;
                    }
                    case 'N':
                    {
                        Numbers.TryParseDecimal(e.M.Groups["n"].Value, out var n, out _);
                        var word = e.M.Groups["w"].Value + e.M.Groups["noun"].Value;
                        if (countClaim is not null && countEnd == e.Start)
                        {
                            countClaim.Counts.Add((n, word));
                        }
                        else
                        {
                            var (subject, _) = SubjectBefore(e.Start, prevEnd);
                            subject = CountSubjectRegex().Replace(subject, "");
                            countClaim = new Claim
                            {
                                Kind = ClaimKind.Count, Subject = subject, Unit = ValueUnit.Count, Year = _sentenceYear,
                                Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
                            };
                            countClaim.Counts.Add((n, word));
                            claims.Add((e.Start, countClaim));
                        }
                        countEnd = e.End;
                        break;
                    }
                    case 'Q':
                    {
                        // 其中：a、b … — the whole is the last amount of the sentence, else the context.
                        Fig? whole = last;
                        int segStart = Math.Max(_t.LastIndexOf('；', e.Start), 0);
                        // "…；其中 a …" after a list: the whole is the total the sentence opened with.
                        if (whole is not null && whole.Start < segStart) whole = first;
                        if (whole is null && _ctx?.Subject is string cs && _ctx.Amount is decimal ca)
                            whole = new Fig(cs, ca, _ctx.AmountScale, _ctx.Unit, -1, -1, null);
                        int end = _t.Length;
                        // a whole that is itself a share ("基本支出 …，占 20.83%，其中：…；项目支出 …") is
                        // one item of a list: its breakdown ends with its segment.
                        if (whole is not null && whole.Start >= segStart && sharedFigs.Contains(whole))
                        {
                            int semi = _t.IndexOf('；', e.Start);
                            if (semi >= 0) end = semi;
                        }
                        int next = _t.IndexOf("其中", e.End, StringComparison.Ordinal);
                        if (next >= 0 && next < end && _depth[next] == _depth[e.Start])
                        {
                            // "…；本部门当年预算支出 y 万元，其中：…" — the next list's whole, after the last ；, is not a part of this one
                            int cut = _t.LastIndexOf('；', next);
                            end = cut > e.End ? cut : next;
                        }
                        breakdowns.Add(new Open(e.Start, whole, end, _depth[e.Start]));
                        break;
                    }
                }
                if (e.Kind != 'Q') prevEnd = e.End;
            }

            foreach (var b in breakdowns)
            {
                if (b.Parts.Count == 0) continue;
                var c = new Claim
                {
                    Kind = ClaimKind.Breakdown, Subject = b.Whole?.Subject ?? "", Amount = b.Whole?.Value,
                    AmountScale = b.Whole?.Scale ?? 0, Unit = b.Whole?.Unit ?? ValueUnit.WanYuan, Year = _sentenceYear,
                    Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
                };
                c.Parts.AddRange(b.Parts);
                claims.Add((b.Pos, c));
            }
            // the money each figure speaks of: its own subject, else the sentence's lead (the words before its first
            // figure), else the statement it continues, else its heading
            // (the lead ends before the first figure's own subject: "收入包括：一般公共预算拨款 x 万元、…" leads with 收入包括)
            int firstFigure = events.Where(e => e.Kind == 'A').Select(e => e.Start).DefaultIfEmpty(_t.Length).First();
            int leadEnd = firstFigure > _bodyStart ? _t.LastIndexOfAny(new[] { '，', '。', '；', '：', '、' }, firstFigure - 1) + 1 : _bodyStart;
            var lead = ScopeOf(_t[_bodyStart..Math.Max(_bodyStart, leadEnd)]);
            // else the sentence's opening figure ("支出预算 x 万元，包括 a …、b …": a and b are of all funds)
            // (only a figure that opens a list of its own parts: "…万元，包括/其中 …")
            var openingEvent = events.FirstOrDefault(e => e.Kind == 'A');
            var opening = openingEvent is null ? null : claims.Where(x => x.Pos == openingEvent.Start).Select(x => x.Claim).FirstOrDefault(x => x.Kind == ClaimKind.Amount);
            bool opensList = openingEvent is not null && ListOpenerRegex().IsMatch(_t[openingEvent.End..]);
            var openingScope = opening is null || !opensList ? FundScope.Unknown : ScopeOf(opening.Subject);
            var fallback = lead != FundScope.Unknown ? lead
                : openingScope != FundScope.Unknown ? openingScope
                : _ctx is { Subject: not null, Scope: not FundScope.Unknown } ? _ctx.Scope
                : ScopeOf(_s.SectionHeading);
            foreach (var (_, claim) in claims)
            {
                var own = ScopeOf(claim.Subject);
                claim.Scope = own != FundScope.Unknown ? own : fallback;
            }
            // what the next sentence continues: the one scope all figures here share, else the sentence's own lead
            var figureScopes = claims.Where(x => x.Claim.Amount is not null && x.Claim.Kind != ClaimKind.Count).Select(x => x.Claim.Scope).Distinct().ToList();
            if (_ctx is not null) _ctx.SentenceScope = figureScopes.Count == 1 ? figureScopes[0] : fallback;
            return claims.OrderBy(c => c.Pos).Select(c => c.Claim).ToList();
        }

        /// <summary>
        /// The actual and the budget figure a completion rate at <paramref name="pos"/> is computed from: within the
        /// segment since the last 其中 or ；, the last figure named as the budget of <paramref name="baseWord"/>
        /// (…年初预算 / …调整预算 / …全年预算 / any …预算) and the last figure not named as a budget, in the same unit.
        /// </summary>
        private (Fig Actual, Fig Budget)? BudgetPair(List<Fig> figs, int pos, string baseWord)
        {
            int segStart = Math.Max(Math.Max(_t.LastIndexOf('；', Math.Max(pos - 1, 0)), _t.LastIndexOf("其中", Math.Max(pos - 1, 0), StringComparison.Ordinal)), 0);
            var seg = figs.Where(f => f.Start >= segStart && f.Start < pos).ToList();
            static string Stem(string s) => s.EndsWith('数') ? s[..^1] : s;
            bool IsBudget(Fig f) => Stem(f.Subject).EndsWith("预算", StringComparison.Ordinal);
            bool OfBase(Fig f) => baseWord switch
            {
                "年初预算" => Stem(f.Subject).EndsWith("年初预算", StringComparison.Ordinal),
                "全年预算" or "调整预算" => Stem(f.Subject) is var s && (s.EndsWith("调整预算", StringComparison.Ordinal) || s.EndsWith("全年预算", StringComparison.Ordinal) || s.EndsWith("调整后预算", StringComparison.Ordinal)),
                _ => IsBudget(f),
            };
            // "年初预算 B，调整预算 D，决算数 A …，决算数等于预算数": an unnamed 预算 beside two budgets that differ could be
            // either — no pair rather than a guess
            if (baseWord is not ("年初预算" or "全年预算" or "调整预算") && seg.Where(IsBudget).Select(f => f.Value).Distinct().Count() > 1) return null;
            var budget = seg.LastOrDefault(OfBase);
            var actual = seg.LastOrDefault(f => !IsBudget(f));
            if (budget is null || actual is null || budget.Unit != actual.Unit) return null;
            return (actual, budget);
        }

        private Claim Make(ClaimKind kind, string subject, Fig fig, string? code) => new()
        {
            Kind = kind, Subject = subject, Amount = fig.Value, AmountScale = fig.Scale, Unit = fig.Unit, Code = code,
            Year = _sentenceYear, Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
        };

        private Claim MakeChange(Match m, int prevEnd, Fig? last, List<Ev> events)
        {
            var g = m.Groups;
            var dirWord = g["dir"].Value;
            ChangeDirection dir = dirWord switch
            {
                "增加" or "增长" or "上升" => ChangeDirection.Increase,
                "减少" or "下降" or "降低" => ChangeDirection.Decrease,
                _ => ChangeDirection.Flat,
            };
            decimal? delta = null; int deltaScale = 0;
            if (g["d"].Success && Numbers.TryParseDecimal(g["d"].Value, out var dv, out var ds)) { delta = dv; deltaScale = ds; }
            decimal? pct = null; int pctScale = 2;
            if (g["p"].Success && Numbers.TryParseDecimal(g["p"].Value, out var pv, out var ps)) { pct = pv; pctScale = ps; }
            ChangeDirection? pdir = null;
            var pw = g["pdir"].Success ? g["pdir"].Value : (pct is not null && delta is null ? dirWord : "");
            if (pw is "增长" or "增加" or "上升") pdir = ChangeDirection.Increase;
            else if (pw is "下降" or "减少" or "降低") pdir = ChangeDirection.Decrease;

            ComparisonBase bas; int? year = null;
            // "较2025年年初预算" / "比2025年初预算数": the prior year's initial budget
            if (g["y"].Success) { bas = g["yinit"].Success ? ComparisonBase.InitialBudget : ComparisonBase.PriorYear; year = int.Parse(g["y"].Value); }
            else if (g["init"].Success) bas = ComparisonBase.InitialBudget;
            else if (g["adj"].Success) bas = ComparisonBase.AdjustedBudget;
            else if (g["bud"].Success) bas = ComparisonBase.Budget;
            else bas = ComparisonBase.PriorYear; // 上年 / 同比

            // subject: between the comparison and the direction word, else before the comparison,
            // else the last amount of the sentence, else the context.
            string subject = CleanSubject(g["mid"].Value);
            if (subject is "有所" or "相比" or "比较") subject = "";
            string? code = null;
            if (IsGeneric(subject))
            {
                var (pre, c) = SubjectBefore(m.Index, prevEnd);
                subject = pre; code = c;
            }
            decimal? amount = null; int scale = 0; var unit = ValueUnit.WanYuan;
            if (IsGeneric(subject))
            {
                if (last is not null) { subject = last.Subject; amount = last.Value; scale = last.Scale; unit = last.Unit; code = last.Code; }
                else subject = InheritSubject(subject) ?? PreviousClause(m.Index, prevEnd) ?? subject;
            }
            else
            {
                var inherited = InheritSubject(subject);
                if (inherited is not null) subject = inherited;
            }
            if (amount is null)
            {
                if (last is not null && last.Subject == subject) { amount = last.Value; scale = last.Scale; unit = last.Unit; code ??= last.Code; }
                else if (_ctx?.Subject == subject && _ctx.Amount is decimal ca) { amount = ca; scale = _ctx.AmountScale; unit = _ctx.Unit; }
            }
            if (g["du"].Value == "元") unit = ValueUnit.Yuan;
            // a base printed in the clause is the comparison's own figure: kept only when the change is printed too and in
            // the unit of the current amount ("比上年 1.43 万元，增加 0.68%" has lost its verb: 1.43 is the change, not a base)
            decimal? baseAmount = null; int baseScale = 0;
            if (g["base"].Success && delta is not null && amount is not null
                && (g["bu"].Value == "元" ? ValueUnit.Yuan : ValueUnit.WanYuan) == unit
                && Numbers.TryParseDecimal(g["base"].Value, out var bv, out var bs))
            { baseAmount = bv; baseScale = bs; }
            int nextChange = events.Where(e => e.Kind == 'C' && e.Start > m.Index).Select(e => e.Start).DefaultIfEmpty(_t.Length).First();
            return new Claim
            {
                Kind = ClaimKind.Change, Subject = subject, Amount = amount, AmountScale = scale, Unit = unit,
                Direction = dir, ChangeAmount = delta, ChangeScale = deltaScale, ChangePercent = pct, ChangePercentScale = pctScale, PercentDirection = pdir,
                Base = bas, ComparedYear = year, Year = _sentenceYear, Code = code,
                BaseAmount = baseAmount, BaseAmountScale = baseScale,
                TemplateResidue = g["res"].Success || g["pres"].Success,
                Reason = ReasonAfter(m.Index + m.Length, nextChange),
                Sentence = _s.Text, Section = _s.SectionHeading, Source = _s.Source,
            };
        }

        /// <summary>The item a run-in heading names ("1.因公出国（境）费用。" → "因公出国（境）费用"), or null.</summary>
        private string? HeadingItem()
        {
            var h = _s.SectionHeading.Trim();
            if (NarrativeRecognizer.NumberingLevel(h, out int plen) is not (3 or 4)) return null;
            var item = CleanSubject(Normalize(h[plen..]).TrimEnd('。', '：'));
            return item.Length is >= 2 and <= 20 && !item.Contains('，') ? item : null;
        }

        /// <summary>The reason stated after a clause and before the next change, else the next sentence's.</summary>
        private string? ReasonAfter(int pos, int? before)
        {
            foreach (var r in _reasons)
                if (r.Start >= pos && (before is null || r.Start < before)) return r.Text.Length > 0 ? r.Text : null;
            bool laterChange = before is int b && b < _t.Length;
            return laterChange ? null : _ctx?.FollowingReason;
        }

        /// <summary>A context subject that a generic or abbreviated subject stands for ("收支" → "收支总计").</summary>
        private string? InheritSubject(string candidate)
        {
            if (_ctx?.Subject is not string cs) return null;
            if (IsGeneric(candidate)) return cs;
            if (cs.Length > candidate.Length && cs.StartsWith(candidate, StringComparison.Ordinal)) return cs;
            return null;
        }

        /// <summary>
        /// The clause before the one holding <paramref name="pos"/>, as a subject ("…无结转和结余，与 2023 年度相比，无增减").
        /// </summary>
        private string? PreviousClause(int pos, int floor)
        {
            int i = pos - 1;
            while (i >= floor && _t[i] != '，') i--;
            if (i <= floor) return null;
            var (s, _) = SubjectBefore(i, floor);
            return s.Length > 0 ? s : null;
        }

        /// <summary>The subject written before position <paramref name="pos"/> in the same clause, with a code in brackets.</summary>
        private (string Subject, string? Code) SubjectBefore(int pos, int floor)
        {
            int end = pos;
            string? code = null;
            var cm = CodeBeforeRegex().Match(_t[..end]);
            if (cm.Success && cm.Index >= floor) { code = cm.Groups[1].Value; end = cm.Index; }
            int i = end - 1;
            int close = 0;
            for (; i >= floor; i--)
            {
                char c = _t[i];
                if (c == '）') { close++; continue; }
                if (c == '（') { if (close > 0) { close--; continue; } break; }
                if (close > 0) continue;
                if (c is '，' or '。' or '；' or '：' or '、' or '！' or '？') break;
            }
            int start = Math.Max(i + 1, floor);
            if (start >= end) return ("", code);
            var raw = _t[start..end];
            // "。）比上年增加 …": only punctuation and brackets before the figure — no subject
            if (raw.All(ch => !char.IsLetterOrDigit(ch))) return ("", code);
            return (CleanSubject(raw), code);
        }
    }

    /// <summary>
    /// The fund scope a text names: 一般公共预算 / 政府性基金 / 国有资本经营 / 财政拨款, else all funds when it speaks of the
    /// budget as a whole (收入预算, 支出预算, 收支总计 …); Unknown when it names none, or two different ones.
    /// </summary>
    public static FundScope ScopeOf(string text)
    {
        if (string.IsNullOrEmpty(text)) return FundScope.Unknown;
        var found = new HashSet<FundScope>();
        if (text.Contains("一般公共预算", StringComparison.Ordinal)) found.Add(FundScope.GeneralBudget);
        if (text.Contains("政府性基金", StringComparison.Ordinal)) found.Add(FundScope.GovernmentFund);
        if (text.Contains("国有资本经营", StringComparison.Ordinal)) found.Add(FundScope.StateCapital);
        if (found.Count == 0 && FiscalGrantRegex().IsMatch(text)) found.Add(FundScope.FiscalGrant);
        if (found.Count == 1) return found.First();
        if (found.Count > 1) return FundScope.Unknown;
        return AllFundsRegex().IsMatch(text) ? FundScope.All : FundScope.Unknown;
    }

    [GeneratedRegex(@"^[，,]?(?:其中|包括|主要包括|分别)")]
    private static partial Regex ListOpenerRegex();

    [GeneratedRegex(@"财政拨款|财政性资金|财政资金")]
    private static partial Regex FiscalGrantRegex();

    [GeneratedRegex(@"收入预算|支出预算|预算收入|预算支出|收支总?预算|部门预算|单位预算|年初预算数|收入合计|支出合计|收入总计|支出总计|收支总计|本年收入|本年支出|综合预算")]
    private static partial Regex AllFundsRegex();

    private static ComparisonBase BaseOf(string word) => word switch
    {
        "年初预算" => ComparisonBase.InitialBudget,
        "全年预算" or "调整预算" => ComparisonBase.AdjustedBudget,
        _ => ComparisonBase.Budget,
    };

    /// <summary>比上年 / 比 2021 年 / 比 2022 年预算 / 与 2023 年度相比 / 较年初预算数 / 较上年支出数 … 增加|减少 Δ 万元，增长|下降 p%.</summary>
    [GeneratedRegex(
        @"(?<cmp>同比|(?:比|较|与|同)(?:(?<y>(?:19|20)\d{2})年度?(?:(?<yinit>年?初预算数?|年初数)|预算数?|决算数?|支出数|执行数)?|上年度?(?:同期)?(?:预算数?|决算数?|支出数|执行数)?|(?<init>年初预算数?|年初数)|(?<adj>全年预算数?|调整后?预算数?)|(?<bud>预算数?))(?:相比|比较)?)" +
        // the base stated as a figure ("比 2025 年年初预算数 28479.84 万元增加 1476.43 万元")
        @"(?:(?<base>" + Num + @")(?<bu>万元|元)(?:相比|比较)?)?" +
        @"，?(?<mid>[^，。；：\d%（）]{0,24}?)" +
        @"(?<dir>基本持平|持平|无增减|无变化|没有变化|增加|减少|增长|下降|上升|降低)" +
        @"(?<res>（或?(?:增加|减少|增长|下降)）)?" +
        @"(?:(?<d>" + Num + @")(?<du>万元|元|万(?![余人户次多个]))(?!%))?" +
        @"(?:，?(?<pdir>增长|下降|上升|降低|增加|减少)?(?<pres>（或?(?:增加|减少|增长|下降)）)?(?<p>" + Num + @")%)?")]
    private static partial Regex ChangeRegex();

    [GeneratedRegex(@"(?<=[是，、：])(基本支出|项目支出|人员经费|公用经费)(预算|经费|拨款)?(增加|减少)\s*" + Num + @"\s*万元?")]
    private static partial Regex ItemisedChange();

    [GeneratedRegex(@"(?:变动的)?主要原因(?:是|为|：)|原因(?:是|为|：)|主要是(?!指)|主要由于|主要系")]
    private static partial Regex ReasonRegex();

    [GeneratedRegex(@"^(?:[（]?[一二三四五六七八九十\d]+[）、.]\s*)?(?:变动的)?(?:主要原因(?:是|为|：)?|原因(?:是|为|：)|主要是(?!指)|主要由于|主要系)")]
    private static partial Regex LeadingReasonRegex();

    [GeneratedRegex(@"占(?<of>[^，。；：%\d]{0,30}?)的?(?<s>" + Num + @")%")]
    private static partial Regex ShareRegex();

    [GeneratedRegex(@"完成(?<b>年初预算|全年预算|调整预算|预算)数?的?(?<c>" + Num + @")%")]
    private static partial Regex CompletionRegex();

    /// <summary>决算数低于年初预算数 / 决算数大于预算数 — the relation of the actual to a budget.</summary>
    [GeneratedRegex(@"决算数?(?<rel>大于|小于|高于|低于|等于|超过)(?<b>年初预算|全年预算|调整预算|预算)数?")]
    private static partial Regex RelationRegex();

    // "单位价值 50 万元以上设备" is a threshold, not an amount
    [GeneratedRegex(@"(?<![\d.,])(?<n>" + Num + @")(?<u>万元|元|万(?![元余人户次多个\d]))(?!%)(?![及或]?以[上下])")]
    private static partial Regex AmountRegex();

    [GeneratedRegex(@"(?<![\d.,])(?<n>\d+)(?<w>批次|人次|辆|个(?!百分点)|项|名|人(?!民币)|台（套）|台|套|家|户)(?<noun>项目|预算单位|单位)?")]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"其中")]
    private static partial Regex InRegex();

    [GeneratedRegex(@"[，,]?\s*(?:包括|分别为|分别是)")]
    private static partial Regex IncludesRegex();

    [GeneratedRegex(@"((?:19|20)\d{2})年(?!\d)")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"（(\d{3,7})）$")]
    private static partial Regex CodeBeforeRegex();

    [GeneratedRegex(@"^(?:[（][一二三四五六七八九十\d]+[）]|[一二三四五六七八九十]+、|\d{1,2}(?:、|\.(?!\d))|-)")]
    private static partial Regex LeadingNumberingRegex();

    [GeneratedRegex(@"^(?:其中|另外|此外|包括|主要原因是|主要原因为|主要是|原因是|(?:19|20)\d{2}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末)?)?|(?:19|20)\d{2}年(?:底|末)|截[至止]|本年度|本年|本部门|本单位|我局|我单位|本局|我部门|当年|所属各?预算单位|涉及)")]
    private static partial Regex LeadingNoiseRegex();

    [GeneratedRegex(@"(?:均为|分别为|共计|合计为|总计为|为|是|达到|达|约|各|均|分别|有所|共)$")]
    private static partial Regex TrailingNoiseRegex();

    [GeneratedRegex(@"(?:会议|培训|差旅|经|接待|维护|购置|（境）)费支出$")]
    private static partial Regex FeeSpendingRegex();

    [GeneratedRegex(@"(?:增加|减少)$")]
    private static partial Regex VerbChangeRegex();

    [GeneratedRegex(@"^(?:比|较|同比)|^(?:增加|减少|增长|下降)$")]
    private static partial Regex ComparisonBaseSubjectRegex();

    [GeneratedRegex(@"^(?:支出)?决算数?$|^决算支出数?$")]
    private static partial Regex ActualBasisRegex();

    [GeneratedRegex(@"(?:年初|调整后?|全年)预算数?$")]
    private static partial Regex NamedBudgetSuffixRegex();

    [GeneratedRegex(@"^(?:年初)?(?:预算|决算|执行|支出)数?$")]
    private static partial Regex BasisOnlyRegex();

    [GeneratedRegex(@"^共有")]
    private static partial Regex CountSubjectRegex();

    [GeneratedRegex(@"[""“”‘’']三公[""“”‘’']")]
    private static partial Regex QuoteRegex();
}
