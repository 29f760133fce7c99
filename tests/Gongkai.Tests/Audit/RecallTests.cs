using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using Gongkai.Recall;
using Gongkai.Tests.Compile;

namespace Gongkai.Tests.Audit;

/// <summary>
/// A small run of the recall benchmark (bench/Gongkai.Recall): every error class is injected into the Markdown of a few
/// random compiled packages, the text is read back and audited, and the error must be caught by one of the rules the
/// class names. The clean documents themselves have no 错误 or 警告 (checked by the round-trip tests).
/// </summary>
public class RecallTests
{
    private const int Docs = 8;

    private static readonly Lazy<List<(string Path, string Text)>> Compiled = new(() =>
        Enumerable.Range(1, Docs).Select(seed =>
        {
            var package = PackageAssert.Build(RandomData.Create(seed));
            return (package.Title + ".md", MarkdownRenderer.ToText(package));
        }).ToList());

    private static readonly Lazy<List<(string Path, string Text)>> Seeds = new(() =>
        new[] { "000", "001", "002", "003", "004" }.Select(s => Gongkai.Tests.Support.Shared.Seed(s)).Select(p => (p, File.ReadAllText(p))).ToList());

    /// <summary>
    /// Further compiled packages, for a class whose layout one profile alone prints (the Shaanxi paired economic codes,
    /// the Jiangsu “三公”、会议费、培训费 table): it is measured on these until it has enough mutants.
    /// </summary>
    private static readonly Lazy<List<(string Path, string Text)>> MoreCompiled = new(() =>
        Enumerable.Range(Docs + 1, 72).Select(seed =>
        {
            var package = PackageAssert.Build(RandomData.Create(seed));
            return (package.Title + ".md", MarkdownRenderer.ToText(package));
        }).ToList());

    private static readonly Dictionary<string, AuditReport> Originals = new();

    private static AuditReport Original(string path, string text, AuditOptions? options)
    {
        if (options is not null) return Mutants.Check(path, text, options);
        lock (Originals)
        {
            if (!Originals.TryGetValue(path, out var r)) Originals[path] = r = Mutants.Check(path, text);
            return r;
        }
    }

    /// <summary>Minimum share of the applicable mutants an expected rule must catch (the benchmark's default run, less a margin).</summary>
    private static double MinimumRecall(string id) => id switch
    {
        "narrative-share" => 0.25, // a share whose whole the sentence does not name is not checked (docs/quality.md)
        "three-public-text" => 0.5,
        // a few 元 more in a 自评 amount of millions leaves every rate as it was
        "labelled-row" => 0.5,
        // the prior-year base is not in the tables: a wrong 增减额 is only caught when its percentage no longer fits
        // (not when it is 下降100% or 上年无此项)
        "narrative-change" => 0.3, // some changes are caught only by GK402 (the percentage no longer matches)
        // known misses of the family classes (docs/quality.md, “Known misses”): a 自评 amount in a column the others
        // repeat; a placeholder in a 自评 indicator row; a header year where the header has no 合计 cell; a 元 amount that
        // no other figure or breakdown of the document repeats; a single vehicle type listed under a changed total
        "project-performance-money" => 0.4,
        "indicator-placeholder" => 0.25,
        "table-unit" or "narrative-unit" => 0.6,
        "header-year" or "operating-above-public" or "overall-performance-money" => 0.4,
        "vehicle-count" => 0.3,
        _ => 0.75,
    };

    public static IEnumerable<object[]> Classes() => Mutants.All.Select(c => new object[] { c.Id });

    private static (int Applicable, int ByExpected, int Detected, int HintOnly) Run(ErrorClass c, AuditOptions? options = null)
    {
        int applicable = 0, byExpected = 0, detected = 0, hints = 0;
        // a class whose layout the compiled documents rarely print is measured on the seeds too, four mutants each
        List<(string Path, string Text)> docs = c.RareLayout ? [.. Compiled.Value, .. Seeds.Value] : Compiled.Value;
        void MeasureOn(string path, string text, int mutants)
        {
            for (int k = 0; k < mutants; k++)
            {
                var mutant = c.Apply(text, new Random(Path.GetFileName(path).Length * 101 + k * 7 + c.Id.Length));
                if (mutant is null || mutant == text) continue;
                applicable++;
                var d = Mutants.Detect(Original(path, text, options), path, mutant, c.ExpectedRules, options);
                // a class aimed at a 提示 rule is caught by that rule's new 提示
                if (d.ByExpected || c.HintByDesign && d.HintRules.Overlaps(c.ExpectedRules)) byExpected++;
                if (d.Detected) detected++;
                if (d.HintOnly) hints++;
            }
        }
        foreach (var (path, text) in docs) MeasureOn(path, text, c.RareLayout && !path.EndsWith(".md") ? 4 : 2);
        // the further packages only until the class has its mutants
        foreach (var (path, text) in MoreCompiled.Value)
        {
            if (applicable >= 6) break;
            MeasureOn(path, text, 2);
        }
        return (applicable, byExpected, detected, hints);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Each_error_class_is_caught_by_its_rules(string id)
    {
        var c = Mutants.All.Single(x => x.Id == id);
        var (applicable, byExpected, _, _) = Run(c);
        Assert.True(applicable >= 4, $"{id}：只有 {applicable} 个变异体可用");
        Assert.True(byExpected >= Math.Ceiling(applicable * MinimumRecall(id)),
            $"{id}（{c.Title}）：{applicable} 个变异体中预期规则只检出 {byExpected} 个（{string.Join("、", c.ExpectedRules)}）");
    }

    [Fact]
    public void A_code_missing_from_the_builtin_catalog_is_a_warning_only_on_the_documents_own_evidence()
    {
        // the built-in catalog is not complete: GK507 raises an unknown code above 提示 only because another table of the
        // same document prints that subject under a code the catalog knows (the message names both codes)
        var c = Mutants.All.Single(x => x.Id == "unknown-code");
        int checkedMutants = 0;
        foreach (var (path, text) in Compiled.Value.Take(4))
        {
            var mutant = c.Apply(text, new Random(path.Length));
            if (mutant is null || mutant == text) continue;
            var d = Mutants.Detect(Original(path, text, null), path, mutant, c.ExpectedRules);
            foreach (var f in d.NewFindings.Where(f => f.RuleId == "GK507"))
            {
                Assert.Equal(Severity.Warning, f.Severity);
                Assert.Contains("两表编码不一致", f.Message);
                Assert.Equal(2, f.Locations.Count);
                checkedMutants++;
            }
        }
        Assert.True(checkedMutants >= 2);
    }

    [Fact]
    public void Without_the_sum_rules_a_wrong_cell_goes_unnoticed()
    {
        // the detections above come from the rules: switch off the identity rules and the same mutants are missed
        var itemCell = Mutants.All.Single(x => x.Id == "item-cell");
        var options = new AuditOptions { Catalog = CatalogAdapter.Instance };
        foreach (var id in itemCell.ExpectedRules) options.DisabledRules.Add(id);
        var (applicable, byExpected, _, _) = Run(itemCell, options);
        Assert.True(applicable >= 4);
        Assert.Equal(0, byExpected);
    }

    [Fact]
    public void Doubled_sentence_terminator_is_reported()
    {
        var (path, text) = Compiled.Value[0];
        var at = text.IndexOf("万元。", StringComparison.Ordinal);
        Assert.True(at > 0);
        var mutant = text[..(at + 3)] + "。" + text[(at + 3)..];
        var d = Mutants.Detect(Original(path, text, null), path, mutant, new HashSet<string> { "GK702" });
        Assert.Contains("GK702", d.RulesFired);
    }

    /// <summary>
    /// The rules written for the defect families fire on a document edited the way a real document goes wrong, and
    /// report nothing on the clean compiled documents (the corpus, seeds and sample PDFs: TriageLedgerTests).
    /// </summary>
    [Theory]
    [InlineData("GK422", @"较年初预算数减少(\d+\.\d{2})万元", "较年初预算数减少$1万元，决算数大于年初预算数")]
    [InlineData("GK422", @"(与\d{4}年度相比|比\d{4}年预算)，(增加|减少)(\d*[1-9]\d*\.\d{2})万元", "$1，持平，$2$3万元")]
    [InlineData("GK423", @"较年初预算数增加(\d+\.\d{2})万元（上年无此项，不计算增减比例）", "较年初预算数增加$1万元，完成年初预算的100.00%")]
    [InlineData("GK432", @"其中：([^；。]*?用车)(\d+)辆", "其中：${1}9$2辆")]
    [InlineData("GK443", @"(编制范围的单位共)1个", "${1}3个")]
    [InlineData("GK444", @"\| (部门（单位）名称) \| 示例区", "| $1 | ")]
    [InlineData("GK444", @"(\| 主管部门：? \| )示例区", "$1")]
    [InlineData("GK444", @"(\| 申报单位 \| )示例区", "$1")]
    [InlineData("GK444", @"(单位名称：)示例区", "$1")]
    [InlineData("GK444", @"(\|  \| )示例区(第\d+局 \| [\d,]+\.\d\d)", "$1$2")]
    [InlineData("GK709", @"截至(\d{4})年12月31日", "截至2001年12月31日")]
    [InlineData("GK609", @"\| 效益指标 \| 社会效益指标 \|", "| 效益指标 | 数量指标 |")]
    [InlineData("GK610", @"(群众满意度 \| )≥", "$1≤")]
    [InlineData("GK701", @"(### （一）主要职能\n\n)", "$1（请在此处填写本部门主要职能）\n\n")]
    [InlineData("GK707", @"主要原因是工作任务调整，", "主要原因是，")]
    public void A_family_rule_fires_on_the_edited_document_and_not_on_the_clean_one(string rule, string pattern, string replacement)
    {
        var re = new System.Text.RegularExpressions.Regex(pattern);
        foreach (var (path, text) in Compiled.Value)
        {
            if (!re.IsMatch(text)) continue;
            var original = Original(path, text, null);
            Assert.DoesNotContain(original.Findings, f => f.RuleId == rule && f.Severity != Severity.Info);
            var d = Mutants.Detect(original, path, re.Replace(text, replacement, 1), new HashSet<string> { rule });
            Assert.True(d.RulesFired.Contains(rule), $"{rule} 未报告（{path}）：{string.Join("；", d.NewFindings.Select(f => f.RuleId + " " + f.Message))}");
            return;
        }
        Assert.Fail($"没有可改写的文档（{pattern}）");
    }
}
