using Gongkai.Model;
using Gongkai.Recognition.Narrative;

namespace Gongkai.Tests.Narrative;

/// <summary>
/// Seed 003 (潼南 2024 决算), sections 二 to 四 (lines 34–125): every change, percentage and share statement,
/// read by hand from the seed.
/// </summary>
public class Seed003ClaimTests
{
    private static Disclosure D => NarrativeSeeds.Load("003");
    private static List<Claim> Narrative => D.Between(34, 125);

    private const ChangeDirection Inc = ChangeDirection.Increase, Dec = ChangeDirection.Decrease, Flat = ChangeDirection.Flat;
    private const ComparisonBase PY = ComparisonBase.PriorYear, Init = ComparisonBase.InitialBudget;

    /// <summary>(line, subject contains, amount, direction, change, percent, base, compared year) — in document order.</summary>
    public static TheoryData<int, string, string?, ChangeDirection, string?, string?, ComparisonBase, int?> Changes => new()
    {
        { 39, "收支总计", "3925.66", Dec, "3079.74", "43.96", PY, 2023 },
        { 41, "收入合计", "3925.66", Dec, "3079.74", "43.96", PY, 2023 },
        { 43, "支出合计", "3925.66", Dec, "3079.74", "43.96", PY, 2023 },
        { 49, "财政拨款收支总计", "3925.66", Dec, "3079.74", "43.96", PY, 2023 },
        { 55, "一般公共预算财政拨款收入", "3925.66", Dec, "3079.74", "43.96", PY, 2023 },
        { 55, "一般公共预算财政拨款收入", "3925.66", Dec, "2275.89", "36.70", Init, null },
        { 57, "一般公共预算财政拨款支出", "3925.66", Dec, "3079.74", "43.96", PY, 2023 },
        { 57, "一般公共预算财政拨款支出", "3925.66", Dec, "2275.89", "36.70", Init, null },
        { 61, "社会保障和就业支出", "145.04", Dec, "37.46", "20.53", Init, null },
        { 63, "卫生健康支出", "3427.64", Dec, "2242.01", "39.54", Init, null },
        { 65, "农林水支出", "300.00", Flat, null, null, Init, null },
        { 67, "住房保障支出", "52.98", Inc, "3.57", "7.23", Init, null },
        { 69, "结转和结余", null, Flat, null, null, PY, 2023 },
        { 77, "人员经费", "638.40", Inc, "20.46", "3.31", PY, 2023 },
        { 79, "公用经费", "125.12", Inc, "12.15", "10.76", PY, 2023 },
        { 93, "“三公”经费", "3.02", Dec, "2.28", "43.02", Init, null },
        { 93, "“三公”经费", "3.02", Dec, "0.68", "18.38", PY, null },
        { 97, "公务用车运行维护费", "1.95", Dec, "1.55", "44.29", Init, null },
        { 97, "公务用车运行维护费", "1.95", Inc, "0.05", "2.63", PY, null },
        { 101, "公务接待费", "1.07", Dec, "0.73", "40.56", Init, null },
        { 101, "公务接待费", "1.07", Dec, "0.73", "40.56", PY, null },
        { 111, "会议费", "0.48", Dec, "0.69", "58.97", PY, 2023 },
        { 111, "培训费", "0.50", Dec, "0.26", "34.21", PY, 2023 },
        { 111, "差旅费", "7.37", Inc, "3.17", "75.48", PY, 2023 },
        { 117, "机关运行经费", "102.59", Inc, "5.78", "5.97", PY, null },
    };

    private static decimal? Dec_(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_change_statement_is_extracted(int line, string subject, string? amount, ChangeDirection dir,
        string? change, string? percent, ComparisonBase bas, int? year)
    {
        var hits = Narrative.Where(c => c.Kind == ClaimKind.Change && c.Source.Line == line && c.Subject.Contains(subject)
            && c.Direction == dir && c.ChangeAmount == Dec_(change) && c.Base == bas).ToList();
        var claim = Assert.Single(hits, c => c.ChangePercent == Dec_(percent) && c.ComparedYear == year);
        Assert.Equal(Dec_(amount), claim.Amount);
        if (percent is not null) Assert.Equal(dir, claim.PercentDirection);
        Assert.Equal(D.File, claim.Source.File);
    }

    [Fact]
    public void Change_claims_match_the_hand_count_and_come_in_document_order()
    {
        // 25 statements of 增加 / 减少 / 无增减 against a base in lines 34–125, counted by hand.
        var changes = Narrative.Where(c => c.Kind == ClaimKind.Change).ToList();
        Assert.Equal(25, changes.Count);
        var expected = Changes.Select(r => ((int)r[0], (string)r[1])).ToList();
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Item1, changes[i].Source.Line);
            Assert.Contains(expected[i].Item2, changes[i].Subject);
        }
    }

    [Fact]
    public void Every_printed_percentage_is_attached_to_a_claim()
    {
        // 32 percentages are printed in lines 34–125: 23 change rates and 9 shares.
        var change = Narrative.Where(c => c.Kind == ClaimKind.Change && c.ChangePercent is not null).Count();
        var share = Narrative.Where(c => c.Kind == ClaimKind.Share).Count();
        Assert.Equal(23, change);
        Assert.Equal(9, share);
    }

    [Theory]
    [InlineData(41, "财政拨款收入", "3925.66", "100.00")]
    [InlineData(43, "基本支出", "763.52", "19.45")]
    [InlineData(43, "项目支出", "3162.14", "80.55")]
    [InlineData(61, "社会保障和就业支出", "145.04", "3.69")]
    [InlineData(63, "卫生健康支出", "3427.64", "87.31")]
    [InlineData(65, "农林水支出", "300.00", "7.64")]
    [InlineData(67, "住房保障支出", "52.98", "1.35")]
    [InlineData(125, "中小企业", "0.96", "100.00")]
    [InlineData(125, "小微企业", "0.96", "100.00")]
    public void Shares_carry_subject_and_amount(int line, string subject, string amount, string share)
    {
        var c = Assert.Single(Narrative, c => c.Kind == ClaimKind.Share && c.Source.Line == line && c.Subject.Contains(subject));
        Assert.Equal(Dec_(amount), c.Amount);
        Assert.Equal(Dec_(share), c.SharePercent);
        Assert.Equal(Dec_(share)!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), c.SharePercent!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Procurement_share_names_its_whole()
    {
        var c = Assert.Single(Narrative, c => c.Kind == ClaimKind.Share && c.Subject.Contains("中小企业"));
        Assert.Equal("政府采购支出总额", c.ShareOf);
        var total = Assert.Single(Narrative, c => c.Kind == ClaimKind.Amount && c.Subject == "政府采购支出总额");
        Assert.Equal(0.96m, total.Amount);
        Assert.Equal(2024, total.Year);
    }

    [Fact]
    public void Spending_breakdown_has_parts_with_shares()
    {
        var b = Assert.Single(Narrative, c => c.Kind == ClaimKind.Breakdown && c.Source.Line == 43);
        Assert.Contains("支出合计", b.Subject);
        Assert.Equal(3925.66m, b.Amount);
        Assert.Equal(2, b.Parts.Count);
        Assert.Equal(("基本支出", 763.52m, 19.45m), (b.Parts[0].Subject, b.Parts[0].Amount, b.Parts[0].SharePercent!.Value));
        Assert.Equal(("项目支出", 3162.14m, 80.55m), (b.Parts[1].Subject, b.Parts[1].Amount, b.Parts[1].SharePercent!.Value));
        Assert.Equal(b.Amount, b.Parts.Sum(p => p.Amount));
    }

    [Fact]
    public void Physical_quantities_and_per_head_cost()
    {
        var reception = Assert.Single(Narrative, c => c.Kind == ClaimKind.Count && c.Subject.Contains("公务接待"));
        Assert.Equal(new[] { (7m, "批次"), (111m, "人") }, reception.Counts);
        var cars = Assert.Single(Narrative, c => c.Kind == ClaimKind.Count && c.Subject.Contains("保有量"));
        Assert.Equal((1m, "辆"), Assert.Single(cars.Counts));
        var perHead = Assert.Single(Narrative, c => c.Kind == ClaimKind.Amount && c.Subject == "人均接待费");
        Assert.Equal(96.40m, perHead.Amount);
        Assert.Equal(2, perHead.AmountScale);
        Assert.Equal(ValueUnit.Yuan, perHead.Unit);
        var perCar = Assert.Single(Narrative, c => c.Kind == ClaimKind.Amount && c.Subject == "车均维护费");
        Assert.Equal((1.95m, ValueUnit.WanYuan), (perCar.Amount!.Value, perCar.Unit));
        // N17: 人均接待费 × 接待人数 ≈ 公务接待费 (1.07 万元)
        Assert.Equal(1.07m, Math.Round(perHead.Amount!.Value * 111m / 10000m, 2));
        var vehicles = Narrative.Where(c => c.Kind == ClaimKind.Count && c.Source.Line == 121).ToList();
        Assert.Equal(new[] { "车辆", "应急保障用车" }, vehicles.Select(v => v.Subject));
    }

    [Fact]
    public void Reasons_are_kept_and_amounts_inside_them_are_not_claims()
    {
        var social = Assert.Single(Narrative, c => c.Kind == ClaimKind.Change && c.Subject == "社会保障和就业支出");
        Assert.Contains("改制企业", social.Reason);
        // the 年初 change of 一般公共预算 takes its reason from the next sentence (主要原因是 …300 万元未到位)
        var init = Assert.Single(Narrative, c => c.Kind == ClaimKind.Change && c.Source.Line == 57 && c.Base == ComparisonBase.InitialBudget);
        Assert.Contains("300", init.Reason);
        // the 三公 total has two reasons, one per base
        var sanGong = Narrative.Where(c => c.Kind == ClaimKind.Change && c.Source.Line == 93).ToList();
        Assert.Contains("1.5", sanGong[0].Reason);
        Assert.DoesNotContain("较上年支出数", sanGong[0].Reason);
        Assert.Contains("较上年", sanGong[1].Reason);
        // 1177 万元 / 800 万元 / 900 万元 appear only inside reasons
        Assert.DoesNotContain(Narrative, c => c.Amount is 1177m or 800m or 900m || c.ChangeAmount is 900m);
    }

    [Fact]
    public void Subjects_are_normalised()
    {
        var subjects = Narrative.Select(c => c.Subject).ToList();
        Assert.DoesNotContain(subjects, s => s.Contains("2024") || s.StartsWith("本部门") || s.StartsWith("我局") || s.StartsWith("本年度"));
        Assert.Contains("会议费", subjects);
        Assert.Contains("机关运行经费", subjects);
        Assert.Contains("“三公”经费", subjects);
        Assert.Contains("一般公共预算财政拨款基本支出", subjects);
    }

    [Fact]
    public void Sentence_years_are_recorded()
    {
        var total = Assert.Single(Narrative, c => c.Kind == ClaimKind.Amount && c.Subject == "收入合计");
        Assert.Equal(2024, total.Year);
        var change = Assert.Single(Narrative, c => c.Kind == ClaimKind.Change && c.Subject == "收入合计");
        Assert.Equal(2024, change.Year);
        Assert.Equal(2023, change.ComparedYear);
    }
}
