using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// The region of a document from what it says: a city's department names its city (苏州市应急管理局), not its province,
/// so the province comes from the city (a table of the prefecture-level cities of the provinces with a profile).
/// </summary>
public class RegionDetectionTests
{
    [Theory]
    [InlineData("苏州市应急管理局", RegionProfile.Jiangsu)]
    [InlineData("无锡市住房和城乡建设局", RegionProfile.Jiangsu)]
    [InlineData("连云港市财政局", RegionProfile.Jiangsu)]
    [InlineData("宜昌市教育局", RegionProfile.Hubei)]
    [InlineData("宝鸡市审计局", RegionProfile.Shaanxi)]
    [InlineData("保定市水利局", RegionProfile.Hebei)]
    public void A_city_department_belongs_to_the_province_of_its_city(string department, RegionProfile province) =>
        Assert.Equal(province, MetadataRecognizer.ProvinceOfCity(department, c => c));

    [Theory]
    [InlineData("北京市财政局")]
    [InlineData("宁波市教育局")]
    [InlineData("台州市水利局")] // 台州 (浙江) is not 泰州 (江苏)
    [InlineData("")]
    public void Other_cities_name_no_profile_province(string department) =>
        Assert.Null(MetadataRecognizer.ProvinceOfCity(department, c => c));

    /// <summary>The 2026 budgets of 苏州 and 无锡 departments in the corpus are read as 江苏 documents; a 宁波 and a 北京 one are not.</summary>
    [Theory]
    [InlineData("006-苏州-应急管理局_2026年部门预算.pdf", RegionProfile.Jiangsu)]
    [InlineData("006-苏州-2026年苏州市水务局部门预算.pdf", RegionProfile.Jiangsu)]
    [InlineData("014-无锡-教育局_2026年部门预算.pdf", RegionProfile.Jiangsu)]
    [InlineData("014-无锡-2026年无锡市住房和建设局部门预算.pdf", RegionProfile.Jiangsu)]
    public void Corpus_documents_of_jiangsu_cities_are_jiangsu(string file, RegionProfile expected) =>
        Assert.Equal(expected, new DisclosureReader().Read(Shared.Corpus(file)).Disclosure.Profile);

    [Fact]
    public void Corpus_documents_of_other_cities_stay_national()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(Shared.Corpus("SOURCES.tsv"))!, "*.pdf")
            .Where(f => Path.GetFileName(f).Contains("-宁波-") || Path.GetFileName(f).Contains("-北京-")).Take(2).ToList();
        Assert.NotEmpty(files);
        foreach (var f in files) Assert.Equal(RegionProfile.National, new DisclosureReader().Read(f).Disclosure.Profile);
    }
}
