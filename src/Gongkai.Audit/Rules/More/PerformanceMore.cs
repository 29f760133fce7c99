using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.More;

/// <summary>Indicators of every 绩效目标 and 自评 table, with the table's name.</summary>
internal static class Perf
{
    public static IEnumerable<(string Table, bool Overall, Indicator Indicator)> Indicators(AuditContext ctx) =>
        ctx.Disclosure.PerformanceTargets.SelectMany(p => p.Indicators.Select(i => (Name(p.IsOverall, p.ProjectName), p.IsOverall, i)))
            .Concat(ctx.Disclosure.SelfEvaluations.SelectMany(s => s.Indicators.Select(i => (Name(s.IsOverall, s.ProjectName), s.IsOverall, i))));

    public static string Name(bool overall, string project) => overall ? "部门整体绩效表" : $"项目绩效表「{project}」";
}

/// <summary>GK608 indicator weights add up to 90 (project) or 100 (整体) wherever weights are printed (all profiles but CQ, which GK607 covers).</summary>
public sealed class WeightsSumAnyProfile : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK608", "绩效指标权重合计为 90 或 100", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "印有权重的绩效表：Σ 指标权重 ∈ {90（另 10 分为预算执行率）, 100}",
        "各地的指标权重满分为 100 分（或 90 分加执行率 10 分），合计既非 90 也非 100 说明权重填错或漏列指标。",
        "项目绩效目标表权重合计 95") { };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Profile == RegionProfile.Chongqing) yield break; // GK607
        var tables = ctx.Disclosure.PerformanceTargets.Select(p => (Perf.Name(p.IsOverall, p.ProjectName), p.Indicators, p.Source))
            .Concat(ctx.Disclosure.SelfEvaluations.Select(s => (Perf.Name(s.IsOverall, s.ProjectName), s.Indicators, s.Source)));
        foreach (var (name, inds, src) in tables)
        {
            var w = inds.Where(i => i.Weight is not null).ToList();
            if (w.Count == 0 || w.Count < inds.Count) continue;
            var sum = w.Sum(i => i.Weight!.Value);
            if (sum is 90m or 100m) continue;
            var expected = Math.Abs(sum - 90m) < Math.Abs(sum - 100m) ? 90m : 100m;
            yield return Report($"{name}指标权重合计应为 {expected:0}，实为 {Tolerance.Format(sum)}，差额 {Tolerance.FormatSigned(sum - expected)}",
                new[] { src }, expected, sum, "核对各指标权重。");
        }
    }
}

/// <summary>GK609 一级/二级 indicator names from the allowed sets.</summary>
public sealed partial class IndicatorLevelNames : Rule
{
    [GeneratedRegex("^(数量|质量|时效)指标$")]
    private static partial Regex OutputL2();

    [GeneratedRegex("^(经济效益|社会效益|生态效益|可持续影响)指标$")]
    private static partial Regex BenefitL2();

    public override RuleDescriptor Descriptor { get; } = new(
        "GK609", "一级、二级指标名称规范", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "一级 ∈ {产出, 效益, 成本, 满意度, 决策, 过程, 履职效能, 管理效率, 社会效应…}指标；二级 ∈ {数量, 质量, 时效, 成本, 经济/社会/生态效益, 可持续影响, 服务对象满意度…}指标；数量/质量/时效 ∈ 产出，经济/社会/生态效益、可持续影响 ∈ 效益",
        "绩效指标体系的一、二级指标名称由财政部门统一规定，自拟名称说明指标层级错位或串列。",
        "一级指标写“数量指标”（应为产出指标）");

    private static readonly string[] L1 = { "产出", "效益", "成本", "满意度", "决策", "过程", "履职", "效能", "管理", "效率", "社会效应", "运行", "能力", "效果", "影响" };
    private static readonly string[] L2 = { "数量", "质量", "时效", "成本", "经济", "社会", "生态", "可持续", "满意度", "效益", "履职", "目标", "预算", "管理", "财务", "资产", "人员", "业务", "投入", "执行", "效率", "效果", "公众", "服务对象", "环境", "运行", "能力", "制度", "信息" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var seen = new HashSet<string>();
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            foreach (var (level, name, allowed) in new[] { ("一级", i.Level1, L1), ("二级", i.Level2, L2) })
            {
                var n = Regex.Replace(name, @"\s", "");
                // only names that look like level names; values or shifted cells (=100%, /, 指标1：…) are a recognition matter
                if (!Regex.IsMatch(n, "^[\u4e00-\u9fa5]{2,8}指标$") || L1.Any(n.Contains) || L2.Any(n.Contains) || !seen.Add(level + n)) continue;
                yield return Report($"{table}{level}指标「{n}」不在规定的{level}指标名称中", new[] { i.Source },
                    suggestion: "按财政部门规定的指标体系填写一、二级指标。");
            }
            // a 二级 of one 一级 family under another standard 一级 (数量指标 under 效益指标, 社会效益指标 under 产出指标);
            // 满意度 under 效益 is the older national system and not reported
            var l1 = Regex.Replace(i.Level1, @"\s", "");
            var l2 = Regex.Replace(i.Level2, @"\s", "");
            var family = OutputL2().IsMatch(l2) ? "产出指标" : BenefitL2().IsMatch(l2) ? "效益指标" : null;
            if (family is not null && l1 is "产出指标" or "效益指标" or "满意度指标" && l1 != family && seen.Add("pair" + l1 + l2))
                yield return Report($"{table}二级指标「{l2}」应属一级指标“{family}”，实列在“{l1}”下", new[] { i.Source },
                    suggestion: $"将“{l2}”移到“{family}”下，或更正一级指标。");
        }
    }
}

/// <summary>GK610 the operator does not fit the indicator (a percentage above 100 with ≥, a rate to be kept ≤).</summary>
public sealed class IndicatorOperatorFits : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK610", "指标符号与指标性质相符", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "满意度指标（%）不应用 ≤（警告）；单位为 % 且指标值 > 100 不应用 ≥，完成率、覆盖率等正向比率不应用 ≤（提示）",
        "符号方向错了，指标就无法考核：满意度只能要求不低于某值，“满意度 ≤ 90%”必错；其他比率可能有反向含义，只作提示供人工判断。",
        "“参保率 ≥ 120%”；“群众满意度 ≤ 90%”");

    private static readonly string[] Negative = { "投诉", "差错", "误", "超", "缺陷", "不合格", "事故", "违规", "偏差", "退", "拒", "损失", "时间", "时限", "天", "成本", "费用", "控制" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var pct = i.Unit.Contains('%') || i.TargetText.Contains('%');
            if (pct && i.Target > 100m && i.Operator is "≥" or ">")
                yield return Soften(Report($"{table}指标「{i.Name}」{i.Operator}{i.TargetText}：百分比指标值应不超过 100，实为 {i.Target}", new[] { i.Source },
                    100m, i.Target, "核对指标值或单位。"), Severity.Info);
            else if (pct && i.Operator is "≤" or "<" && Regex.IsMatch(i.Name, "满意|完成|覆盖|达标|合格|及时|知晓|到位|参保") && !Negative.Any(i.Name.Contains))
            {
                var f = Report($"{table}指标「{i.Name}」为正向比率，符号应为 ≥，实为 {i.Operator}", new[] { i.Source },
                    suggestion: "核对指标符号。");
                yield return i.Name.Contains("满意") && !i.Name.Contains("不满意") ? f : Soften(f, Severity.Info);
            }
        }
    }
}

/// <summary>GK611 a 三级 indicator name that is a bare number (a value slipped into the name column).</summary>
public sealed class IndicatorNameIsNumber : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK611", "三级指标名称不应为数字", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "三级指标名称含文字，不是纯数字",
        "指标名称只有数字，通常是指标值串入名称栏，该指标无法理解。",
        "三级指标名称为“1100”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
            if (Regex.IsMatch(i.Name.Trim(), @"^\d+(\.\d+)?$"))
                yield return Report($"{table}三级指标名称应为文字，实为数字「{i.Name.Trim()}」", new[] { i.Source },
                    suggestion: "补填指标名称，将数字移至指标值栏。");
    }
}

/// <summary>GK612 a cost indicator in 万元 larger than the project budget by orders of magnitude (元 labelled 万元).</summary>
public sealed class IndicatorUnitMagnitude : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK612", "金额指标单位与数量级相符", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "项目表中单位为“万元”的指标值 ≤ 项目年度资金（万元）× 1000；否则多半是以元填写",
        "成本指标按万元填写却远大于项目全部资金，说明把“元”的数字填在了“万元”下。",
        "项目资金 100 万元，成本指标“≤ 500000 万元”");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall && p.Amount is { IsNumber: true, Value: > 0m }))
        {
            var amount = p.Amount!.Unit == ValueUnit.Yuan ? p.Amount.Value / 10000m : p.Amount.Value;
            foreach (var i in p.Indicators.Where(i => i.Unit.Trim() == "万元" && i.Target is decimal t && t > amount * 1000m))
                yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}指标「{i.Name}」{i.TargetText} 万元，应不超过项目资金 {Tolerance.Format(amount)} 万元的量级，" +
                                    $"实为其 {i.Target!.Value / amount:0.#} 倍（疑为以元填写）", new[] { i.Source }, amount, i.Target, "核对指标单位（元/万元）。");
        }
    }
}

/// <summary>GK613 a 自评 indicator scored below 100% without an explanation (提示).</summary>
public sealed class ShortfallWithoutNote : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK613", "未满分指标应说明原因", Severity.Info, Applicability.FinalAccount, RuleCategory.Performance,
        "得分系数 < 100% ⇒ 说明栏不为空",
        "未完成目标的指标应说明偏差原因和改进措施。",
        "“参保率”系数 80%，说明栏空白");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var s in ctx.Disclosure.SelfEvaluations)
            foreach (var i in s.Indicators.Where(i => i.Coefficient is < 100m && string.IsNullOrWhiteSpace(i.Note)))
                yield return Report($"{Perf.Name(s.IsOverall, s.ProjectName)}指标「{i.Name}」得分系数 {i.Coefficient}%（应为 100% 或附说明），说明栏为空",
                    new[] { i.Source }, 100m, i.Coefficient, "填写偏差原因。");
    }
}

/// <summary>GK614 the money of a project target equals the sum of its fund lines.</summary>
public sealed class TargetFundsSum : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK614", "项目绩效目标表资金合计等于各来源之和", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "年度资金总额 = Σ 各资金来源（财政拨款、其他资金…）",
        "绩效目标表的资金总额应与其分来源金额相加一致。",
        "年度资金总额 100.00 = 财政拨款 80.00 + 其他资金 10.00（差 10.00）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall && p.Amount is { IsNumber: true }))
        {
            // fund lines are money lines of the target's own block: lines carrying indicator columns (指标值, 权重) or
            // read from another page belong to another table that the recognizer attached
            var parts = p.Funds.Where(f => !f.Label.Contains("合计") && !f.Label.Contains("总") && !f.Label.Contains("其中"))
                .Where(f => !f.Values.Keys.Any(k => k.Contains("指标") || k.Contains("权重")))
                .Select(f => f.Values.Values.FirstOrDefault(v => v.IsNumber)).Where(v => v is not null)
                .Where(v => v!.Source.Page == p.Amount!.Source.Page).ToList();
            if (parts.Count < 2 || parts.Sum(x => x!.Value) == 2 * p.Amount!.Value) continue; // a subtotal read as a source
            var f = Judge(ctx, Tolerance.Sum(p.Amount, parts), Perf.Name(p.IsOverall, p.ProjectName), "资金总额应等于各来源之和",
                new[] { p.Amount!.Source }, null, "核对资金来源。", "");
            if (f is not null) yield return f;
        }
    }
}

/// <summary>GK615 the spending plan is cumulative: non-decreasing and ending at 100%.</summary>
public sealed class SpendingPlanCumulative : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK615", "资金支出计划逐期累计并达到 100%", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "支出进度 p1 ≤ p2 ≤ … ≤ pn = 100%",
        "分期支出计划是累计进度，应逐期不减并在年末达到 100%。",
        "3月 30%、6月 25%、12月 100%");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => p.SpendingPlan.Count >= 2))
        {
            var v = p.SpendingPlan.Select(f => f.Value).ToList();
            for (int i = 1; i < v.Count; i++)
                if (v[i] < v[i - 1])
                    yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}支出计划第 {i + 1} 期应不小于 {v[i - 1]}%，实为 {v[i]}%",
                        new[] { p.SpendingPlan[i].Source }, v[i - 1], v[i], "支出计划填累计进度。");
            if (v[^1] != 100m)
                yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}支出计划末期应为 100%，实为 {v[^1]}%",
                    new[] { p.SpendingPlan[^1].Source }, 100m, v[^1], "末期累计进度应为 100%。");
        }
    }
}

/// <summary>GK616 placeholder indicators left in (指标1：, empty names with values).</summary>
public sealed class PlaceholderIndicator : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK616", "绩效指标不应留模板占位", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "绩效表中没有未填写的模板行（“指标1：”“指标2：XX”“……”），三级、二级指标栏不为这类空占位；每张表一条（“指标1：评审次数”这类带内容的编号指标不算）",
        "模板占位行未删除或未填写，说明绩效目标表没有认真编制。",
        "三级指标“指标1：”，指标值空白");

    internal static bool IsPlaceholder(string text) =>
        Regex.IsMatch(text, @"^指标\s*\d*\s*[:：]?\s*(X+|x+|×+|…+|\.{2,}|[(（]?[待请]填[写报]?[)）]?)?$");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // unfilled template rows the reader skipped: one finding per table, however many rows were left
        var seen = new HashSet<string>();
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => p.PlaceholderRows.Count > 0))
        {
            var table = Perf.Name(p.IsOverall, p.ProjectName);
            if (!seen.Add(table)) continue;
            var sample = p.PlaceholderRows[0].Text.Split(['\t', ' ', '|'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "指标1：";
            yield return Report($"{table}未填写的模板占位行应删除或填写（应为 0 行，实为 {p.PlaceholderRows.Count} 行，如「{sample}」）",
                p.PlaceholderRows.Take(5).Select(x => (Provenance?)x), 0m, p.PlaceholderRows.Count, "删除未填写的占位行，或补填指标。");
        }
        // an indicator read with a placeholder name; a numbered indicator with content (指标1：评审次数) is filled in
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var n = i.Name.Trim();
            var l2 = i.Level2.Trim();
            var hit = IsPlaceholder(n) ? n : IsPlaceholder(l2) && Regex.IsMatch(l2, @"^指标\s*\d") ? l2 : null;
            if (hit is null || !seen.Add(table)) continue;
            yield return Report($"{table}指标留有模板占位「{hit}」，应填写实际指标", new[] { i.Source },
                suggestion: "填写指标或删除占位行。");
        }
    }
}

/// <summary>GK617 a 绩效 money block labelled 元 whose figure equals the project's 万元 amount of the tables.</summary>
public sealed class TargetUnitLabel : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK617", "绩效表金额单位标注正确", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "表头标“元”的绩效表资金 ≠ 项目支出表同一项目的“万元”数（相等即单位标错）",
        "绩效目标表标注单位为元，数字却与项目支出表的万元数相同，说明单位标错，金额被缩小一万倍。",
        "绩效表“（元）”年度资金 43.20，项目支出表 43.20 万元");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var list = ctx.Disclosure.Table(TableKind.ProjectList);
        var exp = ctx.FirstTable(TableKind.BudgetExpenditure, TableKind.BudgetGeneralExpenditure)?.TotalRow;
        var totals = new[] { exp?[Measure.Total], exp?[Measure.Basic], exp?[Measure.Project] }
            .Where(f => f is { IsNumber: true, Value: > 0m }).Select(f => f!).ToList();
        foreach (var p in ctx.Disclosure.PerformanceTargets.Where(p => p.Amount is { IsNumber: true, Value: > 0m }))
        {
            var labelled = p.StatedUnit ?? "";
            if (!(labelled.Contains('元') && !labelled.Contains("万元")) && p.Amount!.Unit != ValueUnit.Yuan) continue;
            var key = X.Key(p.ProjectName);
            var figures = p.Funds.SelectMany(f => f.Values.Values).Prepend(p.Amount!).Where(f => f.IsNumber && f.Value > 0m).ToList();
            var rowMatch = list?.Rows.FirstOrDefault(r => !r.IsTotal && X.Key(r.Label) == key && (r[Measure.Amount] ?? r[Measure.Total])?.Value == p.Amount!.Value);
            var hit = rowMatch is not null ? (p.Amount!, rowMatch[Measure.Amount] ?? rowMatch[Measure.Total])
                : p.IsOverall ? figures.SelectMany(f => totals.Where(t => t.Value == f.Value).Select(t => (f, (Figure?)t))).FirstOrDefault() : default;
            if (hit.Item1 is null || hit.Item2 is null) continue;
            yield return Report($"{Perf.Name(p.IsOverall, p.ProjectName)}标注单位为元，金额 {hit.Item1} 却与表格的万元数 {hit.Item2} 相同；按元计应为 {Tolerance.Format(hit.Item1.Value * 10000m)} 元",
                new[] { hit.Item1.Source, hit.Item2.Source }, hit.Item1.Value * 10000m, hit.Item1.Value, "将单位更正为万元，或按元填写金额。");
        }
    }
}

/// <summary>GK618 the overall 自评 executed money (元) equals F1 本年支出合计 (万元 × 10000).</summary>
public sealed class OverallSelfEvaluationMoney : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK618", "部门整体自评执行数与决算支出一致", Severity.Warning, Applicability.FinalAccount, RuleCategory.Performance,
        "部门整体自评表全年执行数（元 ÷ 10000）= F1 本年支出合计（万元）",
        "部门整体自评覆盖部门全部支出，执行数应与决算总表一致；相差一万倍多半是单位标错。",
        "整体自评执行数 7,412,300.00 元，F1 本年支出合计 741.23 万元（一致）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var s = ctx.Disclosure.SelfEvaluations.FirstOrDefault(s => s.IsOverall && s.TotalFunds?.Executed is { IsNumber: true });
        if (s is null || X.SpendingTotal(ctx) is not var (total, table)) yield break;
        var e = s.TotalFunds!.Executed!;
        var wan = e.Unit == ValueUnit.Yuan ? e.ToWanYuan() : e;
        var f = Judge(ctx, Tolerance.Equal(total, wan with { Scale = Math.Min(wan.Scale, 2) }), "部门整体绩效自评表",
            $"全年执行数（换算万元）应等于{table.Describe()}本年支出合计", new[] { e.Source, total.Source }, table, "核对执行数与单位。", "万元");
        if (f is not null) yield return f;
    }
}

/// <summary>GK619 a project target without 产出 or 效益 indicators.</summary>
public sealed class TargetHasOutputAndOutcome : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK619", "项目绩效目标含产出和效益指标", Severity.Warning, Applicability.Budget, RuleCategory.Performance,
        "项目绩效目标表至少各有一个产出指标和效益指标",
        "绩效目标须同时说明做什么（产出）和达到什么效果（效益），缺一类目标就不完整。",
        "项目只列了产出指标");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // a table continued over pages may be read as several pieces with the same name: judge the project as a whole
        foreach (var piece in ctx.Disclosure.PerformanceTargets.Where(p => !p.IsOverall).GroupBy(p => p.ProjectName))
        {
            var p = piece.First();
            var indicators = piece.SelectMany(x => x.Indicators).ToList();
            if (indicators.Count == 0 || !indicators.All(i => Regex.IsMatch(i.Level1, "^(产出|效益|成本|满意度)指标$"))) continue;
            var missing = new[] { "产出", "效益" }.Where(w => !indicators.Any(i => i.Level1.Contains(w))).ToList();
            if (missing.Count == 0) continue;
            yield return Report($"{Perf.Name(false, p.ProjectName)}缺少{string.Join("、", missing)}指标（应至少各 1 个，实为 0 个）",
                new[] { p.Source }, 1m, 0m, "补充缺少的一级指标。");
        }
    }
}
