using System.Data.Common;
using System.Diagnostics;
using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Store;

/// <summary>The claim of a job by a worker could not be confirmed: its lease expired and another worker took it.</summary>
public sealed class LeaseLostException(long jobId) : Exception($"任务 {jobId} 的租约已过期，已由其他进程接手。");

/// <summary>
/// The persisted job queue. A worker claims the oldest runnable job (queued and due, or running with an expired
/// lease) in one statement, under a lease; it completes the job in the same transaction as the job's results, and
/// only while it still holds the lease, so a job is done once even when a killed worker's lease is taken over.
/// On PostgreSQL the claim uses FOR UPDATE SKIP LOCKED, so several processes share one queue; on SQLite one
/// process works the queue (the claim is still a single atomic statement).
/// </summary>
public static class JobQueue
{
    /// <summary>A lease owner id: host/pid/random, so a later process on the same host can tell a dead owner.</summary>
    public static string NewOwner() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static Job Enqueue(GongkaiDb db, string type, long? documentId, int maxAttempts = 3)
    {
        var now = DateTime.UtcNow;
        var job = new Job { Type = type, DocumentId = documentId, MaxAttempts = maxAttempts, CreatedAt = now, UpdatedAt = now };
        db.Jobs.Add(job);
        return job;
    }

    /// <summary>Claims one runnable job for <paramref name="owner"/> or returns null when none is due.</summary>
    public static long? Claim(GongkaiDb db, string owner, TimeSpan lease)
    {
        var now = NowMs;
        // dead-letter: a job whose lease expired after its last allowed attempt is failed, not run again
        Execute(db, """
            UPDATE jobs SET "Status" = 'failed', "LeaseOwner" = NULL, "LeaseUntil" = 0, "UpdatedAt" = @at,
                "LastError" = COALESCE("LastError", '') || '（租约多次过期，任务未完成，已停止重试）'
            WHERE "Status" = 'running' AND "LeaseUntil" < @now AND "Attempts" >= "MaxAttempts"
            """, ("now", now), ("at", DateTime.UtcNow));
        var skipLocked = db.Provider == StoreProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        var id = Scalar(db, $"""
            UPDATE jobs SET "Status" = 'running', "LeaseOwner" = @owner, "LeaseUntil" = @until,
                "Attempts" = "Attempts" + 1, "UpdatedAt" = @at
            WHERE "Id" = (
                SELECT "Id" FROM jobs
                WHERE ("Status" = 'queued' AND "NotBefore" <= @now)
                   OR ("Status" = 'running' AND "LeaseUntil" < @now AND "Attempts" < "MaxAttempts")
                ORDER BY "Id" LIMIT 1 {skipLocked})
            RETURNING "Id"
            """, ("owner", owner), ("until", now + (long)lease.TotalMilliseconds), ("now", now), ("at", DateTime.UtcNow));
        return id;
    }

    /// <summary>Marks the job done; throws <see cref="LeaseLostException"/> when the lease is no longer ours.</summary>
    public static void Complete(GongkaiDb db, long jobId, string owner)
    {
        var n = Execute(db, """
            UPDATE jobs SET "Status" = 'done', "LeaseUntil" = 0, "UpdatedAt" = @at, "FinishedAt" = @at
            WHERE "Id" = @id AND "LeaseOwner" = @owner AND "Status" = 'running'
            """, ("id", jobId), ("owner", owner), ("at", DateTime.UtcNow));
        if (n != 1) throw new LeaseLostException(jobId);
    }

    /// <summary>Records a failed attempt: queued again after a back-off, or failed (dead letter) after the last attempt.</summary>
    public static void Fail(GongkaiDb db, long jobId, string owner, string error, TimeSpan? backoff = null)
    {
        var retryAt = NowMs + (long)(backoff ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
        Execute(db, """
            UPDATE jobs SET "Status" = CASE WHEN "Attempts" >= "MaxAttempts" THEN 'failed' ELSE 'queued' END,
                "LastError" = @err, "NotBefore" = @retry, "LeaseUntil" = 0, "LeaseOwner" = NULL, "UpdatedAt" = @at,
                "FinishedAt" = CASE WHEN "Attempts" >= "MaxAttempts" THEN @at ELSE NULL END
            WHERE "Id" = @id AND "LeaseOwner" = @owner AND "Status" = 'running'
            """, ("err", error.Length > 2000 ? error[..2000] : error), ("retry", retryAt), ("at", DateTime.UtcNow),
            ("id", jobId), ("owner", owner));
    }

    /// <summary>
    /// Expires at once the leases held by processes of this host that no longer run (killed with kill -9), so a
    /// restarted import does not wait for their leases to run out.
    /// </summary>
    public static int ReleaseDeadOwners(GongkaiDb db)
    {
        var prefix = Environment.MachineName + "/";
        var running = db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Running && j.LeaseOwner != null)
            .Select(j => new { j.Id, j.LeaseOwner }).ToList();
        int released = 0;
        foreach (var j in running)
        {
            if (!j.LeaseOwner!.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var parts = j.LeaseOwner.Split('/');
            if (parts.Length < 3 || !int.TryParse(parts[1], out var pid) || IsAlive(pid)) continue;
            released += Execute(db, """UPDATE jobs SET "LeaseUntil" = 0 WHERE "Id" = @id AND "LeaseOwner" = @owner AND "Status" = 'running'""",
                ("id", j.Id), ("owner", j.LeaseOwner));
        }
        return released;
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    internal static int Execute(GongkaiDb db, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(db, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static long? Scalar(GongkaiDb db, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(db, sql, args);
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? null : Convert.ToInt64(v);
    }

    private static DbCommand Command(GongkaiDb db, string sql, (string Name, object Value)[] args)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) db.Database.OpenConnection();
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
