using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>Rows of the “三公” tables with their basis (预算数/决算数/single column).</summary>
internal static class ThreePublicRows
{
    /// <summary>
    /// The 三公 figures as rows: from the tables when there are any, otherwise from
    /// <see cref="Disclosure.ThreePublic"/> (rebuilt into a synthetic row so the same checks apply).
    /// </summary>
    public static IEnumerable<(DisclosureTable Table, DataRow Row, Basis Basis)> All(AuditContext ctx)
    {
        if (!ctx.Tables(TableNames.ThreePublic).Any() && ctx.Disclosure.ThreePublic is { } tp)
        {
            var kind = ctx.Disclosure.Kind == DocumentKind.FinalAccount ? TableKind.FinalThreePublic : TableKind.BudgetThreePublic;
            var table = new DisclosureTable { Kind = kind };
            var row = new DataRow();
            foreach (var (figures, basis) in new[] { (tp.Budget, Basis.Budget), (tp.Final, Basis.Final) })
            {
                void Put(Measure m, Figure? f) { if (f is not null) row.Values[new ColumnKey(m, basis)] = f; }
                Put(Measure.ThreePublicTotal, figures.Total); Put(Measure.Abroad, figures.Abroad);
                Put(Measure.VehicleTotal, figures.VehicleTotal); Put(Measure.VehiclePurchase, figures.VehiclePurchase);
                Put(Measure.VehicleOperation, figures.VehicleOperation); Put(Measure.Reception, figures.Reception);
            }
            table.Rows.Add(row);
            foreach (var basis in new[] { Basis.Budget, Basis.Final })
                if (row.Values.Keys.Any(k => k.Basis == basis)) yield return (table, row, basis);
            yield break;
        }
        foreach (var t in ctx.Tables(TableNames.ThreePublic))
            foreach (var row in t.Rows)
                foreach (var basis in new[] { Basis.Default, Basis.Budget, Basis.Final })
                    if (row.Values.Keys.Any(k => k.Basis == basis && k.Measure is Measure.ThreePublicTotal or Measure.VehicleTotal))
                        yield return (t, row, basis);
    }
}

/// <summary>GK220 三公 合计 = 出国 + 用车小计 + 接待 (P15, Q13).</summary>
public sealed class ThreePublicTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK220", "“三公”经费合计等于三项之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "“三公”合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
        "“三公”经费表的合计应等于三项费用之和，预算数、决算数分别核对。",
        "3.02 = 0 + 1.95 + 1.07");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, row, basis) in ThreePublicRows.All(ctx))
        {
            if (row[new ColumnKey(Measure.ThreePublicTotal, basis)] is not { } total) continue;
            var parts = new[] { Measure.Abroad, Measure.VehicleTotal, Measure.Reception }.Select(m => row[new ColumnKey(m, basis)]).ToList();
            if (parts.All(p => p is null)) continue;
            var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}{BasisName(basis)}",
                "“三公”经费合计应等于因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
            if (f is not null) yield return f;
        }
    }

    internal static string BasisName(Basis b) => b switch { Basis.Budget => "（预算数）", Basis.Final => "（决算数）", _ => "" };
}

/// <summary>GK226 combined table: 合计 = “三公”小计 + 会议费 + 培训费 (P16, JS/XA).</summary>
public sealed class CombinedThreePublicTotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK226", "“三公”、会议费、培训费合计等于三者之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "合计 = “三公”经费小计 + 会议费 + 培训费",
        "江苏、西安等地把会议费、培训费与“三公”经费列在同一张表中，最外层合计应等于“三公”小计与会议费、培训费之和。",
        "2542.60 = 833.60 + 1305.25 + 403.75");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, row, basis) in ThreePublicRows.All(ctx))
        {
            // an unread column may be one of the parts of the outer 合计
            if (t.UnmappedValueColumns.Count > 0) continue;
            if (row[new ColumnKey(Measure.Total, basis)] is not { } total) continue;
            var parts = new[] { Measure.ThreePublicTotal, Measure.Meeting, Measure.Training }.Select(m => row[new ColumnKey(m, basis)]).ToList();
            if (parts[1] is null && parts[2] is null) continue;
            var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}{ThreePublicTotal.BasisName(basis)}",
                "合计应等于“三公”经费小计 + 会议费 + 培训费", new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK221 用车小计 = 购置 + 运行 (P15, Q13).</summary>
public sealed class VehicleSubtotal : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK221", "公务用车小计等于购置费加运行费", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行（维护）费",
        "“三公”经费表中公务用车小计应等于购置费与运行维护费之和，预算数、决算数分别核对。",
        "1.95 = 0 + 1.95");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, row, basis) in ThreePublicRows.All(ctx))
        {
            if (row[new ColumnKey(Measure.VehicleTotal, basis)] is not { } total) continue;
            var parts = new[] { row[new ColumnKey(Measure.VehiclePurchase, basis)], row[new ColumnKey(Measure.VehicleOperation, basis)] };
            if (parts.All(p => p is null)) continue;
            var f = Judge(ctx, Tolerance.Sum(total, parts), $"{t.Kind.Describe()}{ThreePublicTotal.BasisName(basis)}",
                "公务用车购置及运行费应等于购置费 + 运行维护费", new[] { total.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
            if (f is not null) yield return f;
        }
    }
}

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

/// <summary>GK225 B6/F6 类 = Σ 款, 款 = Σ 7-digit sub-items, and (B6) 合计 = Σ 类, per column (P13, Q12).</summary>
public sealed class EconomicClassSums : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK225", "经济分类类级等于款级之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "类 = Σ 款；款 = Σ 目（列有 7 位细目时）；合计 = Σ 类（逐列）",
        "基本支出表（及江苏机关运行经费支出预算表）按部门预算支出经济分类列示，类级科目每一列应等于其款级科目之和，合计行应等于各类之和；" +
        "款下再列 7 位细目（如 3010201 规范性津补贴）时，款级科目应等于其细目之和。上年数列不参与。",
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
                foreach (var (key, fig) in parent.CurrentValues)
                {
                    var parts = children.Select(c => c[key]).ToList();
                    if (parts.All(p => p is null)) continue;
                    var f = Judge(ctx, Tolerance.Sum(fig, parts), $"{t.Kind.Describe()}「{parent.Name()}」{key.ColumnName()}列",
                        $"应等于 {children.Count} 个{(parent.Code!.Value.Level == CodeLevel.Section ? "目" : "款")}级科目之和", new[] { fig.Source }.Concat(parts.Select(p => p?.Source)), t.Kind);
                    if (f is not null) yield return f;
                }
            }
            if (t.Kind is not (TableKind.BudgetGeneralBasic or TableKind.OperatingCostsByEconomic) || Econ.TotalRow(t) is not { } total || h.TopLevel.Count == 0) continue;
            foreach (var (key, fig) in total.CurrentValues)
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
