using System.Text;
using Gongkai.Audit;
using Gongkai.Recognition;

namespace Gongkai.Tests.Audit;

/// <summary>GK405 with the whole of a share inferred from the paragraph (主要用于 lists, 决算 类 paragraphs, 其中 after a total).</summary>
public class ShareWholeInferenceTests
{
    private static AuditReport Check(string narrative)
    {
        var md = "# 某某局2023年部门预算公开说明\n\n## 第一部分 情况说明\n\n" + narrative;
        var read = new DisclosureReader().Read("share.md", Encoding.UTF8.GetBytes(md));
        return Auditor.Audit(read.Disclosure);
    }

    private const string Functional =
        "## 六、一般公共预算支出预算情况\n\n" +
        "2023年一般公共预算拨款支出982.98万元，比2022年预算增加675.97万元，增长220.18%。\n\n" +
        "按支出功能分类，主要用于：社会保障和就业支出6.78万元，占{0}%；卫生健康支出955.44万元，占{1}%；住房保障支出20.76万元，占{2}%。\n";

    private const string Basic =
        "## 七、一般公共预算基本支出预算情况\n\n" +
        "2023年一般公共预算基本支出204.78万元。\n\n" +
        "其中：人员经费182.37万元，占{0}%，主要包括基本工资、津贴补贴。\n\n" +
        "公用经费22.41万元，占{1}%，主要包括办公费、印刷费。\n";

    private const string Procurement =
        "## 十、其他重要事项的情况说明\n\n" +
        "2023年本部门政府采购预算81.20万元，其中：政府采购服务预算81.20万元。面向中小企业预留采购份额60.90万元，占政府采购预算的{0}%。\n";

    [Fact]
    public void Share_in_a_main_uses_list_is_recomputed_against_the_paragraph_total()
    {
        var f = Assert.Single(Check(string.Format(Functional, "0.69", "13.80", "2.11")).ByRule("GK405"));
        Assert.Equal(97.20m, f.Expected);
        Assert.Equal(13.80m, f.Found);
        Assert.Contains("一般公共预算拨款支出", f.Message);
        Assert.Contains("955.44 ÷ 982.98", f.Suggestion);
    }

    [Fact]
    public void Consistent_main_uses_list_is_silent()
    {
        Assert.Empty(Check(string.Format(Functional, "0.69", "97.20", "2.11")).ByRule("GK405"));
    }

    [Fact]
    public void Share_after_a_breakdown_of_the_paragraph_total_is_recomputed()
    {
        var f = Assert.Single(Check(string.Format(Basic, "89.06", "12.94")).ByRule("GK405"));
        Assert.Equal(10.94m, f.Expected);
        Assert.Equal(12.94m, f.Found);
        Assert.Empty(Check(string.Format(Basic, "89.06", "10.94")).ByRule("GK405"));
    }

    [Fact]
    public void Named_whole_unknown_to_the_tables_is_taken_from_the_earlier_claim_of_that_subject()
    {
        var f = Assert.Single(Check(string.Format(Procurement, "57.00")).ByRule("GK405"));
        Assert.Equal(75.00m, f.Expected);
        Assert.Contains("政府采购预算", f.Message);
        Assert.Empty(Check(string.Format(Procurement, "75.00")).ByRule("GK405"));
    }

    private const string Structure =
        "## 五、一般公共预算支出安排情况\n\n### （一）一般公共预算拨款规模变化情况\n\n" +
        "2023年一般公共预算拨款982.98万元，较2022年预算增加675.97万元。\n\n### （二）一般公共预算拨款结构情况\n\n" +
        "基本支出204.78万元，占{0}%，其中：人员经费182.37万元，公用经费22.41万元；项目支出778.20万元，占79.17%。\n";

    [Fact]
    public void Section_that_opens_with_a_share_takes_the_total_of_the_preceding_section()
    {
        var f = Assert.Single(Check(string.Format(Structure, "16.11")).ByRule("GK405"));
        Assert.Equal(20.83m, f.Expected);
        Assert.Contains("一般公共预算拨款", f.Message);
        Assert.Empty(Check(string.Format(Structure, "20.83")).ByRule("GK405"));
    }

    [Fact]
    public void Total_that_the_shares_do_not_confirm_is_not_used()
    {
        // The shares are of some other whole: their amounts do not add up to the paragraph total and none of them
        // recomputes from it, so the inference is not made.
        var text = "## 六、一般公共预算支出预算情况\n\n" +
                   "2023年一般公共预算拨款支出982.98万元。\n\n" +
                   "按支出功能分类，主要用于：社会保障和就业支出6.78万元，占5.00%；住房保障支出20.76万元，占15.00%。\n";
        Assert.Empty(Check(text).ByRule("GK405"));
        // A lone share whose amount is not the whole total: nothing confirms the inference either.
        var lone = "## 七、一般公共预算基本支出预算情况\n\n2023年一般公共预算基本支出204.78万元。\n\n公用经费22.41万元，占12.94%。\n";
        Assert.Empty(Check(lone).ByRule("GK405"));
    }
}
