using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// Shaanxi / Xi'an 部门综合预算 (XA22B layout): 表1 and 表4 with 功能 / 部门经济 / 政府经济 blocks side by side, 表6 (一般公共预算
/// 支出 by 部门 and 政府 economic class), 表7 (基本支出 by function), 表8 with paired codes, 表11 (上年结转资金支出).
/// </summary>
public sealed partial class TableBuilder
{
    private const string XaPrefix = "部门综合预算";

    /// <summary>
    /// 表1–15: the tables the data supports keep their regional numbers. 表6 needs the economic classes of 项目支出
    /// (<see cref="DisclosureData.ProjectEconomic"/>) when there is any; 表14/15 are the 附表.
    /// </summary>
    private List<RenderTable> ShaanxiBudget()
    {
        const string p = XaPrefix;
        var list = new List<RenderTable>
        {
            At(1, () => XaBlocksPrintable(fiscalOnly: false) ? XaSummary(p + "收支总表") : BudgetSummary(p + "收支总表")),
            At(2, () => BudgetRevenue(p + "收入总表")),
            At(3, () => CodedSpend(TableKind.BudgetExpenditure, p + "支出总表", [], true, null)),
            At(4, () => XaBlocksPrintable(fiscalOnly: true) ? XaFiscalSummary(p + "财政拨款收支总表") : BudgetFiscalSummary(p + "财政拨款收支总表")),
            At(5, () => CodedSpend(TableKind.BudgetGeneralExpenditure, p + "一般公共预算支出明细表（按支出功能分类科目）", [FundSource.General], false, "一般公共预算拨款")),
        };
        if (ProjectEconomicKnown) list.Add(At(6, () => XaEconomic(TableKind.BudgetGeneralByEconomic, p + "一般公共预算支出明细表（按支出经济分类科目）", project: true)));
        list.Add(At(7, () => BasicByFunction(p + "一般公共预算基本支出明细表（按支出功能分类科目）")));
        list.Add(At(8, () => XaEconomic(TableKind.BudgetGeneralBasic, p + "一般公共预算基本支出明细表（按支出经济分类科目）", project: false)));
        list.Add(At(9, () => CodedSpend(TableKind.BudgetGovFund, p + "政府性基金收支表", [FundSource.GovFund], false, "政府性基金预算拨款")));
        list.Add(At(10, () => ProjectList(p + "专项业务经费支出表")));
        list.Add(At(11, () => CarryOverSpending(p + "财政拨款上年结转资金支出表")));
        list.Add(At(12, () => ProcurementBudget(p + "政府采购（资产配置、购买服务）预算表")));
        list.Add(At(13, () => ThreePublicOrCombined(p + "一般公共预算拨款“三公”经费支出预算表", p + "一般公共预算拨款“三公”经费及会议费、培训费支出预算表")));
        return list;
    }

    /// <summary>The economic classes of all 一般公共预算 spending are known: 项目支出 is broken down, or there is none.</summary>
    private bool ProjectEconomicKnown => _d.ProjectEconomic is not null || _f.GeneralProject == 0;

    /// <summary>
    /// The economic blocks of 表1 (all spending) or 表4 (财政拨款) add up to its 本年支出合计 only when that spending is all
    /// 一般公共预算 (the data gives economic classes for that fund alone) and every line has its 政府 code.
    /// </summary>
    private bool XaBlocksPrintable(bool fiscalOnly) =>
        _f.Paired is { } paired && ProjectEconomicKnown && paired.All(x => x.GovCode is not null)
        && (fiscalOnly ? _f.FiscalSpend : _f.SpendTotal) == _f.GeneralSpend;

    /// <summary>A line of one side or block of a summary table.</summary>
    private sealed record SideLine(string Label, SummaryLine Line, decimal Value, string? Code = null, bool Sub = false);

    /// <summary>The 部门经济 block: 人员经费和公用经费支出 and 专项业务经费支出, each with its 类 lines (plus 上缴/经营/补助 on 表1).</summary>
    private List<SideLine> DepartmentEconomicBlock(bool withOtherSpending)
    {
        var paired = _f.Paired!;
        var lines = new List<SideLine>();
        void Group(string label, Func<PairedLine, decimal> value)
        {
            lines.Add(new(label, SummaryLine.None, paired.Sum(value)));
            int k = 1;
            foreach (var g in paired.GroupBy(x => x.Code[..3]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var v = g.Sum(value);
                if (v == 0) continue;
                lines.Add(new($"({k++}){ClassName(g.Key, CodeScheme.DepartmentEconomic)}", SummaryLine.EconomicLine, v, g.Key, Sub: true));
            }
        }
        Group("1、人员经费和公用经费支出", x => x.Basic);
        Group("2、专项业务经费支出", x => x.Project);
        if (withOtherSpending)
        {
            lines.Add(new("3、上缴上级支出", SummaryLine.None, _f.Lines().Sum(l => l.RemitToSuperior)));
            lines.Add(new("4、事业单位经营支出", SummaryLine.None, _f.Lines().Sum(l => l.OperatingExpenditure)));
            lines.Add(new("5、对附属单位补助支出", SummaryLine.None, _f.Lines().Sum(l => l.SubsidyToSubordinate)));
        }
        return lines;
    }

    /// <summary>The 政府经济 block: the 政府预算支出经济分类 类 that carry money (names of unverified catalog entries are flagged by the pairing).</summary>
    private List<SideLine> GovernmentEconomicBlock() =>
        _f.Paired!.GroupBy(x => x.GovCode![..3]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => new SideLine($"{i + 1}、{ClassName(g.Key, CodeScheme.GovernmentEconomic)}", SummaryLine.EconomicLine, g.Sum(x => x.Total), g.Key))
            .ToList();

    private string ClassName(string code, CodeScheme scheme) => CompileCatalog.Name(code, scheme, _d.Year) ?? code;

    /// <summary>The 功能分类 block: the template's fixed class list when the region's template has one, else the classes with money.</summary>
    private List<SideLine> FunctionBlock(TableKind kind, FundSource[] sources) =>
        (TemplateClasses(kind, _f.Classes(sources)) ?? _f.Classes(sources).Select((c, i) => ($"{i + 1}、{ClassNames.Fallback(c)}", c)).ToList())
        .Select(x => new SideLine(x.Item1, SummaryLine.ExpenditureClass, _f.ClassSpend(x.Item2, sources), x.Item2)).ToList();

    /// <summary>表1 收支总表 with the three spending blocks.</summary>
    private RenderTable XaSummary(string title)
    {
        var left = new List<SideLine>();
        int i = 0;
        foreach (var (label, line, src) in BudgetIncomeItems) left.Add(new($"{CompileCatalog.Ordinal(i++)}、{label}", line, _f.Income[src]));
        return XaTwoSided(TableKind.BudgetSummary, title, left, _f.IncomeTotal,
            [new("用事业基金弥补收支差额", SummaryLine.InstitutionFund, _f.Carry.InstitutionFund), new("上年结转", SummaryLine.CarryIn, _f.CarryInAll)],
            _f.GrandIncome, [FunctionBlock(TableKind.BudgetSummary, []), DepartmentEconomicBlock(withOtherSpending: true), GovernmentEconomicBlock()],
            _f.SpendTotal, _f.CarryOutAll, _f.GrandSpend);
    }

    /// <summary>表4 财政拨款收支总表 with the three spending blocks (one 预算数 column each, as XA prints it).</summary>
    private RenderTable XaFiscalSummary(string title)
    {
        var left = new List<SideLine>
        {
            new("1、一般公共预算拨款", SummaryLine.GeneralBudgetGrant, _f.Income[FundSource.General]),
            new("2、政府性基金预算拨款", SummaryLine.GovernmentFundGrant, _f.Income[FundSource.GovFund]),
            new("3、国有资本经营预算拨款", SummaryLine.StateCapitalGrant, _f.Income[FundSource.StateCapital]),
        };
        var carry = new List<SideLine>
        {
            new("上年结转", SummaryLine.CarryIn, _f.CarryInFiscal),
            new("（一）一般公共预算拨款", SummaryLine.CarryInGeneralBudget, _f.Carry.CarryInGeneral),
            new("（二）政府性基金预算拨款", SummaryLine.CarryInGovernmentFund, _f.Carry.CarryInGovFund),
            new("（三）国有资本经营预算拨款", SummaryLine.CarryInStateCapital, _f.Carry.CarryInStateCapital),
        };
        var fiscal = new[] { FundSource.General, FundSource.GovFund, FundSource.StateCapital };
        return XaTwoSided(TableKind.BudgetFiscalSummary, title, left, _f.FiscalIncome, carry, _f.FiscalGrand,
            [FunctionBlock(TableKind.BudgetFiscalSummary, fiscal), DepartmentEconomicBlock(withOtherSpending: false), GovernmentEconomicBlock()],
            _f.FiscalSpend, _f.CarryOutFiscal, _f.FiscalSpend + _f.CarryOutFiscal);
    }

    /// <summary>
    /// Income on the left; the spending blocks (功能, 部门经济, 政府经济) side by side, each with its own 本年支出合计, 结转下年
    /// and 支出总计 on the rows of the income side's 本年收入合计 and 收入总计.
    /// </summary>
    private RenderTable XaTwoSided(TableKind kind, string title, List<SideLine> left, decimal incomeYear, List<SideLine> leftCarry, decimal incomeGrand,
        List<SideLine>[] blocks, decimal spendYear, decimal carryOut, decimal spendGrand)
    {
        var t = new RenderTable { Kind = kind, Label = NextLabel(), Title = BudgetTitle(title) };
        t.Columns.Add(new(["收入", "项目"], ColumnRole.Label, Segment: 0, Side: Side.Income));
        t.Columns.Add(new(["收入", "预算数"], ColumnRole.Value, Measure.Amount, Segment: 0, Side: Side.Income));
        string[] heads = ["支出功能分类科目（按大类）", "部门预算支出经济分类科目（按大类）", "政府预算支出经济分类科目（按大类）"];
        for (int b = 0; b < blocks.Length; b++)
        {
            t.Columns.Add(new(["支出", heads[b]], ColumnRole.Label, Segment: b + 1, Side: Side.Expenditure));
            t.Columns.Add(new(["支出", "预算数"], ColumnRole.Value, Measure.Amount, Segment: b + 1, Side: Side.Expenditure));
        }
        void Add(SideLine? l, Func<int, SideLine?> right, bool keep = false)
        {
            var cells = new List<string> { l?.Label ?? "", l is null ? "" : Money.Cell(l.Value) };
            var meta = new List<RowMeta> { new(l?.Line ?? SummaryLine.None, IsSubItem: l?.Sub ?? false, Code: l?.Code) };
            for (int b = 0; b < blocks.Length; b++)
            {
                var r = right(b);
                cells.Add(r?.Label ?? "");
                cells.Add(r is null ? "" : Money.Cell(r.Value));
                meta.Add(new(r?.Line ?? SummaryLine.None, IsSubItem: r?.Sub ?? false, Code: r?.Code));
            }
            t.Rows.Add(new RenderRow(cells.ToArray(), meta.ToArray()));
        }
        int n = Math.Max(left.Count, blocks.Max(b => b.Count));
        for (int i = 0; i < n; i++) Add(i < left.Count ? left[i] : null, b => i < blocks[b].Count ? blocks[b][i] : null);
        Add(new("本年收入合计", SummaryLine.TotalIncomeThisYear, incomeYear), _ => new("本年支出合计", SummaryLine.TotalExpenditureThisYear, spendYear));
        for (int i = 0; i < Math.Max(1, leftCarry.Count); i++)
            Add(i < leftCarry.Count ? leftCarry[i] : null, _ => i == 0 ? new("结转下年", SummaryLine.CarryOut, carryOut) : null);
        Add(new("收入总计", SummaryLine.GrandTotalIncome, incomeGrand), _ => new("支出总计", SummaryLine.GrandTotalExpenditure, spendGrand));
        return t;
    }

    /// <summary>
    /// 表6 (project = true: 合计 | 人员经费 | 公用经费 | 专项业务经费, all 一般公共预算 spending) or 表8 (基本支出 only): 部门
    /// 类 rows, then one row per (部门 款, 政府 款) pair — a 部门 款 paid by both 机关 and 事业单位 has two rows.
    /// </summary>
    private RenderTable XaEconomic(TableKind kind, string title, bool project)
    {
        var t = new RenderTable { Kind = kind, Label = NextLabel(), Title = BudgetTitle(title) };
        t.Columns.Add(new(["部门经济科目编码"], ColumnRole.Code));
        t.Columns.Add(new(["部门经济科目名称"], ColumnRole.Label));
        t.Columns.Add(new(["政府经济科目编码"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["政府经济科目名称"], ColumnRole.Label, Segment: 9));
        t.Columns.Add(new(["合计"], ColumnRole.Value, Measure.Total));
        t.Columns.Add(new(["人员经费支出"], ColumnRole.Value, Measure.Personnel));
        t.Columns.Add(new(["公用经费支出"], ColumnRole.Value, Measure.Public));
        if (project) t.Columns.Add(new(["专项业务经费支出"], ColumnRole.Value, Measure.Project));
        var lines = _f.Paired!.Where(x => project ? x.Total != 0 : x.Basic != 0).ToList();
        decimal[] Values(IEnumerable<PairedLine> xs)
        {
            var l = xs.ToList();
            decimal personnel = l.Where(x => x.Personnel).Sum(x => x.Basic), pub = l.Where(x => !x.Personnel).Sum(x => x.Basic), proj = l.Sum(x => x.Project);
            return project ? [personnel + pub + proj, personnel, pub, proj] : [personnel + pub, personnel, pub];
        }
        DataRow Model(string label, ClassificationCode? code, ClassificationCode? paired, string? pairedLabel, decimal[] v, bool total = false)
        {
            var r = new DataRow { Label = label, Code = code, PairedCode = paired, PairedLabel = pairedLabel, IsTotal = total };
            Measure[] keys = project ? [Measure.Total, Measure.Personnel, Measure.Public, Measure.Project] : [Measure.Total, Measure.Personnel, Measure.Public];
            for (int i = 0; i < keys.Length; i++) r.Values[keys[i]] = Fig(v[i]);
            return r;
        }
        void Add(string code, string name, string gov, string govName, decimal[] v, DataRow model) =>
            t.Rows.Add(new RenderRow([code, name, gov, govName, .. v.Select(Money.Cell)]) { ModelRows = [model] });

        var all = Values(lines);
        Add("", "合计", "", "", all, Model("合计", null, null, null, all, total: true));
        foreach (var g in lines.GroupBy(x => x.Code[..3]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cv = Values(g);
            var cname = ClassName(g.Key, CodeScheme.DepartmentEconomic);
            Add(g.Key, cname, "", "", cv, Model(cname, new ClassificationCode(g.Key, CodeScheme.DepartmentEconomic), null, null, cv));
            foreach (var x in g)
            {
                var v = Values([x]);
                ClassificationCode? gov = x.GovCode is null ? null : new ClassificationCode(x.GovCode, CodeScheme.GovernmentEconomic);
                Add(x.Code, x.Name, x.GovCode ?? "", x.GovName, v, Model(x.Name, new ClassificationCode(x.Code, CodeScheme.DepartmentEconomic), gov, x.GovCode is null ? null : x.GovName, v));
            }
        }
        if (lines.Count == 0)
            t.Notes.Add(EmptyNote(project ? "一般公共预算拨款安排的" : "一般公共预算拨款安排的基本", "支出"));
        return t;
    }

    /// <summary>表7 一般公共预算基本支出 by function (合计 only: the data splits 人员/公用 by economic class, not by function).</summary>
    private RenderTable BasicByFunction(string title)
    {
        var lines = _f.Lines(FundSource.General).Where(l => l.Basic != 0).ToList();
        var tree = _f.Tree(lines.Select(l => (l.Code, new[] { l.Basic })), 1);
        return Coded(TableKind.BudgetGeneralBasicByFunction, BudgetTitle(title), [(["合计"], Measure.Total)], tree,
            lines.Count == 0 ? EmptyNote("一般公共预算拨款安排的基本", "支出") : null);
    }

    /// <summary>
    /// 表11 财政拨款上年结转资金支出 by function and fund: what a 项 spends beyond its income of the year is paid from the
    /// carry-over of its fund (money carried in and not spent this year is not spending, so it is not in this table).
    /// </summary>
    private RenderTable CarryOverSpending(string title)
    {
        var fiscal = new[] { FundSource.General, FundSource.GovFund, FundSource.StateCapital };
        var rev = RevenueLeaves().ToDictionary(r => r.Code, r => r.Amounts);
        var leaves = new List<(string Code, decimal[] Values)>();
        foreach (var code in _f.Lines(fiscal).Select(l => l.Code).Distinct().Order(StringComparer.Ordinal))
        {
            var v = new decimal[4];
            for (int i = 0; i < fiscal.Length; i++)
            {
                var spent = _f.Lines(fiscal[i]).Where(l => l.Code == code).Sum(l => l.Total);
                var income = rev.GetValueOrDefault(code)?.GetValueOrDefault(fiscal[i]) ?? 0m;
                v[i + 1] = Math.Max(0, spent - income);
            }
            v[0] = v[1] + v[2] + v[3];
            if (v[0] != 0) leaves.Add((code, v));
        }
        return Coded(TableKind.CarryOverExpenditure, BudgetTitle(title),
            [(["合计"], Measure.Total), (["一般公共预算"], Measure.GeneralBudget), (["政府性基金预算"], Measure.GovernmentFund), (["国有资本经营预算"], Measure.StateCapital)],
            _f.Tree(leaves, 4), leaves.Count == 0 ? EmptyNote("财政拨款上年结转资金", "支出") : null);
    }
}
