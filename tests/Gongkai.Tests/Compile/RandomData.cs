using System.Globalization;
using Gongkai.Catalogs;
using Gongkai.Compile;
using Gongkai.Model;

namespace Gongkai.Tests.Compile;

/// <summary>
/// A seeded generator of consistent <see cref="DisclosureData"/>: random kind, year, profile, function lines over
/// catalog codes and fund sources, economic breakdown adding up to 基本支出, carry-over with matching income, 三公,
/// 机关运行经费, 采购 and assets that respect the cross-table relations. Same seed, same data.
/// </summary>
public static class RandomData
{
    private static readonly Lazy<string[]> FunctionItems = new(() => ClassificationCatalog.BuiltIn.AllEntries(CodeScheme.Function)
        .Where(e => e.Level == CodeLevel.Item && e.Verified).Select(e => e.Code.Value).Distinct().Order(StringComparer.Ordinal).ToArray());

    /// <summary>Economic 款 that no cross-table rule ties to 三公 / 会议费 / 培训费 / 差旅费.</summary>
    private static readonly Lazy<string[]> EconItems = new(() => ClassificationCatalog.BuiltIn.AllEntries(CodeScheme.DepartmentEconomic)
        .Where(e => e.Level == CodeLevel.Section && e.Verified)
        .Select(e => e.Code.Value)
        .Where(c => c[..3] is "301" or "302" or "303" && c is not ("30211" or "30212" or "30215" or "30216" or "30217" or "30231"))
        .Distinct().Order(StringComparer.Ordinal).ToArray());

    public static DisclosureData Create(int seed)
    {
        var r = new Random(seed);
        decimal Money(decimal max) => Math.Round((decimal)r.NextDouble() * max, 2);
        decimal MaybeZero(decimal max, double pZero = 0.3) => r.NextDouble() < pZero ? 0m : Money(max);
        var final = r.Next(2) == 0;
        var year = r.Next(2022, 2026);
        var profile = DisclosureData.Profiles[r.Next(DisclosureData.Profiles.Length)];
        var d = new DisclosureData
        {
            Kind = final ? "final" : "budget",
            Year = year,
            Profile = profile,
            Unit = new UnitInfo
            {
                Name = $"示例区第{seed}局",
                Functions = ["负责本区相关政策的落实和监督管理。"],
                Units = [new SubUnit { Name = $"示例区第{seed}局本级", Type = "行政单位" }],
                Staffing = [new Staffing { Category = "行政编制", Authorized = r.Next(3, 40), Actual = r.Next(3, 40) }],
            },
        };
        var pool = FunctionItems.Value.Where(c => ClassificationCatalog.BuiltIn.Exists(c, CodeScheme.Function, year) && ClassificationCatalog.BuiltIn.Exists(c[..5], CodeScheme.Function, year) && ClassificationCatalog.BuiltIn.Exists(c[..3], CodeScheme.Function, year)).ToArray();
        int n = r.Next(2, 13);
        var used = new HashSet<(string, FundSource)>();
        for (int i = 0; i < n; i++)
        {
            var code = pool[r.Next(pool.Length)];
            var roll = r.NextDouble();
            var src = roll < 0.75 ? FundSource.General : roll < 0.85 ? FundSource.GovFund : roll < 0.9 ? FundSource.StateCapital
                : new[] { FundSource.Business, FundSource.Other, FundSource.Superior, FundSource.Operating, FundSource.SpecialAccount, FundSource.Subordinate }[r.Next(6)];
            if (!used.Add((code, src))) continue;
            var line = new FunctionLine { Code = code, Source = src, Basic = MaybeZero(800), Project = MaybeZero(3000) };
            if (line.Basic + line.Project == 0) line.Basic = Money(100) + 0.01m;
            if (!Facts.IsFiscal(src) && r.NextDouble() < 0.2) line.OperatingExpenditure = Money(50);
            d.Expenditure.Add(line);
        }
        if (!d.Expenditure.Any(l => l.Source == FundSource.General && l.Basic > 0))
            d.Expenditure.Add(new FunctionLine { Code = pool.First(c => !used.Contains((c, FundSource.General))), Source = FundSource.General, Basic = Money(500) + 1m });

        // economic breakdown of 一般公共预算 基本支出, in cents
        var basicCents = (long)(d.Expenditure.Where(l => l.Source == FundSource.General).Sum(l => l.Basic) * 100);
        var econCodes = EconItems.Value.OrderBy(_ => r.Next()).Take(r.Next(2, 10)).ToList();
        var cuts = Enumerable.Range(0, econCodes.Count - 1).Select(_ => (long)(r.NextDouble() * basicCents)).Order().ToList();
        long prev = 0;
        for (int i = 0; i < econCodes.Count; i++)
        {
            long next = i < cuts.Count ? cuts[i] : basicCents;
            d.Economic.Add(new EconomicLine { Code = econCodes[i], Amount = (next - prev) / 100m });
            prev = next;
        }
        d.Economic.RemoveAll(e => e.Amount == 0);

        // carry-over: fiscal funds only, income by function adjusted on the fund's first line
        if (r.NextDouble() < 0.4)
        {
            var rev = d.Expenditure.Select(l => new RevenueLine { Code = l.Code, Source = l.Source, Amount = l.Total }).ToList();
            foreach (var src in new[] { FundSource.General, FundSource.GovFund, FundSource.StateCapital })
            {
                var first = rev.FirstOrDefault(x => x.Source == src);
                if (first is null) continue;
                var cin = Math.Min(MaybeZero(200, 0.4), first.Amount);
                var cout = final ? MaybeZero(200, 0.4) : 0m;
                first.Amount += cout - cin;
                switch (src)
                {
                    case FundSource.General: d.Carry.CarryInGeneral = cin; d.Carry.CarryOutGeneral = cout; break;
                    case FundSource.GovFund: d.Carry.CarryInGovFund = cin; d.Carry.CarryOutGovFund = cout; break;
                    default: d.Carry.CarryInStateCapital = cin; d.Carry.CarryOutStateCapital = cout; break;
                }
            }
            d.RevenueByFunction = rev;
        }

        var basic = d.Expenditure.Sum(l => l.Basic);
        var general = d.Expenditure.Where(l => l.Source == FundSource.General).Sum(l => l.Total);
        var publicCosts = d.Economic.Where(e => !CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount);
        var personnel = d.Economic.Where(e => CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount);
        var total = d.Expenditure.Sum(l => l.Total);
        if (r.NextDouble() < 0.8)
        {
            d.Prior = new PriorYear
            {
                Total = Around(total), Income = Around(total), Expenditure = Around(total), Fiscal = Around(total), General = Around(general),
                Basic = Around(basic), Personnel = Around(personnel), Public = Around(publicCosts),
            };
        }
        if (final)
            d.Budget = new BudgetBase { InitialByClass = d.Expenditure.Where(l => l.Source == FundSource.General).GroupBy(l => l.Code[..3]).ToDictionary(g => g.Key, g => Around(g.Sum(l => l.Total))) };

        ThreePublicItems Items() => new() { Abroad = MaybeZero(10, 0.6), VehiclePurchase = MaybeZero(30, 0.7), VehicleOperation = MaybeZero(10), Reception = MaybeZero(5) };
        d.ThreePublic.Current = Items();
        d.ThreePublic.Prior = Items();
        if (final)
        {
            d.ThreePublic.Budget = Items();
            d.ThreePublic.InitialBudget = Items();
            d.ThreePublic.Stats = new ThreePublicStats
            {
                AbroadGroups = d.ThreePublic.Current.Abroad > 0 ? r.Next(1, 4) : 0,
                VehiclesHeld = r.Next(0, 5),
                ReceptionBatches = d.ThreePublic.Current.Reception > 0 ? r.Next(1, 30) : 0,
            };
            d.ThreePublic.Stats.AbroadPersons = d.ThreePublic.Stats.AbroadGroups * r.Next(1, 5);
            d.ThreePublic.Stats.ReceptionPersons = d.ThreePublic.Stats.ReceptionBatches * r.Next(1, 10);
            d.ThreePublic.Stats.VehiclesPurchased = d.ThreePublic.Current.VehiclePurchase > 0 ? 1 : 0;
            d.Meeting = new ExpenseItem { Amount = MaybeZero(5), Prior = MaybeZero(5) };
            d.Training = new ExpenseItem { Amount = MaybeZero(5), Prior = MaybeZero(5) };
            d.Travel = new ExpenseItem { Amount = MaybeZero(20), Prior = MaybeZero(20) };
        }
        if (r.NextDouble() < 0.8)
        {
            var oc = Math.Round(publicCosts * (decimal)r.NextDouble(), 2);
            var adm = Math.Round(oc * (decimal)r.NextDouble(), 2);
            d.OperatingCosts = new OperatingCostsData { Amount = oc, Prior = Around(oc), Administrative = adm, CivilServiceInstitutions = oc - adm };
        }
        if (r.NextDouble() < 0.7)
        {
            var p = new ProcurementData { Goods = MaybeZero(50), Works = MaybeZero(200, 0.7), Services = MaybeZero(100) };
            if (p.Total == 0) p.Goods = 1.23m;
            p.Sme = Math.Round(p.Total * (decimal)r.NextDouble(), 2);
            p.SmallMicro = Math.Round(p.Sme * (decimal)r.NextDouble(), 2);
            d.Procurement = p;
        }
        if (r.NextDouble() < 0.7)
            d.Assets = new AssetsData { Vehicles = new() { ["执法执勤用车"] = r.Next(0, 4), ["应急保障用车"] = r.Next(0, 3) }, Equipment = r.Next(0, 3) };
        var projectTotal = d.Expenditure.Sum(l => l.Project);
        if (projectTotal > 0)
        {
            var a = Math.Round(projectTotal / 3m, 2);
            d.Projects.Add(new ProjectData { Name = "综合业务项目", Amount = a, Type = "经常性项目", SelfEvaluation = final ? new SelfEvaluationData { InitialBudget = a, AdjustedBudget = a, Executed = a, Score = 95 } : null });
            d.Projects.Add(new ProjectData { Name = "专项工作项目", Amount = projectTotal - a, SelfEvaluation = final ? new SelfEvaluationData { InitialBudget = projectTotal - a, AdjustedBudget = projectTotal - a, Executed = projectTotal - a, Score = 88.5m } : null });
        }
        foreach (var p in d.Projects) // every project is published with its 绩效目标表 (full coverage)
        {
            // the two projects never share a grid (GK621 reports identical grids of unrelated projects): even target for the first, odd for the second
            p.Indicators.Add(new IndicatorData { Level1 = "产出指标", Level2 = "数量指标", Name = "完成检查次数", Operator = "≥", Target = (r.Next(5, 50) / 2 * 2 + d.Projects.IndexOf(p) % 2).ToString(), Unit = "次", Weight = 40, Actual = final ? r.Next(50, 60).ToString() : null, Score = final ? 40 : null });
            p.Indicators.Add(new IndicatorData { Level1 = "效益指标", Level2 = "社会效益指标", Name = "政策知晓率", Operator = "≥", Target = "80", Unit = "%", Weight = 20, Actual = final ? "85" : null, Score = final ? 20 : null });
            p.Indicators.Add(new IndicatorData { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "群众满意度", Operator = "≥", Target = "90", Unit = "%", Weight = 30, Actual = final ? "95" : null, Score = final ? 30 : null });
            if (p.SelfEvaluation is { } se) se.Score = 100m; // 执行率 100 % → 10 + indicator scores 90
        }
        if (d.Prior is not null && r.NextDouble() < 0.5)
            foreach (var c in d.Expenditure.Where(l => l.Source == FundSource.General).Select(l => l.Code[..3]).Distinct())
                d.Prior.Classes[c] = Around(d.Expenditure.Where(l => l.Source == FundSource.General && l.Code.StartsWith(c)).Sum(l => l.Total));
        if (profile == "shaanxi" && !final) Shaanxi(d, r);
        RandomRegionalData.Add(d, seed);
        ItemsAndFees(d, new Random(seed * 31 + 7));
        foreach (var key in ReasonKeys(d)) d.Reasons[key] = "工作任务调整";
        AddOverallPerformance(d, new Random(seed * 7919 + 1));
        MeetingAndTraining(d, new Random(seed * 7919 + 226));
        return d;

        decimal Around(decimal v)
        {
            var roll = r.NextDouble();
            if (roll < 0.1) return v;
            if (roll < 0.15) return 0m;
            return Math.Max(0m, Math.Round(v * (decimal)(0.5 + r.NextDouble()), 2));
        }
    }

    /// <summary>
    /// 部门整体绩效 (目标 in half of the budgets, 自评 in half of the final accounts) and 购买服务 items, from a second
    /// generator so that the rest of the data of a seed stays as it was.
    /// </summary>
    private static void AddOverallPerformance(DisclosureData d, Random r)
    {
        var total = d.Expenditure.Sum(l => l.Total);
        (string L1, string L2, string Name, string Op, int Lo, int Hi, string Unit)[] pool =
        [
            ("产出指标", "数量指标", "开展监督检查次数", "≥", 10, 200, "次"),
            ("产出指标", "数量指标", "资助参保人数", "≥", 1000, 40000, "人"),
            ("产出指标", "质量指标", "资金及时支付率", "≥", 90, 100, "%"),
            ("产出指标", "时效指标", "工作完成及时率", "=", 100, 100, "%"),
            ("效益指标", "社会效益指标", "政策知晓率", "≥", 60, 95, "%"),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", 80, 98, "%"),
        ];
        var chosen = pool.OrderBy(_ => r.Next()).Take(r.Next(2, pool.Length + 1)).ToList();
        decimal[]? Weights()
        {
            if (r.NextDouble() < 0.3 && !d.IsFinal) return null;
            var w = chosen.Select(_ => (decimal)r.Next(1, 10)).ToArray();
            var sum = w.Sum();
            var scaled = w.Select(x => Math.Floor(x * 100m / sum)).ToArray();
            scaled[0] += 100m - scaled.Sum();
            return scaled;
        }
        if (!d.IsFinal && r.NextDouble() < 0.5)
        {
            var weights = Weights();
            d.Performance ??= new PerformanceData();
            d.Performance.OverallTarget = new OverallTargetData
            {
                Functions = r.NextDouble() < 0.5 ? "负责本区相关政策的落实和监督管理。" : null,
                Tasks = r.NextDouble() < 0.5 ? "完成年度各项重点工作任务。" : null,
                AnnualGoal = "保障部门正常运转，按计划完成年度工作目标。",
                Indicators = chosen.Select((c, i) => new IndicatorData
                {
                    Level1 = c.L1, Level2 = c.L2, Name = c.Name, Operator = c.Op, Target = r.Next(c.Lo, c.Hi + 1).ToString(CultureInfo.InvariantCulture), Unit = c.Unit, Weight = weights?[i],
                }).ToList(),
            };
        }
        if (d.IsFinal && r.NextDouble() < 0.5)
        {
            var weights = Weights()!;
            var adjusted = r.NextDouble() < 0.3 ? total : Math.Round(total * (decimal)(1 + r.NextDouble() * 0.3), 2);
            d.Performance ??= new PerformanceData();
            d.Performance.OverallSelfEvaluation = new OverallSelfEvaluationData
            {
                Code = r.NextDouble() < 0.5 ? $"5001{r.Next(100000, 999999)}P0000{r.Next(10, 99)}" : null,
                InitialBudget = Math.Round(total * (decimal)(0.8 + r.NextDouble() * 0.5), 2),
                AdjustedBudget = Math.Max(adjusted, 0.01m),
                Achieved = r.NextDouble() < 0.5 ? "年度目标基本完成。" : null,
                Indicators = chosen.Select((c, i) =>
                {
                    var target = r.Next(c.Lo, c.Hi + 1);
                    // mostly met; sometimes short of a ≥ target (得分系数 below 100), sometimes qualitative
                    var qualitative = r.NextDouble() < 0.1;
                    var actual = c.Op == "≥" && r.NextDouble() < 0.3 ? target - r.Next(0, Math.Max(1, target / 10)) : target + (c.Op == "≥" ? r.Next(0, 3) : 0);
                    return new IndicatorData
                    {
                        Level1 = c.L1, Level2 = c.L2, Name = c.Name, Operator = qualitative ? "=" : c.Op, Unit = qualitative ? "" : c.Unit, Weight = weights[i], Core = r.NextDouble() < 0.4,
                        Target = qualitative ? "有效提升" : target.ToString(CultureInfo.InvariantCulture),
                        Actual = qualitative ? "有效提升" : actual.ToString(CultureInfo.InvariantCulture),
                    };
                }).ToList(),
            };
        }
        if (!d.IsFinal && r.NextDouble() < 0.5)
        {
            var lines = d.Expenditure.Where(l => l.Project > 0).ToList();
            d.PurchasedServices = Enumerable.Range(0, r.Next(1, 4)).Select(i => new PurchasedServiceItem
            {
                Project = i % 2 == 0 ? "综合业务项目" : "专项工作项目", Content = new[] { "物业服务", "审计服务", "信息系统运行维护" }[i], IncludesProcurement = r.Next(2) == 0,
                Quantity = r.NextDouble() < 0.7 ? r.Next(1, 5) : null, Amount = Math.Round((decimal)r.NextDouble() * 50, 2) + 0.01m,
                FunctionCode = lines.Count > 0 ? lines[r.Next(lines.Count)].Code : null, EconomicCode = d.Economic.Count > 0 ? d.Economic[r.Next(d.Economic.Count)].Code : null,
                Directory1 = "政府履职所需辅助性服务", Directory2 = new[] { "后勤服务", "财务会计审计", "信息化服务" }[i], Directory3 = new[] { "物业服务", "审计服务", "运行维护服务" }[i],
            }).ToList();
        }
    }

    /// <summary>
    /// 决算: 项 budgets (half of the sets), the class budgets then either derived from them or equal to their sums, 调整预算
    /// for some classes; 教育收费 as a part of the 事业收入 of some 项 (not hubei, where it is 财政专户管理资金). A generator
    /// of its own, so that the draws above stay as they were.
    /// </summary>
    /// <summary>
    /// A Jiangsu budget prints 会议费 and 培训费 beside the “三公” items (公开09, with the outer 合计) when the data gives both:
    /// most Jiangsu budgets get them, drawn on a stream of their own so every other figure stays as it was.
    /// </summary>
    private static void MeetingAndTraining(DisclosureData d, Random r)
    {
        if (d.IsFinal || d.Profile != "jiangsu" || d.Meeting is not null || d.Training is not null || r.NextDouble() < 0.25) return;
        decimal Money(decimal max) => Math.Round((decimal)(0.05 + r.NextDouble()) * max, 2);
        d.Meeting = new ExpenseItem { Amount = Money(5), Prior = Money(5) };
        d.Training = new ExpenseItem { Amount = Money(8), Prior = Money(8) };
    }

    private static void ItemsAndFees(DisclosureData d, Random r)
    {
        decimal Near(decimal v) => r.NextDouble() switch
        {
            < 0.2 => v,
            < 0.25 => 0m,
            var x => Math.Round(v * (decimal)(0.6 + x * 0.8), 2),
        };
        if (d.IsFinal && d.Budget is { } b && r.NextDouble() < 0.5)
        {
            b.Items = d.Expenditure.Where(l => l.Source == FundSource.General).GroupBy(l => l.Code)
                .Select(g => new ItemBudget { Code = g.Key, Initial = Near(g.Sum(l => l.Total)) }).ToList();
            foreach (var cls in b.Items.GroupBy(i => i.Code[..3]).ToList())
            {
                if (r.NextDouble() < 0.3)
                    foreach (var i in cls) i.Adjusted = Near(d.Expenditure.Where(l => l.Source == FundSource.General && l.Code == i.Code).Sum(l => l.Total));
                if (r.NextDouble() < 0.5) b.InitialByClass.Remove(cls.Key);
                else b.InitialByClass[cls.Key] = cls.Sum(i => i.Initial);
            }
        }
        if (d.Profile != "hubei" && r.NextDouble() < 0.4)
        {
            var fees = d.Expenditure.Select(l => l.Code).Distinct().Order(StringComparer.Ordinal)
                .Select(c => new EducationFeeLine { Code = c, Amount = Math.Round(ItemFacts.BusinessIncome(d, c) * (decimal)r.NextDouble(), 2) })
                .Where(e => e.Amount > 0).ToList();
            if (fees.Count > 0) d.EducationFees = fees;
        }
    }

    /// <summary>
    /// Xi'an 预算 (drawn last, so the other profiles keep their data): sometimes the economic classes of 一般公共预算
    /// 项目支出, and a 政府 code per economic line — given, or left to the catalog when it has exactly one for a 机关.
    /// </summary>
    private static void Shaanxi(DisclosureData d, Random r)
    {
        var project = d.Expenditure.Where(l => l.Source == FundSource.General).Sum(l => l.Project);
        if (project == 0 || r.NextDouble() < 0.6)
        {
            var cents = (long)(project * 100);
            var codes = EconItems.Value.OrderBy(_ => r.Next()).Take(r.Next(1, 5)).ToList();
            var cuts = Enumerable.Range(0, codes.Count - 1).Select(_ => (long)(r.NextDouble() * cents)).Order().ToList();
            long prev = 0;
            d.ProjectEconomic = [];
            for (int i = 0; i < codes.Count; i++)
            {
                long next = i < cuts.Count ? cuts[i] : cents;
                if (next > prev) d.ProjectEconomic.Add(new EconomicLine { Code = codes[i], Amount = (next - prev) / 100m });
                prev = next;
            }
        }
        foreach (var e in d.Economic.Concat(d.ProjectEconomic ?? []))
        {
            var organ = EconomicPairing.Candidates(e.Code, Payer.Organ);
            if (organ.Count == 1 && organ[0].Verified && r.NextDouble() < 0.5) continue; // the catalog decides
            var allowed = organ.Count > 0 ? organ : EconomicPairing.Candidates(e.Code, null);
            if (allowed.Count == 0)
            {
                e.GovernmentCode = e.Code.StartsWith("301") ? "50199" : e.Code.StartsWith("303") ? "50999" : "50201";
                continue;
            }
            e.GovernmentCode = allowed[r.Next(allowed.Count)].GovernmentCode.Value;
            if (r.NextDouble() < 0.3) e.GovernmentName = ClassificationCatalog.BuiltIn.Find(e.GovernmentCode, CodeScheme.GovernmentEconomic)?.Name;
        }
    }

    /// <summary>Every reason key the narrative may ask for.</summary>
    public static IEnumerable<string> ReasonKeys(DisclosureData d)
    {
        string[] fixedKeys = ["total", "income", "expenditure", "fiscal", "general", "general.budget", "basic", "personnel", "public", "threePublic", "threePublic.budget", "meeting", "training", "travel", "operatingCosts"];
        foreach (var k in fixedKeys) yield return k;
        foreach (var item in new[] { "abroad", "vehiclePurchase", "vehicleOperation", "reception" })
        {
            yield return $"threePublic.{item}";
            yield return $"threePublic.{item}.budget";
        }
        foreach (var c in d.Expenditure.Select(l => l.Code[..3]).Distinct())
        {
            yield return $"class:{c}";
            yield return $"class:{c}.prior";
        }
        foreach (var code in d.Expenditure.Select(l => l.Code).Concat(d.Budget?.Items?.Select(i => i.Code) ?? []).Distinct())
            yield return $"item:{code}";
    }
}
