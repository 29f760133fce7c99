using System.Diagnostics;
using System.Globalization;
using Gongkai.Recognition;

// Corpus timer: reads every file of the corpus through the public read pipeline, with warm-up runs,
// then N timed iterations per file; prints median / p90 / min per file and the corpus total.
//   dotnet run -c Release --project bench/Gongkai.Bench -- read [--iterations N] [--warmup N] [FILE|DIR ...]

var argv = args.ToList();
if (argv.Count == 0 || argv[0] is "--help" or "-h")
{
    Console.WriteLine("用法：Gongkai.Bench read|check|compile|recognition|store [--iterations N] [--warmup N] [--pdftotext] [文件或目录...]");
    Console.WriteLine("  --pdftotext  同一次运行中对每个 PDF 计时 pdftotext -layout（poppler-utils），给出比值。");
    Console.WriteLine("默认语料：../shared/seeds/*.txt（从当前目录向上查找）。");
    return argv.Count == 0 ? 64 : 0;
}
var mode = argv[0];
if (mode == "compile") return Gongkai.Bench.CompileBench.Run(argv.Skip(1).ToList());
if (mode == "recognition") return Gongkai.Bench.RecognitionBench.Run(argv.Skip(1).ToList());
if (mode == "store") return Gongkai.Bench.StoreBench.Run(argv.Skip(1).ToList());
if (mode is not ("read" or "check"))
{
    Console.Error.WriteLine($"未知基准：{argv[0]}。可选 read（读取+识别）或 check（读取+识别+审核）。");
    return 64;
}
int iterations = 30, warmup = 10;
bool comparePdftotext = false;
var inputs = new List<string>();
for (int i = 1; i < argv.Count; i++)
{
    switch (argv[i])
    {
        case "--iterations" or "-n" when i + 1 < argv.Count && int.TryParse(argv[i + 1], out var n) && n > 0:
            iterations = n; i++; break;
        case "--pdftotext":
            comparePdftotext = true; break;
        case "--warmup" when i + 1 < argv.Count && int.TryParse(argv[i + 1], out var w) && w >= 0:
            warmup = w; i++; break;
        case var s when s.StartsWith('-'):
            Console.Error.WriteLine($"无法识别的参数：{s}");
            return 64;
        default:
            inputs.Add(argv[i]); break;
    }
}

var files = new List<string>();
if (inputs.Count == 0)
{
    var seeds = FindSeeds();
    if (seeds is null)
    {
        Console.Error.WriteLine("找不到 ../shared/seeds。请在仓库目录中运行，或直接给出文件/目录。");
        return 2;
    }
    inputs.Add(seeds);
}
foreach (var input in inputs)
{
    if (Directory.Exists(input))
        files.AddRange(Directory.GetFiles(input, "*.txt").Concat(Directory.GetFiles(input, "*.md")).Concat(Directory.GetFiles(input, "*.pdf"))
            .Where(p => !Path.GetFileName(p).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal));
    else if (File.Exists(input)) files.Add(input);
    else { Console.Error.WriteLine($"文件不存在：{input}"); return 2; }
}

var reader = new DisclosureReader();
Console.WriteLine($"gongkai {mode} 基准：{files.Count} 个文件，预热 {warmup} 次，计时 {iterations} 次/文件");
Console.WriteLine($".NET {Environment.Version}，{RuntimeInfo()}，{Environment.ProcessorCount} 核");
Console.WriteLine();

var rows = new List<(string Name, long Bytes, double Median, double P90, double Min, int Tables)>();
var baseline = new Dictionary<string, double>();
foreach (var f in files)
{
    int tables = 0;
    for (int i = 0; i < warmup; i++) tables = Run(f).Tables;
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var times = new double[iterations];
    for (int i = 0; i < iterations; i++)
    {
        long t0 = Stopwatch.GetTimestamp();
        var r = Run(f);
        times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        GC.KeepAlive(r);
    }
    Array.Sort(times);
    if (comparePdftotext && f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) baseline[Path.GetFileName(f)] = Pdftotext(f, Math.Min(iterations, 10));
    rows.Add((Path.GetFileName(f), new FileInfo(f).Length, Percentile(times, 0.5), Percentile(times, 0.9), times[0], tables));
}

Console.WriteLine(Pad("文件", 30) + Left("KB", 8) + Left("表格", 6) + Left("中位数 ms", 11) + Left("p90 ms", 10) + Left("最小 ms", 10));
foreach (var r in rows)
    Console.WriteLine(Pad(r.Name, 30) + Left($"{r.Bytes / 1024.0:F1}", 8) + Left(r.Tables.ToString(), 6) + Left($"{r.Median:F2}", 11) + Left($"{r.P90:F2}", 10) + Left($"{r.Min:F2}", 10));
Console.WriteLine(Pad($"合计（{rows.Count} 个文件）", 30) + Left($"{rows.Sum(r => r.Bytes) / 1024.0:F1}", 8) + Left(rows.Sum(r => r.Tables).ToString(), 6)
    + Left($"{rows.Sum(r => r.Median):F2}", 11) + Left($"{rows.Sum(r => r.P90):F2}", 10) + Left($"{rows.Sum(r => r.Min):F2}", 10));
if (baseline.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine(Pad("文件", 50) + Left($"gongkai {mode} ms", 18) + Left("pdftotext ms", 14) + Left("比值", 8));
    foreach (var r in rows.Where(r => baseline.ContainsKey(r.Name)))
    {
        var b = baseline[r.Name];
        Console.WriteLine(Pad(r.Name, 50) + Left($"{r.Median:F1}", 18) + Left(b < 0 ? "—" : $"{b:F1}", 14) + Left(b <= 0 ? "—" : $"{r.Median / b:F2}×", 8));
    }
    var sumOurs = rows.Where(r => baseline.ContainsKey(r.Name) && baseline[r.Name] > 0).Sum(r => r.Median);
    var sumBase = baseline.Values.Where(v => v > 0).Sum();
    if (sumBase > 0) Console.WriteLine(Pad("合计", 50) + Left($"{sumOurs:F1}", 18) + Left($"{sumBase:F1}", 14) + Left($"{sumOurs / sumBase:F2}×", 8));
}
return 0;

// median wall time of `pdftotext -layout FILE -` as a separate process (what a user would run); -1 if missing
static double Pdftotext(string file, int n)
{
    var times = new List<double>();
    for (int i = 0; i < n + 2; i++)
    {
        var psi = new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        long t0 = Stopwatch.GetTimestamp();
        try
        {
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception) { return -1; }
        if (i >= 2) times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

(int Tables, object Result) Run(string file)
{
    var read = reader.Read(file);
    if (mode == "check")
    {
        var report = Gongkai.Audit.Auditor.Audit(read.Disclosure);
        return (read.Disclosure.Tables.Count, report);
    }
    return (read.Disclosure.Tables.Count, read);
}

static double Percentile(double[] sorted, double p)
{
    // nearest-rank on the sorted sample
    int rank = (int)Math.Ceiling(p * sorted.Length);
    return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
}

static string RuntimeInfo() =>
    $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()} {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}".ToString(CultureInfo.InvariantCulture);

static string? FindSeeds()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
    return null;
}

// column padding that counts CJK characters as two terminal columns
static int Width(string s) => s.Sum(c => c >= 0x2E80 ? 2 : 1);
static string Pad(string s, int w) => s + new string(' ', Math.Max(1, w - Width(s)));
static string Left(string s, int w) => new string(' ', Math.Max(1, w - Width(s))) + s;
