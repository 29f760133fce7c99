using Gongkai.Catalogs;

namespace Gongkai.Tests.Catalogs;

public class EconomicMappingTests
{
    private static ClassificationCatalog Catalog => ClassificationCatalog.BuiltIn;

    [Fact]
    public void Basic_salary_maps_to_agency_and_institution_codes()
    {
        var codes = Catalog.GovernmentCodesFor("30101");
        Assert.Equal(new[] { "50101", "50501" }, codes.Select(m => m.GovernmentCode.Value));
        Assert.All(codes, m => Assert.True(m.Verified));
        Assert.Equal("机关", codes[0].Scope);
        Assert.Null(codes[1].Scope);

        Assert.True(Catalog.IsPairAllowed("30101", "50101"));
        Assert.True(Catalog.IsPairAllowed("30101", "50501"));
        Assert.False(Catalog.IsPairAllowed("30101", "50201"));
        Assert.True(Catalog.IsPairAllowed("30101", "501")); // class level
        Assert.False(Catalog.IsPairAllowed("30101", "502"));
    }

    [Fact]
    public void Recalled_pairs_are_allowed_but_unverified()
    {
        var pair = Catalog.FindPair("30106", "50501")!;
        Assert.False(pair.Verified);
        Assert.Equal("事业单位", pair.Scope);
        Assert.EndsWith("（未核实）", pair.Describe());
        Assert.True(Catalog.FindPair("30106", "50199")!.Verified);
        Assert.True(Catalog.FindPair("30113", "50103")!.Verified);
        var consulting = Catalog.FindPair("30203", "50205")!;
        Assert.Equal("机关", consulting.Scope); // the note after it stays in Source
        Assert.Contains("事业单位见505/506", consulting.Source);
    }

    [Fact]
    public void Unknown_department_code_has_no_pairs()
    {
        Assert.Empty(Catalog.GovernmentCodesFor("39801"));
        Assert.False(Catalog.IsPairAllowed("39801", "59999"));
        Assert.Null(Catalog.FindPair("30101", "59999"));
    }

    [Fact]
    public void User_mapping_adds_and_confirms_pairs()
    {
        var catalog = ClassificationCatalog.CreateFromBuiltIn();
        var result = catalog.LoadMapping(new StringReader("dept_code,gov_code,source,verified\n30106,50501,对照表2025,\n30101,50201,测试,no\n"));
        Assert.Equal(2, result.RowsLoaded);
        Assert.True(catalog.FindPair("30106", "50501")!.Verified);
        Assert.True(catalog.IsPairAllowed("30101", "50201"));
        Assert.False(catalog.FindPair("30101", "50201")!.Verified);
        Assert.False(ClassificationCatalog.BuiltIn.IsPairAllowed("30101", "50201"));
    }
}
