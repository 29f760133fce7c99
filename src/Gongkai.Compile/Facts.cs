using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>A node of the function-classification tree (类, 款 or 项) with its values per column.</summary>
public sealed record TreeRow(string Code, string Name, decimal[] Values);

/// <summary>
/// Every derived figure of a package, computed once from the input: totals by source, by class, by 基本/项目,
/// economic classes. Renderers, tables and the narrative all take their numbers from here.
/// </summary>
public sealed class Facts
{
    public Facts(DisclosureData d, List<DataIssue> issues)
    {
        Data = d;
        Year = d.Year;
        Given = new GivenTotals(d);
        foreach (var l in d.Expenditure)
        {
            var name = l.Name;
            if (string.IsNullOrWhiteSpace(name)) name = CompileCatalog.Name(l.Code, CodeScheme.Function, d.Year);
            if (name is null) issues.Add(new(IssueSeverity.Error, $"expenditure[{l.Code}]", $"科目编码 {l.Code} 不在 {d.Year} 年支出功能分类科目目录中，请核对编码或填写科目名称。"));
            Names[l.Code] = name ?? l.Code;
        }
        foreach (var e in d.Economic.Concat(d.ProjectEconomic ?? []))
        {
            var name = string.IsNullOrWhiteSpace(e.Name) ? CompileCatalog.Name(e.Code, CodeScheme.DepartmentEconomic, d.Year) : e.Name;
            if (name is null) issues.Add(new(IssueSeverity.Error, $"economic[{e.Code}]", $"经济分类科目编码 {e.Code} 不在部门预算支出经济分类目录中，请核对编码或填写科目名称。"));
            EconNames[e.Code] = name ?? e.Code;
        }
        Spend = Enum.GetValues<FundSource>().ToDictionary(s => s, s => d.Expenditure.Where(l => l.Source == s).Sum(l => l.Total));
        // a 合计 printed with a 尾差 (given, or moved by given totals under it) is the spending of the one source that has all the lines
        if (d.Expenditure.Select(l => l.Source).Distinct().ToList() is [var only]) Spend[only] += Delta("", 0);
        if (d.RevenueByFunction is { Count: > 0 } rev)
            Income = Enum.GetValues<FundSource>().ToDictionary(s => s, s => rev.Where(r => r.Source == s).Sum(r => r.Amount));
        else
            Income = new Dictionary<FundSource, decimal>(Spend);
        if (d.Profile == "shaanxi" && !d.IsFinal) Paired = EconomicPairing.Resolve(d, this, issues);
    }

    /// <summary>Shaanxi 预算: 一般公共预算 spending by (部门, 政府) economic pair, 基本 and 项目 (null for other profiles).</summary>
    public List<PairedLine>? Paired { get; }

    public DisclosureData Data { get; }
    /// <summary>The totals the data gives, printed as given where a table sums their parts.</summary>
    public GivenTotals Given { get; }
    public int Year { get; }
    public bool Final => Data.IsFinal;
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> EconNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<FundSource, decimal> Spend { get; }
    public Dictionary<FundSource, decimal> Income { get; }

    public static bool IsFiscal(FundSource s) => s is FundSource.General or FundSource.GovFund or FundSource.StateCapital;

    public decimal IncomeTotal => Income.Values.Sum();
    public decimal SpendTotal => Spend.Values.Sum();
    public CarryOver Carry => Data.Carry;
    public decimal CarryInFiscal => Carry.CarryInGeneral + Carry.CarryInGovFund + Carry.CarryInStateCapital;
    public decimal CarryOutFiscal => Carry.CarryOutGeneral + Carry.CarryOutGovFund + Carry.CarryOutStateCapital;
    public decimal CarryInAll => CarryInFiscal + Carry.CarryInNonFiscal;
    public decimal CarryOutAll => CarryOutFiscal + Carry.CarryOutNonFiscal;
    public decimal GrandIncome => IncomeTotal + Carry.UseOfNonFiscalBalance + Carry.InstitutionFund + CarryInAll;
    public decimal GrandSpend => SpendTotal + Carry.BalanceDistribution + CarryOutAll;

    public decimal FiscalIncome => Income[FundSource.General] + Income[FundSource.GovFund] + Income[FundSource.StateCapital];
    public decimal FiscalSpend => Spend[FundSource.General] + Spend[FundSource.GovFund] + Spend[FundSource.StateCapital];
    public decimal FiscalGrand => FiscalIncome + CarryInFiscal;

    public decimal Basic => Data.Expenditure.Sum(l => l.Basic) + Delta("", 1);
    public decimal Project => Data.Expenditure.Sum(l => l.Project) + Delta("", 2);
    public decimal GeneralSpend => Spend[FundSource.General];
    public decimal GeneralBasic => Lines(FundSource.General).Sum(l => l.Basic) + (AllIn(FundSource.General) ? Delta("", 1) : 0);
    public decimal GeneralProject => Lines(FundSource.General).Sum(l => l.Project) + (AllIn(FundSource.General) ? Delta("", 2) : 0);
    public decimal Personnel => Data.Economic.Where(e => CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount) + Given.EconomicDelta(true);
    public decimal Public => Data.Economic.Where(e => !CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount) + Given.EconomicDelta(false);

    private bool AllIn(params FundSource[] sources) => Data.Expenditure.All(l => sources.Contains(l.Source));

    private Dictionary<string, decimal[]>? _deltas;

    /// <summary>
    /// Printed − computed for a 类, 款 or 合计 ("") of all sources, per [合计, 基本, 项目]: the 尾差 of the totals the data
    /// gives (<see cref="GivenTotals"/>), and of the totals above them, which are the sums of their printed parts.
    /// </summary>
    private decimal Delta(string code, int column)
    {
        if (_deltas is null)
        {
            _deltas = new(StringComparer.Ordinal);
            if (Data.Totals is { Count: > 0 })
            {
                var tree = Tree(Data.Expenditure.Select(l => (l.Code, new[] { l.Total, l.Basic, l.Project })), 3);
                var total = new decimal[3];
                foreach (var r in tree.Where(r => r.Code.Length == 3)) for (int i = 0; i < 3; i++) total[i] += r.Values[i];
                var rows = tree.Select(r => (r.Code, r.Values)).Append(("", total)).ToList();
                Measure[] measures = [Measure.Total, Measure.Basic, Measure.Project];
                var printed = GivenTotals.Printed(rows, (c, i, v) => Given.Function(c, measures[i], v));
                foreach (var (c, v) in rows) _deltas[c] = printed[c].Select((p, i) => p - v[i]).ToArray();
            }
        }
        return _deltas.TryGetValue(code, out var d) ? d[column] : 0;
    }

    public IEnumerable<FunctionLine> Lines(params FundSource[] sources) => Data.Expenditure.Where(l => sources.Length == 0 || sources.Contains(l.Source));

    /// <summary>Spending of one class (3-digit code) from the given sources.</summary>
    public decimal ClassSpend(string cls, params FundSource[] sources)
    {
        var lines = Lines(sources).Where(l => l.Code.StartsWith(cls, StringComparison.Ordinal)).ToList();
        // printed with the 尾差 of the given totals when the sources hold every line of the class
        bool all = lines.Count == Data.Expenditure.Count(l => l.Code.StartsWith(cls, StringComparison.Ordinal));
        return lines.Sum(l => l.Total) + (all ? Delta(cls, 0) : 0);
    }

    /// <summary>Classes that carry money in the given sources, in code order.</summary>
    public List<string> Classes(params FundSource[] sources) =>
        Lines(sources).Select(l => l.Code[..3]).Distinct().Order(StringComparer.Ordinal).ToList();

    public string ClassName(string cls) =>
        CompileCatalog.Name(cls, CodeScheme.Function, Year) ?? Gongkai.Compile.ClassNames.Fallback(cls);

    public string NameOf(string code) => Names.TryGetValue(code, out var n) ? n : CompileCatalog.Name(code, CodeScheme.Function, Year) ?? code;

    public string EconName(string code) => EconNames.TryGetValue(code, out var n) ? n : CompileCatalog.Name(code, CodeScheme.DepartmentEconomic, Year) ?? code;

    /// <summary>类 → 款 → 项 rows (parents before children, code order) with the values summed upward.</summary>
    public List<TreeRow> Tree(IEnumerable<(string Code, decimal[] Values)> leaves, int width)
    {
        var sums = new SortedDictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var (code, values) in leaves)
        {
            foreach (var key in new[] { code[..3], code[..5], code })
            {
                if (!sums.TryGetValue(key, out var acc)) sums[key] = acc = new decimal[width];
                for (int i = 0; i < width; i++) acc[i] += values[i];
            }
        }
        return sums.Select(kv => new TreeRow(kv.Key, kv.Key.Length == 7 ? NameOf(kv.Key) : CompileCatalog.Name(kv.Key, CodeScheme.Function, Year) ?? kv.Key, kv.Value)).ToList();
    }

    /// <summary>Economic 类 → 款 rows of 基本支出 (一般公共预算), with 合计 | 人员经费 | 公用经费.</summary>
    public List<TreeRow> EconTree()
    {
        var sums = new SortedDictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var e in Data.Economic)
        {
            bool personnel = CompileCatalog.IsPersonnel(e.Code);
            foreach (var key in new[] { e.Code[..3], e.Code })
            {
                if (!sums.TryGetValue(key, out var acc)) sums[key] = acc = new decimal[3];
                acc[0] += e.Amount;
                acc[personnel ? 1 : 2] += e.Amount;
            }
        }
        return sums.Select(kv => new TreeRow(kv.Key, kv.Key.Length == 5 ? EconName(kv.Key) : CompileCatalog.Name(kv.Key, CodeScheme.DepartmentEconomic, Year) ?? kv.Key, kv.Value)).ToList();
    }

    public decimal Econ(string code) => Data.Economic.Where(e => e.Code.StartsWith(code, StringComparison.Ordinal)).Sum(e => e.Amount);
}

internal static class ClassNames
{
    public static string Fallback(string cls) => cls switch
    {
        "201" => "一般公共服务支出", "202" => "外交支出", "203" => "国防支出", "204" => "公共安全支出", "205" => "教育支出",
        "206" => "科学技术支出", "207" => "文化旅游体育与传媒支出", "208" => "社会保障和就业支出", "210" => "卫生健康支出",
        "211" => "节能环保支出", "212" => "城乡社区支出", "213" => "农林水支出", "214" => "交通运输支出", "215" => "资源勘探工业信息等支出",
        "216" => "商业服务业等支出", "217" => "金融支出", "219" => "援助其他地区支出", "220" => "自然资源海洋气象等支出",
        "221" => "住房保障支出", "222" => "粮油物资储备支出", "223" => "国有资本经营预算支出", "224" => "灾害防治及应急管理支出",
        "229" => "其他支出", "231" => "债务还本支出", "232" => "债务付息支出", "234" => "抗疫特别国债安排的支出",
        _ => cls,
    };
}
