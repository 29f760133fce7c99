using Gongkai.Model;

namespace Gongkai.Audit.Rules.More;

/// <summary>GK508 a 部门经济分类 code reported under a 政府经济分类 code the mapping does not allow.</summary>
public sealed class EconomicPairAllowed : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK508", "部门经济分类与政府经济分类对应关系正确", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "(部门编码, 政府编码) ∈ 部门→政府经济分类对照表；对照表未核实的只作提示",
        "同一笔支出按部门经济分类和政府经济分类各列一次，两者须符合财政部的对照关系。仅在提供科目表且对照表含该部门编码时检查。",
        "30101 基本工资 对应 50201 办公经费");

    /// <summary>Which payer a 政府经济分类 code is for: 机关 (501–504), 事业单位 (505–506), or the code's class otherwise.</summary>
    internal static string PayerGroup(string governmentCode) =>
        governmentCode.Length < 3 ? governmentCode
        : governmentCode[..3] switch { "501" or "502" or "503" or "504" => "机关", "505" or "506" => "事业单位", var c => c };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Catalog is not { } catalog) yield break;
        foreach (var t in ctx.Disclosure.Tables)
            foreach (var r in t.Rows)
            {
                if (r.Code is not { Scheme: CodeScheme.DepartmentEconomic } dc || r.PairedCode is not { Scheme: CodeScheme.GovernmentEconomic } gc) continue;
                if (catalog.IsPairAllowed(dc.Value, gc.Value) is not false) continue;
                var allowed = catalog.Catalog?.GovernmentCodesFor(dc.Value).Select(m => m.GovernmentCode.Value).Distinct().ToList() ?? new();
                var f = Report($"{t.Kind.Describe()}「{r.Name()}」对应政府经济分类应为 {string.Join("/", allowed)}，实为 {gc.Value} {r.PairedLabel}",
                    new[] { r.Source }, suggestion: "按部门→政府经济分类对照表更正政府经济分类编码。", table: t.Kind);
                // the pairing depends on who pays (机关: 501–504, 事业单位: 505–506); a mapping that holds no verified row for
                // the payer the printed code belongs to cannot judge it
                var payer = PayerGroup(gc.Value);
                var verified = catalog.Catalog?.GovernmentCodesFor(dc.Value).Any(m => m.Verified && PayerGroup(m.GovernmentCode.Value) == payer) ?? false;
                yield return verified ? f : Soften(f, Severity.Info);
            }
    }
}

/// <summary>GK509 a function class line of a summary table without amount while the detail table has it.</summary>
public sealed class SummaryClassLineBlank : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK509", "总表功能类金额与支出表一致（不得漏填）", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "支出表中类级金额 ≠ 0 ⇒ 总表（B1/F1）同类行有金额，且未列示的类无金额",
        "总表的支出按功能类列示，支出表有金额的类在总表中空白或缺行，说明总表漏填。",
        "F3 有 221 住房保障支出 35.09，F1 该行空白");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var final = ctx.Disclosure.Kind == DocumentKind.FinalAccount;
        var sum = ctx.FirstTable(final ? TableKind.FinalSummary : TableKind.BudgetSummary);
        var exp = ctx.FirstTable(final ? TableKind.FinalExpenditure : TableKind.BudgetExpenditure,
            final ? TableKind.FinalGeneralExpenditure : TableKind.BudgetGeneralExpenditure);
        if (sum is null || exp is null || !sum.HasGrid || !exp.HasGrid) yield break;
        var lines = sum.ClassLines().ToList();
        if (lines.Count == 0) yield break;
        foreach (var row in exp.Rows.Where(r => r.Code is { Scheme: CodeScheme.Function, Value.Length: 3 }))
        {
            var amount = row.ValueOrZero(Measure.Total);
            if (amount == 0m) continue;
            // a unit or department code (252, 301001) printed in the code column is not a function class
            if (ctx.Catalog is { } cat && !cat.Contains(row.Code!.Value)) continue;
            var line = lines.FirstOrDefault(l => l.Code?.Value == row.Code!.Value.Value);
            var printed = line?.LineValue();
            if (printed is { IsNumber: true } && printed.Value != 0m) continue;
            yield return Report($"{sum.Kind.Describe()}「{line?.Label.Trim() ?? row.Name()}」应为 {Tolerance.Format(amount)}（{exp.Kind.Describe()}），实为 " +
                                (line is null ? "未列示" : "空白/0") + $"，差额 {Tolerance.FormatSigned(-amount)}",
                new[] { line?.Source ?? sum.Source, row[Measure.Total]?.Source }, amount, 0m, "在总表中补列该类支出金额。", sum.Kind);
        }
    }
}

/// <summary>GK510 a 部门/政府 economic pair whose levels differ (类 paired with 款).</summary>
public sealed class EconomicPairLevel : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK510", "经济分类对应编码级次一致", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "部门经济分类编码位数 = 对应政府经济分类编码位数（类对类、款对款）",
        "并列的部门、政府经济分类应在同一级次对应；类级与款级错配说明串行或漏列。",
        "301 工资福利支出 对应 50101 工资奖金津补贴");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var t in ctx.Disclosure.Tables)
            foreach (var r in t.Rows)
                if (r.Code is { Scheme: CodeScheme.DepartmentEconomic } dc && r.PairedCode is { Scheme: CodeScheme.GovernmentEconomic } gc
                    && dc.Value.Length != gc.Value.Length)
                    yield return Report($"{t.Kind.Describe()}「{r.Name()}」对应的政府经济分类 {gc.Value} 应为 {dc.Value.Length} 位，实为 {gc.Value.Length} 位",
                        new[] { r.Source }, dc.Value.Length, gc.Value.Length, "核对并列的政府经济分类编码是否串行。", t.Kind);
    }
}

/// <summary>GK511 the 款 row above a 项 is named differently in two tables.</summary>
public sealed class SectionNameAcrossTables : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK511", "同一款级科目在各表中名称一致", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "对每个列有项级明细的款：各表中该款行的名称（去序号后）相同",
        "同一款在收入表、支出表、一般公共预算支出表中名称不同，说明某张表套用了旧版科目或编码串行；截断不算不同。",
        "B2 写 21305 扶贫，B5 写 21305 巩固脱贫衔接乡村振兴");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var names = new Dictionary<string, List<(string Name, DataRow Row, TableKind Table)>>();
        foreach (var t in ctx.Tables(TableNames.FunctionCoded))
            foreach (var r in t.Rows.Where(r => r.Code is { Scheme: CodeScheme.Function, Value.Length: 5 }))
            {
                var code = r.Code!.Value.Value;
                if (!t.Rows.Any(x => x.Code is { Value.Length: 7 } c && c.Value.StartsWith(code, StringComparison.Ordinal))) continue;
                var n = CodeNames.Clean(r.Label);
                if (n.Length == 0) continue;
                if (!names.TryGetValue(code, out var list)) names[code] = list = new();
                list.Add((n, r, t.Kind));
            }
        foreach (var (code, list) in names)
        {
            var distinct = list.Select(x => x.Name).Distinct().ToList();
            var full = distinct.Where(n => !distinct.Any(o => CodeNames.IsTruncationOf(n, o))).ToList();
            if (full.Count < 2) continue;
            var firsts = full.Select(n => list.First(x => x.Name == n)).ToList();
            yield return Report($"款 {code} 在各表中名称应一致，实有 {full.Count} 个：" + string.Join("；", firsts.Select(x => $"{x.Table.Describe()}「{x.Row.Label.Trim()}」")),
                firsts.Select(x => (Provenance?)x.Row.Source), 1, full.Count, "统一为当年科目表中的款名称。", firsts[0].Table);
        }
    }
}
