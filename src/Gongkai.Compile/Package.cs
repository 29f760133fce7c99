using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>A block of the compiled document, in reading order.</summary>
public abstract record Block;

/// <summary>A heading: level 1 is the document title, 2 a part (一、), 3 a section (（一）).</summary>
public sealed record HeadingBlock(int Level, string Text) : Block;

public sealed record ParagraphBlock(string Text) : Block;

public sealed record TableBlock(RenderTable Table) : Block;

/// <summary>What a column holds.</summary>
public enum ColumnRole { Code, Label, Value }

/// <summary>A printed column: its header cells (top to bottom), its meaning, and the segment (side or block) it belongs to.</summary>
public sealed record RenderColumn(string[] Header, ColumnRole Role, ColumnKey? Key = null, int Segment = 0, Side Side = Side.None)
{
    /// <summary>Presentation hint: the column holds amounts (right-aligned, never wrapped). Null: a Value column is one,
    /// and in other columns each cell that reads as a number is treated as an amount.</summary>
    public bool? Amount { get; init; }
}

/// <summary>Per segment model metadata of a printed row.</summary>
public readonly record struct RowMeta(SummaryLine Line = SummaryLine.None, bool IsTotal = false, bool IsSubItem = false, string? Code = null);

public sealed class RenderRow
{
    public RenderRow(string[] cells, params RowMeta[] meta)
    {
        Cells = cells;
        Meta = meta;
    }

    public string[] Cells { get; }
    /// <summary>Metadata per segment (index = segment); missing means default.</summary>
    public RowMeta[] Meta { get; }
    public RowMeta MetaOf(int segment) => segment < Meta.Length ? Meta[segment] : default;
    /// <summary>Model rows to use instead of the generic per-segment conversion (special rows such as 人员经费合计 | 公用经费合计).</summary>
    public List<DataRow>? ModelRows { get; init; }
    /// <summary>Presentation hint: the row is a section label (资金情况, 绩效目标, 绩效指标 …) printed as one cell across all
    /// columns. Null: see <see cref="RenderTable.IsSectionRow"/>.</summary>
    public bool? Section { get; init; }
    /// <summary>
    /// Presentation hint for label-layout tables (绩效): the column span of each cell — n ≥ 1 starts a merged cell of n
    /// columns, 0 marks a cell covered by the merged cell to its left; null means no merges.
    /// </summary>
    public int[]? Spans { get; init; }
    /// <summary>Presentation hint: the cells (by column) that hold amounts or scores, to be right-aligned. Null: see
    /// <see cref="RenderTable.IsAmountCell(int, string)"/>.</summary>
    public bool[]? Numeric { get; init; }
}

/// <summary>A table as printed: label, title, unit, header rows, data rows, notes — shared by every renderer.</summary>
public sealed class RenderTable
{
    public TableKind Kind { get; init; }
    public string Label { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>单位：万元 (or 元).</summary>
    public string UnitLine { get; set; } = "单位：万元";
    /// <summary>The unit of the value cells: 万元 (the builder's) or 元 (a region printing the table in 元, see <see cref="UnitConversion"/>).</summary>
    public ValueUnit Unit { get; set; } = ValueUnit.WanYuan;
    /// <summary>Decimals printed in the value cells (2; a table in 元 of whole amounts prints none).</summary>
    public int Decimals { get; set; } = 2;
    public List<RenderColumn> Columns { get; } = new();
    public List<RenderRow> Rows { get; } = new();
    public List<string> Notes { get; } = new();
    /// <summary>Side-by-side blocks (公开06) rather than the two sides of a summary table.</summary>
    public bool SegmentsAreBlocks { get; init; }
    /// <summary>Not converted into the table model (performance tables have their own model).</summary>
    public bool NoModel { get; init; }
    /// <summary>The region's 编制单位 line printed with the table (单位名称：… / 部门：…), from the template; null when none.</summary>
    public string? UnitNameLine { get; set; }
    /// <summary>A row of column numbers (栏次 1, 2, 3 …) closes the header (template).</summary>
    public bool ColumnNumbers { get; set; }
    public int HeaderRowCount => Columns.Count == 0 ? 0 : Columns.Max(c => c.Header.Length) + (ColumnNumbers ? 1 : 0);

    /// <summary>Header row r, padded: a column with fewer header cells is bottom-aligned (its first cell repeats upward).</summary>
    public string[] HeaderRow(int r)
    {
        int n = Columns.Max(c => c.Header.Length);
        if (r >= n) return Columns.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Columns.Select(c =>
        {
            int offset = n - c.Header.Length;
            return r < offset ? c.Header[0] : c.Header[r - offset];
        }).ToArray();
    }

    public bool IsNumeric(int column) => Columns[column].Amount ?? Columns[column].Role == ColumnRole.Value;

    /// <summary>Presentation hint: print the table on landscape pages (null: when it does not fit a portrait page).</summary>
    public bool? Landscape { get; set; }

    /// <summary>Whether row r is a section label across all columns: the row's hint, else (tables without a model, such
    /// as the 绩效 tables, of three columns or more) a row whose only text is in its first cell and that is followed by a
    /// row of sub-headings (three or more texts, none of them a figure) — a label row whose value is merely empty is not one.</summary>
    public bool IsSectionRow(int r)
    {
        var row = Rows[r];
        if (row.Section is { } hint) return hint;
        if (!NoModel || Columns.Count <= 2 || row.Cells.Length == 0 || row.Cells[0].Trim().Length == 0
            || !row.Cells.Skip(1).All(string.IsNullOrWhiteSpace) || r + 1 >= Rows.Count) return false;
        var next = Rows[r + 1].Cells.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        return next.Count >= 3 && !next.Any(LooksLikeAmount);
    }

    /// <summary>Whether a cell is printed as an amount (right-aligned): an amount column, or in a label column without a
    /// hint a cell that reads as a number (1,234.56, -0.5, 12.5%, 100); long digit strings without separators are codes.</summary>
    public bool IsAmountCell(int column, string text)
    {
        var col = Columns[column];
        if (col.Amount is { } hint) return hint;
        if (col.Role == ColumnRole.Value) return true;
        if (col.Role == ColumnRole.Code) return false;
        return LooksLikeAmount(text);
    }

    /// <summary>Whether a cell of a row is printed as an amount: the column's hint, else the row's <see cref="RenderRow.Numeric"/>
    /// hint for that cell, else as <see cref="IsAmountCell(int, string)"/>.</summary>
    public bool IsAmountCell(RenderRow row, int column)
    {
        if (Columns[column].Amount is null && row.Numeric is { } cells && column < cells.Length) return cells[column];
        return IsAmountCell(column, row.Cells[column]);
    }

    private static readonly System.Text.RegularExpressions.Regex AmountPattern =
        new(@"^[-－]?(\d{1,3}(,\d{3})+|\d{1,6})(\.\d+)?%?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static bool LooksLikeAmount(string text) => AmountPattern.IsMatch(text.Trim());
}

/// <summary>The result of compiling: the disclosure model (tables and topics), the document blocks and the warnings.</summary>
public sealed class CompiledPackage
{
    public required DisclosureData Data { get; init; }
    public required Disclosure Model { get; init; }
    public required string Title { get; init; }
    public List<Block> Blocks { get; } = new();
    /// <summary>Problems found in the input before output (错误 refuse, 警告 are listed).</summary>
    public List<DataIssue> Issues { get; } = new();
    public IEnumerable<RenderTable> Tables => Blocks.OfType<TableBlock>().Select(b => b.Table);
}

public enum IssueSeverity { Error, Warning }

/// <summary>A problem of the input data found by the builder (structure, sums it cannot reconcile, missing reasons).</summary>
public sealed record DataIssue(IssueSeverity Severity, string Field, string Message)
{
    public override string ToString() => $"{(Severity == IssueSeverity.Error ? "错误" : "警告")}（{Field}）：{Message}";
}
