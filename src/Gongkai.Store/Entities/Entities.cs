namespace Gongkai.Store.Entities;

/// <summary>A department (部门) as one series over the years; names printed in its documents are its aliases.</summary>
public sealed class Department
{
    public long Id { get; set; }
    /// <summary>The name currently used (the latest printed name).</summary>
    public required string Name { get; set; }
    /// <summary>Region (行政区划) when known, e.g. "上海市"; never guessed.</summary>
    public string? Region { get; set; }
    /// <summary>省 / 市 / 区县 when known.</summary>
    public string? Level { get; set; }
    /// <summary>行政 / 参公 / 事业 when known.</summary>
    public string? Type { get; set; }
    public long? ParentId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// The kind of office read from <see cref="Name"/> (<c>OfficeKinds.Of</c>, e.g. 医疗保障局): kept with the record,
    /// set whenever the name is saved, so that peers are found by an index rather than by reading every department.
    /// </summary>
    public string? OfficeKind { get; set; }
    public List<DepartmentAlias> Aliases { get; } = new();
}

/// <summary>One name a department was printed under (a renamed department keeps one id).</summary>
public sealed class DepartmentAlias
{
    public long Id { get; set; }
    public long DepartmentId { get; set; }
    /// <summary>The name normalised for matching (whitespace removed).</summary>
    public required string Name { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
}

/// <summary>The original bytes of an uploaded file, addressed by their SHA-256 (kept in the database).</summary>
public sealed class StoredFile
{
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public long Length { get; set; }
    /// <summary>The format sniffed from the content (pdf, zip, text), never taken from the client's name.</summary>
    public required string Format { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class DocumentStatus
{
    /// <summary>Stored, its processing job not finished yet.</summary>
    public const string Pending = "pending";
    /// <summary>Read, audited, facts and findings stored.</summary>
    public const string Ready = "ready";
    /// <summary>The department or year could not be told and none was given: waits for details, not filed under a guess.</summary>
    public const string NeedsDetails = "needs-details";
    /// <summary>The file could not be read.</summary>
    public const string Unreadable = "unreadable";
}

/// <summary>A published document: one per distinct file (SHA-256); a corrected re-publication is a new version.</summary>
public sealed class Document
{
    public long Id { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>The file name the document came with (display only; never used as a path).</summary>
    public required string OriginalName { get; set; }
    public string Status { get; set; } = DocumentStatus.Pending;
    public string? StatusDetail { get; set; }
    public long? DepartmentId { get; set; }
    /// <summary>预算 / 决算, null until known.</summary>
    public string? Kind { get; set; }
    public int? Year { get; set; }
    /// <summary>部门 / 单位.</summary>
    public string? Scope { get; set; }
    /// <summary>1 for the first document of (department, kind, year, scope), 2 for a corrected re-publication …</summary>
    public int Version { get; set; }
    public string? Title { get; set; }
    /// <summary>The department name as printed in the document.</summary>
    public string? PrintedDepartment { get; set; }
    /// <summary>Details given with the upload (used only when the document does not say).</summary>
    public string? HintDepartment { get; set; }
    public int? HintYear { get; set; }
    public string? HintKind { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>
/// One figure of a recognised table, normalised for analysis: (document, table kind, row, measure) in 万元 with
/// provenance back to the page and box (or line) it was printed at.
/// </summary>
public sealed class Fact
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    /// <summary>The standard table kind (BudgetSummary, FinalExpenditure …).</summary>
    public required string TableKind { get; set; }
    /// <summary>What the row means: a classification code, a summary line (L:…) or a label (T:…).</summary>
    public required string RowKey { get; set; }
    /// <summary>The classification code, when the row has one.</summary>
    public string? Code { get; set; }
    public required string Label { get; set; }
    /// <summary>The column meaning (Measure or Measure/Basis), or X:header for a column of no standard meaning.</summary>
    public required string Measure { get; set; }
    public decimal ValueWanYuan { get; set; }
    public int? Page { get; set; }
    /// <summary>The box on the page (PDF points) as "left,bottom,right,top".</summary>
    public string? Box { get; set; }
    public int? Line { get; set; }
}

/// <summary>One audit of one document with the rule catalogue of the version that ran it.</summary>
public sealed class AuditRun
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    /// <summary>The product version and the number of rules in the catalogue.</summary>
    public required string RuleCatalogVersion { get; set; }
    /// <summary>The classification catalog edition the document's year used.</summary>
    public string? CatalogEdition { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int Infos { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
}

/// <summary>A finding of an audit run, identified across runs and versions by its fingerprint.</summary>
public sealed class FindingRecord
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long DocumentId { get; set; }
    /// <summary>Stable id: rule + department + kind + year + what the locations mean (see docs/store.md).</summary>
    public required string Fingerprint { get; set; }
    /// <summary>The same without the year, to find last year's dismissal of the same finding.</summary>
    public required string YearlessFingerprint { get; set; }
    public required string RuleId { get; set; }
    /// <summary>error / warning / info.</summary>
    public required string Severity { get; set; }
    public required string Message { get; set; }
    public decimal? Expected { get; set; }
    public decimal? Found { get; set; }
    public decimal? Difference { get; set; }
    public string? Suggestion { get; set; }
    public bool IsRounding { get; set; }
    public string? TableKind { get; set; }
    /// <summary>The locations as JSON (file, page, line, box, table, row, column, text).</summary>
    public required string LocationsJson { get; set; }
    public int Ordinal { get; set; }
}

/// <summary>A reviewer's decision that a finding is not a defect; undone by setting <see cref="UndoneAt"/>.</summary>
public sealed class Dismissal
{
    public long Id { get; set; }
    public required string Fingerprint { get; set; }
    public required string YearlessFingerprint { get; set; }
    public int? Year { get; set; }
    public required string Reason { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Reviewer = "reviewer";
    public const string Viewer = "viewer";
    public static readonly string[] All = [Admin, Reviewer, Viewer];
}

public sealed class User
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>PBKDF2 hash of the password for signing in with a browser ("pbkdf2-sha256$iterations$salt$hash"); null: tokens only.</summary>
    public string? PasswordHash { get; set; }
    /// <summary>
    /// The departments the user may see and act on, as department ids separated by commas (each with its
    /// sub-departments); null: every department. See <see cref="DepartmentScope"/>.
    /// </summary>
    public string? Departments { get; set; }
}

/// <summary>An API token; only its SHA-256 is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public User? User { get; set; }
    public required string Hash { get; set; }
    /// <summary>The first characters of the token, to tell tokens apart in listings.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>Department ids the token is limited to (within its user's); null: the user's departments.</summary>
    public string? Departments { get; set; }
}

/// <summary>
/// A department record merged into another by an admin: kept so that findings fingerprinted under the merged-away id
/// (and their dismissals) can be carried over when the moved documents are processed again.
/// </summary>
public sealed class DepartmentMerge
{
    public long Id { get; set; }
    public long FromId { get; set; }
    public long IntoId { get; set; }
    public required string FromName { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
}

/// <summary>An append-only record of who uploaded, dismissed or changed what (updates and deletes are refused).</summary>
public sealed class AuditLogEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Detail { get; set; }
}

public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>A persisted job: claimed under a lease, retried when the lease expires, dead-lettered after MaxAttempts.</summary>
public sealed class Job
{
    public long Id { get; set; }
    public required string Type { get; set; }
    public long? DocumentId { get; set; }
    public string Status { get; set; } = JobStatus.Queued;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    /// <summary>Unix milliseconds until which the current claim holds; 0 when not claimed.</summary>
    public long LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
    /// <summary>Unix milliseconds before which the job is not claimed (back-off after a failure).</summary>
    public long NotBefore { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
