using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Performance;

/// <summary>What the performance recognizer found and which source rows it consumed.</summary>
public sealed class PerformanceRecognition
{
    /// <summary>Rows read as part of a 绩效 table; the main table recognizer skips them.</summary>
    public HashSet<(int TableIndex, int Row)> ConsumedRows { get; } = new();
    /// <summary>Cells the readers read (as figures, identifiers or noted placeholders).</summary>
    public HashSet<(int Table, int Row, int Column)> UsedCells { get; } = new();
    /// <summary>The 绩效目标 tables recognised (整体 and 项目), in document order.</summary>
    public List<PerformanceTarget> Targets { get; } = new();
    /// <summary>The 绩效自评 tables recognised, in document order.</summary>
    public List<SelfEvaluation> SelfEvaluations { get; } = new();
}

/// <summary>The kind of 绩效 table a title announces.</summary>
internal enum SegmentKind { OverallTarget, ProjectTarget, OverallSelfEvaluation, ProjectSelfEvaluation }

/// <summary>One row of a segment: the table block and the row index inside it.</summary>
internal readonly record struct RowRef(TableBlock Block, int Row)
{
    public SourceRow Value => Block.Rows[Row];
    public (int, int) Key => (Block.Index, Row);
}

/// <summary>
/// The rows from a title (a text block or a one-cell title row) up to the next title or the next unrelated
/// heading. One segment is one 绩效 table, possibly spread over several table blocks (page breaks,
/// "三、绩效指标" continuation blocks, 003's header / 资金情况 / 指标 blocks).
/// </summary>
internal sealed class Segment
{
    public Segment(SegmentKind kind, string title, Provenance source) { Kind = kind; Title = title; Source = source; }
    public SegmentKind Kind { get; }
    public string Title { get; }
    public Provenance Source { get; }
    public (int, int)? TitleRow { get; init; }
    public List<RowRef> Rows { get; } = new();
    /// <summary>Text blocks inside the segment (单位：万元, 长期绩效目标表 …) with the row position they precede.</summary>
    public List<(int RowPos, TextBlock Text)> Texts { get; } = new();
    public bool IsSelfEvaluation => Kind is SegmentKind.OverallSelfEvaluation or SegmentKind.ProjectSelfEvaluation;
    public bool IsOverall => Kind is SegmentKind.OverallTarget or SegmentKind.OverallSelfEvaluation;
}

/// <summary>
/// Finds every 绩效目标 table (部门整体 and 项目) and every 绩效自评表 of a source document, fills
/// <see cref="Disclosure.PerformanceTargets"/> and <see cref="Disclosure.SelfEvaluations"/>, and reports the
/// rows it consumed. Tables are identified by their titles (text before the table or a title row inside it)
/// and by their header cells; columns are mapped per table from its own header rows.
/// Nothing is dropped silently: template residue and numbers that could not be placed become <see cref="ReadNote"/>s.
/// </summary>
public sealed class PerformanceRecognizer
{
    public PerformanceRecognition Recognize(SourceDocument doc, Disclosure target)
    {
        var result = new PerformanceRecognition();
        foreach (var segment in Split(doc))
        {
            if (segment.Rows.Count == 0 || !StartsWithPerformanceTable(segment)) continue;
            if (segment.IsSelfEvaluation)
            {
                var reader = new SelfEvaluationReader(segment, target.Notes);
                var se = reader.Read();
                if (se is null) continue;
                // a table continued on the next page with its identification row repeated (same name, code and score)
                if (result.SelfEvaluations.Count > 0 && result.SelfEvaluations[^1] is var prev && prev.IsOverall == se.IsOverall && se.ProjectName.Length > 0
                    && prev.ProjectName == se.ProjectName && prev.ProjectCode == se.ProjectCode && prev.TotalScore?.Value == se.TotalScore?.Value)
                {
                    prev.Funds.AddRange(se.Funds);
                    prev.Indicators.AddRange(se.Indicators);
                    foreach (var r in reader.Consumed) result.ConsumedRows.Add(r);
                    foreach (var c in reader.UsedCells) result.UsedCells.Add(c);
                    continue;
                }
                result.SelfEvaluations.Add(se);
                target.SelfEvaluations.Add(se);
                foreach (var r in reader.Consumed) result.ConsumedRows.Add(r);
                foreach (var c in reader.UsedCells) result.UsedCells.Add(c);
            }
            else
            {
                var reader = new TargetTableReader(segment, target.Notes);
                var pt = reader.Read();
                if (pt is null) continue;
                // a table continued on the next page with its name row repeated
                if (result.Targets.Count > 0 && result.Targets[^1] is var prevT && prevT.IsOverall == pt.IsOverall && pt.ProjectName.Length > 0
                    && prevT.ProjectName == pt.ProjectName && prevT.ProjectCode == pt.ProjectCode && (pt.Amount is null || prevT.Amount?.Value == pt.Amount.Value))
                {
                    prevT.Funds.AddRange(pt.Funds);
                    prevT.Indicators.AddRange(pt.Indicators);
                    foreach (var r in reader.Consumed) result.ConsumedRows.Add(r);
                    foreach (var c in reader.UsedCells) result.UsedCells.Add(c);
                    continue;
                }
                result.Targets.Add(pt);
                target.PerformanceTargets.Add(pt);
                foreach (var r in reader.Consumed) result.ConsumedRows.Add(r);
                foreach (var c in reader.UsedCells) result.UsedCells.Add(c);
            }
        }
        return result;
    }

    /// <summary>Split the document into title-led segments.</summary>
    internal static List<Segment> Split(SourceDocument doc)
    {
        var segments = new List<Segment>();
        Segment? current = null;
        foreach (var block in doc.Blocks)
        {
            if (block is TextBlock text)
            {
                var kind = ClassifyTitle(text.Text);
                if (kind is SegmentKind k)
                {
                    current = new Segment(k, PerfText.Clean(text.Text), text.Source);
                    segments.Add(current);
                }
                else if (IsTerminator(text.Text)) current = null;
                else current?.Texts.Add((current.Rows.Count, text));
                continue;
            }
            if (block is not TableBlock table) continue;
            for (int r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (PerfText.NonEmptyCount(row) == 1)
                {
                    var only = row.Cells[PerfText.FirstNonEmpty(row)].Text;
                    if (ClassifyTitle(only) is SegmentKind k)
                    {
                        current = new Segment(k, PerfText.Clean(only), row.Source) { TitleRow = (table.Index, r) };
                        segments.Add(current);
                        current.Rows.Add(new RowRef(table, r));
                        continue;
                    }
                    if (IsTerminator(only)) { current = null; continue; }
                }
                if (current is not null && StartsAnotherProject(current, table, r))
                {
                    // a project table whose title was lost (a PDF drops a title repeated on every page as a running header)
                    var kind = current.IsSelfEvaluation ? SegmentKind.ProjectSelfEvaluation : SegmentKind.ProjectTarget;
                    current = new Segment(kind, kind == SegmentKind.ProjectSelfEvaluation ? "项目绩效自评表" : "项目支出绩效目标表", row.Source);
                    segments.Add(current);
                }
                current?.Rows.Add(new RowRef(table, r));
            }
        }
        return segments;
    }

    /// <summary>
    /// A row that opens the next project table inside a segment: a 项目名称 row in the first column, when the segment is a
    /// 整体 target (which has no such row) or already holds a 项目名称 row of its own.
    /// </summary>
    private static bool StartsAnotherProject(Segment current, TableBlock table, int r)
    {
        static bool IsNameRow(SourceRow row) => row.Cells.Count > 1 && !row.Cells[0].IsEmpty && PerfText.Key(row.Cells[0].Text).TrimEnd(':') == "项目名称";
        if (!IsNameRow(table.Rows[r])) return false;
        if (current.Kind == SegmentKind.OverallTarget) return true;
        return current.Rows.Any(rr => IsNameRow(rr.Value));
    }

    /// <summary>A 绩效 table title, or null. Table-of-contents lines are accepted too; their segments hold no table.</summary>
    internal static SegmentKind? ClassifyTitle(string raw)
    {
        var t = PerfText.Key(raw);
        if (t.Length == 0 || t.Length > 60 || t.StartsWith('{')) return null;
        if (t.EndsWith("自评表", StringComparison.Ordinal))
            return t.Contains("整体") ? SegmentKind.OverallSelfEvaluation : SegmentKind.ProjectSelfEvaluation;
        if (!t.Contains("绩效") || t.Contains("自评")) return null;
        if (t.StartsWith("长期", StringComparison.Ordinal) || t.StartsWith("年度", StringComparison.Ordinal)) return null;
        bool overall = t.Contains("整体");
        if (t.EndsWith('表') && (t.Contains("目标") || t.Contains("指标")))
            return overall ? SegmentKind.OverallTarget : SegmentKind.ProjectTarget;
        if (overall && t.EndsWith("绩效指标", StringComparison.Ordinal)) return SegmentKind.OverallTarget;
        return null;
    }

    /// <summary>A heading that ends a 绩效 segment: another table's title, a numbered section, a 目录.</summary>
    internal static bool IsTerminator(string raw)
    {
        var t = PerfText.Key(raw);
        if (t.Length == 0 || t.Length > 60) return false;
        if (t.Contains("目录")) return true;
        if (t.Contains("绩效")) return false;
        if (t.EndsWith('表')) return true;
        if (t.Length > 1 && "一二三四五六七八九十".Contains(t[0]) && (t.Contains('、') || t.Contains('.'))) return true;
        return t.StartsWith("第", StringComparison.Ordinal) && t.Contains("部分");
    }

    private static readonly string[] PerformanceKeys =
    {
        "项目名称", "项目编码", "一级指标", "二级指标", "三级指标", "指标名称", "资金情况", "预算金额", "当年预算",
        "年度资金总额", "自评总分", "年初预算数", "部门(单位)名称", "单位名称",
    };

    /// <summary>The first table block of the segment must look like a 绩效 table (guards against 目录 lines).</summary>
    private static bool StartsWithPerformanceTable(Segment segment)
    {
        var first = segment.Rows[0].Block;
        foreach (var rr in segment.Rows)
        {
            if (rr.Block != first) break;
            foreach (var cell in rr.Value.Cells)
            {
                if (cell.IsEmpty) continue;
                var k = PerfText.Key(cell.Text);
                foreach (var key in PerformanceKeys) if (k.Contains(key)) return true;
            }
        }
        return false;
    }
}
