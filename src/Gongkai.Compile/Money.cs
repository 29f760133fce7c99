using System.Globalization;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>Number formatting and the percentage conventions of the package (half-up, 2 decimals; largest remainder for shares).</summary>
public static class Money
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Table cell: thousands separators, 2 decimals ("3,925.66"); an amount given to the fen in 万元 (more than 2 decimals,
    /// for a table printed in 元) keeps every decimal, so that nothing is rounded before the unit is converted.
    /// </summary>
    public static string Cell(decimal v) => v.ToString("#,##0.00####", Inv);

    /// <summary>Whether an amount has at most the given number of decimals.</summary>
    public static bool HasAtMostDecimals(decimal v, int decimals) => decimal.Round(v, decimals) == v;

    /// <summary>Narrative amount: no separators, 2 decimals ("3925.66").</summary>
    public static string Text(decimal v) => v.ToString("0.00", Inv);

    public static string Pct(decimal v) => v.ToString("0.00", Inv);

    /// <summary>part ÷ whole × 100, half-up to 2 decimals; null when the whole is 0.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : Rounding.HalfUp(part / whole * 100m, 2);

    /// <summary>
    /// Shares of parts of a whole, in percent with 2 decimals: half-up each; when the rounded shares do not add up to
    /// 100.00, largest remainder (Hamilton) instead — but only where every share it moves stays inside the range that
    /// the printed amounts allow (<see cref="Rounding.PercentRange"/>), so a reader re-computing a share from the
    /// printed figures never finds it wrong. Otherwise the half-up shares stand.
    /// </summary>
    public static decimal[] Shares(IReadOnlyList<decimal> parts)
    {
        var whole = parts.Sum();
        if (whole == 0) return parts.Select(_ => 0m).ToArray();
        var exact = parts.Select(p => p / whole * 10000m).ToArray(); // in hundredths of a percent
        var halfUp = exact.Select(e => Math.Round(e, 0, MidpointRounding.AwayFromZero) / 100m).ToArray();
        if (halfUp.Sum() == 100m || parts.Any(p => p < 0)) return halfUp;
        var floor = exact.Select(Math.Floor).ToArray();
        var left = 10000m - floor.Sum();
        foreach (var i in Enumerable.Range(0, parts.Count).OrderByDescending(i => exact[i] - floor[i]).ThenBy(i => i))
        {
            if (left <= 0) break;
            floor[i] += 1m;
            left -= 1m;
        }
        var lr = floor.Select(f => f / 100m).ToArray();
        for (int i = 0; i < lr.Length; i++)
        {
            if (lr[i] == halfUp[i]) continue;
            var (lo, hi) = Rounding.PercentRange(parts[i], whole);
            if (lr[i] < lo || lr[i] > hi) return halfUp;
        }
        return lr;
    }

    public static bool HasAtMostTwoDecimals(decimal v) => HasAtMostDecimals(v, 2);
}
