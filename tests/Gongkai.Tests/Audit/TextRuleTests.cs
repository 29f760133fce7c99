using Gongkai.Audit.Rules.Text;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class TextRuleTests
{
    private static DocBuilder Say(string sentence, int year = 2024, DocumentKind kind = DocumentKind.FinalAccount) =>
        (kind == DocumentKind.FinalAccount ? DocBuilder.Final(year) : DocBuilder.Budget(year)).Sentence(sentence);

    [Theory]
    [InlineData("比上年增加（减少）0万元")]
    [InlineData("增长（下降）0%")]
    [InlineData("决算数小于（大于）预算数")]
    [InlineData("比上年增加（或减少）5万元")]
    [InlineData("上海市XX局2024年度部门决算")]
    [InlineData("主要原因是××")]
    [InlineData("具体情况待填写")]
    [InlineData("与上年持平（如持平作持平表述）")]
    public void GK701_fires_on_template_residue(string sentence)
    {
        var b = Say(sentence);
        var f = Single<TemplateResidue>(b);
        Assert.Equal(b.Doc.Sections[0].Sentences[0].Source, f.Locations[0]);
    }

    [Theory]
    [InlineData("比上年增加5.00万元，增长1.87%。")]
    [InlineData("主要用于XBRL报送系统维护")]
    public void GK701_stays_silent_on_clean_text(string sentence) => Silent<TemplateResidue>(Say(sentence));

    [Fact]
    public void GK702_fires_on_repeated_punctuation_and_stays_silent()
    {
        Assert.Contains("。。", Single<RepeatedPunctuation>(Say("主要用于人员支出。。")).Message);
        Silent<RepeatedPunctuation>(Say("主要用于人员支出。"));
    }

    [Fact]
    public void GK703_fires_on_duplicated_word_and_stays_silent_on_reduplication()
    {
        Assert.Contains("增加", Single<DuplicatedWord>(Say("比上年增加增加5万元")).Message);
        Assert.Contains("一般公共", Single<DuplicatedWord>(Say("一般公共一般公共预算支出")).Message);
        Silent<DuplicatedWord>(Say("人人参保，常常检查，比上年增加5万元"));
    }

    [Fact]
    public void GK704_fires_on_future_year()
    {
        var f = Single<FutureYear>(Say("2025年预算安排100万元", 2024, DocumentKind.Budget), expected: 2024m, found: 2025m);
        Assert.Contains("2025", f.Message);
        Single<FutureYear>(Say("截至2026年6月", 2024), expected: 2025m, found: 2026m);
    }

    [Fact]
    public void GK704_stays_silent_on_publication_year_of_final_accounts() =>
        Silent<FutureYear>(Say("截至2025年6月30日，共有车辆1辆", 2024));

    [Fact]
    public void GK705_fires_on_table_title_of_last_year_and_stays_silent()
    {
        var b = DocBuilder.Final(2024).Title("某局2024年度部门决算")
            .Table(TableKind.FinalSummary, _ => { }, title: "2023年度收入支出决算总表");
        var f = Single<TitleYear>(b, expected: 2024m, found: 2023m);
        Assert.Equal(b.Doc.Tables[0].Source, f.Locations[0]);
        Silent<TitleYear>(DocBuilder.Final(2024).Title("某局2024年度部门决算")
            .Table(TableKind.FinalSummary, _ => { }, title: "2024年度收入支出决算总表"));
    }

    [Fact]
    public void GK706_fires_on_comparison_with_the_document_year()
    {
        var f = Single<ComparisonYearInText>(Say("收入支出总计100万元，与2024年度相比增加5万元", 2024), expected: 2023m, found: 2024m);
        Assert.Contains("2024", f.Message);
    }

    [Fact]
    public void GK706_stays_silent_on_prior_year_and_on_sentences_already_parsed_into_claims()
    {
        Silent<ComparisonYearInText>(Say("与2023年度相比增加5万元", 2024));
        var b = Say("比2024年增加5万元", 2024).Claim("支出", 5m, comparedYear: 2024, sentence: "比2024年增加5万元");
        Silent<ComparisonYearInText>(b);
    }

    [Fact]
    public void GK707_fires_on_empty_reason_and_stays_silent_with_reason()
    {
        Single<EmptyReason>(Say("比上年增加5万元，主要原因是"));
        Silent<EmptyReason>(Say("比上年增加5万元，主要原因是人员增加"));
    }

    [Fact]
    public void GK707_a_colon_followed_by_the_reason_in_the_next_sentence_is_silent()
    {
        Silent<EmptyReason>(DocBuilder.Final().Sentence("与上年相比持平。主要原因：").Sentence("基本支出中人员进出及退休变化"));
        Single<EmptyReason>(DocBuilder.Final().Sentence("与上年相比持平。主要原因："));
    }
}
