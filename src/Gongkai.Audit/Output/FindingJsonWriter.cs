using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Model;

namespace Gongkai.Audit;

/// <summary>
/// Writes an <see cref="AuditReport"/> as JSON (UTF-8, Chinese kept readable). Shape:
/// <code>
/// {
///   "file": "…",                        // the audited document
///   "summary": { "errors": n, "warnings": n, "infos": n, "rounding": n, "rulesRun": ["GK101", …] },
///   "findings": [ {
///     "ruleId": "GK201",                 // rule id, see docs/rules.md
///     "severity": "error",               // error | warning | info
///     "severityText": "错误",            // 错误 | 警告 | 提示
///     "category": "within-table",        // completeness | within-table | cross-table | narrative | classification | performance | text
///     "table": "F3",                     // standard table id (B1…F9, or the TableKind name), null when none
///     "message": "…",                    // Chinese: expected, found, difference, where
///     "expected": 706.09, "found": 718.09, "difference": 12.00,   // numbers or null; difference = found − expected
///     "rounding": false,                 // true when inside the 尾差 envelope (always info)
///     "suggestion": "…",                 // or null
///     "locations": [ { "file": "…", "page": 3, "line": null, "table": 4, "row": 7, "column": 2, "box": [l, b, r, t] or null, "text": "706.09", "describe": "…" } ]
///   } ]
/// }
/// </code>
/// </summary>
public static class FindingJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AuditReport report)
    {
        using var ms = new MemoryStream();
        Write(report, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void Write(AuditReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteString("file", report.File);
        w.WriteStartObject("summary");
        w.WriteNumber("errors", report.ErrorCount);
        w.WriteNumber("warnings", report.WarningCount);
        w.WriteNumber("infos", report.InfoCount);
        w.WriteNumber("rounding", report.RoundingCount);
        w.WriteStartArray("rulesRun");
        foreach (var id in report.RulesRun) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in report.Findings) WriteFinding(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteString("severityText", f.Severity.Chinese());
        w.WriteString("category", f.Category.Slug());
        if (f.Table is TableKind t) w.WriteString("table", t.ShortId()); else w.WriteNull("table");
        w.WriteString("message", f.Message);
        Number(w, "expected", f.Expected);
        Number(w, "found", f.Found);
        Number(w, "difference", f.Difference);
        w.WriteBoolean("rounding", f.IsRoundingDifference);
        if (f.Suggestion is { } s) w.WriteString("suggestion", s); else w.WriteNull("suggestion");
        w.WriteStartArray("locations");
        foreach (var l in f.Locations)
        {
            w.WriteStartObject();
            w.WriteString("file", l.File);
            Int(w, "page", l.Page);
            Int(w, "line", l.Line);
            Int(w, "table", l.TableIndex);
            Int(w, "row", l.Row);
            Int(w, "column", l.Column);
            if (l.Box is BoundingBox b)
            {
                w.WriteStartArray("box");
                foreach (var v in new[] { b.Left, b.Bottom, b.Right, b.Top }) w.WriteNumberValue(Math.Round(v, 1));
                w.WriteEndArray();
            }
            else w.WriteNull("box");
            w.WriteString("text", l.Text);
            w.WriteString("describe", l.Describe());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? v)
    {
        if (v is decimal d) w.WriteNumber(name, d); else w.WriteNull(name);
    }

    private static void Int(Utf8JsonWriter w, string name, int? v)
    {
        if (v is int i) w.WriteNumber(name, i); else w.WriteNull(name);
    }
}
