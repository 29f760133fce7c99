using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// Recognizer rules that PDF layouts need but are format-neutral: a grid continued right after the previous one,
/// codes printed as 类 | 款 | 项 columns, and header paths from merged cells.
/// </summary>
public class PageContinuationTests
{
    private static Disclosure Recognize(string text) => new DisclosureReader().Recognize(TextDocumentReader.Parse("t.md", text)).Disclosure;

    private const string SplitTable = """
        上海市某局2024年度部门决算

        支出决算表

        单位：万元

        | 类 | 款 | 项 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
        |---|---|---|---|---|---|---|
        |  |  |  | 合计 | 120.00 | 100.00 | 20.00 |
        | 201 |  |  | 一般公共服务支出 | 120.00 | 100.00 | 20.00 |
        | 201 | 06 |  | 财政事务 | 120.00 | 100.00 | 20.00 |

        | 201 | 06 | 01 | 行政运行 | 110.00 | 100.00 | 10.00 |
        | 201 | 06 | 02 | 一般行政管理事务 | 10.00 |  | 10.00 |
        """;

    [Fact]
    public void Split_codes_join_into_full_codes_and_the_next_grid_continues_the_table()
    {
        var d = Recognize(SplitTable);
        var t = Assert.Single(d.Tables, x => x.Kind == TableKind.FinalExpenditure);
        Assert.Equal(2, t.SourceTables.Count);
        Assert.DoesNotContain(d.Tables, x => x.Kind == TableKind.Unknown);
        Assert.Equal("110.00", t.Cell("2010601", Measure.Total));
        Assert.Equal("10.00", t.Cell("2010602", Measure.Project));
        Assert.Equal("120.00", t.Cell("20106", Measure.Total));
        Assert.Equal("行政运行", t.Rows.Single(r => r.Code?.Value == "2010601").Label);
    }

    [Fact]
    public void A_grid_after_a_new_title_is_not_a_continuation()
    {
        var text = SplitTable.Replace("\n\n| 201 | 06 | 01 |", "\n\n一般公共预算财政拨款支出决算表\n\n单位：万元\n\n| 201 | 06 | 01 |");
        var d = Recognize(text);
        Assert.Single(d.Tables, x => x.Kind == TableKind.FinalExpenditure && x.SourceTables.Count == 1);
        Assert.Single(d.Tables, x => x.Kind == TableKind.FinalGeneralExpenditure);
    }

    [Fact]
    public void Header_paths_follow_merged_cells_when_the_reader_knows_them()
    {
        // 本年支出合计 spans two header rows; 科目名称 spans two rows as well: the empty cells under them belong to them,
        // not to the cell on their left
        SourceCell C(string text, int col, int colSpan = 1, int rowSpan = 1) => new(text, col, new Provenance("p.pdf", Page: 1, TableIndex: 0, Column: col, Text: text), colSpan, rowSpan);
        var header = new[]
        {
            new Gongkai.Recognition.Tables.GridRow(0, new SourceRow([C("项目", 0, colSpan: 2), C("", 1), C("本年支出合计", 2, rowSpan: 2), C("基本支出", 3, rowSpan: 2)], Provenance.Unknown)),
            new Gongkai.Recognition.Tables.GridRow(1, new SourceRow([C("科目编码", 0), C("科目名称", 1), C("", 2), C("", 3)], Provenance.Unknown)),
        };
        var paths = Gongkai.Recognition.Tables.Grid.Paths(header, 4);
        Assert.Equal(new[] { "项目/科目编码", "项目/科目名称", "本年支出合计", "基本支出" }, paths);
    }
}
