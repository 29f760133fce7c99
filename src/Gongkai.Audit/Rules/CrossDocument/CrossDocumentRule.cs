using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossDocument;

/// <summary>
/// A figure of a stored document as the cross-document rules see it (one row of the store's fact table):
/// table kind (or "Narrative" / "Topic"), row key (Function:2100101, L:Income:…, N:subject#scope), column meaning,
/// value in 万元 (a percentage for the narrative's ChangePercent), and where it was printed.
/// </summary>
public sealed record StoredFigure(string Table, string RowKey, string? Code, string Label, string Measure, decimal Value, int? Page = null, int? Line = null);

/// <summary>One stored document: its kind, year, display name and figures.</summary>
public sealed class StoredDocument
{
    public required DocumentKind Kind { get; init; }
    public required int Year { get; init; }
    /// <summary>The name shown in locations (the uploaded file's name).</summary>
    public required string File { get; init; }
    public required IReadOnlyList<StoredFigure> Figures { get; init; }

    public string KindName => Kind == DocumentKind.FinalAccount ? "决算" : "预算";

    public Provenance Where(StoredFigure f) => new(File, f.Line, f.Page, Text: f.Label);

    /// <summary>The row key without a block suffix (#b1); null for a row of one unit (@code), which is not the department's figure.</summary>
    public static string? BaseRow(string rowKey)
    {
        if (rowKey.Contains('@')) return null;
        int hash = rowKey.IndexOf('#');
        return hash < 0 ? rowKey : rowKey[..hash];
    }

    /// <summary>The document's own figure of a table row: its single amount / total column (a 决算's 决算数).</summary>
    public StoredFigure? Own(string table, string baseRow)
    {
        string[] columns = Kind == DocumentKind.FinalAccount ? ["Actual", "Amount", "Total"] : ["Amount", "Total"];
        foreach (var c in columns)
            foreach (var f in Figures)
                if (f.Table == table && f.Measure == c && BaseRow(f.RowKey) == baseRow) return f;
        return null;
    }
}

/// <summary>What a cross-document rule gets: the document checked and the same department's other stored documents.</summary>
public sealed class CrossDocumentContext
{
    public required StoredDocument Document { get; init; }
    /// <summary>The same department's other documents (latest version of each year and kind).</summary>
    public IReadOnlyList<StoredDocument> Others { get; init; } = [];

    public StoredDocument? Find(DocumentKind kind, int year) => Others.FirstOrDefault(d => d.Kind == kind && d.Year == year);
}

/// <summary>
/// A rule that compares a document with the same department's other documents in the store. It does not run in a
/// single-document <c>check</c> (there is nothing to compare with); the store runs it whenever a document of the
/// department is added, for that document and the documents it relates to.
/// </summary>
public abstract class CrossDocumentRule : Rule
{
    public sealed override IEnumerable<Finding> Check(AuditContext ctx) => [];

    public abstract IEnumerable<Finding> CheckAcross(CrossDocumentContext ctx);

    /// <summary>Decimals a stored value shows (trailing zeros are not kept by every database): 7163.37 → 2, 818 → 0.</summary>
    public static int ScaleOf(decimal v)
    {
        var n = v / 1.0000000000000000000000000000m;
        return (decimal.GetBits(n)[3] >> 16) & 0xFF;
    }

    /// <summary>Two prints of one quantity (two documents' tables, or a narrative and a table) under the 尾差 policy.</summary>
    protected static Comparison Same(decimal expected, decimal found) =>
        Tolerance.Printed(expected, Math.Min(2, ScaleOf(expected)), found, Math.Min(2, ScaleOf(found)));

    /// <summary>The 决算 table whose figures the same year's 预算 table publishes.</summary>
    public static string? BudgetTableOf(string finalTable) => finalTable switch
    {
        nameof(TableKind.FinalSummary) => nameof(TableKind.BudgetSummary),
        nameof(TableKind.FinalRevenue) => nameof(TableKind.BudgetRevenue),
        nameof(TableKind.FinalExpenditure) => nameof(TableKind.BudgetExpenditure),
        nameof(TableKind.FinalFiscalSummary) => nameof(TableKind.BudgetFiscalSummary),
        nameof(TableKind.FinalGeneralExpenditure) => nameof(TableKind.BudgetGeneralExpenditure),
        nameof(TableKind.FinalGeneralBasic) => nameof(TableKind.BudgetGeneralBasic),
        nameof(TableKind.FinalGovFund) => nameof(TableKind.BudgetGovFund),
        nameof(TableKind.FinalStateCapital) => nameof(TableKind.BudgetStateCapital),
        _ => null,
    };

    protected static string TableName(string table) =>
        table == "Narrative" ? "情况说明" : Enum.TryParse<TableKind>(table, out var k) ? k.Describe() : table;

    protected static TableKind? TableKindOf(string table) => Enum.TryParse<TableKind>(table, out var k) ? k : null;

    protected static string RowName(StoredFigure f) => f.Code is { } c ? $"{c} {f.Label}" : f.Label;
}
