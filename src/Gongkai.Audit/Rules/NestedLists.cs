using Gongkai.Model;

namespace Gongkai.Audit.Rules;

internal static class NestedLists
{
    /// <summary>True when some row equals the sum of at least two rows right below it (a subtotal of a nested list).</summary>
    internal static bool HasSubtotalRows(IReadOnlyList<decimal> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] <= 0m) continue;
            decimal run = 0m;
            for (int j = i + 1; j < values.Count; j++)
            {
                run += values[j];
                if (j - i >= 2 && Math.Abs(run - values[i]) <= Rounding.HalfUnit(2) * (j - i + 1)) return true;
                if (run > values[i]) break;
            }
        }
        return false;
    }
}
