using Gongkai.Audit;
using Gongkai.Model;

namespace Gongkai.Tests.Audit;

/// <summary>
/// Terse builder of small disclosures for rule tests. Every figure gets a unique provenance
/// (file "doc.txt", a running line number, table, row and column), so tests can assert locations.
/// Figures are printed with 2 decimals unless the literal carries more.
/// </summary>
public sealed class DocBuilder
{
    private int _line = 1;

    private DocBuilder(DocumentKind kind, int year)
    {
        Doc = new Disclosure { File = "doc.txt", Kind = kind, Year = year };
    }

    public Disclosure Doc { get; }
    public Claim? LastClaim => Doc.Claims.LastOrDefault();

    public static DocBuilder Final(int year = 2024) => new(DocumentKind.FinalAccount, year);
    public static DocBuilder Budget(int year = 2024) => new(DocumentKind.Budget, year);

    public Provenance Next(string text = "", int? table = null, int? row = null, int? column = null) =>
        new("doc.txt", Line: _line++, TableIndex: table, Row: row, Column: column, Text: text);

    public Figure Fig(decimal value, ValueUnit unit = ValueUnit.WanYuan, int? scale = null, Provenance? at = null) =>
        new(value, scale ?? Math.Max(2, (int)value.Scale), unit, FigureKind.Number, at ?? Next(value.ToString()));

    public DocBuilder Profile(RegionProfile p) { Doc.Profile = p; return this; }
    public DocBuilder Title(string title) { Doc.Title = title; return this; }

    public DocBuilder Table(TableKind kind, Action<TableBuilder> build, string? title = null, ValueUnit unit = ValueUnit.WanYuan)
    {
        var t = new DisclosureTable { Kind = kind, Title = title ?? "", Unit = unit, Source = Next(title ?? kind.ToString(), Doc.Tables.Count + 1) };
        Doc.Tables.Add(t);
        build(new TableBuilder(this, t, Doc.Tables.Count, unit));
        return this;
    }

    public DocBuilder Sentence(string text, string heading = "情况说明")
    {
        var section = Doc.Sections.FirstOrDefault(s => s.Heading == heading);
        if (section is null)
        {
            section = new NarrativeSection { Heading = heading, Level = 1, Source = Next(heading) };
            Doc.Sections.Add(section);
        }
        section.Sentences.Add(new Sentence(text, Next(text), heading));
        return this;
    }

    public DocBuilder Claim(string subject, decimal? amount = null, ClaimKind kind = ClaimKind.Amount,
        ChangeDirection? dir = null, decimal? change = null, decimal? percent = null, ChangeDirection? percentDir = null,
        ComparisonBase @base = ComparisonBase.Unspecified, int? comparedYear = null, int? year = null,
        decimal? share = null, decimal? completion = null, decimal? baseAmount = null, ChangeDirection? relation = null,
        string sentence = "", ValueUnit unit = ValueUnit.WanYuan, params (string Subject, decimal Amount, decimal? Share)[] parts)
    {
        var c = new Claim
        {
            Kind = kind, Subject = subject, Amount = amount, AmountScale = 2, Unit = unit, Direction = dir,
            ChangeAmount = change, ChangeScale = 2, ChangePercent = percent, PercentDirection = percentDir, Base = @base,
            ComparedYear = comparedYear, Year = year, SharePercent = share, CompletionPercent = completion,
            BaseAmount = baseAmount, BaseAmountScale = 2, Relation = relation,
            Sentence = sentence.Length > 0 ? sentence : subject, Source = Next(sentence.Length > 0 ? sentence : subject),
        };
        foreach (var p in parts) c.Parts.Add(new ClaimPart(p.Subject, p.Amount, 2, unit, p.Share));
        Doc.Claims.Add(c);
        return this;
    }

    public DocBuilder Procurement(decimal? total, decimal? goods, decimal? works, decimal? services, decimal? sme = null, decimal? micro = null)
    {
        Figure? F(decimal? v) => v is decimal d ? Fig(d) : null;
        Doc.Procurement = new ProcurementSummary
        {
            Total = F(total), Goods = F(goods), Works = F(works), Services = F(services), Sme = F(sme), SmallMicro = F(micro),
        };
        return this;
    }

    public DocBuilder SelfEvaluation(bool overall, Action<SelfEvaluationBuilder> build, string name = "项目A")
    {
        var s = new SelfEvaluation { IsOverall = overall, ProjectName = overall ? "部门整体" : name, Source = Next(name) };
        Doc.SelfEvaluations.Add(s);
        build(new SelfEvaluationBuilder(this, s));
        return this;
    }

    public DocBuilder Target(bool overall, params decimal[] weights)
    {
        var p = new PerformanceTarget { IsOverall = overall, ProjectName = overall ? "部门整体" : "项目B", Source = Next("绩效目标") };
        foreach (var w in weights) p.Indicators.Add(new Indicator { Name = "指标", Weight = w, Source = Next("指标") });
        Doc.PerformanceTargets.Add(p);
        return this;
    }
}

public sealed class TableBuilder
{
    private readonly DocBuilder _doc;
    private readonly int _index;
    private readonly ValueUnit _unit;
    private ColumnKey[] _cols = { Measure.Amount };

    internal TableBuilder(DocBuilder doc, DisclosureTable table, int index, ValueUnit unit)
    {
        _doc = doc;
        Table = table;
        _index = index;
        _unit = unit;
    }

    public DisclosureTable Table { get; }

    public TableBuilder Columns(params ColumnKey[] cols) { _cols = cols; return this; }
    public TableBuilder Note(string note) { Table.Notes.Add(note); return this; }

    private DataRow Add(DataRow row, decimal?[]? values)
    {
        values ??= new decimal?[] { null };
        var r = Table.Rows.Count + 1;
        for (int i = 0; i < values.Length && i < _cols.Length; i++)
        {
            var at = _doc.Next(values[i]?.ToString() ?? "", _index, r, i + 1);
            row.Values[_cols[i]] = values[i] is decimal v
                ? _doc.Fig(v, _unit, at: at)
                : Figure.Blank(_unit, at);
        }
        Table.Rows.Add(row);
        return row;
    }

    private Provenance RowSource(string label) => _doc.Next(label, _index, Table.Rows.Count + 1);

    private static ClassificationCode Code(string code) =>
        ClassificationCode.TryCreate(code) ?? new ClassificationCode(code, code.StartsWith('3') ? CodeScheme.DepartmentEconomic : CodeScheme.Function);

    /// <summary>The 合计 row.</summary>
    public TableBuilder Total(params decimal?[] values)
    {
        Add(new DataRow { Label = "合计", IsTotal = true, Source = RowSource("合计") }, values);
        return this;
    }

    /// <summary>A coded row (类/款/项 or 部门经济分类).</summary>
    public TableBuilder Row(string code, string label, params decimal?[] values)
    {
        Add(new DataRow { Label = label, Code = Code(code), Source = RowSource(label) }, values);
        return this;
    }

    /// <summary>An uncoded row (e.g. the single data row of a 三公 table).</summary>
    public TableBuilder Plain(string label, params decimal?[] values)
    {
        Add(new DataRow { Label = label, Source = RowSource(label) }, values);
        return this;
    }

    public TableBuilder Income(SummaryLine line, params decimal?[] values)
    {
        Add(new DataRow { Label = line.Chinese(), Side = Side.Income, Line = line, Source = RowSource(line.Chinese()) }, values);
        return this;
    }

    public TableBuilder Expense(SummaryLine line, params decimal?[] values)
    {
        Add(new DataRow { Label = line.Chinese(), Side = Side.Expenditure, Line = line, Source = RowSource(line.Chinese()) }, values);
        return this;
    }

    public TableBuilder ExpenseClass(string code, string label, params decimal?[] values)
    {
        Add(new DataRow { Label = label, Code = Code(code), Side = Side.Expenditure, Line = SummaryLine.ExpenditureClass, Source = RowSource(label) }, values);
        return this;
    }
}

public sealed class SelfEvaluationBuilder
{
    private readonly DocBuilder _doc;
    private readonly SelfEvaluation _s;

    internal SelfEvaluationBuilder(DocBuilder doc, SelfEvaluation s) { _doc = doc; _s = s; }

    public SelfEvaluationBuilder Funds(decimal? initial, decimal? adjusted, decimal? executed, decimal? rate, decimal? weight = null,
        decimal? score = null, string label = "年度总金额")
    {
        Figure? F(decimal? v, ValueUnit u) => v is decimal d ? _doc.Fig(d, u) : null;
        _s.Funds.Add(new SelfEvaluationFunds
        {
            Label = label, InitialBudget = F(initial, ValueUnit.Yuan), AdjustedBudget = F(adjusted, ValueUnit.Yuan),
            Executed = F(executed, ValueUnit.Yuan), ExecutionRate = F(rate, ValueUnit.Percent), Weight = F(weight, ValueUnit.Other),
            Score = F(score, ValueUnit.Other), Source = _doc.Next(label),
        });
        return this;
    }

    public SelfEvaluationBuilder Total(decimal score)
    {
        _s.TotalScore = _doc.Fig(score, ValueUnit.Other);
        return this;
    }

    public SelfEvaluationBuilder Indicator(string name, string op, decimal target, decimal actual, decimal? deviation,
        decimal? coefficient, decimal? weight, decimal? score)
    {
        var i = new Indicator
        {
            Name = name, Operator = op, Target = target, TargetText = target.ToString(), Actual = actual, Deviation = deviation,
            Coefficient = coefficient, Weight = weight, Score = score, Source = _doc.Next(name),
        };
        void Put(string key, decimal? v) { if (v is decimal d) i.Figures[key] = _doc.Fig(d, ValueUnit.Other); }
        Put("Target", target); Put("Actual", actual); Put("Deviation", deviation); Put("Coefficient", coefficient);
        Put("Weight", weight); Put("Score", score);
        _s.Indicators.Add(i);
        return this;
    }
}

/// <summary>Running single rules and asserting findings.</summary>
public static class RuleAssert
{
    public static List<Finding> Run<TRule>(DocBuilder b, AuditOptions? options = null) where TRule : Rule, new() =>
        new TRule().Check(new AuditContext(b.Doc, options)).ToList();

    /// <summary>Exactly one non-rounding finding of the rule, with expected/found/difference when given.</summary>
    public static Finding Single<TRule>(DocBuilder b, decimal? expected = null, decimal? found = null, AuditOptions? options = null)
        where TRule : Rule, new()
    {
        var all = Run<TRule>(b, options);
        var real = all.Where(f => !f.IsRoundingDifference).ToList();
        var f = Assert.Single(real);
        Assert.Equal(new TRule().Descriptor.Id, f.RuleId);
        Assert.False(string.IsNullOrWhiteSpace(f.Message));
        if (expected is decimal e) Assert.Equal(e, f.Expected);
        if (found is decimal fo) Assert.Equal(fo, f.Found);
        if (expected is decimal e2 && found is decimal f2) Assert.Equal(f2 - e2, f.Difference);
        return f;
    }

    public static void Silent<TRule>(DocBuilder b, AuditOptions? options = null) where TRule : Rule, new()
    {
        var all = Run<TRule>(b, options).Where(f => !f.IsRoundingDifference).ToList();
        Assert.True(all.Count == 0, "不应有发现，实有：" + string.Join(" | ", all.Select(f => f.Message)));
    }

    /// <summary>The provenance of a cell of a table (by code, or the 合计 row when code is null).</summary>
    public static Provenance Cell(DocBuilder b, TableKind kind, string? code, ColumnKey key)
    {
        var t = b.Doc.Table(kind)!;
        var row = code is null ? t.Rows.First(r => r.IsTotal) : t.Row(code)!;
        return row[key]!.Source;
    }

    public static Provenance Line(DocBuilder b, TableKind kind, SummaryLine line, ColumnKey? key = null)
    {
        var row = b.Doc.Table(kind)!.Rows.First(r => r.Line == line);
        return (key is { } k ? row[k] : row.LineValue())!.Source;
    }
}
