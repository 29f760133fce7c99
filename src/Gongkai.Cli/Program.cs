using Gongkai.Reading;
foreach (var f in args)
{
    var doc = new DocumentReader().Read(f);
    Console.WriteLine($"{f}: {doc.Blocks.Count} blocks, {doc.Tables.Count()} tables");
    foreach (var t in doc.Tables)
        Console.WriteLine($"  T{t.Index} {t.Syntax} line {t.Source.Line} rows={t.Rows.Count} width={t.Width} first={string.Join("|", t.Rows[0].Cells.Select(c => c.Text)).Substring(0, Math.Min(60, string.Join("|", t.Rows[0].Cells.Select(c => c.Text)).Length))}");
}
