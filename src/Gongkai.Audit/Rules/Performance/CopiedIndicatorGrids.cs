using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Performance;

/// <summary>
/// GK621 two or more unrelated projects with the same indicator grid, row for row (三级指标, 符号, 指标值, 单位): a
/// template filled in by copy and paste. Projects whose names share a specific part (the same fund split by batch,
/// 提前下达 / 再安排, or two sources for the same purpose) are related and not compared.
/// </summary>
public sealed partial class CopiedIndicatorGrids : Rule
{
    /// <summary>Grids shorter than this are too generic (满意度 ≥ 90%) to call copied.</summary>
    public const int MinIndicators = 3;

    /// <summary>Names sharing a run of this many characters (after the generic words are removed) are related.</summary>
    public const int RelatedRun = 4;

    public override RuleDescriptor Descriptor { get; } = new(
        "GK621", "不同项目的绩效指标不应整表相同", Severity.Warning, Applicability.Both, RuleCategory.Performance,
        "名称无共同部分的两个项目：{(三级指标, 符号, 指标值, 单位)} 不完全相同（≥ 3 项指标时）",
        "每个项目的绩效指标应反映其自身的产出和效果；用途不同的项目指标逐行相同，说明是照搬模板或复制其他项目，指标无法考核本项目。",
        "“办公经费”与“医保业务档案整理”的 5 项指标（含“档案整理数量 ≥ 2000 卷”）完全相同");

    private static readonly string[] Generic =
    [
        "专项资金", "补助资金", "资金", "工作经费", "业务经费", "专项经费", "经费", "专项", "补助", "项目", "工作", "上级", "本级",
        "提前下达", "再安排", "中央", "省级", "市级", "区级", "县级", "财政", "支出",
    ];

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var targets = d.PerformanceTargets.Where(p => !p.IsOverall).Select(p => (p.ProjectName, p.Indicators, p.Source, Kind: "绩效目标表"));
        var evals = d.SelfEvaluations.Where(s => !s.IsOverall).Select(s => (s.ProjectName, s.Indicators, s.Source, Kind: "绩效自评表"));
        foreach (var set in new[] { targets.ToList(), evals.ToList() })
        {
            var groups = set.Where(p => p.Indicators.Count >= MinIndicators && p.ProjectName.Trim().Length > 0)
                .GroupBy(p => Key(p.Indicators)).Where(g => g.Key.Length > 0 && g.Count() > 1);
            foreach (var g in groups)
            {
                var members = g.GroupBy(p => p.ProjectName.Trim()).Select(x => x.First()).ToList();
                var unrelated = members.Where(a => members.Any(b => !ReferenceEquals(a.ProjectName, b.ProjectName) && !Related(a.ProjectName, b.ProjectName))).ToList();
                if (unrelated.Count < 2) continue;
                var n = unrelated[0].Indicators.Count;
                yield return Report(
                    $"项目{unrelated[0].Kind}{string.Join("与", unrelated.Select(p => $"「{p.ProjectName.Trim()}」"))}的 {n} 项绩效指标（三级指标、指标值）逐行相同，项目名称和用途不同：疑为复制套用",
                    unrelated.Select(p => p.Source), suggestion: "按各项目的实际产出和效果分别设置绩效指标。");
            }
        }
    }

    /// <summary>The grid as a canonical string (order-free); empty when no row has both a name and a value.</summary>
    private static string Key(List<Indicator> inds)
    {
        var rows = inds.Select(i => (Name: Norm(i.Name), Value: Norm(i.Operator + i.TargetText + i.Unit))).ToList();
        if (rows.Any(r => r.Name.Length == 0) || rows.All(r => r.Value.Length == 0)) return "";
        return string.Join("\u0001", rows.Select(r => r.Name + "\u0002" + r.Value).Order(StringComparer.Ordinal));
    }

    private static string Norm(string s) => Whitespace.Squeeze(s ?? "");

    /// <summary>Whether two project names share a specific part (a run of <see cref="RelatedRun"/> characters once years, digits and generic words are gone).</summary>
    public static bool Related(string a, string b)
    {
        string Core(string s)
        {
            s = NonWord().Replace(s, "");
            foreach (var g in Generic) s = s.Replace(g, "|");
            return s;
        }
        var x = Core(a);
        var y = Core(b);
        for (int i = 0; i + RelatedRun <= x.Length; i++)
        {
            var run = x.Substring(i, RelatedRun);
            if (!run.Contains('|') && y.Contains(run, StringComparison.Ordinal)) return true;
        }
        return x.Length > 0 && x == y;
    }

    [GeneratedRegex(@"[\s\d０-９年度（）()\-—_·、，,.。“”""]")]
    private static partial Regex NonWord();
}
