using System.Text;
using Gongkai.Audit;
using Gongkai.Compile.Render;
using Gongkai.Model;
using Gongkai.Recall;
using Gongkai.Recognition;
using Gongkai.Tests.Compile;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Quality;

/// <summary>
/// A small run of the precision benchmark (<c>bench/Gongkai.Recall --benign</c>): every benign variant — the same figures
/// printed the way other regions and years print them (元 / 千元 tables, zero as “-”, codes split into 类/款/项 or merged
/// with the name, other table titles, a table over two pages, percentages at one or no decimal …) — applied to compiled
/// 预算 and 决算 documents and to the seeds must add no 错误 or 警告.
/// </summary>
public class BenignVariantTests
{
    private sealed record Doc(string Name, string Path, string Text, AuditReport Report, bool Seed);

    private static readonly Lazy<List<Doc>> Docs = new(() =>
    {
        var list = new List<Doc>();
        // two 预算 and two 决算 of three regional profiles (shaanxi 决算, chongqing 预算, shanghai 决算, shaanxi 预算)
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var package = PackageAssert.Build(RandomData.Create(seed));
            var text = MarkdownRenderer.ToText(package);
            var path = package.Title + ".md";
            list.Add(new Doc($"compiled {seed}", path, text, Mutants.Check(path, text), false));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(Shared.Root, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            var name = System.IO.Path.GetFileName(file);
            list.Add(new Doc(name[..3], name, text, Mutants.Check(name, text), true));
        }
        return list;
    });

    /// <summary>Variants a seed's own layout defeats (docs/quality.md, “Benign variants”). None is left: seed 003's split and
    /// merged code columns, seed 004's empty table with 科目 merged and seed 000's 元 table without decimals all read right.</summary>
    private static readonly HashSet<(string Variant, string Seed)> KnownGaps = [];

    public static IEnumerable<object[]> Variants() => Mutants.Benign.Select(v => new object[] { v.Id });

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_benign_variant_adds_no_error_or_warning(string id)
    {
        var v = Mutants.Benign.Single(x => x.Id == id);
        int applied = 0;
        var bad = new List<string>();
        foreach (var d in Docs.Value)
        {
            if (d.Seed && (!v.OnSeeds || id.StartsWith("combo-", StringComparison.Ordinal) || KnownGaps.Contains((id, d.Name)))) continue;
            if (v.NeedsExactTables && d.Report.Findings.Any(f => f.IsRoundingDifference)) continue;
            var variant = v.Apply(d.Text, new Random(d.Name.Length * 31 + id.Length));
            if (variant is null || variant == d.Text) continue;
            applied++;
            var (fresh, _) = Mutants.CompareBenign(d.Report, d.Path, variant);
            bad.AddRange(fresh.Select(f => $"{d.Name}: {f.RuleId} {f.Message}"));
        }
        Assert.True(applied > 0, $"variant {id} changed none of the documents");
        Assert.Empty(bad);
    }

    [Fact]
    public void A_table_printed_in_thousands_is_read_into_wan_yuan()
    {
        var text = "# 示例局2025年部门预算\n\n### 2025年一般公共预算支出预算表\n\n单位：千元\n\n| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n|  | 合计 | 1,493.1 | 1,493.1 | 0.0 |\n| 201 | 一般公共服务支出 | 1,493.1 | 1,493.1 | 0.0 |\n";
        var d = new DisclosureReader().Read("t.md", Encoding.UTF8.GetBytes(text)).Disclosure;
        var t = Assert.Single(d.Tables);
        Assert.True(t.InThousands);
        Assert.Equal(Gongkai.Model.ValueUnit.WanYuan, t.Unit);
        var figures = t.Rows.SelectMany(r => r.Values.Values).Where(f => f.IsNumber && f.Value != 0m).Select(f => (f.Value, f.Scale)).ToList();
        Assert.Contains((149.31m, 2), figures);
    }

    /// <summary>In a 元 table without decimals an amount such as 500 has the shape of a code (a 政府经济分类 5xx): two of them
    /// in the 合计 column of a continued page do not make it a code column, and the page's figures stay in their columns.</summary>
    [Fact]
    public void Integer_amounts_shaped_like_codes_stay_amounts()
    {
        var text = "# 示例局2025年部门预算\n\n### 2025年一般公共预算基本支出表\n\n单位：元\n\n| 科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费 |\n|---|---|---|---|---|\n"
                   + "|  | 合计 | 18,500 | 10,500 | 8,000 |\n| 302 | 商品和服务支出 | 8,000 |  | 8,000 |\n| 30211 | 差旅费 | 8,000 |  | 8,000 |\n"
                   + "| 303 | 对个人和家庭的补助 | 500 | 500 |  |\n| 30309 | 奖励金 | 500 | 500 |  |\n";
        var d = new DisclosureReader().Read("t.md", Encoding.UTF8.GetBytes(text)).Disclosure;
        var t = Assert.Single(d.Tables);
        var row = t.Rows.Single(r => r.Code?.Value == "30309");
        Assert.Equal(500m, row.Values[new ColumnKey(Measure.Total)].Value);
        Assert.Equal(500m, row.Values[new ColumnKey(Measure.Personnel)].Value);
        Assert.Equal(new ColumnKey?[] { new(Measure.Total), new(Measure.Personnel), new(Measure.Public) }, t.Columns.Select(c => c.Key));
    }

    /// <summary>A table whose code and name share one 科目 column and whose 合计 stands under a two-level header keeps its 合计
    /// column, empty or not: a column headed by an amount is never the name column.</summary>
    [Fact]
    public void A_merged_subject_column_leaves_the_total_column_to_the_values()
    {
        var text = "江汉区示例局 2023 年预算\n\n2023年政府性基金预算支出表\n\n单位：万元\n\n科目\t本年政府性基金预算支出\t\t\n\t合计\t基本支出\t项目支出\n\n本单位2023年无政府性基金预算支出。\n";
        var d = new DisclosureReader().Read("t.txt", Encoding.UTF8.GetBytes(text)).Disclosure;
        var t = Assert.Single(d.Tables);
        Assert.Contains(t.Columns, c => c.Key == new ColumnKey(Measure.Total) && c.Header.EndsWith("合计"));
        Assert.Contains(t.Columns, c => c.Key == new ColumnKey(Measure.Basic));
    }

    /// <summary>Code and name printed in one cell without brackets (“20101 人大事务”, “2010104人大会议”) are read as a code and a
    /// name, so the table's hierarchy is checked as in any other layout.</summary>
    [Fact]
    public void A_code_printed_before_its_name_in_one_cell_is_read()
    {
        var text = "# 示例局2025年部门预算\n\n### 2025年一般公共预算支出表\n\n单位：万元\n\n| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n"
                   + "| 合计 | 10.00 | 6.00 | 4.00 |\n| 201 一般公共服务支出 | 10.00 | 6.00 | 4.00 |\n| 20101 人大事务 | 10.00 | 6.00 | 4.00 |\n| 2010104人大会议 | 10.00 | 6.00 | 4.00 |\n";
        var d = new DisclosureReader().Read("t.md", Encoding.UTF8.GetBytes(text)).Disclosure;
        var t = Assert.Single(d.Tables);
        Assert.Equal(["201", "20101", "2010104"], t.Rows.Where(r => r.Code is not null).Select(r => r.Code?.Value));
        Assert.Equal("人大会议", t.Rows.Single(r => r.Code?.Value == "2010104").Label);
    }

    /// <summary>A sentence typed in full-width digits is read as its ASCII form: the amount is a claim, and the rules that
    /// match amounts in the sentence text (GK318, GK406) run on it instead of failing on a digit they cannot parse.</summary>
    [Fact]
    public void A_sentence_in_full_width_digits_reads_like_ascii()
    {
        var text = "# 示例局2025年部门预算\n\n## 一、收入预算情况\n\n２０２５年收入预算７１６３．３７万元，其中：一般公共预算拨款７０００．００万元，其他收入１６３．３７万元。\n";
        var d = new DisclosureReader().Read("t.md", Encoding.UTF8.GetBytes(text)).Disclosure;
        var s = Assert.Single(d.Sentences, x => x.Text.Contains("收入预算"));
        Assert.Contains("7163.37万元", s.Text);
        Assert.Contains(d.Claims, c => c.Amount == 7163.37m);
        var report = Mutants.Check("t.md", text);
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains("执行异常"));
    }

    /// <summary>The department named in its fuller form (with the city before the district) in every name field stays silent;
    /// one field that drops the district still fires GK444.</summary>
    [Fact]
    public void A_fuller_department_name_is_silent_and_a_truncated_one_still_fires()
    {
        var package = PackageAssert.Build(RandomData.Create(2));
        var text = MarkdownRenderer.ToText(package);
        var path = package.Title + ".md";
        var fuller = Mutants.Benign.Single(v => v.Id == "name-fields-fuller").Apply(text, new Random(1));
        Assert.NotNull(fuller);
        Assert.DoesNotContain(Mutants.Check(path, fuller!).Findings, f => f.RuleId == "GK444");
        var truncated = Mutants.All.Single(c => c.Id == "name-truncated").Apply(text, new Random(1));
        Assert.NotNull(truncated);
        Assert.Contains(Mutants.Check(path, truncated!).Findings, f => f.RuleId == "GK444" && f.Severity == Severity.Warning);
    }

    /// <summary>GK415 judges a 中小企业 share at the precision it is printed with: 95.4 % for 95.41 % is right, 95.1 % is not.</summary>
    [Fact]
    public void The_sme_share_is_judged_at_its_printed_precision()
    {
        var package = PackageAssert.Build(RandomData.Create(10));
        var text = MarkdownRenderer.ToText(package);
        var m = System.Text.RegularExpressions.Regex.Match(text, @"(占政府采购预算的)(\d+)\.(\d)(\d)%");
        Assert.True(m.Success);
        var exact = decimal.Parse(m.Value[(m.Groups[1].Length)..^1], System.Globalization.CultureInfo.InvariantCulture);
        if (m.Groups[4].Value == "5") exact += 0.01m; // keep clear of the half-way case
        var right = Math.Round(exact, 1, MidpointRounding.AwayFromZero);
        string With(decimal p) => text.Replace(m.Value, m.Groups[1].Value + p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%");
        var path = package.Title + ".md";
        Assert.DoesNotContain(Mutants.Check(path, With(right)).Findings, f => f.RuleId == "GK415" && f.Severity != Severity.Info);
        Assert.Contains(Mutants.Check(path, With(right - 0.3m)).Findings, f => f.RuleId == "GK415" && f.Severity == Severity.Error);
    }
}
