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
