using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Tables;

namespace Gongkai.Recognition;

/// <summary>
/// Whether a read document is a 部门预算/决算 disclosure at all. Decided by general evidence, never by file name:
/// a disclosure has money tables of its own kind (收支总表, 一般公共预算支出表 …), or a title naming a year's
/// 部门/单位 预算 or 决算 that is not the title of a notice, a policy or a report, or the section structure of a
/// disclosure (部门职责, 机构设置, 收支预算总体情况, “三公”经费, 名词解释 …). A file with none of these — a
/// 通告, a 通知 with a 办法, a 绩效评价报告 — is not audited: the rules would only report its absence of tables.
/// </summary>
public static partial class DisclosureEvidence
{
    /// <summary>Headings that belong to a disclosure's own structure (at least three must be printed as headings).</summary>
    private static readonly string[] SectionWords =
    {
        "主要职责", "职能职责", "部门职责", "单位职责", "机构设置", "部门基本情况", "单位基本情况", "部门概况", "单位概况",
        "收支预算总体情况", "收支总体情况", "收入预算", "支出预算", "收入决算", "支出决算", "财政拨款收支", "一般公共预算",
        "政府性基金", "国有资本经营", "三公", "机关运行经费", "政府采购", "国有资产占用", "国有资产占有", "绩效目标",
        "绩效自评", "名词解释", "预算报表", "决算报表", "公开表", "部门预算表", "部门决算表",
    };

    /// <summary>What the file is when it is not a disclosure, by the kind word its title ends with.</summary>
    private static readonly (string Word, string What)[] DocumentTypes =
    {
        ("绩效评价报告", "一份绩效评价报告"), ("评价报告", "一份评价报告"), ("自评报告", "一份自评报告"),
        ("通告", "一份通告"), ("公告", "一份公告"), ("通知", "一份通知"), ("通报", "一份通报"), ("办法", "一份管理办法"),
        ("细则", "一份实施细则"), ("规定", "一份规定"), ("条例", "一份条例"), ("意见", "一份意见"), ("方案", "一份工作方案"),
        ("计划", "一份工作计划"), ("规划", "一份规划"), ("决定", "一份决定"), ("批复", "一份批复"), ("报告", "一份报告"),
        ("纪要", "一份会议纪要"), ("函", "一份公函"),
    };

    /// <summary>The verdict: null when the document is (or may be) a disclosure; otherwise what it seems to be.</summary>
    public static string? NotADisclosure(SourceDocument source, Disclosure d)
    {
        if (d.Tables.Any(t => t.HasGrid && IsDisclosureTable(t.Kind))) return null;
        if (d.Kind != DocumentKind.Unknown && d.Title is string title && TypeOf(title) is null && !IssuedDocument(title)) return null;
        if (d.PerformanceTargets.Count > 0 && d.Kind != DocumentKind.Unknown) return null;
        int sections = SectionWords.Count(w => Headings(source).Any(h => h.Contains(w, StringComparison.Ordinal)));
        if (sections >= 3) return null;
        return Describe(source);
    }

    /// <summary>Money tables of a disclosure's own set (not the 目录, a unit list or a 绩效 table).</summary>
    private static bool IsDisclosureTable(TableKind k) => k is not (TableKind.Unknown or TableKind.TableOfContents
        or TableKind.UnitComposition or TableKind.PerformanceOverall or TableKind.PerformanceProject
        or TableKind.PerformanceProjectIndex or TableKind.SelfEvaluationOverall or TableKind.SelfEvaluationProject);

    /// <summary>Short text blocks that read as headings (not sentences of a paragraph).</summary>
    private static IEnumerable<string> Headings(SourceDocument source) =>
        source.Texts.Select(t => TextNormalizer.Compact(t.Text))
            .Where(c => c.Length is >= 2 and <= 40 && !c.EndsWith('。') && !c.Contains('，'));

    /// <summary>A document-type word ending the title (…的通知, 巡察通告, …绩效评价报告).</summary>
    private static string? TypeOf(string title)
    {
        var t = TextNormalizer.Compact(title).TrimEnd('。', ')', '》');
        foreach (var (word, what) in DocumentTypes)
            if (t.EndsWith(word, StringComparison.Ordinal)) return what;
        return null;
    }

    /// <summary>An issued document number: 泉气函〔2024〕31号, 厦商务规〔2024〕2号.</summary>
    private static bool IssuedDocument(string text) => IssueNumber().IsMatch(TextNormalizer.Compact(text));

    [GeneratedRegex(@"[〔\[【(]\s*(19|20)\d\d\s*[〕\]】)]\s*\d+\s*号")]
    private static partial Regex IssueNumber();

    /// <summary>What the file seems to be, from its first lines, and the line quoted as evidence.</summary>
    private static string Describe(SourceDocument source)
    {
        var head = source.Texts.Take(30).Select(t => t.Text.Trim())
            .Where(t => t.Length >= 2 && !PageNumber().IsMatch(TextNormalizer.Compact(t))).ToList();
        string? what = null, quote = null;
        foreach (var line in head)
        {
            var compact = TextNormalizer.Compact(line);
            if (compact.Length > 60) continue;
            if (TypeOf(compact) is string w) { what = w; quote = line; break; }
        }
        if (what is null && head.FirstOrDefault(h => IssuedDocument(h)) is string issued) { what = "一份公文"; quote = issued; }
        quote ??= head.FirstOrDefault();
        quote = quote is null ? "" : Regex.Replace(quote, @"\s+", " ");
        if (quote.Length > 40) quote = quote[..40] + "…";
        return (what ?? "其他文件（没有预算/决算公开的标题、标准表格或章节）") + (quote.Length > 0 ? $"，开头为「{quote}」" : "");
    }

    [GeneratedRegex(@"^[-—–－]*\d+[-—–－]*$")]
    private static partial Regex PageNumber();
}
