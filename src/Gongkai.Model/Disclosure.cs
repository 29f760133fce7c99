namespace Gongkai.Model;

/// <summary>部门预算 (budget) or 部门决算 (final accounts).</summary>
public enum DocumentKind { Unknown, Budget, FinalAccount }

/// <summary>A 部门 document consolidates all its units; a 单位 document covers one 预算单位.</summary>
public enum DocumentScope { Department, Unit }

/// <summary>Regional layout family a document follows.</summary>
public enum RegionProfile { Auto, National, Chongqing, Hebei, Shaanxi, Hubei, Shanghai, Jiangsu }

/// <summary>Something the reader or recognizer noticed but could not map (never silently dropped).</summary>
public sealed record ReadNote(string Message, Provenance Source);

/// <summary>
/// A published disclosure read into a code-level model. Every figure carries its provenance.
/// The model holds no I/O: readers and recognizers fill it, rules and renderers read it.
/// </summary>
public sealed class Disclosure
{
    public string File { get; init; } = "";
    public DocumentKind Kind { get; set; }
    public DocumentScope Scope { get; set; } = DocumentScope.Department;
    public RegionProfile Profile { get; set; } = RegionProfile.National;
    /// <summary>The fiscal year the document reports on.</summary>
    public int? Year { get; set; }
    /// <summary>Department (主管部门) or unit name as printed in the title.</summary>
    public string? DepartmentName { get; set; }
    /// <summary>The document title line.</summary>
    public string? Title { get; set; }
    public List<OrganizationUnit> Units { get; } = new();
    public List<StaffingEntry> Staffing { get; } = new();

    public List<DisclosureTable> Tables { get; } = new();
    public List<NarrativeSection> Sections { get; } = new();
    public List<Claim> Claims { get; } = new();
    public List<PerformanceTarget> PerformanceTargets { get; } = new();
    public List<SelfEvaluation> SelfEvaluations { get; } = new();

    public ThreePublicExpenses? ThreePublic { get; set; }
    public ProcurementSummary? Procurement { get; set; }
    public AssetSummary? Assets { get; set; }
    /// <summary>机关运行经费 from a table (CQ 公开09) when printed.</summary>
    public Figure? OperatingCosts { get; set; }

    /// <summary>Tables listed in the document's own 目录 (title, is-empty flag).</summary>
    public List<(string Title, bool? Empty, string? Reason)> TableOfContents { get; } = new();

    /// <summary>
    /// True for a blank template (placeholders such as "XX局", no figures in the tables): it is checked for
    /// structure only, not reported as a document full of empty tables.
    /// </summary>
    public bool IsBlankTemplate { get; set; }

    /// <summary>What the reader could not place.</summary>
    public List<ReadNote> Notes { get; } = new();

    /// <summary>How completely the source was read: numeric cells by fate, tables and columns that could not be mapped.</summary>
    public RecognitionSummary Recognition { get; set; } = new();

    public IEnumerable<Sentence> Sentences => Sections.SelectMany(s => s.Sentences);

    public DisclosureTable? Table(TableKind kind) => Tables.FirstOrDefault(t => t.Kind == kind);
    public IEnumerable<DisclosureTable> TablesOf(TableKind kind) => Tables.Where(t => t.Kind == kind);

    /// <summary>The numbers read into the model, with provenance (tables, performance and self-evaluation).</summary>
    public IEnumerable<Figure> AllTableFigures() =>
        Tables.SelectMany(t => t.Rows).SelectMany(r => r.Values.Values.Concat(r.Extras.Values))
            .Concat(PerformanceTargets.SelectMany(p => FiguresOf(p)))
            .Concat(SelfEvaluations.SelectMany(s => FiguresOf(s)));

    private static IEnumerable<Figure> FiguresOf(PerformanceTarget p)
    {
        if (p.Amount is not null) yield return p.Amount;
        foreach (var f in p.Funds) foreach (var v in f.Values.Values) yield return v;
        foreach (var i in p.Indicators) foreach (var v in i.Figures.Values) yield return v;
        foreach (var v in p.SpendingPlan) yield return v;
    }

    private static IEnumerable<Figure> FiguresOf(SelfEvaluation s)
    {
        if (s.TotalScore is not null) yield return s.TotalScore;
        foreach (var f in s.Funds)
            foreach (var v in new[] { f.InitialBudget, f.AdjustedBudget, f.Executed, f.ExecutionRate, f.Weight, f.Score })
                if (v is not null) yield return v;
        foreach (var i in s.Indicators) foreach (var v in i.Figures.Values) yield return v;
    }
}
