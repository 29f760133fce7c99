using System.Diagnostics;
using Gongkai.Audit;
using Gongkai.Reading;
using Gongkai.Reading.Office;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Office;

/// <summary>
/// Word 97–2003 documents (.doc, and .wps: the same container) read into the same model as the .docx they were
/// converted from (fixtures in Office/Data, made with LibreOffice; see its README), and bad .doc files end in one
/// ReadException.
/// </summary>
public sealed class DocReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-doc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Data(string name) => Path.Combine(Repo.Root, "tests", "Gongkai.Tests", "Office", "Data", name);

    /// <summary>The source tables as text: cell texts with spans, row by row (provenance left out).</summary>
    private static List<string> Tables(SourceDocument doc) =>
        doc.Blocks.OfType<TableBlock>().Select(t => string.Join("\n", t.Rows.Select(r =>
            string.Join(" | ", r.Cells.Select(c => $"{c.Column}:{c.Text}" + (c.ColSpan > 1 ? $"<{c.ColSpan}>" : "") + (c.RowSpan > 1 ? $"^{c.RowSpan}" : "")))))).ToList();

    private static List<string> Texts(SourceDocument doc) =>
        doc.Blocks.OfType<TextBlock>().Select(t => $"{t.HeadingLevel}:{t.Text}").ToList();

    [Theory]
    [InlineData("budget-defect")]
    [InlineData("merged")]
    public void Doc_reads_to_the_same_source_and_model_as_its_docx(string name)
    {
        var docx = new DisclosureReader().Read(Data(name + ".docx"));
        var doc = new DisclosureReader().Read(Data(name + ".doc"));

        Assert.Equal(SourceFormat.Doc, doc.Source.Format);
        Assert.Empty(doc.Source.Problems);
        Assert.Equal(Texts(docx.Source), Texts(doc.Source));
        var expected = Tables(docx.Source);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Tables(doc.Source));
        Assert.All(doc.Source.Blocks.OfType<TableBlock>(), t => Assert.Equal(TableSyntax.Doc, t.Syntax));
        ModelComparer.AssertSame(docx.Disclosure, doc.Disclosure, name + ".doc");
        Assert.Equal(docx.NumericCells, doc.NumericCells);
        Assert.Equal(docx.BoundCells, doc.BoundCells);
    }

    [Fact]
    public void Budget_doc_tables_codes_amounts_and_claims_are_read()
    {
        var doc = new DisclosureReader().Read(Data("budget-defect.doc")).Disclosure;
        Assert.Equal("青川区医疗保障局", doc.DepartmentName);
        Assert.Equal(2025, doc.Year);
        Assert.Equal(9, doc.Tables.Count);
        Assert.Contains(doc.Tables.SelectMany(t => t.Rows), r => r.Code?.Value == "2101501");
        Assert.NotEmpty(doc.Claims);
        Assert.NotEmpty(doc.PerformanceTargets);
    }

    [Fact]
    public void Check_gives_the_same_findings_on_the_doc_and_its_docx()
    {
        static List<string> Findings(string path)
        {
            var read = new DisclosureReader().Read(path);
            var report = Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });
            return report.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Message} @ " +
                string.Join(";", f.Locations.Select(l => $"{l.TableIndex}/{l.Row}/{l.Column}"))).ToList();
        }

        var fromDocx = Findings(Data("budget-defect.docx"));
        var fromDoc = Findings(Data("budget-defect.doc"));
        // the fixture's defect (收入总表 2101501 合计 182.90 for 182.40) is found in both
        Assert.Contains(fromDocx, f => f.StartsWith("GK207 ", StringComparison.Ordinal));
        Assert.Contains(fromDocx, f => f.StartsWith("GK201 ", StringComparison.Ordinal));
        Assert.Equal(fromDocx, fromDoc);
    }

    [Fact]
    public void Merged_header_empty_cells_fields_and_headings_are_read()
    {
        var source = new DisclosureReader().Read(Data("merged.doc")).Source;
        var first = Assert.IsType<TextBlock>(source.Blocks[0]);
        Assert.Equal("示例局2025年部门预算", first.Text);
        Assert.Equal(1, first.HeadingLevel);
        var table = Assert.Single(source.Blocks.OfType<TableBlock>());
        Assert.Equal(5, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal(6, r.Width));
        var header = table.Rows[0].Cells;
        Assert.Equal(("科目", 2), (header[0].Text, header[0].ColSpan));
        Assert.Equal(("合计", 2), (header[2].Text, header[2].RowSpan));
        Assert.Equal(("支出", 2), (header[3].Text, header[3].ColSpan));
        Assert.Equal("基本支出", table.Rows[1][3]);
        Assert.Equal("", table.Rows[1][2]); // covered by 合计
        // empty cells keep their place: 20101 has no name and no 基本支出
        Assert.Equal(["20101", "", "300.00", "", "100.00", "说明 链接"], table.Rows[3].Cells.Select(c => c.Text));
        Assert.Equal(["", "合计", "300.00", "200.00", "100.00", ""], table.Rows[4].Cells.Select(c => c.Text));
        // provenance: Line is the paragraph index (title, caption, unit, then the cells' paragraphs)
        Assert.Equal(4, table.Rows[0].Cells[0].Source.Line);
        Assert.Contains(source.Blocks.OfType<TextBlock>(), t => t.Text.StartsWith("本年支出合计300.00万元", StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_table_is_a_table_of_its_own_after_the_holding_table()
    {
        var docx = DocumentReaders.CreateDefault().Read(Data("nested.docx"));
        var doc = DocumentReaders.CreateDefault().Read(Data("nested.doc"));
        Assert.Equal(Texts(docx), Texts(doc));
        Assert.Equal(Tables(docx), Tables(doc));
        Assert.Equal(["0:甲 | 1:乙\n0:丙 | 1:丁", "0:内1 | 1:内2\n0: | 1:内4"], Tables(doc));
        Assert.Equal([0, 1], doc.Blocks.OfType<TableBlock>().Select(t => t.Index));
    }

    [Fact]
    public void Wps_named_file_is_read_by_content()
    {
        var path = Path.Combine(_dir, "公开.wps");
        File.Copy(Data("merged.doc"), path);
        var read = new DisclosureReader().Read(path);
        Assert.Equal(SourceFormat.Doc, read.Source.Format);
        Assert.Single(read.Source.Blocks.OfType<TableBlock>());
    }

    /// <summary>The offset of the FIB (the WordDocument stream's first sector): a sector starting with wIdent 0xA5EC and a Word 97+ nFib.</summary>
    private static int FibOffset(byte[] bytes)
    {
        for (int off = 512; off + 4 <= bytes.Length; off += 512)
            if (bytes[off] == 0xEC && bytes[off + 1] == 0xA5 && BitConverter.ToUInt16(bytes, off + 2) >= 0xC0) return off;
        throw new InvalidOperationException("no FIB");
    }

    [Fact]
    public void Encrypted_doc_is_refused_as_encrypted()
    {
        var bytes = File.ReadAllBytes(Data("merged.doc"));
        bytes[FibOffset(bytes) + 0x0B] |= 0x01; // fEncrypted (bit 8 of the flags at 0x0A)
        var path = Path.Combine(_dir, "secret.doc");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(path));
        Assert.Equal(ReadFailure.Encrypted, e.Failure);
        Assert.Contains("密码", e.Message);
        Assert.Contains("secret.doc", e.Message);
    }

    [Fact]
    public void Truncated_doc_is_corrupt_with_one_clear_message()
    {
        var bytes = File.ReadAllBytes(Data("budget-defect.doc"));
        var path = Path.Combine(_dir, "cut.doc");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(path));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
        Assert.Contains("已损坏", e.Message);
        Assert.Contains("cut.doc", e.Message);
    }

    [Fact]
    public void Broken_piece_table_is_corrupt()
    {
        var bytes = File.ReadAllBytes(Data("merged.doc"));
        int fib = FibOffset(bytes);
        // ccpText (fibRgLw[3]) beyond the stream: the text cannot be where the FIB says
        int csw = BitConverter.ToUInt16(bytes, fib + 32);
        int lw = fib + 34 + 2 * csw + 2;
        BitConverter.GetBytes(0x7FFFFFF0).CopyTo(bytes, lw + 12);
        var path = Path.Combine(_dir, "bad.doc");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read(path));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
    }

    /// <summary>
    /// Fuzz-style: truncated copies and copies with flipped bits or overwritten runs (seeded) either read or end in a
    /// ReadException — never another exception, never a hang.
    /// </summary>
    [Fact]
    public void Mutated_doc_files_read_or_fail_cleanly_and_quickly()
    {
        var reader = new OfficeFormatReader();
        var rng = new Random(20261207);
        var clock = Stopwatch.StartNew();
        int read = 0, refused = 0;
        foreach (var name in new[] { "merged.doc", "budget-defect.doc" })
        {
            var original = File.ReadAllBytes(Data(name));
            int fib = FibOffset(original);
            var mutants = new List<byte[]>();
            for (int i = 1; i < 40; i++) mutants.Add(original[..(original.Length * i / 40)]);
            for (int i = 0; i < 300; i++)
            {
                var b = (byte[])original.Clone();
                int rounds = 1 + rng.Next(4);
                for (int k = 0; k < rounds; k++)
                {
                    // half of the hits go to the header, the directory and the FIB, where the structure is
                    int pos = rng.Next(2) == 0 ? rng.Next(b.Length) : rng.Next(2) == 0 ? rng.Next(1024) : fib + rng.Next(1024);
                    if (pos >= b.Length) continue;
                    switch (rng.Next(3))
                    {
                        case 0: b[pos] ^= (byte)(1 << rng.Next(8)); break;
                        case 1: b[pos] = (byte)rng.Next(256); break;
                        default: for (int j = pos; j < Math.Min(b.Length, pos + 4); j++) b[j] = 0xFF; break;
                    }
                }
                mutants.Add(b);
            }
            foreach (var m in mutants)
            {
                var one = Stopwatch.StartNew();
                try
                {
                    reader.Read("fuzz.doc", m);
                    read++;
                }
                catch (ReadException)
                {
                    refused++;
                }
                Assert.True(one.Elapsed < TimeSpan.FromSeconds(5), "a mutated .doc took too long");
            }
        }
        Assert.True(refused > 0 && read > 0, $"read {read}, refused {refused}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
    }
}
