using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.More;

/// <summary>GK100 the document is a blank template: checked for structure only.</summary>
public sealed class BlankTemplate : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK100", "空白模板", Severity.Info, Applicability.Both, RuleCategory.Completeness,
        "部门名称为占位符（XX局）且表格无数字，或表格无数字且正文大量占位符 → 只做结构检查",
        "公开模板本身不是一份公开文档：空表、占位符和缺少的金额是模板的本来面目，不应逐项报错；结构（表格是否齐全）仍然检查。",
        "国家部门决算公开模板“上海市XX局”")
    { RunsOnTemplates = true };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (!d.IsBlankTemplate) yield break;
        yield return Report($"这是一份空白模板（{d.DepartmentName ?? "部门名称为占位符"}，表格中没有数字）：只检查表格结构是否齐全，" +
            "不按空表、勾稽和叙述规则逐项报告。填入数据后再审核。", new[] { new Provenance(d.File) },
            suggestion: "用模板编制公开文档时，替换所有 XX 占位符并填入表格数据。");
    }
}

/// <summary>GK109 the document publishes none of the standard tables.</summary>
public sealed partial class NoStandardTables : Rule
{
    [System.Text.RegularExpressions.GeneratedRegex(@"财政拨款收支(?:预算|决算)?总表|收入支出(?:预算|决算)?总表|收支(?:预算|决算)?总表|收入(?:预算|决算)?(?:总)?表|(?<!财政拨款收支|收入|收支)支出(?:预算|决算)?(?:总)?表|基本支出(?:预算|决算)?表|项目支出(?:预算|决算)?表")]
    private static partial System.Text.RegularExpressions.Regex TableName();

    /// <summary>A sentence that names at least two different standard tables (without saying there are none).</summary>
    private static Sentence? NamesTables(Disclosure d) =>
        d.Sentences.FirstOrDefault(s => System.Text.RegularExpressions.Regex.Replace(s.Text, @"\s+", "") is var t
            && !t.Contains("无") && !t.Contains("没有")
            && TableName().Matches(t).Select(m => m.Value).Distinct().Count() >= 2);

    public override RuleDescriptor Descriptor { get; } = new(
        "GK109", "未公开任何标准表格", Severity.Warning, Applicability.Both, RuleCategory.Completeness,
        "文档中 B1–B9 / F1–F9 标准表格数 = 0 → 提醒核对",
        "预决算公开须附标准表格。只公开文字说明的文件，要么表格另行公开（应在文中注明“附后”“另行公开”），要么漏公开了。" +
        "文中已注明表格另行公开（附后、另行公开、附件：…报表），或按名称说明了两张以上标准表格（收支预算总表、基本支出表……按…编制，表格存在而不在本文件中）时降为提示。",
        "只有情况说明和绩效目标表，没有收支总表等九张表");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (d.Kind == DocumentKind.Unknown || d.IsBlankTemplate) yield break;
        if (d.Tables.Any(t => t.Kind.IsStandard())) yield break;
        var attached = Rules.Completeness.EmptyNotes.SeparatelyPublished(d);
        // a text that describes the standard tables by name (收支预算总表支出栏、基本支出表、项目支出表按…编制，反映…) speaks
        // of tables that exist: published apart from this text, not left out
        var named = attached is null ? NamesTables(d) : null;
        var expected = d.Kind == DocumentKind.FinalAccount ? 9 : 8;
        // tables published in a separate file are not missing: one 提示 to check the attachment
        var finding = Report(
            attached is not null
                ? $"文档中没有任何标准公开表格；文中称表格另行公开（“{attached.Text[..Math.Min(30, attached.Text.Length)]}”），请核对附件是否已公开"
                : named is not null
                    ? $"文档中没有任何标准公开表格；文中按名称说明了表格（“{named.Text[..Math.Min(30, named.Text.Length)]}”），表格应另行公开，请核对"
                    : $"文档中没有任何标准公开表格（{(d.Kind == DocumentKind.FinalAccount ? "决算公开01–09表" : "预算收支总表等八张表")}），也未说明表格另行公开",
            new[] { (attached ?? named)?.Source ?? new Provenance(d.File) }, expected, 0m,
            suggestion: "将标准表格与情况说明一并公开，或在文中注明表格的公开位置。");
        yield return attached is null && named is null ? finding : Soften(finding, Severity.Info);
    }
}

/// <summary>GK620 a rate indicator (…率, …满意度) whose value or unit is not a percentage.</summary>
public sealed class RateIndicatorUnit : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK620", "比率类指标的值或单位不是百分比", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "三级指标名称以“率”结尾 → 计量单位应为 % / 百分数 / 百分比，指标值不应是年份；以“满意度”结尾 → 计量单位不应是货币（元、万元）；绩效目标表和自评表都查",
        "比率类指标（到位率、覆盖率、救助率……）以百分比衡量；单位写成人次、年，或指标值填了年份，说明指标填错列或照抄了模板。" +
        "满意度也可以用“分”计，但不会以元或万元计。",
        "居民医疗县级财政补助到位率：指标值 2021，单位 年；群众满意度 ≥ 90，单位 元");

    private static readonly string[] PercentUnits = { "%", "％", "百分数", "百分比", "百分率", "‰", "‱", "千分比", "千分率", "万分比", "万分率" };
    private static readonly string[] NotRates = { "效率", "频率", "税率", "汇率", "利率", "功率" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var name = i.Name.Trim();
            var unit = i.Unit.Trim();
            bool rate = name.EndsWith('率') && !NotRates.Any(n => name.EndsWith(n, StringComparison.Ordinal));
            // a 满意度 may be scored (分) or counted, but never in money
            bool satisfaction = name.EndsWith("满意度", StringComparison.Ordinal);
            if (!rate && !satisfaction) continue;
            bool yearValue = rate && i.Target is decimal t && t >= 2000 && t <= 2100 && t == decimal.Truncate(t);
            bool badUnit = rate
                ? unit.Length > 0 && !PercentUnits.Any(u => unit.Contains(u, StringComparison.Ordinal)) && !unit.StartsWith("百分之", StringComparison.Ordinal)
                : unit is "元" or "万元" or "千元" or "亿元";
            if (!yearValue && !badUnit) continue;
            var what = yearValue ? $"指标值 {i.TargetText} 是一个年份" : $"计量单位为“{unit}”";
            yield return Report($"{table}指标“{name}”是{(rate ? "比率" : "满意度")}，但{what}",
                new[] { i.Figures.TryGetValue("Target", out var f) ? f.Source : i.Source },
                found: i.Target, suggestion: "比率类指标以百分比填写指标值和单位，或改用与单位相符的指标名称。");
        }
    }
}

/// <summary>GK711 a project table prints years that do not belong to the budget year.</summary>
public sealed class StaleProjectYears : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK711", "项目表中的年度与预算年度不符", Severity.Warning, Applicability.Budget, RuleCategory.Text,
        "项目年度/起始年度/终止年度/“YYYY年预算申报” = 文档年度 Y；“前两年预算”只应涉及 Y−2、Y−1",
        "绩效目标申报表常沿用上一年的表格，年度栏和“前两年预算情况”未随之更新，说明表格内容可能也未更新。",
        "2023 年预算的项目表写“起始年度 2022年1月”，前两年情况写 2020、2021 年");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (d.Year is not int y) yield break;
        foreach (var p in d.PerformanceTargets)
        {
            var seen = new HashSet<(string, int)>();
            foreach (var m in p.YearMentions)
            {
                bool wrong = m.IsCurrent ? m.Year != y : m.Year < y - 2 || m.Year >= y;
                if (!wrong || !seen.Add((m.Label, m.Year))) continue;
                yield return m.IsCurrent
                    ? Report($"项目“{p.ProjectName}”的“{m.Label}”为 {m.Year} 年，与 {y} 年预算不符", new[] { m.Source },
                        y, m.Year, suggestion: $"改为 {y} 年，并核对该表其余内容是否沿用了旧表。")
                    : Report($"项目“{p.ProjectName}”的“{m.Label}”写到 {m.Year} 年；{y} 年预算的前两年应为 {y - 2}、{y - 1} 年", new[] { m.Source },
                        y - 2, m.Year, suggestion: $"按 {y - 2}、{y - 1} 年的预算和执行情况更新。");
            }
        }
    }
}
