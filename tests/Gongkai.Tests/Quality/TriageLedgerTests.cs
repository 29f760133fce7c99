using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Quality;

/// <summary>
/// The triage ledger (docs/triage/): every 错误 and 警告 that <c>check</c> reports on the corpus, the seeds and the
/// sample PDFs must be a real defect written down by hand in <c>ledger.tsv</c> after looking at the page, and every
/// ledger line must still fire. Documents not yet gone through are listed in <c>pending.tsv</c> with the number of
/// unexplained 错误+警告 they had when they were listed; that number may only go down (a ratchet), and a document
/// leaves the list once it reaches zero. A false alarm is fixed, never recorded.
/// </summary>
public class TriageLedgerTests
{
    private static readonly Lazy<IReadOnlyList<DocumentFindings>> Current = new(Collect);

    [Fact]
    public void Every_error_and_warning_is_a_recorded_defect_or_within_the_pending_ratchet()
    {
        var ledger = TriageLedger.Load();
        var problems = new List<string>();
        foreach (var doc in Current.Value)
        {
            var unexplained = ledger.Unexplained(doc).ToList();
            if (ledger.Pending.TryGetValue(doc.Document, out var allowed))
            {
                if (unexplained.Count > allowed)
                    problems.Add($"{doc.Document}: {unexplained.Count} 条未记录的错误/警告，多于待核对清单中的 {allowed} 条:\n    "
                                 + string.Join("\n    ", unexplained.Take(12)));
            }
            else if (unexplained.Count > 0)
            {
                problems.Add($"{doc.Document}: {unexplained.Count} 条错误/警告不在台账中:\n    " + string.Join("\n    ", unexplained.Take(12)));
            }
        }
        if (Environment.GetEnvironmentVariable("GONGKAI_WRITE_TRIAGE") is { Length: > 0 } outPath)
            File.WriteAllText(outPath, TriageLedger.Dump(Current.Value), new UTF8Encoding(false));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_ledger_line_still_fires()
    {
        var ledger = TriageLedger.Load();
        var byDoc = Current.Value.ToDictionary(d => d.Document);
        var stale = new List<string>();
        foreach (var group in ledger.Lines.GroupBy(l => l.Document))
        {
            if (!byDoc.TryGetValue(group.Key, out var doc)) { stale.Add($"{group.Key}: 文档不存在"); continue; }
            var keys = doc.Keys.ToList();
            foreach (var line in group)
            {
                var i = keys.IndexOf(line.Key);
                if (i < 0) stale.Add($"{line.Document}\t{line.Key}");
                else keys.RemoveAt(i);
            }
        }
        Assert.True(stale.Count == 0, "台账中以下条目已不再报告（修复了就删除该行）：\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Pending_documents_exist_and_are_not_also_fully_clean()
    {
        var ledger = TriageLedger.Load();
        var byDoc = Current.Value.ToDictionary(d => d.Document);
        foreach (var (doc, allowed) in ledger.Pending)
        {
            Assert.True(byDoc.ContainsKey(doc), $"待核对清单中的文档不存在：{doc}");
            Assert.True(allowed > 0, $"{doc}: 待核对数为 0 的文档应从清单中删除");
        }
    }

    private static IReadOnlyList<DocumentFindings> Collect()
    {
        var files = TriageLedger.Documents().ToList();
        var results = new ConcurrentBag<DocumentFindings>();
        var options = new AuditOptions { Catalog = CatalogAdapter.Instance };
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            try
            {
                var read = new DisclosureReader().Read(f.Path);
                var report = Auditor.Audit(read.Disclosure, options);
                var keys = report.Findings
                    .Where(x => x.Severity is Severity.Error or Severity.Warning)
                    .Select(TriageLedger.KeyOf)
                    .ToList();
                results.Add(new DocumentFindings(f.Relative, keys));
            }
            catch (ReadException e)
            {
                // Files that are not disclosures (or cannot be read) are recorded as one line: the read failure.
                results.Add(new DocumentFindings(f.Relative, [$"READ\t-\t-\t-\t{e.Failure}"]));
            }
        });
        return results.OrderBy(r => r.Document, StringComparer.Ordinal).ToList();
    }
}

public sealed record DocumentFindings(string Document, IReadOnlyList<string> Keys);

public sealed record LedgerLine(string Document, string Key, string Verdict);

/// <summary>Reads docs/triage/ledger.tsv and pending.tsv and computes the finding keys they are matched by.</summary>
public sealed class TriageLedger
{
    public required IReadOnlyList<LedgerLine> Lines { get; init; }
    public required IReadOnlyDictionary<string, int> Pending { get; init; }

    public static string Folder => Path.Combine(RepoRoot(), "docs", "triage");

    /// <summary>The documents the ledger covers: the corpus, the seeds and the sample PDFs, relative to ../shared.</summary>
    public static IEnumerable<(string Relative, string Path)> Documents()
    {
        var root = Shared.Root;
        foreach (var folder in new[] { "corpus", "seeds", Path.Combine("samples", "pdf") })
        {
            var dir = Path.Combine(root, folder);
            foreach (var f in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                var ext = Path.GetExtension(f).ToLowerInvariant();
                if (ext is not (".pdf" or ".txt" or ".md" or ".docx" or ".xlsx" or ".html")) continue;
                if (Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase)) continue;
                yield return (Path.GetRelativePath(root, f).Replace('\\', '/'), f);
            }
        }
    }

    /// <summary>
    /// The key a finding is matched by: rule, severity, where (page or line of the primary location), expected and
    /// found. Stable across runs; changes when the finding changes what it says.
    /// </summary>
    public static string KeyOf(Finding f)
    {
        var loc = f.PrimaryLocation;
        var where = loc?.Page is int p ? $"p{p}" : loc?.Line is int l ? $"L{l}" : "-";
        return string.Join('\t', f.RuleId, f.Severity.Chinese(), where, Num(f.Expected), Num(f.Found));
    }

    private static string Num(decimal? d) => d is decimal x ? x.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    public IEnumerable<string> Unexplained(DocumentFindings doc)
    {
        var recorded = Lines.Where(l => l.Document == doc.Document).Select(l => l.Key).ToList();
        foreach (var k in doc.Keys)
        {
            var i = recorded.IndexOf(k);
            if (i >= 0) recorded.RemoveAt(i);
            else yield return k;
        }
    }

    public static TriageLedger Load()
    {
        var lines = new List<LedgerLine>();
        foreach (var raw in ReadRows("ledger.tsv"))
        {
            // document, rule, severity, where, expected, found, verdict
            if (raw.Length < 7) throw new InvalidDataException("ledger.tsv: 每行 7 列：" + string.Join('\t', raw));
            if (string.IsNullOrWhiteSpace(raw[6])) throw new InvalidDataException("ledger.tsv: 缺少核对结论：" + string.Join('\t', raw));
            lines.Add(new LedgerLine(raw[0], string.Join('\t', raw[1..6]), raw[6]));
        }
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in ReadRows("pending.tsv"))
            pending[raw[0]] = int.Parse(raw[1], CultureInfo.InvariantCulture);
        return new TriageLedger { Lines = lines, Pending = pending };
    }

    private static IEnumerable<string[]> ReadRows(string name)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            yield return line.Split('\t');
        }
    }

    /// <summary>All current 错误/警告 as ledger-shaped rows with an empty verdict (for triage work).</summary>
    public static string Dump(IEnumerable<DocumentFindings> docs)
    {
        var sb = new StringBuilder();
        foreach (var d in docs)
            foreach (var k in d.Keys)
                sb.Append(d.Document).Append('\t').Append(k).Append('\t').Append('\n');
        return sb.ToString();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Gongkai.slnx not found above the test output");
    }
}
