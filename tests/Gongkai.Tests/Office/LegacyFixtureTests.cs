using System.Buffers.Binary;
using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Reading.Office;
using Gongkai.Recognition;
using Gongkai.Tests.Quality;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Office;

/// <summary>
/// Legacy Word/Excel files made the way departments make them: our compiler writes the package as .docx/.xlsx and
/// LibreOffice saves it as .doc/.xls (tests/Gongkai.Tests/Office/Fixtures, make-legacy-fixtures.py). The .doc/.xls
/// must read back to the same tables, cells, figures and findings as the file it was saved from, and the mechanisms
/// of the binary formats that change what is on the page (tracked deletions, hidden text, fields, text boxes,
/// headers and notes; cell borders, error values, hidden rows and columns, number formats, dates) must read as the
/// page shows them.
/// </summary>
public sealed class LegacyFixtureTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Fixture(string name) => Repo.OfficeFixture(name);

    private static readonly DocumentReader Reader = new([new OfficeFormatReader()]);

    /// <summary>
    /// Every block with its text, cells and spans, and its line (Excel row, Word paragraph) unless
    /// <paramref name="lines"/> is false: LibreOffice turns a paragraph holding only a page break into a property of
    /// the next paragraph when it saves a .doc, so paragraph numbers shift there without any change in content.
    /// </summary>
    private static List<string> Shape(SourceDocument doc, bool lines = true) => doc.Blocks.Select(b => b switch
    {
        TextBlock t => $"T{L(lines ? t.Source.Line : null)} h{t.HeadingLevel} {t.Text}",
        TableBlock t => $"B{L(lines ? t.Source.Line : null)} #{t.Index}\n" + string.Join("\n", t.Rows.Select(r =>
            $"  {L(lines ? r.Source.Line : null)}: " + string.Join(" | ", r.Cells.Select(c => $"{c.Column}:{c.Text}[{c.ColSpan}x{c.RowSpan}]")))),
        _ => b.ToString() ?? "",
    }).ToList();

    private static string L(int? line) => line is { } l ? $" L{l}" : "";

    private static List<string> Findings(ReadResult read) =>
        Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance }).Findings
            .Select(f => $"{TriageLedger.KeyOf(f)} {f.Message}").Order().ToList();

    private static string AllText(SourceDocument doc) => string.Join("\n", doc.Blocks.Select(b => b switch
    {
        TextBlock t => t.Text,
        TableBlock t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text)))),
        _ => "",
    }));

    [Theory]
    [InlineData("budget-2023.doc", "budget-2023.docx")]
    [InlineData("final-2024.doc", "final-2024.docx")]
    [InlineData("budget-2023.xls", "budget-2023.xlsx")]
    [InlineData("final-2024.xls", "final-2024.xlsx")]
    [InlineData("revisions.doc", "budget-2023.docx")]
    [InlineData("revisions.docx", "budget-2023.docx")]
    public void Legacy_file_reads_to_the_same_tables_figures_and_findings_as_the_package_it_was_saved_from(string legacy, string original)
    {
        var expected = new DisclosureReader().Read(Fixture(original));
        var read = new DisclosureReader().Read(Fixture(legacy));

        Assert.Equal(Path.GetExtension(legacy) switch { ".doc" => SourceFormat.Doc, ".xls" => SourceFormat.Xls, _ => SourceFormat.Docx }, read.Source.Format);
        Assert.True(expected.Disclosure.Tables.Count >= 9, $"{expected.Disclosure.Tables.Count} tables in {original}");
        bool lines = !legacy.EndsWith(".doc");
        Assert.Equal(Shape(expected.Source, lines), Shape(read.Source, lines));
        Assert.Equal(expected.Source.Problems.Select(p => p.Message), read.Source.Problems.Select(p => p.Message));
        ModelComparer.AssertSame(expected.Disclosure, read.Disclosure, legacy);
        Assert.Equal(expected.NumericCells, read.NumericCells);
        Assert.Equal(expected.BoundCells, read.BoundCells);
        var findings = Findings(read);
        static string Key(string f, bool lines) => lines ? f : System.Text.RegularExpressions.Regex.Replace(f, @"\tL\d+\t", "\t");
        Assert.Equal(Findings(expected).Select(f => Key(f, lines)), findings.Select(f => Key(f, lines)));
        Assert.DoesNotContain(findings, f => f.Contains("\t错误") || f.Contains("\t警告"));
    }

    // ── Word 97–2003: what is not on the page ───────────────────────────────────────────────────────────

    /// <summary>The WordDocument stream of a .doc holds <paramref name="text"/> (as UTF-16, as LibreOffice writes Chinese documents).</summary>
    private static bool DocHolds(string file, string text)
    {
        var word = new CompoundFile(File.ReadAllBytes(Fixture(file))).Stream("WordDocument")!;
        return word.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
    }

    [Theory]
    [InlineData("revisions.doc")]
    [InlineData("revisions.docx")]
    public void Tracked_deletions_are_dropped_and_insertions_kept(string file)
    {
        if (file.EndsWith(".doc")) Assert.True(DocHolds(file, "199.50") && DocHolds(file, "210.00"), "the fixture keeps its deleted revisions");
        var source = Reader.Read(Fixture(file));
        var text = AllText(source);
        Assert.DoesNotContain("199.50", text);
        Assert.DoesNotContain("210.00", text);
        // the narrative figure typed over the deletion, and the table cell that held a deleted value
        Assert.Contains(source.Blocks.OfType<TextBlock>(), t => t.Text == "2023年一般公共预算基本支出204.78万元。");
        Assert.Contains(source.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.Text == "204.78");
    }

    [Theory]
    [InlineData("revisions.doc")]
    [InlineData("revisions.docx")]
    public void Hidden_text_is_dropped(string file)
    {
        if (file.EndsWith(".doc")) Assert.True(DocHolds(file, "测算口径"), "the fixture keeps its hidden text");
        var source = Reader.Read(Fixture(file));
        var text = AllText(source);
        Assert.DoesNotContain("测算口径", text);
        Assert.DoesNotContain("38.00", text);
        Assert.Contains(source.Blocks.OfType<TextBlock>(), t => t.Text.StartsWith("公用经费22.41万元，占10.94%。公用经费主要包括"));
    }

    [Theory]
    [InlineData("revisions.doc")]
    [InlineData("revisions.docx")]
    public void Field_code_is_dropped_and_its_result_kept(string file)
    {
        if (file.EndsWith(".doc")) Assert.True(DocHolds(file, "777.77"), "the fixture keeps its field code");
        var source = Reader.Read(Fixture(file));
        var text = AllText(source);
        Assert.DoesNotContain("777.77", text);
        Assert.DoesNotContain("HYPERLINK", text);
        Assert.Contains(source.Blocks.OfType<TextBlock>(), t => t.Text.StartsWith("2023年收支总预算982.98万元，"));
    }

    [Theory]
    [InlineData("revisions.doc")]
    [InlineData("revisions.docx")]
    public void Text_boxes_headers_footers_and_footnotes_are_not_mixed_into_the_body(string file)
    {
        if (file.EndsWith(".doc"))
            Assert.True(DocHolds(file, "666.66") && DocHolds(file, "555.55") && DocHolds(file, "444.44"), "the fixture has its text box, header and footnote");
        var source = Reader.Read(Fixture(file));
        var text = AllText(source);
        foreach (var figure in new[] { "666.66", "555.55", "444.44", "审核稿", "征求意见稿" })
            Assert.DoesNotContain(figure, text);
        // the paragraph holding the text box and the note reference reads as its own text only
        Assert.Contains(source.Blocks.OfType<TextBlock>(), t => t.Text.StartsWith("纳入本部门2023年预算编制范围的单位共1个："));
        // the footer's page number (a PAGE field) is not a body line
        Assert.DoesNotContain(source.Blocks.OfType<TextBlock>(), t => t.Text.StartsWith("— "));
    }

    // ── Excel 97–2003: borders, error values, merges, hidden parts, number formats, dates ───────────────

    private static TableBlock MechanicsTable(SourceDocument source) => source.Tables.First();

    [Fact]
    public void Sheet_mechanics_xls_reads_like_its_xlsx()
    {
        var xlsx = Reader.Read(Fixture("sheet-mechanics.xlsx"));
        var xls = Reader.Read(Fixture("sheet-mechanics.xls"));
        Assert.Equal(Shape(xlsx), Shape(xls));
        // error messages name the formula where the file keeps its text (.xlsx); otherwise the same problems
        static string Plain(string m) => System.Text.RegularExpressions.Regex.Replace(m, "（公式 =[^）]*）", "");
        Assert.Equal(xlsx.Problems.Select(p => Plain(p.Message)), xls.Problems.Select(p => Plain(p.Message)));
    }

    [Theory]
    [InlineData("sheet-mechanics.xls")]
    [InlineData("sheet-mechanics.xlsx")]
    public void Bordered_one_cell_line_worded_like_a_title_is_a_header_row_of_the_ruled_table(string file)
    {
        var source = Reader.Read(Fixture(file));
        var t = MechanicsTable(source);
        Assert.Equal(("本年预算支出情况", 5), (t.Rows[0].Cells[0].Text, t.Rows[0].Cells[0].ColSpan));
        Assert.DoesNotContain(source.Blocks.OfType<TextBlock>(), b => b.Text == "本年预算支出情况");
        // the title merged above and the unit line stay text
        Assert.Contains(source.Blocks.OfType<TextBlock>(), b => b.Text == "2025年部门支出预算表");
        Assert.Contains(source.Blocks.OfType<TextBlock>(), b => b.Text == "单位：万元");
    }

    [Theory]
    [InlineData("sheet-mechanics.xls")]
    [InlineData("sheet-mechanics.xlsx")]
    public void Merged_header_cells_span_their_columns(string file)
    {
        var t = MechanicsTable(Reader.Read(Fixture(file)));
        Assert.Equal([("科目", 2), ("", 1), ("金额", 3), ("", 1), ("", 1)], t.Rows[1].Cells.Select(c => (c.Text, c.ColSpan)));
        Assert.Equal(["科目编码", "科目名称", "合计", "占比", "增减"], t.Rows[2].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("sheet-mechanics.xls")]
    [InlineData("sheet-mechanics.xlsx")]
    public void Error_values_are_an_error_marker_and_reported_never_a_number(string file)
    {
        var source = Reader.Read(Fixture(file));
        var t = MechanicsTable(source);
        var total = t.Rows.Single(r => r.Cells[0].Text == "合计");
        Assert.Equal(["合计", "", "1,498.50", "100.0%", "#DIV/0!"], total.Cells.Select(c => c.Text));
        var check = t.Rows.Single(r => r.Cells[0].Text == "核对");
        Assert.Equal(["核对", "", "#REF!", "#N/A", ""], check.Cells.Select(c => c.Text));
        foreach (var (cell, error) in new[] { ("E10", "#DIV/0!"), ("C11", "#REF!"), ("D11", "#N/A") })
            Assert.Contains(source.Problems, p => p.Message.Contains($"单元格 {cell} 的值是错误值 {error}"));
    }

    [Theory]
    [InlineData("sheet-mechanics.xls")]
    [InlineData("sheet-mechanics.xlsx")]
    public void Hidden_rows_columns_and_sheets_are_not_read_and_are_reported(string file)
    {
        var source = Reader.Read(Fixture(file));
        var text = AllText(source);
        Assert.DoesNotContain("2101599", text);       // hidden row 9
        Assert.DoesNotContain("测算", text);            // hidden column F and hidden sheet 测算
        Assert.DoesNotContain("13,205.00", text);
        var t = MechanicsTable(source);
        Assert.All(t.Rows, r => Assert.Equal(5, r.Cells.Count));
        // provenance keeps the sheet's own rows and columns: the total row is row 10, the table A3:E11
        Assert.Equal(10, t.Rows.Single(r => r.Cells[0].Text == "合计").Source.Line);
        Assert.Equal("支出表!A3:E11", t.Source.Text);
        Assert.Contains(source.Problems, p => p.Message.Contains("工作表“支出表”中隐藏的第 9 行和隐藏的 F 列在页面上不显示，未读取"));
        Assert.Contains(source.Problems, p => p.Message.Contains("隐藏的工作表“测算”"));
    }

    [Theory]
    [InlineData("sheet-mechanics.xls")]
    [InlineData("sheet-mechanics.xlsx")]
    public void Number_formats_print_as_excel_shows_them(string file)
    {
        var t = MechanicsTable(Reader.Read(Fixture(file)));
        string[] Row(string code) => t.Rows.Single(r => r.Cells[0].Text == code).Cells.Select(c => c.Text).ToArray();
        // 0.00"万元" (two decimals, the literal unit not printed), 0.0%, #,##0.00_);(#,##0.00) with negatives in parentheses
        Assert.Equal(["2101501", "行政运行", "1320.50", "65.2%", "(12.30)"], Row("2101501"));
        Assert.Equal(["2101502", "一般行政管理事务", "90.25", "18.4%", "5.00"], Row("2101502"));
        Assert.Equal(["2101550", "事业运行", "80.75", "16.4%", "(1,234.50)"], Row("2101550"));
    }

    [Theory]
    [InlineData("sheet-mechanics.xls")]
    [InlineData("sheet-mechanics.xlsx")]
    public void Dates_print_with_their_format(string file)
    {
        var source = Reader.Read(Fixture(file));
        var dates = source.Tables.Single(t => t.Rows[0].Cells[0].Text == "编制日期");
        Assert.Equal(["编制日期", "2025年1月15日", "2025-02-03"], dates.Rows[0].Cells.Select(c => c.Text));
    }

    // ── bad legacy files: one clear Chinese message each, exit code 2, the batch goes on ───────────────

    /// <summary>The offset of the FIB in a .doc (the WordDocument stream's first sector).</summary>
    private static int FibOffset(byte[] bytes)
    {
        for (int off = 512; off + 4 <= bytes.Length; off += 512)
            if (bytes[off] == 0xEC && bytes[off + 1] == 0xA5 && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(off + 2)) >= 0xC0) return off;
        throw new InvalidOperationException("no FIB");
    }

    /// <summary>The workbook with a FILEPASS record of the given encryption type right after its BOF (see XlsReaderTests).</summary>
    private static byte[] WithFilePass(byte[] bytes, ushort type)
    {
        int bof = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
        int at = bof + 4 + 16, end = at;
        while (true)
        {
            int rec = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end));
            end += 4 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 2));
            if (rec == 0x005C) break;
        }
        int length = end - at;
        var span = bytes.AsSpan(at);
        int body = type == 0 ? 6 : 54; // XOR: type, key, verifier; RC4: type, version, salt, verifier, hash
        BinaryPrimitives.WriteUInt16LittleEndian(span, 0x002F);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)body);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], type);
        new Random(5).NextBytes(span.Slice(6, body - 2));
        if (type == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 1);
            BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 1);
        }
        int filler = 4 + body;
        BinaryPrimitives.WriteUInt16LittleEndian(span[filler..], 0x00E1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(filler + 2)..], (ushort)(length - filler - 4));
        span.Slice(filler + 4, length - filler - 4).Clear();
        return bytes;
    }

    public static TheoryData<string, ReadFailure, string> BadFiles() => new()
    {
        { "truncated.doc", ReadFailure.Corrupt, "已损坏" },
        { "rc4.doc", ReadFailure.Encrypted, "密码" },
        { "xor.doc", ReadFailure.Encrypted, "密码" },
        { "truncated.xls", ReadFailure.Corrupt, "已损坏" },
        { "rc4.xls", ReadFailure.Encrypted, "密码" },
        { "xor.xls", ReadFailure.Encrypted, "密码" },
        { "rtf.doc", ReadFailure.Unsupported, "RTF" },
        { "empty.doc", ReadFailure.Empty, "文件为空" },
        { "empty.xls", ReadFailure.Empty, "文件为空" },
    };

    private string Bad(string name)
    {
        var doc = File.ReadAllBytes(Fixture("budget-2023.doc"));
        var xls = File.ReadAllBytes(Fixture("budget-2023.xls"));
        byte[] DocFlags(ushort flags)
        {
            var b = (byte[])doc.Clone();
            int at = FibOffset(b) + 0x0A;
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at)) | flags));
            return b;
        }
        var bytes = name switch
        {
            "truncated.doc" => doc[..(doc.Length / 3)],
            "rc4.doc" => DocFlags(0x0100),             // fEncrypted
            "xor.doc" => DocFlags(0x0100 | 0x8000),    // fEncrypted + fObfuscated (XOR)
            "truncated.xls" => xls[..(xls.Length / 3)],
            "rc4.xls" => WithFilePass((byte[])xls.Clone(), 1),
            "xor.xls" => WithFilePass((byte[])xls.Clone(), 0),
            "rtf.doc" => Encoding.ASCII.GetBytes("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 2023\\'c4\\'ea\\par 982.98\\par}"),
            _ => [],
        };
        return _dir.File(name, bytes);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_legacy_file_gives_one_clear_chinese_error(string name, ReadFailure failure, string words)
    {
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(Bad(name)));
        Assert.Equal(failure, e.Failure);
        Assert.Contains(words, e.Message);
        Assert.Contains(name, e.Message);
        Assert.DoesNotContain("Exception", e.Message);
    }

    [Fact]
    public void Html_saved_as_doc_is_read_as_html()
    {
        var path = _dir.File("网页.doc", Encoding.UTF8.GetBytes(
            "<html><head><meta charset=\"utf-8\"></head><body><p>单位：万元</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>982.98</td></tr></table></body></html>"));
        var source = DocumentReaders.CreateDefault().Read(path);
        Assert.Equal(SourceFormat.Html, source.Format);
        Assert.Equal(["合计", "982.98"], source.Tables.Single().Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_check_batch_names_each_bad_legacy_file_once_exits_2_and_checks_the_others()
    {
        var bad = BadFiles().Select(row => Bad((string)row[0])).ToList();
        var args = new List<string> { "check", Fixture("budget-2023.doc") };
        args.AddRange(bad);
        args.AddRange([Fixture("final-2024.xls"), "--format", "json"]);
        var run = Gongkai.Tests.Cli.CliRun.Of([.. args]);
        Assert.Equal(Gongkai.Cli.Commands.ExitCodes.InputUnreadable, run.ExitCode);
        Assert.False(run.HasStackTrace, run.Err);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(["budget-2023.doc", "final-2024.xls"],
            json.RootElement.EnumerateArray().Select(r => Path.GetFileName(r.GetProperty("file").GetString()!)));
        foreach (var path in bad)
            Assert.Single(run.ErrLines, l => l.Contains(path));
    }
}
