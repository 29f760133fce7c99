using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Recognition.Tables;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// A subject code printed with a digit dropped or doubled (201010, 21203999) is read as a code of the wrong length, so that
/// GK503 names it; a unit code (305002, 252001) printed in the same column is never taken for a subject code.
/// </summary>
public class MistypedCodeTests
{
    private static Disclosure Recognize(string text) => new DisclosureReader().Recognize(TextDocumentReader.Parse("t.md", text)).Disclosure;

    private static AuditReport Audit(Disclosure d) => Auditor.Audit(d, new AuditOptions { Catalog = CatalogAdapter.Instance });

    private const string Expenditure = """
        某局2026年部门预算

        2026年一般公共预算支出情况表

        单位：万元

        | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
        |---|---|---|---|---|
        |  | 合计 | 130.00 | 100.00 | 30.00 |
        | 201 | 一般公共服务支出 | 100.00 | 100.00 | 0.00 |
        | 20101 | 人大事务 | 100.00 | 100.00 | 0.00 |
        | 2010101 | 行政运行 | 60.00 | 60.00 | 0.00 |
        | CODE1 | 一般行政管理事务 | 40.00 | 40.00 | 0.00 |
        | 212 | 城乡社区支出 | 30.00 | 0.00 | 30.00 |
        | 21203 | 城乡社区公共设施 | 30.00 | 0.00 | 30.00 |
        | CODE2 | 其他城乡社区公共设施支出 | 30.00 | 0.00 | 30.00 |
        """;

    [Fact]
    public void A_code_with_a_digit_dropped_or_doubled_is_read_as_a_mistyped_code_and_reported()
    {
        var d = Recognize(Expenditure.Replace("CODE1", "201010").Replace("CODE2", "21203999"));
        var t = d.Table(TableKind.BudgetGeneralExpenditure)!;
        var dropped = Assert.Single(t.Rows, r => r.Label == "一般行政管理事务");
        Assert.Equal("201010", dropped.Code?.Value);
        Assert.False(dropped.Code!.Value.IsWellFormed);
        Assert.Null(dropped.UnitCode);
        Assert.Equal("21203999", Assert.Single(t.Rows, r => r.Label == "其他城乡社区公共设施支出").Code?.Value);
        var errors = Audit(d).ByRule("GK503").Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, f => f.Message.Contains("201010") && f.Message.Contains("位数为 6"));
        Assert.Contains(errors, f => f.Message.Contains("21203999") && f.Message.Contains("位数为 8"));
        // the well-formed original reads as before and nothing is reported
        var ok = Recognize(Expenditure.Replace("CODE1", "2010102").Replace("CODE2", "2120399"));
        Assert.Empty(Audit(ok).ByRule("GK503"));
    }

    [Theory]
    // the catalog name of a code one digit away (2010150), and one cut by a narrow cell (2010199 其他人大事务支出)
    [InlineData("201015", "事业运行")]
    [InlineData("201019", "其他人大事务支")]
    // no code one digit away is named 人大会议 (2010104), but it is a subject name and 20101 is the 款 of the row above
    [InlineData("201018", "人大会议")]
    public void The_name_or_the_neighbours_confirm_a_mistyped_code(string bad, string name)
    {
        var d = Recognize(Expenditure.Replace("CODE1", bad).Replace("一般行政管理事务", name).Replace("CODE2", "2120399"));
        Assert.Equal(bad, Assert.Single(d.Table(TableKind.BudgetGeneralExpenditure)!.Rows, r => r.Label == name).Code?.Value);
        Assert.NotNull(MistypedCodes.Read(bad, name, "2010101", "212"));
        // without the neighbour's 款 only the one-digit edits vouch for it
        Assert.Equal(bad != "201018", MistypedCodes.Read(bad, name, "212", null) is not null);
    }

    [Theory]
    // unit codes in the code column: a unit name is no subject name, whatever the digits
    [InlineData("305002", "中国企业管理无锡培训中心")]
    [InlineData("201011", "示例局机关服务中心")]
    [InlineData("201001", "示例局本级")]
    public void A_unit_code_is_never_a_subject_code(string code, string name)
    {
        var d = Recognize(Expenditure.Replace("CODE1", code).Replace("一般行政管理事务", name).Replace("CODE2", "2120399"));
        var row = Assert.Single(d.Table(TableKind.BudgetGeneralExpenditure)!.Rows, r => r.Label == name);
        Assert.Null(row.Code);
        Assert.Equal(code, row.UnitCode);
        Assert.Empty(Audit(d).ByRule("GK503"));
        Assert.Null(MistypedCodes.Read(code, name, "20101", "2010101"));
    }

    [Fact]
    public void An_eight_digit_economic_code_is_left_to_the_regions_refinement()
    {
        // some regions refine the economic 款 further: 8 digits of 30102 are not called a typing error
        Assert.Null(MistypedCodes.Read("30102001", "津贴补贴", "30101", "30103"));
        Assert.NotNull(MistypedCodes.Read("301020", "津贴补贴", "30101", "30103"));
    }

    /// <summary>Published tables that list units with 6-digit unit codes (收入总表/支出总表 by unit): read as units, never as subjects.</summary>
    [Theory]
    [InlineData("014-无锡-教育局_2026年部门预算.pdf", "305002")]
    [InlineData("020-西安-生态环境局_2026年部门预算.pdf", "252001")]
    [InlineData("014-无锡-人力资源和社会保障局_2026年部门预算.pdf", "309001")]
    public void Corpus_unit_codes_stay_unit_codes(string file, string unitCode)
    {
        var d = new DisclosureReader().Read(Shared.Corpus(file)).Disclosure;
        var rows = d.Tables.SelectMany(t => t.Rows).ToList();
        Assert.Contains(rows, r => r.UnitCode == unitCode && r.Code is null);
        Assert.DoesNotContain(rows, r => r.Code is { IsWellFormed: false });
    }
}
