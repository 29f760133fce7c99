namespace Gongkai.Compile;

/// <summary>
/// Per-项 inputs that refine the class-level data: 其中：教育收费 of 事业收入 (<see cref="EducationFeeLine"/>) and the
/// 年初/调整预算 of each 项 (<see cref="ItemBudget"/>). Derived class figures and the checks of these inputs.
/// </summary>
public static class ItemFacts
{
    /// <summary>The profiles whose income tables print 教育收费 (重庆 公开02 决算, 重庆 收入总表 预算).</summary>
    public static bool PrintsEducationFees(DisclosureData d) => d.Profile == "chongqing";

    /// <summary>教育收费 of one 项 (0 when not given).</summary>
    public static decimal EducationFee(DisclosureData d, string code) =>
        d.EducationFees?.Where(e => e.Code == code).Sum(e => e.Amount) ?? 0m;

    /// <summary>
    /// 事业收入 of one 项 as the income tables print it: 预算 the 事业收入 source, 决算 事业收入 and 财政专户管理资金 (公开02
    /// has no column of its own for the latter). Income by function when given, else the spending of the 项.
    /// </summary>
    public static decimal BusinessIncome(DisclosureData d, string code)
    {
        FundSource[] sources = d.IsFinal ? [FundSource.Business, FundSource.SpecialAccount] : [FundSource.Business];
        return d.RevenueByFunction is { Count: > 0 } rev
            ? rev.Where(r => r.Code == code && sources.Contains(r.Source)).Sum(r => r.Amount)
            : d.Expenditure.Where(l => l.Code == code && sources.Contains(l.Source)).Sum(l => l.Total);
    }

    /// <summary>年初预算 by class: the entries of <see cref="BudgetBase.InitialByClass"/>, plus the sums of the 项 budgets for the classes without one.</summary>
    public static Dictionary<string, decimal>? InitialByClass(DisclosureData d) => ByClass(d.Budget?.InitialByClass, d.Budget?.Items, i => i.Initial);

    /// <summary>调整预算 by class, derived the same way (only 项 with an 调整预算 count).</summary>
    public static Dictionary<string, decimal>? AdjustedByClass(DisclosureData d) =>
        ByClass(d.Budget?.AdjustedByClass, d.Budget?.Items?.Where(i => i.Adjusted is not null).ToList(), i => i.Adjusted!.Value);

    private static Dictionary<string, decimal>? ByClass(Dictionary<string, decimal>? given, List<ItemBudget>? items, Func<ItemBudget, decimal> value)
    {
        if (given is null && items is not { Count: > 0 }) return null;
        var result = new Dictionary<string, decimal>(given ?? new Dictionary<string, decimal>(), StringComparer.Ordinal);
        if (items is { Count: > 0 })
            foreach (var g in items.Where(i => i.Code.Length >= 3).GroupBy(i => i.Code[..3]))
                if (given?.ContainsKey(g.Key) != true) result[g.Key] = g.Sum(value);
        return result;
    }

    /// <summary>The 项 budget of a code, or null.</summary>
    public static ItemBudget? Budget(DisclosureData d, string code) => d.Budget?.Items?.FirstOrDefault(i => i.Code == code);

    /// <summary>Checks of 教育收费 and of the 项 budgets (codes, amounts, ≤ 事业收入, class sums).</summary>
    public static void Check(DisclosureData d, List<DataIssue> issues)
    {
        void Err(string field, string msg) => issues.Add(new(IssueSeverity.Error, field, msg));
        static bool ItemCode(string c) => c.Length == 7 && c.All(char.IsAsciiDigit) && c[0] == '2';
        if (d.EducationFees is { Count: > 0 } fees)
        {
            foreach (var e in fees)
            {
                var f = $"educationFees[{e.Code}]";
                if (!ItemCode(e.Code)) Err(f, $"教育收费的支出功能分类科目编码应为 7 位“项”级编码（以 2 开头），实为“{e.Code}”。");
                DataValidator.Amount(issues, f, e.Amount);
            }
            foreach (var g in fees.GroupBy(e => e.Code).Where(g => g.Count() > 1))
                Err($"educationFees[{g.Key}]", $"科目 {g.Key} 的教育收费填写了 {g.Count()} 行，请合并为一行。");
            foreach (var code in fees.Select(e => e.Code).Distinct())
            {
                var fee = EducationFee(d, code);
                var business = BusinessIncome(d, code);
                if (fee > business)
                    Err($"educationFees[{code}]", $"科目 {code} 的教育收费 {Money.Text(fee)} 万元超过其事业收入 {Money.Text(business)} 万元；教育收费是事业收入的一部分" +
                        (d.IsFinal ? "（决算含财政专户管理资金）。" : "。"));
            }
            if (d.Profile == "hubei" && fees.Any(e => e.Amount != 0))
                Err("educationFees", "湖北口径的事业收入不含教育收费，教育收费列在“财政专户管理资金收入”中：请把教育收费按资金来源“财政专户管理资金”填写，不要再填“教育收费”。");
        }
        if (d.Budget?.Items is { Count: > 0 } items)
        {
            foreach (var i in items)
            {
                var f = $"budget.items[{i.Code}]";
                if (!ItemCode(i.Code)) Err(f, $"项级预算的支出功能分类科目编码应为 7 位“项”级编码（以 2 开头），实为“{i.Code}”。");
                DataValidator.Amount(issues, f + ".initial", i.Initial);
                if (i.Adjusted is decimal a) DataValidator.Amount(issues, f + ".adjusted", a);
            }
            foreach (var g in items.GroupBy(i => i.Code).Where(g => g.Count() > 1))
                Err($"budget.items[{g.Key}]", $"科目 {g.Key} 的项级预算填写了 {g.Count()} 行，请合并为一行。");
            foreach (var g in items.Where(i => i.Code.Length >= 3).GroupBy(i => i.Code[..3]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (d.Budget.InitialByClass.TryGetValue(g.Key, out var ic) && ic != g.Sum(i => i.Initial))
                    Err($"budget.initialByClass[{g.Key}]", $"功能分类 {g.Key} 类的年初预算 {Money.Text(ic)} 万元应等于其各项年初预算之和 {Money.Text(g.Sum(i => i.Initial))} 万元（差 {Money.Text(ic - g.Sum(i => i.Initial))} 万元）；类的年初预算可以不填，由各项相加。");
                var adjusted = g.Where(i => i.Adjusted is not null).ToList();
                if (adjusted.Count > 0 && d.Budget.AdjustedByClass?.TryGetValue(g.Key, out var ac) == true && ac != adjusted.Sum(i => i.Adjusted!.Value))
                    Err($"budget.adjustedByClass[{g.Key}]", $"功能分类 {g.Key} 类的调整预算 {Money.Text(ac)} 万元应等于其各项调整预算之和 {Money.Text(adjusted.Sum(i => i.Adjusted!.Value))} 万元；类的调整预算可以不填，由各项相加。");
                if (adjusted.Count > 0 && adjusted.Count < g.Count())
                    Err($"budget.items[{g.Key}]", $"功能分类 {g.Key} 类中只有部分项填写了调整预算，请为该类的每一项都填写调整预算（没有调整的填年初预算数）。");
            }
        }
    }
}
