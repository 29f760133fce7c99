using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Gongkai.Model;

namespace Gongkai.Cli.Output;

/// <summary>
/// The full disclosure model as JSON: UTF-8 with CJK unescaped, camelCase names, enums as strings,
/// decimals as numbers, provenance on every figure, row and sentence. Derived members that repeat other
/// data (sentences of sections, the 合计 row, parent codes) are left out.
/// </summary>
public static class JsonModelWriter
{
    /// <summary>Derived properties not written (they repeat data written elsewhere).</summary>
    private static readonly Dictionary<Type, string[]> Derived = new()
    {
        [typeof(Disclosure)] = ["sentences"],
        [typeof(DisclosureTable)] = ["totalRow"],
        [typeof(SelfEvaluation)] = ["totalFunds", "scoredFunds"],
        [typeof(ClassificationCode)] = ["parent", "isWellFormed"],
        [typeof(Figure)] = ["halfUnit", "isNumber"],
    };

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters =
            {
                new ColumnKeyConverter(),
                new CountConverter(),
                new ContentsEntryConverter(),
            },
            // source-generated metadata (ModelJson): no serializer built by reflection at run time, so `read --format json`
            // starts faster and works in the native build
            TypeInfoResolver = ModelJson.Default.WithAddedModifier(LeaveOutDerived).WithAddedModifier(OmitEmptyProvenanceParts),
        };
        options.MakeReadOnly();
        return options;
    }

    public static void Write(TextWriter output, Disclosure disclosure) => WriteValue(output, disclosure);

    public static void Write(TextWriter output, IReadOnlyList<Disclosure> disclosures) => WriteValue(output, disclosures);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    private static void WriteValue<T>(TextWriter output, T value)
    {
        output.Write(Serialize(value));
        output.WriteLine();
    }

    private static void LeaveOutDerived(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !Derived.TryGetValue(info.Type, out var names)) return;
        for (int i = info.Properties.Count - 1; i >= 0; i--)
            if (names.Contains(info.Properties[i].Name)) info.Properties.RemoveAt(i);
    }

    /// <summary>Provenance: write only the parts that are known (line or page, table, row, column, text).</summary>
    private static void OmitEmptyProvenanceParts(JsonTypeInfo info)
    {
        if (info.Type != typeof(Provenance)) return;
        foreach (var p in info.Properties)
            p.ShouldSerialize = (_, value) => value switch { null => false, string s => s.Length > 0, _ => true };
    }

    /// <summary>A column key as a dictionary key: "Total", "Amount/Budget".</summary>
    private sealed class ColumnKeyConverter : JsonConverter<ColumnKey>
    {
        public override ColumnKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void Write(Utf8JsonWriter writer, ColumnKey value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override ColumnKey ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, ColumnKey value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());

        private static ColumnKey Parse(string? s)
        {
            var parts = (s ?? "").Split('/');
            if (!Enum.TryParse<Measure>(parts[0], out var m)) throw new JsonException($"未知的列含义：{s}");
            var b = parts.Length > 1 && Enum.TryParse<Basis>(parts[1], out var basis) ? basis : Basis.Default;
            return new ColumnKey(m, b);
        }
    }

    /// <summary>A counted quantity of a claim, (7, "批次") → {"value": 7, "word": "批次"}.</summary>
    private sealed class CountConverter : JsonConverter<(decimal Value, string Word)>
    {
        public override (decimal Value, string Word) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            return (root.GetProperty("value").GetDecimal(), root.GetProperty("word").GetString() ?? "");
        }

        public override void Write(Utf8JsonWriter writer, (decimal Value, string Word) value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", value.Value);
            writer.WriteString("word", value.Word);
            writer.WriteEndObject();
        }
    }

    /// <summary>An entry of the document's own 目录: {"title", "empty", "reason"}.</summary>
    private sealed class ContentsEntryConverter : JsonConverter<(string Title, bool? Empty, string? Reason)>
    {
        public override (string Title, bool? Empty, string? Reason) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            bool? empty = root.TryGetProperty("empty", out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : null;
            string? reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return (root.GetProperty("title").GetString() ?? "", empty, reason);
        }

        public override void Write(Utf8JsonWriter writer, (string Title, bool? Empty, string? Reason) value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("title", value.Title);
            if (value.Empty is bool b) writer.WriteBoolean("empty", b); else writer.WriteNull("empty");
            if (value.Reason is string s) writer.WriteString("reason", s); else writer.WriteNull("reason");
            writer.WriteEndObject();
        }
    }
}

/// <summary>The JSON metadata of the disclosure model, generated at compile time (enums as their names).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(Disclosure))]
[JsonSerializable(typeof(IReadOnlyList<Disclosure>))]
internal sealed partial class ModelJson : JsonSerializerContext;
