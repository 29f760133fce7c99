using Gongkai.Model;

namespace Gongkai.Catalogs;

/// <summary>
/// Classification catalogs (政府收支分类科目): 支出功能分类, 部门预算支出经济分类, 政府预算支出经济分类 and the
/// 部门→政府 经济分类 mapping, keyed by (code, edition).
/// <para>
/// <see cref="BuiltIn"/> holds the catalog shipped with the product (read-only). A user holds the official catalog
/// for their year; <see cref="CreateFromBuiltIn"/> gives a copy into which such editions can be loaded with
/// <see cref="LoadEdition(string, CodeScheme, int?, bool)"/>. For the same code and year a later load wins over an
/// earlier one, and rows loaded by the user count as verified unless they say otherwise.
/// </para>
/// <para>Lookups are dictionary-based. A mutable catalog is not safe for loading and reading at the same time.</para>
/// </summary>
public sealed class ClassificationCatalog
{
    private readonly record struct Key(CodeScheme Scheme, string Code);

    private readonly Dictionary<Key, List<CatalogEntry>> _entries = new();
    private readonly Dictionary<Key, SortedSet<string>> _children = new();
    private readonly Dictionary<string, List<CatalogEntry>> _classesByName = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _classes = new();
    private readonly Dictionary<string, List<EconomicMapping>> _mappings = new(StringComparer.Ordinal);
    /// <summary>(scheme, year) → load order of the latest load that holds the whole catalog of that year.</summary>
    private readonly Dictionary<(CodeScheme Scheme, int Year), int> _completeEditions = new();
    private readonly List<CatalogLoadResult> _loads = new();
    private int _loadOrder;

    /// <summary>An empty catalog (no built-in data).</summary>
    public ClassificationCatalog()
    {
    }

    private ClassificationCatalog(BuiltInData data, bool readOnly)
    {
        foreach (var e in data.Entries) Add(e);
        foreach (var m in data.Mappings) AddMapping(m);
        foreach (var c in data.CompleteEditions) _completeEditions[c] = 0;
        _loads.AddRange(data.Loads);
        IsReadOnly = readOnly;
    }

    private static readonly Lazy<BuiltInData> _builtInData = new(BuiltInData.Load);
    private static readonly Lazy<ClassificationCatalog> _builtIn = new(() => new ClassificationCatalog(_builtInData.Value, readOnly: true));

    /// <summary>The built-in catalog (内置科目表), parsed once and shared. Read-only.</summary>
    public static ClassificationCatalog BuiltIn => _builtIn.Value;

    /// <summary>A new catalog holding the built-in editions, into which user editions can be loaded.</summary>
    public static ClassificationCatalog CreateFromBuiltIn() => new(_builtInData.Value, readOnly: false);

    /// <summary>Parse the embedded files again, bypassing the cache (for timing and tests).</summary>
    internal static ClassificationCatalog LoadBuiltInUncached() => new(BuiltInData.Load(), readOnly: false);

    /// <summary>True for <see cref="BuiltIn"/>; loading into it throws.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Every load performed on this catalog (built-in files first), with skipped lines.</summary>
    public IReadOnlyList<CatalogLoadResult> Loads => _loads;

    /// <summary>Number of distinct codes known for a scheme.</summary>
    public int CodeCount(CodeScheme scheme) => _entries.Keys.Count(k => k.Scheme == scheme);

    /// <summary>All entries of a scheme (every name and edition), in code order.</summary>
    public IEnumerable<CatalogEntry> AllEntries(CodeScheme scheme) =>
        _entries.Where(kv => kv.Key.Scheme == scheme).OrderBy(kv => kv.Key.Code, StringComparer.Ordinal).SelectMany(kv => kv.Value);

    // ------------------------------------------------------------------ loading

    /// <summary>
    /// Load a catalog edition from a CSV file (UTF-8 or GBK/GB18030, comma or tab separated) with the columns of the
    /// built-in files: <c>code,name,level,year_or_edition,source,verified</c> (Chinese headers such as 科目编码 / 科目名称
    /// are accepted; only code and name are required).
    /// </summary>
    /// <param name="scheme">Which classification the file holds.</param>
    /// <param name="year">The year of the edition: every row applies to that year. When null, each row's
    /// <c>year_or_edition</c> decides, and a row without one applies to every year.</param>
    /// <param name="complete">The file is the whole catalog of <paramref name="year"/>: codes missing from it do not
    /// exist in that year (<see cref="Exists"/>).</param>
    public CatalogLoadResult LoadEdition(string path, CodeScheme scheme, int? year, bool complete = false)
    {
        string text;
        try
        {
            text = CatalogCsv.Decode(File.ReadAllBytes(path));
        }
        catch (IOException ex)
        {
            throw new CatalogFormatException($"无法读取科目表文件“{path}”：{ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CatalogFormatException($"无法读取科目表文件“{path}”：{ex.Message}", ex);
        }
        using var reader = new StringReader(text);
        return LoadEdition(reader, scheme, year, complete, Path.GetFileName(path));
    }

    /// <summary>Load a catalog edition from a stream (encoding detected as for files).</summary>
    public CatalogLoadResult LoadEdition(Stream stream, CodeScheme scheme, int? year, bool complete = false, string? sourceName = null)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        using var reader = new StringReader(CatalogCsv.Decode(ms.ToArray()));
        return LoadEdition(reader, scheme, year, complete, sourceName);
    }

    /// <summary>Load a catalog edition from CSV text. See <see cref="LoadEdition(string, CodeScheme, int?, bool)"/>.</summary>
    public CatalogLoadResult LoadEdition(TextReader reader, CodeScheme scheme, int? year, bool complete = false, string? sourceName = null)
    {
        EnsureWritable();
        if (complete && year is null)
            throw new ArgumentException("只有指定年度的科目表才能作为该年度的完整科目表导入。", nameof(complete));
        int order = ++_loadOrder;
        var source = sourceName ?? "用户导入";
        var (entries, result) = ParseEntries(reader, scheme, year, CatalogOrigin.User, order, source);
        foreach (var e in entries) Add(e);
        if (complete && year is int y) _completeEditions[(scheme, y)] = order;
        _loads.Add(result);
        return result;
    }

    /// <summary>
    /// Load 部门→政府 经济分类 pairs from CSV (<c>dept_code,gov_code,source,verified</c>). User rows count as verified
    /// unless they say <c>verified=no</c>; a later load replaces the same pair.
    /// </summary>
    public CatalogLoadResult LoadMapping(TextReader reader, string? sourceName = null)
    {
        EnsureWritable();
        int order = ++_loadOrder;
        var (mappings, result) = ParseMappings(reader, CatalogOrigin.User, order, sourceName ?? "用户导入");
        foreach (var m in mappings) AddMapping(m);
        _loads.Add(result);
        return result;
    }

    /// <summary>Load 经济分类 pairs from a CSV file.</summary>
    public CatalogLoadResult LoadMapping(string path)
    {
        using var reader = new StringReader(CatalogCsv.Decode(File.ReadAllBytes(path)));
        return LoadMapping(reader, Path.GetFileName(path));
    }

    private void EnsureWritable()
    {
        if (IsReadOnly)
            throw new InvalidOperationException("内置科目表为只读；请使用 ClassificationCatalog.CreateFromBuiltIn() 创建副本后再导入科目表。");
    }

    private void Add(CatalogEntry e)
    {
        var key = new Key(e.Scheme, e.Code.Value);
        if (!_entries.TryGetValue(key, out var list)) _entries[key] = list = new List<CatalogEntry>(2);
        list.Add(e);

        if (e.Code.Parent is { } parent)
        {
            var pk = new Key(e.Scheme, parent.Value);
            if (!_children.TryGetValue(pk, out var set)) _children[pk] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(e.Code.Value);
        }

        if (e.Scheme == CodeScheme.Function && e.Level == CodeLevel.Class)
        {
            _classes.Add(e);
            var n = e.NormalizedName;
            if (!_classesByName.TryGetValue(n, out var byName)) _classesByName[n] = byName = new List<CatalogEntry>(1);
            byName.Add(e);
        }
    }

    private void AddMapping(EconomicMapping m)
    {
        if (!_mappings.TryGetValue(m.DepartmentCode.Value, out var list)) _mappings[m.DepartmentCode.Value] = list = new List<EconomicMapping>(2);
        list.RemoveAll(x => x.GovernmentCode.Value == m.GovernmentCode.Value);
        list.Add(m);
    }

    // ------------------------------------------------------------------ lookups

    /// <summary>Every entry of a code (all names and editions, all loads); empty when unknown.</summary>
    public IReadOnlyList<CatalogEntry> EntriesOf(string code, CodeScheme scheme) =>
        _entries.TryGetValue(new Key(scheme, CleanCode(code)), out var list) ? list : [];

    /// <summary>
    /// The best entry of a code for a year: an entry whose editions cover the year (a later load first, then a
    /// verified row, then a row seen in that year over a recalled one); else the entry of the nearest edition (on a
    /// tie the earlier one, since a name holds until it is changed); else null when the code is unknown.
    /// Without a year: the latest load, then the newest edition.
    /// </summary>
    public CatalogEntry? Find(string code, CodeScheme scheme, int? year = null) => Best(EntriesOf(code, scheme), year);

    /// <summary>
    /// All names a code has carried across editions (e.g. 21305 扶贫 / 巩固脱贫衔接乡村振兴 / 巩固脱贫攻坚成果衔接乡村振兴),
    /// one entry per distinct name, oldest edition first.
    /// </summary>
    public IReadOnlyList<CatalogEntry> NamesOf(string code, CodeScheme scheme) =>
        EntriesOf(code, scheme)
            .GroupBy(e => e.NormalizedName, StringComparer.Ordinal)
            .Select(g => Best(g.ToList(), null)!)
            .OrderBy(e => e.OldestYear)
            .ThenBy(e => e.NewestYear)
            .ToList();

    /// <summary>Level of a code: from the catalog when known, else from its length (null when malformed).</summary>
    public CodeLevel? Level(string code, CodeScheme scheme) =>
        Find(code, scheme)?.Level ?? new ClassificationCode(CleanCode(code), scheme).Level;

    /// <summary>The catalog entry of the parent code (款 for a 项, 类 for a 款), or null for a 类 or an unknown parent.</summary>
    public CatalogEntry? Parent(string code, CodeScheme scheme, int? year = null) =>
        new ClassificationCode(CleanCode(code), scheme).Parent is { } p ? Find(p.Value, scheme, year) : null;

    /// <summary>Direct children of a code (款 of a 类, 项 of a 款), in code order; with a year, only codes that exist then.</summary>
    public IReadOnlyList<CatalogEntry> Children(string code, CodeScheme scheme, int? year = null)
    {
        if (!_children.TryGetValue(new Key(scheme, CleanCode(code)), out var set)) return [];
        var list = new List<CatalogEntry>(set.Count);
        foreach (var child in set)
        {
            if (year is not null && !Exists(child, scheme, year)) continue;
            if (Find(child, scheme, year) is { } e) list.Add(e);
        }
        return list;
    }

    /// <summary>Whether the best entry for the code and year is verified (已核实). False for an unknown code.</summary>
    public bool IsVerified(string code, CodeScheme scheme, int? year = null) => Find(code, scheme, year)?.Verified ?? false;

    /// <summary>
    /// Whether the code exists in the year. True when an entry covers the year. A year held as a whole catalog
    /// (the built-in recalled edition, or a user file loaded with <c>complete</c>) is decided by that catalog alone.
    /// Otherwise the whole catalog of the nearest year decides; with none, any known code counts as existing.
    /// </summary>
    public bool Exists(string code, CodeScheme scheme, int? year = null)
    {
        var entries = EntriesOf(code, scheme);
        if (entries.Count == 0) return false;
        if (year is not int y) return true;

        if (_completeEditions.TryGetValue((scheme, y), out var order))
            return entries.Any(e => e.LoadOrder >= order && e.AppliesTo(y));

        if (entries.Any(e => e.AppliesTo(y))) return true;

        (int Year, int Order)? nearest = null;
        foreach (var ((s, cy), o) in _completeEditions)
        {
            if (s != scheme) continue;
            if (nearest is not { } n || Math.Abs(cy - y) < Math.Abs(n.Year - y) || (Math.Abs(cy - y) == Math.Abs(n.Year - y) && cy > n.Year))
                nearest = (cy, o);
        }
        if (nearest is not { } best) return true;
        return entries.Any(e => e.LoadOrder >= best.Order && e.AppliesTo(best.Year));
    }

    // ------------------------------------------------------------------ names

    /// <summary>
    /// Compare a printed name with the catalog name of its code for a year. Names are normalised first
    /// (<see cref="CatalogText.Normalize"/>); a leading copy of the code (<c>[2101502]</c>) is ignored.
    /// Without a year, a match with any edition counts as exact.
    /// </summary>
    public NameMatch Compare(string code, CodeScheme scheme, string printedName, int? year = null)
    {
        var clean = CleanCode(code);
        var entries = EntriesOf(clean, scheme);
        if (entries.Count == 0) return new NameMatch(NameMatchKind.UnknownCode, clean, printedName, null);

        var printed = StripLeadingCode(CatalogText.Normalize(printedName), clean);
        var best = Best(entries, year)!;
        if (printed.Length == 0) return new NameMatch(NameMatchKind.Different, clean, printedName, best);

        if (Same(best, printed)) return new NameMatch(NameMatchKind.Exact, clean, printedName, best);
        var other = Best(entries.Where(e => Same(e, printed)).ToList(), year);
        if (other is not null)
            return new NameMatch(year is null ? NameMatchKind.Exact : NameMatchKind.MatchesOtherEdition, clean, printedName, other);

        if (printed.Length >= MinTruncatedLength)
        {
            if (IsPrefixOf(printed, best)) return new NameMatch(NameMatchKind.Truncated, clean, printedName, best);
            var truncated = Best(entries.Where(e => IsPrefixOf(printed, e)).ToList(), year);
            if (truncated is not null) return new NameMatch(NameMatchKind.Truncated, clean, printedName, truncated);
        }
        return new NameMatch(NameMatchKind.Different, clean, printedName, best);
    }

    /// <summary>Shortest printed text accepted as a truncated name.</summary>
    private const int MinTruncatedLength = 2;

    /// <summary>Shortest printed text accepted as a truncated function class name (shorter prefixes are ambiguous).</summary>
    private const int MinTruncatedClassLength = 4;

    /// <summary>
    /// The function class (支出功能分类 类, 3 digits) named by a printed class line such as <c>八、社会保障和就业支出</c>,
    /// <c>（六）社会保障和就业支出</c>, <c>廿一、其他支出</c> or a truncated <c>八、 社会保障和就业支</c>. Ordinals of every style
    /// are removed and never used for matching; older names (文化体育与传媒支出 → 207) are recognised. Returns the entry
    /// whose name matched (its <see cref="CatalogEntry.Verified"/> applies), or null for lines that name no class
    /// (本年支出合计 …) or whose truncated text fits more than one class.
    /// </summary>
    public CatalogEntry? FindClassByName(string printedName, int? year = null)
    {
        var name = CatalogText.Normalize(CatalogText.StripOrdinal(printedName));
        if (name.Length == 0) return null;
        if (_classesByName.TryGetValue(name, out var exact)) return Best(exact, year);

        if (name.Length < MinTruncatedClassLength) return null;
        List<CatalogEntry>? candidates = null;
        foreach (var c in _classes)
        {
            if (!IsPrefixOf(name, c)) continue;
            (candidates ??= new List<CatalogEntry>()).Add(c);
        }
        if (candidates is null) return null;
        var code = candidates[0].Code.Value;
        if (candidates.Any(c => c.Code.Value != code)) return null;
        return Best(candidates, year);
    }

    // ------------------------------------------------------------------ economic mapping

    /// <summary>
    /// The 政府经济分类 codes a 部门经济分类 code may be reported under (部门→政府 对照), each with its verified flag and
    /// payer scope; in 政府 code order. Empty when the mapping holds nothing for the code.
    /// </summary>
    public IReadOnlyList<EconomicMapping> GovernmentCodesFor(string departmentCode) =>
        _mappings.TryGetValue(CleanCode(departmentCode), out var list)
            ? list.OrderBy(m => m.GovernmentCode.Value, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The mapping row for a pair, or null when the pair is not in the mapping. A 3-digit 政府 code matches any of its 款.</summary>
    public EconomicMapping? FindPair(string departmentCode, string governmentCode)
    {
        var gov = CleanCode(governmentCode);
        if (!_mappings.TryGetValue(CleanCode(departmentCode), out var list)) return null;
        EconomicMapping? found = null;
        foreach (var m in list)
        {
            bool match = gov.Length == 3 ? m.GovernmentCode.Value.StartsWith(gov, StringComparison.Ordinal) : m.GovernmentCode.Value == gov;
            if (!match) continue;
            if (found is null || (m.Verified && !found.Verified) || (m.Verified == found.Verified && m.LoadOrder > found.LoadOrder)) found = m;
        }
        return found;
    }

    /// <summary>Whether the mapping allows reporting <paramref name="departmentCode"/> under <paramref name="governmentCode"/>.</summary>
    public bool IsPairAllowed(string departmentCode, string governmentCode) => FindPair(departmentCode, governmentCode) is not null;

    // ------------------------------------------------------------------ ranking helpers

    private static CatalogEntry? Best(IReadOnlyList<CatalogEntry> list, int? year)
    {
        CatalogEntry? best = null;
        foreach (var e in list)
            if (best is null || Better(e, best, year)) best = e;
        return best;
    }

    private static bool Better(CatalogEntry a, CatalogEntry b, int? year)
    {
        if (year is int y)
        {
            // a name the catalog says was replaced from a given year never wins after it (207 文化体育与传媒支出,
            // ≤2018, 2019起更名) even when the replacing name is recorded only for later editions
            bool ga = a.RenamedBy(y), gb = b.RenamedBy(y);
            if (ga != gb) return gb;
            int da = a.DistanceTo(y), db = b.DistanceTo(y);
            if (da != db) return da < db;
            if (da == 0)
            {
                if (a.LoadOrder != b.LoadOrder) return a.LoadOrder > b.LoadOrder;
                if (a.Verified != b.Verified) return a.Verified;
                bool ra = a.AppliesOnlyAsRecalled(y), rb = b.AppliesOnlyAsRecalled(y);
                if (ra != rb) return !ra;
                return a.Row < b.Row;
            }
            bool aBefore = a.NewestYear < y, bBefore = b.NewestYear < y;
            if (aBefore != bBefore) return aBefore;
            if (a.LoadOrder != b.LoadOrder) return a.LoadOrder > b.LoadOrder;
            if (a.Verified != b.Verified) return a.Verified;
            return a.Row < b.Row;
        }
        if (a.LoadOrder != b.LoadOrder) return a.LoadOrder > b.LoadOrder;
        int na = a.NewestYear, nb = b.NewestYear;
        if (na != nb) return na > nb;
        if (a.Verified != b.Verified) return a.Verified;
        return a.Row < b.Row;
    }

    private static bool Same(CatalogEntry entry, string normalizedPrinted) =>
        string.Equals(entry.NormalizedName, normalizedPrinted, StringComparison.Ordinal);

    private static bool IsPrefixOf(string normalizedPrinted, CatalogEntry entry)
    {
        var n = entry.NormalizedName;
        return n.Length > normalizedPrinted.Length && n.StartsWith(normalizedPrinted, StringComparison.Ordinal);
    }

    private static string StripLeadingCode(string normalized, string code)
    {
        if (normalized.StartsWith("[" + code + "]", StringComparison.Ordinal)) return normalized[(code.Length + 2)..];
        if (normalized.StartsWith(code, StringComparison.Ordinal) && normalized.Length > code.Length && !char.IsAsciiDigit(normalized[code.Length]))
            return normalized[code.Length..];
        return normalized;
    }

    /// <summary>Trim a code and drop spaces inside it (split cells <c>208 05 05</c> joined), full-width digits made half-width.</summary>
    internal static string CleanCode(string? code)
    {
        if (code is not null && code.Length > 0 && IsAsciiDigits(code)) return code;
        var n = CatalogText.Normalize(code);
        if (n.Length >= 2 && n[0] == '[' && n[^1] == ']') n = n[1..^1];
        return n;
    }

    private static bool IsAsciiDigits(string s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    // ------------------------------------------------------------------ parsing

    private static readonly string[] CodeHeaders = ["code", "科目编码", "编码", "代码", "科目代码", "功能分类科目编码", "经济分类科目编码"];
    private static readonly string[] NameHeaders = ["name", "科目名称", "名称"];
    private static readonly string[] LevelHeaders = ["level", "级次", "级别", "科目级次", "层级"];
    private static readonly string[] EditionHeaders = ["year_or_edition", "edition", "year", "年度", "版本"];
    private static readonly string[] SourceHeaders = ["source", "来源", "出处"];
    private static readonly string[] VerifiedHeaders = ["verified", "已核实", "核实"];
    private static readonly string[] DeptHeaders = ["dept_code", "部门经济分类", "部门经济分类科目编码", "部门经济分类编码"];
    private static readonly string[] GovHeaders = ["gov_code", "政府经济分类", "政府经济分类科目编码", "政府经济分类编码"];

    private static int Column(string[] header, string[] names)
    {
        for (int i = 0; i < header.Length; i++)
        {
            var h = CatalogText.Normalize(header[i]).ToLowerInvariant();
            if (names.Contains(h, StringComparer.Ordinal)) return i;
        }
        return -1;
    }

    private static string Cell(string[] fields, int index) => index >= 0 && index < fields.Length ? fields[index].Trim() : "";

    private static bool? ParseFlag(string text) => CatalogText.Normalize(text).ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "1" or "是" or "已核实" => true,
        "no" or "n" or "false" or "0" or "否" or "未核实" => false,
        _ => null,
    };

    private static CodeLevel? ParseLevel(string text) => CatalogText.Normalize(text).ToLowerInvariant() switch
    {
        "类" or "class" => CodeLevel.Class,
        "款" or "section" => CodeLevel.Section,
        "项" or "item" => CodeLevel.Item,
        _ => null,
    };

    private static string SchemeName(CodeScheme scheme) => scheme switch
    {
        CodeScheme.Function => "支出功能分类",
        CodeScheme.DepartmentEconomic => "部门预算支出经济分类",
        _ => "政府预算支出经济分类",
    };

    internal static (List<CatalogEntry> Entries, CatalogLoadResult Result) ParseEntries(
        TextReader reader, CodeScheme scheme, int? year, CatalogOrigin origin, int loadOrder, string source)
    {
        using var records = CatalogCsv.Read(reader).GetEnumerator();
        if (!records.MoveNext()) throw new CatalogFormatException($"科目表“{source}”为空。");
        var header = records.Current.Fields;
        int cCode = Column(header, CodeHeaders), cName = Column(header, NameHeaders);
        if (cCode < 0 || cName < 0)
            throw new CatalogFormatException($"科目表“{source}”缺少编码列或名称列（表头应包含 code,name 或 科目编码,科目名称）。");
        int cLevel = Column(header, LevelHeaders), cEdition = Column(header, EditionHeaders);
        int cSource = Column(header, SourceHeaders), cVerified = Column(header, VerifiedHeaders);

        IReadOnlyList<CatalogEdition>? fixedEditions = year is int y ? [CatalogEdition.ForYear(y)] : null;
        var entries = new List<CatalogEntry>();
        var skipped = new List<CatalogLoadIssue>();
        while (records.MoveNext())
        {
            var (line, f) = records.Current;
            var rawCode = Cell(f, cCode);
            var name = Cell(f, cName);
            if (rawCode.Length == 0 && name.Length == 0) continue;
            var code = new ClassificationCode(CleanCode(rawCode), scheme);
            if (!code.IsWellFormed)
            {
                skipped.Add(new CatalogLoadIssue(line, $"“{rawCode}”不是有效的{SchemeName(scheme)}编码。"));
                continue;
            }
            if (name.Length == 0)
            {
                skipped.Add(new CatalogLoadIssue(line, $"编码 {code.Value} 没有名称。"));
                continue;
            }
            var levelText = Cell(f, cLevel);
            if (levelText.Length > 0 && ParseLevel(levelText) is { } stated && stated != code.Level)
            {
                skipped.Add(new CatalogLoadIssue(line, $"编码 {code.Value} 的级次“{levelText}”与编码长度不符。"));
                continue;
            }
            IReadOnlyList<CatalogEdition> editions;
            if (fixedEditions is not null) editions = fixedEditions;
            else
            {
                try
                {
                    editions = CatalogEdition.ParseList(Cell(f, cEdition));
                }
                catch (FormatException ex)
                {
                    skipped.Add(new CatalogLoadIssue(line, ex.Message));
                    continue;
                }
            }
            var flag = ParseFlag(Cell(f, cVerified));
            bool verified = origin == CatalogOrigin.User ? flag ?? true : flag ?? false;
            var rowSource = Cell(f, cSource);
            entries.Add(new CatalogEntry
            {
                Code = code,
                Name = name,
                Level = code.Level!.Value,
                Editions = editions,
                Source = rowSource.Length > 0 ? rowSource : source,
                Verified = verified,
                Origin = origin,
                LoadOrder = loadOrder,
                Row = line,
            });
        }
        return (entries, new CatalogLoadResult(source, entries.Count, skipped));
    }

    internal static (List<EconomicMapping> Mappings, CatalogLoadResult Result) ParseMappings(
        TextReader reader, CatalogOrigin origin, int loadOrder, string source)
    {
        using var records = CatalogCsv.Read(reader).GetEnumerator();
        if (!records.MoveNext()) throw new CatalogFormatException($"经济分类对照表“{source}”为空。");
        var header = records.Current.Fields;
        int cDept = Column(header, DeptHeaders), cGov = Column(header, GovHeaders);
        if (cDept < 0 || cGov < 0)
            throw new CatalogFormatException($"经济分类对照表“{source}”缺少部门或政府经济分类编码列（表头应包含 dept_code,gov_code）。");
        int cSource = Column(header, SourceHeaders), cVerified = Column(header, VerifiedHeaders);
        var list = new List<EconomicMapping>();
        var skipped = new List<CatalogLoadIssue>();
        while (records.MoveNext())
        {
            var (line, f) = records.Current;
            var dept = new ClassificationCode(CleanCode(Cell(f, cDept)), CodeScheme.DepartmentEconomic);
            var gov = new ClassificationCode(CleanCode(Cell(f, cGov)), CodeScheme.GovernmentEconomic);
            if (dept.Value.Length == 0 && gov.Value.Length == 0) continue;
            if (!dept.IsWellFormed || !gov.IsWellFormed)
            {
                skipped.Add(new CatalogLoadIssue(line, $"编码“{Cell(f, cDept)}”→“{Cell(f, cGov)}”无效。"));
                continue;
            }
            var rowSource = Cell(f, cSource);
            var flag = ParseFlag(Cell(f, cVerified));
            list.Add(new EconomicMapping
            {
                DepartmentCode = dept,
                GovernmentCode = gov,
                Source = rowSource.Length > 0 ? rowSource : source,
                Verified = origin == CatalogOrigin.User ? flag ?? true : flag ?? false,
                Scope = ParseScope(rowSource),
                Origin = origin,
                LoadOrder = loadOrder,
            });
        }
        return (list, new CatalogLoadResult(source, list.Count, skipped));
    }

    /// <summary>The payer named by <c>scope=…</c> in a source cell (text up to the next separator or parenthesis).</summary>
    private static string? ParseScope(string source)
    {
        int i = source.IndexOf("scope=", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        var rest = source[(i + 6)..];
        int end = rest.IndexOfAny([';', '；', '(', '（', ',', '，']);
        var scope = (end < 0 ? rest : rest[..end]).Trim();
        return scope.Length == 0 ? null : scope;
    }

    // ------------------------------------------------------------------ built-in data

    /// <summary>First year of the economic classification edition of the 2018 reform (部门/政府预算支出经济分类).</summary>
    public const int EconomicReformYear = 2018;

    private static readonly CatalogEdition EconomicReformEdition = new(EconomicReformYear, null, note: null, text: "≥2018");

    private sealed class BuiltInData
    {
        public required List<CatalogEntry> Entries { get; init; }
        public required List<EconomicMapping> Mappings { get; init; }
        public required List<(CodeScheme, int)> CompleteEditions { get; init; }
        public required List<CatalogLoadResult> Loads { get; init; }

        public static BuiltInData Load()
        {
            var entries = new List<CatalogEntry>(1000);
            var loads = new List<CatalogLoadResult>(4);
            foreach (var (file, scheme) in new[]
            {
                ("function_codes.csv", CodeScheme.Function),
                // Project-owned additions seen in published documents but missing from the copied catalog (source = seed).
                ("function_codes_supplement.csv", CodeScheme.Function),
                ("econ_dept_codes.csv", CodeScheme.DepartmentEconomic),
                // Project-owned: the codes of the economic classification before the 2018 reform that differ from it
                // (30311 住房公积金 as printed in a 2017 seed; the old classes recalled, unverified).
                ("econ_dept_codes_pre2018.csv", CodeScheme.DepartmentEconomic),
                ("econ_gov_codes.csv", CodeScheme.GovernmentEconomic),
            })
            {
                using var reader = OpenResource(file);
                var (list, result) = ParseEntries(reader, scheme, null, CatalogOrigin.BuiltIn, 0, file);
                // The shared economic catalogs carry no year: they are the edition of the 2018 reform (部门预算支出经济分类
                // and 政府预算支出经济分类 both start in 2018), so their rows apply from 2018 on.
                if (scheme != CodeScheme.Function)
                    list = list.Select(e => e.AppliesToAllYears ? e with { Editions = [EconomicReformEdition] } : e).ToList();
                entries.AddRange(list);
                loads.Add(result);
            }
            List<EconomicMapping> mappings;
            using (var reader = OpenResource("econ_mapping.csv"))
            {
                var (list, result) = ParseMappings(reader, CatalogOrigin.BuiltIn, 0, "econ_mapping.csv");
                mappings = list;
                loads.Add(result);
            }
            // A recalled edition was written out as a whole catalog of its year, so it decides which codes exist then.
            var complete = entries
                .SelectMany(e => e.Editions.Where(ed => ed.Recalled && ed.FirstYear == ed.LastYear && ed.FirstYear is not null)
                    .Select(ed => (e.Scheme, ed.FirstYear!.Value)))
                .Distinct()
                .ToList();
            return new BuiltInData { Entries = entries, Mappings = mappings, CompleteEditions = complete, Loads = loads };
        }

        private static StreamReader OpenResource(string file)
        {
            var name = "Gongkai.Catalogs.Data." + file;
            var stream = typeof(ClassificationCatalog).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"程序集中缺少内置科目表资源：{name}");
            return new StreamReader(stream, System.Text.Encoding.UTF8);
        }
    }
}
