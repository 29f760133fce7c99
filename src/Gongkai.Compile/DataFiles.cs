using System.Text.Json;

namespace Gongkai.Compile;

/// <summary>An input data file that cannot be read (missing, not JSON/XLSX, malformed).</summary>
public sealed class DataFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Loads <see cref="DisclosureData"/> from JSON or from a filled-in template workbook.</summary>
public static class DataFiles
{
    public static DisclosureData Load(string path)
    {
        if (!File.Exists(path)) throw new DataFileException($"数据文件不存在：{path}。");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            try { return Template.TemplateWorkbook.Read(new MemoryStream(bytes)); }
            catch (Exception e) when (e is not DataFileException and not OutOfMemoryException)
            {
                throw new DataFileException($"无法读取填报表 {path}：{e.Message}。请使用 gongkai template 生成的 XLSX 文件。", e);
            }
        }
        try
        {
            return DisclosureData.FromJson(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long l ? $"第 {l + 1} 行" : "";
            throw new DataFileException($"数据文件 {path} 不是有效的 JSON{(where.Length > 0 ? "（" + where + "）" : "")}：{e.Message.Split('\n')[0]}", e);
        }
    }
}
