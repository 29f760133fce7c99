using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Text;

/// <summary>A piece of text to scan: a sentence, a heading, a title.</summary>
public sealed record TextItem(string Text, Provenance Source, string Where);

/// <summary>Base of the text rules: every sentence, section heading, the document title and table titles.</summary>
public abstract class TextRule : Rule
{
    protected static IEnumerable<TextItem> Texts(AuditContext ctx, bool sentences = true, bool titles = true)
    {
        var d = ctx.Disclosure;
        if (titles && !string.IsNullOrEmpty(d.Title)) yield return new TextItem(d.Title, Provenance.Unknown with { File = d.File, Text = d.Title }, "文件标题");
        if (titles)
            foreach (var t in d.Tables)
                if (t.Title.Length > 0) yield return new TextItem(t.Title, t.Source, $"{t.Kind.Label()} 表标题");
        if (!sentences) yield break;
        foreach (var s in d.Sections)
        {
            if (s.Heading.Length > 0) yield return new TextItem(s.Heading, s.Source, "标题");
            foreach (var sen in s.Sentences) yield return new TextItem(sen.Text, sen.Source, "情况说明");
        }
    }

    protected static string Excerpt(string text, int index, int length)
    {
        var start = Math.Max(0, index - 8);
        var end = Math.Min(text.Length, index + length + 8);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}

/// <summary>GK701 template instructions left in the published text (§5.2).</summary>
public sealed partial class TemplateResidue : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK701", "模板提示语未删除", Severity.Error, Applicability.Both, RuleCategory.Text,
        "文本中不得出现 增加（减少）、增长（下降）、大于（小于）及其反序、XX/XXX/××、待填写、（如持平作持平表述）、……",
        "公开模板中的括注选项、占位符和填写说明应在发布前替换为实际内容。",
        "“比上年增加（减少）0万元”");

    [GeneratedRegex("(增加|减少|增长|下降|大于|小于|上升)[（(]\\s*或?\\s*(增加|减少|增长|下降|大于|小于|上升|持平)\\s*[)）]|[（(]如持平[^）)]*[)）]|[（(]不涉及的?不列[)）]|(?<![A-Za-z])X{2,}(?![A-Za-z])|×{2,}|待填写|待补充|[（(]\\s*(?:请|此处)[^（）()]{0,30}?(?:填写|说明|填列|填报)[^（）()]{0,30}[）)]|请根据[^。]{0,20}实际情况填写|没有的填“无”|(?<=[：:是为于括至到])……(?!…)|(?<!…)……(?=\\s*(?:万元|元|%|％|个|人|项|年))")]
    private static partial Regex Pattern();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // an ellipsis counts only where content should stand (用于……, ……万元); the dot leaders of a 目录
        // (第一部分…………3) are not residue. One finding per residue and text, however often it repeats.
        foreach (var item in Texts(ctx))
            foreach (Match m in Pattern().Matches(item.Text).DistinctBy(m => m.Value))
                yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」含模板残留“{m.Value}”，应替换为实际内容",
                    new[] { item.Source }, suggestion: "按实际情况选定表述或填入数据，删除括注和占位符。");
    }
}

/// <summary>GK702 repeated punctuation (。。 ，， ；；).</summary>
public sealed partial class RepeatedPunctuation : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK702", "标点重复", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "不得连续出现相同的句读标点（。。，，；；、、：：）",
        "重复标点通常是拼接或删改时遗留的。",
        "“主要用于人员支出。。”");

    [GeneratedRegex("([。，；、：,;])\\1+")]
    private static partial Regex Pattern();

    internal static bool IsLeader(string text, Match m)
    {
        if (m.Length >= 4) return true;
        if (m.Length < 3) return false;
        var rest = text[(m.Index + m.Length)..].TrimStart();
        return rest.Length > 0 && char.IsAsciiDigit(rest[0]);
    }

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // a run of four or more, or of three before a page number, is a dot leader of a 目录, not a slip
        foreach (var item in Texts(ctx))
            foreach (Match m in Pattern().Matches(item.Text).Where(m => !IsLeader(item.Text, m)).DistinctBy(m => m.Value))
                yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」标点“{m.Value}”重复", new[] { item.Source },
                    suggestion: "删除多余的标点。");
    }
}

/// <summary>GK703 duplicated words (增加增加, 万元万元).</summary>
public sealed partial class DuplicatedWord : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK703", "词语重复", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "常用词（增加、减少、增长、下降、支出、收入、万元、主要、其中、用于、比上年 …）或三字以上词语不得紧接重复",
        "紧接重复的词语多为编辑遗留；叠词（如“人人”）不在检查之列。",
        "“比上年增加增加5万元”");

    private static readonly string[] Words =
    {
        "增加", "减少", "增长", "下降", "支出", "收入", "万元", "主要", "其中", "用于", "比上年", "预算", "决算", "经费",
        "项目", "单位", "部门", "原因", "合计", "财政拨款", "持平", "占",
    };

    /// <summary>A run of 3–6 CJK characters printed twice in a row ("医疗保障医疗保障"), scanning left to right.</summary>
    private static IEnumerable<(int Index, string Word)> LongRepeats(string text)
    {
        static bool Cjk(char c) => c is >= '\u4e00' and <= '\u9fff';
        for (int i = 0; i + 6 <= text.Length; i++)
        {
            if (!Cjk(text[i])) continue;
            for (int len = 3; len <= 6 && i + 2 * len <= text.Length; len++)
            {
                bool ok = true;
                for (int k = 0; k < len && ok; k++)
                    ok = Cjk(text[i + k]) && text[i + k] == text[i + len + k];
                if (!ok) continue;
                yield return (i, text.Substring(i, len));
                i += 2 * len - 1;
                break;
            }
        }
    }

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx))
        {
            var hits = new List<(int Index, string Word)>();
            foreach (var w in Words)
            {
                var doubled = w + w;
                for (int i = item.Text.IndexOf(doubled, StringComparison.Ordinal); i >= 0; i = item.Text.IndexOf(doubled, i + 1, StringComparison.Ordinal))
                    hits.Add((i, w));
            }
            foreach (var (index, word) in LongRepeats(item.Text))
                if (!hits.Any(h => h.Index >= index && h.Index < index + word.Length * 2)) hits.Add((index, word));
            // one finding per repeated word and text: the same slip twice in one sentence is one defect to fix
            foreach (var (index, word) in hits.OrderBy(h => h.Index).DistinctBy(h => h.Word))
                yield return Report($"{item.Where}「{Excerpt(item.Text, index, word.Length * 2)}」词语“{word}”重复", new[] { item.Source },
                    suggestion: $"删去重复的“{word}”。");
        }
    }
}

/// <summary>Years written in a text: 2024年, 2024 年度.</summary>
public static partial class Years
{
    [GeneratedRegex("(?<![0-9])(20[0-9]{2})\\s*年")]
    public static partial Regex Pattern();

    [GeneratedRegex("(?:到|(?<!截)至|于|在|争取|力争|预计|计划|将|—|-|–|~|～)\\s*$")]
    private static partial Regex TargetLead();

    [GeneratedRegex("^\\s*(?:年\\s*)?(?:[-—–~～至到]\\s*(?:20[0-9]{2}))|^\\s*年\\s*(?:前|底|末|以前|之前|年底|左右|以后|起|目标|远景)")]
    private static partial Regex RangeOrHorizon();

    /// <summary>
    /// A later year that speaks of the future on purpose: a plan period (2026-2030年), a cited title (《…（2025-2027年）》),
    /// a target or schedule (到2030年, 于2028年支付, 2027年底前).
    /// </summary>
    public static bool IsForwardLooking(string text, Match m)
    {
        var before = text[..m.Index];
        if (TargetLead().IsMatch(before.Length > 6 ? before[^6..] : before)) return true;
        if (RangeOrHorizon().IsMatch(text[(m.Index + m.Groups[1].Length)..])) return true;
        int open = before.LastIndexOf('《'), close = before.LastIndexOf('》');
        return open >= 0 && open > close;
    }

    [GeneratedRegex("(?:比|较|与|同)\\s*(20[0-9]{2})\\s*年(?:度)?(?:预算|决算|同期)?(?:数)?(?:相比|比较|增加|减少|增长|下降|持平|相较)?")]
    public static partial Regex Comparison();
}

/// <summary>GK704 a year later than the document allows (budget: Y; final accounts: Y + 1, the publication year).</summary>
public sealed class FutureYear : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK704", "年份晚于文件年度", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "预算文件中的年份 ≤ Y；决算文件中的年份 ≤ Y + 1（Y 为文件年度）；规划期（2026-2030年）、引用的文件名《…》、目标与计划年份（到/于 YYYY 年、YYYY 年底前）除外",
        "预算在 Y 年初公开，决算在 Y+1 年公开；出现更晚的年份多半是年份笔误或套用了其他年度的文本。",
        "2024 年预算文件写“2025年预算安排”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Year is not int y) yield break;
        var max = ctx.Disclosure.Kind == DocumentKind.FinalAccount ? y + 1 : y;
        foreach (var item in Texts(ctx))
            foreach (Match m in Years.Pattern().Matches(item.Text))
            {
                var year = int.Parse(m.Groups[1].Value);
                if (year <= max || Years.IsForwardLooking(item.Text, m)) continue;
                yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」年份应不晚于 {max} 年，实为 {year} 年",
                    new[] { item.Source }, max, year, "核对年份是否笔误。");
            }
    }
}

/// <summary>GK705 the document title or a table title names a year other than the document year.</summary>
public sealed class TitleYear : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK705", "标题年份与文件年度一致", Severity.Error, Applicability.Both, RuleCategory.Text,
        "文件标题、表格标题中的年份 = 文件年度 Y",
        "标题沿用上年年份是常见的套用错误。",
        "2024 年决算文件中表标题为“2023年度收入支出决算总表”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Year is not int y) yield break;
        // the 绩效自评 tables are kept apart from the standard tables; their titles carry the year as well
        var selfEvaluationTitles = ctx.Disclosure.SelfEvaluations.Where(e => !string.IsNullOrEmpty(e.Title))
            .Select(e => new TextItem(e.Title!, e.Source, "绩效自评表标题"));
        foreach (var item in Texts(ctx, sentences: false).Concat(selfEvaluationTitles).DistinctBy(i => (i.Text, i.Source)))
        {
            var m = Years.Pattern().Match(item.Text);
            if (!m.Success) continue;
            var year = int.Parse(m.Groups[1].Value);
            if (year == y) continue;
            yield return Report($"{item.Where}「{item.Text}」年份应为 {y} 年，实为 {year} 年", new[] { item.Source }, y, year,
                $"将标题年份改为 {y} 年。");
        }
    }
}

/// <summary>GK706 a comparison year in the text equal to (or later than) the year spoken of.</summary>
public sealed class ComparisonYearInText : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK706", "比较年份不应等于文件年度", Severity.Error, Applicability.Both, RuleCategory.Text,
        "“比/较/与 {年份}年” 中的年份 < 文件年度 Y",
        "同比只能与以前年度比较；比较年份等于或晚于本年度，说明年份未随文件更新。已由叙述解析出比较年份的句子由 GK408 检查。",
        "2024 年度决算写“与2024年度相比”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Year is not int y) yield break;
        var covered = ctx.Disclosure.Claims.Where(c => c.ComparedYear is not null).Select(c => c.Sentence).ToHashSet();
        foreach (var item in Texts(ctx, titles: false))
        {
            if (covered.Contains(item.Text)) continue;
            foreach (Match m in Years.Comparison().Matches(item.Text))
            {
                var year = int.Parse(m.Groups[1].Value);
                if (year < y) continue;
                yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」比较年份应早于 {y} 年（通常为 {y - 1} 年），实为 {year} 年",
                    new[] { item.Source }, y - 1, year, $"将比较年份改为 {y - 1} 年。");
            }
        }
    }
}

/// <summary>GK707 “主要原因” followed by nothing.</summary>
public sealed partial class EmptyReason : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK707", "原因说明为空", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "“主要原因（是）：”之后应有具体内容",
        "增减变化和预决算差异要求说明原因；只写引导语而没有内容，等于没有说明。",
        "“比上年增加5万元，主要原因是。”");

    [GeneratedRegex("(?:主要)?原因(?:是|为|主要是|如下)?[:：]?\\s*[。；;，,]?\\s*$")]
    private static partial Regex Pattern();

    /// <summary>A lead-in followed straight by a clause break: “主要原因是，与上年相比…”.</summary>
    [GeneratedRegex("主要原因(?:是|为|主要是)\\s*[，,；;。]")]
    private static partial Regex InnerEmpty();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // a reason announced with a colon may continue in the next sentence of the same section (a list, or a
        // paragraph broken by the page): only an empty lead-in at the end of its section, or one followed by a
        // heading-like sentence, is empty
        var next = new Dictionary<Sentence, Sentence?>();
        foreach (var section in ctx.Disclosure.Sections)
            for (int i = 0; i < section.Sentences.Count; i++)
                next[section.Sentences[i]] = i + 1 < section.Sentences.Count ? section.Sentences[i + 1] : null;
        foreach (var item in Texts(ctx, titles: false))
        {
            if (item.Where != "情况说明") continue;
            var m = Pattern().Match(item.Text.Trim());
            if (!m.Success) m = InnerEmpty().Match(item.Text.Trim());
            if (!m.Success) continue;
            if (m.Value.TrimEnd().EndsWith('：') || m.Value.TrimEnd().EndsWith(':') || m.Value.Contains("如下", StringComparison.Ordinal))
            {
                var following = ctx.Disclosure.Sections.SelectMany(sec => sec.Sentences).FirstOrDefault(x => x.Source == item.Source && x.Text == item.Text) is { } sent
                    && next.TryGetValue(sent, out var n) ? n : null;
                if (following is not null && following.Text.Trim().Length >= 6) continue;
            }
            yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」只有“原因”引导语，未说明具体原因",
                new[] { item.Source }, suggestion: "补写增减或差异的具体原因。");
        }
    }
}
