using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
        StoreProvider.Sqlite => new SqliteGongkaiDb(_sqlite ??= Configure(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite(ConnectionString)).Options),
        _ => new PostgresGongkaiDb(_postgres ??= Configure(new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql(ConnectionString)).Options),
    };

    /// <summary>
    /// Applying migrations does not compare the model with the last migration's snapshot at run time (EF builds the
    /// design-time model and the snapshot's and diffs them on every <c>Migrate()</c>, most of what opening a new store
    /// costs a short command); that the migrations match the model is a test (<c>StoreContract</c>), on both providers.
    /// </summary>
    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> b) where T : DbContext =>
        b.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
