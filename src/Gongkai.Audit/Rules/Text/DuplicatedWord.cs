using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>GK703 duplicated words (增加增加, 万元万元).</summary>
public sealed partial class DuplicatedWord : TextRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK703", "词语重复", Severity.Warning, Applicability.Both, RuleCategory.Text,
        "常用词（增加、减少、增长、下降、支出、收入、万元、主要、其中、用于、比上年 …）或三字以上词语不得紧接重复",
        "紧接重复的词语多为编辑遗留；叠词（如“人人”）不在检查之列。",
        "“比上年增加增加5万元”");

    private static readonly string[] Words =
    {
        "增加", "减少", "增长", "下降", "支出", "收入", "万元", "主要", "其中", "用于", "比上年", "预算", "决算", "经费",
        "项目", "单位", "部门", "原因", "合计", "财政拨款", "持平", "占",
    };

    /// <summary>A run of 3–6 CJK characters printed twice in a row ("医疗保障医疗保障"), scanning left to right.</summary>
    private static IEnumerable<(int Index, string Word)> LongRepeats(string text)
    {
        static bool Cjk(char c) => c is >= '\u4e00' and <= '\u9fff';
        for (int i = 0; i + 6 <= text.Length; i++)
        {
            if (!Cjk(text[i])) continue;
            for (int len = 3; len <= 6 && i + 2 * len <= text.Length; len++)
            {
                bool ok = true;
                for (int k = 0; k < len && ok; k++)
                    ok = Cjk(text[i + k]) && text[i + k] == text[i + len + k];
                if (!ok) continue;
                yield return (i, text.Substring(i, len));
                i += 2 * len - 1;
                break;
            }
        }
    }

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var item in Texts(ctx))
        {
            var hits = new List<(int Index, string Word)>();
            foreach (var w in Words)
            {
                var doubled = w + w;
                for (int i = item.Text.IndexOf(doubled, StringComparison.Ordinal); i >= 0; i = item.Text.IndexOf(doubled, i + 1, StringComparison.Ordinal))
                    hits.Add((i, w));
            }
            foreach (var (index, word) in LongRepeats(item.Text))
                if (!hits.Any(h => h.Index >= index && h.Index < index + word.Length * 2)) hits.Add((index, word));
            // one finding per repeated word and text: the same slip twice in one sentence is one defect to fix
            foreach (var (index, word) in hits.OrderBy(h => h.Index).DistinctBy(h => h.Word))
                yield return Report($"{item.Where}「{Excerpt(item.Text, index, word.Length * 2)}」词语“{word}”重复", new[] { item.Source },
                    suggestion: $"删去重复的“{word}”。");
        }
    }
}
