using Gongkai.Model;

namespace Gongkai.Audit.Rules.CrossTable;

/// <summary>GK313 会议费/培训费/差旅费 of 公开09 ≥ the F6 lines 30215/30216/30211 (Q31).</summary>
public sealed class MeetingTrainingVsEconomic : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK313", "会议费、培训费、差旅费不小于基本支出表相应科目", Severity.Warning, Applicability.Both, RuleCategory.CrossTable,
        "机构运行信息表会议费 ≥ F6 30215；培训费 ≥ 30216；差旅费 ≥ 30211",
        "机构运行信息表的会议费、培训费、差旅费含基本和项目支出，不应小于基本支出表中的相应科目。",
        "公开09 会议费 1.00，F6 30215 会议费 2.06");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Disclosure.ThreePublic is not { } tp) yield break;
        foreach (var (code, fig, name) in new[] { ("30215", tp.Meeting, "会议费"), ("30216", tp.Training, "培训费"), ("30211", tp.Travel, "差旅费") })
        {
            if (fig is not { IsNumber: true } || X.EconLine(ctx, code) is not var (line, table)) continue;
            var f = Judge(ctx, Tolerance.AtMost(X.Wan(line).Value, X.Wan(fig).Value), $"{table.Describe()} {code} {name}",
                $"不应超过机构运行信息表的{name}", new[] { line.Source, fig.Source }, table, "核对两表口径。", "万元");
            if (f is not null) yield return f;
        }
    }
}
