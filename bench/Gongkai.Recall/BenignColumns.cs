using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Recall;

/// <summary>
/// Benign variants of the columns and digits a table prints: the optional income/expenditure columns other regions add
/// with nothing in them (上级补助收入, 事业单位经营收入, 附属单位上缴收入 / 上缴上级支出, 事业单位经营支出, 对附属单位补助支出),
/// optional columns a newer layout drops (an all-zero 上年结转, 事业收入, 其他收入 …) and figures typed in full-width digits.
/// </summary>
public static partial class Mutants
{
    private static readonly Regex HeadingCodeLike = new(@"^\d{3}", RegexOptions.Compiled);

    /// <summary>The title line before a table: the nearest non-blank text line above it that names a table (…表).</summary>
    private static string TitleBefore(string[] lines, int start)
    {
        for (int k = start - 1; k >= Math.Max(0, start - 8); k--)
        {
            var l = lines[k].Trim().TrimStart('#').Trim();
            if (l.Length == 0 || IsTableLine(lines[k])) continue;
            if (Regex.IsMatch(l, @"^(公开|预算|决算|附件|附表)?\s*[\d０-９\-－]+\s*表?$|^表\s*\d+$")) continue; // a label (公开03表)
            if (l.EndsWith('表') || l.Contains("表（") || l.Contains("表(")) return l;
        }
        return "";
    }

    /// <summary>The header lines of a table (before its first line with a figure or a code), and its data lines.</summary>
    private static (List<int> Header, List<int> Data) HeaderAndData(string[] lines, int start, int end)
    {
        var header = new List<int>();
        var data = new List<int>();
        bool inData = false;
        for (int i = start; i < end; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            if (!inData && !IsRuleLine(lines[i]) && Cells(lines[i]).Any(c => BenignNumber.IsMatch(c.Trim()) || HeadingCodeLike.IsMatch(c.Trim()))) inData = true;
            if (IsRuleLine(lines[i])) continue;
            (inData ? data : header).Add(i);
        }
        return (header, data);
    }

    private static bool IsPipe(string line) => line.TrimStart().StartsWith('|');

    /// <summary>The cells of a line without the empty ends outside the pipes of a Markdown row.</summary>
    private static List<string> InnerCells(string line)
    {
        var cells = Cells(line).ToList();
        if (IsPipe(line))
        {
            if (cells.Count > 0 && cells[0].Trim().Length == 0) cells.RemoveAt(0);
            if (cells.Count > 0 && cells[^1].Trim().Length == 0) cells.RemoveAt(cells.Count - 1);
        }
        return cells;
    }

    private static string JoinInner(string line, List<string> cells) =>
        IsPipe(line) ? "|" + string.Join("|", cells) + "|" + (line.EndsWith('\r') ? "\r" : "") : Join(line, [.. cells]);

    /// <summary>
    /// Columns of income or expenditure other regions' tables print, with nothing in them (0.00 or blank), added after the
    /// last column of the department's 收入/支出 tables (not of the 一般公共预算, 政府性基金 … tables, which have no such columns).
    /// </summary>
    private static string? ExtraColumns(string text, bool zero)
    {
        var lines = Lines(text);
        bool changed = false;
        var coded = CodeTables(lines).GroupBy(x => x.Start).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (start, end) in AllTables(lines))
        {
            if (coded.GetValueOrDefault(start) > 1) continue; // side-by-side blocks
            var title = TextNormalizerLike(TitleBefore(lines, start));
            // the department's 收入表 / 支出表 (all funds), not a table of one fund (一般公共预算, 政府性基金 …) or one part
            if (title.Contains("收支") || Regex.IsMatch(title, "一般公共预算|政府性基金|国有资本|财政拨款|基本支出|项目支出|三公|结转|分单位|按|经济分类")) continue;
            bool income = title.Contains("收入") && !title.Contains("支出");
            bool expenditure = !income && title.Contains("支出") && !title.Contains("收入");
            if (!income && !expenditure) continue;
            var (header, data) = HeaderAndData(lines, start, end);
            if (header.Count == 0 || data.Count == 0) continue;
            var headerText = string.Concat(header.Select(h => TextNormalizerLike(lines[h])));
            if (!headerText.Contains("合计") && !headerText.Contains("总计")) continue;
            (string Name, string Key)[] all = income
                ? [("上级补助收入", "上级补助"), ("事业单位经营收入", "经营"), ("附属单位上缴收入", "附属单位")]
                : [("上缴上级支出", "上缴上级"), ("事业单位经营支出", "经营"), ("对附属单位补助支出", "附属单位")];
            var names = all.Where(x => !headerText.Contains(x.Key)).Select(x => x.Name).ToList();
            if (names.Count == 0) continue;
            int width = Enumerable.Range(start, end - start).Where(i => lines[i].Trim().Length > 0).Max(i => InnerCells(lines[i]).Count);
            for (int i = start; i < end; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                var cells = InnerCells(lines[i]);
                while (cells.Count < width) cells.Add("");
                foreach (var n in names)
                    cells.Add(IsRuleLine(lines[i]) ? "---" : header.Contains(i) ? " " + n + " " : zero ? " 0.00 " : " ");
                lines[i] = JoinInner(lines[i], cells);
            }
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>Every table: (first line, end), a tab table over its page-break blank lines.</summary>
    private static List<(int Start, int End)> AllTables(string[] lines)
    {
        var list = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i])) continue;
            int end = TableEnd(lines, i);
            list.Add((i, end));
            i = end - 1;
        }
        return list;
    }

    /// <summary>
    /// Rows of income a summary table (收支总表) of other regions lists with nothing in them: 上级补助收入, 事业单位经营收入,
    /// 附属单位上缴收入 printed before the 本年收入合计 row, with 0.00 or blank.
    /// </summary>
    private static string? ExtraSummaryRows(string text, bool zero)
    {
        var lines = Lines(text).ToList();
        bool changed = false;
        foreach (var (start, end) in AllTables([.. lines]).OrderByDescending(t => t.Start))
        {
            var title = TextNormalizerLike(TitleBefore([.. lines], start));
            if (!title.Contains("收支") || title.Contains("财政拨款")) continue;
            int total = -1;
            for (int i = start; i < end && total < 0; i++)
                if (InnerCells(lines[i]) is var cs && cs.Count >= 2 && TextNormalizerLike(cs[0]) is var f && Regex.IsMatch(f, "^(本年)?收入合计$|^本年收入小计$")) total = i;
            if (total < 0) continue;
            var tableText = string.Concat(Enumerable.Range(start, end - start).Select(i => TextNormalizerLike(lines[i])));
            string[] names = ["上级补助收入", "事业单位经营收入", "附属单位上缴收入"];
            var add = names.Where(n => !tableText.Contains(n[..4])).ToList();
            if (add.Count == 0) continue;
            var model = InnerCells(lines[total]);
            var rows = add.Select(n =>
            {
                var cells = model.Select(_ => " ").ToList();
                cells[0] = " " + n + " ";
                cells[1] = zero ? " 0.00 " : " ";
                return JoinInner(lines[total], cells);
            }).ToList();
            lines.InsertRange(total, rows);
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>
    /// A newer layout without the optional columns the department has nothing in: every value column whose rows are all
    /// zero or blank is left out, except the row total and the 基本/项目, 人员/公用 split (and a column a group label spans).
    /// </summary>
    private static string? DropColumns(string text)
    {
        var lines = Lines(text);
        bool changed = false;
        foreach (var g in CodeTables(lines).GroupBy(x => x.Start))
        {
            if (g.Count() != 1) continue;
            var (start, _, col, _, end) = g.Single();
            var (header, data) = HeaderAndData(lines, start, end);
            if (header.Count == 0 || data.Count < 2) continue;
            int inner = IsPipe(lines[start]) ? col - 1 : col; // the code column among the inner cells
            int width = header.Concat(data).Max(i => InnerCells(lines[i]).Count);
            string Cell(int line, int c) => InnerCells(lines[line]) is var cs && c < cs.Count ? cs[c].Trim() : "";
            var drop = new List<int>();
            for (int c = inner + 2; c < width; c++)
            {
                if (!data.All(i => Cell(i, c) is var s && (s.Length == 0 || s is "-" or "—" || IsZero(s)))) continue;
                var head = string.Concat(header.Select(h => Cell(h, c)));
                if (head.Length == 0 || Regex.IsMatch(head, "合计|总计|小计|基本支出|项目支出|人员经费|公用经费|财政拨款|一般公共预算")) continue;
                // a label printed over this column spanning the next (an empty cell to its right inherits it) stays
                if (c + 1 < width && header.Any(h => Cell(h, c).Length > 0 && Cell(h, c + 1).Length == 0)) continue;
                if (header.Any(h => Cell(h, c).Length == 0)) continue;
                drop.Add(c);
            }
            int values = width - inner - 2;
            if (drop.Count == 0 || values - drop.Count < 2) continue;
            for (int i = start; i < end; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                var cells = InnerCells(lines[i]);
                foreach (var c in drop.OrderByDescending(x => x))
                    if (c < cells.Count) cells.RemoveAt(c);
                lines[i] = JoinInner(lines[i], cells);
            }
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    private static string TextNormalizerLike(string s) => Regex.Replace(s, @"[\s|\t]", "");

    /// <summary>Digits, separators and decimal points of a number in full width (１，２３４．５６).</summary>
    private static string FullWidth(string s, bool separators)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool between = i > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1]);
            sb.Append(c switch
            {
                >= '0' and <= '9' => (char)('０' + (c - '0')),
                '.' when between => '．',
                ',' when between && separators => '，',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Every digit of the narrative in full width (years, amounts, percentages: ２０２５年, ７１６３．３７万元).</summary>
    private static string? FullWidthNarrative(string text) =>
        MapNarrative(text, l => Regex.Replace(l, @"\d[\d.,]*", m => FullWidth(m.Value, separators: false)));
}

/// <summary>Benign variants of how a document names its own department (全称 and 简称 used consistently).</summary>
public static partial class Mutants
{
    private static readonly Regex RegionHead = new(@"^(?<region>[^省市区县旗州盟]{1,8}?(省|市|区|县|旗|州|盟))(?<rest>.{2,})$", RegexOptions.Compiled);

    /// <summary>The department's name as the document's first line prints it (before the year), with its line.</summary>
    private static (string Name, int Line)? OwnName(string[] lines)
    {
        for (int i = 0; i < Math.Min(lines.Length, 8); i++)
        {
            var l = lines[i].Trim().TrimStart('#').Trim();
            if (l.Length == 0) continue;
            var m = Regex.Match(l, @"^(.+?)\s*20\d{2}\s*年");
            var name = (m.Success ? m.Groups[1].Value : l).Trim();
            return RegionHead.IsMatch(name) && name.Length <= 30 ? (name, i) : null;
        }
        return null;
    }

    /// <summary>A higher region before a name that has one region level only (示例区第10局 → 长河市示例区第10局).</summary>
    private static string? WithHigherRegion(string name)
    {
        var m = RegionHead.Match(name);
        if (!m.Success || RegionHead.IsMatch(m.Groups["rest"].Value) || m.Groups["region"].Value.EndsWith('省')) return null;
        return (m.Groups["region"].Value.EndsWith('市') ? "长河省" : "长河市") + name;
    }

    private static bool IsNameField(string line) =>
        IsTableLine(line) || Regex.IsMatch(line, "个单位[：:]|单位共|单位[：:]|主管部门|编制单位|部门[：:]|名称[：:]|申报单位|执行单位");

    /// <summary>The name fields (table cells, 单位构成, captions) print the name with a higher region before it, while the title
    /// keeps the document's form: the same department in its fuller form, used in every field alike.</summary>
    private static string? NameFieldsFuller(string text)
    {
        var lines = Lines(text);
        if (OwnName(lines) is not var (name, title) || WithHigherRegion(name) is not { } fuller) return null;
        bool changed = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (i == title || IsHeading(lines[i]) || !IsNameField(lines[i]) || !lines[i].Contains(name)) continue;
            lines[i] = Regex.Replace(lines[i], $"(?<!市|省){Regex.Escape(name)}", fuller);
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>The title prints the name with a higher region before it; every other place keeps the document's form.</summary>
    private static string? TitleFuller(string text)
    {
        var lines = Lines(text);
        if (OwnName(lines) is not var (name, title) || WithHigherRegion(name) is not { } fuller) return null;
        lines[title] = lines[title].Replace(name, fuller);
        return string.Join('\n', lines);
    }

    /// <summary>The prose calls the department by its name without the region (第10局, 医疗保障局): a 简称 in sentences,
    /// never in a name field.</summary>
    private static string? ProseShortName(string text)
    {
        var lines = Lines(text);
        if (OwnName(lines) is not var (name, title)) return null;
        var m = RegionHead.Match(name);
        var shortName = m.Groups["rest"].Value;
        while (RegionHead.Match(shortName) is { Success: true } inner) shortName = inner.Groups["rest"].Value;
        if (shortName.Length < 2) return null;
        bool changed = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (i == title || !IsNarrativeLine(lines[i]) || !Regex.IsMatch(lines[i], "[，。；]") || IsNameField(lines[i]) || !lines[i].Contains(name)) continue;
            lines[i] = lines[i].Replace(name, shortName);
            changed = true;
        }
        return changed ? string.Join('\n', lines) : null;
    }
}
