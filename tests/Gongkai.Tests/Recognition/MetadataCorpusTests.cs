using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Tests.Reading;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Recognition;

/// <summary>
/// The body, year, kind and scope of every disclosure of ../shared/corpus (the three files that are no disclosure
/// left out), as its cover or title page prints them — written by looking at page 1–2 of each file, not from the
/// recognizer's output. The file names of the corpus are not reliable (a 水务局 file is a 水利局's, a 2026 file is a
/// 2022 budget, a department file is one unit's), so these values come from the pages.
/// </summary>
public class MetadataCorpusTests
{
    private const DocumentKind B = DocumentKind.Budget, F = DocumentKind.FinalAccount;
    private const DocumentScope Dept = DocumentScope.Department, Unit = DocumentScope.Unit;

    [Theory]
    // 上海: "上海市2026年市级单位预算" with the unit on its own line "预算单位：…"
    [InlineData("001-上海-2026年上海市卫生健康委员会_部门预算.pdf", "上海市中医文献馆", 2026, B, Unit)]
    [InlineData("001-上海-2026年上海市政务服务和数据管理局_部门预算.pdf", "上海市数据局", 2026, B, Unit)]
    [InlineData("001-上海-2026年上海市教育局_部门预算.pdf", "上海科技大学附属学校", 2026, B, Unit)]
    [InlineData("001-上海-2026年上海市水务局_部门预算.pdf", "上海市海洋监测预报中心", 2026, B, Unit)]
    [InlineData("001-上海-2026年上海市生态环境局_部门预算.pdf", "上海市减污降碳管理运行技术中心", 2026, B, Unit)]
    [InlineData("001-上海-2026年上海市财政局_部门预算.pdf", "上海市财务会计综合管理事务中心（上海市财政科学研究所）", 2026, B, Unit)]
    // 北京: name over "2026 年度部门预算信息公开"; one prints "2026 部门预算" without 年, one "北京市统计局部门 2026 年度"
    [InlineData("002-北京-2026年北京市人民政府国有资产监督管理委员会部门预算.pdf", "北京市人民政府国有资产监督管理委员会", 2026, B, Dept)]
    [InlineData("002-北京-2026年北京市司法局部门预算.pdf", "北京市司法局", 2026, B, Dept)]
    [InlineData("002-北京-2026年北京市审计局部门预算.pdf", "北京市审计局", 2026, B, Dept)]
    [InlineData("002-北京-2026年北京市生态环境局部门预算.pdf", "北京市生态环境局", 2026, B, Dept)]
    [InlineData("002-北京-2026年北京市统计局部门预算.pdf", "北京市统计局", 2026, B, Dept)]
    [InlineData("002-北京-2026年北京市退役军人事务局部门预算.pdf", "北京市退役军人事务局", 2026, B, Dept)]
    // 深圳: "2026 年深圳市…局" over "（本级）部门预算"
    [InlineData("003-深圳-2026年深圳市城市管理和综合执法局部门预算.pdf", "深圳市城市管理和综合执法局", 2026, B, Dept)]
    [InlineData("003-深圳-2026年深圳市审计局部门预算.pdf", "深圳市审计局", 2026, B, Dept)]
    [InlineData("003-深圳-2026年深圳市工业和信息化局部门预算.pdf", "深圳市工业和信息化局", 2026, B, Dept)]
    [InlineData("003-深圳-2026年深圳市文化广电旅游体育局部门预算.pdf", "深圳市文化广电旅游体育局", 2026, B, Dept)]
    [InlineData("003-深圳-2026年深圳市水务局部门预算.pdf", "深圳市水务局", 2026, B, Dept)]
    [InlineData("003-深圳-2026年深圳市生态环境局部门预算.pdf", "深圳市生态环境局", 2026, B, Dept)]
    // 重庆: name over "2026 年部门预算情况说明"
    [InlineData("004-重庆-2026年重庆市人民政府办公厅部门预算.pdf", "重庆市人民政府办公厅", 2026, B, Dept)]
    [InlineData("004-重庆-2026年重庆市商务委员会部门预算.pdf", "重庆市商务委员会", 2026, B, Dept)]
    [InlineData("004-重庆-2026年重庆市委宣传部部门预算.pdf", "中共重庆市委宣传部", 2026, B, Dept)]
    [InlineData("004-重庆-2026年重庆市科学技术局部门预算.pdf", "重庆市科学技术局", 2026, B, Dept)]
    [InlineData("004-重庆-2026年重庆市经济和信息化委员会部门预算.pdf", "重庆市经济和信息化委员会", 2026, B, Dept)]
    [InlineData("004-重庆-2026年重庆市规划和自然资源局部门预算.pdf", "重庆市规划和自然资源局", 2026, B, Dept)]
    // 广州: "2026年" over "广州市…局部门预算"
    [InlineData("005-广州-交通运输局_2026年部门预算.pdf", "广州市交通运输局", 2026, B, Dept)]
    [InlineData("005-广州-住房和建设局_2026年部门预算.pdf", "广州市住房和城乡建设局", 2026, B, Dept)]
    [InlineData("005-广州-工业和信息化局_2026年部门预算.pdf", "广州市工业和信息化局", 2026, B, Dept)]
    [InlineData("005-广州-应急管理局_2026年部门预算.pdf", "广州市应急管理局", 2026, B, Dept)]
    [InlineData("005-广州-政府办公厅_2026年部门预算.pdf", "广州市人民政府办公厅", 2026, B, Dept)]
    [InlineData("005-广州-规划和自然资源局_2026年部门预算.pdf", "广州市规划和自然资源局", 2026, B, Dept)]
    // 苏州: "2026 年度苏州市…部门预算公开" / "…单位预算公开"
    [InlineData("006-苏州-2026年苏州市交通运输局部门预算.pdf", "苏州市交通运输局", 2026, B, Dept)]
    [InlineData("006-苏州-2026年苏州市水务局部门预算.pdf", "苏州市水务局", 2026, B, Unit)]
    [InlineData("006-苏州-2026年苏州市科技创新局部门预算.pdf", "苏州市科学技术局", 2026, B, Unit)]
    [InlineData("006-苏州-应急管理局_2026年部门预算.pdf", "苏州市应急管理局", 2026, B, Dept)]
    [InlineData("006-苏州-政务服务和数据管理局_2026年部门预算.pdf", "苏州市数据局", 2026, B, Dept)]
    [InlineData("006-苏州-规划和自然资源局_2026年部门预算.pdf", "苏州市自然资源和规划局", 2026, B, Dept)]
    // 杭州: name over "2026 年度部门预算"
    [InlineData("008-杭州-2026年杭州市交通运输局部门预算.pdf", "杭州市交通运输局", 2026, B, Dept)]
    [InlineData("008-杭州-2026年杭州市公安局部门预算.pdf", "杭州市公安局", 2026, B, Dept)]
    [InlineData("008-杭州-司法局_2026年部门预算.pdf", "杭州市司法局", 2026, B, Dept)]
    // 无锡: "2026 年度" / name / "部门预算公开" on three lines, or on one
    [InlineData("014-无锡-2026年无锡市住房和建设局部门预算.pdf", "无锡市住房和城乡建设局", 2026, B, Unit)]
    [InlineData("014-无锡-人力资源和社会保障局_2026年部门预算.pdf", "无锡市人力资源和社会保障局", 2026, B, Dept)]
    [InlineData("014-无锡-商务局_2026年部门预算.pdf", "无锡市商务局", 2026, B, Dept)]
    [InlineData("014-无锡-应急管理局_2026年部门预算.pdf", "无锡市应急管理局", 2026, B, Dept)]
    [InlineData("014-无锡-教育局_2026年部门预算.pdf", "无锡市教育局", 2026, B, Dept)]
    [InlineData("014-无锡-水务局_2026年部门预算.pdf", "无锡市水利局", 2026, B, Dept)]
    [InlineData("015-长沙-教育局_2026年部门预算.pdf", "长沙职业教育基地综合协调办公室", 2026, B, Dept)]
    // 福州: "2026 年度" / name broken over two lines / "单位预算"
    [InlineData("017-福州-2026年福州市公安局部门预算.pdf", "福州市公安局治安管理支队", 2026, B, Unit)]
    [InlineData("017-福州-2026年福州市商务局部门预算.pdf", "福州市商务局", 2026, B, Dept)]
    [InlineData("017-福州-2026年福州市生态环境局部门预算.pdf", "福州经济技术开发区生态环境局", 2026, B, Unit)]
    [InlineData("017-福州-2026年福州市科技创新局部门预算.pdf", "福州市科学技术局", 2026, B, Unit)]
    [InlineData("017-福州-公安局交通警察局_2026年部门预算.pdf", "福州市公安局交通管理支队", 2026, B, Unit)]
    // 西安: "西安市…局（汇总）" over "2026年部门预算公开说明"; two files are 2022 部门综合预算
    [InlineData("020-西安-2026年西安市公安局部门预算.pdf", "西安市公安局", 2026, B, Dept)]
    [InlineData("020-西安-2026年西安市司法局部门预算.pdf", "西安市司法局", 2026, B, Dept)]
    [InlineData("020-西安-2026年西安市审计局部门预算.pdf", "西安市审计局", 2026, B, Dept)]
    [InlineData("020-西安-2026年西安市财政局部门预算.pdf", "西安市财政局", 2026, B, Dept)]
    [InlineData("020-西安-商务局_2026年部门预算.pdf", "西安市商务局", 2022, B, Dept)]
    [InlineData("020-西安-生态环境局_2026年部门预算.pdf", "西安市生态环境局", 2022, B, Dept)]
    [InlineData("021-泉州-2026年泉州市人民政府办公室部门预算.pdf", "泉州市人民政府办公室", 2026, B, Dept)]
    // 烟台: "2026年烟台市…局" (over "部门预算")
    [InlineData("025-烟台-2026年烟台市住房和城乡建设局部门预算.pdf", "烟台市住房和城乡建设局", 2026, B, Dept)]
    [InlineData("025-烟台-2026年烟台市信访局部门预算.pdf", "烟台市信访局", 2026, B, Dept)]
    [InlineData("025-烟台-2026年烟台市审计局部门预算.pdf", "烟台市审计局", 2026, B, Dept)]
    [InlineData("025-烟台-2026年烟台市教育局部门预算.pdf", "烟台市教育局", 2026, B, Dept)]
    [InlineData("025-烟台-2026年烟台市民政局部门预算.pdf", "烟台市民政局", 2026, B, Dept)]
    // 湖州: "湖州市…局 2026 年部门预算", or broken after the name or after 年
    [InlineData("079-湖州-2026年湖州市交通运输局部门预算.pdf", "湖州市交通运输局", 2026, B, Dept)]
    [InlineData("079-湖州-2026年湖州市卫生健康委员会部门预算.pdf", "湖州市卫生健康委员会", 2026, B, Dept)]
    [InlineData("079-湖州-2026年湖州市退役军人事务局部门预算.pdf", "湖州市退役军人事务局", 2026, B, Dept)]
    public void Corpus_title_gives_body_year_kind_and_scope(string file, string name, int year, DocumentKind kind, DocumentScope scope)
    {
        var d = Recognize(Shared.Corpus(file));
        Assert.Equal((name, year, kind, scope), (d.DepartmentName, d.Year, d.Kind, d.Scope));
    }

    [Theory]
    [InlineData("000", "重庆市綦江区医疗保障局", 2022, B, Dept)]
    [InlineData("001", "大城县医疗保障局", 2022, B, Dept)]
    [InlineData("002", "西安市碑林区医疗保障局", 2022, B, Dept)] // 部门综合预算
    [InlineData("003", "重庆市潼南区医疗保障局", 2024, F, Dept)] // "2024 年度决算公开说明"
    [InlineData("004", "江汉区医疗保障局", 2023, B, Dept)] // "2023 年预算"
    public void Seed_title_gives_body_year_kind_and_scope(string seed, string name, int year, DocumentKind kind, DocumentScope scope)
    {
        var d = Seeds.Read(seed).Disclosure;
        Assert.Equal((name, year, kind, scope), (d.DepartmentName, d.Year, d.Kind, d.Scope));
    }

    [Fact]
    public void The_three_files_that_are_no_disclosure_are_listed_as_such()
    {
        var no = File.ReadAllLines(Shared.Corpus("SOURCES.tsv")).Where(l => l.EndsWith("\tno", StringComparison.Ordinal)).Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(3, no.Count);
        var tested = typeof(MetadataCorpusTests).GetMethod(nameof(Corpus_title_gives_body_year_kind_and_scope))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).First()[0]).ToList();
        Assert.Equal(66, tested.Count);
        Assert.Empty(tested.Intersect(no));
        var all = File.ReadAllLines(Shared.Corpus("SOURCES.tsv")).Where(l => l.EndsWith("\tyes", StringComparison.Ordinal)).Select(l => l.Split('\t')[0]);
        Assert.Equal(all.OrderBy(x => x, StringComparer.Ordinal), tested.OrderBy(x => x, StringComparer.Ordinal));
    }

    // titles in the forms of other documents: not taken from section headings, 目录 lines, numbered items, cited
    // documents, year ranges or table titles
    [Theory]
    [InlineData("上海市2026年市级单位预算|预算单位：上海市某某中心|目 录|1. 2026年预算单位财务收支预算总表", "上海市某某中心", 2026, B, Unit)]
    [InlineData("2026 年度|某某市公安局治安管理|支队|单位预算|目录", "某某市公安局治安管理支队", 2026, B, Unit)]
    [InlineData("某某市统计局部门 2026 年度|部门预算信息公开", "某某市统计局", 2026, B, Dept)]
    [InlineData("某某市国有资产监督管理委员会|2026 部门预算情况的说明", "某某市国有资产监督管理委员会", 2026, B, Dept)]
    [InlineData("某某市某某局（汇总）|2025年部门预算公开说明", "某某市某某局", 2025, B, Dept)]
    [InlineData("2025 年某某市某某局|（本级）部门预算", "某某市某某局", 2025, B, Dept)]
    [InlineData("某某区某某局本级2024年单位决算", "某某区某某局", 2024, F, Unit)]
    [InlineData("某 某 市 某 某 局|2 0 2 4 年 度 部 门 决 算", "某某市某某局", 2024, F, Dept)]
    public void Title_forms_are_read(string lines, string name, int year, DocumentKind kind, DocumentScope scope)
    {
        var d = RecognizeLines(lines.Split('|'));
        Assert.Equal((name, year, kind, scope), (d.DepartmentName, d.Year, d.Kind, d.Scope));
    }

    [Theory]
    [InlineData("目 录|第一部分 2026 年度部门预算情况说明|第二部分 2026 年度部门预算报表")] // section headings only
    [InlineData("根据《某某市2017-2019年财政规划》，本部门编制预算")] // a cited title with a year range
    [InlineData("二、2026年某某市某某局部门预算安排情况说明………………3")] // a 目录 line
    [InlineData("1. 2026年预算单位财务收支预算总表")] // a numbered item
    [InlineData("第二部分|2026年部门预算表")] // a table title
    public void No_title_no_name(string lines)
    {
        var d = RecognizeLines(lines.Split('|'));
        Assert.Null(d.DepartmentName);
        Assert.NotEqual(2017, d.Year);
        Assert.NotEqual(2019, d.Year);
    }

    private static Disclosure Recognize(string path)
    {
        var source = DocumentReaders.CreateDefault().Read(path);
        var d = new Disclosure { File = path };
        MetadataRecognizer.Recognize(source, d);
        return d;
    }

    private static Disclosure RecognizeLines(IEnumerable<string> lines)
    {
        var blocks = lines.Select((l, i) => (SourceBlock)new TextBlock(l, new Provenance("t.txt", Line: i + 1, Page: 1))).ToList();
        var d = new Disclosure { File = "t.txt" };
        MetadataRecognizer.Recognize(new SourceDocument("t.txt", SourceFormat.Text, blocks), d);
        return d;
    }
}
