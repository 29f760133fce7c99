using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Audit.Rules.Template;

/// <summary>
/// The tables of a document matched to its regional template (<see cref="RegionTemplates"/>) with confidence: the
/// document's region profile, kind and year select a described template, and the table's own printed number and title
/// are the template's (预算01表 + 收支预算总表; the title alone where the region prints no numbers). A table that is not
/// so identified is never compared.
/// </summary>
internal static partial class TemplateMatch
{
    public static IEnumerable<(DisclosureTable Table, TableTemplate Template)> Tables(AuditContext ctx)
    {
        var d = ctx.Disclosure;
        var kind = d.Kind switch { DocumentKind.Budget => "budget", DocumentKind.FinalAccount => "final", _ => null };
        if (kind is null || d.Year is not int year || ctx.Profile is RegionProfile.Auto or RegionProfile.National) yield break;
        if (RegionTemplates.Find(ctx.Profile.ToString().ToLowerInvariant(), kind, year) is not { } template) yield break;
        foreach (var t in d.Tables)
        {
            if (template.Table(t.Kind.ToString()) is not { } tt || t.Title is null) continue;
            // a region that prints no table numbers (上海) has a template without labels: the title alone identifies the table
            if (tt.Label.Length > 0 && (t.Label is null || RegionTemplates.Squeeze(t.Label) != RegionTemplates.Squeeze(tt.Label))) continue;
            // a department's or a unit's title ({entity}: 部门收支总体情况表 / 单位收支总体情况表)
            var printed = RegionTemplates.Squeeze(t.Title);
            if (!tt.TitlesFor(year, t.Kind.Chinese()).Any(x => printed.Contains(RegionTemplates.Squeeze(x), StringComparison.Ordinal))) continue;
            yield return (t, tt);
        }
    }

    /// <summary>A label without spaces and leading ordinals.</summary>
    public static string Plain(string label) => RegionTemplates.Squeeze(CatalogText.StripOrdinal(RegionTemplates.Squeeze(label)));

    /// <summary>Whether some row of the table has the fixed row's label (spaces ignored; {threshold} stands for a number).</summary>
    public static bool HasRow(DisclosureTable t, string fixedLabel)
    {
        var want = RegionTemplates.Squeeze(fixedLabel);
        if (want.Contains("{threshold}", StringComparison.Ordinal))
        {
            var re = new Regex("^" + Regex.Escape(want).Replace(@"\{threshold}", @"\d+(\.\d+)?") + "$");
            return t.Rows.Any(r => re.IsMatch(RegionTemplates.Squeeze(r.Label)));
        }
        return t.Rows.Any(r => RegionTemplates.Squeeze(r.Label) == want);
    }

    public static string List(IReadOnlyCollection<string> items, int max = 6) =>
        string.Join("、", items.Take(max)) + (items.Count > max ? $" 等 {items.Count} 项" : "");
}

/// <summary>GK901 a fixed row of the region's template (a 功能分类 class of the fixed list, a fixed line of 公开09) is missing.</summary>
public sealed class TemplateFixedRowMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK901", "缺少地区模板的固定行", Severity.Warning, Applicability.Both, RuleCategory.Template,
        "表按地区模板识别（地区、年度、表号、表名一致）时：模板的每个固定行（功能分类“类”的固定清单、固定统计行）都应列示",
        "地区模板规定的固定行无论有无数据都要列出（如湖北收支预算总表列出全部功能分类“类”并编序号，重庆机构运行信息表列出外事接待、国（境）外接待的批次和人次）；" +
        "只列有数的行，表的结构就与模板不一致。只有地区、表号和表名都与模板一致时才检查。",
        "预算01表 收支预算总表只列了 3 个“类”，缺少 一、一般公共服务支出 等 22 行")
    { RunsOnTemplates = true };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, tt) in TemplateMatch.Tables(ctx))
        {
            var missing = new List<string>();
            foreach (var c in tt.ClassRows)
                if (!t.Rows.Any(r => r.Code?.Value == c.Code && r.Side != Side.Income)) missing.Add(c.Label);
            var fixedRows = tt.AllFixedRows.ToList();
            foreach (var label in fixedRows)
                if (!TemplateMatch.HasRow(t, label)) missing.Add(label.Replace("{threshold}", "N"));
            if (missing.Count == 0) continue;
            yield return Report($"{t.Label}《{t.Title}》：缺少地区模板的固定行 {TemplateMatch.List(missing)}（共 {missing.Count} 行）",
                new[] { t.Source }, expected: tt.ClassRows.Count + fixedRows.Count, found: tt.ClassRows.Count + fixedRows.Count - missing.Count,
                suggestion: "按地区模板列出全部固定行，无数据的行留空或填 0。", table: t.Kind);
        }
    }
}

/// <summary>GK902 a fixed column of the region's template (单位代码/名称, 资金来源/性质, 人员经费/公用经费 …) is missing.</summary>
public sealed class TemplateFixedColumnMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK902", "缺少地区模板的固定列", Severity.Warning, Applicability.Both, RuleCategory.Template,
        "表按地区模板识别时：模板的每个固定列（按表头文字）和每个金额列（按列的含义）都应列示",
        "地区模板规定的列（如湖北政府采购预算表的单位名称、资金来源、资金性质、采购数量、单价、计量单位，一般公共预算支出表基本支出下的人员经费、公用经费）" +
        "缺失时，表的内容少于模板。只有地区、表号和表名都与模板一致时才检查。",
        "预算11表 政府采购预算表缺少 资金来源、资金性质 列")
    { RunsOnTemplates = true };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, tt) in TemplateMatch.Tables(ctx))
        {
            var headers = t.Columns.Select(c => RegionTemplates.Squeeze(c.Header)).ToList();
            var missing = tt.FixedColumns.Where(h => !headers.Any(x => x.Contains(RegionTemplates.Squeeze(h), StringComparison.Ordinal))).ToList();
            foreach (var m in tt.Measures)
                if (Enum.TryParse<Measure>(m, out var measure) && !t.Columns.Any(c => c.Key?.Measure == measure)) missing.Add(Name(measure));
            if (missing.Count == 0) continue;
            yield return Report($"{t.Label}《{t.Title}》：缺少地区模板的固定列 {TemplateMatch.List(missing)}",
                new[] { t.Source }, suggestion: "按地区模板列出全部固定列。", table: t.Kind);
        }
    }

    private static string Name(Measure m) => m switch
    {
        Measure.Total => "合计", Measure.Basic => "基本支出", Measure.Project => "项目支出", Measure.Personnel => "人员经费", Measure.Public => "公用经费",
        Measure.Amount => "金额", Measure.OperatingExpenditure => "事业单位经营支出", Measure.RemitToSuperior => "上缴上级支出",
        Measure.SubsidyToSubordinate => "对附属单位补助支出", Measure.FiscalGrant => "财政拨款收入", Measure.SuperiorSubsidy => "上级补助收入",
        Measure.BusinessIncome => "事业收入", Measure.OperatingIncome => "经营收入", Measure.SubordinateRemittance => "附属单位上缴收入",
        Measure.OtherIncome => "其他收入", Measure.GeneralBudget => "一般公共预算财政拨款", Measure.GovernmentFund => "政府性基金预算财政拨款",
        Measure.StateCapital => "国有资本经营预算财政拨款", Measure.CarryIn => "年初结转和结余", Measure.IncomeThisYear => "本年收入",
        Measure.CarryOut => "年末结转和结余", Measure.ThreePublicTotal => "“三公”经费合计", Measure.Abroad => "因公出国（境）费",
        Measure.VehicleTotal => "公务用车购置及运行费", Measure.VehiclePurchase => "公务用车购置费", Measure.VehicleOperation => "公务用车运行费",
        Measure.Reception => "公务接待费", Measure.Meeting => "会议费", Measure.Training => "培训费", Measure.Reserve => "单位预留机动经费",
        Measure.SpecialAccount => "财政专户管理资金", Measure.OperatingCosts => "机关运行经费", _ => m.ToString(),
    };
}

/// <summary>GK903 a line named as another region's template names it (用事业基金弥补收支差额 / 结转下年 in a template of 上年结转结余 / 年终结转结余).</summary>
public sealed class TemplateForeignLineName : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK903", "使用了其他地区模板的行名", Severity.Warning, Applicability.Both, RuleCategory.Template,
        "表按地区模板识别时：行名不应是其他地区模板的行名（如湖北预算用“上年结转结余”“年终结转结余”，不用“用事业基金弥补收支差额”“结转下年”）",
        "各地区模板对结转结余等行的名称不同，混用其他地区的行名说明表格不是按本地区模板编制的，审核时通常要求改正。只有地区、表号和表名都与模板一致时才检查。",
        "预算01表 收支预算总表有“结转下年”行，湖北模板为“年终结转结余”")
    { RunsOnTemplates = true };

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var (t, tt) in TemplateMatch.Tables(ctx))
        {
            if (tt.ForeignLines.Count == 0) continue;
            var foreign = tt.ForeignLines.Select(RegionTemplates.Squeeze).ToHashSet();
            foreach (var r in t.Rows.Where(r => foreign.Contains(TemplateMatch.Plain(r.Label))))
            {
                var own = tt.Lines.TryGetValue(r.Line.ToString(), out var name) ? $"，本地区模板为“{CatalogText.StripOrdinal(name)}”" : "";
                yield return Report($"{t.Label}《{t.Title}》行“{r.Label.Trim()}”是其他地区模板的行名{own}",
                    new[] { r.Source }, suggestion: "改用本地区模板的行名。", table: t.Kind);
            }
        }
    }
}
