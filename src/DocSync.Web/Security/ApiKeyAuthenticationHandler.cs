using System.Security.Claims;
using System.Text.Encodings.Web;
using DocSync.Core.ApiKeys;
using DocSync.Core.Access;
using DocSync.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Security;

/// <summary>
/// Authenticates host applications by <c>Authorization: Bearer dsk_…</c>. A valid key enters its
/// company for the request: everything the call does is scoped to that company and that key's rights.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    CompanyContext companyContext)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim holding the company the key belongs to.</summary>
    public const string CompanyClaim = "docsync:company";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is 'Bearer <API key>'.");
        }

        var scope = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (scope is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        companyContext.Enter(scope);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, scope.Actor.Id.ToString()),
            new Claim(CompanyClaim, scope.CompanyId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unauthenticated",
            failure ?? "This API needs an API key: send 'Authorization: Bearer <API key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden", "This API key may not do that.");
}
