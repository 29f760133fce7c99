using System.Globalization;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;

namespace Gongkai.Reports;

/// <summary>What both report formats say about a document, a rule and a finding (labels, numbers, names).</summary>
public static class ReportFacts
{
    public static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.Budget => "部门预算",
        DocumentKind.FinalAccount => "部门决算",
        _ => "未识别类型",
    };

    public static string DocumentTitle(ReadResult read)
    {
        var d = read.Disclosure;
        return $"{d.DepartmentName ?? "（部门未识别）"} {(d.Year is int y ? y + " 年" : "")}{KindName(d.Kind)}";
    }

    /// <summary>The rule descriptor of a finding, from the default registry; null for an unknown id.</summary>
    public static RuleDescriptor? Rule(string id) => RuleRegistry.Default.Find(id)?.Descriptor;

    public static string TableName(TableKind? kind) => kind is TableKind k && k != TableKind.Unknown ? k.Describe() : "";

    /// <summary>
    /// Whether a finding's amounts are whole numbers as computed (years, counts, amounts printed without
    /// decimals): they are then shown without decimals, everything else with two.
    /// </summary>
    public static bool IsWhole(Finding f) =>
        new[] { f.Expected, f.Found }.Where(v => v.HasValue).All(v => v!.Value.Scale == 0);

    /// <summary>An amount as shown in the HTML report, as the messages print it: "1224.57", "2021"; the difference gets a sign.</summary>
    public static string Amount(decimal? value, bool whole, bool signed = false)
    {
        if (value is not decimal v) return "";
        var s = whole ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);
        return signed && v > 0 ? "+" + s : s;
    }

    /// <summary>Findings in the report's order, numbered from 1.</summary>
    public static IEnumerable<(int No, Finding Finding)> Numbered(AuditReport report) =>
        report.Findings.Select((f, i) => (i + 1, f));

    public static readonly Severity[] Severities = [Severity.Error, Severity.Warning, Severity.Info];
}
