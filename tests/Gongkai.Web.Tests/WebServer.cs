using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// The real `gongkai serve` on a free port over a fresh SQLite file, two users with passwords (set with
/// `gongkai user add … --password-stdin`), and Debian's chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string ReviewerName = "审核员甲";
    public const string ReviewerPassword = "reviewer-pass-1";
    public const string ViewerName = "viewer1";
    public const string ViewerPassword = "viewer-pass-1";
    public const string AdminName = "admin";
    public string AdminPassword { get; private set; } = "";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gongkai-web-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _serve;
    private readonly System.Text.StringBuilder _log = new();

    public string BaseUrl { get; private set; } = "";
    public string Store => Path.Combine(_dir, "store.db");
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("Gongkai.slnx not found above the test folder");
        }
    }

    public static string ScreenshotDir
    {
        get
        {
            var d = Path.Combine(RepoRoot, "docs", "screenshots");
            Directory.CreateDirectory(d);
            return d;
        }
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Assert.Equal(0, Cli(ReviewerPassword, "user", "add", ReviewerName, "--role", "reviewer", "--password-stdin", "--store", Store));
        Assert.Equal(0, Cli(ViewerPassword, "user", "add", ViewerName, "--role", "viewer", "--password-stdin", "--store", Store));
        // without --password-stdin a password is generated and printed as the last line
        Assert.Equal(0, Cli(null, out var stdout, "user", "add", AdminName, "--role", "admin", "--store", Store));
        AdminPassword = stdout.Trim().Split('\n').Last().Trim();
        Assert.Equal(16, AdminPassword.Length);
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var psi = Start("serve", "--store", Store, "--urls", BaseUrl);
        _serve = Process.Start(psi)!;
        _serve.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _serve.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _serve.BeginOutputReadLine();
        _serve.BeginErrorReadLine();
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            if (_serve.HasExited || DateTime.UtcNow > until) throw new InvalidOperationException("gongkai serve did not start:\n" + Log);
            await Task.Delay(300);
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        // nothing outside this server may be fetched
        await context.RouteAsync(url => !url.StartsWith(BaseUrl), route => route.AbortAsync());
        return page;
    }

    public async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/");
        await page.Locator("#login-name").FillAsync(name);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("form.login button[type=submit]").ClickAsync();
        await page.Locator("#who .user").WaitForAsync();
    }

    public int Cli(string? stdin, params string[] args) => Cli(stdin, out _, args);

    public int Cli(string? stdin, out string stdout, params string[] args)
    {
        var psi = Start(args);
        psi.RedirectStandardInput = true;
        using var p = Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.WriteLine(stdin);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit(120_000);
        lock (_log) _log.AppendLine(output.Result).AppendLine(error.Result);
        stdout = output.Result;
        return p.ExitCode;
    }

    private static ProcessStartInfo Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gongkai.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (_serve is { HasExited: false })
        {
            _serve.Kill(entireProcessTree: true);
            _serve.WaitForExit(10_000);
        }
        _serve?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
