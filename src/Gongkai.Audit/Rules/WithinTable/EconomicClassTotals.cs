using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>Helpers over the 部门经济分类 tables.</summary>
internal static class Econ
{
    public static List<DataRow> Classes(DisclosureTable t, params string[] codes) =>
        t.Coded(CodeScheme.DepartmentEconomic).Where(r => r.Code!.Value.Value.Length == 3 && codes.Contains(r.Code!.Value.Value)).ToList();

    public static DataRow? TotalRow(DisclosureTable t) => t.Rows.FirstOrDefault(r => r.IsTotal);

    public static readonly string[] PersonnelClasses = { "301", "303" };
    public static readonly string[] PublicClasses = { "302", "307", "309", "310", "311", "312", "313", "399" };
}

/// <summary>GK222 F6 人员经费合计 = 301 + 303 (Q12).</summary>
public sealed class FinalPersonnelTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK222", "人员经费合计等于301与303类之和", Severity.Error, Applicability.FinalAccount, RuleCategory.WithinTable,
        "人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助",
        "基本支出决算表底部的人员经费合计应等于工资福利支出与对个人和家庭的补助两类之和。",
        "2152.26 = 2082.85 + 69.41");

    public override IEnumerable<Finding> Check(AuditContext ctx) =>
        Check(ctx, this, Measure.Personnel, Econ.PersonnelClasses, "人员经费合计", "301 + 303");

    internal static IEnumerable<Finding> Check(AuditContext ctx, Rule rule, Measure measure, string[] classes, string name, string formula)
    {
        foreach (var t in ctx.Tables(TableKind.FinalGeneralBasic))
        {
            if (Econ.TotalRow(t)?[measure] is not { } total) continue;
            var rows = Econ.Classes(t, classes);
            if (rows.Count == 0) continue;
            var parts = rows.Select(r => r[Measure.Total] ?? r[Measure.Amount]).ToList();
            var f = rule.Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}「{name}」",
                $"应等于 {formula} 类级行之和", new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK223 F6 公用经费合计 = 302 + 307 + 310 + 312 + 399 (Q12).</summary>
public sealed class FinalPublicTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK223", "公用经费合计等于302、307、310、312、399类之和", Severity.Error, Applicability.FinalAccount, RuleCategory.WithinTable,
        "公用经费合计 = 302 + 307 + 310 + 312 + 399（及其他非人员类）",
        "基本支出决算表底部的公用经费合计应等于301、303以外各经济分类类级行之和。",
        "184.65 = 171.07 + 13.58");

    public override IEnumerable<Finding> Check(AuditContext ctx) =>
        FinalPersonnelTotal.Check(ctx, this, Measure.Public, Econ.PublicClasses, "公用经费合计", "302、307、310、312、399 等");
}

/// <summary>GK224 B6 人员经费 column = 301 + 303 rows; 公用经费 column = the other classes (P14, [U]).</summary>
public sealed class BudgetPersonnelColumn : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK224", "人员经费、公用经费列与经济分类口径一致", Severity.Warning, Applicability.Budget, RuleCategory.WithinTable,
        "合计行 人员经费 = Σ 301、303 类合计；公用经费 = Σ 其他类合计",
        "预算基本支出表的人员经费通常只含工资福利支出和对个人和家庭的补助；个别地区把福利费等计入人员经费，故为警告，陕西口径降为提示；各类级行自身已按人员经费、公用经费分列且与合计行一致时（表内明示的地区口径），也只作提示。列名不是“人员经费”（如“人员类”“人员支出”）时按地区口径，不作此核对。",
        "人员经费 182.37 = 301 182.37 + 303 0");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableKind.BudgetGeneralBasic))
        {
            if (Econ.TotalRow(t) is not { } totalRow) continue;
            // the 301 + 303 definition is that of 人员经费; a split worded otherwise (人员类 of the 预算管理一体化 project
            // categories, 人员支出 | 日常公用支出) follows the region's own scope
            if (t.Columns.FirstOrDefault(c => c.Key == Measure.Personnel) is { } pc && !pc.Header.Replace(" ", "").Contains("人员经费")) continue;
            foreach (var (measure, classes, name) in new[]
                     { (Measure.Personnel, Econ.PersonnelClasses, "人员经费"), (Measure.Public, Econ.PublicClasses, "公用经费") })
            {
                if (totalRow[measure] is not { } total) continue;
                var rows = t.Coded(CodeScheme.DepartmentEconomic).Where(r => r.Code!.Value.Value.Length == 3).ToList();
                if (rows.Count == 0) continue;
                // a 基本支出 table's row total may be headed 基本支出/小计
                var parts = rows.Where(r => classes.Contains(r.Code!.Value.Value)).Select(r => r[Measure.Total] ?? r[Measure.Basic]).ToList();
                var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()} 合计行{name}列",
                    $"应等于{(measure == Measure.Personnel ? " 301、303 " : "除 301、303 外各")}类级行合计之和",
                    new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind,
                    "核对是否有经济科目被列入了另一口径（人员经费/公用经费）。");
                if (f is null) continue;
                // the class rows print their own 人员/公用 split and it adds up to the column: the table states its 口径
                // openly (a regional practice, e.g. part of 303 counted as 公用经费) — a 提示, not a 警告
                if (!f.IsRoundingDifference && Tolerance.Sum(total, rows.Select(r => r[measure]).ToList()).Verdict != Verdict.Mismatch
                    && rows.All(r => (r[Measure.Total] ?? r[Measure.Basic]) is not { } rt
                                     || Tolerance.Sum(rt, new[] { r[Measure.Personnel], r[Measure.Public] }).Verdict != Verdict.Mismatch))
                    f = Soften(f with { Message = f.Message + "（表内各类级行已按此口径列示人员经费、公用经费）" }, Severity.Info);
                yield return f;
            }
        }
    }
}

/// <summary>GK225 B6/F6 类 = Σ 款 and (B6) 合计 = Σ 类, per column (P13, Q12).</summary>
public sealed class EconomicClassSums : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK225", "经济分类类级等于款级之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "类 = Σ 款；合计 = Σ 类（逐列）",
        "基本支出表（及江苏机关运行经费支出预算表）按部门预算支出经济分类列示，类级科目每一列应等于其款级科目之和，合计行应等于各类之和。",
        "301 工资福利支出 2082.85 = 30101 + 30102 + … + 30199");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Tables(TableNames.Economic).Concat(ctx.Tables(TableKind.OperatingCostsByEconomic)))
        {
            var h = new CodeHierarchy(t, CodeScheme.DepartmentEconomic);
            foreach (var parent in h.Rows)
            {
                var children = h.Children[parent];
                if (children.Count == 0) continue;
                foreach (var (key, fig) in parent.Values)
                {
                    var parts = children.Select(c => c[key]).ToList();
                    if (parts.All(p => p is null)) continue;
                    var f = Judge(ctx, Tolerance.Sum(fig, parts), $"{t.Kind.Describe()}「{parent.Name()}」{key.ColumnName()}列",
                        $"应等于 {children.Count} 个款级科目之和", new[] { fig.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
                    if (f is not null) yield return f;
                }
            }
            if (t.Kind is not (TableKind.BudgetGeneralBasic or TableKind.OperatingCostsByEconomic) || Econ.TotalRow(t) is not { } total || h.TopLevel.Count == 0) continue;
            foreach (var (key, fig) in total.Values)
            {
                var parts = h.TopLevel.Select(c => c[key]).ToList();
                if (parts.All(p => p is null)) continue;
                var f = Judge(ctx, Tolerance.Sum(fig, parts), $"{t.Kind.Describe()} 合计行{key.ColumnName()}列",
                    $"应等于 {h.TopLevel.Count} 个类级科目之和", new[] { fig.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
                if (f is not null) yield return f;
            }
        }
    }
}
