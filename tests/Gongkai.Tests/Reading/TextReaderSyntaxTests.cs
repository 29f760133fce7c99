using Gongkai.Reading;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Reading;

public class TextReaderSyntaxTests
{
    [Fact]
    public void Pipe_tables_of_seed_000_are_read_with_line_provenance()
    {
        var doc = new DocumentReader().Read(Shared.Seed("000"));
        var first = doc.Tables.First();
        Assert.Equal(TableSyntax.Pipe, first.Syntax);
        // the 财政拨款收支总表 grid: 收入总数 row carries 7,163.37 in column 1
        var total = first.Rows.Single(r => r[0] == "收入总数");
        Assert.Equal("7,163.37", total[1]);
        Assert.Equal(7163.37m, Numbers.Parse(total[1]).Value);
        Assert.NotNull(total.Cells[1].Source.Line);
    }

    [Fact]
    public void Cell_per_line_rows_keep_empty_cells_and_joined_continuations()
    {
        var doc = new DocumentReader().Read(Shared.Seed("001"));
        var header = doc.Tables.First(t => t.Syntax == TableSyntax.CellPerLine && t.Rows[0][0] == "一级指标").Rows[0];
        Assert.Equal("二级指标", header[1]); // "二级" + newline + "指标" joined
        Assert.Equal(7, header.Width);
    }

    [Fact]
    public void Tab_rows_of_seed_003_keep_side_by_side_blocks()
    {
        var doc = new DocumentReader().Read(Shared.Seed("003"));
        var f6 = doc.Tables.Single(t => t.Rows[0][0] == "人员经费");
        var row = f6.Rows.Single(r => r[0] == "30101");
        Assert.Equal(new[] { "30101", "基本工资", "151.43", "30201", "办公费", "3.21", "31001", "房屋建筑物购建", "" }, row.Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("3,925.66", 3925.66, 2)]
    [InlineData("62,015,542.5 0", 62015542.50, 2)]
    [InlineData("１２３．４５", 123.45, 2)]
    [InlineData("<b>1172.35</b>", 1172.35, 2)]
    [InlineData("16.47%", 16.47, 2)]
    [InlineData("0.00", 0, 2)]
    [InlineData("810", 810, 0)]
    public void Numbers_parse_the_forms_printed_in_disclosures(string text, decimal expected, int scale)
    {
        var v = Numbers.Parse(text);
        Assert.True(v.IsNumeric);
        Assert.Equal(expected, v.Value);
        Assert.Equal(scale, v.Scale);
    }

    [Theory]
    [InlineData("", CellValueKind.Blank)]
    [InlineData("—", CellValueKind.Dash)]
    [InlineData("-", CellValueKind.Dash)]
    [InlineData("50015224T00000423582 0", CellValueKind.Text)]
    [InlineData("工资福利支出", CellValueKind.Text)]
    public void Non_numbers_are_classified(string text, CellValueKind kind) => Assert.Equal(kind, Numbers.Parse(text).Kind);

    [Fact]
    public void A_file_without_final_newline_is_read()
    {
        var doc = TextDocumentReader.Parse("x.txt", "标题\n| a | b |\n|---|---|\n| 合计 | 1.00 |");
        Assert.Single(doc.Tables);
        Assert.Equal("1.00", doc.Tables.Single().Rows[1][1]);
    }
}
