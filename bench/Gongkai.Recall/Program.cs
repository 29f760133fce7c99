using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Recall;
using Gongkai.Tests.Compile;

// Recall and precision of the audit rules: clean compiled documents (false positives), one injected error per mutant
// (recall per error class and per rule), the seeds mutated the same way, and the rules that never fired. Every random
// stream is seeded from --seed and stable names (never string.GetHashCode or HashCode, which differ per process).
var opts = Args.Parse(args);
if (opts.Help)
{
    Console.WriteLine("""
        gongkai-recall [--quick] [--docs N] [--mutants K] [--seed S] [--formats html,docx] [--out report.md] [--shared DIR]

          --docs N      random compiled data sets (default 140; --quick 21)
          --mutants K   mutants per error class and document (default 2; --quick 1)
          --seed S      seed of the data sets and of the mutations (default 1)
          --formats     other outputs read back for the false-positive count (default html,docx; --quick none)
          --out FILE    also write the report (Markdown) to FILE
          --explain     show the changed line of each missed mutant
          --dump DIR    write the clean compiled documents (Markdown) to DIR
          --classes L   only these error classes or families (comma-separated ids, e.g. units,reason-sum)
          --kind K      only compiled documents (and seeds) of this kind: budget or final (default both)
          --benign      precision benchmark instead: benign variants of the clean documents and seeds (amounts in 元,
                        zero as “-”, codes split into 类/款/项, other titles, tables over two pages …) must add no
                        错误/警告; --classes then names variants
        """);
    return 0;
}
var sw = Stopwatch.StartNew();
var shared = opts.Shared ?? FindShared();
if (opts.Benign) return BenignBench.Run(shared, opts.Seed, opts.Docs, opts.Classes, opts.Kind, opts.Out, opts.Explain, opts.Dump);
var rulesById = RuleRegistry.Default.Descriptors.ToDictionary(d => d.Id);
var classes = opts.Classes is { } only ? Mutants.All.Where(c => only.Contains(c.Id) || only.Contains(Mutants.FamilyOf(c))).ToList() : Mutants.All;
var fired = new HashSet<string>(StringComparer.Ordinal);
var ran = new HashSet<string>(StringComparer.Ordinal);
var crashes = new List<string>();

void Note(AuditReport report)
{
    lock (fired)
    {
        foreach (var f in report.Findings)
            if (f.Message.Contains("执行异常")) crashes.Add($"{report.File}: {f.Message}");
            else fired.Add(f.RuleId);
        ran.UnionWith(report.RulesRun);
    }
}

// ---------------------------------------------------------------- 1. clean compiled documents
var docs = Enumerable.Range(opts.Seed, opts.Docs).ToArray();
var fp = new Dictionary<string, int>(StringComparer.Ordinal);
var fpExamples = new Dictionary<string, string>(StringComparer.Ordinal);
var cleanFindingsDocs = 0;
var combos = new SortedDictionary<string, int>(StringComparer.Ordinal);
var cleanDocs = new (string Path, string Text, AuditReport Report, string Combo)?[docs.Length];
var otherFormats = 0;
Parallel.For(0, docs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
{
    var data = RandomData.Create(docs[i]);
    if (opts.Kind is { } onlyKind && data.Kind != onlyKind) return;
    var package = PackageBuilder.Build(data);
    if (package.Issues.Any(x => x.Severity == IssueSeverity.Error)) return;
    var text = MarkdownRenderer.ToText(package);
    var path = package.Title + ".md";
    var report = Mutants.Check(path, text);
    Note(report);
    var reports = new List<AuditReport> { report };
    if (i % 4 == 0)
        foreach (var fmt in opts.Formats)
            if (PackageRenderers.Find(fmt) is { } renderer)
            {
                var r = Mutants.Check(package.Title + "." + renderer.Extension, renderer.RenderToBytes(package));
                Note(r);
                reports.Add(r);
                Interlocked.Increment(ref otherFormats);
            }
    cleanDocs[i] = (path, text, report, $"{data.Profile} {(data.IsFinal ? "决算" : "预算")}");
    if (opts.Dump is { } dumpDir)
    {
        Directory.CreateDirectory(dumpDir);
        File.WriteAllText(Path.Combine(dumpDir, $"{docs[i]:000}-{data.Profile}-{(data.IsFinal ? "final" : "budget")}.md"), text);
    }
    lock (fp)
    {
        combos[cleanDocs[i]!.Value.Combo] = combos.GetValueOrDefault(cleanDocs[i]!.Value.Combo) + 1;
        var bad = reports.SelectMany(x => x.Findings).Where(f => f.Severity != Severity.Info).ToList();
        if (bad.Count > 0) cleanFindingsDocs++;
        foreach (var f in bad)
        {
            fp[f.RuleId] = fp.GetValueOrDefault(f.RuleId) + 1;
            fpExamples.TryAdd(f.RuleId, $"种子 {docs[i]}：{f.Message}");
        }
    }
});

// ---------------------------------------------------------------- 2. mutants of the compiled documents
var stats = classes.ToDictionary(c => c.Id, _ => new ClassStats());
var ruleTp = new Dictionary<string, int>(StringComparer.Ordinal);
var missedExamples = new Dictionary<string, List<string>>(StringComparer.Ordinal);
var jobs = new List<(int Doc, ErrorClass Class, int K)>();
for (int i = 0; i < docs.Length; i++)
    if (cleanDocs[i] is not null)
        foreach (var c in classes)
            for (int k = 0; k < opts.MutantsPerClass; k++) jobs.Add((i, c, k));
var outcomes = new (string Class, Detection? D, string Where, bool Final)[jobs.Count];
Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, j =>
{
    var (i, c, k) = jobs[j];
    var doc = cleanDocs[i]!.Value;
    var rnd = new Random(StableHash($"{opts.Seed}/{docs[i]}/{c.Id}/{k}"));
    var mutant = c.Apply(doc.Text, rnd);
    bool isFinal = doc.Combo.EndsWith("决算", StringComparison.Ordinal);
    if (mutant is null || mutant == doc.Text) { outcomes[j] = (c.Id, null, "", isFinal); return; }
    var d = Mutants.Detect(doc.Report, doc.Path, mutant, c.ExpectedRules);
    outcomes[j] = (c.Id, d, $"种子 {docs[i]}（{doc.Combo}）" + (opts.Explain ? "：" + Changed(doc.Text, mutant) : ""), isFinal);
    lock (fired) fired.UnionWith(d.RulesFired);
});
// the same outcomes split by document kind (预算 / 决算), for the per-kind family table
var byKind = new[] { false, true }.ToDictionary(k => k, _ => classes.ToDictionary(c => c.Id, _ => new ClassStats()));
foreach (var (cls, d, where, isFinal) in outcomes)
{
    if (d is null) continue;
    Tally(stats[cls], d, where, cls, ruleTp);
    Count(byKind[isFinal][cls], d);
}

// ---------------------------------------------------------------- 3. seeds and sample PDFs
var seedStats = classes.Where(c => c.OnSeeds).ToDictionary(c => c.Id, _ => new ClassStats());
var seedByKind = new[] { false, true }.ToDictionary(k => k, _ => classes.Where(c => c.OnSeeds).ToDictionary(c => c.Id, _ => new ClassStats()));
var seedFiles = Directory.Exists(Path.Combine(shared, "seeds")) ? Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray() : [];
var seedLines = new List<string>();
var seedRuleTp = new Dictionary<string, int>(StringComparer.Ordinal);
foreach (var file in seedFiles)
{
    var text = File.ReadAllText(file);
    var name = Path.GetFileName(file);
    var seedKind = new Gongkai.Recognition.DisclosureReader().Read(name, Encoding.UTF8.GetBytes(text)).Disclosure.Kind;
    bool seedFinal = seedKind == Gongkai.Model.DocumentKind.FinalAccount;
    if (opts.Kind is { } k0 && (k0 == "final") != seedFinal) continue;
    var baseline = Mutants.Check(name, text);
    Note(baseline);
    seedLines.Add($"| {name[..3]} | {baseline.ErrorCount} | {baseline.WarningCount} | {baseline.InfoCount} |");
    foreach (var c in classes.Where(c => c.OnSeeds))
        for (int k = 0; k < opts.SeedMutants; k++)
        {
            var rnd = new Random(StableHash($"{opts.Seed}/{name}/{c.Id}/{k}"));
            var mutant = c.Apply(text, rnd);
            if (mutant is null || mutant == text) continue;
            var d = Mutants.Detect(baseline, name, mutant, c.ExpectedRules);
            fired.UnionWith(d.RulesFired);
            Tally(seedStats[c.Id], d, $"{name[..3]}" + (opts.Explain ? "：" + Changed(text, mutant) : ""), c.Id, seedRuleTp);
            Count(seedByKind[seedFinal][c.Id], d);
        }
}
var pdfDir = Path.Combine(shared, "samples", "pdf");
var pdfs = Directory.Exists(pdfDir) ? Directory.GetFiles(pdfDir, "*.pdf").Order(StringComparer.Ordinal).ToArray() : [];
foreach (var pdf in pdfs)
{
    try { Note(Mutants.Check(Path.GetFileName(pdf), File.ReadAllBytes(pdf))); }
    catch (Exception e) { crashes.Add($"{Path.GetFileName(pdf)}: {e.Message}"); }
}

// ---------------------------------------------------------------- 4. report
var o = new StringBuilder();
var ci = CultureInfo.InvariantCulture;
string Pct(int a, int b) => b == 0 ? "—" : (100m * a / b).ToString("0.0", ci) + "%";
var cleanCount = cleanDocs.Count(x => x is not null);
o.AppendLine($"# 规则召回率与精确率（seed {opts.Seed}，{cleanCount} 份汇编文档，另 {otherFormats} 份其他格式读回，每类每文档 {opts.MutantsPerClass} 个变异体）");
o.AppendLine();
o.AppendLine("## 档案与类型");
o.AppendLine();
o.AppendLine(string.Join("，", combos.Select(kv => $"{kv.Key} {kv.Value}")));
o.AppendLine();
o.AppendLine("## 按错误类别（汇编文档）");
o.AppendLine();
o.AppendLine("| class | family | 错误 | mutants | detected | by expected rule | only other rules | hint only | missed | recall | rules that caught it |");
o.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
foreach (var c in classes) o.AppendLine(Row(c, stats[c.Id]));
var total = new ClassStats();
foreach (var s in stats.Values) total.Add(s);
o.AppendLine($"| **all** | | | {total.Mutants} | {total.Detected} | {total.ByExpected} | {total.Detected - total.ByExpected} | {total.HintOnly} | {total.Mutants - total.Detected} | {Pct(total.Detected, total.Mutants)} | |");
o.AppendLine();
o.AppendLine("## 按缺陷类别（领域参考 §7 各行与 §6.3 绩效，汇编文档 + 种子）");
o.AppendLine();
o.AppendLine("detected = a new 错误/警告; hint only = only a new 提示 (counted apart, not in the recall).");
o.AppendLine();
o.AppendLine("| family | 类别 | classes | mutants | detected | hint only | missed | recall | recall with 提示 |");
o.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var (fam, title) in Mutants.Families)
{
    var members = classes.Where(c => Mutants.FamilyOf(c) == fam && !c.HintByDesign).ToList();
    var f = new ClassStats();
    foreach (var c in members)
    {
        f.Add(stats[c.Id]);
        if (seedStats.TryGetValue(c.Id, out var ss)) f.Add(ss);
    }
    o.AppendLine($"| {fam} | {title} | {members.Count} | {f.Mutants} | {f.Detected} | {f.HintOnly} | {f.Mutants - f.Detected} | {Pct(f.Detected, f.Mutants)} | {Pct(f.Detected + f.HintOnly, f.Mutants)} |");
}
o.AppendLine();
// classes aimed at a 提示 rule (reasons are worded every way): counted apart, never in a family's recall
foreach (var c in classes.Where(c => c.HintByDesign))
{
    var f = new ClassStats();
    f.Add(stats[c.Id]);
    if (seedStats.TryGetValue(c.Id, out var ss)) f.Add(ss);
    o.AppendLine($"提示 by design, not in the family's recall: {c.Id} ({Mutants.FamilyOf(c)}) — {f.HintOnly} of {f.Mutants} mutants raise a new 提示 only ({Pct(f.HintOnly, f.Mutants)}), {f.Detected} a new 错误/警告.");
}
o.AppendLine();
o.AppendLine("## 按缺陷类别，预算与决算分开（汇编文档 + 种子）");
o.AppendLine();
o.AppendLine("| family | 类别 | 预算 mutants | 预算 recall | 决算 mutants | 决算 detected | 决算 hint only | 决算 recall |");
o.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var (fam, title) in Mutants.Families)
{
    var members = classes.Where(c => Mutants.FamilyOf(c) == fam && !c.HintByDesign).ToList();
    var kinds = new[] { false, true }.Select(k =>
    {
        var f = new ClassStats();
        foreach (var c in members)
        {
            f.Add(byKind[k][c.Id]);
            if (seedByKind[k].TryGetValue(c.Id, out var ss)) f.Add(ss);
        }
        return f;
    }).ToArray();
    o.AppendLine($"| {fam} | {title} | {kinds[0].Mutants} | {Pct(kinds[0].Detected, kinds[0].Mutants)} | {kinds[1].Mutants} | {kinds[1].Detected} | {kinds[1].HintOnly} | {Pct(kinds[1].Detected, kinds[1].Mutants)} |");
}
o.AppendLine();
o.AppendLine("## 按错误类别（种子文档，新增问题为检出）");
o.AppendLine();
o.AppendLine("| seed | 错误 | 警告 | 提示 |");
o.AppendLine("| --- | ---: | ---: | ---: |");
foreach (var l in seedLines) o.AppendLine(l);
o.AppendLine();
o.AppendLine("| class | family | 错误 | mutants | detected | by expected rule | only other rules | hint only | missed | recall | rules that caught it |");
o.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
foreach (var c in classes.Where(c => c.OnSeeds)) o.AppendLine(Row(c, seedStats[c.Id]));
o.AppendLine();
o.AppendLine("## 按规则");
o.AppendLine();
o.AppendLine("detections = mutants (compiled + seeds) on which the rule reported a new 错误/警告; false positives = its 错误/警告 on the clean compiled documents.");
o.AppendLine();
o.AppendLine("| rule | 标题 | detections | false positives | precision |");
o.AppendLine("| --- | --- | ---: | ---: | ---: |");
foreach (var d in RuleRegistry.Default.Descriptors)
{
    var tp = ruleTp.GetValueOrDefault(d.Id) + seedRuleTp.GetValueOrDefault(d.Id);
    var f = fp.GetValueOrDefault(d.Id);
    if (tp + f == 0) continue;
    o.AppendLine($"| {d.Id} | {d.Title} | {tp} | {f} | {Pct(tp, tp + f)} |");
}
o.AppendLine();
o.AppendLine($"## 干净文档上的误报（{cleanFindingsDocs} 份文档有 错误/警告）");
o.AppendLine();
if (fp.Count == 0) o.AppendLine("无。");
foreach (var (rule, n) in fp.OrderByDescending(kv => kv.Value)) o.AppendLine($"- {rule} ×{n}：{fpExamples[rule]}");
o.AppendLine();
o.AppendLine("## 漏检示例");
o.AppendLine();
foreach (var (cls, list) in missedExamples) o.AppendLine($"- {cls}：" + string.Join("；", list.Take(opts.Explain ? 12 : 3)));
o.AppendLine();
var targeted = classes.SelectMany(c => c.ExpectedRules).ToHashSet();
var never = RuleRegistry.Default.Descriptors.Where(d => !fired.Contains(d.Id)).ToList();
o.AppendLine($"## 从未触发的规则（{never.Count} / {rulesById.Count}）");
o.AppendLine();
o.AppendLine("Neither on a clean or mutated compiled document, nor on a seed or its mutants, nor on a sample PDF, at any severity.");
o.AppendLine();
o.AppendLine("| rule | 标题 | ran | targeted by an error class |");
o.AppendLine("| --- | --- | --- | --- |");
foreach (var d in never)
    o.AppendLine($"| {d.Id} | {d.Title} | {(ran.Contains(d.Id) ? "yes" : "never applicable")} | {(targeted.Contains(d.Id) ? "yes (missed)" : "no")} |");
o.AppendLine();
if (crashes.Count > 0)
{
    o.AppendLine("## 规则执行异常");
    foreach (var c in crashes.Distinct().Take(20)) o.AppendLine("- " + c);
    o.AppendLine();
}
o.AppendLine($"耗时 {sw.Elapsed.TotalSeconds:0.0} 秒（{jobs.Count} 个汇编变异体任务，{seedFiles.Length} 份种子，{pdfs.Length} 份 PDF）。");
Console.Write(o.ToString());
if (opts.Out is { } outFile) File.WriteAllText(outFile, o.ToString());
return 0;

string Row(ErrorClass c, ClassStats s)
{
    var caught = string.Join(" ", s.Rules.OrderByDescending(kv => kv.Value).Take(6).Select(kv => $"{kv.Key}×{kv.Value}"));
    return $"| {c.Id} | {Mutants.FamilyOf(c)} | {c.Title} | {s.Mutants} | {s.Detected} | {s.ByExpected} | {s.Detected - s.ByExpected} | {s.HintOnly} | {s.Mutants - s.Detected} | {Pct(s.Detected, s.Mutants)} | {caught} |";
}

static void Count(ClassStats s, Detection d)
{
    s.Mutants++;
    if (d.Detected) s.Detected++;
    if (d.ByExpected) s.ByExpected++;
    if (d.HintOnly) s.HintOnly++;
}

void Tally(ClassStats s, Detection d, string where, string cls, Dictionary<string, int> tp)
{
    s.Mutants++;
    if (d.Detected) s.Detected++;
    if (d.ByExpected) s.ByExpected++;
    if (d.HintOnly) s.HintOnly++;
    foreach (var r in d.RulesFired)
    {
        s.Rules[r] = s.Rules.GetValueOrDefault(r) + 1;
        tp[r] = tp.GetValueOrDefault(r) + 1;
    }
    if (!d.Detected)
    {
        if (!missedExamples.TryGetValue(cls, out var l)) missedExamples[cls] = l = [];
        l.Add(where);
    }
}

static string Changed(string before, string after)
{
    var a = before.Split('\n');
    var b = after.Split('\n');
    for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        if (a[i] != b[i]) return $"第{i + 1}行「{(b[i].Length > 160 ? b[i][..160] + "…" : b[i])}」";
    return "删除了若干行";
}

static int StableHash(string s)
{
    unchecked
    {
        int h = 23;
        foreach (var ch in s) h = h * 31 + ch;
        return h;
    }
}

static string FindShared()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null)
    {
        var candidate = Path.Combine(dir.FullName, "..", "shared");
        if (Directory.Exists(Path.Combine(candidate, "seeds"))) return Path.GetFullPath(candidate);
        dir = dir.Parent;
    }
    return Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared"));
}

sealed class ClassStats
{
    public int Mutants, Detected, ByExpected, HintOnly;
    public Dictionary<string, int> Rules { get; } = new(StringComparer.Ordinal);

    public void Add(ClassStats o)
    {
        Mutants += o.Mutants; Detected += o.Detected; ByExpected += o.ByExpected; HintOnly += o.HintOnly;
    }
}

sealed class Args
{
    public bool Help, Quick, Explain, Benign;
    public int Docs = 140, MutantsPerClass = 2, SeedMutants = 4, Seed = 1;
    public string[] Formats = ["html", "docx"];
    public HashSet<string>? Classes;
    public string? Out, Shared, Dump, Kind;

    public static Args Parse(string[] args)
    {
        var a = new Args();
        int? docs = null, mutants = null;
        string[]? formats = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": a.Quick = true; break;
                case "--explain": a.Explain = true; break;
                case "--benign": a.Benign = true; break;
                case "--docs": docs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--mutants": mutants = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": a.Seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--formats": formats = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--out": a.Out = args[++i]; break;
                case "--shared": a.Shared = args[++i]; break;
                case "--dump": a.Dump = args[++i]; break;
                case "--kind": a.Kind = args[++i] is "final" or "决算" ? "final" : "budget"; break;
                case "--classes": a.Classes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal); break;
                default: a.Help = true; break;
            }
        }
        a.Docs = docs ?? (a.Quick ? 21 : 140);
        a.MutantsPerClass = mutants ?? (a.Quick ? 1 : 2);
        a.SeedMutants = a.Quick ? 1 : 4;
        a.Formats = formats ?? (a.Quick ? [] : a.Formats);
        return a;
    }
}
