using System.Text.RegularExpressions;
using Gongkai.Model;
using Gongkai.Reading;

namespace Gongkai.Recognition.Performance;

/// <summary>
/// Reads one 绩效目标 table (部门整体 or 项目) from its segment: label rows (项目名称, 项目编码, 当年预算, 上级/本级资金 …),
/// money grids (总体资金情况, 收入构成/支出构成, 预算金额, 项目支出明细), 资金支出计划, and indicator rows mapped by the
/// table's own header (一级/二级/三级指标, 指标性质, 指标值, 度量单位, 权重, 依据, 前年/上年).
/// </summary>
internal sealed partial class TargetTableReader : SegmentReader
{
    private enum LabelRole { None, Name, Code, CodeAndName, Type, Amount, Fund, UnitLabel, Identifier, DeptName, Text }

    private PerformanceTarget _t = null!;
    private Dictionary<int, IndicatorField>? _map;
    private readonly Dictionary<TableBlock, int> _shift = new();
    private int _mapHeaderRow = -1;
    private TableBlock? _mapBlock;
    private Grid? _grid;
    private string _l1 = "", _l2 = "";
    private bool _longTerm;
    private SourceRow? _planHeader;
    private bool _any;

    public TargetTableReader(Segment segment, List<ReadNote> notes) : base(segment, notes) { }

    public PerformanceTarget? Read()
    {
        _t = new PerformanceTarget
        {
            IsOverall = Segment.IsOverall,
            TableIndex = Segment.Rows[0].Block.Index,
            Source = Segment.Source,
            Title = Segment.Title,
        };
        string? deptName = null;
        int textPos = 0;
        var rows = Segment.Rows;
        for (int i = 0; i < rows.Count; i++)
        {
            while (textPos < Segment.Texts.Count && Segment.Texts[textPos].RowPos <= i)
            {
                var tk = PerfText.Key(Segment.Texts[textPos].Text.Text);
                if (tk.StartsWith("单位:", StringComparison.Ordinal))
                {
                    var lineUnit = tk.Contains("万元") ? "万元" : tk.EndsWith("元", StringComparison.Ordinal) ? "元" : null;
                    _t.StatedUnit ??= lineUnit;
                    _t.UnitLine ??= lineUnit;
                }
                if (tk.Contains("名称:") && tk.IndexOf("名称:", StringComparison.Ordinal) < 12) deptName ??= PerfText.Clean(tk[(tk.IndexOf("名称:", StringComparison.Ordinal) + 3)..]);
                Term(tk);
                textPos++;
            }
            var rr = rows[i];
            var row = rr.Value;
            if (Segment.TitleRow == rr.Key) { Recognized(rr); continue; }
            if (row.IsBlank) continue;
            int first = PerfText.FirstNonEmpty(row);
            var firstKey = PerfText.Key(row.Cells[first].Text);
            Term(firstKey);

            if (IsIndicatorHeader(row))
            {
                var subs = new List<SourceRow>();
                int j = i + 1;
                while (j < rows.Count && rows[j].Block == rr.Block && IsSubHeader(rows[j].Value)) { subs.Add(rows[j].Value); j++; }
                _map = FieldMap(MergeHeader(row, subs));
                _mapBlock = rr.Block;
                _mapHeaderRow = j - 1;
                _shift.Clear();
                _l1 = _l2 = "";
                for (int k = i; k < j; k++) Recognized(rows[k]);
                _grid = null;
                _any = true;
                i = j - 1;
                continue;
            }
            if (IsGridHeader(row))
            {
                SourceRow? sub = null;
                if (i + 1 < rows.Count && rows[i + 1].Block == rr.Block && IsGridSubHeader(rows[i + 1].Value, row)) sub = rows[i + 1].Value;
                _grid = Grid.Build(row, sub);
                if (_grid.StatedUnit is not null) _t.StatedUnit = _grid.StatedUnit;
                Recognized(rr);
                if (sub is not null) { Recognized(rows[i + 1]); i++; }
                _any = true;
                continue;
            }
            if (firstKey.Contains("资金支出计划"))
            {
                _planHeader = row;
                Recognized(rr);
                continue;
            }
            if (_planHeader is not null && PerfText.HasNumeric(row))
            {
                ReadPlan(row);
                _planHeader = null;
                Recognized(rr);
                continue;
            }
            var role = LabelOf(firstKey);
            // a money block headed by a merged cell (项目资金（万元） | 年度预算资金总额： | 15.00): the label is the second cell
            if (role == LabelRole.None && firstKey.Contains("资金") && row.NonEmpty.Skip(1).FirstOrDefault() is { } second
                && LabelOf(PerfText.Key(second.Text)) is LabelRole.Amount or LabelRole.Fund)
                role = LabelRole.Amount;
            if (role != LabelRole.None && !(role == LabelRole.Text && _map is not null && PerfText.NonEmptyCount(row) >= 4))
            {
                ReadLabelRow(row);
                Recognized(rr);
                _grid = null;
                _any = true;
                continue;
            }
            if (_grid is not null)
            {
                if (ReadGridRow(row)) { Recognized(rr); continue; }
                _grid = null;
            }
            if (_map is not null && ReadIndicatorRow(rr)) Recognized(rr);
        }
        if (!_any) return null;
        Finish();
        if (_t.ProjectName.Length == 0) _t.ProjectName = deptName ?? Segment.Title;
        _t.StatedUnit ??= _t.Amount?.Unit == ValueUnit.WanYuan ? "万元" : null;
        return _t;
    }

    private void Term(string key)
    {
        if (key.StartsWith("长期", StringComparison.Ordinal)) _longTerm = true;
        else if (key.StartsWith("年度", StringComparison.Ordinal)) _longTerm = false;
    }

    // ---------------------------------------------------------------- indicators

    private static bool IsIndicatorHeader(SourceRow row)
    {
        bool l1 = false, l2 = false, l3 = false, content = false, value = false;
        foreach (var c in row.Cells)
        {
            if (c.IsEmpty) continue;
            var k = PerfText.Key(c.Text);
            l1 |= k.Contains("一级指标");
            l2 |= k.Contains("二级指标");
            l3 |= k.Contains("三级指标");
            content |= k == "指标内容";
            value |= k.EndsWith("指标值", StringComparison.Ordinal);
        }
        return l1 && (l2 || l3) || content && value;
    }

    private static bool IsSubHeader(SourceRow row)
    {
        int first = PerfText.FirstNonEmpty(row);
        if (first < 2 || PerfText.HasNumeric(row)) return false;
        foreach (var c in row.Cells)
        {
            if (c.IsEmpty) continue;
            var k = PerfText.Key(c.Text);
            if (k.Length > 12 || PerfText.IsOperator(k) || PerfText.FieldOf(k) == IndicatorField.None && !k.Contains("年")) return false;
        }
        return true;
    }

    private SourceCell? Cell(SourceRow row, IndicatorField field, int shift)
    {
        foreach (var (col, f) in _map!)
        {
            if (f != field) continue;
            int c = col + shift;
            return c >= 0 && c < row.Cells.Count ? row.Cells[c] : null;
        }
        return null;
    }

    private string Text(SourceRow row, IndicatorField field, int shift) => PerfText.Clean(Cell(row, field, shift)?.Text);

    /// <summary>
    /// The column offset of this block against the header: 0 normally, −1 for 000's continuation blocks that
    /// lost the leading "当年绩效指标" column, +1 for 002 tables whose header lost its leading merged cell.
    /// </summary>
    private int ShiftFor(RowRef rr)
    {
        if (_shift.TryGetValue(rr.Block, out var s)) return s;
        int best = 0, bestScore = int.MinValue;
        foreach (var cand in new[] { 0, -1, 1 })
        {
            int score = 0;
            foreach (var other in Segment.Rows)
            {
                if (other.Block != rr.Block) continue;
                if (other.Block == _mapBlock && other.Row <= _mapHeaderRow) continue;
                if (IsIndicatorHeader(other.Value)) break;
                score += RowScore(other.Value, cand);
            }
            if (score > bestScore) { bestScore = score; best = cand; }
        }
        _shift[rr.Block] = best;
        return best;
    }

    private int RowScore(SourceRow row, int shift)
    {
        int score = 0;
        var nameRaw = Cell(row, IndicatorField.Name, shift)?.Text;
        var name = PerfText.Key(nameRaw);
        var l2Key = PerfText.Key(Cell(row, IndicatorField.Level2, shift)?.Text);
        if (name.Length > 0 && !PerfText.IsOperator(name) && !PerfText.IsPlaceholderName(name))
        {
            var asValue = PerfText.ParseValue(nameRaw);
            if (PerfText.IsNumeric(name)) score += 1;
            // a name ending with 指标 is more often a level name read one column early, unless a standard 二级 name stands
            // right before it (生态效益指标 | 响应指标)
            else if (asValue.Number is null && (!name.EndsWith("指标", StringComparison.Ordinal) || IsStandardLevel2(l2Key) && !IsLevelName(name))
                     && !"≥≤=><≧≦".Contains(name[0])) score += 2;
        }
        var op = Cell(row, IndicatorField.Operator, shift);
        if (op is not null && PerfText.IsOperator(op.Text)) score += 2;
        var target = Cell(row, IndicatorField.Target, shift);
        if (target is not null && !target.IsEmpty && PerfText.ParseValue(target.Text).Number is not null) score += 1;
        var l1 = PerfText.Key(Cell(row, IndicatorField.Level1, shift)?.Text);
        if (l1.EndsWith("指标", StringComparison.Ordinal) || l1.EndsWith("满意度", StringComparison.Ordinal) || l1.EndsWith("成本", StringComparison.Ordinal)) score += 1;
        // a standard 二级 name left of the 一级 column is dropped by this offset: it is too far to the right
        // (| 生态效益指标 | 响应指标 | 衡量… | 长期有效 | 90 | … is not read two columns on)
        if (_map!.Where(kv => kv.Value == IndicatorField.Level1).Select(kv => kv.Key + shift).FirstOrDefault() is int first and > 0)
            for (int c = 0; c < first && c < row.Cells.Count; c++)
                if (PerfText.Key(row.Cells[c].Text) is var k && IsStandardLevel2(k) && !StandardLevel1.Contains(k)) score -= 2;
        return score;
    }

    private static bool IsStandardLevel2(string key) =>
        key.EndsWith("指标", StringComparison.Ordinal) && StandardLevel2.Any(n => key.StartsWith(n, StringComparison.Ordinal));

    private static bool IsLevelName(string key) => StandardLevel1.Contains(key) || IsStandardLevel2(key);

    /// <summary>一级 indicator names of the national 项目支出绩效目标 system.</summary>
    private static readonly HashSet<string> StandardLevel1 = new() { "产出指标", "效益指标", "满意度指标", "成本指标" };

    /// <summary>Openings of the 二级 indicator names of that system.</summary>
    private static readonly string[] StandardLevel2 =
        { "数量", "质量", "时效", "经济成本", "社会成本", "生态环境成本", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度", "满意度" };

    /// <summary>
    /// The row fits its block's offset as it stands: a standard 一级 and 二级 name in their columns and a named indicator
    /// (not a number, operator or level name) in the 三级 column — a qualitative value (有促进作用) next to a dated
    /// 指标值确定依据 (2023年底完成) must not pull it one column on.
    /// </summary>
    private bool AlignedAt(SourceRow row, int shift)
    {
        var l1 = PerfText.Key(Cell(row, IndicatorField.Level1, shift)?.Text);
        var l2 = PerfText.Key(Cell(row, IndicatorField.Level2, shift)?.Text);
        var nameRaw = Cell(row, IndicatorField.Name, shift)?.Text;
        var name = PerfText.Key(nameRaw);
        return StandardLevel1.Contains(l1) && IsStandardLevel2(l2) && name.Length > 0 && !IsLevelName(name) && !PerfText.IsOperator(name)
               && !PerfText.IsNumeric(name) && PerfText.ParseValue(nameRaw).Number is null;
    }

    /// <summary>A row misaligned against its own block (merged cells lost in conversion, 004) is realigned when another offset fits clearly better.</summary>
    private int RowShift(SourceRow row, int blockShift)
    {
        if (AlignedAt(row, blockShift)) return blockShift;
        int best = blockShift, bestScore = RowScore(row, blockShift);
        foreach (var d in new[] { -1, 1, 2 })
        {
            int sc = RowScore(row, blockShift + d);
            if (sc > bestScore) { best = blockShift + d; bestScore = sc; }
        }
        return best;
    }

    private bool ReadIndicatorRow(RowRef rr)
    {
        var row = rr.Value;
        int shift = RowShift(row, ShiftFor(rr));
        var nameCell = Cell(row, IndicatorField.Name, shift);
        string name = PerfText.Clean(nameCell?.Text);
        var targetCell = Cell(row, IndicatorField.Target, shift);
        string targetText = PerfText.Clean(targetCell?.Text);
        var opCell = Cell(row, IndicatorField.Operator, shift);
        string l1 = Text(row, IndicatorField.Level1, shift), l2 = Text(row, IndicatorField.Level2, shift);

        if (name.Length == 0)
        {
            // a "指标1：…" name that slid into another column (002)
            foreach (var c in row.Cells)
                if (!c.IsEmpty && NumberedName().IsMatch(PerfText.Key(c.Text)) && !PerfText.IsPlaceholderName(c.Text)) { nameCell = c; name = PerfText.Clean(c.Text); break; }
        }
        bool hasAnything = name.Length > 0 || targetText.Length > 0 || PerfText.IsOperator(opCell?.Text);
        if (!hasAnything)
        {
            if (l1.Length > 0 && !PerfText.HasNumeric(row)) { _l1 = l1; _l2 = l2; }
            return false;
        }
        if (PerfText.IsPlaceholderName(name) && (name.Length > 0 || targetText.Length == 0 || PerfText.IsPlaceholderName(targetText)))
        {
            foreach (var c in row.Cells) if (!c.IsEmpty && PerfText.IsNumeric(c.Text)) Used(c);
            var printed = string.Join(" | ", row.NonEmpty.Select(c => PerfText.Clean(c.Text)));
            Note($"模板占位行（未填写的绩效指标），已跳过：{printed}（{Segment.Title}）", row.Source);
            _t.PlaceholderRows.Add(row.Source);
            return true;
        }

        if (l1.Length > 0)
        {
            if (l1 != _l1 && l2.Length == 0) _l2 = "";
            _l1 = l1;
        }
        if (l2.Length > 0) _l2 = l2;

        var parsed = PerfText.ParseValue(targetCell?.Text);
        string op = PerfText.NormalizeOp(opCell?.Text);
        if (op.Length == 0) op = parsed.Operator;
        string unit = Text(row, IndicatorField.Unit, shift);
        if (unit.Length == 0) unit = parsed.Unit;
        var valueUnit = PerfText.UnitOf(unit, parsed.IsPercent);

        var basis = Text(row, IndicatorField.Basis, shift);
        var description = Text(row, IndicatorField.Description, shift);
        if (description.Length > 0 && description != name && description != basis)
            basis = basis.Length == 0 ? description : description + "；" + basis;

        var priorCell = Cell(row, IndicatorField.Prior, shift);
        var priorYearCell = Cell(row, IndicatorField.PriorYear, shift);
        var weightFig = FigureOf(Cell(row, IndicatorField.Weight, shift), ValueUnit.Other);
        var indicator = new Indicator
        {
            Level1 = _l1,
            Level2 = _l2,
            Name = PerfText.StripNumbering(name),
            Operator = op,
            TargetText = targetText,
            Target = parsed.Number,
            Unit = unit,
            Weight = weightFig?.Value,
            Basis = basis,
            PriorText = priorCell is null ? null : PerfText.Clean(priorCell.Text),
            PriorYearText = priorYearCell is null ? null : PerfText.Clean(priorYearCell.Text),
            Note = NullIfEmpty(Text(row, IndicatorField.Note, shift)),
            IsLongTerm = _longTerm,
            Source = row.Source,
        };
        if (FigureOf(targetCell, valueUnit) is Figure tf) indicator.Figures["Target"] = tf;
        if (weightFig is not null) indicator.Figures["Weight"] = weightFig;
        if (FigureOf(priorCell, PerfText.UnitOf(PerfText.ParseValue(priorCell?.Text).Unit, PerfText.ParseValue(priorCell?.Text).IsPercent)) is Figure pf) indicator.Figures["Prior"] = pf;
        if (FigureOf(priorYearCell, PerfText.UnitOf(PerfText.ParseValue(priorYearCell?.Text).Unit, PerfText.ParseValue(priorYearCell?.Text).IsPercent)) is Figure py) indicator.Figures["PriorYear"] = py;
        if (nameCell is not null && PerfText.IsNumeric(nameCell.Text))
            Note($"三级指标名称是数字：“{name}”（{Segment.Title}）", nameCell.Source);
        if (nameCell is not null) Used(nameCell);
        _t.Indicators.Add(indicator);
        return true;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    // ---------------------------------------------------------------- 资金支出计划 (HB)

    private void ReadPlan(SourceRow row)
    {
        var header = _planHeader!;
        for (int c = 1; c < header.Cells.Count; c++)
        {
            if (header.Cells[c].IsEmpty) continue;
            var cell = c < row.Cells.Count ? row.Cells[c] : null;
            var fig = FigureOf(cell, ValueUnit.Percent);
            _t.SpendingPlan.Add(fig ?? Figure.Blank(ValueUnit.Percent, cell?.Source ?? row.Source));
        }
    }

    // ---------------------------------------------------------------- label rows

    private static LabelRole LabelOf(string key)
    {
        key = key.TrimEnd(':');
        if (key.Length == 0 || key.Length > 40) return LabelRole.None;
        if (key == "项目名称") return LabelRole.Name;
        if (key is "项目编码" or "项目编号" or "项目代码") return LabelRole.Code;
        if (key.StartsWith("项目编码及名称", StringComparison.Ordinal)) return LabelRole.CodeAndName;
        if (key is "项目类型" or "项目类别") return LabelRole.Type;
        if (key.StartsWith("当年预算合计", StringComparison.Ordinal)) return LabelRole.Fund;
        if (key.StartsWith("当年预算", StringComparison.Ordinal) || key is "年度资金总额" or "年度预算资金总额" or "项目当年预算" or "实施期资金总额") return LabelRole.Amount;
        if (key.StartsWith("资金金额", StringComparison.Ordinal)) return LabelRole.UnitLabel;
        if (FundRegex().IsMatch(key)) return LabelRole.Fund;
        if (key is "联系电话" or "项目年度" or "起始年度" or "终止年度" or "预算年度") return LabelRole.Identifier;
        if (key is "部门(单位)名称" or "单位名称" or "预算(单位)名称") return LabelRole.DeptName;
        foreach (var t in TextLabels) if (key == t) return LabelRole.Text;
        foreach (var t in TextLabelPrefixes) if (key.StartsWith(t)) return LabelRole.Text;
        return LabelRole.None;
    }

    private static readonly string[] TextLabels =
    {
        "申报单位", "主管部门", "项目主管部门", "项目单位", "项目执行单位", "联系人", "项目负责人", "资金用途", "填报人",
        "项目概况", "立项依据", "当年实施进度计划", "当年整体绩效目标", "项目实施方案", "项目安排频度", "总体目标",
        "年度绩效目标", "长期绩效目标", "部门整体绩效情况", "部门职能概述", "年度工作任务", "整体绩效总目标", "项目绩效总目标",
        "名称", "其他说明", "目标名称", "品名", "长期绩效目标表", "年度绩效目标表", "项目资产配置计划及采购计划",
    };

    private static readonly string[] TextLabelPrefixes = { "上年绩效评价", "项目前两年", "长期目标", "年度目标" };

    private void ReadLabelRow(SourceRow row)
    {
        LabelRole pending = LabelRole.None;
        SourceCell? pendingCell = null;
        foreach (var cell in row.Cells)
        {
            if (cell.IsEmpty) continue;
            var yearLabel = CurrentYearLabel().Match(PerfText.Key(cell.Text));
            if (yearLabel.Success)
                _t.YearMentions.Add(new YearMention(int.Parse(yearLabel.Groups[1].Value), true, PerfText.Clean(cell.Text), PerfText.Clean(cell.Text), cell.Source));
            var role = LabelOf(PerfText.Key(cell.Text));
            if (role != LabelRole.None)
            {
                Close(pending, pendingCell, null);
                pending = role;
                pendingCell = cell;
                continue;
            }
            if (pending == LabelRole.None) continue;
            Close(pending, pendingCell!, cell);
            pending = LabelRole.None;
            pendingCell = null;
        }
        Close(pending, pendingCell, null);
    }

    private void Close(LabelRole role, SourceCell? label, SourceCell? value)
    {
        if (role == LabelRole.None || label is null) return;
        var labelText = PerfText.Clean(label.Text);
        if (value is not null && role is LabelRole.Identifier or LabelRole.Text)
        {
            var labelKey = PerfText.Key(label.Text).TrimEnd(':');
            bool current = labelKey is "项目年度" or "起始年度" or "终止年度" or "预算年度";
            bool history = labelKey.StartsWith("项目前两年", StringComparison.Ordinal);
            if (labelKey is "主管部门" or "项目主管部门" && _t.Department is null && PerfText.Clean(value.Text) is { Length: > 0 } dept)
            {
                _t.Department = dept;
                _t.DepartmentSource = value.Source;
            }
            if (PerfText.IsUnitNameLabel(labelKey) && PerfText.Clean(value.Text) is { Length: > 0 } unit)
                _t.UnitFields.Add(new UnitNameField(labelKey, unit, value.Source));
            if (current || history)
                foreach (System.Text.RegularExpressions.Match ym in YearInText().Matches(PerfText.Clean(value.Text)))
                    _t.YearMentions.Add(new YearMention(int.Parse(ym.Groups[1].Value), current, labelText, ym.Value, value.Source));
        }
        switch (role)
        {
            case LabelRole.Name when value is not null:
                _t.ProjectName = PerfText.Clean(value.Text);
                break;
            case LabelRole.Code when value is not null:
                _t.ProjectCode = PerfText.Key(value.Text);
                Used(value);
                break;
            case LabelRole.CodeAndName when value is not null:
                var m = CodeAndNameRegex().Match(PerfText.Clean(value.Text));
                if (m.Success)
                {
                    _t.ProjectCode = m.Groups[1].Value.Trim();
                    _t.ProjectName = m.Groups[2].Value.Trim();
                }
                else _t.ProjectName = PerfText.Clean(value.Text);
                break;
            case LabelRole.Type when value is not null:
                _t.ProjectType = PerfText.Clean(value.Text);
                break;
            case LabelRole.UnitLabel:
                _t.StatedUnit = PerfText.UnitInLabel(labelText) ?? _t.StatedUnit;
                break;
            case LabelRole.Amount when value is not null:
            {
                var parsed = PerfText.ParseValue(value.Text);
                var stated = PerfText.UnitInLabel(labelText) ?? (parsed.Unit.Length > 0 ? parsed.Unit : null);
                if (stated is not null) _t.StatedUnit = stated;
                var fig = FigureOf(value, MoneyUnit());
                if (fig is not null) _t.Amount ??= fig;
                break;
            }
            case LabelRole.Fund:
            {
                var values = new Dictionary<string, Figure>();
                var fig = FigureOf(value, MoneyUnit());
                if (fig is not null) values["金额"] = fig;
                _t.Funds.Add(new FundLine(labelText, values));
                break;
            }
            case LabelRole.Identifier when value is not null:
                IdentifierNumber(value, labelText);
                break;
            case LabelRole.DeptName when value is not null:
                if (_t.IsOverall && _t.ProjectName.Length == 0) _t.ProjectName = PerfText.Clean(value.Text);
                break;
        }
    }

    private ValueUnit MoneyUnit() => _t.StatedUnit == "元" ? ValueUnit.Yuan : ValueUnit.WanYuan;

    // ---------------------------------------------------------------- money grids

    private static readonly string[] GridKeys = { "资金情况", "预算金额", "项目总预算", "本级财政拨款金额", "当年金额" };

    private static bool IsGridHeader(SourceRow row)
    {
        if (PerfText.NonEmptyCount(row) < 2 || PerfText.HasNumeric(row)) return false;
        foreach (var c in row.Cells)
        {
            if (c.IsEmpty) continue;
            var k = PerfText.Key(c.Text);
            foreach (var g in GridKeys) if (k.Contains(g)) return true;
        }
        return false;
    }

    private static bool IsGridSubHeader(SourceRow row, SourceRow header)
    {
        if (PerfText.HasNumeric(row) || row.IsBlank) return false;
        var grid = Grid.Build(header, null);
        int first = PerfText.FirstNonEmpty(row);
        return grid.Leaves.Count > 0 && first >= grid.Leaves[0].Col && row.NonEmpty.All(c => PerfText.Key(c.Text).Length <= 12);
    }

    private static readonly string[] GridStopWords = { "计划", "目标", "绩效", "概述", "说明", "依据", "任务", "情况" };

    private bool ReadGridRow(SourceRow row)
    {
        var grid = _grid!;
        if (!PerfText.HasNumeric(row))
        {
            if (PerfText.NonEmptyCount(row) > 2) return false;
            foreach (var c in row.NonEmpty)
            {
                var k = PerfText.Key(c.Text);
                if (k.Length > 20) return false;
                foreach (var w in GridStopWords) if (k.Contains(w)) return false;
            }
            var only = row.NonEmpty.ToList();
            var label = grid.LabelFor(only.Select(c => (c.Column, PerfText.Clean(c.Text))).ToList());
            _t.Funds.Add(new FundLine(label, new Dictionary<string, Figure>()));
            return true;
        }
        int fnc = PerfText.FirstNumericColumn(row);
        int shift = fnc - grid.Leaves[0].Col;
        if (Math.Abs(shift) > 1) shift = 0;
        string? rowLabel = null;
        if (grid.LabelCol is int lc && lc + shift >= 0 && lc + shift < row.Cells.Count)
        {
            var cell = row.Cells[lc + shift];
            if (!cell.IsEmpty && !PerfText.IsNumeric(cell.Text)) rowLabel = PerfText.Clean(cell.Text);
        }
        if (rowLabel is null)
        {
            var parts = new List<(int, string)>();
            for (int c = 0; c < fnc; c++)
                if (!row.Cells[c].IsEmpty) parts.Add((c, PerfText.Clean(row.Cells[c].Text)));
            rowLabel = parts.Count == 0 ? grid.Title : grid.LabelFor(parts);
        }
        var values = new Dictionary<string, Figure>();
        foreach (var cell in row.Cells)
        {
            if (cell.IsEmpty || !PerfText.IsNumeric(cell.Text)) continue;
            var key = grid.KeyAt(cell.Column - shift);
            if (key is null) continue;
            var fig = FigureOf(cell, grid.StatedUnit == "元" ? ValueUnit.Yuan : key.Contains("占比") ? ValueUnit.Percent : MoneyUnit());
            if (fig is not null) values.TryAdd(key, fig);
        }
        _t.Funds.Add(new FundLine(rowLabel, values));
        if (_t.IsOverall && _t.Amount is null)
        {
            var total = values.FirstOrDefault(kv => kv.Key.Contains("预算支出总额")).Value;
            if (total is null && rowLabel.EndsWith("合计", StringComparison.Ordinal) && values.Count > 0) total = values.First().Value;
            if (total is not null) _t.Amount = total;
        }
        return true;
    }

    /// <summary>A money grid: leaf value columns from a header and an optional sub-header (spans to the right).</summary>
    private sealed class Grid
    {
        public List<(int Col, string Key)> Leaves { get; } = new();
        public int? LabelCol { get; private set; }
        public string Title { get; private set; } = "";
        public string? StatedUnit { get; private set; }
        private string _group = "";
        private int _groupCol = -1;

        private static readonly string[] LabelHeaderWords = { "资金情况", "名称", "项目内容", "测算依据", "主要内容", "类别", "用途", "来源" };

        public static Grid Build(SourceRow header, SourceRow? sub)
        {
            var g = new Grid();
            int first = PerfText.FirstNonEmpty(header);
            g.Title = PerfText.Clean(header.Cells[first].Text);
            g.StatedUnit = PerfText.UnitInLabel(g.Title);
            var valueCols = new List<(int Col, string Text)>();
            foreach (var c in header.Cells)
            {
                if (c.IsEmpty) continue;
                var k = PerfText.Key(c.Text);
                bool label = c.Column == first || LabelHeaderWords.Any(k.Contains);
                if (label)
                {
                    if (g.LabelCol is null && (k.Contains("名称") || k.Contains("项目内容"))) g.LabelCol = c.Column;
                    continue;
                }
                valueCols.Add((c.Column, PerfText.Clean(c.Text)));
            }
            for (int i = 0; i < valueCols.Count; i++)
            {
                int start = valueCols[i].Col, end = i + 1 < valueCols.Count ? valueCols[i + 1].Col : int.MaxValue;
                bool anySub = false;
                if (sub is not null)
                    for (int c = start; c < Math.Min(end, sub.Cells.Count); c++)
                    {
                        if (sub.Cells[c].IsEmpty) continue;
                        anySub = true;
                        g.Leaves.Add((c, valueCols[i].Text + "·" + PerfText.Clean(sub.Cells[c].Text)));
                    }
                if (!anySub) g.Leaves.Add((start, valueCols[i].Text));
            }
            g.Leaves.Sort((a, b) => a.Col.CompareTo(b.Col));
            return g;
        }

        public string? KeyAt(int col)
        {
            string? key = null;
            foreach (var (c, k) in Leaves) if (c <= col) key = k;
            return key;
        }

        /// <summary>Row label with the group cell carried down (收入构成 / 财政拨款 → 收入构成·财政拨款).</summary>
        public string LabelFor(List<(int Col, string Text)> parts)
        {
            if (parts.Count >= 2)
            {
                _group = parts[0].Text;
                _groupCol = parts[0].Col;
                return string.Join("·", parts.Select(p => p.Text));
            }
            if (parts.Count == 1 && _groupCol >= 0 && parts[0].Col > _groupCol) return _group + "·" + parts[0].Text;
            _groupCol = -1;
            return parts.Count == 0 ? Title : parts[0].Text;
        }
    }

    [GeneratedRegex(@"^(\d+\.)?(上级资金|本级资金|其他资金|其中:?财政拨款|财政拨款收入|专户管理的非税收入拨款|项目总预算)")]
    private static partial Regex FundRegex();

    [GeneratedRegex(@"^\[([^\]]+)\]\s*(.*)$")]
    private static partial Regex CodeAndNameRegex();

    [GeneratedRegex(@"^(20\d\d)年?(预算申报|项目支出明细)")]
    private static partial Regex CurrentYearLabel();

    [GeneratedRegex(@"(20\d\d)\s*年")]
    private static partial Regex YearInText();

    [GeneratedRegex(@"^指标\d+[:：].+")]
    private static partial Regex NumberedName();
}
