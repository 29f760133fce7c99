using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

/// <summary>How many of a document's latest-run findings are dismissed, per severity (error / warning / info).</summary>
public sealed record DismissedCount(int Errors, int Warnings, int Infos)
{
    public static readonly DismissedCount None = new(0, 0, 0);
    public int Total => Errors + Warnings + Infos;
}

public static class DismissedCounts
{
    /// <summary>
    /// For each summary, the findings of its latest audit run that carry an active (not undone) dismissal; documents
    /// without a run or without dismissals get <see cref="DismissedCount.None"/>.
    /// </summary>
    public static Dictionary<long, DismissedCount> DismissedOf(this GongkaiStore store, IReadOnlyCollection<DocumentSummary> summaries)
    {
        var runIds = summaries.Where(s => s.LatestRun is not null).Select(s => s.LatestRun!.Id).ToList();
        var result = summaries.ToDictionary(s => s.Document.Id, _ => DismissedCount.None);
        if (runIds.Count == 0) return result;
        using var db = store.Db();
        var rows = db.Findings.AsNoTracking()
            .Where(f => runIds.Contains(f.RunId) && db.Dismissals.Any(x => x.UndoneAt == null && x.Fingerprint == f.Fingerprint))
            .GroupBy(f => new { f.DocumentId, f.Severity })
            .Select(g => new { g.Key.DocumentId, g.Key.Severity, N = g.Count() })
            .ToList();
        foreach (var g in rows.GroupBy(r => r.DocumentId))
        {
            int Of(string severity) => g.Where(r => r.Severity == severity).Sum(r => r.N);
            result[g.Key] = new DismissedCount(Of("error"), Of("warning"), Of("info"));
        }
        return result;
    }
}
