using System.Reflection;
using System.Text.RegularExpressions;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
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
