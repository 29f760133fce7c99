using Gongkai.Audit;
using Gongkai.Audit.Rules.Completeness;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

public class CompletenessRuleTests
{
    private static readonly TableKind[] FinalNine =
    {
        TableKind.FinalSummary, TableKind.FinalRevenue, TableKind.FinalExpenditure, TableKind.FinalFiscalSummary,
        TableKind.FinalGeneralExpenditure, TableKind.FinalGeneralBasic, TableKind.FinalThreePublic, TableKind.FinalGovFund,
        TableKind.FinalStateCapital,
    };

    private static DocBuilder With(params TableKind[] kinds)
    {
        var b = DocBuilder.Final();
        foreach (var k in kinds) b.Table(k, t => t.Columns(Measure.Total).Total(1m));
        return b;
    }

    [Fact]
    public void GK101_fires_for_each_missing_table()
    {
        var fs = Run<MissingStandardTable>(With(FinalNine.Where(k => k != TableKind.FinalGovFund).ToArray()));
        var f = Assert.Single(fs);
        Assert.Equal(TableKind.FinalGovFund, f.Table);
        Assert.Contains("F8", f.Message);
    }

    [Fact]
    public void GK101_stays_silent_on_full_set_and_on_documents_without_tables()
    {
        Silent<MissingStandardTable>(With(FinalNine));
        Silent<MissingStandardTable>(With(FinalNine.Where(k => k != TableKind.FinalThreePublic).Append(TableKind.InstitutionOperation).ToArray()));
        Silent<MissingStandardTable>(DocBuilder.Final());
    }

    [Fact]
    public void GK102_fires_on_empty_table_without_note_and_stays_silent_with_note()
    {
        var b = DocBuilder.Final().Table(TableKind.FinalGovFund, t => t.Columns(Measure.Total).Total(0m));
        var f = Single<EmptyTableWithoutNote>(b);
        Assert.Equal(b.Doc.Tables[0].Source, f.Locations[0]);
        Silent<EmptyTableWithoutNote>(DocBuilder.Final().Table(TableKind.FinalGovFund, t => t.Columns(Measure.Total).Total(0m)
            .Note("注：本部门2024年度没有政府性基金预算财政拨款收入和支出，故本表无数据。")));
    }

    [Fact]
    public void GK103_fires_on_data_table_with_empty_note_and_stays_silent_otherwise()
    {
        Single<NonEmptyTableWithEmptyNote>(DocBuilder.Final().Table(TableKind.FinalGovFund, t => t.Columns(Measure.Total).Total(120m)
            .Note("注：本部门没有政府性基金收支，故本表无数据。")));
        Silent<NonEmptyTableWithEmptyNote>(DocBuilder.Final().Table(TableKind.FinalGovFund, t => t.Columns(Measure.Total).Total(0m)
            .Note("注：本部门没有政府性基金收支，故本表无数据。")));
    }

    [Fact]
    public void GK104_fires_when_note_names_another_fund_and_stays_silent_on_own_fund()
    {
        var f = Single<EmptyNoteWrongFund>(DocBuilder.Final().Table(TableKind.FinalStateCapital, t => t.Columns(Measure.Total).Total(0m)
            .Note("注：本部门没有政府性基金预算财政拨款收入和支出，故本表无数据。")));
        Assert.Contains("国有资本经营", f.Message);
        Silent<EmptyNoteWrongFund>(DocBuilder.Final().Table(TableKind.FinalStateCapital, t => t.Columns(Measure.Total).Total(0m)
            .Note("注：本部门没有国有资本经营预算财政拨款支出，故本表无数据。")));
    }

    [Fact]
    public void GK105_fires_on_duplicate_table_and_stays_silent_on_full_set()
    {
        Single<DuplicateTable>(With(TableKind.FinalExpenditure, TableKind.FinalExpenditure), expected: 1m, found: 2m);
        Silent<DuplicateTable>(With(FinalNine));
    }
}

/// <summary>GK101/GK102/GK109 on small built models: tables published separately, unread numbers, the narrative's word.</summary>
public class CompletenessExplanationTests
{
    [Fact]
    public void GK101_tables_published_in_a_separate_file_give_one_hint()
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetGovFund, t => t.Columns(Measure.Total).Total(1m))
            .Sentence("附件：某某局2026年度部门预算报表");
        var f = Single<MissingStandardTable>(b);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("另行公开", f.Message);
        Assert.Contains("B1", f.Message);
        // without the attachment sentence every missing table is a 警告
        var missing = Run<MissingStandardTable>(DocBuilder.Budget().Table(TableKind.BudgetGovFund, t => t.Columns(Measure.Total).Total(1m)));
        Assert.Equal(7, missing.Count);
        Assert.All(missing, x => Assert.Equal(Severity.Warning, x.Severity));
    }

    [Fact]
    public void GK102_is_silent_on_a_table_with_numbers_the_reader_could_not_place()
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetGeneralBasic, t => t.Columns(Measure.Total).Total(0m));
        Single<EmptyTableWithoutNote>(b);
        b.Doc.Tables[0].UnplacedCells = 48;
        Silent<EmptyTableWithoutNote>(b);
    }

    [Fact]
    public void GK102_fund_stated_as_zero_or_absent_in_the_narrative_explains_a_table_without_note()
    {
        Silent<EmptyTableWithoutNote>(DocBuilder.Budget().Table(TableKind.BudgetGovFund, t => t.Columns(Measure.Total).Total(0m))
            .Claim("政府性基金拨款支出预算", 0m));
        Silent<EmptyTableWithoutNote>(DocBuilder.Budget().Table(TableKind.BudgetStateCapital, t => t.Columns(Measure.Total).Total(0m))
            .Sentence("国有资本经营预算拨款支出预算为0"));
        Silent<EmptyTableWithoutNote>(DocBuilder.Budget().Table(TableKind.BudgetGovFund, t => t.Columns(Measure.Total).Total(0m))
            .Sentence("我单位2023年无政府性基金预算安排的支出"));
        // the narrative speaks of another fund: still unexplained
        Single<EmptyTableWithoutNote>(DocBuilder.Budget().Table(TableKind.BudgetGovFund, t => t.Columns(Measure.Total).Total(0m))
            .Sentence("国有资本经营预算拨款支出预算为0"));
        // a note under the table that fails to state the absence is the defect, whatever the narrative says
        Single<EmptyTableWithoutNote>(DocBuilder.Budget().Table(TableKind.BudgetGovFund, t => t.Columns(Measure.Total).Total(0m)
            .Note("本单位2023年政府性基金预算支出。")).Sentence("我单位2023年无政府性基金预算安排的支出"));
    }

    [Fact]
    public void GK106_a_table_of_the_contents_in_other_words_is_found()
    {
        var b = DocBuilder.Budget().Table(TableKind.BudgetGeneralByEconomic, t => t.Columns(Measure.Total).Total(1m),
            title: "2022年部门综合预算一般公共预算支出明细表（按经济分类科目分）");
        b.Doc.TableOfContents.Add(("2022年部门综合预算一般公共预算支出明细表（按支出经济分类科目）", false, null));
        Silent<Gongkai.Audit.Rules.Completeness.AnnouncedTableMissing>(b);
        // the function-class table is another table: still missing
        b.Doc.TableOfContents.Add(("2022年部门综合预算一般公共预算支出明细表（按支出功能分类科目）", false, null));
        var f = Single<Gongkai.Audit.Rules.Completeness.AnnouncedTableMissing>(b);
        Assert.Contains("功能", f.Message);
    }
}
