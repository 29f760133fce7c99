using Gongkai.Model;

namespace Gongkai.Audit.Rules.More;

/// <summary>Helpers of the cross-table rules added in rules2.</summary>
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

/// <summary>GK312 an econ line of B6/F6 (基本支出 only) exceeds the matching 三公 item (P28/Q29).</summary>
public sealed class ThreePublicVsEconomic : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK312", "基本支出表“三公”相关科目不超过“三公”表", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "B6/F6 30217 公务接待费 ≤ “三公”表公务接待费；30231 公务用车运行维护费 ≤ “三公”表公务用车运行费",
        "基本支出表只含基本支出，“三公”表含基本和项目支出，前者的相应科目不应大于后者。",
        "F6 30217 公务接待费 2.30，F7 公务接待费 1.80");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (X.ThreePublic(ctx) is not { } tp) yield break;
        foreach (var (code, fig, name) in new[] { ("30217", tp.Reception, "公务接待费"), ("30231", tp.VehicleOperation, "公务用车运行费") })
        {
            if (fig is not { IsNumber: true } || X.EconLine(ctx, code) is not var (line, table)) continue;
            var f = Judge(ctx, Tolerance.AtMost(X.Wan(line).Value, X.Wan(fig).Value), $"{table.Describe()} {code}",
                $"不应超过“三公”经费表的{name}", new[] { line.Source, fig.Source }, table, "核对基本支出表与“三公”经费表的口径。", "万元");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK313 会议费/培训费/差旅费 of 公开09 ≥ the F6 lines 30215/30216/30211 (Q31).</summary>
public sealed class MeetingTrainingVsEconomic : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK313", "会议费、培训费、差旅费不小于基本支出表相应科目", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "机构运行信息表会议费 ≥ F6 30215；培训费 ≥ 30216；差旅费 ≥ 30211",
        "机构运行信息表的会议费、培训费、差旅费含基本和项目支出，不应小于基本支出表中的相应科目。",
        "公开09 会议费 1.00，F6 30215 会议费 2.06");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.ThreePublic is not { } tp) yield break;
        foreach (var (code, fig, name) in new[] { ("30215", tp.Meeting, "会议费"), ("30216", tp.Training, "培训费"), ("30211", tp.Travel, "差旅费") })
        {
            if (fig is not { IsNumber: true } || X.EconLine(ctx, code) is not var (line, table)) continue;
            var f = Judge(ctx, Tolerance.AtMost(X.Wan(line).Value, X.Wan(fig).Value), $"{table.Describe()} {code} {name}",
                $"不应超过机构运行信息表的{name}", new[] { line.Source, fig.Source }, table, "核对两表口径。", "万元");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK314 Σ project list = 项目支出 (P30).</summary>
public sealed class ProjectListSum : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK314", "项目支出表合计等于支出表项目支出", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "Σ 项目支出表各项目金额（或其合计行）= B3/B5 合计行项目支出（+ 支出总表另列的经营支出类列；仅有B5时：部门另有非一般公共预算资金的，合计应在 B5 项目支出与其加上这些资金之间）",
        "项目支出表逐项列出项目，其合计应与支出总表的项目支出一致；支出总表另列事业单位经营支出（上缴上级、对附属单位补助）而项目表也列了这些项目时，" +
        "与项目支出加这些列之和比较。没有合计行、且按单位/类别/项目分层列出（某行等于其下数行之和）的表不核对：无法判断哪些行是项目。",
        "专项业务经费表合计 150.00，支出总表项目支出 161.84");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var list = ctx.Disclosure.Table(TableKind.ProjectList);
        if (list is null || !list.HasGrid || X.ProjectTotal(ctx) is not var (proj, table)) yield break;
        // tables printed in 元 are compared in 万元
        proj = X.Wan(proj);
        var total = (list.TotalRow?[Measure.Amount] ?? list.TotalRow?[Measure.Total]) is { } tf ? X.Wan(tf) : null;
        var parts = list.Rows.Where(r => !r.IsTotal && !r.IsSubItem && r.UnitCode is null)
            .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(f => f is { IsNumber: true }).Select(f => (Figure?)X.Wan(f!)).ToList();
        if (total is null && parts.Count == 0) yield break;
        // a list nested by level (unit → category → project) prints subtotals among its rows: adding them all would
        // count money two or three times, and which rows are projects cannot be told, so nothing is compared
        if (total is not { IsNumber: true } && NestedLists.HasSubtotalRows(parts.Select(p => p!.Value).ToList())) yield break;
        var found = total is { IsNumber: true } ? total.Value : parts.Sum(p => p!.Value);
        var scale = Tolerance.ScaleOf(parts.Append(total).Append(proj));
        // the 一般公共预算 table's 项目支出 is the whole of the projects only when the department spends nothing else; with
        // other money (事业收入, 其他收入, 上年结转 …) the list may hold projects paid from it: Σ list lies between the
        // 一般公共预算 项目支出 and that plus all the other money
        if (OtherMoney(ctx, table) is { } other && other > Rounding.HalfUnit(2))
        {
            var (cmp, what) = found < proj.Value
                ? (Tolerance.Equal(proj.Value, found, scale), $"项目金额合计不应少于{table.Describe()}项目支出")
                : (Tolerance.AtMost(found, proj.Value + other, scale),
                    $"项目金额合计不应超过{table.Describe()}项目支出与非一般公共预算资金 {Tolerance.Format(other)}万元之和");
            var g = Judge(ctx, cmp, TableKind.ProjectList.Describe(), what,
                new[] { total?.Source ?? list.Source, proj.Source }, TableKind.ProjectList, "核对项目支出表是否漏列项目。", "万元");
            if (g is not null) yield return g;
            yield break;
        }
        var c = Tolerance.Equal(proj.Value, found, scale);
        // a 支出总表 that prints 事业单位经营支出 (上缴上级, 对附属单位补助) beside 项目支出, while the project list holds those
        // projects too (a project paid from 经营 income): the list adds up to 项目支出 and those columns
        if (c.Verdict == Verdict.Mismatch && ctx.Disclosure.Table(table)?.TotalRow is { } totalRow)
        {
            var others = new[] { Measure.OperatingExpenditure, Measure.RemitToSuperior, Measure.SubsidyToSubordinate }
                .Select(m => totalRow[m]).Where(f => f is { IsNumber: true } && f.Value != 0m).Select(f => X.Wan(f!)).ToList();
            if (others.Count > 0 && Tolerance.Equal(proj.Value + others.Sum(o => o.Value), found, Tolerance.ScaleOf(parts.Append(total).Append(proj).Concat(others))).Verdict != Verdict.Mismatch)
                yield break;
        }
        var f = Judge(ctx, c, TableKind.ProjectList.Describe(), $"项目金额合计应等于{table.Describe()}项目支出",
            new[] { total?.Source ?? list.Source, proj.Source }, TableKind.ProjectList, "核对项目支出表是否漏列项目。", "万元");
        if (f is not null) yield return f;
    }

    /// <summary>
    /// Money the department spends besides what a 一般公共预算 table covers (万元): 本年支出合计 less that table's 合计;
    /// null when the project figure comes from a table of all money, or the figures are missing.
    /// </summary>
    private static decimal? OtherMoney(AuditContext ctx, TableKind projectTable)
    {
        if (projectTable is not (TableKind.BudgetGeneralExpenditure or TableKind.FinalGeneralExpenditure)) return null;
        if (ctx.Disclosure.Table(projectTable)?.TotalRow?[Measure.Total] is not { IsNumber: true } general) return null;
        if (X.SpendingTotal(ctx) is not var (all, _)) return null;
        return X.Wan(all).Value - X.Wan(general).Value;
    }
}

internal static class NestedLists
{
    /// <summary>True when some row equals the sum of at least two rows right below it (a subtotal of a nested list).</summary>
    internal static bool HasSubtotalRows(IReadOnlyList<decimal> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] <= 0m) continue;
            decimal run = 0m;
            for (int j = i + 1; j < values.Count; j++)
            {
                run += values[j];
                if (j - i >= 2 && Math.Abs(run - values[i]) <= Rounding.HalfUnit(2) * (j - i + 1)) return true;
                if (run > values[i]) break;
            }
        }
        return false;
    }
}

/// <summary>GK315 the money of the 整体绩效 table equals the department's total spending, its 基本/项目 split the B3 totals (P31).</summary>
public sealed class OverallTargetMoney : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK315", "整体绩效目标表资金与支出总额一致", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "整体绩效目标表年度资金总额 = 总表本年支出合计（单位按表头换算）；其中基本支出（人员类 + 运转类）、项目支出（特定目标类）= 支出总表合计行基本支出、项目支出",
        "部门整体绩效覆盖部门全部预算资金，资金总额及其构成应与预算总表、支出总表一致（P31）。",
        "整体绩效目标表 7000.00 万元，收支总表本年支出合计 7163.37 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var t = ctx.Disclosure.PerformanceTargets.FirstOrDefault(p => p.IsOverall && p.Amount is { IsNumber: true });
        if (t is null || X.SpendingTotal(ctx) is not var (printedTotal, table)) yield break;
        var total = X.Wan(printedTotal);
        // a table labelled 元 whose figures are 万元 (GK617) is compared as printed
        var amount = t.Amount!.Unit == ValueUnit.Yuan && t.Amount.Value <= total.Value * 100m ? t.Amount with { Unit = ValueUnit.WanYuan }
            : t.Amount.Unit == ValueUnit.Yuan ? t.Amount.ToWanYuan() : t.Amount;
        var f = Judge(ctx, Tolerance.Equal(total, amount), "部门整体绩效目标表", $"资金总额应等于{table.Describe()}本年支出合计",
            new[] { t.Amount.Source, total.Source }, null, "核对整体绩效目标表的资金口径和单位。", "万元");
        if (f is not null) yield return f;
        // the split: 基本支出 (or 人员类 + 运转类) and 项目支出 (or 特定目标类) = the B3 合计 row
        if (ctx.Disclosure.Table(TableKind.BudgetExpenditure)?.TotalRow is not { } b3) yield break;
        var money = t.Funds.SelectMany(l => l.Values.Where(kv => kv.Value.IsNumber && kv.Value.Unit is ValueUnit.WanYuan or ValueUnit.Yuan && !kv.Key.Contains("占比"))
            .Select(kv => (Parts: (l.Label + "·" + kv.Key).Split('·'), Figure: kv.Value))).ToList();
        Figure ToWan(Figure x) => x.Unit == ValueUnit.Yuan && x.Value <= total.Value * 100m ? x with { Unit = ValueUnit.WanYuan } : x.Unit == ValueUnit.Yuan ? x.ToWanYuan() : x;
        foreach (var (name, measure, categories) in new[] { ("基本支出", Measure.Basic, new[] { "人员类项目支出", "运转类项目支出" }), ("项目支出", Measure.Project, new[] { "特定目标类项目支出" }) })
        {
            if (b3[measure] is not { IsNumber: true } printedExpected) continue;
            var expected = X.Wan(printedExpected);
            var direct = money.FirstOrDefault(m => m.Parts.Any(p => p == name) && m.Parts[^1] is var last && (last == name || last is "合计" or "金额"));
            var parts = direct.Figure is not null ? [direct.Figure] : categories.Select(c => money.FirstOrDefault(m => m.Parts.Any(p => p == c)).Figure).ToList();
            if (parts.Count == 0 || parts.Any(x => x is null)) continue;
            var found = parts.Count == 1 ? ToWan(parts[0]!) : ToWan(parts[0]!) with { Value = parts.Sum(x => ToWan(x!).Value) };
            var g = Judge(ctx, Tolerance.Equal(expected, found), "部门整体绩效目标表", $"{(direct.Figure is not null ? name : string.Join("与", categories))}应等于支出总表合计行{name}",
                parts.Select(x => (Provenance?)x!.Source).Append(expected.Source), TableKind.BudgetExpenditure, "核对整体绩效目标表的资金构成。", "万元");
            if (g is not null) yield return g;
        }
    }
}

/// <summary>GK316 a project's 绩效目标 money equals its line in the project list.</summary>
public sealed class ProjectTargetVsList : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK316", "项目绩效目标资金与项目支出表一致", Severity.Warning, Applicability.Budget, RuleCategory.CrossTable,
        "项目绩效目标表年度资金（换算万元）= 项目支出表同名项目金额",
        "同一项目在项目支出表和绩效目标表中的预算金额应一致。",
        "绩效目标表“医疗救助”100.00 万元，项目支出表 120.00 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var list = ctx.Disclosure.Table(TableKind.ProjectList);
        if (list is null) yield break;
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall && p.Amount is { IsNumber: true } && p.ProjectName.Length > 0))
        {
            // a 专项资金 (fund) target table covers the whole fund, which may pay several projects or other units: its
            // money is not one line of the list
            if (IsFundTable(p.Title)) continue;
            var key = X.Key(p.ProjectName);
            var rows = list.Rows.Where(r => !r.IsTotal && X.Key(r.Label) == key).ToList();
            if (rows.Count != 1 || (rows[0][Measure.Amount] ?? rows[0][Measure.Total]) is not { IsNumber: true } printedLine) continue;
            var line = X.Wan(printedLine);
            var amount = p.Amount!.Unit == ValueUnit.Yuan ? p.Amount.ToWanYuan() : p.Amount;
            // the same project listed again with a bracketed qualifier (…（结转）, …（省级）): the target may cover all lines
            var variants = list.Rows.Where(r => !r.IsTotal && X.Key(r.Label) is var k && k.Length > key.Length && k.StartsWith(key, StringComparison.Ordinal)
                                                && k[key.Length] is '(' or '（')
                .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(x => x is { IsNumber: true }).Select(x => X.Wan(x!)).ToList();
            if (variants.Count > 0 && Tolerance.Equal(line.Value + variants.Sum(v => v.Value), amount.Value, Tolerance.ScaleOf(variants.Append(line).Append(amount))).Verdict != Verdict.Mismatch)
                continue;
            // a department's target for a project its units share: the list prints the project once per unit, under
            // a name that may be shortened or prefixed (专用信息化运行维护 / 信息化运行维护项目); the target covers them all
            if (amount.Value > line.Value && SharedAcrossUnits(list, rows[0], key, line, amount)) continue;
            var f = Judge(ctx, Tolerance.Equal(line, amount), $"项目绩效目标表「{p.ProjectName}」", "资金应等于项目支出表同名项目金额",
                new[] { p.Amount.Source, line.Source }, TableKind.ProjectList, "核对两表金额和单位。", "万元");
            if (f is not null) yield return f;
        }
    }

    /// <summary>A target table of a 专项资金 as a whole (专项资金总体绩效目标表, 部门主管专项资金绩效目标表), not of one project.</summary>
    internal static bool IsFundTable(string? title) =>
        title is not null && title.Contains("专项资金") && !title.Replace("一级项目", "").Contains("项目");

    /// <summary>
    /// The target's money is the named line plus lines of the same project under other names (one name contains the
    /// other, at least 4 characters) elsewhere in the list: together, or one of them.
    /// </summary>
    private static bool SharedAcrossUnits(DisclosureTable list, DataRow named, string key, Figure line, Figure amount)
    {
        var related = list.Rows.Where(r => !ReferenceEquals(r, named) && !r.IsTotal && r.UnitCode is null
                                           && X.Key(r.Label) is var k && k.Length >= 4 && k != key && (key.Contains(k) || k.Contains(key)))
            .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(x => x is { IsNumber: true } && x.Value > 0m).Select(x => X.Wan(x!)).ToList();
        if (related.Count == 0) return false;
        bool Fits(decimal extra, IEnumerable<Figure> used) =>
            Tolerance.Equal(line.Value + extra, amount.Value, Tolerance.ScaleOf(used.Append(line).Append(amount))).Verdict != Verdict.Mismatch;
        return Fits(related.Sum(r => r.Value), related) || related.Any(r => Fits(r.Value, new[] { r }));
    }
}

/// <summary>GK317 a 自评 全年执行数 in 元 ÷ 10000 does not exceed F3 项目支出 (unit check).</summary>
public sealed class SelfEvaluationVsProjectSpending : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK317", "项目自评执行数不超过支出决算表项目支出", Severity.Warning, Applicability.FinalAccount, RuleCategory.CrossTable,
        "Σ 项目自评表全年执行数（元 ÷ 10000）≤ F3 合计行项目支出",
        "项目自评覆盖的是项目支出的一部分；合计超过项目支出，通常是自评表单位（元/万元）标错或执行数填错。",
        "自评执行数合计 9,876,500.00 元 = 987.65 万元，F3 项目支出 453.20 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var evals = ctx.Disclosure.SelfEvaluations.Where(s => !s.IsOverall && s.TotalFunds?.Executed is { IsNumber: true }).ToList();
        if (evals.Count == 0 || ctx.Disclosure.Table(TableKind.FinalExpenditure)?.TotalRow?[Measure.Project] is not { IsNumber: true } proj) yield break;
        var sum = evals.Sum(s => { var e = s.TotalFunds!.Executed!; return e.Unit == ValueUnit.Yuan ? e.Value / 10000m : e.Value; });
        var f = Judge(ctx, Tolerance.AtMost(Rounding.HalfUp(sum, 2), X.Wan(proj).Value), "项目绩效自评表", "全年执行数合计（换算为万元）不应超过 F3 项目支出",
            evals.Select(s => (Provenance?)s.TotalFunds!.Executed!.Source).Append(proj.Source), TableKind.FinalExpenditure,
            "核对自评表金额单位（元/万元）和执行数。", "万元");
        if (f is not null) yield return f;
    }
}
