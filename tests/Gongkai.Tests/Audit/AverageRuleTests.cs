using Gongkai.Audit;
using Gongkai.Audit.Rules.Narrative;
using Gongkai.Model;
using Gongkai.Tests.Recognition;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>GK430 人均接待费 and GK431 车均维护费: fires on a wrong average, silent on the right one and when the divisor is ambiguous.</summary>
public class AverageRuleTests
{
    private static DocBuilder Averages(decimal perPerson, decimal perVehicle, params decimal[] persons)
    {
        var b = DocBuilder.Final();
        var tp = new ThreePublicExpenses();
        tp.Final.Reception = b.Fig(1.07m);
        tp.Final.VehicleOperation = b.Fig(1.95m);
        b.Doc.ThreePublic = tp;
        foreach (var n in persons)
        {
            b.Doc.Claims.Add(new Claim { Kind = ClaimKind.Count, Subject = "国内公务接待", Sentence = "国内公务接待", Source = b.Next("接待") });
            b.Doc.Claims[^1].Counts.Add((7m, "批次"));
            b.Doc.Claims[^1].Counts.Add((n, "人"));
        }
        b.Doc.Claims.Add(new Claim { Kind = ClaimKind.Count, Subject = "公务用车保有量", Sentence = "公务用车保有量", Source = b.Next("保有量") });
        b.Doc.Claims[^1].Counts.Add((1m, "辆"));
        b.Claim("人均接待费", perPerson, unit: ValueUnit.Yuan);
        b.Claim("车均维护费", perVehicle);
        return b;
    }

    [Fact] public void GK430_wrong_average_fires() => Single<ReceptionPerPerson>(Averages(106.40m, 1.95m, 111m), expected: 96.40m, found: 106.40m);
    [Fact] public void GK430_right_average_is_silent() => Silent<ReceptionPerPerson>(Averages(96.40m, 1.95m, 111m));

    [Fact]
    public void GK430_rounding_of_the_printed_amount_is_only_a_hint()
    {
        // 1.07 万元 stands for 1.065–1.075: 95.95–96.85 元 per person; 96.80 is 尾差, reported as 提示 when asked for
        var f = Assert.Single(Run<ReceptionPerPerson>(Averages(96.80m, 1.95m, 111m)));
        Assert.True(f.IsRoundingDifference);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Empty(Run<ReceptionPerPerson>(Averages(96.80m, 1.95m, 111m), new AuditOptions { ReportRoundingDifferences = false }));
        Single<ReceptionPerPerson>(Averages(97.00m, 1.95m, 111m), expected: 96.40m, found: 97.00m);
    }

    [Fact] public void GK430_two_different_reception_counts_are_not_guessed() => Silent<ReceptionPerPerson>(Averages(106.40m, 1.95m, 111m, 20m));
    [Fact] public void GK431_wrong_average_fires() => Single<VehicleCostPerVehicle>(Averages(96.40m, 3.90m, 111m), expected: 1.95m, found: 3.90m);
    [Fact] public void GK431_right_average_is_silent() => Silent<VehicleCostPerVehicle>(Averages(96.40m, 1.95m, 111m));

    [Fact]
    public void Seed_003_states_both_averages_correctly()
    {
        var d = Seeds.Read("003").Disclosure;
        Assert.Contains(d.Claims, c => c.Subject.Contains("人均接待费") && c.Amount == 96.40m);
        Assert.Contains(d.Claims, c => c.Subject.Contains("车均") && c.Amount == 1.95m);
        var report = new Auditor(new RuleRegistry([new ReceptionPerPerson(), new VehicleCostPerVehicle()])).Run(d);
        Assert.Equal(["GK430", "GK431"], report.RulesRun.Order());
        Assert.Empty(report.Findings);
    }
}
