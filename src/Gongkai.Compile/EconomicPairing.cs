using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>Who pays a 部门经济分类 amount: the pairing with 政府经济分类 depends on it (机关 → 501–504, 事业单位 → 505/506).</summary>
public enum Payer { Organ, Institution }

/// <summary>
/// One line of 一般公共预算 spending by economic class with both codes: the 部门预算支出经济分类 款 and the
/// 政府预算支出经济分类 款 it is reported under (XA 表6/表8). <see cref="GovCode"/> is null when it could not be resolved.
/// </summary>
public sealed record PairedLine(string Code, string Name, string? GovCode, string GovName, decimal Basic, decimal Project)
{
    public decimal Total => Basic + Project;
    /// <summary>人员经费 (301, 303) or 公用经费 (the rest) — for the 基本支出 part.</summary>
    public bool Personnel => CompileCatalog.IsPersonnel(Code);
}

/// <summary>
/// Resolves the 政府经济分类 code of each economic line (基本 and 项目): the code given in the data, else the catalog's
/// 部门→政府 mapping when it allows exactly one code for the payer type of the units; otherwise a 错误 asks for it.
/// Names come from the data, else the catalog; a mapping or name the catalog has not verified is used with a 警告.
/// </summary>
public static class EconomicPairing
{
    /// <summary>The payer type of the department: all units 行政/参公 → 机关, all 事业单位 → 事业单位, else unknown.</summary>
    public static Payer? PayerOf(UnitInfo unit)
    {
        var kinds = unit.Units.Select(u => u.Type?.Trim() switch
        {
            "行政单位" or "参照公务员法管理事业单位" or "参公事业单位" => (Payer?)Payer.Organ,
            "事业单位" => Payer.Institution,
            _ => null,
        }).Distinct().ToList();
        return kinds.Count == 1 ? kinds[0] : null;
    }

    /// <summary>The 政府 codes the catalog allows for a 部门 款 and payer (all when the payer is unknown), with their mapping rows.</summary>
    public static List<EconomicMapping> Candidates(string departmentCode, Payer? payer)
    {
        var all = ClassificationCatalog.BuiltIn.GovernmentCodesFor(departmentCode);
        static bool ForInstitutions(EconomicMapping m) => m.GovernmentCode.Value.StartsWith("505", StringComparison.Ordinal) || m.GovernmentCode.Value.StartsWith("506", StringComparison.Ordinal);
        IEnumerable<EconomicMapping> list = payer switch
        {
            Payer.Organ => all.Where(m => !ForInstitutions(m) && m.Scope != "事业单位"),
            Payer.Institution => all.Any(m => ForInstitutions(m) || m.Scope == "事业单位")
                ? all.Where(m => ForInstitutions(m) || m.Scope == "事业单位")
                : all.Where(m => m.Scope is null),
            _ => all,
        };
        return list.GroupBy(m => m.GovernmentCode.Value).Select(g => g.OrderByDescending(m => m.Verified).First()).ToList();
    }

    /// <summary>基本 (<see cref="DisclosureData.Economic"/>) and 项目 (<see cref="DisclosureData.ProjectEconomic"/>) lines by (部门, 政府) pair, in code order.</summary>
    public static List<PairedLine> Resolve(DisclosureData d, Facts f, List<DataIssue> issues)
    {
        var payer = PayerOf(d.Unit);
        var payerText = payer switch { Payer.Organ => "机关（行政单位、参公事业单位）", Payer.Institution => "事业单位", _ => "本部门（单位类型未填或不止一种）" };
        var gov = new Dictionary<(string, string?), (string? Code, string Name)>();
        var warned = new HashSet<string>(StringComparer.Ordinal);
        (string? Code, string Name) Pair(string field, EconomicLine e)
        {
            if (gov.TryGetValue((e.Code, e.GovernmentCode), out var known)) return known;
            string? code = e.GovernmentCode;
            if (code is null)
            {
                var cands = Candidates(e.Code, payer);
                if (cands.Count == 1)
                {
                    code = cands[0].GovernmentCode.Value;
                    if (!cands[0].Verified && warned.Add("map:" + e.Code))
                        issues.Add(new(IssueSeverity.Warning, $"{field}[{e.Code}]",
                            $"部门经济分类 {e.Code} 对应政府经济分类 {code}，取自未核实的对照表条目，请核对；可在数据中填写政府经济分类编码。"));
                }
                else
                {
                    var options = cands.Count == 0 ? "科目对照表中没有可用的对应编码" : $"可选 {string.Join("、", cands.Select(c => c.GovernmentCode.Value))}";
                    issues.Add(new(IssueSeverity.Error, $"{field}[{e.Code}]",
                        $"部门经济分类 {e.Code} 对应哪个政府预算支出经济分类无法确定（{payerText}，{options}），请填写政府经济分类编码。"));
                }
            }
            var name = e.GovernmentName;
            if (string.IsNullOrWhiteSpace(name) && code is not null)
            {
                var entry = ClassificationCatalog.BuiltIn.Find(code, CodeScheme.GovernmentEconomic, d.Year);
                if (entry is null)
                    issues.Add(new(IssueSeverity.Error, $"{field}[{e.Code}]", $"政府经济分类编码 {code} 不在政府预算支出经济分类目录中，请核对编码或填写名称。"));
                else if (!entry.Verified && warned.Add("name:" + code))
                    issues.Add(new(IssueSeverity.Warning, $"{field}[{e.Code}]", $"政府经济分类 {code}“{entry.Name}”的名称取自未核实的科目表条目，请核对；可在数据中填写政府经济分类名称。"));
                name = entry?.Name;
            }
            return gov[(e.Code, e.GovernmentCode)] = (code, name ?? code ?? "");
        }

        var acc = new Dictionary<(string Code, string? Gov), (string GovName, decimal Basic, decimal Project)>();
        foreach (var (field, lines, project) in new[] { ("economic", d.Economic, false), ("projectEconomic", d.ProjectEconomic ?? [], true) })
            foreach (var e in lines)
            {
                var (code, name) = Pair(field, e);
                var a = acc.TryGetValue((e.Code, code), out var x) ? x : (GovName: name, Basic: 0m, Project: 0m);
                acc[(e.Code, code)] = project ? (a.GovName, a.Basic, a.Project + e.Amount) : (a.GovName, a.Basic + e.Amount, a.Project);
            }
        // the 政府 类 names printed in the economic blocks of 表1/表4 (when they can be printed, see TableBuilder)
        bool blocks = (d.ProjectEconomic is not null || f.GeneralProject == 0) && (f.SpendTotal == f.GeneralSpend || f.FiscalSpend == f.GeneralSpend);
        foreach (var cls in blocks ? acc.Keys.Where(k => k.Gov is not null).Select(k => k.Gov![..3]).Distinct().Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            if (ClassificationCatalog.BuiltIn.Find(cls, CodeScheme.GovernmentEconomic, d.Year) is { Verified: false } entry)
                issues.Add(new(IssueSeverity.Warning, "economic", $"政府经济分类类级 {cls}“{entry.Name}”的名称取自未核实的科目表条目，收支总表中按此列示，请核对。"));
        return acc.OrderBy(kv => kv.Key.Code, StringComparer.Ordinal).ThenBy(kv => kv.Key.Gov ?? "", StringComparer.Ordinal)
            .Select(kv => new PairedLine(kv.Key.Code, f.EconName(kv.Key.Code), kv.Key.Gov, kv.Value.GovName, kv.Value.Basic, kv.Value.Project)).ToList();
    }
}
