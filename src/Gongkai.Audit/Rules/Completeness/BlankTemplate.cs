using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Completeness;

/// <summary>GK100 the document is a blank template: checked for structure only.</summary>
public sealed class BlankTemplate : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK100", "空白模板", Severity.Info, Applicability.Both, RuleCategory.Completeness,
        "部门名称为占位符（XX局）且表格无数字，或表格无数字且正文大量占位符 → 只做结构检查",
        "公开模板本身不是一份公开文档：空表、占位符和缺少的金额是模板的本来面目，不应逐项报错；结构（表格是否齐全）仍然检查。",
        "国家部门决算公开模板“上海市XX局”")
    { RunsOnTemplates = true };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        if (!d.IsBlankTemplate) yield break;
        yield return Report($"这是一份空白模板（{d.DepartmentName ?? "部门名称为占位符"}，表格中没有数字）：只检查表格结构是否齐全，" +
            "不按空表、勾稽和叙述规则逐项报告。填入数据后再审核。", new[] { new Provenance(d.File) },
            suggestion: "用模板编制公开文档时，替换所有 XX 占位符并填入表格数据。");
    }
}
