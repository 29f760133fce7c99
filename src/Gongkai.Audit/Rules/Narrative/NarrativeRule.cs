using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Narrative;

/// <summary>Helpers shared by the narrative rules.</summary>
public abstract partial class NarrativeRule : Rule
{
    protected static IEnumerable<Claim> Claims(AuditContext ctx) => ctx.Disclosure.Claims;

    /// <summary>The claims about the disclosure as a whole — not about one of its units — which alone may be compared with its tables.</summary>
    protected static IEnumerable<Claim> DepartmentClaims(AuditContext ctx) => ctx.Disclosure.Claims.Where(c => c.Entity is null);

    /// <summary>"（…第214行）「2024年度收入支出总计…」" — the sentence, shortened for messages.</summary>
    protected static string Quote(Claim c)
    {
        var s = c.Sentence.Trim();
        if (s.Length > 40) s = s[..40] + "…";
        return s.Length == 0 ? $"关于「{c.Subject}」的表述" : $"「{s}」";
    }

    /// <summary>A claim amount in 万元, with the scale to judge it at (trailing zeros dropped in prose).</summary>
    protected static (decimal Value, int Scale) Wan(decimal value, int scale, ValueUnit unit) =>
        unit == ValueUnit.Yuan ? (value / 10000m, Tolerance.NarrativeScale(scale) + 4) : (value, Tolerance.NarrativeScale(scale));

    protected static string DirectionWord(ChangeDirection d) => d switch
    {
        ChangeDirection.Increase => "增加",
        ChangeDirection.Decrease => "减少",
        _ => "持平",
    };

    [GeneratedRegex("占([^0-9０-９.．%％，,。；;]{2,30}?)的?(?:比重|比例)?[0-9０-９]")]
    private static partial Regex WholePattern();

    /// <summary>The whole a share is taken of, as named in the sentence: 占「本年支出合计」的 16.47%.</summary>
    protected static string? WholeNamed(string sentence)
    {
        var m = WholePattern().Match(sentence);
        return m.Success ? m.Groups[1].Value.TrimEnd('的') : null;
    }
}
