using Gongkai.Audit;
using Gongkai.Reading;
using Gongkai.Tests.Support;
using Gongkai.Tests.Reading;

namespace Gongkai.Tests.Audit;

/// <summary>GK314 on project lists nested by level (unit → category → project) without a 合计 row.</summary>
public class ProjectListNestingTests
{
    private static AuditReport Check(string file) =>
        Auditor.Audit(PdfSamples.ReadCorpus(file).Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });

    [Theory] // 表10 lists each unit, its categories and their projects, every level with its amount: adding all rows
    // counted the money two or three times (95443.59 项目支出 against 306450.23)
    [InlineData("020-西安-2026年西安市公安局部门预算.pdf")]
    [InlineData("020-西安-2026年西安市审计局部门预算.pdf")]
    public void A_nested_project_list_is_not_added_up(string file) => Assert.Empty(Check(file).ByRule("GK314"));

    [Fact] // the 湖州 list is flat and prints every project once: it is still compared. Its 171462.41 is 项目支出 171262.41 +
           // 事业单位经营支出 200.00 of the 支出总表 (a project paid from 经营 income), so it agrees; without that column it would not
    public void A_flat_project_list_is_still_compared()
    {
        const string file = "079-湖州-2026年湖州市交通运输局部门预算.pdf";
        Assert.Empty(Check(file).ByRule("GK314"));
        // a fresh read: the cached model of PdfSamples is shared by other tests and must not be changed
        var d = new Gongkai.Recognition.DisclosureReader().Read(Shared.Corpus(file)).Disclosure;
        Assert.True(d.Table(Gongkai.Model.TableKind.BudgetExpenditure)!.TotalRow!.Values.Remove(Gongkai.Model.Measure.OperatingExpenditure));
        var f = Assert.Single(Auditor.Audit(d, new AuditOptions { Catalog = CatalogAdapter.Instance }).ByRule("GK314"));
        Assert.Equal(171262.41m, f.Expected);
        Assert.Equal(171462.41m, f.Found);
    }
}
