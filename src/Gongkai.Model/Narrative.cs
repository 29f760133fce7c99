namespace Gongkai.Model;

/// <summary>A heading of the narrative with the paragraphs and sentences under it.</summary>
public sealed class NarrativeSection
{
    /// <summary>The heading as printed (一、部门收支总体情况 …).</summary>
    public string Heading { get; init; } = "";
    /// <summary>1 for 一、, 2 for （一）, 3 for 1. / 1、, 4 for (1).</summary>
    public int Level { get; init; }
    public Provenance Source { get; init; } = Provenance.Unknown;
    public List<Sentence> Sentences { get; } = new();
}

/// <summary>One sentence of the narrative (split on 。；!?), with its position.</summary>
public sealed record Sentence(string Text, Provenance Source, string SectionHeading);

/// <summary>What a narrative claim states.</summary>
public enum ClaimKind
{
    /// <summary>A plain amount: "基本支出 763.52 万元".</summary>
    Amount,
    /// <summary>A change against a base: 比上年 / 与2023年度相比 / 较年初预算 增加/减少 X 万元, 增长/下降 Y%, 持平.</summary>
    Change,
    /// <summary>A share: 占 Z%.</summary>
    Share,
    /// <summary>A completion rate: 完成年初预算的 W%.</summary>
    Completion,
    /// <summary>A breakdown: 其中：a X 万元、b Y 万元.</summary>
    Breakdown,
    /// <summary>A count: 7 批次 111 人, 车辆 1 辆.</summary>
    Count,
}

/// <summary>Direction of a stated change.</summary>
public enum ChangeDirection { Increase, Decrease, Flat }

/// <summary>The base a change or completion rate is compared with.</summary>
public enum ComparisonBase
{
    Unspecified,
    /// <summary>上年 / 2023年度 / 2021年预算 — a prior year (see <see cref="Claim.ComparedYear"/>).</summary>
    PriorYear,
    /// <summary>年初预算.</summary>
    InitialBudget,
    /// <summary>全年（调整）预算.</summary>
    AdjustedBudget,
    /// <summary>预算 (unspecified budget).</summary>
    Budget,
}

/// <summary>
/// Which money a narrative figure speaks of, as the sentence, the statement it continues or its heading says:
/// all funds (收入预算 / 支出预算 / 收支总计), 财政拨款, 一般公共预算, 政府性基金, 国有资本经营预算. A figure is only
/// compared with the table of its own scope; Unknown means nothing said which.
/// </summary>
public enum FundScope { Unknown, All, FiscalGrant, GeneralBudget, GovernmentFund, StateCapital }

/// <summary>A part named in a breakdown (其中：...).</summary>
public sealed record ClaimPart(string Subject, decimal Amount, int Scale, ValueUnit Unit, decimal? SharePercent = null, int SharePercentScale = 2);

/// <summary>
/// A statement of the narrative about a figure, as extracted: subject, amount, change, percentages,
/// parts and counts, each with the sentence and position it came from.
/// </summary>
public sealed class Claim
{
    public ClaimKind Kind { get; init; }
    /// <summary>What the claim is about, normalised (e.g. "一般公共预算财政拨款支出", "公务接待费", "人员经费").</summary>
    public string Subject { get; init; } = "";
    /// <summary>The stated current amount (万元 unless <see cref="Unit"/> says otherwise).</summary>
    public decimal? Amount { get; init; }
    public int AmountScale { get; init; }
    public ValueUnit Unit { get; init; } = ValueUnit.WanYuan;
    public ChangeDirection? Direction { get; init; }
    /// <summary>The stated change amount (always non-negative; the direction carries the sign).</summary>
    public decimal? ChangeAmount { get; init; }
    public int ChangeScale { get; init; }
    /// <summary>The stated change percentage (增长/下降 Y%).</summary>
    public decimal? ChangePercent { get; init; }
    /// <summary>Decimals the change percentage was printed with (23.4% → 1); it is checked at that precision.</summary>
    public int ChangePercentScale { get; init; } = 2;
    /// <summary>The direction word attached to the percentage (增长 / 下降), when stated.</summary>
    public ChangeDirection? PercentDirection { get; init; }
    public ComparisonBase Base { get; init; }
    /// <summary>The year compared with, when the sentence names one (比 2021 年 → 2021).</summary>
    public int? ComparedYear { get; init; }
    /// <summary>The year the sentence speaks of (2024 年度 …), when stated.</summary>
    public int? Year { get; init; }
    /// <summary>
    /// The stated base amount the claim compares with, when printed in the same sentence
    /// (年初预算为 B 万元 / 上年为 B 万元). Null when the sentence gives only the change.
    /// </summary>
    public decimal? BaseAmount { get; init; }
    public int BaseAmountScale { get; init; }
    /// <summary>The relation word of a budget-vs-actual statement: 大于 (Increase), 小于 (Decrease), 等于/持平 (Flat).</summary>
    public ChangeDirection? Relation { get; init; }
    /// <summary>占 Z% — the stated share.</summary>
    public decimal? SharePercent { get; init; }
    /// <summary>Decimals the share was printed with (62.3% → 1, 100% → 0).</summary>
    public int SharePercentScale { get; init; } = 2;
    /// <summary>完成 … 的 W% — the stated completion rate.</summary>
    public decimal? CompletionPercent { get; init; }
    /// <summary>Decimals the completion rate was printed with.</summary>
    public int CompletionPercentScale { get; init; } = 2;
    /// <summary>The parts of a breakdown.</summary>
    public List<ClaimPart> Parts { get; } = new();
    /// <summary>Counts with their measure words: (7, "批次"), (111, "人").</summary>
    public List<(decimal Value, string Word)> Counts { get; } = new();
    /// <summary>A classification code printed with the subject ("行政运行(2101501)" → "2101501"), if any.</summary>
    public string? Code { get; init; }
    /// <summary>The whole a share is taken of, when named (占政府采购支出总额的 100% → "政府采购支出总额").</summary>
    public string? ShareOf { get; init; }
    /// <summary>
    /// The statement still carries template wording such as 增加（或减少）/ 增长（下降）: the author left the
    /// template alternative in place of a choice.
    /// </summary>
    public bool TemplateResidue { get; init; }
    /// <summary>The reason given (主要原因是 …), if any.</summary>
    public string? Reason { get; init; }
    /// <summary>The money the figure speaks of (see <see cref="FundScope"/>).</summary>
    public FundScope Scope { get; set; }
    /// <summary>
    /// The unit (单位) the statement is about when the narrative speaks of one unit of the department rather than
    /// of the disclosure as a whole (a section headed by the unit's name, "深圳市XX中心" / "XX局（本级）"). Such a
    /// statement is never compared with the department's tables. Null: the disclosure's own subject.
    /// </summary>
    public string? Entity { get; set; }
    /// <summary>The sentence the claim was read from.</summary>
    public string Sentence { get; init; } = "";
    /// <summary>The heading of the section it sits in.</summary>
    public string Section { get; init; } = "";
    public Provenance Source { get; init; } = Provenance.Unknown;

    public override string ToString()
    {
        var s = $"[{Kind}] {Subject}";
        if (Amount is decimal a) s += $" {a}";
        if (Direction is ChangeDirection d) s += $" {d} {ChangeAmount} ({ChangePercent}%) vs {Base}{(ComparedYear is int y ? " " + y : "")}";
        if (SharePercent is decimal sh) s += $" 占{sh}%";
        if (CompletionPercent is decimal c) s += $" 完成{c}%";
        if (Parts.Count > 0) s += " 其中：" + string.Join("、", Parts.Select(p => $"{p.Subject} {p.Amount}"));
        if (Counts.Count > 0) s += " " + string.Join(" ", Counts.Select(c => $"{c.Value}{c.Word}"));
        return s;
    }
}
