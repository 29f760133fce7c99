using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Gongkai.Store;

/// <summary>
/// A phase timer for profiling the store's work (import, job processing), on only when the environment variable
/// <c>GONGKAI_TRACE</c> is set: each phase adds its wall-clock time and the CPU time of its own thread (on a loaded
/// machine the wall-clock time says little; the thread's CPU time is what the code costs). <see cref="Summary"/>
/// lists the phases. Off, a phase costs one branch.
/// </summary>
public static class StoreTrace
{
    public static bool Enabled { get; } = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GONGKAI_TRACE"));

    private static readonly ConcurrentDictionary<string, Totals> Phases = new();

    private sealed class Totals
    {
        public long Count, WallTicks, CpuNanos;
        public bool SeenFirst;
    }

    /// <summary>Times the phase until the returned value is disposed (use with <c>using</c>).</summary>
    public static Scope Phase(string name) => Enabled ? new Scope(name, Stopwatch.GetTimestamp(), ThreadCpuNanos()) : default;

    public readonly struct Scope(string? name, long startWall, long startCpu) : IDisposable
    {
        public void Dispose()
        {
            if (name is null) return;
            long wall = Stopwatch.GetTimestamp() - startWall, cpu = ThreadCpuNanos() - startCpu;
            // the first time a phase runs is kept apart: it carries the JIT and EF's query compilation
            var t = Phases.GetOrAdd(name, _ => new Totals());
            lock (t)
            {
                if (!t.SeenFirst)
                {
                    t.SeenFirst = true;
                    Phases[name + " (1st)"] = new Totals { Count = 1, WallTicks = wall, CpuNanos = cpu };
                    return;
                }
                t.Count++;
                t.WallTicks += wall;
                t.CpuNanos += cpu;
            }
        }
    }

    /// <summary>The phases so far (name, count, wall ms, thread CPU ms), the process's CPU time, JIT and GC figures.</summary>
    public static string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{"phase",-28} {"count",6} {"wall ms",10} {"cpu ms",10} {"cpu/each",9}");
        foreach (var (name, t) in Phases.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.AppendLine(FormattableString.Invariant(
                $"{name,-28} {t.Count,6} {t.WallTicks * 1000.0 / Stopwatch.Frequency,10:0.0} {t.CpuNanos / 1e6,10:0.0} {t.CpuNanos / 1e6 / Math.Max(1, t.Count),9:0.00}"));
        using var p = Process.GetCurrentProcess();
        sb.AppendLine(FormattableString.Invariant($"process CPU {p.TotalProcessorTime.TotalMilliseconds:0} ms (user {p.UserProcessorTime.TotalMilliseconds:0})"));
        sb.AppendLine("threads (CPU ms by name, live threads only): " + ThreadCpu());
        sb.AppendLine(FormattableString.Invariant(
            $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, allocated {GC.GetTotalAllocatedBytes() / 1048576} MB"));
        return sb.ToString();
    }

    /// <summary>The CPU time of the process's live threads by thread name (Linux: /proc/self/task), to tell the work of
    /// the command's own threads from the runtime's (JIT, GC, finalizer).</summary>
    private static string ThreadCpu()
    {
        if (!OperatingSystem.IsLinux()) return "";
        try
        {
            var byName = new Dictionary<string, double>();
            double tick = 1000.0 / 100; // USER_HZ
            foreach (var dir in Directory.GetDirectories("/proc/self/task"))
            {
                string stat;
                try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (IOException) { continue; }
                int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                double ms = (double.Parse(fields[11]) + double.Parse(fields[12])) * tick; // utime, stime
                byName[name] = byName.GetValueOrDefault(name) + ms;
            }
            return string.Join(", ", byName.Where(p => p.Value > 0).OrderByDescending(p => p.Value).Select(p => FormattableString.Invariant($"{p.Key} {p.Value:0}")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return ""; }
    }

    /// <summary>Records a point in the process's life (process CPU so far) as a phase of count 1.</summary>
    public static void Mark(string name)
    {
        if (!Enabled) return;
        using var p = Process.GetCurrentProcess();
        Phases["@" + name] = new Totals
        {
            Count = 1, SeenFirst = true,
            WallTicks = (long)((DateTime.Now - p.StartTime).TotalSeconds * Stopwatch.Frequency),
            CpuNanos = (long)(p.TotalProcessorTime.TotalMilliseconds * 1e6),
        };
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds, Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec ts);

    private static long ThreadCpuNanos()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            return ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts) == 0 ? ts.Seconds * 1_000_000_000 + ts.Nanoseconds : 0;
        }
        catch (DllNotFoundException) { return 0; }
        catch (EntryPointNotFoundException) { return 0; }
    }
}
