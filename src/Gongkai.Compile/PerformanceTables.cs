using System.Globalization;
using Gongkai.Model;


namespace Gongkai.Compile;

/// <summary>
/// The 部门整体 table (see <see cref="OverallPerformance"/>), then 项目支出绩效目标申报表 (预算) or 项目绩效自评表 (决算), one
/// per project. Every field the data holds is printed as entered (texts unchanged, 元 to the fen); the fixed label rows of
/// the region's form are printed even when the field is empty.
/// </summary>
public static class PerformanceTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<RenderTable> Build(Facts f)
    {
        var d = f.Data;
        int i = 0;
        if (OverallPerformance.Build(f) is { } overall)
        {
            yield return overall;
            if (overall.Label.StartsWith("附表", StringComparison.Ordinal)) i++;
        }
        foreach (var p in d.Projects.Where(p => p.Indicators.Count > 0 || p.SelfEvaluation is not null))
        {
            i++;
            if (f.Final) yield return SelfEvaluation(d, p, $"附表{i}");
            else if (d.Profile == "hubei") yield return HubeiTarget(d, p, $"附表{i}");
            else yield return Target(d, p, $"附表{i}");
        }
    }

    // ───────────────────────────── shared pieces ─────────────────────────────

    /// <summary>A row of <paramref name="width"/> cells; a trailing text cell spans the rest of the row.</summary>
    internal static RenderRow Line(int width, params string[] cells)
    {
        var all = Pad(width, cells);
        var spans = new int[width];
        int last = cells.Length - 1;
        for (int c = 0; c < width; c++) spans[c] = c < last ? 1 : c == last ? width - last : 0;
        return new RenderRow(all) { Spans = spans };
    }

    /// <summary>A row with explicit spans (cells placed at the start of each span).</summary>
    internal static RenderRow Spanned(int width, params (string Text, int Span)[] cells)
    {
        var all = new string[width];
        var spans = new int[width];
        int c = 0;
        foreach (var (text, span) in cells)
        {
            if (c >= width) break;
            all[c] = text;
            spans[c] = Math.Min(span, width - c);
            for (int k = 1; k < spans[c]; k++) { all[c + k] = ""; spans[c + k] = 0; }
            c += spans[c];
        }
        for (; c < width; c++) { all[c] = ""; spans[c] = 1; }
        return new RenderRow(all) { Spans = spans };
    }

    internal static RenderRow Section(int width, string label) =>
        new(Pad(width, label)) { Section = true, Spans = [width, .. Enumerable.Repeat(0, width - 1)] };

    internal static RenderRow Numbers(int width, string[] cells, params int[] numericColumns)
    {
        var numeric = new bool[width];
        foreach (var c in numericColumns) if (c < width) numeric[c] = true;
        return new RenderRow(Pad(width, cells)) { Numeric = numeric };
    }

    internal static string[] Pad(int width, params string[] cells) => [.. cells.Take(width), .. Enumerable.Repeat("", Math.Max(0, width - cells.Length))];

    internal static string Text(string? s) => s?.Trim() ?? "";

    internal static string Num(decimal? v) => v?.ToString(Inv) ?? "";

    /// <summary>The header fields of a project, falling back to the shared ones of <see cref="PerformanceData"/>.</summary>
    internal static (string Department, string Office, string Contact, string Phone) Header(DisclosureData d, string? department, string? office, string? contact, string? phone)
    {
        var p = d.Performance;
        return (Text(department ?? p?.Department ?? d.Unit.Name), Text(office ?? p?.FinanceOffice), Text(contact ?? p?.Contact), Text(phone ?? p?.Phone));
    }

    /// <summary>"≥10次": operator, value and unit in one cell (the Hubei forms), unless the value already carries them.</summary>
    internal static string Combined(IndicatorData x)
    {
        var target = Text(x.Target);
        var op = Text(x.Operator);
        var unit = Text(x.Unit);
        if (target.Length == 0) return "";
        var s = target;
        if (unit.Length > 0 && !s.EndsWith(unit, StringComparison.Ordinal) && OverallPerformance.TryNumber(target, out _)) s += unit;
        if (op.Length > 0 && !"≥≤=><≧≦".Contains(s[0]) && OverallPerformance.TryNumber(target, out _)) s = op + s;
        return s;
    }

    // ───────────────────────────── 决算: 项目绩效自评表 ─────────────────────────────

    private const int SelfWidth = 11;

    /// <summary>
    /// The 资金情况 rows of a self-evaluation in 元: as entered, or the 万元 figures ×10000 (one row 年度总金额 and one
    /// 其中：财政拨款) when the data has no rows.
    /// </summary>
    public static List<SelfEvaluationFundRow> FundRows(SelfEvaluationData se) =>
        se.Funds is { Count: > 0 } rows ? rows :
        [
            new() { Label = "年度总金额", Initial = se.InitialBudget * 10000m, Adjusted = se.AdjustedBudget * 10000m, Executed = se.Executed * 10000m },
            new() { Label = "其中：财政拨款", Initial = se.InitialBudget * 10000m, Adjusted = se.AdjustedBudget * 10000m, Executed = se.Executed * 10000m },
        ];

    /// <summary>The row that carries 执行率权重 and 执行率得分: the 财政拨款 row, else the first.</summary>
    public static int ScoredRow(IReadOnlyList<SelfEvaluationFundRow> rows)
    {
        for (int k = 0; k < rows.Count; k++) if (rows[k].Label.Contains("财政拨款", StringComparison.Ordinal)) return k;
        return 0;
    }

    /// <summary>执行率 of a money row (2 decimals, half-up), none on a zero 全年预算数.</summary>
    public static decimal? Rate(SelfEvaluationFundRow r) => r.Adjusted == 0 ? null : Rounding.HalfUp(r.Executed / r.Adjusted * 100m, 2);

    /// <summary>The 资金情况 block: header and rows; 执行率 on every row but a leading 年度总金额 when there are several.</summary>
    internal static void FundsBlock(RenderTable t, int width, IReadOnlyList<SelfEvaluationFundRow> rows, Func<decimal?, decimal> rateScore, decimal weight)
    {
        t.Rows.Add(Section(width, "资金情况"));
        t.Rows.Add(new RenderRow(Pad(width, "", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率", "执行率权重", "执行率得分")));
        int scored = ScoredRow(rows);
        for (int k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            bool rated = rows.Count == 1 || k > 0 || !r.Label.Contains("总金额", StringComparison.Ordinal);
            var rate = rated ? Rate(r) : null;
            // a zero budget with nothing spent: 执行率 0 (the form's convention), no division
            if (rated && rate is null && r.Adjusted == 0) rate = 0m;
            t.Rows.Add(Numbers(width,
            [
                Text(r.Label), Money.Cell(r.Initial), Money.Cell(r.Adjusted), Money.Cell(r.Executed),
                rated && rate is decimal x ? Money.Text(x) : "",
                k == scored ? Money.Text(weight) : "", k == scored ? Money.Text(rateScore(rate)) : "",
            ], 1, 2, 3, 4, 5, 6));
        }
    }

    /// <summary>绩效目标: 年初 · 全年（调整） · 实际完成, labels then texts.</summary>
    internal static void GoalsBlock(RenderTable t, string? initial, string? adjusted, string? achieved)
    {
        t.Rows.Add(Section(SelfWidth, "绩效目标"));
        t.Rows.Add(Spanned(SelfWidth, ("年初绩效目标", 3), ("全年（调整）绩效目标", 4), ("全年目标实际完成情况", 4)));
        t.Rows.Add(Spanned(SelfWidth, (Text(initial), 3), (Text(adjusted ?? initial), 4), (Text(achieved), 4)));
    }

    /// <summary>绩效指标: name, unit, operator, value, 完成值, 偏离度, 得分系数, 权重, 得分, 是否核心指标, 说明 (偏差原因).</summary>
    internal static void IndicatorBlock(RenderTable t, IEnumerable<OverallPerformance.ScoredIndicator> scored)
    {
        t.Rows.Add(Section(SelfWidth, "绩效指标"));
        t.Rows.Add(new RenderRow(["指标名称", "计量单位", "指标性质", "指标值", "全年完成值", "偏离度（%）", "得分系数（%）", "指标权重", "指标得分", "是否核心指标", "说明"]));
        foreach (var x in scored)
        {
            var i = x.Source;
            t.Rows.Add(Numbers(SelfWidth,
            [
                Text(i.Name), Text(i.Unit), Text(i.Operator), Text(i.Target), Text(i.Actual),
                x.Deviation is decimal dv ? Money.Text(dv) : "", x.Coefficient is decimal cf ? Money.Text(cf) : "",
                Num(i.Weight), Money.Text(x.Score), i.Core == true ? "是" : "否", Text(i.Remark),
            ], 3, 4, 5, 6, 7, 8));
        }
    }

    private static RenderTable SelfEvaluation(DisclosureData d, ProjectData p, string label)
    {
        var se = p.SelfEvaluation ?? new SelfEvaluationData { Executed = p.Amount };
        var t = new RenderTable { Kind = TableKind.SelfEvaluationProject, Label = label, Title = $"{d.Year}年度项目绩效自评表", UnitLine = "单位：元", NoModel = true };
        var head = Pad(SelfWidth, "项目名称：", p.Name, "项目编码：", Text(p.Code), "自评总分：", Money.Text(se.Score));
        for (int c = 0; c < SelfWidth; c++) t.Columns.Add(new([head[c]], ColumnRole.Label));
        var (dept, office, contact, phone) = Header(d, p.Department, p.FinanceOffice, p.Contact, p.Phone);
        t.Rows.Add(Line(SelfWidth, "项目主管部门：", dept, "财政归口处室：", office, "部门联系人：", contact, "联系电话：", phone));
        FundsBlock(t, SelfWidth, FundRows(se), rate => rate is decimal r ? Rounding.HalfUp(Math.Min(r, 100m) / 100m * OverallPerformance.ExecutionWeight, 2) : 0m, OverallPerformance.ExecutionWeight);
        GoalsBlock(t, se.InitialGoal, se.AdjustedGoal, se.Achieved);
        IndicatorBlock(t, p.Indicators.Select(OverallPerformance.ScoreIndicator));
        return t;
    }

    // ───────────────────────────── 预算: 项目支出绩效目标表 ─────────────────────────────

    private const int TargetWidth = 8;

    /// <summary>The national / Chongqing layout of 项目支出绩效目标表 (长期 indicators, printed by the Hubei form only, are left out).</summary>
    private static RenderTable Target(DisclosureData d, ProjectData p, string label)
    {
        var t = new RenderTable { Kind = TableKind.PerformanceProject, Label = label, Title = $"{d.Year}年项目支出绩效目标表", NoModel = true };
        var head = Pad(TargetWidth, "项目名称", p.Name);
        for (int c = 0; c < TargetWidth; c++) t.Columns.Add(new([head[c]], ColumnRole.Label));
        var (dept, _, contact, phone) = Header(d, p.Department, p.FinanceOffice, p.Contact, p.Phone);
        t.Rows.Add(Spanned(TargetWidth, ("项目编码", 1), (Text(p.Code), 3), ("申报单位", 1), (dept, 3)));
        t.Rows.Add(Spanned(TargetWidth, ("项目类型", 1), (Text(p.Type), 1), ("项目安排频度", 1), (Text(p.Frequency), 1), ("联系人", 1), (contact, 1), ("联系电话", 1), (phone, 1)));
        var funds = p.Funds ?? [];
        t.Rows.Add(Numbers(TargetWidth, ["当年预算（万元）", Money.Text(p.Amount), .. funds.Count > 0 ? new[] { Text(funds[0].Label), Money.Text(funds[0].Amount) } : []], 1, 3));
        foreach (var r in funds.Skip(1)) t.Rows.Add(Numbers(TargetWidth, ["", "", Text(r.Label), Money.Text(r.Amount)], 3));
        if (p.TotalBudget is decimal total) t.Rows.Add(Numbers(TargetWidth, ["项目总预算（万元）", Money.Text(total)], 1));
        t.Rows.Add(Line(TargetWidth, "项目概况", Text(p.Overview ?? p.Use)));
        t.Rows.Add(Line(TargetWidth, "立项依据", Text(p.Basis)));
        t.Rows.Add(Line(TargetWidth, "当年实施进度计划", Text(p.Plan)));
        // this form has no 长期 block and no 测算 lines (those are the Hubei form's): the 年度 target and indicators only
        t.Rows.Add(Line(TargetWidth, "当年整体绩效目标", Text(p.AnnualGoal)));
        t.Rows.Add(new RenderRow(["当年绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"]));
        foreach (var x in p.Indicators.Where(x => x.LongTerm != true))
            t.Rows.Add(Numbers(TargetWidth, ["", Text(x.Level1), Text(x.Level2), Text(x.Name), Text(x.Operator), Text(x.Target), Text(x.Unit), Num(x.Weight)], 7));
        return t;
    }

    private static void DetailsBlock(RenderTable t, List<ProjectDetail> details, int year)
    {
        t.Rows.Add(Spanned(TargetWidth, ($"{year}年项目支出明细及依据", 1), ("项目内容", 1), ("测算依据及说明", 3), ("本级财政拨款金额", 1), ("上级转移支付金额", 1), ("其他资金", 1)));
        foreach (var x in details)
        {
            var r = Spanned(TargetWidth, ("", 1), (Text(x.Content), 1), (Text(x.Basis), 3), (Amt(x.Local), 1), (Amt(x.Transfer), 1), (Amt(x.Other), 1));
            t.Rows.Add(new RenderRow(r.Cells) { Spans = r.Spans, Numeric = [false, false, false, false, false, true, true, true] });
        }
    }

    private static string Amt(decimal v) => v == 0 ? "" : Money.Text(v);

    /// <summary>The Hubei layout of 项目支出（绩效目标）申报表.</summary>
    private static RenderTable HubeiTarget(DisclosureData d, ProjectData p, string label)
    {
        var t = new RenderTable { Kind = TableKind.PerformanceProject, Label = label, Title = $"{d.Year}年项目支出（绩效目标）申报表", NoModel = true };
        var head = Pad(TargetWidth, "项目名称", p.Name, "", "", "项目代码", Text(p.Code));
        for (int c = 0; c < TargetWidth; c++) t.Columns.Add(new([head[c]], ColumnRole.Label));
        var (dept, _, contact, phone) = Header(d, p.Department, p.FinanceOffice, p.Contact, p.Phone);
        t.Rows.Add(Spanned(TargetWidth, ("项目主管部门", 1), (dept, 3), ("项目执行单位", 1), (Text(p.Implementer), 3)));
        t.Rows.Add(Spanned(TargetWidth, ("项目负责人", 1), (contact, 3), ("联系电话", 1), (phone, 3)));
        t.Rows.Add(Line(TargetWidth, "项目年度", Text(p.Period ?? $"{d.Year}年")));
        t.Rows.Add(Line(TargetWidth, "项目类别", Text(p.Category ?? p.Type)));
        t.Rows.Add(Line(TargetWidth, "项目安排频度", Text(p.Frequency)));
        t.Rows.Add(Line(TargetWidth, "立项依据", Text(p.Basis)));
        t.Rows.Add(Line(TargetWidth, "项目实施方案", Text(p.Plan ?? p.Use)));
        t.Rows.Add(Line(TargetWidth, "上年绩效评价结果、整改及应用", Text(p.PriorEvaluation)));
        t.Rows.Add(Line(TargetWidth, "项目前两年预算及当年预算变动情况", Text(p.BudgetHistory)));
        var total = new RenderRow(Pad(TargetWidth, "项目总预算", p.TotalBudget is decimal tb ? Money.Text(tb) : "", "", "", "项目当年预算", Money.Text(p.Amount)))
        { Spans = [1, 3, 0, 0, 1, 3, 0, 0], Numeric = [false, true, false, false, false, true, false, false] };
        t.Rows.Add(total);
        t.Rows.Add(Spanned(TargetWidth, ($"{d.Year}年预算申报项目资金来源", 1), ("来源项目", 4), ($"{d.Year}年预算申报数", 3)));
        var s1 = Spanned(TargetWidth, ("", 1), ("当年预算合计", 4), (Money.Text(p.Amount), 3));
        t.Rows.Add(new RenderRow(s1.Cells) { Spans = s1.Spans, Numeric = [false, false, false, false, false, true, false, false] });
        foreach (var r in p.Funds ?? [])
        {
            var s = Spanned(TargetWidth, ("", 1), (Text(r.Label), 4), (r.Amount == 0 ? "" : Money.Text(r.Amount), 3));
            t.Rows.Add(new RenderRow(s.Cells) { Spans = s.Spans, Numeric = [false, false, false, false, false, true, false, false] });
        }
        DetailsBlock(t, p.Details ?? [], d.Year);
        t.Rows.Add(Spanned(TargetWidth, ("项目绩效总目标", 1), ("名称", 1), ("目标说明", 6)));
        t.Rows.Add(Spanned(TargetWidth, ("", 1), ("长期绩效目标", 1), (Text(p.LongTermGoal), 6)));
        t.Rows.Add(Spanned(TargetWidth, ("", 1), ("年度绩效目标", 1), (Text(p.AnnualGoal), 6)));
        var longTerm = p.Indicators.Where(x => x.LongTerm == true).ToList();
        if (longTerm.Count > 0)
        {
            t.Rows.Add(Section(TargetWidth, "长期绩效目标表"));
            t.Rows.Add(Spanned(TargetWidth, ("目标名称", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("指标值", 2), ("指标值确定依据", 2)));
            foreach (var x in longTerm)
                t.Rows.Add(Spanned(TargetWidth, (x == longTerm[0] ? "长期绩效目标" : "", 1), (Text(x.Level1), 1), (Text(x.Level2), 1), (Text(x.Name), 1), (Combined(x), 2), (Text(x.Basis), 2)));
        }
        t.Rows.Add(Section(TargetWidth, "年度绩效目标表"));
        t.Rows.Add(Spanned(TargetWidth, ("目标名称", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("指标值", 3), ("指标值确定依据", 1)));
        t.Rows.Add(new RenderRow(Pad(TargetWidth, "", "", "", "", "前年", "上年", "预计当年实现", "")));
        var annual = p.Indicators.Where(x => x.LongTerm != true).ToList();
        foreach (var x in annual)
            t.Rows.Add(new RenderRow([x == annual[0] ? "年度绩效目标" : "", Text(x.Level1), Text(x.Level2), Text(x.Name), Text(x.Prior2), Text(x.Prior1), Combined(x), Text(x.Basis)]));
        return t;
    }
}
