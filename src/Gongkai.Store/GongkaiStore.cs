using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Store;

/// <summary>Details given with an upload, used only where the document itself does not say.</summary>
public sealed record DocumentHints(string? Department = null, int? Year = null, string? Kind = null)
{
    public bool Any => Department is not null || Year is not null || Kind is not null;
}

/// <summary>The outcome of adding a file: the document (new or the existing one with the same bytes) and its job.</summary>
public sealed record AddResult(long DocumentId, long? JobId, bool IsNew);

/// <summary>
/// A job as it ended in <see cref="GongkaiStore.RunOne"/>, with its document as the job left it when the worker knows
/// it (null otherwise: read it with <c>Document(id)</c>).
/// </summary>
public sealed record JobOutcome(Job Job, DocumentSummary? Document);

/// <summary>A finding as shown to a reviewer, with its dismissal or last year's dismissal as a hint.</summary>
public sealed record FindingView(FindingRecord Finding, Dismissal? Dismissal, Dismissal? LastYearDismissal);

/// <summary>
/// The library of documents: stores files content-addressed, works the processing jobs (read → audit → facts and
/// findings), keeps dismissals, users, tokens and the audit log. One instance per store; thread-safe (every call
/// opens its own context).
/// </summary>
public sealed class GongkaiStore
{
    public const string ProcessJob = "process-document";
    public const string NoopJob = "noop";

    public GongkaiStore(StoreConnection connection) => Connection = connection;

    public StoreConnection Connection { get; }

    /// <summary>How long a claimed job is held before another worker may take it over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest file accepted.</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    public GongkaiDb Db() => Connection.CreateDb();

    /// <summary>
    /// Creates the database (SQLite: the file and its folder) and applies the migrations. A store that is up to date
    /// (every migration of this build applied) is only checked against the migration history: EF's
    /// <c>Migrate()</c> would also build the design-time model and the last migration's snapshot and compare them,
    /// which is most of what opening a store costs a short-lived command such as <c>gongkai import</c>.
    /// </summary>
    public void Migrate()
    {
        using var traced = StoreTrace.Phase("migrate");
        if (Connection.File is string file) Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var db = Db();
        if (db.Database.GetPendingMigrations().Any())
        {
            db.Database.Migrate();
            // departments stored before the kind of office was kept with them (only a store from before that migration has them)
            var missing = db.Departments.Where(d => d.OfficeKind == null).ToList();
            if (missing.Count > 0)
            {
                foreach (var d in missing) d.OfficeKind = OfficeKinds.Of(d.Name);
                db.SaveChanges();
            }
        }
        if (Connection.Provider == StoreProvider.Sqlite)
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    // ── documents ───────────────────────────────────────────────────────────────────────────────────────

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>What the content is, from its bytes (never from the client's file name).</summary>
    public static string SniffFormat(byte[] bytes) => DocumentReader.Sniff(bytes) switch
    {
        SourceFormat.Pdf => "pdf",
        SourceFormat.Docx => "zip",
        SourceFormat.Doc or SourceFormat.Xls => "ole",
        _ => LooksLikeText(bytes) ? "text" : "binary",
    };

    private static bool LooksLikeText(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 4096);
        for (int i = 0; i < n; i++) if (bytes[i] == 0) return false;
        return true;
    }

    /// <summary>
    /// Stores a file and queues its processing. The same bytes give the same document: nothing new is stored, the
    /// existing document and its latest job are returned (a document waiting for details takes the given details
    /// and is processed again).
    /// </summary>
    public AddResult Add(byte[] bytes, string originalName, DocumentHints? hints = null, string actor = "system")
    {
        if (bytes.Length == 0) throw new ArgumentException("文件为空。");
        if (bytes.Length > MaxBytes) throw new ArgumentException($"文件过大（上限 {MaxBytes / 1024 / 1024} MB）。");
        using var _ = StoreTrace.Phase("add");
        var sha = Sha256Of(bytes);
        var name = Path.GetFileName(originalName.Replace('\\', '/'));
        if (name.Length > 250) name = name[..250];
        for (int attempt = 0; ; attempt++)
        {
            using var db = Db();
            using var tx = db.Database.BeginTransaction();
            var existing = db.Documents.FirstOrDefault(d => d.Sha256 == sha);
            if (existing is not null)
            {
                long? jobId = db.Jobs.Where(j => j.DocumentId == existing.Id).OrderByDescending(j => j.Id).Select(j => (long?)j.Id).FirstOrDefault();
                bool requeue = jobId is null
                    || (existing.Status == DocumentStatus.NeedsDetails && hints is { Any: true });
                if (requeue)
                {
                    if (hints is { Any: true })
                    {
                        existing.HintDepartment = hints.Department ?? existing.HintDepartment;
                        existing.HintYear = hints.Year ?? existing.HintYear;
                        existing.HintKind = hints.Kind ?? existing.HintKind;
                        existing.Status = DocumentStatus.Pending;
                    }
                    var job = JobQueue.Enqueue(db, ProcessJob, existing.Id);
                    Log(db, actor, "document.details", $"document:{existing.Id}", hints is null ? null : JsonSerializer.Serialize(hints));
                    db.SaveChanges();
                    tx.Commit();
                    return new AddResult(existing.Id, job.Id, false);
                }
                tx.Commit();
                return new AddResult(existing.Id, jobId, false);
            }
            var now = DateTime.UtcNow;
            if (!db.Files.Any(f => f.Sha256 == sha))
                db.Files.Add(new StoredFile { Sha256 = sha, Content = bytes, Length = bytes.Length, Format = SniffFormat(bytes), CreatedAt = now });
            var doc = new Document
            {
                Sha256 = sha, OriginalName = name, CreatedAt = now, CreatedBy = actor,
                HintDepartment = hints?.Department, HintYear = hints?.Year, HintKind = hints?.Kind,
            };
            db.Documents.Add(doc);
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue; // the same bytes were added concurrently: read the winner's document
            }
            var newJob = JobQueue.Enqueue(db, ProcessJob, doc.Id);
            Log(db, actor, "document.upload", $"document:{doc.Id}", $"{name} sha256={sha}");
            db.SaveChanges();
            tx.Commit();
            return new AddResult(doc.Id, newJob.Id, true);
        }
    }

    /// <summary>
    /// Claims and runs one job. Returns false when no job was due. Never throws for a job's own failure: the
    /// error is recorded on the job (retried, then dead-lettered).
    /// </summary>
    public bool RunOne(string owner, Action<JobOutcome>? onDone = null)
    {
        Job job;
        using (StoreTrace.Phase("job.claim"))
        using (var db = Db())
        {
            if (JobQueue.Claim(db, owner, Lease) is not long claimed) return false;
            job = db.Jobs.AsNoTracking().First(j => j.Id == claimed);
        }
        var jobId = job.Id;
        DocumentSummary? document = null;
        try
        {
            switch (job.Type)
            {
                case ProcessJob:
                    document = Process(job, owner);
                    break;
                default:
                    using (var db = Db())
                    {
                        using var tx = db.Database.BeginTransaction();
                        JobQueue.Complete(db, jobId, owner);
                        tx.Commit();
                    }
                    break;
            }
        }
        catch (LeaseLostException)
        {
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            using (var db = Db())
                JobQueue.Fail(db, jobId, owner, $"处理失败（{Failures.Describe(e)}）{Failures.Details(e)}");
            // the job as the failure left it (queued again or failed) is read back
            if (onDone is not null)
                using (var db = Db()) onDone(new JobOutcome(db.Jobs.AsNoTracking().First(j => j.Id == jobId), null));
            return true;
        }
        if (onDone is null) return true;
        using (StoreTrace.Phase("job.done"))
        {
            // completed in the transaction that wrote its results (JobQueue.Complete): done, lease released
            var at = DateTime.UtcNow;
            job.Status = JobStatus.Done;
            job.LeaseUntil = 0;
            job.UpdatedAt = at;
            job.FinishedAt = at;
            onDone(new JobOutcome(job, document));
        }
        return true;
    }

    /// <summary>Works the queue until <paramref name="stop"/> is cancelled, polling when idle.</summary>
    public async Task RunWorkerAsync(string owner, CancellationToken stop, TimeSpan? idle = null)
    {
        var lastRelease = DateTime.MinValue;
        while (!stop.IsCancellationRequested)
        {
            bool worked;
            try
            {
                // leases of processes of this host that died are released at once (others expire with their lease)
                if (DateTime.UtcNow - lastRelease > TimeSpan.FromSeconds(2))
                {
                    using (var db = Db()) JobQueue.ReleaseDeadOwners(db);
                    lastRelease = DateTime.UtcNow;
                }
                worked = await Task.Run(() => RunOne(owner), CancellationToken.None);
            }
            catch (Exception) when (!stop.IsCancellationRequested) { worked = false; } // database unavailable: try again later
            if (!worked)
            {
                try { await Task.Delay(idle ?? TimeSpan.FromMilliseconds(500), stop); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    public static string RuleCatalogVersion
    {
        get
        {
            var v = typeof(Auditor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            int plus = v.IndexOf('+');
            return $"{(plus < 0 ? v : v[..plus])}/{RuleRegistry.Default.Rules.Count}";
        }
    }

    /// <summary>Reads, audits and stores the job's document; returns the document as stored.</summary>
    private DocumentSummary Process(Job job, string owner)
    {
        Document doc;
        byte[] content;
        using (StoreTrace.Phase("process.load"))
        using (var db = Db())
        {
            doc = db.Documents.AsNoTracking().First(d => d.Id == job.DocumentId);
            content = db.Files.AsNoTracking().Where(f => f.Sha256 == doc.Sha256).Select(f => f.Content).First();
        }
        var started = DateTime.UtcNow;
        ReadResult read;
        try
        {
            // the name only tells the reader what to call the document in its locations; nothing is written to disk
            using var _ = StoreTrace.Phase("process.read");
            read = new DisclosureReader().Read(doc.OriginalName, content);
        }
        catch (ReadException e)
        {
            return Finish(doc.Id, job.Id, owner, d => { d.Status = DocumentStatus.Unreadable; d.StatusDetail = e.Message; });
        }
        var disclosure = read.Disclosure;
        var kind = disclosure.Kind switch { DocumentKind.Budget => "预算", DocumentKind.FinalAccount => "决算", _ => NormalizeKind(doc.HintKind) };
        var year = disclosure.Year ?? doc.HintYear;
        // a blank template's placeholder (XX局) or text that is not a body's name (第二部分) names no department
        var printed = disclosure.IsBlankTemplate ? null : DepartmentNames.Clean(disclosure.DepartmentName);
        var deptName = printed ?? (string.IsNullOrWhiteSpace(doc.HintDepartment) ? null : LocationMeanings.Normalize(doc.HintDepartment));
        if (kind is null || year is null || deptName is null)
        {
            var missing = new List<string>();
            if (deptName is null) missing.Add("部门");
            if (year is null) missing.Add("年度");
            if (kind is null) missing.Add("类型（预算/决算）");
            return Finish(doc.Id, job.Id, owner, d =>
            {
                d.Status = DocumentStatus.NeedsDetails;
                d.StatusDetail = $"文档未写明{string.Join("、", missing)}，请上传时补充（department、year、kind），不按猜测归档。";
                d.Title = disclosure.Title;
                d.PrintedDepartment = disclosure.DepartmentName;
            });
        }
        var options = new AuditOptions { Catalog = CatalogAdapter.Instance };
        AuditReport report;
        using (StoreTrace.Phase("process.audit")) report = Auditor.Audit(disclosure, options);
        var scope = disclosure.Scope == DocumentScope.Unit ? "单位" : "部门";
        LocationMeanings meanings;
        using (StoreTrace.Phase("process.meanings")) meanings = new LocationMeanings(disclosure);
        List<Fact> facts;
        using (StoreTrace.Phase("process.facts")) facts = FactsOf(disclosure);
        using var saving = StoreTrace.Phase("process.save");

        for (int attempt = 0; ; attempt++)
        {
            using var db = Db();
            using var tx = db.Database.BeginTransaction();
            try
            {
                var phase = StoreTrace.Phase("save.document");
                var (deptId, filedUnder) = ResolveDepartment(db, deptName, year.Value);
                var d = db.Documents.First(x => x.Id == doc.Id);
                d.DepartmentId = deptId;
                d.Kind = kind;
                d.Year = year;
                d.Scope = scope;
                d.Title = disclosure.Title;
                d.PrintedDepartment = disclosure.DepartmentName;
                if (d.Version == 0)
                    d.Version = 1 + (db.Documents.Where(x => x.Id != d.Id && x.DepartmentId == deptId && x.Kind == kind && x.Year == year && x.Scope == scope)
                        .Max(x => (int?)x.Version) ?? 0);
                d.Status = DocumentStatus.Ready;
                d.StatusDetail = null;
                // processing again replaces the previous facts and keeps earlier runs for history
                db.Facts.Where(f => f.DocumentId == d.Id).ExecuteDelete();
                db.SaveChanges();
                // in bulk, not as tracked entities: a PDF has hundreds to thousands of figures, nothing reads their ids back
                phase.Dispose();
                phase = StoreTrace.Phase("save.facts");
                foreach (var f in facts) f.DocumentId = d.Id;
                FactWriter.Insert(db, facts);
                phase.Dispose();
                phase = StoreTrace.Phase("save.findings");
                var run = new AuditRun
                {
                    DocumentId = d.Id, RuleCatalogVersion = RuleCatalogVersion, CatalogEdition = "builtin",
                    Errors = report.ErrorCount, Warnings = report.WarningCount, Infos = report.InfoCount,
                    StartedAt = started, FinishedAt = DateTime.UtcNow,
                };
                db.AuditRuns.Add(run);
                db.SaveChanges();
                var seen = new Dictionary<string, int>();
                var carry = new List<DismissalCarry.Item>();
                var records = new List<FindingRecord>(report.Findings.Count);
                foreach (var f in report.Findings)
                {
                    var fp = Fingerprint.Of(f, meanings, deptId, kind, year);
                    int ordinal = seen.TryGetValue(fp, out var n) ? n + 1 : 0;
                    seen[fp] = ordinal;
                    var record = new FindingRecord
                    {
                        RunId = run.Id, DocumentId = d.Id,
                        Fingerprint = ordinal == 0 ? fp : Fingerprint.Of(f, meanings, deptId, kind, year, ordinal),
                        YearlessFingerprint = Fingerprint.Of(f, meanings, deptId, kind, null, ordinal),
                        RuleId = f.RuleId, Severity = SeverityName(f.Severity), Message = f.Message,
                        Expected = f.Expected, Found = f.Found, Difference = f.Difference, Suggestion = f.Suggestion,
                        IsRounding = f.IsRoundingDifference, TableKind = f.Table?.ToString(),
                        LocationsJson = JsonSerializer.Serialize(f.Locations.Select(LocationView.Of)), Ordinal = ordinal,
                    };
                    records.Add(record);
                    carry.Add(new(record.Fingerprint, record.YearlessFingerprint, former => Fingerprint.Of(f, meanings, former, kind, year, ordinal)));
                }
                // in bulk like the facts (in the order of the report, so their ids keep it)
                FactWriter.InsertFindings(db, records);
                // dismissals made while the department was filed under a record since merged into this one
                DismissalCarry.Run(db, deptId, carry);
                db.SaveChanges();
                phase.Dispose();
                // the cross-document rules for this document and the department's documents it relates to
                using (StoreTrace.Phase("save.cross")) CrossChecks.Run(db, deptId, year.Value);
                using (StoreTrace.Phase("save.commit"))
                {
                    JobQueue.Complete(db, job.Id, owner);
                    db.SaveChanges();
                    tx.Commit();
                }
                return new DocumentSummary(d, filedUnder, run, job.Id);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // a department created by another worker at the same time: retry with it
                tx.Rollback();
            }
        }
    }

    private DocumentSummary Finish(long documentId, long jobId, string owner, Action<Document> update)
    {
        using var db = Db();
        using var tx = db.Database.BeginTransaction();
        var d = db.Documents.First(x => x.Id == documentId);
        update(d);
        JobQueue.Complete(db, jobId, owner);
        db.SaveChanges();
        tx.Commit();
        return new DocumentSummary(d, null, null, jobId);
    }

    public static string? NormalizeKind(string? kind) => kind?.Trim() switch
    {
        null or "" => null,
        "预算" or "budget" or "部门预算" => "预算",
        "决算" or "final" or "部门决算" => "决算",
        _ => null,
    };

    public static string SeverityName(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    /// <summary>The department printed as <paramref name="name"/> (created when new): its id and its name.</summary>
    private static (long Id, string Name) ResolveDepartment(GongkaiDb db, string name, int year)
    {
        var hit = db.DepartmentAliases.Where(a => a.Name == name)
            .Select(a => new { Alias = a, Department = db.Departments.Where(x => x.Id == a.DepartmentId).Select(x => x.Name).First() })
            .FirstOrDefault();
        if (hit is not null)
        {
            var alias = hit.Alias;
            if (alias.FirstYear is null || year < alias.FirstYear) alias.FirstYear = year;
            if (alias.LastYear is null || year > alias.LastYear) alias.LastYear = year;
            return (alias.DepartmentId, hit.Department);
        }
        var dept = new Department { Name = name, CreatedAt = DateTime.UtcNow };
        dept.Aliases.Add(new DepartmentAlias { Name = name, FirstYear = year, LastYear = year });
        db.Departments.Add(dept);
        db.SaveChanges();
        return (dept.Id, dept.Name);
    }

    /// <summary>The money figures of the recognised tables, one per (table kind, row, column meaning), in 万元.</summary>
    public static List<Fact> FactsOf(Disclosure d)
    {
        var facts = new List<Fact>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var t in d.Tables)
        {
            if (t.Kind == TableKind.Unknown) continue;
            var kind = t.Kind.ToString();
            foreach (var r in t.Rows)
            {
                var row = LocationMeanings.RowKey(r);
                foreach (var (measure, fig) in r.Values.Select(kv => (kv.Key.ToString(), kv.Value))
                             .Concat(r.Extras.Select(kv => ("X:" + LocationMeanings.Normalize(kv.Key), kv.Value))))
                {
                    if (!fig.IsNumber || fig.Unit is not (ValueUnit.WanYuan or ValueUnit.Yuan)) continue;
                    // a table continued or printed twice: keep the first figure of a meaning
                    if (!seen.Add((kind, row, measure))) continue;
                    var s = fig.Source;
                    facts.Add(new Fact
                    {
                        TableKind = kind, RowKey = Trim(row, 300), Code = r.Code?.Value, Label = Trim(r.Label, 500),
                        Measure = Trim(measure, 200), ValueWanYuan = fig.ToWanYuan().Value,
                        Page = s.Page, Line = s.Line,
                        Box = s.Box is BoundingBox b ? FormattableString.Invariant($"{b.Left:0.#},{b.Bottom:0.#},{b.Right:0.#},{b.Top:0.#}") : null,
                    });
                }
            }
        }
        // “三公”经费 and 机关运行经费 as the recognizer put them together from B7/F7/公开09 (table kind "Topic")
        void AddTopic(string row, string label, string measure, Figure? fig)
        {
            if (fig is not { IsNumber: true } || fig.Unit is not (ValueUnit.WanYuan or ValueUnit.Yuan) || !seen.Add(("Topic", row, measure))) return;
            var s = fig.Source;
            facts.Add(new Fact
            {
                TableKind = "Topic", RowKey = row, Label = label, Measure = measure, ValueWanYuan = fig.ToWanYuan().Value, Page = s.Page, Line = s.Line,
                Box = s.Box is BoundingBox b ? FormattableString.Invariant($"{b.Left:0.#},{b.Bottom:0.#},{b.Right:0.#},{b.Top:0.#}") : null,
            });
        }
        if (d.ThreePublic is { } tp)
            foreach (var (basis, figs) in new[] { ("Budget", tp.Budget), ("Final", tp.Final) })
            {
                AddTopic("L:ThreePublic", "“三公”经费", $"ThreePublicTotal/{basis}", figs.Total);
                AddTopic("L:ThreePublic", "“三公”经费", $"Abroad/{basis}", figs.Abroad);
                AddTopic("L:ThreePublic", "“三公”经费", $"VehicleTotal/{basis}", figs.VehicleTotal);
                AddTopic("L:ThreePublic", "“三公”经费", $"VehiclePurchase/{basis}", figs.VehiclePurchase);
                AddTopic("L:ThreePublic", "“三公”经费", $"VehicleOperation/{basis}", figs.VehicleOperation);
                AddTopic("L:ThreePublic", "“三公”经费", $"Reception/{basis}", figs.Reception);
            }
        AddTopic("L:OperatingCosts", "机关运行经费", "OperatingCosts", d.OperatingCosts);

        // the narrative's money statements about the disclosure itself (not about one of its units): the amount, and
        // for a change against a prior year the signed change (万元), the signed percentage (%, not 万元) and the base
        foreach (var c in d.Claims)
        {
            if (c.Entity is not null || string.IsNullOrWhiteSpace(c.Subject) || c.Unit is not (ValueUnit.WanYuan or ValueUnit.Yuan)) continue;
            if (c.Base is ComparisonBase.InitialBudget or ComparisonBase.AdjustedBudget or ComparisonBase.Budget && d.Kind == DocumentKind.FinalAccount)
            {
                // a 决算 statement comparing with the budget: 1 when it gives a reason (GK804 looks for these)
                var vs = Trim("N:" + LocationMeanings.Normalize(c.Subject), 300);
                if (seen.Add(("Narrative", vs, "VsBudget")))
                    facts.Add(new Fact { TableKind = "Narrative", RowKey = vs, Label = Trim(c.Subject, 500), Measure = "VsBudget",
                        ValueWanYuan = string.IsNullOrWhiteSpace(c.Reason) ? 0m : 1m, Page = c.Source.Page, Line = c.Source.Line });
            }
            if (c.Kind is not (ClaimKind.Amount or ClaimKind.Change or ClaimKind.Share or ClaimKind.Breakdown)) continue;
            // the row is the subject and the money it speaks of (所有资金 / 财政拨款 / 一般公共预算 …) when the sentence says
            var row = Trim("N:" + LocationMeanings.Normalize(c.Subject) + (c.Scope == FundScope.Unknown ? "" : "#" + c.Scope), 300);
            decimal Wan(decimal v) => c.Unit == ValueUnit.Yuan ? v / 10000m : v;
            void AddClaim(string measure, decimal value)
            {
                if (!seen.Add(("Narrative", row, measure))) return;
                facts.Add(new Fact
                {
                    TableKind = "Narrative", RowKey = row, Label = Trim(c.Subject, 500), Measure = measure, ValueWanYuan = value,
                    Page = c.Source.Page, Line = c.Source.Line,
                });
            }
            if (c.Amount is decimal a) AddClaim("Amount", Wan(a));
            // a template's 增加（减少） left in place says no direction: no change is taken from it
            if (c.Kind == ClaimKind.Change && c.Base == ComparisonBase.PriorYear && c.Direction is ChangeDirection dir && !c.TemplateResidue
                && (c.ComparedYear is null || d.Year is null || c.ComparedYear == d.Year - 1))
            {
                int sign = dir == ChangeDirection.Decrease ? -1 : dir == ChangeDirection.Flat ? 0 : 1;
                if (c.ChangeAmount is decimal ch) AddClaim("Change", sign * Wan(ch));
                else if (dir == ChangeDirection.Flat) AddClaim("Change", 0m);
                if (c.ChangePercent is decimal pct) AddClaim("ChangePercent", (c.PercentDirection == ChangeDirection.Decrease || c.PercentDirection is null && sign < 0 ? -1 : 1) * pct);
                if (c.BaseAmount is decimal b) AddClaim("PriorYear", Wan(b));
            }
        }
        return facts;
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];

    // ── findings and dismissals ─────────────────────────────────────────────────────────────────────────

    /// <summary>The findings of the document's latest audit run, each with its dismissal and last year's hint.</summary>
    public List<FindingView> FindingsOf(long documentId)
    {
        using var db = Db();
        var doc = db.Documents.AsNoTracking().FirstOrDefault(d => d.Id == documentId);
        if (doc is null) return [];
        var runId = db.AuditRuns.Where(r => r.DocumentId == documentId).OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault();
        if (runId is null) return [];
        var findings = db.Findings.AsNoTracking().Where(f => f.RunId == runId).OrderBy(f => f.Id).ToList();
        var fps = findings.Select(f => f.Fingerprint).ToList();
        var yearless = findings.Select(f => f.YearlessFingerprint).ToList();
        var active = db.Dismissals.AsNoTracking().Where(x => x.UndoneAt == null && fps.Contains(x.Fingerprint)).ToList()
            .GroupBy(x => x.Fingerprint).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Id).First());
        var lastYear = doc.Year - 1;
        var hints = db.Dismissals.AsNoTracking().Where(x => x.UndoneAt == null && x.Year == lastYear && yearless.Contains(x.YearlessFingerprint)).ToList()
            .GroupBy(x => x.YearlessFingerprint).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Id).First());
        return findings.Select(f => new FindingView(f, active.GetValueOrDefault(f.Fingerprint),
            active.ContainsKey(f.Fingerprint) ? null : hints.GetValueOrDefault(f.YearlessFingerprint))).ToList();
    }

    /// <summary>Dismisses a finding of the document (by fingerprint) with a reason; null when the document has no such finding.</summary>
    public Dismissal? Dismiss(long documentId, string fingerprint, string reason, string actor)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("忽略问题必须写明理由。");
        using var db = Db();
        using var tx = db.Database.BeginTransaction();
        var doc = db.Documents.AsNoTracking().FirstOrDefault(d => d.Id == documentId);
        var finding = db.Findings.AsNoTracking().Where(f => f.DocumentId == documentId && f.Fingerprint == fingerprint).OrderByDescending(f => f.Id).FirstOrDefault();
        if (doc is null || finding is null) return null;
        var now = DateTime.UtcNow;
        foreach (var old in db.Dismissals.Where(x => x.Fingerprint == fingerprint && x.UndoneAt == null))
        {
            old.UndoneAt = now;
            old.UndoneBy = actor;
        }
        var dismissal = new Dismissal
        {
            Fingerprint = fingerprint, YearlessFingerprint = finding.YearlessFingerprint, Year = doc.Year,
            Reason = reason.Trim(), By = actor, At = now,
        };
        db.Dismissals.Add(dismissal);
        Log(db, actor, "finding.dismiss", $"finding:{fingerprint}", reason.Trim());
        db.SaveChanges();
        tx.Commit();
        return dismissal;
    }

    /// <summary>Whether any audit run of the document has a finding with this fingerprint.</summary>
    public bool HasFinding(long documentId, string fingerprint)
    {
        using var db = Db();
        return db.Findings.Any(f => f.DocumentId == documentId && f.Fingerprint == fingerprint);
    }

    /// <summary>Undoes the dismissal of a finding; false when it was not dismissed.</summary>
    public bool Undismiss(string fingerprint, string actor)
    {
        using var db = Db();
        using var tx = db.Database.BeginTransaction();
        var active = db.Dismissals.Where(x => x.Fingerprint == fingerprint && x.UndoneAt == null).ToList();
        if (active.Count == 0) return false;
        foreach (var a in active) { a.UndoneAt = DateTime.UtcNow; a.UndoneBy = actor; }
        Log(db, actor, "finding.undismiss", $"finding:{fingerprint}", null);
        db.SaveChanges();
        tx.Commit();
        return true;
    }

    // ── users, tokens, audit log ────────────────────────────────────────────────────────────────────────

    /// <summary>Creates the user when needed (or changes its role) and a new API token; returns the token (shown once).</summary>
    public string CreateToken(string userName, string role, string actor = "cli", IReadOnlyCollection<long>? departments = null)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"未知角色：{role}。可选 admin、reviewer、viewer。");
        if (string.IsNullOrWhiteSpace(userName)) throw new ArgumentException("用户名不能为空。");
        var token = "gk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        using var db = Db();
        using var tx = db.Database.BeginTransaction();
        var user = db.Users.FirstOrDefault(u => u.Name == userName);
        if (user is null)
        {
            user = new User { Name = userName.Trim(), Role = role, CreatedAt = DateTime.UtcNow };
            db.Users.Add(user);
            Log(db, actor, "user.create", $"user:{userName}", role);
        }
        else if (user.Role != role)
        {
            Log(db, actor, "user.role", $"user:{userName}", $"{user.Role} → {role}");
            user.Role = role;
        }
        db.SaveChanges();
        DepartmentScopes.CheckDepartments(db, departments);
        var scope = DepartmentScope.Format(departments);
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Hash = TokenHash(token), Prefix = token[..8], CreatedAt = DateTime.UtcNow, Departments = scope });
        Log(db, actor, "token.create", $"user:{userName}", scope is null ? token[..8] : $"{token[..8]} departments={scope}");
        db.SaveChanges();
        tx.Commit();
        return token;
    }

    /// <summary>The user a token belongs to, or null for an unknown or revoked token.</summary>
    public User? Authenticate(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var hash = TokenHash(token);
        using var db = Db();
        return db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash && t.RevokedAt == null).Select(t => t.User).FirstOrDefault();
    }

    /// <summary>The user of a token and the token's own department list (null: the user's), or null for an unknown or revoked token.</summary>
    public (User User, string? TokenDepartments)? AuthenticateToken(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var hash = TokenHash(token);
        using var db = Db();
        var hit = db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefault(t => t.Hash == hash && t.RevokedAt == null);
        return hit?.User is null ? null : (hit.User, hit.Departments);
    }

    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static void Log(GongkaiDb db, string actor, string action, string subject, string? detail) =>
        db.AuditLog.Add(new AuditLogEntry { At = DateTime.UtcNow, Actor = actor, Action = action, Subject = subject, Detail = detail });
}

/// <summary>A finding location as stored and served (the page is shown, never part of the fingerprint).</summary>
public sealed record LocationView(string File, int? Page, int? Line, double[]? Box, int? Table, int? Row, int? Column, string Text)
{
    public static LocationView Of(Provenance p) => new(Path.GetFileName(p.File), p.Page, p.Line,
        p.Box is BoundingBox b ? [b.Left, b.Bottom, b.Right, b.Top] : null, p.TableIndex, p.Row, p.Column, p.Text);
}
