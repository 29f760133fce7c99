using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Tables;

namespace Gongkai.Recognition;

/// <summary>Document kind, year, department, regional profile, units and staffing.</summary>
public static partial class MetadataRecognizer
{
    public static void Recognize(SourceDocument doc, Disclosure d)
    {
        var texts = doc.Texts.ToList();
        var title = FindTitle(texts);
        if (title is not null)
        {
            d.Year = title.Year;
            d.Kind = title.Kind;
            d.DepartmentName = title.Name;
            d.Title = title.Text;
            d.Scope = title.Unit ? DocumentScope.Unit : DocumentScope.Department;
        }
        d.Profile = GuessProfile(doc, d);
        Staffing(doc, d);
    }

    /// <summary>What the title of the document says: the body, the year, 预算/决算 and 部门/单位.</summary>
    private sealed record TitleInfo(string? Name, int Year, DocumentKind Kind, bool Unit, string Text);

    /// <summary>
    /// The document's own title: on the cover or the first page, in the form {主体}{Y}年(度){部门/单位}{预算/决算}… or
    /// {Y}年(度){主体}{部门/单位}{预算/决算}…, on one line or broken over up to four lines, spaced out or not. A
    /// section heading (第二部分 …), a 目录 line (dot leaders, page numbers), a numbered item (1. / 一、) or a sentence
    /// is never a title; a name that is not a body's name (a region, a placeholder-free fragment) gives no name. When
    /// the title names no body, a 预算单位：/单位名称： line of the cover does. Nothing found → left null (not guessed).
    /// </summary>
    private static TitleInfo? FindTitle(IReadOnlyList<TextBlock> texts)
    {
        var head = Head(texts);
        TitleInfo? nameless = null;
        for (int i = 0; i < head.Count; i++)
        {
            if (IsNeverTitle(head[i])) continue;
            var joined = "";
            for (int n = 0; n < MaxTitleLines && i + n < head.Count; n++)
            {
                if (n > 0 && IsNeverTitle(head[i + n])) break;
                joined += head[i + n];
                if (joined.Length > MaxTitleLength) break;
                var t = MatchTitle(joined);
                if (t is null) continue;
                if (t.Name is not null) return t;
                if (t.Text.Length == 0) break; // name printed but not a body's name (a section heading, a sentence): no title
                nameless ??= t with { Text = joined };
                break;
            }
        }
        if (nameless is null) return NarrativeTitle(texts);
        // the body named on its own line of the cover (预算单位：上海市××中心)
        foreach (var line in head)
            if (LabelRegex().Match(line) is { Success: true } m && BodyName(m.Groups["name"].Value) is string labelled)
                return nameless with { Name = labelled };
        // a title without the body on the line before it ("上海市 XX 局" over "2024 年度部门决算" is matched above)
        return nameless;
    }

    /// <summary>
    /// No title on the first pages: a heading of the narrative that names the body and the year
    /// ({主体}{Y}年部门预算编制说明, {主体}{Y}年度部门决算情况说明) — a short line, not a numbered item or a 目录 line.
    /// </summary>
    private static TitleInfo? NarrativeTitle(IReadOnlyList<TextBlock> texts)
    {
        foreach (var t in texts)
        {
            var c = Squeeze(t.Text);
            if (c.Length > 40 || IsNeverTitle(c)) continue;
            if (MatchTitle(c) is { Name: not null } found) return found;
        }
        return null;
    }

    private const int MaxTitleLines = 4, MaxTitleLength = 80;

    /// <summary>Text blocks of the cover and the first pages, whitespace removed and digits made half-width.</summary>
    private static List<string> Head(IReadOnlyList<TextBlock> texts)
    {
        var head = new List<string>();
        int? firstPage = texts.Count > 0 ? texts[0].Source.Page : null;
        foreach (var t in texts)
        {
            if (t.Source.Page is int p && firstPage is int f && p > f + 2) break;
            if (t.Source.Page is null && head.Count >= 40) break;
            var c = Squeeze(t.Text);
            if (c.Length > 0) head.Add(c);
            if (head.Count >= 60) break;
        }
        return head;
    }

    private static string Squeeze(string s)
    {
        s = Numbers.ToHalfWidth(s);
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var ch in s) if (!char.IsWhiteSpace(ch) && ch != '\u3000') sb.Append(ch);
        return sb.ToString();
    }

    /// <summary>Lines that cannot be (part of) a title: 目录 and its lines, section headings, numbered items, page numbers.</summary>
    private static bool IsNeverTitle(string line) =>
        line.Contains("目录") || line is "目" or "录" || line.Contains("……") || line.Contains("...") || line.Contains("·····")
        || NeverTitleRegex().IsMatch(line);

    private static TitleInfo? MatchTitle(string text)
    {
        var m = TitleRegex().Match(text);
        if (!m.Success) return null;
        var raw = m.Groups["name1"].Success && m.Groups["name1"].Length > 0 ? m.Groups["name1"].Value : m.Groups["name2"].Value;
        var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var kind = m.Groups["kind"].Value.Contains("决算") ? DocumentKind.FinalAccount : DocumentKind.Budget;
        var scopeWord = m.Groups["scope"].Value;
        var name = BodyName(raw);
        // 单位预算/单位决算 is the account of one unit; so is a title naming the organ's 本级 alone (××局本级2024年…)
        bool unit = scopeWord == "单位" || name is not null && StripSpaces(raw).EndsWith("本级", StringComparison.Ordinal);
        if (name is null && raw.Length > 0 && !IsRegion(raw)) return new TitleInfo(null, year, kind, unit, ""); // not a title
        return new TitleInfo(name, year, kind, unit, text);
    }

    private static string StripSpaces(string s) => s.Replace(" ", "");

    /// <summary>A region name alone (上海市, 江汉区): the title of a series, not of a body.</summary>
    private static bool IsRegion(string raw) => RegionRegex().IsMatch(raw);

    /// <summary>The printed text as a body's name, or null when it does not have the form of one.</summary>
    internal static string? BodyName(string raw)
    {
        var name = raw.Replace('(', '（').Replace(')', '）').Trim('：', ':', '，', ' ');
        // qualifiers that do not change which body it is: （汇总）/（本级）/（部门）, the word 部门/单位 after the organ
        foreach (var q in new[] { "（汇总）", "（本级）", "（部门）", "（单位）", "本级" })
            if (name.EndsWith(q, StringComparison.Ordinal) && name.Length > q.Length + 2) name = name[..^q.Length];
        foreach (var w in new[] { "部门", "单位" })
            if (name.EndsWith(w, StringComparison.Ordinal) && name.Length > w.Length + 2 && EndsWithOrgan(name[..^w.Length])) name = name[..^w.Length];
        if (name.Length < 3 || name.Length > 50) return null;
        if (NotANameRegex().IsMatch(name)) return null;
        var core = TrailingParenRegex().Replace(name, "");
        if (core.Count(c => c is >= '\u4e00' and <= '\u9fff') < 3 || !EndsWithOrgan(core)) return null;
        return name;
    }

    private static readonly string[] OrganEndings =
    [
        "局", "委员会", "委", "会", "厅", "办公室", "办", "室", "院", "中心", "部", "署", "馆", "站", "所", "队", "处",
        "校", "学", "社", "府", "团", "宫", "台", "狱", "司", "联", "协", "盟", "园", "库", "场", "科", "组", "庭", "监",
    ];

    private static bool EndsWithOrgan(string name) => OrganEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal));

    // {主体}{Y}年(度){市级/区级…}{部门/单位}{综合}{预算/决算} or {Y}年(度){主体}{部门/单位}{预算/决算}; 年 may be missing
    // when the kind follows the year directly ("2026 部门预算情况的说明"). A year range (2017-2019年) never matches.
    [GeneratedRegex(@"^(?:(?<name1>.*?)(?<![\d\-—~至])(?<year>(?:19|20)\d\d)(?:年度?)?|(?<![\d\-—~至])(?<year>(?:19|20)\d\d)年度?(?<name2>.+?))(?:(?:市|区|县|省|乡|镇)级|本级)?(?<scope>部门|单位)?(?:综合|收支)?(?<kind>预算|决算)(?!单位|科目|表|数|执行|收支|收入|支出|总表|资金|编制$)")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"^(?:预算单位|单位名称|部门名称|编制单位|公开单位|预算部门)[:：](?<name>[^:：]{3,50})$")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^(?:第[一二三四五六七八九十\d]+(?:部分|章|节|篇)|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．,，]|[-—－]+\d+[-—－]+$|\d+$|表\d|附件|附表)")]
    private static partial Regex NeverTitleRegex();

    [GeneratedRegex(@"(?<!第\d*)\d|[０-９，。；、“”《》〈〉…·\.!！?？%]|部分|目录|说明|情况|公开|^(?:本|我|该|其|根据|按照|关于)")]
    private static partial Regex NotANameRegex();

    [GeneratedRegex(@"（[^（）]*）$")]
    private static partial Regex TrailingParenRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,8}(?:省|市|自治区|自治州|区|县|旗|盟)$")]
    private static partial Regex RegionRegex();

    /// <summary>
    /// A blank template: the department is a placeholder (XX局, ×× 单位) or the tables carry no figure at all while the
    /// text is full of placeholders (XX, XXX, ××).
    /// </summary>
    public static bool LooksLikeBlankTemplate(Disclosure d)
    {
        var name = d.DepartmentName ?? "";
        bool placeholderName = name.Contains("XX", StringComparison.OrdinalIgnoreCase) || name.Contains("××", StringComparison.Ordinal) || name.Contains("xx", StringComparison.Ordinal);
        var tables = d.Tables.Where(t => t.Kind != TableKind.Unknown && t.HasGrid).ToList();
        bool noFigures = tables.Count > 0 && tables.All(t => t.IsEmpty);
        int placeholders = d.Sentences.Count(s => s.Text.Contains("XX", StringComparison.Ordinal) || s.Text.Contains("××", StringComparison.Ordinal));
        return placeholderName && (noFigures || placeholders >= 3) || noFigures && placeholders >= 10;
    }

    private static RegionProfile GuessProfile(SourceDocument doc, Disclosure d)
    {
        var head = string.Join("", doc.Texts.Take(20).Select(t => t.Text));
        var all = string.Join("", doc.Texts.Select(t => t.Text));
        var name = d.DepartmentName ?? "";
        if (name.Contains("重庆") || head.Contains("重庆")) return RegionProfile.Chongqing;
        if (name.Contains("上海") || head.Contains("上海")) return RegionProfile.Shanghai;
        if (name.Contains("江苏") || head.Contains("江苏")) return RegionProfile.Jiangsu;
        if (name.Contains("西安") || name.Contains("陕西") || head.Contains("陕西") || head.Contains("部门综合预算")) return RegionProfile.Shaanxi;
        if (name.Contains("武汉") || name.Contains("湖北") || head.Contains("武汉") || head.Contains("湖北") || all.Contains("武汉市")) return RegionProfile.Hubei;
        if (name.Contains("河北") || head.Contains("河北") || head.Contains("廊坊")) return RegionProfile.Hebei;
        // a city's department names its city, not its province (苏州市应急管理局): the province of the city, from the
        // department name, else from a city named as such (…市) in the document's head
        if ((ProvinceOfCity(name, c => c) ?? ProvinceOfCity(head, c => c + "市")) is { } province) return province;
        return RegionProfile.National;
    }

    /// <summary>
    /// The prefecture-level cities (地级市) of the provinces that have a regional profile (the municipalities 重庆 and
    /// 上海 are matched by name above). Facts of the administrative division, not of any document.
    /// </summary>
    private static readonly (RegionProfile Province, string[] Cities)[] CitiesOfProvince =
    [
        (RegionProfile.Jiangsu, ["南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁"]),
        (RegionProfile.Hubei, ["武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州"]),
        (RegionProfile.Shaanxi, ["西安", "铜川", "宝鸡", "咸阳", "渭南", "延安", "汉中", "榆林", "安康", "商洛"]),
        (RegionProfile.Hebei, ["石家庄", "唐山", "秦皇岛", "邯郸", "邢台", "保定", "张家口", "承德", "沧州", "廊坊", "衡水"]),
    ];

    /// <summary>The province of the first city named in the text (each city as <paramref name="form"/> gives it), or null.</summary>
    internal static RegionProfile? ProvinceOfCity(string text, Func<string, string> form)
    {
        if (text.Length == 0) return null;
        foreach (var (province, cities) in CitiesOfProvince)
            if (cities.Any(c => text.Contains(form(c), StringComparison.Ordinal))) return province;
        return null;
    }

    /// <summary>编制 and 实有 counts stated in the 概况 ("行政编制 8 名", "实有人员 18 人，其中行政 9 人、事业 9 人").</summary>
    private static void Staffing(SourceDocument doc, Disclosure d)
    {
        foreach (var t in doc.Texts)
        {
            var s = Numbers.ToHalfWidth(t.Text);
            if (!s.Contains("编制") && !s.Contains("实有")) continue;
            foreach (Match m in AuthorizedRegex().Matches(s))
                d.Staffing.Add(new StaffingEntry(m.Groups["cat"].Value.Length > 0 ? m.Groups["cat"].Value + "编制" : "编制",
                    decimal.Parse(m.Groups["n"].Value), null, t.Source with { Text = m.Value }));
            foreach (Match m in ActualRegex().Matches(s))
                d.Staffing.Add(new StaffingEntry("实有", null, decimal.Parse(m.Groups["n"].Value), t.Source with { Text = m.Value }));
        }
    }

    [GeneratedRegex(@"(?<cat>行政|事业|参公|机关)?编制\s*(?<n>\d+)\s*[名人]")]
    private static partial Regex AuthorizedRegex();

    [GeneratedRegex(@"实有(?:工作人员|人员|人数|数)?\s*(?<n>\d+)\s*[名人]")]
    private static partial Regex ActualRegex();
}
