using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>项目支出绩效目标表 (预算) and 项目绩效自评表 (决算), one per project.</summary>
public static class PerformanceTables
{
    public static IEnumerable<RenderTable> Build(Facts f)
    {
        var d = f.Data;
        int i = 0;
        foreach (var p in d.Projects.Where(p => p.Indicators.Count > 0 || p.SelfEvaluation is not null))
        {
            i++;
            var t = new RenderTable
            {
                Kind = f.Final ? TableKind.SelfEvaluationProject : TableKind.PerformanceProject,
                Label = $"附表{i}",
                Title = f.Final ? $"{d.Year}年度项目绩效自评表（{p.Name}）" : $"{d.Year}年项目支出绩效目标表（{p.Name}）",
                NoModel = true,
            };
            if (f.Final)
            {
                foreach (var h in new[] { "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "全年完成值", "指标得分" })
                    t.Columns.Add(new([h], ColumnRole.Label));
                var s = p.SelfEvaluation;
                if (s is not null)
                    t.Notes.Add($"项目资金（万元）：年初预算数 {Money.Text(s.InitialBudget)}，全年预算数 {Money.Text(s.AdjustedBudget)}，全年执行数 {Money.Text(s.Executed)}；自评得分 {Money.Text(s.Score)} 分。");
                foreach (var x in p.Indicators)
                    t.Rows.Add(new RenderRow([x.Level1, x.Level2, x.Name, x.Operator, x.Target, x.Unit, x.Actual ?? "", x.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""]));
            }
            else
            {
                foreach (var h in new[] { "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位" })
                    t.Columns.Add(new([h], ColumnRole.Label));
                t.Notes.Add($"项目名称：{p.Name}；项目金额 {Money.Text(p.Amount)} 万元{(p.Type is null ? "" : "；项目类别：" + p.Type)}。");
                foreach (var x in p.Indicators)
                    t.Rows.Add(new RenderRow([x.Level1, x.Level2, x.Name, x.Operator, x.Target, x.Unit]));
            }
            yield return t;
        }
    }
}
