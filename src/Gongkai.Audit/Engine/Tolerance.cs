using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>Outcome of a comparison under the 尾差 policy.</summary>
public enum Verdict
{
    /// <summary>Exactly as expected.</summary>
    Match,
    /// <summary>Off, but within what independent rounding of the printed figures can explain (尾差).</summary>
    Rounding,
    /// <summary>Off by more than rounding can explain.</summary>
    Mismatch,
}

/// <summary>A value expected by an identity, the value printed, and the 尾差 envelope allowed between them.</summary>
public readonly record struct Comparison(decimal Expected, decimal Found, decimal Envelope, Verdict Verdict)
{
    public decimal Difference => Found - Expected;
}

/// <summary>
/// The comparison helpers every rule uses. They apply the one 尾差 policy of <see cref="Rounding"/>:
/// n-term sums get <see cref="Rounding.SumEnvelope"/>, two prints of one quantity get
/// <see cref="Rounding.EqualityEnvelope"/>, percentages get <see cref="Rounding.PercentRange"/>.
/// No rule passes its own epsilon.
/// </summary>
public static class Tolerance
{
    /// <summary>The scale assumed when nothing says otherwise (tables print 2 decimals).</summary>
    public const int MinimumScale = 2;

    /// <summary>
    /// The printed scale to use for a set of figures: the coarsest scale among the non-zero printed numbers
    /// (a printed "0" or a blank is an exact zero and does not widen the envelope); 2 when there is none.
    /// </summary>
    public static int ScaleOf(IEnumerable<Figure?> figures)
    {
        var scales = figures.Where(f => f is { IsNumber: true } && f.Value != 0m).Select(f => f!.Scale).ToList();
        return scales.Count == 0 ? MinimumScale : scales.Min();
    }

    /// <summary>
    /// Scale of a narrative amount or percentage: the decimals it was printed with. Prose rounds figures to the
    /// precision the author chose ("5,707万元" for 5707.43; "下降23.4%" for 23.42%), so a figure is judged at
    /// half a unit of its own last printed digit, never at a precision it does not claim.
    /// </summary>
    public static int NarrativeScale(int printedScale) => Math.Max(printedScale, 0);

    private static Verdict Judge(decimal diff, decimal envelope) =>
        diff == 0m ? Verdict.Match : Math.Abs(diff) <= envelope ? Verdict.Rounding : Verdict.Mismatch;

    /// <summary>A printed total against the sum of its printed parts.</summary>
    public static Comparison Sum(decimal found, IReadOnlyCollection<decimal> parts, int scale = MinimumScale)
    {
        var expected = parts.Sum();
        var env = Rounding.SumEnvelope(parts.Count, scale);
        return new Comparison(expected, found, env, Judge(found - expected, env));
    }

    /// <summary>A printed total figure against its printed part figures (blank or missing parts count as 0).</summary>
    public static Comparison Sum(Figure? total, IReadOnlyCollection<Figure?> parts)
    {
        var scale = ScaleOf(parts.Append(total));
        return Sum(total?.Value ?? 0m, parts.Select(p => p is { IsNumber: true } ? p.Value : 0m).ToList(), scale);
    }

    /// <summary>Σ printed parts against a known total (e.g. shares against 100%): Expected = total, Found = Σ parts.</summary>
    public static Comparison SumTo(decimal total, IReadOnlyCollection<decimal> parts, int scale = MinimumScale)
    {
        var found = parts.Sum();
        var env = Rounding.SumEnvelope(parts.Count, scale);
        return new Comparison(total, found, env, Judge(found - total, env));
    }

    /// <summary>The same quantity printed twice (in two tables, or table and narrative).</summary>
    public static Comparison Equal(decimal expected, decimal found, int scale = MinimumScale)
    {
        var env = Rounding.EqualityEnvelope(scale);
        return new Comparison(expected, found, env, Judge(found - expected, env));
    }

    /// <summary>
    /// One quantity printed twice at different precisions (a table figure and the narrative that restates it, or
    /// two narrative statements): Match when the coarser print is the half-up rounding of the finer one; 尾差 when
    /// the difference is within the two half-units (<see cref="Rounding.EqualityEnvelope(int, int)"/>).
    /// </summary>
    public static Comparison Printed(decimal expected, int expectedScale, decimal found, int foundScale)
    {
        // one unit of the coarser printed scale is 尾差 even when one side is exact (a table in 元 against a narrative in
        // 万元 computed from other rounded figures: 10429.8313 printed as 10429.84), as for two printed figures
        var env = Math.Max(Rounding.EqualityEnvelope(expectedScale, foundScale), Rounding.EqualityEnvelope(Math.Min(expectedScale, foundScale)));
        var diff = found - expected;
        Verdict verdict;
        if (diff == 0m) verdict = Verdict.Match;
        else if (foundScale < expectedScale && found == Rounding.HalfUp(expected, foundScale)) verdict = Verdict.Match;
        else if (expectedScale < foundScale && expected == Rounding.HalfUp(found, expectedScale)) verdict = Verdict.Match;
        else verdict = Math.Abs(diff) <= env ? Verdict.Rounding : Verdict.Mismatch;
        return new Comparison(expected, found, env, verdict);
    }

    public static Comparison Equal(Figure expected, Figure found) =>
        Equal(expected.IsNumber ? expected.Value : 0m, found.IsNumber ? found.Value : 0m, ScaleOf(new[] { expected, found }));

    /// <summary>
    /// A value computed by a formula from printed figures (a score, a coefficient) against the printed value.
    /// The printed value carries one rounding at its own scale; expected is the exact formula result.
    /// </summary>
    public static Comparison Derived(decimal exact, decimal found, int foundScale = MinimumScale)
    {
        var env = Rounding.EqualityEnvelope(foundScale);
        var expected = Rounding.HalfUp(exact, Math.Max(foundScale, 0));
        var verdict = found == expected ? Verdict.Match : Math.Abs(found - exact) <= env ? Verdict.Rounding : Verdict.Mismatch;
        return new Comparison(expected, found, env, verdict);
    }

    /// <summary>
    /// A stated percentage against part ÷ whole × 100 recomputed from the printed amounts. Expected is the
    /// half-up value at the stated percentage's printed precision (<paramref name="percentScale"/>); anything inside
    /// <see cref="Rounding.PercentRange"/> is 尾差.
    /// </summary>
    public static Comparison Percent(decimal stated, decimal part, decimal whole, int amountScale = MinimumScale, int percentScale = 2)
    {
        // expected is printed at the stated percentage's own precision (19.1% for 19.13%; 100% for 99.6%)
        var expected = whole == 0m ? 0m : Rounding.HalfUp(part / whole * 100m, Math.Max(percentScale, 0));
        var (lo, hi) = Rounding.PercentRange(part, whole, amountScale, percentScale);
        var verdict = stated == expected ? Verdict.Match : stated >= lo && stated <= hi ? Verdict.Rounding : Verdict.Mismatch;
        var env = lo == decimal.MinValue ? decimal.MaxValue : Math.Max(expected - lo, hi - expected);
        return new Comparison(expected, stated, env, verdict);
    }

    /// <summary>
    /// A share of a list whose printed shares add up to exactly 100 may have been moved by one unit of its last printed
    /// digit so that they do (JS18B prints 10.61% for 10.604%; a list printed at one decimal may print 1.4% for 1.45%):
    /// such a share is 尾差, not a mismatch. Outside a list that adds up to 100 nothing changes.
    /// </summary>
    public static Comparison AllowHundredAdjustment(Comparison c, int percentScale, IReadOnlyCollection<decimal> listShares)
    {
        if (c.Verdict != Verdict.Mismatch || listShares.Count < 2 || listShares.Sum() != 100m) return c;
        var unit = Unit(percentScale);
        var exact = Math.Abs(c.Found - c.Expected);
        return exact <= unit ? c with { Verdict = Verdict.Rounding, Envelope = Math.Max(c.Envelope, unit) } : c;
    }

    private static decimal Unit(int scale)
    {
        var u = 1m;
        for (int i = 0; i < Math.Max(scale, 0); i++) u /= 10m;
        return u;
    }

    /// <summary>
    /// A stated average against amount ÷ count × factor recomputed from a printed amount and an exact count; anything
    /// inside <see cref="Rounding.QuotientRange"/> is 尾差.
    /// </summary>
    public static Comparison Quotient(decimal stated, decimal amount, decimal count, decimal factor, int amountScale = MinimumScale, int statedScale = 2)
    {
        var expected = count == 0m ? 0m : Rounding.HalfUp(amount / count * factor, Math.Max(statedScale, 2));
        var (lo, hi) = Rounding.QuotientRange(amount, count, factor, amountScale, statedScale);
        var verdict = stated == expected ? Verdict.Match : stated >= lo && stated <= hi ? Verdict.Rounding : Verdict.Mismatch;
        var env = lo == decimal.MinValue ? decimal.MaxValue : Math.Max(expected - lo, hi - expected);
        return new Comparison(expected, stated, env, verdict);
    }

    /// <summary>found ≤ limit, allowing the equality envelope (used for 中小企业 ≤ 合计, F5 ≤ F3 …).</summary>
    public static Comparison AtMost(decimal found, decimal limit, int scale = MinimumScale)
    {
        var env = Rounding.EqualityEnvelope(scale);
        var over = found - limit;
        var verdict = over <= 0m ? Verdict.Match : over <= env ? Verdict.Rounding : Verdict.Mismatch;
        return new Comparison(limit, found, env, verdict);
    }

    /// <summary>Format an amount or percentage the way documents print it (2 decimals, more when needed).</summary>
    public static string Format(decimal value) => value.ToString("0.00####", CultureInfo.InvariantCulture);

    /// <summary>Signed difference: "+0.01" / "-3.00".</summary>
    public static string FormatSigned(decimal value) => (value > 0 ? "+" : "") + Format(value);
}
