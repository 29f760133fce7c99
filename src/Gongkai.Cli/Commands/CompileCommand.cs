using System.Diagnostics;
using System.Text.Json;
using Gongkai.Audit;
using Gongkai.Compile;
using Gongkai.Compile.Render;
using CjkFontNotFoundException = Gongkai.Compile.Render.CjkFontNotFoundException;
using Gongkai.Model;

namespace Gongkai.Cli.Commands;

/// <summary>
/// gongkai compile DATA.json|DATA.xlsx [--profile …] [--format md,html,…] -o DIR: audits the data first (the
/// same rules as check, run on the compiled model, plus the builder's own checks); refuses with the findings
/// when there are 错误 unless --force; warns about changes of 10 % or more without a reason; then writes the package.
/// Exit 0 written, 1 refused because of 错误, 2 unreadable input, 64 usage, 73 output not writable.
/// </summary>
public sealed class CompileCommand : ICommand
{
    public string Name => "compile";
    public string Summary => "汇编公开文档：由结构化数据生成全部公开表格和情况说明（XLSX、DOCX、PDF、HTML、Markdown）";

    public void WriteHelp(TextWriter w)
    {
        w.WriteLine("用法：gongkai compile 数据文件 -o 输出目录 [--profile 地区] [--format 格式,...] [--force]");
        w.WriteLine();
        w.WriteLine("由数据文件（gongkai template 生成的 XLSX 填报表，或符合 docs/data-schema.json 的 JSON）生成完整的");
        w.WriteLine("部门预算/决算公开材料：全部公开表格（无数据的表格以空表列示并加注）、情况说明（金额、增减额和");
        w.WriteLine("增减比例、构成占比、“三公”经费、机关运行经费、政府采购、国有资产、绩效）和名词解释。");
        w.WriteLine();
        w.WriteLine("生成前先按 check 的同一套规则审核数据：发现“错误”时拒绝生成并列出问题（--force 可强制生成并");
        w.WriteLine("在输出中列出问题）；增减变动达到 10% 以上但没有填写原因的，给出“警告”。");
        w.WriteLine();
        w.WriteLine("选项：");
        w.WriteLine("  -o, --out 目录       输出目录（必填）");
        w.WriteLine("  -p, --profile 地区   national（全国通用）、chongqing（重庆）、hubei（湖北）、shaanxi（陕西/西安）、");
        w.WriteLine("                      hebei（河北）、jiangsu（江苏）、shanghai（上海）；缺省用数据文件中的设置。");
        w.WriteLine("                      决算中 shaanxi、hebei、jiangsu、shanghai 使用全国通用的表式");
        w.WriteLine("  -f, --format 格式    xlsx,docx,pdf,html,md 中的一个或多个（逗号分隔），默认全部");
        w.WriteLine("      --force         数据有错误时仍然生成，并在终端列出问题");
        w.WriteLine("  -h, --help           显示本帮助");
        w.WriteLine();
        w.WriteLine("退出码：0 已生成；1 数据有错误，拒绝生成；2 数据文件无法读取；64 用法错误；73 输出无法写入。");
        w.WriteLine();
        w.WriteLine("示例：");
        w.WriteLine("  gongkai template --kind final --year 2024 -o 决算数据.xlsx");
        w.WriteLine("  gongkai compile 决算数据.xlsx -o 公开材料");
        w.WriteLine("  gongkai compile data.json --format html,md -o out");
    }

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine cl;
        try
        {
            cl = CommandLine.Parse(args, [["--out", "-o"], ["--profile", "-p"], ["--format", "-f"]], [["--help", "-h"], ["--force"]]);
        }
        catch (UsageException e) { return Usage(error, e.Message); }
        if (cl.Flag("--help")) { WriteHelp(output); return ExitCodes.Ok; }
        if (cl.Positionals.Count != 1) return Usage(error, cl.Positionals.Count == 0 ? "缺少数据文件。" : "一次只能汇编一个数据文件。");
        var outDir = cl.Value("--out");
        if (outDir is null) return Usage(error, "缺少输出目录（-o 目录）。");
        var formats = (cl.Value("--format") ?? "xlsx,docx,pdf,html,md").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var renderers = new List<IPackageRenderer>();
        foreach (var f in formats)
        {
            var r = PackageRenderers.Find(f);
            if (r is null) return Usage(error, $"不支持的输出格式：{f}。可选 xlsx、docx、pdf、html、md。");
            if (!renderers.Contains(r)) renderers.Add(r);
        }
        var profile = cl.Value("--profile");
        if (profile is not null && !DisclosureData.Profiles.Contains(profile))
            return Usage(error, $"未知的地区配置：{profile}。可选 {string.Join("、", DisclosureData.Profiles)}。");

        var path = cl.Positionals[0];
        DisclosureData data;
        try
        {
            data = DataFiles.Load(path);
        }
        catch (DataFileException e)
        {
            error.WriteLine($"gongkai compile：{e.Message}");
            return ExitCodes.InputUnreadable;
        }
        if (profile is not null) data.Profile = profile;

        var package = PackageBuilder.Build(data);
        var findings = package.Blocks.Count > 0 ? Audit(package) : [];
        var errors = package.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ToString())
            .Concat(findings.Where(f => f.Severity == Severity.Error).Select(f => $"错误（{f.RuleId}）：{f.Message}")).ToList();
        var warnings = package.Issues.Where(i => i.Severity == IssueSeverity.Warning).Select(i => i.ToString())
            .Concat(findings.Where(f => f.Severity == Severity.Warning).Select(f => $"警告（{f.RuleId}）：{f.Message}")).ToList();
        foreach (var m in errors) error.WriteLine(m);
        foreach (var m in warnings) error.WriteLine(m);
        if (errors.Count > 0 && (!cl.Flag("--force") || package.Blocks.Count == 0))
        {
            error.WriteLine(package.Blocks.Count == 0
                ? $"gongkai compile：数据有 {errors.Count} 处错误，无法生成。请按上面的提示修改数据文件。"
                : $"gongkai compile：数据有 {errors.Count} 处错误，已拒绝生成。请修改数据文件，或加 --force 强制生成。");
            return ExitCodes.FindingsFound;
        }
        try
        {
            Directory.CreateDirectory(outDir);
            var baseName = package.Title;
            foreach (var r in renderers)
            {
                var sw = Stopwatch.StartNew();
                var file = Path.Combine(outDir, $"{baseName}.{r.Extension}");
                var bytes = r.RenderToBytes(package);
                File.WriteAllBytes(file, bytes);
                output.WriteLine($"已写入 {file}（{sw.ElapsedMilliseconds} 毫秒）");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"gongkai compile：无法写入输出：{e.Message}。请检查输出目录的写入权限。");
            return ExitCodes.CannotWriteOutput;
        }
        catch (CjkFontNotFoundException e)
        {
            error.WriteLine($"gongkai compile：{e.Message}");
            return ExitCodes.CannotWriteOutput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"gongkai compile：内部错误：生成输出时发生意外错误（{Failures.Describe(e)}）{Failures.Details(e)}。这是 gongkai 的缺陷，请把数据文件和这条消息反馈给开发者。");
            return ExitCodes.InternalError;
        }
        output.WriteLine($"汇编完成：表格 {package.Tables.Count()} 张，错误 {errors.Count} 条，警告 {warnings.Count} 条。");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The rules of check, run twice: on the compiled model (tables and topics) and on the package as published
    /// (the Markdown read back, which adds the narrative statements and the 绩效 tables). Findings are merged.
    /// </summary>
    public static List<Finding> Audit(CompiledPackage package)
    {
        var options = new AuditOptions { Catalog = CatalogAdapter.Instance, ReportRoundingDifferences = false };
        var findings = Auditor.Audit(package.Model, options).Findings.ToList();
        var markdown = System.Text.Encoding.UTF8.GetBytes(MarkdownRenderer.ToText(package));
        var published = new Gongkai.Recognition.DisclosureReader().Read(package.Title + ".md", markdown).Disclosure;
        foreach (var f in Auditor.Audit(published, options).Findings)
            if (!findings.Any(x => x.RuleId == f.RuleId && x.Message == f.Message)) findings.Add(f);
        return findings;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"gongkai compile：{message}");
        error.WriteLine("用法：gongkai compile 数据文件 -o 输出目录 [--profile 地区] [--format 格式,...] [--force]；运行 gongkai compile --help 查看说明。");
        return ExitCodes.Usage;
    }
}
