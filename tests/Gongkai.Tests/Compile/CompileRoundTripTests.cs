using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Xunit.Abstractions;

namespace Gongkai.Tests.Compile;

/// <summary>
/// Property: for ≥ 200 random consistent data sets, compile → write an output format → read it back → the model
/// equals the input and the audit (the rules of check) reports no 错误 or 警告.
/// </summary>
public class CompileRoundTripTests(ITestOutputHelper output)
{
    public const int Cases = 200;

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, Cases).Select(i => new object[] { i });

    [Fact]
    public void Generator_is_deterministic_and_consistent()
    {
        Assert.Equal(RandomData.Create(7).ToJson(), RandomData.Create(7).ToJson());
        Assert.NotEqual(RandomData.Create(7).ToJson(), RandomData.Create(8).ToJson());
        for (int i = 1; i <= Cases; i++)
        {
            var p = PackageBuilder.Build(RandomData.Create(i));
            Assert.DoesNotContain(p.Issues, x => x.Severity == IssueSeverity.Error);
        }
    }

    [Fact]
    public void Markdown_round_trip_of_random_data_sets()
    {
        int final = 0, budget = 0;
        for (int seed = 1; seed <= Cases; seed++)
        {
            var data = RandomData.Create(seed);
            try
            {
                var package = PackageAssert.Build(data);
                PackageAssert.AuditClean(package.Model, "汇编模型");
                var read = PackageAssert.ReadMarkdown(package).Disclosure;
                Assert.Equal(package.Model.Kind, read.Kind);
                Assert.Equal(data.Year, read.Year);
                PackageAssert.SameTables(package.Model, read);
                PackageAssert.EqualsInput(data, read);
                PackageAssert.AuditClean(read, "读回的 Markdown");
                if (data.IsFinal) final++; else budget++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new Xunit.Sdk.XunitException($"种子 {seed}（{data.Kind} {data.Year} {data.Profile}）：{e.Message}");
            }
        }
        Assert.True(final > 50 && budget > 50, $"决算 {final}、预算 {budget}");
    }

    /// <summary>
    /// The other formats go through the format readers (DOCX and XLSX: Open XML SDK; HTML: AngleSharp) and must give
    /// the same model as the input, like the Markdown round trip.
    /// </summary>
    [Theory]
    [InlineData("html", SourceFormat.Html)]
    [InlineData("docx", SourceFormat.Docx)]
    [InlineData("xlsx", SourceFormat.Xlsx)]
    public void Other_formats_round_trip(string format, SourceFormat expected)
    {
        var renderer = PackageRenderers.Find(format)!;
        int checkedCases = 0;
        for (int seed = 1; seed <= Cases; seed++)
        {
            var data = RandomData.Create(seed);
            var package = PackageAssert.Build(data);
            var bytes = renderer.RenderToBytes(package);
            var path = $"{package.Title}.{renderer.Extension}";
            var source = DocumentReaders.CreateDefault().Read(path, bytes);
            Assert.Equal(expected, source.Format);
            var read = new DisclosureReader().Read(path, bytes).Disclosure;
            PackageAssert.SameTables(package.Model, read);
            PackageAssert.EqualsInput(data, read);
            PackageAssert.AuditClean(read, $"读回的 {format}");
            checkedCases++;
        }
        Assert.Equal(Cases, checkedCases);
    }
}

/// <summary>
/// The PDF of a package read back by the PDF reader (PdfPig, positioned words → lines → ruled tables) gives the same
/// tables and the input figures, and the audit stays clean — for the two seed packages and all 200 random data sets.
/// </summary>
public class CompilePdfRoundTripTests
{
    [Theory]
    [InlineData("seed003-final-2024.json")]
    [InlineData("seed004-budget-2023.json")]
    public void Seed_package_pdf_reads_back_to_the_same_tables(string name) => RoundTrip(CompileSeedTests.Load(name));

    [Theory]
    [MemberData(nameof(CompileRoundTripTests.Seeds), MemberType = typeof(CompileRoundTripTests))]
    public void Random_package_pdf_reads_back_to_the_same_tables(int seed) => RoundTrip(RandomData.Create(seed));

    private static void RoundTrip(Gongkai.Compile.DisclosureData data)
    {
        var package = PackageAssert.Build(data);
        var bytes = PackageRenderers.Find("pdf")!.RenderToBytes(package);
        var read = new DisclosureReader().Read(package.Title + ".pdf", bytes).Disclosure;
        PackageAssert.SameTables(package.Model, read);
        PackageAssert.EqualsInput(data, read);
        PackageAssert.AuditClean(read, "读回的 PDF");
        PackageAssert.OverallEqualsInput(data, read);
        // one 绩效 table per project even where the PDF reader drops their repeated titles
        Assert.Equal(data.Projects.Count(p => p.Indicators.Count > 0 || (data.IsFinal && p.SelfEvaluation is not null)),
            data.IsFinal ? read.SelfEvaluations.Count(s => !s.IsOverall) : read.PerformanceTargets.Count(t => !t.IsOverall));
    }
}
