using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Tests.Compile;

namespace Gongkai.Recall;

/// <summary>
/// The precision benchmark (<c>--benign</c>): every benign variant (Benign.cs) applied to the clean compiled documents
/// (预算 and 决算 of every profile) and to the seeds. A variant prints the same figures another way, so a 错误/警告 it
/// adds (per rule, more than the document had) is a false alarm; a 错误/警告 the document had and the variant loses is
/// a recall loss (a real finding no longer seen when the layout changes).
/// </summary>
public static class BenignBench
{
    private sealed class Stats
    {
        public int Docs, DocsWithNew, New, Lost;
        public readonly Dictionary<string, int> Rules = new(StringComparer.Ordinal);
        public readonly List<string> Examples = [];
    }

    public static int Run(string shared, int seed, int docCount, IReadOnlySet<string>? only, string? kind, string? outFile, bool explain, string? dump = null)
    {
        var sw = Stopwatch.StartNew();
        var variants = only is null ? Mutants.Benign : Mutants.Benign.Where(v => only.Contains(v.Id)).ToList();
        var docs = new List<(string Name, string Path, string Text, AuditReport Report, bool Seed)>();
        var lockObj = new object();
        Parallel.For(seed, seed + docCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, s =>
        {
            var data = RandomData.Create(s);
            if (kind is { } k && data.Kind != k) return;
            var package = PackageBuilder.Build(data);
            if (package.Issues.Any(x => x.Severity == IssueSeverity.Error)) return;
            var text = MarkdownRenderer.ToText(package);
            var path = package.Title + ".md";
            var report = Mutants.Check(path, text);
            lock (lockObj) docs.Add(($"种子 {s}（{data.Profile} {(data.IsFinal ? "决算" : "预算")}）", path, text, report, false));
        });
        docs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        if (dump is not null)
        {
            Directory.CreateDirectory(dump);
            foreach (var d in docs) File.WriteAllText(Path.Combine(dump, "clean--" + d.Path), d.Text);
        }
        var seedDir = Path.Combine(shared, "seeds");
        if (Directory.Exists(seedDir))
            foreach (var file in Directory.GetFiles(seedDir, "*.txt").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                var name = Path.GetFileName(file);
                docs.Add((name, name, text, Mutants.Check(name, text), true));
            }

        var stats = variants.ToDictionary(v => v.Id, _ => new Stats());
        var jobs = (from d in docs from v in variants where (!d.Seed || v.OnSeeds) && (!v.NeedsExactTables || !d.Report.Findings.Any(f => f.IsRoundingDifference)) select (d, v)).ToList();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, job =>
        {
            var (d, v) = job;
            var variant = v.Apply(d.Text, new Random(StableHash($"{seed}/{d.Name}/{v.Id}")));
            if (variant is null || variant == d.Text) return;
            var (fresh, lost) = Mutants.CompareBenign(d.Report, d.Path, variant);
            var st = stats[v.Id];
            if (dump is not null && (fresh.Count > 0 || lost > 0 || explain))
            {
                Directory.CreateDirectory(dump);
                File.WriteAllText(Path.Combine(dump, $"{v.Id}--{(d.Seed ? d.Name : d.Path)}"), variant);
                File.WriteAllText(Path.Combine(dump, $"{v.Id}--{(d.Seed ? d.Name : d.Path)}.findings"), string.Join('\n', fresh.Select(f => f.RuleId + " " + f.Message)));
            }
            lock (st)
            {
                st.Docs++;
                if (fresh.Count > 0) st.DocsWithNew++;
                st.New += fresh.Count;
                st.Lost += lost;
                foreach (var f in fresh)
                {
                    st.Rules[f.RuleId] = st.Rules.GetValueOrDefault(f.RuleId) + 1;
                    if (st.Examples.Count < (explain ? 12 : 3)) st.Examples.Add($"{d.Name}：{f.RuleId} {f.Message}");
                }
            }
        });

        var o = new StringBuilder();
        int compiled = docs.Count(d => !d.Seed), seeds = docs.Count(d => d.Seed);
        o.AppendLine($"# 良性变体的误报（seed {seed}，{compiled} 份汇编文档，{seeds} 份种子，{variants.Count} 种变体）");
        o.AppendLine();
        o.AppendLine($"干净文档本身：汇编文档 错误/警告 {docs.Where(d => !d.Seed).Sum(d => d.Report.ErrorCount + d.Report.WarningCount)} 条；种子 {docs.Where(d => d.Seed).Sum(d => d.Report.ErrorCount + d.Report.WarningCount)} 条。");
        o.AppendLine();
        o.AppendLine("new = 错误/警告 the variant adds (per rule, beyond the document's own); lost = the document's own 错误/警告 the variant no longer reports.");
        o.AppendLine();
        o.AppendLine("| variant | 变体 | documents | with new | new 错误/警告 | per document | lost | rules |");
        o.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        var total = new Stats();
        foreach (var v in variants)
        {
            var s = stats[v.Id];
            total.Docs += s.Docs; total.DocsWithNew += s.DocsWithNew; total.New += s.New; total.Lost += s.Lost;
            var rules = string.Join(" ", s.Rules.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}×{kv.Value}"));
            o.AppendLine($"| {v.Id} | {v.Title} | {s.Docs} | {s.DocsWithNew} | {s.New} | {Per(s.New, s.Docs)} | {s.Lost} | {rules} |");
        }
        o.AppendLine($"| **all** | | {total.Docs} | {total.DocsWithNew} | {total.New} | {Per(total.New, total.Docs)} | {total.Lost} | |");
        o.AppendLine();
        o.AppendLine("## 示例");
        o.AppendLine();
        foreach (var v in variants)
            foreach (var e in stats[v.Id].Examples) o.AppendLine($"- {v.Id}：{e}");
        o.AppendLine();
        o.AppendLine($"耗时 {sw.Elapsed.TotalSeconds:0.0} 秒（{jobs.Count} 个变体任务）。");
        Console.Write(o.ToString());
        if (outFile is not null) File.WriteAllText(outFile, o.ToString());
        return 0;
    }

    private static string Per(int n, int docs) => docs == 0 ? "—" : ((decimal)n / docs).ToString("0.00", CultureInfo.InvariantCulture);

    private static int StableHash(string s)
    {
        unchecked
        {
            int h = 23;
            foreach (var ch in s) h = h * 31 + ch;
            return h;
        }
    }
}
