using Gongkai.Compile;

namespace Gongkai.Tests.Compile;

/// <summary>
/// The regional inputs added to <see cref="RandomData"/> sometimes, from a random stream of their own (so the base data
/// of a seed does not change): 单位预留机动经费 (Jiangsu 预算), 机关运行经费 by 款, 固定资产 holdings.
/// </summary>
public static class RandomRegionalData
{
    public static void Add(DisclosureData d, int seed)
    {
        var r = new Random(seed * 7919 + 11);
        decimal Money(decimal max) => Math.Round((decimal)r.NextDouble() * max, 2);

        // 单位预留机动经费 on one or two 项 lines of the Jiangsu budget
        if (!d.IsFinal && d.Profile == "jiangsu" && r.NextDouble() < 0.6)
            foreach (var l in d.Expenditure.OrderBy(_ => r.Next()).Take(r.Next(1, 3)))
            {
                l.Reserve = Money(150) + 0.01m;
                // income by function (when given) covers the reserve too
                if (d.RevenueByFunction?.FirstOrDefault(x => x.Code == l.Code && x.Source == l.Source) is { } rev) rev.Amount += l.Reserve;
            }

        // 机关运行经费 by 款: a share of each 公用经费 款 of 基本支出, the amount set to their sum
        if (d.OperatingCosts is { } oc && r.NextDouble() < 0.6)
        {
            var lines = d.Economic.Where(e => !CompileCatalog.IsPersonnel(e.Code) && e.Amount > 0)
                .Select(e => new EconomicLine { Code = e.Code, Amount = Math.Round(e.Amount * (decimal)r.NextDouble(), 2) })
                .Where(e => e.Amount > 0).ToList();
            if (lines.Count > 0)
            {
                oc.ByEconomic = lines;
                oc.Amount = lines.Sum(e => e.Amount);
                if (oc.Administrative is not null || oc.CivilServiceInstitutions is not null)
                {
                    oc.Administrative = Math.Round(oc.Amount * (decimal)r.NextDouble(), 2);
                    oc.CivilServiceInstitutions = oc.Amount - oc.Administrative;
                }
            }
        }

        // 公用经费 by 功能 项 (Hubei 预算05/06 split 基本支出 into 人员经费 | 公用经费): the economic 公用经费 laid over the
        // 一般公共预算 lines in order, each line taking at most its 基本支出
        if (!d.IsFinal && d.Profile == "hubei") LayPublic(d);

        // 固定资产 holdings (printed in the Hebei budget)
        HoldingsOf(d, r, Money);
    }

    /// <summary>
    /// 公用经费 by 功能 项: the economic 公用经费 laid over the 一般公共预算 lines in order, each line taking at most its 基本支出
    /// (a 预算 only; data that gives it already is left as it is).
    /// </summary>
    public static void LayPublic(DisclosureData d)
    {
        if (d.IsFinal || d.Expenditure.Any(l => l.Public is not null)) return;
        var left = d.Economic.Where(e => !CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount);
        foreach (var l in d.Expenditure.Where(l => l.Source == FundSource.General))
        {
            l.Public = Math.Min(l.Basic, left);
            left -= l.Public.Value;
        }
    }

    private static void HoldingsOf(DisclosureData d, Random r, Func<decimal, decimal> Money)
    {
        if (d.Assets is { } a && r.NextDouble() < 0.6)
        {
            a.BuildingArea = Money(3000);
            a.BuildingValue = Money(900);
            a.OfficeArea = Math.Round(a.BuildingArea * (decimal)r.NextDouble(), 2);
            a.OfficeValue = Math.Round(a.BuildingValue * (decimal)r.NextDouble(), 2);
            a.VehicleValue = a.Vehicles.Values.Sum() > 0 ? Money(80) : 0m;
            a.EquipmentValue = a.Equipment > 0 ? Money(100) + 20m : 0m;
            a.OtherCount = r.Next(0, 300);
            a.OtherValue = a.OtherCount > 0 ? Money(200) : 0m;
            if (!a.HasHoldings) a.OtherValue = 0.01m;
        }
    }
}
