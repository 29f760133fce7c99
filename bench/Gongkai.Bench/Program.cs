using System.Diagnostics;
using Gongkai.Reading;
using Gongkai.Reading.Pdf;
using Gongkai.Recognition;

// Timing of the PDF reader on the sample PDFs: dotnet run -c Release --project bench/Gongkai.Bench [folder]
// Prints, per file, the first (cold, JIT included) read and the best of five warm runs of reading alone and of
// reading + recognition. Compare with `pdftotext -layout` on the same files.
var folder = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "samples", "pdf");
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"找不到样本目录：{folder}");
    return 2;
}
foreach (var file in Directory.GetFiles(folder, "*.pdf").OrderBy(f => f))
{
    var sw = Stopwatch.StartNew();
    new DisclosureReader().Read(file);
    long cold = sw.ElapsedMilliseconds, read = long.MaxValue, full = long.MaxValue;
    for (int i = 0; i < 5; i++)
    {
        sw.Restart();
        new DocumentReader([new PdfDocumentReader()]).Read(file);
        read = Math.Min(read, sw.ElapsedMilliseconds);
        sw.Restart();
        new DisclosureReader().Read(file);
        full = Math.Min(full, sw.ElapsedMilliseconds);
    }
    Console.WriteLine($"{Path.GetFileName(file),-50} cold {cold,5} ms   read {read,4} ms   read+recognize {full,4} ms");
}
return 0;
