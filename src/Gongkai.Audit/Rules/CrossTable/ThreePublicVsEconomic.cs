using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK312 an econ line of B6/F6 (基本支出 only) exceeds the matching 三公 item (P28/Q29).</summary>
public sealed class ThreePublicVsEconomic : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK312", "基本支出表“三公”相关科目不超过“三公”表", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "B6/F6 30217 公务接待费 ≤ “三公”表公务接待费；30231 公务用车运行维护费 ≤ “三公”表公务用车运行费",
        "基本支出表只含基本支出，“三公”表含基本和项目支出，前者的相应科目不应大于后者。",
        "F6 30217 公务接待费 2.30，F7 公务接待费 1.80");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (X.ThreePublic(ctx) is not { } tp) yield break;
        foreach (var (code, fig, name) in new[] { ("30217", tp.Reception, "公务接待费"), ("30231", tp.VehicleOperation, "公务用车运行费") })
        {
            if (fig is not { IsNumber: true } || X.EconLine(ctx, code) is not var (line, table)) continue;
            var f = Judge(ctx, Tolerance.AtMost(X.Wan(line).Value, X.Wan(fig).Value), $"{table.Describe()} {code}",
                $"不应超过“三公”经费表的{name}", new[] { line.Source, fig.Source }, table, "核对基本支出表与“三公”经费表的口径。", "万元");
            if (f is not null) yield return f;
        }
    }
}
