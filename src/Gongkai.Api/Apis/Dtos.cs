using System.Text.Json;
using Gongkai.Store;
using Gongkai.Store.Entities;

namespace Gongkai.Api.Apis;

public sealed record UploadAccepted(long DocumentId, long? JobId, bool IsNew);

/// <summary>
/// A document. <c>errors</c>/<c>warnings</c>/<c>infos</c> are the latest audit run's counts; <c>dismissed</c> how many of
/// those findings are dismissed, and <c>openErrors</c>/<c>openWarnings</c> the ones left to look at.
/// </summary>
public sealed record DocumentDto(
    long Id, string Name, string Sha256, string Status, string? StatusDetail, long? DepartmentId, string? Department,
    string? Kind, int? Year, string? Scope, int Version, string? Title, DateTime CreatedAt, long? JobId,
    int? Errors, int? Warnings, int? Infos, string? RuleCatalogVersion, int? Dismissed = null, int? OpenErrors = null, int? OpenWarnings = null)
{
    public static DocumentDto Of(DocumentSummary s) => Of(s, null);

    public static DocumentDto Of(DocumentSummary s, DismissedCount? dismissed)
    {
        var d = s.Document;
        var run = s.LatestRun;
        var x = dismissed ?? DismissedCount.None;
        return new(d.Id, d.OriginalName, d.Sha256, d.Status, d.StatusDetail, d.DepartmentId, s.DepartmentName, d.Kind, d.Year, d.Scope,
            d.Version, d.Title, Utc.Of(d.CreatedAt), s.LatestJobId, run?.Errors, run?.Warnings, run?.Infos, run?.RuleCatalogVersion,
            run is null || dismissed is null ? null : x.Total,
            run is null || dismissed is null ? null : Math.Max(0, run.Errors - x.Errors),
            run is null || dismissed is null ? null : Math.Max(0, run.Warnings - x.Warnings));
    }
}

public sealed record JobDto(long Id, string Type, long? DocumentId, string Status, int Attempts, int MaxAttempts, string? Error,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt)
{
    public static JobDto Of(Job j) => new(j.Id, j.Type, j.DocumentId, j.Status, j.Attempts, j.MaxAttempts, j.LastError, Utc.Of(j.CreatedAt), Utc.Of(j.UpdatedAt), j.FinishedAt is DateTime f ? Utc.Of(f) : null);
}

public sealed record DismissalDto(string Reason, string By, DateTime At, int? Year)
{
    public static DismissalDto? Of(Dismissal? d) => d is null ? null : new(d.Reason, d.By, Utc.Of(d.At), d.Year);
}

public sealed record FindingDto(
    string Id, string Severity, string Rule, string Message, decimal? Expected, decimal? Found, decimal? Difference,
    string? Suggestion, bool IsRounding, string? Table, IReadOnlyList<LocationView> Locations, DismissalDto? Dismissal,
    DismissalDto? DismissedLastYear, string? Hint)
{
    public static FindingDto Of(FindingView v)
    {
        var f = v.Finding;
        var hint = v.LastYearDismissal is Dismissal d ? $"上年同一问题已被忽略，理由：{d.Reason}" : null;
        return new(f.Fingerprint, f.Severity, f.RuleId, f.Message, f.Expected, f.Found, f.Difference, f.Suggestion, f.IsRounding, f.TableKind,
            JsonSerializer.Deserialize<List<LocationView>>(f.LocationsJson) ?? [], DismissalDto.Of(v.Dismissal), DismissalDto.Of(v.LastYearDismissal), hint);
    }
}

public sealed record DismissRequest(string? Reason);

public sealed record DepartmentDto(long Id, string Name, string? Region, string? Level, string? Type, long? ParentId, IReadOnlyList<string> Aliases)
{
    public static DepartmentDto Of(Department d) => new(d.Id, d.Name, d.Region, d.Level, d.Type, d.ParentId, d.Aliases.Select(a => a.Name).ToList());
}

public sealed record MergeRequest(long? From);

public sealed record DepartmentUpdate(string? Region, string? Level, string? Type, long? ParentId);

public sealed record AuditLogDto(long Id, DateTime At, string Actor, string Action, string Subject, string? Detail);

/// <summary>
/// A department's series: <c>points</c> the summary-table lines as printed (per year and kind), <c>years</c> the
/// document used for each year and kind with its named measures, <c>measures</c> one line per measure and kind with
/// year-on-year change (amount and %), all in 万元.
/// </summary>
public sealed record SeriesDto(long DepartmentId, string Name, IReadOnlyList<SeriesPoint> Points, IReadOnlyList<AnalysisYear> Years, IReadOnlyList<SeriesLine> Measures);

public sealed record RuleDto(string Id, string Title, string Severity, string AppliesTo, string Category, string Formula, string? Rationale = null, string? Example = null);

/// <summary>Times are stored in UTC; SQLite gives them back without a kind.</summary>
internal static class Utc
{
    public static DateTime Of(DateTime t) => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();
}
