using Gongkai.Model;
using Gongkai.Recognition.Narrative;

namespace Gongkai.Tests.Narrative;

public class OtherSeedsClaimTests
{
    [Fact]
    public void Seed_004_budget_total_change_and_shares()
    {
        var d = NarrativeSeeds.Load("004");
        var c = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Change && c.ChangePercent is not null && c.Subject.Contains("收支总预算"));
        Assert.Equal((982.98m, ChangeDirection.Increase, 675.97m, 220.18m), (c.Amount!.Value, c.Direction!.Value, c.ChangeAmount!.Value, c.ChangePercent!.Value));
        Assert.Equal((ComparisonBase.PriorYear, 2022, 2023), (c.Base, c.ComparedYear!.Value, c.Year!.Value));
        Assert.Contains("医疗救助", c.Reason);

        var b = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Breakdown && c.Subject == "支出预算");
        Assert.Equal(new[] { ("基本支出", 204.78m, (decimal?)20.83m), ("项目支出", 778.2m, 79.17m) },
            b.Parts.Select(p => (p.Subject, p.Amount, p.SharePercent)));
        Assert.Equal(1, b.Parts[1].Scale);
        // the structure paragraph nests 人员经费 / 公用经费 under 基本支出 and closes at ；
        var basic = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Breakdown && c.Subject == "基本支出");
        Assert.Equal(new[] { "人员经费", "公用经费" }, basic.Parts.Select(p => p.Subject));
        Assert.Equal(basic.Amount, basic.Parts.Sum(p => p.Amount));
    }

    [Fact]
    public void Seed_004_flat_against_prior_year_budget()
    {
        var d = NarrativeSeeds.Load("004");
        var flats = d.Claims.Where(c => c.Kind == ClaimKind.Change && c.Direction == ChangeDirection.Flat).ToList();
        Assert.True(flats.Count >= 4, string.Join("\n", flats));
        Assert.All(flats, f => Assert.Equal(ComparisonBase.PriorYear, f.Base));
        Assert.Contains(flats, f => f.Subject == "公务接待费" && f.Amount == 0m);
    }

    [Fact]
    public void Seed_000_template_residue_with_the_wrong_year_is_still_a_change()
    {
        var d = NarrativeSeeds.Load("000");
        var c = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Change && c.TemplateResidue);
        Assert.Equal(ComparisonBase.PriorYear, c.Base);
        Assert.Equal(2022, c.ComparedYear);
        Assert.Equal(2022, c.Year);
        Assert.Equal(0m, c.ChangeAmount);
        Assert.Contains("政府性基金", c.Subject);
        // 比 2021 年增加 32.56 万 (no 元) and 比 2021 年减少 818 万元
        var basic = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Change && c.Subject == "基本支出");
        Assert.Equal((776.02m, 32.56m, 2021), (basic.Amount!.Value, basic.ChangeAmount!.Value, basic.ComparedYear!.Value));
        var project = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Change && c.Subject == "项目支出");
        Assert.Equal((6387.35m, 818m, 0), (project.Amount!.Value, project.ChangeAmount!.Value, project.ChangeScale));
    }

    [Fact]
    public void Seed_000_breakdown_ignores_bracketed_detail()
    {
        var d = NarrativeSeeds.Load("000");
        var b = d.Claims.First(c => c.Kind == ClaimKind.Breakdown && c.Source.Line == 47);
        Assert.Equal(7163.37m, b.Amount);
        Assert.DoesNotContain(b.Parts, p => p.Subject.Contains("基本支出"));
        Assert.Equal(b.Amount, b.Parts.Sum(p => p.Amount));
    }

    [Fact]
    public void Seed_002_function_items_keep_their_codes()
    {
        var d = NarrativeSeeds.Load("002");
        var pension = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Change && c.Code == "2080505");
        Assert.Contains("养老保险缴费支出", pension.Subject);
        Assert.Equal((19.08m, ChangeDirection.Decrease, 2.62m, ComparisonBase.PriorYear),
            (pension.Amount!.Value, pension.Direction!.Value, pension.ChangeAmount!.Value, pension.Base));
        Assert.Contains("人员变动", pension.Reason);
        // 9 function items (7-digit codes) and 7 economic items (3-digit codes), each with a change vs 上年
        var coded = d.Claims.Where(c => c.Kind == ClaimKind.Change && c.Code is not null).ToList();
        Assert.Equal(9, coded.Count(c => c.Code!.Length == 7));
        Assert.Equal(7, coded.Count(c => c.Code!.Length == 3));
        var staff = Assert.Single(d.Claims, c => c.Kind == ClaimKind.Count && c.Subject == "人员编制");
        Assert.Equal((20m, "人"), Assert.Single(staff.Counts));
    }

    [Fact]
    public void Every_seed_yields_claims_with_provenance()
    {
        foreach (var seed in new[] { "000", "001", "002", "003", "004" })
        {
            var d = NarrativeSeeds.Load(seed);
            Assert.NotEmpty(d.Claims);
            Assert.All(d.Claims, c =>
            {
                Assert.Equal(d.File, c.Source.File);
                Assert.NotNull(c.Source.Line);
                Assert.False(string.IsNullOrEmpty(c.Sentence));
                if (c.ChangeAmount is decimal ca) Assert.True(ca >= 0);
            });
        }
    }
}

public class ClaimExtractorUnitTests
{
    private static List<Claim> X(string text) => ClaimExtractor.Extract(new Sentence(text, new Provenance("t.txt", 1, Text: text), "")).ToList();

    [Fact]
    public void An_amount_followed_by_a_colon_opens_its_own_list()
    {
        var b = X("政府采购预算总额 4 万元：货物 4 万元、工程 0 万元、服务 8 万元").Single(c => c.Kind == ClaimKind.Breakdown);
        Assert.Equal("政府采购预算总额", b.Subject);
        Assert.Equal(4m, b.Amount);
        Assert.Equal(new[] { 4m, 0m, 8m }, b.Parts.Select(p => p.Amount));
    }

    [Fact]
    public void A_list_after_bao_kuo_is_nested_and_not_part_of_the_outer_list()
    {
        var bs = X("支出预算7132.51万元，其中基本支出432.72万元，包括人员经费402.23万元和公用经费30.49万元；项目支出6699.79万元")
            .Where(c => c.Kind == ClaimKind.Breakdown).ToList();
        var outer = bs.Single(c => c.Amount == 7132.51m);
        Assert.Equal(new[] { 432.72m, 6699.79m }, outer.Parts.Select(p => p.Amount));
        var inner = bs.Single(c => c.Amount == 432.72m);
        Assert.Equal(new[] { 402.23m, 30.49m }, inner.Parts.Select(p => p.Amount));
    }

    [Theory]
    [InlineData("会议费 6.2万元", "会议费", "6.2", 1)]
    [InlineData("基本支出810万元", "基本支出", "810", 0)]
    [InlineData("合计 3,925.66 万元", "合计", "3925.66", 2)]
    [InlineData("合计 ３９２５．６６ 万元", "合计", "3925.66", 2)]
    [InlineData("培训费 32.56 万", "培训费", "32.56", 2)]
    public void Amount_forms(string text, string subject, string amount, int scale)
    {
        var c = Assert.Single(X(text));
        Assert.Equal((ClaimKind.Amount, subject, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), scale),
            (c.Kind, c.Subject, c.Amount!.Value, c.AmountScale));
    }

    [Theory]
    [InlineData("会议费比上年增加 1 万元", ChangeDirection.Increase, ComparisonBase.PriorYear, null)]
    [InlineData("会议费较上年减少 1 万元", ChangeDirection.Decrease, ComparisonBase.PriorYear, null)]
    [InlineData("会议费比2021年减少1万元", ChangeDirection.Decrease, ComparisonBase.PriorYear, 2021)]
    [InlineData("会议费较年初预算数增加1万元", ChangeDirection.Increase, ComparisonBase.InitialBudget, null)]
    [InlineData("会议费较全年预算数减少1万元", ChangeDirection.Decrease, ComparisonBase.AdjustedBudget, null)]
    [InlineData("会议费较预算减少1万元", ChangeDirection.Decrease, ComparisonBase.Budget, null)]
    [InlineData("会议费与上年持平", ChangeDirection.Flat, ComparisonBase.PriorYear, null)]
    public void Change_forms(string text, ChangeDirection dir, ComparisonBase bas, int? year)
    {
        var c = Assert.Single(X(text), c => c.Kind == ClaimKind.Change);
        Assert.Equal(("会议费", dir, bas, year), (c.Subject, c.Direction!.Value, c.Base, c.ComparedYear));
    }

    [Fact]
    public void Completion_rate()
    {
        var c = Assert.Single(X("支出决算 5 万元，完成年初预算的 98.20%"), c => c.Kind == ClaimKind.Completion);
        Assert.Equal((98.20m, ComparisonBase.InitialBudget, "支出决算", 5m), (c.CompletionPercent!.Value, c.Base, c.Subject, c.Amount!.Value));
    }
}
