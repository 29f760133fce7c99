using Gongkai.Audit;
using Gongkai.Recognition;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Published disclosures of the corpus (../shared/corpus): the 错误/警告 of the classification (GK5xx), performance
/// (GK6xx) and text (GK70x) families are exactly the real defects checked on the rendered pages — none of the false
/// alarms these files used to raise (split codes, procurement lists, unit-grouped tables, item-only tables, numbered
/// indicators, two-year headers, plan periods).
/// </summary>
public class CorpusClassPerfTextTests
{
    private static readonly AuditOptions Options = new() { Catalog = CatalogAdapter.Instance };

    [Theory]
    // 301 | 01 | 基本工资 printed in split cells; 2025年预算数 beside 2026年预算数 (was 36 GK506, 1 GK708)
    [InlineData("025-烟台-2026年烟台市住房和城乡建设局部门预算.pdf", "")]
    // expenditure tables grouped by 预算单位 restart their codes (was 29 GK504 on B3, 28 on B5)
    [InlineData("003-深圳-2026年深圳市水务局部门预算.pdf", "")]
    // 支出总表 listing only 项 codes (was 12 GK502 on B3 and on B5)
    [InlineData("021-泉州-2026年泉州市人民政府办公室部门预算.pdf", "")]
    // indicator lines of another table attached to a target's funds (was GK614); 款 printed as "03"; 效益 on the next page
    [InlineData("004-重庆-2026年重庆市商务委员会部门预算.pdf", "")]
    [InlineData("015-长沙-教育局_2026年部门预算.pdf", "")]
    // plan periods and cited titles (was GK704 ×2)
    [InlineData("014-无锡-水务局_2026年部门预算.pdf", "")]
    // real: p23 "减少6.03万元万元" (GK703); numbered indicators 指标1：… are filled in (was 104 GK616), procurement list names (was GK505/506)
    [InlineData("020-西安-商务局_2026年部门预算.pdf", "GK703@23")]
    // real: weights add up to 80 and 110 under a printed 分值权重（90分）
    [InlineData("020-西安-2026年西安市司法局部门预算.pdf", "GK608@58,GK608@67")]
    // real: "贡献商务力量。。" and a rate indicator "安全生产保障率 =0 次"
    [InlineData("017-福州-2026年福州市商务局部门预算.pdf", "GK702@9,GK620@39")]
    // real: three sentences ending "。。"
    [InlineData("003-深圳-2026年深圳市工业和信息化局部门预算.pdf", "GK702@11,GK702@12,GK702@12")]
    public void Only_real_defects_fire_in_the_classification_performance_and_text_families(string file, string expected)
    {
        var path = Path.Combine(Shared.Root, "corpus", file);
        Assert.True(File.Exists(path), path);
        var disclosure = new DisclosureReader().Read(path).Disclosure;
        var report = Auditor.Audit(disclosure, Options);
        var found = report.Findings
            .Where(f => f.Severity is Severity.Error or Severity.Warning)
            .Where(f => f.RuleId.StartsWith("GK5", StringComparison.Ordinal) || f.RuleId.StartsWith("GK6", StringComparison.Ordinal)
                        || f.RuleId.StartsWith("GK70", StringComparison.Ordinal))
            .Select(f => $"{f.RuleId}@{f.Locations.FirstOrDefault()?.Page}")
            .OrderBy(x => x, StringComparer.Ordinal).ToList();
        var want = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Equal(want, found);
    }
}
