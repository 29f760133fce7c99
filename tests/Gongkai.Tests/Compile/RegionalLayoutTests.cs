using Gongkai.Compile;
using Gongkai.Compile.Render;
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
            (TableKind.OperatingCostsByEconomic, "公开11表", "2023年一般公共预算" + "机关运行经费支出预算表"),
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
            (TableKind.BudgetThreePublic, "表9", "2023年“三公”经费和机关运行经费预算表"),
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
        // the seed's unit is a 重庆 one: the package is read as the profile it was compiled for (上海 has its own 决算 template)
        var read = PackageAssert.ReadMarkdown(p).Disclosure;
        read.Profile = p.Model.Profile;
        PackageAssert.AuditClean(read, "读回的 Markdown");
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

    // ───────────── regional tables: 公开11, 预留机动经费, 上海 机关运行经费 column, 河北 固定资产 ─────────────

    private static DisclosureData Seed(string profile, Action<DisclosureData>? change = null)
    {
        var data = CompileSeedTests.Load("seed004-budget-2023.json");
        data.Profile = profile;
        change?.Invoke(data);
        return data;
    }

    /// <summary>The package read back from Markdown and from XLSX, each audited clean and equal to the compiled tables.</summary>
    private static List<Disclosure> ReadBack(DisclosureData data)
    {
        var p = PackageAssert.Build(data);
        Assert.Empty(p.Issues);
        PackageAssert.AuditClean(p.Model, "汇编模型");
        var xlsx = Gongkai.Compile.Render.PackageRenderers.Find("xlsx")!.RenderToBytes(p);
        var reads = new List<Disclosure> { PackageAssert.ReadMarkdown(p).Disclosure, new Gongkai.Recognition.DisclosureReader().Read(p.Title + ".xlsx", xlsx).Disclosure };
        foreach (var read in reads)
        {
            PackageAssert.AuditClean(read, "读回的文档");
            PackageAssert.SameTables(p.Model, read);
            PackageAssert.EqualsInput(data, read);
        }
        return reads;
    }

    /// <summary>21.45 + 0.96 = 22.41: the 机关运行经费 of seed 004 by 款 (each within its 基本支出 款).</summary>
    private static List<EconomicLine> OperatingByEconomic() =>
    [
        new() { Code = "30201", Amount = 5.10m }, new() { Code = "30216", Amount = 0.96m }, new() { Code = "30228", Amount = 0.61m },
        new() { Code = "30229", Amount = 3.66m }, new() { Code = "30239", Amount = 6.08m }, new() { Code = "30299", Amount = 6.00m },
    ];

    [Fact]
    public void Jiangsu_public_11_prints_the_operating_costs_by_economic_class_and_reads_them_back()
    {
        foreach (var read in ReadBack(Seed("jiangsu", d => d.OperatingCosts!.ByEconomic = OperatingByEconomic())))
        {
            var t = read.Table(TableKind.OperatingCostsByEconomic)!;
            Assert.Equal("公开11表", t.Label);
            Assert.Equal(22.41m, t.TotalRow!.ValueOrZero(Measure.Total));
            Assert.Equal(22.41m, t.Row("302")!.ValueOrZero(Measure.Total));
            Assert.Equal(5.10m, t.Row("30201")!.ValueOrZero(Measure.Total));
            Assert.Equal(6.08m, t.Row("30239")!.ValueOrZero(Measure.Total));
            Assert.Equal(22.41m, read.OperatingCosts!.Value);
            // the table is not taken for a second 一般公共预算支出表
            Assert.Single(read.Tables, x => x.Kind == TableKind.BudgetGeneralExpenditure);
        }
    }

    [Fact]
    public void Jiangsu_public_11_without_a_breakdown_keeps_its_total_and_says_so()
    {
        var p = PackageAssert.Build(Seed("jiangsu"));
        var t = p.Tables.Single(x => x.Kind == TableKind.OperatingCostsByEconomic);
        Assert.Single(t.Rows);
        Assert.Contains("未按经济分类科目细化", Assert.Single(t.Notes));
        var none = PackageAssert.Build(Seed("jiangsu", d => d.OperatingCosts = null)).Tables.Single(x => x.Kind == TableKind.OperatingCostsByEconomic);
        Assert.Contains("没有", Assert.Single(none.Notes));
        foreach (var read in ReadBack(Seed("jiangsu")))
            Assert.Equal(22.41m, read.Table(TableKind.OperatingCostsByEconomic)!.TotalRow!.ValueOrZero(Measure.Total));
    }

    [Theory]
    [InlineData("30201", 5.11, "应等于机关运行经费")]       // Σ 款 ≠ amount
    [InlineData("30101", 5.10, "不含人员经费")]            // 机关运行经费 is 公用经费
    [InlineData("30202", 5.10, "超过一般公共预算基本支出")] // 印刷费 has no 基本支出 in seed 004
    public void Operating_costs_breakdown_is_validated(string code, double amount, string message)
    {
        var data = Seed("jiangsu", d =>
        {
            var lines = OperatingByEconomic();
            lines[0] = new EconomicLine { Code = code, Amount = (decimal)amount };
            d.OperatingCosts!.ByEconomic = lines;
        });
        var issues = PackageBuilder.Build(data).Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.Contains(issues, i => i.Message.Contains(message));
    }

    [Fact]
    public void Jiangsu_pdfs_read_public_11_as_operating_costs()
    {
        foreach (var (file, total, office) in new[] { ("jiangsu-npc-office-2017-budget.pdf", 5619.31m, 770.50m), ("jiangsu-npc-office-2018-budget.pdf", 1579.38m, 370.00m) })
        {
            var d = new Gongkai.Recognition.DisclosureReader().Read(Gongkai.Tests.Support.Shared.Pdf(file)).Disclosure;
            var t = Assert.Single(d.Tables, x => x.Kind == TableKind.OperatingCostsByEconomic);
            Assert.Equal(total, t.TotalRow!.ValueOrZero(Measure.Total));
            Assert.Equal(office, t.Row("30201")!.ValueOrZero(Measure.Total));
            Assert.Equal(total, d.OperatingCosts!.Value);
            Assert.DoesNotContain(d.Tables, x => x.Kind == TableKind.BudgetGeneralExpenditure && x.Title.Contains("机关运行经费"));
        }
    }

    [Fact]
    public void Jiangsu_reserve_has_its_column_and_reads_back()
    {
        var data = Seed("jiangsu", d => d.Expenditure.Single(l => l.Code == "2101501").Reserve = 12.34m);
        var p = PackageAssert.Build(data);
        var text = string.Concat(p.Blocks.OfType<ParagraphBlock>().Select(b => b.Text));
        Assert.Contains("单位预留机动经费12.34万元", text);
        Assert.Contains("单位预留机动经费：", text); // 名词解释
        foreach (var read in ReadBack(data))
        {
            // 公开01 支出用途 block: 基本 + 项目 + 预留 = 本年支出合计 (GK234)
            var uses = read.Table(TableKind.BudgetSummary)!.Rows.Where(r => r.Block == 2 && r.Label.Length > 0).ToList();
            Assert.Equal(["一、基本支出", "二、项目支出", "三、单位预留机动经费"], uses.Select(r => r.Label));
            Assert.Equal([204.78m, 778.20m, 12.34m], uses.Select(r => r.ValueOrZero(Measure.Amount)));
            Assert.Empty(Gongkai.Audit.Auditor.Audit(read, PackageAssert.Options).ByRule("GK234"));
            var b3 = read.Table(TableKind.BudgetExpenditure)!;
            Assert.Equal(12.34m, b3.TotalRow!.ValueOrZero(Measure.Reserve));
            Assert.Equal(982.98m + 12.34m, b3.TotalRow.ValueOrZero(Measure.Total));
            foreach (var kind in new[] { TableKind.FiscalGrantExpenditure, TableKind.BudgetGeneralExpenditure })
            {
                var row = read.Table(kind)!.Row("2101501")!;
                Assert.Equal(12.34m, row.ValueOrZero(Measure.Reserve));
                Assert.Equal(164.71m + 12.34m, row.ValueOrZero(Measure.Total));
            }
        }
    }

    /// <summary>
    /// Jiangsu 公开03 支出预算总表 (JS17B p10): no function rows, one 合计 row under 合计 | 基本支出 | 项目支出 |
    /// 单位预留机动经费 | 结转下年资金; 上缴上级 and the other kinds get a column only when the data has them.
    /// </summary>
    [Fact]
    public void Jiangsu_public_03_is_one_total_row_and_reads_back_in_every_format()
    {
        var data = Seed("jiangsu", d =>
        {
            d.Expenditure.Single(l => l.Code == "2101501").Reserve = 12.34m;
            d.Carry.CarryOutGeneral = 5.5m;
            d.Carry.CarryInGeneral = 5.5m;
            d.RevenueByFunction = d.Expenditure.Select(l => new RevenueLine { Code = l.Code, Source = l.Source, Amount = l.Total }).ToList();
        });
        var p = PackageAssert.Build(data);
        var t = p.Tables.Single(x => x.Kind == TableKind.BudgetExpenditure);
        Assert.Equal("公开03表", t.Label);
        Assert.Equal(["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"], t.Columns.Select(c => c.Header.Single()));
        var row = Assert.Single(t.Rows);
        Assert.Equal(["995.32", "204.78", "778.20", "12.34", "5.50"], row.Cells);
        foreach (var fmt in new[] { "md", "html", "xlsx", "docx", "pdf" })
        {
            var bytes = PackageRenderers.Find(fmt)!.RenderToBytes(p);
            var read = new Gongkai.Recognition.DisclosureReader().Read(p.Title + "." + fmt, bytes).Disclosure;
            var b3 = read.Table(TableKind.BudgetExpenditure)!;
            var total = Assert.Single(b3.Rows);
            Assert.True(total.IsTotal, fmt);
            Assert.Null(total.Code);
            Assert.Equal([995.32m, 204.78m, 778.20m, 12.34m, 5.50m],
                new[] { Measure.Total, Measure.Basic, Measure.Project, Measure.Reserve, Measure.CarryOut }.Select(m => total.ValueOrZero(m)));
            PackageAssert.SameTables(p.Model, read);
            PackageAssert.AuditClean(read, "读回的 " + fmt);
        }
        // the other spending kinds are printed when the data has them, and stay inside 合计
        var withRemit = PackageAssert.Build(Seed("jiangsu", d => d.Expenditure.Add(new FunctionLine { Code = "2101501", Source = FundSource.Business, RemitToSuperior = 3m })));
        var t2 = withRemit.Tables.Single(x => x.Kind == TableKind.BudgetExpenditure);
        Assert.Equal(["合计", "基本支出", "项目支出", "单位预留机动经费", "上缴上级支出", "结转下年资金"], t2.Columns.Select(c => c.Header.Single()));
        Assert.Equal(["985.98", "204.78", "778.20", "0.00", "3.00", ""], t2.Rows.Single().Cells);
    }

    [Fact]
    public void Reserve_outside_the_jiangsu_budget_is_refused()
    {
        var data = Seed("hebei", d => d.Expenditure[0].Reserve = 1m);
        Assert.Contains(PackageBuilder.Build(data).Issues, i => i.Severity == IssueSeverity.Error && i.Message.Contains("单位预留机动经费"));
    }

    [Fact]
    public void Shanghai_three_public_table_has_the_operating_costs_column()
    {
        foreach (var read in ReadBack(Seed("shanghai")))
        {
            var row = read.Table(TableKind.BudgetThreePublic)!.Rows.Single();
            Assert.Equal(22.41m, row.ValueOrZero(Measure.OperatingCosts));
            Assert.Equal(0m, row.ValueOrZero(Measure.ThreePublicTotal));
            Assert.Equal(22.41m, read.OperatingCosts!.Value);
        }
    }

    [Fact]
    public void Hebei_fixed_asset_table_reads_back_into_the_asset_summary()
    {
        var data = Seed("hebei", d =>
        {
            var a = d.Assets!;
            a.Vehicles["执法执勤用车"] = 2;
            a.VehicleValue = 31.72m;
            a.BuildingArea = 860.5m;
            a.BuildingValue = 120.30m;
            a.OfficeArea = 410m;
            a.OfficeValue = 60.15m;
            a.OtherCount = 181;
            a.OtherValue = 66.73m;
        });
        foreach (var read in ReadBack(data))
        {
            var t = read.Table(TableKind.Assets)!;
            Assert.Equal("表11", t.Label);
            Assert.Equal(218.75m, t.TotalRow!.ValueOrZero(Measure.Amount)); // 120.30 + 31.72 + 0 + 66.73
            Assert.Equal(2m, read.Assets!.VehicleCount!.Value);
            Assert.Equal(0m, read.Assets.HighValueEquipment!.Value);
            Assert.Equal(31.72m, read.Assets.Values.Single(kv => kv.Key.StartsWith("车辆")).Value.Value);
            Assert.Equal(860.5m, t.Rows.Single(r => r.Label.Contains("房屋")).ValueOrZero(Measure.Quantity));
        }
    }

    [Fact]
    public void Uses_block_and_asset_total_rules_catch_a_wrong_figure()
    {
        var js = PackageAssert.Build(Seed("jiangsu")).Model;
        var basic = js.Table(TableKind.BudgetSummary)!.Rows.Single(r => r.Block == 2 && r.Label.Contains("基本支出"));
        basic.Values[Measure.Amount] = TableBuilder.Fig(basic.ValueOrZero(Measure.Amount) + 1m);
        var f = Assert.Single(Gongkai.Audit.Auditor.Audit(js, PackageAssert.Options).ByRule("GK234"));
        Assert.Equal(983.98m, f.Expected); // Σ 支出用途
        Assert.Equal(982.98m, f.Found);    // 本年支出合计

        var hb = PackageAssert.Build(Seed("hebei", d => { d.Assets!.BuildingValue = 10m; d.Assets.OtherValue = 5m; })).Model;
        var total = hb.Table(TableKind.Assets)!.TotalRow!;
        Assert.Equal(15m, total.ValueOrZero(Measure.Amount));
        Assert.Empty(Gongkai.Audit.Auditor.Audit(hb, PackageAssert.Options).ByRule("GK233"));
        total.Values[Measure.Amount] = TableBuilder.Fig(16m);
        Assert.Single(Gongkai.Audit.Auditor.Audit(hb, PackageAssert.Options).ByRule("GK233"));
    }

    [Fact]
    public void Jiangsu_pdf_uses_blocks_add_up()
    {
        foreach (var file in new[] { "jiangsu-npc-office-2017-budget.pdf", "jiangsu-npc-office-2018-budget.pdf" })
        {
            var d = new Gongkai.Recognition.DisclosureReader().Read(Gongkai.Tests.Support.Shared.Pdf(file)).Disclosure;
            Assert.Contains(d.Table(TableKind.BudgetSummary)!.Rows, r => r.Block == 2 && r.Label.Contains("单位预留机动经费"));
            Assert.Empty(Gongkai.Audit.Auditor.Audit(d, PackageAssert.Options).ByRule("GK234"));
        }
    }

    /// <summary>The regional tables also survive the PDF: 公开01 with its 支出用途 block, 公开11, 上海 表9, 河北 表11.</summary>
    [Theory]
    [InlineData("jiangsu")]
    [InlineData("shanghai")]
    [InlineData("hebei")]
    public void Regional_tables_read_back_from_the_pdf(string profile)
    {
        var data = Seed(profile, d =>
        {
            if (profile == "jiangsu")
            {
                d.Expenditure.Single(l => l.Code == "2101501").Reserve = 12.34m;
                d.OperatingCosts!.ByEconomic = OperatingByEconomic();
            }
            d.Assets!.BuildingArea = 860.5m;
            d.Assets.BuildingValue = 120.30m;
            d.Assets.OtherCount = 181;
            d.Assets.OtherValue = 66.73m;
        });
        var p = PackageAssert.Build(data);
        var bytes = PackageRenderers.Find("pdf")!.RenderToBytes(p);
        var read = new Gongkai.Recognition.DisclosureReader().Read(p.Title + ".pdf", bytes).Disclosure;
        PackageAssert.SameTables(p.Model, read);
        PackageAssert.AuditClean(read, "读回的 PDF");
        if (profile == "hebei") Assert.Equal(187.03m, read.Table(TableKind.Assets)!.TotalRow!.ValueOrZero(Measure.Amount));
        else Assert.Equal(22.41m, read.OperatingCosts!.Value); // from 公开11 / 表9
    }

    // ───────────── 上海 and 重庆 2026 预算 templates: 元 tables, the 基本支出 split, carry-over in the fund lines, last year's 三公 ─────────────

    /// <summary>Seed 004 in the year of the 2026 templates, with 公用经费 per 项 (上海 财务收支预算总表 and 重庆 表五 split 基本支出).</summary>
    private static DisclosureData Seed2026(string profile, Action<DisclosureData>? change = null) => Seed(profile, d =>
    {
        d.Year = 2026;
        if (d.Assets is { } a) a.AsOf = "2025-12-31";
        RandomRegionalData.LayPublic(d);
        // 重庆 表九 lists the purchases by fund source: the seed's, all 一般公共预算
        if (profile == "chongqing" && d.Procurement is { Total: > 0 } pr)
            pr.BySource = new[] { ("goods", pr.Goods), ("works", pr.Works), ("services", pr.Services) }.Where(x => x.Item2 > 0)
                .Select(x => new ProcurementSourceLine { Type = x.Item1, Source = FundSource.General, Amount = x.Item2 }).ToList();
        change?.Invoke(d);
    });

    /// <summary>
    /// 上海 prints tables 1–8 in 元 and the 三公 table in 万元: an amount given to the fen (six decimals in 万元) is printed
    /// exactly in 元 and read back to the fen from Markdown and XLSX; the 财务收支预算总表 spending side is 合计 | 人员经费 |
    /// 公用经费 | 项目支出.
    /// </summary>
    [Fact]
    public void Shanghai_2026_prints_tables_1_to_8_in_yuan_to_the_fen()
    {
        FunctionLine? line = null;
        var data = Seed2026("shanghai", d =>
        {
            line = d.Expenditure.First(l => l.Source == FundSource.General && l.Basic > 0);
            line.Basic += 0.001234m; // 12.34 元
            d.Economic.First(e => CompileCatalog.IsPersonnel(e.Code)).Amount += 0.001234m;
        });
        var p = PackageAssert.Build(data);
        var b3 = p.Tables.Single(t => t.Kind == TableKind.BudgetExpenditure);
        Assert.Equal("单位：元", b3.UnitLine);
        Assert.Equal("单位：万元", p.Tables.Single(t => t.Kind == TableKind.BudgetThreePublic).UnitLine);
        Assert.Contains(b3.Rows, r => r.Cells[0] == line!.Code && r.Cells[2] == (line.Total * 10000m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        decimal personnel = data.Expenditure.Sum(l => l.Basic - (l.Public ?? 0)), pub = data.Expenditure.Sum(l => l.Public ?? 0);
        Assert.True(pub > 0);
        foreach (var read in ReadBack(data))
        {
            foreach (var kind in new[] { TableKind.BudgetSummary, TableKind.BudgetRevenue, TableKind.BudgetExpenditure, TableKind.BudgetFiscalSummary, TableKind.BudgetGeneralExpenditure, TableKind.BudgetGeneralBasic })
                Assert.Equal(ValueUnit.Yuan, read.Table(kind)!.Unit);
            Assert.Equal(ValueUnit.WanYuan, read.Table(TableKind.BudgetThreePublic)!.Unit);
            Assert.Equal(line!.Total * 10000m, read.Table(TableKind.BudgetExpenditure)!.Row(line.Code)!.ValueOrZero(Measure.Total));
            var summary = read.Table(TableKind.BudgetSummary)!;
            var spend = summary.Rows.Single(r => r.Line == SummaryLine.GrandTotalExpenditure);
            Assert.Equal(personnel * 10000m, spend.ValueOrZero(Measure.Personnel));
            Assert.Equal(pub * 10000m, spend.ValueOrZero(Measure.Public));
            Assert.Equal(data.Expenditure.Sum(l => l.Project) * 10000m, spend.ValueOrZero(Measure.Project));
            foreach (var c in summary.Rows.Where(r => r.Line == SummaryLine.ExpenditureClass))
                Assert.Equal(c.ValueOrZero(Measure.Total), c.ValueOrZero(Measure.Personnel) + c.ValueOrZero(Measure.Public) + c.ValueOrZero(Measure.Project));
        }
    }

    /// <summary>Without 公用经费 per 项 the 上海 财务收支预算总表 keeps one 预算数 column, and GK902 names the template's missing columns.</summary>
    [Fact]
    public void Shanghai_2026_summary_without_the_split_is_found_by_GK902()
    {
        var p = PackageAssert.Build(Seed2026("shanghai", d => { foreach (var l in d.Expenditure) l.Public = null; }));
        var f = Assert.Single(Gongkai.Audit.Auditor.Audit(p.Model, PackageAssert.Options).ByRule("GK902"));
        Assert.Contains("财务收支预算总表", f.Message);
        Assert.Empty(Gongkai.Audit.Auditor.Audit(PackageAssert.Build(Seed2026("shanghai")).Model, PackageAssert.Options).ByRule("GK902"));
    }

    /// <summary>
    /// Amounts the tables cannot print exactly are refused: to the fen in a 万元 layout, or in the 上海 三公 table (万元);
    /// below the fen in the 上海 元 tables; and a 万元 table handed an amount with more than two decimals.
    /// </summary>
    [Fact]
    public void Amounts_a_table_cannot_print_exactly_are_refused()
    {
        static List<DataIssue> Errors(DisclosureData d) => PackageBuilder.Build(d).Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.Contains(Errors(Seed("national", d => d.Expenditure[0].Basic += 0.001m)), i => i.Message.Contains("最多两位小数"));
        Assert.Contains(Errors(Seed2026("shanghai", d => d.ThreePublic.Current.Reception = 1.001m)), i => i.Message.Contains("最多两位小数"));
        Assert.Contains(Errors(Seed2026("shanghai", d => d.Expenditure[0].Project += 0.0000001m)), i => i.Message.Contains("最多到分"));
        var t = new RenderTable { Kind = TableKind.BudgetExpenditure, Title = "支出总表" };
        t.Columns.Add(new(["合计"], ColumnRole.Value, Measure.Total));
        t.Rows.Add(new RenderRow(["1.234"]));
        var issues = new List<DataIssue>();
        UnitConversion.CheckExact([t], issues);
        Assert.Contains("1.234", Assert.Single(issues).Message);
        UnitConversion.ToYuan(t);
        issues.Clear();
        UnitConversion.CheckExact([t], issues);
        Assert.Empty(issues);
        Assert.Equal("12,340", t.Rows[0].Cells[0]);
    }

    /// <summary>
    /// 重庆 表一 counts each fund's carry-over in its income line (一般公共预算资金 = this year's income + 上年结转), prints 合计
    /// first and no 上年结转 line; 表四 keeps 二、上年结转 on its own line.
    /// </summary>
    [Fact]
    public void Chongqing_2026_table_one_counts_the_carry_over_in_the_fund_lines()
    {
        var data = Seed2026("chongqing", d =>
        {
            d.Carry.CarryInGeneral = 12.5m;
            d.RevenueByFunction = d.Expenditure.Select(l => new RevenueLine { Code = l.Code, Source = l.Source, Amount = l.Total }).ToList();
            d.RevenueByFunction.First(r => r.Source == FundSource.General && r.Amount >= 12.5m).Amount -= 12.5m;
        });
        var generalIncome = data.RevenueByFunction!.Where(r => r.Source == FundSource.General).Sum(r => r.Amount);
        foreach (var read in ReadBack(data))
        {
            var t1 = read.Table(TableKind.BudgetSummary)!;
            Assert.Equal("表一", t1.Label);
            var first = t1.Rows.First(r => r.Side == Side.Income);
            Assert.Equal((SummaryLine.GrandTotalIncome, "合计"), (first.Line, Gongkai.Catalogs.RegionTemplates.Squeeze(first.Label)));
            Assert.Equal(generalIncome + 12.5m, t1.Rows.Single(r => r.Line == SummaryLine.GeneralBudgetGrant).ValueOrZero(Measure.Amount));
            Assert.DoesNotContain(t1.Rows, r => r.Line is SummaryLine.CarryIn or SummaryLine.TotalIncomeThisYear);
            Assert.Equal(12.5m, read.Table(TableKind.BudgetFiscalSummary)!.Rows.Single(r => r.Line == SummaryLine.CarryIn).ValueOrZero(Measure.Amount));
        }
    }

    /// <summary>重庆 表八 prints last year's 三公 budget beside this year's when the data gives it, one block otherwise.</summary>
    [Fact]
    public void Chongqing_2026_table_eight_prints_last_years_budget_beside_this_years()
    {
        var data = Seed2026("chongqing", d =>
        {
            d.ThreePublic.Current = new ThreePublicItems { Abroad = 1.20m, Reception = 0.50m };
            d.ThreePublic.Prior = new ThreePublicItems { Abroad = 1.20m, Reception = 0.52m };
        });
        var p = PackageAssert.Build(data);
        var t = p.Tables.Single(x => x.Kind == TableKind.BudgetThreePublic);
        Assert.Equal(["2025年预算数", "2026年预算数"], t.Columns.Select(c => c.Header[0]).Distinct());
        Assert.Equal(["1.72", "1.20", "0.00", "0.00", "0.00", "0.52", "1.70", "1.20", "0.00", "0.00", "0.00", "0.50"], t.Rows.Single().Cells);
        foreach (var read in ReadBack(data))
        {
            var row = read.Table(TableKind.BudgetThreePublic)!.Rows.Single();
            Assert.Equal(1.70m, row.ValueOrZero(Measure.ThreePublicTotal));
            Assert.Equal(0.50m, row.ValueOrZero(Measure.Reception));
        }
        var one = PackageAssert.Build(Seed2026("chongqing", d => d.ThreePublic.Prior = null)).Tables.Single(x => x.Kind == TableKind.BudgetThreePublic);
        Assert.Equal(6, one.Columns.Count);
    }

    /// <summary>
    /// 重庆 表九 政府采购预算明细表: 合计, A 货物 and C 服务 (the types with money) by fund source, read back from Markdown and
    /// XLSX; without the fund sources a 警告 before output; sources that do not add up to their type are refused.
    /// </summary>
    [Fact]
    public void Chongqing_2026_table_nine_lists_purchases_by_type_and_fund_source()
    {
        var data = Seed2026("chongqing", d => d.Procurement = new ProcurementData
        {
            Goods = 12.00m, Services = 30.50m,
            BySource = [new() { Type = "goods", Source = FundSource.General, Amount = 12.00m }, new() { Type = "services", Source = FundSource.General, Amount = 30.50m }],
        });
        var p = PackageAssert.Build(data);
        var t = p.Tables.Single(x => x.Kind == TableKind.Procurement);
        Assert.Equal(("表九", "2026年政府采购预算明细表"), (t.Label, t.Title));
        Assert.Equal(["合计", "A", "C"], t.Rows.Select(r => r.Cells[0]));
        Assert.Equal(["A", "货物", "12.00", "12.00", "", "", "", "", "", "", "", ""], t.Rows[1].Cells);
        foreach (var read in ReadBack(data))
        {
            var r9 = read.Table(TableKind.Procurement)!;
            Assert.Equal("表九", r9.Label);
            Assert.Equal(42.50m, r9.TotalRow!.ValueOrZero(Measure.Total));
            Assert.Equal(30.50m, r9.Rows.Single(r => r.Label == "C").ValueOrZero(Measure.GeneralBudget));
        }
        var without = PackageBuilder.Build(Seed2026("chongqing", d => d.Procurement = new ProcurementData { Goods = 12.00m }));
        Assert.Contains(without.Issues, i => i.Severity == IssueSeverity.Warning && i.Field == "procurement.bySource");
        var wrong = PackageBuilder.Build(Seed2026("chongqing", d => d.Procurement = new ProcurementData { Goods = 12.00m, BySource = [new() { Type = "goods", Amount = 11.00m }] }));
        Assert.Contains(wrong.Issues, i => i.Severity == IssueSeverity.Error && i.Field == "procurement.bySource");
    }
}
