using Gongkai.Reading;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Reading.PdfSamples;

namespace Gongkai.Tests.Reading;

/// <summary>Tables rebuilt from the rulings of the sample PDFs; expected cells hand-checked against the rendered pages.</summary>
public class PdfTableTests
{
    [Fact]
    public void Sh24f_summary_table_has_totals_on_both_sides_and_continues_on_page_7()
    {
        var doc = Source(SH24F);
        var f1 = doc.TablesOn(6).Single();
        Assert.Equal(TableSyntax.Pdf, f1.Syntax);
        Assert.Equal(4, f1.Width);
        var totals = f1.RowWith("本年收入合计");
        Assert.Equal(new[] { "本年收入合计", "2,946.25", "本年支出合计", "2,940.05" }, totals.Cells.Select(c => c.Text));
        var social = f1.RowWith("八、社会保障和就业支出");
        Assert.Equal("八、其他收入", social[0]);
        Assert.Equal("6.20", social[1]);
        Assert.Equal("326.71", social[3]);
        // the rows after 本年收入合计 are printed on page 7: a separate table right after, nothing between
        var cont = doc.TablesOn(7).Single();
        Assert.Equal(f1.Index + 1, cont.Index);
        var blocks = doc.Blocks.ToList();
        Assert.Same(cont, blocks[blocks.IndexOf(f1) + 1]);
        Assert.Equal(new[] { "总计", "2,995.39", "总计", "2,995.39" }, cont.RowWith("总计").Cells.Select(c => c.Text));
        Assert.Equal("49.14", cont.RowWith("年初结转和结余")[1]);
    }

    [Fact]
    public void Sh24f_expenditure_table_reads_deep_rows_with_split_codes()
    {
        var f3 = Source(SH24F).TablesOn(10).Single();
        var row = f3.RowWith("行政运行");
        Assert.Equal(new[] { "201", "06", "01", "行政运行", "1,511.89", "1,503.52", "8.37", "", "", "" }, row.Cells.Select(c => c.Text));
        // a name wrapped over two lines in its cell is joined without a space
        Assert.Equal("160.75", f3.RowWith("机关事业单位基本养老保险缴费支出")[4]);
    }

    [Fact]
    public void Merged_header_cells_carry_spans_and_leave_covered_positions_empty()
    {
        var f2 = Source(SH24F).TablesOn(8).Single();
        var top = f2.Rows[0];
        Assert.Equal(11, top.Width);
        Assert.Equal("项目", top[0]);
        Assert.Equal(4, top.Cells[0].ColSpan);
        Assert.All(top.Cells.Skip(1).Take(3), c => Assert.True(c.IsEmpty));
        var total = top.Cells.Single(c => c.Text == "本年收入合计");
        Assert.Equal(4, total.Column);
        Assert.Equal(3, total.RowSpan);
        Assert.True(f2.Rows[1].Cells[4].IsEmpty);
        Assert.Equal("附属单位上缴收入", top[9]); // three lines in the cell, joined
        Assert.Equal(new[] { "201", "06", "01", "行政运行", "1,511.90", "1,511.89" }, f2.RowWith("行政运行").Cells.Take(6).Select(c => c.Text));
    }

    [Fact]
    public void Sh24f_basic_expenditure_keeps_side_by_side_blocks_and_its_continuation()
    {
        var doc = Source(SH24F);
        var p16 = doc.TablesOn(16).Single();
        var first = p16.RowWith("基本工资");
        Assert.Equal(new[] { "301", "01", "基本工资", "262.33", "302", "01", "办公费", "21.21" }, first.Cells.Select(c => c.Text));
        var p17 = doc.TablesOn(17).Single();
        Assert.Equal(p16.Width, p17.Width);
        var row = p17.RowWith("奖励金");
        Assert.Equal(new[] { "303", "09", "奖励金", "0.31", "302", "28", "工会经费", "24.42" }, row.Cells.Select(c => c.Text));
        var totals = p17.Rows[^1];
        Assert.Equal("人员经费合计", totals[0]);
        Assert.Equal("2,152.26", totals[3]);
        Assert.Equal("184.65", totals[7]);
    }

    [Fact]
    public void Template_fiscal_summary_continues_on_the_next_landscape_page()
    {
        var doc = Source(TPL24F);
        var p8 = doc.TablesOn(8).Single();
        Assert.Equal(new[] { "项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款" }, p8.Rows[1].Cells.Select(c => c.Text));
        var p9 = doc.TablesOn(9).Single();
        Assert.Equal(p8.Width, p9.Width);
        Assert.Equal("二十四、抗疫特别国债安排的支出", p9.RowWith("二十四、抗疫特别国债安排的支出")[2]);
        Assert.Equal(new[] { "总计", "", "总计", "", "", "", "" }, p9.Rows[^1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Js17b_function_table_reads_codes_and_ignores_content_drawn_off_the_page()
    {
        var doc = Source(JS17B);
        var t = doc.TablesOn(11).Single();
        Assert.Equal(new[] { "2010101", "行政运行", "4,545.94" }, t.RowWith("2010101").Cells.Select(c => c.Text));
        Assert.Equal(new[] { "", "合计", "13,649.07" }, t.Rows[1].Cells.Select(c => c.Text));
        // the generator left the next table below the page's edge; it is not printed and must not be read here
        Assert.DoesNotContain(doc.Blocks, b => b.Source.Page == 11 && b is TextBlock tb && tb.Text.Contains("基本工资"));
        Assert.All(t.Rows.SelectMany(r => r.Cells), c => Assert.InRange(c.Source.Box!.Value.Bottom, 0, 842));
    }

    [Fact]
    public void Js18b_landscape_page_table()
    {
        var t = Source(JS18B).TablesOn(16).Single();
        Assert.Equal(new[] { "30239", "其他交通费用", "267.08" }, t.RowWith("30239").Cells.Select(c => c.Text));
        Assert.True(t.Source.Box!.Value.Right > 600, "横向页面的表格应在 842 点宽的页面坐标内");
    }

    [Fact]
    public void Js19b_has_narrative_only()
    {
        var doc = Source(JS19B);
        Assert.Empty(doc.Tables);
        Assert.Equal(19, doc.PageCount);
    }

    [Theory]
    [InlineData(SH24F)]
    [InlineData(TPL24F)]
    [InlineData(JS17B)]
    [InlineData(JS18B)]
    [InlineData(JS19B)]
    public void Every_cell_and_block_has_page_and_box_inside_the_page(string name)
    {
        var doc = Source(name);
        Assert.NotEmpty(doc.Texts);
        foreach (var b in doc.Blocks)
        {
            Assert.Equal(Shared.Pdf(name), b.Source.File);
            Assert.InRange(b.Source.Page!.Value, 1, doc.PageCount!.Value);
            Assert.NotNull(b.Source.Box);
        }
        foreach (var t in doc.Tables)
            for (int r = 0; r < t.Rows.Count; r++)
                foreach (var c in t.Rows[r].Cells)
                {
                    var p = c.Source;
                    Assert.Equal((t.Index, r, c.Column, t.Source.Page), (p.TableIndex!.Value, p.Row!.Value, p.Column!.Value, p.Page));
                    var box = p.Box!.Value;
                    Assert.True(box.Left < box.Right && box.Bottom < box.Top, $"空的单元格框：{p.Describe()}");
                    Assert.InRange(box.Left, -1, 843);
                    Assert.InRange(box.Top, 0, 843);
                }
    }

    [Fact]
    public void Cell_box_is_in_pdf_points_with_origin_bottom_left()
    {
        // pdftotext -bbox puts the word 2,946.25 of page 6 at x 256.4–294.9, y 737.1–757.6 from the top of an
        // 842 pt page, i.e. 84.4–104.9 from the bottom (its box includes the font's ascent, so it reaches slightly
        // above the cell's top ruling): the cell's box must hold the word horizontally and lie around it vertically
        var cell = Source(SH24F).TablesOn(6).Single().RowWith("本年收入合计").Cells[1];
        var box = cell.Source.Box!.Value;
        Assert.Equal(6, cell.Source.Page);
        Assert.InRange(box.Left, 180, 256.4);
        Assert.InRange(box.Right, 294.8, 330);
        Assert.InRange(box.Bottom, 75, 85.5);
        Assert.InRange(box.Top, 98, 115);
    }
}
