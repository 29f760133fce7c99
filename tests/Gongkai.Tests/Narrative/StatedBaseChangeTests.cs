using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition.Narrative;
using Gongkai.Tests.Reading;

namespace Gongkai.Tests.Narrative;

/// <summary>
/// A change clause that prints its base as a figure ("比 2025 年年初预算数 28479.84 万元增加 1476.43 万元"): the base is
/// the claim's <see cref="Claim.BaseAmount"/>, so GK411 (Δ = 本期 − 基数), GK402 (the percent on the stated base) and GK403
/// (the direction) check the sentence on its own, also where the document publishes its tables in a separate file.
/// </summary>
public class StatedBaseChangeTests
{
    private static List<Claim> X(string text) => ClaimExtractor.Extract(new Sentence(text, new Provenance("t.txt", 1, Text: text), "")).ToList();

    [Theory]
    [InlineData("2026年支出预算8640.50万元，比2025年年初预算数8200.25万元增加440.25万元，增长5.37%。", "支出预算", 8640.50, 8200.25, 440.25, 5.37)]
    [InlineData("一般公共预算收入9,215.40万元比2025年初预算数9,500.00万元减少284.60万元，降低3.00%", "一般公共预算收入", 9215.40, 9500.00, 284.60, 3.00)]
    [InlineData("2026年本部门机关运行经费安排150.60万元，较2025年预算146.10万元增加4.5万元，主要原因为人员调入", "机关运行经费安排", 150.60, 146.10, 4.5, null)]
    [InlineData("收入预算500万元，与2025年预算数480万元相比，增加20万元，增长4.17%", "收入预算", 500, 480, 20, 4.17)]
    public void The_printed_base_is_the_base_of_the_change(string text, string subject, double amount, double baseAmount, double delta, double? pct)
    {
        var c = Assert.Single(X(text), x => x.Kind == ClaimKind.Change);
        Assert.Contains(subject, c.Subject);
        Assert.Equal((decimal)amount, c.Amount);
        Assert.Equal((decimal)baseAmount, c.BaseAmount);
        Assert.Equal((decimal)delta, c.ChangeAmount);
        Assert.Equal(pct is null ? null : (decimal)pct.Value, c.ChangePercent);
        // the base is no amount of a subject of its own
        Assert.DoesNotContain(X(text), x => x.Kind == ClaimKind.Amount && x.Amount == (decimal)baseAmount);
    }

    [Fact]
    public void A_figure_before_a_lost_verb_is_no_base()
    {
        // a change figure printed after 比上年 without its verb (as 烟台 审计局 p. 27 does): it is the change, not a base
        var c = Assert.Single(X("2026年本单位机关运行经费安排88.80万元，比上年0.60万元，增加0.68%。"), x => x.Kind == ClaimKind.Change);
        Assert.Null(c.BaseAmount);
    }

    [Fact]
    public void A_change_without_a_printed_base_keeps_none() =>
        Assert.Null(Assert.Single(X("2026年收入预算2450.00万元，比上年增加50.00万元，增长2.08%"), x => x.Kind == ClaimKind.Change).BaseAmount);

    private static AuditReport Check(string file) =>
        Auditor.Audit(PdfSamples.ReadCorpus(file).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    [Fact] // p. 7: 29956.27 − 28479.84 = 1476.43, printed 1476.73 (the 收入 paragraph on p. 5–6 prints 1476.43)
    public void Beijing_justice_bureau_spending_change_is_not_the_difference()
    {
        var f = Assert.Single(Check("002-北京-2026年北京市司法局部门预算.pdf").ByRule("GK411"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(1476.43m, f.Expected);
        Assert.Equal(1476.73m, f.Found);
        Assert.Equal(7, f.Locations[0].Page);
    }

    [Theory] // the same sentence form, every change the difference of its two figures (国资委: 20292.85 − 19828.57 = 464.28
             // printed 464.27, a 尾差 of two rounded figures)
    [InlineData("002-北京-2026年北京市人民政府国有资产监督管理委员会部门预算.pdf")]
    [InlineData("002-北京-2026年北京市审计局部门预算.pdf")]
    [InlineData("002-北京-2026年北京市生态环境局部门预算.pdf")]
    [InlineData("002-北京-2026年北京市统计局部门预算.pdf")]
    [InlineData("002-北京-2026年北京市退役军人事务局部门预算.pdf")]
    [InlineData("025-烟台-2026年烟台市住房和城乡建设局部门预算.pdf")] // a 机关运行经费 change against a printed base
    public void Right_changes_against_a_printed_base_stay_silent(string file) =>
        Assert.DoesNotContain(Check(file).Findings, f => f.RuleId is "GK411" or "GK402" or "GK403" && f.Severity != Severity.Info);
}
