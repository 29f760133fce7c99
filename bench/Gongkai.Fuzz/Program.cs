using System.Diagnostics;
using Gongkai.Audit;
using Gongkai.Reading;
using Gongkai.Recognition;

// Mutation fuzzer for every reader: takes a corpus (seeds, sample PDFs, Office/HTML files), mutates the
// bytes (bit flips, byte runs, truncation, splices, chunk duplication) and runs each input through the whole
// read + recognize + audit pipeline. A ReadException is the expected answer to a bad file; any other exception
// is a crash, and an input still running after the time limit is a hang. Failing inputs are saved.
//   dotnet run -c Release --project bench/Gongkai.Fuzz -- [--seconds N] [--seed N] [--out DIR] [CORPUS...]

int seconds = 60, seed = 1;
string outDir = Path.Combine(Path.GetTempPath(), "gongkai-fuzz");
var corpusArgs = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds" when i + 1 < args.Length: seconds = int.Parse(args[++i]); break;
        case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i]); break;
        case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
        case "-h" or "--help":
            Console.WriteLine("用法：Gongkai.Fuzz [--seconds N] [--seed N] [--out 目录] [语料文件或目录...]");
            return 0;
        default: corpusArgs.Add(args[i]); break;
    }
}
if (corpusArgs.Count == 0)
{
    var shared = FindShared();
    if (shared is null) { Console.Error.WriteLine("找不到 ../shared；请给出语料文件或目录。"); return 2; }
    corpusArgs.Add(Path.Combine(shared, "seeds"));
    corpusArgs.Add(Path.Combine(shared, "samples", "pdf"));
    // the Word fixtures of the tests (.doc/.docx/.html made with LibreOffice), so the .doc reader is fuzzed too
    if (FindRepo() is { } repo && Directory.Exists(Path.Combine(repo, "tests", "Gongkai.Tests", "Office", "Data")))
        corpusArgs.Add(Path.Combine(repo, "tests", "Gongkai.Tests", "Office", "Data"));
    var extra = Path.Combine(AppContext.BaseDirectory, "corpus");
    if (Directory.Exists(extra)) corpusArgs.Add(extra);
}
var corpus = new List<(string Name, byte[] Bytes)>();
foreach (var c in corpusArgs)
{
    var files = Directory.Exists(c) ? Directory.GetFiles(c).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)) : new[] { c };
    foreach (var f in files.Order(StringComparer.Ordinal)) corpus.Add((Path.GetFileName(f), File.ReadAllBytes(f)));
}
// small synthetic members so every reader is exercised even without Office/HTML files in the corpus
corpus.Add(("synthetic.html", System.Text.Encoding.UTF8.GetBytes(
    "<html><head><meta charset=\"utf-8\"></head><body><h1>示例部门2024年部门预算</h1><p>单位：万元</p><table><tr><td rowspan=\"2\">科目编码</td><td colspan=\"2\">金额</td></tr><tr><td>合计</td><td>基本支出</td></tr><tr><td>2101501</td><td>617.25</td><td>595.50</td></tr></table></body></html>")));
Directory.CreateDirectory(outDir);

var reader = new DisclosureReader();
var rng = new Random(seed);
var deadline = Stopwatch.StartNew();
long execs = 0, readErrors = 0, crashes = 0, hangs = 0;
var perFormat = new Dictionary<string, long>();
var crashKinds = new Dictionary<string, int>();
Console.WriteLine($"模糊测试：语料 {corpus.Count} 个文件，时长 {seconds} 秒，随机种子 {seed}，失败样本目录 {outDir}");
while (deadline.Elapsed.TotalSeconds < seconds)
{
    var (name, original) = corpus[rng.Next(corpus.Count)];
    var input = Mutate(original, corpus, rng);
    var ext = Path.GetExtension(name).ToLowerInvariant();
    perFormat[ext] = perFormat.GetValueOrDefault(ext) + 1;
    Exception? failure = null;
    var task = Task.Run(() =>
    {
        try
        {
            var r = reader.Read("fuzz" + ext, input);
            Auditor.Audit(r.Disclosure);
        }
        catch (ReadException) { Interlocked.Increment(ref readErrors); }
        catch (Exception e) { failure = e; }
    });
    execs++;
    if (!task.Wait(TimeSpan.FromSeconds(10)))
    {
        hangs++;
        File.WriteAllBytes(Path.Combine(outDir, $"hang-{hangs}{ext}"), input);
        Console.WriteLine($"  超时：基于 {name}（已保存）");
        continue;
    }
    if (failure is not null)
    {
        crashes++;
        var key = failure.GetType().Name + " @ " + (failure.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Gongkai"))?.Trim() ?? "?");
        crashKinds[key] = crashKinds.GetValueOrDefault(key) + 1;
        if (crashKinds[key] == 1)
        {
            File.WriteAllBytes(Path.Combine(outDir, $"crash-{crashes}{ext}"), input);
            Console.WriteLine($"  崩溃：{failure.GetType().Name}：{failure.Message.Split('\n')[0]}（基于 {name}）");
            Console.WriteLine($"        {key}");
        }
    }
}
Console.WriteLine();
Console.WriteLine($"执行 {execs} 次（{execs / Math.Max(1, deadline.Elapsed.TotalSeconds):F0} 次/秒）：按格式 " + string.Join("，", perFormat.Select(kv => $"{kv.Key} {kv.Value}")));
Console.WriteLine($"明确的读取错误（预期）{readErrors} 次；崩溃 {crashes} 次（{crashKinds.Count} 种）；超时 {hangs} 次");
return crashes + hangs == 0 ? 0 : 1;

static byte[] Mutate(byte[] data, List<(string Name, byte[] Bytes)> corpus, Random rng)
{
    var b = new List<byte>(data);
    int rounds = 1 + rng.Next(8);
    for (int r = 0; r < rounds && b.Count > 0; r++)
    {
        int pos = rng.Next(b.Count);
        switch (rng.Next(7))
        {
            case 0: b[pos] ^= (byte)(1 << rng.Next(8)); break;                                   // bit flip
            case 1: b[pos] = (byte)rng.Next(256); break;                                           // random byte
            case 2: b.InsertRange(pos, Enumerable.Range(0, 1 + rng.Next(16)).Select(_ => (byte)rng.Next(256))); break;
            case 3: b.RemoveRange(pos, Math.Min(b.Count - pos, 1 + rng.Next(64))); break;         // delete a run
            case 4: b.RemoveRange(pos, b.Count - pos); break;                                      // truncate
            case 5:                                                                               // duplicate a chunk
                int len = Math.Min(b.Count - pos, 1 + rng.Next(256));
                b.InsertRange(rng.Next(b.Count), b.GetRange(pos, len));
                break;
            case 6:                                                                               // splice another file
                var other = corpus[rng.Next(corpus.Count)].Bytes;
                if (other.Length == 0) break;
                int from = rng.Next(other.Length), n = Math.Min(other.Length - from, 1 + rng.Next(512));
                b.InsertRange(pos, other.AsSpan(from, n).ToArray());
                break;
        }
    }
    return b.ToArray();
}

static string? FindShared()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return Path.GetFullPath(candidate);
        }
    return null;
}

static string? FindRepo()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) return dir.FullName;
    return null;
}
