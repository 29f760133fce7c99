using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Performance;

/// <summary>The column roles of a 绩效 indicator table (目标表 and 自评表).</summary>
internal enum IndicatorField
{
    None, Level1, Level2, Name, Description, Operator, Target, Unit, Weight, Basis, Prior, PriorYear,
    Actual, Deviation, Coefficient, Score, IsCore, Note,
}

/// <summary>A value cell split into operator, number and unit ("≥ 36000人次", "=100%", "4758万元").</summary>
internal readonly record struct ParsedValue(string Operator, decimal? Number, int Scale, string Unit, bool IsPercent);

/// <summary>Text helpers shared by the 绩效 readers.</summary>
internal static partial class PerfText
{
    /// <summary>Cell text for matching: markup and bookmarks removed, half-width, no whitespace, (） → ().</summary>
    public static string Key(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var cache = _keyCache ??= new Dictionary<string, string>();
        if (cache.TryGetValue(s, out var hit)) return hit;
        if (cache.Count > 20_000) cache.Clear();
        return cache[s] = ComputeKey(s);
    }

    // the readers ask for the key of the same cell text many times while scoring alignments
    [ThreadStatic] private static Dictionary<string, string>? _keyCache;
    [ThreadStatic] private static Dictionary<string, ParsedValue>? _valueCache;

    private static string ComputeKey(string s)
    {
        s = Numbers.ToHalfWidth(Numbers.CleanCellText(BookmarkRegex().Replace(s, "")));
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c switch { '（' => '(', '）' => ')', '：' => ':', _ => c });
        }
        return sb.ToString();
    }

    /// <summary>
    /// A header label (its <see cref="Key"/>, colon removed) that names a unit other than the 主管部门: 申报单位, 项目单位,
    /// 项目执行单位, (项目)实施单位, 预算单位, 填报单位.
    /// </summary>
    public static bool IsUnitNameLabel(string key) =>
        key is "申报单位" or "项目单位" or "项目执行单位" or "执行单位" or "实施单位" or "项目实施单位" or "预算单位" or "填报单位" or "申报单位名称";

    /// <summary>Display text: markup and bookmarks removed, whitespace next to CJK characters removed (line-wrap residue).</summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        s = Numbers.CleanCellText(BookmarkRegex().Replace(s, "")).Trim();
        if (s.IndexOf(' ') < 0 && s.IndexOf('\u3000') < 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is ' ' or '\u3000' or '\t')
            {
                char prev = sb.Length > 0 ? sb[^1] : ' ';
                int j = i;
                while (j < s.Length && s[j] is ' ' or '\u3000' or '\t') j++;
                char next = j < s.Length ? s[j] : ' ';
                if (prev == ' ' || IsCjk(prev) || IsCjk(next) || j >= s.Length) { i = j - 1; continue; }
                sb.Append(' ');
                i = j - 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    public static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef';

    public static bool IsNumeric(string? s) => Numbers.Parse(s).IsNumeric;

    public static bool IsOperator(string? s) => NormalizeOp(s) is "≥" or "≤" or "=" or ">" or "<";

    /// <summary>An operator cell normalised to ≥ ≤ = &gt; &lt;, or "" when the cell is not an operator.</summary>
    public static string NormalizeOp(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var t = Numbers.NormalizeOperator(s).Replace(" ", "").Replace("$", "");
        return t is "≥" or "≤" or "=" or ">" or "<" ? t : "";
    }

    /// <summary>Split a value such as "≥95%", "= 100%", "≧ 36000人次", "4758万元", "62,015,542.5 0".</summary>
    public static ParsedValue ParseValue(string? raw)
    {
        if (raw is null) return ComputeValue(raw);
        var cache = _valueCache ??= new Dictionary<string, ParsedValue>();
        if (cache.TryGetValue(raw, out var hit)) return hit;
        if (cache.Count > 20_000) cache.Clear();
        return cache[raw] = ComputeValue(raw);
    }

    private static ParsedValue ComputeValue(string? raw)
    {
        var text = Numbers.CleanCellText(BookmarkRegex().Replace(raw ?? "", "")).Trim();
        if (text.Length == 0) return new("", null, 0, "", false);
        var cv = Numbers.Parse(text);
        if (cv.IsNumeric) return new("", cv.Value, cv.Scale, cv.Kind == CellValueKind.Percent ? "%" : "", cv.Kind == CellValueKind.Percent);
        var t = Numbers.ToHalfWidth(Numbers.NormalizeOperator(text)).Replace("$", "").Trim();
        var m = ValueRegex().Match(t);
        if (!m.Success) return new("", null, 0, "", false);
        var num = Numbers.Parse(m.Groups["num"].Value);
        if (!num.IsNumeric) return new("", null, 0, "", false);
        var unit = m.Groups["unit"].Value.Trim();
        return new(m.Groups["op"].Value, num.Value, num.Scale, unit, unit.StartsWith('%'));
    }

    /// <summary>The unit kind of an indicator value from its printed unit.</summary>
    public static ValueUnit UnitOf(string unit, bool percent = false)
    {
        if (percent) return ValueUnit.Percent;
        var u = Key(unit);
        if (u.Length == 0) return ValueUnit.Other;
        if (u.StartsWith('%') || u.Contains("百分")) return ValueUnit.Percent;
        if (u.StartsWith("万元", StringComparison.Ordinal) || u == "万") return ValueUnit.WanYuan;
        if (u.StartsWith('元')) return ValueUnit.Yuan;
        return ValueUnit.Count;
    }

    /// <summary>The role of one (merged) indicator header text. Order matters: 依据 before 指标值, 系数 before 得分.</summary>
    public static IndicatorField FieldOf(string header)
    {
        var h = Key(header);
        if (h.Length == 0) return IndicatorField.None;
        if (h.Contains("依据")) return IndicatorField.Basis;
        if (h.Contains("前年")) return IndicatorField.Prior;
        if (h.Contains("上年")) return IndicatorField.PriorYear;
        if (h.Contains("当年实现") || h.Contains("预期当年") || h.Contains("预计当年")) return IndicatorField.Target;
        if (h.Contains("单位") && !h.Contains("名称")) return IndicatorField.Unit;
        if (h.Contains("描述") || h.Contains("评(扣)分") || h.Contains("扣分")) return IndicatorField.Description;
        if (h.Contains("完成值") || h.Contains("全年完成")) return IndicatorField.Actual;
        if (h.Contains("偏离")) return IndicatorField.Deviation;
        if (h.Contains("系数")) return IndicatorField.Coefficient;
        if (h.Contains("权重")) return IndicatorField.Weight;
        if (h.Contains("核心")) return IndicatorField.IsCore;
        if (h.Contains("得分")) return IndicatorField.Score;
        if (h.Contains("说明") || h.Contains("备注")) return IndicatorField.Note;
        if (h.Contains("一级指标")) return IndicatorField.Level1;
        if (h.Contains("二级指标")) return IndicatorField.Level2;
        if (h.Contains("三级指标") || h.Contains("指标名称") || h.Contains("指标内容")) return IndicatorField.Name;
        if (h.Contains("性质") || h.Contains("符号")) return IndicatorField.Operator;
        if (h.Contains("单位")) return IndicatorField.Unit;
        if (h.Contains("值")) return IndicatorField.Target;
        return IndicatorField.None;
    }

    /// <summary>Template residue: "指标1：", "指标2:", ".....", "——", "指标".</summary>
    public static bool IsPlaceholderName(string name)
    {
        var k = Key(name);
        return k.Length == 0 || PlaceholderRegex().IsMatch(k);
    }

    /// <summary>"指标1：订阅报纸" → "订阅报纸" (template numbering removed).</summary>
    public static string StripNumbering(string name) => NumberingRegex().Replace(name, "").Trim();

    /// <summary>True when a 说明 cell holds a whole other indicator row (conversion noise).</summary>
    public static bool LooksLikeEmbeddedRow(string note) => EmbeddedRowRegex().IsMatch(note);

    public static int FirstNonEmpty(SourceRow row)
    {
        for (int c = 0; c < row.Cells.Count; c++) if (!row.Cells[c].IsEmpty) return c;
        return -1;
    }

    public static int NonEmptyCount(SourceRow row)
    {
        int n = 0;
        foreach (var c in row.Cells) if (!c.IsEmpty) n++;
        return n;
    }

    public static bool HasNumeric(SourceRow row)
    {
        foreach (var c in row.Cells) if (!c.IsEmpty && IsNumeric(c.Text)) return true;
        return false;
    }

    public static int FirstNumericColumn(SourceRow row)
    {
        for (int c = 0; c < row.Cells.Count; c++) if (!row.Cells[c].IsEmpty && IsNumeric(row.Cells[c].Text)) return c;
        return -1;
    }

    /// <summary>"年度资金总额" … "（万元）" → "万元"; "总体资金情况（元）" → "元".</summary>
    public static string? UnitInLabel(string label)
    {
        var m = UnitInLabelRegex().Match(Key(label));
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex BookmarkRegex();

    [GeneratedRegex(@"^(?<op>[≥≤=><])?\s*(?<num>[-+]?\d[\d,]*(\.\d+)?)\s*(?<unit>[^\d]*)$")]
    private static partial Regex ValueRegex();

    [GeneratedRegex(@"^(指标\d*[:：.、]?|[.。…·]{2,}|[—\-－―─]+|/)$")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"^\s*指标\s*\d+\s*[:：]\s*")]
    private static partial Regex NumberingRegex();

    [GeneratedRegex(@"[≥≤≧≦=]\s*\d+(\.\d+)?\s+\d")]
    private static partial Regex EmbeddedRowRegex();

    [GeneratedRegex(@"\((万元|元)\)")]
    private static partial Regex UnitInLabelRegex();
}
