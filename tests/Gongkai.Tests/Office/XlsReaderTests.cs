using System.Buffers.Binary;
using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Quality;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Office;

/// <summary>
/// Legacy Excel workbooks (.xls, BIFF8; WPS .et is the same container) read into the same source document and
/// disclosure model as the .xlsx they were saved from. The fixtures (tests/Gongkai.Tests/Office/Fixtures, made by
/// make-xls-fixtures.py with LibreOffice): the sample data compiled to .xlsx and saved as .xls, and a small
/// hand-typed budget in the layout departments publish (merged title, 单位 line, two-level header, 合计 row,
/// amounts stored as text, a hidden column, a cover sheet, one sheet per table, a hidden sheet, one planted defect).
/// </summary>
public sealed class XlsReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Fixture(string name) => Repo.OfficeFixture(name);

    /// <summary>Every block with its text, cells, spans and provenance except the file name.</summary>
    private static List<string> Shape(SourceDocument doc) => doc.Blocks.Select(b => b switch
    {
        TextBlock t => $"T {Where(t.Source)} {t.Text}",
        TableBlock t => $"B {Where(t.Source)} #{t.Index}\n" + string.Join("\n", t.Rows.Select(r =>
            $"  {Where(r.Source)}: " + string.Join(" | ", r.Cells.Select(c => $"{c.Text}[{c.ColSpan}x{c.RowSpan} {Where(c.Source)}]")))),
        _ => b.ToString() ?? "",
    }).ToList();

    private static string Where(Provenance p) => $"p{p.Page} L{p.Line} t{p.TableIndex} r{p.Row} c{p.Column} «{p.Text}»";

    private static List<string> Findings(ReadResult read) =>
        Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance }).Findings
            .Select(f => $"{TriageLedger.KeyOf(f)} {f.Message}").Order().ToList();

    [Theory]
    [InlineData("budget-2025")]
    [InlineData("typed")]
    public void Xls_reads_to_the_same_source_model_and_findings_as_its_xlsx(string name)
    {
        var xlsx = new DisclosureReader().Read(Fixture(name + ".xlsx"));
        var xls = new DisclosureReader().Read(Fixture(name + ".xls"));

        Assert.Equal(SourceFormat.Xls, xls.Source.Format);
        Assert.Equal(SourceFormat.Xlsx, xlsx.Source.Format);
        Assert.NotEmpty(xls.Disclosure.Tables);
        Assert.Equal(Shape(xlsx.Source), Shape(xls.Source));
        Assert.Equal(xlsx.Source.Problems.Select(p => p.Message), xls.Source.Problems.Select(p => p.Message));
        ModelComparer.AssertSame(xlsx.Disclosure, xls.Disclosure, $"{name}.xls");
        Assert.Equal(xlsx.NumericCells, xls.NumericCells);
        Assert.Equal(xlsx.BoundCells, xls.BoundCells);
        Assert.Equal(Findings(xlsx), Findings(xls));
    }

    [Fact]
    public void Compiled_package_as_xls_has_all_its_tables_and_no_findings()
    {
        var read = new DisclosureReader().Read(Fixture("budget-2025.xls"));
        Assert.Equal(DocumentKind.Budget, read.Disclosure.Kind);
        Assert.Equal(2025, read.Disclosure.Year);
        Assert.True(read.Disclosure.Tables.Count >= 9, $"{read.Disclosure.Tables.Count} tables");
        Assert.Equal(read.NumericCells, read.BoundCells + read.StructuralCells);
        Assert.DoesNotContain(Findings(read), f => f.Contains("错误") || f.Contains("警告"));
    }

    [Fact]
    public void Typed_layout_reads_titles_merged_two_level_headers_text_numbers_and_hidden_parts()
    {
        var read = new DisclosureReader().Read(Fixture("typed.xls"));
        var source = read.Source;
        Assert.Equal(4, source.PageCount);
        // the title merged across the table and the 部门/单位 line are text before the table; the cover is text too
        var texts = source.Blocks.OfType<TextBlock>().Select(t => t.Text).ToList();
        Assert.Contains("青川区示范局2025年部门预算", texts);
        Assert.Contains("2025年一般公共预算支出表", texts);
        Assert.Contains("单位：万元", texts);
        var b5 = source.Tables.First();
        Assert.Equal("公开05表!A3:E18", b5.Source.Text);
        Assert.Equal((2, 3), (b5.Source.Page, b5.Source.Line));
        // two-level header: 功能分类科目 over two columns, 本年一般公共预算支出 over three; covered cells empty
        Assert.Equal(("功能分类科目", 2), (b5.Rows[0].Cells[0].Text, b5.Rows[0].Cells[0].ColSpan));
        Assert.Equal("", b5.Rows[0].Cells[1].Text);
        Assert.Equal(("本年一般公共预算支出", 3), (b5.Rows[0].Cells[2].Text, b5.Rows[0].Cells[2].ColSpan));
        Assert.Equal(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], b5.Rows[1].Cells.Select(c => c.Text));
        // the 合计 row is a formula: its cached result; #,##0.00 is printed as Excel prints it
        Assert.Equal(["", "合计", "666.20", "586.20", "80.00"], b5.Rows[2].Cells.Select(c => c.Text));
        // amounts stored as text; the hidden column F (备注) is not on the page and not read, as in the .xlsx
        var row = b5.Rows.Single(r => r.Cells[0].Text == "2101550");
        Assert.Equal(["2101550", "事业运行", "230.25", "150.25", "80.00"], row.Cells.Select(c => c.Text));
        Assert.Equal(15, row.Source.Line);
        Assert.Equal(["208", "社会保障和就业支出", "60.15", "60.15", "0.00"], b5.Rows[3].Cells.Select(c => c.Text));
        Assert.DoesNotContain(source.Blocks.OfType<TextBlock>(), t => t.Text.Contains("含上年结转"));
        Assert.Contains(source.Problems, p => p.Message.Contains("工作表“公开05表”中隐藏的 F 列在页面上不显示，未读取"));
        // the hidden sheet is skipped and reported
        Assert.Contains(source.Problems, p => p.Message.Contains("隐藏的工作表“底稿”") && p.Source.Page == 4);
        Assert.DoesNotContain(texts, t => t.Contains("测算底稿"));

        var d = read.Disclosure;
        Assert.Equal((DocumentKind.Budget, 2025), (d.Kind, d.Year));
        var amounts = d.Tables.Single(t => t.Kind == TableKind.BudgetGeneralExpenditure).Rows.Single(r => r.Code?.Value == "2101550");
        Assert.Equal(150.25m, amounts[Measure.Basic]?.Value);
        Assert.Equal(80m, amounts[Measure.Project]?.Value);
    }

    [Fact]
    public void Planted_defect_of_the_typed_xls_is_found_as_in_the_xlsx()
    {
        var findings = Findings(new DisclosureReader().Read(Fixture("typed.xls")));
        Assert.Contains(findings, f => f.StartsWith("GK225\t错误") && f.Contains("302 商品和服务支出") && f.Contains("73.25"));
    }

    [Fact]
    public void Error_values_are_never_read_as_zero()
    {
        var source = new DocumentReader([new Gongkai.Reading.Office.OfficeFormatReader()]).Read(Fixture("errors.xls"));
        var t = Assert.Single(source.Tables);
        Assert.Equal(["项目", "金额", "占比"], t.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["行政运行", "100", "#DIV/0!"], t.Rows[1].Cells.Select(c => c.Text));   // =B2/0
        Assert.Equal(["事业运行", "50", "#N/A"], t.Rows[2].Cells.Select(c => c.Text));       // =NA()
        Assert.Equal(["合计", "150", "#DIV/0!"], t.Rows[3].Cells.Select(c => c.Text));       // =C2
        Assert.Equal(["C2 #DIV/0!", "C3 #N/A", "C4 #DIV/0!"],
            source.Problems.Where(p => p.Message.Contains("错误值")).Select(p => p.Source.Text.Split('!', 2)[1]).Order());
    }

    [Fact]
    public void Password_protected_xls_is_encrypted()
    {
        var path = _dir.File("secret.xls", WithFilePass(File.ReadAllBytes(Fixture("typed.xls"))));
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(path));
        Assert.Equal(ReadFailure.Encrypted, e.Failure);
        Assert.Contains("密码", e.Message);
    }

    [Theory]
    [InlineData(2048)]   // the container's sectors cut off
    [InlineData(6000)]
    public void Damaged_xls_is_corrupt_with_one_clear_message(int keep)
    {
        var bytes = File.ReadAllBytes(Fixture("typed.xls"));
        var path = _dir.File("cut.xls", bytes[..keep]);
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(path));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
        Assert.Contains("已损坏", e.Message);
        Assert.Contains("cut.xls", e.Message);
    }

    [Fact]
    public void A_damaged_xls_in_a_check_batch_is_named_gives_exit_code_2_and_the_others_are_checked()
    {
        var cut = _dir.File("损坏.xls", File.ReadAllBytes(Fixture("typed.xls"))[..6000]);
        var run = Gongkai.Tests.Cli.CliRun.Of("check", Fixture("typed.xls"), cut, Fixture("budget-2025.xls"), "--format", "json");
        Assert.Equal(Gongkai.Cli.Commands.ExitCodes.InputUnreadable, run.ExitCode);
        Assert.False(run.HasStackTrace);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(["typed.xls", "budget-2025.xls"],
            json.RootElement.EnumerateArray().Select(r => Path.GetFileName(r.GetProperty("file").GetString()!)));
        Assert.Contains(run.ErrLines, l => l.Contains("损坏.xls") && l.Contains("已损坏"));
    }

    [Fact]
    public void Garbled_workbook_stream_is_corrupt()
    {
        var bytes = File.ReadAllBytes(Fixture("typed.xls"));
        int bof = Bof(bytes);
        new Random(7).NextBytes(bytes.AsSpan(bof + 200, 3000));
        var path = _dir.File("garbled.xls", bytes);
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(path));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
    }

    [Fact]
    public void Ole_content_is_sniffed_as_legacy_office()
    {
        Assert.Equal(SourceFormat.Xls, DocumentReader.Sniff(File.ReadAllBytes(Fixture("typed.xls"))));
        var e = Assert.Throws<ReadException>(() => new DocumentReader().Read(Fixture("typed.xls")));
        Assert.Equal(ReadFailure.Unsupported, e.Failure);
    }

    /// <summary>The offset of the workbook globals' BOF record (BIFF8: 09 08 10 00 00 06 05 00).</summary>
    private static int Bof(byte[] bytes)
    {
        int at = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
        Assert.True(at > 0, "no BIFF8 BOF");
        return at;
    }

    /// <summary>
    /// The workbook with an RC4 FILEPASS record right after its BOF, as Excel writes it for an open password: it takes
    /// the place of the records up to WRITEACCESS (FILEPASS of 54 bytes and a filler record of the rest), so that the
    /// stream keeps its length.
    /// </summary>
    private static byte[] WithFilePass(byte[] bytes)
    {
        int at = Bof(bytes) + 4 + 16, end = at;
        while (true)
        {
            int type = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end));
            end += 4 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 2));
            if (type == 0x005C) break;
        }
        int length = end - at;
        Assert.True(length >= 58 + 4, $"{length} bytes before WRITEACCESS's end");
        var span = bytes.AsSpan(at);
        BinaryPrimitives.WriteUInt16LittleEndian(span, 0x002F);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 54);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 1);     // RC4
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 1);     // version 1.1
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 1);
        new Random(11).NextBytes(span.Slice(10, 48));               // salt, verifier, verifier hash
        BinaryPrimitives.WriteUInt16LittleEndian(span[58..], 0x00E1); // INTERFACEHDR-type filler
        BinaryPrimitives.WriteUInt16LittleEndian(span[60..], (ushort)(length - 62));
        span.Slice(62, length - 62).Clear();
        return bytes;
    }
}
