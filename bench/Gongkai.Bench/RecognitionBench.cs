using System.Globalization;
using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition;

namespace Gongkai.Bench;

/// <summary>
/// The recognition report of a whole corpus as one table: per document the standard tables found, the tables and
/// numeric columns that could not be mapped, and the numeric cells by fate (read into the model, identifiers,
/// reported, unplaced); files that are not disclosures or cannot be read are listed as such.
///   dotnet run -c Release --project bench/Gongkai.Bench -- recognition [FILE|DIR ...]
/// </summary>
public static class RecognitionBench
{
    public static int Run(IReadOnlyList<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.GetFiles(input).Where(p => p.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
                    || p.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                    || p.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                    .Where(p => !Path.GetFileName(p).StartsWith("README", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
            else if (File.Exists(input)) files.Add(input);
            else { Console.Error.WriteLine($"找不到：{input}"); return 2; }
        }
        if (files.Count == 0) { Console.Error.WriteLine("没有要读取的文件。"); return 64; }

        var reader = new DisclosureReader();
        Console.WriteLine("| 文件 | 标准表 | 未识别表 | 未识别列 | 数字单元格 | 入模型 | 编码/序号 | 备注 | 未归入 |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        int docs = 0, notDisclosure = 0, unreadable = 0, std = 0, unknown = 0, cols = 0;
        long numeric = 0, bound = 0, structural = 0, reported = 0, unplaced = 0;
        foreach (var f in files)
        {
            var name = Path.GetFileName(f);
            RecognitionSummary r;
            try { r = reader.Read(f).Disclosure.Recognition; }
            catch (ReadException e)
            {
                if (e.Failure == ReadFailure.NotADisclosure) notDisclosure++; else unreadable++;
                Console.WriteLine($"| {name} | {(e.Failure == ReadFailure.NotADisclosure ? "不是公开文档（退出码 2）" : "无法读取（退出码 2）")} | | | | | | | |");
                continue;
            }
            docs++;
            int s = r.Tables.Where(t => t.Kind.IsStandard()).Select(t => t.Kind).Distinct().Count();
            int u = r.Tables.Count(t => t.Kind == TableKind.Unknown);
            int c = r.Tables.Sum(t => t.UnmappedColumns.Count);
            std += s; unknown += u; cols += c;
            numeric += r.NumericCells; bound += r.BoundCells; structural += r.StructuralCells; reported += r.ReportedCells; unplaced += r.UnplacedCells;
            Console.WriteLine($"| {name} | {s} | {u} | {c} | {r.NumericCells} | {r.BoundCells} | {r.StructuralCells} | {r.ReportedCells} | {r.UnplacedCells} |");
        }
        string Pct(long n) => numeric == 0 ? "—" : (100.0 * n / numeric).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        Console.WriteLine($"| **合计（{docs} 份公开文档）** | {std} | {unknown} | {cols} | {numeric} | {bound} ({Pct(bound)}) | {structural} ({Pct(structural)}) | {reported} ({Pct(reported)}) | {unplaced} ({Pct(unplaced)}) |");
        Console.WriteLine();
        Console.WriteLine($"不是公开文档：{notDisclosure} 个；无法读取：{unreadable} 个。");
        return 0;
    }
}
