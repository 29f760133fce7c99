using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>Empty-table notes (§2.5).</summary>
internal static partial class EmptyNotes
{
    [GeneratedRegex(@"(附后|另行公开|另附|详见附表|见附件|附件[:：]?.{0,40}(报表|公开表|预算表|决算表|表格))")]
    private static partial Regex Attached();

    /// <summary>A sentence saying the tables are published in a separate file (附后 / 另行公开 / 附件：…部门预算报表).</summary>
    public static Sentence? SeparatelyPublished(Disclosure d) =>
        d.Sentences.FirstOrDefault(s => Attached().IsMatch(Regex.Replace(s.Text, @"\s+", "")));

    [GeneratedRegex("(无|没有|未安排|不涉及|空表)")]
    public static partial Regex Negation();

    // (本单位无此项 / 本部门2024年度无此项收支: the 决算 wording of the same statement)
    [GeneratedRegex("(本表无数据|此表无数据|故本表为空表|本表为空表|空表列示|故.{0,4}表无数据|(本|我)(单位|部门)(本年度?|\\d{4}年度?)?(无|没有)(此|该)项)")]
    public static partial Regex EmptyClaim();

    /// <summary>Tables that carry money (not the 目录, unit lists or 绩效 tables).</summary>
    public static bool IsMoneyTable(TableKind kind) => kind is not (TableKind.Unknown or TableKind.TableOfContents
        or TableKind.UnitComposition or TableKind.PerformanceOverall or TableKind.PerformanceProject
        or TableKind.PerformanceProjectIndex or TableKind.SelfEvaluationOverall or TableKind.SelfEvaluationProject);

    /// <summary>Comparable form of a table title: no year, no spaces, no bracketed qualifiers, no 部门综合预算 prefix.</summary>
    public static string TitleKey(string title)
    {
        // full-width digits (２０２２年…) are the same title
        title = FullWidth.AsciiDigits(title);
        // a leading ordinal (五、 / 5. / （五） / 表5) is numbering, not part of the name
        title = Regex.Replace(title.Trim(), @"^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|表\s*\d{1,2}\s*)", "");
        var s = Regex.Replace(title, @"\s|[-—－]?不含上年结转|（）|\(\)|(?:19|20)\d{2}\s*(?:年度?)?|部门综合预算|部门预算|部门|[（）()]|按", "");
        return s.Trim('：', ':');
    }

    /// <summary>The 目录 entry naming the table, if the document has a 目录 with 是否空表.</summary>
    public static (string Title, bool? Empty, string? Reason)? TocEntry(Disclosure d, DisclosureTable t)
    {
        var key = TitleKey(t.Title);
        if (key.Length == 0) return null;
        foreach (var e in d.TableOfContents)
        {
            var ek = TitleKey(e.Title);
            if (ek.Length > 0 && ek == key) return e;
        }
        foreach (var e in d.TableOfContents)
        {
            var ek = TitleKey(e.Title);
            if (ek.Length > 0 && (key.StartsWith(ek, StringComparison.Ordinal) || ek.StartsWith(key, StringComparison.Ordinal))) return e;
        }
        // the same table in other words: （按功能科目分） for （按支出功能分类科目）, “三公”经费、会议费 for “三公”经费及会议费…支出预算表
        var loose = LooseKey(key);
        if (loose.Length >= 4)
            foreach (var e in d.TableOfContents)
                if (LooseKey(TitleKey(e.Title)) == loose) return e;
        return null;
    }

    /// <summary>A title key without the words titles add or drop freely (支出, 预算, 明细, 分类, 科目, 及, 、, 表); the distinguishing words stay.</summary>
    public static string LooseKey(string key) =>
        Regex.Replace(key, @"[“”""、，,及]|不含上年结转|上年|支出|预算|明细|分类|科目|分|表|情况", "");

    /// <summary>
    /// The narrative says the table's fund is zero or absent: a claim about the fund with amount 0
    /// (“政府性基金拨款支出预算0万元”) or a sentence denying it (“本部门无国有资本经营预算收支”).
    /// </summary>
    public static bool ExplainedInNarrative(Disclosure d, TableKind kind)
    {
        if (Fund(kind) is not var (own, _)) return false;
        if (d.Claims.Any(c => c.Subject.Contains(own, StringComparison.Ordinal) && c.Amount == 0m)) return true;
        var fund = Regex.Escape(own);
        var denial = new Regex($"(无|没有|未安排|不涉及)[^。；;，,]{{0,12}}{fund}|{fund}[^。；;，,]{{0,16}}(为|是)\\s*(0|零)(\\.0+)?\\s*(万元|元)?(?![\\d.])");
        return d.Sentences.Any(s => denial.IsMatch(s.Text));
    }

    /// <summary>The fund a table is about, and the funds it must not name instead.</summary>
    public static (string Own, string[] Others)? Fund(TableKind kind) => kind switch
    {
        TableKind.BudgetGovFund or TableKind.FinalGovFund => ("政府性基金", new[] { "国有资本经营", "三公" }),
        TableKind.BudgetStateCapital or TableKind.FinalStateCapital => ("国有资本经营", new[] { "政府性基金", "三公" }),
        TableKind.BudgetThreePublic or TableKind.FinalThreePublic => ("三公", new[] { "政府性基金", "国有资本经营" }),
        _ => null,
    };
}

/// <summary>GK102 an empty table without a note stating the absence.</summary>
public sealed class EmptyTableWithoutNote : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK102", "空表未说明原因", Severity.Warning, Applicability.Both, RuleCategory.Completeness,
        "表内无非零数据 ⇒ 表下应有含否定词（无/没有/不涉及/空表）的说明",
        "空表需保留表式并注明“本单位无……收支，故本表无数据”之类的说明，读者才能区分“无此业务”和“漏填”。" +
        "说明可在表上或表下、带括号或分几行；表下无注而情况说明已写明该项资金为 0 或“无……”的，视为已说明；" +
        "表中有未能读入的数字时不判断是否空表。",
        "政府性基金表全为 0.00，表下无任何说明");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Disclosure.Tables)
        {
            if (!EmptyNotes.IsMoneyTable(t.Kind) || !t.IsEmpty || !t.HasGrid) continue; // title-only tables: GK106
            // numbers the reader could not place: the table is not known to be empty (a guess is never reported)
            if (t.UnplacedCells > 0) continue;
            if (t.Notes.Any(n => EmptyNotes.Negation().IsMatch(n))) continue;
            if (EmptyNotes.TocEntry(ctx.Disclosure, t) is { Empty: true, Reason.Length: > 0 }) continue;
            // an all-zero 三公 / 政府性基金 / 国有资本经营 table whose fund the narrative states as 0 or absent is explained there,
            // unless a note under the table says something else (a note that fails to state the absence is the defect)
            if ((t.Notes.Count == 0 || TableNames.ThreePublic.Contains(t.Kind)) && EmptyNotes.ExplainedInNarrative(ctx.Disclosure, t.Kind)) continue;
            yield return Report($"{t.Kind.Describe()}没有任何非零数据，但表下缺少说明无数据原因的注释", new[] { t.Source },
                suggestion: "在表下注明“本部门（单位）无……收入和支出，故本表无数据”。", table: t.Kind);
        }
    }
}

/// <summary>GK103 a table with data carries an “empty table” note.</summary>
public sealed class NonEmptyTableWithEmptyNote : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK103", "有数据的表注明为空表", Severity.Error, Applicability.Both, RuleCategory.Completeness,
        "表内有非零数据 ⇒ 表注不得称“本表无数据/为空表”",
        "空表说明被复制到有数据的表下，会使读者误以为该项资金不存在。",
        "政府性基金表合计 120.00，表下却注“故本表无数据”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Disclosure.Tables)
        {
            if (t.IsEmpty) continue;
            foreach (var note in t.Notes)
                if (EmptyNotes.EmptyClaim().IsMatch(note))
                    yield return Report($"{t.Kind.Describe()}有非零数据，但表注称“{EmptyNotes.EmptyClaim().Match(note).Value}”：「{note}」",
                        new[] { t.Source }, suggestion: "删除该空表说明，或核对表内数据。", table: t.Kind);
        }
    }
}

/// <summary>GK104 an empty-table note naming another table's fund.</summary>
public sealed class EmptyNoteWrongFund : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK104", "空表说明所称资金与本表不符", Severity.Error, Applicability.Both, RuleCategory.Completeness,
        "基金表的说明应称政府性基金；国资表应称国有资本经营；“三公”表应称“三公”经费",
        "空表说明常由其他表复制而来，所称资金口径错了，说明就失去意义。",
        "国有资本经营预算表下注“本部门无政府性基金收支”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Disclosure.Tables)
        {
            if (EmptyNotes.Fund(t.Kind) is not var (own, others)) continue;
            foreach (var note in t.Notes)
            {
                if (!EmptyNotes.Negation().IsMatch(note) || note.Contains(own)) continue;
                var wrong = others.FirstOrDefault(note.Contains);
                if (wrong is null) continue;
                yield return Report($"{t.Kind.Describe()}的说明应称“{own}”，实称“{wrong}”：「{note}」", new[] { t.Source },
                    suggestion: $"将说明改为本表的资金口径（{own}）。", table: t.Kind);
            }
        }
    }
}
