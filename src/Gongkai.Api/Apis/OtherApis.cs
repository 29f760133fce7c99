using Gongkai.Audit;
using Gongkai.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gongkai.Api.Apis;

/// <summary>/api/v1/jobs: the processing state of an upload.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").WithTags("jobs").RequireAuthorization(Policies.Read);
        api.MapGet("/{id:long}", Get).WithName("GetJob").WithSummary("任务状态：queued、running、done、failed");
        return app;
    }

    public static Results<Ok<JobDto>, NotFound<ProblemDetails>> Get(long id, GongkaiStore store, System.Security.Claims.ClaimsPrincipal user)
    {
        var scope = Scopes.Of(user, store);
        // a job is seen by whoever may see its document
        return store.Job(id) is { } j && (scope.IsAll || j.DocumentId is long doc && DocumentsApi.Visible(doc, store, user, scope))
            ? TypedResults.Ok(JobDto.Of(j))
            : TypedResults.NotFound(DocumentsApi.Problem(404, "未找到任务", $"没有 id 为 {id} 的任务。"));
    }
}

/// <summary>/api/v1/departments: departments and their series over the years.</summary>
public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/departments").WithTags("departments").RequireAuthorization(Policies.Read);
        api.MapGet("/", List).WithName("ListDepartments").WithSummary("部门（含历年名称）");
        api.MapGet("/{id:long}/series", Series).WithName("GetDepartmentSeries")
            .WithSummary("部门历年主要指标（万元）及比上年增减；format=csv|xlsx 下载")
            .Produces<SeriesDto>().Produces(200, contentType: Tabular.CsvType).Produces(200, contentType: Tabular.XlsxType)
            .ProducesProblem(404);
        api.MapGet("/{id:long}/execution", AnalysisApi.Execution).WithName("GetDepartmentExecution")
            .WithSummary("部门某年预算与决算对照：执行率（合计及功能分类类/款/项）；format=csv|xlsx 下载")
            .Produces<Execution>().Produces(200, contentType: Tabular.CsvType).Produces(200, contentType: Tabular.XlsxType)
            .ProducesProblem(400).ProducesProblem(404);
        api.MapPost("/{id:long}/merge", Merge).WithName("MergeDepartments")
            .WithSummary("把另一部门记录（from）合并到本部门：名称、文档和下级部门并入，原记录删除（管理员）")
            .RequireAuthorization(Policies.Admin);
        api.MapPatch("/{id:long}", Update).WithName("UpdateDepartment").WithSummary("设置部门的地区、级次、类型和上级（管理员）")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static Results<Ok<DepartmentDto>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>> Update(
        long id, DepartmentUpdate request, GongkaiStore store, System.Security.Claims.ClaimsPrincipal user)
    {
        if (!Scopes.Of(user, store).Allows(id)) return NotFoundDepartment(id);
        try
        {
            var d = store.UpdateDepartment(id, request.Region, request.Level, request.Type, request.ParentId, user.Identity?.Name ?? "?");
            return d is null
                ? TypedResults.NotFound(DocumentsApi.Problem(404, "未找到部门", $"没有 id 为 {id} 的部门。"))
                : TypedResults.Ok(DepartmentDto.Of(d));
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(DocumentsApi.Problem(400, "部门信息无效", e.Message));
        }
    }

    public static Results<Ok<DepartmentDto>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>> Merge(
        long id, MergeRequest request, GongkaiStore store, System.Security.Claims.ClaimsPrincipal user)
    {
        if (request.From is not long from) return TypedResults.BadRequest(DocumentsApi.Problem(400, "缺少参数", "需要 from（要并入的部门 id）。"));
        var scope = Scopes.Of(user, store);
        if (!scope.Allows(id)) return NotFoundDepartment(id);
        if (!scope.Allows(from)) return NotFoundDepartment(from);
        try
        {
            var d = store.MergeDepartments(id, from, user.Identity?.Name ?? "?");
            return d is null
                ? TypedResults.NotFound(DocumentsApi.Problem(404, "未找到部门", $"部门 {id} 或 {from} 不存在。"))
                : TypedResults.Ok(DepartmentDto.Of(d));
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(DocumentsApi.Problem(400, "无法合并", e.Message));
        }
    }

    public static Ok<List<DepartmentDto>> List(GongkaiStore store, System.Security.Claims.ClaimsPrincipal user) =>
        TypedResults.Ok(store.Departments(Scopes.Of(user, store)).Select(DepartmentDto.Of).ToList());

    internal static NotFound<ProblemDetails> NotFoundDepartment(long id) =>
        TypedResults.NotFound(DocumentsApi.Problem(404, "未找到部门", $"没有 id 为 {id} 的部门。"));

    public static IResult Series(long id, string? format, GongkaiStore store, System.Security.Claims.ClaimsPrincipal user)
    {
        if (Tabular.BadFormat(format) is { } bad) return bad;
        if (!Scopes.Of(user, store).Allows(id) || store.Department(id) is not { } d || store.AnalysisSeries(id) is not { } series)
            return TypedResults.NotFound(DocumentsApi.Problem(404, "未找到部门", $"没有 id 为 {id} 的部门。"));
        if (format is null or "json")
            return TypedResults.Ok(new SeriesDto(d.Id, d.Name, store.Series(id), series.Years, series.Lines));
        return Tabular.File(format, $"{d.Name}_历年指标", "历年指标", AnalysisApi.SeriesHeader, AnalysisApi.SeriesRows(series));
    }
}

/// <summary>/api/v1/rules: the rule catalogue.</summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/rules").WithTags("rules").RequireAuthorization(Policies.Read);
        api.MapGet("/", List).WithName("ListRules").WithSummary("规则目录");
        return app;
    }

    public static Ok<List<RuleDto>> List() => TypedResults.Ok(RuleRegistry.Default.Descriptors
        .Select(d => new RuleDto(d.Id, d.Title, GongkaiStore.SeverityName(d.Severity), d.AppliesTo.ToString(), d.Category.ToString(), d.Formula, d.Rationale, d.Example)).ToList());
}

/// <summary>/api/v1/audit-log: who uploaded, dismissed or changed what (admins only).</summary>
public static class AuditLogApi
{
    public static IEndpointRouteBuilder MapAuditLogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit-log").WithTags("audit-log").RequireAuthorization(Policies.Admin);
        api.MapGet("/", List).WithName("GetAuditLog").WithSummary("审计日志（最新在前，管理员）");
        return app;
    }

    public static Ok<List<AuditLogDto>> List(GongkaiStore store, int? limit) =>
        TypedResults.Ok(store.AuditLog(limit ?? 200).Select(e => new AuditLogDto(e.Id, Utc.Of(e.At), e.Actor, e.Action, e.Subject, e.Detail)).ToList());
}
