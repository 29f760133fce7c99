using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Performance;

/// <summary>
/// Reads one 绩效自评表 (CQ24F layout, amounts in 元): header pairs (项目名称：, 项目编码：, 自评总分：), the 资金情况 block
/// mapped by its own header row (年初预算数 · 全年（调整）预算数 · 全年执行数 · 执行率 · 执行率权重 · 执行率得分; columns shift
/// between tables and a header may span to the right), and the indicator rows (header possibly split over two rows).
/// </summary>
internal sealed class SelfEvaluationReader : SegmentReader
{
    private enum FundsField { None, Initial, Adjusted, Executed, Rate, Weight, Score }

    private SelfEvaluation _s = null!;
    private List<(int Col, FundsField Field)>? _funds;
    private Dictionary<int, IndicatorField>? _map;
    private bool _any;

    public SelfEvaluationReader(Segment segment, List<ReadNote> notes) : base(segment, notes) { }

    public SelfEvaluation? Read()
    {
        _s = new SelfEvaluation
        {
            IsOverall = Segment.IsOverall,
            TableIndex = Segment.Rows[0].Block.Index,
            Source = Segment.Source,
            Unit = ValueUnit.Yuan,
            Title = Segment.Title,
        };
        var rows = Segment.Rows;
        for (int i = 0; i < rows.Count; i++)
        {
            var rr = rows[i];
            var row = rr.Value;
            if (Segment.TitleRow == rr.Key) { Recognized(rr); continue; }
            if (row.IsBlank) continue;
            var firstKey = PerfText.Key(row.Cells[PerfText.FirstNonEmpty(row)].Text).TrimEnd(':');

            if (firstKey.StartsWith("状态", StringComparison.Ordinal)) { Recognized(rr); continue; }
            if (firstKey is "项目名称" or "项目主管部门")
            {
                ReadPairs(row);
                Recognized(rr);
                _any = true;
                continue;
            }
            if (row.Cells.Any(c => PerfText.Key(c.Text) == "年初预算数"))
            {
                _funds = FundsHeader(row);
                Recognized(rr);
                _any = true;
                continue;
            }
            if (_funds is not null && PerfText.HasNumeric(row) && PerfText.FirstNonEmpty(row) == 0 && !PerfText.IsNumeric(row.Cells[0].Text) && _map is null)
            {
                ReadFunds(row);
                Recognized(rr);
                continue;
            }
            if (row.Cells.Any(c => PerfText.Key(c.Text) == "指标名称"))
            {
                var subs = new List<SourceRow>();
                int j = i + 1;
                while (j < rows.Count && rows[j].Block == rr.Block && IsHeaderContinuation(rows[j].Value)) { subs.Add(rows[j].Value); j++; }
                _map = FieldMap(MergeHeader(row, subs));
                for (int k = i; k < j; k++) Recognized(rows[k]);
                i = j - 1;
                _any = true;
                continue;
            }
            if (firstKey is "资金情况" or "绩效目标" or "绩效指标" or "年初绩效目标") { Recognized(rr); continue; }
            if (_map is not null && ReadIndicator(row)) Recognized(rr);
        }
        if (!_any) return null;
        Finish();
        if (_s.ProjectName.Length == 0) _s.ProjectName = Segment.Title;
        return _s;
    }

    private void ReadPairs(SourceRow row)
    {
        string pending = "";
        foreach (var cell in row.Cells)
        {
            if (cell.IsEmpty) continue;
            var k = PerfText.Key(cell.Text);
            if (k.EndsWith(':') && k.Length <= 12) { pending = k.TrimEnd(':'); continue; }
            switch (pending)
            {
                case "项目名称":
                    _s.ProjectName = PerfText.Clean(cell.Text);
                    break;
                case "项目编码":
                    _s.ProjectCode = k;
                    Used(cell);
                    break;
                case "主管部门" or "项目主管部门" when _s.Department is null:
                    _s.Department = PerfText.Clean(cell.Text);
                    _s.DepartmentSource = cell.Source;
                    break;
                case var label when PerfText.IsUnitNameLabel(label) && PerfText.Clean(cell.Text) is { Length: > 0 } unit:
                    _s.UnitFields.Add(new UnitNameField(label, unit, cell.Source));
                    break;
                case "自评总分":
                    _s.TotalScore = FigureOf(cell, ValueUnit.Other);
                    break;
                case "联系电话":
                    IdentifierNumber(cell, pending);
                    break;
            }
            pending = "";
        }
    }

    private static List<(int, FundsField)> FundsHeader(SourceRow row)
    {
        var list = new List<(int, FundsField)>();
        foreach (var c in row.Cells)
        {
            if (c.IsEmpty) continue;
            var k = PerfText.Key(c.Text);
            var f = k.Contains("年初") ? FundsField.Initial
                : k.Contains("调整") ? FundsField.Adjusted
                : k.Contains("执行数") ? FundsField.Executed
                : k.Contains("权重") ? FundsField.Weight
                : k.Contains("得分") ? FundsField.Score
                : k.Contains("执行率") ? FundsField.Rate
                : FundsField.None;
            if (f != FundsField.None) list.Add((c.Column, f));
        }
        return list;
    }

    private void ReadFunds(SourceRow row)
    {
        var header = _funds!;
        if (header.Count == 0) return;
        // a header spans to the right: a value belongs to the nearest header at or left of it; a row shifted by
        // one column against its header (first value left of the first header) is realigned.
        int fnc = PerfText.FirstNumericColumn(row);
        int shift = fnc < header[0].Col && header[0].Col - fnc <= 1 ? fnc - header[0].Col : 0;
        var found = new Dictionary<FundsField, Figure>();
        foreach (var cell in row.Cells)
        {
            if (cell.IsEmpty || !PerfText.IsNumeric(cell.Text)) continue;
            FundsField field = FundsField.None;
            foreach (var (col, f) in header) if (col <= cell.Column - shift) field = f;
            if (field == FundsField.None || found.ContainsKey(field)) continue;
            var unit = field switch
            {
                FundsField.Initial or FundsField.Adjusted or FundsField.Executed => ValueUnit.Yuan,
                FundsField.Rate => ValueUnit.Percent,
                _ => ValueUnit.Other,
            };
            if (FigureOf(cell, unit) is Figure fig) found[field] = fig;
        }
        _s.Funds.Add(new SelfEvaluationFunds
        {
            Label = PerfText.Clean(row.Cells[0].Text),
            InitialBudget = found.GetValueOrDefault(FundsField.Initial),
            AdjustedBudget = found.GetValueOrDefault(FundsField.Adjusted),
            Executed = found.GetValueOrDefault(FundsField.Executed),
            ExecutionRate = found.GetValueOrDefault(FundsField.Rate),
            Weight = found.GetValueOrDefault(FundsField.Weight),
            Score = found.GetValueOrDefault(FundsField.Score),
            Source = row.Source,
        });
    }

    /// <summary>The second line of a split header ("值", "数 (%)", "标 得 分", "核 心 指 标").</summary>
    private static bool IsHeaderContinuation(SourceRow row)
    {
        if (row.IsBlank || PerfText.HasNumeric(row) || !row.Cells[0].IsEmpty) return false;
        return row.NonEmpty.All(c => PerfText.Key(c.Text).Length <= 8 && !PerfText.IsOperator(c.Text));
    }

    private SourceCell? Cell(SourceRow row, IndicatorField field)
    {
        foreach (var (col, f) in _map!)
            if (f == field) return col < row.Cells.Count ? row.Cells[col] : null;
        return null;
    }

    private bool ReadIndicator(SourceRow row)
    {
        var nameCell = Cell(row, IndicatorField.Name);
        var name = PerfText.Clean(nameCell?.Text);
        var targetCell = Cell(row, IndicatorField.Target);
        var weightCell = Cell(row, IndicatorField.Weight);
        if (name.Length == 0 || !PerfText.IsNumeric(targetCell?.Text) && !PerfText.IsNumeric(weightCell?.Text)) return false;

        var unit = PerfText.Clean(Cell(row, IndicatorField.Unit)?.Text);
        var parsedTarget = PerfText.ParseValue(targetCell?.Text);
        var valueUnit = PerfText.UnitOf(unit, parsedTarget.IsPercent);
        var op = PerfText.NormalizeOp(Cell(row, IndicatorField.Operator)?.Text);
        if (op.Length == 0) op = parsedTarget.Operator;
        var actualCell = Cell(row, IndicatorField.Actual);
        var core = PerfText.Key(Cell(row, IndicatorField.IsCore)?.Text);
        var note = PerfText.Clean(Cell(row, IndicatorField.Note)?.Text);

        var figures = new Dictionary<string, Figure?>
        {
            ["Target"] = FigureOf(targetCell, valueUnit),
            ["Actual"] = FigureOf(actualCell, valueUnit),
            ["Deviation"] = FigureOf(Cell(row, IndicatorField.Deviation), ValueUnit.Percent),
            ["Coefficient"] = FigureOf(Cell(row, IndicatorField.Coefficient), ValueUnit.Percent),
            ["Weight"] = FigureOf(weightCell, ValueUnit.Other),
            ["Score"] = FigureOf(Cell(row, IndicatorField.Score), ValueUnit.Other),
        };
        var indicator = new Indicator
        {
            Name = name,
            Unit = unit,
            Operator = op,
            TargetText = PerfText.Clean(targetCell?.Text),
            Target = parsedTarget.Number,
            ActualText = PerfText.Clean(actualCell?.Text),
            Actual = figures["Actual"]?.Value,
            Deviation = figures["Deviation"]?.Value,
            Coefficient = figures["Coefficient"]?.Value,
            Weight = figures["Weight"]?.Value,
            Score = figures["Score"]?.Value,
            IsCore = core == "是" ? true : core == "否" ? false : null,
            Note = note.Length == 0 ? null : note,
            Source = row.Source,
        };
        foreach (var (k, f) in figures) if (f is not null) indicator.Figures[k] = f;
        if (note.Length > 0 && PerfText.LooksLikeEmbeddedRow(note))
            Note($"“说明”栏中混入了另一行指标的内容（转换残留）：{note}", Cell(row, IndicatorField.Note)!.Source);
        _s.Indicators.Add(indicator);
        return true;
    }
}
