using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongkai.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongkai.Api;

/// <summary>Bearer tokens created by `gongkai token create`; the store keeps only their SHA-256.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, GongkaiStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Scheme = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.Fail("not a bearer token"));
        if (store.AuthenticateToken(header["Bearer ".Length..].Trim()) is not var (user, tokenDepartments))
            return Task.FromResult(AuthenticateResult.Fail("unknown token"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], Scheme);
        if (user.Departments is not null) identity.AddClaim(new Claim(Scopes.UserClaim, user.Departments));
        if (tokenDepartments is not null) identity.AddClaim(new Claim(Scopes.TokenClaim, tokenDepartments));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "未登录", "缺少或无效的访问令牌。请在请求头加 Authorization: Bearer <令牌>（令牌用 gongkai token create 生成）。");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "无权操作", "当前用户的角色不允许此操作（查看者只能读取；审核人员可上传和忽略问题；管理员可管理用户和部门）。");
}

public static class Policies
{
    public const string Read = "read";
    public const string Review = "review";
    public const string Admin = "admin";
}

public static class Problems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            options: (System.Text.Json.JsonSerializerOptions?)null, contentType: "application/problem+json");
    }
}

/// <summary>
/// The departments the current user may see (issue 10: roles optionally limited to some departments): the user's
/// list, narrowed by the token's own list, with sub-departments. Outside it a document, its findings, its job and a
/// department's series are "not found" (404) — their existence is not told; lists and comparisons leave them out.
/// </summary>
public static class Scopes
{
    public const string UserClaim = "gongkai:departments";
    public const string TokenClaim = "gongkai:token-departments";

    public static DepartmentScope Of(ClaimsPrincipal user, GongkaiStore store)
    {
        var u = user.FindFirst(UserClaim)?.Value;
        var t = user.FindFirst(TokenClaim)?.Value;
        return u is null && t is null ? DepartmentScope.All : DepartmentScope.Of(store, u, t);
    }
}
