using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gongkai.Store.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: initdb in a temp folder, pg_ctl start on a free port with the
/// socket in that folder, dropped at the end. Run as the postgres user when the tests run as root (postgres
/// refuses root). No PostgreSQL found is a failure, never a skip: CI installs Debian's postgresql.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string _dir;
    private readonly string _bin;
    private readonly string? _runAs;
    private int _databases;

    public PostgresCluster()
    {
        _bin = FindBin() ?? throw new InvalidOperationException(
            "找不到 PostgreSQL（initdb、pg_ctl）。请安装 Debian 的 postgresql 包，或用 GONGKAI_PG_BIN 指明其 bin 目录。");
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        _dir = Path.Combine(Path.GetTempPath(), "gongkai-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dir);
        var data = Path.Combine(_dir, "data");
        if (_runAs is not null) Run("chown", $"{_runAs} {_dir}", asRoot: true);
        Run(Path.Combine(_bin, "initdb"), $"-D {data} -A trust -U gongkai -E UTF8 --locale=C.UTF-8 --no-sync");
        Port = FreePort();
        Run(Path.Combine(_bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(_dir, "log")} -w -t 60 -o \"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100\" start");
    }

    public int Port { get; }

    /// <summary>A new empty database and its connection string.</summary>
    public string NewDatabase()
    {
        var name = "gk" + Interlocked.Increment(ref _databases);
        using (var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=gongkai;Database=postgres"))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }
        return $"Host=127.0.0.1;Port={Port};Username=gongkai;Database={name};Pooling=true";
    }

    public void Dispose()
    {
        try { Run(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_dir, "data")} -m immediate -w stop"); }
        catch (InvalidOperationException) { }
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string? FindBin()
    {
        var env = Environment.GetEnvironmentVariable("GONGKAI_PG_BIN");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "initdb"))) return env;
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private void Run(string file, string args, bool asRoot = false)
    {
        var psi = _runAs is not null && !asRoot
            ? new ProcessStartInfo("runuser", $"-u {_runAs} -- {file} {args}")
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {args} 失败（{p.ExitCode}）：{stderr}{stdout.Result}");
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>;
