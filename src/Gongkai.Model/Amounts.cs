namespace Gongkai.Model;

/// <summary>What a number measures. Money keeps the unit the document states.</summary>
public enum ValueUnit
{
    /// <summary>万元 — the usual unit of disclosure tables.</summary>
    WanYuan,
    /// <summary>元 — e.g. 绩效自评 tables, Shanghai budget tables.</summary>
    Yuan,
    /// <summary>A percentage, stored as printed (16.47 for 16.47%).</summary>
    Percent,
    /// <summary>A count (辆, 人, 批次, 个 …).</summary>
    Count,
    /// <summary>Anything else (indicator values with free units).</summary>
    Other,
}

/// <summary>How a cell was filled.</summary>
public enum FigureKind
{
    /// <summary>A printed number.</summary>
    Number,
    /// <summary>An empty cell (commonly meaning zero).</summary>
    Blank,
    /// <summary>A dash such as "—" meaning "not applicable" (e.g. 预算数 of a statistic in CQ 公开09).</summary>
    NotApplicable,
}

/// <summary>
/// One number as printed in a disclosure: exact decimal value, printed scale (decimals), unit,
/// and where it came from. Conversions between 元 and 万元 are explicit.
/// </summary>
public sealed record Figure(decimal Value, int Scale, ValueUnit Unit, FigureKind Kind, Provenance Source)
{
    public bool IsNumber => Kind == FigureKind.Number;

    /// <summary>Half a unit of the last printed digit: the largest rounding error of this single figure.</summary>
    public decimal HalfUnit => Rounding.HalfUnit(Scale);

    public static Figure Blank(ValueUnit unit, Provenance source) => new(0m, 2, unit, FigureKind.Blank, source);

    /// <summary>This money figure expressed in 万元 (元 ÷ 10000). Scale grows by 4 so no precision is lost.</summary>
    public Figure ToWanYuan() => Unit switch
    {
        ValueUnit.WanYuan => this,
        ValueUnit.Yuan => this with { Value = Value / 10000m, Scale = Scale + 4, Unit = ValueUnit.WanYuan },
        _ => throw new InvalidOperationException($"不是金额：{Unit}"),
    };

    /// <summary>This money figure expressed in 元 (万元 × 10000).</summary>
    public Figure ToYuan() => Unit switch
    {
        ValueUnit.Yuan => this,
        ValueUnit.WanYuan => this with { Value = Value * 10000m, Scale = Math.Max(0, Scale - 4), Unit = ValueUnit.Yuan },
        _ => throw new InvalidOperationException($"不是金额：{Unit}"),
    };

    public override string ToString() => Kind switch
    {
        FigureKind.Blank => "(空)",
        FigureKind.NotApplicable => "—",
        _ => Value.ToString("F" + Math.Min(Scale, 8), System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The one rounding (尾差) policy of Gongkai. Printed amounts are rounded independently, so a sum of
/// n printed parts may differ from the printed total by up to (n + 1) half-units of the last digit.
/// Differences inside that envelope are 尾差; outside it they are errors. No rule has its own epsilon.
/// </summary>
public static class Rounding
{
    /// <summary>Half a unit of the last printed digit: 0.005 for 2 decimals.</summary>
    public static decimal HalfUnit(int scale)
    {
        decimal unit = 1m;
        for (int i = 0; i < scale; i++) unit /= 10m;
        return unit / 2m;
    }

    /// <summary>
    /// The largest difference that rounding alone can explain between a printed total and the sum of its
    /// printed parts: the total and every part each carry at most half a unit.
    /// </summary>
    public static decimal SumEnvelope(int partCount, int scale = 2) => (partCount + 1) * HalfUnit(scale);

    /// <summary>Envelope for two printed figures that should be equal (the same quantity printed twice).</summary>
    public static decimal EqualityEnvelope(int scale = 2) => 2 * HalfUnit(scale);

    /// <summary>
    /// Envelope for one quantity printed twice at different precisions (a table figure to 2 decimals and a
    /// narrative figure to whole 万元): each print carries at most half a unit of its own last digit.
    /// </summary>
    public static decimal EqualityEnvelope(int scaleA, int scaleB) => HalfUnit(scaleA) + HalfUnit(scaleB);

    /// <summary>
    /// The range a percentage p = part ÷ whole × 100 can take when part and whole are printed rounded to
    /// <paramref name="scale"/> decimals, widened by half a unit of the printed percentage.
    /// </summary>
    public static (decimal Low, decimal High) PercentRange(decimal part, decimal whole, int scale = 2, int percentScale = 2)
    {
        var h = HalfUnit(scale);
        var hp = HalfUnit(percentScale);
        decimal lo = decimal.MaxValue, hi = decimal.MinValue;
        foreach (var dp in new[] { -h, h })
        foreach (var dw in new[] { -h, h })
        {
            var w = whole + dw;
            if (w <= 0) continue;
            var v = (part + dp) / w * 100m;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (lo == decimal.MaxValue) return (decimal.MinValue, decimal.MaxValue);
        return (lo - hp, hi + hp);
    }

    /// <summary>
    /// The range an average q = amount ÷ count × factor can take when the amount is printed rounded to
    /// <paramref name="scale"/> decimals and the count is exact, widened by half a unit of the printed average
    /// (人均接待费 = 接待费 ÷ 接待人次; factor 10000 turns 万元 into 元).
    /// </summary>
    public static (decimal Low, decimal High) QuotientRange(decimal amount, decimal count, decimal factor = 1m, int scale = 2, int resultScale = 2)
    {
        if (count <= 0) return (decimal.MinValue, decimal.MaxValue);
        var h = HalfUnit(scale);
        var hr = HalfUnit(resultScale);
        return ((amount - h) / count * factor - hr, (amount + h) / count * factor + hr);
    }

    /// <summary>Half-up rounding to a number of decimals (the convention of the documents).</summary>
    public static decimal HalfUp(decimal value, int scale) => Math.Round(value, scale, MidpointRounding.AwayFromZero);
}
