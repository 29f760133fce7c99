using System.Security.Claims;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gongkai.Api.Apis;

/// <summary>A cell of a source table as read: its text, grid column and spans.</summary>
public sealed record SourceCellDto(string Text, int Column, int ColSpan, int RowSpan);

public sealed record SourceRowDto(int Row, IReadOnlyList<SourceCellDto> Cells);

/// <summary>
/// One block of the source in reading order: <c>type</c> "text" (a paragraph or heading line) or "table" (its rows
/// with the grid positions the findings' locations use: <c>index</c> = location table, row = location row, column =
/// location column). <c>line</c>/<c>page</c> as the reader gives them (a Word paragraph index, an Excel sheet row and
/// sheet number, an HTML or text line).
/// </summary>
public sealed record SourceBlockDto(string Type, int? Line, int? Page, string? Text, int? Heading, int? Index, IReadOnlyList<SourceRowDto>? Rows);

public sealed record SourceDto(long DocumentId, string Format, IReadOnlyList<SourceBlockDto> Blocks, bool Truncated);

/// <summary>GET /api/v1/documents/{id}/source: the document as read (paragraphs and tables), for showing a finding's cells in a Word, Excel, HTML or text source.</summary>
public static class SourceApi
{
    /// <summary>The most rows of one table sent (a larger sheet is cut; the response says so).</summary>
    public const int MaxRowsPerTable = 3000;

    public static IEndpointRouteBuilder MapSourceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/documents/{id:long}/source", Get).WithTags("documents").RequireAuthorization(Policies.Read)
            .WithName("GetDocumentSource")
            .WithSummary("文档按读取结果给出的原文（段落和表格，表格行列与问题位置一致），用于非 PDF 文档的原文定位")
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    public static async Task<Results<Ok<SourceDto>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> Get(long id, GongkaiStore store, ClaimsPrincipal user)
    {
        if (!DocumentsApi.Visible(id, store, user) || store.FileOf(id) is not var (content, _, name))
            return TypedResults.NotFound(DocumentsApi.Problem(404, "未找到文档", $"没有 id 为 {id} 的文档。"));
        try
        {
            var source = await Task.Run(() => DocumentReaders.CreateDefault().Read(name, content));
            var truncated = false;
            var blocks = new List<SourceBlockDto>();
            foreach (var b in source.Blocks)
            {
                switch (b)
                {
                    case TextBlock t:
                        blocks.Add(new SourceBlockDto("text", t.Source.Line, t.Source.Page, t.Text, t.HeadingLevel, null, null));
                        break;
                    case TableBlock t:
                        truncated |= t.Rows.Count > MaxRowsPerTable;
                        var rows = t.Rows.Take(MaxRowsPerTable).Select((r, i) => new SourceRowDto(r.Source.Row ?? i,
                            r.Cells.Select(c => new SourceCellDto(c.Text, c.Source.Column ?? c.Column, c.ColSpan, c.RowSpan)).ToList())).ToList();
                        blocks.Add(new SourceBlockDto("table", t.Source.Line, t.Source.Page, null, null, t.Index, rows));
                        break;
                }
            }
            return TypedResults.Ok(new SourceDto(id, source.Format.ToString().ToLowerInvariant(), blocks, truncated));
        }
        catch (ReadException e)
        {
            return TypedResults.BadRequest(DocumentsApi.Problem(400, "无法读取文档", e.Message));
        }
    }
}
