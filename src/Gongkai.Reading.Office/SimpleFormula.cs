using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Reading.Office;

/// <summary>A cell's value as a formula sees it.</summary>
public readonly record struct FormulaOperand(bool IsNumber, bool IsBlank, decimal Number)
{
    public static FormulaOperand Blank => new(false, true, 0);
    public static FormulaOperand Text => new(false, false, 0);
    public static FormulaOperand Of(decimal v) => new(true, false, v);
}

/// <summary>
/// Evaluates the simple formulas of published spreadsheets when no result is stored: numbers, cell references
/// on the same sheet, + − × ÷, parentheses, unary minus and SUM over references and ranges. Anything else
/// (other functions, other sheets, text operands) is not evaluated: <see cref="TryEvaluate"/> returns false and
/// the reader reports the cell instead of guessing.
/// </summary>
public sealed partial class SimpleFormula
{
    private readonly string _text;
    private readonly Func<int, int, FormulaOperand?> _cell;
    private int _pos;

    private SimpleFormula(string text, Func<int, int, FormulaOperand?> cell)
    {
        _text = text;
        _cell = cell;
    }

    /// <summary>
    /// Evaluate <paramref name="formula"/> (without the leading '='). <paramref name="cell"/> gives the value of a
    /// (1-based row, 1-based column) cell, or null when that cell cannot be evaluated.
    /// </summary>
    public static bool TryEvaluate(string formula, Func<int, int, FormulaOperand?> cell, out decimal value)
    {
        value = 0;
        var f = new SimpleFormula(formula.Trim().TrimStart('='), cell);
        try
        {
            if (!f.Expression(out value)) return false;
            f.SkipSpace();
            return f._pos == f._text.Length;
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            return false;
        }
    }

    private bool Expression(out decimal value)
    {
        if (!Term(out value)) return false;
        while (true)
        {
            SkipSpace();
            if (!Peek('+') && !Peek('-')) return true;
            char op = _text[_pos++];
            if (!Term(out var right)) return false;
            value = op == '+' ? value + right : value - right;
        }
    }

    private bool Term(out decimal value)
    {
        if (!Unary(out value)) return false;
        while (true)
        {
            SkipSpace();
            if (!Peek('*') && !Peek('/')) return true;
            char op = _text[_pos++];
            if (!Unary(out var right)) return false;
            if (op == '/' && right == 0) return false;
            value = op == '*' ? value * right : value / right;
        }
    }

    private bool Unary(out decimal value)
    {
        SkipSpace();
        if (Peek('-')) { _pos++; if (!Unary(out value)) return false; value = -value; return true; }
        if (Peek('+')) { _pos++; return Unary(out value); }
        return Primary(out value);
    }

    private bool Primary(out decimal value)
    {
        value = 0;
        SkipSpace();
        if (_pos >= _text.Length) return false;
        if (Peek('('))
        {
            _pos++;
            if (!Expression(out value)) return false;
            SkipSpace();
            if (!Peek(')')) return false;
            _pos++;
            return true;
        }
        var rest = _text.AsSpan(_pos);
        var num = NumberToken().Match(_text, _pos);
        if (num.Success && num.Index == _pos)
        {
            _pos += num.Length;
            return decimal.TryParse(num.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        if (rest.StartsWith("SUM(", StringComparison.OrdinalIgnoreCase))
        {
            _pos += 4;
            decimal sum = 0;
            while (true)
            {
                SkipSpace();
                if (Peek(')')) { _pos++; value = sum; return true; }
                var range = RangeToken().Match(_text, _pos);
                if (range.Success && range.Index == _pos)
                {
                    _pos += range.Length;
                    var (r1, c1) = Ref(range.Groups[1].Value);
                    var (r2, c2) = range.Groups[2].Success ? Ref(range.Groups[2].Value) : (r1, c1);
                    if (Math.Abs((long)(r2 - r1) * (c2 - c1)) > 1_000_000) return false;
                    for (int r = Math.Min(r1, r2); r <= Math.Max(r1, r2); r++)
                        for (int c = Math.Min(c1, c2); c <= Math.Max(c1, c2); c++)
                        {
                            var v = _cell(r, c);
                            if (v is null) return false;
                            if (v.Value.IsNumber) sum += v.Value.Number; // SUM skips text and blanks
                        }
                }
                else
                {
                    if (!Expression(out var v)) return false;
                    sum += v;
                }
                SkipSpace();
                if (Peek(',')) { _pos++; continue; }
                if (!Peek(')')) return false;
            }
        }
        var single = RangeToken().Match(_text, _pos);
        if (single.Success && single.Index == _pos && !single.Groups[2].Success)
        {
            _pos += single.Length;
            var (r, c) = Ref(single.Groups[1].Value);
            var v = _cell(r, c);
            if (v is null || !v.Value.IsNumber && !v.Value.IsBlank) return false;
            value = v.Value.Number;
            return true;
        }
        return false;
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    /// <summary>(1-based row, 1-based column) of an A1 reference such as "$B$12".</summary>
    public static (int Row, int Column) Ref(string a1)
    {
        int col = 0, i = 0;
        var s = a1.Replace("$", "");
        while (i < s.Length && char.IsAsciiLetter(s[i])) col = col * 26 + (char.ToUpperInvariant(s[i++]) - 'A' + 1);
        int row = int.Parse(s.AsSpan(i), CultureInfo.InvariantCulture);
        return (row, col);
    }

    /// <summary>The A1 name of a (1-based) column.</summary>
    public static string ColumnName(int column)
    {
        var sb = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) sb.Insert(0, (char)('A' + (c - 1) % 26));
        return sb.ToString();
    }

    /// <summary>
    /// The formula of a cell that shares the formula of <paramref name="master"/> written at (masterRow, masterCol):
    /// relative references move by the offset, absolute ($) parts stay.
    /// </summary>
    public static string Shift(string master, int rowOffset, int colOffset) =>
        ShiftRef().Replace(master, m =>
        {
            if (m.Groups["fn"].Success) return m.Value;
            bool absCol = m.Groups[1].Value == "$", absRow = m.Groups[3].Value == "$";
            var (_, col) = Ref(m.Groups[2].Value + "1");
            int row = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
            if (!absCol) col += colOffset;
            if (!absRow) row += rowOffset;
            if (col < 1 || row < 1) return "#REF!";
            return (absCol ? "$" : "") + ColumnName(col) + (absRow ? "$" : "") + row.ToString(CultureInfo.InvariantCulture);
        });

    [GeneratedRegex(@"\d+(\.\d+)?([eE][-+]?\d+)?(?![A-Za-z(:])")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?(?![A-Za-z0-9(!])")]
    private static partial Regex RangeToken();

    [GeneratedRegex(@"(?<fn>""[^""]*""|[A-Za-z_][A-Za-z0-9_.]*(?=\())|(?<![A-Za-z0-9_!'])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9(])")]
    private static partial Regex ShiftRef();
}
