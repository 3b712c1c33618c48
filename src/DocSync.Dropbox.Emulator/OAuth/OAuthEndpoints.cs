using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DocSync.Dropbox.Emulator.OAuth;

/// <summary>
/// OAuth 2: a consent page at /oauth2/authorize (code flow, PKCE S256 or plain, state, exact
/// redirect URI match, offline access) and the token endpoint at /oauth2/token.
/// </summary>
internal static class OAuthEndpoints
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/oauth2/authorize", (HttpContext http) => ShowConsent(http, state));
        app.MapPost("/oauth2/authorize", (HttpContext http) => Decide(http, state));
        app.MapPost("/oauth2/token", (HttpContext http) => Token(http, state));
        app.MapPost("/oauth2/token/revoke", (HttpContext http) => Dispatcher.WriteJsonAsync(http, 200, null));
    }

    private sealed record AuthorizeRequest(
        AppRegistration App, string? RedirectUri, string? State, string TokenAccessType,
        string? CodeChallenge, string? CodeChallengeMethod, IReadOnlySet<string> Scopes);

    /// <summary>Validates the authorize parameters; returns an error text for the page when they are wrong.</summary>
    private static (AuthorizeRequest? Request, string? Error) Validate(EmulatorState state, Func<string, string?> get)
    {
        var clientId = get("client_id");
        if (string.IsNullOrEmpty(clientId) || !state.Apps.TryGetValue(clientId, out var app))
        {
            return (null, "Invalid client_id: this app does not exist.");
        }
        if (get("response_type") != "code")
        {
            return (null, "Invalid response_type: only \"code\" is supported.");
        }
        var redirect = get("redirect_uri");
        if (!string.IsNullOrEmpty(redirect) && !app.RedirectUris.Contains(redirect, StringComparer.Ordinal))
        {
            return (null, $"Invalid redirect_uri. It must exactly match one of the redirect URIs registered for the app: \"{redirect}\" does not.");
        }
        var stateValue = get("state");
        if (stateValue is { Length: > 500 })
        {
            return (null, "Invalid state: longer than 500 bytes.");
        }
        var accessType = get("token_access_type") ?? "online";
        if (accessType is not ("online" or "offline" or "legacy"))
        {
            return (null, "Invalid token_access_type: use \"online\", \"offline\" or \"legacy\".");
        }
        var challenge = get("code_challenge");
        var method = get("code_challenge_method");
        if (!string.IsNullOrEmpty(challenge))
        {
            method ??= "plain";
            if (method is not ("S256" or "plain"))
            {
                return (null, "Invalid code_challenge_method: use \"S256\" or \"plain\".");
            }
            if (challenge.Length is < 43 or > 128)
            {
                return (null, "Invalid code_challenge: it must be 43 to 128 characters.");
            }
        }
        var scopeText = get("scope");
        var scopes = string.IsNullOrWhiteSpace(scopeText)
            ? Scope.All
            : scopeText.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = scopes.FirstOrDefault(s => !Scope.All.Contains(s));
        if (unknown is not null)
        {
            return (null, $"Invalid scope: \"{unknown}\" is not a scope this app has.");
        }
        return (new AuthorizeRequest(app, string.IsNullOrEmpty(redirect) ? null : redirect, stateValue, accessType, challenge, method, scopes), null);
    }

    private static async Task ShowConsent(HttpContext http, EmulatorState state)
    {
        AuthorizeRequest? request;
        string? error;
        List<(string Value, string Label)> choices;
        lock (state.Gate)
        {
            (request, error) = Validate(state, k => http.Request.Query.TryGetValue(k, out var v) ? v.ToString() : null);
            choices = state.Accounts.Values.Select(a => (a.AccountId, $"{a.DisplayName} <{a.Email}>")).ToList();
            choices.AddRange(state.Teams.Values.Select(t => ("team:" + t.TeamId, $"Team: {t.Name} (team-linked)")));
        }
        if (request is null)
        {
            await WriteHtml(http, 400, Page("Error", $"<p class=\"error\">{Enc(error!)}</p>"));
            return;
        }
        var hidden = new StringBuilder();
        foreach (var (key, value) in http.Request.Query)
        {
            hidden.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{Enc(key)}\" value=\"{Enc(value.ToString())}\">");
        }
        var options = string.Concat(choices.Select(c => $"<option value=\"{Enc(c.Value)}\">{Enc(c.Label)}</option>"));
        var body = $"""
            <p><strong>{Enc(request.App.Name)}</strong> would like access to {(request.App.AppFolder ? "its own folder, Apps/" + Enc(request.App.Name) + "," : "the files and folders")} in your Dropbox.</p>
            <form method="post" action="/oauth2/authorize">
              {hidden}
              <label for="account">Sign in as</label>
              <select id="account" name="account">{options}</select>
              <div class="buttons">
                <button type="submit" name="decision" value="deny" id="deny">Cancel</button>
                <button type="submit" name="decision" value="allow" id="allow">Allow</button>
              </div>
            </form>
            """;
        await WriteHtml(http, 200, Page("API Request Authorization", body));
    }

    private static async Task Decide(HttpContext http, EmulatorState state)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        AuthorizeRequest? request;
        string? error;
        string? code = null;
        lock (state.Gate)
        {
            (request, error) = Validate(state, k => form.TryGetValue(k, out var v) ? v.ToString() : null);
            if (request is not null && form["decision"] == "allow")
            {
                var choice = form["account"].ToString();
                string? accountId = null;
                string? teamId = null;
                if (choice.StartsWith("team:", StringComparison.Ordinal) && state.Teams.ContainsKey(choice[5..]))
                {
                    teamId = choice[5..];
                }
                else if (state.Accounts.ContainsKey(choice))
                {
                    accountId = choice;
                }
                else if (state.Accounts.Values.FirstOrDefault(a => string.Equals(a.Email, choice, StringComparison.OrdinalIgnoreCase)) is { } byEmail)
                {
                    accountId = byEmail.AccountId;
                }
                else
                {
                    error = "Unknown account.";
                }
                if (error is null)
                {
                    code = state.NewSecret("");
                    state.Codes[code] = new AuthorizationCode
                    {
                        Code = code,
                        AppKey = request.App.Key,
                        AccountId = accountId,
                        TeamId = teamId,
                        RedirectUri = request.RedirectUri,
                        CodeChallenge = request.CodeChallenge,
                        CodeChallengeMethod = request.CodeChallengeMethod,
                        TokenAccessType = request.TokenAccessType,
                        Scopes = request.Scopes,
                        ExpiresAt = state.Now + CodeLifetime,
                    };
                    state.NotifyMutated();
                }
            }
        }
        if (request is null || error is not null)
        {
            await WriteHtml(http, 400, Page("Error", $"<p class=\"error\">{Enc(error!)}</p>"));
            return;
        }
        var stateSuffix = request.State is null ? "" : "&state=" + Uri.EscapeDataString(request.State);
        if (code is null)
        {
            if (request.RedirectUri is null)
            {
                await WriteHtml(http, 200, Page("Access denied", "<p>You declined the request.</p>"));
                return;
            }
            http.Response.Redirect(AppendQuery(request.RedirectUri, "error=access_denied&error_description=" + Uri.EscapeDataString("The user chose not to give your app access to their Dropbox account.") + stateSuffix));
            return;
        }
        if (request.RedirectUri is null)
        {
            await WriteHtml(http, 200, Page("Enter this code into the app", $"<p>Copy this code into {Enc(request.App.Name)}:</p><p><code id=\"code\">{Enc(code)}</code></p>"));
            return;
        }
        http.Response.Redirect(AppendQuery(request.RedirectUri, "code=" + Uri.EscapeDataString(code) + stateSuffix));
    }

    private static string AppendQuery(string uri, string query) => uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static async Task Token(HttpContext http, EmulatorState state)
    {
        // Dropbox also reads the parameters from the query string: the JS SDK sends them there, with
        // an empty body (and a JSON Content-Type when refreshing). Body fields win over query ones.
        if (!http.Request.HasFormContentType && http.Request.Query.Count == 0)
        {
            await TokenError(http, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded.");
            return;
        }
        var fields = http.Request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (http.Request.HasFormContentType)
        {
            foreach (var (key, value) in await http.Request.ReadFormAsync(http.RequestAborted))
            {
                fields[key] = value;
            }
        }
        var form = new FormCollection(fields);
        var clientId = form["client_id"].ToString();
        var clientSecret = form["client_secret"].ToString();
        var usedBasic = false;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    clientId = Uri.UnescapeDataString(decoded[..colon]);
                    clientSecret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
                    usedBasic = true;
                }
            }
            catch (FormatException)
            {
                await TokenError(http, 400, "invalid_request", "Malformed Basic credentials.");
                return;
            }
        }

        JsonObject? response;
        (int Status, string Error, string Description)? failure = null;
        lock (state.Gate)
        {
            response = null;
            if (!state.Apps.TryGetValue(clientId, out var app))
            {
                failure = (usedBasic ? 401 : 400, "invalid_client", "Invalid client_id or client_secret.");
            }
            else if (!string.IsNullOrEmpty(clientSecret) && clientSecret != app.Secret)
            {
                failure = (usedBasic ? 401 : 400, "invalid_client", "Invalid client_id or client_secret.");
            }
            else
            {
                var grant = form["grant_type"].ToString();
                (response, failure) = grant switch
                {
                    "authorization_code" => ExchangeCode(state, app, form, hasSecret: !string.IsNullOrEmpty(clientSecret)),
                    "refresh_token" => Refresh(state, app, form, hasSecret: !string.IsNullOrEmpty(clientSecret)),
                    "" => (null, (400, "invalid_request", "No grant_type given.")),
                    _ => (null, (400, "unsupported_grant_type", $"grant_type \"{grant}\" is not supported.")),
                };
            }
            if (response is not null)
            {
                state.NotifyMutated();
            }
        }
        if (failure is { } f)
        {
            await TokenError(http, f.Status, f.Error, f.Description);
            return;
        }
        await Dispatcher.WriteJsonAsync(http, 200, response);
    }

    private static (JsonObject?, (int, string, string)?) ExchangeCode(EmulatorState state, AppRegistration app, IFormCollection form, bool hasSecret)
    {
        var codeText = form["code"].ToString();
        if (!state.Codes.TryGetValue(codeText, out var code) || code.AppKey != app.Key)
        {
            return (null, (400, "invalid_grant", "code doesn't exist or has expired"));
        }
        if (code.Used || code.ExpiresAt <= state.Now)
        {
            return (null, (400, "invalid_grant", code.Used ? "code has already been used" : "code doesn't exist or has expired"));
        }
        var redirect = form["redirect_uri"].ToString();
        if ((code.RedirectUri ?? "") != redirect)
        {
            return (null, (400, "invalid_grant", "redirect_uri mismatch"));
        }
        if (code.CodeChallenge is not null)
        {
            var verifier = form["code_verifier"].ToString();
            if (verifier.Length is < 43 or > 128)
            {
                return (null, (400, "invalid_grant", "invalid code_verifier"));
            }
            var expected = code.CodeChallengeMethod == "S256"
                ? Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
                : verifier;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code.CodeChallenge)))
            {
                return (null, (400, "invalid_grant", "invalid code_verifier"));
            }
        }
        else if (!hasSecret)
        {
            return (null, (400, "invalid_client", "No client_secret given and the code was not issued with PKCE."));
        }
        code.Used = true;

        string? refresh = null;
        if (code.TokenAccessType == "offline")
        {
            refresh = state.NewSecret("");
            state.RefreshTokens[refresh] = new RefreshGrant
            {
                Token = refresh,
                AppKey = app.Key,
                AccountId = code.AccountId,
                TeamId = code.TeamId,
                Scopes = code.Scopes,
                Pkce = code.CodeChallenge is not null,
            };
        }
        var lifetime = code.TokenAccessType == "legacy" ? (TimeSpan?)null : state.Options.AccessTokenLifetime;
        var token = state.MintToken(app.Key, code.AccountId, code.TeamId, lifetime, code.Scopes, refresh);
        var response = TokenResponse(state, token);
        if (refresh is not null)
        {
            response["refresh_token"] = refresh;
        }
        return (response, null);
    }

    private static (JsonObject?, (int, string, string)?) Refresh(EmulatorState state, AppRegistration app, IFormCollection form, bool hasSecret)
    {
        var text = form["refresh_token"].ToString();
        if (!state.RefreshTokens.TryGetValue(text, out var grant) || grant.AppKey != app.Key || grant.Revoked)
        {
            return (null, (400, "invalid_grant", "refresh token is invalid or revoked"));
        }
        if (!grant.Pkce && !hasSecret)
        {
            return (null, (400, "invalid_client", "No client_secret given."));
        }
        var scopes = grant.Scopes;
        var requested = form["scope"].ToString();
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var narrowed = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            if (!narrowed.IsSubsetOf(grant.Scopes))
            {
                return (null, (400, "invalid_scope", "requested scope exceeds the granted scope"));
            }
            scopes = narrowed;
        }
        var token = state.MintToken(app.Key, grant.AccountId, grant.TeamId, state.Options.AccessTokenLifetime, scopes, grant.Token);
        return (TokenResponse(state, token), null);
    }

    private static JsonObject TokenResponse(EmulatorState state, AccessToken token)
    {
        var response = new JsonObject
        {
            ["access_token"] = token.Token,
            ["token_type"] = "bearer",
        };
        if (token.ExpiresAt is { } expires)
        {
            response["expires_in"] = (long)Math.Round((expires - state.Now).TotalSeconds);
        }
        response["scope"] = string.Join(' ', token.Scopes.Order(StringComparer.Ordinal));
        if (token.AccountId is { } accountId)
        {
            response["uid"] = state.Accounts[accountId].HomeNamespaceId;
            response["account_id"] = accountId;
        }
        if (token.TeamId is { } teamId)
        {
            response["team_id"] = teamId;
        }
        return response;
    }

    private static Task TokenError(HttpContext http, int status, string error, string description) =>
        Dispatcher.WriteJsonAsync(http, status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static string Enc(string text) => WebUtility.HtmlEncode(text);

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{Enc(title)}} - Dropbox emulator</title>
        <style>
          body { font-family: system-ui, sans-serif; background: #f7f5f2; margin: 0; }
          main { max-width: 28rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem; box-shadow: 0 1px 4px #0002; }
          h1 { font-size: 1.3rem; } .error { color: #b00020; } select { width: 100%; padding: .4rem; margin: .5rem 0 1rem; }
          .buttons { display: flex; gap: .5rem; justify-content: flex-end; }
          button { padding: .5rem 1.2rem; border-radius: .3rem; border: 1px solid #0061fe; background: #fff; color: #0061fe; cursor: pointer; }
          #allow { background: #0061fe; color: #fff; }
          .badge { font-size: .75rem; color: #666; }
        </style></head>
        <body><main><p class="badge">Dropbox emulator (offline)</p><h1>{{Enc(title)}}</h1>{{body}}</main></body></html>
        """;

    private static async Task WriteHtml(HttpContext http, int status, string html)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.XFrameOptions = "DENY";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
