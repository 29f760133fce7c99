using System.Security.Claims;
using System.Text.Json;
using Gongkai.Reports;
using Gongkai.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gongkai.Api.Apis;

/// <summary>GET /api/v1/documents/{id}/annotated.pdf: the original PDF with every finding's locations drawn as boxes.</summary>
public static class AnnotatedPdfApi
{
    public static IEndpointRouteBuilder MapAnnotatedPdfApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/documents/{id:long}/annotated.pdf", Get).WithTags("documents").RequireAuthorization(Policies.Read)
            .WithName("GetAnnotatedPdf")
            .WithSummary("原始 PDF，每个问题的位置画成方框（主要位置红框，相关位置橙框，旁注规则编号）；默认不含已忽略的问题")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    /// <param name="id">document id</param>
    /// <param name="dismissed">true: also the dismissed findings</param>
    /// <param name="labels">false: boxes without the rule ids</param>
    /// <param name="finding">only this finding (its id)</param>
    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> Get(
        long id, bool? dismissed, bool? labels, string? finding, GongkaiStore store, ClaimsPrincipal user)
    {
        if (!DocumentsApi.Visible(id, store, user) || store.FileOf(id) is not var (content, format, name))
            return TypedResults.NotFound(DocumentsApi.Problem(404, "未找到文档", $"没有 id 为 {id} 的文档。"));
        if (format != "pdf")
            return TypedResults.BadRequest(DocumentsApi.Problem(400, "不是 PDF", "只有 PDF 文档可以导出带标注的原文；其他格式请导出 HTML 或 XLSX 报告。"));
        var marks = new List<PdfMark>();
        foreach (var v in store.FindingsOf(id))
        {
            if (v.Dismissal is not null && dismissed != true) continue;
            if (finding is not null && v.Finding.Fingerprint != finding) continue;
            var locations = JsonSerializer.Deserialize<List<LocationView>>(v.Finding.LocationsJson) ?? [];
            var first = true;
            foreach (var l in locations)
            {
                if (l.Page is not int page || l.Box is not { Length: 4 } box) continue;
                marks.Add(new PdfMark(page, box, first, labels == false ? null : v.Finding.RuleId));
                first = false;
            }
        }
        try
        {
            var bytes = await Task.Run(() => AnnotatedPdf.Draw(content, marks, labels != false));
            var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(name.Replace('\\', '/')));
            foreach (var c in Path.GetInvalidFileNameChars()) stem = stem.Replace(c, '_');
            return TypedResults.File(bytes, "application/pdf", $"标注-{(string.IsNullOrWhiteSpace(stem) ? "document" : stem)}.pdf");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return TypedResults.BadRequest(DocumentsApi.Problem(400, "无法生成标注 PDF", $"读取或复制原 PDF 时出错：{e.Message}"));
        }
    }
}
