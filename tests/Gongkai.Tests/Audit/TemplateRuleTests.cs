using System.Text.RegularExpressions;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;
using Gongkai.Tests.Support;
using Xunit.Abstractions;

namespace Gongkai.Tests.Audit;

/// <summary>
/// The template-conformity family (模板一致): GK901 a fixed row of the region's template missing, GK902 a fixed column
/// missing, GK903 a line named as another region's template names it — silent on the published seeds of the two
/// described regions, firing on a package built without the template.
/// </summary>
public class TemplateRuleTests(ITestOutputHelper output)
{
    private static readonly string[] TemplateRules = ["GK901", "GK902", "GK903"];

    private static Disclosure ReadSeed(string prefix) => new DisclosureReader().Read(Shared.Seed(prefix)).Disclosure;

    internal static List<Finding> TemplateFindings(Disclosure d) =>
        Auditor.Audit(d, PackageAssert.Options).Findings.Where(f => TemplateRules.Contains(f.RuleId)).ToList();

    [Theory]
    [InlineData("003")]
    [InlineData("004")]
    public void Conformity_rules_stay_silent_on_the_published_seeds(string seed)
    {
        var d = ReadSeed(seed);
        Assert.NotEqual(RegionProfile.National, d.Profile);
        var f = TemplateFindings(d);
        Assert.True(f.Count == 0, string.Join("\n", f));
    }

    /// <summary>
    /// The 武汉 预算 compiled with the national layout (3 classes, 用事业基金弥补收支差额 / 结转下年, no 人员经费 | 公用经费
    /// by 功能) and printed under the region's table numbers and titles: the rules find each gap of the issue.
    /// </summary>
    [Fact]
    public void Conformity_rules_find_the_gaps_of_a_package_built_without_the_template()
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = "national";
        var md = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(data));
        foreach (var (label, national, hubei) in new[] { ("表1", "部门收支总表", "收支预算总表"), ("表4", "财政拨款收支总表", "财政拨款收支预算总表"), ("表5", "一般公共预算支出表", "一般公共预算支出表(分功能科目)") })
        {
            md = Regex.Replace(md, $"(?m)^{label}$", $"预算0{label[1..]}表");
            md = md.Replace($"### 2023年{national}\n", $"### 2023年{hubei}\n");
        }
        var read = new DisclosureReader().Read("hubei-national-layout.md", System.Text.Encoding.UTF8.GetBytes(md)).Disclosure;
        Assert.Equal(RegionProfile.Hubei, read.Profile);
        var f = TemplateFindings(read);
        output.WriteLine(string.Join("\n", f));
        Assert.Contains(f, x => x.RuleId == "GK901" && x.Message.StartsWith("预算01表") && x.Message.Contains("一、一般公共服务支出"));
        Assert.Contains(f, x => x.RuleId == "GK901" && x.Message.StartsWith("预算04表") && x.Message.Contains("（一）一般公共服务支出"));
        Assert.Contains(f, x => x.RuleId == "GK903" && x.Message.Contains("用事业基金弥补收支差额"));
        Assert.Contains(f, x => x.RuleId == "GK903" && x.Message.StartsWith("预算01表") && x.Message.Contains("结转下年") && x.Message.Contains("年终结转结余"));
        Assert.Contains(f, x => x.RuleId == "GK902" && x.Message.StartsWith("预算05表") && x.Message.Contains("人员经费") && x.Message.Contains("公用经费"));
        Assert.All(f, x => Assert.Equal(Severity.Warning, x.Severity));
    }

    /// <summary>The 重庆 决算 package without its fixed 外事接待 row: GK901; with it: nothing.</summary>
    [Fact]
    public void Conformity_rules_find_a_missing_fixed_row_of_the_institution_table()
    {
        var md = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(CompileSeedTests.Load("seed003-final-2024.json")));
        Disclosure Read(string text) => new DisclosureReader().Read("cq.md", System.Text.Encoding.UTF8.GetBytes(text)).Disclosure;
        Assert.Empty(TemplateFindings(Read(md)));
        var without = Regex.Replace(md, @"(?m)^\| 其中：外事接待费 \|[^\n]*\n", "");
        Assert.NotEqual(md, without);
        var f = Assert.Single(TemplateFindings(Read(without)));
        Assert.Equal("GK901", f.RuleId);
        Assert.Contains("其中：外事接待费", f.Message);
    }

    /// <summary>
    /// The 上海 决算 package (no table numbers, matched by title): silent as compiled; a fixed 类 row and a fixed income
    /// row dropped (one line of the two-sided table) → GK901, another region's carry-over line name → GK903, the 公务接待费 columns gone → GK902.
    /// </summary>
    [Fact]
    public void Conformity_rules_check_the_shanghai_final_template_by_title()
    {
        var data = CompileSeedTests.Load("seed003-final-2024.json");
        data.Profile = "shanghai";
        var md = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(data));
        Disclosure Read(string text)
        {
            var d = new DisclosureReader().Read("sh.md", System.Text.Encoding.UTF8.GetBytes(text)).Disclosure;
            d.Profile = RegionProfile.Shanghai; // the seed's unit is a 重庆 one: read as the package's region
            return d;
        }
        Assert.Empty(TemplateFindings(Read(md)));

        var dropped = Regex.Replace(md, @"(?m)^\| 八、其他收入 \|[^\n]*\n", "");
        Assert.NotEqual(md, dropped);
        var f = TemplateFindings(Read(dropped));
        output.WriteLine(string.Join("\n", f));
        // the line holds both sides: the fixed income row and the fixed class row beside it
        Assert.Contains(f, x => x.RuleId == "GK901" && x.Message.Contains("《收入支出决算总表》") && x.Message.Contains("八、其他收入") && x.Message.Contains("八、社会保障和就业支出"));

        var foreign = md.Replace("| 年初结转和结余 |", "| 上年结转结余 |");
        Assert.NotEqual(md, foreign);
        f = TemplateFindings(Read(foreign));
        Assert.Contains(f, x => x.RuleId == "GK903" && x.Message.Contains("上年结转结余") && x.Message.Contains("年初结转和结余"));

        var noReception = Read(md);
        var three = noReception.Tables.Single(t => t.Kind == TableKind.FinalThreePublic);
        three.Columns.RemoveAll(c => c.Key?.Measure == Measure.Reception);
        f = TemplateFindings(noReception);
        Assert.Contains(f, x => x.RuleId == "GK902" && x.Message.Contains("公务接待费"));
        Assert.All(f, x => Assert.Equal(Severity.Warning, x.Severity));
    }

    private static Disclosure ReadAs(string text, RegionProfile profile)
    {
        var d = new DisclosureReader().Read("package.md", System.Text.Encoding.UTF8.GetBytes(text)).Disclosure;
        d.Profile = profile; // the re-entered seed's unit is a 武汉 one: read as the package's region
        return d;
    }

    /// <summary>
    /// The 上海 预算 2026 template (no numbers, matched by title; 部门 or 预算单位 in the title): silent on the compiled
    /// package; an income line dropped → GK901, another template's line name → GK903, the 财政拨款收入 column gone → GK902.
    /// </summary>
    [Fact]
    public void Conformity_rules_check_the_shanghai_budget_template()
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = "shanghai";
        data.Year = 2026;
        var md = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(data));
        Assert.Contains("2026年部门财务收支预算总表", md);
        Assert.Empty(TemplateFindings(ReadAs(md, RegionProfile.Shanghai)));

        var dropped = Regex.Replace(md, @"(?m)^\| 二、事业收入 \|[^\n]*\n", "");
        Assert.NotEqual(md, dropped);
        var f = TemplateFindings(ReadAs(dropped, RegionProfile.Shanghai));
        output.WriteLine(string.Join("\n", f));
        Assert.Contains(f, x => x.RuleId == "GK901" && x.Message.Contains("财务收支预算总表") && x.Message.Contains("二、事业收入"));

        var foreign = md.Replace("| 二、事业收入 |", "| 用事业基金弥补收支差额 |");
        f = TemplateFindings(ReadAs(foreign, RegionProfile.Shanghai));
        Assert.Contains(f, x => x.RuleId == "GK903" && x.Message.Contains("用事业基金弥补收支差额"));

        var noFiscal = ReadAs(md, RegionProfile.Shanghai);
        noFiscal.Tables.Single(t => t.Kind == TableKind.BudgetRevenue).Columns.RemoveAll(c => c.Key?.Measure == Measure.FiscalGrant);
        f = TemplateFindings(noFiscal);
        Assert.Contains(f, x => x.RuleId == "GK902" && x.Message.Contains("收入预算总表") && x.Message.Contains("财政拨款收入"));
        Assert.All(f, x => Assert.Equal(Severity.Warning, x.Severity));
    }

    /// <summary>
    /// The 重庆 预算 2026 template: silent on the compiled package; the same data compiled with the national layout and
    /// printed under the region's numbers and titles (表一 收支总体情况表 …) → GK901 (the income lines 一、一般公共预算资金 …)
    /// and GK902 (表五 without 人员经费 | 公用经费).
    /// </summary>
    [Fact]
    public void Conformity_rules_check_the_chongqing_budget_template()
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = "chongqing";
        data.Year = 2026;
        var md = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(data));
        Assert.Contains("2026年部门收支总体情况表", md);
        var own = TemplateFindings(ReadAs(md, RegionProfile.Chongqing));
        Assert.True(own.Count == 0, string.Join("\n", own));

        var national = CompileSeedTests.Load("seed004-budget-2023.json");
        national.Profile = "national";
        national.Year = 2026;
        var nmd = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(national));
        foreach (var (label, cn, title, region) in new[] { ("表1", "表一", "部门收支总表", "部门收支总体情况表"), ("表5", "表五", "一般公共预算支出表", "一般公共预算支出情况表") })
        {
            Assert.Contains($"### 2026年{title}\n", nmd);
            nmd = Regex.Replace(nmd, $"(?m)^{label}$", cn).Replace($"### 2026年{title}\n", $"### 2026年{region}\n");
        }
        var f = TemplateFindings(ReadAs(nmd, RegionProfile.Chongqing));
        output.WriteLine(string.Join("\n", f));
        Assert.Contains(f, x => x.RuleId == "GK901" && x.Message.StartsWith("表一") && x.Message.Contains("一、一般公共预算资金"));
        Assert.Contains(f, x => x.RuleId == "GK902" && x.Message.StartsWith("表五") && x.Message.Contains("人员经费") && x.Message.Contains("公用经费"));
        Assert.All(f, x => Assert.Equal(Severity.Warning, x.Severity));
    }

    /// <summary>
    /// The 江苏 预算 2026 template (公开01–13 of 苏州 and 无锡): silent on the compiled package; an income line dropped (the
    /// line holds 九、其他收入 and the class 九、社会保险基金支出 beside it) → GK901, the older layout's carry-over name → GK903,
    /// the 会议费 column gone → GK902; the 2018 template likewise (a class row dropped, another template's carry name).
    /// </summary>
    [Fact]
    public void Conformity_rules_check_the_jiangsu_budget_templates()
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = "jiangsu";
        data.Year = 2026;
        RandomRegionalData.LayPublic(data);
        var md = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(data));
        Assert.Contains("### 收支总表\n", md);
        var own = TemplateFindings(ReadAs(md, RegionProfile.Jiangsu));
        Assert.True(own.Count == 0, string.Join("\n", own));

        var dropped = Regex.Replace(md, @"(?m)^\| 九、其他收入 \|[^\n]*\n", "");
        Assert.NotEqual(md, dropped);
        var f = TemplateFindings(ReadAs(dropped, RegionProfile.Jiangsu));
        output.WriteLine(string.Join("\n", f));
        Assert.Contains(f, x => x.RuleId == "GK901" && x.Message.StartsWith("公开01表") && x.Message.Contains("九、其他收入") && x.Message.Contains("九、社会保险基金支出"));

        var foreign = md.Replace("| 上年结转结余 |", "| 上年结转资金 |");
        Assert.NotEqual(md, foreign);
        f = TemplateFindings(ReadAs(foreign, RegionProfile.Jiangsu));
        Assert.Contains(f, x => x.RuleId == "GK903" && x.Message.Contains("上年结转资金") && x.Message.Contains("上年结转结余"));

        var noMeeting = ReadAs(md, RegionProfile.Jiangsu);
        noMeeting.Tables.Single(t => t.Kind == TableKind.BudgetThreePublic).Columns.RemoveAll(c => c.Key?.Measure == Measure.Meeting);
        f = TemplateFindings(noMeeting);
        Assert.Contains(f, x => x.RuleId == "GK902" && x.Message.StartsWith("公开09表") && x.Message.Contains("会议费"));
        Assert.All(f, x => Assert.Equal(Severity.Warning, x.Severity));

        data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = "jiangsu";
        data.Year = 2018;
        md = Gongkai.Compile.Render.MarkdownRenderer.ToText(PackageAssert.Build(data));
        Assert.Contains("### 收支预算总表\n", md);
        own = TemplateFindings(ReadAs(md, RegionProfile.Jiangsu));
        Assert.True(own.Count == 0, string.Join("\n", own));
        dropped = Regex.Replace(md, @"(?m)^\|[^\n]*\| 十、节能环保支出 \|[^\n]*\n", "");
        Assert.NotEqual(md, dropped);
        f = TemplateFindings(ReadAs(dropped, RegionProfile.Jiangsu));
        Assert.Contains(f, x => x.RuleId == "GK901" && x.Message.StartsWith("公开01表") && x.Message.Contains("十、节能环保支出"));
        foreign = md.Replace("| 上年结转资金 |", "| 上年结转结余 |");
        Assert.NotEqual(md, foreign);
        f = TemplateFindings(ReadAs(foreign, RegionProfile.Jiangsu));
        Assert.Contains(f, x => x.RuleId == "GK903" && x.Message.Contains("上年结转结余"));
    }
}
