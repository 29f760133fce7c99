using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

public sealed record DocumentSummary(Document Document, string? DepartmentName, AuditRun? LatestRun, long? LatestJobId);

public sealed record SeriesFigure(string Table, string Row, string Label, string Measure, decimal Value);

public sealed record SeriesPoint(int Year, string Kind, long DocumentId, int Version, IReadOnlyList<SeriesFigure> Figures);

/// <summary>Read-side queries of the store (documents, jobs, departments, series).</summary>
public static class StoreQueries
{
    /// <summary>
    /// Documents by department, year and kind; with a <paramref name="scope"/>, only those of its departments and those
    /// without a department that <paramref name="user"/> uploaded.
    /// </summary>
    public static List<DocumentSummary> Documents(this GongkaiStore store, long? departmentId = null, int? year = null, string? kind = null, int limit = 500,
        DepartmentScope? scope = null, string? user = null)
    {
        using var db = store.Db();
        var q = db.Documents.AsNoTracking().AsQueryable();
        if (scope?.Ids is { } allowed)
        {
            var ids = allowed.ToList();
            q = q.Where(d => d.DepartmentId != null ? ids.Contains(d.DepartmentId.Value) : user != null && d.CreatedBy == user);
        }
        if (departmentId is long dep) q = q.Where(d => d.DepartmentId == dep);
        if (year is int y) q = q.Where(d => d.Year == y);
        if (GongkaiStore.NormalizeKind(kind) is string k) q = q.Where(d => d.Kind == k);
        var docs = q.OrderBy(d => d.Id).Take(limit).ToList();
        return Summaries(db, docs);
    }

    public static DocumentSummary? Document(this GongkaiStore store, long id)
    {
        using var db = store.Db();
        var doc = db.Documents.AsNoTracking().FirstOrDefault(d => d.Id == id);
        return doc is null ? null : Summaries(db, [doc])[0];
    }

    private static List<DocumentSummary> Summaries(GongkaiDb db, List<Document> docs)
    {
        var ids = docs.Select(d => d.Id).ToList();
        var depIds = docs.Where(d => d.DepartmentId != null).Select(d => d.DepartmentId!.Value).Distinct().ToList();
        var names = db.Departments.AsNoTracking().Where(d => depIds.Contains(d.Id)).ToDictionary(d => d.Id, d => d.Name);
        var runs = db.AuditRuns.AsNoTracking().Where(r => ids.Contains(r.DocumentId)).ToList()
            .GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First());
        var jobs = db.Jobs.AsNoTracking().Where(j => j.DocumentId != null && ids.Contains(j.DocumentId.Value))
            .Select(j => new { j.Id, j.DocumentId }).ToList()
            .GroupBy(j => j.DocumentId!.Value).ToDictionary(g => g.Key, g => g.Max(j => j.Id));
        return docs.Select(d => new DocumentSummary(d,
            d.DepartmentId is long dep ? names.GetValueOrDefault(dep) : null,
            runs.GetValueOrDefault(d.Id),
            jobs.TryGetValue(d.Id, out var j) ? j : null)).ToList();
    }

    public static Job? Job(this GongkaiStore store, long id)
    {
        using var db = store.Db();
        return db.Jobs.AsNoTracking().FirstOrDefault(j => j.Id == id);
    }

    public static List<Department> Departments(this GongkaiStore store, DepartmentScope? scope = null)
    {
        using var db = store.Db();
        var q = db.Departments.AsNoTracking().Include(d => d.Aliases).AsQueryable();
        if (scope?.Ids is { } allowed)
        {
            var ids = allowed.ToList();
            q = q.Where(d => ids.Contains(d.Id));
        }
        return q.OrderBy(d => d.Id).ToList();
    }

    public static Department? Department(this GongkaiStore store, long id)
    {
        using var db = store.Db();
        return db.Departments.AsNoTracking().Include(d => d.Aliases).FirstOrDefault(d => d.Id == id);
    }

    /// <summary>Tables whose fixed lines make a department's series (收支总表 and 财政拨款收支总表 of 预算 and 决算).</summary>
    public static readonly string[] SeriesTables = ["BudgetSummary", "BudgetFiscalSummary", "FinalSummary", "FinalFiscalSummary"];

    /// <summary>
    /// The department's series: for each year and kind, the latest version's summary-table lines (本年收入合计,
    /// 本年支出合计, 财政拨款 lines …) in 万元, as the documents print them.
    /// </summary>
    public static List<SeriesPoint> Series(this GongkaiStore store, long departmentId)
    {
        using var db = store.Db();
        var docs = db.Documents.AsNoTracking()
            .Where(d => d.DepartmentId == departmentId && d.Status == DocumentStatus.Ready && d.Year != null && d.Kind != null)
            .ToList()
            .GroupBy(d => (d.Year!.Value, d.Kind!, d.Scope))
            .Select(g => g.OrderByDescending(d => d.Version).First())
            .OrderBy(d => d.Year).ThenBy(d => d.Kind).ToList();
        var ids = docs.Select(d => d.Id).ToList();
        var facts = db.Facts.AsNoTracking()
            .Where(f => ids.Contains(f.DocumentId) && SeriesTables.Contains(f.TableKind) && f.RowKey.StartsWith("L:"))
            .OrderBy(f => f.Id).ToList()
            .GroupBy(f => f.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        return docs.Select(d => new SeriesPoint(d.Year!.Value, d.Kind!, d.Id, d.Version,
            facts.GetValueOrDefault(d.Id, []).Select(f => new SeriesFigure(f.TableKind, f.RowKey, f.Label, f.Measure, f.ValueWanYuan)).ToList())).ToList();
    }
}

/// <summary>Admin-side changes of the store (each one written to the audit log).</summary>
public static class StoreAdmin
{
    public static readonly string[] Levels = ["省", "市", "区县"];
    public static readonly string[] Types = ["行政", "参公", "事业"];

    /// <summary>
    /// Sets what is known of a department (region, level 省/市/区县, type 行政/参公/事业, parent); null leaves a field
    /// unchanged, "" clears it. Returns null when there is no such department.
    /// </summary>
    public static Department? UpdateDepartment(this GongkaiStore store, long id, string? region, string? level, string? type, long? parentId, string actor)
    {
        if (level is { Length: > 0 } && !Levels.Contains(level)) throw new ArgumentException($"级次只能是 {string.Join("、", Levels)}：{level}。");
        if (type is { Length: > 0 } && !Types.Contains(type)) throw new ArgumentException($"类型只能是 {string.Join("、", Types)}：{type}。");
        using var db = store.Db();
        using var tx = db.Database.BeginTransaction();
        var d = db.Departments.Include(x => x.Aliases).FirstOrDefault(x => x.Id == id);
        if (d is null) return null;
        if (parentId is long p)
        {
            if (p == id || !db.Departments.Any(x => x.Id == p)) throw new ArgumentException($"上级部门 {p} 不存在或就是本部门。");
            d.ParentId = p;
        }
        if (region is not null) d.Region = region.Length == 0 ? null : region.Trim();
        if (level is not null) d.Level = level.Length == 0 ? null : level;
        if (type is not null) d.Type = type.Length == 0 ? null : type;
        GongkaiStore.Log(db, actor, "department.update", $"department:{id}",
            $"region={d.Region} level={d.Level} type={d.Type} parent={d.ParentId}");
        db.SaveChanges();
        tx.Commit();
        return d;
    }

    /// <summary>
    /// Merges department <paramref name="fromId"/> into <paramref name="intoId"/> (two records of one body, e.g. filed
    /// under two names before the alias was known): its names become aliases of the other, its documents and
    /// sub-departments move, attributes the other lacks are kept, the merged record is deleted; written to the audit
    /// log. Returns the department merged into, or null when either does not exist.
    /// </summary>
    public static Department? MergeDepartments(this GongkaiStore store, long intoId, long fromId, string actor)
    {
        if (intoId == fromId) throw new ArgumentException("不能把部门合并到它自己。");
        using var db = store.Db();
        using var tx = db.Database.BeginTransaction();
        var into = db.Departments.Include(x => x.Aliases).FirstOrDefault(x => x.Id == intoId);
        var from = db.Departments.Include(x => x.Aliases).FirstOrDefault(x => x.Id == fromId);
        if (into is null || from is null) return null;
        foreach (var a in from.Aliases) a.DepartmentId = into.Id;
        var moved = db.Documents.Where(d => d.DepartmentId == fromId && d.Status == DocumentStatus.Ready).Select(d => d.Id).ToList();
        db.Documents.Where(d => d.DepartmentId == fromId).ExecuteUpdate(u => u.SetProperty(d => d.DepartmentId, intoId));
        db.Departments.Where(d => d.ParentId == fromId).ExecuteUpdate(u => u.SetProperty(d => d.ParentId, intoId));
        if (into.ParentId == fromId) into.ParentId = from.ParentId == intoId ? null : from.ParentId;
        into.Region ??= from.Region;
        into.Level ??= from.Level;
        into.Type ??= from.Type;
        into.ParentId ??= from.ParentId == intoId ? null : from.ParentId;
        db.SaveChanges();
        db.Departments.Remove(from);
        // the merged-away id stays known: its findings' fingerprints (and their dismissals) are carried over when the
        // moved documents are processed again, which is queued here; scopes naming it now name the remaining record
        db.DepartmentMerges.Add(new DepartmentMerge { FromId = fromId, IntoId = intoId, FromName = from.Name, At = DateTime.UtcNow, By = actor });
        DepartmentScopes.ReplaceInScopes(db, fromId, intoId);
        foreach (var id in moved) JobQueue.Enqueue(db, GongkaiStore.ProcessJob, id);
        GongkaiStore.Log(db, actor, "department.merge", $"department:{intoId}", $"merged department:{fromId} ({from.Name}); {moved.Count} documents queued");
        db.SaveChanges();
        tx.Commit();
        return store.Department(intoId);
    }

    public static List<AuditLogEntry> AuditLog(this GongkaiStore store, int limit = 200)
    {
        using var db = store.Db();
        return db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 1000)).ToList();
    }
}
