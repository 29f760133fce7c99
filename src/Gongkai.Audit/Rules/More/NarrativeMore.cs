using System.Text.RegularExpressions;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.More;

/// <summary>GK413 a 三公 change against a budget base: the stated base equals the table's 预算数 (年初 or 全年, either accepted).</summary>
public sealed class ThreePublicBudgetBase : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK413", "“三公”经费预算基数与表格一致", Severity.Warning, Applicability.FinalAccount, RuleCategory.Narrative,
        "叙述中与预算比较的“三公”项目：所述预算数 ∈ {表中年初预算数, 表中全年预算数}；都不等才报告",
        "决算说明常写“较年初预算减少 x 万元”或“较全年预算”，两种口径都可接受，但所述预算数必须是表中的某一个。",
        "公务接待费“年初预算 2.00 万元”，“三公”表预算数 1.50");

    private static readonly (string Word, Func<ThreePublicFigures, Figure?> Get)[] Items =
    {
        ("公务接待", f => f.Reception), ("因公出国", f => f.Abroad), ("公务用车运行", f => f.VehicleOperation),
        ("公务用车购置费", f => f.VehiclePurchase), ("三公", f => f.Total),
    };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.ThreePublic is not { } tp) yield break;
        foreach (var c in DepartmentClaims(ctx))
        {
            if (c.BaseAmount is not decimal b || c.Base is not (ComparisonBase.InitialBudget or ComparisonBase.AdjustedBudget or ComparisonBase.Budget)) continue;
            var item = Items.FirstOrDefault(i => c.Subject.Contains(i.Word));
            if (item.Word is null) continue;
            var bases = new[] { item.Get(tp.Budget) }.Concat(ctx.Disclosure.Tables.Where(t => TableNames.ThreePublic.Contains(t.Kind))
                    .SelectMany(t => t.Rows).SelectMany(r => r.Values.Where(kv => kv.Key.Basis == Basis.Budget).Select(kv => kv.Value)))
                .Where(f => f is { IsNumber: true }).Select(f => f!).ToList();
            var own = item.Get(tp.Budget);
            if (own is not { IsNumber: true }) continue;
            var scale = Tolerance.NarrativeScale(c.BaseAmountScale);
            if (bases.Any(f => Tolerance.Printed(f.Value, f.Scale, b, scale).Verdict != Verdict.Mismatch)) continue;
            var cmp = Tolerance.Printed(own.Value, own.Scale, b, scale);
            var f = Judge(ctx, cmp, $"情况说明{Quote(c)}", $"「{c.Subject}」所称预算数应为表中预算数（年初或全年）",
                new[] { c.Source, own.Source }, null, "核对所称预算数的口径（年初/全年）和金额。", "万元");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK414 the narrative 政府采购 total equals the procurement table.</summary>
public sealed partial class ProcurementNarrativeVsTable : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK414", "政府采购叙述总额与采购表一致", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "叙述“政府采购（预算）总额/共/合计 X 万元”= 政府采购表合计",
        "情况说明中的政府采购总额应与政府采购表合计一致。",
        "说明写政府采购预算共 92 万元，政府采购表合计 81.20");

    [GeneratedRegex("政府采购.{0,8}(总额|合计|共计?)$|纳入政府采购.{0,10}合计$")]
    private static partial Regex TotalSubject();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.Procurement?.Total is not { IsNumber: true } total) yield break;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Amount && c.Amount is not null && TotalSubject().IsMatch(SubjectResolver.Normalize(c.Subject))))
        {
            if (c.Sentence.Contains("上年") || c.Sentence.Contains("结转")) continue;
            var (v, scale) = Wan(c.Amount!.Value, c.AmountScale, c.Unit);
            var f = Judge(ctx, Tolerance.Printed(total.Value, total.Scale, v, scale), $"情况说明{Quote(c)}",
                "政府采购总额应与政府采购表合计一致", new[] { c.Source, total.Source }, TableKind.Procurement, "核对叙述或采购表。", "万元");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK415 the stated 中小企业 share equals 中小企业 ÷ 采购总额.</summary>
public sealed class SmeShare : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK415", "中小企业份额占比计算正确", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "所述中小企业占比 = 中小企业金额 ÷ 政府采购总额 × 100%（同句或采购表的金额）",
        "授予中小企业合同金额的占比由两个金额算出，应与所述百分比相符。",
        "授予中小企业 50 万元，占政府采购总额 200 万元的 30%（应为 25%）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in DepartmentClaims(ctx).Where(c => c.SharePercent is not null && c.Subject.Contains("中小企业")))
        {
            decimal? part = c.Amount;
            var whole = DepartmentClaims(ctx).Where(o => o.Sentence == c.Sentence && o.Amount is not null && o.Subject.Contains("采购") && !o.Subject.Contains("中小"))
                .Select(o => o.Amount).FirstOrDefault() ?? ctx.Disclosure.Procurement?.Total?.Value;
            part ??= ctx.Disclosure.Procurement?.Sme?.Value;
            if (part is not decimal p || whole is not decimal w || w == 0m) continue;
            var f = Judge(ctx, Tolerance.Percent(c.SharePercent!.Value, p, w), $"情况说明{Quote(c)}", "中小企业占比应等于中小企业金额 ÷ 采购总额",
                new[] { c.Source }, TableKind.Procurement, "按金额重新计算占比。", "%");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK416 the narrative vehicle count equals the asset/statistics table.</summary>
public sealed class VehicleCount : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK416", "车辆数与表格一致", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "叙述“共有车辆 N 辆” = 资产表车辆数合计；“公务用车保有量 N 辆” = 机构运行信息表公务用车保有量",
        "情况说明中的车辆总数应与资产表或机构运行信息表一致（计数无尾差）。",
        "说明写车辆 3 辆，资产表车辆合计 2 辆");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        // two different counts: all vehicles (资产 车辆数合计) and official cars kept (三公 公务用车保有量)
        var all = d.Assets?.VehicleCount;
        var official = d.ThreePublic?.Statistics.FirstOrDefault(kv => kv.Key.Contains("保有")).Value;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Count && (c.Subject.EndsWith("车辆") || c.Subject.Contains("保有"))))
        {
            var n = c.Counts.FirstOrDefault(x => x.Word == "辆");
            if (n.Word is null) continue;
            var table = c.Subject.Contains("保有") || c.Subject.Contains("公务用车") ? official : all ?? official;
            if (table is not { IsNumber: true }) continue;
            if (n.Value == table.Value) continue;
            yield return Report($"情况说明{Quote(c)}：车辆数应为 {table.Value:0} 辆（表格），实为 {n.Value:0} 辆，差额 {n.Value - table.Value:+0;-0} 辆",
                new[] { c.Source, table.Source }, table.Value, n.Value, "核对车辆数。");
        }
    }
}

/// <summary>GK417 the number of projects said to have 绩效目标 equals the number of project 绩效 tables.</summary>
public sealed class ProjectCountVsTargets : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK417", "绩效项目个数与绩效表数一致", Severity.Warning, Applicability.Both, RuleCategory.Narrative,
        "绩效段落所称项目个数 = 项目绩效目标表（或自评表）张数",
        "说明称 N 个项目编制了绩效目标（或开展了自评），公开的项目绩效表应有 N 张。",
        "说明写 16 个项目，公开项目绩效目标表 15 张");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var tables = d.Kind == DocumentKind.FinalAccount ? d.SelfEvaluations.Count(s => !s.IsOverall) : d.PerformanceTargets.Count(p => !p.IsOverall);
        if (tables == 0) yield break;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Count && c.Sentence.Contains("绩效")
            // “对部门整体支出和 4 个项目开展了绩效自评”: the counted word names the projects; a count of projects chosen
            // for a 重点绩效评价 (“拟对…等1个项目开展部门重点绩效评价”) is not the number of target or 自评 tables
            && (c.Subject.Contains("项目") || (c.Counts.Any(x => x.Word.Contains("项目")) && Regex.IsMatch(c.Sentence, "自评|绩效目标") && !c.Sentence.Contains("评价")))))
        {
            var n = c.Counts.FirstOrDefault(x => x.Word is "个" or "项" or "个项目" or "项项目");
            if (n.Word is null || n.Value == tables) continue;
            // "一级项目 10 个": the tables may be published per 二级 project — fewer 一级 projects than tables is no contradiction
            if (n.Value < tables && c.Sentence.Contains("一级")) continue;
            yield return Report($"情况说明{Quote(c)}：项目个数应为 {tables} 个（公开的项目绩效表张数），实为 {n.Value:0} 个，差额 {n.Value - tables:+0;-0}",
                new[] { c.Source }, tables, n.Value, "核对项目个数或补齐绩效表。");
        }
    }
}

/// <summary>GK418 the money covered by 绩效目标管理 does not exceed the total and matches 项目支出 when it says 项目.</summary>
public sealed partial class PerformanceCoverage : NarrativeRule
{
    [GeneratedRegex("运转类|特定目标类|部分项目|重点项目")]
    private static partial Regex ProjectCategories();

    /// <summary>The 一般公共预算 项目支出 (B5/F5) is the whole 项目支出 (B3/F3): every project is paid from it.</summary>
    private static bool GeneralProjectsAreAll(AuditContext ctx, Figure all)
    {
        var k = ctx.Disclosure.Kind == DocumentKind.FinalAccount ? TableKind.FinalGeneralExpenditure : TableKind.BudgetGeneralExpenditure;
        if (ctx.Disclosure.Table(k)?.TotalRow?[Measure.Project] is not { IsNumber: true } g) return false;
        var gw = g.Unit == ValueUnit.Yuan ? g.ToWanYuan() : g;
        return Tolerance.Printed(all.Value, all.Scale, gw.Value, gw.Scale).Verdict != Verdict.Mismatch;
    }

    /// <summary>
    /// The money of the projects the document publishes one by one: Σ 项目绩效目标表 年度资金 (when every project table
    /// has one) and Σ the listed rows of the 项目支出表, in 万元.
    /// </summary>
    private static IEnumerable<decimal> PublishedProjects(AuditContext ctx)
    {
        var targets = ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall).ToList();
        if (targets.Count > 0 && targets.All(p => p.Amount is { IsNumber: true } a && a.Unit is ValueUnit.WanYuan or ValueUnit.Yuan))
            yield return targets.Sum(p => X.Wan(p.Amount!).Value);
        if (ctx.Disclosure.Table(TableKind.ProjectList) is { HasGrid: true } list)
        {
            var rows = list.Rows.Where(r => !r.IsTotal && !r.IsSubItem && r.UnitCode is null)
                .Select(r => r[Measure.Amount] ?? r[Measure.Total]).Where(f => f is { IsNumber: true }).Select(f => X.Wan(f!).Value).ToList();
            if (rows.Count > 0 && !NestedLists.HasSubtotalRows(rows)) yield return rows.Sum();
        }
    }

    public override RuleDescriptor Descriptor { get; } = new(
        "GK418", "绩效目标覆盖金额与项目支出一致", Severity.Warning, Applicability.Budget, RuleCategory.Narrative,
        "“项目支出均实行绩效目标管理，涉及 X 万元”⇒ X = 项目支出（B3/B5 合计行）",
        "所有项目支出都实行绩效目标管理时，所称涉及金额应等于项目支出预算；只与同一资金口径的表格比较（全部资金对支出总表，" +
        "一般公共预算对一般公共预算支出表），只列部分类别（运转类、特定目标类）的说法不比较。未写“项目支出”而金额等于全部支出" +
        "（政策和项目全面实施，基本支出也按预算项目管理）、金额等于逐项公开的项目（绩效目标表或项目支出表所列，其余未公开）之和、" +
        "或称 0 个项目实行绩效目标管理的，不比较。",
        "涉及一般公共预算当年财政拨款 6387.35 万元，项目支出 6387.35 万元（一致）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (X.ProjectTotal(ctx) is not var (projPrinted, table)) yield break;
        var proj = projPrinted.Unit == ValueUnit.Yuan ? projPrinted.ToWanYuan() : projPrinted;
        bool general = table is TableKind.BudgetGeneralExpenditure or TableKind.FinalGeneralExpenditure;
        foreach (var c in DepartmentClaims(ctx).Where(c => c.Kind == ClaimKind.Amount && c.Amount is not null && c.Sentence.Contains("绩效目标管理") && c.Sentence.Contains("项目")))
        {
            // only a statement about the projects as a whole (not "其他运转类项目和特定目标类项目"), of the money the table
            // holds: all funds for B3/F3, 一般公共预算 for B5/F5 (财政拨款 too when no other fund is spent)
            if (ProjectCategories().IsMatch(c.Sentence)) continue;
            var (v, scale) = Wan(c.Amount!.Value, c.AmountScale, c.Unit);
            bool fiscal = c.Scope == FundScope.GeneralBudget || c.Scope == FundScope.FiscalGrant && X.GeneralOnly(ctx);
            bool sameMoney = general ? fiscal
                : c.Scope is FundScope.All or FundScope.Unknown || fiscal && GeneralProjectsAreAll(ctx, proj);
            // "共0个项目实行绩效目标管理，涉及…0万元": no project has targets set — a statement of fact, not a sum to check
            if (v == 0m && ctx.Disclosure.Claims.Any(o => o.Sentence == c.Sentence && o.Counts.Any(n => n.Value == 0m && n.Word.Contains('个')))) continue;
            // "涉及 0 万元" for projects that have targets, beside a 项目支出, is wrong whatever money it speaks of
            if (!sameMoney && !(v == 0m && proj.Value != 0m)) continue;
            // a sentence that covers the whole budget (整体支出, or 政策和项目 where every budget line is a 预算项目, 基本支出
            // included) may give the whole budget; only one that names 项目支出 must give 项目支出
            if ((c.Sentence.Contains("整体") || !c.Sentence.Contains("项目支出")) && X.SpendingTotal(ctx) is var (allPrinted, _)
                && X.Wan(allPrinted) is var all && Tolerance.Printed(all.Value, all.Scale, v, scale).Verdict != Verdict.Mismatch) continue;
            // the projects published one by one (others withheld, e.g. 涉密): the sentence may count only those
            if (PublishedProjects(ctx).Any(sum => Tolerance.Printed(sum, 2, v, scale).Verdict != Verdict.Mismatch)) continue;
            var f = Judge(ctx, Tolerance.Printed(proj.Value, proj.Scale, v, scale), $"情况说明{Quote(c)}",
                $"绩效目标管理涉及金额应等于{table.Describe()}项目支出", new[] { c.Source, proj.Source }, table, "核对涉及金额。", "万元");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>Topics whose absence the narrative states ("无政府性基金收支") and the tables that carry them.</summary>
internal static class Topics
{
    public static readonly (string Word, TableKind[] Kinds)[] All =
    {
        ("政府性基金", new[] { TableKind.BudgetGovFund, TableKind.FinalGovFund }),
        ("国有资本经营", new[] { TableKind.BudgetStateCapital, TableKind.FinalStateCapital }),
        ("政府采购", new[] { TableKind.Procurement }),
    };
}

/// <summary>GK419 the narrative says there is no X but the table has figures.</summary>
public sealed partial class NarrativeNoneButTable : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK419", "叙述称“无”而表格有数", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "情况说明写“无/没有 政府性基金（国有资本经营、政府采购）收支”⇒ 相应表格无非零数据",
        "文字与表格对同一资金有无的说法相反，至少一处错误。",
        "说明写“本部门无政府性基金收支”，政府性基金表合计 50.00");

    /// <summary>A non-zero figure outside a column-number row (栏次 / ** 1 2 3 …, read as data by some layouts).</summary>
    private static bool HasData(DisclosureTable t) =>
        t.Rows.Any(r => !SubjectResolver.IsColumnNumberRow(r) && r.Values.Values.Any(v => v.IsNumber && v.Value != 0m));

    [GeneratedRegex("(?<!是否|有无)(无|没有|未安排|不涉及)")]
    private static partial Regex Negation();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        foreach (var (word, kinds) in Topics.All)
        {
            var table = d.Tables.FirstOrDefault(t => kinds.Contains(t.Kind) && t.HasGrid && !t.IsEmpty && HasData(t));
            if (table is null) continue;
            foreach (var s in d.Sentences)
            {
                var i = s.Text.IndexOf(word, StringComparison.Ordinal);
                if (i < 0 || s.Text.Contains("上年") || s.Text.Contains("结转")) continue;
                var m = Negation().Match(s.Text, Math.Max(0, i - 6));
                if (!m.Success || m.Index > i + word.Length + 4) continue;
                var total = table.TotalRow?[Measure.Total] ?? table.Rows.SelectMany(r => r.Values.Values).FirstOrDefault(v => v.IsNumber && v.Value != 0m);
                yield return Report($"情况说明「{s.Text.Trim()[..Math.Min(40, s.Text.Trim().Length)]}」称无{word}资金，但{table.Kind.Describe()}有数据（{total}）",
                    new[] { s.Source, total?.Source ?? table.Source }, 0m, total?.Value, "核对说明与表格。", table.Kind);
                break;
            }
        }
    }
}

/// <summary>GK420 the narrative states an amount but the table is empty or only a title.</summary>
public sealed class NarrativeAmountButTableEmpty : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK420", "叙述有金额而表格为空", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "情况说明所述政府性基金（国有资本经营、政府采购）金额 > 0 ⇒ 相应表格有数据",
        "文字说有这笔资金，表格却是空表或只有标题，表格漏填或文字有误。",
        "说明写政府采购预算共 92 万元，政府采购表只有标题");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        foreach (var (word, kinds) in Topics.All)
        {
            var tables = d.Tables.Where(t => kinds.Contains(t.Kind)).ToList();
            if (tables.Count == 0 || tables.Any(t => t.HasGrid && !t.IsEmpty)) continue;
            var c = DepartmentClaims(ctx).FirstOrDefault(c => c.Kind is ClaimKind.Amount or ClaimKind.Breakdown && c.Amount > 0m
                && c.Subject.Contains(word) && !c.Sentence.Contains("上年") && !c.Sentence.Contains("结转"));
            if (c is null) continue;
            var t = tables[0];
            yield return Report($"情况说明{Quote(c)}称「{c.Subject}」{Tolerance.Format(c.Amount!.Value)} 万元，但{t.Kind.Describe()}" +
                                (t.HasGrid ? "无数据" : "只有标题") + $"（应为 {Tolerance.Format(c.Amount!.Value)}，实为 0）",
                new[] { c.Source, t.Source }, c.Amount, 0m, "补全表格数据，或更正说明。", t.Kind);
        }
    }
}

/// <summary>GK421 人员经费 + 公用经费 stated in the narrative equals the 基本支出 stated there.</summary>
public sealed class NarrativeBasicSplit : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK421", "叙述的人员经费与公用经费之和等于基本支出", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "同一段落中：人员经费 + 公用经费 = 基本支出",
        "基本支出由人员经费和公用经费构成，三个数同时出现在说明中时应能相加。",
        "基本支出 763.52 万元，人员经费 683.73 万元，公用经费 92.74 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var g in Claims(ctx).Where(c => c.Kind == ClaimKind.Amount && c.Amount is not null).GroupBy(c => c.Section))
        {
            Claim? Of(string s) => g.FirstOrDefault(c => SubjectResolver.Normalize(c.Subject) is var n && (n == s || n == s + "支出"));
            if (Of("基本支出") is not { } basic || Of("人员经费") is not { } pers || Of("公用经费") is not { } pub) continue;
            var scale = new[] { basic.AmountScale, pers.AmountScale, pub.AmountScale }.Select(Tolerance.NarrativeScale).Min();
            var f = Judge(ctx, Tolerance.Sum(basic.Amount!.Value, new[] { pers.Amount!.Value, pub.Amount!.Value }, scale),
                $"情况说明{Quote(basic)}", "基本支出应等于人员经费 + 公用经费", new[] { basic.Source, pers.Source, pub.Source }, null,
                "核对三个金额。", "万元");
            if (f is not null) yield return f;
        }
    }
}
