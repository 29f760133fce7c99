using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK710 the stated reason says the opposite of the stated direction (提示).</summary>
public sealed partial class ReasonContradictsDirection : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK710", "增减原因与增减方向相符", Severity.Info, Applicability.Both, RuleCategory.Text,
        "增加的原因不只写“减少/压减/下降”；减少的原因不只写“增加/新增/上升”",
        "原因与方向相反，多半是复制了另一项的原因；原因措辞多样，只作提示。",
        "“比上年增加 5 万元，主要原因是压减会议费”");

    [GeneratedRegex("减少|压减|压缩|下降|缩减|降低|取消")]
    private static partial Regex Down();

    [GeneratedRegex("增加|新增|增长|上升|提高|增设|扩大")]
    private static partial Regex Up();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var c in ctx.Disclosure.Claims.Where(c => c.Reason is { Length: > 0 } && c.Direction is ChangeDirection.Increase or ChangeDirection.Decrease))
        {
            var up = Up().IsMatch(c.Reason!);
            var down = Down().IsMatch(c.Reason!);
            if (c.Direction == ChangeDirection.Increase ? !(down && !up) : !(up && !down)) continue;
            yield return Report($"「{c.Subject}」{(c.Direction == ChangeDirection.Increase ? "增加" : "减少")}，所述原因却是「{c.Reason}」，方向相反",
                new[] { c.Source }, suggestion: "核对原因说明。");
        }
    }
}
