namespace Gongkai.Model;

/// <summary>Which classification a code belongs to.</summary>
public enum CodeScheme
{
    /// <summary>支出功能分类 (201…, 3/5/7 digits).</summary>
    Function,
    /// <summary>部门预算支出经济分类 (301…, 3/5 digits; 7 for a locally refined sub-item).</summary>
    DepartmentEconomic,
    /// <summary>政府预算支出经济分类 (501…, 3/5 digits; 7 for a locally refined sub-item).</summary>
    GovernmentEconomic,
}

/// <summary>Level of a code in its hierarchy.</summary>
public enum CodeLevel
{
    /// <summary>类 (3 digits).</summary>
    Class,
    /// <summary>款 (5 digits).</summary>
    Section,
    /// <summary>项 (7 digits, function classification only).</summary>
    Item,
    /// <summary>
    /// A sub-item below an economic 款 (7 digits, e.g. 3010201 规范性津补贴 under 30102 津贴补贴): a refinement some
    /// regions print under the national 款; not in the national catalog. Its parent is its 款; the sub-items of a 款
    /// add up to it like any children.
    /// </summary>
    SubItem,
}

/// <summary>A classification code that knows its scheme and level.</summary>
public readonly record struct ClassificationCode(string Value, CodeScheme Scheme)
{
    public CodeLevel? Level => Value.Length switch
    {
        3 => CodeLevel.Class,
        5 => CodeLevel.Section,
        7 when Scheme == CodeScheme.Function => CodeLevel.Item,
        7 => CodeLevel.SubItem,
        _ => null,
    };

    /// <summary>Whether the code has a length valid for its scheme (3/5/7 for function; 3/5 for economic, 7 for an economic sub-item).</summary>
    public bool IsWellFormed => Level is not null && Value.All(char.IsAsciiDigit);

    /// <summary>The parent code (款 → 类, 项 or economic sub-item → 款), or null for a 类.</summary>
    public ClassificationCode? Parent => Value.Length switch
    {
        5 => new ClassificationCode(Value[..3], Scheme),
        7 => new ClassificationCode(Value[..5], Scheme),
        _ => null,
    };

    public bool IsAncestorOf(ClassificationCode other) =>
        other.Scheme == Scheme && other.Value.Length > Value.Length && other.Value.StartsWith(Value, StringComparison.Ordinal);

    /// <summary>
    /// Guess the scheme of a bare code: 2xx function, 3xx department economic, 5xx government economic (a 7-digit 3xx/5xx
    /// code is an economic sub-item, <see cref="CodeLevel.SubItem"/>).
    /// </summary>
    public static ClassificationCode? TryCreate(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.All(char.IsAsciiDigit)) return null;
        if (text.Length is not (3 or 5 or 7)) return null;
        var scheme = text[0] switch
        {
            '2' => CodeScheme.Function,
            '3' => CodeScheme.DepartmentEconomic,
            '5' => CodeScheme.GovernmentEconomic,
            _ => (CodeScheme?)null,
        };
        return scheme is null ? null : new ClassificationCode(text, scheme.Value);
    }

    public override string ToString() => Value;
}
