using System.Diagnostics;
using Gongkai.Compile;
using Gongkai.Compile.Render;

namespace Gongkai.Bench;

/// <summary>
/// Compile timer: for each data file, times building the package (validation, tables, narrative, audit) and
/// rendering each format, after warm-up; prints median / p90 / min in milliseconds.
///   dotnet run -c Release --project bench/Gongkai.Bench -- compile [--iterations N] [--warmup N] [DATA.json ...]
/// </summary>
public static class CompileBench
{
    public static int Run(List<string> argv)
    {
        int iterations = 30, warmup = 5;
        var files = new List<string>();
        for (int i = 0; i < argv.Count; i++)
        {
            if (argv[i] is "--iterations" or "-n" && i + 1 < argv.Count) iterations = int.Parse(argv[++i]);
            else if (argv[i] == "--warmup" && i + 1 < argv.Count) warmup = int.Parse(argv[++i]);
            else files.Add(argv[i]);
        }
        if (files.Count == 0)
        {
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            {
                var data = Path.Combine(dir.FullName, "tests", "Gongkai.Tests", "Compile", "Data");
                if (Directory.Exists(data)) { files.AddRange(Directory.GetFiles(data, "*.json").Order(StringComparer.Ordinal)); break; }
            }
        }
        if (files.Count == 0) { Console.Error.WriteLine("找不到数据文件。请在仓库目录中运行，或给出 JSON 数据文件。"); return 2; }
        Console.WriteLine($"gongkai compile 基准：{files.Count} 个数据文件，预热 {warmup} 次，计时 {iterations} 次");
        Console.WriteLine($".NET {Environment.Version}，{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}，{Environment.ProcessorCount} 核");
        if (CjkFont.Available) Console.WriteLine("PDF 字体：已找到可嵌入的中文 TrueType 字体");
        Console.WriteLine();
        Console.WriteLine($"{"数据文件",-28}{"步骤",-10}{"中位数 ms",12}{"p90 ms",10}{"最小 ms",10}{"输出 KB",10}");
        foreach (var f in files)
        {
            var data = DataFiles.Load(f);
            var steps = new List<(string Name, Func<object> Run)>
            {
                ("build", () => PackageBuilder.Build(data)),
                ("audit", () => Gongkai.Audit.Auditor.Audit(PackageBuilder.Build(data).Model)),
            };
            var package = PackageBuilder.Build(data);
            foreach (var r in PackageRenderers.All.Where(r => r.Format != "pdf" || CjkFont.Available))
                steps.Add((r.Format, () => r.RenderToBytes(package)));
            foreach (var (name, run) in steps)
            {
                object last = null!;
                for (int i = 0; i < warmup; i++) last = run();
                GC.Collect();
                var times = new double[iterations];
                for (int i = 0; i < iterations; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    last = run();
                    times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }
                Array.Sort(times);
                var kb = last is byte[] b ? $"{b.Length / 1024.0:F1}" : "";
                Console.WriteLine($"{Path.GetFileNameWithoutExtension(f),-28}{name,-10}{P(times, 0.5),12:F2}{P(times, 0.9),10:F2}{times[0],10:F2}{kb,10}");
            }
        }
        return 0;
    }

    private static double P(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
