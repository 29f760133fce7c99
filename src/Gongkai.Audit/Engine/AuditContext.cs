using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// A classification catalog as the audit sees it: the official name of a code in a given year's edition.
/// Implemented by Gongkai.Catalogs; rules that need it stay silent when none is supplied.
/// </summary>
public interface ICodeCatalog
{
    /// <summary>Whether the catalog knows the code at all (in any edition).</summary>
    bool Contains(ClassificationCode code);

    /// <summary>The official name of the code in the edition valid for <paramref name="year"/>, or null if unknown.</summary>
    string? NameOf(ClassificationCode code, int? year);

    /// <summary>
    /// Whether the catalog row for the code is verified against a published source. A finding based on an
    /// unverified row is at most 提示 (the catalog may be wrong, not the document).
    /// </summary>
    bool IsVerified(ClassificationCode code, int? year) => true;

    /// <summary>The full classification catalog behind this adapter, when there is one.</summary>
    Gongkai.Catalogs.ClassificationCatalog? Catalog => null;

    /// <summary>
    /// How a printed name compares with the catalog (exact, other edition, truncated, different, unknown code), or
    /// null when no full catalog is behind this adapter. Callers pass the name through <see cref="CodeNames.Clean"/>.
    /// </summary>
    Gongkai.Catalogs.NameMatch? Compare(ClassificationCode code, string printedName, int? year) =>
        Catalog?.Compare(code.Value, code.Scheme, printedName, year);

    /// <summary>Whether the code exists in the edition valid for the year (any known code when there is no full catalog).</summary>
    bool Exists(ClassificationCode code, int? year) => Catalog?.Exists(code.Value, code.Scheme, year) ?? Contains(code);

    /// <summary>
    /// Whether the 部门→政府 economic mapping allows the pair: true/false, or null when the mapping knows nothing
    /// about the 部门 code (or there is no mapping).
    /// </summary>
    bool? IsPairAllowed(string departmentCode, string governmentCode)
    {
        if (Catalog is not { } c || c.GovernmentCodesFor(departmentCode).Count == 0) return null;
        return c.IsPairAllowed(departmentCode, governmentCode);
    }

    /// <summary>Whether the mapping row for the pair is verified (false when absent).</summary>
    bool IsPairVerified(string departmentCode, string governmentCode) =>
        Catalog?.FindPair(departmentCode, governmentCode)?.Verified ?? false;
}

/// <summary>The built-in classification catalog (with any user editions loaded into it) as an <see cref="ICodeCatalog"/>.</summary>
public sealed class CatalogAdapter : ICodeCatalog
{
    public CatalogAdapter(Gongkai.Catalogs.ClassificationCatalog catalog) => Catalog = catalog;

    /// <summary>The built-in editions.</summary>
    public static CatalogAdapter Instance { get; } = new(Gongkai.Catalogs.ClassificationCatalog.BuiltIn);

    public Gongkai.Catalogs.ClassificationCatalog Catalog { get; }

    public bool Contains(ClassificationCode code) => Catalog.EntriesOf(code.Value, code.Scheme).Count > 0;

    public string? NameOf(ClassificationCode code, int? year) => Catalog.Find(code.Value, code.Scheme, year)?.Name;

    public bool IsVerified(ClassificationCode code, int? year) => Catalog.IsVerified(code.Value, code.Scheme, year);
}

/// <summary>Options of one audit run.</summary>
public sealed class AuditOptions
{
    /// <summary>The regional profile to apply; null uses the disclosure's own <see cref="Disclosure.Profile"/>.</summary>
    public RegionProfile? Profile { get; init; }

    /// <summary>Severity overrides by rule id, applied after the profile's own overrides (like .editorconfig).</summary>
    public Dictionary<string, Severity> SeverityOverrides { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rule ids not to run.</summary>
    public HashSet<string> DisabledRules { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Report differences inside the 尾差 envelope as 提示 (default); false drops them.</summary>
    public bool ReportRoundingDifferences { get; init; } = true;

    /// <summary>The classification catalog, when available.</summary>
    public ICodeCatalog? Catalog { get; init; }

    public static AuditOptions Default { get; } = new();
}

/// <summary>What a rule sees: the disclosure, the options and shared helpers (the narrative subject resolver).</summary>
public sealed class AuditContext
{
    private SubjectResolver? _resolver;

    public AuditContext(Disclosure disclosure, AuditOptions? options = null)
    {
        Disclosure = disclosure;
        Options = options ?? AuditOptions.Default;
    }

    public Disclosure Disclosure { get; }
    public AuditOptions Options { get; }
    public RegionProfile Profile => Options.Profile ?? Disclosure.Profile;
    public ICodeCatalog? Catalog => Options.Catalog;

    /// <summary>Maps narrative subjects to table figures.</summary>
    public SubjectResolver Resolver => _resolver ??= new SubjectResolver(Disclosure);

    /// <summary>Tables of the given kinds, in document order.</summary>
    public IEnumerable<DisclosureTable> Tables(params TableKind[] kinds) => Disclosure.Tables.Where(t => kinds.Contains(t.Kind));

    /// <summary>The first table of the first kind present (B or F version of a standard table).</summary>
    public DisclosureTable? FirstTable(params TableKind[] kinds)
    {
        foreach (var k in kinds)
            if (Disclosure.Table(k) is { } t) return t;
        return null;
    }
}
