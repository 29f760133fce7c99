using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Classification;

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
