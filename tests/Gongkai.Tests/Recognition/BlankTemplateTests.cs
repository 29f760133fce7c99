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
