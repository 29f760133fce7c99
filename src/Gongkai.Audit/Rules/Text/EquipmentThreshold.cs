using Gongkai.Model;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>
/// GK714 the unit-price threshold of the equipment counted (单价 N 万元以上（通用/专用）设备) differs between two places of
/// one document. The threshold itself differs by region (20, 50, 100 万元), so only the document's own statements are
/// compared, each kind (设备, 通用设备, 专用设备) with itself.
/// </summary>
public sealed partial class EquipmentThreshold : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK714", "设备单价标准前后一致", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "文中（情况说明、表标题、行名、列名）所有“单价 N 万元（含）以上（通用/专用）设备”，同一类设备的 N 相同",
        "资产占有和购置计划按同一单价标准统计设备台数；一处 20 万元、另一处 100 万元，台数就无法比较，至少一处写错。" +
        "各地标准不同（20、50、100 万元），只比较文件自己的表述。",
        "资产情况“单价20万元以上的设备12台”，购置计划“安排购置单价100万元以上的设备1台”");

    [GeneratedRegex(@"单价\s*(?:在\s*)?(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|万|元)\s*(?:[（(]含[）)])?\s*(?:以上|及以上)\s*(?:的)?\s*(?<k>通用|专用)?\s*(?:设备|仪器设备)")]
    private static partial Regex Threshold();

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var texts = Texts(ctx).Select(i => (i.Text, i.Source, i.Where)).ToList();
        foreach (var t in d.Tables)
        {
            foreach (var r in t.Rows)
            {
                if (r.Label.Contains("单价")) texts.Add((r.Label, r.Source, $"{t.Kind.Label()} 行"));
                if (r.PairedLabel?.Contains("单价") == true) texts.Add((r.PairedLabel, r.Source, $"{t.Kind.Label()} 行"));
            }
            foreach (var c in t.Columns)
                if (c.Header.Contains("单价")) texts.Add((c.Header, t.Source, $"{t.Kind.Label()} 列"));
        }
        var seen = new List<(string Kind, decimal Amount, string Excerpt, Provenance Source)>();
        foreach (var (text, source, where) in texts)
            foreach (Match m in Threshold().Matches(text))
            {
                var n = decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                var amount = m.Groups["u"].Value == "元" ? n / 10000m : n;
                seen.Add((m.Groups["k"].Value, amount, $"{where}「{Whitespace.Squeeze(m.Value)}」", source));
            }
        foreach (var kind in seen.GroupBy(s => s.Kind))
        {
            var first = kind.First();
            // one finding per other threshold: the same stale figure in several places is one defect
            foreach (var other in kind.Where(s => s.Amount != first.Amount).DistinctBy(s => s.Amount))
                yield return Report($"{Name(kind.Key)}的单价标准前后不一：{first.Excerpt}为 {first.Amount:0.##} 万元，{other.Excerpt}为 {other.Amount:0.##} 万元",
                    new[] { other.Source, first.Source }, first.Amount, other.Amount, "统一设备的单价标准，并核对按该标准统计的台数。");
        }
    }

    private static string Name(string kind) => kind.Length == 0 ? "设备" : kind + "设备";
}
