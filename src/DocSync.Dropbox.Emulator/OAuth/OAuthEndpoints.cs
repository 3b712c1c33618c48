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
        app.MapPost("/oauth2/token", (HttpContext http) => TokenEndpoint.HandleAsync(http, state));
        app.MapPost("/oauth2/token/revoke", (HttpContext http) => ResponseWriter.WriteJsonAsync(http, 200, null));
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
            await ConsentPage.WriteHtml(http, 400, ConsentPage.Page("Error", $"<p class=\"error\">{ConsentPage.Enc(error!)}</p>"));
            return;
        }
        var hidden = new StringBuilder();
        foreach (var (key, value) in http.Request.Query)
        {
            hidden.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{ConsentPage.Enc(key)}\" value=\"{ConsentPage.Enc(value.ToString())}\">");
        }
        var options = string.Concat(choices.Select(c => $"<option value=\"{ConsentPage.Enc(c.Value)}\">{ConsentPage.Enc(c.Label)}</option>"));
        var body = $"""
            <p><strong>{ConsentPage.Enc(request.App.Name)}</strong> would like access to {(request.App.AppFolder ? "its own folder, Apps/" + ConsentPage.Enc(request.App.Name) + "," : "the files and folders")} in your Dropbox.</p>
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
        await ConsentPage.WriteHtml(http, 200, ConsentPage.Page("API Request Authorization", body));
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
            await ConsentPage.WriteHtml(http, 400, ConsentPage.Page("Error", $"<p class=\"error\">{ConsentPage.Enc(error!)}</p>"));
            return;
        }
        var stateSuffix = request.State is null ? "" : "&state=" + Uri.EscapeDataString(request.State);
        if (code is null)
        {
            if (request.RedirectUri is null)
            {
                await ConsentPage.WriteHtml(http, 200, ConsentPage.Page("Access denied", "<p>You declined the request.</p>"));
                return;
            }
            http.Response.Redirect(AppendQuery(request.RedirectUri, "error=access_denied&error_description=" + Uri.EscapeDataString("The user chose not to give your app access to their Dropbox account.") + stateSuffix));
            return;
        }
        if (request.RedirectUri is null)
        {
            await ConsentPage.WriteHtml(http, 200, ConsentPage.Page("Enter this code into the app", $"<p>Copy this code into {ConsentPage.Enc(request.App.Name)}:</p><p><code id=\"code\">{ConsentPage.Enc(code)}</code></p>"));
            return;
        }
        http.Response.Redirect(AppendQuery(request.RedirectUri, "code=" + Uri.EscapeDataString(code) + stateSuffix));
    }

    private static string AppendQuery(string uri, string query) => uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
}
