using Gongkai.Audit;
using Gongkai.Tests.Recognition;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Real findings of the five seeds, pinned with their numbers (rule, expected, found, difference, line). Each was
/// checked by hand against the seed text; see the comments.
/// </summary>
public class SeedFindingsTests
{
    private static readonly Dictionary<string, AuditReport> Reports = new();

    private static AuditReport Audit(string seed)
    {
        lock (Reports)
        {
            if (!Reports.TryGetValue(seed, out var r))
                Reports[seed] = r = Auditor.Audit(Seeds.Read(seed).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });
            return r;
        }
    }

    private static Finding Pin(string seed, string rule, decimal? expected, decimal? found, int line, Severity? severity = null)
    {
        var fs = Audit(seed).ByRule(rule).Where(f => (line == 0 ? f.PrimaryLocation?.Line is null : f.PrimaryLocation?.Line == line) && f.Expected == expected && f.Found == found).ToList();
        Assert.True(fs.Count > 0, $"{seed}: 未找到 {rule} 第{line}行 应为 {expected} 实为 {found}；该规则实有：" +
            string.Join(" | ", Audit(seed).ByRule(rule).Select(f => $"第{f.PrimaryLocation?.Line}行 {f.Expected}/{f.Found}")));
        var f = fs[0];
        if (expected is decimal e && found is decimal fo) Assert.Equal(fo - e, f.Difference);
        if (severity is Severity s) Assert.Equal(s, f.Severity);
        return f;
    }

    // ---------------------------------------------------------------- 000 綦江 2022 预算

    [Fact] // 21015 subtotal 1224.57 = 889.57 of its own 项 + 335.00 of 2109999 (no 21099 row), in B2, B3 and B5
    public void Seed000_item_filed_under_the_wrong_section()
    {
        foreach (var line in new[] { 137, 283, 316 })
            Assert.Equal(335.00m, Pin("000", "GK501", 889.57m, 1224.57m, line, Severity.Error).Difference);
    }

    [Fact] // narrative line 67: 总额 4 = 货物 4 + 工程 0 + 服务 8 = 12; 一般公共预算拨款政府采购 0 vs the same 12
    public void Seed000_procurement_breakdown_does_not_add_up()
    {
        Assert.Equal(-8m, Pin("000", "GK406", 12m, 4m, 67, Severity.Error).Difference);
        Pin("000", "GK406", 12m, 0m, 67, Severity.Error);
    }

    [Fact] // line 57/61 compare with 2022 in a 2022 document; line 57 keeps 增加（或减少）
    public void Seed000_wrong_comparison_year_and_template_residue()
    {
        Pin("000", "GK408", 2021m, 2022m, 57, Severity.Error);
        Pin("000", "GK408", 2021m, 2022m, 61, Severity.Error);
        Assert.Contains(Audit("000").ByRule("GK701"), f => f.PrimaryLocation?.Line == 57 && f.Message.Contains("增加（或减少）"));
    }

    [Fact] // B6 303/30309: 合计 0.05 but 人员经费 0.50; 合计 776.02 vs 683.73 + 92.74 = 776.47; 人员经费 683.73 vs 301 683.23 + 303 0.05
    public void Seed000_personnel_column_disagrees_with_total()
    {
        Pin("000", "GK206", 0.5m, 0.05m, 192, Severity.Error);
        Pin("000", "GK206", 776.47m, 776.02m, 154, Severity.Error);
        Pin("000", "GK224", 683.28m, 683.73m, 154, Severity.Warning);
    }

    [Fact] // B6 header "2021年基本支出" in a 2022 budget; 整体绩效表 labelled 元 prints the 万元 basic total 776.02
    public void Seed000_header_year_and_unit_label()
    {
        Pin("000", "GK708", 2022m, 2021m, 151, Severity.Error);
        Pin("000", "GK617", 7760200m, 776.02m, 335, Severity.Warning);
    }

    [Fact]
    public void Seed000_ordinals_are_no_longer_name_differences()
    {
        var r = Audit("000");
        Assert.DoesNotContain(r.Findings, f => f.RuleId is "GK505" or "GK506" && f.Severity != Severity.Info && f.Message.Contains("十、"));
        Assert.Empty(r.ByRule("GK505"));
        var f = Assert.Single(r.ByRule("GK511")); // only 21305 扶贫 (B2) / 巩固脱贫衔接乡村振兴 (B3, B5)
        Assert.Contains("21305", f.Message);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    // ---------------------------------------------------------------- 001 大城 2022 预算

    [Fact] // line 49: 三公 6 万元 = 出国 0 + 公务用车 3 + 接待 0 = 3
    public void Seed001_three_public_total_is_not_the_sum_of_its_parts() =>
        Assert.Equal(3m, Pin("001", "GK406", 3m, 6m, 49, Severity.Error).Difference);

    [Fact] // line 43: 7132.51 = 基本 432.72 + 项目 6699.79; 基本 432.72 = 人员 402.23 + 公用 30.49 (包括 is a nested list)
    public void Seed001_nested_list_is_not_a_false_breakdown() =>
        Assert.DoesNotContain(Audit("001").ByRule("GK406"), f => f.PrimaryLocation?.Line == 43);

    [Fact]
    public void Seed001_indicator_findings()
    {
        // line 1116: 满意度指标 | 可持续影响指标 | 响应指标 | …, and | 生态效益指标 | 响应指标 | … elsewhere: 响应指标 is the 三级 name
        // (ending with 指标), read in its own column, not a 二级 one
        Assert.DoesNotContain(Audit("001").ByRule("GK609"), f => f.Message.Contains("响应指标"));
        var responses = Seeds.Read("001").Disclosure.PerformanceTargets.SelectMany(p => p.Indicators).Where(i => i.Name == "响应指标").ToList();
        Assert.Contains(responses, i => i.Level1 == "满意度指标" && i.Level2 == "可持续影响指标" && i.Source.Line == 1116);
        Assert.Contains(responses, i => i.Level2 == "生态效益指标");
        var ops = Audit("001").ByRule("GK610").ToList();
        Assert.Equal(6, ops.Count);
        // a satisfaction target with ＜ is a 警告 (it can only be a floor); the other operator doubts stay 提示
        Assert.All(ops, f => Assert.Equal(f.Message.Contains("满意") ? Severity.Warning : Severity.Info, f.Severity));
        Assert.Contains(ops, f => f.PrimaryLocation?.Line == 1514 && f.Message.Contains("满意率") && f.Severity == Severity.Warning);
    }

    [Fact] // line 149 (整体): 医疗救助率 measured in 人次; line 179: 补助到位率 with the value 2021 and unit 年;
           // line 691: 资金发放率 ≥ 400 元; line 799: 项目完成率 = 10, unit "10人"
    public void Seed001_rate_indicators_that_are_not_percentages()
    {
        Pin("001", "GK620", null, 90m, 149, Severity.Warning);
        Assert.Contains("年份", Pin("001", "GK620", null, 2021m, 179, Severity.Warning).Message);
        Pin("001", "GK620", null, 400m, 691, Severity.Warning);
        Pin("001", "GK620", null, 10m, 799, Severity.Warning);
    }

    [Fact] // the text publishes none of the eight budget tables, but line 43 describes them by name (收支预算总表支出栏、基本支出表、
           // 项目支出表按…编制，反映…): they exist apart from this text — a hint to check them, not a 警告
    public void Seed001_no_standard_tables_but_named() =>
        Assert.Contains("按名称", Pin("001", "GK109", 8m, 0m, 43, Severity.Info).Message);

    [Fact] // line 49 itemises the −785.44 change as 基本支出 +8.26 and 项目支出 −793.7; line 55 states +32.56 and −818
    public void Seed000_two_conflicting_statements_of_the_same_change()
    {
        var conflicts = Audit("000").ByRule("GK407").ToList();
        Assert.Equal(2, conflicts.Count);
        Assert.All(conflicts, f => Assert.Equal(24.30m, Math.Abs(f.Difference ?? 0)));
        Assert.All(conflicts, f => Assert.Equal(new int?[] { 55, 49 }, f.Locations.Select(l => l.Line).ToArray()));
        Assert.Contains(conflicts, f => f.Message.Contains("基本支出") && new[] { 8.26m, 32.56m }.All(v => v == f.Expected || v == f.Found));
        Assert.Contains(conflicts, f => f.Message.Contains("项目支出") && new[] { 793.70m, 818.00m }.All(v => v == Math.Abs(f.Expected ?? 0) || v == Math.Abs(f.Found ?? 0)));
    }

    [Fact]
    public void Seed001_counts() => Assert.Equal(1, Audit("001").ErrorCount);

    // ---------------------------------------------------------------- 002 碑林 2022 预算

    [Fact] // line 223: 一般公共预算支出 1010.52 (that is 人员 998.12 + 公用 12.39); B5 合计 1172.36; its own parts add to 1172.36
    public void Seed002_narrative_total_differs_from_table() =>
        Assert.Equal(-161.84m, Pin("002", "GK401", 1172.36m, 1010.52m, 223, Severity.Error).Difference);

    [Fact] // 表2/表3/表12 printed as titles only, not marked empty in the 目录
    public void Seed002_title_only_tables()
    {
        var lines = Audit("002").ByRule("GK106").Select(f => f.PrimaryLocation?.Line).ToList();
        Assert.Equal(new int?[] { 373, 379, 620 }, lines);
    }

    [Fact] // line 272: 政府采购预算共 92 万元, 表12 has no grid
    public void Seed002_procurement_stated_but_table_missing() => Pin("002", "GK420", 92m, 0m, 272, Severity.Error);

    [Fact] // 表9/11/13 are marked 是 不涉及 in the 目录: no GK102
    public void Seed002_tables_marked_empty_are_fine() =>
        Assert.Empty(Audit("002").ByRule("GK102"));

    [Fact] // 5 × 尾差 1172.35 vs 1172.36 etc.
    public void Seed002_rounding_is_only_a_hint()
    {
        Pin("002", "GK204", 1172.35m, 1172.36m, 432, Severity.Info);
        Pin("002", "GK204", 1120.81m, 1120.82m, 438, Severity.Info);
        Pin("002", "GK401", 1172.36m, 1172.35m, 166, Severity.Info);
    }

    // ---------------------------------------------------------------- 003 潼南 2024 决算

    [Fact]
    public void Seed003_has_no_error_and_no_warning()
    {
        var r = Audit("003");
        Assert.True(r.ErrorCount == 0, string.Join(" | ", r.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message)));
        Assert.Equal(0, r.WarningCount);
    }

    [Fact] // 21011: 4 项 add to 338.22, printed 338.21 (尾差, 5 × 0.005 envelope)
    public void Seed003_rounding_differences_with_numbers()
    {
        Pin("003", "GK201", 338.22m, 338.21m, 242, Severity.Info);
        Pin("003", "GK202", 763.53m, 763.52m, 275, Severity.Info);
        Pin("003", "GK203", 3427.65m, 3427.64m, 283, Severity.Info);
        Pin("003", "GK225", 621.87m, 621.86m, 408, Severity.Info);
        Pin("003", "GK613", 100m, 25m, 680, Severity.Info);
    }

    [Fact] // 234 抗疫特别国债安排的支出 is in the catalog supplement
    public void Seed003_class_234_is_known() =>
        Assert.DoesNotContain(Audit("003").Findings, f => f.Message.Contains("234"));

    // ---------------------------------------------------------------- 004 江汉 2023 预算

    [Fact]
    public void Seed004_findings()
    {
        var r = Audit("004");
        Assert.Equal(0, r.ErrorCount);
        Assert.Contains(r.ByRule("GK101"), f => f.Message.Contains("收入总表")); // the 目录 lists it, the text lacks it
        Assert.Contains(r.ByRule("GK102"), f => f.PrimaryLocation?.Line == 393); // "本单位2023年政府性基金预算支出。" states nothing
        // line 144: 81.2 = 服务类 81.2 = 43.2 + 25 + 13 (分别为 is a nested list); 205 is a unit code in 预算11表
        Assert.Empty(r.ByRule("GK406"));
        Assert.DoesNotContain(r.Findings, f => f.Message.Contains("武汉市江汉区医疗保障局") && f.RuleId.StartsWith("GK50"));
        // line 158: 所有项目 … 单位整体支出 … 982.98 = 本年支出合计
        Assert.Empty(r.ByRule("GK418"));
    }

    [Fact] // project 举报投诉奖励专项 (lines 622, 628): 起始/终止年度 2022 and a history of 2020–2021 in a 2023 budget
    public void Seed004_project_table_left_with_last_years_dates()
    {
        var stale = Audit("004").ByRule("GK711").ToList();
        Assert.Equal(3, stale.Count);
        Assert.Equal(2, stale.Count(f => f.PrimaryLocation?.Line == 622 && f.Expected == 2023m && f.Found == 2022m));
        Pin("004", "GK711", 2021m, 2020m, 628, Severity.Warning);
    }
}
