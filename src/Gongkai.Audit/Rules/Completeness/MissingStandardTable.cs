using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>GK101 a standard table of the national set is missing.</summary>
public sealed class MissingStandardTable : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK101", "缺少标准公开表格", Severity.Warning, Applicability.Both, RuleCategory.Completeness,
        "预算：B1–B8 均应公开；决算：F1–F9 均应公开（“三公”表可并入机构运行信息表）",
        "无数据的表也应以空表形式公开并加注说明，不能省略；国有资本经营预算表在部分地区预算中不单列，故不要求 B9；" +
        "一般公共预算支出表（按经济分类）列有基本支出时，视为已公开 B6 的内容。" +
        "文件中没有任何标准表格时（如只公开文字说明的地区）不检查；文中称表格另行公开（附后、另行公开、附件：…报表）时只给一条提示，请在附件中核对。",
        "2024 年决算缺少政府性基金的收支决算表（公开07表）")
    { RunsOnTemplates = true };

    private static readonly TableKind[] BudgetSet =
    {
        TableKind.BudgetSummary, TableKind.BudgetRevenue, TableKind.BudgetExpenditure, TableKind.BudgetFiscalSummary,
        TableKind.BudgetGeneralExpenditure, TableKind.BudgetGeneralBasic, TableKind.BudgetThreePublic, TableKind.BudgetGovFund,
    };

    private static readonly TableKind[] FinalSet =
    {
        TableKind.FinalSummary, TableKind.FinalRevenue, TableKind.FinalExpenditure, TableKind.FinalFiscalSummary,
        TableKind.FinalGeneralExpenditure, TableKind.FinalGeneralBasic, TableKind.FinalThreePublic, TableKind.FinalGovFund,
        TableKind.FinalStateCapital,
    };

    /// <summary>
    /// The 基本支出 by economic class published inside the 一般公共预算支出表（按经济分类） (a 基本支出 column beside 项目支出, as
    /// some cities lay out their own table set): the content of B6 is there, so B6 is not missing.
    /// </summary>
    private static bool BasicByEconomicElsewhere(Disclosure d) =>
        d.Tables.Any(t => t.Kind == TableKind.BudgetGeneralByEconomic && t.Columns.Any(c => c.Key?.Measure == Measure.Basic)
                          && t.Rows.Any(r => r[Measure.Basic] is { IsNumber: true }));

    private static string Short(string s) => s.Length <= 30 ? s : s[..30] + "…";

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var set = d.Kind == DocumentKind.FinalAccount ? FinalSet : d.Kind == DocumentKind.Budget ? BudgetSet : null;
        if (set is null || !d.Tables.Any(t => BudgetSet.Contains(t.Kind) || FinalSet.Contains(t.Kind))) yield break;
        var missing = set.Where(kind => d.Table(kind) is null
            && !(kind == TableKind.FinalThreePublic && d.Table(TableKind.InstitutionOperation) is not null)
            && !(kind == TableKind.BudgetGeneralBasic && BasicByEconomicElsewhere(d))).ToList();
        if (missing.Count == 0) yield break;
        // the document says its tables are published in a separate file (附后, 另行公开, 附件：…报表): one 提示 to look there
        if (EmptyNotes.SeparatelyPublished(d) is Sentence attached)
        {
            yield return Soften(Report($"未找到 {string.Join("、", missing.Select(k => k.Describe()))}；文中称表格另行公开（“{Short(attached.Text)}”），请在附件中核对",
                new[] { attached.Source }, suggestion: "核对附件是否公开了这些表格。"), Severity.Info);
            yield break;
        }
        foreach (var kind in missing)
        {
            yield return Report($"未找到 {kind.Describe()}（应公开，实际缺失）", new[] { new Provenance(d.File) },
                suggestion: "补充该表；无数据时以空表公开并注明原因。", table: kind);
        }
    }
}
