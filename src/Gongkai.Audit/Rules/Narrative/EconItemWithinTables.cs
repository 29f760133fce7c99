using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>
/// GK436 a 财政拨款 / 一般公共预算 amount of one economic item stated in the narrative (委托业务费, 会议费, 培训费) lies
/// between what the tables allow: at least the item's line of the 一般公共预算基本支出表 (the basic part alone), at most
/// that line plus all 一般公共预算 项目支出 (the most the projects can hold of it).
/// </summary>
public sealed partial class EconItemWithinTables : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK436", "叙述的经济分类款项金额在表格允许的范围内", Severity.Warning, Applicability.Budget, RuleCategory.Narrative,
        "B6 该款金额 ≤ 叙述的财政拨款（一般公共预算）该款金额 ≤ B6 该款金额 + B5 项目支出合计（委托业务费 30227、会议费 30215、培训费 30216）",
        "情况说明所写的财政拨款委托业务费、会议费、培训费，由基本支出（一般公共预算基本支出表中的该款）和项目支出中的该款组成：" +
        "不会少于基本支出表所列，也不会多于基本支出表所列加上全部一般公共预算项目支出。基本支出表未细到款、" +
        "另有政府性基金或国有资本经营支出、句子未写明资金口径时不比较。",
        "“委托业务费财政拨款预算为99万元”，基本支出表无委托业务费，一般公共预算项目支出合计 4.50 万元");

    private static readonly (string Name, string Code)[] Items = { ("委托业务费", "30227"), ("会议费", "30215"), ("培训费", "30216") };

    /// <summary>A subject that is a part, a rate or a combination of items, not the item's whole amount.</summary>
    [GeneratedRegex("人均|标准|单价|每|基本支出|项目|其中|三公|和|及|、|中的|以外|定额|上年|去年|决算|执行")]
    private static partial Regex NotTheWhole();

    [GeneratedRegex("财政拨款|一般公共预算")]
    private static partial Regex ScopeWords();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var basic = ctx.FirstTable(TableKind.BudgetGeneralBasic);
        // the basic table must list the 302 items one by one: else a missing line is not a zero
        if (basic is null || !basic.Rows.Any(r => r.Code?.Value is { Length: 5 } code && code.StartsWith("302", StringComparison.Ordinal))) yield break;
        var projects = ctx.Disclosure.Table(TableKind.BudgetGeneralExpenditure)?.TotalRow?[Measure.Project];
        foreach (var c in DepartmentClaims(ctx))
        {
            if (c.Kind is not (ClaimKind.Amount or ClaimKind.Change or ClaimKind.Breakdown) || c.Amount is not decimal amount
                || c.Unit is not (ValueUnit.WanYuan or ValueUnit.Yuan)) continue;
            if (c.Scope is not (FundScope.FiscalGrant or FundScope.GeneralBudget) || !ScopeWords().IsMatch(c.Sentence)) continue;
            var items = Items.Where(i => c.Subject.Contains(i.Name, StringComparison.Ordinal)).ToList();
            if (items.Count != 1 || NotTheWhole().IsMatch(c.Subject.Replace(items[0].Name, ""))) continue;
            var (name, code) = items[0];
            var rows = basic.Rows.Where(r => r.Code?.Value == code).Select(r => r[CodeHierarchy.MainKey(r)]).ToList();
            if (rows.Any(f => f is not { IsNumber: true })) continue;
            var line = rows.Sum(f => Wan(f!).Value);
            var (value, scale) = Wan(amount, c.AmountScale, c.Unit);
            var s = Math.Min(scale, Tolerance.ScaleOf(rows));
            var locations = new List<Provenance?> { c.Source };
            locations.AddRange(rows.Select(f => f!.Source));
            // at least the basic line
            if (Tolerance.AtMost(line, value, s).Verdict == Verdict.Mismatch)
            {
                yield return Report($"情况说明{Quote(c)}：所写财政拨款「{name}」{Tolerance.Format(value)}万元，少于一般公共预算基本支出表的 {code} {name} {Tolerance.Format(line)}万元（应不少于基本支出中的该款）",
                    locations, line, value, "核对叙述金额与基本支出表。", TableKind.BudgetGeneralBasic);
                continue;
            }
            // at most the basic line plus all project spending, when 一般公共预算 is the whole of 财政拨款
            if (projects is not { IsNumber: true } p || (c.Scope == FundScope.FiscalGrant && !X.GeneralOnly(ctx))) continue;
            var limit = line + Wan(p).Value;
            locations.Add(p.Source);
            if (Tolerance.AtMost(value, limit, Math.Min(s, Tolerance.ScaleOf(new[] { p }))).Verdict == Verdict.Mismatch)
                yield return Report($"情况说明{Quote(c)}：所写财政拨款「{name}」{Tolerance.Format(value)}万元，超过基本支出表的 {code} {name}（{Tolerance.Format(line)}万元）" +
                    $"与一般公共预算项目支出合计（{Tolerance.Format(Wan(p).Value)}万元）之和 {Tolerance.Format(limit)}万元",
                    locations, limit, value, "核对叙述金额的资金口径（财政拨款/全部资金）与金额。", TableKind.BudgetGeneralExpenditure);
        }
    }

    private static Figure Wan(Figure f) => X.Wan(f);
}
