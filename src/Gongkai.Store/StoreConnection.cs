using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

public enum StoreProvider { Sqlite, Postgres }

/// <summary>Where the store lives: a SQLite file (default) or a PostgreSQL database given by a connection string.</summary>
public sealed class StoreConnection
{
    private StoreConnection(StoreProvider provider, string connectionString, string? file)
    {
        Provider = provider;
        ConnectionString = connectionString;
        File = file;
    }

    public StoreProvider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>The SQLite file, for SQLite stores.</summary>
    public string? File { get; }

    /// <summary>The default store: LocalApplicationData/gongkai/gongkai.db.</summary>
    public static string DefaultSqliteFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "gongkai", "gongkai.db");

    public static StoreConnection Sqlite(string file)
    {
        var full = Path.GetFullPath(file);
        // a busy timeout lets a second connection wait for the writer instead of failing at once
        return new StoreConnection(StoreProvider.Sqlite, $"Data Source={full};Default Timeout=60;Pooling=True", full);
    }

    public static StoreConnection Postgres(string connectionString) => new(StoreProvider.Postgres, connectionString, null);

    public string Describe() => Provider == StoreProvider.Sqlite
        ? $"SQLite {File}"
        : "PostgreSQL " + string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));

    // built once per connection: every call of the store opens a context, and building options each time costs
    private DbContextOptions<SqliteGongkaiDb>? _sqlite;
    private DbContextOptions<PostgresGongkaiDb>? _postgres;

    public GongkaiDb CreateDb() => Provider switch
    {
        StoreProvider.Sqlite => new SqliteGongkaiDb(_sqlite ??= new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite(ConnectionString).Options),
        _ => new PostgresGongkaiDb(_postgres ??= new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql(ConnectionString).Options),
    };
}
