using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Recognition;

namespace Gongkai.Tests.Compile;

/// <summary>
/// The 江苏 预算 packages of both templates (2018: 公开01–12 under the template; 2026: 公开01–13 with 收入总表 by unit and
/// the 三公·会议费·培训费 table without 合计) from random budget data: the model audits clean, and each format read back
/// (Markdown, XLSX, DOCX, PDF) gives the same tables and the input figures and audits clean.
/// </summary>
public class JiangsuTemplateRoundTripTests
{
    public static IEnumerable<object[]> Cases() =>
        Enumerable.Range(1, CompileRoundTripTests.Cases).Select(RandomData.Create).Select((d, i) => (Seed: i + 1, Data: d))
            .Where(x => !x.Data.IsFinal && x.Data.Profile is "jiangsu" or "national").Take(4)
            .SelectMany(x => new[] { new object[] { x.Seed, 2026 }, new object[] { x.Seed, 2018 } });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Random_jiangsu_package_reads_back_from_every_format(int seed, int year)
    {
        var data = RandomData.Create(seed);
        data.Profile = "jiangsu";
        data.Year = year;
        if (year >= 2026) RandomRegionalData.LayPublic(data); // 公开05/07 print 人员经费 | 公用经费 by 功能 项
        var p = PackageAssert.Build(data);
        PackageAssert.AuditClean(p.Model, "汇编模型");
        // every table of the layout, 公开06 only when 一般公共预算 is the only fiscal fund with 基本支出
        int expected = (year >= 2026 ? 13 : 12) - (p.Tables.Any(t => t.Kind == TableKind.FiscalGrantBasic) ? 0 : 1);
        Assert.Equal(expected, p.Tables.Count(t => t.Label?.StartsWith("公开", StringComparison.Ordinal) == true));
        foreach (var format in new[] { "md", "xlsx", "docx", "pdf" })
        {
            var renderer = PackageRenderers.Find(format)!;
            var path = $"{p.Title}.{renderer.Extension}";
            var read = new DisclosureReader().Read(path, renderer.RenderToBytes(p)).Disclosure;
            read.Profile = RegionProfile.Jiangsu; // the random unit names no region
            PackageAssert.SameTables(p.Model, read);
            PackageAssert.EqualsInput(data, read);
            PackageAssert.AuditClean(read, $"读回的 {format}（种子 {seed}，{year}）");
        }
    }
}
