using Gongkai.Compile.Render;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;

namespace Gongkai.Tests.Reading;

/// <summary>Inputs the mutation fuzzer (bench/Gongkai.Fuzz) found crashing, kept as regressions.</summary>
public class FuzzRegressionTests
{
    /// <summary>A DOCX whose end-of-central-directory record states a different entry count than the directory holds.</summary>
    [Fact]
    public void Docx_with_inconsistent_zip_directory_is_a_clear_read_error()
    {
        var bytes = PackageRenderers.Find("docx")!.RenderToBytes(PackageAssert.Build(RandomData.Create(3)));
        int eocd = -1;
        for (int i = bytes.Length - 22; i >= 0; i--)
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06) { eocd = i; break; }
        Assert.True(eocd > 0);
        bytes[eocd + 10] = (byte)(bytes[eocd + 10] + 1); // total entries off by one
        bytes[eocd + 8] = (byte)(bytes[eocd + 8] + 1);

        var e = Assert.Throws<ReadException>(() => new DisclosureReader().Read("损坏.docx", bytes));
        Assert.Equal(ReadFailure.Corrupt, e.Failure);
        Assert.Contains("损坏.docx", e.Message);
    }
}
