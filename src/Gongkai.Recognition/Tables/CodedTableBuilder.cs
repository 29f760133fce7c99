using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Tables of classified rows (收入总表, 支出总表, 一般公共预算支出表, 基本支出表, 公开02/03/05/06/07/08 …):
/// a code column, a name column and value columns; side-by-side blocks (公开06: 301/303 | 302/307 | 310/312/399);
/// 部门 and 政府 economic codes paired on one row (XA 表6/表8).
/// </summary>
public sealed class CodedTableBuilder
{
    private readonly RecognitionLedger _ledger;
    public CodedTableBuilder(RecognitionLedger ledger) => _ledger = ledger;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DisclosureTable, SplitCodes.Staggered> Carries = new();

    private sealed record Block(int Start, int CodeCol, int NameCol, int? PairedCol, int? PairedNameCol, List<(int Col, ColumnKey? Key, string Header, bool Detail)> Values);

    public void Build(DisclosureTable t, List<GridRow> rows, bool isContinuation)
    {
        // staggered 类 | 款 | 项 codes carry over the pages of one table
        rows = SplitCodes.Join(rows, _ledger, Carries.GetOrCreateValue(t));
        var (header, data) = Grid.Split(rows);
        foreach (var h in header) foreach (var c in h.Row.Cells) if (Numbers.Parse(c.Text).IsNumeric) _ledger.MarkStructural(c);
        int width = rows.Max(r => r.Width);
        // a continued page without a header of its own (at most blank rows) reads with the first page's columns
        string[] paths = header.Any(h => !h.Row.IsBlank) || !isContinuation
            ? Grid.Paths(header, width)
            : Enumerable.Range(0, width).Select(c => t.Columns.FirstOrDefault(x => x.Index == c)?.Header ?? "").ToArray();
        bool byUnit = t.Kind == TableKind.GeneralExpenditureByUnit;
        if (!isContinuation && !byUnit && TryTotalsOnly(t, data, paths)) return;

        // code columns: where data rows carry classification codes. A column that also holds amounts is a code column
        // only under a header naming codes: in a 元 table without decimals an amount such as 500 or 20000 has the shape of
        // a code (a 政府经济分类 503, a 款 20000), and two of them do not make an amount column a code column
        var codeCols = new List<int>();
        for (int c = 0; c < width; c++)
        {
            int n = data.Count(r => Grid.IsCode(r[c].Trim()));
            if (!(n >= 2 || n >= 1 && data.Count <= 3)) continue;
            int amounts = data.Count(r => r[c].Trim() is var x && !Grid.IsCode(x) && Numbers.Parse(x).IsNumeric);
            if (amounts > 0 && !NamesCodes(paths[c])) continue;
            codeCols.Add(c);
        }
        // GZ: the code printed in brackets in the name cell ([2010301]行政运行): one column is both code and name
        int bracketCol = codeCols.Count == 0 ? Enumerable.Range(0, width).FirstOrDefault(c => data.Count(r => BracketedCode(r[c], plain: false) is not null) is var n && (n >= 2 || n >= 1 && data.Count <= 3), -1) : -1;
        // … or before it without brackets (2010301 行政运行): read so only where one column prints them (side-by-side
        // blocks of merged cells would each need their own code column)
        bool plainCodes = false;
        if (codeCols.Count == 0 && bracketCol < 0)
        {
            var plain = Enumerable.Range(0, width).Where(c => data.Count(r => BracketedCode(r[c], plain: true) is not null) is var n && (n >= 2 || n >= 1 && data.Count <= 3)).ToList();
            if (plain.Count == 1) { bracketCol = plain[0]; plainCodes = true; }
        }
        if (bracketCol >= 0) codeCols.Add(bracketCol);
        // no codes printed (rows named only, 功能分类科目名称 | 合计 | …): the first column is the name, not a code column
        bool namesOnly = codeCols.Count == 0 && width > 1 && NamesOnly(data, paths);
        if (codeCols.Count == 0) codeCols.Add(0);
        var blocks = new List<Block>();
        var starts = new List<int>();
        foreach (var c in codeCols)
        {
            // a government-economic code column paired with a department one in the same block
            bool gov = data.Where(r => Grid.IsCode(r[c].Trim())).All(r => r[c].Trim()[0] == '5');
            if (gov && starts.Count > 0) continue;
            starts.Add(c);
        }
        for (int b = 0; b < starts.Count; b++)
        {
            int s = starts[b], e = b + 1 < starts.Count ? starts[b + 1] : width;
            int? paired = codeCols.FirstOrDefault(c => c > s && c < e) is int p && p > 0 ? p : null;
            // the name column follows the code column; a table without codes (单位名称 | 总计 | …, 功能分类科目名称 | 合计 | …)
            // has its labels in the first column and its values right after: a column of numbers is never the name column,
            // nor one headed by an amount (科目 | 合计 | 基本支出 …: code and name merged) that prints no name
            int nameCol = namesOnly || s == bracketCol || s + 1 < e && (MostlyNumeric(data, s + 1) || AmountHeaded(data, paths, s + 1, t.Kind)) ? s : s + 1;
            var valueCols = Enumerable.Range(s, e - s).Where(c => c != s && c != nameCol && c != paired && c != paired + 1);
            var values = ColumnMeaning.Plan(paths, valueCols.ToList(), t.Kind, ColumnMeaning.TitleYear(t.Title)).Select(p => (p.Col, p.Key, paths[p.Col], p.Detail)).ToList();
            blocks.Add(new Block(s, s, nameCol, paired, paired + 1, values));
        }
        if (!isContinuation)
            foreach (var (blk, bi) in blocks.Select((x, i) => (x, i)))
                foreach (var (c, key, h, detail) in blk.Values)
                    t.Columns.Add(new TableColumn(c, h, key, bi, detail));

        bool firstData = true;
        int section = t.Rows.Count > 0 ? t.Rows[^1].Section : 0;
        foreach (var r in data)
        {
            if (TryEconomicTotals(t, r)) { firstData = false; continue; }
            // a unit heading (预算单位 name, no code, with the unit's figures) opens a section of its own coded rows
            if ((!firstData || t.Rows.Count > 0) && blocks.Count == 1 && !byUnit && !namesOnly && bracketCol < 0 && UnitHeading(r, blocks[0]) is string unit && HasCodedRowAfter(data, r, blocks[0]))
            {
                section++;
                t.Sections = Math.Max(t.Sections, section);
                var head = new DataRow { Label = unit, Section = section, Source = r.Row.Source };
                foreach (var (col, key, h, _) in blocks[0].Values)
                {
                    var cell = r.Cell(col);
                    if (cell is null || Numbers.Parse(cell.Text).Kind == CellValueKind.Text) continue;
                    var fig = Grid.ToFigure(cell, t);
                    if (key is ColumnKey k && !head.Values.ContainsKey(k)) head.Values[k] = fig;
                    else if (fig.IsNumber) head.Extras[h.Length > 0 ? h : $"列{col}"] = fig;
                }
                t.Rows.Add(head);
                continue;
            }
            for (int b = 0; b < blocks.Count; b++)
            {
                var blk = blocks[b];
                var codeText = r[blk.CodeCol].Trim();
                var name = r[blk.NameCol].Trim();
                if (blk.CodeCol == bracketCol)
                {
                    // [2010301]行政运行 → code 2010301, name 行政运行; a cell without brackets (合计) is the name
                    if (BracketedCode(codeText, plainCodes) is { } bc) (codeText, name) = bc;
                    else codeText = "";
                }
                var cCode = TextNormalizer.Compact(codeText);
                var cName = TextNormalizer.Compact(name);
                bool hasNumber = blk.Values.Any(v => Numbers.Parse(r[v.Col]).IsNumeric);
                bool isCode = Grid.IsCode(codeText);
                bool isTotal = cCode is "合计" or "总计" || cName is "合计" or "总计"
                               || !isCode && cCode.Length == 0 && cName.Length == 0 && b == 0 && firstData && hasNumber;
                if (!isCode && !isTotal && name.Length == 0 && codeText.Length == 0 && !hasNumber) continue;
                ClassificationCode? code = null;
                string? unitCode = null;
                if (isCode && !byUnit) code = ClassificationCode.TryCreate(codeText);
                else if (!byUnit && blk.CodeCol != bracketCol && codeText.Length is 6 or 8 && MistypedCodes.Read(codeText, name, Neighbour(data, r, blk.CodeCol, -1), Neighbour(data, r, blk.CodeCol, +1)) is { } mistyped)
                    code = mistyped;
                else if (codeText.Length > 0 && codeText.All(char.IsAsciiDigit)) unitCode = codeText;
                isCode |= code is not null;
                if ((isCode || unitCode is not null) && blk.CodeCol != bracketCol) _ledger.MarkStructural(r.Cell(blk.CodeCol));
                ClassificationCode? pairedCode = null;
                string? pairedName = null;
                if (blk.PairedCol is int pc && Grid.IsCode(r[pc].Trim()))
                {
                    pairedCode = ClassificationCode.TryCreate(r[pc].Trim());
                    pairedName = r[pc + 1].Trim();
                    _ledger.MarkStructural(r.Cell(pc));
                }
                var label = isTotal && name.Length == 0 ? (cCode.Length > 0 && !isCode ? codeText : "合计") : name;
                if (!isCode && !isTotal && name.Length == 0 && codeText.Length > 0 && unitCode is null) label = codeText;
                var row = new DataRow
                {
                    Label = label,
                    Code = code,
                    PairedCode = pairedCode,
                    PairedLabel = pairedName,
                    UnitCode = unitCode,
                    IsTotal = isTotal,
                    Block = b,
                    Section = isTotal ? 0 : section,
                    Source = r.Cell(blk.NameCol)?.Source ?? r.Row.Source,
                };
                foreach (var (col, key, h, _) in blk.Values)
                {
                    var cell = r.Cell(col);
                    if (cell is null) continue;
                    var v = Numbers.Parse(cell.Text);
                    if (v.Kind == CellValueKind.Text)
                    {
                        if (cell.Text.Trim().Length > 0) row.Texts[h.Length > 0 ? h : $"列{col}"] = cell.Text.Trim();
                        continue;
                    }
                    var fig = Grid.ToFigure(cell, t);
                    if (key is ColumnKey k && !row.Values.ContainsKey(k)) row.Values[k] = fig;
                    else if (fig.IsNumber) row.Extras[h.Length > 0 ? h : $"列{col}"] = fig;
                }
                t.Rows.Add(row);
            }
            firstData = false;
        }
    }

    /// <summary>A column headed by an amount (合计, 基本支出 …) with no text in its rows: a value column even where no row
    /// prints a figure in it (an empty table, a column of blanks).</summary>
    private static bool AmountHeaded(List<GridRow> data, string[] paths, int c, TableKind kind) =>
        ColumnMeaning.Of(paths[c], kind) is not null
        && !data.Any(r => r[c].Trim() is { Length: > 0 } x && Numbers.Parse(x).Kind == CellValueKind.Text && TextNormalizer.Compact(x) is not ("合计" or "总计"));

    /// <summary>A column header (its lowest level) naming codes (科目编码, 经济分类科目, 功能科目代码 …) or none at all.</summary>
    private static bool NamesCodes(string path)
    {
        var p = TextNormalizer.Compact(path.Split('/')[^1]);
        return p.Length == 0 || p.Contains("编码") || p.Contains("代码") || p.Contains("科目") || p.Contains("编号");
    }

    /// <summary>The nearest well-formed code printed above (<paramref name="step"/> −1) or below (+1) a row in a code column.</summary>
    private static string? Neighbour(List<GridRow> data, GridRow r, int col, int step)
    {
        int i = data.FindIndex(x => x.Index == r.Index);
        if (i < 0) return null;
        for (int j = i + step; j >= 0 && j < data.Count; j += step)
            if (data[j][col].Trim() is var c && Grid.IsCode(c)) return c;
        return null;
    }

    /// <summary>A cell holding a classification code before its name, in brackets or not: [2010301]行政运行, 【301】工资福利支出,
    /// 2010301 行政运行, 30101基本工资 (the code ends where the digits end and a Chinese name begins).</summary>
    private static (string Code, string Name)? BracketedCode(string text, bool plain)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^[\[【]\s*([0-9]{3}|[0-9]{5}|[0-9]{7})\s*[\]】]\s*(\S.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!m.Success && plain) m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^([0-9]{3}|[0-9]{5}|[0-9]{7})(?![0-9.,])\s*(\p{IsCJKUnifiedIdeographs}.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
        return m.Success && Grid.IsCode(m.Groups[1].Value) ? (m.Groups[1].Value, m.Groups[2].Value.Trim()) : null;
    }

    private static bool MostlyNumeric(List<GridRow> data, int c)
    {
        int num = 0, text = 0;
        foreach (var r in data)
        {
            var v = Numbers.Parse(r[c].Trim());
            if (v.IsNumeric) num++;
            else if (v.Kind == CellValueKind.Text) text++;
        }
        return num > 0 && num > 2 * text;
    }

    /// <summary>
    /// The unit name of a unit heading row: no classification code, a text label (in the columns left of the code column
    /// or in the name column) that is not 合计/总计, and figures in the value columns.
    /// </summary>
    private static string? UnitHeading(GridRow r, Block blk)
    {
        if (Grid.IsCode(r[blk.CodeCol].Trim())) return null;
        if (!blk.Values.Any(v => Numbers.Parse(r[v.Col]).IsNumeric)) return null;
        string? label = null;
        for (int c = 0; c <= blk.NameCol && c < r.Width; c++)
        {
            var x = r[c].Trim();
            if (x.Length == 0) continue;
            if (Numbers.Parse(x).Kind != CellValueKind.Text) return null;
            if (label is not null) return null;
            label = x;
        }
        if (label is null || TextNormalizer.Compact(label) is "合计" or "总计" || LineNames.IsSubItem(label)) return null;
        return label;
    }

    private static bool HasCodedRowAfter(List<GridRow> data, GridRow r, Block blk)
    {
        // the last row of a page may head the unit whose coded rows follow on the next page
        int i = data.FindIndex(x => x.Index == r.Index);
        return i >= 0 && (i + 1 == data.Count || Grid.IsCode(data[i + 1][blk.CodeCol].Trim()));
    }

    /// <summary>
    /// A table whose rows are named but not coded: the first column holds text in the data rows (at least half of
    /// those with a label) and no value, the second holds numbers, and the first header names it (名称 / 项目 / 单位).
    /// </summary>
    private static bool NamesOnly(List<GridRow> data, string[] paths)
    {
        var h = TextNormalizer.Compact(paths[0]);
        if (h.Length > 0 && !(h.Contains("名称") || h.Contains("项目") || h.Contains("单位") || h.Contains("科目"))) return false;
        if (h.Contains("编码") || h.Contains("代码")) return false;
        int text = 0, numeric0 = 0, numeric1 = 0;
        foreach (var r in data)
        {
            var a = r[0].Trim();
            if (a.Length > 0 && Numbers.Parse(a).IsNumeric) numeric0++;
            else if (a.Length > 0) text++;
            if (Numbers.Parse(r[1].Trim()).IsNumeric) numeric1++;
        }
        return text > 0 && numeric0 == 0 && numeric1 * 2 >= data.Count;
    }

    /// <summary>
    /// Jiangsu 支出预算总表 (JS17B p10): no function rows, one value row under 合计 | 基本支出 | 项目支出 | 单位预留机动经费 |
    /// 结转下年资金. The first column is headed 合计, no cell of the data holds a code or a label, and there is one data row:
    /// that row is the total and every column is a value column.
    /// </summary>
    private bool TryTotalsOnly(DisclosureTable t, List<GridRow> data, string[] paths)
    {
        if (data.Count != 1 || paths.Length < 2 || TextNormalizer.Compact(paths[0]) is not ("合计" or "总计")) return false;
        var r = data[0];
        var cells = r.Row.NonEmpty.ToList();
        if (cells.Count == 0 || cells.Any(c => Numbers.Parse(c.Text).Kind is not (CellValueKind.Number or CellValueKind.Dash))) return false;
        var row = new DataRow { Label = "合计", IsTotal = true, Source = r.Cell(0)?.Source ?? r.Row.Source };
        for (int c = 0; c < paths.Length; c++)
        {
            var key = ColumnMeaning.Of(paths[c], t.Kind);
            if (key is { Measure: Measure.Amount } k) key = new ColumnKey(Measure.Total, k.Basis);
            t.Columns.Add(new TableColumn(c, paths[c], key, 0));
            var cell = r.Cell(c);
            if (cell is null) continue;
            var fig = Grid.ToFigure(cell, t);
            if (key is ColumnKey ck && !row.Values.ContainsKey(ck)) row.Values[ck] = fig;
            else if (fig.IsNumber) row.Extras[paths[c].Length > 0 ? paths[c] : $"列{c}"] = fig;
        }
        t.Rows.Add(row);
        return true;
    }

    /// <summary>公开06: "人员经费合计 … 638.40 | 公用经费合计 … 125.12" — one total row with 人员 and 公用.</summary>
    private bool TryEconomicTotals(DisclosureTable t, GridRow r)
    {
        int personnelLabel = -1, publicLabel = -1;
        for (int c = 0; c < r.Width; c++)
        {
            var x = TextNormalizer.Compact(r[c]);
            if (x.StartsWith("人员经费合计", StringComparison.Ordinal)) personnelLabel = c;
            else if (x.StartsWith("公用经费合计", StringComparison.Ordinal)) publicLabel = c;
        }
        if (personnelLabel < 0 && publicLabel < 0) return false;
        var row = new DataRow { Label = "合计", IsTotal = true, Source = r.Row.Source };
        void Take(int from, int to, Measure m)
        {
            for (int c = from + 1; c < to && c < r.Width; c++)
            {
                var cell = r.Cell(c)!;
                if (Numbers.Parse(cell.Text).Kind is CellValueKind.Number)
                {
                    row.Values[m] = Grid.ToFigure(cell, t);
                    return;
                }
            }
        }
        if (personnelLabel >= 0) Take(personnelLabel, publicLabel > personnelLabel ? publicLabel : r.Width, Measure.Personnel);
        if (publicLabel >= 0) Take(publicLabel, personnelLabel > publicLabel ? personnelLabel : r.Width, Measure.Public);
        t.Rows.Add(row);
        return true;
    }
}
