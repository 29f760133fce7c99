using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// Totals the data gives (<see cref="DisclosureData.Totals"/>, <see cref="DisclosureData.EconomicTotals"/>): the official
/// system rounds every cell from 元 on its own, so a printed 类, 款 or 合计 may differ from the sum of its printed parts by
/// a 尾差. A given total is printed as given wherever a table sums exactly the parts it stands for, when it is within the
/// 尾差 of <see cref="Rounding.SumEnvelope"/> for its number of parts; outside that the data is refused (unless forced).
/// Totals the data leaves out are computed.
/// </summary>
public sealed class GivenTotals
{
    private readonly DisclosureData _d;
    private readonly Dictionary<string, GivenTotal> _function = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _economic = new(StringComparer.Ordinal);

    public GivenTotals(DisclosureData d)
    {
        _d = d;
        foreach (var g in d.Totals ?? []) _function[Key(g.Code)] = g;
        foreach (var (code, v) in d.EconomicTotals ?? []) _economic[Key(code)] = v;
    }

    private static string Key(string code) => code.Trim() is "" or GivenTotal.GrandTotal or "total" ? GivenTotal.GrandTotal : code.Trim();

    /// <summary>True when some given total differs from the sum of its printed parts (a 尾差 is printed): the tables need the 尾数 note.</summary>
    public bool AnyRoundingDifference
    {
        get
        {
            if (_any is null) { _any = false; Check([]); }
            return _any.Value;
        }
    }
    private bool? _any;

    private IEnumerable<FunctionLine> Under(string code) =>
        code == GivenTotal.GrandTotal ? _d.Expenditure : _d.Expenditure.Where(l => l.Code.StartsWith(code, StringComparison.Ordinal));

    private static decimal Part(FunctionLine l, Measure m) => m switch { Measure.Basic => l.Basic, Measure.Project => l.Project, _ => l.Total };

    /// <summary>The sum the builder computes for a function code (all sources).</summary>
    private decimal Computed(string code, Measure m) => Under(code).Sum(l => Part(l, m));

    private static decimal? Of(GivenTotal g, Measure m) => m switch { Measure.Basic => g.Basic, Measure.Project => g.Project, _ => g.Total };

    /// <summary>The printed value of a function row (given or computed), all sources.</summary>
    private decimal Printed(string code, Measure m) =>
        _function.TryGetValue(code, out var g) && Of(g, m) is { } v ? v : Computed(code, m);

    /// <summary>The parts of a function total as printed: 类 → its 款, 款 → its 项, 合计 → its 类.</summary>
    private List<decimal> Parts(string code, Measure m)
    {
        var lines = Under(code).ToList();
        var children = code == GivenTotal.GrandTotal ? lines.Select(l => l.Code[..3])
            : code.Length == 3 ? lines.Select(l => l.Code[..5]) : lines.Select(l => l.Code);
        return children.Distinct().Select(c => c.Length == 7 ? lines.Where(l => l.Code == c).Sum(l => Part(l, m)) : Printed(c, m)).ToList();
    }

    private decimal EconPrinted(string code) =>
        _economic.TryGetValue(code, out var v) ? v : _d.Economic.Where(e => e.Code.StartsWith(code, StringComparison.Ordinal)).Sum(e => e.Amount);

    private List<decimal> EconParts(string code) => code == GivenTotal.GrandTotal
        ? _d.Economic.Select(e => e.Code[..3]).Distinct().Select(EconPrinted).ToList()
        : _d.Economic.Where(e => e.Code.StartsWith(code, StringComparison.Ordinal)).Select(e => e.Amount).ToList();

    /// <summary>
    /// The value a cell prints (null: not given, computed): the given total of <paramref name="code"/> when the cell's computed value sums the same parts
    /// (equals what the builder computes for the code from all sources), the computed value otherwise. Columns other than
    /// 基本/项目支出 (合计, income columns) take the given 合计 of the line.
    /// </summary>
    public decimal? Function(string code, Measure column, decimal computed)
    {
        var m = column is Measure.Basic or Measure.Project ? column : Measure.Total;
        var key = code.Length == 0 ? GivenTotal.GrandTotal : code;
        if (!_function.TryGetValue(key, out var g) || Of(g, m) is not { } v) return null;
        return computed == Computed(key, m) ? v : null;
    }

    /// <summary>The given value an economic 类 (or 合计, code empty) prints, or null; as <see cref="Function"/>.</summary>
    public decimal? Economic(string code, decimal computed)
    {
        var key = code.Length == 0 ? GivenTotal.GrandTotal : code;
        if (!_economic.TryGetValue(key, out var v)) return null;
        var sum = key == GivenTotal.GrandTotal ? _d.Economic.Sum(e => e.Amount) : EconSum(key);
        return computed == sum ? v : null;
    }

    /// <summary>
    /// The printed values of a tree of rows (codes of 3, 5 and 7 digits, "" for 合计; computed values per column): a row
    /// whose total the data gives prints it (<paramref name="given"/> returns null otherwise); any other
    /// parent prints its computed value moved by the differences printed in its children, i.e. the sum of its printed parts.
    /// </summary>
    public static Dictionary<string, decimal[]> Printed(IEnumerable<(string Code, decimal[] Values)> rows, Func<string, int, decimal, decimal?> given)
    {
        var list = rows.ToList();
        var printed = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        var delta = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        static string? Parent(string code) => code.Length switch { 0 => null, <= 3 => "", 5 => code[..3], _ => code[..5] };
        // deepest rows first, so that every parent sees its children's differences
        foreach (var (code, values) in list.OrderByDescending(r => r.Code.Length))
        {
            var d = delta.GetValueOrDefault(code) ?? new decimal[values.Length];
            var p = new decimal[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                p[i] = (code.Length == 7 ? null : given(code, i, values[i])) ?? values[i] + d[i];
            }
            printed[code] = p;
            if (Parent(code) is { } parent && list.Any(r => r.Code == parent))
            {
                if (!delta.TryGetValue(parent, out var pd)) delta[parent] = pd = new decimal[values.Length];
                for (int i = 0; i < values.Length; i++) pd[i] += p[i] - values[i];
            }
        }
        return printed;
    }

    /// <summary>The 尾差 the given economic 类 totals add to 人员经费 (or 公用经费): given − computed, over the 类 given.</summary>
    public decimal EconomicDelta(bool personnel) => _economic
        .Where(kv => kv.Key != GivenTotal.GrandTotal && CompileCatalog.IsPersonnel(kv.Key) == personnel)
        .Sum(kv => kv.Value - EconSum(kv.Key));

    private decimal EconSum(string code) => _d.Economic.Where(e => e.Code.StartsWith(code, StringComparison.Ordinal)).Sum(e => e.Amount);

    /// <summary>Every given total against the sum of its printed parts: 错误 outside 尾差, each naming the line, given, sum and difference.</summary>
    public void Check(List<DataIssue> issues)
    {
        int decimals = DataValidator.TableDecimals(_d);
        foreach (var (key, g) in _function)
        {
            bool grand = key == GivenTotal.GrandTotal;
            if (!grand && (key.Length is not (3 or 5) || !key.All(char.IsAsciiDigit)))
            {
                issues.Add(new(IssueSeverity.Error, $"totals[{g.Code}]", $"给定的合计数只能填写在支出功能分类的“类”（3 位）或“款”（5 位）编码或“合计”上，实为“{g.Code}”。"));
                continue;
            }
            var label = grand ? "合计" : $"{key} {CompileCatalog.Name(key, CodeScheme.Function, _d.Year) ?? key}";
            if (!Under(key).Any())
            {
                issues.Add(new(IssueSeverity.Error, $"totals[{g.Code}]", $"给定了{label}的合计数，但没有属于它的支出科目。"));
                continue;
            }
            foreach (var (m, name) in new[] { (Measure.Total, "合计"), (Measure.Basic, "基本支出"), (Measure.Project, "项目支出") })
            {
                if (Of(g, m) is not { } given) continue;
                DataValidator.Amount(issues, $"totals[{g.Code}].{name}", given, decimals);
                Compare(issues, $"totals[{g.Code}]", $"{label}的{name}", given, Parts(key, m));
            }
        }
        foreach (var (key, given) in _economic)
        {
            bool grand = key == GivenTotal.GrandTotal;
            if (!grand && (key.Length != 3 || !key.All(char.IsAsciiDigit)))
            {
                issues.Add(new(IssueSeverity.Error, $"economicTotals[{key}]", $"给定的经济分类合计数只能填写在“类”（3 位）编码或“合计”上，实为“{key}”。"));
                continue;
            }
            var parts = EconParts(key);
            var label = grand ? "基本支出（经济分类）合计" : $"经济分类 {key} {CompileCatalog.Name(key, CodeScheme.DepartmentEconomic, _d.Year) ?? key}";
            if (parts.Count == 0)
            {
                issues.Add(new(IssueSeverity.Error, $"economicTotals[{key}]", $"给定了{label}的合计数，但没有属于它的经济分类科目。"));
                continue;
            }
            DataValidator.Amount(issues, $"economicTotals[{key}]", given, decimals);
            Compare(issues, $"economicTotals[{key}]", label, given, parts);
        }
    }

    private void Compare(List<DataIssue> issues, string field, string label, decimal given, List<decimal> parts)
    {
        var sum = parts.Sum();
        var diff = given - sum;
        if (diff == 0) return;
        var envelope = Rounding.SumEnvelope(parts.Count);
        if (Math.Abs(diff) <= envelope) { _any = true; return; }
        issues.Add(new(IssueSeverity.Error, field,
            $"{label}给定为 {Money.Text(given)} 万元，其 {parts.Count} 个分项之和为 {Money.Text(sum)} 万元，差 {Money.Text(diff)} 万元，超出尾差范围（±{envelope.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} 万元）。请核对合计数或分项。"));
    }
}
