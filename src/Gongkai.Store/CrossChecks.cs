using System.Text.Json;
using Gongkai.Audit;
using Gongkai.Audit.Rules.CrossDocument;
using Gongkai.Model;
using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

/// <summary>
/// Runs the cross-document rules (GK8xx) in the store. When a document of a department becomes ready, the rules are
/// run again for every document of that department within a year of it (the new document and the ones it relates
/// to: last year's, next year's, the same year's other kind), from the fact table; their findings replace the
/// earlier cross-document findings of each document's latest audit run, fingerprinted like the others.
/// </summary>
public static class CrossChecks
{
    public static IReadOnlyList<CrossDocumentRule> Rules { get; } = RuleRegistry.Default.Rules.OfType<CrossDocumentRule>().ToList();

    private static readonly string[] RuleIds = Rules.Select(r => r.Id).ToArray();

    private static readonly LocationMeanings NoModel = new(new Disclosure());

    /// <summary>
    /// The documents the rules compare among a department's ready documents: per year and kind the 部门 scope before
    /// others, then the latest version.
    /// </summary>
    public static List<Document> Compared(IEnumerable<Document> ready) => ready
        .Where(d => d.Status == DocumentStatus.Ready && d.Year != null && d.Kind != null)
        .GroupBy(d => (d.Year, d.Kind))
        .Select(g => g.OrderBy(d => d.Scope == "部门" ? 0 : 1).ThenByDescending(d => d.Version).ThenByDescending(d => d.Id).First())
        .ToList();

    /// <summary>Re-runs the rules for the department's documents of years <paramref name="year"/> − 1 … + 1.</summary>
    public static void Run(GongkaiDb db, long departmentId, int year)
    {
        var docs = db.Documents.AsNoTracking()
            .Where(d => d.DepartmentId == departmentId && d.Status == DocumentStatus.Ready && d.Year != null && d.Kind != null
                        && d.Year >= year - 2 && d.Year <= year + 1)
            .ToList();
        docs = Compared(docs);
        if (docs.Count < 2) return;
        var ids = docs.Select(d => d.Id).ToList();
        var facts = db.Facts.AsNoTracking().Where(f => ids.Contains(f.DocumentId)).ToList()
            .GroupBy(f => f.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var stored = docs.ToDictionary(d => d.Id, d => new StoredDocument
        {
            Kind = d.Kind == "决算" ? DocumentKind.FinalAccount : DocumentKind.Budget,
            Year = d.Year!.Value,
            File = d.OriginalName,
            Figures = facts.GetValueOrDefault(d.Id, []).Select(f => new StoredFigure(f.TableKind, f.RowKey, f.Code, f.Label, f.Measure, f.ValueWanYuan, f.Page, f.Line)).ToList(),
        });
        foreach (var d in docs.Where(d => d.Year >= year - 1))
        {
            var runId = db.AuditRuns.Where(r => r.DocumentId == d.Id).OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault();
            if (runId is null) continue;
            var ctx = new CrossDocumentContext { Document = stored[d.Id], Others = docs.Where(o => o.Id != d.Id).Select(o => stored[o.Id]).ToList() };
            var findings = Rules.SelectMany(r => r.CheckAcross(ctx)).ToList();
            var old = db.Findings.Where(f => f.RunId == runId && RuleIds.Contains(f.RuleId)).ToList();
            if (old.Count == 0 && findings.Count == 0) continue;
            db.Findings.RemoveRange(old);
            var seen = new Dictionary<string, int>();
            var carry = new List<DismissalCarry.Item>();
            foreach (var f in findings)
            {
                var fp = Fingerprint.Of(f, NoModel, departmentId, d.Kind!, d.Year);
                int ordinal = seen.TryGetValue(fp, out var n) ? n + 1 : 0;
                seen[fp] = ordinal;
                var record = new FindingRecord
                {
                    RunId = runId.Value, DocumentId = d.Id,
                    Fingerprint = ordinal == 0 ? fp : Fingerprint.Of(f, NoModel, departmentId, d.Kind!, d.Year, ordinal),
                    YearlessFingerprint = Fingerprint.Of(f, NoModel, departmentId, d.Kind!, null, ordinal),
                    RuleId = f.RuleId, Severity = GongkaiStore.SeverityName(f.Severity), Message = f.Message,
                    Expected = f.Expected, Found = f.Found, Difference = f.Difference, Suggestion = f.Suggestion,
                    IsRounding = f.IsRoundingDifference, TableKind = f.Table?.ToString(),
                    LocationsJson = JsonSerializer.Serialize(f.Locations.Select(LocationView.Of)), Ordinal = ordinal,
                };
                db.Findings.Add(record);
                var (docKind, docYear) = (d.Kind!, d.Year);
                carry.Add(new(record.Fingerprint, record.YearlessFingerprint, former => Fingerprint.Of(f, NoModel, former, docKind, docYear, ordinal)));
            }
            DismissalCarry.Run(db, departmentId, carry);
            db.SaveChanges();
            // the run's counts include its cross-document findings
            var run = db.AuditRuns.First(r => r.Id == runId);
            var severities = db.Findings.Where(f => f.RunId == runId).Select(f => f.Severity).ToList();
            run.Errors = severities.Count(s => s == "error");
            run.Warnings = severities.Count(s => s == "warning");
            run.Infos = severities.Count(s => s == "info");
            db.SaveChanges();
        }
    }
}
