using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>Builds the standard tables of a kind and profile from the facts: every total computed, fixed rows kept.</summary>
public sealed partial class TableBuilder
{
    private readonly Facts _f;
    private readonly DisclosureData _d;
    private int _n;

    public TableBuilder(Facts facts)
    {
        _f = facts;
        _d = facts.Data;
    }

    private string Subject => _d.Unit.Scope == "unit" ? "本单位" : "本部门";

    private string NextLabel()
    {
        _n++;
        if (_f.Final || _d.Profile == "jiangsu") return $"公开{_n:00}表";
        return _d.Profile == "hubei" ? $"预算{_n:00}表" : $"表{_n}";
    }

    private string BudgetTitle(string t) => $"{_d.Year}年{t}";

    public List<RenderTable> Build() => ApplyTemplate(_f.Final ? BuildFinal() : BuildBudget());

    // ───────────────────────────── 预算 ─────────────────────────────

    private List<RenderTable> BuildBudget()
    {
        switch (_d.Profile)
        {
            case "shaanxi": return ShaanxiBudget();
            case "jiangsu": return JiangsuBudget();
            case "shanghai": return ShanghaiBudget();
        }
        bool hb = _d.Profile == "hubei";
        var list = new List<RenderTable>
        {
            BudgetSummary(hb ? "收支预算总表" : "部门收支总表"),
            BudgetRevenue(hb ? "收入预算总表" : "部门收入总表"),
            CodedSpend(TableKind.BudgetExpenditure, hb ? "支出预算总表" : "部门支出总表", [], true, null),
            BudgetFiscalSummary(hb ? "财政拨款收支预算总表" : "财政拨款收支总表"),
            CodedSpend(TableKind.BudgetGeneralExpenditure, hb ? "一般公共预算支出表(分功能科目)" : "一般公共预算支出表", [FundSource.General], false, "一般公共预算拨款"),
        };
        if (hb) list.Add(ByUnit());
        list.Add(EconomicBudget("一般公共预算基本支出表"));
        list.Add(BudgetThreePublic("一般公共预算“三公”经费支出表"));
        list.Add(CodedSpend(TableKind.BudgetGovFund, "政府性基金预算支出表", [FundSource.GovFund], false, "政府性基金预算拨款"));
        if (!hb) list.Add(CodedSpend(TableKind.BudgetStateCapital, "国有资本经营预算支出表", [FundSource.StateCapital], false, "国有资本经营预算拨款"));
        if (hb)
        {
            list.Add(ProjectList());
            list.Add(ProcurementBudget());
            list.Add(PurchaseOfServicesBudget());
        }
        if (_d.Profile == "hebei")
        {
            list.Add(ProcurementBudget("部门政府采购预算表"));
            list.AddRange(HebeiAssets(11));
        }
        // a region whose template lists the 政府采购预算明细表 by fund source (重庆 2026 表九)
        else if (!hb && Tpl(TableKind.Procurement) is { } pt && pt.Measures.Contains(nameof(Measure.GeneralBudget))) list.Add(ProcurementBySource());
        return list;
    }

    /// <summary>
    /// 政府采购预算明细表 by fund source (重庆 2026 表九): 项目编号 | 项目 | 总计 | the nine fund sources; 合计, then A 货物,
    /// B 工程, C 服务 for the types with money; a source with nothing is blank. The 项目 column (货物 …) is printed only:
    /// the row is known by its 项目编号, as the reader reads the published table.
    /// </summary>
    private RenderTable ProcurementBySource()
    {
        var t = new RenderTable { Kind = TableKind.Procurement, Label = NextLabel(), Title = BudgetTitle("政府采购预算明细表") };
        (string Header, Measure Key, FundSource Source)[] cols =
        [
            ("一般公共预算拨款收入", Measure.GeneralBudget, FundSource.General), ("政府性基金预算拨款收入", Measure.GovernmentFund, FundSource.GovFund),
            ("国有资本经营预算拨款收入", Measure.StateCapital, FundSource.StateCapital), ("财政专户管理资金收入", Measure.SpecialAccount, FundSource.SpecialAccount),
            ("事业收入", Measure.BusinessIncome, FundSource.Business), ("上级补助收入", Measure.SuperiorSubsidy, FundSource.Superior),
            ("附属单位上缴收入", Measure.SubordinateRemittance, FundSource.Subordinate), ("事业单位经营收入", Measure.OperatingIncome, FundSource.Operating),
            ("其他收入", Measure.OtherIncome, FundSource.Other),
        ];
        t.Columns.Add(new(["项目编号"], ColumnRole.Label));
        t.Columns.Add(new(["项目"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["总计"], ColumnRole.Value, Measure.Total));
        foreach (var c in cols) t.Columns.Add(new([c.Header], ColumnRole.Value, c.Key));
        var p = _d.Procurement ?? new ProcurementData();
        var lines = p.BySource ?? [];
        string Cell(decimal v) => v == 0 ? "" : Money.Cell(v);
        string[] Row(string code, string name, decimal total, Func<ProcurementSourceLine, bool> which) =>
            [code, name, Money.Cell(total), .. cols.Select(c => Cell(lines.Where(l => which(l) && l.Source == c.Source).Sum(l => l.Amount)))];
        t.Rows.Add(new RenderRow(Row("合计", "", p.Total, _ => true), new RowMeta(IsTotal: true)));
        foreach (var (type, code, name, amount) in new[] { ("goods", "A", "货物", p.Goods), ("works", "B", "工程", p.Works), ("services", "C", "服务", p.Services) })
            if (amount != 0) t.Rows.Add(new RenderRow(Row(code, name, amount, l => l.Type == type)));
        if (p.Total == 0) t.Notes.Add($"注：{Subject}{_d.Year}年没有政府采购预算，故本表无数据。");
        return t;
    }

    /// <summary>Builds a table under a fixed regional number (the counter is set so that its label is that number).</summary>
    private RenderTable At(int number, Func<RenderTable> build)
    {
        _n = number - 1;
        return build();
    }

    /// <summary>
    /// Jiangsu 公开01–12 (JS18B order). 公开06 (all 财政拨款 基本支出 by economic class) only when 一般公共预算 is the only
    /// fiscal fund with 基本支出 (the data gives the economic classes of that fund alone); 公开11 (机关运行经费) is not
    /// published; the 国有资本经营 budget is in the narrative only.
    /// </summary>
    private List<RenderTable> JiangsuBudget() => _d.Year >= 2026 ? JiangsuBudget2026() :
    [
        At(1, () => BudgetSummary("收支预算总表")),
        At(2, () => BudgetRevenue("收入预算总表")),
        At(3, JiangsuExpenditure),
        At(4, () => BudgetFiscalSummary("财政拨款收支预算总表")),
        At(5, () => CodedSpend(TableKind.FiscalGrantExpenditure, "财政拨款支出预算表", [FundSource.General, FundSource.GovFund, FundSource.StateCapital], false, "财政拨款")),
        .. FiscalBasicIfGeneral(6, "财政拨款基本支出预算表"),
        At(7, () => CodedSpend(TableKind.BudgetGeneralExpenditure, "一般公共预算支出预算表", [FundSource.General], false, "一般公共预算拨款")),
        At(8, () => EconomicBudget("一般公共预算基本支出预算表")),
        // a template that prints 会议费 and 培训费 (江苏 2018) gets the combined table whatever the data gives (blank when not given)
        At(9, () => Tpl(TableKind.BudgetThreePublic)?.Measures.Contains(nameof(Measure.Meeting)) == true ? CombinedThreePublic("“三公”经费、会议费、培训费支出预算表")
            : ThreePublicOrCombined("“三公”经费支出预算表", "“三公”经费、会议费、培训费支出预算表")),
        At(10, () => CodedSpend(TableKind.BudgetGovFund, "政府性基金预算支出预算表", [FundSource.GovFund], false, "政府性基金预算拨款")),
        At(11, JiangsuOperatingCosts),
        At(12, () => ProcurementBudget("政府采购支出预算表")),
    ];

    /// <summary>
    /// Jiangsu 公开01–13 of the 2026 layout (the 市级 departments of 苏州 and 无锡): the national 收支总表 with every class,
    /// 收入总表 by unit, 支出总表 by function with the non-fiscal kinds, 财政拨款收支总表, 05/07 with 基本支出 as 人员经费 |
    /// 公用经费 (when the data gives 公用经费 per 项), 06/08 by economic class, 09 三公·会议费·培训费, 10 政府性基金, 11
    /// 国有资本经营, 12 机关运行经费 by economic class, 13 政府采购. 06 as in the older layout (only when possible).
    /// </summary>
    private List<RenderTable> JiangsuBudget2026() =>
    [
        At(1, () => BudgetSummary("收支总表")),
        At(2, () => Tpl(TableKind.BudgetRevenue)?.ByUnit == true ? RevenueByUnit("收入总表") : BudgetRevenue("收入总表")),
        At(3, () => CodedSpend(TableKind.BudgetExpenditure, "支出总表", [], true, null)),
        At(4, () => BudgetFiscalSummary("财政拨款收支总表")),
        At(5, () => CodedSpend(TableKind.FiscalGrantExpenditure, "财政拨款支出表（功能科目）", [FundSource.General, FundSource.GovFund, FundSource.StateCapital], false, "财政拨款")),
        .. FiscalBasicIfGeneral(6, "财政拨款基本支出表（经济科目）"),
        At(7, () => CodedSpend(TableKind.BudgetGeneralExpenditure, "一般公共预算支出表", [FundSource.General], false, "一般公共预算拨款")),
        At(8, () => EconomicBudget("一般公共预算基本支出表")),
        At(9, () => CombinedThreePublic("一般公共预算“三公”经费、会议费、培训费支出表", grandTotal: false)),
        At(10, () => CodedSpend(TableKind.BudgetGovFund, "政府性基金预算支出表", [FundSource.GovFund], false, "政府性基金预算拨款")),
        At(11, () => CodedSpend(TableKind.BudgetStateCapital, "国有资本经营预算支出预算表", [FundSource.StateCapital], false, "国有资本经营预算拨款")),
        At(12, JiangsuOperatingCosts),
        At(13, () => ProcurementBudget("政府采购支出表")),
    ];

    /// <summary>
    /// 收入总表 by unit (江苏 2026 公开02): 部门代码 | 部门名称 | 合计 | 本年收入（小计 | each source）| 上年结转结余（小计 | 一般公共预算 |
    /// 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 | 单位资金）; 合计, then the department and its one unit (the data
    /// gives the income of the department, not per unit: with several units only the department's row is printed).
    /// </summary>
    private RenderTable RevenueByUnit(string title)
    {
        var t = new RenderTable { Kind = TableKind.BudgetRevenue, Label = NextLabel(), Title = BudgetTitle(title) };
        t.Columns.Add(new(["部门代码"], ColumnRole.Code));
        t.Columns.Add(new(["部门名称"], ColumnRole.Label));
        t.Columns.Add(new(["合计", "合计"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new(["本年收入", "小计"], ColumnRole.Value, Measure.IncomeThisYear));
        var year = new (string Header, Measure Key, FundSource Src)[]
        {
            ("一般公共预算", Measure.GeneralBudget, FundSource.General), ("政府性基金预算", Measure.GovernmentFund, FundSource.GovFund),
            ("国有资本经营预算", Measure.StateCapital, FundSource.StateCapital), ("财政专户管理资金", Measure.SpecialAccount, FundSource.SpecialAccount),
            ("事业收入", Measure.BusinessIncome, FundSource.Business), ("事业单位经营收入", Measure.OperatingIncome, FundSource.Operating),
            ("上级补助收入", Measure.SuperiorSubsidy, FundSource.Superior), ("附属单位上缴收入", Measure.SubordinateRemittance, FundSource.Subordinate),
            ("其他收入", Measure.OtherIncome, FundSource.Other),
        };
        foreach (var (h, k, _) in year) t.Columns.Add(new(["本年收入", h], ColumnRole.Value, k));
        t.Columns.Add(new(["上年结转结余", "小计"], ColumnRole.Value, Measure.CarryIn));
        // the carry-over by fund (the reader keeps them as columns of the group; the model holds the 小计)
        var carry = new (string Header, decimal Value)[]
        {
            ("一般公共预算", _f.Carry.CarryInGeneral), ("政府性基金预算", _f.Carry.CarryInGovFund), ("国有资本经营预算", _f.Carry.CarryInStateCapital),
            ("财政专户管理资金", 0m), ("单位资金", _f.Carry.CarryInNonFiscal + _f.Carry.UseOfNonFiscalBalance + _f.Carry.InstitutionFund),
        };
        foreach (var (h, _) in carry) t.Columns.Add(new(["上年结转结余", h], ColumnRole.Value));
        var carryTotal = carry.Sum(c => c.Value);
        string[] Cells(string code, string name) =>
        [
            code, name, Money.Cell(_f.IncomeTotal + carryTotal), Money.Cell(_f.IncomeTotal), .. year.Select(y => Money.Cell(_f.Income[y.Src])),
            Money.Cell(carryTotal), .. carry.Select(c => Money.Cell(c.Value)),
        ];
        t.Rows.Add(new RenderRow(Cells("", "合计"), new RowMeta(IsTotal: true)));
        t.Rows.Add(new RenderRow(Cells(_d.Unit.DepartmentCode ?? "", _d.Unit.Name)) { ModelRows = [] });
        if (_d.Unit.Units.Count == 1 && _d.Unit.Units[0].Name.Length > 0)
            t.Rows.Add(new RenderRow(Cells(_d.Unit.Units[0].Code ?? "", _d.Unit.Units[0].Name)) { ModelRows = [] });
        return t;
    }

    /// <summary>Shanghai 预算: 基金 and 国资 before the 基本支出 table, 三公 last.</summary>
    private List<RenderTable> ShanghaiBudget() =>
    [
        BudgetSummary("财务收支预算总表"),
        BudgetRevenue("收入预算总表"),
        CodedSpend(TableKind.BudgetExpenditure, "支出预算总表", [], true, null),
        BudgetFiscalSummary("财政拨款收支预算总表"),
        CodedSpend(TableKind.BudgetGeneralExpenditure, "一般公共预算支出功能分类预算表", [FundSource.General], false, "一般公共预算拨款"),
        CodedSpend(TableKind.BudgetGovFund, "政府性基金预算支出功能分类预算表", [FundSource.GovFund], false, "政府性基金预算拨款"),
        CodedSpend(TableKind.BudgetStateCapital, "国有资本经营预算支出功能分类预算表", [FundSource.StateCapital], false, "国有资本经营预算拨款"),
        EconomicBudget("一般公共预算基本支出" + "部门预算经济分类预算表"),
        BudgetThreePublic("“三公”经费和机关运行经费预算表", operatingCosts: true),
    ];

    private static readonly (string Label, SummaryLine Line, FundSource Source)[] BudgetIncomeItems =
    [
        ("一般公共预算拨款收入", SummaryLine.GeneralBudgetGrant, FundSource.General),
        ("政府性基金预算拨款收入", SummaryLine.GovernmentFundGrant, FundSource.GovFund),
        ("国有资本经营预算拨款收入", SummaryLine.StateCapitalGrant, FundSource.StateCapital),
        ("财政专户管理资金收入", SummaryLine.SpecialAccountIncome, FundSource.SpecialAccount),
        ("事业收入", SummaryLine.BusinessIncome, FundSource.Business),
        ("事业单位经营收入", SummaryLine.OperatingIncome, FundSource.Operating),
        ("上级补助收入", SummaryLine.SuperiorSubsidy, FundSource.Superior),
        ("附属单位上缴收入", SummaryLine.SubordinateRemittance, FundSource.Subordinate),
        ("其他收入", SummaryLine.OtherIncome, FundSource.Other),
    ];

    private static readonly (string Label, SummaryLine Line, FundSource[] Sources)[] FinalIncomeItems =
    [
        ("一般公共预算财政拨款收入", SummaryLine.GeneralBudgetGrant, [FundSource.General]),
        ("政府性基金预算财政拨款收入", SummaryLine.GovernmentFundGrant, [FundSource.GovFund]),
        ("国有资本经营预算财政拨款收入", SummaryLine.StateCapitalGrant, [FundSource.StateCapital]),
        ("上级补助收入", SummaryLine.SuperiorSubsidy, [FundSource.Superior]),
        ("事业收入", SummaryLine.BusinessIncome, [FundSource.Business, FundSource.SpecialAccount]),
        ("经营收入", SummaryLine.OperatingIncome, [FundSource.Operating]),
        ("附属单位上缴收入", SummaryLine.SubordinateRemittance, [FundSource.Subordinate]),
        ("其他收入", SummaryLine.OtherIncome, [FundSource.Other]),
    ];

    private RenderTable BudgetSummary(string title)
    {
        const TableKind k = TableKind.BudgetSummary;
        var left = TemplateIncomeRows(k) ?? new List<(string Label, SummaryLine Line, decimal Value)>();
        if (left.Count == 0)
        {
            int i = 0;
            foreach (var (label, line, src) in BudgetIncomeItems) left.Add(($"{CompileCatalog.Ordinal(i++)}、{label}", line, _f.Income[src]));
        }
        else
        {
            // a source with money that the region's lines do not hold is added after them (as a class outside the fixed list is)
            var covered = Tpl(k)!.IncomeRows.SelectMany(r => r.Sources).Select(Enum.Parse<FundSource>).ToHashSet();
            foreach (var (label, line, src) in BudgetIncomeItems)
                if (!covered.Contains(src) && _f.Income[src] != 0) left.Add((label, line, _f.Income[src]));
        }
        var classes = TemplateClassLabels(k, _f.Classes()) ?? _f.Classes().Select(c => (ClassNames.Fallback(c), c)).ToList();
        // a region printing the spending side as 合计 | 基本支出（人员经费 | 公用经费）| 项目支出 (上海), when the data gives 公用经费 per 项
        bool split = SplitsBasic(k, _f.Lines());
        decimal[] Spending(IEnumerable<FunctionLine> ls, decimal total)
        {
            var list = ls.ToList();
            return split ? [total, list.Sum(l => l.Basic - (l.Public ?? 0)), list.Sum(l => l.Public ?? 0), list.Sum(l => l.Project)] : [total];
        }
        var right = classes.Select(c => (c.Item1, SummaryLine.ExpenditureClass, (string?)c.Item2,
            Spending(_f.Lines().Where(l => l.Code.StartsWith(c.Item2, StringComparison.Ordinal)), _f.ClassSpend(c.Item2)))).ToList();
        var leftCarry = new List<(string, SummaryLine, decimal)>();
        if (!(Omits(k, SummaryLine.InstitutionFund) && _f.Carry.InstitutionFund == 0))
            leftCarry.Add((LineName(k, SummaryLine.InstitutionFund, "用事业基金弥补收支差额"), SummaryLine.InstitutionFund, _f.Carry.InstitutionFund));
        // a region whose income lines hold their sources' carry-over (重庆 2026 表一) prints a 上年结转 line only for what no
        // line holds (the carry-over of non-fiscal money)
        bool carryInLines = Tpl(k)?.IncomeWithCarry == true && Tpl(k)!.IncomeRows.Count > 0;
        var carryIn = _f.CarryInAll;
        if (carryInLines)
        {
            var bySource = new Dictionary<FundSource, decimal>
            {
                [FundSource.General] = _f.Carry.CarryInGeneral, [FundSource.GovFund] = _f.Carry.CarryInGovFund, [FundSource.StateCapital] = _f.Carry.CarryInStateCapital,
            };
            var rows = Tpl(k)!.IncomeRows;
            for (int i = 0; i < rows.Count && i < left.Count; i++)
            {
                var moved = rows[i].Sources.Select(Enum.Parse<FundSource>).Sum(src => bySource.GetValueOrDefault(src));
                left[i] = (left[i].Label, left[i].Line, left[i].Value + moved);
                carryIn -= moved;
            }
        }
        if (!(Omits(k, SummaryLine.CarryIn) && carryIn == 0))
            leftCarry.Add((LineName(k, SummaryLine.CarryIn, "上年结转"), SummaryLine.CarryIn, carryIn));
        var rightCarry = new List<(string, SummaryLine, string?, decimal[])>();
        if (!(Omits(k, SummaryLine.CarryOut) && _f.CarryOutAll == 0))
            rightCarry.Add((LineName(k, SummaryLine.CarryOut, "结转下年"), SummaryLine.CarryOut, null, [_f.CarryOutAll]));
        // a region that prints no 本年收入合计 line when nothing is carried (上海: 收入总计 is then the year's total)
        bool yearLine = !(Omits(k, SummaryLine.TotalIncomeThisYear) && leftCarry.Count == 0 && rightCarry.Count == 0);
        (string[] Header, ColumnKey? Key)[] rightCols = split
            ? [(["项目", "项目", "项目"], null), (["预算数", "合计", "合计"], (ColumnKey)Measure.Total), (["预算数", "基本支出", "人员经费"], (ColumnKey)Measure.Personnel),
               (["预算数", "基本支出", "公用经费"], (ColumnKey)Measure.Public), (["预算数", "项目支出", "项目支出"], (ColumnKey)Measure.Project)]
            : [(["支出项目"], null), (["预算数"], (ColumnKey)Measure.Amount)];
        if (!split && Tpl(k)?.SideHeaders.Count == 2) rightCols[0] = (["项目"], null); // 收入 | 支出 over the sides: 项目 under each
        var t = TwoSided(k, BudgetTitle(title), split || Tpl(k)?.SideHeaders.Count == 2 ? ["项目", "预算数"] : ["收入项目", "预算数"], rightCols, left, right,
            yearLine ? (LineName(k, SummaryLine.TotalIncomeThisYear, "本年收入合计"), _f.IncomeTotal) : null, yearLine ? Spending(_f.Lines(), _f.SpendTotal) : null, leftCarry,
            rightCarry,
            (LineName(k, SummaryLine.GrandTotalIncome, "收入总计"), _f.GrandIncome),
            (LineName(k, SummaryLine.GrandTotalExpenditure, "支出总计"), split ? [_f.GrandSpend, .. Spending(_f.Lines(), 0).Skip(1)] : [_f.GrandSpend]),
            blankZeros: Tpl(k)?.BlankZeros == true, uses: _d.Profile == "jiangsu" && _d.Year < 2026 ? SpendingUses() : null, totalFirst: Tpl(k)?.TotalFirst == true,
            rightYearLabel: LineName(k, SummaryLine.TotalExpenditureThisYear, "本年支出合计"));
        if (split) t.Landscape = true; // seven columns of 元 amounts to the fen: the labels keep one line
        if (split)
            for (int c = 0; c < 2; c++) t.Columns[c] = t.Columns[c] with { Header = [.. Enumerable.Repeat(t.Columns[c].Header[0], 3)] }; // 项目 | 预算数 over the three header rows
        return t;
    }

    private RenderTable BudgetRevenue(string title)
    {
        var cols = new (string Header, ColumnKey Key, FundSource[] Src)[]
        {
            ("一般公共预算拨款收入", Measure.GeneralBudget, [FundSource.General]),
            ("政府性基金预算拨款收入", Measure.GovernmentFund, [FundSource.GovFund]),
            ("国有资本经营预算拨款收入", Measure.StateCapital, [FundSource.StateCapital]),
            ("财政专户管理资金收入", Measure.SpecialAccount, [FundSource.SpecialAccount]),
            ("事业收入", Measure.BusinessIncome, [FundSource.Business]),
            ("事业单位经营收入", Measure.OperatingIncome, [FundSource.Operating]),
            ("上级补助收入", Measure.SuperiorSubsidy, [FundSource.Superior]),
            ("附属单位上缴收入", Measure.SubordinateRemittance, [FundSource.Subordinate]),
            ("其他收入", Measure.OtherIncome, [FundSource.Other]),
        };
        if (Tpl(TableKind.BudgetRevenue) is { IncomeColumns.Count: > 0 } tt)
        {
            // the region's income columns (上海: 财政拨款收入 = the three fiscal funds), then any source with money they leave out
            var own = tt.IncomeColumns.Select(r => (Gongkai.Catalogs.CatalogText.StripOrdinal(r.Label), (ColumnKey)IncomeMeasure(Enum.Parse<SummaryLine>(r.Line)),
                r.Sources.Select(Enum.Parse<FundSource>).ToArray())).ToList();
            var covered = own.SelectMany(c => c.Item3).ToHashSet();
            own.AddRange(cols.Where(c => c.Src.Any(s => !covered.Contains(s) && _f.Income[s] != 0)));
            cols = own.ToArray();
        }
        return WithEducationFees(RevenueTable(TableKind.BudgetRevenue, BudgetTitle(title), "合计", cols));
    }

    /// <summary>The income-table column of a summary income line (一般公共预算拨款收入 → 一般公共预算 …).</summary>
    private static Measure IncomeMeasure(SummaryLine line) => line switch
    {
        SummaryLine.FiscalGrant => Measure.FiscalGrant, SummaryLine.GeneralBudgetGrant => Measure.GeneralBudget,
        SummaryLine.GovernmentFundGrant => Measure.GovernmentFund, SummaryLine.StateCapitalGrant => Measure.StateCapital,
        SummaryLine.SpecialAccountIncome => Measure.SpecialAccount, SummaryLine.SuperiorSubsidy => Measure.SuperiorSubsidy,
        SummaryLine.BusinessIncome => Measure.BusinessIncome, SummaryLine.OperatingIncome => Measure.OperatingIncome,
        SummaryLine.SubordinateRemittance => Measure.SubordinateRemittance, _ => Measure.OtherIncome,
    };

    private RenderTable RevenueTable(TableKind kind, string title, string totalHeader, (string Header, ColumnKey Key, FundSource[] Src)[] cols)
    {
        bool carry = !_f.Final; // budget 收入总表 shows 上年结转 per 项, so that each row equals the spending of the 项
        var rev = RevenueLeaves();
        var spend = _d.Expenditure.GroupBy(l => l.Code).ToDictionary(g => g.Key, g => g.Sum(l => l.Total));
        var leaves = new List<(string Code, decimal[] Values)>();
        foreach (var code in rev.Select(r => r.Code).Concat(spend.Keys).Distinct())
        {
            var amounts = rev.FirstOrDefault(r => r.Code == code).Amounts ?? new Dictionary<FundSource, decimal>();
            var v = new decimal[cols.Length + (carry ? 2 : 1)];
            int o = carry ? 2 : 1;
            for (int i = 0; i < cols.Length; i++) v[i + o] = cols[i].Src.Sum(s => amounts.GetValueOrDefault(s));
            if (carry) v[1] = Math.Max(0, spend.GetValueOrDefault(code) - amounts.Values.Sum());
            leaves.Add((code, v));
        }
        leaves.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        if (carry && leaves.Count > 0)
        {
            var extra = _f.CarryInAll - leaves.Sum(l => l.Values[1]);
            if (extra > 0) leaves[0].Values[1] += extra;
        }
        foreach (var (_, v) in leaves) v[0] = v.Skip(1).Sum();
        var headers = new List<(string[], ColumnKey)> { ([totalHeader], Measure.Total) };
        if (carry) headers.Add((["上年结转"], Measure.CarryIn));
        headers.AddRange(cols.Select(c => (new[] { c.Header }, c.Key)));
        // a region whose income table has no 上年结转 column (its template lists the columns without it) prints none when
        // nothing is carried over
        if (carry && Tpl(kind) is { Measures.Count: > 0 } tt && !tt.Measures.Contains(nameof(Measure.CarryIn)) && leaves.All(l => l.Values[1] == 0))
        {
            headers.RemoveAt(1);
            leaves = leaves.Select(l => (l.Code, l.Values.Where((_, i) => i != 1).ToArray())).ToList();
        }
        if (TemplateOrder(kind, headers.Select(h => h.Item2).ToList()) is { } order)
        {
            headers = order.Select(i => headers[i]).ToList();
            leaves = leaves.Select(l => (l.Code, order.Select(i => l.Values[i]).ToArray())).ToList();
        }
        return Coded(kind, title, headers, _f.Tree(leaves, headers.Count), null);
    }

    private List<(string Code, Dictionary<FundSource, decimal> Amounts)> RevenueLeaves()
    {
        IEnumerable<(string Code, FundSource Source, decimal Amount)> src = _d.RevenueByFunction is { Count: > 0 } rev
            ? rev.Select(r => (r.Code, r.Source, r.Amount))
            : _d.Expenditure.Select(l => (l.Code, l.Source, l.Total));
        return src.GroupBy(x => x.Code).Select(g => (g.Key, g.GroupBy(x => x.Source).ToDictionary(h => h.Key, h => h.Sum(x => x.Amount)))).ToList();
    }

    /// <summary>A spending table by function (合计 | 基本 | 项目 [| 上缴 | 经营 | 补助]) for the given sources (none = all).</summary>
    private RenderTable CodedSpend(TableKind kind, string title, FundSource[] sources, bool allColumns, string? emptyFund)
    {
        var lines = _f.Lines(sources).ToList();
        if (!allColumns && SplitsBasic(kind, lines)) return SplitBasicSpend(kind, title, lines);
        var headers = new List<(string[], ColumnKey)> { (["合计"], Measure.Total), (["基本支出"], Measure.Basic), (["项目支出"], Measure.Project) };
        if (allColumns)
        {
            headers.Add((["上缴上级支出"], Measure.RemitToSuperior));
            headers.Add(([_f.Final ? "经营支出" : "事业单位经营支出"], Measure.OperatingExpenditure));
            headers.Add((["对附属单位补助支出"], Measure.SubsidyToSubordinate));
        }
        bool reserve = HasReserve; // Jiangsu 单位预留机动经费: a column of its own, in 合计
        if (reserve) headers.Add((["单位预留机动经费"], Measure.Reserve));
        var leaves = lines.Select(l => (l.Code, (allColumns
            ? new[] { l.Total, l.Basic, l.Project, l.RemitToSuperior, l.OperatingExpenditure, l.SubsidyToSubordinate }
            : new[] { l.Basic + l.Project + l.Reserve, l.Basic, l.Project }).Concat(reserve ? [l.Reserve] : []).ToArray())).ToList();
        if (_f.Final && !allColumns)
            headers = headers.Select(h => (new[] { "本年支出", h.Item1[0] }, h.Item2)).ToList();
        if (TemplateOrder(kind, headers.Select(h => h.Item2).ToList()) is { } order)
        {
            headers = order.Select(i => headers[i]).ToList();
            leaves = leaves.Select(l => (l.Code, order.Select(i => l.Item2[i]).ToArray())).ToList();
        }
        var printed = _f.Final ? title : BudgetTitle(title);
        var note = lines.Count == 0 && emptyFund is not null ? EmptyNoteOf(kind, EmptyNote(emptyFund, "收入和支出")) : null;
        return Coded(kind, printed, headers, _f.Tree(leaves, headers.Count), note);
    }

    private string EmptyNote(string fund, string what) => $"注：{Subject}{_d.Year}年度没有{fund}{what}，故本表无数据。";

    private RenderTable BudgetFiscalSummary(string title)
    {
        var left = new List<(string, SummaryLine, decimal)>
        {
            ("一、本年收入", SummaryLine.TotalIncomeThisYear, _f.FiscalIncome),
            ("（一）一般公共预算拨款", SummaryLine.GeneralBudgetGrant, _f.Income[FundSource.General]),
            ("（二）政府性基金预算拨款", SummaryLine.GovernmentFundGrant, _f.Income[FundSource.GovFund]),
            ("（三）国有资本经营预算拨款", SummaryLine.StateCapitalGrant, _f.Income[FundSource.StateCapital]),
            ("二、上年结转", SummaryLine.CarryIn, _f.CarryInFiscal),
            ("（一）一般公共预算拨款", SummaryLine.CarryInGeneralBudget, _f.Carry.CarryInGeneral),
            ("（二）政府性基金预算拨款", SummaryLine.CarryInGovernmentFund, _f.Carry.CarryInGovFund),
            ("（三）国有资本经营预算拨款", SummaryLine.CarryInStateCapital, _f.Carry.CarryInStateCapital),
        };
        var fiscal = new[] { FundSource.General, FundSource.GovFund, FundSource.StateCapital };
        var right = new List<(string, SummaryLine, string?, decimal[])>
        {
            ("一、本年支出", SummaryLine.TotalExpenditureThisYear, null, [_f.FiscalSpend, _f.Spend[FundSource.General], _f.Spend[FundSource.GovFund], _f.Spend[FundSource.StateCapital]]),
        };
        const TableKind kind = TableKind.BudgetFiscalSummary;
        var classes = TemplateClassLabels(kind, _f.Classes(fiscal)) ?? _f.Classes(fiscal).Select(c => (ClassNames.Fallback(c), c)).ToList();
        foreach (var (label, c) in classes)
            right.Add((label, SummaryLine.ExpenditureClass, c,
                [_f.ClassSpend(c, fiscal), _f.ClassSpend(c, FundSource.General), _f.ClassSpend(c, FundSource.GovFund), _f.ClassSpend(c, FundSource.StateCapital)]));
        right.Add((LineName(kind, SummaryLine.CarryOut, "二、结转下年"), SummaryLine.CarryOut, null, [_f.CarryOutFiscal, _f.Carry.CarryOutGeneral, _f.Carry.CarryOutGovFund, _f.Carry.CarryOutStateCapital]));
        string L(SummaryLine line, string builtIn) => LineName(TableKind.FinalFiscalSummary, line, builtIn);
        var totalRight = new[] { _f.FiscalSpend + _f.CarryOutFiscal, _f.Spend[FundSource.General] + _f.Carry.CarryOutGeneral, _f.Spend[FundSource.GovFund] + _f.Carry.CarryOutGovFund, _f.Spend[FundSource.StateCapital] + _f.Carry.CarryOutStateCapital };
        (string[] Header, ColumnKey? Key)[] cols =
            [(["支出项目"], null), (["合计"], (ColumnKey)Measure.Total), (["一般公共预算"], (ColumnKey)Measure.GeneralBudget), (["政府性基金预算"], (ColumnKey)Measure.GovernmentFund), (["国有资本经营预算"], (ColumnKey)Measure.StateCapital)];
        if (Tpl(kind)?.Measures is [nameof(Measure.Amount)])
        {
            // one amount column on the spending side (the fund split is in 预算05/09)
            cols = [(["支出项目"], null), (["预算数"], (ColumnKey)Measure.Amount)];
            right = right.Select(r => (r.Item1, r.Item2, r.Item3, new[] { r.Item4[0] })).ToList();
            totalRight = [totalRight[0]];
        }
        left = left.Select(l => (LineName(kind, l.Item2, l.Item1), l.Item2, l.Item3)).ToList();
        right = right.Select(r => r.Item2 is SummaryLine.TotalExpenditureThisYear ? (LineName(kind, r.Item2, r.Item1), r.Item2, r.Item3, r.Item4) : r).ToList();
        // lines the region never prints (the 一、本年收入 head) and lines it prints only with figures (上年结转, 结转下年)
        left = left.Where(l => !Drops(kind, l.Item2) && !(Omits(kind, l.Item2) && l.Item3 == 0)).ToList();
        right = right.Where(r => !Drops(kind, r.Item2) && !(Omits(kind, r.Item2) && r.Item4.All(v => v == 0))).ToList();
        return TwoSided(kind, BudgetTitle(title), ["收入项目", "预算数"], cols,
            left, right, null, null, [], [], (LineName(kind, SummaryLine.GrandTotalIncome, "收入总计"), _f.FiscalGrand), (LineName(kind, SummaryLine.GrandTotalExpenditure, "支出总计"), totalRight),
            blankZeros: Tpl(kind)?.BlankZeros == true);
    }

    /// <summary>The 财政拨款 基本支出 by economic class, when it equals the 一般公共预算 one (no other fiscal fund has 基本支出).</summary>
    private List<RenderTable> FiscalBasicIfGeneral(int number, string title) =>
        _f.Lines([FundSource.GovFund, FundSource.StateCapital]).Any(l => l.Basic != 0) ? [] : [At(number, () => EconomicBudget(title, TableKind.FiscalGrantBasic))];

    private RenderTable EconomicBudget(string title, TableKind kind = TableKind.BudgetGeneralBasic)
    {
        var t = new RenderTable { Kind = kind, Label = NextLabel(), Title = BudgetTitle(title) };
        t.Columns.Add(new(["经济分类科目编码"], ColumnRole.Code));
        t.Columns.Add(new(["经济分类科目名称"], ColumnRole.Label));
        t.Columns.Add(new(["合计"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new(["人员经费"], ColumnRole.Value, Measure.Personnel));
        t.Columns.Add(new(["公用经费"], ColumnRole.Value, Measure.Public));
        var tree = _f.EconTree();
        var printed = GivenTotals.Printed(tree.Select(r => (r.Code, r.Values)).Append(("", new[] { _d.Economic.Sum(e => e.Amount), _d.Economic.Where(e => CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount), _d.Economic.Where(e => !CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount) })), (code, _, v) => _f.Given.Economic(code, v));
        t.Rows.Add(new RenderRow(["", "合计", .. printed[""].Select(Money.Cell)], new RowMeta(IsTotal: true)));
        foreach (var r in tree) t.Rows.Add(new RenderRow([r.Code, r.Name, .. printed[r.Code].Select(Money.Cell)]));
        if (tree.Count == 0) t.Notes.Add(EmptyNote(kind == TableKind.FiscalGrantBasic ? "财政拨款安排的基本" : "一般公共预算拨款安排的基本", "支出"));
        return t;
    }

    /// <summary>
    /// The regional combined 三公·会议费·培训费 table when the data gives both 会议费 and 培训费 (a blank would print a
    /// false 0.00 next to the economic 30215/30216), the 三公 table alone otherwise.
    /// </summary>
    private RenderTable ThreePublicOrCombined(string title, string combinedTitle) =>
        _d.Meeting is not null && _d.Training is not null ? CombinedThreePublic(combinedTitle) : BudgetThreePublic(title);

    /// <summary>B7; with <paramref name="operatingCosts"/> (Shanghai) a 机关运行经费 column after the 三公 items.</summary>
    private RenderTable BudgetThreePublic(string title, bool operatingCosts = false)
    {
        var t = new RenderTable { Kind = TableKind.BudgetThreePublic, Label = NextLabel(), Title = BudgetTitle(title) };
        if (Tpl(TableKind.BudgetThreePublic) is { PriorBlocks.Count: 2 } tt && _d.ThreePublic.Prior is { } prior && !operatingCosts)
            return ThreePublicWithPrior(t, tt.PriorBlocks, prior);
        t.Columns.Add(new(["“三公”经费合计", "“三公”经费合计"], ColumnRole.Value, Measure.ThreePublicTotal));
        t.Columns.Add(new(["因公出国（境）费", "因公出国（境）费"], ColumnRole.Value, Measure.Abroad));
        t.Columns.Add(new(["公务用车购置及运行费", "小计"], ColumnRole.Value, Measure.VehicleTotal));
        t.Columns.Add(new(["公务用车购置及运行费", "公务用车购置费"], ColumnRole.Value, Measure.VehiclePurchase));
        t.Columns.Add(new(["公务用车购置及运行费", "公务用车运行费"], ColumnRole.Value, Measure.VehicleOperation));
        t.Columns.Add(new(["公务接待费", "公务接待费"], ColumnRole.Value, Measure.Reception));
        var x = _d.ThreePublic.Current;
        string[] cells = [Money.Cell(x.Total), Money.Cell(x.Abroad), Money.Cell(x.Vehicle), Money.Cell(x.VehiclePurchase), Money.Cell(x.VehicleOperation), Money.Cell(x.Reception)];
        if (operatingCosts)
        {
            t.Columns.Add(new(["机关运行经费", "机关运行经费"], ColumnRole.Value, Measure.OperatingCosts));
            cells = [.. cells, Money.Cell(_d.OperatingCosts?.Amount ?? 0)];
        }
        t.Rows.Add(new RenderRow(cells));
        if (x.Total == 0 && operatingCosts && _d.OperatingCosts?.Amount > 0)
            t.Notes.Add($"注：{Subject}{_d.Year}年没有使用一般公共预算拨款安排的“三公”经费，表中只有机关运行经费。");
        else if (x.Total == 0)
            t.Notes.Add($"注：{Subject}{_d.Year}年没有使用一般公共预算拨款安排的“三公”经费，故本表无数据。");
        return t;
    }

    /// <summary>The six 三公 columns (合计, 因公出国（境）费, the vehicle group's 小计/购置/运行, 公务接待费) as group | leaf
    /// header, measure and value, with the vehicle group and its running-cost leaf named as the table prints them.</summary>
    private static (string Top, string Mid, Measure M, Func<ThreePublicItems, decimal> V)[] ThreePublicItemColumns(string vehicle, string operation) =>
    [
        ("合计", "合计", Measure.ThreePublicTotal, x => x.Total),
        ("因公出国（境）费", "因公出国（境）费", Measure.Abroad, x => x.Abroad),
        (vehicle, "小计", Measure.VehicleTotal, x => x.Vehicle),
        (vehicle, "公务用车购置费", Measure.VehiclePurchase, x => x.VehiclePurchase),
        (vehicle, operation, Measure.VehicleOperation, x => x.VehicleOperation),
        ("公务接待费", "公务接待费", Measure.Reception, x => x.Reception),
    ];

    /// <summary>
    /// The 三公 table as two blocks of the same columns, last year's budget and this year's (重庆 2026 表八: “2025年预算数 |
    /// 2026年预算数” over 合计 | 因公出国（境）费 | 公务用车购置及运行费（小计 | 购置费 | 运行费）| 公务接待费). Last year's block
    /// carries no column meaning of this year (as the reader reads it), this year's the usual ones.
    /// </summary>
    private RenderTable ThreePublicWithPrior(RenderTable t, List<string> blocks, ThreePublicItems prior)
    {
        var x = _d.ThreePublic.Current;
        string Block(string s) => s.Replace("{prior}", (_d.Year - 1).ToString(CultureInfo.InvariantCulture)).Replace("{year}", _d.Year.ToString(CultureInfo.InvariantCulture));
        var items = ThreePublicItemColumns("公务用车购置及运行费", "公务用车运行费");
        var cells = new List<string>();
        foreach (var (block, items0, keyed) in new[] { (Block(blocks[0]), prior, false), (Block(blocks[1]), x, true) })
            foreach (var it in items)
            {
                t.Columns.Add(new([block, it.Top, it.Mid], ColumnRole.Value, keyed ? (ColumnKey)it.M : null));
                cells.Add(Money.Cell(it.V(items0)));
            }
        t.Rows.Add(new RenderRow(cells.ToArray()));
        if (x.Total == 0 && prior.Total == 0) t.Notes.Add($"注：{Subject}{_d.Year - 1}年和{_d.Year}年均没有使用财政拨款安排的“三公”经费，故本表无数据。");
        return t;
    }

    /// <summary>
    /// Jiangsu 公开09 / Xi'an 表13: 合计 = “三公”经费小计 + 会议费 + 培训费. Without <paramref name="grandTotal"/> (江苏 2026)
    /// the table starts with “三公”经费合计 and has no 合计 column, and a 会议费 or 培训费 the data does not give is left
    /// blank (a 0.00 would claim an amount the data does not state).
    /// </summary>
    private RenderTable CombinedThreePublic(string title, bool grandTotal = true)
    {
        if (!grandTotal) return ThreePublicWithMeetingAndTraining(title);
        var t = new RenderTable { Kind = TableKind.BudgetThreePublic, Label = NextLabel(), Title = BudgetTitle(title) };
        const string tp = "“三公”经费";
        t.Columns.Add(new(["合计", "合计", "合计"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new([tp, "小计", "小计"], ColumnRole.Value, Measure.ThreePublicTotal));
        t.Columns.Add(new([tp, "因公出国（境）费", "因公出国（境）费"], ColumnRole.Value, Measure.Abroad));
        t.Columns.Add(new([tp, "公务用车购置及运行费", "小计"], ColumnRole.Value, Measure.VehicleTotal));
        t.Columns.Add(new([tp, "公务用车购置及运行费", "公务用车购置费"], ColumnRole.Value, Measure.VehiclePurchase));
        t.Columns.Add(new([tp, "公务用车购置及运行费", "公务用车运行费"], ColumnRole.Value, Measure.VehicleOperation));
        t.Columns.Add(new([tp, "公务接待费", "公务接待费"], ColumnRole.Value, Measure.Reception));
        t.Columns.Add(new(["会议费", "会议费", "会议费"], ColumnRole.Value, Measure.Meeting));
        t.Columns.Add(new(["培训费", "培训费", "培训费"], ColumnRole.Value, Measure.Training));
        var x = _d.ThreePublic.Current;
        decimal meeting = _d.Meeting?.Amount ?? 0, training = _d.Training?.Amount ?? 0;
        t.Rows.Add(new RenderRow([Money.Cell(x.Total + meeting + training), Money.Cell(x.Total), Money.Cell(x.Abroad), Money.Cell(x.Vehicle), Money.Cell(x.VehiclePurchase),
            Money.Cell(x.VehicleOperation), Money.Cell(x.Reception), _d.Meeting is null ? "" : Money.Cell(meeting), _d.Training is null ? "" : Money.Cell(training)]));
        if (x.Total + meeting + training == 0)
            t.Notes.Add($"注：{Subject}{_d.Year}年没有使用一般公共预算拨款安排的“三公”经费、会议费和培训费，故本表无数据。");
        return t;
    }

    private RenderTable ThreePublicWithMeetingAndTraining(string title)
    {
        var t = new RenderTable { Kind = TableKind.BudgetThreePublic, Label = NextLabel(), Title = BudgetTitle(title) };
        const string v = "公务用车购置及运行维护费";
        t.Columns.Add(new(["“三公”经费合计", "“三公”经费合计"], ColumnRole.Value, Measure.ThreePublicTotal));
        t.Columns.Add(new(["因公出国（境）费", "因公出国（境）费"], ColumnRole.Value, Measure.Abroad));
        t.Columns.Add(new([v, "小计"], ColumnRole.Value, Measure.VehicleTotal));
        t.Columns.Add(new([v, "公务用车购置费"], ColumnRole.Value, Measure.VehiclePurchase));
        t.Columns.Add(new([v, "公务用车运行维护费"], ColumnRole.Value, Measure.VehicleOperation));
        t.Columns.Add(new(["公务接待费", "公务接待费"], ColumnRole.Value, Measure.Reception));
        t.Columns.Add(new(["会议费", "会议费"], ColumnRole.Value, Measure.Meeting));
        t.Columns.Add(new(["培训费", "培训费"], ColumnRole.Value, Measure.Training));
        var x = _d.ThreePublic.Current;
        t.Rows.Add(new RenderRow([Money.Cell(x.Total), Money.Cell(x.Abroad), Money.Cell(x.Vehicle), Money.Cell(x.VehiclePurchase), Money.Cell(x.VehicleOperation),
            Money.Cell(x.Reception), _d.Meeting is { } m ? Money.Cell(m.Amount) : "", _d.Training is { } tr ? Money.Cell(tr.Amount) : ""]));
        if (x.Total + (_d.Meeting?.Amount ?? 0) + (_d.Training?.Amount ?? 0) == 0)
            t.Notes.Add(_d.Meeting is null && _d.Training is null
                ? $"注：{Subject}{_d.Year}年没有使用一般公共预算拨款安排的“三公”经费，故本表无数据。"
                : $"注：{Subject}{_d.Year}年没有使用一般公共预算拨款安排的“三公”经费、会议费和培训费，故本表无数据。");
        return t;
    }

    private RenderTable ByUnit()
    {
        var t = new RenderTable { Kind = TableKind.GeneralExpenditureByUnit, Label = NextLabel(), Title = BudgetTitle("一般公共预算支出表(分单位)") };
        t.Columns.Add(new(["单位编码"], ColumnRole.Code));
        t.Columns.Add(new(["单位名称"], ColumnRole.Label));
        var general = _f.Lines(FundSource.General).ToList();
        bool split = SplitsBasic(TableKind.GeneralExpenditureByUnit, general);
        t.Columns.Add(new(split ? ["合计", "合计"] : ["合计"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new(split ? ["基本支出", "小计"] : ["基本支出"], ColumnRole.Value, Measure.Basic));
        if (split)
        {
            t.Columns.Add(new(["基本支出", "人员经费"], ColumnRole.Value, Measure.Personnel));
            t.Columns.Add(new(["基本支出", "公用经费"], ColumnRole.Value, Measure.Public));
        }
        t.Columns.Add(new(split ? ["项目支出", "项目支出"] : ["项目支出"], ColumnRole.Value, Measure.Project));
        decimal pub = general.Sum(l => l.Public ?? 0);
        string[] cells(string code, string name) => split
            ? [code, name, Money.Cell(_f.GeneralSpend), Money.Cell(_f.GeneralBasic), Money.Cell(_f.GeneralBasic - pub), Money.Cell(pub), Money.Cell(_f.GeneralProject)]
            : [code, name, Money.Cell(_f.GeneralSpend), Money.Cell(_f.GeneralBasic), Money.Cell(_f.GeneralProject)];
        t.Rows.Add(new RenderRow(cells("", "合计"), new RowMeta(IsTotal: true)));
        if (_d.Unit.DepartmentCode is { Length: > 0 } dept && _d.Unit.Units.Count == 1)
        {
            // the department, then its one unit (the department's figures are the unit's)
            t.Rows.Add(new RenderRow(cells(dept, _d.Unit.Name)) { ModelRows = [] });
            t.Rows.Add(new RenderRow(cells(_d.Unit.Units[0].Code ?? "", _d.Unit.Units[0].Name)) { ModelRows = [] });
        }
        else t.Rows.Add(new RenderRow(cells(_d.Unit.Units.FirstOrDefault()?.Code ?? "", _d.Unit.Name)) { ModelRows = [] });
        return t;
    }

    private RenderTable ProjectList(string title = "项目支出预算表")
    {
        var t = new RenderTable { Kind = TableKind.ProjectList, Label = NextLabel(), Title = BudgetTitle(title) };
        t.Columns.Add(new(["项目名称"], ColumnRole.Label));
        t.Columns.Add(new(["项目类别"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["项目金额"], ColumnRole.Value, Measure.Amount));
        t.Columns.Add(new(["主要支出方向和用途"], ColumnRole.Label, Segment: 9));
        t.Rows.Add(new RenderRow(["合计", "", Money.Cell(_d.Projects.Sum(p => p.Amount)), ""], new RowMeta(IsTotal: true)));
        foreach (var p in _d.Projects) t.Rows.Add(new RenderRow([p.Name, p.Type ?? "", Money.Cell(p.Amount), p.Use ?? ""]));
        if (_d.Projects.Count == 0) t.Notes.Add($"注：{Subject}{_d.Year}年没有项目支出，故本表无数据。");
        return t;
    }

    private RenderTable ProcurementBudget(string title = "政府采购预算表")
    {
        var p = _d.Procurement ?? new ProcurementData();
        if (Tpl(TableKind.Procurement) is { FixedColumns.Count: > 0 }) return ProcurementByUnit(title, p);
        var t = new RenderTable { Kind = TableKind.Procurement, Label = NextLabel(), Title = BudgetTitle(title) };
        t.Columns.Add(new(["项目"], ColumnRole.Label));
        t.Columns.Add(new(["政府采购品目"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["功能科目"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["部门支出经济分类"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["采购金额合计"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new(["其中面向中小企业"], ColumnRole.Value, Measure.SmeShare));
        t.Columns.Add(new(["其中面向小微企业"], ColumnRole.Value, Measure.SmallMicroShare));
        t.Rows.Add(new RenderRow(["合计", "", "", "", Money.Cell(p.Total), Money.Cell(p.Sme), Money.Cell(p.SmallMicro)], new RowMeta(IsTotal: true)));
        foreach (var i in p.Items)
            t.Rows.Add(new RenderRow([i.Project, i.Category, Coded(i.FunctionCode, CodeScheme_Function), Coded(i.EconomicCode, CodeScheme_Econ), Money.Cell(i.Amount), Money.Cell(i.Sme), Money.Cell(i.SmallMicro)]) { ModelRows = [] });
        if (p.Total == 0) t.Notes.Add($"注：{Subject}{_d.Year}年没有政府采购预算，故本表无数据。");
        return t;
    }

    private const int CodeScheme_Function = 0, CodeScheme_Econ = 1;

    private string Coded(string? code, int scheme)
    {
        if (string.IsNullOrEmpty(code)) return "";
        var name = scheme == CodeScheme_Function ? _f.NameOf(code) : _f.EconName(code);
        return $"[{code}]{name}";
    }

    // ───────────────────────────── 决算 ─────────────────────────────

    private List<RenderTable> BuildFinal()
    {
        bool cq = _d.Profile == "chongqing";
        var list = new List<RenderTable>
        {
            FinalSummary(),
            WithEducationFees(RevenueTable(TableKind.FinalRevenue, "收入决算表", "本年收入合计",
            [
                ("财政拨款收入", Measure.FiscalGrant, [FundSource.General, FundSource.GovFund, FundSource.StateCapital]),
                ("上级补助收入", Measure.SuperiorSubsidy, [FundSource.Superior]),
                ("事业收入", Measure.BusinessIncome, [FundSource.Business, FundSource.SpecialAccount]),
                ("经营收入", Measure.OperatingIncome, [FundSource.Operating]),
                ("附属单位上缴收入", Measure.SubordinateRemittance, [FundSource.Subordinate]),
                ("其他收入", Measure.OtherIncome, [FundSource.Other]),
            ])),
            CodedSpend(TableKind.FinalExpenditure, "支出决算表", [], true, null),
            FinalFiscalSummary(),
            CodedSpend(TableKind.FinalGeneralExpenditure, "一般公共预算财政拨款支出决算表", [FundSource.General], false, "一般公共预算财政拨款"),
            FinalBasic(),
        };
        if (!cq) list.Add(FinalThreePublic());
        list.Add(FinalFund(TableKind.FinalGovFund, "政府性基金预算财政拨款" + "收入支出决算表", FundSource.GovFund, _f.Carry.CarryInGovFund, _f.Carry.CarryOutGovFund, "政府性基金预算财政拨款"));
        if (cq) list.Add(CodedSpend(TableKind.FinalStateCapital, "国有资本经营预算财政拨款支出决算表", [FundSource.StateCapital], false, "国有资本经营预算财政拨款"));
        else list.Add(FinalFund(TableKind.FinalStateCapital, "国有资本经营预算财政拨款收入支出决算表", FundSource.StateCapital, _f.Carry.CarryInStateCapital, _f.Carry.CarryOutStateCapital, "国有资本经营预算财政拨款"));
        if (cq) list.Add(InstitutionOperation());
        foreach (var t in list.Where(t => t.Kind is not TableKind.InstitutionOperation))
            if (t.Notes.Count == 0) t.Notes.Add($"注：本表反映{Subject}{_d.Year}年度{Reflects(t.Kind)}。");
        return list;
    }

    private static string Reflects(TableKind k) => k switch
    {
        TableKind.FinalSummary => "的总收支和年末结转结余情况",
        TableKind.FinalRevenue => "取得的各项收入情况",
        TableKind.FinalExpenditure => "各项支出情况",
        TableKind.FinalFiscalSummary => "财政拨款的总收支和年末结转结余情况",
        TableKind.FinalGeneralExpenditure => "一般公共预算财政拨款支出情况",
        TableKind.FinalGeneralBasic => "一般公共预算财政拨款基本支出按经济分类的构成",
        TableKind.FinalThreePublic => "财政拨款“三公”经费的预算和决算情况",
        _ => "相关收支情况",
    };

    /// <summary>The fixed class list, less the classes the catalog does not know for the year (unless they carry money).</summary>
    private List<string> ClassListOfYear() =>
        CompileCatalog.ClassList.Where(c => CompileCatalog.Name(c, CodeScheme.Function, _d.Year) is not null || _f.ClassSpend(c) != 0).ToList();

    private RenderTable FinalSummary()
    {
        var left = new List<(string, SummaryLine, decimal)>();
        int i = 0;
        foreach (var (label, line, srcs) in FinalIncomeItems) left.Add(($"{CompileCatalog.Ordinal(i++)}、{label}", line, srcs.Sum(s => _f.Income[s])));
        var right = ClassListOfYear().Select((c, k) => (ClassNames.Fallback(c), SummaryLine.ExpenditureClass, (string?)c, new[] { _f.ClassSpend(c) })).ToList();
        foreach (var extra in _f.Classes().Where(c => !CompileCatalog.ClassList.Contains(c)))
            right.Add((_f.ClassName(extra), SummaryLine.ExpenditureClass, extra, [_f.ClassSpend(extra)]));
        if (TemplateClasses(TableKind.FinalSummary, _f.Classes()) is { } fixedClasses)
            right = fixedClasses.Select(c => (c.Label, SummaryLine.ExpenditureClass, (string?)c.Code, new[] { _f.ClassSpend(c.Code) })).ToList();
        return TwoSided(TableKind.FinalSummary, "收入支出决算总表", ["收入项目", "决算数"], [(["支出功能分类科目"], null), (["决算数"], (ColumnKey)Measure.Amount)], left, right,
            ("本年收入合计", _f.IncomeTotal), [_f.SpendTotal],
            [(LineName(TableKind.FinalSummary, SummaryLine.UseOfNonFiscalBalance, "使用非财政拨款结余和专用结余"), SummaryLine.UseOfNonFiscalBalance, _f.Carry.UseOfNonFiscalBalance), (LineName(TableKind.FinalSummary, SummaryLine.CarryIn, "年初结转和结余"), SummaryLine.CarryIn, _f.CarryInAll)],
            [(LineName(TableKind.FinalSummary, SummaryLine.BalanceDistribution, "结余分配"), SummaryLine.BalanceDistribution, null, [_f.Carry.BalanceDistribution]), (LineName(TableKind.FinalSummary, SummaryLine.CarryOut, "年末结转和结余"), SummaryLine.CarryOut, null, [_f.CarryOutAll])],
            ("总计", _f.GrandIncome), ("总计", [_f.GrandSpend]), blankZeros: true);
    }

    private RenderTable FinalFiscalSummary()
    {
        var g = _f.Income[FundSource.General];
        var left = new List<(string, SummaryLine, decimal)>
        {
            ("一、一般公共预算财政拨款", SummaryLine.GeneralBudgetGrant, g),
            ("二、政府性基金预算财政拨款", SummaryLine.GovernmentFundGrant, _f.Income[FundSource.GovFund]),
            ("三、国有资本经营预算财政拨款", SummaryLine.StateCapitalGrant, _f.Income[FundSource.StateCapital]),
        };
        var fiscal = new[] { FundSource.General, FundSource.GovFund, FundSource.StateCapital };
        var right = ClassListOfYear().Select((c, k) => (ClassNames.Fallback(c), SummaryLine.ExpenditureClass, (string?)c,
            new[] { _f.ClassSpend(c, fiscal), _f.ClassSpend(c, FundSource.General), _f.ClassSpend(c, FundSource.GovFund), _f.ClassSpend(c, FundSource.StateCapital) })).ToList();
        foreach (var extra in _f.Classes(fiscal).Where(c => !CompileCatalog.ClassList.Contains(c)))
            right.Add((_f.ClassName(extra), SummaryLine.ExpenditureClass, extra,
                [_f.ClassSpend(extra, fiscal), _f.ClassSpend(extra, FundSource.General), _f.ClassSpend(extra, FundSource.GovFund), _f.ClassSpend(extra, FundSource.StateCapital)]));
        if (TemplateClasses(TableKind.FinalFiscalSummary, _f.Classes(fiscal)) is { } fixedClasses)
            right = fixedClasses.Select(x => (x.Label, SummaryLine.ExpenditureClass, (string?)x.Code,
                new[] { _f.ClassSpend(x.Code, fiscal), _f.ClassSpend(x.Code, FundSource.General), _f.ClassSpend(x.Code, FundSource.GovFund), _f.ClassSpend(x.Code, FundSource.StateCapital) })).ToList();
        var c = _f.Carry;
        string L(SummaryLine line, string builtIn) => LineName(TableKind.FinalFiscalSummary, line, builtIn);
        var totalRight = new[] { _f.FiscalSpend + _f.CarryOutFiscal, _f.Spend[FundSource.General] + c.CarryOutGeneral, _f.Spend[FundSource.GovFund] + c.CarryOutGovFund, _f.Spend[FundSource.StateCapital] + c.CarryOutStateCapital };
        return TwoSided(TableKind.FinalFiscalSummary, "财政拨款收入支出决算总表", ["收入项目", "决算数"],
            [(["支出功能分类科目"], null), (["小计"], (ColumnKey)Measure.Total), (["一般公共预算财政拨款"], (ColumnKey)Measure.GeneralBudget), (["政府性基金预算财政拨款"], (ColumnKey)Measure.GovernmentFund), (["国有资本经营预算财政拨款"], (ColumnKey)Measure.StateCapital)],
            left, right, ("本年收入合计", _f.FiscalIncome), [_f.FiscalSpend, _f.Spend[FundSource.General], _f.Spend[FundSource.GovFund], _f.Spend[FundSource.StateCapital]],
            [(L(SummaryLine.CarryIn, "年初财政拨款结转和结余"), SummaryLine.CarryIn, _f.CarryInFiscal), (L(SummaryLine.CarryInGeneralBudget, "一般公共预算财政拨款"), SummaryLine.CarryInGeneralBudget, c.CarryInGeneral),
             (L(SummaryLine.CarryInGovernmentFund, "政府性基金预算财政拨款"), SummaryLine.CarryInGovernmentFund, c.CarryInGovFund), (L(SummaryLine.CarryInStateCapital, "国有资本经营预算财政拨款"), SummaryLine.CarryInStateCapital, c.CarryInStateCapital)],
            [(L(SummaryLine.CarryOut, "年末财政拨款结转和结余"), SummaryLine.CarryOut, null, [_f.CarryOutFiscal, c.CarryOutGeneral, c.CarryOutGovFund, c.CarryOutStateCapital])],
            ("总计", _f.FiscalGrand), ("总计", totalRight), blankZeros: true);
    }

    private RenderTable FinalBasic()
    {
        var t = new RenderTable { Kind = TableKind.FinalGeneralBasic, Label = NextLabel(), Title = "一般公共预算财政拨款基本支出决算表", SegmentsAreBlocks = true };
        string[] blockHead = ["人员经费", "公用经费", "公用经费"];
        for (int b = 0; b < 3; b++)
        {
            t.Columns.Add(new([blockHead[b], "经济分类科目编码"], ColumnRole.Code, Segment: b));
            t.Columns.Add(new([b == 0 ? "人员经费" : "公用经费", "经济分类科目名称"], ColumnRole.Label, Segment: b));
            t.Columns.Add(new([b == 0 ? "人员经费" : "公用经费", "金额"], ColumnRole.Value, Measure.Total, Segment: b));
        }
        var blocks = CompileCatalog.FinalBasicBlocks.Select(b => b.ToList()).ToList();
        foreach (var e in _d.Economic.Select(e => e.Code).Concat(_d.Economic.Select(e => e.Code[..3])).Distinct())
            if (!blocks.Any(b => b.Contains(e)))
            {
                var target = CompileCatalog.IsPersonnel(e) ? blocks[0] : e.StartsWith("302") || e.StartsWith("307") ? blocks[1] : blocks[2];
                target.Add(e);
                target.Sort(StringComparer.Ordinal);
            }
        int rows = blocks.Max(b => b.Count);
        for (int r = 0; r < rows; r++)
        {
            var cells = new string[9];
            for (int b = 0; b < 3; b++)
            {
                if (r >= blocks[b].Count) { cells[b * 3] = cells[b * 3 + 1] = cells[b * 3 + 2] = ""; continue; }
                var code = blocks[b][r];
                var v = _f.Econ(code);
                if (code.Length == 3) v = _f.Given.Economic(code, v) ?? v;
                cells[b * 3] = code;
                cells[b * 3 + 1] = code.Length == 3 ? CompileCatalog.Name(code, CodeScheme.DepartmentEconomic, _d.Year) ?? code : _f.EconName(code);
                cells[b * 3 + 2] = v == 0 ? "" : Money.Cell(v);
            }
            t.Rows.Add(new RenderRow(cells));
        }
        var total = new DataRow { Label = "合计", IsTotal = true };
        total.Values[Measure.Personnel] = Fig(_f.Personnel);
        total.Values[Measure.Public] = Fig(_f.Public);
        t.Rows.Add(new RenderRow(["人员经费合计", "", Money.Cell(_f.Personnel), "公用经费合计", "", "", "", "", Money.Cell(_f.Public)]) { ModelRows = [total] });
        return t;
    }

    private RenderTable FinalThreePublic()
    {
        var t = new RenderTable { Kind = TableKind.FinalThreePublic, Label = NextLabel(), Title = "财政拨款“三公”经费支出决算表" };
        var budget = _d.ThreePublic.Budget ?? _d.ThreePublic.InitialBudget ?? new ThreePublicItems();
        var cur = _d.ThreePublic.Current;
        var items = ThreePublicItemColumns("公务用车购置及运行维护费", "公务用车运行维护费");
        var cells = new List<string>();
        foreach (var it in items)
        {
            var head = it.Mid == "小计" ? "公务用车购置及运行维护费小计" : it.Mid;
            t.Columns.Add(new([head, "预算数"], ColumnRole.Value, new ColumnKey(it.M, Basis.Budget)));
            t.Columns.Add(new([head, "决算数"], ColumnRole.Value, new ColumnKey(it.M, Basis.Final)));
            cells.Add(Money.Cell(it.V(budget)));
            cells.Add(Money.Cell(it.V(cur)));
        }
        t.Rows.Add(new RenderRow(cells.ToArray()));
        if (cur.Total == 0 && budget.Total == 0) t.Notes.Add($"注：{Subject}{_d.Year}年度没有使用财政拨款安排的“三公”经费，故本表无数据。");
        return t;
    }

    private RenderTable FinalFund(TableKind kind, string title, FundSource src, decimal carryIn, decimal carryOut, string fundName)
    {
        var t = new RenderTable { Kind = kind, Label = NextLabel(), Title = title };
        t.Columns.Add(new(["功能分类科目编码"], ColumnRole.Code));
        t.Columns.Add(new(["科目名称"], ColumnRole.Label));
        t.Columns.Add(new(["年初结转和结余"], ColumnRole.Value, Measure.CarryIn));
        t.Columns.Add(new(["本年收入"], ColumnRole.Value, Measure.IncomeThisYear));
        t.Columns.Add(new(["本年支出", "合计"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new(["本年支出", "基本支出"], ColumnRole.Value, Measure.Basic));
        t.Columns.Add(new(["本年支出", "项目支出"], ColumnRole.Value, Measure.Project));
        t.Columns.Add(new(["年末结转和结余"], ColumnRole.Value, Measure.CarryOut));
        var lines = _f.Lines(src).ToList();
        var inc = RevenueLeaves().Where(r => r.Amounts.GetValueOrDefault(src) != 0).ToDictionary(r => r.Code, r => r.Amounts[src]);
        var codes = lines.Select(l => l.Code).Concat(inc.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        // carry per 项: what a 项 received but did not spend is carried out, what it spent beyond its income was carried in;
        // the rest of the fund's carry-over (money carried through unchanged) sits on the first 项.
        var leaves = new List<(string Code, decimal[] Values)>();
        foreach (var code in codes)
        {
            var ls = lines.Where(l => l.Code == code).ToList();
            var income = inc.GetValueOrDefault(code);
            var spent = ls.Sum(l => l.Basic + l.Project);
            var net = income - spent;
            leaves.Add((code, [Math.Max(-net, 0), income, spent, ls.Sum(l => l.Basic), ls.Sum(l => l.Project), Math.Max(net, 0)]));
        }
        var extra = carryIn - leaves.Sum(l => l.Values[0]);
        if (leaves.Count > 0 && extra > 0)
        {
            leaves[0].Values[0] += extra;
            leaves[0].Values[5] += extra;
        }
        var tree = _f.Tree(leaves, 6);
        t.Rows.Add(new RenderRow(["", "合计", .. new[] { carryIn, _f.Income[src], lines.Sum(l => l.Basic + l.Project), lines.Sum(l => l.Basic), lines.Sum(l => l.Project), carryOut }.Select(Money.Cell)], new RowMeta(IsTotal: true)));
        foreach (var r in tree)
            t.Rows.Add(new RenderRow([r.Code, r.Name, .. r.Values.Select(Money.Cell)]));
        if (lines.Count == 0 && carryIn == 0 && carryOut == 0) t.Notes.Add(EmptyNote(fundName, "收入和支出"));
        return t;
    }

    private RenderTable InstitutionOperation()
    {
        var t = new RenderTable { Kind = TableKind.InstitutionOperation, Label = NextLabel(), Title = "机构运行信息表" };
        t.Columns.Add(new(["项目"], ColumnRole.Label, Segment: 0));
        t.Columns.Add(new(["预算数"], ColumnRole.Value, new ColumnKey(Measure.Amount, Basis.Budget), Segment: 0));
        t.Columns.Add(new(["决算数"], ColumnRole.Value, new ColumnKey(Measure.Amount, Basis.Final), Segment: 0));
        t.Columns.Add(new(["项目"], ColumnRole.Label, Segment: 1));
        t.Columns.Add(new(["决算数"], ColumnRole.Value, new ColumnKey(Measure.Amount, Basis.Final), Segment: 1));
        var tp = _d.ThreePublic;
        var b = tp.Budget ?? tp.InitialBudget ?? new ThreePublicItems();
        var c = tp.Current;
        var s = tp.Stats;
        const string na = "—";
        static string M(decimal v) => v == 0 ? "" : Money.Cell(v);
        static string N(int v) => v == 0 ? "" : v.ToString();
        List<string[]> left =
        [
            ["一、“三公”经费支出", na, na],
            ["（一）支出合计", M(b.Total), M(c.Total)],
            ["1.因公出国（境）费", M(b.Abroad), M(c.Abroad)],
            ["2.公务用车购置及运行维护费", M(b.Vehicle), M(c.Vehicle)],
            ["（1）公务用车购置费", M(b.VehiclePurchase), M(c.VehiclePurchase)],
            ["（2）公务用车运行维护费", M(b.VehicleOperation), M(c.VehicleOperation)],
            ["3.公务接待费", M(b.Reception), M(c.Reception)],
            ["（1）国内接待费", na, M(c.Reception)],
            ["（2）国（境）外接待费", na, ""],
            ["（二）相关统计数", na, na],
            ["1.因公出国（境）团组数（个）", na, N(s.AbroadGroups)],
            ["2.因公出国（境）人次（人）", na, N(s.AbroadPersons)],
            ["3.公务用车购置数（辆）", na, N(s.VehiclesPurchased)],
            ["4.公务用车保有量（辆）", na, N(s.VehiclesHeld)],
            ["5.国内公务接待批次（个）", na, N(s.ReceptionBatches)],
            ["6.国内公务接待人次（人）", na, N(s.ReceptionPersons)],
            ["二、会议费", na, M(_d.Meeting?.Amount ?? 0)],
            ["三、培训费", na, M(_d.Training?.Amount ?? 0)],
            ["四、差旅费", na, M(_d.Travel?.Amount ?? 0)],
        ];
        var oc = _d.OperatingCosts;
        var a = _d.Assets ?? new AssetsData();
        var p = _d.Procurement ?? new ProcurementData();
        List<string[]> right =
        [
            ["五、机关运行经费", M(oc?.Amount ?? 0)],
            ["（一）行政单位", M(oc?.Administrative ?? 0)],
            ["（二）参照公务员法管理事业单位", M(oc?.CivilServiceInstitutions ?? 0)],
            ["六、资产信息", na],
            ["（一）车辆数合计（辆）", N(a.Vehicles.Values.Sum())],
        ];
        string[] types = ["副部（省）级及以上领导用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部用车", "其他用车"];
        for (int i = 0; i < types.Length; i++) right.Add([$"{i + 1}.{types[i]}", N(a.Vehicles.GetValueOrDefault(types[i]))]);
        right.Add([$"（二）单价{a.EquipmentThreshold}万元（含）以上设备（不含车辆）", N(a.Equipment)]);
        right.Add(["七、政府采购支出信息", na]);
        right.Add(["（一）政府采购支出合计", M(p.Total)]);
        right.Add(["1.政府采购货物支出", M(p.Goods)]);
        right.Add(["2.政府采购工程支出", M(p.Works)]);
        right.Add(["3.政府采购服务支出", M(p.Services)]);
        right.Add(["（二）政府采购授予中小企业合同金额", M(p.Sme)]);
        right.Add(["其中：授予小微企业合同金额", M(p.SmallMicro)]);
        if (Tpl(TableKind.InstitutionOperation) is { FixedRows.Count: > 0 } tpl)
        {
            // the template's fixed rows in its order; a row the builder has no figure for prints — / blank
            string FillRow(string s) => Fill(s).Replace("{threshold}", a.EquipmentThreshold.ToString(CultureInfo.InvariantCulture));
            var knownLeft = left.GroupBy(r => Gongkai.Catalogs.RegionTemplates.Squeeze(r[0])).ToDictionary(g => g.Key, g => g.First()[1..]);
            var knownRight = right.GroupBy(r => Gongkai.Catalogs.RegionTemplates.Squeeze(r[0])).ToDictionary(g => g.Key, g => g.First()[1..]);
            left = FixedRows(tpl.FixedRows, knownLeft, 2, FillRow);
            if (tpl.RightRows.Count > 0) right = FixedRows(tpl.RightRows, knownRight, 1, FillRow);
        }
        int n = Math.Max(left.Count, right.Count);
        for (int i = 0; i < n; i++)
        {
            var l = i < left.Count ? left[i] : ["", "", ""];
            var r = i < right.Count ? right[i] : ["", ""];
            t.Rows.Add(new RenderRow([.. l, .. r]));
        }
        t.Notes.Add("注：1.本表列示“三公”经费等事项的预算和决算：预算数指经调整后的全年预算，决算数包括当年财政拨款和往年结转资金实际支付的金额。");
        t.Notes.Add("2.车辆、设备数量及相关统计数的单位见项目名称。");
        return t;
    }

    // ───────────────────────────── shapes ─────────────────────────────

    private RenderTable Coded(TableKind kind, string title, List<(string[] Header, ColumnKey Key)> values, List<TreeRow> tree, string? emptyNote)
    {
        var t = new RenderTable { Kind = kind, Label = NextLabel(), Title = title };
        int depth = values.Max(v => v.Header.Length);
        t.Columns.Add(new([_f.Final ? "功能分类科目编码" : "科目编码"], ColumnRole.Code));
        t.Columns.Add(new(["科目名称"], ColumnRole.Label));
        foreach (var (h, k) in values) t.Columns.Add(new(h, ColumnRole.Value, k));
        var total = new decimal[values.Count];
        foreach (var r in tree.Where(r => r.Code.Length == 3))
            for (int i = 0; i < total.Length; i++) total[i] += r.Values[i];
        // a total the data gives is printed as given where the cell sums the parts it stands for; a total it leaves out
        // is the sum of its printed parts (the computed sum, moved by the 尾差 of the given totals under it)
        var printed = GivenTotals.Printed(tree.Select(r => (r.Code, r.Values)).Append(("", total)), (code, i, v) => _f.Given.Function(code, values[i].Key.Measure, v));
        t.Rows.Add(new RenderRow(["", "合计", .. printed[""].Select(Money.Cell)], new RowMeta(IsTotal: true)));
        foreach (var r in tree) t.Rows.Add(new RenderRow([r.Code, r.Name, .. printed[r.Code].Select(Money.Cell)]));
        if (emptyNote is not null) t.Notes.Add(emptyNote);
        return t;
    }

    /// <summary>A two-sided summary table: income lines on the left, class lines on the right, 本年合计, carry lines and 总计 aligned.</summary>
    private RenderTable TwoSided(TableKind kind, string title, string[] leftHeader, (string[] Header, ColumnKey? Key)[] rightCols,
        List<(string Label, SummaryLine Line, decimal Value)> left, List<(string Label, SummaryLine Line, string? Code, decimal[] Values)> right,
        (string Label, decimal Value)? leftYear, decimal[]? rightYear,
        List<(string Label, SummaryLine Line, decimal Value)> leftCarry, List<(string Label, SummaryLine Line, string? Code, decimal[] Values)> rightCarry,
        (string Label, decimal Value) leftGrand, (string Label, decimal[] Values) rightGrand, bool blankZeros = false,
        List<(string Label, decimal Value)>? uses = null, string rightYearLabel = "本年支出合计", bool totalFirst = false)
    {
        var t = new RenderTable { Kind = kind, Label = NextLabel(), Title = kind is TableKind.BudgetSummary or TableKind.BudgetFiscalSummary ? title : title };
        t.Columns.Add(new([leftHeader[0]], ColumnRole.Label, Segment: 0, Side: Side.Income));
        t.Columns.Add(new([leftHeader[1]], ColumnRole.Value, Measure.Amount, Segment: 0, Side: Side.Income));
        foreach (var (h, k) in rightCols)
            t.Columns.Add(new(h, k is null ? ColumnRole.Label : ColumnRole.Value, k, Segment: 1, Side: Side.Expenditure));
        int rw = rightCols.Length - 1;
        if (uses is not null)
        {
            // Jiangsu 支出用途 block beside the function classes (its rows add up to 本年支出合计, rule GK234)
            t.Columns.Add(new(["支出用途"], ColumnRole.Label, Segment: 2, Side: Side.Expenditure));
            t.Columns.Add(new(["预算数"], ColumnRole.Value, Measure.Amount, Segment: 2, Side: Side.Expenditure));
        }
        int row = 0;
        string V(decimal v, bool keep = false) => blankZeros && v == 0 && !keep ? "" : Money.Cell(v);
        void Add((string Label, SummaryLine Line, decimal Value)? l, (string Label, SummaryLine Line, string? Code, decimal[] Values)? r, bool keep = false)
        {
            var cells = new List<string> { l?.Label ?? "", l is null ? "" : V(l.Value.Value, keep) };
            cells.Add(r?.Label ?? "");
            for (int i = 0; i < rw; i++) cells.Add(r is null || i >= r.Value.Values.Length ? "" : V(r.Value.Values[i], keep));
            if (uses is not null)
            {
                cells.Add(row < uses.Count ? uses[row].Label : "");
                cells.Add(row < uses.Count ? Money.Cell(uses[row].Value) : "");
            }
            row++;
            t.Rows.Add(new RenderRow(cells.ToArray(), new RowMeta(l?.Line ?? SummaryLine.None), new RowMeta(r?.Line ?? SummaryLine.None, Code: r?.Code)));
        }
        void Grand() => Add((leftGrand.Label, SummaryLine.GrandTotalIncome, leftGrand.Value), (rightGrand.Label, SummaryLine.GrandTotalExpenditure, null, rightGrand.Values), keep: true);
        if (totalFirst) Grand();
        int n = Math.Max(left.Count, right.Count);
        for (int i = 0; i < n; i++) Add(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null);
        if (leftYear is { } ly) Add((ly.Label, SummaryLine.TotalIncomeThisYear, ly.Value), (rightYearLabel, SummaryLine.TotalExpenditureThisYear, null, rightYear!), keep: true);
        int m = Math.Max(leftCarry.Count, rightCarry.Count);
        for (int i = 0; i < m; i++) Add(i < leftCarry.Count ? leftCarry[i] : null, i < rightCarry.Count ? rightCarry[i] : null);
        if (!totalFirst) Grand();
        return t;
    }

    internal static Figure Fig(decimal v) => new(v, 2, ValueUnit.WanYuan, FigureKind.Number, Provenance.Unknown);
}
