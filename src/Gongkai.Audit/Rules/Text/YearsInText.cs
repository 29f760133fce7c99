using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

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
