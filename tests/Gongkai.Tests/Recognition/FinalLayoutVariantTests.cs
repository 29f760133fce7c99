using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// 决算 documents in the layouts other regions publish, as users receive them (Markdown, HTML, Word, Excel). A clean
/// compiled 决算 (national 公开01–09 layout) is rewritten by code the way another region prints the same figures:
/// 财决NN numbering and other title wordings, columns in another order, 年初预算数/调整预算数 printed beside the 决算
/// columns, 决算数 before 预算数 in the 三公 table, 上年结转 rows, empty-table notes in the 本单位无此项 form. Each variant
/// must read into the same standard tables with the same figures and raise no 错误/警告; one defect injected into a
/// variant must still be reported.
/// </summary>
public class FinalLayoutVariantTests
{
    private static readonly Lazy<(CompiledPackage Package, string Text)> Seed003 = new(() =>
    {
        var data = CompileSeedTests.Load("seed003-final-2024.json");
        data.Profile = "national";
        var p = PackageAssert.Build(data);
        return (p, MarkdownRenderer.ToText(p));
    });

    // ------------------------------------------------------------------ the variants

    /// <summary>Other wordings of the nine titles, numbered 财决NN表 instead of 公开NN表, some with the year in front.</summary>
    public static string Titles(string md)
    {
        var titles = new (string From, string To)[]
        {
            ("### 收入支出决算总表", "### 2024年度部门收支决算总表"),
            ("### 收入决算表", "### 部门收入决算表"),
            ("### 支出决算表", "### 部门支出决算表"),
            ("### 财政拨款收入支出决算总表", "### 财政拨款收支决算总表"),
            ("### 一般公共预算财政拨款支出决算表", "### 一般公共预算财政拨款支出决算明细表"),
            ("### 一般公共预算财政拨款基本支出决算表", "### 2024年度一般公共预算财政拨款基本支出决算明细表"),
            ("### 财政拨款“三公”经费支出决算表", "### 一般公共预算财政拨款“三公”经费支出决算表"),
            ("### " + TableKind.FinalGovFund.Chinese(), "### 政府性基金预算财政拨款支出决算表"),
        };
        foreach (var (from, to) in titles) md = ReplaceLine(md, from, to);
        return Regex.Replace(md, @"(?m)^公开(\d\d)表$", "财决$1表");
    }

    /// <summary>Columns in another order: 支出决算表 with 合计 last and 项目 before 基本; 收入决算表 with 其他收入 first.</summary>
    public static string ColumnOrder(string md)
    {
        md = EditTable(md, "支出决算表", rows => Permute(rows, [0, 1, 4, 3, 5, 6, 7, 2]));
        return EditTable(md, "收入决算表", rows => Permute(rows, [0, 1, 8, 2, 3, 4, 5, 6, 7]));
    }

    /// <summary>
    /// 一般公共预算财政拨款支出决算表 printing 年初预算数 and 调整预算数 before its 决算 columns (two header rows), with budget
    /// figures that differ from the 决算 ones.
    /// </summary>
    public static string BudgetColumns(string md) => EditTable(md, "一般公共预算财政拨款支出决算表", rows =>
    {
        var result = new List<string[]>();
        int header = 0;
        foreach (var r in rows)
        {
            if (r.All(c => c.StartsWith("---", StringComparison.Ordinal))) { result.Add([.. r, "---", "---"]); continue; }
            bool isHeader = !r.Skip(2).Any(c => MoneyText.IsMoney(c));
            if (isHeader)
            {
                result.Add(header++ == 0 ? [r[0], r[1], "年初预算数", "调整预算数", "决算数", "决算数", "决算数"] : [r[0], r[1], "年初预算数", "调整预算数", r[2], r[3], r[4]]);
                continue;
            }
            var total = MoneyText.Money(r[2]);
            result.Add([r[0], r[1], MoneyText.Text(Math.Round(total * 1.25m, 2)), MoneyText.Text(Math.Round(total * 1.05m, 2)), r[2], r[3], r[4]]);
        }
        return result;
    });

    /// <summary>部门支出决算表 printing a 年初预算数 column after its 决算 columns (one header row, figures above the 决算).</summary>
    public static string BudgetAfter(string md) => EditTable(md, "支出决算表", rows => rows.Select(r =>
        r.All(c => c.StartsWith("---", StringComparison.Ordinal)) ? [.. r, "---"]
        : !r.Skip(2).Any(MoneyText.IsMoney) ? [.. r, "年初预算数"]
        : r.Append(MoneyText.Text(Math.Round(MoneyText.Money(r[2]) * 1.1m, 2))).ToArray()).ToList());

    /// <summary>
    /// 基本支出决算表 with 7-digit economic sub-items under a 款 (3010701 / 3010702 under 30107 绩效工资), printed as rows of
    /// their own in the 人员经费 block; the sub-items add up to their 款.
    /// </summary>
    public static string SubItems(string md) => EditTable(md, "基本支出决算表", rows =>
    {
        var result = new List<string[]>();
        foreach (var r in rows)
        {
            result.Add(r);
            if (r[0] == "30107")
            {
                result.Add(["3010701", "基础性绩效工资", "40.00", .. Enumerable.Repeat("", r.Length - 3)]);
                result.Add(["3010702", "奖励性绩效工资", "24.11", .. Enumerable.Repeat("", r.Length - 3)]);
            }
        }
        return result;
    });

    /// <summary>
    /// The 机关运行经费 and 政府采购 sentences in the 决算 wording of the national template (决算数 / 以合同签订为准, the three
    /// kinds of purchase listed with zeros, 其中授予小微企业).
    /// </summary>
    public static string NarrativeWording(string md)
    {
        md = md.Replace("2024年度本部门机关运行经费支出102.59万元，与2023年度相比，增加5.78万元，增长5.97%。",
            "本部门2024年度机关运行经费支出决算102.59万元，比2023年度增加5.78万元，增长5.97%，主要原因是办公设备维护支出增加。");
        return md.Replace("2024年度本部门政府采购支出总额0.96万元，其中：政府采购货物支出0.96万元。授予中小企业合同金额0.96万元，占政府采购支出总额的100.00%。授予小微企业合同金额0.96万元，占政府采购支出总额的100.00%。",
            "2024年度本部门政府采购金额（以合同签订为准）0.96万元，其中：货物采购金额0.96万元，工程采购金额0万元，服务采购金额0万元。授予中小企业合同金额0.96万元，占政府采购金额的100%，其中授予小微企业合同金额0.96万元。");
    }

    /// <summary>The 三公 table with 决算数 before 预算数 in every pair, and 预算数 raised above the 决算数.</summary>
    public static string ThreePublicOrder(string md) => EditTable(md, "“三公”经费支出决算表", rows =>
    {
        var result = new List<string[]>();
        foreach (var r in rows)
        {
            var x = (string[])r.Clone();
            for (int i = 0; i + 1 < x.Length; i += 2) (x[i], x[i + 1]) = (x[i + 1], x[i]);
            result.Add(x);
        }
        return result;
    });

    /// <summary>
    /// The 三公 table laid out with the items in rows (项目 | 预算数 | 决算数) and the counts below them (接待批次, 人次, 车辆保有量,
    /// 出国团组): the counts are not money and add into nothing.
    /// </summary>
    public static string ThreePublicRows(string md) => EditTable(md, "“三公”经费支出决算表", rows =>
    {
        var data = rows.First(r => r.Length == 12 && MoneyText.IsMoney(r[0]));
        string B(int item) => data[2 * item];
        string F(int item) => data[2 * item + 1];
        return
        [
            ["项目", "预算数", "决算数"],
            ["---", "---", "---"],
            ["合计", B(0), F(0)],
            ["1.因公出国（境）费", B(1), F(1)],
            ["2.公务用车购置及运行维护费", B(2), F(2)],
            ["其中：公务用车购置费", B(3), F(3)],
            ["公务用车运行维护费", B(4), F(4)],
            ["3.公务接待费", B(5), F(5)],
            ["因公出国（境）团组数（个）", "", "0"],
            ["因公出国（境）人次数（人）", "", "0"],
            ["公务用车购置数（辆）", "", "0"],
            ["公务用车保有量（辆）", "", "1"],
            ["国内公务接待批次（个）", "", "12"],
            ["国内公务接待人次（人）", "", "85"],
        ];
    });

    /// <summary>上年结转 / 年末结转结余 wordings of the carry-over lines of 公开01 and 公开04.</summary>
    public static string CarryLines(string md) => md.Replace("| 年初结转和结余 |", "| 上年结转和结余 |").Replace("| 年末结转和结余 |", "| 年末结转结余 |");

    /// <summary>Empty-table notes as printed in other regions: a bare line 本单位无此项。 and one in brackets.</summary>
    public static string EmptyNotes(string md)
    {
        md = Regex.Replace(md, @"(?m)^注：本部门2024年度没有政府性基金预算财政拨款收入和支出，故本表无数据。$", "本单位无此项。");
        return Regex.Replace(md, @"(?m)^注：本部门2024年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。$", "（本单位无此项收支）");
    }

    public static readonly Dictionary<string, Func<string, string>> Variants = new()
    {
        ["titles"] = Titles,
        ["column-order"] = ColumnOrder,
        ["budget-columns"] = BudgetColumns,
        ["three-public-order"] = ThreePublicOrder,
        ["carry-lines"] = CarryLines,
        ["empty-notes"] = EmptyNotes,
        ["budget-after"] = BudgetAfter,
        ["sub-items"] = SubItems,
        ["narrative"] = NarrativeWording,
        ["three-public-rows"] = ThreePublicRows,
        ["all"] = md => Titles(NarrativeWording(SubItems(EmptyNotes(CarryLines(ThreePublicOrder(BudgetColumns(ColumnOrder(md)))))))),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in Variants.Keys) data.Add(v, "md");
        foreach (var f in new[] { "html", "docx", "xlsx" }) data.Add("all", f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_final_account_in_another_layout_reads_the_same_and_stays_clean(string variant, string format)
    {
        var (package, text) = Seed003.Value;
        var md = Variants[variant](text);
        Assert.NotEqual(text, md);
        var read = Read(md, format, out var source);
        PackageAssert.SameTables(package.Model, read, labels: variant is not ("titles" or "all"),
            except: variant == "three-public-rows" ? TableKind.FinalThreePublic : null);
        PackageAssert.AuditClean(read, $"{variant} ({format})");
        if (variant is "titles" or "all")
            Assert.Equal(["财决01表", "财决02表", "财决03表", "财决04表", "财决05表", "财决06表", "财决07表", "财决08表", "财决09表"],
                read.Tables.Where(t => t.Kind != TableKind.Unknown && t.Label is not null).Select(t => t.Label!).ToArray());
        if (variant is "budget-columns" or "all")
        {
            // the budget columns are kept as comparison figures, not taken for the 决算 total
            var f5 = read.Table(TableKind.FinalGeneralExpenditure)!;
            var total = f5.Rows.First(r => r.IsTotal);
            Assert.Equal(3925.66m, total.ValueOrZero(Measure.Total));
            Assert.Equal(Math.Round(3925.66m * 1.25m, 2), total.ValueOrZero(Measure.InitialBudget));
        }
        if (variant is "three-public-order" or "all")
        {
            var tp = read.Table(TableKind.FinalThreePublic)!.Rows.First();
            Assert.Equal(1.07m, tp.ValueOrZero(new ColumnKey(Measure.Reception, Basis.Final)));
            Assert.Equal(3.02m, tp.ValueOrZero(new ColumnKey(Measure.ThreePublicTotal, Basis.Final)));
        }
        if (variant == "three-public-rows")
        {
            var tp = read.Table(TableKind.FinalThreePublic)!;
            Assert.True(tp.Rows.Count > 0, "三公表没有读出数据行");
        }
        if (variant is "empty-notes" or "all")
        {
            Assert.Contains(read.Table(TableKind.FinalGovFund)!.Notes, n => n.Contains("无此项"));
            Assert.Contains(read.Table(TableKind.FinalStateCapital)!.Notes, n => n.Contains("无此项"));
        }
    }

    /// <summary>One defect at a time in the variant layout: the 决算 rules still fire.</summary>
    [Theory]
    [InlineData("item-cell", "GK201")]     // a 项 of 公开03 changed: 款 ≠ Σ 项
    [InlineData("total-cell", "GK203")]    // the 合计 of a 公开03 row ≠ 基本 + 项目
    [InlineData("f1-class", "GK303")]      // a class of 公开01 ≠ 公开03
    [InlineData("f5-cell", "GK204")]       // 公开05 row: 合计 ≠ 基本 + 项目 (the budget columns beside it)
    [InlineData("three-public", "GK220")]  // 三公 决算 合计 ≠ 出国 + 用车 + 接待
    [InlineData("empty-note-on-data", "GK103")] // an 本单位无此项 note under a table with figures
    [InlineData("sub-item", "GK225")]      // a 7-digit sub-item changed: 款 ≠ Σ sub-items
    [InlineData("operating-above-public", "GK310")] // 机关运行经费 above the 公用经费 of 公开06
    [InlineData("procurement-parts", "GK406")]      // 货物 + 工程 + 服务 ≠ the 政府采购金额
    public void One_defect_in_the_variant_layout_is_reported(string defect, string rule)
    {
        var (_, text) = Seed003.Value;
        var md = Variants["all"](text);
        var mutant = defect switch
        {
            // 2101102 事业单位医疗 5.29 → 6.29 in 部门支出决算表 (both 合计 and 基本)
            "item-cell" => EditTable(md, "支出决算表", rows => rows.Select(r => r[0] == "2101102" ? r.Select(c => c == "5.29" ? "6.29" : c).ToArray() : r).ToList()),
            "total-cell" => EditTable(md, "支出决算表", rows => rows.Select(r => r[0] == "2101103" ? r.Select((c, i) => i == r.Length - 1 ? "4.68" : c).ToArray() : r).ToList()),
            "f1-class" => md.Replace("| 住房保障支出 | 52.98 |\n", "| 住房保障支出 | 62.98 |\n"),
            "f5-cell" => EditTable(md, "一般公共预算财政拨款支出决算明细表", rows => rows.Select(r => r[0] == "2101501" ? r.Select((c, i) => i == 4 ? "457.78" : c).ToArray() : r).ToList()),
            "three-public" => EditTable(md, "“三公”经费支出决算表", rows => rows.Select(r => r.Length == 12 && MoneyText.IsMoney(r[0]) ? r.Select((c, i) => i == 0 ? "4.02" : c).ToArray() : r).ToList()),
            "sub-item" => EditTable(md, "基本支出决算明细表", rows => rows.Select(r => r[0] == "3010702" ? r.Select(c => c == "24.11" ? "25.11" : c).ToArray() : r).ToList()),
            "operating-above-public" => md.Replace("机关运行经费支出决算102.59万元，比2023年度增加5.78万元，增长5.97%", "机关运行经费支出决算132.59万元，比2023年度增加35.78万元，增长36.96%"),
            "procurement-parts" => md.Replace("货物采购金额0.96万元，工程采购金额0万元", "货物采购金额9.60万元，工程采购金额0万元"),
            "empty-note-on-data" => Regex.Replace(md, @"(?m)^(注：(1\. )?本表反映本部门2024年度一般公共预算财政拨款支出情况。)$", "本单位无此项。"),
            _ => throw new ArgumentException(defect),
        };
        Assert.NotEqual(md, mutant);
        var clean = Auditor.Audit(Read(md, "md", out _), PackageAssert.Options);
        var report = Auditor.Audit(Read(mutant, "md", out _), PackageAssert.Options);
        var before = clean.Findings.Where(f => f.Severity != Severity.Info).Select(f => (f.RuleId, f.Message)).ToHashSet();
        var fresh = report.Findings.Where(f => f.Severity != Severity.Info && !before.Contains((f.RuleId, f.Message))).ToList();
        Assert.True(fresh.Any(f => f.RuleId == rule),
            $"{defect}: {rule} 未报告；新增：{string.Join("；", fresh.Select(f => f.RuleId + " " + f.Message))}");
    }

    // ------------------------------------------------------------------ helpers

    private static Disclosure Read(string md, string format, out SourceDocument source)
    {
        var reader = new DisclosureReader();
        var fromMd = reader.Read("决算.md", Encoding.UTF8.GetBytes(md));
        source = fromMd.Source;
        if (format == "md") return fromMd.Disclosure;
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "决算." + format);
        switch (format)
        {
            case "docx": SourceWriters.WriteDocx(fromMd.Source, path); break;
            case "xlsx": SourceWriters.WriteXlsx(fromMd.Source, path); break;
            default: SourceWriters.WriteHtml(fromMd.Source, path); break;
        }
        return reader.Read(path).Disclosure;
    }

    private static string ReplaceLine(string md, string from, string to) =>
        Regex.Replace(md, "(?m)^" + Regex.Escape(from) + "$", to.Replace("$", "$$"));

    private static List<string[]> Permute(List<string[]> rows, int[] order) =>
        rows.Select(r => r.Length == order.Length ? order.Select(i => r[i]).ToArray() : r).ToList();

    /// <summary>Rewrites the pipe table under the first heading whose title ends with <paramref name="titleEnd"/>.</summary>
    public static string EditTable(string md, string titleEnd, Func<List<string[]>, List<string[]>> edit)
    {
        var lines = md.Split('\n').ToList();
        int h = lines.FindIndex(l => l.StartsWith("### ", StringComparison.Ordinal) && l.EndsWith(titleEnd, StringComparison.Ordinal)
            && !(titleEnd == "支出决算表" && (l.Contains("一般公共预算") || l.Contains("三公") || l.Contains("基金") || l.Contains("国有资本")))
            && !(titleEnd == "收入决算表" && l.Contains("收支")));
        Assert.True(h >= 0, $"找不到表「{titleEnd}」");
        int start = lines.FindIndex(h, l => l.StartsWith('|'));
        int end = start;
        while (end < lines.Count && lines[end].StartsWith('|')) end++;
        var rows = lines.GetRange(start, end - start).Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
        var edited = edit(rows).Select(r => "| " + string.Join(" | ", r) + " |").ToList();
        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, edited);
        return string.Join('\n', lines);
    }
}

internal static class MoneyText
{
    public static bool IsMoney(string s) => Regex.IsMatch(s.Replace(",", ""), @"^-?\d+(\.\d+)?$");
    public static decimal Money(string s) => decimal.Parse(s.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    public static string Text(decimal v) => v.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
