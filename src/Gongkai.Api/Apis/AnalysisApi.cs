using System.Globalization;
using System.Text;
using Gongkai.Reports;
using Gongkai.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gongkai.Api.Apis;

/// <summary>Analysis results as downloads: CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) or XLSX.</summary>
public static class Tabular
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A 400 for a format other than json, csv or xlsx; null when it is one of them.</summary>
    public static IResult? BadFormat(string? format) => format is null or "json" or "csv" or "xlsx"
        ? null
        : TypedResults.BadRequest(DocumentsApi.Problem(400, "格式无效", $"format 只能是 json、csv 或 xlsx：{format}。"));

    public static IResult File(string format, string name, string sheet, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        if (format == "xlsx")
        {
            using var ms = new MemoryStream();
            XlsxReportRenderer.WriteTable(ms, sheet, header, rows);
            return TypedResults.File(ms.ToArray(), XlsxType, safe + ".xlsx");
        }
        return TypedResults.File(Csv(header, rows), CsvType, safe + ".csv");
    }

    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", header.Select(Cell))).Append("\r\n");
        foreach (var r in rows) sb.Append(string.Join(",", r.Select(Cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Cell(object? v)
    {
        var s = v switch
        {
            null => "",
            decimal d => d.ToString("0.00####", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        };
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}

/// <summary>/api/v1/compare: peers of the same year, kind and type; and the budget vs final of a department-year.</summary>
public static class AnalysisApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/compare").WithTags("compare").RequireAuthorization(Policies.Read);
        api.MapGet("/measures", Measures).WithName("ListMeasures").WithSummary("可比较的指标（代码与中文名称）");
        api.MapGet("/", Compare).WithName("ComparePeers")
            .WithSummary("同年度、同类型（预算/决算）、同类部门的某项指标：数值、排名、中位数；format=csv|xlsx 下载")
            .Produces<PeerComparison>().Produces(200, contentType: Tabular.CsvType).Produces(200, contentType: Tabular.XlsxType)
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    public static Ok<List<MeasureInfo>> Measures(GongkaiStore store) => TypedResults.Ok(store.Measures());

    public static IResult Compare(int? year, string? kind, string? measure, string? type, long? department, string? format, GongkaiStore store,
        System.Security.Claims.ClaimsPrincipal user)
    {
        if (Tabular.BadFormat(format) is { } bad) return bad;
        if (year is null || string.IsNullOrWhiteSpace(kind) || string.IsNullOrWhiteSpace(measure))
            return TypedResults.BadRequest(DocumentsApi.Problem(400, "缺少参数", "需要 year、kind（预算 或 决算）和 measure（见 /api/v1/compare/measures）。"));
        PeerComparison c;
        try
        {
            // a user limited to some departments compares them only
            var scope = Scopes.Of(user, store);
            if (department is long dep && !scope.Allows(dep)) throw new KeyNotFoundException($"没有 id 为 {dep} 的部门。");
            c = store.Compare(year.Value, kind, measure, type, department, scope.Ids);
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(DocumentsApi.Problem(400, "参数无效", e.Message));
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.NotFound(DocumentsApi.Problem(404, "未找到部门", e.Message));
        }
        if (format is null or "json") return TypedResults.Ok(c);
        string[] header = ["排名", "部门", "机构类别", "部门类型", "年度", "类型", "指标", "金额（万元）", "中位数（万元）", "与中位数差额（万元）", "所选部门", "来源表", "页码", "文档ID"];
        var rows = c.Peers.Select(p => (IReadOnlyList<object?>)[p.Rank, p.Name, p.OfficeKind, p.Type, c.Year, c.Kind, c.Label, p.Value, c.Median,
            c.Median is decimal m ? p.Value - m : null, p.Highlight ? "是" : "", p.Table, p.Page, p.DocumentId]).ToList();
        if (c.Message is not null) rows.Add([null, c.Message]);
        return Tabular.File(format, $"同类比较_{c.Year}_{c.Kind}_{c.Label}", "同类比较", header, rows);
    }

    public static IResult Execution(long id, int? year, string? format, GongkaiStore store, System.Security.Claims.ClaimsPrincipal user)
    {
        if (Tabular.BadFormat(format) is { } bad) return bad;
        if (year is null) return TypedResults.BadRequest(DocumentsApi.Problem(400, "缺少参数", "需要 year（年度）。"));
        if (!Scopes.Of(user, store).Allows(id) || store.Execution(id, year.Value) is not { } e)
            return TypedResults.NotFound(DocumentsApi.Problem(404, "未找到部门", $"没有 id 为 {id} 的部门。"));
        if (format is null or "json") return TypedResults.Ok(e);
        string[] header = ["层级", "编码", "项目", "预算数（万元）", "决算数（万元）", "差额（万元）", "执行率（%）"];
        var rows = e.Lines.Select(l => (IReadOnlyList<object?>)[l.Level, l.Code, l.Label, l.Budget, l.Final, l.Difference, l.Rate]).ToList();
        rows.Add([null, null, "预算数来源：" + e.BudgetBasis]);
        if (e.Message is not null) rows.Add([null, null, e.Message]);
        return Tabular.File(format, $"{e.Name}_{e.Year}_预算执行", "预算执行", header, rows);
    }

    public static readonly string[] SeriesHeader =
        ["部门", "年度", "类型", "指标代码", "指标", "分组", "金额（万元）", "上年（万元）", "比上年增减（万元）", "比上年增减（%）", "来源表", "页码", "文档ID"];

    public static IEnumerable<IReadOnlyList<object?>> SeriesRows(DepartmentSeries s) =>
        s.Lines.SelectMany(l => l.Values.Select(v => (IReadOnlyList<object?>)
            [s.Name, v.Year, l.Kind, l.Key, l.Label, l.Group, v.Value, v.PreviousValue, v.Change, v.ChangePercent, v.Table, v.Page, v.DocumentId]));
}
