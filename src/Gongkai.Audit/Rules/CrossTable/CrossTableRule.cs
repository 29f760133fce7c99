using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>A figure of one table, named for messages.</summary>
public sealed record Named(Figure Figure, TableKind Table, string Label)
{
    public string Describe() => $"{Table.Describe()}「{Label}」";
}

/// <summary>Base for "the same quantity printed in two tables agrees" rules (money compared in 万元).</summary>
public abstract class CrossTableRule : Rule
{
    protected static bool IsFinal(AuditContext ctx) => ctx.Disclosure.Kind == DocumentKind.FinalAccount;

    protected static TableKind K(AuditContext ctx, TableKind budget, TableKind final) => IsFinal(ctx) ? final : budget;

    protected static Named? LineOf(AuditContext ctx, TableKind kind, Side side, SummaryLine line, ColumnKey? key = null)
    {
        if (ctx.Disclosure.Table(kind)?.Line(side, line) is not { } row) return null;
        var f = key is { } k ? row[k] : row.LineValue();
        return f is null ? null : new Named(f, kind, line.Chinese() + (key is { } kk ? "·" + kk.ColumnName() : ""));
    }

    protected static Named? TotalOf(AuditContext ctx, TableKind kind, ColumnKey key)
    {
        var t = ctx.Disclosure.Table(kind);
        var row = t?.TotalRow ?? t?.Rows.FirstOrDefault(r => r.IsTotal);
        return row?[key] is { } f ? new Named(f, kind, "合计行·" + key.ColumnName()) : null;
    }

    protected static Figure Wan(Figure f) => f.Unit == ValueUnit.Yuan ? f.ToWanYuan() : f;

    internal Finding? SameFor(AuditContext ctx, Named? expected, Named? found) => Same(ctx, expected, found);

    /// <summary>Expected (a) against found (b) as one quantity printed twice.</summary>
    protected Finding? Same(AuditContext ctx, Named? expected, Named? found, string? what = null)
    {
        if (expected is null || found is null) return null;
        var c = Tolerance.Equal(Wan(expected.Figure), Wan(found.Figure));
        return Judge(ctx, c, $"{found.Describe()}", what ?? $"应与{expected.Describe()}一致",
            new[] { found.Figure.Source, expected.Figure.Source }, found.Table, unit: "万元");
    }

    /// <summary>found = Σ parts printed elsewhere.</summary>
    protected Finding? SameAsSum(AuditContext ctx, Named? found, IReadOnlyList<Named?> parts, string what)
    {
        if (found is null || parts.All(p => p is null)) return null;
        var figs = parts.Select(p => p is null ? null : Wan(p.Figure)).ToList();
        return Judge(ctx, Tolerance.Sum(Wan(found.Figure), figs), found.Describe(), what,
            new[] { found.Figure.Source }.Concat(parts.Select(p => p?.Figure.Source)), found.Table, unit: "万元");
    }
}
