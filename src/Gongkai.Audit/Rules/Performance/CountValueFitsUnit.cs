using Gongkai.Model;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>
/// GK625 a count indicator whose value does not fit its unit: a fraction of a person, household or item (12.5 人), or a
/// 万-unit so large it counts more than a billion (200000 万人: the value was given in 人).
/// </summary>
public sealed class CountValueFitsUnit : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK625", "计数指标的值与计量单位相符", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "计量单位为人、个、户、家、台、辆……（不含人均、平均等）→ 指标值（完成值）为整数；计量单位为万人、万人次、万户……→ 指标值 < 100000",
        "人数、户数、个数只能是整数；以“万人”计的指标值超过 10 亿，多半是把以“人”计的数字填在了“万人”下。",
        "培训人数 ≥ 12.5 人；服务人次 ≥ 350000 万人次");

    private static readonly string[] Units =
        { "人", "人次", "个", "户", "户次", "家", "辆", "台", "套", "所", "座", "名", "件", "项", "份", "篇", "艘", "架", "场", "宗", "起", "栋" };
    private static readonly string[] Averages = { "均", "每", "率", "比", "指数", "占", "平均", "系数" };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (table, _, i) in Perf.Indicators(ctx))
        {
            var unit = i.Unit.Trim();
            var name = i.Name.Trim();
            if (Averages.Any(a => name.Contains(a, StringComparison.Ordinal))) continue;
            bool whole = Units.Contains(unit);
            bool wan = unit.Length > 1 && unit[0] == '万' && Units.Contains(unit[1..]);
            if (!whole && !wan) continue;
            foreach (var (field, value, text) in new[] { ("Target", i.Target, i.TargetText), ("Actual", i.Actual, i.ActualText ?? "") })
            {
                if (value is not decimal v) continue;
                string? why = whole && v != decimal.Truncate(v) ? $"以“{unit}”计却不是整数"
                    : wan && v >= 100000m ? $"以“{unit}”计超过 10 亿（疑为以“{unit[1..]}”填写）" : null;
                if (why is null) continue;
                yield return Report($"{table}指标「{name}」{(field == "Target" ? "指标值" : "完成值")} {text.Trim()} {why}",
                    new[] { Scoring.Loc(i, field) }, found: v, suggestion: "核对指标值与计量单位。");
                break;
            }
        }
    }
}
