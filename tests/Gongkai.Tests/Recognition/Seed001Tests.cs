using Gongkai.Model;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// Seed 001 (大城县, one cell per line) prints no standard tables: its figures are in the 绩效 tables, the
/// 政府采购 and 固定资产 tables, and the narrative. Values as printed in the seed.
/// </summary>
public class Seed001Tests
{
    private static readonly Disclosure D = Seeds.Read("001").Disclosure;

    [Fact]
    public void Tables_recognized_are_the_unit_list_procurement_and_assets()
    {
        var kinds = D.Tables.Where(t => t.Kind != TableKind.Unknown).Select(t => (t.Kind, t.Title)).ToList();
        Assert.Equal(new[]
        {
            (TableKind.UnitComposition, "部门机构设置情况"),
            (TableKind.Procurement, "部门政府采购预算"),
            (TableKind.Assets, "大城县部门固定资产占用情况表"),
        }, kinds);
        Assert.Equal(16, D.PerformanceTargets.Count);
        Assert.Single(D.PerformanceTargets, p => p.IsOverall);
    }

    [Theory]
    [InlineData("城乡居民医疗参保人数", "≥", "40", "万")]
    [InlineData("宣传医疗保险政策", "≥", "20000", "次")]
    [InlineData("全年门特申报人数", "≥", "4000", "人")]
    [InlineData("医疗救助率", "≥", "90", "人次")]
    [InlineData("城乡居民医疗保险参保覆盖率", "≥", "95", "百分数")]
    [InlineData("医疗待遇按月发放及时率", "≥", "98", "百分数")]
    [InlineData("城乡居民基本医疗保险县级", "", "116", "元")]
    public void Overall_indicators(string name, string op, string target, string unit)
    {
        var i = D.PerformanceTargets.Single(p => p.IsOverall).Indicators.First(x => x.Name.StartsWith(name, StringComparison.Ordinal));
        Assert.Equal(op, i.Operator);
        Assert.Equal(target, i.TargetText);
        Assert.Equal(unit, i.Unit);
    }

    [Fact]
    public void Project_tables_amounts_codes_plans_and_indicators()
    {
        var p1 = D.PerformanceTargets.Single(p => p.ProjectCode == "13102522P008727100028");
        Assert.Equal(4758m, p1.Amount!.Value);
        Assert.Equal(new[] { 30m, 60m, 90m, 100m }, p1.SpendingPlan.Select(f => f.Value));
        var members = p1.Indicators.ToDictionary(i => i.Name);
        Assert.Equal(("≤", "39", "万人"), (members["参保缴费人数"].Operator, members["参保缴费人数"].TargetText, members["参保缴费人数"].Unit));
        Assert.Equal(("≤", "100", "%"), (members["县级财政补助率"].Operator, members["县级财政补助率"].TargetText, members["县级财政补助率"].Unit));
        Assert.Equal(("=", "122", "元"), (members["资金成本"].Operator, members["资金成本"].TargetText, members["资金成本"].Unit));
        Assert.Equal("数量指标", members["参保缴费人数"].Level2);
        Assert.Equal("效益指标", members["人均财政投入水平"].Level1);

        var p2 = D.PerformanceTargets.Single(p => p.ProjectCode == "13102522P008717100021");
        Assert.Equal(221m, p2.Amount!.Value);
        var grant = p2.Indicators.Single(i => i.Name == "补助金额");
        Assert.Equal((decimal?)221m, grant.Target);
        Assert.Equal("万元", grant.Unit);
        Assert.Equal(90m, p2.Indicators.Single(i => i.Name == "医疗救助救助人次").Target);
        Assert.All(D.PerformanceTargets.Where(p => !p.IsOverall), p => Assert.NotNull(p.Amount));
    }

    [Fact]
    public void Narrative_totals_and_changes()
    {
        Assert.Contains(D.Claims, c => c.Amount == 7132.51m);
        Assert.Contains(D.Claims, c => c.Amount == 7117.51m);
        Assert.Contains(D.Claims, c => c.Kind == ClaimKind.Change && c.ChangeAmount == 807.28m && c.Direction == ChangeDirection.Increase && c.ComparedYear == 2021);
        Assert.Contains(D.Claims, c => c.ChangeAmount == 38.19m && c.Subject.Contains("基本支出"));
        Assert.Contains(D.Claims, c => c.ChangeAmount == 769.09m && c.Subject.Contains("项目支出"));
        Assert.Contains(D.Claims, c => c.Amount == 14.7m && c.Subject.Contains("机关运行经费"));
        Assert.Contains(D.Claims, c => c.Amount == 6m && c.Subject.Contains("三公"));
    }
}
