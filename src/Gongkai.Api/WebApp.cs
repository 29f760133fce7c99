using System.Security.Claims;
using Gongkai.Audit;
using Gongkai.Reading;
using Gongkai.Recognition;
using Gongkai.Reports;
using Gongkai.Store;
using Gongkai.Store.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Gongkai.Api;

/// <summary>
/// The browser app: static files from wwwroot (no build step, no CDN), cookie sessions with a password, CSRF
/// protection for every state-changing request made with the session cookie, and the endpoints only the app needs
/// (session, users and tokens, the original file, the HTML/XLSX reports).
/// </summary>
public static class WebApp
{
    public const string SmartScheme = "BearerOrCookie";
    public const string CookieScheme = "Session";
    public const string CsrfHeader = "X-CSRF-TOKEN";

    /// <summary>No inline script or style element; pdf.js runs its worker from a same-origin module.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; " +
        "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static AuthenticationBuilder AddWebSessions(this AuthenticationBuilder auth)
    {
        auth.AddPolicyScheme(SmartScheme, "令牌或登录会话", o => o.ForwardDefaultSelector = ctx =>
            string.IsNullOrEmpty(ctx.Request.Headers.Authorization) ? CookieScheme : BearerTokenHandler.Scheme);
        auth.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "gongkai.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => Problems.Write(ctx.HttpContext, StatusCodes.Status401Unauthorized, "未登录",
                "缺少或无效的访问令牌。请在请求头加 Authorization: Bearer <令牌>（令牌用 gongkai token create 生成），或在网页登录。");
            o.Events.OnRedirectToAccessDenied = ctx => Problems.Write(ctx.HttpContext, StatusCodes.Status403Forbidden, "无权操作",
                "当前用户的角色不允许此操作（查看者只能读取；审核人员可上传和忽略问题；管理员可管理用户和部门）。");
            // a user removed or given another role since signing in: the session follows the store
            o.Events.OnValidatePrincipal = ctx =>
            {
                var name = ctx.Principal?.Identity?.Name;
                var user = name is null ? null : ctx.HttpContext.RequestServices.GetRequiredService<GongkaiStore>().UserNamed(name);
                if (user is null || user.PasswordHash is null) ctx.RejectPrincipal();
                else if (!ctx.Principal!.IsInRole(user.Role) || ctx.Principal.FindFirst(Scopes.UserClaim)?.Value != user.Departments)
                {
                    ctx.ReplacePrincipal(Principal(user));
                    ctx.ShouldRenew = true;
                }
                return Task.CompletedTask;
            };
        });
        return auth;
    }

    public static IServiceCollection AddWebAntiforgery(this IServiceCollection services) => services.AddAntiforgery(o =>
    {
        o.HeaderName = CsrfHeader;
        o.Cookie.Name = "gongkai.csrf";
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.HttpOnly = true;
    });

    private static ClaimsPrincipal Principal(User user)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], CookieScheme);
        if (user.Departments is not null) identity.AddClaim(new Claim(Scopes.UserClaim, user.Departments));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Every POST/PUT/PATCH/DELETE under /api made with the session cookie (and signing in or out) must carry the
    /// antiforgery token in the X-CSRF-TOKEN header; requests with a bearer token carry no ambient credential.
    /// </summary>
    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (HttpContext ctx, RequestDelegate next) =>
    {
        var method = ctx.Request.Method;
        bool changes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        bool bySession = ctx.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieScheme };
        if (changes && ctx.Request.Path.StartsWithSegments("/api") && (bySession || ctx.Request.Path.StartsWithSegments("/api/v1/session")))
        {
            var antiforgery = ctx.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(ctx))
            {
                await Problems.Write(ctx, StatusCodes.Status400BadRequest, "请求验证失败", "缺少或无效的防跨站请求令牌（X-CSRF-TOKEN）。请刷新页面后重试。");
                return;
            }
        }
        await next(ctx);
    });

    /// <summary>The files of wwwroot next to the assembly (copied there by the build); "/" is index.html.</summary>
    public static IApplicationBuilder UseWebStaticFiles(this IApplicationBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root)) return app;
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".bcmap"] = "application/octet-stream";
        types.Mappings[".pfb"] = "application/octet-stream";
        types.Mappings[".ttf"] = "font/ttf";
        types.Mappings[".wasm"] = "application/wasm";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebApi(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/v1/session").WithTags("session").AllowAnonymous();
        session.MapGet("/", GetSession).WithName("GetSession").WithSummary("当前登录用户和防跨站请求令牌");
        session.MapPost("/", SignIn).WithName("SignIn").WithSummary("用户名和密码登录（浏览器会话）").DisableAntiforgery();
        session.MapDelete("/", SignOut).WithName("SignOut").WithSummary("退出登录");

        var users = app.MapGroup("/api/v1/users").WithTags("users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", (GongkaiStore store) => TypedResults.Ok(store.Users())).WithName("ListUsers").WithSummary("用户、角色和令牌（管理员）");
        users.MapPut("/{name}", SaveUser).WithName("SaveUser").WithSummary("新建用户或修改角色、密码（管理员）");
        users.MapPut("/{name}/departments", SetDepartments).WithName("SetUserDepartments")
            .WithSummary("限定用户可见的部门（departments 为部门 id 列表，null 为全部部门；含下级部门）（管理员）");
        users.MapPost("/{name}/tokens", CreateToken).WithName("CreateToken").WithSummary("为用户创建 API 令牌（只显示一次）");
        app.MapDelete("/api/v1/tokens/{id:long}", RevokeToken).WithTags("users").WithName("RevokeToken").WithSummary("吊销令牌（管理员）")
            .RequireAuthorization(Policies.Admin);

        var docs = app.MapGroup("/api/v1/documents").WithTags("documents").RequireAuthorization(Policies.Read);
        docs.MapGet("/{id:long}/file", OriginalFile).WithName("GetOriginalFile").WithSummary("原始文件（下载）");
        docs.MapGet("/{id:long}/report.{format}", Report).WithName("GetReport").WithSummary("审核报告：html 或 xlsx");
        return app;
    }

    public sealed record SessionUser(string Name, string Role);
    public sealed record SessionDto(SessionUser? User, string Csrf);
    public sealed record SignInRequest(string? Name, string? Password);
    public sealed record SaveUserRequest(string? Role, string? Password);
    public sealed record NewToken(string Token);
    public sealed record DepartmentsRequest(List<long>? Departments);

    public static Ok<SessionDto> GetSession(HttpContext ctx, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(ctx);
        var user = ctx.User.Identity?.IsAuthenticated == true
            ? new SessionUser(ctx.User.Identity.Name!, ctx.User.FindFirstValue(ClaimTypes.Role) ?? "")
            : null;
        return TypedResults.Ok(new SessionDto(user, tokens.RequestToken!));
    }

    public static async Task<Results<Ok<SessionUser>, UnauthorizedHttpResult, ProblemHttpResult>> SignIn(SignInRequest request, HttpContext ctx, GongkaiStore store)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem(new ProblemDetails { Status = 400, Title = "缺少用户名或密码", Detail = "请填写用户名和密码。" });
        var user = await Task.Run(() => store.SignIn(request.Name, request.Password));
        if (user is null)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = 401, Title = "登录失败",
                Detail = "用户名或密码不对。首次使用请由管理员用 gongkai user add 用户名 --role 角色 设置密码。",
            });
        await ctx.SignInAsync(CookieScheme, Principal(user));
        using (var db = store.Db())
        {
            GongkaiStore.Log(db, user.Name, "session.signin", $"user:{user.Name}", null);
            db.SaveChanges();
        }
        return TypedResults.Ok(new SessionUser(user.Name, user.Role));
    }

    public static async Task<NoContent> SignOut(HttpContext ctx)
    {
        await ctx.SignOutAsync(CookieScheme);
        return TypedResults.NoContent();
    }

    public static Results<Ok<UserInfo>, BadRequest<ProblemDetails>> SaveUser(string name, SaveUserRequest request, GongkaiStore store, ClaimsPrincipal user)
    {
        try
        {
            var role = request.Role ?? store.UserNamed(name)?.Role ?? Roles.Viewer;
            var saved = store.SaveUser(name, role, string.IsNullOrEmpty(request.Password) ? null : request.Password, user.Identity?.Name ?? "?");
            return TypedResults.Ok(store.Users().First(u => u.Id == saved.Id));
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(new ProblemDetails { Status = 400, Title = "用户信息无效", Detail = e.Message });
        }
    }

    public static Results<Ok<UserInfo>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>> SetDepartments(
        string name, DepartmentsRequest request, GongkaiStore store, ClaimsPrincipal user)
    {
        try
        {
            if (!store.SetUserDepartments(name, request.Departments, user.Identity?.Name ?? "?"))
                return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到用户", Detail = $"没有用户 {name}。" });
            return TypedResults.Ok(store.Users().First(u => u.Name == name.Trim()));
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(new ProblemDetails { Status = 400, Title = "部门无效", Detail = e.Message });
        }
    }

    public static Results<Ok<NewToken>, NotFound<ProblemDetails>> CreateToken(string name, GongkaiStore store, ClaimsPrincipal user)
    {
        var existing = store.UserNamed(name);
        if (existing is null) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到用户", Detail = $"没有用户 {name}。" });
        return TypedResults.Ok(new NewToken(store.CreateToken(existing.Name, existing.Role, user.Identity?.Name ?? "?")));
    }

    public static Results<NoContent, NotFound<ProblemDetails>> RevokeToken(long id, GongkaiStore store, ClaimsPrincipal user) =>
        store.RevokeToken(id, user.Identity?.Name ?? "?")
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到令牌", Detail = $"没有有效的令牌 {id}。" });

    /// <summary>The original bytes, always as a download (an uploaded HTML file is never rendered by this origin).</summary>
    public static Results<FileContentHttpResult, NotFound<ProblemDetails>> OriginalFile(long id, GongkaiStore store, ClaimsPrincipal user)
    {
        if (!Apis.DocumentsApi.Visible(id, store, user) || store.FileOf(id) is not var (content, format, name))
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到文档", Detail = $"没有 id 为 {id} 的文档。" });
        var type = format == "pdf" ? "application/pdf" : "application/octet-stream";
        return TypedResults.File(content, type, SafeName(name));
    }

    /// <summary>The report of `gongkai check` for the stored file (read and audited again; nothing written to disk but a temp file for xlsx).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> Report(long id, string format, GongkaiStore store, ClaimsPrincipal user)
    {
        if (format is not ("html" or "xlsx"))
            return TypedResults.BadRequest(new ProblemDetails { Status = 400, Title = "格式无效", Detail = "报告格式只能是 html 或 xlsx。" });
        if (!Apis.DocumentsApi.Visible(id, store, user) || store.FileOf(id) is not var (content, _, name))
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到文档", Detail = $"没有 id 为 {id} 的文档。" });
        try
        {
            var bytes = await Task.Run(() =>
            {
                var read = new DisclosureReader().Read(name, content);
                var report = Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });
                if (format == "html") return System.Text.Encoding.UTF8.GetBytes(new HtmlReportRenderer().Render(read, report));
                var temp = Path.Combine(Path.GetTempPath(), $"gongkai-report-{Guid.NewGuid():N}.xlsx");
                try
                {
                    new XlsxReportRenderer().Render(read, report, temp);
                    return File.ReadAllBytes(temp);
                }
                finally
                {
                    File.Delete(temp);
                }
            });
            var type = format == "html" ? "text/html; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return TypedResults.File(bytes, type, $"审核结果-{Path.GetFileNameWithoutExtension(SafeName(name))}.{format}");
        }
        catch (ReadException e)
        {
            return TypedResults.BadRequest(new ProblemDetails { Status = 400, Title = "无法读取文档", Detail = e.Message });
        }
    }

    private static string SafeName(string name)
    {
        var n = Path.GetFileName(name.Replace('\\', '/'));
        foreach (var c in Path.GetInvalidFileNameChars()) n = n.Replace(c, '_');
        return string.IsNullOrWhiteSpace(n) ? "document" : n;
    }
}
