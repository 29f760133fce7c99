using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

/// <summary>
/// The departments a user (or one of its tokens) may see and act on: the listed departments and their
/// sub-departments. <see cref="All"/> is no limit. A document without a department (waiting for details, unreadable)
/// is seen by an unlimited user and by the user who uploaded it.
/// </summary>
public sealed class DepartmentScope
{
    public static readonly DepartmentScope All = new(null, null);

    private DepartmentScope(IReadOnlySet<long>? ids, IReadOnlyList<long>? listed)
    {
        Ids = ids;
        Listed = listed;
    }

    /// <summary>The departments allowed (sub-departments included); null: every department.</summary>
    public IReadOnlySet<long>? Ids { get; }

    /// <summary>The departments as set by an admin (without sub-departments); null: every department.</summary>
    public IReadOnlyList<long>? Listed { get; }

    public bool IsAll => Ids is null;

    public bool Allows(long? departmentId) => Ids is null || departmentId is long id && Ids.Contains(id);

    /// <summary>Whether the user may see a document: its department is in scope, or it has none and the user uploaded it.</summary>
    public bool Allows(Document d, string? user) =>
        Ids is null || (d.DepartmentId is long id ? Ids.Contains(id) : d.CreatedBy is not null && d.CreatedBy == user);

    /// <summary>The stored form: ids separated by commas; null for every department.</summary>
    public static string? Format(IEnumerable<long>? ids) => ids is null ? null : string.Join(",", ids.Distinct().Order());

    /// <summary>The ids of a stored scope; null for every department (a blank scope allows none).</summary>
    public static List<long>? Parse(string? stored) => stored is null
        ? null
        : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, out var id) ? id : -1).Where(id => id > 0).Distinct().ToList();

    /// <summary>The scope of a user limited by the token's own list (the intersection); with its sub-departments.</summary>
    public static DepartmentScope Of(GongkaiStore store, string? userDepartments, string? tokenDepartments = null)
    {
        var user = Parse(userDepartments);
        var token = Parse(tokenDepartments);
        var listed = user is null ? token : token is null ? user : user.Intersect(token).ToList();
        if (listed is null) return All;
        var ids = new HashSet<long>(listed);
        if (ids.Count > 0)
        {
            using var db = store.Db();
            var children = db.Departments.AsNoTracking().Where(d => d.ParentId != null).Select(d => new { d.Id, d.ParentId }).ToList()
                .ToLookup(d => d.ParentId!.Value, d => d.Id);
            var todo = new Queue<long>(ids);
            while (todo.Count > 0)
                foreach (var c in children[todo.Dequeue()])
                    if (ids.Add(c)) todo.Enqueue(c);
        }
        return new DepartmentScope(ids, listed);
    }
}

public static class DepartmentScopes
{
    /// <summary>
    /// Limits a user to some departments (null: every department); unknown ids are refused. Written to the audit log.
    /// Returns false when there is no such user.
    /// </summary>
    public static bool SetUserDepartments(this GongkaiStore store, string userName, IReadOnlyCollection<long>? departmentIds, string actor)
    {
        using var db = store.Db();
        using var tx = db.Database.BeginTransaction();
        var user = db.Users.FirstOrDefault(u => u.Name == userName.Trim());
        if (user is null) return false;
        CheckDepartments(db, departmentIds);
        var value = DepartmentScope.Format(departmentIds);
        if (user.Departments != value)
        {
            GongkaiStore.Log(db, actor, "user.departments", $"user:{user.Name}", $"{user.Departments ?? "全部"} → {value ?? "全部"}");
            user.Departments = value;
            db.SaveChanges();
        }
        tx.Commit();
        return true;
    }

    /// <summary>Refuses ids that are not departments of the store.</summary>
    public static void CheckDepartments(GongkaiDb db, IReadOnlyCollection<long>? departmentIds)
    {
        if (departmentIds is null || departmentIds.Count == 0) return;
        var ids = departmentIds.Distinct().ToList();
        var known = db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToList();
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"没有这些部门：{string.Join("、", unknown)}。");
    }

    /// <summary>Departments given by id or by a name (or alias) printed in the documents; unknown ones are refused.</summary>
    public static List<long> ResolveDepartments(this GongkaiStore store, IEnumerable<string> idsOrNames)
    {
        using var db = store.Db();
        var result = new List<long>();
        foreach (var raw in idsOrNames.Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            if (long.TryParse(raw, out var id) && db.Departments.Any(d => d.Id == id)) { result.Add(id); continue; }
            var name = LocationMeanings.Normalize(raw);
            var alias = db.DepartmentAliases.AsNoTracking().FirstOrDefault(a => a.Name == name)
                ?? throw new ArgumentException($"没有名为或编号为“{raw}”的部门。");
            result.Add(alias.DepartmentId);
        }
        return result.Distinct().ToList();
    }

    /// <summary>The department a name given with an upload would be filed under, or null for a name not yet known.</summary>
    public static long? DepartmentNamed(this GongkaiStore store, string name)
    {
        using var db = store.Db();
        var n = LocationMeanings.Normalize(name);
        return db.DepartmentAliases.AsNoTracking().Where(a => a.Name == n).Select(a => (long?)a.DepartmentId).FirstOrDefault();
    }

    /// <summary>In every user's and token's scope, replaces a merged-away department by the one it was merged into.</summary>
    internal static void ReplaceInScopes(GongkaiDb db, long fromId, long intoId)
    {
        static string? Replace(string? stored, long from, long into) =>
            DepartmentScope.Parse(stored) is { } ids && ids.Contains(from)
                ? DepartmentScope.Format(ids.Select(i => i == from ? into : i))
                : stored;
        foreach (var u in db.Users.Where(u => u.Departments != null).ToList()) u.Departments = Replace(u.Departments, fromId, intoId);
        foreach (var t in db.ApiTokens.Where(t => t.Departments != null).ToList()) t.Departments = Replace(t.Departments, fromId, intoId);
    }
}
