using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK702 repeated punctuation (。。 ，， ；；).</summary>
public sealed partial class RepeatedPunctuation : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK702", "标点重复", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "不得连续出现相同的句读标点（。。，，；；、、：：）",
        "重复标点通常是拼接或删改时遗留的。",
        "“主要用于人员支出。。”");

    [GeneratedRegex("([。，；、：,;])\\1+")]
    private static partial Regex Pattern();

    internal static bool IsLeader(string text, Match m)
    {
        if (m.Length >= 4) return true;
        if (m.Length < 3) return false;
        var rest = text[(m.Index + m.Length)..].TrimStart();
        return rest.Length > 0 && char.IsAsciiDigit(rest[0]);
    }

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        // a run of four or more, or of three before a page number, is a dot leader of a 目录, not a slip
        foreach (var item in Texts(ctx))
            foreach (Match m in Pattern().Matches(item.Text).Where(m => !IsLeader(item.Text, m)).DistinctBy(m => m.Value))
                yield return Report($"{item.Where}「{Excerpt(item.Text, m.Index, m.Length)}」标点“{m.Value}”重复", new[] { item.Source },
                    suggestion: "删除多余的标点。");
    }
}
