using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongkai.Store;

/// <summary>
/// The store's one model. Each provider has its own context type (<see cref="SqliteGongkaiDb"/>,
/// <see cref="PostgresGongkaiDb"/>) only so that each keeps its own migration set (Migrations/Sqlite,
/// Migrations/Postgres), as EF Core recommends for several providers.
/// </summary>
public abstract class GongkaiDb : DbContext
{
    protected GongkaiDb(DbContextOptions options) : base(options) { }

    public abstract StoreProvider Provider { get; }

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentAlias> DepartmentAliases => Set<DepartmentAlias>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Fact> Facts => Set<Fact>();
    public DbSet<AuditRun> AuditRuns => Set<AuditRun>();
    public DbSet<FindingRecord> Findings => Set<FindingRecord>();
    public DbSet<Dismissal> Dismissals => Set<Dismissal>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<DepartmentMerge> DepartmentMerges => Set<DepartmentMerge>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Department>(e =>
        {
            e.ToTable("departments");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.OfficeKind).HasMaxLength(200);
            e.HasIndex(x => x.OfficeKind);
            e.HasIndex(x => x.Type);
            e.HasMany(x => x.Aliases).WithOne().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DepartmentAlias>(e =>
        {
            e.ToTable("department_aliases");
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Name).IsUnique();
        });
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("files");
            e.HasKey(x => x.Sha256);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Format).HasMaxLength(16);
        });
        b.Entity<Document>(e =>
        {
            e.ToTable("documents");
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.Sha256).IsUnique();
            e.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.DepartmentId, x.Year, x.Kind });
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Kind).HasMaxLength(8);
            e.Property(x => x.Scope).HasMaxLength(8);
            e.Property(x => x.HintKind).HasMaxLength(8);
        });
        b.Entity<Fact>(e =>
        {
            e.ToTable("facts");
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DocumentId, x.TableKind, x.RowKey, x.Measure });
            e.Property(x => x.ValueWanYuan).HasPrecision(20, 6);
            e.Property(x => x.TableKind).HasMaxLength(60);
            e.Property(x => x.RowKey).HasMaxLength(300);
            e.Property(x => x.Measure).HasMaxLength(200);
        });
        b.Entity<AuditRun>(e =>
        {
            e.ToTable("audit_runs");
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.DocumentId);
        });
        b.Entity<FindingRecord>(e =>
        {
            e.ToTable("findings");
            e.HasOne<AuditRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DocumentId, x.RunId });
            e.HasIndex(x => x.Fingerprint);
            e.HasIndex(x => x.YearlessFingerprint);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.YearlessFingerprint).HasMaxLength(64);
            foreach (var p in new[] { nameof(FindingRecord.Expected), nameof(FindingRecord.Found), nameof(FindingRecord.Difference) })
                e.Property<decimal?>(p).HasPrecision(20, 6);
        });
        b.Entity<Dismissal>(e =>
        {
            e.ToTable("dismissals");
            e.HasIndex(x => x.Fingerprint);
            e.HasIndex(x => x.YearlessFingerprint);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.YearlessFingerprint).HasMaxLength(64);
        });
        b.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(16);
            e.Property(x => x.PasswordHash).HasMaxLength(200);
            e.Property(x => x.Departments).HasMaxLength(2000);
        });
        b.Entity<DepartmentMerge>(e =>
        {
            e.ToTable("department_merges");
            e.HasIndex(x => x.IntoId);
            e.Property(x => x.FromName).HasMaxLength(200);
            e.Property(x => x.By).HasMaxLength(100);
        });
        b.Entity<ApiToken>(e =>
        {
            e.Property(x => x.Departments).HasMaxLength(2000);
            e.ToTable("api_tokens");
            e.HasIndex(x => x.Hash).IsUnique();
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AuditLogEntry>(e =>
        {
            e.ToTable("audit_log");
            e.Property(x => x.Action).HasMaxLength(40);
        });
        b.Entity<Job>(e =>
        {
            e.ToTable("jobs");
            e.HasIndex(x => new { x.Status, x.NotBefore });
            e.HasIndex(x => x.DocumentId);
            e.Property(x => x.Type).HasMaxLength(40);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.LeaseOwner).HasMaxLength(200);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditLogChanges();
        SetOfficeKinds();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditLogChanges();
        SetOfficeKinds();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A department saved with a (new) name gets the kind of office read from it.</summary>
    private void SetOfficeKinds()
    {
        if (ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        foreach (var e in ChangeTracker.Entries<Department>())
            if (e.State is EntityState.Added or EntityState.Modified && e.Entity.OfficeKind != OfficeKinds.Of(e.Entity.Name))
                e.Entity.OfficeKind = OfficeKinds.Of(e.Entity.Name);
    }

    private void RefuseAuditLogChanges()
    {
        if (ChangeTracker.Entries<AuditLogEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("审计日志只能追加，不能修改或删除。");
    }
}

public sealed class SqliteGongkaiDb(DbContextOptions<SqliteGongkaiDb> options) : GongkaiDb(options)
{
    public override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresGongkaiDb(DbContextOptions<PostgresGongkaiDb> options) : GongkaiDb(options)
{
    public override StoreProvider Provider => StoreProvider.Postgres;
}

/// <summary>Design-time factory for `dotnet ef migrations add X --context SqliteGongkaiDb -o Migrations/Sqlite`.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteGongkaiDb>
{
    public SqliteGongkaiDb CreateDbContext(string[] args) =>
        (SqliteGongkaiDb)StoreConnection.Sqlite(Path.Combine(Path.GetTempPath(), "gongkai-design.db")).CreateDb();
}

/// <summary>Design-time factory for `dotnet ef migrations add X --context PostgresGongkaiDb -o Migrations/Postgres`.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresGongkaiDb>
{
    public PostgresGongkaiDb CreateDbContext(string[] args) =>
        (PostgresGongkaiDb)StoreConnection.Postgres("Host=localhost;Database=gongkai_design").CreateDb();
}
