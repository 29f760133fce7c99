using System.Text.Json;
using System.Threading.RateLimiting;
using Gongkai.Api.Apis;
using Gongkai.Store;
using Gongkai.Store.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Api;

public sealed class ServerOptions
{
    public string[] Urls { get; init; } = ["http://127.0.0.1:5080"];
    /// <summary>Requests per minute per user (or per client address without a token).</summary>
    public int RequestsPerMinute { get; init; } = 600;
    /// <summary>Uploads per minute per user.</summary>
    public int UploadsPerMinute { get; init; } = 60;
    /// <summary>Whether this process works the job queue.</summary>
    public bool RunWorker { get; init; } = true;
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>The HTTP API: thin route groups over <see cref="GongkaiStore"/>, hosted by `gongkai serve`.</summary>
public static class GongkaiServer
{
    public static WebApplication Build(GongkaiStore store, ServerOptions? options = null)
    {
        options ??= new ServerOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Gongkai.Api", Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = store.MaxBytes + 64 * 1024);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Services.AddSingleton(store);
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = store.MaxBytes + 64 * 1024);
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddProblemDetails();
        // programs send a bearer token; the browser app signs in with a password and holds a cookie session
        builder.Services.AddAuthentication(WebApp.SmartScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.Scheme, null)
            .AddWebSessions();
        builder.Services.AddWebAntiforgery();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Viewer, Roles.Reviewer, Roles.Admin))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Reviewer, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = (ctx, _) => new ValueTask(Problems.Write(ctx.HttpContext, 429, "请求过于频繁", "请求次数超过限制，请稍后再试。"));
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionKey(ctx), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            r.AddPolicy("upload", ctx => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(ctx), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.UploadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
        });
        builder.Services.AddOpenApi("v1");
        if (options.RunWorker) builder.Services.AddHostedService<QueueWorker>();

        var app = builder.Build();
        app.UseExceptionHandler(e => e.Run(ctx => Problems.Write(ctx, 500, "服务器内部错误", "处理请求时发生意外错误，请把请求和时间反馈给管理员。")));
        app.UseStatusCodePages(ctx => ctx.HttpContext.Response.HasStarted || ctx.HttpContext.Response.ContentLength > 0
            ? Task.CompletedTask
            : Problems.Write(ctx.HttpContext, ctx.HttpContext.Response.StatusCode, StatusTitle(ctx.HttpContext.Response.StatusCode), "请求无法处理。"));
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers["Content-Security-Policy"] = ctx.Request.Path.StartsWithSegments("/api")
                ? "default-src 'none'; frame-ancestors 'none'"
                : WebApp.ContentSecurityPolicy;
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        app.UseWebStaticFiles();
        app.UseAuthentication();
        app.UseCsrfProtection();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithName("Health").WithTags("health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapDocumentsApi();
        app.MapAnnotatedPdfApi();
        app.MapSourceApi();
        app.MapCrossFindingsApi();
        app.MapJobsApi();
        app.MapDepartmentsApi();
        app.MapCompareApi();
        app.MapRulesApi();
        app.MapAuditLogApi();
        app.MapWebApi();
        return app;
    }

    private static string PartitionKey(HttpContext ctx) =>
        ctx.User.Identity?.IsAuthenticated == true ? "u:" + ctx.User.Identity.Name : "ip:" + ctx.Connection.RemoteIpAddress;

    private static string StatusTitle(int status) => status switch
    {
        400 => "请求有误",
        404 => "未找到",
        405 => "不支持的请求方法",
        413 => "文件过大",
        415 => "不支持的文件类型",
        _ => "请求无法处理",
    };
}

/// <summary>Works the job queue inside `gongkai serve`.</summary>
public sealed class QueueWorker(GongkaiStore store, ILogger<QueueWorker> logger) : BackgroundService
{
    public string Owner { get; } = JobQueue.NewOwner();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("queue worker {Owner} started", Owner);
        await store.RunWorkerAsync(Owner, stoppingToken);
    }
}
