using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Recognition.Tables;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>Column meaning read from the whole header of a table, and the corpus layouts it was generalized from.</summary>
public class ColumnMeaningTests
{
    private static ColumnMap[] Map(TableKind kind, params string[] paths) => ColumnMeaning.MapAll(paths, kind);

    [Fact] // SZ 支出总表: 支出总计 is the row total; 2026年政府采购项目/小计 and its 其中 columns are another dimension
    public void A_procurement_subtotal_beside_the_total_is_aside()
    {
        var m = Map(TableKind.BudgetExpenditure, "支出总计", "基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出", "上缴上级支出",
            "2026年政府采购项目/小计", "2026年政府采购项目/其中：2026年政府采购项目中预留给中小企业的项目资金规模");
        Assert.Equal(Measure.Total, m[0].Key!.Value.Measure);
        Assert.Equal(Measure.Basic, m[1].Key!.Value.Measure);
        Assert.Equal(Measure.SubsidyToSubordinate, m[4].Key!.Value.Measure);
        Assert.Null(m[6].Key);
        Assert.True(m[6].Detail);
        Assert.True(m[7].Detail || m[7].Key is { Measure: Measure.SmeShare });
    }

    [Fact] // XA 部门综合预算收入总表: 一般公共预算拨款/小计 is that fund; its 其中 column adds nothing; 实户 and 非财政拨款结余 are sources
    public void A_fund_subtotal_is_the_fund_and_its_breakdown_is_aside()
    {
        var m = Map(TableKind.BudgetRevenue, "部门预算/合计", "部门预算/一般公共预算拨款/小计", "部门预算/一般公共预算拨款/其中：专项资金列入部门预算项目",
            "部门预算/政府性基金拨款", "部门预算/使用非财政拨款结余", "部门预算/上年结转", "部门预算/上年实户资金余额", "部门预算/其他收入");
        Assert.Equal(new ColumnKey?[] { Measure.Total, Measure.GeneralBudget, null, Measure.GovernmentFund, Measure.UseOfNonFiscalBalance,
            Measure.CarryIn, Measure.AccountBalanceIn, Measure.OtherIncome }, m.Select(x => x.Key));
        Assert.True(m[2].Detail);
    }

    [Fact] // JS 收入总表: 本年收入/小计 | funds | 上年结转结余/小计 | its funds
    public void Carried_in_funds_beside_their_subtotal_are_aside()
    {
        var m = Map(TableKind.BudgetRevenue, "合计", "本年收入/小计", "本年收入/一般公共预算", "本年收入/事业收入", "上年结转结余/小计",
            "上年结转结余/一般公共预算", "上年结转结余/单位资金");
        Assert.Equal(Measure.Total, m[0].Key!.Value.Measure);
        // 本年收入/小计 is the 本年收入 subtotal (not a source of its own: GK207 adds the sources beside it)
        Assert.Equal(Measure.IncomeThisYear, m[1].Key?.Measure);
        Assert.Equal(Measure.GeneralBudget, m[2].Key!.Value.Measure);
        Assert.Equal(Measure.BusinessIncome, m[3].Key!.Value.Measure);
        Assert.Equal(Measure.CarryIn, m[4].Key!.Value.Measure);
        Assert.True(m[5].Detail && m[5].Key is null);
        Assert.True(m[6].Detail);
    }

    [Fact] // without a 小计 the carried-in funds are parts nobody mapped: unmapped, not aside
    public void Carried_in_funds_without_their_subtotal_stay_unmapped()
    {
        var m = Map(TableKind.BudgetRevenue, "合计", "本年收入/一般公共预算", "上年结转结余/一般公共预算");
        Assert.Equal(new ColumnMap(null, false), m[2]);
    }

    [Fact] // XA 三公 table: 2021年 | 2022年 | 增减变化情况 blocks; the latest year's block is read, the others stand aside
    public void Earlier_year_and_change_blocks_stand_aside()
    {
        var m = Map(TableKind.BudgetThreePublic, "2021年/合计", "2021年/一般公共预算拨款安排的“三公”经费预算/小计", "2022年/合计",
            "2022年/一般公共预算拨款安排的“三公”经费预算/小计", "2022年/会议费", "增减变化情况/合计");
        Assert.True(m[0].Detail && m[1].Detail && m[5].Detail);
        Assert.Null(m[0].Key);
        Assert.Equal(Measure.ThreePublicTotal, m[3].Key!.Value.Measure);
        Assert.Equal(Measure.Meeting, m[4].Key!.Value.Measure);
        var prior = Map(TableKind.BudgetGeneralExpenditure, "2025年预算数", "2026年预算数/总计", "2026年预算数/基本支出/小计", "2026年预算数/基本支出/人员经费");
        Assert.True(prior[0].Detail);
        // the one amount of the year before is its 上年数, aside from this year's arithmetic
        Assert.Equal(new ColumnKey?[] { Measure.PriorYear, Measure.Total, Measure.Basic, Measure.Personnel }, prior.Select(x => x.Key));
    }

    [Fact] // the whole table's heading gives its members no meaning; other wordings of 人员/公用
    public void Scope_headings_and_other_wordings()
    {
        var m = Map(TableKind.BudgetGeneralExpenditure, "一般公共预算支出/合计", "一般公共预算支出/基本支出", "一般公共预算支出/项目支出");
        Assert.Equal(new ColumnKey?[] { Measure.Total, Measure.Basic, Measure.Project }, m.Select(x => x.Key));
        var x = Map(TableKind.BudgetGeneralExpenditure, "合计", "基本支出/小计", "基本支出/人员支出", "基本支出/日常公用支出", "项目支出");
        Assert.Equal(new ColumnKey?[] { Measure.Total, Measure.Basic, Measure.Personnel, Measure.Public, Measure.Project }, x.Select(k => k.Key));
        var hn = Map(TableKind.BudgetGeneralBasic, "总计", "人员类", "公用经费");
        Assert.Equal(new ColumnKey?[] { Measure.Total, Measure.Personnel, Measure.Public }, hn.Select(k => k.Key));
    }

    [Fact] // 三公 tables split by fund: one fund is the item itself; several funds beside a 合计 of item rows are its breakdown
    public void Three_public_fund_columns()
    {
        var one = Map(TableKind.BudgetThreePublic, "单位编码", "总计/一般公共预算", "因公出国(境)费/一般公共预算", "公务接待费/一般公共预算");
        Assert.True(one[0].Detail);
        Assert.Equal(new ColumnKey?[] { null, Measure.ThreePublicTotal, Measure.Abroad, Measure.Reception }, one.Select(x => x.Key));
        var rows = Map(TableKind.BudgetThreePublic, "项目", "合计", "一般公共预算", "政府性基金预算");
        Assert.True(rows[2].Detail && rows[3].Detail);
        var split = Map(TableKind.BudgetThreePublic, "总计/一般公共预算", "总计/政府性基金预算");
        Assert.Equal(new ColumnMap(null, false), split[0]);
    }

    [Theory]
    [InlineData("**|**|**|**|1|2|3", true)]
    [InlineData("栏次|1|2|3", true)]
    [InlineData("**|1", true)]
    [InlineData("1|2", false)]
    [InlineData("1|2|3|4", true)]
    [InlineData("合计|1|2|3", false)]
    [InlineData("**|**|5|6", false)]
    public void Column_number_rows_with_markers(string cells, bool numbering)
    {
        var row = new SourceRow(cells.Split('|').Select((t, i) => new SourceCell(t, i, Provenance.Unknown)).ToList(), Provenance.Unknown);
        Assert.Equal(numbering, Grid.IsNumberingRow(row));
    }

    private static string Corpus(string prefix) =>
        Directory.GetFiles(Path.Combine(Shared.Root, "corpus"), prefix + "*.pdf").Single();

    /// <summary>The 错误 and 警告 of a rule (a 尾差 提示 is not an alarm).</summary>
    private static List<Finding> Alarms(AuditReport r, string id) => r.ByRule(id).Where(f => f.Severity != Severity.Info).ToList();

    private static AuditReport Check(string prefix) =>
        Auditor.Audit(new DisclosureReader().Read(Corpus(prefix)).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    [Fact] // SZ 审计局 p21: 支出总计 | 基本 | 项目 | … | 政府采购项目/小计 — 10737.69 = 9206.23 + 1531.45
    public void Corpus_sz_expenditure_table_maps_its_total_and_stays_silent()
    {
        var d = new DisclosureReader().Read(Corpus("003-深圳-2026年深圳市审计局")).Disclosure;
        var b3 = d.Table(TableKind.BudgetExpenditure)!;
        Assert.Equal("支出总计", b3.Columns.Single(c => c.Key == Measure.Total).Header);
        Assert.Contains(b3.Columns, c => c.Header.Contains("政府采购") && c.Detail);
        Assert.Equal(10737.69m, b3.TotalRow![Measure.Total]!.Value);
        var r = Auditor.Audit(d);
        Assert.Empty(Alarms(r, "GK203"));
    }

    [Fact] // SZ 水务局 p63–: the 支出总表 lists its codes unit by unit under 预算单位 headings
    public void Corpus_sz_expenditure_table_by_unit_is_read_in_sections()
    {
        var d = new DisclosureReader().Read(Corpus("003-深圳-2026年深圳市水务局")).Disclosure;
        var b3 = d.Table(TableKind.BudgetExpenditure)!;
        Assert.True(b3.Sections >= 10);
        Assert.Contains(b3.Rows, x => x.Section == 1 && x.Label == "深圳市水务局（本级）" && x[Measure.Total]!.Value == 178214.28m);
        var r = Auditor.Audit(d);
        Assert.Empty(Alarms(r, "GK201"));
        Assert.Empty(Alarms(r, "GK203"));
        Assert.Empty(Alarms(r, "GK309"));
    }

    [Fact] // SZ 收支总表: 上年结余、结转 268.46 with its 1./2. parts; 10692.90 = 10424.44 + 268.46
    public void Corpus_sz_carry_in_line_is_read()
    {
        var r = Check("003-深圳-2026年深圳市城市管理和综合执法局");
        Assert.Empty(Alarms(r, "GK211"));
    }

    [Fact] // CS 教育局 p17–18: a ** 1 2 3 column-number row, a 款 printed as "03" under 205, columns 总计 | 人员类 | 公用经费
    public void Corpus_cs_marker_row_and_short_codes()
    {
        var d = new DisclosureReader().Read(Corpus("015-长沙-教育局")).Disclosure;
        var b5 = d.Table(TableKind.BudgetGeneralExpenditure)!;
        Assert.DoesNotContain(b5.Rows, x => x.Label.Contains('*'));
        Assert.Equal(656.73m, b5.Row("20503")![Measure.Total]!.Value);
        var r = Auditor.Audit(d);
        Assert.Empty(Alarms(r, "GK202"));
        Assert.Empty(Alarms(r, "GK204"));
        Assert.Empty(Alarms(r, "GK206"));
    }

    [Fact] // HZ 交通运输局 表2 p24: 单位名称 | 总计 | 本年收入/小计 … — no code column; 总计 is a value column, not the name
    public void Corpus_hz_revenue_table_without_codes_reads_its_total_column()
    {
        var d = new DisclosureReader().Read(Corpus("008-杭州-2026年杭州市交通运输局")).Disclosure;
        var b2 = d.Table(TableKind.BudgetRevenue)!;
        var first = b2.Rows.First();
        Assert.Equal("合计", first.Label);
        Assert.Equal(665964.37m, first[Measure.Total]!.Value);
        Assert.Equal(17858.84m, first[Measure.CarryIn]!.Value);
        Assert.Empty(Alarms(Auditor.Audit(d), "GK207"));
    }

    [Fact] // XA 公安局 表2 p23: 3,444,476,979.18 = 3,246,385,029.74 + 131,027,041.73 + 32,624,907.71 + 34,440,000.00
    public void Corpus_xa_revenue_table_adds_up()
    {
        var r = Check("020-西安-2026年西安市公安局");
        Assert.Empty(Alarms(r, "GK207"));
    }

    [Fact] // XA 生态环境局 表13 p58: 2021年 | 2022年 | 增减 blocks; small digits "2433550.50" read whole
    public void Corpus_xa_three_public_blocks_by_year()
    {
        var r = Check("020-西安-生态环境局");
        Assert.Empty(Alarms(r, "GK220"));
        Assert.Empty(Alarms(r, "GK226"));
    }

    [Fact] // FZ 交警 p9: 20402 公安 48200.88 ≠ 2040201 22431.07 + 2040299 16389.79 — a real defect keeps firing
    public void Corpus_fz_real_section_defect_still_fires()
    {
        var r = Check("017-福州-公安局交通警察局");
        Assert.Contains(r.ByRule("GK201"), f => f.Message.Contains("20402") && f.Found == 48200.88m && f.Expected == 38820.86m);
    }

    // column meaning by the header's words and its group, and marker rows under a header

    private static Measure? M(string path, TableKind kind = TableKind.BudgetExpenditure) => ColumnMeaning.Of(path, kind)?.Measure;

    [Theory]
    [InlineData("基本支出/人员支出", Measure.Personnel)]
    [InlineData("基本支出/人员经费", Measure.Personnel)]
    [InlineData("基本支出/日常公用支出", Measure.Public)]
    [InlineData("基本支出预算/日常公用支出", Measure.Public)]
    [InlineData("基本支出/小计", Measure.Basic)]
    [InlineData("基本支出预算/小计", Measure.Basic)]
    [InlineData("本年一般公共预算基本支出/合计", Measure.Total)]
    [InlineData("收入预算/合计", Measure.Total)]
    [InlineData("支出/预算数/总计", Measure.Total)]
    [InlineData("人员经费和公用经费支出", Measure.Basic)]
    public void Spending_columns_map_in_any_wording(string path, Measure expected) => Assert.Equal(expected, M(path));

    [Theory]
    [InlineData("本年收入/小计", Measure.IncomeThisYear)]
    [InlineData("上年结转结余/小计", Measure.CarryIn)]
    [InlineData("财政拨款收入/小计", Measure.FiscalGrant)]
    [InlineData("财政拨款/小计", Measure.FiscalGrant)]
    [InlineData("事业收入/小计", Measure.BusinessIncome)]
    [InlineData("上年结转", Measure.CarryIn)]
    public void A_subtotal_takes_the_meaning_of_its_group(string path, Measure expected) =>
        Assert.Equal(expected, M(path, TableKind.BudgetRevenue));

    [Fact]
    public void A_subtotal_of_an_unknown_group_is_not_the_row_total()
    {
        Assert.Null(M("政府采购项目/小计"));
        Assert.Null(M("单位自筹/小计"));
        // beside the row total: a group with no known meaning stays unmapped (it may be a part); a 政府采购 group is
        // another dimension of the same money (SZ 审计局 p21: 10737.69 = 9206.23 + 1531.45 beside 政府采购项目/小计 775.86)
        Assert.Equal(new ColumnMap(null, false), Map(TableKind.BudgetExpenditure, "合计", "基本支出", "单位自筹/小计")[2]);
        Assert.Equal(new ColumnMap(null, true), Map(TableKind.BudgetExpenditure, "合计", "基本支出", "政府采购项目/小计")[2]);
    }

    [Theory]
    [InlineData("上年结转结余/一般公共预算")]
    [InlineData("上年结转结余/政府性基金预算")]
    [InlineData("上年结转/单位资金结转结余")]
    public void Breakdowns_of_the_carry_over_are_details_not_parts(string path)
    {
        Assert.Null(M(path, TableKind.BudgetRevenue));
        // beside the carried-in group's own figure the breakdown adds nothing (without it, see Carried_in_funds_without_their_subtotal_stay_unmapped)
        var group = path[..path.IndexOf('/')];
        var m = Map(TableKind.BudgetRevenue, "合计", "本年收入/一般公共预算", group + "/小计", path);
        Assert.Equal(Measure.CarryIn, m[2].Key?.Measure);
        Assert.Equal(new ColumnMap(null, true), m[3]);
    }

    [Fact]
    public void Last_years_block_is_another_period()
    {
        var paths = new[] { "单位名称", "2025年预算数/合计", "2025年预算数/公务接待费", "2026年预算数/合计", "2026年预算数/公务接待费" };
        Assert.Equal(new HashSet<int> { 1, 2 }, ColumnMeaning.OtherPeriodColumns(paths));
        Assert.Empty(ColumnMeaning.OtherPeriodColumns(new[] { "2026年预算数/合计", "2026年预算数/公务接待费" }));
    }

    [Fact]
    public void A_second_column_with_a_meaning_already_taken_is_left_unmapped()
    {
        var paths = new[] { "科目编码", "科目名称", "合计", "本年收入/小计", "小计" };
        var plan = ColumnMeaning.Plan(paths, new[] { 2, 3, 4 }, TableKind.BudgetRevenue);
        Assert.Equal(Measure.Total, plan[0].Key?.Measure);
        Assert.Equal(Measure.IncomeThisYear, plan[1].Key?.Measure);
        Assert.Null(plan[2].Key);
        Assert.False(plan[2].Detail);
    }

    private static SourceRow Row(params string[] cells) =>
        new(cells.Select((t, i) => new SourceCell(t, i, Provenance.Unknown)).ToList(), Provenance.Unknown);

    [Theory]
    [InlineData("**", "**", "1", "2", "3", "4")]
    [InlineData("**", "1")]
    [InlineData("栏次", "1", "2")]
    [InlineData("", "**", "1", "2", "3")]
    [InlineData("1", "2", "3")]
    [InlineData("甲", "乙", "1", "2")]
    public void Column_number_rows_are_not_data(params string[] cells)
    {
        Assert.True(Grid.IsNumberingRow(Row(cells)));
        Assert.False(Grid.IsDataRow(Row(cells)));
    }

    [Theory]
    [InlineData("合计", "1", "2", "3")]
    [InlineData("**", "1", "3")]
    [InlineData("—", "1")]
    [InlineData("201", "一般公共服务支出", "1", "2")]
    public void Data_rows_with_small_numbers_stay_data(params string[] cells) => Assert.False(Grid.IsNumberingRow(Row(cells)));

    [Theory]
    [InlineData("2026年部门收支总体情况表", TableKind.BudgetSummary)]
    [InlineData("收入总体情况表", TableKind.BudgetRevenue)]
    [InlineData("2026年部门支出总体情况表", TableKind.BudgetExpenditure)]
    [InlineData("财政拨款收支总体情况表", TableKind.BudgetFiscalSummary)]
    public void Overall_situation_tables_are_the_summary_tables(string title, TableKind kind) =>
        Assert.Equal(kind, TableTitles.Classify(title, DocumentKind.Budget));

    [Theory]
    [InlineData("—22—", true)]
    [InlineData("- 20 -", true)]
    [InlineData("— 1 9 —", true)]
    [InlineData("28", true)]
    [InlineData("第3页共40页", true)]
    [InlineData("2026年", false)]
    [InlineData("表1", false)]
    [InlineData("收支总体情况表", false)]
    public void Page_numbers_are_recognized(string text, bool expected)
    {
        Assert.Equal(expected, TableTitles.IsPageNumber(text));
        if (expected) Assert.True(TableTitles.IsMetaLine(text));
    }

    [Theory]
    [InlineData("一、本级财政拨款收入", SummaryLine.FiscalGrant)]
    [InlineData("一、预算拨款", SummaryLine.FiscalGrant)]
    [InlineData("一、财政拨款", SummaryLine.FiscalGrant)]
    [InlineData("二、财政专户拨款", SummaryLine.SpecialAccountIncome)]
    [InlineData("一般公共预算拨款", SummaryLine.GeneralBudgetGrant)]
    public void Fiscal_grant_group_lines_in_other_words(string label, SummaryLine line) =>
        Assert.Equal(line, LineNames.Income(label, SummaryLine.None));
}
