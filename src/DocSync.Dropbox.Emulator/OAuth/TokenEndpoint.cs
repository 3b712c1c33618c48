using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace DocSync.Dropbox.Emulator.OAuth;

/// <summary>
/// /oauth2/token: the authorization_code grant (PKCE S256 or plain, or the app secret) and the
/// refresh_token grant; client credentials in the form, the query or HTTP Basic.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task HandleAsync(HttpContext http, EmulatorState state)
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
        await ResponseWriter.WriteJsonAsync(http, 200, response);
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
        ResponseWriter.WriteJsonAsync(http, status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
