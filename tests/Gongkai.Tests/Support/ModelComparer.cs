using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Tests.Support;

/// <summary>
/// Compares two disclosure models read from the same content in different formats, ignoring provenance.
/// Reports the first difference with a path such as "Tables[3]《…》.Rows[5](2080501 行政运行).Values[Total]".
/// </summary>
public static class ModelComparer
{
    public static string? FirstDifference(Disclosure expected, Disclosure actual)
    {
        var c = new Walker();
        c.Same("Kind", expected.Kind, actual.Kind);
        c.Same("Scope", expected.Scope, actual.Scope);
        c.Same("Profile", expected.Profile, actual.Profile);
        c.Same("Year", expected.Year, actual.Year);
        c.Same("DepartmentName", expected.DepartmentName, actual.DepartmentName);
        c.Same("Title", expected.Title, actual.Title);
        c.List("Tables", expected.Tables, actual.Tables, (p, e, a) => Table(c, p, e, a), t => $"《{t.Title}》");
        c.List("PerformanceTargets", expected.PerformanceTargets, actual.PerformanceTargets, (p, e, a) =>
        {
            c.Same(p + ".IsOverall", e.IsOverall, a.IsOverall);
            c.Same(p + ".ProjectName", e.ProjectName, a.ProjectName);
            c.Same(p + ".ProjectCode", e.ProjectCode, a.ProjectCode);
            Fig(c, p + ".Amount", e.Amount, a.Amount);
            c.List(p + ".Indicators", e.Indicators, a.Indicators, (q, x, y) => Indicator(c, q, x, y), i => i.Name);
        }, t => t.ProjectName);
        c.List("SelfEvaluations", expected.SelfEvaluations, actual.SelfEvaluations, (p, e, a) =>
        {
            c.Same(p + ".ProjectName", e.ProjectName, a.ProjectName);
            Fig(c, p + ".TotalScore", e.TotalScore, a.TotalScore);
            c.List(p + ".Funds", e.Funds, a.Funds, (q, x, y) =>
            {
                c.Same(q + ".Label", x.Label, y.Label);
                Fig(c, q + ".InitialBudget", x.InitialBudget, y.InitialBudget);
                Fig(c, q + ".AdjustedBudget", x.AdjustedBudget, y.AdjustedBudget);
                Fig(c, q + ".Executed", x.Executed, y.Executed);
                Fig(c, q + ".ExecutionRate", x.ExecutionRate, y.ExecutionRate);
                Fig(c, q + ".Score", x.Score, y.Score);
            }, f => f.Label);
            c.List(p + ".Indicators", e.Indicators, a.Indicators, (q, x, y) => Indicator(c, q, x, y), i => i.Name);
        }, t => t.ProjectName);
        c.List("Sections", expected.Sections, actual.Sections, (p, e, a) =>
        {
            c.Same(p + ".Heading", e.Heading, a.Heading);
            c.Same(p + ".Level", e.Level, a.Level);
            c.Same(p + ".Sentences.Count", e.Sentences.Count, a.Sentences.Count);
        }, s => s.Heading);
        c.List("Claims", expected.Claims, actual.Claims, (p, e, a) =>
        {
            c.Same(p + ".Kind", e.Kind, a.Kind);
            c.Same(p + ".Subject", e.Subject, a.Subject);
            c.Same(p + ".Amount", Dec(e.Amount, e.AmountScale), Dec(a.Amount, a.AmountScale));
            c.Same(p + ".Unit", e.Unit, a.Unit);
            c.Same(p + ".Direction", e.Direction, a.Direction);
            c.Same(p + ".ChangeAmount", Dec(e.ChangeAmount, e.ChangeScale), Dec(a.ChangeAmount, a.ChangeScale));
            c.Same(p + ".ChangePercent", e.ChangePercent, a.ChangePercent);
            c.Same(p + ".SharePercent", e.SharePercent, a.SharePercent);
            c.Same(p + ".Parts", string.Join(";", e.Parts.Select(x => $"{x.Subject}={x.Amount}")), string.Join(";", a.Parts.Select(x => $"{x.Subject}={x.Amount}")));
        }, x => x.Sentence.Length > 30 ? x.Sentence[..30] : x.Sentence);
        c.List("Staffing", expected.Staffing, actual.Staffing, (p, e, a) => c.Same(p, $"{e.Category} {e.Authorized} {e.Actual}", $"{a.Category} {a.Authorized} {a.Actual}"), s => s.Category);
        c.Same("Notes", string.Join("\n", expected.Notes.Select(n => n.Message)), string.Join("\n", actual.Notes.Select(n => n.Message)));
        return c.First;
    }

    /// <summary>Fails with the first difference, if any.</summary>
    public static void AssertSame(Disclosure expected, Disclosure actual, string what)
    {
        var diff = FirstDifference(expected, actual);
        Assert.True(diff is null, $"{what}: models differ at {diff}");
    }

    private static string Dec(decimal? v, int scale) => v is null ? "null" : $"{v.Value.ToString(CultureInfo.InvariantCulture)}(scale {scale})";

    private static void Table(Walker c, string p, DisclosureTable e, DisclosureTable a)
    {
        c.Same(p + ".Kind", e.Kind, a.Kind);
        c.Same(p + ".Title", e.Title, a.Title);
        c.Same(p + ".Label", e.Label, a.Label);
        c.Same(p + ".Unit", e.Unit, a.Unit);
        c.Same(p + ".UnitStated", e.UnitStated, a.UnitStated);
        c.Same(p + ".HasGrid", e.HasGrid, a.HasGrid);
        c.Same(p + ".Columns", Columns(e, a.Columns.Count), Columns(a, e.Columns.Count));
        c.List(p + ".Rows", e.Rows, a.Rows, (q, x, y) =>
        {
            c.Same(q + ".Code", x.Code?.Value, y.Code?.Value);
            c.Same(q + ".Label", x.Label, y.Label);
            c.Same(q + ".IsTotal", x.IsTotal, y.IsTotal);
            c.Same(q + ".Side", x.Side, y.Side);
            c.Same(q + ".Line", x.Line, y.Line);
            c.Same(q + ".Block", x.Block, y.Block);
            c.Same(q + ".Values.Keys", string.Join(",", x.Values.Keys), string.Join(",", y.Values.Keys));
            foreach (var (k, f) in x.Values) Fig(c, $"{q}.Values[{k}]", f, y.Values.GetValueOrDefault(k));
            c.Same(q + ".Extras.Keys", string.Join(",", x.Extras.Keys), string.Join(",", y.Extras.Keys));
            foreach (var (k, f) in x.Extras) Fig(c, $"{q}.Extras[{k}]", f, y.Extras.GetValueOrDefault(k));
            c.Same(q + ".Texts", string.Join(";", x.Texts.Select(kv => kv.Key + "=" + kv.Value)), string.Join(";", y.Texts.Select(kv => kv.Key + "=" + kv.Value)));
        }, r => $"{r.Code?.Value} {r.Label}".Trim());
    }

    /// <summary>
    /// The columns as "header:key". Trailing columns without a key beyond the other table's width are left out: a
    /// spreadsheet cannot hold an empty last column, which the text conversion has where its rows end with a TAB
    /// (its header then only repeats the merged header to its left).
    /// </summary>
    private static string Columns(DisclosureTable t, int otherWidth)
    {
        var cols = t.Columns.ToList();
        while (cols.Count > otherWidth && cols[^1].Key is null) cols.RemoveAt(cols.Count - 1);
        return string.Join("|", cols.Select(x => $"{x.Header}:{x.Key}"));
    }

    private static void Indicator(Walker c, string p, Indicator e, Indicator a)
    {
        c.Same(p + ".Level1", e.Level1, a.Level1);
        c.Same(p + ".Level2", e.Level2, a.Level2);
        c.Same(p + ".Name", e.Name, a.Name);
        c.Same(p + ".Operator", e.Operator, a.Operator);
        c.Same(p + ".TargetText", e.TargetText, a.TargetText);
        c.Same(p + ".Target", e.Target, a.Target);
        c.Same(p + ".Unit", e.Unit, a.Unit);
        c.Same(p + ".Weight", e.Weight, a.Weight);
        c.Same(p + ".Actual", e.Actual, a.Actual);
        c.Same(p + ".Score", e.Score, a.Score);
    }

    private static void Fig(Walker c, string p, Figure? e, Figure? a) =>
        c.Same(p, e is null ? "null" : $"{e.Kind} {e.Value.ToString(CultureInfo.InvariantCulture)} scale {e.Scale} {e.Unit}",
            a is null ? "null" : $"{a.Kind} {a.Value.ToString(CultureInfo.InvariantCulture)} scale {a.Scale} {a.Unit}");

    private sealed class Walker
    {
        public string? First { get; private set; }

        public void Same<T>(string path, T expected, T actual)
        {
            if (First is null && !EqualityComparer<T>.Default.Equals(expected, actual))
                First = $"{path}: expected «{expected}» but read «{actual}»";
        }

        public void List<T>(string path, IReadOnlyList<T> expected, IReadOnlyList<T> actual, Action<string, T, T> item, Func<T, string> name)
        {
            for (int i = 0; i < Math.Min(expected.Count, actual.Count) && First is null; i++)
                item($"{path}[{i}]({name(expected[i])})", expected[i], actual[i]);
            if (First is null && expected.Count != actual.Count)
            {
                var extra = expected.Count > actual.Count ? "missing " + name(expected[actual.Count]) : "extra " + name(actual[expected.Count]);
                First = $"{path}: expected {expected.Count} items but read {actual.Count} ({extra})";
            }
        }
    }
}
