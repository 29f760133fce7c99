using Gongkai.Audit;
using Gongkai.Audit.Rules.WithinTable;
using Gongkai.Model;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>GK227 (P6): the 部门经济 and 政府经济 blocks of XA 表1 each add up to 本年支出合计 (XA22B figures).</summary>
public class EconomicBlocksRuleTests
{
    private static DocBuilder Summary(decimal project = 161.84m, decimal gov505 = 235.81m)
    {
        var b = DocBuilder.Budget(2022).Profile(RegionProfile.Shaanxi);
        var t = new DisclosureTable { Kind = TableKind.BudgetSummary, Title = "2022年部门综合预算收支总表" };
        void Add(int block, string label, SummaryLine line, decimal v, string? code = null, CodeScheme scheme = CodeScheme.DepartmentEconomic)
        {
            var r = new DataRow
            {
                Label = label, Line = line, Block = block, Side = Side.Expenditure, Source = b.Next(label),
                Code = code is null ? null : new ClassificationCode(code, scheme), IsSubItem = label.StartsWith('('),
            };
            r.Values[Measure.Amount] = b.Fig(v, at: b.Next(v.ToString()));
            t.Rows.Add(r);
        }
        Add(1, "10、卫生健康支出", SummaryLine.ExpenditureClass, 1172.35m, "210", CodeScheme.Function);
        Add(1, "本年支出合计", SummaryLine.TotalExpenditureThisYear, 1172.35m);
        Add(2, "一、部门预算", SummaryLine.None, 1172.35m);
        Add(2, "1、人员经费和公用经费支出", SummaryLine.None, 1010.51m);
        Add(2, "(1)工资福利支出", SummaryLine.EconomicLine, 205.53m, "301");
        Add(2, "(3)对个人和家庭的补助", SummaryLine.EconomicLine, 784.92m, "303");
        Add(2, "2、专项业务经费支出", SummaryLine.None, project);
        Add(2, "3、上缴上级支出", SummaryLine.None, 0m);
        Add(2, "本年支出合计", SummaryLine.TotalExpenditureThisYear, 1172.35m);
        Add(3, "1、机关工资福利支出", SummaryLine.EconomicLine, 129.39m, "501", CodeScheme.GovernmentEconomic);
        Add(3, "2、机关商品和服务支出", SummaryLine.EconomicLine, 17.24m, "502", CodeScheme.GovernmentEconomic);
        Add(3, "5、对事业单位经常性补助", SummaryLine.EconomicLine, gov505, "505", CodeScheme.GovernmentEconomic);
        Add(3, "9、对个人和家庭的补助", SummaryLine.EconomicLine, 789.92m, "509", CodeScheme.GovernmentEconomic);
        Add(3, "本年支出合计", SummaryLine.TotalExpenditureThisYear, 1172.35m);
        b.Doc.Tables.Add(t);
        return b;
    }

    [Fact]
    public void Consistent_blocks_are_silent_and_the_government_cent_is_a_rounding_hint()
    {
        Silent<EconomicBlocksSum>(Summary());
        var hint = Assert.Single(Run<EconomicBlocksSum>(Summary(), new AuditOptions { ReportRoundingDifferences = true }));
        Assert.True(hint.IsRoundingDifference);
        Assert.Equal(1172.36m, hint.Expected);
        Assert.Contains("政府经济分类块", hint.Message);
    }

    [Fact]
    public void A_department_block_that_does_not_add_up_is_an_error()
    {
        var f = Single<EconomicBlocksSum>(Summary(project: 171.84m), expected: 1182.35m, found: 1172.35m);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("部门经济分类块", f.Message);
    }

    [Fact]
    public void A_government_block_that_does_not_add_up_is_an_error() =>
        Single<EconomicBlocksSum>(Summary(gov505: 245.81m), expected: 1182.36m, found: 1172.35m);
}
