using Gongkai.Reading;
using Gongkai.Recognition;
foreach (var f in args)
{
    ReadResult r;
    try { r = new DisclosureReader().Read(f); }
    catch (ReadException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    var d = r.Disclosure;
    Console.WriteLine($"{f}: {d.Kind} {d.Year} {d.DepartmentName} {d.Profile} numeric={r.NumericCells} bound={r.BoundCells} structural={r.StructuralCells} unplaced={r.UnplacedCells}");
    foreach (var t in d.Tables)
    {
        Console.WriteLine($"  {t.Kind} [{t.Label}] 《{t.Title}》 rows={t.Rows.Count} grid={t.HasGrid} unit={t.Unit} notes={t.Notes.Count}");
        if (Environment.GetEnvironmentVariable("ROWS") == "1") foreach (var row in t.Rows) Console.WriteLine("     " + row + " | X: " + string.Join(" ", row.Extras.Select(kv => kv.Key + "=" + kv.Value)) + " | T: " + string.Join(" ", row.Texts.Select(kv => kv.Key + "=" + kv.Value)));
    }
    foreach (var n in d.Notes.Take(15)) Console.WriteLine("  NOTE " + n.Message + " @ " + n.Source.Describe());
    foreach (var s in d.Staffing) Console.WriteLine("  STAFF " + s.Category + " " + s.Authorized + " " + s.Actual);
}
return 0;
