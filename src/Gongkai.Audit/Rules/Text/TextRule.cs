using Gongkai.Model;
using System.Text.RegularExpressions;

namespace Gongkai.Audit.Rules.Text;

/// <summary>A piece of text to scan: a sentence, a heading, a title.</summary>
public sealed record TextItem(string Text, Provenance Source, string Where);

/// <summary>Base of the text rules: every sentence, section heading, the document title and table titles.</summary>
public abstract class TextRule : Rule
{
    protected static IEnumerable<TextItem> Texts(AuditContext ctx, bool sentences = true, bool titles = true)
    {
        var d = ctx.Disclosure;
        if (titles && !string.IsNullOrEmpty(d.Title)) yield return new TextItem(d.Title, Provenance.Unknown with { File = d.File, Text = d.Title }, "文件标题");
        if (titles)
            foreach (var t in d.Tables)
                if (t.Title.Length > 0) yield return new TextItem(t.Title, t.Source, $"{t.Kind.Label()} 表标题");
        if (!sentences) yield break;
        foreach (var s in d.Sections)
        {
            if (s.Heading.Length > 0) yield return new TextItem(s.Heading, s.Source, "标题");
            foreach (var sen in s.Sentences) yield return new TextItem(sen.Text, sen.Source, "情况说明");
        }
    }

    protected static string Excerpt(string text, int index, int length)
    {
        var start = Math.Max(0, index - 8);
        var end = Math.Min(text.Length, index + length + 8);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
