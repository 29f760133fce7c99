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
    private sealed record Doc(string Name, string Path, string Text, AuditReport Report, bool Seed)
    {
        /// <summary>Only the 决算 layout variants run on it (the others are covered by the first four).</summary>
        public bool FinalOnly { get; init; }
    }

    private static bool IsFinalVariant(string id) => id.StartsWith("final-", StringComparison.Ordinal) || id == "combo-final";

    private static readonly Lazy<List<Doc>> Docs = new(() =>
    {
        var list = new List<Doc>();
        // two 预算 and two 决算 of three regional profiles (shaanxi 决算, chongqing 预算, shanghai 决算, shaanxi 预算)
        // … and, for the 决算 layout variants only, a chongqing 决算 (公开01–09 with 机构运行信息表) and a national 决算
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 9 })
        {
            var package = PackageAssert.Build(RandomData.Create(seed));
            var text = MarkdownRenderer.ToText(package);
            var path = package.Title + ".md";
            list.Add(new Doc($"compiled {seed}", path, text, Mutants.Check(path, text), false) { FinalOnly = seed > 4 });
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
            if (d.FinalOnly && !IsFinalVariant(id)) continue;
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
        var text = "# 示例局2025年部门预算\n\n### 2025年一般公共预算基本支出表\n\n单位：元\n\n| 经济分类编码 | 经济分类名称 | 合计 | 人员经费 | 公用经费 |\n|---|---|---|---|---|\n"
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
        var text = "江汉区示例局 2024 年预算\n\n2024年政府性基金预算支出表\n\n单位：万元\n\n科目\t政府性基金预算支出\t\t\n\t合计\t基本支出\t项目支出\n\n本单位2024年没有政府性基金预算拨款支出。\n";
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
        var text = "# 示例局2025年部门预算\n\n## 一、收入预算情况\n\n２０２５年收入预算５２４０．８０万元，其中：一般公共预算拨款５０００．００万元，其他收入２４０．８０万元。\n";
        var d = new DisclosureReader().Read("t.md", Encoding.UTF8.GetBytes(text)).Disclosure;
        var s = Assert.Single(d.Sentences, x => x.Text.Contains("收入预算"));
        Assert.Contains("5240.80万元", s.Text);
        Assert.Contains(d.Claims, c => c.Amount == 5240.80m);
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
    // ------------------------------------------------------------------------------------------------ 决算 layouts read, not skipped

    /// <summary>
    /// A 决算 layout variant is not only silent: its figures are still read and checked. The variant of each compiled
    /// 决算 is given one wrong figure (a total or a leaf raised by 1.00) and must then report a 错误/警告 it did not
    /// report before: a layout the reader gave up on would stay silent here too.
    /// </summary>
    [Theory]
    [InlineData("final-basic-groups", "基本支出决算表", "人员经费合计", null, 2)]
    [InlineData("final-sangong-rows", "三公", "合计", "决算数", -1)]
    [InlineData("final-sangong-blocks", "三公", null, null, 6)]
    [InlineData("final-budget-columns", "一般公共预算财政拨款支出决算表", null, "合计", -1)]
    [InlineData("final-spend-columns", "支出决算表", null, "基本支出", -1)]
    [InlineData("final-fiscal-two-level", "财政拨款收入支出决算总表", "本年支出合计", "一般公共预算", -1)]
    [InlineData("final-table-yuan", "三公", null, null, 1)]
    public void A_final_layout_variant_still_checks_its_figures(string id, string table, string? rowLabel, string? header, int index)
    {
        var v = Mutants.Benign.Single(x => x.Id == id);
        int checkedDocs = 0;
        foreach (var d in Docs.Value.Where(d => !d.Seed))
        {
            if (v.NeedsExactTables && d.Report.Findings.Any(f => f.IsRoundingDifference)) continue;
            var variant = v.Apply(d.Text, new Random(d.Name.Length * 31 + id.Length));
            if (variant is null || variant == d.Text) continue;
            var wrong = RaiseCell(variant, table, rowLabel, header, index);
            if (wrong is null) continue;
            checkedDocs++;
            var before = Mutants.Check(d.Path, variant);
            var after = Mutants.Check(d.Path, wrong);
            Assert.True(after.ErrorCount + after.WarningCount > before.ErrorCount + before.WarningCount,
                $"{d.Name}: {id} with one raised figure in {table} reports nothing new");
        }
        Assert.True(checkedDocs > 0, $"variant {id} raised no figure");
    }

    /// <summary>The variant text with one money cell of the first table titled with <paramref name="table"/> (ending in
    /// 表) raised by 1.00 (by 10000 in a 元 table): in the row whose cells include <paramref name="rowLabel"/> (else the
    /// first row with a 7-digit code, else the first row with figures), the column headed <paramref name="header"/> (the
    /// lowest header row naming it) or else the <paramref name="index"/>-th cell.</summary>
    private static string? RaiseCell(string text, string table, string? rowLabel, string? header, int index)
    {
        var lines = text.Split('\n');
        int title = Array.FindIndex(lines, l => l.StartsWith("### ") && l.Contains(table) && l.TrimEnd().EndsWith('表'));
        if (title < 0) return null;
        int start = title + 1;
        while (start < lines.Length && !lines[start].StartsWith('|')) start++;
        int end = start;
        while (end < lines.Length && lines[end].StartsWith('|')) end++;
        bool yuan = lines[title..start].Any(l => l.Contains("单位：元"));
        string[] Inner(string l) => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        var money = new System.Text.RegularExpressions.Regex(@"^-?[\d,]*\d\.\d{2}$");
        int col = index;
        if (header is not null)
        {
            col = -1;
            // the lowest header row naming it (the rows above the first row with a figure)
            for (int i = start; i < Math.Min(end, start + 4) && !Inner(lines[i]).Any(c => money.IsMatch(c)); i++)
                if (Array.IndexOf(Inner(lines[i]), header) is int c && c >= 0) col = c;
            if (col < 0) return null;
        }
        for (int i = start; i < end; i++)
        {
            var cells = Inner(lines[i]);
            bool match = rowLabel is not null ? cells.Contains(rowLabel)
                : cells.Any(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^\d{7}$")) || cells.All(c => money.IsMatch(c) || c.Length == 0) && cells.Any(c => money.IsMatch(c));
            if (!match || col >= cells.Length || !money.IsMatch(cells[col])) continue;
            var value = decimal.Parse(cells[col].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) + (yuan ? 10000m : 1m);
            cells[col] = value.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = "| " + string.Join(" | ", cells) + " |";
            return string.Join('\n', lines);
        }
        return null;
    }

    /// <summary>The 决算 sentences in other regions' words (年初预算为 B，支出决算为 A；决算数为 A，完成年初预算的 C%（年初预算 B）；
    /// 调整预算；年初预算为0 with no rate; 比上年决算增加) give the actual, the budget and the relation, and a 决算 subject
    /// naming its budget (…（项）（2010108）年初预算) is never compared with the 决算 table.</summary>
    [Fact]
    public void Final_sentences_in_other_words_are_read_as_budget_and_actual()
    {
        static List<Gongkai.Model.Claim> X(string text) =>
            Gongkai.Recognition.Narrative.ClaimExtractor.Extract(new Gongkai.Model.Sentence(text, new Gongkai.Model.Provenance("t.txt", 1, Text: text), "")).ToList();
        var a = X("1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）（2010301）年初预算为40.00万元，支出决算为46.00万元，完成年初预算的115.00%，决算数大于年初预算数，主要原因是工作量增加");
        // the bare 支出决算 after the item's budget is the item's actual (compared with its 支出决算表 row by code)
        Assert.Contains(a, c => c.Kind == Gongkai.Model.ClaimKind.Amount && c.Amount == 46.00m && c.Subject.Contains("2010301"));
        var rate = Assert.Single(a, c => c.CompletionPercent is not null);
        Assert.Equal((46.00m, 40.00m), (rate.Amount, rate.BaseAmount));
        var rel = Assert.Single(a, c => c.Relation is not null);
        Assert.Equal((Gongkai.Model.ChangeDirection.Increase, 46.00m, 40.00m), (rel.Relation, rel.Amount, rel.BaseAmount));
        // 调整预算 between them: the first rate is of the 年初 budget, the second of the adjusted one
        var b = X("年初预算数为49.41万元，调整预算为52.98万元，决算数为52.98万元，完成年初预算的107.23%，完成调整预算的100.00%").Where(c => c.CompletionPercent is not null).ToList();
        Assert.Equal(new (decimal?, decimal?)[] { (52.98m, 49.41m), (52.98m, 52.98m) }, b.Select(c => (c.Amount, c.BaseAmount)));
        // a zero budget: no rate, the relation still read
        var z = X("年初预算为0万元，支出决算为12.50万元，决算数大于年初预算数，主要原因是年中追加");
        Assert.DoesNotContain(z, c => c.CompletionPercent is not null);
        Assert.Equal(0m, Assert.Single(z, c => c.Relation is not null).BaseAmount);
        // an unnamed 预算 beside a 年初 and an adjusted budget that differ: which one is meant is not said — no relation read
        Assert.DoesNotContain(X("年初预算数为1190.35万元，调整预算为1325.81万元，决算数为1190.35万元，决算数等于预算数"), c => c.Relation is not null);
        Assert.Equal(1190.35m, Assert.Single(X("年初预算数为1190.35万元，调整预算为1325.81万元，决算数为1190.35万元，决算数等于年初预算数"), c => c.Relation is not null).BaseAmount);
        // last year's 决算 as the base
        var y = Assert.Single(X("基本支出765.85万元，比上年决算减少860.38万元，下降52.91%"), c => c.Kind == Gongkai.Model.ClaimKind.Change);
        Assert.Equal((Gongkai.Model.ComparisonBase.PriorYear, 860.38m, 52.91m), (y.Base, y.ChangeAmount, y.ChangePercent));
    }

    /// <summary>On a compiled 决算, the per-项 sentences rewritten with the budget first (年初预算为 B万元，支出决算为 A万元),
    /// a zero budget printed as 0 and the 决算数 stated before a bracketed budget add no 错误/警告; the same sentence with a
    /// wrong actual (A + 1.00) is still reported (GK401 against the 支出决算表 row).</summary>
    [Fact]
    public void Final_item_sentences_with_the_budget_first_are_silent_and_a_wrong_actual_is_reported()
    {
        var v = Mutants.Benign.Single(x => x.Id == "final-narrative-forms");
        var item = new System.Text.RegularExpressions.Regex(@"（(\d{7})）支出决算(\d[\d,]*\.\d{2})万元，年初预算(\d[\d,]*\.\d{2})万元");
        var doc = Docs.Value.First(d => !d.Seed && item.IsMatch(d.Text));
        var report = doc.Report;
        for (int seed = 0; seed < 3; seed++)
        {
            var variant = v.Apply(doc.Text, new Random(seed))!;
            Assert.Empty(Mutants.CompareBenign(report, doc.Path, variant).Fresh);
        }
        var m = item.Match(doc.Text);
        var actual = decimal.Parse(m.Groups[2].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        var wrong = doc.Text.Replace(m.Value, $"（{m.Groups[1].Value}）年初预算为{m.Groups[3].Value}万元，支出决算为{actual + 1m:0.00}万元");
        Assert.Contains(Mutants.Check(doc.Path, wrong).Findings, f => f.RuleId == "GK401" && f.Severity == Severity.Error && f.Message.Contains(m.Groups[1].Value));
    }
}
