using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Reports;

/// <summary>Seed 000 read and audited once (as gongkai check does), shared by the report tests.</summary>
public static class Seed000
{
    private static readonly Lazy<(ReadResult Read, AuditReport Report)> _audited = new(() =>
    {
        var read = new DisclosureReader().Read(Shared.Seed("000"));
        var report = Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });
        return (read, report);
    });

    public static ReadResult Read => _audited.Value.Read;
    public static AuditReport Report => _audited.Value.Report;

    /// <summary>GK206 on the 基本支出表 row 303 (合计 0.05 printed, 人员经费 0.50).</summary>
    public static (int No, Finding Finding) Row303 => Numbered(f => f.RuleId == "GK206" && f.Message.Contains("「303 "));

    /// <summary>GK501 on the 一般公共预算支出表: 2109999 listed under 21015.</summary>
    public static (int No, Finding Finding) Misplaced2109999 =>
        Numbered(f => f.RuleId == "GK501" && f.Table == TableKind.BudgetGeneralExpenditure);

    public static (int No, Finding Finding) Numbered(Func<Finding, bool> match)
    {
        var hits = Report.Findings.Select((f, i) => (No: i + 1, Finding: f)).Where(x => match(x.Finding)).ToList();
        Assert.Single(hits);
        return hits[0];
    }
}
