using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

public class BlankTemplateTests
{
    [Fact]
    public void The_national_template_is_recognized_as_blank()
    {
        var d = new DisclosureReader().Read(Shared.Pdf("national-final-template-2024.pdf")).Disclosure;
        Assert.True(d.IsBlankTemplate);
        Assert.Contains("XX", d.DepartmentName);
    }

    [Fact]
    public void The_blank_summary_tables_of_the_template_keep_their_fixed_lines()
    {
        var d = new DisclosureReader().Read(Shared.Pdf("national-final-template-2024.pdf")).Disclosure;
        var f1 = d.Tables.Single(t => t.Kind == Gongkai.Model.TableKind.FinalSummary && t.HasGrid);
        Assert.Equal(8, f1.Rows.Count(r => r.Side == Gongkai.Model.Side.Income && r.Line is >= Gongkai.Model.SummaryLine.GeneralBudgetGrant and <= Gongkai.Model.SummaryLine.OtherIncome));
        Assert.Equal(24, f1.Rows.Count(r => r.Line == Gongkai.Model.SummaryLine.ExpenditureClass)); // the template's list lacks 231/232
        Assert.Contains(f1.Rows, r => r.Line == Gongkai.Model.SummaryLine.UseOfNonFiscalBalance);
        Assert.True(f1.IsEmpty);
        var f4 = d.Tables.Single(t => t.Kind == Gongkai.Model.TableKind.FinalFiscalSummary && t.HasGrid);
        Assert.Contains(f4.Rows, r => r.Code?.Value == "201");
        Assert.Contains(f4.Rows, r => r.Line == Gongkai.Model.SummaryLine.CarryInGeneralBudget);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Published_seeds_are_not_templates(string seed) => Assert.False(Seeds.Read(seed).Disclosure.IsBlankTemplate);

    [Fact]
    public void A_published_pdf_is_not_a_template() =>
        Assert.False(new DisclosureReader().Read(Shared.Pdf("shanghai-putuo-finance-bureau-2024-final.pdf")).Disclosure.IsBlankTemplate);
}
