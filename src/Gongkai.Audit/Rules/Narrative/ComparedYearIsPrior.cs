using Gongkai.Model;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>GK408 a year-on-year comparison names the year before the one it speaks of.</summary>
public sealed class ComparedYearIsPrior : NarrativeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK408", "同比年份为上一年度", Severity.Error, Applicability.Both, RuleCategory.Narrative,
        "比较年份 = 所述年度 − 1（所述年度缺省为文件年度）",
        "与上年比较的句子所写的比较年份应为所述年度的上一年；2024 年度文件写“比2024年”或“比2022年”均属错误。",
        "2024年度决算：“与2023年度相比”正确，“与2024年度相比”错误");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var docYear = ctx.Disclosure.Year;
        foreach (var c in Claims(ctx))
        {
            if (c.ComparedYear is not int cy || c.Base is not (ComparisonBase.PriorYear or ComparisonBase.Unspecified)) continue;
            if ((c.Year ?? docYear) is not int y) continue;
            if (cy == y - 1) continue;
            yield return Report($"情况说明{Quote(c)}：比较年份应为 {y - 1} 年，实为 {cy} 年，相差 {cy - (y - 1):+0;-0} 年",
                new[] { c.Source }, y - 1, cy, $"将比较年份改为 {y - 1} 年，并核对比较数据是否取自该年度。");
        }
    }
}
