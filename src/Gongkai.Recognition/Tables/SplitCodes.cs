using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Classification codes printed over several columns — 类 | 款 | 项 ("201 | 06 | 01", Shanghai 决算 function tables) or
/// 类 | 款 ("301 | 01", economic tables) — are joined into one code cell ("2010601", "30101") and the name moved next
/// to it, so that coded tables read the same whichever way the code was printed. Side-by-side blocks are each joined.
/// The digits of the 款 and 项 cells are marked structural; every cell keeps its own provenance. Tables read by their
/// column headers (政府采购, 政府购买服务: <paramref name="moveNames"/> false) keep the name in its own column and only
/// lose the 款/项 digits, which are now part of the code.
/// </summary>
public static class SplitCodes
{
    public static List<GridRow> Join(List<GridRow> rows, RecognitionLedger ledger, Staggered? carry = null, bool moveNames = true)
    {
        int width = rows.Count == 0 ? 0 : rows.Max(r => r.Width);
        for (int c = 0; c + 2 < width; c++)
        {
            if (IsStaggered(rows, c, width, carry?.Class is not null))
            {
                carry ??= new Staggered();
                var joined = new List<GridRow>();
                foreach (var r in rows) joined.Add(RewriteStaggered(r, c, carry, ledger, moveNames));
                rows = joined;
                c += 2;
                continue;
            }
            int parts = Parts(rows, c, width);
            if (parts == 0) continue;
            string? cls = null, kuan = null;
            var rewritten = new List<GridRow>(rows.Count);
            foreach (var r in rows) rewritten.Add(Rewrite(r, c, parts, ledger, ref cls, ref kuan, moveNames));
            rows = rewritten;
            c += parts;
        }
        return rows;
    }

    /// <summary>
    /// The 类 and 款 last seen in a staggered code layout, kept across the pages of one table (a continued page opens
    /// with 款 or 项 rows of the 类 printed on the page before).
    /// </summary>
    public sealed class Staggered
    {
        public string? Class;
        public string? Section;
    }

    /// <summary>
    /// 类 | 款 | 项 columns where a row prints only the levels below the rows above it (201 || ; | 40 | ; | | 01, or a 项 row
    /// printed in full 205 | 03 | 99 under a 款 row printed as | 03 |): the missing digits come from the rows above.
    /// </summary>
    private static bool IsStaggered(List<GridRow> rows, int c, int width, bool continued)
    {
        if (c + 3 >= width) return false;
        int classes = 0, partial = 0, bad = 0;
        foreach (var r in rows)
        {
            var a = r[c].Trim();
            var b = r[c + 1].Trim();
            var d = r[c + 2].Trim();
            if (IsClass(a))
            {
                classes++;
                if (b.Length > 0 && !IsPart(b)) bad++;
            }
            else if (a.Length == 0 && IsPart(b) && (d.Length == 0 || IsPart(d))) partial++;
            else if (a.Length == 0 && b.Length == 0 && IsPart(d)) partial++;
            else if (IsPart(a)) bad++;
        }
        return (classes > 0 || continued) && partial > 0 && bad == 0;
    }

    private static GridRow RewriteStaggered(GridRow r, int c, Staggered carry, RecognitionLedger ledger, bool moveNames)
    {
        var a = r[c].Trim();
        var b = r[c + 1].Trim();
        var d = r[c + 2].Trim();
        string? code = null;
        SourceCell? source = null;
        if (IsClass(a) && b.Length == 0 && IsPart(d))
        {
            return Misaligned(r, c, ledger, c + 3); // a 项 printed with its 类 and no 款 (201 |  | 01)
        }
        if (IsClass(a))
        {
            carry.Class = a;
            carry.Section = null;
            code = a;
            source = r.Cell(c);
            if (IsPart(b))
            {
                carry.Section = a + b;
                code = carry.Section + (IsPart(d) ? d : "");
            }
        }
        else if (a.Length == 0 && IsPart(b) && carry.Class is not null)
        {
            carry.Section = carry.Class + b;
            code = carry.Section + (IsPart(d) ? d : "");
            source = IsPart(d) ? r.Cell(c + 2) : r.Cell(c + 1);
        }
        else if (a.Length == 0 && b.Length == 0 && IsPart(d) && carry.Section is not null)
        {
            code = carry.Section + d;
            source = r.Cell(c + 2);
        }
        if (code is null || source is null || c + 3 >= r.Width) return r;
        if (IsPart(b)) ledger.MarkStructural(r.Cell(c + 1));
        if (IsPart(d)) ledger.MarkStructural(r.Cell(c + 2));
        var cells = r.Row.Cells.ToList();
        var name = r.Cell(c + 3)!;
        cells[c] = cells[c] with { Text = code, Source = source.Source };
        cells[c + 1] = moveNames ? name with { Column = c + 1 } : cells[c + 1] with { Text = "" };
        cells[c + 2] = cells[c + 2] with { Text = "" };
        if (moveNames) cells[c + 3] = cells[c + 3] with { Text = "" };
        return new GridRow(r.Index, r.Row with { Cells = cells });
    }

    /// <summary>How many code columns start at <paramref name="c"/>: 3 (类 款 项), 2 (类 款) or 0 (not split).</summary>
    private static int Parts(List<GridRow> rows, int c, int width)
    {
        int withPart = 0, withThird = 0, bad = 0;
        foreach (var r in rows)
        {
            if (!IsClass(r[c].Trim())) continue;
            var b = r[c + 1].Trim();
            var d = c + 2 < width ? r[c + 2].Trim() : "";
            if (b.Length > 0 && !IsPart(b)) { bad++; continue; }
            if (IsPart(b)) withPart++;
            if (IsPart(d)) withThird++;
        }
        if (bad > 0 || withPart == 0) return 0;
        return withThird > 0 && c + 3 < width ? 3 : 2;
    }

    /// <summary>
    /// A 项 printed with its 类 and its 款 cell blank (201 |  | 01) at column <paramref name="c"/>: which 款 it belongs to is
    /// not printed, so the row is not filed (never as the 类); the ledger notes it for GK512 and the row keeps its name
    /// (at <paramref name="nameColumn"/>) and amounts with its code cells emptied.
    /// </summary>
    private static GridRow Misaligned(GridRow r, int c, RecognitionLedger ledger, int nameColumn)
    {
        ledger.NoteMisaligned(r.Cell(c), $"{r[c].Trim()} |  | {r[c + 2].Trim()}", NameOf(r, nameColumn));
        ledger.MarkStructural(r.Cell(c + 2));
        return Blank(r, c);
    }

    private static string NameOf(GridRow r, int c) => c < r.Width ? r[c].Trim() : "";

    /// <summary>The row with its code cells emptied (the name and the amounts stay where they are).</summary>
    private static GridRow Blank(GridRow r, int c)
    {
        var cells = r.Row.Cells.ToList();
        for (int k = c; k < Math.Min(c + 3, cells.Count); k++)
            if (IsClass(cells[k].Text.Trim()) || IsPart(cells[k].Text.Trim())) cells[k] = cells[k] with { Text = "" };
        return new GridRow(r.Index, r.Row with { Cells = cells });
    }

    private static bool IsClass(string s) => s.Length == 3 && s.All(char.IsAsciiDigit) && s[0] is '2' or '3' or '5';
    private static bool IsPart(string s) => s.Length == 2 && s.All(char.IsAsciiDigit);

    private static GridRow Rewrite(GridRow r, int c, int parts, RecognitionLedger ledger, ref string? cls, ref string? kuan, bool moveNames)
    {
        var a = r[c].Trim();
        // code rows, and data rows without a code (the 合计 row printed on the 类 | 款 | 项 header line)
        if (!IsClass(a) && !Grid.IsDataRow(r.Row)) return r;
        if (c + parts >= r.Width) return r;
        var code = a;
        if (parts == 3 && IsClass(a) && r[c + 1].Trim().Length == 0 && IsPart(r[c + 2].Trim()))
        {
            return Misaligned(r, c, ledger, c + parts); // a 项 row printed with its 款 cell blank (201 |  | 01)
        }
        if (IsClass(a))
        {
            cls = a;
            kuan = null;
            for (int k = 1; k < parts && IsPart(r[c + k].Trim()); k++) code += r[c + k].Trim();
            if (code.Length >= 5) kuan = code[3..5];
        }
        else if (a.Length == 0 && cls is not null && IsPart(r[c + 1].Trim()))
        {
            // a 款 printed as its last two digits under its 类 (205 | 03 → 20503), a 项 under its 款 (… | 99 → 2050399)
            kuan = r[c + 1].Trim();
            code = cls + kuan + (parts == 3 && IsPart(r[c + 2].Trim()) ? r[c + 2].Trim() : "");
        }
        else if (a.Length == 0 && parts == 3 && cls is not null && kuan is not null && r[c + 1].Trim().Length == 0 && IsPart(r[c + 2].Trim()))
            code = cls + kuan + r[c + 2].Trim();
        else code = "";
        bool coded = code.Length > 0;
        var cells = r.Row.Cells.ToList();
        for (int k = 1; k < parts; k++) ledger.MarkStructural(r.Cell(c + k));
        var name = r.Cell(c + parts)!;
        cells[c] = cells[c] with { Text = coded ? code : cells[c].Text };
        if (!moveNames)
        {
            for (int k = 1; k < parts; k++) cells[c + k] = cells[c + k] with { Text = "" };
            return new GridRow(r.Index, r.Row with { Cells = cells });
        }
        cells[c + 1] = name with { Column = c + 1 };
        for (int k = 2; k <= parts; k++) cells[c + k] = cells[c + k] with { Text = "" };
        return new GridRow(r.Index, r.Row with { Cells = cells });
    }
}
