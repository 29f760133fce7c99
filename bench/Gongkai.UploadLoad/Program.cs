// Upload load: N concurrent uploaders (one user and token each) against a real `gongkai serve` on a fresh SQLite
// store for a given time; reports p50/p95/max of the upload request, errors, whether every job finished, and the
// server's resident memory sampled every 5 s.
//
//   dotnet bench/Gongkai.UploadLoad/bin/Release/net10.0/Gongkai.UploadLoad.dll [--users 20] [--seconds 300] [--think-ms 6000] [--files DIR]
//       [--pdfs DIR --pdf-share 0.25]   (a share of the uploads are the PDFs of DIR, e.g. ../shared/samples/pdf)
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

int users = Arg("--users", 20), seconds = Arg("--seconds", 300), think = Arg("--think-ms", 6000);
string filesDir = ArgS("--files") ?? FindShared("seeds");
var files = Directory.GetFiles(filesDir, "*.txt").Order().Select(File.ReadAllBytes).ToArray();
if (files.Length == 0) { Console.Error.WriteLine($"no .txt files in {filesDir}"); return 2; }
var pdfs = ArgS("--pdfs") is string pdfDir ? Directory.GetFiles(pdfDir, "*.pdf").Order().Select(File.ReadAllBytes).ToArray() : [];
double pdfShare = pdfs.Length == 0 ? 0 : ArgS("--pdf-share") is string share ? double.Parse(share, System.Globalization.CultureInfo.InvariantCulture) : 0.25;
int pdfUploads = 0;
var dir = Path.Combine(Path.GetTempPath(), "gongkai-load-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dir);
var store = Path.Combine(dir, "store.db");
var gongkai = Path.Combine(AppContext.BaseDirectory, "gongkai.dll");

var tokens = new string[users];
for (int i = 0; i < users; i++)
{
    var (code, output) = Run("token", "create", "--user", $"load{i:00}", "--role", "reviewer", "--store", store);
    if (code != 0) { Console.Error.WriteLine(output); return 2; }
    tokens[i] = output.Trim().Split('\n').Last().Trim();
}
int port = FreePort();
var url = $"http://127.0.0.1:{port}";
var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
foreach (var a in new[] { gongkai, "serve", "--store", store, "--urls", url }) psi.ArgumentList.Add(a);
using var serve = Process.Start(psi)!;
serve.BeginOutputReadLine();
serve.BeginErrorReadLine();
using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
for (int i = 0; ; i++)
{
    try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
    if (i > 300) { Console.Error.WriteLine("serve did not start"); return 2; }
    await Task.Delay(200);
}

var latencies = new List<double>();
var errors = new List<string>();
var jobs = new List<long>();
var memory = new List<(double T, long Kb)>();
var clock = Stopwatch.StartNew();
var end = TimeSpan.FromSeconds(seconds);
int counter = 0;
var sampler = Task.Run(async () =>
{
    while (clock.Elapsed < end)
    {
        lock (memory) memory.Add((clock.Elapsed.TotalSeconds, Rss(serve.Id)));
        await Task.Delay(5000);
    }
});
var workers = Enumerable.Range(0, users).Select(u => Task.Run(async () =>
{
    var rnd = new Random(u);
    while (clock.Elapsed < end)
    {
        // each upload is a new document: a seed with a line of its own appended (distinct SHA-256)
        int n = Interlocked.Increment(ref counter);
        // a PDF gets a comment line after its %%EOF (readers ignore it; the bytes differ)
        bool pdf = rnd.NextDouble() < pdfShare;
        if (pdf) Interlocked.Increment(ref pdfUploads);
        var body = pdf
            ? pdfs[rnd.Next(pdfs.Length)].Concat(Encoding.ASCII.GetBytes($"\n% load {n}\n")).ToArray()
            : files[rnd.Next(files.Length)].Concat(Encoding.UTF8.GetBytes($"\n负载测试上传第 {n} 份。\n")).ToArray();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(pdf ? "application/pdf" : "text/plain");
        form.Add(content, "file", pdf ? $"load-{n}.pdf" : $"load-{n}.txt");
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = form };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[u]);
        var t = Stopwatch.StartNew();
        try
        {
            using var resp = await http.SendAsync(req);
            var ms = t.Elapsed.TotalMilliseconds;
            var text = await resp.Content.ReadAsStringAsync();
            lock (latencies) latencies.Add(ms);
            if (resp.StatusCode != HttpStatusCode.Accepted) lock (errors) errors.Add($"{(int)resp.StatusCode} {text}");
            else lock (jobs) jobs.Add(JsonDocument.Parse(text).RootElement.GetProperty("jobId").GetInt64());
        }
        catch (Exception e) { lock (errors) errors.Add(e.GetType().Name + ": " + e.Message); }
        await Task.Delay(rnd.Next(think / 2, think * 3 / 2 + 1)); // a person picks the next file (--think-ms on average)
    }
})).ToArray();
await Task.WhenAll(workers);
await sampler;

// every job must finish (the worker keeps going after the uploads stop)
var drain = Stopwatch.StartNew();
int done = 0, failed = 0;
int poll = 0;
foreach (var id in jobs)
{
    while (true)
    {
        // polls spread over the uploaders' tokens (the request limit is per user); a 429 waits and retries
        using var req = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}");
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[poll++ % users]);
        using var resp = await http.SendAsync(req);
        if (resp.StatusCode == HttpStatusCode.TooManyRequests) { await Task.Delay(1000); continue; }
        var j = JsonDocument.Parse(await resp.Content.ReadAsStringAsync()).RootElement;
        var s = j.GetProperty("status").GetString();
        if (s == "done") { done++; break; }
        if (s == "failed") { failed++; break; }
        if (drain.Elapsed > TimeSpan.FromMinutes(30)) break;
        await Task.Delay(500);
    }
}
long rssAfter = Rss(serve.Id);
serve.Kill(entireProcessTree: true);
serve.WaitForExit(10_000);
try { Directory.Delete(dir, true); } catch (IOException) { }

latencies.Sort();
double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
Console.WriteLine($"uploaders {users} (think {think} ms), {seconds} s, {latencies.Count} uploads ({latencies.Count / (double)seconds:0.0}/s; {pdfUploads} PDFs), errors {errors.Count}");
Console.WriteLine($"upload request ms: p50 {P(0.50):0} p95 {P(0.95):0} max {P(1):0}");
Console.WriteLine($"jobs {jobs.Count}: done {done}, failed {failed}, unfinished {jobs.Count - done - failed}; queue drained {drain.Elapsed.TotalSeconds:0} s after the uploads stopped");
Console.WriteLine("server RSS MB by time: " + string.Join(", ", memory.Where((_, i) => i % 6 == 0).Select(m => $"{m.T:0}s {m.Kb / 1024.0:0}")) +
                  $"; max {memory.Max(m => m.Kb) / 1024.0:0}; after the queue drained {rssAfter / 1024.0:0}");
foreach (var e in errors.GroupBy(e => e.Length > 120 ? e[..120] : e).Take(5)) Console.WriteLine($"  error ×{e.Count()}: {e.Key}");
return errors.Count == 0 && done == jobs.Count ? 0 : 1;

(int, string) Run(params string[] args)
{
    var p = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    p.ArgumentList.Add(gongkai);
    foreach (var a in args) p.ArgumentList.Add(a);
    using var proc = Process.Start(p)!;
    var o = proc.StandardOutput.ReadToEnd();
    proc.StandardError.ReadToEnd();
    proc.WaitForExit();
    return (proc.ExitCode, o);
}

static long Rss(int pid)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:"));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }
    catch (IOException) { return 0; }
}

static int FreePort()
{
    var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    int p = ((IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    return p;
}

int Arg(string name, int dflt) => ArgS(name) is string s ? int.Parse(s) : dflt;
string? ArgS(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindShared(string sub)
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        var c = Path.Combine(d.FullName, "..", "shared", sub);
        if (Directory.Exists(c)) return Path.GetFullPath(c);
    }
    throw new DirectoryNotFoundException("../shared/" + sub);
}
