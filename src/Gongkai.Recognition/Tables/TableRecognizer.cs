using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Tables;

/// <summary>
/// Recognizes the standard tables of a source document: finds each table's title, label and unit in the
/// lines around it, decides which standard table it is, maps its columns to meanings, joins continued
/// tables, unpivots side-by-side blocks and builds typed rows. Numbers it deliberately ignores
/// (code columns, column-number rows) are marked structural; every other number ends in the model.
/// </summary>
public sealed partial class TableRecognizer
{
    private readonly RecognitionLedger _ledger;

    public TableRecognizer(RecognitionLedger ledger) => _ledger = ledger;

    public void Recognize(SourceDocument doc, Disclosure d, IReadOnlySet<(int Table, int Row)> consumed)
    {
        var blocks = doc.Blocks;
        DisclosureTable? previous = null;
        string? previousTitle = null;
        // a table printed without a unit line is in the unit of the tables around it: the last stated one, else the first
        // unit line of the document, else 万元
        ValueUnit? lastStated = null;
        ValueUnit? firstStated = blocks.OfType<TextBlock>().Select(b => TableTitles.UnitOf(b.Text)).FirstOrDefault(u => u is not null);
        // … and in 千元 when that unit is
        bool lastThousands = false;
        bool firstThousands = blocks.OfType<TextBlock>().FirstOrDefault(b => TableTitles.UnitOf(b.Text) is not null) is { } fu && TableTitles.IsThousands(fu.Text);
        // rows cut by a page break are joined back before any table is built
        var cut = CutRows.Find(blocks, _ledger);
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is TextBlock tx)
            {
                TryTitleOnly(blocks, i, tx, d);
                continue;
            }
            if (blocks[i] is not TableBlock tb) continue;
            var rows = new List<GridRow>();
            for (int r = 0; r < tb.Rows.Count; r++)
                if (!consumed.Contains((tb.Index, r)) && !cut.Dropped.Contains((tb.Index, r)))
                    rows.Add(new GridRow(r, cut.Joined.TryGetValue((tb.Index, r), out var joined) ? joined : tb.Rows[r]));
            if (rows.Count == 0 || rows.All(r => r.Row.IsBlank)) continue;

            // a table continued on the next page: a grid right after the previous one (nothing printed between but a
            // page number, e.g. a PDF page break), as wide, and not opening with a title row of its own
            int back = i - 1;
            while (back >= 0 && blocks[back] is TextBlock pn && TableTitles.IsPageNumber(pn.Text)) back--;
            if (previous is not null && back >= 0 && blocks[back] is TableBlock before && previous.SourceTables.Contains(before.Index)
                && before.Width == tb.Width && !OpensWithOwnTitle(rows, d.Kind))
            {
                previous.SourceTables.Add(tb.Index);
                Build(previous, rows, isContinuation: true);
                CollectNotesAfter(blocks, i, previous);
                continue;
            }

            // the last lines of a summary table carried over the page break in a narrower grid (JS17B p9: 小计 | 上年结转资金 |
            // 收入合计 … 支出合计 below 当年收入 on p8)
            if (previous is not null && back >= 0 && blocks[back] is TableBlock prior && previous.SourceTables.Contains(prior.Index)
                && IsSummaryKind(previous.Kind) && !OpensWithOwnTitle(rows, d.Kind) && EndsSummary(rows))
            {
                previous.SourceTables.Add(tb.Index);
                Build(previous, rows, isContinuation: true);
                CollectNotesAfter(blocks, i, previous);
                continue;
            }

            var ctx = LookBack(blocks, i);
            // title rows inside the grid (a single text cell) and meta rows (单位：万元)
            while (rows.Count > 0 && IsTitleRow(rows[0].Row))
            {
                var text = rows[0].Row.NonEmpty.Select(c => c.Text).ToList();
                foreach (var t in text)
                {
                    if (TableTitles.UnitOf(t) is ValueUnit u) { ctx.Unit = u; ctx.UnitStated = true; ctx.Thousands = TableTitles.IsThousands(t); }
                    else if (!TableTitles.IsMetaLine(t) && (ctx.Title is null || TableTitles.Classify(ctx.Title, d.Kind) == TableKind.Unknown)
                             && TableTitles.Classify(t, d.Kind) != TableKind.Unknown) ctx.Title = t;
                    else if (ctx.Title is null && !TableTitles.IsMetaLine(t)) ctx.Title = t;
                }
                rows.RemoveAt(0);
            }
            if (rows.Count == 0) continue;

            var kind = ctx.Title is null ? TableKind.Unknown : TableTitles.Classify(ctx.Title, d.Kind);
            if (kind == TableKind.Unknown) kind = ClassifyByHeader(rows);

            // continued table: same title as the previous table and no new title between
            if (previous is not null && ctx.Title is not null && SameTitle(ctx.Title, previousTitle) && previous.Kind == kind && kind != TableKind.Unknown)
            {
                previous.SourceTables.Add(tb.Index);
                Build(previous, rows, isContinuation: true);
                CollectNotesAfter(blocks, i, previous);
                continue;
            }
            // the part of a wide table printed on the next page with its title cut at the left edge (26年…收入预算总表
            // after 2026年…收入预算总表): kept with the table, its cells not read on a guessed column layout
            if (previous is not null && ctx.Title is not null && TruncatedTitle(ctx.Title, previousTitle) && previous.Kind == kind && kind != TableKind.Unknown)
            {
                previous.SourceTables.Add(tb.Index);
                continue;
            }
            var table = new DisclosureTable
            {
                Kind = kind,
                Title = ctx.Title ?? "",
                Label = ctx.Label,
                Unit = ctx.Unit ?? lastStated ?? firstStated ?? ValueUnit.WanYuan,
                UnitStated = ctx.UnitStated,
                InThousands = ctx.Unit is not null ? ctx.Thousands : lastStated is not null ? lastThousands : firstThousands,
                Source = tb.Source,
            };
            table.SourceTables.Add(tb.Index);
            if (ctx.Unit is ValueUnit stated && ctx.UnitStated) { lastStated = stated; lastThousands = ctx.Thousands; }
            foreach (var n in ctx.Notes) table.Notes.Add(n);
            CollectNotesAfter(blocks, i, table);
            Build(table, rows, isContinuation: false);
            d.Tables.Add(table);
            previous = table;
            previousTitle = ctx.Title;
        }
    }

    /// <summary>The first row is a title naming a table (收支预算总表 printed inside the grid).</summary>
    private static bool OpensWithOwnTitle(List<GridRow> rows, DocumentKind kind) =>
        IsTitleRow(rows[0].Row) && rows[0].Row.NonEmpty.Any(c => TableTitles.Classify(c.Text, kind) != TableKind.Unknown && TextNormalizer.Compact(c.Text).EndsWith('表'));

    private static bool IsSummaryKind(TableKind k) =>
        k is TableKind.BudgetSummary or TableKind.BudgetFiscalSummary or TableKind.FinalSummary or TableKind.FinalFiscalSummary;

    /// <summary>A short grid (at most 6 rows) holding both grand totals of a summary table and no title of its own.</summary>
    private static bool EndsSummary(List<GridRow> rows)
    {
        if (rows.Count > 6) return false;
        var labels = rows.SelectMany(r => r.Row.NonEmpty).Select(c => c.Text).ToList();
        return labels.Any(l => LineNames.Income(l, SummaryLine.None) == SummaryLine.GrandTotalIncome && TextNormalizer.Compact(l).Contains("收入"))
               && labels.Any(l => LineNames.Expenditure(l) == SummaryLine.GrandTotalExpenditure && TextNormalizer.Compact(l).Contains("支出"));
    }

    /// <summary>The same table title, ignoring spacing and a continuation mark (（续）, 续表).</summary>
    private static bool SameTitle(string a, string? b)
    {
        if (b is null) return false;
        static string Key(string t) => TextNormalizer.Compact(t).Replace("(续)", "").Replace("续表", "").Replace("(续表)", "");
        return Key(a) == Key(b);
    }

    /// <summary>A title that is the previous title with its beginning cut off (at least 8 characters remain).</summary>
    private static bool TruncatedTitle(string a, string? b)
    {
        if (b is null) return false;
        var ka = TextNormalizer.Compact(a);
        var kb = TextNormalizer.Compact(b);
        return ka.Length >= 8 && ka.Length < kb.Length && kb.EndsWith(ka, StringComparison.Ordinal);
    }

    private static bool IsTitleRow(SourceRow row)
    {
        var cells = row.NonEmpty.ToList();
        if (cells.Count == 0) return false;
        if (cells.Any(c => Numbers.Parse(c.Text).IsNumeric)) return false;
        if (cells.Count == 1) return !Grid.IsCode(cells[0].Text) && TextNormalizer.Compact(cells[0].Text) is not ("合计" or "总计");
        return cells.All(c => TableTitles.IsMetaLine(c.Text) || TableTitles.UnitOf(c.Text) is not null || c.Text.EndsWith("局", StringComparison.Ordinal) || c.Text.EndsWith("表", StringComparison.Ordinal));
    }

    private sealed class TitleContext
    {
        public string? Title;
        public string? Label;
        public ValueUnit? Unit;
        public bool UnitStated;
        public bool Thousands;
        public List<string> Notes = new();
    }

    /// <summary>Walk back over the lines before a table: title, label (公开01表), unit line, meta lines.</summary>
    private static TitleContext LookBack(IReadOnlyList<SourceBlock> blocks, int tableBlock)
    {
        var ctx = new TitleContext();
        string? candidate = null;
        var pending = new List<string>();
        for (int j = tableBlock - 1, seen = 0; j >= 0 && seen < 6; j--, seen++)
        {
            if (blocks[j] is not TextBlock t) break;
            var text = t.Text;
            if (TableTitles.IsPageNumber(text)) { seen--; continue; }
            if (TableTitles.UnitOf(text) is ValueUnit u)
            {
                if (ctx.Unit is null) ctx.Thousands = TableTitles.IsThousands(text);
                ctx.Unit ??= u;
                ctx.UnitStated = true;
                continue;
            }
            if (TextNormalizer.Compact(text).StartsWith("单位:", StringComparison.Ordinal)) { ctx.UnitStated = false; continue; }
            if (TableTitles.IsLabel(text)) { ctx.Label ??= TextNormalizer.Compact(text); continue; }
            if (TableTitles.IsMetaLine(text)) continue;
            var compact = TextNormalizer.Compact(text);
            // a note between the title and the grid belongs to this table; with no title above it, to the previous table
            if (IsNoteStart(compact))
            {
                if (candidate is not null || pending.Count > 0) break;
                pending.Add(text.Trim());
                continue;
            }
            if (TableTitles.Classify(text) != TableKind.Unknown || compact.Length <= 60 && (compact.EndsWith("表", StringComparison.Ordinal) || compact.EndsWith("表)", StringComparison.Ordinal)))
            {
                ctx.Title = Clean(text);
                ctx.Notes.AddRange(pending);
                // a label printed just before the title (表1 / 公开01表)
                if (ctx.Label is null && j > 0 && blocks[j - 1] is TextBlock lb && TableTitles.IsLabel(lb.Text)) ctx.Label = TextNormalizer.Compact(lb.Text);
                return ctx;
            }
            if (candidate is null && compact.Length <= 40 && !compact.EndsWith("。", StringComparison.Ordinal)) candidate = Clean(text);
            else break;
        }
        ctx.Title = candidate;
        return ctx;
    }

    private static string Clean(string title) =>
        System.Text.RegularExpressions.Regex.Replace(title, @"\[bookmark:[^\]]*\]", "").Trim();

    /// <summary>
    /// Notes (注/备注/说明, also in brackets: （注：…）) printed right after a table; a note running over several lines
    /// (a line not closed by 。 or a bracket) takes the following line with it.
    /// </summary>
    private static void CollectNotesAfter(IReadOnlyList<SourceBlock> blocks, int tableBlock, DisclosureTable table)
    {
        bool open = false;
        for (int j = tableBlock + 1; j < blocks.Count && j <= tableBlock + 4; j++)
        {
            if (blocks[j] is not TextBlock t) break;
            var c = TextNormalizer.Compact(t.Text);
            if (open && c.Length > 0 && !IsNoteStart(c) && table.Notes.Count > 0 && TableTitles.Classify(c) == TableKind.Unknown && !TableTitles.IsLabel(c))
            {
                table.Notes[^1] = table.Notes[^1] + t.Text.Trim();
                open = !NoteClosed(c);
                continue;
            }
            // a short explanation printed right under the table without 注： (本单位2023年没有…，故本表无数据)
            // (本单位无此项。 / （本单位无此项收支）: the 决算 form of the same note, bare or in brackets)
            bool unmarked = j == tableBlock + 1 && c.Length <= 60 && (UnmarkedNote().IsMatch(c) || NoSuchItemNote().IsMatch(c.TrimStart('(', '[', '【')));
            if (IsNoteStart(c) || unmarked || System.Text.RegularExpressions.Regex.IsMatch(c, @"^\d[.、]") && table.Notes.Count > 0
                // an empty-table note printed as a plain sentence (…没有…支出，故此表无数据。)
                || c.Length <= 120 && (c.Contains("表无数据") || c.Contains("表为空") || c.Contains("表无内容")))
            {
                table.Notes.Add(t.Text.Trim());
                open = !NoteClosed(c);
            }
            else break;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(本|我)(单位|部门)(\d{4}年度?)?.{0,40}(本表|此表|无数据|空表|没有|无|未安排|不涉及)?.{0,20}(收入|支出|收支|经费|资金)")]
    private static partial System.Text.RegularExpressions.Regex UnmarkedNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(本|我)(单位|部门)(本年度?|\d{4}年度?)?(无|没有)(此|该)(项|类)")]
    private static partial System.Text.RegularExpressions.Regex NoSuchItemNote();

    /// <summary>The first line of a table note: 注：, 备注, 说明：, 本表…, in brackets or not.</summary>
    internal static bool IsNoteStart(string compact)
    {
        var c = compact.TrimStart('(', '[', '【');
        return c.StartsWith("备注", StringComparison.Ordinal) || c.StartsWith("注:", StringComparison.Ordinal) || c.StartsWith("注1", StringComparison.Ordinal)
               || c.StartsWith("说明:", StringComparison.Ordinal) || c.StartsWith("本表", StringComparison.Ordinal);
    }

    private static bool NoteClosed(string compact) => compact.EndsWith('。') || compact.EndsWith(')') || compact.EndsWith('】') || compact.EndsWith(']');

    /// <summary>A title printed with no grid under it (the table was lost or published title-only).</summary>
    private static void TryTitleOnly(IReadOnlyList<SourceBlock> blocks, int i, TextBlock tx, Disclosure d)
    {
        var kind = TableTitles.Classify(tx.Text, d.Kind);
        if (kind == TableKind.Unknown || !TextNormalizer.Compact(tx.Text).Contains('表')) return;
        bool unitLine = false;
        for (int j = i + 1; j < blocks.Count && j <= i + 6; j++)
        {
            if (blocks[j] is TableBlock) return;
            if (blocks[j] is not TextBlock t) return;
            if (TableTitles.UnitOf(t.Text) is not null || TextNormalizer.Compact(t.Text).StartsWith("单位:", StringComparison.Ordinal)) { unitLine = true; continue; }
            if (TableTitles.IsMetaLine(t.Text)) continue;
            // a note printed between the unit line and the grid (注：本单位…无…，故本表为空。) belongs to the grid below
            if (unitLine && IsNoteStart(TextNormalizer.Compact(t.Text))) continue;
            break;
        }
        if (!unitLine) return;
        string? label = null;
        if (i > 0 && blocks[i - 1] is TextBlock prev && TableTitles.IsLabel(prev.Text)) label = TextNormalizer.Compact(prev.Text);
        d.Tables.Add(new DisclosureTable { Kind = kind, Title = tx.Text.Trim(), Label = label, Source = tx.Source, HasGrid = false });
    }

    private static TableKind ClassifyByHeader(List<GridRow> rows)
    {
        var head = string.Join("|", rows.Take(3).SelectMany(r => r.Row.Cells).Select(c => TextNormalizer.Compact(c.Text)));
        if (head.Contains("是否空表")) return TableKind.TableOfContents;
        if (head.Contains("单位名称") && (head.Contains("单位性质") || head.Contains("拟变动") || head.Contains("备注")) && !head.Contains("金额")) return TableKind.UnitComposition;
        if (rows[0].Row.NonEmpty.Count() == 2 && head.StartsWith("项目名称", StringComparison.Ordinal) && head.Contains("金额")) return TableKind.PerformanceProjectIndex;
        return TableKind.Unknown;
    }

    private void Build(DisclosureTable t, List<GridRow> rows, bool isContinuation)
    {
        switch (t.Kind)
        {
            case TableKind.BudgetSummary or TableKind.BudgetFiscalSummary or TableKind.FinalSummary or TableKind.FinalFiscalSummary:
                new SummaryTableBuilder(_ledger).Build(t, rows, isContinuation);
                break;
            case TableKind.BudgetGovFund when isContinuation || LooksLikeSummary(rows):
                new SummaryTableBuilder(_ledger).Build(t, rows, isContinuation);
                break;
            case TableKind.BudgetThreePublic or TableKind.FinalThreePublic:
                new ThreePublicBuilder(_ledger).Build(t, rows);
                break;
            case TableKind.InstitutionOperation:
                new LabelledBlocksBuilder(_ledger).Build(t, rows);
                break;
            case TableKind.BudgetRevenue or TableKind.BudgetExpenditure or TableKind.BudgetGeneralExpenditure or TableKind.BudgetGeneralBasic
                or TableKind.BudgetGovFund or TableKind.BudgetStateCapital or TableKind.FinalRevenue or TableKind.FinalExpenditure
                or TableKind.FinalGeneralExpenditure or TableKind.FinalGeneralBasic or TableKind.FinalGovFund or TableKind.FinalStateCapital
                or TableKind.BudgetGeneralByEconomic or TableKind.BudgetGeneralBasicByFunction or TableKind.CarryOverExpenditure
                or TableKind.GeneralExpenditureByUnit or TableKind.FiscalGrantExpenditure or TableKind.FiscalGrantBasic
                or TableKind.OperatingCostsByEconomic:
                new CodedTableBuilder(_ledger).Build(t, rows, isContinuation);
                break;
            default:
                new GenericTableBuilder(_ledger).Build(t, rows, isContinuation);
                break;
        }
    }

    private static bool LooksLikeSummary(List<GridRow> rows)
    {
        var first = rows[0].Row.NonEmpty.Select(c => TextNormalizer.Compact(c.Text)).ToList();
        return first.Contains("收入") && first.Contains("支出");
    }
}
