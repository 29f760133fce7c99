using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>Names of codes for the year, and the fixed row lists of the summary tables.</summary>
public static class CompileCatalog
{
    /// <summary>The 支出功能分类 class list printed on the summary tables (2024 list: 26 rows).</summary>
    public static readonly string[] ClassList =
    [
        "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
        "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234",
    ];

    /// <summary>The fixed 款 list of the 决算 基本支出 table, by block (人员 | 公用 | 资本性及其他).</summary>
    public static readonly string[][] FinalBasicBlocks =
    [
        ["301", "30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111", "30112", "30113", "30114", "30199",
         "303", "30301", "30302", "30303", "30304", "30305", "30306", "30307", "30308", "30309", "30310", "30311", "30399"],
        ["302", "30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209", "30211", "30212", "30213", "30214",
         "30215", "30216", "30217", "30218", "30224", "30225", "30226", "30227", "30228", "30229", "30231", "30239", "30240", "30299",
         "307", "30701", "30702", "30703", "30704"],
        ["310", "31001", "31002", "31003", "31005", "31006", "31007", "31008", "31009", "31010", "31011", "31012", "31013", "31019",
         "31021", "31022", "31099", "312", "31201", "31203", "31204", "31205", "31206", "31299", "399", "39907", "39908", "39909",
         "39910", "39999"],
    ];

    public static readonly string[] ChineseNumbers =
    [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八",
        "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十",
    ];

    public static string Ordinal(int i) => i < ChineseNumbers.Length ? ChineseNumbers[i] : (i + 1).ToString();

    /// <summary>The name of a code in the catalog edition closest to the year, or null when unknown.</summary>
    public static string? Name(string code, CodeScheme scheme, int year) =>
        ClassificationCatalog.BuiltIn.Find(code, scheme, year)?.Name;

    /// <summary>Codes of a scheme and level known for the year (for pick-lists).</summary>
    public static IEnumerable<(string Code, string Name)> Codes(CodeScheme scheme, int year, CodeLevel? level = null) =>
        ClassificationCatalog.BuiltIn.AllEntries(scheme)
            .Where(e => level is null || e.Level == level)
            .GroupBy(e => e.Code.Value)
            .Select(g => (g.Key, ClassificationCatalog.BuiltIn.Find(g.Key, scheme, year)?.Name ?? g.First().Name))
            .OrderBy(x => x.Key, StringComparer.Ordinal);

    public static bool IsPersonnel(string econCode) => econCode.StartsWith("301", StringComparison.Ordinal) || econCode.StartsWith("303", StringComparison.Ordinal);
}
