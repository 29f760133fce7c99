using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Recognition.Narrative;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Narrative;

/// <summary>The one 尾差 policy applied to narrative figures: each is judged at the precision it was printed with.</summary>
public class NarrativePrecisionTests
{
    [Fact] // a table in 元 (57,074,300 元 = 5707.43 万元, scale 4) restated in whole 万元
    public void An_amount_printed_without_decimals_matches_its_rounding()
    {
        Assert.Equal(Verdict.Match, Tolerance.Printed(5707.43m, 4, 5707m, 0).Verdict);
        Assert.Equal(Verdict.Match, Tolerance.Printed(10.89m, 2, 11m, 0).Verdict);
        // one unit of the coarser printed digit is 尾差 (computed from other rounded figures); two units are not
        Assert.Equal(Verdict.Rounding, Tolerance.Printed(5707.43m, 4, 5708m, 0).Verdict);
        Assert.Equal(Verdict.Mismatch, Tolerance.Printed(5707.43m, 4, 5709m, 0).Verdict);
        Assert.Equal(Verdict.Rounding, Tolerance.Printed(10429.8313m, 4, 10429.84m, 2).Verdict);
        Assert.Equal(Verdict.Mismatch, Tolerance.Printed(10429.8313m, 4, 10429.85m, 2).Verdict);
        // the real 0.3万元 of the 普陀 narrative against 2961.68 stays an error
        Assert.Equal(Verdict.Mismatch, Tolerance.Printed(2961.68m, 2, 0.3m, 1).Verdict);
        Assert.Equal(Rounding.HalfUnit(0) + Rounding.HalfUnit(2), Rounding.EqualityEnvelope(0, 2));
    }

    [Fact] // shares of one list printed to add up to exactly 100: one moved by a unit of its last digit is 尾差 (domain §1.5)
    public void A_share_adjusted_so_the_list_adds_up_to_100_is_rounding()
    {
        var c = Tolerance.Percent(10.61m, 1685.72m, 15897.44m, 2, 2);
        Assert.Equal(Verdict.Mismatch, c.Verdict);
        Assert.Equal(Verdict.Rounding, Tolerance.AllowHundredAdjustment(c, 2, new[] { 49.55m, 39.84m, 10.61m }).Verdict);
        // the same share in a list that does not add up to 100 stays a mismatch, and so does a larger deviation
        Assert.Equal(Verdict.Mismatch, Tolerance.AllowHundredAdjustment(c, 2, new[] { 49.55m, 39.83m, 10.61m }).Verdict);
        var far = Tolerance.Percent(10.63m, 1685.72m, 15897.44m, 2, 2);
        Assert.Equal(Verdict.Mismatch, Tolerance.AllowHundredAdjustment(far, 2, new[] { 49.55m, 39.82m, 10.63m }).Verdict);
    }

    [Fact]
    public void A_percentage_is_checked_at_its_printed_precision()
    {
        // 19.1% for 19.13%; 23.4% for 23.42%; 100% for 99.6%
        Assert.Equal(Verdict.Match, Tolerance.Percent(19.1m, 1913m, 10000m, 2, 1).Verdict);
        Assert.Equal(Verdict.Match, Tolerance.Percent(23.4m, 47313.08m, 202041.17m, 2, 1).Verdict);
        Assert.Equal(Verdict.Match, Tolerance.Percent(100m, 996m, 1000m, 2, 0).Verdict);
        // "下降 5.0%" for 336.67 ÷ 6592.98 = 5.11% is wrong at one decimal (湖州 退役军人事务局 p.5)
        var c = Tolerance.Percent(5.0m, 336.67m, 6592.98m, 2, 1);
        Assert.Equal(Verdict.Mismatch, c.Verdict);
        Assert.Equal(5.1m, c.Expected);
        // the same figure printed to two decimals still has to be right to two decimals
        Assert.Equal(Verdict.Mismatch, Tolerance.Percent(19.10m, 1913m, 10000m, 2, 2).Verdict);
    }

    [Fact]
    public void The_extractor_keeps_the_printed_precision_of_percentages()
    {
        var claims = ClaimExtractorScopeTests.X("支出预算154,728.09万元，比上年减少47,313.08万元，下降23.4%，其中：基本支出100万元，占0.1%");
        var change = claims.Single(c => c.Kind == ClaimKind.Change);
        Assert.Equal(23.4m, change.ChangePercent);
        Assert.Equal(1, change.ChangePercentScale);
        Assert.Equal(1, claims.Single(c => c.Kind == ClaimKind.Share).SharePercentScale);
    }
}

public class ClaimExtractorScopeTests
{
    internal static List<Claim> X(string text, string heading = "") =>
        ClaimExtractor.Extract(new Sentence(text, new Provenance("t.txt", 1, Text: text), heading)).ToList();

    [Fact] // 西安 公安局 p.9: the change after an enumeration of income sources is the total's change
    public void A_change_after_an_enumerated_list_speaks_of_the_whole()
    {
        var claims = X("本部门当年预算收入344,447.70万元，其中：一般公共预算拨款324,638.50万元、上年结转13,102.70万元、" +
                       "上年实户资金余额3,262.49万元、其他收入3,444.00万元，较上年减少129,422.00万元，下降27.31%");
        var change = claims.Single(c => c.Kind == ClaimKind.Change);
        Assert.Equal(344447.70m, change.Amount);
        Assert.Equal(4, claims.Single(c => c.Kind == ClaimKind.Breakdown).Parts.Count);
    }

    [Fact] // 西安 公安局 p.17: items separated by ； each carry their own change
    public void A_change_after_an_item_of_its_own_clause_stays_with_the_item()
    {
        var claims = X("其中：因公出国（境）经费0.00万元，本部门均无因公出国（境）经费预算；公务接待费19.35万元，较上年增加1.00万元，增长5.45%");
        var change = claims.Single(c => c.Kind == ClaimKind.Change);
        Assert.Equal("公务接待费", change.Subject);
        Assert.Equal(19.35m, change.Amount);
    }

    [Fact]
    public void The_fund_scope_comes_from_the_subject_the_lead_or_the_heading()
    {
        Assert.Equal(FundScope.GeneralBudget, ClaimExtractor.ScopeOf("一般公共预算财政拨款支出"));
        Assert.Equal(FundScope.FiscalGrant, ClaimExtractor.ScopeOf("财政拨款支出主要内容"));
        Assert.Equal(FundScope.All, ClaimExtractor.ScopeOf("（二）支出预算：2026年年初预算数"));
        Assert.Equal(FundScope.Unknown, ClaimExtractor.ScopeOf("按支出功能分类，包括一般公共服务支出"));
        Assert.Equal(FundScope.Unknown, ClaimExtractor.ScopeOf("一般公共预算和政府性基金预算"));
        // a class amount in a sentence about all funds is of all funds; under an 一般公共预算 heading, of that fund
        Assert.All(X("支出预算45,369.18万元，包括一般公共服务支出22,022.92万元，教育支出9.30万元"), c => Assert.Equal(FundScope.All, c.Scope));
        Assert.All(X("一般公共服务（类）支出6,701.98万元，占1.6%", "2.一般公共预算当年拨款结构情况。"), c => Assert.Equal(FundScope.GeneralBudget, c.Scope));
    }

    [Fact] // "单位价值 50 万元以上设备" is a threshold; "比 2025 年初预算数 20,292.85 万元" is a base
    public void Thresholds_and_comparison_bases_are_not_parts()
    {
        Assert.DoesNotContain(X("新增配备单位价值50万元以上设备0台，其中，单位价值100万元以上设备0台"), c => c.Amount is 50m or 100m);
        var b = X("2026度收入预算515,665.27万元，其中:一般公共预算收入19,828.57万元比2025年初预算数20,292.85万元减少464.28万元").Where(c => c.Kind == ClaimKind.Breakdown).ToList();
        Assert.DoesNotContain(b.SelectMany(x => x.Parts), p => p.Amount is 20292.85m or 464.28m);
    }

    [Fact]
    public void A_heading_that_names_a_unit_scopes_its_statements()
    {
        Assert.Equal("深圳市水务局（本级）", NarrativeRecognizer.UnitHeading("一、深圳市水务局（本级）", "深圳市水务局"));
        Assert.Equal("深圳市水务工程质量安全监督站", NarrativeRecognizer.UnitHeading("二、深圳市水务工程质量安全监督站", "深圳市水务局"));
        Assert.Null(NarrativeRecognizer.UnitHeading("一、深圳市水务局", "深圳市水务局"));
        Assert.Null(NarrativeRecognizer.UnitHeading("（一）在职人员经费 5,206.17 万元", "深圳市水务局"));
        Assert.Null(NarrativeRecognizer.UnitHeading("第三部分 部门预算支出具体情况", "深圳市水务局"));
        Assert.Null(NarrativeRecognizer.UnitHeading("二、部门收支总体情况", "深圳市水务局"));
    }
}

/// <summary>Corpus documents: the narrative checks stay silent where the statements are right, and keep the real defects.</summary>
public class NarrativeCorpusTests
{
    private static AuditReport Check(string name) =>
        Auditor.Audit(new DisclosureReader().Read(Path.Combine(Shared.Root, "corpus", name)).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    private static IEnumerable<Finding> Narrative(AuditReport r) =>
        r.Findings.Where(f => f.RuleId.StartsWith("GK4", StringComparison.Ordinal) && f.Severity is Severity.Error or Severity.Warning);

    [Fact] // per-unit sections (一、…（本级）, 二、…监督站 …) are not compared with the department's B3
    public void Shenzhen_unit_sections_are_not_compared_with_the_department_tables()
    {
        var r = Check("003-深圳-2026年深圳市水务局部门预算.pdf");
        Assert.Empty(r.ByRule("GK401"));
    }

    [Fact] // 1-decimal percentages (下降 23.4%) and integer ones (增长 8%) are right at their precision
    public void Guangzhou_one_decimal_percentages_are_right()
    {
        var r = Check("005-广州-住房和建设局_2026年部门预算.pdf");
        Assert.Empty(r.ByRule("GK402"));
        Assert.Empty(r.ByRule("GK405"));
    }

    [Fact] // 支出预算 by 功能分类 (all funds) is not the B5 一般公共预算 table; the 基本支出 changes of two scopes differ
    public void Chongqing_all_funds_classes_are_not_compared_with_the_general_budget_table()
    {
        var r = Check("004-重庆-2026年重庆市委宣传部部门预算.pdf");
        Assert.DoesNotContain(r.ByRule("GK401"), f => f.Message.Contains("B5"));
        Assert.Empty(r.ByRule("GK407"));
    }

    [Fact] // p.5: "下降 5.0%" for 336.67 ÷ 6592.98 = 5.11%; the percentages are truncated, not rounded
    public void Huzhou_truncated_percentages_still_fire()
    {
        var r = Check("079-湖州-2026年湖州市退役军人事务局部门预算.pdf");
        var f = Assert.Single(r.ByRule("GK402"), f => f.Found == 5.0m);
        Assert.Equal(5.1m, f.Expected);
        Assert.Equal(5, f.PrimaryLocation!.Page);
    }
}

public class NarrativeYearTests
{
    [Fact] // a cited plan's date range is not the year the sentence speaks of
    public void A_cited_title_or_a_year_range_is_not_the_sentence_year()
    {
        var inTitle = ClaimExtractorScopeTests.X("根据《2017-2019年财政规划》，基本支出500万元，比2017年增加10万元");
        Assert.All(inTitle, c => Assert.Null(c.Year));
        var range = ClaimExtractorScopeTests.X("2017—2019年项目支出300万元，比2016年增加5万元");
        Assert.All(range, c => Assert.Null(c.Year));
        var plain = ClaimExtractorScopeTests.X("2018年基本支出500万元，比2017年增加10万元");
        Assert.Contains(plain, c => c.Year == 2018);
    }
}
