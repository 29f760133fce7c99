using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Compile;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Compile;

/// <summary>docs/data-schema.json is the schema of <see cref="DisclosureData"/>, and the data files conform to it.</summary>
public class DataSchemaTests
{
    private static string SchemaPath => Path.Combine(Repo.Root, "docs", "data-schema.json");

    [Fact]
    public void Docs_schema_is_up_to_date()
    {
        var generated = DataSchema.Generate();
        if (Environment.GetEnvironmentVariable("GONGKAI_WRITE_SCHEMA") == "1") File.WriteAllText(SchemaPath, generated);
        Assert.True(File.Exists(SchemaPath), "docs/data-schema.json 不存在：设置 GONGKAI_WRITE_SCHEMA=1 运行本测试生成。");
        Assert.True(File.ReadAllText(SchemaPath).ReplaceLineEndings("\n") == generated,
            "docs/data-schema.json 与 DisclosureData 不一致：设置 GONGKAI_WRITE_SCHEMA=1 重新运行本测试以更新。");
    }

    [Theory]
    [InlineData("seed003-final-2024.json")]
    [InlineData("seed004-budget-2023.json")]
    public void Data_files_conform_to_the_schema(string name)
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tests", "Gongkai.Tests", "Compile", "Data", name)));
        var problems = new List<string>();
        Check(schema, schema, data, "$", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_structural_check_can_fail()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var problems = new List<string>();
        Check(schema, schema, JsonNode.Parse("""{ "year": "二〇二四", "unit": { "nmae": "x" }, "expenditure": [ { "basic": true } ] }"""), "$", problems);
        Assert.Contains(problems, p => p.StartsWith("$.year"));
        Assert.Contains(problems, p => p.StartsWith("$.unit.nmae"));
        Assert.Contains(problems, p => p.StartsWith("$.expenditure[0].basic"));
    }

    /// <summary>A structural check: types, known properties, enums, array items, $ref into $defs.</summary>
    private static void Check(JsonNode root, JsonNode schema, JsonNode? value, string path, List<string> problems)
    {
        if (schema["$ref"]?.GetValue<string>() is string r)
        {
            var target = r.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(root, (n, key) => n[key]!);
            Check(root, target, value, path, problems);
            return;
        }
        var types = schema["type"] switch
        {
            JsonArray a => a.Select(x => x!.GetValue<string>()).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => new List<string>(),
        };
        string actual = value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString().Contains('.') ? "number" : "integer",
            _ => "unknown",
        };
        if (types.Count > 0 && !types.Contains(actual) && !(actual == "integer" && types.Contains("number"))
            && !(actual == "string" && (types.Contains("number") || types.Contains("integer")) && schema["pattern"] is not null))
        {
            problems.Add($"{path}: 应为 {string.Join("/", types)}，实为 {actual}");
            return;
        }
        if (schema["enum"] is JsonArray e && value is not null && !e.Any(x => JsonNode.DeepEquals(x, value)))
            problems.Add($"{path}: 取值 {value.ToJsonString()} 不在 {e.ToJsonString()} 中");
        if (value is JsonObject o)
        {
            var props = schema["properties"] as JsonObject;
            foreach (var (k, v) in o)
            {
                if (props?[k] is JsonNode ps) Check(root, ps, v, $"{path}.{k}", problems);
                else if (schema["additionalProperties"] is JsonObject ap) Check(root, ap, v, $"{path}.{k}", problems);
                else if (props is not null) problems.Add($"{path}.{k}: 未定义的属性");
            }
        }
        if (value is JsonArray arr && schema["items"] is JsonNode items)
            for (int i = 0; i < arr.Count; i++) Check(root, items, arr[i], $"{path}[{i}]", problems);
    }
}
