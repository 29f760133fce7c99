using System.ComponentModel;
using System.Security.Claims;
using Gongkai.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gongkai.Api.Apis;

/// <summary>/api/v1/documents: upload, list, read, findings and their dismissal.</summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/documents").WithTags("documents").RequireAuthorization(Policies.Read);
        api.MapPost("/", Upload).WithName("UploadDocument").WithSummary("上传一份公开文档，排队读取和审核")
            .RequireAuthorization(Policies.Review).RequireRateLimiting("upload").DisableAntiforgery();
        api.MapGet("/", List).WithName("ListDocuments").WithSummary("列出文档");
        api.MapGet("/{id:long}", Get).WithName("GetDocument").WithSummary("一份文档");
        api.MapGet("/{id:long}/findings", Findings).WithName("GetFindings").WithSummary("文档最近一次审核发现的问题");
        api.MapPut("/{id:long}/findings/{findingId}/dismissal", Dismiss).WithName("DismissFinding").WithSummary("忽略一个问题（须写理由）")
            .RequireAuthorization(Policies.Review);
        api.MapDelete("/{id:long}/findings/{findingId}/dismissal", Undismiss).WithName("UndismissFinding").WithSummary("撤销忽略")
            .RequireAuthorization(Policies.Review);
        return app;
    }

    public static async Task<Results<Accepted<UploadAccepted>, BadRequest<ProblemDetails>, ProblemHttpResult>> Upload(
        IFormFile? file,
        [FromForm, Description("部门名称（文档未写明时）")] string? department,
        [FromForm, Description("年度（文档未写明时）")] int? year,
        [FromForm, Description("预算 或 决算（文档未写明时）")] string? kind,
        GongkaiStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return TypedResults.BadRequest(Problem(400, "缺少文件", "请用 multipart/form-data 的 file 字段上传文档。"));
        if (file.Length > store.MaxBytes)
            return TypedResults.Problem(Problem(413, "文件过大", $"文件超过上限 {store.MaxBytes / 1024 / 1024} MB。"));
        if (kind is not null && GongkaiStore.NormalizeKind(kind) is null)
            return TypedResults.BadRequest(Problem(400, "类型无效", "kind 只能是 预算 或 决算。"));
        if (year is < 1990 or > 2100)
            return TypedResults.BadRequest(Problem(400, "年度无效", "year 应为四位年份。"));
        // a user limited to some departments files documents only under them
        var scope = Scopes.Of(user, store);
        if (!scope.IsAll && !string.IsNullOrWhiteSpace(department) && !scope.Allows(store.DepartmentNamed(department)))
            return TypedResults.Problem(Problem(403, "无权操作", $"部门“{department.Trim()}”不在当前用户可管理的部门范围内。"));
        byte[] bytes;
        using (var ms = new MemoryStream())
        {
            await file.CopyToAsync(ms, ct);
            bytes = ms.ToArray();
        }
        // the content decides what the file is; the client's name and content type are not trusted
        if (GongkaiStore.SniffFormat(bytes) == "binary")
            return TypedResults.Problem(Problem(415, "不支持的文件类型", "只接受 PDF、Word/Excel（docx/doc/wps/xlsx/xls/et）、HTML 或文本格式的公开文档。"));
        var result = store.Add(bytes, file.FileName ?? "upload", new DocumentHints(department?.Trim(), year, GongkaiStore.NormalizeKind(kind)),
            user.Identity?.Name ?? "?");
        // the same bytes already stored under a department out of the user's scope: not told which
        if (!result.IsNew && !Visible(result.DocumentId, store, user, scope))
            return TypedResults.Problem(Problem(403, "无权操作", "该文件已作为其他部门的文档保存，不在当前用户可管理的部门范围内。"));
        return TypedResults.Accepted($"/api/v1/documents/{result.DocumentId}", new UploadAccepted(result.DocumentId, result.JobId, result.IsNew));
    }

    public static Ok<List<DocumentDto>> List(GongkaiStore store, ClaimsPrincipal user,
        [Description("部门 id")] long? department, [Description("年度")] int? year, [Description("预算 或 决算")] string? kind)
    {
        var docs = store.Documents(department, year, kind, scope: Scopes.Of(user, store), user: user.Identity?.Name);
        var dismissed = store.DismissedOf(docs);
        return TypedResults.Ok(docs.Select(s => DocumentDto.Of(s, dismissed.GetValueOrDefault(s.Document.Id))).ToList());
    }

    public static Results<Ok<DocumentDto>, NotFound<ProblemDetails>> Get(long id, GongkaiStore store, ClaimsPrincipal user) =>
        store.Document(id) is DocumentSummary s && Scopes.Of(user, store).Allows(s.Document, user.Identity?.Name)
            ? TypedResults.Ok(DocumentDto.Of(s, store.DismissedOf([s])[s.Document.Id]))
            : NotFoundDocument(id);

    /// <summary>Whether the document exists and the user may see it (its department is in the user's scope).</summary>
    public static bool Visible(long id, GongkaiStore store, ClaimsPrincipal user, DepartmentScope? scope = null)
    {
        scope ??= Scopes.Of(user, store);
        if (scope.IsAll) return store.Document(id) is not null;
        return store.Document(id) is DocumentSummary s && scope.Allows(s.Document, user.Identity?.Name);
    }

    public static Results<Ok<List<FindingDto>>, NotFound<ProblemDetails>> Findings(long id, GongkaiStore store, ClaimsPrincipal user)
    {
        if (!Visible(id, store, user)) return NotFoundDocument(id);
        return TypedResults.Ok(store.FindingsOf(id).Select(FindingDto.Of).ToList());
    }

    public static Results<Ok<DismissalDto>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>> Dismiss(
        long id, string findingId, DismissRequest request, GongkaiStore store, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.BadRequest(Problem(400, "缺少理由", "忽略一个问题必须写明理由（reason）。"));
        if (!Visible(id, store, user)) return NotFoundDocument(id);
        var d = store.Dismiss(id, findingId, request.Reason, user.Identity?.Name ?? "?");
        return d is null
            ? TypedResults.NotFound(Problem(404, "未找到问题", $"文档 {id} 没有编号为 {findingId} 的问题。"))
            : TypedResults.Ok(DismissalDto.Of(d)!);
    }

    public static Results<NoContent, NotFound<ProblemDetails>> Undismiss(long id, string findingId, GongkaiStore store, ClaimsPrincipal user)
    {
        if (!Visible(id, store, user)) return NotFoundDocument(id);
        // the finding must be one of this document's (a dismissal is undone through the document it was made on)
        if (!store.HasFinding(id, findingId))
            return TypedResults.NotFound(Problem(404, "未找到问题", $"文档 {id} 没有编号为 {findingId} 的问题。"));
        return store.Undismiss(findingId, user.Identity?.Name ?? "?")
            ? TypedResults.NoContent()
            : TypedResults.NotFound(Problem(404, "未被忽略", $"问题 {findingId} 当前没有被忽略。"));
    }

    private static NotFound<ProblemDetails> NotFoundDocument(long id) => TypedResults.NotFound(Problem(404, "未找到文档", $"没有 id 为 {id} 的文档。"));

    internal static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
