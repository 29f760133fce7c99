using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>How serious a finding is: 错误 (Error), 警告 (Warning), 提示 (Info). Lower value sorts first.</summary>
public enum Severity { Error, Warning, Info }

/// <summary>Which document kinds a rule applies to: 预算, 决算 or both.</summary>
[Flags]
public enum Applicability { Budget = 1, FinalAccount = 2, Both = Budget | FinalAccount }

/// <summary>Families of rules, in the order the documentation lists them.</summary>
public enum RuleCategory
{
    /// <summary>完整性 — tables present, empty-table notes.</summary>
    Completeness,
    /// <summary>表内勾稽 — identities inside one table.</summary>
    WithinTable,
    /// <summary>表间勾稽 — the same figure in two tables.</summary>
    CrossTable,
    /// <summary>文表一致 — narrative statements against the tables and against themselves.</summary>
    Narrative,
    /// <summary>科目分类 — classification codes and their hierarchy.</summary>
    Classification,
    /// <summary>绩效 — performance targets and self-evaluation scoring.</summary>
    Performance,
    /// <summary>文字 — template residue, typos, years.</summary>
    Text,
    /// <summary>跨文档 — one document against the same department's other documents in the store.</summary>
    CrossDocument,
    /// <summary>模板一致 — a table identified as a regional template's table against that template (fixed rows, columns, line names).</summary>
    Template,
}

public static class AuditNames
{
    public static string Chinese(this Severity s) => s switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };

    public static string Chinese(this Applicability a) => a switch
    {
        Applicability.Budget => "预算",
        Applicability.FinalAccount => "决算",
        _ => "预算、决算",
    };

    public static string Chinese(this RuleCategory c) => c switch
    {
        RuleCategory.Completeness => "完整性",
        RuleCategory.WithinTable => "表内勾稽",
        RuleCategory.CrossTable => "表间勾稽",
        RuleCategory.Narrative => "文表一致",
        RuleCategory.Classification => "科目分类",
        RuleCategory.Performance => "绩效",
        RuleCategory.CrossDocument => "跨文档",
        RuleCategory.Template => "模板一致",
        _ => "文字规范",
    };

    /// <summary>Machine name of a category used in JSON output (completeness, within-table …).</summary>
    public static string Slug(this RuleCategory c) => c switch
    {
        RuleCategory.Completeness => "completeness",
        RuleCategory.WithinTable => "within-table",
        RuleCategory.CrossTable => "cross-table",
        RuleCategory.Narrative => "narrative",
        RuleCategory.Classification => "classification",
        RuleCategory.Performance => "performance",
        RuleCategory.CrossDocument => "cross-document",
        RuleCategory.Template => "template",
        _ => "text",
    };
}

/// <summary>
/// Everything the documentation and the reports say about a rule: id (GK201), 标题, default 严重程度,
/// 适用 (预算/决算), the regional profiles it is limited to, category, a one-line formula, rationale and example.
/// Findings are built from it; <c>docs/rules.md</c> is generated from it.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    Severity Severity,
    Applicability AppliesTo,
    RuleCategory Category,
    string Formula,
    string Rationale,
    string Example)
{
    /// <summary>Regional profiles the rule is limited to; empty means every profile.</summary>
    public IReadOnlyList<RegionProfile> Profiles { get; init; } = Array.Empty<RegionProfile>();

    /// <summary>
    /// Whether the rule also runs on a blank template (a document of placeholders and empty tables). Only
    /// structural rules do; amount, narrative and empty-table rules would report every blank as a defect.
    /// </summary>
    public bool RunsOnTemplates { get; init; }

    /// <summary>Whether the rule should run on a document of this kind and profile.</summary>
    public bool IsApplicable(DocumentKind kind, RegionProfile profile)
    {
        var kindOk = kind switch
        {
            DocumentKind.Budget => AppliesTo.HasFlag(Applicability.Budget),
            DocumentKind.FinalAccount => AppliesTo.HasFlag(Applicability.FinalAccount),
            _ => true,
        };
        return kindOk && (Profiles.Count == 0 || Profiles.Contains(profile));
    }
}
