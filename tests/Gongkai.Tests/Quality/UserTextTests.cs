using System.Reflection;
using System.Text.RegularExpressions;
using Gongkai.Audit;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Tests.Audit;
using Gongkai.Tests.Reading;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Quality;

/// <summary>
/// No internal name reaches a user: the reports of the corpus, the seeds and the sample PDFs (every finding as the
/// text report prints it, every read note, every refusal message) contain no identifier of the code — no enum
/// member name (<c>Unknown</c>, <c>BudgetSummary</c>), no CamelCase word, no exception type.
/// </summary>
public class UserTextTests
{
    /// <summary>Enum member names of the product's model, reading, recognition and audit assemblies (4+ letters).</summary>
    private static readonly Lazy<HashSet<string>> EnumNames = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in new[] { typeof(Disclosure).Assembly, typeof(SourceDocument).Assembly,
                     typeof(Gongkai.Recognition.DisclosureReader).Assembly, typeof(Auditor).Assembly })
        foreach (var t in a.GetTypes().Where(t => t.IsEnum))
        foreach (var n in Enum.GetNames(t))
            if (n.Length >= 4) names.Add(n);
        return names;
    });

    private static readonly Regex Word = new("[A-Za-z][A-Za-z0-9_]*", RegexOptions.Compiled);

    /// <summary>The identifiers of the code found in <paramref name="text"/>.</summary>
    public static IEnumerable<string> InternalNames(string text)
    {
        foreach (Match m in Word.Matches(text))
        {
            var w = m.Value;
            if (EnumNames.Value.Contains(w) || Regex.IsMatch(w, "[a-z][A-Z]") || w.EndsWith("Exception", StringComparison.Ordinal) || w.Contains('_'))
                yield return w;
        }
    }

    [Fact]
    public void The_scanner_finds_enum_names_and_camel_case_but_not_ordinary_latin()
    {
        Assert.Equal(["Unknown"], InternalNames("Unknown 表标题「2024年收支总表」"));
        Assert.Equal(["Unknown"], InternalNames("Unknown编码 301 的名称应为"));
        Assert.Equal(["BudgetSummary", "NullReferenceException"], InternalNames("BudgetSummary 合计 NullReferenceException"));
        Assert.Empty(InternalNames("GK225 B6 一般公共预算基本支出表 F3 PDF 第 3 页 PPP 项目 xlsx"));
    }

    /// <summary>Latin words of <paramref name="text"/> once the user's own path and the program's name are taken out.</summary>
    private static List<string> LatinWords(string text, params string[] userPaths)
    {
        foreach (var p in userPaths.OrderByDescending(p => p.Length)) text = text.Replace(p, "");
        return Regex.Matches(text.Replace("gongkai", ""), "[A-Za-z]{2,}").Select(m => m.Value)
            .Where(w => !ProductWords.Contains(w)).ToList();
    }

    /// <summary>Names of formats and programs a user knows (not identifiers of our code).</summary>
    private static readonly HashSet<string> ProductWords = ["Word", "Excel", "WPS", "PDF", "HTML", "XLSX", "DOCX", "JSON", "Markdown"];

    private static readonly Exception[] Unexpected =
    [
        new NullReferenceException(), new InvalidOperationException("Sequence contains no elements"),
        new ArgumentOutOfRangeException("index"), new InvalidDataException("End of Central Directory record could not be found."),
        new FormatException(), new IOException("Disk full"), new UnauthorizedAccessException("Access to the path is denied."),
        new KeyNotFoundException(), new DivideByZeroException(), new Exception("Something else"),
    ];

    [Fact]
    public void Unexpected_failures_are_described_in_chinese_only()
    {
        foreach (var e in Unexpected)
        {
            Assert.Empty(LatinWords(Failures.Describe(e)));
            Assert.Equal("", Failures.Details(e)); // technical details only with GONGKAI_DEBUG=1
        }
        Assert.NotEqual(Failures.Describe(new NullReferenceException()), Failures.Describe(new IOException()));
    }

    [Fact]
    public void A_corrupt_file_that_trips_a_parser_is_reported_in_chinese_only()
    {
        // the fuzz regression: a DOCX whose ZIP directory disagrees with its end record makes the library throw
        var bytes = PackageRenderers.Find("docx")!.RenderToBytes(
            Gongkai.Tests.Compile.PackageAssert.Build(Gongkai.Tests.Compile.RandomData.Create(3)));
        int eocd = -1;
        for (int i = bytes.Length - 22; i >= 0; i--)
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06) { eocd = i; break; }
        bytes[eocd + 10]++;
        bytes[eocd + 8]++;
        var e = Assert.Throws<ReadException>(() => new Gongkai.Recognition.DisclosureReader().Read("report.docx", bytes));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
        Assert.Contains("report.docx", e.Message);
        Assert.Empty(LatinWords(e.Message, "report.docx"));
        Assert.Empty(InternalNames(e.Message));

        // any exception escaping a format reader's parser becomes a 文件已损坏 message without the exception's words
        foreach (var thrown in Unexpected)
        {
            var reader = new DocumentReader([new TrippingFormat(thrown)]);
            var re = Assert.Throws<ReadException>(() => reader.Read("/data/报告.bin", [1, 2, 3]));
            Assert.Equal(ReadFailure.Corrupt, re.Failure);
            Assert.Contains("/data/报告.bin", re.Message);
            Assert.Empty(LatinWords(re.Message, "/data/报告.bin"));
        }
    }

    private sealed class TrippingFormat(Exception e) : IFormatReader
    {
        public bool CanRead(ReadOnlySpan<byte> content) => true;
        public SourceDocument Read(string path, byte[] bytes) => throw e;
    }

    [Fact]
    public void A_crashing_rule_is_reported_in_chinese_only()
    {
        foreach (var e in Unexpected)
        {
            var report = new Auditor(new RuleRegistry([new Throwing(e)])).Run(DocBuilder.Final().Doc);
            var f = Assert.Single(report.Findings);
            Assert.Empty(LatinWords(f.Message.Replace("GK799", "")));
        }
    }

    private sealed class Throwing(Exception e) : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("GK799", "测试规则", Severity.Error, Applicability.Both,
            RuleCategory.Text, "无", "无", "无");
        public override IEnumerable<Finding> Check(AuditContext ctx) => throw e;
    }

    [Fact]
    public void Internal_errors_of_check_and_read_are_reported_in_chinese_only()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gk-usertext-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var e in Unexpected)
            {
                var file = Path.Combine(dir, "input.txt");
                File.WriteAllText(file, "x");
                foreach (var (command, verb) in new (Gongkai.Cli.Commands.ICommand, string)[]
                         { (new Gongkai.Cli.Commands.CheckCommand(_ => throw e), "check"), (new Gongkai.Cli.Commands.ReadCommand(_ => throw e), "read") })
                {
                    var o = new StringWriter();
                    var err = new StringWriter();
                    var code = new Gongkai.Cli.CliApp(o, err, [command]).Run([verb, file]);
                    Assert.Equal(Gongkai.Cli.Commands.ExitCodes.InternalError, code);
                    Assert.Contains("内部错误", err.ToString());
                    Assert.Empty(LatinWords(err.ToString() + o, file));
                }
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Table_and_measure_names_are_chinese_for_every_member()
    {
        foreach (var k in Enum.GetValues<TableKind>())
        {
            Assert.Empty(InternalNames(k.Describe()));
            Assert.Empty(InternalNames(k.Label()));
            Assert.DoesNotMatch("[A-Za-z]{3,}", k.Chinese());
        }
        foreach (var m in Enum.GetValues<Measure>())
            Assert.NotEqual(m.ToString(), Gongkai.Cli.Output.Labels.Of(m));
    }

    [Fact]
    public void Reports_of_the_corpus_seeds_and_sample_pdfs_name_nothing_internal()
    {
        var options = new AuditOptions { Catalog = CatalogAdapter.Instance };
        var problems = new List<string>();
        void Scan(string document, string text)
        {
            // the document's own name may hold Latin letters (sample PDFs); it is the user's, not ours
            var name = Path.GetFileName(document);
            foreach (var line in text.Replace(document, "").Replace(name, "").Split('\n'))
                foreach (var w in InternalNames(line).Distinct())
                    problems.Add($"{name}: {w} in «{line.Trim()}»");
        }
        var writer = new FindingTextWriter();
        foreach (var (relative, path) in TriageLedger.Documents())
        {
            Gongkai.Recognition.ReadResult read;
            try
            {
                read = relative.StartsWith("corpus/") ? PdfSamples.ReadCorpus(Path.GetFileName(path))
                    : relative.StartsWith("samples/") ? PdfSamples.Read(Path.GetFileName(path))
                    : new Gongkai.Recognition.DisclosureReader().Read(path);
            }
            catch (ReadException e)
            {
                Scan(path, e.Message);
                continue;
            }
            foreach (var note in read.Disclosure.Notes) Scan(path, note.Message);
            var report = Auditor.Audit(read.Disclosure, options);
            var sw = new StringWriter();
            writer.Write(report, sw);
            Scan(path, sw.ToString());
            foreach (var f in report.Findings) Scan(path, f.Message + "\n" + f.Suggestion);
        }
        Assert.True(problems.Count == 0, $"{problems.Count} 处内部名称：\n" + string.Join("\n", problems.Distinct().Take(40)));
    }
}
