using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Narrative;

/// <summary>
/// Builds the narrative (情况说明) of a disclosure from the text blocks of a source document: sections by
/// heading numbering (一、 → 1, （一） → 2, 1. / 1、 → 3, (1) → 4, 第一部分 → 0, else the markdown level),
/// paragraphs re-joined where the text conversion broke them, sentences split on 。；！？ with their line,
/// and the claims of every sentence (<see cref="ClaimExtractor"/>).
/// </summary>
public static partial class NarrativeRecognizer
{
    /// <summary>Fill <see cref="Disclosure.Sections"/> and <see cref="Disclosure.Claims"/> of <paramref name="target"/>.</summary>
    public static void Recognize(SourceDocument doc, Disclosure target)
    {
        var sections = new List<NarrativeSection>();
        NarrativeSection? current = null;
        var para = new List<(string Text, Provenance Source)>();
        var blocks = doc.Blocks;

        void Flush()
        {
            if (para.Count == 0) return;
            if (current is null)
            {
                current = new NarrativeSection { Heading = "", Level = 0, Source = para[0].Source };
                sections.Add(current);
            }
            foreach (var s in SplitSentences(doc.File, para, current.Heading)) current.Sentences.Add(s);
            para.Clear();
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TextBlock tb) { Flush(); continue; }
            if (IsSkippable(blocks, i)) { Flush(); continue; }
            if (para.Count > 0 && Continues(para[^1], tb)) { para.Add((tb.Text, tb.Source)); continue; }
            Flush();
            if (TryHeading(tb, out var heading, out int level, out var body))
            {
                current = new NarrativeSection { Heading = heading, Level = level, Source = tb.Source };
                sections.Add(current);
                if (body.Length > 0) para.Add((body, tb.Source));
                continue;
            }
            para.Add((tb.Text, tb.Source));
        }
        Flush();

        target.Sections.AddRange(sections);
        // a section headed by the name of one unit ("一、深圳市XX局（本级）", "二、深圳市XX中心") speaks of that unit, and
        // so do its sub-sections, until a heading of the same or a higher level
        string? entity = null;
        int entityLevel = -1;
        foreach (var section in sections)
        {
            if (entity is not null && section.Level <= entityLevel) { entity = null; entityLevel = -1; }
            if (UnitHeading(section.Heading, target.DepartmentName) is { } unit) { entity = unit; entityLevel = section.Level; }
            var ctx = new ClaimContext();
            var sentences = section.Sentences;
            for (int k = 0; k < sentences.Count; k++)
            {
                ctx.FollowingReason = k + 1 < sentences.Count && ClaimExtractor.TryLeadingReason(sentences[k + 1].Text, out var r) ? r : null;
                var claims = ClaimExtractor.Extract(sentences[k], ctx);
                if (entity is not null) foreach (var c in claims) c.Entity = entity;
                target.Claims.AddRange(claims);
                ctx.Update(claims);
            }
        }
    }

    /// <summary>
    /// The unit a heading names when it is the name of an organisation other than the disclosing department itself
    /// ("深圳市水务工程质量安全监督站", "深圳市水务局（本级）" — the department's own unit, not the consolidated whole); null
    /// for topical headings (收支情况, 项目支出 …) and for the department's own name.
    /// </summary>
    public static string? UnitHeading(string heading, string? department)
    {
        var text = Numbers.ToHalfWidth(heading).Trim();
        NumberingLevel(text, out int plen);
        var name = Whitespace.Squeeze(text[plen..]).TrimEnd('。', '：', ':', '；');
        var own = OwnUnitRegex().Match(name);
        if (own.Success) name = name[..own.Index];
        var core = AliasRegex().Replace(name, "");
        if (core.Length < 4 || core.Length > 40 || core.Any(char.IsAsciiDigit) || !OrgSuffixRegex().IsMatch(core) || TopicalRegex().IsMatch(core)) return null;
        var dept = department is null ? null : OwnUnitRegex().Replace(Regex.Replace(Numbers.ToHalfWidth(department), @"\s", ""), "");
        bool isDepartment = dept is not null && (dept == core || dept == name);
        if (isDepartment && !own.Success) return null;
        if (isDepartment && department!.Contains("本级", StringComparison.Ordinal)) return null;
        return own.Success ? name + "（本级）" : name;
    }

    [GeneratedRegex(@"(?:[（(]本级[)）]|本级)$")]
    private static partial Regex OwnUnitRegex();

    [GeneratedRegex(@"[（(][^（）()]{1,20}[)）]$")]
    private static partial Regex AliasRegex();

    [GeneratedRegex(@"(?:局|委员会|委|中心|站|处|所|院|馆|学校|学院|大学|中学|小学|幼儿园|队|办公室|办|厅|部|社|台|园|场|会|医院|监狱|公司|基地)$")]
    private static partial Regex OrgSuffixRegex();

    [GeneratedRegex(@"情况|说明|预算|决算|支出|收入|经费|职能|职责|设置|构成|概况|解释|附件|目标|绩效|采购|资产|项目|任务|[，,、：:。；]")]
    private static partial Regex TopicalRegex();

    /// <summary>The heading level of a numbered line (一、 → 1, （一） → 2, 1. → 3, (1) → 4, 第一部分 → 0), or null.</summary>
    public static int? NumberingLevel(string text, out int prefixLength)
    {
        var m = NumberingRegex().Match(text);
        prefixLength = m.Success ? m.Length : 0;
        if (!m.Success) return null;
        if (m.Groups["part"].Success) return 0;
        if (m.Groups["l1"].Success) return 1;
        if (m.Groups["l2"].Success) return 2;
        if (m.Groups["l3"].Success) return 3;
        return 4;
    }

    /// <summary>
    /// A heading: a markdown heading, or a numbered line short enough to be a title (no comma inside), or a
    /// run-in title such as "1.收入情况。2024 年度…" whose body follows on the same line.
    /// </summary>
    private static bool TryHeading(TextBlock tb, out string heading, out int level, out string body)
    {
        var text = tb.Text.Trim();
        heading = text;
        body = "";
        int? num = NumberingLevel(text, out int plen);
        if (tb.HeadingLevel is int h)
        {
            level = num ?? h;
            return true;
        }
        level = num ?? 0;
        if (num is null) return false;
        var rest = text[plen..].Trim();
        if (rest.Length == 0) return true;
        var title = rest.TrimEnd('。', '.');
        bool endsWithStop = title.Length < rest.Length;
        if (title.IndexOfAny(StopChars) < 0 && title.Length <= 30 && (!endsWithStop || title.Length <= 14 && !title.Contains('、')))
            return true;
        var runIn = RunInRegex().Match(rest);
        if (runIn.Success && runIn.Length < rest.Length)
        {
            heading = text[..plen] + runIn.Groups[1].Value;
            body = rest[runIn.Length..].Trim();
            return true;
        }
        return false;
    }

    private static readonly char[] StopChars = { '，', ',', '；', ';', '。', '：', ':' };
    private static readonly char[] Terminators = { '。', '；', ';', '！', '!', '？', '?', '：', ':' };

    /// <summary>
    /// A line the conversion broke off: the paragraph so far ends without punctuation and the next line is
    /// neither a heading nor numbered, comes within three lines, and either the first is long or the second
    /// starts with a digit ("下降\n\n43.96%。").
    /// </summary>
    private static bool Continues((string Text, Provenance Source) prev, TextBlock next)
    {
        var p = prev.Text.TrimEnd();
        if (p.Length == 0 || Array.IndexOf(Terminators, p[^1]) >= 0) return false;
        if (next.HeadingLevel is not null) return false;
        var n = next.Text.TrimStart();
        if (n.Length == 0 || NumberingLevel(n, out _) is not null) return false;
        if (prev.Source.Line is int a && next.Source.Line is int b && b - a > 3) return false;
        return p.Length >= 20 || char.IsAsciiDigit(Numbers.ToHalfWidth(n[..1])[0]);
    }

    /// <summary>单位：万元, 备注 next to a table, and table titles right before a table.</summary>
    private static bool IsSkippable(IReadOnlyList<SourceBlock> blocks, int i)
    {
        var text = ((TextBlock)blocks[i]).Text.Trim();
        if (UnitLineRegex().IsMatch(text) && text.Length <= 24) return true;
        bool tableNear = NearTable(blocks, i, 1, 3) || NearTable(blocks, i, -1, 1);
        if (!tableNear) return false;
        if (NoteLineRegex().IsMatch(text)) return true;
        if (text.Length <= 50 && text.IndexOfAny(new[] { '。', '，', '；' }) < 0 && TableTitleRegex().IsMatch(text))
            return NearTable(blocks, i, 1, 3);
        return false;
    }

    private static bool NearTable(IReadOnlyList<SourceBlock> blocks, int i, int step, int reach)
    {
        for (int k = 1; k <= reach; k++)
        {
            int j = i + k * step;
            if (j < 0 || j >= blocks.Count) return false;
            if (blocks[j] is TableBlock) return true;
        }
        return false;
    }

    /// <summary>
    /// Split a paragraph into sentences on 。；！？ (the terminator is dropped, unless it is doubled). A list opened by 其中 or
    /// 主要用于 continues across ； so that "其中：a …；b …" stays one sentence.
    /// </summary>
    private static IEnumerable<Sentence> SplitSentences(string file, List<(string Text, Provenance Source)> para, string heading)
    {
        var sb = new StringBuilder();
        var starts = new List<(int Offset, Provenance Source)>();
        foreach (var (text, src) in para)
        {
            starts.Add((sb.Length, src));
            sb.Append(text.Trim());
        }
        var all = sb.ToString();
        int begin = 0;
        int depth = 0;
        for (int i = 0; i <= all.Length; i++)
        {
            bool end = i == all.Length;
            if (!end)
            {
                char c = all[i];
                if (c is '（' or '(') depth++;
                else if (c is '）' or ')' && depth > 0) depth--;
                // "…（a x 万元；b y 万元。）比上年增加 …": a stop inside brackets that close soon after does not end the sentence
                if (depth > 0 && c is '。' or '；' or ';' && ClosesSoon(all, i)) continue;
                if (c is '。' or '！' or '？' or '!') end = true;
                else if (c is '；' or ';')
                {
                    var soFar = all.AsSpan(begin, i - begin);
                    end = !(soFar.Contains("其中", StringComparison.Ordinal) || soFar.Contains("主要用于：", StringComparison.Ordinal));
                }
                else if (c == '?' && (i + 1 == all.Length || !char.IsAsciiDigit(all[i + 1]))) end = true;
            }
            if (!end) continue;
            var raw = all[begin..i];
            // a doubled terminator (。。 ；；) stays in the sentence, so that GK702 sees it
            int run = i;
            while (run + 1 < all.Length && all[run + 1] == all[i]) run++;
            if (run > i) { raw = all[begin..(run + 1)]; i = run; }
            int lead = raw.Length - raw.TrimStart().Length;
            var s = raw.Trim();
            if (s.Length > 0)
            {
                int at = begin + lead;
                var src = starts.Last(x => x.Offset <= at).Source;
                // the figures of a sentence typed in full-width digits (７１６３．３７万元, ２０２５年) are read as any other: the
                // rules match amounts and years with patterns that accept those digits but parse them as ASCII
                yield return new Sentence(FullWidth.AsciiDigits(s, decimalPoints: true), new Provenance(file, src.Line, src.Page, Text: s), heading);
            }
            begin = i + 1;
        }
    }

    private static bool ClosesSoon(string text, int from)
    {
        for (int k = from + 1; k < text.Length && k <= from + 6; k++)
            if (text[k] is '）' or ')') return true;
        return false;
    }

    [GeneratedRegex(@"^(?:(?<part>第[一二三四五六七八九十]+部分)|(?<l1>[一二三四五六七八九十]+(?:、|[.．](?!\d)))|(?<l2>[（(][一二三四五六七八九十]+[)）])|(?<l4>[（(][0-9０-９]{1,2}[)）])|(?<l3>[0-9０-９]{1,2}(?:、|[.．](?![0-9０-９]))))\s*")]
    private static partial Regex NumberingRegex();

    [GeneratedRegex(@"^([^。，；,;：:]{1,15})[。]")]
    private static partial Regex RunInRegex();

    [GeneratedRegex(@"^(?:金额|计量)?单位[：:]")]
    private static partial Regex UnitLineRegex();

    [GeneratedRegex(@"^[（(]?(?:备注|注|说明)[：:]")]
    private static partial Regex NoteLineRegex();

    [GeneratedRegex(@"表$|表[（(]|^附件|^公开\d+表|^预算\d+表|^表\d+")]
    private static partial Regex TableTitleRegex();
}
