using Gongkai.Compile;
using Gongkai.Model;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Seed 004 (预算 2023) compiled with each regional budget layout: the regional table order, labels (表N, 公开NN表) and
/// titles, read back to the same standard tables, and an audit without 错误 or 警告.
/// </summary>
public class RegionalLayoutTests
{
    private static (TableKind Kind, string Label, string Title)[] Compile(string profile, RegionProfile expected, Action<DisclosureData>? change = null)
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = profile;
        if (profile == "shaanxi") ShaanxiData.NameUnverifiedPair(data);
        change?.Invoke(data);
        var p = PackageAssert.Build(data);
        Assert.Empty(p.Issues);
        Assert.Equal(expected, p.Model.Profile);
        PackageAssert.AuditClean(p.Model, "汇编模型");
        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        PackageAssert.AuditClean(read, "读回的 Markdown");
        PackageAssert.SameTables(p.Model, read);
        PackageAssert.EqualsInput(data, read);
        return read.Tables.Where(t => t.Kind != TableKind.Unknown).Select(t => (t.Kind, t.Label ?? "", t.Title ?? "")).ToArray();
    }

    [Fact]
    public void Shaanxi_budget_keeps_the_regional_numbers() // without the economic classes of 项目支出: no 表6, 表1/表4 without the economic blocks
    {
        const string p = "2023年部门综合预算";
        var expected = new[]
        {
            (TableKind.BudgetSummary, "表1", p + "收支总表"),
            (TableKind.BudgetRevenue, "表2", p + "收入总表"),
            (TableKind.BudgetExpenditure, "表3", p + "支出总表"),
            (TableKind.BudgetFiscalSummary, "表4", p + "财政拨款收支总表"),
            (TableKind.BudgetGeneralExpenditure, "表5", p + "一般公共预算支出明细表（按支出功能分类科目）"),
            (TableKind.BudgetGeneralBasicByFunction, "表7", p + "一般公共预算基本支出明细表（按支出功能分类科目）"),
            (TableKind.BudgetGeneralBasic, "表8", p + "一般公共预算基本支出明细表（按支出经济分类科目）"),
            (TableKind.BudgetGovFund, "表9", p + "政府性基金收支表"),
            (TableKind.ProjectList, "表10", p + "专项业务经费支出表"),
            (TableKind.CarryOverExpenditure, "表11", p + "财政拨款上年结转资金支出表"),
            (TableKind.Procurement, "表12", p + "政府采购（资产配置、购买服务）预算表"),
            (TableKind.BudgetThreePublic, "表13", p + "一般公共预算拨款“三公”经费支出预算表"),
        };
        Assert.Equal(expected, Compile("shaanxi", RegionProfile.Shaanxi));
    }

    [Fact]
    public void Hebei_budget_is_the_national_set_plus_procurement()
    {
        var expected = new[]
        {
            (TableKind.BudgetSummary, "表1", "2023年部门收支总表"),
            (TableKind.BudgetRevenue, "表2", "2023年部门收入总表"),
            (TableKind.BudgetExpenditure, "表3", "2023年部门支出总表"),
            (TableKind.BudgetFiscalSummary, "表4", "2023年财政拨款收支总表"),
            (TableKind.BudgetGeneralExpenditure, "表5", "2023年一般公共预算支出表"),
            (TableKind.BudgetGeneralBasic, "表6", "2023年一般公共预算基本支出表"),
            (TableKind.BudgetThreePublic, "表7", "2023年一般公共预算“三公”经费支出表"),
            (TableKind.BudgetGovFund, "表8", "2023年政府性基金预算支出表"),
            (TableKind.BudgetStateCapital, "表9", "2023年国有资本经营预算支出表"),
            (TableKind.Procurement, "表10", "2023年部门政府采购预算表"),
        };
        Assert.Equal(expected, Compile("hebei", RegionProfile.Hebei));
    }

    [Fact]
    public void Jiangsu_budget_uses_the_public_numbers_in_their_order()
    {
        var expected = new[]
        {
            (TableKind.BudgetSummary, "公开01表", "2023年收支预算总表"),
            (TableKind.BudgetRevenue, "公开02表", "2023年收入预算总表"),
            (TableKind.BudgetExpenditure, "公开03表", "2023年支出预算总表"),
            (TableKind.BudgetFiscalSummary, "公开04表", "2023年财政拨款收支预算总表"),
            (TableKind.FiscalGrantExpenditure, "公开05表", "2023年财政拨款支出预算表"),
            (TableKind.FiscalGrantBasic, "公开06表", "2023年财政拨款基本支出预算表"),
            (TableKind.BudgetGeneralExpenditure, "公开07表", "2023年一般公共预算支出预算表"),
            (TableKind.BudgetGeneralBasic, "公开08表", "2023年一般公共预算基本支出预算表"),
            (TableKind.BudgetThreePublic, "公开09表", "2023年“三公”经费支出预算表"),
            (TableKind.BudgetGovFund, "公开10表", "2023年政府性基金预算支出预算表"),
            (TableKind.Procurement, "公开12表", "2023年政府采购支出预算表"),
        };
        Assert.Equal(expected, Compile("jiangsu", RegionProfile.Jiangsu));
    }

    [Fact]
    public void Shanghai_budget_puts_the_funds_before_the_basic_table()
    {
        var expected = new[]
        {
            (TableKind.BudgetSummary, "表1", "2023年财务收支预算总表"),
            (TableKind.BudgetRevenue, "表2", "2023年收入预算总表"),
            (TableKind.BudgetExpenditure, "表3", "2023年支出预算总表"),
            (TableKind.BudgetFiscalSummary, "表4", "2023年财政拨款收支预算总表"),
            (TableKind.BudgetGeneralExpenditure, "表5", "2023年一般公共预算支出功能分类预算表"),
            (TableKind.BudgetGovFund, "表6", "2023年政府性基金预算支出功能分类预算表"),
            (TableKind.BudgetStateCapital, "表7", "2023年国有资本经营预算支出功能分类预算表"),
            (TableKind.BudgetGeneralBasic, "表8", "2023年一般公共预算基本支出" + "部门预算经济分类预算表"),
            (TableKind.BudgetThreePublic, "表9", "2023年“三公”经费预算表"),
        };
        Assert.Equal(expected, Compile("shanghai", RegionProfile.Shanghai));
    }

    [Theory]
    [InlineData("shaanxi")]
    [InlineData("hebei")]
    [InlineData("jiangsu")]
    [InlineData("shanghai")]
    public void Finals_of_the_new_profiles_use_the_national_layout(string profile)
    {
        var data = CompileSeedTests.Load("seed003-final-2024.json");
        data.Profile = "national";
        var national = PackageBuilder.Build(data).Tables.Select(t => (t.Kind, t.Label, t.Title)).ToArray();
        data.Profile = profile;
        var p = PackageAssert.Build(data);
        Assert.Equal(national, p.Tables.Select(t => (t.Kind, t.Label, t.Title)).ToArray());
        PackageAssert.AuditClean(p.Model, "汇编模型");
        PackageAssert.AuditClean(PackageAssert.ReadMarkdown(p).Disclosure, "读回的 Markdown");
    }

    /// <summary>With 会议费 and 培训费 in the data, Jiangsu 公开09 and Xi'an 表13 print them beside 三公 under one 合计.</summary>
    [Theory]
    [InlineData("jiangsu", "公开09表", "2023年“三公”经费、会议费、培训费支出预算表")]
    [InlineData("shaanxi", "表13", "2023年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表")]
    public void Combined_three_public_table_with_meeting_and_training(string profile, string label, string title)
    {
        var tables = Compile(profile, profile == "jiangsu" ? RegionProfile.Jiangsu : RegionProfile.Shaanxi, d =>
        {
            d.Meeting = new ExpenseItem { Amount = 1.50m, Prior = 1.50m };
            d.Training = new ExpenseItem { Amount = 0.96m, Prior = 0.96m };
        });
        Assert.Contains((TableKind.BudgetThreePublic, label, title), tables);
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = profile;
        data.Meeting = new ExpenseItem { Amount = 1.50m, Prior = 1.50m };
        data.Training = new ExpenseItem { Amount = 0.96m, Prior = 0.96m };
        var package = PackageAssert.Build(data);
        var row = PackageAssert.ReadMarkdown(package).Disclosure.Table(TableKind.BudgetThreePublic)!.Rows.Single();
        Assert.Equal(2.46m, row.ValueOrZero(Measure.Total));
        Assert.Equal(0m, row.ValueOrZero(Measure.ThreePublicTotal));
        Assert.Equal(1.50m, row.ValueOrZero(Measure.Meeting));
        Assert.Equal(0.96m, row.ValueOrZero(Measure.Training));
    }
}
