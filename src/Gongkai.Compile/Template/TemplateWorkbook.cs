namespace Gongkai.Compile.Template;

public static partial class TemplateWorkbook
{
    public static DisclosureData Read(Stream s) => throw new DataFileException("XLSX 填报表读取尚未实现");
}
