using Gongkai.Model;
using Gongkai.Recognition.Tables;

namespace Gongkai.Tests.Reading;

/// <summary>A hand-checked table cell: the page it is printed on, the table, the row, the column and the value as printed.</summary>
/// <param name="Row">"2010601" (code), "line:TotalIncomeThisYear", "label:住房公积金" (label contains) or "total".</param>
public sealed record CellCheck(int Page, TableKind Kind, string Row, ColumnKey Col, string Expected, int Block = -1);

/// <summary>A hand-checked narrative statement: page, kind, subject fragment and the figures as printed (null: not checked).</summary>
public sealed record ClaimCheck(
    int Page, ClaimKind Kind, string Subject, string? Amount = null, ChangeDirection? Direction = null,
    string? Change = null, string? Percent = null, string? Share = null, string? Completion = null);

/// <summary>Compares hand-checked cells and claims with what the reader recognized, reporting every mismatch at once.</summary>
public static class PdfAcceptance
{
    public const int MinimumChecks = 40;

    public static void AssertCells(string pdf, IReadOnlyCollection<CellCheck> checks)
    {
        var d = PdfSamples.Read(pdf).Disclosure;
        var errors = new List<string>();
        foreach (var c in checks)
        {
            var err = Check(d, c);
            if (err is not null) errors.Add($"第{c.Page}页 {c.Kind} 行 {c.Row} 列 {c.Col}：{err}");
        }
        Assert.True(errors.Count == 0, $"{errors.Count}/{checks.Count} 个单元格与印刷值不符：\n" + string.Join("\n", errors));
    }

    /// <summary>Why the reader's value differs from the printed one (null when it matches).</summary>
    public static string? Mismatch(Disclosure d, CellCheck c) => Check(d, c);

    private static string? Check(Disclosure d, CellCheck c)
    {
        var tables = d.Tables.Where(t => t.Kind == c.Kind && t.HasGrid).ToList();
        if (tables.Count == 0) return "没有这种表";
        string? first = null;
        foreach (var t in tables)
        {
            var row = FindRow(t, c.Row, c.Block);
            if (row is null) { first ??= "找不到行"; continue; }
            var f = row[c.Col];
            if (f is null) { first ??= $"行“{row.Label}”没有这一列"; continue; }
            if (f.ToString() != c.Expected) return $"读到 {f}，印刷为 {c.Expected}";
            if (f.Source.Page != c.Page) return $"值来自第{f.Source.Page}页";
            return null;
        }
        return first;
    }

    public static DataRow? FindRow(DisclosureTable t, string row, int block = -1)
    {
        IEnumerable<DataRow> rows = t.Rows;
        if (block >= 0) rows = rows.Where(r => r.Block == block);
        return row switch
        {
            "total" => rows.FirstOrDefault(r => r.IsTotal),
            _ when row.StartsWith("line:", StringComparison.Ordinal) => rows.FirstOrDefault(r => r.Line.ToString() == row[5..]),
            _ when row.StartsWith("label:", StringComparison.Ordinal) => rows.FirstOrDefault(r => TextNormalizer.Compact(r.Label).Contains(row[6..], StringComparison.Ordinal)),
            _ => rows.FirstOrDefault(r => r.Code?.Value == row),
        };
    }

    public static void AssertClaims(string pdf, IReadOnlyCollection<ClaimCheck> checks)
    {
        var d = PdfSamples.Read(pdf).Disclosure;
        var errors = new List<string>();
        foreach (var c in checks)
        {
            var onPage = d.Claims.Where(x => x.Source.Page == c.Page && x.Subject.Contains(c.Subject, StringComparison.Ordinal)).ToList();
            if (onPage.Any(x => Matches(x, c))) continue;
            errors.Add($"第{c.Page}页 {c.Kind} {c.Subject} {c.Amount} {c.Direction} {c.Change} {c.Percent}% 占{c.Share}% 完成{c.Completion}%：" +
                       (onPage.Count == 0 ? "没有这个主语的陈述" : "读到 " + string.Join("；", onPage)));
        }
        Assert.True(errors.Count == 0, $"{errors.Count}/{checks.Count} 个叙述陈述与印刷不符：\n" + string.Join("\n", errors));
    }

    private static bool Matches(Claim x, ClaimCheck c) =>
        x.Kind == c.Kind
        && Same(x.Amount, c.Amount)
        && (c.Direction is null || x.Direction == c.Direction)
        && Same(x.ChangeAmount, c.Change)
        && Same(x.ChangePercent, c.Percent)
        && Same(x.SharePercent, c.Share)
        && Same(x.CompletionPercent, c.Completion);

    private static bool Same(decimal? read, string? printed) =>
        printed is null || read == decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture);
}
