using Gongkai.Model;

namespace Gongkai.Audit.Rules;

/// <summary>Figure look-ups shared by rules of several families (the document's own basis, B6/F6 economic lines, 项目支出 and 支出 totals).</summary>
internal static class X
{
    public static bool Final(AuditContext ctx) => ctx.Disclosure.Kind == DocumentKind.FinalAccount;

    /// <summary>The 三公 figures on the document's own basis (决算 for final accounts, else 预算).</summary>
    public static ThreePublicFigures? ThreePublic(AuditContext ctx) =>
        ctx.Disclosure.ThreePublic is { } tp ? (Final(ctx) ? tp.Final : tp.Budget) : null;

    /// <summary>The amount of an economic line of B6/F6 (any block), or null.</summary>
    public static (Figure Figure, TableKind Table)? EconLine(AuditContext ctx, string code)
    {
        var t = ctx.FirstTable(Final(ctx) ? TableKind.FinalGeneralBasic : TableKind.BudgetGeneralBasic);
        var row = t?.Rows.FirstOrDefault(r => r.Code?.Value == code);
        if (row is null) return null;
        var f = row[CodeHierarchy.MainKey(row)];
        return f is { IsNumber: true } ? (f, t!.Kind) : null;
    }

    /// <summary>项目支出 total of the expenditure table (B3/F3), else of B5/F5.</summary>
    public static (Figure Figure, TableKind Table)? ProjectTotal(AuditContext ctx)
    {
        foreach (var k in Final(ctx) ? new[] { TableKind.FinalExpenditure, TableKind.FinalGeneralExpenditure }
                     : new[] { TableKind.BudgetExpenditure, TableKind.BudgetGeneralExpenditure })
            if (ctx.Disclosure.Table(k)?.TotalRow?[Measure.Project] is { IsNumber: true } f) return (f, k);
        return null;
    }

    /// <summary>No 政府性基金 or 国有资本经营 spending is published: 财政拨款 is 一般公共预算 alone.</summary>
    public static bool GeneralOnly(AuditContext ctx) =>
        new[] { TableKind.BudgetGovFund, TableKind.FinalGovFund, TableKind.BudgetStateCapital, TableKind.FinalStateCapital }
            .All(k => ctx.Disclosure.Table(k) is not { } t || !t.Rows.Any(r => !SubjectResolver.IsColumnNumberRow(r) && r.Values.Values.Any(v => v.IsNumber && v.Value != 0m)));

    /// <summary>本年支出合计 of B1/F1, else the 合计 of B3/F3.</summary>
    public static (Figure Figure, TableKind Table)? SpendingTotal(AuditContext ctx)
    {
        var sk = Final(ctx) ? TableKind.FinalSummary : TableKind.BudgetSummary;
        if (ctx.Disclosure.Table(sk)?.Line(Side.Expenditure, SummaryLine.TotalExpenditureThisYear)?.LineValue() is { IsNumber: true } f) return (f, sk);
        var ek = Final(ctx) ? TableKind.FinalExpenditure : TableKind.BudgetExpenditure;
        if (ctx.Disclosure.Table(ek)?.TotalRow?[Measure.Total] is { IsNumber: true } g) return (g, ek);
        return null;
    }

    /// <summary>A money figure in 万元 (tables printed in 元 are converted; other figures are returned as they are).</summary>
    public static Figure Wan(Figure f) => f.Unit == ValueUnit.Yuan ? f.ToWanYuan() : f;

    public static string Key(string name) => SubjectResolver.Normalize(name).Replace("项目", "").Replace("经费", "");
}
