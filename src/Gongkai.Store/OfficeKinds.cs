using System.Text.RegularExpressions;

namespace Gongkai.Store;

/// <summary>
/// The kind of office a department is, read from its name: the name without the leading administrative divisions
/// (省/自治区, 市/州/地区/盟, 区/县/旗/市), e.g. 重庆市綦江区医疗保障局 → 医疗保障局, 大城县医疗保障局 → 医疗保障局.
/// Departments of the same kind of office are peers. A name with no such prefix is its own kind.
/// </summary>
public static partial class OfficeKinds
{
    // one division: a few characters that are not themselves division words, then the division word
    [GeneratedRegex(@"^(?:[^省市区县州旗盟]{1,8}?(?:省|自治区|特别行政区))?(?:[^省市区县州旗盟]{1,8}?(?:市|自治州|州|地区|盟))?(?:[^省市区县州旗盟]{1,8}?(?:新区|区|县|自治县|旗|市))?")]
    private static partial Regex RegionPrefix();

    /// <summary>The kind of office of a department name (never empty for a non-empty name).</summary>
    public static string Of(string name)
    {
        var n = LocationMeanings.Normalize(name);
        if (n.StartsWith("中共", StringComparison.Ordinal)) n = n[2..];
        var m = RegionPrefix().Match(n);
        var rest = m.Success ? n[m.Length..] : n;
        // a remainder too short to be an office (the prefix ate into the name) keeps the whole name
        return rest.Length >= 2 ? rest : n;
    }
}
