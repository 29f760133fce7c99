using System.Security.Claims;
using Gongkai.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gongkai.Api.Apis;

/// <summary>A document a cross-document finding is about or points to.</summary>
public sealed record RelatedDocumentDto(long Id, int? Year, string? Kind, string Name);

/// <summary>A cross-document finding (GK8xx) of one of the department's documents, with the documents its locations name.</summary>
public sealed record CrossFindingDto(long DocumentId, int? Year, string? Kind, FindingDto Finding, IReadOnlyList<RelatedDocumentDto> Documents);

/// <summary>GET /api/v1/departments/{id}/cross-findings: the findings of the rules that compare a department's documents.</summary>
public static class CrossFindingsApi
{
    public static IEndpointRouteBuilder MapCrossFindingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/departments/{id:long}/cross-findings", Get).WithTags("departments").RequireAuthorization(Policies.Read)
            .WithName("GetDepartmentCrossFindings")
            .WithSummary("部门各文档之间的跨文档检查结果（决算与预算、本年与上年），含涉及的文档")
            .ProducesProblem(404);
        return app;
    }

    public static Results<Ok<List<CrossFindingDto>>, NotFound<ProblemDetails>> Get(long id, GongkaiStore store, ClaimsPrincipal user)
    {
        if (!Scopes.Of(user, store).Allows(id) || store.Department(id) is null)
            return TypedResults.NotFound(DocumentsApi.Problem(404, "未找到部门", $"没有 id 为 {id} 的部门。"));
        var ruleIds = CrossChecks.Rules.Select(r => r.Id).ToHashSet();
        // the documents the rules compare (per year and kind one); an older version keeps the findings of its own time
        var compared = CrossChecks.Compared(store.Documents(id).Select(s => s.Document));
        var byName = compared.GroupBy(d => Path.GetFileName(d.OriginalName)).ToDictionary(g => g.Key, g => g.First());
        var result = new List<CrossFindingDto>();
        foreach (var d in compared.OrderByDescending(d => d.Year).ThenBy(d => d.Kind))
        {
            foreach (var v in store.FindingsOf(d.Id).Where(v => ruleIds.Contains(v.Finding.RuleId)))
            {
                var f = FindingDto.Of(v);
                var related = new List<RelatedDocumentDto> { new(d.Id, d.Year, d.Kind, d.OriginalName) };
                foreach (var l in f.Locations)
                    if (byName.TryGetValue(l.File, out var o) && related.All(r => r.Id != o.Id))
                        related.Add(new(o.Id, o.Year, o.Kind, o.OriginalName));
                result.Add(new CrossFindingDto(d.Id, d.Year, d.Kind, f, related));
            }
        }
        return TypedResults.Ok(result);
    }
}
