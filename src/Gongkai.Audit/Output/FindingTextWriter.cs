using System.Text;
using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// Plain-text report for the terminal: Chinese, grouped by severity then table, wrapped to 80 display
/// columns (a CJK character counts as two columns).
/// </summary>
public sealed class FindingTextWriter
{
    public int Width { get; init; } = 80;

    public string Write(AuditReport report)
    {
        var sb = new StringBuilder();
        var head = $"审核结果：{Path.GetFileName(report.File)}";
        AppendWrapped(sb, head, "", "");
        sb.Append(new string('=', Math.Min(Width, Math.Max(DisplayWidth(head), 20)))).Append('\n');
        AppendWrapped(sb, $"错误 {report.ErrorCount} 条，警告 {report.WarningCount} 条，提示 {report.InfoCount} 条" +
                          $"（其中尾差 {report.RoundingCount} 条）；运行规则 {report.RulesRun.Count} 条。", "", "");
        foreach (var sev in new[] { Severity.Error, Severity.Warning, Severity.Info })
        {
            var list = report.Findings.Where(f => f.Severity == sev).ToList();
            if (list.Count == 0) continue;
            sb.Append('\n').Append($"【{sev.Chinese()}】{list.Count} 条").Append('\n');
            foreach (var g in list.GroupBy(f => f.Table).OrderBy(g => g.Key is TableKind k ? (int)k : int.MaxValue))
            {
                sb.Append(g.Key is TableKind k ? $"  ▍{k.Describe()}" : "  ▍其他").Append('\n');
                foreach (var f in g)
                {
                    AppendWrapped(sb, $"{f.RuleId} {f.Message}", "    ", "          ");
                    if (f.PrimaryLocation is { } loc && loc.Describe().Length > 0)
                        AppendWrapped(sb, "位置：" + string.Join("；", f.Locations.Take(3).Select(l => l.Describe()).Where(s => s.Length > 0))
                                          + (f.Locations.Count > 3 ? $" 等 {f.Locations.Count} 处" : ""), "          ", "          ");
                    if (f.Suggestion is { } s) AppendWrapped(sb, "建议：" + s, "          ", "          ");
                }
            }
        }
        if (report.Findings.Count == 0) sb.Append('\n').Append("未发现问题。").Append('\n');
        return sb.ToString();
    }

    public void Write(AuditReport report, TextWriter writer) => writer.Write(Write(report));

    /// <summary>Columns a string takes on a terminal: 2 for CJK and full-width characters, 1 otherwise.</summary>
    public static int DisplayWidth(string s) => s.Sum(CharWidth);

    private static int CharWidth(char c) =>
        c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                        (c >= 0xFFE0 && c <= 0xFFE6) || c is '“' or '”' or '…' or '—' or '▍')
            ? 2 : 1;

    private const string NoLineStart = "，。；：、）」』”！？）%";

    private void AppendWrapped(StringBuilder sb, string text, string firstIndent, string indent)
    {
        var line = new StringBuilder(firstIndent);
        var width = DisplayWidth(firstIndent);
        var i = 0;
        while (i < text.Length)
        {
            // keep ASCII runs (numbers, ids) together
            var j = i + 1;
            if (CharWidth(text[i]) == 1 && !char.IsWhiteSpace(text[i]))
                while (j < text.Length && CharWidth(text[j]) == 1 && !char.IsWhiteSpace(text[j]) && j - i < 30) j++;
            var token = text[i..j];
            var w = DisplayWidth(token);
            if (width + w > Width && line.Length > indent.Length)
            {
                // never start a line with closing punctuation: carry the previous character over
                var carry = "";
                if (token.Length == 1 && NoLineStart.Contains(token[0]) && line.Length > indent.Length + 1)
                {
                    carry = line[^1].ToString();
                    line.Length--;
                }
                sb.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(indent).Append(carry);
                width = DisplayWidth(indent) + DisplayWidth(carry);
                if (token == " ") { i = j; continue; }
            }
            line.Append(token);
            width += w;
            i = j;
        }
        if (line.Length > 0) sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
