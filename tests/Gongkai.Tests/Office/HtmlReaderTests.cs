using System.Text;
using Gongkai.Reading;
using Gongkai.Reading.Html;

namespace Gongkai.Tests.Office;

public sealed class HtmlReaderTests
{
    private const string Page = """
        <html>
        <head>
        <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
        <title>不读标题</title>
        <style>td { border: 1px solid }</style>
        <script>document.write("<p>脚本</p>");</script>
        </head>
        <body>
        <h1>重庆市某区医疗保障局2024年部门预算</h1>
        <div>一、部门概况<br>（一）职能职责</div>
        <p>本部门   共有 <b>3</b> 个科室。</p>
        <h3>公开03表</h3>
        <table>
          <caption>一般公共预算支出表</caption>
          <thead>
            <tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="3">本年支出</th></tr>
            <tr><th>合计</th><th>基本<br>支出</th><th>项目支出</th></tr>
          </thead>
          <tbody>
            <tr><td>2080501</td><td>行政运行</td><td>3,925.66</td><td>3,000.00</td><td>925.66</td></tr>
            <tr><td rowspan="2">208</td><td>社会保障和就业支出</td><td>1.00</td><td>&nbsp;</td><td>1.00</td></tr>
            <tr><td>其他</td><td>2.00</td><td>2.00</td><td></td></tr>
          </tbody>
        </table>
        </body>
        </html>
        """;

    private static byte[] Gbk(string s)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(s);
    }

    [Fact]
    public void Gbk_page_is_decoded_by_its_declared_charset()
    {
        var bytes = Gbk(Page);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes)); // really not UTF-8
        var doc = new DocumentReader([new HtmlFormatReader()]).Read("page.html", bytes);
        Assert.Equal(SourceFormat.Html, doc.Format);
        var texts = doc.Texts.Select(t => (t.Text, t.HeadingLevel)).ToList();
        Assert.Equal(("重庆市某区医疗保障局2024年部门预算", (int?)1), texts[0]);
        Assert.Equal(("一、部门概况", (int?)null), texts[1]);
        Assert.Equal(("（一）职能职责", (int?)null), texts[2]);
        Assert.Equal("本部门 共有 3 个科室。", texts[3].Text);
        Assert.Equal(("公开03表", (int?)3), texts[4]);
        Assert.Equal("一般公共预算支出表", texts[5].Text); // caption before the table
        Assert.DoesNotContain(doc.Texts, t => t.Text.Contains("脚本") || t.Text.Contains("不读标题") || t.Text.Contains("border"));
    }

    [Fact]
    public void Rowspan_and_colspan_expand_to_a_grid_with_text_in_the_first_cell()
    {
        var doc = new DocumentReader([new HtmlFormatReader()]).Read("page.html", Gbk(Page));
        var t = Assert.Single(doc.Tables);
        Assert.Equal(["科目编码", "科目名称", "本年支出", "", ""], t.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal((2, 1), (t.Rows[0].Cells[0].RowSpan, t.Rows[0].Cells[0].ColSpan));
        Assert.Equal(3, t.Rows[0].Cells[2].ColSpan);
        Assert.Equal(["", "", "合计", "基本支出", "项目支出"], t.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["2080501", "行政运行", "3,925.66", "3,000.00", "925.66"], t.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal(["208", "社会保障和就业支出", "1.00", "", "1.00"], t.Rows[3].Cells.Select(c => c.Text));
        Assert.Equal(["", "其他", "2.00", "2.00", ""], t.Rows[4].Cells.Select(c => c.Text)); // covered by 208's rowspan
        var cell = t.Rows[2].Cells[2];
        Assert.Equal((0, 2, 2), (cell.Source.TableIndex, cell.Source.Row, cell.Source.Column));
        Assert.True(cell.Source.Line > 10);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("undeclared-gb18030")]
    public void Other_encodings(string kind)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<!DOCTYPE html><html><body><p>单位：万元</p><table><tr><td>合计</td><td>1.00</td></tr></table></body></html>";
        byte[] bytes = kind switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(html)],
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(html)],
            _ => Encoding.GetEncoding("GB18030").GetBytes(html),
        };
        var doc = new DocumentReader([new HtmlFormatReader()]).Read("p.htm", bytes);
        Assert.Equal("单位：万元", doc.Texts.Single().Text);
        Assert.Equal("合计", doc.Tables.Single().Rows[0][0]);
    }

    [Fact]
    public void Markdown_with_inline_markup_is_not_taken_for_html()
    {
        var reader = new HtmlFormatReader();
        Assert.False(reader.CanRead(Encoding.UTF8.GetBytes("# 标题\n| <b>合计</b> | 1.00 |\n")));
        Assert.True(reader.CanRead(Encoding.UTF8.GetBytes("\n<!-- saved -->\n<!DOCTYPE html><html>")));
    }
}
