using Gongkai.Compile;

namespace Gongkai.Tests.Compile;

/// <summary>Warnings before output for data a reviewer would question (consistent, but incomplete).</summary>
public class PlausibilityTests
{
    private static DisclosureData NewUser() => new()
    {
        Kind = "budget", Year = 2025, Profile = "hubei",
        Unit = new UnitInfo { Name = "某区档案馆", Units = [new SubUnit { Name = "某区档案馆", Type = "参照公务员法管理事业单位" }] },
        Expenditure =
        [
            new FunctionLine { Code = "2012601", Basic = 120.50m },
            new FunctionLine { Code = "2012604", Project = 35.00m },
        ],
        Economic = [new EconomicLine { Code = "30101", Amount = 95.00m }, new EconomicLine { Code = "30201", Amount = 25.50m }],
        ThreePublic = new ThreePublicData { Current = new ThreePublicItems { VehicleOperation = 1.2m }, Stats = new ThreePublicStats { VehiclesHeld = 1 } },
    };

    private static List<string> Warnings(DisclosureData d) =>
        PackageBuilder.Build(d).Issues.Where(i => i.Severity == IssueSeverity.Warning).Select(i => i.Field).ToList();

    [Fact]
    public void Incomplete_data_of_a_new_user_gets_one_warning_per_gap()
    {
        var w = Warnings(NewUser());
        Assert.Contains("assets.vehicles", w);
        Assert.Contains("projects", w);
        Assert.Contains("operatingCosts", w);
    }

    [Fact]
    public void Completed_data_has_none_of_these_warnings()
    {
        var d = NewUser();
        d.Assets = new AssetsData { Vehicles = new() { ["其他用车"] = 1 } };
        d.Projects = [new ProjectData { Name = "档案数字化", Amount = 35.00m }];
        d.OperatingCosts = new OperatingCostsData { Amount = 25.50m };
        var w = Warnings(d);
        Assert.DoesNotContain("assets.vehicles", w);
        Assert.DoesNotContain("projects", w);
        Assert.DoesNotContain("operatingCosts", w);
    }

    [Fact]
    public void Names_from_unverified_catalog_rows_are_listed_before_output()
    {
        // 2012604 档案馆 (and its 款 20126) are unverified rows of the built-in catalog; 2012601 gets its name from the data
        var d = NewUser();
        d.Expenditure[0].Name = "行政运行";
        var names = PackageBuilder.Build(d).Issues.Where(i => i.Field == "names").ToList();
        var w = Assert.Single(names);
        Assert.Equal(IssueSeverity.Warning, w.Severity);
        Assert.Contains("2012604 档案馆", w.Message);
        Assert.Contains("20126 档案事务", w.Message);
        Assert.DoesNotContain("2012601", w.Message);
        // the two seed data files use verified names only
        Assert.DoesNotContain(PackageBuilder.Build(CompileSeedTests.Load("seed003-final-2024.json")).Issues, i => i.Field == "names");
    }

    [Fact]
    public void A_code_unknown_to_the_catalog_is_listed()
    {
        var d = NewUser();
        d.Expenditure.Add(new FunctionLine { Code = "2109998", Basic = 0m, Project = 0m });
        var w = PackageBuilder.Build(d).Issues.Where(i => i.Field == "names").ToList();
        Assert.Contains(w, i => i.Message.Contains("不在内置科目表中") && i.Message.Contains("2109998"));
    }
}
