using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

/// <summary>GK501 a row counted in the subtotal of a parent whose code it does not start with (2109999 under 21015).</summary>
public sealed class MisplacedChild : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK501", "下级科目归错上级", Severity.Error, Applicability.Both, RuleCategory.Classification,
        "下级编码必须以上级编码开头；被计入他人小计时：上级打印数 − Σ 本级下级 = 该行金额",
        "项级编码的前五位就是其款级编码。若某项（如 2109999）列在另一款（如 21015）之下并被计入该款小计，" +
        "且表中没有它自己的款级行，则该款小计多出恰好这一项的金额，属科目归类错误。",
        "21015 小计 706.09 中含 2109999 的 12.00，应单列 21099 款");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableNames.FunctionCoded.Concat(TableNames.Economic).ToArray()))
        {
            var scheme = TableNames.Economic.Contains(table.Kind) ? CodeScheme.DepartmentEconomic : CodeScheme.Function;
            var h = new CodeHierarchy(table, scheme);
            foreach (var (row, host) in h.Misplaced)
            {
                var key = CodeHierarchy.MainKey(host);
                var own = h.Children[host];
                var hostFig = host[key]!;
                var expected = own.Sum(c => c.ValueOrZero(key));
                var found = hostFig.Value;
                var rightParent = row.Code!.Value.Parent!.Value.Value;
                yield return Report(
                    $"{table.Kind.Describe()}「{row.Name()}」列在「{host.Name()}」之下，但编码不以 {host.Code!.Value.Value} 开头；" +
                    $"「{host.Name()}」{key.ColumnName()}按其下级应为 {Tolerance.Format(expected)}，实为 {Tolerance.Format(found)}，" +
                    $"差额 {Tolerance.FormatSigned(found - expected)}，恰为「{row.Name()}」的金额 {Tolerance.Format(row.ValueOrZero(key))}",
                    new[] { row.Source, row[key]?.Source, hostFig.Source }, expected, found,
                    $"将 {row.Code!.Value.Value} 列在其所属的 {rightParent} 款下（补列该款级行），并从 {host.Code!.Value.Value} 小计中扣除。",
                    table.Kind);
            }
        }
    }
}

/// <summary>GK502 a 项 without its 款 row, or a 款 without its 类 row.</summary>
public sealed class MissingParentRow : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK502", "缺少上级科目行", Severity.Error, Applicability.Both, RuleCategory.Classification,
        "每个项级行之前应有其款级行，每个款级行之前应有其类级行（只列一个级次的表、上级行印有名称而编码未读出的除外）",
        "功能分类表逐级列示类、款、项；缺少上级行会使上级小计无从核对，也常是漏行或编码错误的迹象。",
        "列出 2080505 而没有 20805 行");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableNames.FunctionCoded.Concat(TableNames.Economic).ToArray()))
        {
            var scheme = TableNames.Economic.Contains(table.Kind) ? CodeScheme.DepartmentEconomic : CodeScheme.Function;
            var h = new CodeHierarchy(table, scheme);
            foreach (var row in h.Orphans)
            {
                var parent = row.Code!.Value.Parent!.Value.Value;
                // a table whose codes are all of one level is laid out flat (only 项, or a project list with a code
                // column): a layout, not a missing row
                if (h.Rows.All(r => r.Code!.Value.Value.Length == row.Code!.Value.Value.Length)) continue;
                if (ParentPrintedWithoutCode(ctx, table, h, row, parent, scheme)) continue;
                yield return Report($"{table.Kind.Describe()}「{row.Name()}」的上级科目 {parent} 未列示（应有 {parent} 行，实际缺失）",
                    new[] { row.Source }, suggestion: $"补列 {parent} 科目行及其小计，或核对 {row.Code!.Value.Value} 的编码。", table: table.Kind);
            }
        }
    }

    /// <summary>
    /// The parent row is printed but its code was not read (a 款 printed as its last two digits, <c>03 职业教育</c>): an
    /// uncoded row between the nearest coded row above and the orphan whose name is the parent's catalog name, or whose
    /// amount equals the orphans under it.
    /// </summary>
    private static bool ParentPrintedWithoutCode(AuditContext ctx, DisclosureTable table, CodeHierarchy h, DataRow orphan, string parent, CodeScheme scheme)
    {
        int at = table.Rows.IndexOf(orphan);
        for (int i = at - 1; i >= 0; i--)
        {
            var r = table.Rows[i];
            if (r.IsTotal) return false;
            if (r.Code is { } c)
            {
                if (c.Value.StartsWith(parent, StringComparison.Ordinal) && c.Value.Length > parent.Length) continue; // a sibling orphan
                return false;
            }
            var name = CodeNames.Clean(r.Label);
            if (name.Length == 0) continue;
            if (ctx.Catalog?.Compare(new ClassificationCode(parent, scheme), name, ctx.Disclosure.Year) is { IsAcceptable: true }) return true;
            var key = CodeHierarchy.MainKey(orphan);
            var under = h.Orphans.Where(o => o.Code!.Value.Value.StartsWith(parent, StringComparison.Ordinal)).Sum(o => o.ValueOrZero(key));
            return r[key] is { IsNumber: true } f && f.Value != 0m && Math.Abs(f.Value - under) <= Rounding.SumEnvelope(2);
        }
        return false;
    }
}

/// <summary>Helpers shared by the classification rules.</summary>
public static class ClassRows
{
    /// <summary>
    /// Tables whose row labels are the names of the codes (function-coded and economic tables, summary class lines).
    /// Other tables (procurement, project lists, unit lists, unrecognised tables) print a code next to a project or
    /// unit name, so their labels are not subject names.
    /// </summary>
    public static bool NamesSubjects(TableKind kind) =>
        TableNames.FunctionCodedSums.Contains(kind) || TableNames.Economic.Contains(kind) || TableNames.Summary.Contains(kind)
        || kind is TableKind.BudgetGeneralByEconomic or TableKind.FiscalGrantBasic or TableKind.OperatingCostsByEconomic;

    /// <summary>
    /// Whether a row of the table names the code: the table names subjects and the code is of the table's scheme (an
    /// economic-looking code in a function table, e.g. a unit code 305 on a unit line of a 收入总表, names no subject).
    /// </summary>
    public static bool NamesSubject(TableKind kind, ClassificationCode code)
    {
        if (!NamesSubjects(kind)) return false;
        if (TableNames.FunctionCodedSums.Contains(kind)) return code.Scheme == CodeScheme.Function;
        if (TableNames.Summary.Contains(kind)) return true;
        return code.Scheme != CodeScheme.Function;
    }

    /// <summary>
    /// The printed name belongs to a code below the row's code (a 类 code with the name of one of its 款 or 项):
    /// the code was printed over several cells and only its first part was read (<c>301 | 01 | 基本工资</c>).
    /// </summary>
    public static bool NamesADescendant(Gongkai.Catalogs.ClassificationCatalog? catalog, ClassificationCode code, string printed)
    {
        if (catalog is null || code.Level == CodeLevel.Item) return false;
        var stack = new Stack<string>();
        stack.Push(code.Value);
        int guard = 0;
        while (stack.Count > 0 && guard++ < 2000)
        {
            foreach (var child in catalog.Children(stack.Pop(), code.Scheme))
            {
                if (catalog.Compare(child.Code.Value, code.Scheme, printed).Kind == Gongkai.Catalogs.NameMatchKind.Exact) return true;
                stack.Push(child.Code.Value);
            }
        }
        return false;
    }

    /// <summary>
    /// Names that differ only in wording that does not change the subject: the particle 的 (对个人和家庭补助 /
    /// 对个人和家庭的补助) or a bracketed qualifier added to the catalog name (资本金注入（基本建设）).
    /// </summary>
    public static bool MinorVariant(string printed, string official)
    {
        static string Core(string s) => Gongkai.Catalogs.CatalogText.Normalize(s).Replace("的", "");
        var a = Core(printed);
        var b = Core(official);
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        static string Unbracket(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"[(（][^()（）]{1,12}[)）]$", "");
        return Unbracket(a) == b || a == Unbracket(b);
    }
}

/// <summary>GK503 a code of a wrong length (a 6- or 8-digit function code, a 4- or 6-digit economic code).</summary>
public sealed class MalformedCode : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK503", "科目编码位数错误", Severity.Error, Applicability.Both, RuleCategory.Classification,
        "功能分类 3/5/7 位；经济分类 3/5 位（地方细化的目级 7 位）；只含数字",
        "科目编码的位数决定级次，位数不对通常是录入时多打或漏打一位。",
        "“210110”（6 位）应为 21011 或 2101101");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Disclosure.Tables)
            foreach (var row in table.Rows)
                if (row.Code is { } code && !code.IsWellFormed)
                    yield return Report(
                        $"{table.Kind.Describe()}「{row.Label}」的编码 {code.Value} 位数为 {code.Value.Length}，" +
                        $"{(code.Scheme == CodeScheme.Function ? "功能分类应为 3、5 或 7 位" : "经济分类应为 3 或 5 位（细目 7 位）")}",
                        new[] { row.Source }, suggestion: "核对原始编码，补齐或删去多余数字。", table: table.Kind);
    }
}

/// <summary>GK504 rows not in code order within a coded table.</summary>
public sealed class CodeOrder : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK504", "科目按编码顺序排列", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "同一表内科目行按编码升序排列，上级行在下级行之前（按单位分组的表在每个单位行后重新起排；同一编码列示多行的项目清单不查）",
        "功能分类表通常按编码顺序列示，上级在前；顺序错乱往往意味着漏行、串行或跨页拼接错误。",
        "2101102 出现在 2101101 之前");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableNames.FunctionCoded))
        {
            // a table grouped by unit (预算单位) restarts its codes under every unit row: an uncoded row with amounts
            // between coded rows starts a new sequence
            var rows = new List<DataRow>();
            var group = new Dictionary<DataRow, int>(ReferenceEqualityComparer.Instance);
            int g = 0;
            foreach (var r in table.Rows)
            {
                if (r.IsTotal)
                {
                    g++;
                    continue;
                }
                if (r.Code is null)
                {
                    if (r.Values.Values.Any(v => v.IsNumber) || r.Extras.Values.Any(v => v.IsNumber)) g++;
                    continue;
                }
                if (r.Code.Value.Scheme != CodeScheme.Function || !r.Code.Value.IsWellFormed) continue;
                rows.Add(r);
                group[r] = g;
            }
            // a code printed on several rows of one group is an attribute of listed items (projects with their
            // function code), not the row's subject: such lists are ordered by item, not by code
            if (rows.GroupBy(r => (group[r], r.Code!.Value.Value)).Any(x => x.Count() > 1)) continue;
            for (int i = 1; i < rows.Count; i++)
            {
                if (group[rows[i]] != group[rows[i - 1]]) continue;
                var prev = rows[i - 1].Code!.Value.Value;
                var cur = rows[i].Code!.Value.Value;
                // a table listed unit by unit starts its codes again in each unit
                if (string.CompareOrdinal(cur, prev) >= 0 || rows[i].Section != rows[i - 1].Section) continue;
                yield return Report($"{table.Kind.Describe()}「{rows[i].Name()}」排在「{rows[i - 1].Name()}」之后，编码顺序颠倒",
                    new[] { rows[i].Source, rows[i - 1].Source }, suggestion: "按科目编码升序调整行序，并检查是否有串行。", table: table.Kind);
            }
        }
    }
}

/// <summary>GK505 one code printed with two different names in one document (ordinals and truncation aside).</summary>
public sealed class OneCodeTwoNames : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK505", "同一编码名称前后一致", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "同一文件中同一科目编码只对应一个名称（去掉序号“八、”“(3)”后比较；截断的名称只作提示）",
        "同一编码在不同表中名称不同，常见于套用旧版科目名称或编码与名称错配。序号、空格和印刷截断不算名称不同。",
        "B2 写 21305 扶贫，B3 写 21305 巩固脱贫衔接乡村振兴");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        var groups = new Dictionary<(CodeScheme, string), List<(string Name, DataRow Row, TableKind Table)>>();
        foreach (var table in ctx.Disclosure.Tables)
            foreach (var row in table.Rows)
            {
                if (row.Code is not { } code || CodeNames.Clean(row.Label) is not { Length: > 0 } name) continue;
                // only labels that name the code
                if (!ClassRows.NamesSubject(table.Kind, code)) continue;
                if (ClassRows.NamesADescendant(ctx.Catalog?.Catalog, code, name)) continue;
                if (!groups.TryGetValue((code.Scheme, code.Value), out var list)) groups[(code.Scheme, code.Value)] = list = new();
                list.Add((name, row, table.Kind));
            }
        foreach (var ((scheme, code), list) in groups)
        {
            // a 款 with 项 rows in function-coded tables is GK511's
            if (scheme == CodeScheme.Function && code.Length == 5 && list.All(x => TableNames.FunctionCoded.Contains(x.Table))
                && ctx.Disclosure.Tables.Any(t => t.Rows.Any(r => r.Code is { Value.Length: 7 } c && c.Value.StartsWith(code, StringComparison.Ordinal)))) continue;
            var names = list.Select(x => x.Name).Distinct().ToList();
            if (names.Count < 2) continue;
            var full = names.Where(n => !names.Any(o => CodeNames.IsTruncationOf(n, o))).ToList();
            if (full.Count >= 2)
            {
                var firsts = full.Select(n => list.First(x => x.Name == n)).ToList();
                var f = Report($"编码 {code} 在同一文件中有 {full.Count} 个名称（应只有 1 个）：" +
                    string.Join("；", firsts.Select(x => $"{x.Table.Describe()}「{x.Row.Label.Trim()}」")),
                    firsts.Select(x => (Provenance?)x.Row.Source), 1, full.Count,
                    "统一为当年《政府收支分类科目》中的名称。", firsts[0].Table);
                // names that differ only by 的 or a bracketed qualifier are the same subject, and a code the recognizer
                // derived from a name (summary lines print none) only tests its own synonym list: a hint
                bool minor = full.Skip(1).All(n => ClassRows.MinorVariant(n, full[0]));
                bool derived = list.Any(x => full.Contains(x.Name) && !CodeNames.CodeIsPrinted(x.Row));
                yield return minor || derived ? Soften(f, Severity.Info) : f;
            }
            else if (ctx.Catalog is null)
            {
                // truncation only: GK506 reports it against the catalog when there is one
                var cut = list.First(x => x.Name != full[0]);
                yield return Soften(Report($"编码 {code} 在{cut.Table.Describe()}中印为「{cut.Row.Label.Trim()}」，是「{full[0]}」的截断",
                    new[] { cut.Row.Source }, suggestion: "补全科目名称。", table: cut.Table), Severity.Info);
            }
        }
    }
}

/// <summary>GK506 a code's name differs from the catalog edition of the document's year (needs <see cref="ICodeCatalog"/>).</summary>
public sealed class CatalogName : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK506", "科目名称与当年科目表一致", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "去序号后的行名称 = 科目表中该编码在文件年度版本中的名称；旧版名称、名称不符为警告；截断、科目表未核实或 2018 年以前的经济分类为提示",
        "科目名称随年度版本变化，使用旧版名称或把名称配给了别的编码都属分类错误；印刷截断只是排版问题；" +
        "科目表中未核实的条目可能本身有误，据此只作提示。仅在提供科目表时检查。",
        "2022 年文件中 21305 写作“扶贫”，当年应为“巩固脱贫衔接乡村振兴”");

    /// <summary>The first year of the built-in 部门/政府 economic classification edition (the 2018 reform).</summary>
    public const int EconomicEditionYear = 2018;

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Catalog is not { } catalog) yield break;
        var year = ctx.Disclosure.Year;
        var seen = new HashSet<(string, string)>();
        foreach (var table in ctx.Disclosure.Tables)
            foreach (var row in table.Rows)
            {
                if (row.Code is not { IsWellFormed: true } code) continue;
                if (!ClassRows.NamesSubject(table.Kind, code)) continue;
                var printed = CodeNames.Clean(row.Label);
                if (printed.Length == 0 || !seen.Add((code.Value, printed))) continue;
                if (ClassRows.NamesADescendant(catalog.Catalog, code, printed)) continue;
                var m = catalog.Compare(code, printed, year);
                if (m is null)
                {
                    if (catalog.NameOf(code, year) is not { } official || CodeNames.Clean(official) == printed) continue;
                    var f0 = Report($"{table.Kind.Describe()}编码 {code.Value} 的名称应为「{official}」，实为「{row.Label.Trim()}」",
                        new[] { row.Source }, suggestion: "按当年科目表更正名称，或核对编码。", table: table.Kind);
                    yield return catalog.IsVerified(code, year) && !(code.Scheme != CodeScheme.Function && year < EconomicEditionYear) ? f0 : Soften(f0, Severity.Info);
                    continue;
                }
                if (m.Kind is NameMatchKind.Exact or NameMatchKind.UnknownCode) continue;
                var expected = m.Entry?.Name ?? "";
                var (what, severity) = m.Kind switch
                {
                    NameMatchKind.Truncated => ("名称印刷不完整", Severity.Info),
                    NameMatchKind.MatchesOtherEdition => ("使用了其他年度版本的名称", Severity.Warning),
                    _ => ("名称与科目表不符", Severity.Warning),
                };
                if (m.Kind == NameMatchKind.MatchesOtherEdition) expected = catalog.NameOf(code, year) ?? expected;
                if (!m.Verified || !CodeNames.CodeIsPrinted(row)) severity = Severity.Info;
                if (m.Kind == NameMatchKind.Different && ClassRows.MinorVariant(printed, expected))
                {
                    what = "名称用字与科目表略有出入";
                    severity = Severity.Info;
                }
                // the built-in economic classes are the edition of the 2018 reform (30311 was 住房公积金 before it)
                // the built-in economic catalog holds the 2018 reform edition and, for earlier years, only the codes that
                // changed: a name before 2018 is judged only against a verified row of that earlier edition
                bool olderEconomic = code.Scheme != CodeScheme.Function && year < EconomicEditionYear
                                     && !(year is int y0 && catalog.Catalog?.Find(code.Value, code.Scheme, y0) is { Verified: true } e0 && e0.AppliesTo(y0));
                if (olderEconomic) severity = Severity.Info;
                var f = Report($"{table.Kind.Describe()}编码 {code.Value} {what}：应为「{expected}」，实为「{row.Label.Trim()}」" +
                               (m.Verified ? "" : "（科目表条目未核实）") +
                               (olderEconomic ? $"（内置经济分类为 {EconomicEditionYear} 年起的版本，{year} 年的名称请按当年科目表核对）" : ""),
                    new[] { row.Source }, suggestion: m.Kind == NameMatchKind.Truncated ? "补全科目名称。" : "按当年科目表更正名称，或核对编码。",
                    table: table.Kind);
                yield return Soften(f, severity);
            }
    }
}

/// <summary>GK507 a code that does not exist in the catalog edition of the document's year.</summary>
public sealed class CodeExistsInYear : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK507", "科目编码在当年科目表中存在", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "编码 ∈ 文件年度的科目表版本；科目表不认识的编码、或只有未核实条目的编码只作提示；地方细化的 7 位经济分类细目不查",
        "编码录错一位、或使用已撤销的科目，会使支出归到错误的功能或用途上；内置科目表并不完整，" +
        "对它不认识或未核实的编码只提示人工核对。仅在提供科目表时检查；由名称推得编码的汇总行不查。",
        "2024 年决算列 2080599（该年无此科目）");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        if (ctx.Catalog is not { } catalog) yield break;
        var year = ctx.Disclosure.Year;
        var seen = new HashSet<string>();
        foreach (var table in ctx.Disclosure.Tables)
            foreach (var row in table.Rows)
            {
                if (row.Code is not { IsWellFormed: true } code || !CodeNames.CodeIsPrinted(row) || !seen.Add(code.Scheme + code.Value)) continue;
                // an economic sub-item (3010201) is a regional refinement below the national 款: no national catalog lists it
                if (code.Level == CodeLevel.SubItem) continue;
                var known = catalog.Contains(code);
                if (known && catalog.Exists(code, year)) continue;
                var f = Report(known
                        ? $"{table.Kind.Describe()}「{row.Name()}」：编码 {code.Value} 在 {year} 年版科目表中不存在（仅见于其他年度）"
                        : $"{table.Kind.Describe()}「{row.Name()}」：编码 {code.Value} 不在内置科目表中，请人工核对",
                    new[] { row.Source }, suggestion: "核对编码是否录错或已撤销。", table: table.Kind);
                yield return known && catalog.IsVerified(code, year) && !(code.Scheme != CodeScheme.Function && year < CatalogName.EconomicEditionYear) ? f : Soften(f, Severity.Info);
            }
    }
}
