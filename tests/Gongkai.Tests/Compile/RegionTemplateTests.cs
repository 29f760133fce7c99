using System.Text.RegularExpressions;
using Gongkai.Audit;
using Gongkai.Catalogs;
using Gongkai.Compile;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Tests.Support;
using Xunit.Abstractions;

namespace Gongkai.Tests.Compile;

/// <summary>
/// The regional templates (src/Gongkai.Catalogs/Templates) against the published documents they describe, the
/// template-conformity rules (GK901–903) on published and compiled documents, and the two re-entered seed packages
/// compared cell by cell with their originals.
/// </summary>
public class RegionTemplateTests(ITestOutputHelper output)
{
    private static readonly string[] TemplateRules = ["GK901", "GK902", "GK903"];

    private static string Sq(string? s) => RegionTemplates.Squeeze(s ?? "");

    /// <summary>Squeezed, with half-width brackets as full-width ((一) is （一） printed with another font).</summary>
    private static string Np(string? s) => Sq(s).Replace('(', '（').Replace(')', '）');

    private static Disclosure ReadSeed(string prefix) => new DisclosureReader().Read(Shared.Seed(prefix)).Disclosure;

    private static List<Finding> TemplateFindings(Disclosure d) =>
        Auditor.Audit(d, PackageAssert.Options).Findings.Where(f => TemplateRules.Contains(f.RuleId)).ToList();

    [Fact]
    public void Templates_of_the_seed_profiles_are_described()
    {
        var hb = RegionTemplates.Find("hubei", "budget", 2023);
        Assert.NotNull(hb);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"预算{i:00}表"), hb!.Tables.Select(t => t.Label));
        Assert.Equal(25, hb.Table("BudgetSummary")!.ClassRows.Count);
        Assert.Equal("廿五、国防支出", hb.Table("BudgetSummary")!.ClassRows[^1].Label);
        var cq = RegionTemplates.Find("chongqing", "final", 2024);
        Assert.NotNull(cq);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"公开{i:00}表"), cq!.Tables.Select(t => t.Label));
        var sh = RegionTemplates.Find("shanghai", "final", 2024);
        Assert.NotNull(sh);
        Assert.All(sh!.Tables, t => Assert.Equal("", t.Label)); // 上海 prints no table numbers
        Assert.Equal(9, sh.Tables.Count);
        Assert.Equal("二十三、其他支出", sh.Table("FinalSummary")!.ClassRows[^1].Label);
        Assert.Null(RegionTemplates.Find("shanghai", "final", 2023));
        Assert.Equal(24, RegionTemplates.Find("shaanxi", "budget", 2026)!.Table("BudgetSummary")!.ClassRows.Count);
        Assert.Equal(29, RegionTemplates.Find("shaanxi", "budget", 2022)!.Table("BudgetFiscalSummary")!.ClassRows.Count);
        Assert.Null(RegionTemplates.Find("shaanxi", "budget", 2024)); // years not seen in a published document
        Assert.Null(RegionTemplates.Find("hubei", "final", 2023));
        var shb = RegionTemplates.Find("shanghai", "budget", 2026)!;
        Assert.Equal(["2026年部门财务收支预算总表", "2026年预算单位财务收支预算总表"], shb.Table("BudgetSummary")!.TitlesFor(2026, ""));
        Assert.Null(RegionTemplates.Find("shanghai", "budget", 2025)); // years not seen in a published document
        var cqb = RegionTemplates.Find("chongqing", "budget", 2026)!;
        Assert.Equal(["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九"], cqb.Tables.Select(t => t.Label));
        Assert.Null(RegionTemplates.Find("chongqing", "budget", 2025));
        Assert.Null(RegionTemplates.Find("national", "budget", 2023));
        var js18 = RegionTemplates.Find("jiangsu", "budget", 2018)!;
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"公开{i:00}表"), js18.Tables.Select(t => t.Label));
        Assert.Equal(20, js18.Table("BudgetSummary")!.ClassRows.Count);
        Assert.Equal("部门：{unit}", js18.Table("FiscalGrantExpenditure")!.UnitNameLine); // 05–08 and 12 print 部门：, the others 部门名称：
        Assert.Equal("部门名称：{unit}", js18.UnitNameLine);
        var js26 = RegionTemplates.Find("jiangsu", "budget", 2026)!;
        Assert.Equal(Enumerable.Range(1, 13).Select(i => $"公开{i:00}表"), js26.Tables.Select(t => t.Label));
        Assert.Equal("三十、抗疫特别国债安排的支出", js26.Table("BudgetSummary")!.ClassRows[^1].Label);
        Assert.Equal("（三十）抗疫特别国债安排的支出", js26.Table("BudgetFiscalSummary")!.ClassRows[^1].Label);
        Assert.True(js26.Table("BudgetRevenue")!.ByUnit);
        Assert.Null(RegionTemplates.Find("jiangsu", "budget", 2017)); // 2017: no table numbers, another order and three other titles
        Assert.Null(RegionTemplates.Find("jiangsu", "budget", 2023)); // years not seen in a published document keep the built-in layout
    }

    /// <summary>
    /// Each template against the published document of its region, read with the product's reader: every table of the
    /// template that the document prints has the template's title, label (when printed), fixed class rows with their
    /// ordinals, fixed rows, fixed columns and the region's line names.
    /// </summary>
    [Theory]
    [InlineData("004", "hubei", "budget", 2023, 10)]
    [InlineData("003", "chongqing", "final", 2024, 9)]
    [InlineData("national-final-template-2024.pdf", "shanghai", "final", 2024, 9)] // the 上海 city's blank 决算 template
    [InlineData("shanghai-putuo-finance-bureau-2024-final.pdf", "shanghai", "final", 2024, 9)]
    [InlineData("corpus/020-西安-2026年西安市公安局部门预算.pdf", "shaanxi", "budget", 2026, 12)]
    [InlineData("corpus/020-西安-2026年西安市司法局部门预算.pdf", "shaanxi", "budget", 2026, 12)]
    [InlineData("corpus/020-西安-2026年西安市审计局部门预算.pdf", "shaanxi", "budget", 2026, 12)]
    [InlineData("corpus/020-西安-2026年西安市财政局部门预算.pdf", "shaanxi", "budget", 2026, 12)]
    [InlineData("002", "shaanxi", "budget", 2022, 2)] // 西安市碑林区 2022
    // 上海 市级预算单位 2026 (the 卫生健康委员会 file words the 财政拨款收支预算总表 lines 一般公共预算资金 / 政府性基金, the other five as the template)
    [InlineData("corpus/001-上海-2026年上海市财政局_部门预算.pdf", "shanghai", "budget", 2026, 9)]
    [InlineData("corpus/001-上海-2026年上海市水务局_部门预算.pdf", "shanghai", "budget", 2026, 9)]
    [InlineData("corpus/001-上海-2026年上海市教育局_部门预算.pdf", "shanghai", "budget", 2026, 9)]
    [InlineData("corpus/004-重庆-2026年重庆市人民政府办公厅部门预算.pdf", "chongqing", "budget", 2026, 9)] // 重庆 市级部门 2026
    [InlineData("corpus/004-重庆-2026年重庆市委宣传部部门预算.pdf", "chongqing", "budget", 2026, 9)] // titled 单位…总体情况表
    [InlineData("corpus/004-重庆-2026年重庆市商务委员会部门预算.pdf", "chongqing", "budget", 2026, 9)]
    [InlineData("corpus/004-重庆-2026年重庆市经济和信息化委员会部门预算.pdf", "chongqing", "budget", 2026, 9)] // (the 规划和自然资源局 file prints a stray 1 before （一）（二） of 表四)
    [InlineData("jiangsu-npc-office-2018-budget.pdf", "jiangsu", "budget", 2018, 12)] // 江苏省人大常委会办公厅 2018
    // 江苏 2026: the 市级 departments of 苏州 and 无锡 (attributed to 江苏 by their city), 13 tables each
    [InlineData("corpus/006-苏州-2026年苏州市交通运输局部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/006-苏州-2026年苏州市水务局部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/006-苏州-2026年苏州市科技创新局部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/006-苏州-应急管理局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/006-苏州-政务服务和数据管理局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/006-苏州-规划和自然资源局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/014-无锡-2026年无锡市住房和建设局部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/014-无锡-人力资源和社会保障局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/014-无锡-商务局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/014-无锡-应急管理局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/014-无锡-教育局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/014-无锡-水务局_2026年部门预算.pdf", "jiangsu", "budget", 2026, 13)]
    [InlineData("corpus/020-西安-商务局_2026年部门预算.pdf", "shaanxi", "budget", 2022, 2)] // a 2022 预算 under a 2026 file name
    [InlineData("corpus/020-西安-生态环境局_2026年部门预算.pdf", "shaanxi", "budget", 2022, 2)]
    public void Template_matches_the_published_document(string source, string profile, string kind, int year, int tablesInDocument)
    {
        var d = source.StartsWith("corpus/") ? new DisclosureReader().Read(Shared.Corpus(source["corpus/".Length..])).Disclosure
            : source.EndsWith(".pdf") ? new DisclosureReader().Read(Shared.Pdf(source)).Disclosure : ReadSeed(source);
        Assert.Equal(profile, d.Profile.ToString().ToLowerInvariant());
        Assert.Equal(year, d.Year);
        Assert.Empty(TemplateFindings(d));
        var template = RegionTemplates.Find(profile, kind, year)!;
        int compared = 0;
        foreach (var tt in template.Tables)
        {
            var t = d.Tables.FirstOrDefault(x => x.Kind.ToString() == tt.Kind);
            if (t is null) continue; // the document does not print this table (预算02/10 are not in seed 004)
            compared++;
            var what = $"{tt.Label}《{t.Title}》";
            Assert.Contains(tt.TitlesFor(year, t.Kind.Chinese()), x => Sq(t.Title).Contains(Sq(x)));
            if (t.Label is not null) Assert.Equal(tt.Label, Sq(t.Label));
            // the table's money unit (上海 预算: 元 for tables 1–8, 万元 for the 三公 table)
            if (template.Tables.Any(x => x.UnitLine is not null))
                Assert.True((tt.UnitLine is { } unit && UnitConversion.IsYuan(unit) ? ValueUnit.Yuan : ValueUnit.WanYuan) == t.Unit, $"{what}：单位 {t.Unit}");
            foreach (var c in tt.ClassRows)
            {
                var row = t.Rows.FirstOrDefault(r => r.Code?.Value == c.Code && r.Side != Side.Income);
                Assert.True(row is not null, $"{what}：文档中没有固定行 {c.Label}");
                // brackets compared by shape (苏州 and 无锡 print “（九)社会保险基金支出” with a half-width closing bracket)
                Assert.Equal(Np(c.Label), Np(row!.Label));
            }
            // the fixed classes in the template's order (a document may print further classes after or between them)
            var printed = t.Rows.Where(r => r.Line == SummaryLine.ExpenditureClass).Select(r => r.Code?.Value ?? "").ToList();
            var fixedCodes = tt.ClassRows.Select(c => c.Code).ToList();
            Assert.Equal(fixedCodes, printed.Where(fixedCodes.Contains));
            if (tt.ClassOrdinal is { } style)
            {
                // the region numbers the classes it prints: 一、二、… / （一）（二）… in order
                var classRows = t.Rows.Where(r => r.Line == SummaryLine.ExpenditureClass).ToList();
                Assert.NotEmpty(classRows);
                for (int i = 0; i < classRows.Count; i++)
                    Assert.StartsWith(OrdinalOf(style, i), Np(classRows[i].Label));
            }
            foreach (var line in tt.DropLines)
                Assert.DoesNotContain(t.Rows, r => r.Line.ToString() == line);
            foreach (var label in tt.AllFixedRows)
            {
                var re = new Regex("^" + Regex.Escape(Sq(label)).Replace(@"\{threshold}", @"\d+") + "$");
                Assert.True(t.Rows.Any(r => re.IsMatch(Sq(r.Label))), $"{what}：文档中没有固定行 {label}");
            }
            foreach (var h in tt.FixedColumns)
                Assert.True(t.Columns.Any(c => Sq(c.Header).Contains(Sq(h))), $"{what}：文档中没有固定列 {h}；读到 {string.Join("、", t.Columns.Select(c => c.Header))}");
            foreach (var m in tt.Measures)
                Assert.True(t.Columns.Any(c => c.Key?.Measure.ToString() == m), $"{what}：文档中没有 {m} 列");
            foreach (var (line, name) in tt.Lines)
            {
                var rows = t.Rows.Where(r => r.Line.ToString() == line).ToList();
                Assert.True(rows.Count > 0, $"{what}：文档中没有 {line} 行");
                Assert.Contains(rows, r => Np(r.Label) == Np(name));
            }
            foreach (var foreign in tt.ForeignLines)
                Assert.DoesNotContain(t.Rows, r => Sq(CatalogText.StripOrdinal(r.Label)) == Sq(foreign));
        }
        Assert.Equal(tablesInDocument, compared);
    }

    private static string OrdinalOf(string style, int i)
    {
        string[] cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五"];
        return style == "（一）" ? $"（{cn[i]}）" : style == "1、" ? $"{i + 1}、" : $"{cn[i]}、";
    }

    /// <summary>
    /// For every template: random data sets of its kind and years (drawn for its profile, or for the national layout and
    /// given the profile), compiled and read back from Markdown, carry every fixed class row (with its ordinal), fixed row,
    /// fixed column, value column and line name of the template, and GK901–903 find nothing in them.
    /// </summary>
    [Fact]
    public void Compiled_random_packages_carry_the_template_rows_and_columns()
    {
        foreach (var template in RegionTemplates.All)
        {
            int checkedPackages = 0;
            // data drawn for the profile and the template's years first (it carries the profile's own data); then national
            // data given the profile, and data of the nearest year moved into the template's years (the generator draws 2022–2025)
            int Distance(DisclosureData d) => d.Year < template.FromYear ? template.FromYear - d.Year : d.Year > template.ToYear ? d.Year - template.ToYear : 0;
            var seeds = Enumerable.Range(1, CompileRoundTripTests.Cases).Select(RandomData.Create)
                .Select((d, i) => (Seed: i + 1, Data: d))
                .Where(x => (x.Data.IsFinal ? "final" : "budget") == template.Kind)
                .Where(x => x.Data.Profile == template.Profile || x.Data.Profile == "national")
                .OrderBy(x => Distance(x.Data)).ThenBy(x => x.Data.Profile == template.Profile ? 0 : 1).ThenBy(x => x.Seed).Take(5).ToList();
            foreach (var (seed, data) in seeds)
            {
                data.Profile = template.Profile;
                data.Year = Math.Clamp(data.Year, template.FromYear, template.ToYear);
                // a template printing 人员经费 | 公用经费 by 功能 项 needs the 公用经费 per 项 (drawn for hubei only)
                if (template.Tables.Any(t => t.Measures.Contains(nameof(Measure.Personnel)) && t.Kind != nameof(TableKind.BudgetGeneralBasic) && t.Kind != nameof(TableKind.FinalGeneralBasic)))
                    RandomRegionalData.LayPublic(data);
                var p = PackageAssert.Build(data);
                var read = PackageAssert.ReadMarkdown(p).Disclosure;
                read.Profile = p.Model.Profile; // the random unit names no region: the package is read as its profile's
                var what = $"{template.Profile} {template.Kind} 种子 {seed}（{data.Year}）";
                var f = TemplateFindings(read).Concat(TemplateFindings(p.Model)).ToList();
                Assert.True(f.Count == 0, $"{what}：\n" + string.Join("\n", f));
                foreach (var tt in template.Tables)
                {
                    if (read.Tables.FirstOrDefault(t => t.Kind.ToString() == tt.Kind) is not { } t) continue;
                    if (tt.Label.Length > 0) Assert.Equal(tt.Label, t.Label);
                    if (template.Tables.Any(x => x.UnitLine is not null))
                        Assert.True((tt.UnitLine is { } unit && UnitConversion.IsYuan(unit) ? ValueUnit.Yuan : ValueUnit.WanYuan) == t.Unit, $"{what} {tt.Kind}：单位 {t.Unit}");
                    foreach (var c in tt.ClassRows) Assert.Contains(t.Rows, r => r.Code?.Value == c.Code && Sq(r.Label) == Sq(c.Label));
                    foreach (var label in tt.AllFixedRows.Where(l => !l.Contains('{')))
                        Assert.True(t.Rows.Any(r => Sq(r.Label) == Sq(label)), $"{what} {tt.Kind}：缺固定行 {label}");
                    if (tt.ClassOrdinal is { } style)
                    {
                        var classRows = t.Rows.Where(r => r.Line == SummaryLine.ExpenditureClass).ToList();
                        for (int i = 0; i < classRows.Count; i++)
                            Assert.True(Sq(classRows[i].Label).StartsWith(OrdinalOf(style, i)), $"{what} {tt.Kind}：第 {i + 1} 个“类” {classRows[i].Label}");
                    }
                    foreach (var line in tt.DropLines)
                        Assert.DoesNotContain(t.Rows, r => r.Line.ToString() == line);
                    foreach (var h in tt.FixedColumns)
                        Assert.True(t.Columns.Any(c => Sq(c.Header).Contains(Sq(h))), $"{what} {tt.Kind}：缺固定列 {h}");
                    foreach (var m in tt.Measures)
                        Assert.True(t.Columns.Any(c => c.Key?.Measure.ToString() == m), $"{what} {tt.Kind}：缺 {m} 列");
                    foreach (var (line, name) in tt.Lines)
                        Assert.True(t.Rows.Any(r => r.Line.ToString() == line && Sq(r.Label) == Sq(name)), $"{what} {tt.Kind}：行 {line} 不是“{name}”");
                }
                checkedPackages++;
            }
            Assert.True(checkedPackages >= 3, $"{template.Profile} {template.Kind}：只检查了 {checkedPackages} 个");
        }
    }

    // ───────────── the re-entered seeds against their originals, cell by cell ─────────────

    /// <summary>
    /// Every difference between the original's standard tables and the compiled package's (read back from Markdown):
    /// table missing, title, label, value columns (header and meaning), rows (matched by code / line / side / label, in
    /// order), row names, and every number.
    /// </summary>
    public static List<string> Differences(Disclosure original, Disclosure compiled)
    {
        var diffs = new List<string>();
        foreach (var o in original.Tables.Where(t => t.Kind != TableKind.Unknown))
        {
            var name = o.Kind.ToString();
            var c = compiled.Tables.FirstOrDefault(t => t.Kind == o.Kind);
            if (c is null) { diffs.Add($"{name}: 缺表"); continue; }
            if (!Sq(c.Title).Contains(Sq(o.Title))) diffs.Add($"{name}: 表名 {o.Title} → {c.Title}");
            if (o.Label is not null && Sq(o.Label) != Sq(c.Label)) diffs.Add($"{name}: 表号 {o.Label} → {c.Label}");
            var oc = o.Columns.Where(x => x.Key is not null).Select(x => $"{Sq(x.Header)}={x.Key}").ToList();
            var cc = c.Columns.Where(x => x.Key is not null).Select(x => $"{Sq(x.Header)}={x.Key}").ToList();
            if (!oc.SequenceEqual(cc)) diffs.Add($"{name}: 列 {string.Join(",", oc)} → {string.Join(",", cc)}");
            var pool = c.Rows.ToList();
            foreach (var r in o.Rows)
            {
                var m = pool.FirstOrDefault(x => x.Code?.Value == r.Code?.Value && x.Line == r.Line && x.Side == r.Side && x.Block == r.Block
                    && (r.Code is not null || r.Line != SummaryLine.None || Sq(x.Label) == Sq(r.Label)));
                if (m is null) { diffs.Add($"{name}: 缺行 {Sq(r.Label)}"); continue; }
                pool.Remove(m);
                if (Sq(r.Label) != Sq(m.Label)) diffs.Add($"{name}: 行名 {Sq(r.Label)} → {Sq(m.Label)}");
                foreach (var (key, f) in r.Values)
                {
                    if (!f.IsNumber) continue;
                    var g = m[key];
                    if (g is not { IsNumber: true } || g.Value != f.Value) diffs.Add($"{name}: {Sq(r.Label)} {key} {f.Value} → {(g is { IsNumber: true } ? g.Value.ToString() : "空")}");
                }
            }
            foreach (var x in pool) diffs.Add($"{name}: 多出行 {Sq(x.Label)}");
        }
        return diffs;
    }

    /// <summary>
    /// Done-when test of issue 13: the two re-entered packages reproduce every standard table of their originals —
    /// same rows, columns and labels, every figure unchanged — except the differences listed here with their reason.
    /// </summary>
    [Theory]
    [InlineData("004", "seed004-budget-2023.json")]
    [InlineData("003", "seed003-final-2024.json")]
    public void Seed_package_reproduces_the_original_cell_by_cell(string seed, string data)
    {
        var original = ReadSeed(seed);
        var input = CompileSeedTests.Load(data);
        if (seed == "004")
        {
            // 预算07 prints the 款 budgeted at 0 that the unit's budget system lists; given as lines of 0, they are printed
            // (the shared data file leaves them out: the 陕西 tests reuse it, where a 款 of 0 would need a 政府 code)
            foreach (var code in new[] { "30202", "30209", "30214", "30226", "30227", "30307" }) input.Economic.Add(new EconomicLine { Code = code, Amount = 0 });
        }
        var compiled = PackageAssert.ReadMarkdown(PackageAssert.Build(input)).Disclosure;
        var diffs = Differences(original, compiled);
        output.WriteLine(string.Join("\n", diffs));
        var expected = KnownDifferences[seed].Select(k => k.Difference).ToList();
        Assert.True(diffs.Order().SequenceEqual(expected.Order()),
            "与原件的差异不是已列明的那些：\n多出：" + string.Join("\n  ", diffs.Except(expected)) + "\n已不再出现：" + string.Join("\n  ", expected.Except(diffs)));
    }

    /// <summary>The originals' own errors and quirks the packages do not reproduce, each with its reason.</summary>
    private static readonly Dictionary<string, (string Difference, string Reason)[]> KnownDifferences = new()
    {
        ["004"] =
        [
            ("Procurement: 合计 UnitPrice 81.20 → 空",
                "预算11表 prints the sum of the items' 单价 (81.20) in the 单价 column of 合计; a 单价 has no total, the package leaves it blank"),
        ],
        ["003"] =
        [
            // 公开07/08 are empty; the original prints a second, unlabelled row of 0.00 under 合计 (a blank line of the
            // form left in), which carries nothing
            ("FinalGovFund: 缺行 ", "unlabelled 0.00 row of the empty original table"),
            ("FinalStateCapital: 缺行 ", "unlabelled 0.00 row of the empty original table"),
        ],
    };
}
