namespace Gongkai.Compile;

/// <summary>
/// 其中：教育收费 of one 项: the part of its 事业收入 that is education fees (预算: of the 事业收入 source; 决算: of
/// 事业收入 including 财政专户管理资金). Not an income of its own — the totals do not change; the tables that print
/// the split (重庆 决算 公开02 事业收入 小计 | 其中：教育收费, 重庆 预算 收入总表 非教育收费 | 教育收费) take it from here.
/// </summary>
public sealed class EducationFeeLine
{
    /// <summary>支出功能分类 项 code (7 digits).</summary>
    public string Code { get; set; } = "";
    /// <summary>教育收费, 万元; at most the 事业收入 of the 项.</summary>
    public decimal Amount { get; set; }
}

/// <summary>
/// 决算: the budget of one 项 of 一般公共预算财政拨款 spending. The class figures of <see cref="BudgetBase"/> are the
/// sums of these when both are given (checked), or derived from them when the class has no entry.
/// </summary>
public sealed class ItemBudget
{
    /// <summary>支出功能分类 项 code (7 digits).</summary>
    public string Code { get; set; } = "";
    /// <summary>年初预算, 万元.</summary>
    public decimal Initial { get; set; }
    /// <summary>调整预算（全年预算）, 万元, optional.</summary>
    public decimal? Adjusted { get; set; }
}
