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
        "每个项级行之前应有其款级行，每个款级行之前应有其类级行",
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
                yield return Report($"{table.Kind.Describe()}「{row.Name()}」的上级科目 {parent} 未列示（应有 {parent} 行，实际缺失）",
                    new[] { row.Source }, suggestion: $"补列 {parent} 科目行及其小计，或核对 {row.Code!.Value.Value} 的编码。", table: table.Kind);
            }
        }
    }
}

/// <summary>GK503 a code of a wrong length (a 6- or 8-digit function code, a 7-digit economic code).</summary>
public sealed class MalformedCode : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK503", "科目编码位数错误", Severity.Error, Applicability.Both, RuleCategory.Classification,
        "功能分类 3/5/7 位；经济分类 3/5 位；只含数字",
        "科目编码的位数决定级次，位数不对通常是录入时多打或漏打一位。",
        "“210110”（6 位）应为 21011 或 2101101");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Disclosure.Tables)
            foreach (var row in table.Rows)
                if (row.Code is { } code && !code.IsWellFormed)
                    yield return Report(
                        $"{table.Kind.Describe()}「{row.Label}」的编码 {code.Value} 位数为 {code.Value.Length}，" +
                        $"{(code.Scheme == CodeScheme.Function ? "功能分类应为 3、5 或 7 位" : "经济分类应为 3 或 5 位")}",
                        new[] { row.Source }, suggestion: "核对原始编码，补齐或删去多余数字。", table: table.Kind);
    }
}

/// <summary>GK504 rows not in code order within a coded table.</summary>
public sealed class CodeOrder : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK504", "科目按编码顺序排列", Severity.Warning, Applicability.Both, RuleCategory.Classification,
        "同一表内科目行按编码升序排列，上级行在下级行之前",
        "功能分类表通常按编码顺序列示，上级在前；顺序错乱往往意味着漏行、串行或跨页拼接错误。",
        "2101102 出现在 2101101 之前");

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(TableNames.FunctionCoded))
        {
            var rows = table.Coded(CodeScheme.Function).Where(r => r.Code!.Value.IsWellFormed).ToList();
            for (int i = 1; i < rows.Count; i++)
            {
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
                yield return Report($"编码 {code} 在同一文件中有 {full.Count} 个名称（应只有 1 个）：" +
                    string.Join("；", firsts.Select(x => $"{x.Table.Describe()}「{x.Row.Label.Trim()}」")),
                    firsts.Select(x => (Provenance?)x.Row.Source), 1, full.Count,
                    "统一为当年《政府收支分类科目》中的名称。", firsts[0].Table);
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
                var printed = CodeNames.Clean(row.Label);
                if (printed.Length == 0 || !seen.Add((code.Value, printed))) continue;
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
                // the built-in economic classes are the edition of the 2018 reform (30311 was 住房公积金 before it)
                bool olderEconomic = code.Scheme != CodeScheme.Function && year < EconomicEditionYear;
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
        "编码 ∈ 文件年度的科目表版本；科目表不认识的编码、或只有未核实条目的编码只作提示",
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
