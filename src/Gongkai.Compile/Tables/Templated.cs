using System.Globalization;
using Gongkai.Catalogs;
using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// What the regional template (<see cref="RegionTemplates"/>, embedded data) gives the builder: labels and titles, the
/// fixed class rows with their ordinals, the region's line names, the column order, notes, the 编制单位 line and the
/// column-number row. A profile, kind and year without a template keeps the built-in layout.
/// </summary>
public sealed partial class TableBuilder
{
    private RegionTemplate? _template;
    private bool _templateLooked;

    private RegionTemplate? Template
    {
        get
        {
            if (!_templateLooked) { _template = RegionTemplates.Find(_d.Profile, _f.Final ? "final" : "budget", _d.Year); _templateLooked = true; }
            return _template;
        }
    }

    private TableTemplate? Tpl(TableKind kind) => Template?.Table(kind.ToString());

    /// <summary>The region's name of a summary line, or the built-in one.</summary>
    private string LineName(TableKind kind, SummaryLine line, string builtIn) =>
        Tpl(kind)?.Lines.GetValueOrDefault(line.ToString()) ?? builtIn;

    /// <summary>Whether the region leaves the line out (when it carries nothing).</summary>
    private bool Omits(TableKind kind, SummaryLine line) => Tpl(kind)?.OmitLines.Contains(line.ToString()) == true;

    /// <summary>
    /// The template's fixed class list (label with its ordinal, code), followed by any class with money that the list
    /// does not hold (catalog name); null when the template has no class list for the table.
    /// </summary>
    private List<(string Label, string Code)>? TemplateClasses(TableKind kind, IEnumerable<string> withMoney)
    {
        if (Tpl(kind) is not { ClassRows.Count: > 0 } t) return null;
        var list = t.ClassRows.Select(r => (r.Label, r.Code)).ToList();
        foreach (var c in withMoney.Where(c => !list.Any(x => x.Code == c)).ToList()) list.Add((_f.ClassName(c), c));
        return list;
    }

    /// <summary>Value columns in the template's order (columns it does not list keep their place after the listed ones).</summary>
    private int[]? TemplateOrder(TableKind kind, IReadOnlyList<ColumnKey> keys)
    {
        if (Tpl(kind) is not { Measures.Count: > 0 } t) return null;
        int Rank(ColumnKey k) { int i = t.Measures.IndexOf(k.Measure.ToString()); return i < 0 ? int.MaxValue : i; }
        return Enumerable.Range(0, keys.Count).OrderBy(i => Rank(keys[i])).ThenBy(i => i).ToArray();
    }

    /// <summary>Whether the table's template prints 基本支出 as 人员经费 | 公用经费 by 功能 项 and the data gives the split.</summary>
    private bool SplitsBasic(TableKind kind, IEnumerable<FunctionLine> lines) =>
        Tpl(kind)?.Measures.Contains(nameof(Measure.Personnel)) == true && lines.Any(l => l.Public is not null);

    private string Fill(string s) => s.Replace("{year}", _d.Year.ToString(CultureInfo.InvariantCulture)).Replace("{subject}", Subject).Replace("{unit}", UnitForLine)
        .Replace("{entity}", RegionTemplate.Entity(IsUnitScope)).Replace("{budgetEntity}", RegionTemplate.BudgetEntity(IsUnitScope));

    private bool IsUnitScope => _d.Unit.Scope == "unit";

    /// <summary>Whether the region never prints the line (the 一、本年收入 head over its items).</summary>
    private bool Drops(TableKind kind, SummaryLine line) => Tpl(kind)?.DropLines.Contains(line.ToString()) == true;

    /// <summary>
    /// The region's income lines of a summary table (label, line, amount: Σ this year's income of its sources), or null
    /// when the template gives none.
    /// </summary>
    private List<(string Label, SummaryLine Line, decimal Value)>? TemplateIncomeRows(TableKind kind)
    {
        if (Tpl(kind) is not { IncomeRows.Count: > 0 } t) return null;
        return t.IncomeRows.Select(r => (r.Label, Enum.Parse<SummaryLine>(r.Line),
            r.Sources.Sum(s => _f.Income[Enum.Parse<FundSource>(s)]))).ToList();
    }

    /// <summary>
    /// The classes as the template prints them: its fixed list (<see cref="TemplateClasses"/>), or the classes with money
    /// numbered in the template's ordinal style (一、 / （一）), or null (the built-in names).
    /// </summary>
    private List<(string Label, string Code)>? TemplateClassLabels(TableKind kind, IReadOnlyList<string> withMoney)
    {
        if (TemplateClasses(kind, withMoney) is { } fixedList) return fixedList;
        if (Tpl(kind)?.ClassOrdinal is not { Length: > 0 } style) return null;
        return withMoney.Select((c, i) => (Ordinal(style, i) + _f.ClassName(c), c)).ToList();
    }

    /// <summary>The i-th ordinal (0-based) in a style: “一、” → 一、二、…; “（一）” → （一）（二）…; “1、” → 1、2、….</summary>
    private static string Ordinal(string style, int i) => style switch
    {
        "（一）" => $"（{CompileCatalog.Ordinal(i)}）",
        "1、" => $"{i + 1}、",
        _ => $"{CompileCatalog.Ordinal(i)}、",
    };

    /// <summary>Whether a table prints no figure other than zero (its value columns blank or 0.00).</summary>
    private static bool HasNoFigures(RenderTable t)
    {
        var values = t.Columns.Select((c, i) => (c, i)).Where(x => x.c.Role == ColumnRole.Value).Select(x => x.i).ToList();
        return t.Rows.All(r => values.All(i => i >= r.Cells.Length || !decimal.TryParse(r.Cells[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v == 0));
    }

    /// <summary>The unit named on the 编制单位 line: the one 预算单位 of a one-unit department, the department otherwise.</summary>
    private string UnitForLine => _d.Unit.Units.Count == 1 && _d.Unit.Units[0].Name.Length > 0 ? _d.Unit.Units[0].Name : _d.Unit.Name;

    /// <summary>
    /// Label, title, 编制单位 line, column-number row and notes of the template on every table it describes. A note list
    /// numbered from 2 (the 尾数 note) numbers the builder's own note 1.
    /// </summary>
    private List<RenderTable> ApplyTemplate(List<RenderTable> tables)
    {
        if (Template is not { } tpl) return tables;
        // the region's table order (tables it does not describe keep their place after those it does); a table the region
        // does not print when it has no figures is left out then
        tables = tables.Where(t => !(tpl.OmitWhenEmpty.Contains(t.Kind.ToString()) && HasNoFigures(t)))
            .Select((t, i) => (t, i)).OrderBy(x => tpl.Tables.FindIndex(tt => tt.Kind == x.t.Kind.ToString()) is var k and >= 0 ? k : int.MaxValue).ThenBy(x => x.i)
            .Select(x => x.t).ToList();
        foreach (var t in tables)
        {
            if ((tpl.Table(t.Kind.ToString())?.UnitNameLine ?? tpl.UnitNameLine) is { } line) t.UnitNameLine = Fill(line);
            if (tpl.Table(t.Kind.ToString()) is not { } tt) continue;
            if (tt.Label.Length > 0) t.Label = tt.Label;
            if (tt.Title.Length > 0) t.Title = Fill(tt.Title);
            t.ColumnNumbers = tt.ColumnNumbers;
            for (int c = 0; c < t.Columns.Count; c++)
            {
                var col = t.Columns[c];
                var header = col.Header;
                // the region's header of the column: every level that repeats the built-in header (合计 over 合计) is renamed
                if (col.Key is { } key && tt.ColumnNames.TryGetValue(key.Measure.ToString(), out var name)) header = header.Select(h => h == header[^1] ? name : h).ToArray();
                if (tt.ValueGroup is { } group && col.Role == ColumnRole.Value) header = [group, .. header];
                if (tt.SideHeaders.Count == 2 && col.Side != Side.None) header = [col.Side == Side.Income ? tt.SideHeaders[0] : tt.SideHeaders[1], .. header];
                if (!ReferenceEquals(header, col.Header)) t.Columns[c] = col with { Header = header };
            }
            if (tt.EmptyWithoutTotal && t.Rows.Count == 1 && t.Rows[0].MetaOf(0).IsTotal && t.Notes.Count > 0) t.Rows.Clear();
            // the region's unit of the table (上海 预算 tables 1–8 in 元): the cells converted exactly from 万元
            if (tt.UnitLine is { } unitLine)
            {
                t.UnitLine = unitLine;
                if (UnitConversion.IsYuan(unitLine)) UnitConversion.ToYuan(t);
            }
            if (tt.Notes.Count == 0) continue;
            if (tt.Notes[0].StartsWith("2.", StringComparison.Ordinal))
            {
                if (t.Notes.Count != 1 || !t.Notes[0].StartsWith("注：本表反映", StringComparison.Ordinal)) continue; // an empty table's note stands alone
                t.Notes[0] = "注：1. " + t.Notes[0]["注：".Length..];
            }
            t.Notes.AddRange(tt.Notes.Select(Fill));
        }
        return tables;
    }

    /// <summary>Empty-table note of the template, or the built-in one.</summary>
    private string EmptyNoteOf(TableKind kind, string builtIn) => Tpl(kind)?.EmptyNote is { } n ? Fill(n) : builtIn;

    /// <summary>
    /// The rows of a two-block table fixed by the template (CQ 公开09): each label printed in the template's order with
    /// the values the builder knows for it (by label, spaces ignored); a fixed row the builder has no figure for prints
    /// “—” for its budget and a blank for its final amount.
    /// </summary>
    private static List<string[]> FixedRows(IEnumerable<string> labels, Dictionary<string, string[]> known, int width, Func<string, string> fill)
    {
        var rows = new List<string[]>();
        foreach (var raw in labels)
        {
            var label = fill(raw);
            if (known.TryGetValue(RegionTemplates.Squeeze(label), out var v)) rows.Add([label, .. v]);
            else rows.Add([label, .. width == 2 ? new[] { "—", "" } : new[] { "" }]);
        }
        return rows;
    }
}
