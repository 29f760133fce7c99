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
public sealed record RenderColumn(string[] Header, ColumnRole Role, ColumnKey? Key = null, int Segment = 0, Side Side = Side.None);

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
    /// <summary>
    /// Presentation hint for label-layout tables (绩效): the column span of each cell — n ≥ 1 starts a merged cell of n
    /// columns, 0 marks a cell covered by the merged cell to its left; null means no merges.
    /// </summary>
    public int[]? Spans { get; init; }
    /// <summary>Presentation hint: a section row (资金情况, 绩效目标, 绩效指标 …) whose one label spans the table.</summary>
    public bool IsSection { get; init; }
    /// <summary>Presentation hint: the cells (by column) that hold amounts or scores, to be right-aligned.</summary>
    public bool[]? Numeric { get; init; }
}

/// <summary>A table as printed: label, title, unit, header rows, data rows, notes — shared by every renderer.</summary>
public sealed class RenderTable
{
    public TableKind Kind { get; init; }
    public string Label { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>单位：万元 (or 元).</summary>
    public string UnitLine { get; init; } = "单位：万元";
    public List<RenderColumn> Columns { get; } = new();
    public List<RenderRow> Rows { get; } = new();
    public List<string> Notes { get; } = new();
    /// <summary>Side-by-side blocks (公开06) rather than the two sides of a summary table.</summary>
    public bool SegmentsAreBlocks { get; init; }
    /// <summary>Not converted into the table model (performance tables have their own model).</summary>
    public bool NoModel { get; init; }
    public int HeaderRowCount => Columns.Count == 0 ? 0 : Columns.Max(c => c.Header.Length);

    /// <summary>Header row r, padded: a column with fewer header cells is bottom-aligned (its first cell repeats upward).</summary>
    public string[] HeaderRow(int r)
    {
        int n = HeaderRowCount;
        return Columns.Select(c =>
        {
            int offset = n - c.Header.Length;
            return r < offset ? c.Header[0] : c.Header[r - offset];
        }).ToArray();
    }

    public bool IsNumeric(int column) => Columns[column].Role == ColumnRole.Value;
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
