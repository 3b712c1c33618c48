using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>
/// Who is calling: a bearer token (user or team, with Select-User / Select-Admin), app
/// credentials (Basic), or nobody for no-auth routes; and which view Path-Root selects.
/// </summary>
public sealed class Authenticator(EmulatorState state)
{
    public Caller? Authenticate(HttpContext http, RouteDef route)
    {
        var prefix = $"Error in call to API function \"{route.Name}\"";
        if (route.Auth == RouteAuth.None)
        {
            return null;
        }
        string? header = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            header = http.Request.Query.TryGetValue("authorization", out var query) ? query.ToString() : null;
        }
        if (string.IsNullOrEmpty(header))
        {
            throw new BadInputException($"{prefix}: Must provide HTTP header \"Authorization\" or URL parameter \"authorization\".");
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (!route.Auth.HasFlag(RouteAuth.App))
            {
                throw new BadInputException($"{prefix}: Invalid authorization value in HTTP header \"Authorization\": \"Basic …\".  Expecting \"Bearer <oauth2-access-token>\".");
            }
            return AuthenticateApp(header["Basic ".Length..].Trim(), prefix);
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadInputException($"{prefix}: Invalid authorization value in HTTP header \"Authorization\".  Expecting \"Bearer <oauth2-access-token>\".");
        }
        var tokenText = header["Bearer ".Length..].Trim();
        lock (state.Gate)
        {
            if (!state.AccessTokens.TryGetValue(tokenText, out var token) || token.Revoked)
            {
                throw new AuthFailureException("invalid_access_token");
            }
            if (token.ExpiresAt is { } expires && expires <= state.Now)
            {
                throw new AuthFailureException("expired_access_token");
            }
            if (route.Scope is { } scope && !token.Scopes.Contains(scope))
            {
                throw new AuthFailureException("missing_scope", new JsonObject { ["required_scope"] = scope });
            }
            var app = state.Apps[token.AppKey];
            if (token.TeamId is { } teamId)
            {
                return AuthenticateTeamToken(http, route, token, app, state.Teams[teamId], prefix);
            }
            var account = state.Accounts[token.AccountId!];
            if (account.Disabled)
            {
                throw new AuthFailureException("user_suspended");
            }
            if (!route.Auth.HasFlag(RouteAuth.User))
            {
                throw new BadInputException($"{prefix}: This API function operates on a whole team, but the OAuth 2 access token you provided is for a single Dropbox account.");
            }
            return new Caller(token, app, account, state.TeamOf(account), ResolveView(http, account, app));
        }
    }

    private Caller AuthenticateTeamToken(HttpContext http, RouteDef route, AccessToken token, AppRegistration app, Team team, string prefix)
    {
        var selectUser = http.Request.Headers["Dropbox-API-Select-User"].ToString();
        var selectAdmin = http.Request.Headers["Dropbox-API-Select-Admin"].ToString();
        if (string.IsNullOrEmpty(selectUser) && string.IsNullOrEmpty(selectAdmin))
        {
            if (!route.Auth.HasFlag(RouteAuth.Team))
            {
                throw new BadInputException(
                    $"{prefix}: This API function operates on a single Dropbox account, but the OAuth 2 access token you provided is for an entire Dropbox Business team.  Since your API app key has team member file access permissions, you can operate on a team member's Dropbox by providing the \"Dropbox-API-Select-User\" HTTP header or \"select_user\" URL parameter to specify the exact user <https://www.dropbox.com/developers/documentation/http/teams>.");
            }
            return new Caller(token, app, null, team, null);
        }
        if (!token.Scopes.Contains("team_data.member"))
        {
            throw new AuthFailureException("missing_scope", new JsonObject { ["required_scope"] = "team_data.member" });
        }
        var memberId = string.IsNullOrEmpty(selectUser) ? selectAdmin : selectUser;
        var member = team.MemberAccountIds.Select(id => state.Accounts[id]).FirstOrDefault(a => a.TeamMemberId == memberId);
        if (member is null)
        {
            throw new AuthFailureException(string.IsNullOrEmpty(selectUser) ? "invalid_select_admin" : "invalid_select_user");
        }
        if (string.IsNullOrEmpty(selectUser) && !member.IsTeamAdmin)
        {
            throw new AuthFailureException("invalid_select_admin");
        }
        return new Caller(token, app, member, team, ResolveView(http, member, app));
    }

    private Caller AuthenticateApp(string basic, string prefix)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(basic));
        }
        catch (FormatException)
        {
            throw new BadInputException($"{prefix}: Invalid authorization value in HTTP header \"Authorization\": could not decode Basic credentials.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        lock (state.Gate)
        {
            if (colon < 0 || !state.Apps.TryGetValue(decoded[..colon], out var app) || app.Secret != decoded[(colon + 1)..])
            {
                throw new AuthFailureException("invalid_access_token");
            }
            return new Caller(null, app, null, null, null);
        }
    }

    /// <summary>Applies <c>Dropbox-API-Path-Root</c>: home (default), the root namespace, or a namespace id.</summary>
    private View ResolveView(HttpContext http, Account account, AppRegistration app)
    {
        var header = http.Request.Headers["Dropbox-API-Path-Root"].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return state.HomeView(account, app);
        }
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(header);
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BadInputException("Error in call to API function: HTTP header \"Dropbox-API-Path-Root\": could not decode input as JSON");
        }
        var args = new Args(element, "HTTP header \"Dropbox-API-Path-Root\"");
        var (tag, value) = args.AsUnion(["home", "root", "namespace_id"]);
        switch (tag)
        {
            case "home":
                return state.HomeView(account, app);
            case "root":
                var requested = value?.String("root") ?? throw args.Fail("missing required field 'root'");
                var rootView = state.RootView(account, app);
                if (requested != rootView.NamespaceId && requested != account.HomeNamespaceId)
                {
                    throw new RouteErrorException(DropboxJson.Tag("invalid_root", Renderer.RootInfo(state, account)), 422);
                }
                return requested == rootView.NamespaceId ? rootView : state.HomeView(account, app);
            default:
                var namespaceId = value?.String("namespace_id") ?? throw args.Fail("missing required field 'namespace_id'");
                if (app.AppFolder || !state.CanAccessNamespace(account, namespaceId))
                {
                    throw new RouteErrorException(DropboxJson.Tag("no_permission"), 422);
                }
                return state.ViewOfNamespace(namespaceId);
        }
    }
}
