using Gongkai.Model;
using Gongkai.Compile;
using Gongkai.Compile.Template;

namespace Gongkai.Cli.Commands;

/// <summary>
/// gongkai template --kind budget|final --year YYYY [--profile …] [--from data.json] -o FILE.xlsx|FILE.json:
/// writes the data workbook (instructions, subject sheets, pick-lists and validation) or a JSON skeleton.
/// </summary>
public sealed class TemplateCommand : ICommand
{
    public string Name => "template";
    public string Summary => "生成数据填报表：按年度科目表提供下拉选择和校验，填好后用 compile 汇编";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：gongkai template --kind budget|final --year 年度 [--profile 地区] [--from 数据.json] -o 文件.xlsx|文件.json");
        w.WriteLine();
        w.WriteLine("生成部门预算（budget）或部门决算（final）公开的数据填报表：“填报说明”一张，每类数据一张工作表");
        w.WriteLine("（基本信息、单位构成与人员、按功能分类的支出、基本支出和项目支出经济分类（含政府经济分类）、");
        w.WriteLine("按功能分类的收入、结转结余、上年数、决算的年初/调整预算（按类和按项）、教育收费、“三公”经费、");
        w.WriteLine("会议费/培训费/差旅费、机关运行经费（及按经济分类明细）、政府采购、政府购买服务、国有资产与固定资产、");
        w.WriteLine("项目与绩效指标、部门整体绩效目标/自评、变动原因），");
        w.WriteLine("科目编码可从该年度科目表的下拉列表中选择，金额单元格限定为不小于 0 的数字。");
        w.WriteLine("输出文件以 .json 结尾时，生成同样内容的 JSON 数据文件（结构见 docs/data-schema.json）。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("  -k, --kind budget|final   文档类型：budget 部门预算，final 部门决算（必填）");
        w.WriteLine("  -y, --year 年度           公开的年度，如 2024（必填）");
        w.WriteLine("  -p, --profile 地区        national（默认）、chongqing、hubei、shaanxi、hebei、jiangsu、shanghai");
        w.WriteLine("      --from 数据.json      用已有数据预先填好（例如把 JSON 转为填报表）");
        w.WriteLine("  -o, --out 文件            输出文件（.xlsx 或 .json，必填）");
        w.WriteLine("  -h, --help                显示本帮助");
        w.WriteLine();
        w.WriteLine("退出码：0 已生成；2 --from 文件无法读取；64 用法错误；73 输出无法写入。");
        w.WriteLine();
        w.WriteLine("示例：");
        w.WriteLine("  gongkai template --kind final --year 2024 --profile chongqing -o 决算数据.xlsx");
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        try
        {
            cl = CommandLine.Parse(args, [["--kind", "-k"], ["--year", "-y"], ["--profile", "-p"], ["--from"], ["--out", "-o"]], [["--help", "-h"]]);
        }
        catch (UsageException e) { return Usage(error, e.Message); }
        if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
        if (cl.Positionals.Count > 0) return Usage(error, $"多余的参数：{cl.Positionals[0]}。");
        var kind = cl.Value("--kind");
        if (kind is not ("budget" or "final")) return Usage(error, kind is null ? "缺少 --kind（budget 或 final）。" : $"--kind 应为 budget 或 final，实为 {kind}。");
        if (!int.TryParse(cl.Value("--year"), out var year) || year is < 2000 or > 2100) return Usage(error, "缺少或无效的 --year（四位年份）。");
        var profile = cl.Value("--profile") ?? "national";
        if (!DisclosureData.Profiles.Contains(profile)) return Usage(error, $"未知的地区配置：{profile}。可选 {string.Join("、", DisclosureData.Profiles)}。");
        var outPath = cl.Value("--out");
        if (outPath is null) return Usage(error, "缺少输出文件（-o 文件.xlsx 或 文件.json）。");
        DisclosureData? data = null;
        if (cl.Value("--from") is string from)
        {
            try { data = DataFiles.Load(from); }
            catch (DataFileException e) { error.WriteLine($"gongkai template：{e.Message}"); return ExitCodes.InputUnreadable; }
            data.Kind = kind; data.Year = year; data.Profile = profile;
        }
        try
        {
            if (outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                data ??= new DisclosureData { Kind = kind, Year = year, Profile = profile };
                File.WriteAllText(outPath, data.ToJson() + "\n", new System.Text.UTF8Encoding(false));
            }
            else
            {
                using var fs = File.Create(outPath);
                TemplateWorkbook.Write(fs, kind, year, profile, data);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            error.WriteLine($"gongkai template：无法写入 {outPath}（{Failures.Describe(e)}）{Failures.Details(e)}。请检查路径和写入权限。");
            return ExitCodes.CannotWriteOutput;
        }
        output.WriteLine($"已写入 {outPath}（{year} 年{(kind == "final" ? "部门决算" : "部门预算")}，地区配置 {profile}）");
        return ExitCodes.Ok;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"gongkai template：{message}");
        error.WriteLine("用法：gongkai template --kind budget|final --year 年度 [--profile 地区] -o 文件.xlsx；运行 gongkai template --help 查看说明。");
        return ExitCodes.Usage;
    }
}
