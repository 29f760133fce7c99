using Gongkai.Model;


namespace Gongkai.Compile;

/// <summary>The 部门整体 table (see <see cref="OverallPerformance"/>), then 项目支出绩效目标表 (预算) or 项目绩效自评表 (决算), one per project.</summary>
public static class PerformanceTables
{
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
            var t = new RenderTable
            {
                Kind = f.Final ? TableKind.SelfEvaluationProject : TableKind.PerformanceProject,
                Label = $"附表{i}",
                Title = f.Final ? $"{d.Year}年度项目绩效自评表（{p.Name}）" : $"{d.Year}年项目支出绩效目标表",
                NoModel = true,
            };
            if (f.Final)
            {
                // the layout of 二级项目绩效自评表: identification row, 资金情况 block (元), 绩效指标 grid
                var se = p.SelfEvaluation ?? new SelfEvaluationData { Executed = p.Amount };
                t = new RenderTable { Kind = t.Kind, Label = t.Label, Title = $"{d.Year}年度项目绩效自评表", UnitLine = "单位：元", NoModel = true };
                // the indicator grid needs 9 columns (11 with the header pairs); without indicators 7 are enough
                int width = p.Indicators.Count > 0 ? 11 : 7;
                string[] Row(params string[] cells) => [.. cells, .. Enumerable.Repeat("", width - cells.Length)];
                string Yuan(decimal v) => Money.Cell(v * 10000m);
                var rate = se.AdjustedBudget == 0 ? (decimal?)null : Rounding.HalfUp(se.Executed / se.AdjustedBudget * 100m, 2);
                var rateScore = rate is decimal r ? Rounding.HalfUp(Math.Min(r, 100m) / 100m * 10m, 2) : 0m;
                var head = Row("项目名称：", p.Name, "项目编码：", p.Code ?? "", "自评总分：", Money.Text(se.Score));
                for (int c = 0; c < width; c++) t.Columns.Add(new([head[c]], ColumnRole.Label));
                t.Rows.Add(new RenderRow(Row("资金情况")));
                t.Rows.Add(new RenderRow(Row("", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率", "执行率权重", "执行率得分")));
                t.Rows.Add(new RenderRow(Row("年度总金额", Yuan(se.InitialBudget), Yuan(se.AdjustedBudget), Yuan(se.Executed))));
                t.Rows.Add(new RenderRow(Row("其中：财政拨款", Yuan(se.InitialBudget), Yuan(se.AdjustedBudget), Yuan(se.Executed), rate is null ? "" : Money.Text(rate.Value), "10.00", Money.Text(rateScore))));
                if (p.Indicators.Count > 0)
                {
                    t.Rows.Add(new RenderRow(Row("绩效指标")));
                    t.Rows.Add(new RenderRow(Row("指标名称", "计量单位", "指标性质", "指标值", "全年完成值", "指标权重", "指标得分", "是否核心指标", "说明")));
                    foreach (var x in p.Indicators)
                        t.Rows.Add(new RenderRow(Row(x.Name, x.Unit, x.Operator, x.Target, x.Actual ?? "", x.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                            x.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", "否", "")));
                }
            }
            else
            {
                // the label layout of 项目支出绩效目标表 (项目名称 / 项目类型 / 当年预算 rows, then the indicator grid)
                t = new RenderTable { Kind = t.Kind, Label = t.Label, Title = t.Title, NoModel = true };
                t.Columns.Add(new(["项目名称"], ColumnRole.Label));
                t.Columns.Add(new([p.Name], ColumnRole.Label));
                for (int c = 0; c < 6; c++) t.Columns.Add(new([""], ColumnRole.Label));
                t.Rows.Add(new RenderRow(["项目编码", p.Code ?? "", "", "", "", "", "", ""]));
                t.Rows.Add(new RenderRow(["项目类型", p.Type ?? "", "", "", "", "", "", ""]));
                t.Rows.Add(new RenderRow(["当年预算（万元）", Money.Text(p.Amount), "", "", "", "", "", ""]));
                t.Rows.Add(new RenderRow(["当年绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"]));
                foreach (var x in p.Indicators)
                    t.Rows.Add(new RenderRow(["", x.Level1, x.Level2, x.Name, x.Operator, x.Target, x.Unit, x.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""]));
            }
            yield return t;
        }
    }
}
